"""Agenda: each event at EVENT_SAVE_AS with its own iCalendar file (EVENT_ICS_SAVE_AS),
the agenda list (upcoming soonest first, then past ones by month), the site's calendar
(EVENTS_ICS_SAVE_AS) and one calendar per village (VILLAGE_ICS_SAVE_AS)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from itertools import groupby
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from pelican.generators import Generator

from article_extras.seo import site_base
from wartadesa.dates import build_day

from . import ical
from .contents import Event
from .json_ld import event_ld
from .reading import read_all, source_files

if TYPE_CHECKING:
    import datetime as dt

    from pelican.writers import Writer


def by_month(events: Iterable[Event]) -> list[tuple[dt.date, list[Event]]]:
    """[(first day of the month, [events, newest first])], newest month first."""
    ordered = sorted(events, key=lambda e: (e.start, e.slug), reverse=True)
    return [
        (month, list(items))
        for month, items in groupby(ordered, key=lambda e: e.first_day.replace(day=1))
    ]


class EventsGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events = []  # published, soonest first
        self.hidden_events = []

    def source_files(self) -> list[str]:
        """Every file read from the type's folders, drafts included (content_guard.unread)."""
        return source_files(self)

    def generate_context(self) -> None:
        day = build_day(self.settings)
        items = read_all(self, Event)
        for item in items:
            item.state = item.state_on(day)
            item.published_date = item.published_on(day)
            item.ics_url = self._format("EVENT_ICS_URL", item)
            item.ics_save_as = self._format("EVENT_ICS_SAVE_AS", item)
        published = sorted(
            (e for e in items if e.status == "published"), key=lambda e: (e.start, e.slug)
        )
        self.events = published
        self.hidden_events = [e for e in items if e.status == "hidden"]
        self.context["events"] = published
        self.context["hidden_events"] = self.hidden_events
        self.context["upcoming_events"] = [e for e in published if e.state != "past"]
        self.context["past_events_by_month"] = by_month([e for e in published if e.state == "past"])

    def after_tagging(self) -> None:
        """Once the villages plugin has tagged the events (every generator has read its
        content), before any page is written: JSON-LD with the place names, and each
        village's calendar address for its page."""
        base = site_base(self.settings)
        for item in [*self.events, *self.hidden_events]:
            item.json_ld = event_ld(item, base)
        pattern = self.settings.get("VILLAGE_ICS_URL")
        for village in self.context.get("villages", []):
            village.calendar_url = (
                pattern.format(slug=village.slug) if (pattern and village.events) else ""
            )

    def _format(self, setting, item):
        pattern = self.settings.get(setting)
        return pattern.format(slug=item.slug) if pattern else ""

    def _calendars(self):
        """(save_as, events, name) of every calendar file."""
        site = self.settings.get("SITENAME", "")
        if self.settings.get("EVENTS_ICS_SAVE_AS"):
            yield self.settings["EVENTS_ICS_SAVE_AS"], self.events, f"Agenda {site}"
        pattern = self.settings.get("VILLAGE_ICS_SAVE_AS")
        if pattern:
            for village in self.context.get("villages", []):
                if village.events:
                    yield (
                        pattern.format(slug=village.slug),
                        village.events,
                        f"Agenda {village.distinct_title}",
                    )
        for item in [*self.events, *self.hidden_events]:
            if item.ics_save_as:
                yield item.ics_save_as, [item], ical.plain(item.title)

    def all_contents(self) -> list[Event]:
        """For content_guard and privacy_guard: every item written (their checks, and
        their pages in the output plan)."""
        return [*self.events, *self.hidden_events]

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int | None, str]]:
        """Calendars and the list (the events' own pages are in the plan through
        all_contents(), like articles)."""
        for item in [*self.events, *self.hidden_events]:
            if item.ics_save_as:
                yield (
                    item.ics_save_as,
                    f"berkas kalender {item.source_path}",
                    item.source_path,
                    item.line("slug", item.line("title")),
                    "",
                )
        if self.settings.get("EVENTS_SAVE_AS"):
            yield self.settings["EVENTS_SAVE_AS"], "daftar agenda", "", 1, ""
        if self.settings.get("EVENTS_ICS_SAVE_AS"):
            yield self.settings["EVENTS_ICS_SAVE_AS"], "kalender agenda situs", "", 1, ""
        pattern = self.settings.get("VILLAGE_ICS_SAVE_AS")
        for village in self.context.get("villages", []) if pattern else []:
            if village.events:
                yield (
                    pattern.format(slug=village.slug),
                    f"kalender desa '{village.distinct_title}'",
                    "",
                    1,
                    "",
                )

    def generate_output(self, writer: Writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for item in [*self.events, *self.hidden_events]:
            write(
                item.save_as,
                self.get_template(item.template),
                self.context,
                event=item,
                url=item.url,
                template_name="event",
            )
        save_as = self.settings.get("EVENTS_SAVE_AS")
        if save_as:
            write(
                save_as,
                self.get_template("events"),
                self.context,
                url=self.settings.get("EVENTS_URL"),
                template_name="events",
                page_name=save_as.rsplit(".", 1)[0],
                # plugin sitemap: the list changes with its newest agenda item
                last_modified=max((e.published_date for e in self.events), default=None),
            )
        base = site_base(self.settings) or None
        template = self.get_template("calendar")
        for path, events, name in self._calendars():
            text = ical.calendar(events, self.settings, name, site_base=base)
            # The template's output is iCalendar, not HTML: every value in `text` was
            # escaped for iCalendar by ical.escape, so HTML escaping must not touch it.
            write(
                path, template, self.context, calendar_text=Markup(text), template_name="calendar"
            )
