"""Bad input for each key of the notice board: one `file:line: message` each, naming
what is wrong in Indonesian, never a traceback."""

import pytest

from tests.sitetools import build_site, settings_path
from wartadesa.build import problem_lines
from wartadesa.check import check

NOTICE = """---
judul: Pengumuman Uji
tanggal: 2024-07-01
{extra}
---

Isi pengumuman.
"""
EVENT = """---
judul: Agenda Uji
{extra}
---

Isi agenda.
"""

# (folder, template, extra front matter, kind, line, words in the message)
CASES = {
    "selesai-sebelum-mulai": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20 10:00\nselesai: 2024-07-20 09:00",
        "error",
        4,
        ["selesai", "sebelum mulai", "end before start"],
    ),
    "selesai-hari-sebelumnya": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20\nselesai: 19-07-2024",
        "error",
        4,
        ["selesai", "sebelum mulai"],
    ),
    "selesai-tanpa-jam-hari-sebelumnya": (  # a timed start, an earlier day without time
        "agenda",
        EVENT,
        "mulai: 2024-07-20 08:00\nselesai: 2024-07-19",
        "error",
        4,
        ["selesai", "sebelum mulai"],
    ),
    "isi-kosong": (  # said of a notice, not of "berita"
        "pengumuman",
        "---\njudul: Pengumuman Uji\ntanggal: 2024-07-01\n{extra}---\n",
        "",
        "error",
        5,
        ["isi pengumuman kosong", "tulis isi pengumuman"],
    ),
    "mulai-hilang": (
        "agenda",
        EVENT,
        "tempat: Balai Desa",
        "error",
        1,
        ["mulai belum diisi", "missing start"],
    ),
    "mulai-bukan-tanggal": (
        "agenda",
        EVENT,
        "mulai: besok pagi",
        "error",
        3,
        ["tanggal 'besok pagi' tidak dikenali"],
    ),
    "desa-tidak-dikenal": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20\ndesa: Desa Antah Berantah",
        "error",
        4,
        ["antah berantah"],
    ),
    "peta-di-luar-jangkauan": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20\npeta: 111.83, -6.99",
        "error",
        4,
        ["lintang 111.83", "latitude out of range"],
    ),
    "peta-bukan-angka": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20\npeta: balai desa, timur",
        "error",
        4,
        ["harus angka"],
    ),
    "peta-satu-angka": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20\npeta: -6.99",
        "error",
        4,
        ["lintang, bujur"],
    ),
    "lampiran-hilang": (
        "pengumuman",
        NOTICE,
        "lampiran: files/tidak-ada.pdf",
        "error",
        4,
        ["lampiran 'files/tidak-ada.pdf' tidak ada", "content/files/"],
    ),
    "lampiran-di-komputer": (
        "pengumuman",
        NOTICE,
        "lampiran: C:\\Users\\Operator\\Documents\\jadwal.pdf",
        "error",
        4,
        [
            "lampiran 'C:\\Users\\Operator\\Documents\\jadwal.pdf' adalah alamat berkas di "
            "komputer Anda",
            "salin berkasnya ke folder content/files/ lalu tulis  lampiran: files/jadwal.pdf",
        ],
    ),
    "lampiran-keluar-folder": (
        "pengumuman",
        NOTICE,
        "lampiran: ../pelicanconf.py",
        "error",
        4,
        ["bukan nama berkas di content/files/"],
    ),
    "penting-bukan-flag": (
        "pengumuman",
        NOTICE,
        "penting: sangat",
        "error",
        4,
        ["bukan true atau false"],
    ),
    "berlaku-sampai-bukan-tanggal": (
        "pengumuman",
        NOTICE,
        "berlaku_sampai: 31-02-2024",
        "error",
        4,
        ["tidak ada", "februari"],
    ),
    "berlaku-sampai-sebelum-tanggal": (  # else published as already "sudah berakhir"
        "pengumuman",
        NOTICE.replace("2024-07-01", "2024-07-10"),
        "berlaku_sampai: 2024-06-30",
        "error",
        4,
        [
            "berlaku_sampai (2024-06-30) sebelum tanggal pengumuman (2024-07-10)",
            "valid_until before date",
        ],
    ),
    "tanggal-pengumuman-hilang": (
        "pengumuman",
        NOTICE.replace("tanggal: 2024-07-01\n", ""),
        "penting: ya",
        "error",
        1,
        ["tanggal belum diisi"],
    ),
    "kunci-agenda-di-pengumuman": (
        "pengumuman",
        NOTICE,
        "tempat: Balai Desa",
        "warning",
        4,
        ["'tempat' hanya untuk agenda", "bukan untuk pengumuman"],
    ),
    "kunci-pengumuman-di-berita": (
        "berita",
        NOTICE,
        "penting: true",
        "warning",
        4,
        ["'penting' hanya untuk pengumuman", "bukan untuk berita"],
    ),
    "tanggal-untuk-mulai": (
        "agenda",
        EVENT,
        "tanggal: 2024-07-20 08:00",
        "error",
        3,
        [
            "mulai belum diisi (missing start): agenda memakai  mulai:  bukan  tanggal:",
            "ganti baris ini menjadi  mulai: 2024-07-20 08:00",
        ],
    ),
    "utama-di-agenda": (
        "agenda",
        EVENT,
        "mulai: 2024-07-20\nutama: true",
        "warning",
        4,
        ["'utama' hanya untuk berita"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_notice_board_input(name, tmp_path):
    folder, template, extra, kind, line, words = CASES[name]
    content = tmp_path / "content"
    (content / folder).mkdir(parents=True)
    (content / "files").mkdir()
    path = content / folder / f"{name}.md"
    path.write_text(template.format(extra=extra), encoding="utf-8")
    errors, warnings = check(settings_path(), content)
    shown = "\n".join(problem_lines(errors, warnings))
    assert "Traceback" not in shown
    found = errors if kind == "error" else warnings
    location = f"{path.resolve()}:{line}: "
    named = [text for text in found if text.startswith(location)]
    assert named, f"no {kind} at {location}\n{shown}"
    message = " ".join(named).lower()
    for word in words:
        assert word.lower() in message, f"{word!r} missing from:\n{shown}"
    if kind == "warning":
        assert not errors, shown
    else:  # one message: no other error or warning about the same mistake
        assert [text for text in errors + warnings if str(path.resolve()) in text] == named


@pytest.mark.parametrize(
    "written", ["/files/jadwal.pdf", "content/files/jadwal.pdf", "{static}/files/jadwal.pdf"]
)
def test_an_attachment_written_as_a_site_address_is_its_file(tmp_path, written):
    """The web editor writes `lampiran: /files/x.pdf` (a site address); an operator may
    copy `content/files/x.pdf` from the folder list: both name content/files/x.pdf."""
    content = tmp_path / "content"
    for folder in ("pengumuman", "files"):
        (content / folder).mkdir(parents=True)
    (content / "files" / "jadwal.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (content / "pengumuman" / "a.md").write_text(
        NOTICE.format(extra=f'lampiran: "{written}"'), encoding="utf-8"
    )
    site = build_site(tmp_path / "output", content=content)
    page = site.html("pengumuman/pengumuman-uji/")
    link = page.find("a", href=lambda h: h and h.endswith("jadwal.pdf"))
    assert link is not None and link["href"].endswith("files/jadwal.pdf")
    assert site.exists("files/jadwal.pdf")


def test_an_attachment_whose_name_differs_in_case_is_named(tmp_path):
    content = tmp_path / "content"
    for folder in ("pengumuman", "files"):
        (content / folder).mkdir(parents=True)
    (content / "files" / "jadwal.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    path = content / "pengumuman" / "a.md"
    path.write_text(NOTICE.format(extra="lampiran: /files/Jadwal.PDF"), encoding="utf-8")
    errors, _ = check(settings_path(), content)
    assert errors == [
        f"{path}:4: lampiran '/files/Jadwal.PDF' tidak ada di content/files/Jadwal.PDF "
        "(attachment file not found) — maksud Anda  lampiran: files/jadwal.pdf ?"
    ]


def test_a_good_notice_and_event_pass(tmp_path):
    content = tmp_path / "content"
    for folder in ("pengumuman", "agenda", "files"):
        (content / folder).mkdir(parents=True)
    (content / "files" / "jadwal.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (content / "pengumuman" / "a.md").write_text(
        NOTICE.format(extra="lampiran: jadwal.pdf\npenting: ya\nberlaku_sampai: 2024-07-31"),
        encoding="utf-8",
    )
    (content / "pengumuman" / "sehari.md").write_text(  # ends the day it is published: fine
        NOTICE.format(extra="berlaku_sampai: 2024-07-01\nslug: sehari"), encoding="utf-8"
    )
    (content / "agenda" / "b.md").write_text(
        EVENT.format(
            extra="mulai: 2024-07-20 09:00 WITA\nselesai: 2024-07-20 11:00\npeta: -6.99, 111.83"
        ),
        encoding="utf-8",
    )
    (content / "agenda" / "c.md").write_text(  # ends that day, time unwritten: fine
        EVENT.format(extra="mulai: 2024-08-17 08:00\nselesai: 2024-08-17\nslug: upacara"),
        encoding="utf-8",
    )
    errors, warnings = check(settings_path(), content)
    assert (errors, warnings) == ([], [])
