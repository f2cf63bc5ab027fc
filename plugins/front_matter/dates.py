"""Strict parsing of front matter dates, with messages an operator understands."""

import calendar
import datetime as dt
import re

from pelican.utils import SafeDatetime

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]
FIRST_YEAR = 1900  # year 0000 cannot be a date; very early years break time zone arithmetic
ZONE_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}

_DATE_RE = re.compile(
    r"""^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
        (?:[ T](?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?)?
        \s*(?P<tz>Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?$""",
    re.VERBOSE | re.IGNORECASE,
)

FORMAT_HINT = (
    "tulis seperti 2024-06-05, 2024-06-05 09:00 atau 2024-06-05 09:00+08:00 "
    "(use YYYY-MM-DD [HH:MM] [+HH:MM])"
)


class DateError(ValueError):
    """The value is not a date; the message is for the operator."""

    def __init__(self, message, hint=FORMAT_HINT):
        super().__init__(message)
        self.message = message
        self.hint = hint


def has_time(value):
    """Whether the written date includes a time of day."""
    match = _DATE_RE.match(str(value).strip())
    return bool(match and match["H"])


def parse_date(value):
    """Return a SafeDatetime; naive when no offset is written (site TIMEZONE applies)."""
    text = str(value).strip()
    match = _DATE_RE.match(text)
    if not match:
        raise DateError(f"tanggal '{text}' tidak dikenali (date not understood)")
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if y < FIRST_YEAR:
        raise DateError(
            f"tanggal '{text}': tahun {match['y']} tidak masuk akal (year before {FIRST_YEAR})",
            hint="periksa tahunnya, misalnya 2024-06-05",
        )
    if not 1 <= m <= 12:
        raise DateError(f"tanggal '{text}': bulan {m} tidak ada (month must be 1-12)")
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        raise DateError(
            f"tanggal '{text}' tidak ada: {BULAN[m - 1]} {y} hanya punya {last} hari "
            f"(day {d} does not exist)",
            hint="periksa tanggalnya (check the day of the month)",
        )
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
