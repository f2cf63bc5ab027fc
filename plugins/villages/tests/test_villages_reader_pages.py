"""What a reader sees of villages and feeds: one trail per kecamatan, feeds explained and
named after their place, RSS and Atom everywhere, a map link for coordinates."""

import feedparser
import pytest

from tests.sitetools import build_site, text_of

REGISTRY = """\
- kode: 35.23.07.2005
  lat: -6.9123
  lon: 111.9187
- nama: Saringembat
  kecamatan: Singgahan
- kode: 35.23.07.2009
- nama: Bengkel
  kabupaten: Tabanan
"""
ARTICLE = """\
---
judul: {title}
tanggal: 2024-06-0{day} 09:00
kategori: Pemerintahan
desa: [{villages}]
{extra}
---
Isi berita.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("places")
    (content / "desa.yml").write_text(REGISTRY, encoding="utf-8")
    berita = content / "berita"
    berita.mkdir()
    for day, (title, villages, extra) in enumerate(
        [
            ("Rapat Tiga Desa", "35.23.07.2005, saringembat, 35.23.07.2009", ""),
            ("Dua Kecamatan", "binangun, bengkel", "wilayah: Kabupaten Tuban"),
        ],
        start=1,
    ):
        (berita / f"{day}.md").write_text(
            ARTICLE.format(title=title, day=day, villages=villages, extra=extra), encoding="utf-8"
        )
    return build_site(tmp_path_factory.mktemp("places-out") / "output", content=content)


def trails(site, url):
    return [text_of(li).replace(" ,", ",") for li in site.html(url).select(".places-list li")]


def test_villages_of_one_kecamatan_share_one_trail(site):
    assert trails(site, "berita/2024/06/rapat-tiga-desa/") == [
        "Jawa Timur › Kab. Tuban › Kec. Singgahan › Desa Binangun, Desa Saringembat, Desa Tingkis"
    ]


def test_villages_of_different_kecamatan_keep_their_own_trail(site):
    assert trails(site, "berita/2024/06/dua-kecamatan/") == [
        "Jawa Timur › Kab. Tuban › Kec. Singgahan › Desa Binangun",
        "Bali › Kab. Tabanan › Kec. Kediri › Desa Bengkel",
        "Jawa Timur › Kabupaten Tuban",
    ]


@pytest.mark.parametrize(
    "url, name, feed",
    [
        ("desa/binangun/", "Desa Binangun", "feeds/desa/binangun"),
        ("wilayah/jawa-timur/tuban/", "Kabupaten Tuban", "feeds/wilayah/35.23"),
    ],
)
def test_feed_links_say_what_they_are_for(site, url, name, feed):
    page = site.html(url)
    box = page.select_one(".feed-links")
    assert f"Ikuti berita {name} di aplikasi pembaca berita" in text_of(box)
    hrefs = [a["href"] for a in box.find_all("a")]
    assert any(h.endswith(f"{feed}.rss.xml") for h in hrefs)
    assert any(h.endswith(f"{feed}.atom.xml") for h in hrefs)
    assert box.find("a", string="Cara mengikuti")["href"].endswith("ikuti/")
    titles = [link["title"] for link in page.select("link[rel=alternate]")]
    assert f"Berita {name} — Warta Desa (RSS)" in titles
    assert f"Berita {name} — Warta Desa (Atom)" in titles


@pytest.mark.parametrize(
    "path, title",
    [
        ("feeds/all.rss.xml", "Warta Desa"),
        ("feeds/desa/binangun.rss.xml", "Warta Desa - Desa Binangun"),
        ("feeds/desa/binangun.atom.xml", "Warta Desa - Desa Binangun"),
        ("feeds/wilayah/35.23.rss.xml", "Warta Desa - Kabupaten Tuban"),
        ("feeds/wilayah/35.23.07.atom.xml", "Warta Desa - Kecamatan Singgahan"),
        ("feeds/kategori/pemerintahan.rss.xml", "Warta Desa - Pemerintahan"),
    ],
)
def test_each_feed_is_titled_with_its_place(site, path, title):
    feed = feedparser.parse(site.text(path))
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == title
    assert feed.entries


def test_the_help_page_lists_every_feed(site):
    page = site.html("ikuti/")
    assert text_of(page.h1) == "Cara mengikuti berita"
    hrefs = [a["href"] for a in page.main.find_all("a")]
    for feed in (
        "feeds/all.rss.xml",
        "feeds/all.atom.xml",
        "feeds/kategori/pemerintahan.rss.xml",
        "feeds/desa/binangun.rss.xml",
        "feeds/desa/bengkel.atom.xml",
    ):
        assert any(h.endswith(feed) for h in hrefs), feed
        assert site.exists(feed)


def test_coordinates_link_to_the_map(site):
    facts = site.html("desa/binangun/").select_one(".place-facts")
    link = facts.find("a", class_="place-map")
    assert text_of(link) == "Lihat di peta"
    assert link["href"] == (
        "https://www.openstreetmap.org/?mlat=-6.9123&mlon=111.9187#map=15/-6.9123/111.9187"
    )
    assert not site.html("desa/saringembat/").find("a", class_="place-map")
    # a link only: nothing on the page loads from the map's host
    assert "openstreetmap" not in str(site.html("desa/binangun/").head)
    assert not site.html("desa/binangun/").find(
        ["iframe", "img"], src=lambda s: s and "openstreetmap" in s
    )


def test_kode_desa_adds_a_village_not_in_the_registry(tmp_path):
    """`kode_desa` (the web editor's free field beside its village select) joins `desa`."""
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "desa.yml").write_text(REGISTRY, encoding="utf-8")
    (content / "berita" / "a.md").write_text(
        ARTICLE.format(
            title="Rapat Bersama Lajo Lor",
            day=3,
            villages="binangun",
            extra="kode_desa: 35.23.07.2002",
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "output", content=content)
    assert site.warnings == []
    for village in ("binangun", "lajo-lor"):
        page = site.html(f"desa/{village}/")
        assert "Rapat Bersama Lajo Lor" in text_of(page.find("main")), village


def test_kode_desa_alone_names_its_line_when_unknown(tmp_path):
    from wartadesa.build import BuildFailed

    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "desa.yml").write_text(REGISTRY, encoding="utf-8")
    (content / "berita" / "a.md").write_text(
        "---\njudul: Kode Salah\ntanggal: 2024-06-03 09:00\nkode_desa: 99.99.99.9999\n---\n"
        "Isi berita.\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    message = str(failed.value)
    assert "a.md:4:" in message and "99.99.99.9999" in message
