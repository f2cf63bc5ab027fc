"""When an event takes place, as pages and feeds write it: the end only when it adds
something (notices.contents.Event.end_shown, partials/event_when.html, feeds.when)."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from notices.contents import Event
from notices.feeds import when

WIB = ZoneInfo("Asia/Jakarta")


def event(start, end=None):
    """An Event's values: `start`/`end` as (y, m, d) or (y, m, d, hour)."""

    def moment(parts):
        return dt.datetime(*parts[:3], *(parts[3:] or (0,)), tzinfo=WIB)

    values = SimpleNamespace(
        start=moment(start),
        start_has_time=len(start) > 3,
        end=moment(end) if end else None,
        end_has_time=bool(end) and len(end) > 3,
    )
    values.first_day = values.start.date()
    values.last_day = values.end.date() if end else values.first_day
    values.end_shown = Event.end_shown.fget(values)
    return values


@pytest.mark.parametrize(
    "start, end, written",
    [
        ((2024, 8, 17, 8), None, "Sabtu, 17 Agustus 2024 pukul 08.00 WIB"),
        # The same day without a time adds nothing (it was "… – Sabtu, 17 Agustus 2024").
        ((2024, 8, 17, 8), (2024, 8, 17), "Sabtu, 17 Agustus 2024 pukul 08.00 WIB"),
        ((2024, 8, 17), (2024, 8, 17), "Sabtu, 17 Agustus 2024"),
        # The same moment adds nothing either (it was "… pukul 08.00 WIB – 08.00 WIB").
        ((2024, 8, 17, 8), (2024, 8, 17, 8), "Sabtu, 17 Agustus 2024 pukul 08.00 WIB"),
        ((2024, 8, 17, 8), (2024, 8, 17, 12), "Sabtu, 17 Agustus 2024 pukul 08.00 WIB – 12.00 WIB"),
        ((2024, 8, 17), (2024, 8, 18), "Sabtu, 17 Agustus 2024 – Minggu, 18 Agustus 2024"),
        (
            (2024, 8, 17, 8),
            (2024, 8, 18, 12),
            "Sabtu, 17 Agustus 2024 pukul 08.00 WIB – Minggu, 18 Agustus 2024 pukul 12.00 WIB",
        ),
    ],
)
def test_the_end_is_written_only_when_it_adds_something(start, end, written):
    assert when(event(start, end)) == written
