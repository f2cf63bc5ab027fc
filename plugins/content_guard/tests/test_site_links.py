"""Links in a body to any address of the site are checked against what the build writes
(the output plan, content_guard/outputs.py), not only those into berita/, kategori/, tag/
and penulis/; a link to a content file by its name (`../2025-01-15-musdes-apbdes.md`, as
GitHub follows it) is told to be written with `{filename}`. Both were published as dead
links without a word."""

import shutil
import textwrap

import pytest

from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed

ARTICLE = "berita/2024-07-12-tautan-situs.md"
HEADER = """\
---
judul: Tautan ke Seluruh Situs
tanggal: 2024-07-12 09:00
kategori: Pemerintahan
desa: binangun
---
Paragraf pertama.

"""
# An address of every kind of page and file the site writes, each as readers follow it:
# without its trailing slash, as its index.html, with an anchor, a query, %-escapes. (A
# picture a plugin writes, the APBDes summary, was refused: only static files were known.)
GOOD_LINKS = [
    "/",
    "/tentang/",
    "/tentang",
    "/tentang/index.html",
    "/tentang/#isi",
    "/sejarah/?dari=berita",
    "/desa/",
    "/desa/binangun/",
    "/desa/binangun/profil/",
    "/pengumuman/jadwal-ronda-malam-bulan-juli/",
    "/agenda/kerja-bakti-membersihkan-saluran-irigasi/",
    "/agenda/kerja-bakti-membersihkan-saluran-irigasi.ics",
    "/agenda.ics",
    "/galeri/",
    "/galeri/contoh-album-kerja-bakti-dusun-krajan/",
    "/galeri/contoh-album-kerja-bakti-dusun-krajan/2/",
    "/profil/",
    "/aparatur/",
    "/dokumen/",
    "/apbdes/",
    "/apbdes/2024/",
    "/apbdes/2024/apbdes-2024.png",  # written by the apbdes plugin, not a static file
    "/tag/rapat-koordinasi/",
    "/kategori/pemerintahan/",
    "/arsip/",
    "/ikuti/",
    "/feeds/all.atom.xml",
    "/feeds/desa/binangun.ics",
    "/files/contoh-perdes-5-2024.pdf",
    "/files/contoh%2Dperdes-5-2024.pdf",
    "/files/jadwal-ronda-juli.txt",
    "/2/",
    "/cari/",
    "/cari/?q=rapat",
    "/admin/",
    "/pagefind/pagefind.js",
    "/theme/css/style.css",
    "/sitemap.xml",
    "../../../../tentang/",
    "../../../../pengumuman/",
    "./",
]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def sample_content(folder, body):
    """The sample site's content, a page `sejarah/`, six more articles (11: the home page
    has a page 2) and the article `ARTICLE` with `body` under its front matter (line 9)."""
    content = folder / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content / "pages" / "sejarah.md", "---\njudul: Sejarah Desa\nslug: sejarah\n---\nIsi.\n")
    for day in range(1, 7):
        write(
            content / "berita" / f"2024-06-0{day}-kabar-{day}.md",
            f"---\njudul: Kabar Desa {day}\ntanggal: 2024-06-0{day}\nkategori: Pemerintahan\n"
            f"---\nKabar ke-{day}.\n",
        )
    write(
        content / "berita" / "2025-01-15-musdes-apbdes.md",
        "---\njudul: Musdes APBDes\ntanggal: 2024-01-15\nkategori: Pemerintahan\n---\nIsi.\n",
    )
    write(content / ARTICLE, HEADER + body)
    return content


def failed_build(tmp_path, body):
    content = sample_content(tmp_path, body)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    prefix = f"{content / ARTICLE}:"
    return [p.replace(prefix, "") for p in failed.value.problems if p.startswith(prefix)]


def test_a_link_to_every_kind_of_page_and_file_of_the_site_passes(tmp_path):
    body = "".join(f"[tautan {n}]({link}) " for n, link in enumerate(GOOD_LINKS)) + "\n"
    content = sample_content(tmp_path, body)
    site = build_site(tmp_path / "output", content=content)
    assert not [w for w in site.warnings if "tautan-situs" in w]
    page = site.html("/berita/2024/07/tautan-ke-seluruh-situs/")
    hrefs = {a["href"] for a in page.select("main a[href]")}
    # Published under the page's own address (article_extras.site_links): from its folder
    # berita/2024/07/tautan-ke-seluruh-situs/, four folders up is the site's root.
    assert {"../../../../tentang", "../../../../2/", "../../../../cari/?q=rapat"} <= hrefs
    assert "../../../../tentang/" in hrefs


def test_a_link_to_a_page_the_site_does_not_have_is_named_with_the_closest(tmp_path):
    """The auditor's links, a page written as its .html file, a feed, links relative to
    the article's own address meant from the root: each one error at its line, with the
    closest address of the site."""
    problems = failed_build(
        tmp_path,
        "[a](/sejarahh/) [c](/desa/tidak-ada/) [e](/pengumuman/xx/)\n"
        "[f](/agenda/xx/) [l](/galeri/xx/) [p](/profil-desa/)\n"
        "[t](/tentang.html) [u](/feeds/semua.atom.xml) [v](../../../../sejarahh/)\n"
        "[w](sejarah/) [x](tentang)\n",
    )
    assert problems == [
        "9: tautan ke halaman yang tidak ada di situs: /sejarahh/ (broken link) — maksud Anda "
        "/sejarah/?",
        "9: tautan ke halaman yang tidak ada di situs: /desa/tidak-ada/ (broken link) — "
        "buka /desa/ lalu salin alamatnya dari halaman yang dituju",
        "9: tautan ke halaman yang tidak ada di situs: /pengumuman/xx/ (broken link) — "
        "maksud Anda /pengumuman/?",
        "10: tautan ke halaman yang tidak ada di situs: /agenda/xx/ (broken link) — maksud "
        "Anda /agenda/?",
        "10: tautan ke halaman yang tidak ada di situs: /galeri/xx/ (broken link) — maksud "
        "Anda /galeri/?",
        "10: tautan ke halaman yang tidak ada di situs: /profil-desa/ (broken link) — maksud "
        "Anda /profil/?",
        "11: tautan ke halaman yang tidak ada di situs: /tentang.html (broken link) — maksud "
        "Anda /tentang/?",
        "11: tautan ke berkas yang tidak ada di situs: /feeds/semua.atom.xml (broken link) — "
        "maksud Anda /feeds/pengumuman.atom.xml?",
        "11: tautan ke halaman yang tidak ada di situs: ../../../../sejarahh/ (broken link) — "
        "maksud Anda /sejarah/?",
        "12: tautan ke halaman yang tidak ada di situs: sejarah/ (broken link) — maksud Anda "
        "/sejarah/? Alamat tanpa / di depan dibaca dari folder halaman ini",
        "12: tautan ke halaman yang tidak ada di situs: tentang (broken link) — maksud Anda "
        "/tentang? Alamat tanpa / di depan dibaca dari folder halaman ini",
    ]


def test_a_link_to_a_content_file_by_its_name_is_told_to_use_filename(tmp_path):
    """`[berita lalu](../2025-01-15-musdes-apbdes.md)` works on GitHub and was published as
    written: a dead link. The file exists: write `{filename}`; it does not: not found."""
    problems = failed_build(
        tmp_path,
        "Lihat [berita lalu](../2025-01-15-musdes-apbdes.md).\n\n"
        "Juga [rapat lama](2025-01-15-musdes-apbdes-lama.md) dan [tidak ada](../x/kosong.md).\n",
    )
    assert problems == [
        "9: tautan ke berkas 2025-01-15-musdes-apbdes.md tidak menuju halamannya di situs: "
        "../2025-01-15-musdes-apbdes.md (link to a content file, a dead link once published) — "
        "tulis [berita lalu]({filename}/berita/2025-01-15-musdes-apbdes.md): build "
        "menggantinya dengan alamat halaman itu",
        "11: berkas berita/halaman yang ditautkan tidak ditemukan di folder content: "
        "2025-01-15-musdes-apbdes-lama.md (broken link: file not found) — maksud Anda "
        "{filename}/berita/2025-01-15-musdes-apbdes.md?",
        "11: berkas berita/halaman yang ditautkan tidak ditemukan di folder content: "
        "../x/kosong.md (broken link: file not found) — periksa nama berkas .md yang ditautkan "
        "(huruf besar/kecil berpengaruh), lalu tulis {filename}/berita/nama-berkas.md",
    ]


def test_the_link_the_message_suggests_builds(tmp_path):
    content = sample_content(
        tmp_path, "Lihat [berita lalu]({filename}/berita/2025-01-15-musdes-apbdes.md).\n"
    )
    site = build_site(tmp_path / "output", content=content)
    page = site.html("/berita/2024/07/tautan-ke-seluruh-situs/")
    assert (
        page.find("a", string="berita lalu")["href"] == "../../../../berita/2024/01/musdes-apbdes/"
    )


def test_a_link_found_good_is_checked_again_when_the_page_goes(tmp_path):
    """The memo of clean files is keyed by the site's addresses: a link to `/sejarah/`
    found good is reported once the page is gone, in a build with the build cache."""
    content = sample_content(tmp_path, "Baca [sejarah desa](/sejarah/).\n")
    settings = {"BUILD_CACHE": str(tmp_path / "cache"), "BUILD_WORKERS": 1}
    build_site(tmp_path / "output", content=content, **settings)
    build_site(tmp_path / "output", content=content, **settings)  # known clean
    (content / "pages" / "sejarah.md").unlink()
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, **settings)
    assert f"{content / ARTICLE}:9: tautan ke halaman yang tidak ada di situs: /sejarah/ " in (
        "\n".join(failed.value.problems)
    )
