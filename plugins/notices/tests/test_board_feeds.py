"""The notice board in the village and region feeds (built sample fixture site, build day
15 July 2024, parsed with feedparser): an agenda entry starts with its time, place and
organiser, a notice's with its last day; entries are dated when they were published (never
an event's future start); every feed declares its language and a place's feed links to
the place's page."""

import datetime as dt
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import PRODUCTION_URL

WIB = ZoneInfo("Asia/Jakarta")
BUILD_DAY = dt.datetime(2024, 7, 15, tzinfo=WIB)
JALAN = "pengumuman/penutupan-sementara-jalan-poros-binangun-untuk-pengecoran/"
RONDA = "pengumuman/jadwal-ronda-malam-bulan-juli/"
MUSDES = "agenda/musyawarah-desa-penyusunan-rkpdes-2025/"
RAPAT = "agenda/rapat-koordinasi-daring-pendamping-desa/"
UPACARA = "agenda/upacara-hut-kemerdekaan-ri/"


def parsed(site, path):
    feed = feedparser.parse(site.text(path))
    assert not feed.bozo, (path, feed.bozo_exception)
    return feed


def entries(feed):
    """{address of the entry (site root left out): entry}"""
    return {e.link.removeprefix(PRODUCTION_URL + "/"): e for e in feed.entries}


def first_paragraph(entry):
    html = entry.content[0].value if entry.get("content") else entry.description
    return " ".join(BeautifulSoup(html, "html.parser").p.get_text().split())


@pytest.mark.parametrize("path", ["feeds/desa/binangun.atom.xml", "feeds/desa/binangun.rss.xml"])
def test_agenda_and_notice_entries_start_with_their_facts(published_site, path):
    found = entries(parsed(published_site, path))
    assert first_paragraph(found[MUSDES]) == (
        "Waktu: Kamis, 20 Juni 2024 pukul 09.00 WIB – 12.00 WIB · "
        "Tempat: Balai Desa Binangun · Penyelenggara: Pemerintah Desa Binangun"
    )
    assert first_paragraph(found[UPACARA]) == (
        "Waktu: Sabtu, 17 Agustus 2024 pukul 07.00 WIB · Tempat: Lapangan Desa Binangun"
    )
    assert first_paragraph(found[JALAN]) == "Berlaku sampai Sabtu, 20 Juli 2024"
    # A notice without berlaku_sampai starts with its own text.
    assert first_paragraph(found[RONDA]).startswith("Pengumuman contoh (contoh). Jadwal ronda")


def test_region_feed_entry_of_an_event_in_utc(published_site):
    found = entries(parsed(published_site, "feeds/wilayah/35.23.07.atom.xml"))
    assert first_paragraph(found[RAPAT]) == (
        "Waktu: Senin, 15 Juli 2024 pukul 06.00 WIB – 08.00 WIB · "
        "Tempat: Kantor Kecamatan Singgahan; ruang rapat, lantai 2 · "
        "Penyelenggara: Kecamatan Singgahan"
    )


def test_entries_are_dated_when_published_never_in_the_future(published_site):
    feed = parsed(published_site, "feeds/desa/binangun.atom.xml")
    found = entries(feed)
    dates = {url: dt.datetime(*e.published_parsed[:6], tzinfo=dt.UTC) for url, e in found.items()}
    # The notice's own tanggal; a past event its start; a coming one the build day.
    assert dates[JALAN] == dt.datetime(2024, 7, 1, 8, tzinfo=WIB)
    assert dates[MUSDES] == dt.datetime(2024, 6, 20, 9, tzinfo=WIB)
    assert dates[UPACARA] == BUILD_DAY
    assert all(date <= BUILD_DAY for url, date in dates.items() if not url.startswith("galeri/"))
    # Newest first by that date; the entry's id still names the event's own day.
    listed = [e for e in feed.entries if "/galeri/" not in e.link]
    moments = [dates[e.link.removeprefix(PRODUCTION_URL + "/")] for e in listed]
    assert moments == sorted(moments, reverse=True)
    assert found[UPACARA].id.endswith(f",2024-08-17:/{UPACARA}")


def test_the_notice_feed_says_how_long_each_notice_applies(published_site):
    found = entries(parsed(published_site, "feeds/pengumuman.rss.xml"))
    expired = "pengumuman/pendaftaran-posyandu-balita-bulan-juni/"
    assert first_paragraph(found[expired]) == "Berlaku sampai Minggu, 30 Juni 2024"


@pytest.mark.parametrize(
    "path, page",
    [
        ("feeds/desa/binangun.atom.xml", "desa/binangun/"),
        ("feeds/desa/binangun.rss.xml", "desa/binangun/"),
        ("feeds/wilayah/35.23.07.rss.xml", "wilayah/jawa-timur/tuban/singgahan/"),
        ("feeds/wilayah/35.23.07.atom.xml", "wilayah/jawa-timur/tuban/singgahan/"),
    ],
)
def test_a_place_feed_links_to_the_place_page(published_site, path, page):
    feed = parsed(published_site, path)
    assert feed.feed.link == f"{PRODUCTION_URL}/{page}"
    assert published_site.exists(page + "index.html")
    if path.endswith(".atom.xml"):
        assert feed.feed.id == f"{PRODUCTION_URL}/{page}"


def test_every_feed_declares_indonesian(published_site):
    paths = sorted(
        str(p.relative_to(published_site.output))
        for p in published_site.output.glob("feeds/**/*.xml")
    )
    assert "feeds/all.atom.xml" in paths and "feeds/pengumuman.rss.xml" in paths
    for path in paths:
        assert parsed(published_site, path).feed.language == "id", path
    site_feed = parsed(published_site, "feeds/all.rss.xml")
    assert site_feed.feed.link == f"{PRODUCTION_URL}/"


ATTACHMENT = "files/jadwal-ronda-juli.txt"


@pytest.mark.parametrize(
    "path",
    [
        "feeds/pengumuman.atom.xml",
        "feeds/pengumuman.rss.xml",
        "feeds/desa/binangun.atom.xml",
        "feeds/desa/binangun.rss.xml",
        "feeds/wilayah/35.23.07.atom.xml",
    ],
)
def test_a_notice_entry_carries_its_attachment(published_site, path):
    """As the notice's page: 'Lampiran: <name>' linked after the text, with the absolute
    address of the published file; and the file as the entry's enclosure."""
    found = entries(parsed(published_site, path))
    entry = found[RONDA]
    html = entry.content[0].value if entry.get("content") else entry.description
    body = BeautifulSoup(html, "html.parser")
    paragraph = body.find_all("p")[-1]
    assert " ".join(paragraph.get_text().split()) == "Lampiran: jadwal-ronda-juli.txt"
    assert paragraph.a["href"] == f"{PRODUCTION_URL}/{ATTACHMENT}"
    page = published_site.html(RONDA).select_one("p.attachment a")
    assert page.get_text() == "jadwal-ronda-juli.txt"  # the page shows the same
    size = published_site.path(ATTACHMENT).stat().st_size
    assert [(e.href, e.type, e.length) for e in entry.enclosures] == [
        (f"{PRODUCTION_URL}/{ATTACHMENT}", "text/plain", str(size))
    ]
    assert not found[JALAN].get("enclosures")  # a notice without lampiran has none
    assert "Lampiran" not in (found[JALAN].get("description") or "")


@pytest.mark.parametrize("path", ["feeds/desa/binangun.atom.xml", "feeds/pengumuman.rss.xml"])
def test_board_and_album_entries_carry_no_news_category(published_site, path):
    """Pelican gives every file DEFAULT_CATEGORY: notices, events and albums were filed
    under "Umum" in the feeds; news entries keep theirs."""
    found = entries(parsed(published_site, path))
    board = [e for link, e in found.items() if not link.startswith("berita/")]
    assert board and all(not e.get("tags") for e in board), [e.get("tags") for e in board]
    news = [e for link, e in found.items() if link.startswith("berita/")]
    assert all(e.get("tags") for e in news)
