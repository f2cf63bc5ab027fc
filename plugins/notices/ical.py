"""iCalendar (RFC 5545) files of agenda items, written by hand so the output is
byte-for-byte stable: UIDs from the site's domain and the event's slug, timed events in
UTC (`...Z`, correct whatever zone the operator wrote), all-day events as VALUE=DATE (the
end day exclusive), text escaped (\\ ; , and new lines) and lines folded at 75 octets.
Every value comes from front matter and is treated as untrusted text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup

if TYPE_CHECKING:
    from .contents import Event

PRODID = "-//Warta Desa//Agenda//ID"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape(text: object) -> str:
    """TEXT value escaping (RFC 5545 3.3.11); control characters dropped."""
    text = CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Content lines longer than 75 octets folded (CRLF + space), never inside a
    UTF-8 character (RFC 5545 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def plain(html: str | None) -> str:
    """Text of cleaned HTML (title, summary), typogrify's no-break spaces made plain."""
    return Markup(html or "").striptags().replace("\xa0", " ").replace("\u202f", " ")


def utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def domain(settings: Mapping[str, Any]) -> str:
    """The site's domain for UIDs: CUSTOM_DOMAIN, else the host of the site address (with
    its path, for a project site under a shared host), else the site name made safe."""
    if (settings.get("CUSTOM_DOMAIN") or "").strip():
        return settings["CUSTOM_DOMAIN"].strip().lower()
    for key in ("SITE_BASE", "SITEURL", "PUBLISH_SITEURL"):
        address = urlsplit(str(settings.get(key) or ""))
        host = address.hostname
        if host and host not in ("127.0.0.1", "localhost"):
            # A project site (akun.github.io/situs-desa) shares its host with every other
            # site of the account: its path tells them apart
            path = address.path.strip("/")
            return f"{host}/{path}" if path else host
    name = re.sub(r"[^a-z0-9]+", "-", str(settings.get("SITENAME", "warta-desa")).lower())
    return (name.strip("-") or "warta-desa") + ".invalid"  # no domain known (preview)


def uid(event: Event, settings: Mapping[str, Any]) -> str:
    return f"agenda-{event.slug}@{domain(settings)}"


def event_lines(event: Event, settings: Mapping[str, Any], site_base: str | None) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid(event, settings)}"]
    stamp = getattr(event, "modified", None) or event.date
    lines.append(f"DTSTAMP:{utc(stamp)}")
    if event.all_day:
        lines.append(f"DTSTART;VALUE=DATE:{event.first_day:%Y%m%d}")
        end = event.last_day + dt.timedelta(days=1)
        lines.append(f"DTEND;VALUE=DATE:{end:%Y%m%d}")
    else:
        lines.append(f"DTSTART:{utc(event.start)}")
        if event.end is not None:
            end = event.end
            if not event.end_has_time:  # "selesai: 2024-06-21" with a timed start
                end = dt.datetime.combine(
                    event.last_day + dt.timedelta(days=1), dt.time(), tzinfo=event.start.tzinfo
                )
            lines.append(f"DTEND:{utc(end)}")
    lines.append(f"SUMMARY:{escape(plain(event.title))}")
    villages = getattr(event, "villages", []) or []
    place = ", ".join(p for p in (event.venue, *(_village_name(v) for v in villages)) if p)
    if place:
        lines.append(f"LOCATION:{escape(place)}")
    if event.geo:
        lines.append(f"GEO:{event.geo[0]:.6f};{event.geo[1]:.6f}")
    description = plain(getattr(event, "summary", "") or "")
    if event.organizer:
        description = "\n".join(filter(None, (description, f"Penyelenggara: {event.organizer}")))
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    if site_base is not None:
        lines.append(f"URL:{site_base}/{event.url}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    events: Iterable[Event], settings: Mapping[str, Any], name: str, site_base: str | None = None
) -> str:
    """The text of a VCALENDAR with `events` (sorted by start, then slug)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{settings.get('TIMEZONE') or 'UTC'}",
    ]
    for event in sorted(events, key=lambda e: (e.start, e.slug)):
        lines += event_lines(event, settings, site_base)
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def _village_name(village) -> str:
    """ "Binangun", or "Desa Ngampel, Kec. Manyar" beside another Ngampel of the site."""
    distinct = getattr(village, "distinct_title", None)
    return distinct if distinct and distinct != village.title else village.name
