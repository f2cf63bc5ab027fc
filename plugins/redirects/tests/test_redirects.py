"""Old addresses (alamat_lama) become redirect pages to the article's address."""

import textwrap

import pytest

from tests.sitetools import build_site, settings_path
from wartadesa.build import BuildFailed, problem_lines
from wartadesa.check import check

ARTICLE = """\
---
judul: Musyawarah Desa Binangun
tanggal: 2025-01-15 09:00
slug: musyawarah-desa-binangun
alamat_lama:
  - berita/2025/01/musyawarah-desa-binangn/
  - https://binangun-singgahan.desa.id/berita/2025/01/musdes/
  - /lama/musdes.html
---
Isi berita.
"""
PAGE = """\
---
judul: Profil Desa
alamat_lama: profil/
---
Isi halaman.
"""


def content_with(tmp_path, article=ARTICLE, page=PAGE):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "berita" / "musdes.md").write_text(textwrap.dedent(article), encoding="utf-8")
    (content / "pages" / "profil.md").write_text(page, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("redirects")
    return build_site(
        tmp / "output",
        settings="publishconf.py",
        content=content_with(tmp),
        siteurl="https://binangun-singgahan.desa.id",
    )


@pytest.mark.parametrize(
    "old, new",
    [
        ("berita/2025/01/musyawarah-desa-binangn/", "berita/2025/01/musyawarah-desa-binangun/"),
        ("berita/2025/01/musdes/", "berita/2025/01/musyawarah-desa-binangun/"),
        ("lama/musdes.html", "berita/2025/01/musyawarah-desa-binangun/"),
        ("profil/", "profil-desa/"),
    ],
)
def test_each_old_address_sends_the_reader_to_the_new_one(site, old, new):
    page = site.html(old)
    target = f"https://binangun-singgahan.desa.id/{new}"
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url={target}"
    assert page.find("link", rel="canonical")["href"] == target
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.main.find("a", href=target)
    assert site.exists(new)


def test_only_the_new_addresses_are_in_the_sitemap(site):
    sitemap = site.text("sitemap.xml")
    assert "musyawarah-desa-binangun/" in sitemap and "profil-desa/" in sitemap
    for old in ("musyawarah-desa-binangn", "/musdes/", "musdes.html", "/profil/<"):
        assert old not in sitemap


def test_preview_redirects_are_relative(tmp_path):
    site = build_site(tmp_path / "output", content=content_with(tmp_path))
    refresh = site.html("berita/2025/01/musdes/").find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == "0; url=../../../../berita/2025/01/musyawarah-desa-binangun/"


@pytest.mark.parametrize(
    "value, words",
    [
        ("../../etc/", "tidak valid"),
        ("berita/<script>/", "tidak valid"),
        ("//another.site/x/", "bukan alamat di situs ini"),
        ("\\\\another.site\\x", "bukan alamat di situs ini"),
        ("javascript:alert(1)", "bukan alamat di situs ini"),
        ("https://desa.id/a/?x=1", "memuat ? atau #"),
        ("profil-desa/", "juga dipakai oleh"),  # the page's own address
        ("arsip/", "sudah dipakai"),  # a page the site writes itself
        ("pagefind/x.html", "berada di folder pagefind/"),  # the search index's folder
        ("/pagefind/", "indeks pencarian (Pagefind)"),
        # A site file made a folder: at this line, not at pelicanconf.py:1
        ("robots.txt", "juga dibutuhkan sebagai folder"),
        ("admin/config.yml", "juga dibutuhkan sebagai folder"),
    ],
)
def test_bad_old_addresses_are_refused_with_file_and_line(tmp_path, value, words):
    article = ARTICLE.replace("  - /lama/musdes.html", f"  - '{value}'")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content_with(tmp_path, article))
    source = tmp_path / "content" / "berita" / "musdes.md"
    assert [
        p
        for p in failed.value.problems
        if p.startswith(f"{source}:5: ")
        and words in p
        and (
            "hapus alamat itu dari alamat_lama" in p
            or "tidak valid" in p
            or "bukan alamat" in p
            or "memuat ?" in p
        )
    ], failed.value.problems
    assert not (tmp_path / "output").exists()


OWN = "alamat lama '{}' adalah alamat {} ini sendiri saat ini (old address is the current address)"


@pytest.mark.parametrize(
    "article, page, at, message",
    [
        # The article's own current address (as in the address bar, or as a path).
        (
            ARTICLE.replace(
                "  - /lama/musdes.html", "  - berita/2025/01/musyawarah-desa-binangun/"
            ),
            PAGE,
            ("berita/musdes.md", 5),
            OWN.format("berita/2025/01/musyawarah-desa-binangun/", "berita")
            + " — hapus alamat itu dari alamat_lama: di sana hanya alamat yang dulu dipakai "
            "berita ini",
        ),
        (
            ARTICLE.replace(
                "  - /lama/musdes.html",
                "  - https://binangun-singgahan.desa.id/berita/2025/01/musyawarah-desa-binangun/",
            ),
            PAGE,
            ("berita/musdes.md", 5),
            OWN.format(
                "https://binangun-singgahan.desa.id/berita/2025/01/musyawarah-desa-binangun/",
                "berita",
            )
            + " — hapus alamat itu dari alamat_lama: di sana hanya alamat yang dulu dipakai "
            "berita ini",
        ),
        (
            ARTICLE,
            PAGE.replace("alamat_lama: profil/", "alamat_lama: /profil-desa/"),
            ("pages/profil.md", 3),
            OWN.format("/profil-desa/", "halaman")
            + " — hapus alamat itu dari alamat_lama: di sana hanya alamat yang dulu dipakai "
            "halaman ini",
        ),
        # The same old address twice in one list.
        (
            ARTICLE.replace("  - /lama/musdes.html", "  - /berita/2025/01/musyawarah-desa-binangn"),
            PAGE,
            ("berita/musdes.md", 5),
            "alamat lama '/berita/2025/01/musyawarah-desa-binangn' ditulis dua kali di "
            "alamat_lama (listed twice) — hapus salah satunya: "
            "'berita/2025/01/musyawarah-desa-binangn/' adalah alamat yang sama",
        ),
        # Only the case differs: one file on Windows and Mac.
        (
            ARTICLE,
            PAGE.replace("alamat_lama: profil/", "alamat_lama: /Profil-Desa/"),
            ("pages/profil.md", 3),
            "alamat lama '/Profil-Desa/' hanya berbeda huruf besar/kecil dari alamat halaman ini "
            "sendiri, /profil-desa/ (old address differs from the current address only in case)"
            " — hapus alamat itu dari alamat_lama: di Windows dan Mac keduanya satu berkas, "
            "sehingga halaman pengalih akan menimpa halaman ini",
        ),
        (
            ARTICLE.replace(
                "  - /lama/musdes.html", "  - /Berita/2025/01/Musyawarah-Desa-Binangn/"
            ),
            PAGE,
            ("berita/musdes.md", 5),
            "alamat lama '/Berita/2025/01/Musyawarah-Desa-Binangn/' ditulis dua kali di "
            "alamat_lama (listed twice) — hapus salah satunya: "
            "'berita/2025/01/musyawarah-desa-binangn/' adalah alamat yang sama di Windows dan "
            "Mac (hanya berbeda huruf besar/kecil)",
        ),
    ],
    ids=["own-path", "own-link", "own-page", "listed-twice", "own-case", "listed-twice-case"],
)
def test_an_old_address_of_the_content_itself_is_one_message(tmp_path, article, page, at, message):
    """`alamat_lama:` holding the article's own address gave two errors naming the article
    as the other file of a duplicate (one advising two articles with the same title)."""
    content = content_with(tmp_path, article, page)
    errors, warnings = check(settings_path(), content)
    assert problem_lines(errors, warnings) == [f"{content / at[0]}:{at[1]}: {message}"]


def test_an_old_address_differing_only_in_case_from_another_files_is_refused(tmp_path):
    """`Profil-Desa/index.html` and `profil-desa/index.html` are one file on Windows and
    Mac: the redirect would replace the page in a preview there. Both sides are told."""
    article = ARTICLE.replace("  - /lama/musdes.html", "  - PROFIL-DESA/")
    content = content_with(tmp_path, article, PAGE)
    errors, warnings = check(settings_path(), content)
    assert problem_lines(errors, warnings) == [
        f"{content / 'berita/musdes.md'}:5: alamat /PROFIL-DESA/ hanya berbeda huruf "
        f"besar/kecil dari /profil-desa/ ({content / 'pages/profil.md'}:2) (addresses "
        "differ only in case) — hapus alamat itu dari alamat_lama; di Windows dan Mac keduanya satu berkas, "
        "yang ditulis terakhir menimpa yang lain",
        f"{content / 'pages/profil.md'}:2: alamat /profil-desa/ hanya berbeda huruf besar/kecil "
        f"dari /PROFIL-DESA/ ({content / 'berita/musdes.md'}:5) (addresses differ only "
        "in case) — "
        "ganti nama salah satunya; di Windows dan Mac keduanya satu berkas, yang ditulis "
        "terakhir menimpa yang lain",
    ]
