"""Which current notices the home page shows (notices.portal.on_home)."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from notices.portal import on_home
from tests.sitetools import environ

WIB = ZoneInfo("Asia/Jakarta")
SETTINGS = {"TIMEZONE": "Asia/Jakarta"}


def notice(title, day, until=None):
    return SimpleNamespace(
        title=title,
        date=dt.datetime(*day, 8, tzinfo=WIB),
        valid_until=dt.datetime(*until, tzinfo=WIB) if until else None,
    )


def shown(notices, build_day, **settings):
    epoch = str(int(dt.datetime(*build_day, 12, tzinfo=WIB).timestamp()))
    with environ(SOURCE_DATE_EPOCH=epoch):
        return [n.title for n in on_home(notices, {**SETTINGS, **settings})]


def test_a_notice_without_an_end_leaves_the_home_page_after_its_days():
    """It stayed on the home page for years ("Jadwal Ronda Malam" of July 2024 in 2026);
    one with berlaku_sampai stays until that day, whatever its age."""
    notices = [
        notice("Ronda", (2024, 7, 8)),
        notice("Jalan ditutup", (2024, 1, 1), until=(2024, 12, 31)),
    ]
    assert shown(notices, (2024, 9, 6)) == ["Ronda", "Jalan ditutup"]  # day 60
    assert shown(notices, (2024, 9, 7)) == ["Jalan ditutup"]  # day 61
    assert shown(notices, (2024, 9, 7), HOME_NOTICE_DAYS=90) == ["Ronda", "Jalan ditutup"]
    assert shown(notices, (2026, 12, 1), HOME_NOTICE_DAYS=0) == ["Ronda", "Jalan ditutup"]
