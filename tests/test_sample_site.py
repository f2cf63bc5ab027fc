"""The kit's frozen sample site (tests/fixtures/sample) with its own settings: pages,
dates, facts, feeds. The live content/ belongs to the village: see test_live_site.py."""

import re

import feedparser
import pytest

from conftest import PRODUCTION_URL
from tests.sitetools import run_build_command, settings_path, text_of

ARTICLES = {
    "berita/2024/06/konferensi-kades-se-kecamatan-singgahan-bahas-kolaborasi-pembangunan-desa/": (
        "Konferensi Kades se-Kecamatan Singgahan",
        "Kamis, 6 Juni 2024",
        "Pemerintahan",
        ["Balai Desa Saringembat", "Nuzul Djoko", "Desa Cantik", "5 Juni 2024"],
    ),
    "berita/2024/07/pelatihan-aparatur-kecamatan-p3pd-digelar-serentak-di-empat-provinsi/": (
        "Pelatihan Aparatur Kecamatan P3PD",
        "Rabu, 10 Juli 2024",
        "Pendidikan dan Pelatihan",
        ["1.235", "Jawa Tengah", "Sumatera Utara", "Nusa Tenggara Timur", "Kalimantan Selatan"],
    ),
    "berita/2022/10/ngantor-di-desa-bengkel-bupati-tabanan-ajak-semua-elemen-membangun-dari-desa/": (
        "Ngantor di Desa Bengkel",
        "Senin, 24 Oktober 2022",
        "Pembangunan",
        ["I Komang Gede Sanjaya", "SIMASA", "Kediri"],
    ),
    "berita/2021/06/dpmd-gunung-mas-gelar-rakor-satker-p3md-untuk-sinergikan-pembangunan/": (
        "DPMD Gunung Mas Gelar Rakor Satker P3MD",
        "Rabu, 16 Juni 2021",
        "Pemberdayaan Masyarakat",
        ["Kuala Kurun", "65 orang", "SDGs Desa"],
    ),
    "berita/2024/05/rakor-pmd-kalsel-2024-perkuat-sinergi-provinsi-dan-kabupaten-demi-kesejahteraan-desa/": (
        "Rakor PMD Kalsel 2024",
        "Jumat, 3 Mei 2024",
        "Pemberdayaan Masyarakat",
        ["Banjarbaru", "0,6472", "0,7105", "0,7480"],
    ),
}


def test_build_logs_no_warning(sample_site, published_site):
    assert sample_site.warnings == []
    assert published_site.warnings == []


@pytest.mark.parametrize("url", sorted(ARTICLES))
def test_each_seed_article_is_published(sample_site, url):
    title, date, category, facts = ARTICLES[url]
    page = sample_site.html(url)
    assert text_of(page.h1).startswith(title)
    assert len(page.find_all("h1")) == 1
    text = text_of(page)
    assert date in text
    assert category in text
    for fact in facts:
        assert fact in text, f"{fact!r} missing from {url}"


def test_home_lists_the_five_articles_newest_first(sample_site):
    home = sample_site.html("")
    links = [a["href"] for a in home.select("main h2 a")]
    expected = sorted(ARTICLES, key=lambda u: re.search(r"\d{4}/\d{2}", u).group(), reverse=True)
    assert [link.split("berita/", 1)[1] for link in links] == [
        u.split("berita/", 1)[1] for u in expected
    ]


def test_about_page(sample_site):
    page = sample_site.html("tentang/")
    assert text_of(page.h1) == "Tentang Situs Ini"
    assert "Warta Desa" in text_of(page)


@pytest.mark.parametrize(
    "url",
    [
        "arsip/",
        "kategori/",
        "kategori/pemerintahan/",
        "tag/",
        "penulis/",
        "404.html",
        "tag/rapat-koordinasi/",
        "penulis/antara/",
    ],
)
def test_list_pages_exist_at_documented_urls(sample_site, url):
    assert sample_site.exists(url), url
    assert sample_site.html(url).h1


def test_preview_links_are_relative(sample_site):
    page = sample_site.html(next(iter(ARTICLES)))
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith("../")


def test_publish_writes_github_pages_files(published_site):
    assert (published_site.output / ".nojekyll").is_file()
    assert (published_site.output / "CNAME").read_text().strip() == "binangun-singgahan.desa.id"


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_production_feeds_are_valid_and_absolute(published_site, feed):
    parsed = feedparser.parse(published_site.path(feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 5
    for entry in parsed.entries:
        assert entry.link.startswith(PRODUCTION_URL + "/berita/")
        assert entry.id.startswith(("tag:binangun-singgahan.desa.id", PRODUCTION_URL))
        assert entry.published_parsed
        assert entry.get("content") or entry.get("summary")
    titles = {entry.title.replace("\xa0", " ") for entry in parsed.entries}
    assert any(t.startswith("Konferensi Kades") for t in titles)


def test_atom_entries_have_offsets_summary_and_content(published_site):
    raw = published_site.path("feeds/all.atom.xml").read_text()
    parsed = feedparser.parse(raw)
    published = {e.title.replace("\xa0", " ")[:20]: e.published for e in parsed.entries}
    assert published["Ngantor di Desa Beng"] == "2022-10-24T00:00:00+08:00"  # WITA
    assert published["Konferensi Kades se-"] == "2024-06-06T00:00:00+07:00"  # WIB
    for entry in parsed.entries:
        assert entry.summary and entry.content[0].value
        assert len(entry.content[0].value) > len(entry.summary)


def test_category_feed(published_site):
    parsed = feedparser.parse(
        published_site.path("feeds/kategori/pemberdayaan-masyarakat.atom.xml").read_bytes()
    )
    assert not parsed.bozo
    assert len(parsed.entries) == 2


def test_publish_without_siteurl_says_how_to_fix(tmp_path):
    from tests.sitetools import build_site
    from wartadesa.build import BuildFailed

    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", settings="publishconf.py", siteurl="")
    assert "SITEURL" in failed.value.problems[0]


def test_build_command_exit_codes(tmp_path):
    """The command the README and CI use: 0 on success, 1 on a content error."""
    ok = run_build_command(str(settings_path()), str(tmp_path / "ok"))
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "ok" / "index.html").is_file()
