"""An empty feed (a village in desa.yml with no news yet) is dated by the build day.

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
