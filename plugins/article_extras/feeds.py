"""What Pelican's Writer leaves out of every feed: its language, the page it belongs to, and
a date for an empty feed.

Pelican makes every feed with the site root as its link and no language. Every feed
declares DEFAULT_LANG (`id`); a feed written with `FEED_PAGE_URL` in its context (a
village's or region's feed: plugin villages) links to that page.

An empty feed (a village in desa.yml with no news yet) is dated by the build day:
feedgenerator dates a feed by its newest item, and a feed without items by the clock:
two builds would then differ. The build day (wartadesa.dates.build_day: SOURCE_DATE_EPOCH,
else today in the site's TIMEZONE) keeps builds of one day byte-identical."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from wartadesa.dates import build_day

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed


FEED_PAGE_URL = "FEED_PAGE_URL"  # context key: the address (like an item's url) of the page


def language_and_page(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated: the feed's language, and its page when the writer was told one."""
    if feed is None:
        return
    feed.feed["language"] = context.get("DEFAULT_LANG") or "id"
    page = context.get(FEED_PAGE_URL)
    if page is not None:
        # As Pelican joins SITEURL and an item's url (Writer._add_item_to_the_feed).
        link = str(context.get("SITEURL") or "").rstrip("/") + "/" + str(page)
        if feed.feed.get("id") == feed.feed.get("link"):  # Atom's <id>: the link by default
            feed.feed["id"] = link
        feed.feed["link"] = link


def date_empty_feed(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated: an empty feed's date is the build day's midnight."""
    if feed is None or feed.items:
        return
    moment = dt.datetime.combine(
        build_day(context), dt.time(), ZoneInfo(context.get("TIMEZONE") or "UTC")
    )
    feed.latest_post_date = lambda: moment
