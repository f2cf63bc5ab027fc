"""iCalendar text from untrusted front matter: escaping, folding, no injected lines."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar

from notices.ical import calendar, escape, fold, uid

WIB = ZoneInfo("Asia/Jakarta")
SETTINGS = {"TIMEZONE": "Asia/Jakarta", "CUSTOM_DOMAIN": "binangun-singgahan.desa.id"}


def event(**values):
    start = dt.datetime(2024, 7, 20, 9, 0, tzinfo=WIB)
    return SimpleNamespace(
        **{
            "slug": "rapat",
            "date": start,
            "start": start,
            "end": None,
            "end_has_time": False,
            "all_day": False,
            "first_day": start.date(),
            "last_day": start.date(),
            "title": "Rapat",
            "venue": None,
            "villages": [],
            "geo": None,
            "organizer": None,
            "summary": "",
            "url": "agenda/rapat/",
            **values,
        }
    )


def test_escape_and_control_characters():
    assert escape("a;b,c\\d\ne\r\nf\x07g") == "a\\;b\\,c\\\\d\\ne\\nfg"


def test_fold_never_splits_a_character_and_keeps_75_octets():
    line = "SUMMARY:" + "Musyawarah é desa " * 20
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    assert b"".join(p[1:] if i else p for i, p in enumerate(folded)).decode("utf-8") == line


def test_hostile_text_cannot_add_properties_or_events():
    hostile = event(
        title="Rapat\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil",
        venue='Balai; desa, "utama"\nDTSTART:19700101T000000Z',
        organizer="<script>alert(1)</script>",
        summary="Isi; penting, sekali",
    )
    text = calendar([hostile], SETTINGS, "Agenda; uji")
    parsed = icalendar.Calendar.from_ical(text)
    [only] = parsed.walk("VEVENT")
    assert str(only["UID"]) == "agenda-rapat@binangun-singgahan.desa.id"
    # Titles are HTML (cleaned) made plain text: white space runs become one space.
    assert str(only["SUMMARY"]) == "Rapat END:VEVENT BEGIN:VEVENT UID:evil"
    assert str(only["LOCATION"]) == 'Balai; desa, "utama"\nDTSTART:19700101T000000Z'
    assert only.decoded("DTSTART") == dt.datetime(2024, 7, 20, 2, 0, tzinfo=dt.UTC)
    assert "<script>alert(1)</script>" in str(only["DESCRIPTION"])  # text, not HTML
    assert "\r\nX-WR-CALNAME:Agenda\\; uji\r\n" in text  # escaped like every TEXT value


def test_uid_from_the_domain_or_the_site_address():
    assert uid(event(), SETTINGS) == "agenda-rapat@binangun-singgahan.desa.id"
    assert uid(event(), {"SITEURL": "https://desa.example.id"}) == "agenda-rapat@desa.example.id"
    # Two villages' project sites under one GitHub account: one host, two UIDs
    assert [
        uid(event(), {"SITEURL": f"https://akun.github.io/{site}/"})
        for site in ("situs-binangun", "situs-saringembat")
    ] == [
        "agenda-rapat@akun.github.io/situs-binangun",
        "agenda-rapat@akun.github.io/situs-saringembat",
    ]
    assert (
        uid(event(), {"SITEURL": "", "SITENAME": "Desa Binangun"})
        == "agenda-rapat@desa-binangun.invalid"
    )


def test_a_timed_start_with_a_date_only_end_ends_after_that_day():
    start = dt.datetime(2024, 7, 20, 19, 0, tzinfo=WIB)
    multi = event(
        start=start,
        end=dt.datetime(2024, 7, 21, tzinfo=WIB),
        end_has_time=False,
        last_day=dt.date(2024, 7, 21),
    )
    [parsed] = icalendar.Calendar.from_ical(calendar([multi], SETTINGS, "x")).walk("VEVENT")
    assert parsed.decoded("DTEND") == dt.datetime(2024, 7, 21, 17, 0, tzinfo=dt.UTC)
