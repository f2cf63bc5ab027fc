"""The theme on real builds: the sample site (preview and production) and a small
generated site with more articles than one list page, a timed article, a cover
image, a body image and a wide table."""

import gzip
import json
import re
import shutil
from urllib.parse import parse_qs, quote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from PIL import Image

from conftest import PRODUCTION_URL
from stylesheet.minify import minify
from tests.quality.budget_rules import CSS_GZ
from tests.sitetools import ROOT, SAMPLE, build_site, text_of

KONFERENSI = (
    "berita/2024/06/konferensi-kades-se-kecamatan-singgahan-bahas-kolaborasi-pembangunan-desa/"
)
MUSDES = "berita/2024/06/musyawarah-desa-binangun-bahas-apbdes-2025/"
ALL_ARTICLE_URLS = [
    "berita/2024/07/pelatihan-aparatur-kecamatan-p3pd-digelar-serentak-di-empat-provinsi/",
    KONFERENSI,
    "berita/2024/05/rakor-pmd-kalsel-2024-perkuat-sinergi-provinsi-dan-kabupaten-demi-kesejahteraan-desa/",
    "berita/2022/10/ngantor-di-desa-bengkel-bupati-tabanan-ajak-semua-elemen-membangun-dari-desa/",
    "berita/2021/06/dpmd-gunung-mas-gelar-rakor-satker-p3md-untuk-sinergikan-pembangunan/",
]
VIDEO_ID = "dQw4w9WgXcQ"
VIDEO_ARTICLE = "berita/2024/01/kabar-desa-nomor-3/"
# A normal headline as the video's title: two or three lines on a phone.
VIDEO_TITLE = (
    "Musyawarah Desa Binangun: Warga dan BPD Sepakati Prioritas Pembangunan Jalan Dusun Krajan"
)
FOOTER = {
    "OFFICE_ADDRESS": "Jl. Raya Binangun No. 1\nKecamatan Singgahan, Tuban 62361",
    "CONTACT_EMAIL": "pemdes@binangun.desa.id",
    "CONTACT_PHONE": "0812-3456-7890",
    "SOCIAL_LINKS": [("Facebook", "https://facebook.com/desabinangun")],
}


def write_generated_content(root):
    """12 articles (> DEFAULT_PAGINATION), one at 09:00 with a cover image, a body
    image, a wide table and a long unbroken word."""
    (root / "berita").mkdir(parents=True)
    (root / "pages").mkdir()
    (root / "images").mkdir()
    shutil.copy(SAMPLE / "content" / "desa.yml", root / "desa.yml")
    Image.new("RGB", (1200, 675), (40, 110, 70)).save(root / "images" / "musdes.jpg")
    Image.new("RGB", (600, 400), (200, 160, 60)).save(root / "images" / "peta.png")
    (root / "pages" / "tentang.md").write_text(
        "---\ntitle: Tentang Desa\nslug: tentang\nsummary: Tentang desa kami.\n---\n\nDesa kami di Tuban.\n"
    )
    for number in range(1, 12):
        category = "Pemerintahan" if number % 2 else "Kesehatan"
        (root / "berita" / f"2024-01-{number:02d}-berita.md").write_text(
            f"---\ntitle: Kabar Desa Nomor {number}\ndate: 2024-01-{number:02d}\n"
            f"category: {category}\ntags: [kabar]\nauthor: Operator Desa\n"
            + ("village: Binangun\n" if number == 2 else "")
            + (
                f"youtube: https://www.youtube.com/watch?v={VIDEO_ID}\n"
                f'youtube_title: "{VIDEO_TITLE}"\n'
                if number == 3
                else ""
            )
            + f"summary: Ringkasan kabar desa nomor {number}.\n---\n\n"
            + "Kabar singkat dari desa untuk warga. " * 40
            + "\n",
            encoding="utf-8",
        )
    table = (
        "| "
        + " | ".join(f"Kolom panjang {i}" for i in range(12))
        + " |\n"
        + "|"
        + "---|" * 12
        + "\n"
        + "| "
        + " | ".join(str(i * 1000) for i in range(12))
        + " |\n"
    )
    (root / "berita" / "2024-06-05-musdes.md").write_text(
        "---\ntitle: Musyawarah Desa Binangun Bahas APBDes 2025\ndate: 2024-06-05 09:00\n"
        "category: Pemerintahan\ntags: [musdes, kabar]\nauthor: Operator Desa\nvillage: Binangun\n"
        "image: images/musdes.jpg\nimage_caption: Warga dan BPD di balai desa\n"
        "image_alt: Warga duduk di balai desa Binangun\nsource: https://binangun-singgahan.desa.id\n"
        "summary: Warga dan BPD membahas rancangan APBDes 2025.\n---\n\n"
        + '"Anggaran & pembangunan harus terbuka," kata Kepala Desa di depan BPD.\n\n'
        + "Warga berkumpul di balai desa untuk membahas anggaran. " * 120
        + "\n\n"
        "![Peta dusun](images/peta.png)\n\n" + table + "\n"
        "Kata panjang: " + "Pembangunanberkelanjutan" * 8 + "\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("theme-content")
    content = write_generated_content(root / "content")
    return build_site(root / "output", content=content, **FOOTER)


@pytest.fixture(scope="module")
def generated_published(tmp_path_factory):
    root = tmp_path_factory.mktemp("theme-content-published")
    content = write_generated_content(root / "content")
    return build_site(
        root / "output",
        settings="publishconf.py",
        content=content,
        siteurl=PRODUCTION_URL,
        **FOOTER,
    )


def meta(page, name):
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def page_url(path):
    """Address of a built file relative to the site root, as a folder URL."""
    return re.sub(r"index\.html$", "", path)


def resolve(site, from_url, href):
    """The site-relative target of a (relative) link on the page at from_url."""
    absolute = urljoin("http://x/" + from_url, href)
    assert absolute.startswith("http://x/"), href
    return absolute[len("http://x/") :].split("#")[0]


# --- article page ----------------------------------------------------------------------


def test_article_shows_indonesian_date_time_reading_time_and_author(generated_site):
    page = generated_site.html(MUSDES)
    time = page.select_one(".post__head time")
    assert text_of(time) == "Rabu, 5 Juni 2024 pukul 09.00 WIB"
    assert time["datetime"] == "2024-06-05T09:00:00+07:00"
    head = text_of(page.select_one(".post__head"))
    assert re.search(r"\b\d+ menit baca\b", head)
    assert "Oleh Operator Desa" in head and "Sumber: binangun-singgahan.desa.id" in head
    minutes = int(re.search(r"(\d+) menit baca", head).group(1))
    assert minutes == 5  # about 1000 words at 200 a minute


def test_article_without_time_shows_the_date_only(sample_site):
    page = sample_site.html(KONFERENSI)
    assert text_of(page.select_one(".post__head time")) == "Kamis, 6 Juni 2024"
    assert "menit baca" in text_of(page.select_one(".post__head"))


def test_cover_image_has_size_alt_caption(generated_site):
    page = generated_site.html(MUSDES)
    image = page.select_one("figure.cover img")
    assert image["alt"] == "Warga duduk di balai desa Binangun"
    # The photos plugin's 800 px copy (the original is 1200x675 and not published).
    assert (image["width"], image["height"]) == ("800", "450")
    assert generated_site.exists(resolve(generated_site, MUSDES, image["src"]))
    assert not generated_site.exists("images/musdes.jpg")
    assert text_of(page.select_one("figure.cover figcaption")) == "Warga dan BPD di balai desa"


def test_body_image_lazy_with_size_and_table_in_a_scroll_box(generated_site):
    page = generated_site.html(MUSDES)
    image = page.select_one(".prose img")
    assert image["loading"] == "lazy" and image["decoding"] == "async"
    assert (image["width"], image["height"]) == ("600", "400")
    assert generated_site.exists(resolve(generated_site, MUSDES, image["src"]))
    box = page.select_one(".prose div.table")
    assert box["role"] == "region" and box["tabindex"] == "0" and box["aria-label"]
    assert box.find("table")


def test_typography_has_smart_quotes_and_no_widows_without_wrapping_spans(generated_site):
    """Typogrify's quotes, dashes and no-widow space stay; its spans around capitals,
    "&" and a first quote (unstyled by the theme) are left out (TYPOGRIFY_OMIT_FILTERS)."""
    page = generated_site.html(MUSDES)
    quoted = next(p for p in page.select(".prose p") if "Anggaran" in p.text)
    assert quoted.text.startswith("\u201cAnggaran & pembangunan harus terbuka,\u201d")
    assert quoted.text.endswith("di depan\u00a0BPD.")
    assert not page.select(".prose span.caps, .prose span.amp, .prose span.dquo")
    assert not page.select("h1 span, .prose span.quo")
    assert page.select_one("h1").text == "Musyawarah Desa Binangun Bahas APBDes\u00a02025"


def test_article_lists_category_tags_and_links_that_exist(generated_site):
    page = generated_site.html(MUSDES)
    crumbs = [a["href"] for a in page.select("nav.crumbs a")]
    assert [resolve(generated_site, MUSDES, h) for h in crumbs] == [
        "",
        "arsip/",
        "kategori/pemerintahan/",
    ]
    tags = [text_of(a) for a in page.select(".tags a")]
    assert tags == ["musdes", "kabar"]
    for a in page.select("main a[href]"):
        if a["href"].startswith("http"):
            continue
        target = resolve(generated_site, MUSDES, a["href"])
        assert generated_site.exists(target), f"{a['href']} -> {target}"


def test_related_and_previous_next_point_at_existing_articles(generated_site):
    page = generated_site.html(MUSDES)
    related = [resolve(generated_site, MUSDES, a["href"]) for a in page.select(".related a")]
    assert len(related) == 3
    # The same village first (number 2, Kesehatan), then the same category
    # (Pemerintahan: odd numbers), newest first.
    assert related == [f"berita/2024/01/kabar-desa-nomor-{n}/" for n in (2, 11, 9)]
    previous = page.select_one('.prevnext a[rel="prev"]')
    assert (
        resolve(generated_site, MUSDES, previous["href"]) == "berita/2024/01/kabar-desa-nomor-11/"
    )
    assert page.select_one('.prevnext a[rel="next"]') is None  # the newest article
    assert "Berita sebelumnya" in text_of(previous)
    middle = generated_site.html("berita/2024/01/kabar-desa-nomor-5/")
    links = {
        a["rel"][0]: resolve(generated_site, "berita/2024/01/kabar-desa-nomor-5/", a["href"])
        for a in middle.select(".prevnext a")
    }
    assert links == {
        "prev": "berita/2024/01/kabar-desa-nomor-4/",
        "next": "berita/2024/01/kabar-desa-nomor-6/",
    }
    for target in related + list(links.values()):
        assert generated_site.exists(target)


def test_related_on_the_sample_site(sample_site):
    # Konferensi (Binangun, Saringembat, Pemerintahan): no other article shares a
    # village or the category; Rakor PMD Kalsel shares the tag "rapat koordinasi".
    page = sample_site.html(KONFERENSI)
    related = [resolve(sample_site, KONFERENSI, a["href"]) for a in page.select(".related a")]
    assert related == [ALL_ARTICLE_URLS[2]]


# --- sharing and search engines ----------------------------------------------------------


def test_production_canonical_open_graph_and_twitter(generated_published):
    page = generated_published.html(MUSDES)
    url = f"{PRODUCTION_URL}/{MUSDES}"
    assert page.find("link", rel="canonical")["href"] == url
    assert meta(page, "og:url") == url
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Musyawarah Desa Binangun Bahas APBDes 2025"
    assert meta(page, "og:description") == "Warga dan BPD membahas rancangan APBDes 2025."
    # The cover's share picture: a 1200x630 JPEG made by the photos plugin.
    assert re.fullmatch(
        f"{PRODUCTION_URL}/foto/musdes-[0-9a-f]{{12}}-og.jpg", meta(page, "og:image")
    )
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
    assert meta(page, "og:locale") == "id_ID"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "article:published_time") == "2024-06-05T09:00:00+07:00"
    assert (
        page.find("meta", attrs={"name": "description"})["content"]
        == "Warga dan BPD membahas rancangan APBDes 2025."
    )


def test_pages_without_image_share_the_default_picture(published_site):
    for url in ("", KONFERENSI, "kategori/"):
        page = published_site.html(url)
        # The site's own picture, drawn from its name (plugins/identity/share_picture.py).
        assert meta(page, "og:image") == f"{PRODUCTION_URL}/theme/img/og-situs.png"
        assert published_site.exists("theme/img/og-situs.png")
        with Image.open(published_site.path("theme/img/og-situs.png")) as image:
            assert image.size == (
                int(meta(page, "og:image:width")),
                int(meta(page, "og:image:height")),
            )


def test_preview_has_no_canonical_but_relative_assets(sample_site):
    page = sample_site.html(KONFERENSI)
    assert page.find("link", rel="canonical") is None
    assert page.find("link", rel="stylesheet")["href"].startswith("../")


def test_video_article_loads_the_player_script_and_shares_the_poster(generated_published):
    page = generated_published.html(VIDEO_ARTICLE)
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert scripts == [f"{PRODUCTION_URL}/theme/js/share.js", f"{PRODUCTION_URL}/theme/js/video.js"]
    figure = page.select_one("article.post figure.video")
    assert figure and figure.find_next("div", class_="prose")  # the video comes before the body
    assert meta(page, "og:image") == f"https://i.ytimg.com/vi/{VIDEO_ID}/hqdefault.jpg"
    plain = generated_published.html(MUSDES)
    assert [s["src"] for s in plain.find_all("script", src=True)] == [
        f"{PRODUCTION_URL}/theme/js/share.js"
    ]
    for url in ("", "arsip/", "tentang/"):
        assert not generated_published.html(url).find("script", src=True), url


def test_json_ld_news_article(generated_published):
    page = generated_published.html(MUSDES)
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Musyawarah Desa Binangun Bahas APBDes 2025"
    assert re.fullmatch(r"2024-06-05T09:00:00\+07:00", data["datePublished"])
    assert data["dateModified"] == data["datePublished"]
    assert data["author"]["name"] == "Operator Desa"
    assert data["image"] == [meta(page, "og:image")]
    logo = data["publisher"]["logo"]["url"]
    assert (
        data["publisher"]["@type"] == "Organization" and data["publisher"]["name"] == "Warta Desa"
    )
    assert logo == f"{PRODUCTION_URL}/theme/img/logo.svg"
    assert generated_published.exists(logo[len(PRODUCTION_URL) + 1 :])
    assert data["mainEntityOfPage"] == f"{PRODUCTION_URL}/{MUSDES}"


def test_json_ld_content_location_from_the_village_plugin(published_site):
    data = json.loads(
        published_site.html(KONFERENSI).find("script", type="application/ld+json").string
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", data["datePublished"])
    location = data.get("contentLocation")
    assert location, "the village plugin gives article.content_location"
    assert "Binangun" in json.dumps(location)


def test_share_links_carry_the_encoded_absolute_address(published_site):
    page = published_site.html(KONFERENSI)
    url = f"{PRODUCTION_URL}/{KONFERENSI}"
    encoded = quote(url, safe="")
    links = {text_of(a): a["href"] for a in page.select(".share__list a")}
    assert set(links) == {"WhatsApp", "Facebook", "Telegram", "X"}
    assert links["WhatsApp"].startswith("https://wa.me/?text=Konferensi+Kades")
    assert links["WhatsApp"].endswith(encoded)
    assert links["Facebook"] == f"https://www.facebook.com/sharer/sharer.php?u={encoded}"
    assert links["Telegram"].startswith(f"https://t.me/share/url?url={encoded}&text=Konferensi")
    assert links["X"].startswith(f"https://twitter.com/intent/tweet?url={encoded}&text=Konferensi")
    assert all(a["rel"] == ["noopener"] for a in page.select(".share__list a"))
    field = page.select_one(".copy input")
    assert field["value"] == url and field.has_attr("readonly")
    assert page.find("label", attrs={"for": field["id"]})
    button = page.select_one(".copy button")
    assert text_of(button) == "Salin tautan" and button.has_attr("hidden")  # shown by share.js


@pytest.mark.parametrize(
    "path, title, kind",
    [
        (
            "pengumuman/penutupan-sementara-jalan-poros-binangun-untuk-pengecoran/",
            "Penutupan Sementara Jalan Poros Binangun untuk Pengecoran",
            "pengumuman",
        ),
        (
            "agenda/musyawarah-desa-penyusunan-rkpdes-2025/",
            "Musyawarah Desa Penyusunan RKPDes 2025",
            "agenda",
        ),
        ("apbdes/", "APBDes 2025 Warta Desa", "APBDes"),
        ("apbdes/2024/", "APBDes 2024 Warta Desa", "APBDes"),
        ("desa/binangun/apbdes/", "APBDes 2025 Desa Binangun", "APBDes"),
        (
            "galeri/contoh-album-kerja-bakti-dusun-krajan/",
            "Contoh Album Kerja Bakti Dusun Krajan",
            "album",
        ),
        ("galeri/contoh-album-kerja-bakti-dusun-krajan/2/", "— Contoh Album Kerja Bakti", "foto"),
    ],
)
def test_notices_events_apbdes_and_albums_can_be_shared_too(published_site, path, title, kind):
    """The share links of a news article, on the other pages a villager forwards: the
    WhatsApp text is the page's title and its absolute address (the canonical one)."""
    page = published_site.html(path)
    # apbdes/ shows its latest year, whose own page is the canonical one.
    url = f"{PRODUCTION_URL}/{path + '2025/' if path.endswith('apbdes/') else path}"
    assert page.find("link", rel="canonical")["href"] == url
    links = {text_of(a): a["href"] for a in page.select(".share__list a")}
    assert set(links) == {"WhatsApp", "Facebook", "Telegram", "X"}
    assert links["WhatsApp"].startswith("https://wa.me/?text=")
    text = parse_qs(urlsplit(links["WhatsApp"]).query)["text"][0]
    assert text.endswith(" " + url) and title in text, text
    assert (
        links["Facebook"] == f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}"
    )
    assert page.select_one(".copy input")["value"] == url
    assert text_of(page.select_one(".share__title")) == f"Bagikan {kind} ini"
    assert page.find("script", src=f"{PRODUCTION_URL}/theme/js/share.js")
    assert page.select_one(".share").has_attr("data-pagefind-ignore")  # not in search text


def test_sitemap_lists_every_page_with_absolute_addresses(published_site):
    root = ElementTree.parse(published_site.path("sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(PRODUCTION_URL + "/") for loc in locs)
    expected = [
        "",
        "tentang/",
        "arsip/",
        "kategori/",
        "tag/",
        "penulis/",
        "kategori/pemerintahan/",
        "tag/rapat-koordinasi/",
        "penulis/antara/",
        "desa/",
    ] + ALL_ARTICLE_URLS
    for url in expected:
        assert f"{PRODUCTION_URL}/{url}" in locs, url
    assert any("/desa/binangun/" in loc for loc in locs)  # the village plugin's pages
    for loc in locs:
        assert published_site.exists(loc[len(PRODUCTION_URL) + 1 :]), loc
    assert not any("404" in loc for loc in locs)


def test_robots_names_the_sitemap(published_site, sample_site):
    assert (
        f"Sitemap: {PRODUCTION_URL}/sitemap.xml" in published_site.text("robots.txt").splitlines()
    )
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in sample_site.text("robots.txt")


def test_feeds_are_linked_in_head_and_footer(sample_site):
    page = sample_site.html("")
    alternates = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert alternates["application/atom+xml"].endswith("/feeds/all.atom.xml")
    assert alternates["application/rss+xml"].endswith("/feeds/all.rss.xml")
    footer = [a["href"] for a in page.select("footer a")]
    assert any(h.endswith("feeds/all.atom.xml") for h in footer)


# --- every page -----------------------------------------------------------------------------


def all_pages(site):
    return [(page_url(str(p.relative_to(site.output))), p) for p in site.html_files()]


def test_every_page_one_h1_skip_link_landmarks_favicon(sample_site):
    pages = all_pages(sample_site)
    assert len(pages) > 20
    for url, _path in pages:
        page = sample_site.html(url)
        assert len(page.find_all("h1")) == 1, url
        skip = page.find("a", class_="skip")
        assert skip and skip["href"] == "#isi" and page.find(id="isi").name == "main", url
        assert page.find("header") and page.find("footer") and page.find("main"), url
        navs = page.find_all("nav")
        assert all(nav.get("aria-label") for nav in navs), url
        assert len({nav["aria-label"] for nav in navs}) == len(navs), url
        icon = page.find("link", rel="icon")
        assert sample_site.exists(resolve(sample_site, url, icon["href"])), url
        assert page.find("meta").get("charset") == "utf-8", url  # first in <head>
        ids = [tag["id"] for tag in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), url
        assert all(img.get("alt") is not None for img in page.find_all("img")), url


def test_no_inline_styles_or_scripts_for_the_csp(sample_site):
    for url, _ in all_pages(sample_site):
        page = sample_site.html(url)
        assert not page.find("style") and not page.find(style=True), url
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", url
            if script.get("src"):
                assert script.has_attr("defer"), url


def test_every_word_is_indonesian_on_list_pages(sample_site):
    english = re.compile(
        r"\b(Home|Posted|Read more|Next|Previous|Tags|Categories|Archives|Page|"
        r"by|Share|Copy|minutes?|Search)\b"
    )
    for url in ("", "arsip/", "kategori/", "tag/", "penulis/", KONFERENSI, "404.html", "tentang/"):
        text = text_of(sample_site.html(url).find("body"))
        assert not english.search(text), (url, english.search(text))


def test_404_page_is_indonesian_and_not_indexed(sample_site):
    page = sample_site.html("404.html")
    assert text_of(page.h1) == "Halaman tidak ditemukan"
    assert "Maaf" in text_of(page.find("main"))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("title").get_text().startswith("Halaman tidak ditemukan")


def test_titles_name_the_page_and_the_site(sample_site):
    assert (
        sample_site.html("").title.get_text()
        == "Warta Desa — Kabar pemerintahan dan pembangunan desa"
    )
    assert (
        sample_site.html(KONFERENSI).title.get_text().replace("\xa0", " ")
        == "Konferensi Kades se-Kecamatan Singgahan Bahas Kolaborasi Pembangunan Desa — Warta Desa"
    )
    assert (
        sample_site.html("kategori/pemerintahan/").title.get_text()
        == "Kategori: Pemerintahan — Warta Desa"
    )


def test_header_logo_menu_and_current_page(sample_site):
    page = sample_site.html("arsip/")
    logo = page.select_one(".brand img")
    assert sample_site.exists(resolve(sample_site, "arsip/", logo["src"]))
    assert (logo["width"], logo["height"]) == ("44", "44")
    menu = page.find("nav", attrs={"aria-label": "Menu utama"})
    assert [text_of(a) for a in menu.find_all("a")][:3] == ["Beranda", "Berita", "Kategori"]
    assert text_of(menu.find("a", attrs={"aria-current": "page"})) == "Berita"


@pytest.mark.parametrize(
    "url, label, kind",
    [
        ("", "Beranda", "page"),
        ("arsip/", "Berita", "page"),
        ("tentang/", "Tentang", "page"),
        ("kategori/pemerintahan/", "Kategori", "true"),  # a page below the item's address
        ("desa/binangun/", "Desa", "true"),
        ("desa/binangun/profil/", "Desa", "true"),
        # The one item of the data pages (Profil) is current on every page of the group.
        ("profil/", "Profil", "page"),
        ("aparatur/", "Profil", "true"),
        ("dokumen/", "Profil", "true"),
        ("apbdes/", "Profil", "true"),
        ("apbdes/2024/", "Profil", "true"),
        (KONFERENSI, None, None),  # no item leads to an article
    ],
)
def test_menu_marks_the_item_a_page_belongs_to(sample_site, url, label, kind):
    menu = sample_site.html(url).find("nav", attrs={"aria-label": "Menu utama"})
    labels = [text_of(a) for a in menu.find_all("a")]
    assert labels == ["Beranda", "Berita", "Kategori", "Desa", "Tentang", "Profil"]
    current = menu.find_all("a", attrs={"aria-current": True})
    assert [(text_of(a), a["aria-current"]) for a in current] == ([(label, kind)] if label else [])


def test_footer_shows_address_contacts_and_social_links(generated_site):
    footer = generated_site.html("").find("footer")
    text = text_of(footer)
    assert "Jl. Raya Binangun No. 1" in text and "Kecamatan Singgahan, Tuban 62361" in text
    assert footer.find("address").find("br")
    assert footer.find("a", href="mailto:pemdes@binangun.desa.id")
    assert footer.find("a", href="tel:081234567890")
    facebook = footer.find("a", href="https://facebook.com/desabinangun")
    assert text_of(facebook) == "Facebook" and "noopener" in facebook["rel"]


def test_pagination_links_to_page_two(generated_site):
    home = generated_site.html("")
    assert len(home.select("main article.card")) == 10
    older = home.select_one('nav.pages a[rel="next"]')
    assert older["href"].endswith("2/") and "Lebih lama" in text_of(older)
    assert "Halaman 1 dari 2" in text_of(home.select_one("nav.pages"))
    second = generated_site.html("2/")
    assert len(second.select("main article.card")) == 2
    assert text_of(second.h1) == "Berita terbaru, halaman 2"
    newer = second.select_one('nav.pages a[rel="prev"]')
    assert resolve(generated_site, "2/", newer["href"]) == ""
    assert second.title.get_text().startswith("Berita terbaru, halaman 2")


def test_archive_is_paginated_like_the_lists(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive-pages")
    content = write_generated_content(root / "content")
    site = build_site(
        root / "output",
        content=content,
        **FOOTER,
        PAGINATED_TEMPLATES={
            "index": None,
            "tag": None,
            "category": None,
            "author": None,
            "archives": 5,
        },
    )
    first, third = site.html("arsip/"), site.html("arsip/3/")
    assert len(first.select(".archive__list li")) == 5
    assert "Halaman 1 dari 3" in text_of(first.select_one("nav.pages"))
    assert (
        resolve(site, "arsip/", first.select_one('nav.pages a[rel="next"]')["href"]) == "arsip/2/"
    )
    assert text_of(third.h1) == "Arsip berita, halaman 3"
    assert len(third.select(".archive__list li")) == 2


def test_archive_groups_by_year_and_month_newest_first(sample_site):
    page = sample_site.html("arsip/")
    assert [text_of(h) for h in page.select("main h2")] == ["2024", "2022", "2021"]
    assert [text_of(h) for h in page.select("main h3.archive__month")] == [
        "Juli 2024",
        "Juni 2024",
        "Mei 2024",
        "Oktober 2022",
        "Juni 2021",
    ]
    first = page.select_one(".archive__list li")
    assert text_of(first.find("time")) == "10 Jul"


def test_archive_jumps_to_a_year_on_any_page(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive-years")
    content = root / "content" / "berita"
    content.mkdir(parents=True)
    for year, count in ((2025, 4), (2024, 3), (2023, 2)):
        for day in range(1, count + 1):
            (content / f"{year}-{day}.md").write_text(
                f"---\njudul: Kabar {year} nomor {day}\ntanggal: {year}-03-{day:02d}\n---\nIsi.\n",
                encoding="utf-8",
            )
    site = build_site(
        root / "output",
        content=root / "content",
        PAGINATED_TEMPLATES={
            "index": None,
            "tag": None,
            "category": None,
            "author": None,
            "archives": 3,
        },
    )
    for url in ("arsip/", "arsip/3/"):
        links = site.html(url).select("nav.archive-years a")
        targets = {
            text_of(a): resolve(site, url, a["href"]) + "#" + a["href"].split("#")[1] for a in links
        }
        # 2025 starts on page 1, 2024 on page 2 (4th article), 2023 on page 3 (8th)
        assert targets == {
            "2025": "arsip/#tahun-2025",
            "2024": "arsip/2/#tahun-2024",
            "2023": "arsip/3/#tahun-2023",
        }, url
        for target in targets.values():
            page_url, anchor = target.split("#")
            assert site.html(page_url).find(id=anchor), target


def test_the_archive_is_paginated_even_when_a_site_leaves_it_out(tmp_path):
    """A site whose PAGINATED_TEMPLATES has no "archives" still gets the archive in pages
    of 100 (plugin article_extras: the template reads only its own page of the list), with
    every article and the year links."""
    content = tmp_path / "content" / "berita"
    content.mkdir(parents=True)
    for year in (2025, 2024):
        for day in (1, 2):
            (content / f"{year}-{day}.md").write_text(
                f"---\njudul: Kabar {year} nomor {day}\ntanggal: {year}-03-{day:02d}\n---\nIsi.\n",
                encoding="utf-8",
            )
    lists = {"index": None, "tag": None, "category": None, "author": None}  # no "archives"
    site = build_site(tmp_path / "output", content=tmp_path / "content", PAGINATED_TEMPLATES=lists)
    page = site.html("arsip/")
    assert len(page.select(".archive__list li")) == 4
    assert not (site.output / "arsip/2").exists()
    links = {text_of(a): a["href"] for a in page.select("nav.archive-years a")}
    assert links == {"2025": "#tahun-2025", "2024": "#tahun-2024"}
    assert page.find(id="tahun-2024")


def test_card_with_cover_has_a_lazy_sized_thumbnail(generated_site):
    card = generated_site.html("").select_one("article.card--img")
    image = card.find("img")
    # A square crop of the cover (photos plugin), as the card shows it.
    assert image["loading"] == "lazy" and image["width"] == image["height"] == "288"
    assert image["alt"] == ""


# --- files: stylesheet, scripts, favicon -------------------------------------------------


def served_css():
    """The stylesheet as the build serves it: the readable source, minified (plugin
    stylesheet; plugins/stylesheet/tests check that the build serves exactly this)."""
    return minify((ROOT / "theme/static/css/style.css").read_text(encoding="utf-8"))


def test_stylesheet_and_scripts_stay_small():
    css = served_css().encode()
    assert len(gzip.compress(css, 9)) <= CSS_GZ  # it travels gzip-compressed
    sizes = {p.name: p.stat().st_size for p in (ROOT / "theme/static/js").glob("*.js")}
    # The search page loads search.js alone; article pages load the others (budget per page).
    assert sizes.pop("search.js") <= 2 * 1024
    assert sum(sizes.values()) <= 2 * 1024
    assert b"@import" not in css and b"url(" not in css  # no extra requests


def test_stylesheet_has_dark_mode_print_focus_and_video_player():
    css = served_css()
    for needle in (
        "@media (prefers-color-scheme:dark)",
        "@media print",
        ":focus-visible",
        ".video{",
        ".video--short{",
        ".video__link",
        ".video__play",
        ".video__title",
        ".video iframe",
        "aspect-ratio:16/9",
        "aspect-ratio:9/16",
        "overflow-wrap:anywhere",
    ):
        assert needle in css, needle
