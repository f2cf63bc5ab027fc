"""Village and region pages, feeds and article links on the real sample site."""

import json
import re
import subprocess
import sys
from urllib.parse import urljoin, urlparse

import feedparser
import pytest

from conftest import PRODUCTION_URL
from tests.sitetools import ROOT, text_of

SINGGAHAN = (
    "berita/2024/06/konferensi-kades-se-kecamatan-singgahan-bahas-kolaborasi-pembangunan-desa/"
)
BENGKEL = (
    "berita/2022/10/ngantor-di-desa-bengkel-bupati-tabanan-ajak-semua-elemen-membangun-dari-desa/"
)
KALSEL = (
    "berita/2024/05/"
    "rakor-pmd-kalsel-2024-perkuat-sinergi-provinsi-dan-kabupaten-demi-kesejahteraan-desa/"
)
P3PD = "berita/2024/07/pelatihan-aparatur-kecamatan-p3pd-digelar-serentak-di-empat-provinsi/"
GUNUNG_MAS = "berita/2021/06/dpmd-gunung-mas-gelar-rakor-satker-p3md-untuk-sinergikan-pembangunan/"


def words(element):
    """Visible text, without the space get_text puts before a comma after a link."""
    return text_of(element).replace(" ,", ",")


def listed_articles(page):
    """Article URLs of the cards on a list page, in order."""
    return [
        re.sub(r"^(\.\./)+|^/", "", a["href"]).split("berita/", 1)[-1]
        for a in page.select("main article h2 a")
    ]


def berita(url):
    return url.split("berita/", 1)[1]


def facts(page):
    items = page.select("main > dl dt")  # not the APBDes summary (plugin apbdes)
    return {text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in items}


def test_village_page_shows_the_official_facts_and_articles(sample_site):
    page = sample_site.html("desa/binangun/")
    assert [text_of(h) for h in page.find_all("h1")] == ["Desa Binangun"]
    assert facts(page) == {
        "Jenis": "Desa",
        "Wilayah": "Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur",
        "Kode wilayah (Kemendagri)": "35.23.07.2005",
        "Kode pos": "62361",
        "Situs desa": "binangun-singgahan.desa.id",
    }
    website = page.select_one('main dd a[href="https://binangun-singgahan.desa.id"]')
    assert website is not None
    assert listed_articles(page) == [berita(SINGGAHAN)]
    assert "Desa Binangun" in text_of(page.title)
    # breadcrumbs: Beranda > Desa > Jawa Timur > Kab. Tuban > Kec. Singgahan > Desa Binangun
    crumbs = [text_of(li) for li in page.select("nav.crumbs li")]
    assert crumbs == [
        "Beranda",
        "Desa",
        "Jawa Timur",
        "Kab. Tuban",
        "Kec. Singgahan",
        "Desa Binangun",
    ]


def test_other_sample_villages(sample_site):
    saringembat = sample_site.html("desa/saringembat/")
    assert facts(saringembat)["Wilayah"] == (
        "Desa Saringembat, Kec. Singgahan, Kab. Tuban, Jawa Timur"
    )
    assert facts(saringembat)["Kode wilayah (Kemendagri)"] == "35.23.07.2011"
    assert "Situs desa" not in facts(saringembat)
    assert listed_articles(saringembat) == [berita(SINGGAHAN)]
    bengkel = sample_site.html("desa/bengkel/")
    assert facts(bengkel)["Wilayah"] == "Desa Bengkel, Kec. Kediri, Kab. Tabanan, Bali"
    assert facts(bengkel)["Kode pos"] == "82121"
    assert listed_articles(bengkel) == [berita(BENGKEL)]


def test_directory_groups_by_kabupaten_and_kecamatan_with_counts(sample_site):
    page = sample_site.html("desa/")
    assert [text_of(h) for h in page.find_all("h1")] == ["Daftar Desa"]
    groups = []
    for section in page.select("main section"):
        groups.append(
            (
                words(section.h2),
                [words(h3) for h3 in section.find_all("h3")],
                [words(li) for li in section.select("li")],
            )
        )
    assert groups == [
        (
            "Kabupaten Tuban, Jawa Timur 1 berita",
            ["Kecamatan Singgahan 1 berita"],
            ["Desa Binangun 1 berita", "Desa Saringembat 1 berita"],
        ),
        (
            "Kabupaten Tabanan, Bali 1 berita",
            ["Kecamatan Kediri 1 berita"],
            ["Desa Bengkel 1 berita"],
        ),
        # regions tagged with `wilayah:` only, and the provinces above them
        (
            "Wilayah lain",
            [],
            [
                "Provinsi Sumatera Utara 1 berita",
                "Provinsi Jawa Tengah 1 berita",
                "Provinsi Nusa Tenggara Timur 1 berita",
                "Provinsi Kalimantan Tengah 1 berita",
                "Kabupaten Gunung Mas, Kalimantan Tengah 1 berita",
                "Provinsi Kalimantan Selatan 2 berita",
            ],
        ),
    ]
    # each kabupaten heading links its province too
    assert [a["href"] for a in page.select("main section h2 a")][:4] == [
        "../wilayah/jawa-timur/tuban/",
        "../wilayah/jawa-timur/",
        "../wilayah/bali/tabanan/",
        "../wilayah/bali/",
    ]


@pytest.mark.parametrize(
    "url, h1, code, articles",
    [
        ("wilayah/jawa-timur/", "Provinsi Jawa Timur", "35", [SINGGAHAN]),
        ("wilayah/jawa-timur/tuban/", "Kabupaten Tuban", "35.23", [SINGGAHAN]),
        ("wilayah/jawa-timur/tuban/singgahan/", "Kecamatan Singgahan", "35.23.07", [SINGGAHAN]),
        ("wilayah/bali/tabanan/kediri/", "Kecamatan Kediri", "51.02.06", [BENGKEL]),
        ("wilayah/kalimantan-selatan/", "Provinsi Kalimantan Selatan", "63", [P3PD, KALSEL]),
        ("wilayah/kalimantan-tengah/gunung-mas/", "Kabupaten Gunung Mas", "62.10", [GUNUNG_MAS]),
        ("wilayah/kalimantan-tengah/", "Provinsi Kalimantan Tengah", "62", [GUNUNG_MAS]),
        ("wilayah/jawa-tengah/", "Provinsi Jawa Tengah", "33", [P3PD]),
    ],
)
def test_region_pages(sample_site, url, h1, code, articles):
    page = sample_site.html(url)
    assert [text_of(h) for h in page.find_all("h1")] == [h1]
    assert facts(page)["Kode wilayah (Kemendagri)"] == code
    assert listed_articles(page) == [berita(a) for a in articles]


@pytest.mark.parametrize(
    "url, description",
    [
        ("wilayah/bali/", "Berita dari Provinsi Bali dan desa-desa di dalamnya."),
        (
            "wilayah/jawa-timur/tuban/",
            "Berita dari Kabupaten Tuban (Jawa Timur) dan desa-desa di dalamnya.",
        ),
        (
            "wilayah/jawa-timur/tuban/singgahan/",
            "Berita dari Kecamatan Singgahan (Kab. Tuban, Jawa Timur) dan desa-desa di dalamnya.",
        ),
    ],
)
def test_region_description_names_the_region_once(sample_site, url, description):
    page = sample_site.html(url)
    assert page.find("meta", attrs={"name": "description"})["content"] == description
    assert page.find("meta", attrs={"property": "og:description"})["content"] == description


def test_region_page_lists_its_villages_and_subregions(sample_site):
    tuban = sample_site.html("wilayah/jawa-timur/tuban/")
    items = [words(li) for li in tuban.select("main ul li")]
    assert "Kecamatan Singgahan 1 berita" in items
    assert "Desa Binangun, Kec. Singgahan 1 berita" in items
    assert "Desa Saringembat, Kec. Singgahan 1 berita" in items


def test_no_region_page_without_articles_or_villages(sample_site):
    assert not sample_site.exists("wilayah/jawa-barat/")
    assert not sample_site.exists("wilayah/jawa-timur/blitar/")


def test_article_page_links_its_villages_with_the_hierarchy(sample_site):
    page = sample_site.html(SINGGAHAN)
    places = page.select_one("nav.places")
    paths = [text_of(li).replace(" ,", ",") for li in places.select("li")]
    assert paths == ["Jawa Timur › Kab. Tuban › Kec. Singgahan › Desa Binangun, Desa Saringembat"]
    hrefs = [a["href"] for a in places.select("a")]
    assert hrefs[3].endswith("desa/binangun/") and hrefs[4].endswith("desa/saringembat/")
    assert hrefs[1].endswith("wilayah/jawa-timur/tuban/")
    region_page = sample_site.html(GUNUNG_MAS).select_one("nav.places")
    assert [text_of(li) for li in region_page.select("li")] == [
        "Kalimantan Tengah › Kabupaten Gunung Mas"
    ]
    assert sample_site.html(KALSEL).select_one("nav.places") is not None


def news_article(site, url):
    for script in site.html(url).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == "NewsArticle":
            return data
    raise AssertionError(f"no NewsArticle JSON-LD on {url}")


def test_content_location_is_a_place_with_its_address(sample_site):
    bengkel = news_article(sample_site, BENGKEL)["contentLocation"]
    assert bengkel == {
        "@type": "Place",
        "name": "Desa Bengkel",
        "identifier": "51.02.06.2001",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Desa Bengkel, Kec. Kediri, Kab. Tabanan",
            "addressRegion": "Bali",
            "postalCode": "82121",
            "addressCountry": "ID",
        },
    }
    both = news_article(sample_site, SINGGAHAN)["contentLocation"]
    assert [place["name"] for place in both] == ["Desa Binangun", "Desa Saringembat"]
    assert both[0]["sameAs"] == "https://binangun-singgahan.desa.id"
    provinces = news_article(sample_site, P3PD)["contentLocation"]
    assert [p["address"]["addressRegion"] for p in provinces] == [
        "Jawa Tengah",
        "Sumatera Utara",
        "Nusa Tenggara Timur",
        "Kalimantan Selatan",
    ]
    gunung_mas = news_article(sample_site, GUNUNG_MAS)["contentLocation"]
    assert gunung_mas["address"]["addressLocality"] == "Kab. Gunung Mas"
    assert gunung_mas["address"]["addressRegion"] == "Kalimantan Tengah"


def feed(site, path):
    parsed = feedparser.parse(site.text(path))
    assert not parsed.bozo, (path, parsed.bozo_exception)
    return parsed


# The sample fixture's photo album (plugin gallery) of Binangun: in its feeds, newest first.
ALBUM = "galeri/contoh-album-kerja-bakti-dusun-krajan/"


@pytest.mark.parametrize(
    "path, articles",
    [
        ("feeds/desa/binangun.atom.xml", [ALBUM, SINGGAHAN]),
        ("feeds/desa/binangun.rss.xml", [ALBUM, SINGGAHAN]),
        ("feeds/desa/bengkel.atom.xml", [BENGKEL]),
        ("feeds/wilayah/63.atom.xml", [P3PD, KALSEL]),
        ("feeds/wilayah/62.10.atom.xml", [GUNUNG_MAS]),
        ("feeds/wilayah/35.23.07.atom.xml", [ALBUM, SINGGAHAN]),
    ],
)
def test_feeds_are_valid_with_absolute_links_in_production(published_site, path, articles):
    parsed = feed(published_site, path)
    news = [
        entry.link
        for entry in parsed.entries
        if "/berita/" in entry.link or "/galeri/" in entry.link
    ]
    assert news == [f"{PRODUCTION_URL}/{a}" for a in articles]
    # The rest are the place's pengumuman and agenda (tested in plugins/notices).
    assert all(
        entry.link.startswith(
            (
                f"{PRODUCTION_URL}/pengumuman/",
                f"{PRODUCTION_URL}/agenda/",
                f"{PRODUCTION_URL}/berita/",
                f"{PRODUCTION_URL}/galeri/",
            )
        )
        for entry in parsed.entries
    )
    assert parsed.feed.link.startswith(PRODUCTION_URL)
    if path.endswith(".atom.xml"):
        self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert self_links == [f"{PRODUCTION_URL}/{path}"]


def test_village_page_advertises_its_feeds(published_site):
    page = published_site.html("desa/binangun/")
    alternates = {
        link["type"]: link["href"]
        for link in page.select('head link[rel="alternate"]')
        if "/desa/binangun" in link["href"]  # (the site's address has "binangun" too)
    }
    assert alternates == {
        "application/atom+xml": f"{PRODUCTION_URL}/feeds/desa/binangun.atom.xml",
        "application/rss+xml": f"{PRODUCTION_URL}/feeds/desa/binangun.rss.xml",
    }


@pytest.mark.parametrize(
    "path, feed",
    [
        ("desa/binangun/", "feeds/desa/binangun"),
        ("wilayah/jawa-timur/tuban/singgahan/", "feeds/wilayah/35.23.07"),
    ],
)
def test_place_pages_list_their_own_feeds_before_the_sites(published_site, path, feed):
    """A feed reader given a village's address subscribes to the first feed the page
    lists: the village's own news, then the site's; each feed once."""
    hrefs = [
        link["href"] for link in published_site.html(path).select('head link[rel="alternate"]')
    ]
    assert hrefs == [
        f"{PRODUCTION_URL}/{feed}.rss.xml",
        f"{PRODUCTION_URL}/{feed}.atom.xml",
        f"{PRODUCTION_URL}/feeds/all.atom.xml",
        f"{PRODUCTION_URL}/feeds/all.rss.xml",
    ]


def test_other_pages_list_only_the_sites_feeds(published_site):
    hrefs = [link["href"] for link in published_site.html("").select('head link[rel="alternate"]')]
    assert hrefs == [f"{PRODUCTION_URL}/feeds/all.atom.xml", f"{PRODUCTION_URL}/feeds/all.rss.xml"]


def test_menu_links_the_directory(sample_site):
    menu = sample_site.html("").select_one('nav[aria-label="Menu utama"]')
    assert "Desa" in [text_of(a) for a in menu.find_all("a")]


def test_links_on_village_and_region_pages_resolve(sample_site):
    pages = [
        p
        for p in sample_site.html_files()
        if p.relative_to(sample_site.output).parts[0] in ("desa", "wilayah")
    ]
    # directory, 3 villages, 12 regions, Binangun's APBDes (latest year and 2025) and its
    # profil/ and aparatur/ (village_data)
    assert len(pages) == 4 + 12 + 2 + 2
    for path in pages:
        url = "/" + str(path.relative_to(sample_site.output).parent) + "/"
        for link in sample_site.html(url).select("main a[href]"):
            target = urlparse(urljoin("http://site" + url, link["href"]))
            if target.netloc != "site":
                continue
            assert sample_site.exists(target.path), f"{url}: broken link {link['href']}"


def test_every_region_page_is_reached_from_the_directory(sample_site):
    """From the menu's Desa item (the directory `desa/`), following only the links between
    place pages (desa/, wilayah/: lists, headings, breadcrumbs), a reader reaches every
    region page the build wrote, not only through an article's place line; the help page
    `ikuti/` sends readers of region feeds there."""
    menu = sample_site.html("").select_one('nav[aria-label="Menu utama"]')
    start = [
        urlparse(urljoin("http://site/", a["href"])).path.lstrip("/") for a in menu.find_all("a")
    ]
    assert "desa/" in start
    reached, queue = {"desa/"}, ["desa/"]
    while queue:
        url = queue.pop()
        for link in sample_site.html(url).select("a[href]"):
            target = urlparse(urljoin("http://site/" + url, link["href"]))
            path = target.path.lstrip("/")
            if target.netloc != "site" or not path.startswith(("desa/", "wilayah/")):
                continue
            if path.endswith("/") and path not in reached and sample_site.exists(path):
                reached.add(path)
                queue.append(path)
    built = {
        p.relative_to(sample_site.output).parent.as_posix() + "/"
        for p in sample_site.output.glob("wilayah/**/index.html")
    }
    assert len(built) == 12
    assert sorted(built - reached) == []
    help_page = sample_site.html("ikuti/").main
    sentence = next(p for p in help_page.find_all("p") if "provinsi" in p.get_text())
    assert "semua wilayah tercantum di daftar desa" in text_of(sentence).replace(" .", ".")
    assert sentence.a["href"] == "../desa/"


def test_sample_build_loads_little_data(tmp_path):
    """Registry villages and regions resolve without the 83,762-village name index and
    without importing the `lokal` package (0.5 s of unrelated regular expressions)."""
    script = (
        "import sys; from tests.sitetools import build_site; "
        f"build_site({str(tmp_path / 'out')!r}); "
        "from villages import data; "
        "print(sorted(data.TIMINGS), 'lokal' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "['desa', 'kodepos', 'wilayah'] False"


def test_lists_name_each_items_villages_on_a_site_of_several(sample_site, tmp_path):
    """On a portal, two items of one title ("Jadwal Posyandu" of two villages) were two
    identical lines: each card and board item names its villages after the date."""
    home = sample_site.html("")
    metas = {
        text_of(card.select_one(".card__title")): text_of(card.select_one(".meta"))
        for card in home.select("article.card")
    }
    konferensi = next(m for t, m in metas.items() if "Konferensi" in t)
    assert konferensi.endswith(" · Desa Binangun, Desa Saringembat")
    notices = [text_of(item) for item in sample_site.html("pengumuman/").select(".board__item")]
    assert any("Desa Binangun" in line for line in notices), notices
    # A one-village site says nothing its reader does not know.
    from tests.sitetools import build_site

    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "desa.yml").write_text("- kode: 35.23.07.2005\n", encoding="utf-8")
    (content / "berita" / "a.md").write_text(
        "---\njudul: Kabar Desa\ntanggal: 2024-06-05\ndesa: Binangun\n---\nIsi.\n", encoding="utf-8"
    )
    one = build_site(tmp_path / "output", content=content)
    assert text_of(one.html("").select_one("article.card .meta")) == "Rabu, 5 Juni 2024"
