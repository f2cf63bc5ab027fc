"""schema.org Event JSON-LD of an agenda item (printed with |tojson by event.html)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wartadesa.dates import iso

from .ical import plain

if TYPE_CHECKING:
    from .contents import Event


def event_ld(event: Event, site_base: str) -> dict[str, Any]:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": str(plain(event.title)),
        "startDate": iso(event.start) if not event.all_day else iso(event.first_day),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "url": f"{site_base}/{event.url}",
    }
    if event.end is not None:
        data["endDate"] = iso(event.end) if event.end_has_time else iso(event.last_day)
    villages = list(getattr(event, "villages", None) or [])
    place = {
        "@type": "Place",
        "name": event.venue or ", ".join(v.name for v in villages) or str(plain(event.title)),
    }
    if villages:  # the first village's locality (with its kecamatan and kabupaten), region
        # and postal code; not the village office's street, which is not the venue
        address = dict(villages[0].place()["address"])
        address.pop("streetAddress", None)
        place["address"] = address
    if event.geo:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": event.geo[0],
            "longitude": event.geo[1],
        }
    data["location"] = place
    if event.organizer:
        data["organizer"] = {"@type": "Organization", "name": event.organizer}
    summary = str(plain(getattr(event, "summary", "") or ""))
    if summary:
        data["description"] = summary
    return data
