"""The archive's year links and its pagination (archive.py)."""

import datetime as dt
from types import SimpleNamespace

from article_extras.archive import ARCHIVE_PER_PAGE, note_archive_years, paginate_archives


def dated(year, month=1):
    return SimpleNamespace(date=dt.datetime(year, month, 1))


def test_the_archive_is_added_to_the_paginated_templates_only_when_missing():
    site = SimpleNamespace(settings={"PAGINATED_TEMPLATES": {"index": None}})
    paginate_archives(site)
    assert site.settings["PAGINATED_TEMPLATES"] == {"archives": ARCHIVE_PER_PAGE, "index": None}
    own = {"archives": 7, "index": None}
    site = SimpleNamespace(settings={"PAGINATED_TEMPLATES": own})
    paginate_archives(site)
    assert site.settings["PAGINATED_TEMPLATES"] == {"archives": 7, "index": None}
    assert site.settings["PAGINATED_TEMPLATES"] is not own  # a new dict: the setting stays
    site = SimpleNamespace(settings={})
    paginate_archives(site)
    assert site.settings["PAGINATED_TEMPLATES"] == {"archives": ARCHIVE_PER_PAGE}


def test_the_year_links_are_where_each_year_of_the_dates_begins():
    dates = [dated(2025, 5), dated(2025, 1), dated(2023), dated(2023), dated(2021)]
    generator = SimpleNamespace(dates=dates, context={})
    note_archive_years(generator)
    assert generator.context["archive_years"] == [(2025, 0), (2023, 2), (2021, 4)]
    generator = SimpleNamespace(dates=[], context={})
    note_archive_years(generator)
    assert generator.context["archive_years"] == []
