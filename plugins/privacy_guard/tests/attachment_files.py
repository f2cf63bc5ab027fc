"""Attachments made in the tests: PDF (fpdf2), XLSX (openpyxl), DOCX (its XML), CSV,
and photos with and without a GPS position (Pillow)."""

import io
import zipfile
from xml.sax.saxutils import escape

from PIL import Image


def pdf_bytes(pages):
    """A PDF with one text line per item of each page's list."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def xlsx_bytes(sheets):
    """{title: rows} -> an XLSX workbook."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraph(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_bytes(blocks):
    """A minimal DOCX: blocks are paragraphs (str) or tables (list of rows of cells)."""
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(_paragraph(block))
        else:
            rows = "".join(
                "<w:tr>" + "".join(f"<w:tc>{_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
                for row in block
            )
            body.append(f"<w:tbl>{rows}</w:tbl>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {W}><w:body>{''.join(body)}</w:body></w:document>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def photo_bytes(gps=False, kind="JPEG"):
    """A small photo with camera EXIF, and a GPS position when `gps`."""
    image = Image.new("RGB", (16, 16), (120, 160, 90))
    exif = Image.Exif()
    exif[0x010F] = "Kamera Ponsel"
    if gps:
        exif.get_ifd(0x8825).update({1: "S", 2: (6.0, 54.0, 0.0), 3: "E", 4: (112.0, 3.0, 0.0)})
    out = io.BytesIO()
    image.save(out, kind, exif=exif)
    return out.getvalue()


ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def _odf_cell(value):
    if isinstance(value, (int, float)):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value:.5E}</text:p></table:table-cell>"
        )  # shown as 3.52307E+15
    return f"<table:table-cell><text:p>{escape(value)}</text:p></table:table-cell>"


def _odf_table(name, rows):
    body = "".join(
        "<table:table-row>" + "".join(_odf_cell(v) for v in row) + "</table:table-row>"
        for row in rows
    )
    return f'<table:table table:name="{name}">{body}</table:table>'


def odf_bytes(kind, blocks):
    """A minimal ODS ({sheet: rows}) or ODT (paragraphs and tables) file."""
    if kind == "ods":
        inner = (
            "<office:spreadsheet>"
            + "".join(_odf_table(name, rows) for name, rows in blocks.items())
            + "</office:spreadsheet>"
        )
    else:
        inner = (
            "<office:text>"
            + "".join(
                f"<text:p>{escape(b)}</text:p>" if isinstance(b, str) else _odf_table("T", b)
                for b in blocks
            )
            + "</office:text>"
        )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}>'
        f"<office:body>{inner}</office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        kind_name = "spreadsheet" if kind == "ods" else "text"
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind_name}")
        archive.writestr("content.xml", content)
    return out.getvalue()


def zip_bomb_docx(megabytes=40, parts=2):
    """A DOCX of a few tens of KB whose word/document.xml unpacks to `megabytes` MB of
    repeated bytes (a zip bomb), with `parts` parts in all."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(parts - 1):
            archive.writestr(f"word/media/bagian{number}.xml", "")
        archive.writestr("word/document.xml", b"<w:p>" * (megabytes * 1024 * 1024 // 5))
    return out.getvalue()
