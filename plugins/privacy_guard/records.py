"""Text cut into records the checks read: a line of prose, a list item, or a table row
with its column headers; each with the location an operator can find it by."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class Record:
    """One line, list item or table row of a published file."""

    line: int  # the N of `file:N:` (line; page of a PDF; row of a spreadsheet)
    cells: list  # one cell for prose and list items, the row's cells for tables
    header: list = field(default_factory=list)  # column headers of a table row
    kind: str = "prose"  # "prose", "list", "row"
    where: str = ""  # "halaman 2", "lembar 'Data' baris 5", "tabel 1 baris 3" (attachments)
    rounded: frozenset = frozenset()  # cells holding spreadsheet numbers (15 digits kept)
    # The header is a table's whole header line (PDF text), not this cell's column title:
    # it says whose data the line holds, but labels no particular number.
    line_header: bool = False

    def header_of(self, index: int) -> str:
        return self.header[index] if index < len(self.header) and self.header[index] else ""


DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


def plain(text: str) -> str:
    """HTML entities (&nbsp;, &#46;) read as the characters they stand for."""
    return html.unescape(text) if "&" in text and ENTITY.search(text) else text


def split_row(text: str) -> list[str]:
    """The cells of a Markdown table row (`\\|` is a pipe inside a cell)."""
    text = text.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


def markdown_records(lines: Sequence[str], first: int = 1) -> list[Record]:
    """Records of Markdown (or YAML, or plain text) `lines`, numbered from `first`.

    A line followed by a delimiter row (`|---|---|`) is a table header; the rows under it
    keep its cells as their headers until a line without `|`. Lines of cells separated by
    tabs (a block of Excel pasted as it is) are a table too: the first of two or more such
    lines is its header when it looks like one (`_header_like`).
    """
    records = []
    header = None
    tab_header = None  # the header of a block of tab-separated lines, [] when it has none
    count = len(lines)
    for index, raw in enumerate(lines):
        text = plain(raw)
        number = first + index
        if "\t" in text.strip() and "|" not in text:
            cells = [cell.strip() for cell in text.split("\t")]
            following = lines[index + 1] if index + 1 < count else ""
            if tab_header is None and "\t" in following.strip():
                filled = [c for c in cells if c]
                tab_header = cells if _header_like(filled) else []
                if tab_header:
                    records.append(Record(number, cells, [], "row"))
                    continue
            if tab_header is not None:
                records.append(Record(number, cells, tab_header, "row"))
                continue
        tab_header = None
        if DELIMITER_ROW.match(text) and "-" in text and ("|" in text or header is not None):
            continue
        if "|" in text:
            following = lines[index + 1] if index + 1 < count else ""
            if DELIMITER_ROW.match(following) and "|" in following:
                header = split_row(text)
                records.append(Record(number, header, [], "row"))
                continue
            if header is not None:
                records.append(Record(number, split_row(text), header, "row"))
                continue
        header = None
        if not text.strip():
            continue
        kind = "list" if LIST_ITEM.match(text) else "prose"
        records.append(Record(number, [text], [], kind))
    return records


NUMBER_CELL = re.compile(r"^[\s\d.,:/()+\-Rp%]*\d[\s\d.,:/()+\-Rp%]*$")
LONG_NUMBER = re.compile(r"\d{5,}")


def _header_like(filled):
    return len(filled) >= 2 and not any(
        NUMBER_CELL.match(cell) or LONG_NUMBER.search(cell) for cell in filled
    )


def table_records(
    rows: Iterable[tuple[int, Sequence[object], Iterable[int]]],
    where: Callable[[int], str] | None = None,
    header_row: list[str] | None = None,
) -> list[Record]:
    """Records of spreadsheet-like rows: (number, cells, rounded) triples.

    The header is the first row with at least two non-empty cells, none of them a number
    and none holding a long one (title rows above it, such as "DAFTAR PENERIMA BLT 2024",
    are skipped; "Tahap 1" may be a column title, "1" or "Rp600.000" not).
    `where(number)` names the row for attachments.
    """
    records = []
    header = header_row or []
    for number, cells, rounded in rows:
        cells = [plain(str(c)) if c is not None else "" for c in cells]
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        if not header and _header_like(filled):
            header = cells
            records.append(Record(number, cells, [], "row", where(number) if where else ""))
            continue
        records.append(
            Record(number, cells, header, "row", where(number) if where else "", frozenset(rounded))
        )
    return records
