"""Other personal data next to a person's name: a private mobile number, a full birth
date, a house address with RT/RW in a list or table. These are warnings, not errors.

What counts as "a person's name" (heuristics, tuned so ordinary news does not warn):

- a form of address followed by a capitalised word: "Bapak Slamet", "Bu Siti",
  "Sdr. Agus", "Hj. Aminah", "Alm. Darto";
- a label: "nama:", "a.n.", "atas nama";
- in a table: a column headed "Nama" that is filled in that row; in a PDF, a numbered line
  ("12 Sutini ...") under a header line naming "Nama" and a personal-data column;
- in a list item: the item starts with one to four capitalised words followed by a comma,
  a parenthesis, a colon or a dash ("- Siti Aminah, RT 02/RW 01"), unless the first word
  is an office, place or role ("Kantor", "Dusun", "Ketua", "Posko", ...).

Prose (a paragraph) only warns about a phone number or a birth date when the name form
is within a few words of it; an RT/RW address in a paragraph ("jalan di RT 02 RW 03")
never warns: only lists and tables of people do.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Record

HONORIFIC = re.compile(
    r"(?<![\w.])(?:(?i:bapak|pak|ibu|bu|bpk|sdr|sdri|saudara|saudari|mbak|mbah|mas|kang|kak"
    r"|ustadz|ustaz|ustadzah|ustazah|almarhum|almarhumah)\s+|(?i:bpk|sdr|sdri|tn|ny|nn|alm|almh)"
    r"\.\s*|Hj?\.\s*)([A-Z][A-Za-z]+)"
)
NAME_LABEL = re.compile(
    r"\bnama\b\s*(?:lengkap\s*)?[:=]|\ba\.\s?n\.|\batas\s+nama\b", re.IGNORECASE
)
NAME_HEADER = re.compile(r"\bnama\b\s*([A-Za-z]*)", re.IGNORECASE)
LIST_NAME = re.compile(
    r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\**((?:[A-Z][a-z']+|[A-Z]\.)(?:\s+(?:[A-Z][a-z']+|[A-Z]\.)){0,3})"
    r"\**\s*[,(:\u2013\u2014-]"
)
# Places, works and things: never a person's name, neither as the first word of a list item
# nor as the word after "Nama" in a column header.
PLACES_AND_WORKS = {
    "desa",
    "dusun",
    "kecamatan",
    "kabupaten",
    "kelurahan",
    "kampung",
    "jalan",
    "jl",
    "gang",
    "gg",
    "perumahan",
    "blok",
    "posko",
    "sekretariat",
    "puskesmas",
    "polindes",
    "poskesdes",
    "posyandu",
    "pustu",
    "bumdes",
    "masjid",
    "musala",
    "mushola",
    "gereja",
    "pura",
    "sekolah",
    "sd",
    "smp",
    "sma",
    "smk",
    "mi",
    "mts",
    "paud",
    "tk",
    "rt",
    "rw",
    "ruas",
    "kegiatan",
    "lokasi",
    "tempat",
    "acara",
    "lapangan",
    "pos",
    "embung",
    "jembatan",
    "gedung",
    "saluran",
    "sumur",
    "makam",
    "pasar",
    "taman",
    "aula",
    "kolam",
    "tandon",
    "pamsimas",
}
# The first word of a list item that is an office, a role or a label, not a name.
NOT_A_NAME = PLACES_AND_WORKS | {
    "kantor",
    "balai",
    "pendaftaran",
    "informasi",
    "kontak",
    "layanan",
    "telepon",
    "telp",
    "tel",
    "hp",
    "wa",
    "whatsapp",
    "hubungi",
    "call",
    "pengaduan",
    "panitia",
    "ketua",
    "sekretaris",
    "bendahara",
    "kepala",
    "kades",
    "kasi",
    "kaur",
    "kadus",
    "kasun",
    "camat",
    "babinsa",
    "bhabinkamtibmas",
    "pkk",
    "karang",
    "taruna",
    "bpd",
    "lpmd",
    "pemdes",
    "pemerintah",
    "tim",
    "pembangunan",
    "perbaikan",
    "pemeliharaan",
    "pengadaan",
    "rehabilitasi",
    "waktu",
    "tanggal",
    "hari",
    "jam",
    "anggaran",
    "dana",
    "sumber",
    "catatan",
    "keterangan",
    "total",
    "jumlah",
    "tahap",
    "nomor",
    "no",
    "alamat",
    "rabat",
    "talud",
    "drainase",
    "irigasi",
    "gapura",
    "tugu",
    "pendopo",
    "mck",
    "lampu",
    "pju",
    "beton",
    "paving",
    "kios",
}
# "Nama …" headers of columns that do not hold people's names (not roles: "Nama Kepala
# Keluarga" and "Nama Ketua" are people).
NOT_A_PERSON = PLACES_AND_WORKS | {
    "kelompok",
    "usaha",
    "barang",
    "program",
    "lembaga",
    "organisasi",
    "instansi",
    "proyek",
    "paket",
    "pekerjaan",
    "produk",
    "toko",
    "wilayah",
    "lingkungan",
    "bank",
    "sungai",
    "fasilitas",
    "sarana",
    "bangunan",
    "komoditas",
    "tanaman",
    "jenis",
    "item",
    "file",
    "berkas",
    "dokumen",
}

PHONE_SEPARATOR = "[ .\\-\u00a0\u2010\u2011\u2012\u2013]"  # WhatsApp writes U+2011 and U+00A0
PHONE = re.compile(
    r"(?<![\w+])(?:\+62" + PHONE_SEPARATOR + r"?|62" + PHONE_SEPARATOR + r"?|\(?0)8[1-9]\d?\)?"
    r"(?:" + PHONE_SEPARATOR + r"?\d){6,10}(?![\d])"
)
PHONE_HEADER = re.compile(
    r"\b(?:HP|telepon|telp|tlp|WA|whatsapp|ponsel|no\.?\s*kontak)\b", re.IGNORECASE
)
BARE_MOBILE = re.compile(r"^(?:62)?8[1-9]\d{7,10}$")
MONTHS = (
    r"jan(?:uari)?|feb(?:ruari)?|mar(?:et)?|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|agu(?:stus)?|agt"
    r"|ags|sep(?:tember)?|okt(?:ober)?|nov(?:ember)?|des(?:ember)?"
)
DATE = re.compile(
    r"\b(?:0?[1-9]|[12]\d|3[01])(?:[-/.](?:0?[1-9]|1[0-2])[-/.]|\s+(?:" + MONTHS + r")\.?\s+)"
    r"(?:19|20)\d\d\b",
    re.IGNORECASE,
)
BIRTH_HEADER = re.compile(r"lahir|\bTTL\b|\btgl\.?\s*lhr\b", re.IGNORECASE)
BIRTH_PHRASE = re.compile(
    r"(?<!hari\s)(?<!hari\sjadi\s)(?:tempat[\s,/]*(?:dan\s+)?tanggal\s+lahir|tanggal\s+lahir"
    r"|tgl\.?\s*lahir|\bTTL\b|\blahir\b)[^.;\n]{0,40}?$",
    re.IGNORECASE,
)
NAME_BEFORE_BIRTH = re.compile(r"[A-Z][a-z']+(?:\s+[A-Z][a-z']+){0,3}\s*,\s*$")
RT_RW = re.compile(
    r"\bRT\s*[./]?\s*RW\b\.?\s*:?\s*\d{1,3}\s*/\s*\d{1,3}\b"
    r"|\bRT\b\.?\s*:?\s*\d{1,3}\s*(?:/\s*(?:RW\b\.?\s*:?\s*)?|,?\s*RW\b\.?\s*:?\s*)\d{1,3}\b",
    re.IGNORECASE,
)
# A column holding a house address: "Alamat …", or headed RT, RW or RT/RW alone ("Jumlah
# RT" counts them).
ADDRESS_HEADER = re.compile(r"alamat|^\s*(?:RT|RW|RT\s*/\s*RW)\.?\s*$", re.IGNORECASE)
NUMBERED_LINE = re.compile(r"^\s*\d{1,4}[.)]?\s+[A-Z][A-Za-z']")
ANY_DIGIT = re.compile(r"\d")
NEAR = 80  # characters between a name form and a phone number or birth date in prose


def digits_of(phone: str) -> str:
    """The national form of a phone number: 0812..., whatever the prefix."""
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("62") else digits


def mask_phone(digits: str) -> str:
    return digits[:4] + "x" * max(len(digits) - 7, 0) + digits[-3:]


def phones_in(text: str | None) -> set[str]:
    """National forms of every mobile number in `text` (used for allowed numbers)."""
    return {digits_of(m.group(0)) for m in PHONE.finditer(text or "")}


@dataclass(frozen=True)
class Finding:
    kind: str  # "phone", "birth", "address"
    shown: str  # what the message shows (masked)


def _list_name(text):
    match = LIST_NAME.match(text)
    return bool(match) and match.group(1).split()[0].rstrip(".").lower() not in NOT_A_NAME


def _name_near(text, start, end):
    window = text[max(0, start - NEAR) : end + NEAR]
    return bool(NAME_LABEL.search(window)) or any(
        _a_name(match.group(1)) for match in HONORIFIC.finditer(window)
    )


def _a_name(word):
    """The word after a form of address names a person: "Siti", "SITI"; not "Pak RT",
    "Ibu PKK" (a name in capitals is not one of NOT_A_NAME's offices and roles)."""
    return not (word.isupper() and word.lower() in NOT_A_NAME)


def _named_row(record):
    if record.line_header:  # a PDF line under "No Nama NIK ...": "12 Sutini ..." is a person
        return bool(NUMBERED_LINE.match(record.cells[0]))
    for index, title in enumerate(record.header):
        if (
            _person_column(title or "")
            and index < len(record.cells)
            and re.search(r"[A-Za-z]", record.cells[index])
        ):
            return True
    return False


def _person_column(title):
    """A column of people's names: "Nama", "Nama Lengkap", "Nama Penerima", not "Nama
    Dusun", "Nama Kegiatan" or "Nama Posyandu" (NOT_A_PERSON)."""
    match = NAME_HEADER.search(title)
    return bool(match) and match.group(1).lower() not in NOT_A_PERSON


def findings(record: Record, allowed_phones: Collection[str]) -> list[Finding]:
    """Personal data next to a name in one record."""
    if record.kind == "row" and not record.header:
        return []  # a header row
    text = " | ".join(record.cells)
    if not ANY_DIGIT.search(text):
        return []  # a phone number, a date and an RT/RW address all have digits
    named_row = _named_row(record)
    if record.kind == "list":
        named = named_row or _list_name(text) or _name_near(text, 0, len(text))
    elif record.kind == "row":
        named = named_row or _name_near(text, 0, len(text))
    else:
        named = None  # prose: decided per match, by distance
    found = []
    phones = [
        digits_of(m.group(0))
        for m in PHONE.finditer(text)
        if named or (named is None and _name_near(text, m.start(), m.end()))
    ]
    if record.kind == "row" and named and not record.line_header:
        # A spreadsheet keeps 0812... as the number 812...: the column says it is a phone.
        phones += [
            digits_of("0" + c.strip().removeprefix("62"))
            for i, c in enumerate(record.cells)
            if PHONE_HEADER.search(record.header_of(i)) and BARE_MOBILE.match(c.strip())
        ]
    for digits in phones:
        if digits not in allowed_phones:
            found.append(Finding("phone", mask_phone(digits)))
            break
    found += _birth_dates(record, text, named)
    if record.kind in ("list", "row") and named:
        address = RT_RW.search(text)
        if not address and record.kind == "row" and not record.line_header:
            address = next(
                (
                    True
                    for i, c in enumerate(record.cells)
                    if ADDRESS_HEADER.search(record.header_of(i)) and re.search(r"\d", c)
                ),
                None,
            )
        if address:
            found.append(Finding("address", ""))
    return found


def _birth_dates(record, text, named):
    if record.kind == "row" and named:
        for index, cell in enumerate(record.cells):
            if BIRTH_HEADER.search(record.header_of(index)) and DATE.search(cell):
                return [Finding("birth", "")]
    for match in DATE.finditer(text):
        before = text[: match.start()]
        phrase = BIRTH_PHRASE.search(before)
        if not phrase:
            continue
        if named or (
            named is None
            and (
                _name_near(text, match.start(), match.end())
                or NAME_BEFORE_BIRTH.search(before[: phrase.start()])
            )
        ):
            return [Finding("birth", "")]
    return []
