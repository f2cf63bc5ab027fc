"""The build day: SOURCE_DATE_EPOCH as a day in the site's TIMEZONE, else today there."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.sitetools import environ
from wartadesa.dates import build_day

MIDNIGHT_WIB = "1721062800"  # 2024-07-15 17:00 UTC = 2024-07-16 00:00 WIB


def test_epoch_is_a_day_in_the_site_time_zone():
    with environ(SOURCE_DATE_EPOCH=MIDNIGHT_WIB):
        assert build_day({"TIMEZONE": "Asia/Jakarta"}) == dt.date(2024, 7, 16)
        assert build_day({"TIMEZONE": "UTC"}) == dt.date(2024, 7, 15)
        assert build_day({"TIMEZONE": "Asia/Jayapura"}) == dt.date(2024, 7, 16)


def test_without_epoch_it_is_today_in_the_site_time_zone(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    today = dt.datetime.now(ZoneInfo("Asia/Makassar")).date()
    assert build_day({"TIMEZONE": "Asia/Makassar"}) in (today, today + dt.timedelta(days=1))


def test_a_bad_epoch_is_a_clear_message():
    with environ(SOURCE_DATE_EPOCH="kemarin"), pytest.raises(SystemExit) as stopped:
        build_day({"TIMEZONE": "Asia/Jakarta"})
    assert "SOURCE_DATE_EPOCH 'kemarin' bukan angka detik sejak 1970" in str(stopped.value)
