"""The notice board's content classes: Pelican Pages with their own URL settings
(NOTICE_URL, EVENT_URL, ...) and templates, so everything Pelican and our plugins do for
pages (reading, slugs, HTML cleaning, photos) applies to them too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from pelican.contents import Content, Page

from wartadesa.dates import local_day


def _aware(value, zone):
    """In the site's zone: a naive value as written there, an aware one converted (an
    event written at 23:00Z shows as 06:00 WIB, on the next day)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=zone)
        return value.astimezone(zone)
    return value


def midnight_is_a_day(
    metadata: dict[str, Any], key: str, zone: ZoneInfo, timed_with: str = ""
) -> None:
    """A time of 00:00 (in the site's TIMEZONE, `zone`) on `key` counts as no time: the
    whole day.
    The web editor's date field always writes a time, so an all-day agenda item or a
    notice's last day came as `2024-07-25 00:00` and was shown "pukul 00.00", its calendar
    ending a day early. (An event that truly begins at midnight is written 00:01.)
    Not when `timed_with` (an event's end, for its start) has a time of its own: `mulai:
    2024-10-05 00:00` with `selesai: 2024-10-05 04:00` is a night watch from midnight,
    which was shown as a day "– 04.00 WIB" and put in calendars as the whole day."""
    value = metadata.get(key)
    if not metadata.get(f"{key}_has_time") or not isinstance(value, dt.datetime):
        return
    if timed_with and metadata.get(f"{timed_with}_has_time"):
        return
    if value.astimezone(zone).time() == dt.time(0):
        metadata[f"{key}_has_time"] = False


class BoardItem(Page):
    """A Page whose URL settings are named after its class (NOTICE_URL, EVENT_SAVE_AS)."""

    kind = ""  # "notice", "event": the schema's content type
    date_keys = ()  # in this order: a key of timed_with after its partner
    timed_with = {}  # key -> the key whose own time keeps its 00:00 a time

    def __init__(
        self,
        content: str,
        metadata: Mapping[str, Any] | None = None,
        settings: Mapping[str, Any] | None = None,
        source_path: str | None = None,
        context: dict[str, Any] | None = None,
    ) -> None:
        metadata = dict(metadata or {})
        # Pelican's readers give every file DEFAULT_CATEGORY: a notice or event is none of
        # the news categories (its feed entries said "Umum"; its kind is what it is).
        metadata.pop("category", None)
        zone = ZoneInfo((settings or {}).get("TIMEZONE") or "UTC")
        for key in self.date_keys:
            if metadata.get(key) is not None:
                metadata[key] = _aware(metadata[key], zone)
                midnight_is_a_day(metadata, key, zone, self.timed_with.get(key, ""))
        self.prepare(metadata)
        super().__init__(content, metadata, settings, source_path, context)

    def prepare(self, metadata: dict[str, Any]) -> None:
        """Fill in metadata before Pelican sets it as attributes."""

    def _expand_settings(self, key):
        return Content._expand_settings(self, key)

    def line(self, key: str, default: int | None = 1) -> int | None:
        return (getattr(self, "meta_lines", None) or {}).get(key, default)


class Notice(BoardItem):
    """A pengumuman: `valid_until` (berlaku_sampai), `pinned` (penting), `attachment`."""

    kind = "notice"
    default_template = "notice"
    date_keys = ("valid_until",)

    def prepare(self, metadata: dict[str, Any]) -> None:
        metadata.setdefault("pinned", False)
        metadata.setdefault("valid_until", None)
        metadata.setdefault("attachment", None)
        self.expired = False

    @property
    def published_date(self) -> dt.datetime:
        """When it was published: its `date` (tanggal), for feeds and the sitemap."""
        return self.date

    def expired_on(self, day: dt.date) -> bool:
        """Past its last day (berlaku_sampai) on the build day `day`."""
        if self.valid_until is None:
            return False
        return local_day(self.valid_until, self.settings) < day


class Event(BoardItem):
    """An agenda item: `start` (mulai), `end` (selesai), venue, organizer, geo."""

    kind = "event"
    default_template = "event"
    date_keys = ("end", "start")
    timed_with = {"start": "end"}

    def prepare(self, metadata: dict[str, Any]) -> None:
        for key in ("end", "venue", "organizer", "geo"):
            metadata.setdefault(key, None)
        metadata.setdefault("start_has_time", False)
        metadata.setdefault("end_has_time", False)
        if "date" not in metadata and metadata.get("start") is not None:
            metadata["date"] = metadata["start"]  # Pelican needs a date; pages show `start`
            metadata["date_has_time"] = metadata["start_has_time"]
        self.state = "upcoming"
        self.published_date = None  # set by the generator: published_on(build day)

    def published_on(self, day: dt.date) -> dt.datetime:
        """When the agenda item counts as published (feeds, sitemap), never in the future:
        agenda items have no `tanggal`, so their start, or the build day's midnight while
        the start is still ahead."""
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        midnight = dt.datetime.combine(day, dt.time(), zone)
        start = self.start
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(), zone)
        return min(start, midnight)

    @property
    def all_day(self) -> bool:
        return not self.start_has_time

    @property
    def first_day(self) -> dt.date:
        return local_day(self.start, self.settings)

    @property
    def last_day(self) -> dt.date:
        return local_day(self.end, self.settings) if self.end is not None else self.first_day

    @property
    def end_shown(self) -> str:
        """How pages and feeds write the end after the start: "" when it adds nothing (no
        end, the same day without a time, the same moment), "time" for a later time of
        the same day ('– 12.00 WIB'), "day" for another day ('– Minggu, 18 Agustus 2024')."""
        if self.end is None:
            return ""
        if self.last_day != self.first_day:
            return "day"
        if not self.end_has_time or (self.start_has_time and self.end == self.start):
            return ""
        return "time"

    def state_on(self, day: dt.date) -> str:
        """ "past", "current" or "upcoming" on the build day `day`."""
        if self.last_day < day:
            return "past"
        if self.first_day <= day:
            return "current"
        return "upcoming"
