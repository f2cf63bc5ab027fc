"""Dates far in the future: a warning (check exits 0), not with status draft or when
WITH_FUTURE_DATES = False turns such articles into drafts."""

import datetime as dt

import pytest

from wartadesa.check import check


def write(folder, date, status="published"):
    path = folder / "berita" / "acara.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\njudul: Acara\ntanggal: {date}\nstatus: {status}\n---\nIsi.\n", encoding="utf-8"
    )


def in_days(days):
    return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).strftime("%Y-%m-%d %H:%M+00:00")


def test_a_date_a_week_ahead_is_a_warning(tmp_path):
    write(tmp_path, in_days(7))
    errors, warnings = check(content=tmp_path)
    assert errors == []
    assert len(warnings) == 1
    assert "acara.md:3: tanggal " in warnings[0]
    assert "masih jauh di masa depan (date far in the future)" in warnings[0]
    assert "status: draft" in warnings[0] and "WITH_FUTURE_DATES = False" in warnings[0]


@pytest.mark.parametrize(
    "date, status, overrides",
    [
        (in_days(-30), "published", {}),
        (in_days(0.5), "published", {}),  # later today: no warning
        (in_days(7), "draft", {}),
        (in_days(7), "published", {"WITH_FUTURE_DATES": False}),
        (in_days(7), "published", {"FUTURE_DATE_WARNING_DAYS": 10}),
    ],
)
def test_no_warning(tmp_path, date, status, overrides):
    write(tmp_path, date, status)
    assert check(content=tmp_path, overrides=overrides) == ([], [])
