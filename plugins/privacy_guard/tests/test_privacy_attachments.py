"""Text of attachments, located the way an operator finds it again."""

import tracemalloc

import pytest
from attachment_files import docx_bytes, pdf_bytes, photo_bytes, xlsx_bytes, zip_bomb_docx
from synthetic_ids import Maker, masked

from privacy_guard.attachments import ARCHIVE_MEMBERS, TooLarge, Unreadable, records_of
from privacy_guard.photos import has_gps
from privacy_guard.scan import identity_errors

FULL = "tertulis lengkap (identity number published in full)"

MAKER = Maker(seed=11)
NIK, KK = MAKER.nik(), MAKER.kk()


def errors_of(tmp_path, name, raw):
    path = tmp_path / name
    path.write_bytes(raw)
    return [
        f"{e.line}: {e.message}"
        for e in identity_errors(path, records_of(path, path.suffix.lower()))
    ]


def test_pdf_names_the_page(tmp_path):
    raw = pdf_bytes([["DAFTAR PENERIMA BLT"], ["No Nama NIK", f"1 Sutini {NIK} Rp900.000"]])
    assert errors_of(tmp_path, "blt.pdf", raw) == [
        f"2: halaman 2: NIK/KK {masked(NIK)} tertulis lengkap (identity number published in full)"
        if int(NIK[6:8]) <= 40
        else f"2: halaman 2: NIK {masked(NIK)} tertulis lengkap (identity number published in full)"
    ]


def test_xlsx_names_sheet_row_and_column(tmp_path):
    raw = xlsx_bytes(
        {
            "Tahap 1": [
                ["DAFTAR PENERIMA BLT DANA DESA 2024"],
                ["No", "Nama", "NIK", "No. KK", "No. Rekening"],
                [1, "Sutini", NIK, int(KK), int(NIK)],
            ]
        }
    )
    assert errors_of(tmp_path, "blt.xlsx", raw) == [
        f"3: lembar 'Tahap 1' baris 3: NIK {masked(NIK)} di kolom 'NIK' dan nomor KK "
        f"{masked(KK)} di kolom 'No. KK' tertulis lengkap (identity number published in full)"
    ]


def test_docx_paragraphs_and_tables(tmp_path):
    raw = docx_bytes(
        [
            "Berita acara penyaluran BLT.",
            f"Diterima oleh Sutini, NIK {NIK}.",
            [["No", "Nama", "NIK"], ["1", "Warsito", NIK]],
        ]
    )
    assert errors_of(tmp_path, "ba.docx", raw) == [
        f"2: paragraf 2: NIK {masked(NIK)} tertulis lengkap (identity number published in full)",
        f"2: tabel 1 baris 2: NIK {masked(NIK)} di kolom 'NIK' tertulis lengkap "
        "(identity number published in full)",
    ]


def test_csv_with_semicolons_names_the_line(tmp_path):
    raw = f"No;Nama;NIK;Bantuan\n1;Sutini;{NIK};600000\n2;Warsito;{masked(NIK)};600000\n"
    assert errors_of(tmp_path, "blt.csv", raw.encode()) == [
        f"2: NIK {masked(NIK)} di kolom 'NIK' tertulis lengkap (identity number published in full)"
    ]


def test_damaged_files_are_read_by_their_strings(tmp_path):
    for name in ("rusak.pdf", "rusak.xlsx", "rusak.docx"):
        assert errors_of(tmp_path, name, b"%PDF-1.4\n") == []
        [error] = errors_of(tmp_path, name, f"%PDF-1.4 rusak\nNIK {NIK}\n".encode())
        assert error.startswith(f"1: NIK {masked(NIK)}")


def test_encrypted_pdfs_are_unreadable(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(text=f"NIK {NIK}")
    pdf.set_encryption(owner_password="pemilik", user_password="warga")
    path = tmp_path / "terkunci.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(Unreadable):
        records_of(path, ".pdf")


def test_legacy_office_files_by_their_strings(tmp_path):
    raw = b"\xd0\xcf\x11\xe0" + b"\x00" * 20 + f"Sutini {NIK}".encode("utf-16-le") + b"\x00" * 9
    assert len(errors_of(tmp_path, "lama.xls", raw)) == 1


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_photos_with_a_gps_position(tmp_path, kind):
    with_gps, without = tmp_path / f"a.{kind.lower()}", tmp_path / f"b.{kind.lower()}"
    with_gps.write_bytes(photo_bytes(gps=True, kind=kind))
    without.write_bytes(photo_bytes(gps=False, kind=kind))
    assert has_gps(with_gps) and not has_gps(without)


def test_header_rows_may_name_a_stage(tmp_path):
    path = tmp_path / "blt.csv"
    path.write_text(
        "DAFTAR BLT 2024\n\nNo,Nama,Alamat,Tahap 1\n1,Sutini,Krajan RT 01/RW 02,600000\n",
        encoding="utf-8",
    )
    records = records_of(path, ".csv")
    assert records[-1].header == ["No", "Nama", "Alamat", "Tahap 1"]


def test_pdf_tables_of_people_warn_about_addresses_and_birth_dates(tmp_path):
    from privacy_guard.scan import personal_warnings

    raw = pdf_bytes(
        [
            [
                "DAFTAR LANSIA PENERIMA BANTUAN",
                "No Nama Alamat Tanggal Lahir",
                "1 Sutini Krajan RT 01/RW 02 12-08-1948",
                "2 Warsito Krajan 03-04-1950",
            ],
            ["Dicetak 12-08-2024, total Rp1.800.000"],
        ]
    )
    path = tmp_path / "lansia.pdf"
    path.write_bytes(raw)
    warnings = [
        (w.line, w.message) for w in personal_warnings(path, records_of(path, ".pdf"), frozenset())
    ]
    assert warnings == [
        (
            1,
            "halaman 1: tanggal lahir lengkap di samping nama orang (full birth date next to a "
            "name); 2 baris seperti ini, yang pertama di sini",
        ),
        (
            1,
            "halaman 1: alamat rumah dengan RT/RW di daftar nama orang (home address next to "
            "names in a list)",
        ),
    ]


def test_open_document_spreadsheets_and_texts(tmp_path):
    from attachment_files import odf_bytes

    ods = odf_bytes(
        "ods",
        {
            "BLT": [
                ["DAFTAR PENERIMA"],
                ["No", "Nama", "NIK"],
                [1, "Sutini", NIK],
                [2, "Warsito", int(KK)],
            ]
        },
    )
    assert errors_of(tmp_path, "blt.ods", ods) == [
        f"3: lembar 'BLT' baris 3: NIK {masked(NIK)} di kolom 'NIK' {FULL}",
        f"4: lembar 'BLT' baris 4: NIK {masked(KK)} di kolom 'NIK' {FULL}",
    ]
    odt = odf_bytes(
        "odt",
        ["Berita acara.", f"Diterima Sutini, NIK {NIK}.", [["Nama", "No. KK"], ["Warsito", KK]]],
    )
    assert errors_of(tmp_path, "ba.odt", odt) == [
        f"2: paragraf 2: NIK {masked(NIK)} {FULL}",
        f"2: tabel 1 baris 2: nomor KK {masked(KK)} di kolom 'No. KK' {FULL}",
    ]


def test_office_files_that_unpack_too_large_are_refused_before_unpacking(tmp_path):
    bomb = tmp_path / "laporan.docx"
    bomb.write_bytes(zip_bomb_docx(megabytes=40))
    assert bomb.stat().st_size < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as caught:
            records_of(bomb, ".docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "word/document.xml 40 MB, batasnya 32 MB" in str(caught.value)
    assert peak < 5_000_000  # nothing was unpacked
    many = tmp_path / "banyak.xlsx"
    many.write_bytes(zip_bomb_docx(megabytes=0, parts=ARCHIVE_MEMBERS + 1))
    with pytest.raises(TooLarge, match="10001 bagian, batasnya 10000"):
        records_of(many, ".xlsx")
