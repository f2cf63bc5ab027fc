"""YAML front matter: keys, Indonesian aliases, dates and the errors operators see."""

import datetime as dt
import os
import textwrap

import pytest

from front_matter.errors import ContentError
from front_matter.source import read_source
from tests.sitetools import build_site, settings_path, text_of
from wartadesa.build import BuildFailed


def write(folder, name, text, encoding="utf-8"):
    path = folder / "berita" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = textwrap.dedent(text).lstrip("\n")
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


@pytest.fixture(scope="module")
def alias_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("alias-content")
    write(
        content,
        "a.md",
        """
        ---
        judul: Musyawarah Desa Membahas APBDes
        tanggal: 2024-06-05 09:00
        kategori: Pemerintahan
        label: [musdes, anggaran]
        penulis: Operator Desa
        ringkasan: Musdes membahas rancangan APBDes.
        sumber: https://contoh.desa.id/musdes
        ---
        Warga **hadir** di balai desa.
        """,
    )
    write(
        content,
        "b.md",
        """
        ---
        title: Kerja Bakti di Makassar
        date: 2024-06-07 07:30+08:00
        category: Pembangunan
        tags: gotong royong
        ---
        Kerja bakti membersihkan saluran.
        """,
    )
    write(
        content,
        "c.md",
        """
        Title: Artikel Dengan Header Pelican
        Date: 2024-06-08 10:00
        Category: Pemerintahan

        Header bawaan Pelican tetap bisa dipakai.
        """,
    )
    write(
        content,
        "d.md",
        """
        ---
        title: "Rapat: Hanya Tanggal"
        date: 2024-06-09
        category: Pemerintahan
        ---
        Tanpa jam.
        """,
    )
    return build_site(tmp_path_factory.mktemp("alias") / "output", content=content)


def test_indonesian_aliases_mean_the_english_keys(alias_site):
    page = alias_site.html("berita/2024/06/musyawarah-desa-membahas-apbdes/")
    assert text_of(page.h1) == "Musyawarah Desa Membahas APBDes"
    text = text_of(page)
    assert "Rabu, 5 Juni 2024 pukul 09.00 WIB" in text
    assert "Pemerintahan" in text and "musdes" in text and "anggaran" in text
    assert page.find("a", href="https://contoh.desa.id/musdes")
    assert page.find("time")["datetime"] == "2024-06-05T09:00:00+07:00"
    assert page.find("strong").get_text() == "hadir"


def test_explicit_offset_is_kept(alias_site):
    page = alias_site.html("berita/2024/06/kerja-bakti-di-makassar/")
    assert page.find("time")["datetime"] == "2024-06-07T07:30:00+08:00"
    assert "Jumat, 7 Juni 2024 pukul 07.30 WITA" in text_of(page)


def test_pelican_native_header_still_works(alias_site):
    page = alias_site.html("berita/2024/06/artikel-dengan-header-pelican/")
    assert "Header bawaan Pelican" in text_of(page)


def test_date_without_time_shows_no_time(alias_site):
    page = alias_site.html("berita/2024/06/rapat-hanya-tanggal/")
    text = text_of(page)
    assert "Minggu, 9 Juni 2024" in text
    assert "pukul" not in text
    assert alias_site.warnings == []


BAD_CASES = {
    "yaml-broken": ("---\ntitle: Rapat\ndate: 2024-06-05\ntags: [a, b\n---\nIsi.\n", 4, "YAML"),
    "never-closed": (
        "---\ntitle: Rapat\ndate: 2024-06-05\nIsi tanpa penutup.\n",
        1,
        "tidak pernah ditutup",
    ),
    "empty-file": ("\n\n", 1, "berkas kosong"),
    "empty-body": ("---\ntitle: Rapat\ndate: 2024-06-05\n---\n\n", 5, "isi berita kosong"),
    "no-title": ("---\ndate: 2024-06-05\n---\nIsi.\n", 1, "judul belum diisi"),
    "no-date": ("---\ntitle: Rapat\n---\nIsi.\n", 1, "tanggal belum diisi"),
    "june-31": (
        "---\ntitle: Rapat\ndate: 2024-06-31\n---\nIsi.\n",
        3,
        "Juni 2024 hanya punya 30 hari",
    ),
    "not-a-date": ("---\ntitle: Rapat\ntanggal: besok pagi\n---\nIsi.\n", 3, "tidak dikenali"),
    "list-for-title": (
        "---\ntitle: [Rapat, Desa]\ndate: 2024-06-05\n---\nIsi.\n",
        2,
        "bukan daftar",
    ),
    "alias-twice": (
        "---\ntitle: Rapat\njudul: Rapat lagi\ndate: 2024-06-05\n---\nIsi.\n",
        3,
        "ditulis dua kali",
    ),
    "tab-indent": ("---\ntitle: Rapat\ndate: 2024-06-05\ntags:\n\t- a\n---\nIsi.\n", 5, "tab"),
    "bad-status": ("---\ntitle: Rapat\ndate: 2024-06-05\nstatus: nanti\n---\nIsi.\n", 4, "status"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_front_matter_names_file_and_line(tmp_path, name):
    text, line, words = BAD_CASES[name]
    content = tmp_path / "content"
    path = write(content, f"{name}.md", text)
    output = tmp_path / "output"
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content)
    problems = "\n".join(failed.value.problems)
    assert f"{path.name}:{line}: " in problems, problems
    assert words.lower() in problems.lower(), problems
    assert "Traceback" not in problems
    assert not output.exists(), "a failed build must not write the output folder"


def test_not_utf8_names_the_line(tmp_path):
    content = tmp_path / "content"
    path = content / "berita" / "latin1.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(
        "---\ntitle: Rapat\ndate: 2024-06-05\n---\nKepala desa hadir.\nCaf\xe9\n".encode("latin-1")
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert "latin1.md:6: berkas bukan teks UTF-8" in "\n".join(failed.value.problems)


def test_bom_and_windows_line_endings_are_accepted(tmp_path):
    content = tmp_path / "content"
    path = content / "berita" / "windows.md"
    path.parent.mkdir(parents=True)
    text = "---\r\ntitle: Dari Windows\r\ndate: 2024-06-05 10:00\r\n---\r\nDitulis di Notepad.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    site = build_site(tmp_path / "output", content=content)
    page = site.html("berita/2024/06/dari-windows/")
    assert text_of(page.h1) == "Dari Windows"


def test_parse_date_rejects_nonexistent_times():
    from front_matter.dates import DateError, parse_date

    assert parse_date("2024-02-29").day == 29
    assert parse_date("2024-06-05 09:00 WITA").utcoffset() == dt.timedelta(hours=8)
    with pytest.raises(DateError):
        parse_date("2023-02-29")
    with pytest.raises(DateError):
        parse_date("2024-06-05 25:00")


def test_unclosed_quote_is_reported_where_it_opens(tmp_path):
    content = tmp_path / "content"
    path = write(
        content,
        "quote.md",
        '---\ntitle: "Rapat desa\ndate: 2024-06-05\ncategory: Umum\n---\nIsi.\n',
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert f"{path.name}:2: YAML front matter tidak valid" in "\n".join(failed.value.problems)


def test_display_paths_are_relpaths_inside_the_working_folder(tmp_path, monkeypatch):
    """display_path gives os.path.relpath's text for a path inside the working folder
    (found without it for a plain one) and the path itself outside it."""
    from front_matter.errors import display_path, relative_path

    def expected(path):
        path = str(path)
        if path and os.path.isabs(path):
            relative = os.path.relpath(path)
            if not relative.startswith(".."):
                return relative
        return path

    work = tmp_path / "situs"
    work.mkdir()
    monkeypatch.chdir(work)
    here = os.getcwd()
    paths = [
        f"{here}/content/berita/a.md",
        f"{here}/content//berita/./b.md",
        f"{here}/content/../luar.md",
        f"{here}/..x/c.md",
        f"{here}/",
        here,
        f"{here}x/d.md",
        str(tmp_path / "lain" / "e.md"),
        "content/berita/f.md",
        "",
        "/",
    ]
    for path in paths:
        assert display_path(path) == expected(path), path
        for start in (here, str(tmp_path), "/"):
            assert relative_path(path or ".", start) == os.path.relpath(path or ".", start)
    assert display_path(f"{here}/content/berita/a.md") == os.path.join("content", "berita", "a.md")


@pytest.mark.parametrize(
    "text, found",
    [
        ("Rapat desa\nberjalan lancar 😀\n", None),  # an emoji is text, not a forbidden one
        ("Rapat desa\ttanpa masalah\n", None),
        ("baris satu\nbaris\x07 dua\n", (2, "U+0007")),
        ("satu\ndua\x85\n", (2, "U+0085")),
        ("satu\ufdd0\n", (1, "U+FDD0")),
        ("satu\n\n\uffff\n", (3, "U+FFFF")),
        ("satu\ndua \U0001fffe\n", (2, "U+1FFFE")),
        ("😀 satu\n\U0010ffff\n", (2, "U+10FFFF")),
        ("😀 satu\nd\x01ua \U0001fffe\n", (2, "U+0001")),
    ],
)
def test_forbidden_characters_are_found_with_their_line(text, found):
    from front_matter.characters import find_bad

    assert find_bad(text) == found


def test_a_typo_of_a_required_key_is_named_in_the_missing_key_error(tmp_path):
    """`tangal:` gives one error at its line, with the suggestion and the corrected line;
    the warnings of the same file (another unknown key) are still printed."""
    from wartadesa.check import check

    content = tmp_path / "content"
    path = write(
        content,
        "typo.md",
        """
        ---
        judul: Kerja Bakti
        tangal: 2024-07-05 08:00
        penuls: Operator Desa
        ---
        Isi.
        """,
    )
    errors, warnings = check(settings_path(), content)
    assert errors == [
        f"{path}:3: tanggal belum diisi (missing date): ada kunci 'tangal' di baris ini, "
        "maksud Anda 'tanggal'? — tulis  tanggal: 2024-07-05 08:00"
    ]
    assert [w for w in warnings if ":4: " in w and "'penuls' tidak dikenal" in w], warnings


@pytest.mark.parametrize(
    "text",
    [
        "\n---\njudul: Rapat\ntanggal: 2024-06-05\n---\nIsi.\n",
        "----\njudul: Rapat\ntanggal: 2024-06-05\n---\nIsi.\n",
        "judul: Rapat\ntanggal: 2024-06-05\n---\nIsi.\n",
        "judul: Rapat\ntanggal: 2024-06-05\n\nIsi.\n",
        "\u2014\njudul: Rapat\ntanggal: 2024-06-05\n---\nIsi.\n",
    ],
    ids=["blank-line-above", "four-dashes", "no-opening", "no-dashes-at-all", "long-dash"],
)
def test_front_matter_not_on_line_1_is_one_message(tmp_path, text):
    path = tmp_path / "rapat.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    assert caught.value.line == 1 and "baris pertama harus ---" in caught.value.message


def test_a_native_pelican_header_is_not_taken_for_misplaced_front_matter(tmp_path):
    path = tmp_path / "native.md"
    path.write_text("Title: Rapat\nDate: 2024-06-05\n\nIsi.\n\n---\n\nLagi.\n", encoding="utf-8")
    assert not read_source(path).has_yaml


PAGE_HINT = "pindahkan ke content/berita/; halaman tetap (Profil, Kontak) ditulis tanpa "


@pytest.mark.parametrize(
    "text, line, keys",
    [
        (
            "---\njudul: Kontak\nslug: kontak\nkategori: Umum\n---\nHubungi kantor desa.\n",
            4,
            ["kategori"],
        ),
        (
            "---\njudul: Kontak\nslug: kontak\nringkasan: Alamat kantor\ntanggal: 2024-07-01\n"
            "---\nHubungi kantor desa.\n",
            5,
            ["tanggal"],
        ),
        # Several keys: the line of the first one written.
        (
            "---\njudul: Kontak\nkategori: Umum\nslug: kontak\ntanggal: 2024-07-01\n---\n"
            "Hubungi kantor desa.\n",
            3,
            ["tanggal", "kategori"],
        ),
        # Pelican's own `Key: value` header.
        ("Title: Kontak\nSlug: kontak\nCategory: Umum\n\nHubungi kantor desa.\n", 3, ["category"]),
    ],
    ids=["kategori", "tanggal", "both", "native-header"],
)
def test_news_keys_in_a_page_are_named_at_their_line(tmp_path, text, line, keys):
    """`kategori: Umum` on line 4 of pages/kontak.md was reported at kontak.md:1."""
    from wartadesa.build import problem_lines
    from wartadesa.check import check

    content = tmp_path / "content"
    write(content, "rapat.md", "---\njudul: Rapat\ntanggal: 2024-07-01 09:00\n---\nIsi.\n")
    page = content / "pages" / "kontak.md"
    page.parent.mkdir(parents=True)
    page.write_text(text, encoding="utf-8")
    errors, warnings = check(settings_path(), content)
    named = f"{keys[0]} dan {keys[1]}" if len(keys) > 1 else keys[0]
    assert problem_lines(errors, warnings) == [
        f"{page}:{line}: peringatan: ini tampaknya berita, bukan halaman: ada "
        f"{', '.join(keys)} (a page with news keys: published as an undated page, outside "
        f"the news lists) — {PAGE_HINT}{named}"
    ]
