"""An empty feed (a village in desa.yml with no news yet) is dated by the build day.

feedgenerator dates a feed by its newest item, and a feed without items by the clock:
two builds would then differ. The build day (wartadesa.dates.build_day: SOURCE_DATE_EPOCH,
else today in the site's TIMEZONE) keeps builds of one day byte-identical."""

import datetime as dt
from zoneinfo import ZoneInfo

from wartadesa.dates import build_day


def date_empty_feed(context, feed=None, **_kwargs):
    """feed_generated: an empty feed's date is the build day's midnight."""
    if feed is None or feed.items:
        return
    moment = dt.datetime.combine(
        build_day(context), dt.time(), ZoneInfo(context.get("TIMEZONE") or "UTC")
    )
    feed.latest_post_date = lambda: moment
