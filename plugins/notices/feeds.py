"""Feed entries of the notice board: what the page shows above and below the text, and
when the item was published.

Pelican's Writer makes an entry of a notice or an agenda item like one of an article: its
text and its `date`. A reader of a village feed would then see an agenda item without
its time or place, dated by its start (in the future), and a notice without its last day
or its attachment. `feed_generated` puts the facts first (in Indonesian, plain escaped
text), a notice's attachment (lampiran) last, as the page shows it ("Lampiran: name",
linked, and the entry's enclosure: Atom `<link rel="enclosure">`, RSS `<enclosure>`), and
dates the entry by `published_date` (contents.py); the entry's id (Pelican's tag URI) is
kept."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from feedgenerator import Enclosure
from markupsafe import escape
from pelican.utils import set_date_tzinfo

from front_matter.contents import FeedItems
from wartadesa.dates import jam, tanggal, tanggal_jam

from .contents import BoardItem, Event, Notice

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed

SEPARATOR = " · "


def when(event: Event) -> str:
    """'Kamis, 20 Juni 2024 pukul 09.00 WIB – 12.00 WIB' (as partials/event_when.html)."""
    text = tanggal_jam(event.start, event.start_has_time)
    if event.end_shown == "time":
        return f"{text} – {jam(event.end)}"
    if event.end_shown == "day":
        return f"{text} – {tanggal_jam(event.end, event.end_has_time)}"
    return text


def lead(item: BoardItem) -> str:
    """The paragraph an entry starts with ("" when there is nothing to add)."""
    if isinstance(item, Event):
        parts = [f"Waktu: {when(item)}"]
        if item.venue:
            parts.append(f"Tempat: {item.venue}")
        if item.organizer:
            parts.append(f"Penyelenggara: {item.organizer}")
    elif isinstance(item, Notice) and item.valid_until is not None:
        parts = [f"Berlaku sampai {tanggal(item.valid_until)}"]
    else:
        return ""
    return f"<p>{escape(SEPARATOR.join(str(p) for p in parts))}</p>"


def attachment_url(notice: Notice, context: Mapping[str, Any]) -> str:
    """The attachment's address as an entry's link is made (Pelican joins SITEURL and the
    item's url): absolute in the production build."""
    site = str(context.get("SITEURL") or "").rstrip("/")
    path = quote(notice.attachment, safe="/")
    return f"{site}/{path}" if site else path


def attachment_paragraph(notice: Notice, url: str) -> str:
    """'Lampiran: <a href=…>name</a>', as notice.html shows it under the text."""
    name = notice.attachment.rsplit("/", 1)[-1]
    return f'<p>Lampiran: <a href="{escape(url)}">{escape(name)}</a></p>'


def enclosure(notice: Notice, url: str, context: Mapping[str, Any]) -> Enclosure | None:
    """The attachment as the entry's enclosure (its size and media type), or None when the
    file cannot be read (the front matter reader checked it exists)."""
    source = os.path.join(str(context.get("PATH") or ""), *notice.attachment.split("/"))
    try:
        size = os.path.getsize(source)
    except OSError:
        return None
    kind = mimetypes.guess_type(notice.attachment)[0] or "application/octet-stream"
    return Enclosure(url, str(size), kind)


def add_attachment(entry: dict[str, Any], notice: Notice, context: Mapping[str, Any]) -> None:
    """A notice's attachment at the end of its entry's text (Atom content, else the RSS
    description) and as its enclosure."""
    url = attachment_url(notice, context)
    key = "content" if entry.get("content") else "description"
    entry[key] = (entry.get(key) or "") + "\n" + attachment_paragraph(notice, url)
    found = enclosure(notice, url, context)
    if found is not None and not entry.get("enclosures"):
        entry["enclosures"] = [found]


def entry_date(item: Any):
    """The date a feed lists an item by: when it was published (`published_date` of the
    notice board's items), else its `date`."""
    return getattr(item, "published_date", None) or item.date


BOARD = FeedItems(("notices", "hidden_notices", "events", "hidden_events"))


def forget(_pelican: object = None) -> None:
    """finalized: drop the build's items (a live preview process keeps running)."""
    BOARD.forget()


def board_entries(context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_: object):
    """feed_generated: the entries of notices and agenda items start with their facts and
    are dated when they were published."""
    if feed is None or not feed.items:
        return
    if not BOARD.items(context):
        return
    zone = context.get("TIMEZONE")
    for entry in feed.items:
        item = BOARD.of(entry, context)
        if item is None:
            continue
        entry["pubdate"] = set_date_tzinfo(entry_date(item), zone)
        text = lead(item)
        if text:
            for key in ("content", "description"):
                if entry.get(key):
                    entry[key] = text + "\n" + entry[key]
            if not entry.get("content") and not entry.get("description"):
                entry["description"] = text
        if isinstance(item, Notice) and item.attachment:
            add_attachment(entry, item, context)
