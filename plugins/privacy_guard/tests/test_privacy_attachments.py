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


# --- Every part of an Office file, and files inside files --------------------------------

WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _word_part(root, inner):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {WORD}>{inner}</w:{root}>'


def _run(text, tag="t"):
    return f"<w:r><w:{tag}>{text}</w:{tag}></w:r>"


def office_zip(parts):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_docx_parts_outside_the_body_and_tracked_deletions(tmp_path):
    body = (
        "<w:body>"
        f"<w:p>{_run('Daftar penerima dihapus sebelum terbit.')}</w:p>"
        # A tracked deletion: Word keeps the deleted NIK in the file.
        f"<w:p><w:del>{_run(f'NIK {NIK}', 'delText')}</w:del></w:p>"
        # A content control around a table (Word templates).
        f"<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:p>{_run('Nama')}</w:p></w:tc>"
        f"<w:tc><w:p>{_run('NIK')}</w:p></w:tc></w:tr><w:tr><w:tc><w:p>{_run('Sutini')}</w:p>"
        f"</w:tc><w:tc><w:p>{_run(NIK)}</w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>"
        "</w:body>"
    )
    raw = office_zip(
        {
            "word/document.xml": _word_part("document", body),
            "word/header1.xml": _word_part("hdr", f"<w:p>{_run(f'KK {KK}')}</w:p>"),
            "word/comments.xml": _word_part(
                "comments", f'<w:comment w:id="0"><w:p>{_run(f"cek NIK {NIK}")}</w:p></w:comment>'
            ),
            "word/footnotes.xml": _word_part(
                "footnotes", f'<w:footnote w:id="1"><w:p>{_run(f"NIK {NIK}")}</w:p></w:footnote>'
            ),
            "word/embeddings/Microsoft_Excel_Worksheet.xlsx": xlsx_bytes(
                {"Data": [["Nama", "NIK"], ["Warsito", NIK]]}
            ),
        }
    )
    errors = errors_of(tmp_path, "ba.docx", raw)
    places = [
        "paragraf 2",
        "tabel 1 baris 2",
        "header1.xml, paragraf 1",
        "comments.xml, paragraf 1",
        "footnotes.xml, paragraf 1",
        "objek tersemat Microsoft_Excel_Worksheet.xlsx: lembar 'Data' baris 2",
    ]
    assert len(errors) == len(places), errors
    for place in places:
        assert any(f": {place}: " in error for error in errors), (place, errors)
    assert all(masked(NIK) in e or masked(KK) in e for e in errors)


def test_workbook_comments_and_page_headers(tmp_path):
    from openpyxl import Workbook, load_workbook
    from openpyxl.comments import Comment

    book = Workbook()
    sheet = book.active
    sheet.append(["Kegiatan", "Anggaran"])
    sheet.append(["Rabat beton", 75000000])
    sheet["A2"].comment = Comment(f"penerima upah: Sutini NIK {NIK}", "Operator")
    sheet.oddHeader.center.text = f"Disusun oleh KK {KK}"
    path = tmp_path / "rab.xlsx"
    book.save(path)
    load_workbook(path).close()  # a real workbook
    errors = errors_of(tmp_path, "rab.xlsx", path.read_bytes())
    assert len(errors) == 2, errors
    assert any(masked(NIK) in e for e in errors) and any(masked(KK) in e for e in errors)


def test_presentations_and_zip_archives_are_read(tmp_path):
    slide = (
        '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree>'
        f"<p:sp><p:txBody><a:p><a:r><a:t>Penerima: Sutini, NIK </a:t></a:r><a:r><a:t>{NIK}"
        "</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )
    raw = office_zip({"ppt/slides/slide1.xml": slide})
    assert [masked(NIK) in e for e in errors_of(tmp_path, "paparan.pptx", raw)] == [True]
    archive = office_zip({"lampiran/penerima.csv": f"Nama;NIK\nSutini;{NIK}\n"})
    errors = errors_of(tmp_path, "lampiran.zip", archive)
    assert len(errors) == 1 and "lampiran/penerima.csv" in errors[0], errors


def test_text_saved_as_utf16_is_read(tmp_path):
    table = f"No\tNama\tNIK\r\n1\tSutini\t{NIK}\r\n"
    for name, encoding in (("blt.txt", "utf-16"), ("blt.csv", "utf-16"), ("le.csv", "utf-16-le")):
        errors = errors_of(tmp_path, name, table.encode(encoding))
        assert len(errors) == 1 and masked(NIK) in errors[0], (name, errors)


def test_pdf_document_properties_are_read(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_author(f"Sutini NIK {NIK}")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="Laporan kegiatan posyandu")
    errors = errors_of(tmp_path, "laporan.pdf", bytes(pdf.output()))
    assert errors == [f"1: properti dokumen: NIK {masked(NIK)} {FULL}"]


def test_a_gps_position_kept_only_in_xmp_is_found(tmp_path):
    import io

    from PIL import Image

    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        b'exif:GPSLatitude="6,54.0S" exif:GPSLongitude="112,3.0E"/></rdf:RDF></x:xmpmeta>'
    )
    from PIL.PngImagePlugin import PngInfo

    png_text = PngInfo()
    png_text.add_itxt("XML:com.adobe.xmp", xmp.decode())
    for kind, name in (("JPEG", "foto.jfif"), ("PNG", "foto.png"), ("WEBP", "foto.webp")):
        out = io.BytesIO()
        options = {"pnginfo": png_text} if kind == "PNG" else {"xmp": xmp}
        Image.new("RGB", (16, 16), (120, 160, 90)).save(out, kind, **options)
        path = tmp_path / name
        path.write_bytes(out.getvalue())
        assert has_gps(str(path)), kind
        path.write_bytes(photo_bytes(kind=kind))
        assert not has_gps(str(path)), kind
