"""The notice board in the sample fixture site, built on fixed days (SOURCE_DATE_EPOCH):
pengumuman (pinned, expired), agenda (past, current, upcoming across a time-zone
boundary), the home page portal, feeds and iCalendar files (parsed with `icalendar`)."""

import datetime as dt
import filecmp
import json
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest

from search.indexer import NOT_REPEATABLE
from tests.sitetools import build_site, text_of

WIB = ZoneInfo("Asia/Jakarta")
JALAN = "pengumuman/penutupan-sementara-jalan-poros-binangun-untuk-pengecoran/"
POSYANDU = "pengumuman/pendaftaran-posyandu-balita-bulan-juni/"
RONDA = "pengumuman/jadwal-ronda-malam-bulan-juli/"
MUSDES = "agenda/musyawarah-desa-penyusunan-rkpdes-2025/"
RAPAT = "agenda/rapat-koordinasi-daring-pendamping-desa/"
KERJA_BAKTI = "agenda/kerja-bakti-membersihkan-saluran-irigasi/"
UPACARA = "agenda/upacara-hut-kemerdekaan-ri/"


def epoch(text):
    """SOURCE_DATE_EPOCH of a WIB time 'YYYY-MM-DD HH:MM'."""
    moment = dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=WIB)
    return str(int(moment.timestamp()))


@pytest.fixture(scope="module")
def day_builds(tmp_path_factory):
    """The sample site built on other days: {name: Site}."""
    days = {
        "14-juli": "2024-07-14 12:00",
        "1-juni": "2024-06-01 08:00",
        "sept-pagi": "2024-09-01 06:00",
        "sept-malam": "2024-09-01 23:30",
        "tahun-depan": "2025-06-01 08:00",
    }
    return {
        name: build_site(tmp_path_factory.mktemp(name) / "output", source_date_epoch=epoch(day))
        for name, day in days.items()
    }


def links(soup, selector):
    return [a["href"] for a in soup.select(selector)]


def titles(soup, selector=".board__item > a"):
    return [text_of(a) for a in soup.select(selector)]


# --- Pengumuman -----------------------------------------------------------------


def test_notice_list_pins_first_and_marks_expired(sample_site):
    page = sample_site.html("pengumuman/")
    items = page.select(".board__item")
    assert [text_of(i.a) for i in items] == [
        "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran",  # penting
        "Jadwal Ronda Malam Bulan Juli",
        "Pendaftaran Posyandu Balita Bulan Juni",  # berlaku sampai 30 Juni: expired
    ]
    assert "Penting" in text_of(items[0]) and "berlaku sampai 20 Jul 2024" in text_of(items[0])
    assert "Sudah berakhir" in text_of(items[2]) and "Sudah berakhir" not in text_of(items[1])


def test_an_expired_important_notice_follows_the_current_ones(day_builds):
    """On 1 September the penting notice (until 20 July) has expired: the notice still in
    force comes first, then the expired ones, newest first."""
    page = day_builds["sept-pagi"].html("pengumuman/")
    items = page.select(".board__item")
    assert [text_of(i.a) for i in items] == [
        "Jadwal Ronda Malam Bulan Juli",  # no berlaku_sampai: in force
        "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran",  # penting, expired
        "Pendaftaran Posyandu Balita Bulan Juni",  # expired
    ]
    assert "Sudah berakhir" not in text_of(items[0])
    assert all("Sudah berakhir" in text_of(item) for item in items[1:])


def test_expired_notice_stays_online_marked(sample_site):
    page = sample_site.html(POSYANDU)
    assert text_of(page.select_one(".badge--ended")) == "Sudah berakhir"
    assert "Berlaku sampai Minggu, 30 Juni 2024" in text_of(page.select_one(".post__head"))
    assert not sample_site.html(JALAN).select(".badge--ended")


def test_a_shared_link_says_when_and_where(sample_site):
    """WhatsApp's preview (og:description) and the shared text name the time and place of
    an event and until when a notice holds, before its summary."""
    from urllib.parse import parse_qs, urlsplit

    def shared(url):
        page = sample_site.html(url)
        description = page.find("meta", property="og:description")["content"]
        link = page.select_one(".share a[href^='https://wa.me/']")["href"]
        return description, parse_qs(urlsplit(link).query)["text"][0]

    description, text = shared(MUSDES)
    assert description.startswith(
        "Kamis, 20 Juni 2024 pukul 09.00 WIB – 12.00 WIB, Balai Desa Binangun. "
    )
    assert text.startswith(
        "Musyawarah Desa Penyusunan RKPDes 2025 (Kamis, 20 Juni 2024 pukul 09.00 WIB – "
        "12.00 WIB, Balai Desa Binangun) http"
    )
    assert shared(KERJA_BAKTI)[0].startswith("Sabtu, 20 Juli 2024 – Minggu, 21 Juli 2024")
    description, text = shared(POSYANDU)
    assert description.startswith("Berlaku sampai Minggu, 30 Juni 2024. ")
    assert "(berlaku sampai Minggu, 30 Juni 2024)" in text
    # A notice without an end is shared by its title, its preview is its summary.
    description, text = shared(RONDA)
    assert not description.startswith("Berlaku") and "(" not in text.split(" http")[0]


def test_notice_attachment_is_linked_and_published(sample_site):
    page = sample_site.html(RONDA)
    link = page.select_one(".attachment a")
    assert link["href"].endswith("files/jadwal-ronda-juli.txt")
    assert sample_site.exists("files/jadwal-ronda-juli.txt")


def test_notice_feeds(sample_site):
    for name in ("feeds/pengumuman.atom.xml", "feeds/pengumuman.rss.xml"):
        feed = feedparser.parse(sample_site.text(name))
        assert not feed.bozo, name
        assert [e.title for e in feed.entries] == [
            "Jadwal Ronda Malam Bulan Juli",
            "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran",
            "Pendaftaran Posyandu Balita Bulan Juni",
        ]
        assert feed.entries[0].link.endswith(RONDA)


def test_notices_in_their_village_page_and_feed(sample_site):
    page = sample_site.html("desa/binangun/")
    assert "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran" in titles(page)
    assert "Upacara HUT Kemerdekaan RI" in titles(page)
    feed = feedparser.parse(sample_site.text("feeds/desa/binangun.atom.xml"))
    found = {e.title for e in feed.entries}
    assert {"Jadwal Ronda Malam Bulan Juli", "Upacara HUT Kemerdekaan RI"} <= found
    # The expired notice of Saringembat is not on its page (still in its feed).
    saringembat = sample_site.html("desa/saringembat/")
    assert "Pendaftaran Posyandu Balita Bulan Juni" not in titles(saringembat)


def test_region_page_shows_the_region_event(sample_site):
    page = sample_site.html("wilayah/jawa-timur/tuban/singgahan/")
    assert "Rapat Koordinasi Daring Pendamping Desa" in titles(page)


# --- Agenda -------------------------------------------------------------------------


def test_agenda_lists_upcoming_soonest_first_then_past_by_month(sample_site):
    page = sample_site.html("agenda/")
    lists = page.select("ul.board")
    assert titles(lists[0]) == [
        "Rapat Koordinasi Daring Pendamping Desa",  # today in WIB (23:00 UTC yesterday)
        "Kerja Bakti Membersihkan Saluran Irigasi",
        "Upacara HUT Kemerdekaan RI",
    ]
    assert "Sedang berlangsung" in text_of(lists[0].select(".board__item")[0])
    assert [text_of(h) for h in page.select(".board__month")] == ["Juni 2024"]
    assert titles(lists[1]) == ["Musyawarah Desa Penyusunan RKPDes 2025"]


def test_event_across_the_time_zone_boundary(sample_site, day_builds):
    page = sample_site.html(RAPAT)
    when = text_of(page.select_one(".place-facts dd"))
    assert when == "Senin, 15 Juli 2024 pukul 06.00 WIB – 08.00 WIB"
    assert page.select_one(".place-facts time")["datetime"] == "2024-07-15T06:00:00+07:00"
    # On 14 July (WIB) it is still to come, though it starts on 14 July in UTC.
    before = day_builds["14-juli"].html(RAPAT)
    assert not before.select(".badge")
    assert (
        titles(day_builds["14-juli"].html("agenda/").select("ul.board")[0])[0]
        == "Rapat Koordinasi Daring Pendamping Desa"
    )


def test_event_json_ld(sample_site):
    page = sample_site.html(MUSDES)
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-06-20T09:00:00+07:00"
    assert data["endDate"] == "2024-06-20T12:00:00+07:00"
    assert data["location"]["name"] == "Balai Desa Binangun"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": -6.9912,
        "longitude": 111.8307,
    }
    assert data["organizer"]["name"] == "Pemerintah Desa Binangun"
    all_day = json.loads(
        sample_site.html(KERJA_BAKTI).find("script", type="application/ld+json").string
    )
    assert (all_day["startDate"], all_day["endDate"]) == ("2024-07-20", "2024-07-21")


def test_add_to_calendar_link(sample_site):
    page = sample_site.html(UPACARA)
    link = page.find("a", string="Tambahkan ke kalender")
    assert link["href"].endswith("agenda/upacara-hut-kemerdekaan-ri.ics")
    calendar = icalendar.Calendar.from_ical(
        sample_site.path("agenda/upacara-hut-kemerdekaan-ri.ics").read_bytes()
    )
    events = calendar.walk("VEVENT")
    assert len(events) == 1 and str(events[0]["SUMMARY"]) == "Upacara HUT Kemerdekaan RI"


def test_a_past_event_offers_no_calendar_button(day_builds):
    """On 1 September the 17 August ceremony is over: its page no longer offers to add it
    to a calendar (its .ics stays at its address)."""
    site = day_builds["sept-pagi"]
    page = site.html(UPACARA)
    assert not page.find("a", string="Tambahkan ke kalender")
    assert site.exists("agenda/upacara-hut-kemerdekaan-ri.ics")
    coming = day_builds["14-juli"].html(UPACARA)
    assert coming.find("a", string="Tambahkan ke kalender")


# --- iCalendar ----------------------------------------------------------------------


def read_calendar(site, name):
    raw = site.path(name).read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")}


def test_site_calendar_times_and_zones(sample_site):
    events = read_calendar(sample_site, "agenda.ics")
    assert len(events) == 4
    rapat = events["Rapat Koordinasi Daring Pendamping Desa"]
    assert rapat.decoded("DTSTART") == dt.datetime(2024, 7, 14, 23, 0, tzinfo=dt.UTC)
    assert rapat.decoded("DTEND") == dt.datetime(2024, 7, 15, 1, 0, tzinfo=dt.UTC)
    musdes = events["Musyawarah Desa Penyusunan RKPDes 2025"]
    assert musdes.decoded("DTSTART") == dt.datetime(2024, 6, 20, 9, 0, tzinfo=WIB)
    kerja = events["Kerja Bakti Membersihkan Saluran Irigasi"]
    assert kerja.decoded("DTSTART") == dt.date(2024, 7, 20)  # all day: VALUE=DATE
    assert kerja.decoded("DTEND") == dt.date(2024, 7, 22)  # exclusive end
    assert "VALUE=DATE" in sample_site.text("agenda.ics")


def test_calendar_text_is_escaped(sample_site):
    events = read_calendar(sample_site, "agenda.ics")
    rapat = events["Rapat Koordinasi Daring Pendamping Desa"]
    # "Kantor Kecamatan Singgahan; ruang rapat, lantai 2" round-trips
    assert str(rapat["LOCATION"]) == "Kantor Kecamatan Singgahan; ruang rapat, lantai 2"
    assert "Singgahan\\; ruang rapat\\, lantai 2" in sample_site.text("agenda.ics")
    assert "Penyelenggara: Kecamatan Singgahan" in str(rapat["DESCRIPTION"])


def test_calendar_uids_are_stable_and_use_the_domain(sample_site, published_site, day_builds):
    def uids(site):
        return {
            str(e["SUMMARY"]): str(e["UID"]) for e in read_calendar(site, "agenda.ics").values()
        }

    published = uids(published_site)
    assert (
        published["Upacara HUT Kemerdekaan RI"]
        == "agenda-upacara-hut-kemerdekaan-ri@binangun-singgahan.desa.id"
    )
    assert len(set(published.values())) == 4
    assert uids(sample_site) == uids(day_builds["sept-pagi"])  # another day, same UIDs


def test_village_calendar(sample_site):
    events = read_calendar(sample_site, "feeds/desa/binangun.ics")
    assert set(events) == {"Musyawarah Desa Penyusunan RKPDes 2025", "Upacara HUT Kemerdekaan RI"}
    assert set(read_calendar(sample_site, "feeds/desa/saringembat.ics")) == {
        "Kerja Bakti Membersihkan Saluran Irigasi"
    }
    assert not sample_site.exists("feeds/desa/bengkel.ics")  # no events: no calendar
    page = sample_site.html("desa/binangun/")
    assert any(h.endswith("feeds/desa/binangun.ics") for h in links(page, ".more a"))


def test_village_calendar_link_without_coming_events(day_builds):
    """On 1 September every agenda item of Binangun is past: its calendar file is still
    written, and its page still links it (ikuti/ sends readers there for it)."""
    site = day_builds["sept-pagi"]
    assert site.exists("feeds/desa/binangun.ics")
    page = site.html("desa/binangun/")
    assert not [h for h in page.select("h2") if text_of(h).startswith("Agenda")]
    calendar = [a for a in page.select(".more a") if a["href"].endswith("feeds/desa/binangun.ics")]
    assert [text_of(a) for a in calendar] == ["Kalender agenda Desa Binangun (iCalendar)"]
    assert not site.exists("feeds/desa/bengkel.ics")
    assert not [a for a in site.html("desa/bengkel/").select("a") if ".ics" in a["href"]]
    follow = site.html("ikuti/")
    assert "Kalender tiap desa ada di halaman desanya" in text_of(follow)


# --- The home page at fixed build days ----------------------------------------------


def home_sections(site):
    page = site.html("")
    return {text_of(h): h.find_parent("section") for h in page.select("main section h2")}


def test_home_page_portal(sample_site):
    page = sample_site.html("")
    assert text_of(page.h1) == "Berita utama"
    headline = page.select_one(".cards .card__title")
    assert (
        text_of(headline) == "Pelatihan Aparatur Kecamatan P3PD Digelar Serentak di Empat Provinsi"
    )
    sections = home_sections(sample_site)
    assert list(sections) == ["Pengumuman", "Agenda terdekat"]
    assert titles(sections["Pengumuman"]) == [
        "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran",
        "Jadwal Ronda Malam Bulan Juli",
    ]  # the expired one left the home page
    assert titles(sections["Agenda terdekat"]) == [
        "Rapat Koordinasi Daring Pendamping Desa",
        "Kerja Bakti Membersihkan Saluran Irigasi",
        "Upacara HUT Kemerdekaan RI",
    ]
    assert any(h.endswith("pengumuman/") for h in links(sections["Pengumuman"], ".more a"))
    assert any(h.endswith("agenda/") for h in links(sections["Agenda terdekat"], ".more a"))
    # The headline is not repeated in the news list under it.
    news = [text_of(t) for t in page.select(".cards .card__title")]
    assert news.count(text_of(headline)) == 1


def test_home_page_before_and_after(day_builds):
    early = home_sections(day_builds["1-juni"])
    assert titles(early["Agenda terdekat"]) == [
        "Musyawarah Desa Penyusunan RKPDes 2025",
        "Rapat Koordinasi Daring Pendamping Desa",
        "Kerja Bakti Membersihkan Saluran Irigasi",
    ]  # the next three only
    late = home_sections(day_builds["sept-pagi"])
    # Every event is past: no list, but the agenda (the past ones) stays one tap away;
    # nothing else on the site links it.
    assert "Agenda terdekat" not in late
    assert text_of(late["Agenda"]) == "Agenda Tidak ada agenda mendatang. Semua agenda →"
    assert [h.endswith("/agenda/") for h in links(late["Agenda"], ".more a")] == [True]
    assert titles(late["Pengumuman"]) == ["Jadwal Ronda Malam Bulan Juli"]  # no end date
    agenda = day_builds["sept-pagi"].html("agenda/")
    assert "Belum ada agenda yang akan datang." in text_of(agenda)
    assert [text_of(h) for h in agenda.select(".board__month")] == [
        "Agustus 2024",
        "Juli 2024",
        "Juni 2024",
    ]


def test_home_page_without_current_notices_still_links_them(day_builds):
    """A year on, no notice is current (the one without an end left the home page after
    HOME_NOTICE_DAYS): the home page says so and links the list, the only way to it."""
    sections = home_sections(day_builds["tahun-depan"])
    assert list(sections) == ["Pengumuman", "Agenda"]
    assert text_of(sections["Pengumuman"]) == (
        "Pengumuman Tidak ada pengumuman yang berlaku saat ini. Semua pengumuman →"
    )
    assert [h.endswith("/pengumuman/") for h in links(sections["Pengumuman"], ".more a")] == [True]


def test_two_builds_on_the_same_day_are_identical(day_builds):
    morning, night = day_builds["sept-pagi"].output, day_builds["sept-malam"].output

    def listing(folder):
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())

    # Pagefind writes its filter files in a random order (search.indexer.NOT_REPEATABLE).
    files = [name for name in listing(morning) if not NOT_REPEATABLE.match(name)]
    assert files and files == [n for n in listing(night) if not NOT_REPEATABLE.match(n)]
    _match, mismatch, errors = filecmp.cmpfiles(morning, night, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_home_page_second_page_has_no_portal(tmp_path_factory):
    site = build_site(tmp_path_factory.mktemp("paged") / "output", DEFAULT_PAGINATION=2)
    second = site.html("2/")
    assert text_of(second.h1) == "Berita terbaru, halaman 2"
    assert not second.select(".board") and len(second.select(".card")) == 2
    first = site.html("")
    assert len(first.select(".board")) == 2
    # Page 1: the headline, then the other article of the page (not the headline again).
    assert len(first.select(".card")) == 2


def board_site(tmp_path, files, day):
    """A site of only these notices and agenda items ({path under content/: text}), built
    on `day`."""
    content = tmp_path / "content"
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    return build_site(tmp_path / "output", content=content, source_date_epoch=epoch(day))


def calendar_span(site, path):
    """(DTSTART, DTEND) of the one event of an agenda item's .ics file."""
    [entry] = icalendar.Calendar.from_ical(site.path(path).read_bytes()).walk("VEVENT")
    return entry.decoded("DTSTART"), entry.decoded("DTEND")


def test_the_web_editors_midnight_is_a_whole_day(tmp_path):
    """The web editor's date field always writes a time: an all-day agenda item came as
    `mulai: 2024-07-25 00:00`, `selesai: 2024-07-26 00:00`, shown "pukul 00.00 WIB" with a
    calendar ending on the 25th; a notice's last day "pukul 00.00". Midnight is the day."""
    site = board_site(
        tmp_path,
        {
            "agenda/2024-07-25-lomba.md": "---\njudul: Lomba Agustusan\nmulai: 2024-07-25 00:00\n"
            "selesai: 2024-07-26 00:00\ntempat: Lapangan desa\n---\nLomba.\n",
            "pengumuman/2024-07-10-ronda.md": "---\njudul: Jadwal Ronda\ntanggal: 2024-07-10 "
            "08:00\nberlaku_sampai: 2024-07-31 00:00\n---\nRonda.\n",
        },
        "2024-07-15 08:00",
    )
    event = text_of(site.html("agenda/lomba-agustusan/").select_one(".post"))
    assert "Kamis, 25 Juli 2024 – Jumat, 26 Juli 2024" in event and "pukul" not in event
    assert calendar_span(site, "agenda/lomba-agustusan.ics") == (
        dt.date(2024, 7, 25),
        dt.date(2024, 7, 27),  # through the 26th
    )
    notice = text_of(site.html("pengumuman/jadwal-ronda/").select_one(".post"))
    assert "Berlaku sampai Rabu, 31 Juli 2024" in notice and "00.00" not in notice


def test_a_midnight_start_with_an_end_time_is_a_time(tmp_path):
    """`mulai: 2024-10-05 00:00` with `selesai: 2024-10-05 04:00` is a night watch from
    midnight: its midnight is no whole day (the page read "Sabtu, 5 Oktober 2024 – 04.00
    WIB", the calendar the whole day)."""
    site = board_site(
        tmp_path,
        {
            "agenda/2024-10-05-ronda.md": "---\njudul: Ronda Malam\nmulai: 2024-10-05 00:00\n"
            "selesai: 2024-10-05 04:00\ntempat: Pos ronda\n---\nRonda.\n"
        },
        "2024-09-15 08:00",
    )
    event = text_of(site.html("agenda/ronda-malam/").select_one(".post"))
    assert "Sabtu, 5 Oktober 2024 pukul 00.00 WIB – 04.00 WIB" in event
    zone = ZoneInfo("Asia/Jakarta")
    assert calendar_span(site, "agenda/ronda-malam.ics") == (
        dt.datetime(2024, 10, 5, 0, 0, tzinfo=zone),
        dt.datetime(2024, 10, 5, 4, 0, tzinfo=zone),
    )
