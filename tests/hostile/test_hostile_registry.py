"""Class 3 of issue #10: the village registry (and any other YAML data file) is not
trusted. Addresses that are not plain http(s) web addresses, gambling spam and hidden
text are refused with `desa.yml:line`; other markup is built as text (see
test_hostile_escaping for the built side)."""

import pytest

from tests.hostile.hostile import article, assert_refused, check_content, write_tree

# (line of the situs key, value): each refused as "bukan alamat web"
BAD_SITES = [
    'https://binangun.desa.id" onmouseover="alert(1)',
    "javascript:alert(1)//binangun.desa.id",
    "https://evil.example\\@binangun.desa.id",
    "https://operator@evil.example",
    "https://binangun.desa.id/<script>alert(2)</script>",
    "//evil.example/binangun",
    "https://binangun.desa.id/\tx",
    "data:text/html,<script>alert(3)</script>",
]
CODES = [f"35.23.07.20{n:02d}" for n in range(1, 13)]


def registry_text():
    """desa.yml with one bad address per entry, then spam and hidden text; returns
    (text, {what: line})."""
    lines, at = [], {}
    for index, site in enumerate(BAD_SITES):
        lines.append(f"- kode: {CODES[index]}")
        lines.append(f"  situs: {yaml_quote(site)}")
        at[site] = len(lines)
    spam = [
        ("deskripsi-teks", "deskripsi", "Desa wisata, pola gacor hari ini di sini."),
        ("deskripsi-leet", "deskripsi", "Info s1ot g4c0r terpercaya."),
        ("alamat-tautan", "alamat", "Jl. Raya https://slot88gacor.example/daftar"),
        ("deskripsi-tersembunyi", "deskripsi", '<div style="display:none">promo</div>Desa.'),
    ]
    for index, (name, key, value) in enumerate(spam, start=len(BAD_SITES)):
        lines.append(f"- kode: {CODES[index]}")
        lines.append(f"  {key}: {yaml_quote(value)}")
        at[name] = len(lines)
    return "\n".join(lines) + "\n", at


def yaml_quote(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


@pytest.fixture(scope="session")
def registry_errors(tmp_path_factory):
    text, at = registry_text()
    content = write_tree(
        tmp_path_factory.mktemp("registry-content"),
        {
            "desa.yml": text,
            "data/pengumuman.yaml": "judul: Pengumuman\nisi: Daftar togel resmi di sini\n",
            "berita/a.md": article(desa="Binangun"),
        },
    )
    errors, _ = check_content(content)
    return content, errors, at


@pytest.mark.parametrize("site", BAD_SITES)
def test_a_website_that_is_not_a_plain_web_address_is_refused(registry_errors, site):
    content, errors, at = registry_errors
    assert_refused(errors, content, "desa.yml", at[site], "bukan alamat web", "https://")


@pytest.mark.parametrize(
    "name, words",
    [
        ("deskripsi-teks", ["teks promosi judi", "pola gacor"]),
        ("deskripsi-leet", ["teks promosi judi", "slot gacor"]),
        ("alamat-tautan", ["tautan ke situs judi", "slot88gacor.example"]),
        ("deskripsi-tersembunyi", ["teks tersembunyi", "display:none"]),
    ],
)
def test_spam_and_hidden_text_in_the_registry_are_refused(registry_errors, name, words):
    content, errors, at = registry_errors
    assert_refused(errors, content, "desa.yml", at[name], *words)


def test_any_other_yaml_data_file_is_checked_too(registry_errors):
    content, errors, _ = registry_errors
    assert_refused(errors, content, "data/pengumuman.yaml", 2, "teks promosi judi", "togel")


def test_a_plain_registry_is_accepted(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {
            "desa.yml": "- kode: 35.23.07.2005\n  situs: https://binangun-singgahan.desa.id/profil/"
            "?tab=1#peta\n  alamat: Jl. Raya Binangun No. 1, RT 01/RW 02\n"
            "  deskripsi: Desa agraris; slot waktu posyandu tiap Kamis, lomba burung "
            "kicau gacor.\n",
            "berita/a.md": article(desa="Binangun"),
        },
    )
    assert check_content(content) == ([], [])
