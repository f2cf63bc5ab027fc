"""The theme's Indonesian date filters (wartadesa/dates.py): each day and time is formatted
by Babel once per process; the text is Babel's own for every kind of value."""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from pelican.utils import SafeDatetime

from wartadesa import dates

PATTERNS = {
    dates.tanggal: "EEEE, d MMMM y",
    dates.tanggal_pendek: "d MMM y",
    dates.hari_bulan: "d MMM",
    dates.bulan_tahun: "MMMM y",
}


def values():
    rng = random.Random(7)
    zones = [None, ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Jayapura"), dt.UTC]
    found = []
    for _ in range(400):
        moment = dt.datetime(2020, 1, 1) + dt.timedelta(minutes=rng.randrange(6 * 365 * 24 * 60))
        zone = rng.choice(zones)
        found.append(moment.replace(tzinfo=zone))
        found.append(SafeDatetime(*moment.timetuple()[:6], tzinfo=zone))
        found.append(moment.date())
    # The same instant in two zones either side of midnight: two calendar days.
    found.append(dt.datetime(2024, 6, 5, 2, 0, tzinfo=ZoneInfo("Asia/Jakarta")))
    found.append(dt.datetime(2024, 6, 4, 19, 0, tzinfo=dt.UTC))
    return found


def test_every_date_filter_says_what_babel_says():
    for value in values():
        for function, pattern in PATTERNS.items():
            assert function(value) == format_date(value, pattern, locale="id"), (value, pattern)
        if isinstance(value, dt.datetime):
            expected = f"{format_time(value, 'HH.mm', locale='id')} {dates.zone_name(value)}"
            assert dates.jam(value) == expected.strip()
            assert dates.tanggal_jam(value).endswith(expected.strip())
    assert dates.tanggal(dt.date(2024, 6, 5)) == "Rabu, 5 Juni 2024"
    assert dates.jam(dt.datetime(2024, 6, 5, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))) == "09.00 WIB"


def test_year_starts_are_where_each_year_of_a_date_sorted_list_begins():
    import jinja2

    class Dated:
        def __init__(self, year, month):
            self.date = dt.date(year, month, 1)

    build = jinja2.Environment()  # the Jinja environment of one build
    newest_first = [Dated(2025, 5), Dated(2025, 1), Dated(2024, 9), Dated(2022, 3)]
    assert dates.year_starts(build, newest_first) == [(2025, 0), (2024, 2), (2022, 3)]
    assert dates.year_starts(build, newest_first) == [(2025, 0), (2024, 2), (2022, 3)]
    # Another list, and the same list once it has grown: worked out again.
    assert dates.year_starts(build, [Dated(2020, 1)]) == [(2020, 0)]
    newest_first.insert(0, Dated(2026, 2))
    assert dates.year_starts(build, newest_first) == [(2026, 0), (2025, 1), (2024, 3), (2022, 4)]
    assert dates.year_starts(build, []) == []
    # What is kept goes with the build's environment: nothing of it stays in the module.
    kept = [Dated(2019, 1)]
    dates.year_starts(build, kept)
    assert build._wartadesa_year_starts[0] is kept
    assert not any(value is kept for value in vars(dates).values())
