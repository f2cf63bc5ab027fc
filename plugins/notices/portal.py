"""The home page's portal blocks (theme/templates/index.html): the headline, pinned and
current notices, the next agenda items. Set in the shared context once every generator
has read its content, before the home page is written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wartadesa.dates import build_day, local_day

if TYPE_CHECKING:
    from pelican.contents import Article
    from pelican.generators import Generator

HOME_SETTINGS = {"HOME_NOTICES": 5, "HOME_EVENTS": 3, "HOME_NOTICE_DAYS": 60}


def on_home(notices: Sequence, settings: dict) -> list:
    """The current notices the home page shows: one without `berlaku_sampai` for
    HOME_NOTICE_DAYS after its date (it stays current on its page and in the list; it
    stayed on the home page for years before)."""
    days = settings.get("HOME_NOTICE_DAYS", HOME_SETTINGS["HOME_NOTICE_DAYS"])
    today = build_day(settings)
    return [
        notice
        for notice in notices
        if notice.valid_until is not None
        or not days
        or (today - local_day(notice.date, settings)).days <= days
    ]


def headline(articles: Sequence[Article]) -> Article | None:
    """The newest article marked `utama: true`, else the newest article."""
    featured = [a for a in articles if getattr(a, "featured", False)]
    pool = featured or list(articles)
    return max(pool, key=lambda a: a.date) if pool else None


def add_to_context(generators: Sequence[Generator]) -> None:
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    articles = context.get("articles", [])
    notices = on_home(context.get("current_notices", []), settings)
    events = context.get("upcoming_events", [])
    context["portal"] = {
        "headline": headline(articles),
        "notices": notices[: settings.get("HOME_NOTICES", HOME_SETTINGS["HOME_NOTICES"])],
        "events": events[: settings.get("HOME_EVENTS", HOME_SETTINGS["HOME_EVENTS"])],
    }
