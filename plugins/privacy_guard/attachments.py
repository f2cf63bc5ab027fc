"""The text of attachments as records: PDF (pypdf, its pages and its document properties),
CSV, XLSX (openpyxl), DOCX, ODS and ODT (their XML, standard library), plain text (UTF-8,
UTF-16 as Excel's "Unicode Text" and Notepad write it, else cp1252); old binary Office
files (.xls, .doc, .xlsb) by their raw strings; ZIP archives by the files in them.

An Office file is read whole, not only its main part: a Word file's headers, footers,
footnotes, comments and tracked deletions, text in content controls, a workbook's comments
and page headers, a presentation's slides and notes, the document properties, and the
Office files embedded in it (an Excel table pasted into Word), each with the reader of its
kind (`office_part_records`).

Each reader returns records located the way an operator finds them again: the page of a
PDF, the sheet and row of a spreadsheet, the paragraph or table row of a document.
A damaged file (a parser error) is read like an old binary file, by its printable strings;
a file whose text is locked (an encrypted PDF) raises Unreadable (reported as a warning).
An office file (a zip archive) that unpacks beyond ARCHIVE_MEMBERS parts or XML_LIMIT bytes
in one part (a zip bomb: 150 KB that unpack to gigabytes) raises TooLarge before anything
big is read (reported as an error).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import posixpath
import re
import warnings
import zipfile
import zlib
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from .records import Record, markdown_records, table_records

if TYPE_CHECKING:
    from .records import Record

TEXT = {
    ".txt",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xml",
    ".json",
    ".svg",
    ".yml",
    ".yaml",
    ".ics",
    ".vcf",
    ".rtf",
}
TABLE = {".csv", ".tsv"}
SPREADSHEET = {".xlsx", ".xlsm"}
DOCUMENT = {".docx", ".docm"}
PRESENTATION = {".pptx", ".pptm", ".ppsx"}
PDF = {".pdf"}
LEGACY = {".xls", ".doc", ".ppt", ".xlsb"}
OPEN_DOCUMENT = {".ods", ".odt", ".odp"}
ARCHIVE = {".zip"}
EXTENSIONS = (
    TEXT | TABLE | SPREADSHEET | DOCUMENT | PRESENTATION | PDF | LEGACY | OPEN_DOCUMENT | ARCHIVE
)
# Archives the guard cannot open: published unread, so a warning says so.
UNOPENED = {".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"}
NESTING = 2  # an embedded file or a file in a ZIP is read; what is inside that, once more

# A PDF table's header line: a name column and a personal-data column.
PDF_HEADER = re.compile(r"\bnama\b", re.IGNORECASE)
PDF_HEADER_DATA = re.compile(
    r"\b(?:NIK|KK|alamat|lahir|TTL|RT|RW|HP|telepon|telp|WA)\b", re.IGNORECASE
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ARCHIVE_MEMBERS = 10_000  # parts of an office file (a long report with photos: hundreds)
XML_LIMIT = 32 * 1024 * 1024  # bytes of one unpacked XML part (a 500-page text: ~10 MB)


class Unreadable(Exception):
    """The file's text is locked away (an encrypted PDF): nothing can be checked."""


class Damaged(Exception):
    """The parser gave up on the file; its printable strings are checked instead."""


class TooLarge(Exception):
    """An office file that unpacks beyond the bounds: looks damaged or made to harm."""


def _archive(raw: bytes) -> zipfile.ZipFile:
    """The office file `raw` as a zip archive whose parts are all within the bounds (as
    declared: zipfile never unpacks a part beyond its declared size), or TooLarge, or
    Damaged."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError) as error:
        raise Damaged(type(error).__name__) from None
    members = archive.infolist()
    if len(members) > ARCHIVE_MEMBERS:
        archive.close()
        raise TooLarge(f"{len(members)} bagian, batasnya {ARCHIVE_MEMBERS}")
    for member in members:
        if member.filename.lower().endswith((".xml", ".rels")) and member.file_size > XML_LIMIT:
            archive.close()
            raise TooLarge(
                f"bagian {member.filename} {member.file_size // (1024 * 1024)} MB, "
                f"batasnya {XML_LIMIT // (1024 * 1024)} MB"
            )
    return archive


def decode(raw: bytes) -> str:
    """The text of `raw`: UTF-16 by its byte order mark or by its zero bytes (Excel's
    "Unicode Text", Notepad's "Unicode"), else UTF-8, else cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    head = raw[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 3 > len(head):
        zeros_odd = head[1::2].count(b"\x00") > head[0::2].count(b"\x00")
        return raw.decode("utf-16-le" if zeros_odd else "utf-16-be", errors="replace")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def text_records(raw: bytes) -> list[Record]:
    return markdown_records(decode(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def csv_records(raw: bytes, extension: str = ".csv") -> list[Record]:
    text = decode(raw)
    if extension == ".tsv":
        delimiter = "\t"
    else:
        sample = text[:4096]
        delimiter = max((",", ";", "\t", "|"), key=sample.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells, ()))
    except csv.Error as error:
        raise Unreadable(f"CSV rusak di baris {reader.line_num}: {error}") from None
    return table_records(rows)


def _cell_text(value):
    """(text, rounded): a spreadsheet value as the text a reader sees."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int):
        return str(value), value >= 10**15
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value)), abs(value) >= 1e15
        return repr(value), False
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d-%m-%Y"), False
    return str(value), False


def spreadsheet_records(raw: bytes, depth: int = 0) -> list[Record]:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - listed in requirements.txt
        raise Unreadable("openpyxl tidak terpasang (pip install -r requirements.txt)") from None
    _archive(raw).close()  # bounded before openpyxl unpacks anything
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any damage makes the file unreadable
        raise Damaged(type(error).__name__) from None
    records = []
    try:
        for sheet in book.worksheets:
            rows = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells, rounded = [], []
                for index, value in enumerate(values):
                    text, is_rounded = _cell_text(value)
                    cells.append(text)
                    if is_rounded:
                        rounded.append(index)
                rows.append((number, cells, rounded))
            title = sheet.title
            records += table_records(rows, where=lambda n, t=title: f"lembar '{t}' baris {n}")
    finally:
        book.close()
    # Comments, page headers and footers, properties, embedded files (not the cells again).
    return records + office_part_records(raw, set(), depth)


def _text_of(element):
    parts = []
    for node in element.iter():
        if node.tag in (W + "t", W + "delText", W + "instrText") and node.text:
            parts.append(node.text)
        elif node.tag == W + "tab":
            parts.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            parts.append(" ")
    return "".join(parts)


UNPACKING_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    ElementTree.ParseError,
    OSError,
    EOFError,
    NotImplementedError,
    zlib.error,
)


def _part(archive: zipfile.ZipFile, member: str, limit: int = XML_LIMIT) -> bytes:
    """The bytes of `member` of an open archive (bounded by `_archive`), or Damaged, or
    TooLarge."""
    try:
        with archive.open(member) as part:
            data = part.read(limit + 1)
    except UNPACKING_ERRORS as error:
        raise Damaged(type(error).__name__) from None
    if len(data) > limit:  # never, as declared: the bound holds whatever it says
        raise TooLarge(f"bagian {member} lebih dari {limit // (1024 * 1024)} MB")
    return data


def _xml(data: bytes):
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise Damaged(type(error).__name__) from None


def _zipped_xml(raw, member):
    """The parsed XML `member` of an office file (a zip archive), or Damaged, or TooLarge."""
    with _archive(raw) as archive:
        return _xml(_part(archive, member))


def _word_blocks(element):
    """The paragraphs and tables of a Word part, in order, also those inside content
    controls (`w:sdt`), inserted or moved text and other wrappers (not inside a table)."""
    for child in element:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        else:
            yield from _word_blocks(child)


def word_records(root, part: str = "") -> list[Record]:
    """The paragraphs and table rows of one Word part (`part`: its name in the places)."""
    records = []
    paragraphs = tables = 0
    prefix = f"{part}, " if part else ""
    for block in _word_blocks(root):
        if block.tag == W + "p":
            paragraphs += 1
            text = _text_of(block)
            if text.strip():
                for record in markdown_records([text], first=paragraphs):
                    record.where = f"{prefix}paragraf {paragraphs}"
                    records.append(record)
        else:
            tables += 1
            rows = []
            for number, row in enumerate(block.iter(W + "tr"), start=1):
                cells = [
                    " ".join(_text_of(p) for p in cell.iter(W + "p")) for cell in row.iter(W + "tc")
                ]
                rows.append((number, cells, ()))
            records += table_records(
                rows, where=lambda n, t=tables, p=prefix: f"{p}tabel {t} baris {n}"
            )
    return records


def document_records(raw: bytes, depth: int = 0) -> list[Record]:
    root = _zipped_xml(raw, "word/document.xml")
    body = root.find(W + "body")
    records = word_records(body) if body is not None else []
    return records + office_part_records(raw, {"word/document.xml"}, depth)


# The parts of an Office file not read as its main text, and how: Word parts as paragraphs
# and tables, a worksheet for its page header and footer only (its cells are the sheet),
# every other XML part (comments, notes, slides, document properties) by its text nodes.
OFFICE_SKIPPED = re.compile(
    r"(?:^|/)(?:styles|stylesWithEffects|theme\d*|settings|fontTable|numbering|webSettings"
    r"|calcChain|sharedStrings|presProps|viewProps|tableStyles)\.xml$|\.rels$"
    r"|^\[Content_Types\]\.xml$|(?:^|/)(?:drawings|charts|media|theme|customXml)/",
    re.IGNORECASE,
)
EMBEDDED = re.compile(r"^(?:word|xl|ppt)/embeddings/", re.IGNORECASE)
HEADER_FOOTER = re.compile(r"(?:odd|even|first)(?:Header|Footer)$")
PARAGRAPH = re.compile(r"\}p$")  # DrawingML's a:p, OpenDocument's text:p
MEMBER_LIMIT = 64 * 1024 * 1024  # bytes of one embedded or archived file read


def office_part_records(raw: bytes, read: set[str], depth: int = 0) -> list[Record]:
    """The records of every part of the Office file `raw` not in `read` (see OFFICE_SKIPPED)
    and of the Office files embedded in it (the archive opened once)."""
    records = []
    with _archive(raw) as archive:
        for name in archive.namelist():
            if name in read or name.endswith("/") or OFFICE_SKIPPED.search(name):
                continue
            part = posixpath.basename(name)
            if EMBEDDED.match(name):
                records += member_records(archive, name, f"objek tersemat {part}", depth)
                continue
            if not name.lower().endswith(".xml"):
                continue
            data = _part(archive, name)
            if "/worksheets/" in name and b"Header>" not in data and b"Footer>" not in data:
                continue  # its cells are the sheet read already; no page header or footer
            root = _xml(data)
            if root.tag.startswith(W) or any(node.tag.startswith(W) for node in root):
                records += word_records(root, part)
            else:
                records += [Record(1, [t], [], "prose", part) for t in _xml_lines(root, name)]
    return records


def _xml_lines(root, name: str) -> list[str]:
    """The text of an XML part, a line per paragraph where it has paragraphs (DrawingML's
    and OpenDocument's `p`: a number split over runs stays whole), else per text node; of a
    worksheet only its page header and footer."""
    worksheet = "/worksheets/" in name
    pattern = HEADER_FOOTER if worksheet else PARAGRAPH
    blocks = [node for node in root.iter() if pattern.search(str(node.tag))]
    if blocks or worksheet:
        texts = ["".join(node.text for node in block.iter() if node.text) for block in blocks]
    else:  # no paragraphs: each text node alone
        texts = [node.text for node in root.iter() if node.text]
    return [" ".join(text.split()) for text in texts if text.strip()]


def member_records(archive: zipfile.ZipFile, name: str, where: str, depth: int) -> list[Record]:
    """The records of the file `name` inside the open `archive`, read by its extension (not
    beyond NESTING levels, nor MEMBER_LIMIT bytes)."""
    extension = posixpath.splitext(name)[1].lower()
    if depth + 1 > NESTING or extension not in EXTENSIONS | {".bin"}:
        return []
    data = _part(archive, name, MEMBER_LIMIT)
    if extension == ".bin":  # an OLE object (an old Excel sheet pasted into Word): strings
        extension = ".doc"
    found = records_from(data, extension, depth + 1)
    for record in found:
        record.where = f"{where}: {record.where}" if record.where else where
    return found


def presentation_records(raw: bytes, depth: int = 0) -> list[Record]:
    """A presentation's slides and notes (every text node), properties, embedded files."""
    return office_part_records(raw, set(), depth)


def archive_records(raw: bytes, depth: int = 0) -> list[Record]:
    """The files in a ZIP archive, each read by its extension."""
    records = []
    with _archive(raw) as archive:
        for name in archive.namelist():
            if not name.endswith("/"):
                records += member_records(archive, name, name, depth)
    return records


def pdf_records(raw: bytes, depth: int = 0) -> list[Record]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - listed in requirements.txt
        raise Unreadable("pypdf tidak terpasang (pip install -r requirements.txt)") from None
    quiet = logging.getLogger("pypdf")
    previous = quiet.level
    quiet.setLevel(logging.CRITICAL)  # pypdf's notes about odd files are not operator problems
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(raw))
            if reader.is_encrypted and not reader.decrypt(""):
                raise Unreadable("PDF terkunci kata sandi (encrypted)")
            records = []
            header = []
            for number, page in enumerate(reader.pages, start=1):
                text = page.extract_text() or ""
                for line in text.split("\n"):
                    if not line.strip():
                        continue
                    where = f"halaman {number}"
                    if PDF_HEADER.search(line) and PDF_HEADER_DATA.search(line):
                        header = [line]  # "No Nama NIK Alamat": the lines below are people
                        records.append(Record(number, [line], [], "row", where))
                    elif header:
                        records.append(
                            Record(number, [line], header, "row", where, line_header=True)
                        )
                    else:
                        records.append(Record(number, [line], [], "prose", where))
            if reader.pages and not records:
                raise Unreadable("PDF tanpa teks, hasil pindai/scan?")
            properties = reader.metadata or {}
            records += [
                Record(1, [str(value)], [], "prose", "properti dokumen")
                for value in properties.values()
                if isinstance(value, str) and value.strip()
            ]
            return records
    except Unreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise Damaged(type(error).__name__) from None
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on damaged files
        raise Damaged(type(error).__name__) from None
    finally:
        quiet.setLevel(previous)


ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
REPEAT_LIMIT = 64  # a repeated empty row or cell stands for thousands: never expanded


def _odf_text(element):
    """The text of an OpenDocument element (spaces, tabs and line breaks as one space)."""
    parts = []
    for node in element.iter():
        if node.text and node.tag not in (ODF_TEXT + "s", ODF_TEXT + "tab"):
            parts.append(node.text)
        if node.tag in (ODF_TEXT + "s", ODF_TEXT + "tab", ODF_TEXT + "line-break"):
            parts.append(" ")
        if node.tail and node is not element:
            parts.append(node.tail)
    return "".join(parts)


def _odf_rows(table):
    """(row number, cells, rounded) of an OpenDocument table; number cells by their value."""
    number = 0
    for row in table.iter(ODF_TABLE + "table-row"):
        cells, rounded = [], []
        for cell in row:
            if cell.tag not in (ODF_TABLE + "table-cell", ODF_TABLE + "covered-table-cell"):
                continue
            value = cell.get(ODF_OFFICE + "value")
            if cell.get(ODF_OFFICE + "value-type") == "float" and value is not None:
                text, is_rounded = _cell_text(float(value))
            else:
                text, is_rounded = " ".join(_odf_text(p) for p in cell.iter(ODF_TEXT + "p")), False
            repeat = min(int(cell.get(ODF_TABLE + "number-columns-repeated", "1")), REPEAT_LIMIT)
            for _ in range(repeat if text else 1):
                if is_rounded:
                    rounded.append(len(cells))
                cells.append(text)
        repeat = int(row.get(ODF_TABLE + "number-rows-repeated", "1"))
        number += 1
        if any(cells):
            for offset in range(min(repeat, REPEAT_LIMIT)):
                yield number + offset, cells, rounded
        number += repeat - 1


def open_document_records(raw: bytes, depth: int = 0) -> list[Record]:
    """ODS sheets (rows), ODT paragraphs and tables and ODP slides, from content.xml."""
    root = _zipped_xml(raw, "content.xml")
    body = root.find(ODF_OFFICE + "body")
    records = []
    for sheet in body.iter(ODF_OFFICE + "spreadsheet") if body is not None else []:
        for table in sheet.iter(ODF_TABLE + "table"):
            title = table.get(ODF_TABLE + "name", "")
            records += table_records(
                _odf_rows(table), where=lambda n, t=title: f"lembar '{t}' baris {n}"
            )
    for slides in body.iter(ODF_OFFICE + "presentation") if body is not None else []:
        for number, paragraph in enumerate(slides.iter(ODF_TEXT + "p"), start=1):
            content = _odf_text(paragraph)
            if content.strip():
                records.append(Record(number, [content], [], "prose", f"paragraf {number}"))
    for text in body.iter(ODF_OFFICE + "text") if body is not None else []:
        paragraphs = tables = 0
        for block in text:
            if block.tag in (ODF_TEXT + "p", ODF_TEXT + "h", ODF_TEXT + "list"):
                paragraphs += 1
                content = _odf_text(block)
                if content.strip():
                    for record in markdown_records([content], first=paragraphs):
                        record.where = f"paragraf {paragraphs}"
                        records.append(record)
            elif block.tag == ODF_TABLE + "table":
                tables += 1
                records += table_records(
                    _odf_rows(block), where=lambda n, t=tables: f"tabel {t} baris {n}"
                )
    return records


PRINTABLE = re.compile(rb"[\x20-\x7e]{8,}")
PRINTABLE_UTF16 = re.compile(rb"(?:[\x20-\x7e]\x00){8,}")


def legacy_records(raw: bytes) -> list[Record]:
    """Old binary Office files: their runs of printable characters (8-bit and UTF-16)."""
    strings = [m.group(0).decode("ascii") for m in PRINTABLE.finditer(raw)]
    strings += [m.group(0).decode("utf-16-le") for m in PRINTABLE_UTF16.finditer(raw)]
    return [Record(1, [text], [], "prose") for text in strings if any(c.isdigit() for c in text)]


def records_of(path: str, extension: str) -> list[Record]:
    """The records of one attachment, by its (lower-case) extension."""
    with open(path, "rb") as handle:
        raw = handle.read()
    return records_from(raw, extension)


def records_from(raw: bytes, extension: str, depth: int = 0) -> list[Record]:
    """The records of a file's bytes `raw`, by its (lower-case) extension; `depth`: how
    deep inside other files it was found (embedded, archived)."""
    readers = {
        **dict.fromkeys(PDF, pdf_records),
        **dict.fromkeys(SPREADSHEET, spreadsheet_records),
        **dict.fromkeys(DOCUMENT, document_records),
        **dict.fromkeys(PRESENTATION, presentation_records),
        **dict.fromkeys(OPEN_DOCUMENT, open_document_records),
        **dict.fromkeys(ARCHIVE, archive_records),
    }
    if extension in UNOPENED:
        raise Unreadable(f"arsip {extension} tidak bisa dibuka untuk diperiksa")
    if extension in readers:
        try:
            return readers[extension](raw, depth)
        except Damaged:
            return legacy_records(raw)
    if extension in TABLE:
        return csv_records(raw, extension)
    if extension in LEGACY:
        return legacy_records(raw)
    return text_records(raw)
