"""Indonesian dates and times through Babel's `id` locale (no system locale needed).

The theme's date filters (`FILTERS`: tanggal, jam, tanggal_jam, ...) reach Jinja through
Pelican's own JINJA_FILTERS setting (wartadesa/defaults.py); plugins import the
functions (`from wartadesa.dates import iso`)."""

import datetime as dt
import functools

import jinja2
from babel.dates import format_date, format_time

ZONE_NAMES = {7: "WIB", 8: "WITA", 9: "WIT"}


def zone_name(value: dt.datetime | dt.time) -> str:
    """WIB/WITA/WIT for Indonesian offsets, else UTC+H."""
    offset = value.utcoffset()
    if offset is None:
        return ""
    hours = offset.total_seconds() / 3600
    if hours in ZONE_NAMES:
        return ZONE_NAMES[int(hours)]
    sign = "+" if hours >= 0 else "-"
    return f"UTC{sign}{abs(hours):g}"


# Every article's date is shown on many pages (its own, the lists, the feeds): each day
# and pattern is formatted by Babel once per build process.
@functools.lru_cache(maxsize=16384)
def _day(day: dt.date, pattern: str) -> str:
    return format_date(day, pattern, locale="id")


def _date(value: dt.date, pattern: str) -> str:
    """Babel's format_date in Indonesian (which formats a datetime's own calendar date)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if type(value) is not dt.date:  # None (today) or a date of another kind: as Babel does
        return format_date(value, pattern, locale="id")
    return _day(value, pattern)


@functools.lru_cache(maxsize=2048)
def _clock(hour: int, minute: int) -> str:
    return format_time(dt.time(hour, minute), "HH.mm", locale="id")


def tanggal(value: dt.date) -> str:
    """'Rabu, 5 Juni 2024'."""
    return _date(value, "EEEE, d MMMM y")


def tanggal_pendek(value: dt.date) -> str:
    """'5 Jun 2024'."""
    return _date(value, "d MMM y")


def hari_bulan(value: dt.date) -> str:
    """'5 Jun' (the archive lists dates under their month)."""
    return _date(value, "d MMM")


def jam(value: dt.datetime) -> str:
    """'09.00 WIB' (the time as written, in its own zone)."""
    return f"{_clock(value.hour, value.minute)} {zone_name(value)}".strip()


def tanggal_jam(value: dt.datetime, with_time: bool = True) -> str:
    """'Rabu, 5 Juni 2024 pukul 09.00 WIB' (without the time when it was not given)."""
    if not with_time:
        return tanggal(value)
    return f"{tanggal(value)} pukul {jam(value)}"


def bulan_tahun(value: dt.date) -> str:
    """'Juni 2024'."""
    return _date(value, "MMMM y")


def iso(value: dt.date) -> str:
    """ISO 8601 with offset, for <time datetime> and JSON-LD."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def year_starts_of(articles) -> list[tuple[int, int]]:
    """[(year, index of its first article)] of a list sorted by date: the archive's "jump
    to a year" links (the theme takes them from `archive_years`, plugin article_extras)."""
    starts = []
    for index, article in enumerate(articles):
        if not starts or article.date.year != starts[-1][0]:
            starts.append((article.date.year, index))
    return starts


@jinja2.pass_environment
def year_starts(environment, articles) -> list[tuple[int, int]]:
    """`year_starts_of` as a template filter (`dates|year_starts`, for a village theme).
    Worked out once per list (every archive page asks about the same one), kept on the
    build's Jinja environment, which goes with the build: the template's own loop over
    every article made each page cost as much as the whole archive, so the archive grew
    with the square of the number of articles."""
    known, length, starts = getattr(environment, "_wartadesa_year_starts", (None, 0, []))
    if known is not articles or length != len(articles):
        starts = year_starts_of(articles)
        environment._wartadesa_year_starts = (articles, len(articles), starts)
    return list(starts)


FILTERS = {
    "tanggal": tanggal,
    "tanggal_pendek": tanggal_pendek,
    "hari_bulan": hari_bulan,
    "tanggal_jam": tanggal_jam,
    "jam": jam,
    "bulan_tahun": bulan_tahun,
    "iso": iso,
    "year_starts": year_starts,
}


def build_day(settings):
    """The day of this build, in the site's TIMEZONE: from SOURCE_DATE_EPOCH (the
    reproducible-builds convention, seconds since 1970 UTC) when it is set, else today.
    What is "upcoming" or "expired" is decided against this day only, so two builds on the
    same day write the same files."""
    import os
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), zone).date()
        except (ValueError, OverflowError, OSError):
            raise SystemExit(
                f"SOURCE_DATE_EPOCH '{epoch}' bukan angka detik sejak 1970 "
                "(SOURCE_DATE_EPOCH must be a Unix timestamp)"
            ) from None
    return dt.datetime.now(zone).date()


def local_day(value, settings):
    """The calendar day of a date or datetime in the site's TIMEZONE (naive: as written)."""
    from zoneinfo import ZoneInfo

    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ZoneInfo(settings.get("TIMEZONE") or "UTC"))
        return value.date()
    return value
