"""Files under content/ that nothing in the build reads are errors with their fix; what a
generator read, copied, was linked to or declares (data files, album folders) is not."""

import shutil
import textwrap

from content_guard.unread import MESSAGE
from tests.sitetools import ROOT
from wartadesa.check import check

ARTICLE = textwrap.dedent("""\
    ---
    judul: Kerja Bakti Warga Dusun Krajan
    tanggal: 2024-07-05 08:00
    kategori: Pembangunan
    ---

    Warga membersihkan saluran irigasi. [Denah saluran]({static}/berita/denah.pdf)
    """)


def unread(errors):
    """{path relative to content/: the fix} of the unread-file errors."""
    return {
        line.split(":1: ", 1)[0].split("/content/", 1)[1]: line.split(" — ", 1)[1]
        for line in errors
        if MESSAGE in line
    }


def test_only_files_nobody_reads_are_named(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)  # the sample site: data, album, pages, ...
    (content / "berita" / "2024-07-05-kerja-bakti.md").write_text(ARTICLE, encoding="utf-8")
    (content / "berita" / "denah.pdf").write_bytes(b"%PDF-1.4\n")  # linked: copied
    (content / "berita" / "foto-lain.jpg").write_bytes(b"x")  # linked from nowhere
    shutil.copy(  # a photo the album does not list: the album folder is the gallery's
        content / "galeri" / "kerja-bakti-dusun-krajan" / "lapangan.jpg",
        content / "galeri" / "kerja-bakti-dusun-krajan" / "cadangan.jpg",
    )
    (content / "galeri" / "foto.jpg").write_bytes(b"x")  # the gallery's own warning only
    (content / "README.md").write_text("Catatan.\n", encoding="utf-8")  # IGNORE_FILES
    (content / ".catatan.md").write_text("x\n", encoding="utf-8")  # hidden
    (content / "data" / "desa" / "binangun" / "Idm.yml").write_text("x: 1\n", encoding="utf-8")
    (content / "data" / "apbdes" / "catatan.txt").write_text("x\n", encoding="utf-8")
    (content / "Desa.yml").write_text("[]\n", encoding="utf-8")
    # Notepad's added .txt and upper-case extensions (the rename was "2023.yml.yml", or none)
    (content / "data" / "apbdes" / "2023.yml.txt").write_text("x: 1\n", encoding="utf-8")
    (content / "data" / "apbdes" / "2022.YML").write_text("x: 1\n", encoding="utf-8")
    (content / "data" / "desa" / "binangun" / "profil.yml.txt").write_text("x\n", encoding="utf-8")
    # GitHub's "Create new file" with the name typed without .md, or with a space after it
    # (made here: a name ending in a space cannot be checked out on Windows).
    (content / "berita" / "rapat.md ").write_text(ARTICLE, encoding="utf-8")
    # A portal's village data without its desa/ folder, and an APBDes year beside it.
    (content / "data" / "sumurgung").mkdir()
    (content / "data" / "sumurgung" / "idm.yml").write_text("x: 1\n", encoding="utf-8")
    (content / "data" / "desa" / "binangun" / "2026.yml").write_text("x: 1\n", encoding="utf-8")

    errors, warnings = check(content=content)

    assert unread(errors) == {
        "berita/foto-lain.jpg": (
            "berkas ini tidak ditautkan dari berita atau halaman mana pun: simpan foto di "
            "content/images/ dan berkas lain di content/files/, lalu tautkan dari beritanya"
        ),
        "data/desa/binangun/Idm.yml": "nama berkas data harus huruf kecil: idm.yml",
        "data/apbdes/catatan.txt": (
            "APBDes ditulis sebagai berkas YAML, satu per tahun: catatan.yml (lihat README, APBDes)"
        ),
        "Desa.yml": "nama berkas harus huruf kecil: desa.yml",
        "data/apbdes/2023.yml.txt": (
            "ganti namanya menjadi 2023.yml (APBDes: satu berkas YAML per tahun)"
        ),
        "data/apbdes/2022.YML": (
            "nama berkas data harus huruf kecil: 2022.yml (APBDes: satu berkas YAML per tahun)"
        ),
        "data/desa/binangun/profil.yml.txt": "ganti namanya menjadi profil.yml",
        "berita/rapat.md ": "ganti namanya menjadi rapat.md",
        "data/sumurgung/idm.yml": (
            "letak berkas salah: data desa portal disimpan di content/data/desa/sumurgung/"
            "idm.yml (dengan folder desa/ di antaranya), data desa situs ini di "
            "content/data/idm.yml"
        ),
        "data/desa/binangun/2026.yml": (
            "APBDes disimpan satu berkas per tahun: content/data/desa/binangun/apbdes/2026.yml"
        ),
    }, errors
    assert len(errors) == 10, errors  # nothing else: the sample site's files are all known
    assert [w for w in warnings if "galeri/foto.jpg:1: " in w and "di luar folder album" in w]


def test_templates_pages_and_a_replaced_identity_file_are_known(tmp_path):
    """A template TEMPLATE_PAGES renders from content/, and situs.yml left beside the file
    SITE_IDENTITY names instead, are the site's own files, not mistakes."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "peta.html").write_text("<p>{{ SITENAME }}</p>\n", encoding="utf-8")
    (content / "catatan.html").write_text("<p>Catatan.</p>\n", encoding="utf-8")
    shutil.copy(content / "situs.yml", content / "identitas.yml")

    errors, _warnings = check(
        content=content,
        overrides={
            "TEMPLATE_PAGES": {"peta.html": "peta/index.html"},
            "SITE_IDENTITY": "identitas.yml",
        },
    )

    assert unread(errors) == {
        "catatan.html": "pindahkan ke content/berita/ (berita) atau content/pages/ (halaman)"
    }, errors


def test_news_written_beside_content_is_named(tmp_path):
    """GitHub's "Add file" on the repository's first page writes beside content/: the news
    never appeared, and the build said nothing."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (tmp_path / "2024-12-03-akar.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita" / "rapat.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pengumuman").mkdir()
    (tmp_path / "pengumuman" / "ronda.md").write_text(ARTICLE, encoding="utf-8")
    # The project's own notes are not news: no front matter, or the kit's README/CHANGELOG.
    (tmp_path / "README.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text("# Cara membantu\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "catatan.md").write_text(ARTICLE, encoding="utf-8")

    errors, _warnings = check(content=content)

    outside = sorted(
        line.split(str(tmp_path) + "/", 1)[1]
        for line in errors
        if "di luar folder content/" in line
    )
    assert outside == [
        "2024-12-03-akar.md:1: berkas berita di luar folder content/ tidak dibaca (file outside "
        "content/) — pindahkan ke content/berita/2024-12-03-akar.md",
        "berita/rapat.md:1: berkas berita di luar folder content/ tidak dibaca (file outside "
        "content/) — pindahkan ke content/berita/rapat.md",
        "pengumuman/ronda.md:1: berkas berita di luar folder content/ tidak dibaca (file "
        "outside content/) — pindahkan ke content/pengumuman/ronda.md",
    ]
    assert len(errors) == 3, errors


def test_yaml_files_saved_with_txt_are_named_to_rename(tmp_path):
    """Notepad saves `situs.yml` as `situs.yml.txt`: the fix is its YAML name, not a news
    item's `situs.yml.md`; a YAML file the kit reads elsewhere is named where it belongs."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    yaml = "nama: Contoh\n"
    for name in (
        "situs.yml.txt",
        "desa.yml.txt",
        "Situs.yml.txt",
        "profil.yml.txt",
        "berita/situs.yml.txt",
        "berita/profil.yml",
        "pages/catatan.yml.txt",
        "data/dokumen.yml.txt",
    ):
        (content / name).write_text(yaml, encoding="utf-8")

    errors, _warnings = check(content=content)

    assert unread(errors) == {
        "situs.yml.txt": "ganti namanya menjadi situs.yml",
        "desa.yml.txt": "ganti namanya menjadi desa.yml",
        "Situs.yml.txt": "ganti namanya menjadi situs.yml",
        "profil.yml.txt": (
            "berkas YAML di content/ yang dibaca hanya situs.yml dan desa.yml; data desa "
            "disimpan di content/data/: pindahkan ke content/data/profil.yml"
        ),
        "berita/situs.yml.txt": "pindahkan ke content/situs.yml",
        "berita/profil.yml": (
            "berkas YAML yang dibaca hanya content/situs.yml, content/desa.yml dan data desa "
            "di content/data/: pindahkan ke content/data/profil.yml"
        ),
        "pages/catatan.yml.txt": (
            "berkas YAML yang dibaca hanya content/situs.yml, content/desa.yml dan data desa "
            "di content/data/"
        ),
        "data/dokumen.yml.txt": "ganti namanya menjadi dokumen.yml",
    }, errors
    assert not [line for line in errors if "yml.md" in line], errors
