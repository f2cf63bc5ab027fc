"""Strict parsing of front matter dates, with messages an operator understands."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pelican.utils import SafeDatetime

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
FIRST_YEAR = 1900  # year 0000 cannot be a date; very early years break time zone arithmetic
ZONE_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}

_DATE_RE = re.compile(
    r"""^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
        (?:[ T](?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?)?
        \s*(?P<tz>Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?$""",
    re.VERBOSE | re.IGNORECASE,
)

# Day-month-year, the Indonesian order: 29-11-2026, 29/11/2026, 29.11.2026, and
# 29 November 2026 / 29 Nov 2026 (Indonesian or English month names), optionally after a
# day name ("Sabtu, 29 November 2026"). The year has four digits, so none is ambiguous.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "ags", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov", "nopember"),
            ("desember", "december", "des", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAMES = tuple(_MONTHS)  # every month name the reader takes, lower case (the editor)
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_WEEKDAYS = {name.lower(): number for number, name in enumerate(HARI)}
_WEEKDAYS.update({"jum'at": 4, "ahad": 6})
DAY_NAMES = tuple(_WEEKDAYS)  # every day name the reader takes, lower case (the editor)
_DAY_NAME = rf"(?:(?P<day_name>{'|'.join(DAY_NAMES)}),?\s+)?"
# "pukul 09.00", "jam 09:00", "pkl. 09.00" (as the site itself prints the time), after the
# date with or without a comma: read as the time.
_CLOCK_WORD = re.compile(r"(?:\s*,\s*|\s+)(?:pukul|pkl\.?|jam)\s*(?=\d)", re.IGNORECASE)
_REST = r"(?P<rest>(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?\s*(?:Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?)$"
_DMY_RE = re.compile(
    _DAY_NAME + r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})" + _REST,
    re.IGNORECASE,
)
_NAMED_RE = re.compile(
    _DAY_NAME + r"(?P<d>\d{1,2})\s+(?P<month>[a-z]+)\.?\s+(?P<y>\d{4})" + _REST, re.IGNORECASE
)

FORMAT_HINT = (
    "tulis seperti 2024-06-05 atau 2024-06-05 09:00 (tahun-bulan-tanggal); "
    "juga boleh 05-06-2024 atau 5 Juni 2024 pukul 09.00 (use YYYY-MM-DD [HH:MM] [+HH:MM])"
)


class DateError(ValueError):
    """The value is not a date; the message is for the operator."""

    def __init__(self, message: str, hint: str = FORMAT_HINT) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _as_iso(text):
    """`text` with a day-month-year date rewritten year first, and "pukul"/"jam" before
    the time left out; other text as it is."""
    text = _CLOCK_WORD.sub(" ", text, count=1)
    match = _DMY_RE.match(text) or _NAMED_RE.match(text)
    if not match:
        return text
    if "month" in match.groupdict():
        month = _MONTHS.get(match["month"].lower())
        if month is None:
            raise DateError(
                f"tanggal '{text}': nama bulan '{match['month']}' tidak dikenal "
                "(unknown month name)",
                hint="tulis nama bulan lengkap, misalnya 29 November 2026, atau 2026-11-29",
            )
    else:
        month = int(match["m"])
    return f"{match['y']}-{month:02d}-{int(match['d']):02d}{match['rest']}"


# What a phone keyboard or a word processor types in a date: `Jum’at` (a curly
# apostrophe), `2024–07–08` (en dashes), the whole value in curly quotes.
_TYPED = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_TIME_ONLY = re.compile(r"^(?:pukul\s+|jam\s+)?\d{1,2}[.:]\d{2}(?:\s*\w{3,4})?$", re.IGNORECASE)


def _typed(text: str) -> str:
    """`text` with the look-alike characters phones and word processors type made plain."""
    return text.translate(_TYPED).strip("\u201c\u201d\u2018\u2019'\" ")


def has_time(value: object) -> bool:
    """Whether the written date includes a time of day."""
    try:
        match = _DATE_RE.match(_as_iso(_typed(str(value).strip())))
    except DateError:
        return False
    return bool(match and match["H"])


def _check_day_name(text: str, day: dt.date) -> None:
    """A day name written before the date ("Jumat, 6 Juni 2024") must be that date's."""
    match = re.match(_DAY_NAME, text, re.IGNORECASE)
    name = match and match["day_name"]
    if not name or _WEEKDAYS[name.lower()] == day.weekday():
        return
    right = HARI[day.weekday()]
    written = f"{day.day} {BULAN[day.month - 1]} {day.year}"
    raise DateError(
        f"tanggal '{text}': {written} adalah hari {right}, bukan {name} "
        "(day name does not match the date)",
        hint=f"periksa tanggalnya; bila tanggalnya benar, tulis  {right}, {written}  "
        "(nama hari boleh tidak ditulis)",
    )


def parse_date(value: object) -> SafeDatetime:
    """Return a SafeDatetime; naive when no offset is written (site TIMEZONE applies).

    Year first (2026-11-29) or the Indonesian day-month-year (29-11-2026, 29/11/2026,
    29 November 2026)."""
    text = str(value).strip()
    match = _DATE_RE.match(_as_iso(_typed(text)))
    if not match:
        if _TIME_ONLY.match(text):
            raise DateError(
                f"tanggal '{text}' hanya berisi jam (a time without its date)",
                hint="tulis tanggalnya juga, misalnya 2024-06-20 "
                + re.search(r"\d{1,2}[.:]\d{2}", text).group(),
            )
        raise DateError(f"tanggal '{text}' tidak dikenali (date not understood)")
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if y < FIRST_YEAR:
        raise DateError(
            f"tanggal '{text}': tahun {match['y']} tidak masuk akal (year before {FIRST_YEAR})",
            hint="periksa tahunnya, misalnya 2024-06-05",
        )
    if not 1 <= m <= 12:
        raise DateError(
            f"tanggal '{text}': bulan {m} tidak ada (month must be 1-12)",
            hint="urutannya tanggal-bulan-tahun (29-11-2026) atau tahun-bulan-tanggal (2026-11-29)",
        )
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        raise DateError(
            f"tanggal '{text}' tidak ada: {BULAN[m - 1]} {y} hanya punya {last} hari "
            f"(day {d} does not exist)",
            hint="periksa tanggalnya (check the day of the month)",
        )
    _check_day_name(_typed(text), dt.date(y, m, d))
    hour = int(match["H"] or 0)
    minute = int(match["M"] or 0)
    second = int(match["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(
            f"jam '{text}' tidak ada (time must be 00:00-23:59)",
            hint="tulis jam dalam format 24 jam, misalnya 14:30",
        )
    tzinfo = None
    zone = (match["tz"] or "").upper()
    if zone == "Z":
        tzinfo = dt.UTC
    elif zone in ZONE_OFFSETS:
        tzinfo = dt.timezone(dt.timedelta(hours=ZONE_OFFSETS[zone]), zone)
    elif zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset > dt.timedelta(hours=14):
            raise DateError(f"zona waktu '{zone}' tidak ada (offset too large)")
        tzinfo = dt.timezone(sign * offset)
    return SafeDatetime(y, m, d, hour, minute, second, tzinfo=tzinfo)
