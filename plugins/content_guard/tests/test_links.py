"""Links in content that point at nothing: files, {static}/{filename}, the site's sections."""

import textwrap

import pytest

from content_guard.links import links_in
from tests.sitetools import build_site
from wartadesa.build import BuildFailed
from wartadesa.check import check


def write(folder, relative, text):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


GOOD = """
    ---
    judul: Semua Tautan Benar
    tanggal: 2024-06-05
    kategori: Pemerintahan
    ringkasan: Lihat [profil]({filename}/pages/profil.md).
    ---
    [Unduh APBDes]({static}/files/apbdes-2024.pdf) atau [di sini](/files/apbdes-2024.pdf).
    [Peta]({static}/images/peta.png), [berita lain]({filename}/berita/lain.md),
    [berita lain lagi](/berita/2024/05/berita-lain/), [kategori](/kategori/pemerintahan/),
    [halaman 2](/kategori/pemerintahan/2/), [semua kategori](/kategori/),
    [gaya](/theme/css/style.css), [profil](/profil-desa/), [catatan](#catatan),
    [Kemendesa](https://kemendesa.go.id/files/x.pdf), <a href="mailto:desa@contoh.id">surel</a>.
    """

BAD = """
    ---
    judul: Tautan Rusak
    tanggal: 2024-06-06
    kategori: Pemerintahan
    ---
    Paragraf pertama.

    [Unduh]({static}/files/apbdes-2042.pdf) dan [peta](../images/peta.png).
    [Laporan](files/laporan.pdf) dan [berita]({filename}/berita/tidak-ada.md).
    [Kategori lama](/kategori/pemerintahn/) dan [berita](/berita/2024/05/berita-lian/).
    """


def site_content(folder, article):
    content = folder / "content"
    write(content, "berita/tautan.md", article)
    write(
        content,
        "berita/lain.md",
        """
        ---
        judul: Berita Lain
        tanggal: 2024-05-01
        kategori: Pemerintahan
        ---
        Lain.
        """,
    )
    write(content, "pages/profil.md", "---\njudul: Profil Desa\n---\nProfil.\n")
    (content / "files").mkdir()
    (content / "files" / "apbdes-2024.pdf").write_bytes(b"%PDF-1.4\n")
    (content / "images").mkdir()
    (content / "images" / "peta.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return content


def test_links_in_finds_every_address():
    html = (
        '<p><a href="/a/">a</a><img src="{static}/b.png" alt=""></p>'
        '<video poster="c.jpg"><source src="d.mp4"></video><a name="x">x</a>'
    )
    assert links_in(html) == [
        ("a", "/a/"),
        ("img", "{static}/b.png"),
        ("video", "c.jpg"),
        ("source", "d.mp4"),
    ]


def test_working_links_pass(tmp_path):
    content = site_content(tmp_path, GOOD)
    assert check(content=content) == ([], [])


def test_broken_links_each_named_with_line_and_hint(tmp_path):
    content = site_content(tmp_path, BAD)
    errors, warnings = check(content=content)
    assert warnings == []
    shown = [e.split("/content/berita/", 1)[1] for e in errors]
    assert shown == [
        "tautan.md:8: tautan ke berkas yang tidak ada: {static}/files/apbdes-2042.pdf (broken "
        "link) — maksud Anda {static}/files/apbdes-2024.pdf?",
        "tautan.md:8: tautan ke berkas yang tidak ada di situs: ../images/peta.png (broken link) "
        "— berkasnya ada di content/images/peta.png: tulis {static}/images/peta.png agar "
        "tautannya benar dari halaman mana pun",
        "tautan.md:9: tautan ke berkas yang tidak ada di situs: files/laporan.pdf (broken link) — "
        "simpan berkasnya di content/images/ (gambar) atau content/files/ (dokumen), lalu "
        "tautkan dengan {static}/images/nama-berkas.jpg",
        "tautan.md:9: tautan ke berita/halaman yang tidak ada: {filename}/berita/tidak-ada.md "
        "(broken link) — periksa nama berkas .md yang ditautkan (huruf besar/kecil berpengaruh)",
        "tautan.md:10: tautan ke halaman yang tidak ada di situs: /kategori/pemerintahn/ "
        "(broken link) — maksud Anda /kategori/pemerintahan/?",
        "tautan.md:10: tautan ke halaman yang tidak ada di situs: /berita/2024/05/berita-lian/ "
        "(broken link) — maksud Anda /berita/2024/05/berita-lain/?",
    ]


def test_a_link_to_a_project_file_outside_content_is_named_at_its_line(tmp_path):
    """`{attach}../../pelicanconf.py` from content/berita/: Pelican would publish the
    settings file. It was refused only at the file itself (`pelicanconf.py:1`); a linked file
    that does not exist was also named as if it would be written."""
    article = BAD.replace(
        "Paragraf pertama.",
        "Lihat [pengaturan]({attach}../../pelicanconf.py) dan [x]({static}../../tidak/ada.txt).",
    )
    content = site_content(tmp_path, article)
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n", encoding="utf-8")
    errors, _ = check(content=content)
    assert [e.split("/content/berita/", 1)[1] for e in errors if "tautan.md:6:" in e] == [
        "tautan.md:6: tautan ke berkas di luar folder content/: {attach}../../pelicanconf.py "
        "(link to a file outside the content folder) — simpan berkasnya di dalam folder "
        "content/ (misalnya content/images/) lalu tulis alamatnya dari folder content/, tanpa ../",
        "tautan.md:6: tautan ke berkas yang tidak ada: {static}../../tidak/ada.txt (broken "
        "link) — simpan berkasnya di content/images/ (gambar) atau content/files/ (dokumen), "
        "lalu tautkan dengan {static}/images/nama-berkas.jpg",
    ]
    assert not [e for e in errors if "ada.txt:1:" in e], errors


def test_pelican_own_link_warnings_are_not_repeated(tmp_path):
    """Pelican warns 'Unable to find' / 'Cannot get modification stamp' without a line:
    only our errors are shown."""
    content = site_content(tmp_path, BAD)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    shown = "\n".join(failed.value.problems + failed.value.warnings)
    assert "Unable to find" not in shown and "modification stamp" not in shown
    assert len(failed.value.problems) == 6


def test_front_matter_image_is_checked_without_article_extras(tmp_path):
    """article_extras checks cover images when it is active; without it we do (in a fresh
    process: plugins stay connected to Pelican's signals for the life of a process)."""
    import subprocess
    import sys

    from tests.sitetools import ROOT

    content = tmp_path / "content"
    write(
        content,
        "berita/a.md",
        """
        ---
        judul: Foto Kegiatan
        tanggal: 2024-06-05
        gambar: images/tidak-ada.jpg
        ---
        Isi.
        """,
    )
    settings = tmp_path / "tanpa_extras.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom wartadesa.defaults import *\n"
        "PLUGINS = [p for p in PLUGINS if p != 'article_extras']\n"
        f"PATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "wartadesa.check", "--settings", str(settings)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == (
        f"{content}/berita/a.md:4: gambar 'images/tidak-ada.jpg' tidak ditemukan di folder "
        "content (image file not found) — simpan fotonya di content/images/ lalu tulis  "
        "gambar: images/nama-berkas.jpg (huruf besar/kecil berpengaruh)"
    )
