"""The guard's settings and its notes about files it cannot read (without a build)."""

from types import SimpleNamespace

from attachment_files import pdf_bytes
from synthetic_ids import Maker, masked

from privacy_guard.guard import Guard, allowed_phones

MAKER = Maker(seed=5)


def run(folder, **settings):
    base = {"PATH": str(folder), "IGNORE_FILES": ["README.md"]}
    items = [SimpleNamespace(source_path=str(p)) for p in sorted(folder.rglob("berita/*.md"))]
    return Guard({**base, **settings}).run(items)


def test_long_lists_end_with_a_summary(tmp_path):
    rows = "\n".join(f"| {i} | Warga {i} | {MAKER.nik()} |" for i in range(1, 31))
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita" / "a.md").write_text(
        f"---\njudul: A\n---\n| No | Nama | NIK |\n|---|---|---|\n{rows}\n", encoding="utf-8"
    )
    problems = run(tmp_path, PRIVACY_MAX_ERRORS_PER_FILE=5)
    assert [p.line for p in problems] == [6, 7, 8, 9, 10, 11]
    assert problems[-1].message == (
        "dan 25 baris lain berisi NIK/KK di berkas ini (and 25 more lines)"
    )


def test_warnings_can_be_turned_off_and_phones_allowed(tmp_path):
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita" / "a.md").write_text(
        "---\njudul: A\n---\nHubungi Bapak Slamet di 0813-3344-5566.\n", encoding="utf-8"
    )
    assert [p.severity for p in run(tmp_path)] == ["warning"]
    assert run(tmp_path, PRIVACY_WARNINGS=False) == []
    assert run(tmp_path, PRIVACY_ALLOWED_PHONES=["+62 813 3344 5566"]) == []
    assert run(tmp_path, CONTACT_PHONE="0813 3344 5566 / (0356) 71234") == []


def test_contact_settings_are_allowed():
    assert allowed_phones(
        {
            "CONTACT_PHONE": "0812-3456-7890",
            "CONTACT_WHATSAPP": "6281311112222",
            "PRIVACY_ALLOWED_PHONES": ["0857 1111 2222"],
        }
    ) == {"081234567890", "081311112222", "085711112222"}


def test_unreadable_attachments_and_pdfs_without_text_warn(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    (files / "rusak.xlsx").write_bytes(b"bukan excel")  # damaged: read by its strings
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_encryption(owner_password="pemilik", user_password="warga")
    (files / "terkunci.pdf").write_bytes(bytes(pdf.output()))
    (files / "pindaian.pdf").write_bytes(pdf_bytes([[]]))
    problems = {p.path.rsplit("/", 1)[1]: (p.severity, p.message) for p in run(tmp_path)}
    assert problems == {
        "pindaian.pdf": (
            "warning",
            "isi lampiran tidak bisa diperiksa: PDF tanpa teks, hasil "
            "pindai/scan? (attachment could not be checked for personal "
            "data)",
        ),
        "terkunci.pdf": (
            "warning",
            "isi lampiran tidak bisa diperiksa: PDF terkunci kata "
            "sandi (encrypted) (attachment could not be checked for "
            "personal data)",
        ),
    }


def test_allowed_files_are_not_read(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    nik = MAKER.nik()
    (files / "sk-kades-2024.txt").write_text(f"NIK {nik}\n", encoding="utf-8")
    (files / "lain.txt").write_text(f"NIK {nik}\n", encoding="utf-8")
    problems = run(tmp_path, PRIVACY_ALLOWED_FILES=["files/sk-kades-*.txt"])
    assert [(p.path.rsplit("/", 1)[1], masked(nik) in p.message) for p in problems] == [
        ("lain.txt", True)
    ]


def test_ignored_markdown_is_not_read(tmp_path):
    (tmp_path / "README.md").write_text(f"Contoh NIK {MAKER.nik()}\n", encoding="utf-8")
    assert run(tmp_path) == []


def test_hidden_files_unopened_archives_and_more_photo_kinds(tmp_path):
    """What Pelican publishes is checked, also a hidden file or one in a hidden folder, a
    photo saved as .jfif (WhatsApp Web); an archive the guard cannot open is a warning."""
    from attachment_files import photo_bytes

    from tests.hostile.hostile import article, check_content, write_tree

    nik = Maker(seed=5).nik()
    table = f"Nama;NIK\nSutini;{nik}\n"
    content = write_tree(
        tmp_path / "content",
        {
            "berita/a.md": article(),
            "files/.penerima.csv": table,
            "files/.arsip/daftar.csv": table,
            "files/lampiran.rar": b"Rar!\x1a\x07\x00",
            "images/foto.jfif": photo_bytes(gps=True),
        },
    )
    errors, warnings = check_content(content)

    def named(lines, name):
        return [line for line in lines if f"/content/{name}:" in line]

    for name in ("files/.penerima.csv", "files/.arsip/daftar.csv"):
        assert any(masked(nik) in line for line in named(errors, name)), errors
    assert any("posisi GPS" in line for line in named(errors, "images/foto.jfif")), errors
    assert any("tidak bisa diperiksa" in line for line in named(warnings, "files/lampiran.rar"))
