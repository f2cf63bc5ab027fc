"""Every feed of the production build (sample fixture site, parsed with feedparser) has its
own identity: it links to the page it mirrors (RSS <link>, Atom alternate link) and an Atom
feed's <id> is that page, so no two feeds share an id (RFC 4287 4.2.6)."""

import re
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import PRODUCTION_URL


def feed_paths(site):
    return sorted(p.relative_to(site.output).as_posix() for p in site.output.glob("feeds/**/*.xml"))


def parsed(site, path):
    feed = feedparser.parse(site.path(path).read_bytes())
    assert not feed.bozo, (path, feed.bozo_exception)
    return feed


def expected_page(path):
    """The page a feed mirrors, by the feed's address (None: not named here)."""
    name = re.sub(r"\.(atom|rss)\.xml$", "", path)
    if name == "feeds/all":
        return ""
    if name == "feeds/pengumuman":
        return "pengumuman/"
    for folder, pages in (("kategori", "kategori"), ("desa", "desa")):
        if name.startswith(f"feeds/{folder}/"):
            return f"{pages}/{name.rsplit('/', 1)[1]}/"
    return None


def test_every_atom_feed_has_its_own_id(published_site):
    atom = [p for p in feed_paths(published_site) if p.endswith(".atom.xml")]
    assert {"feeds/all.atom.xml", "feeds/pengumuman.atom.xml"} <= set(atom)
    assert any(p.startswith("feeds/kategori/") for p in atom)
    ids = {path: parsed(published_site, path).feed.id for path in atom}
    assert len(set(ids.values())) == len(ids), ids
    for path, feed_id in ids.items():
        assert feed_id == parsed(published_site, path).feed.link, path  # the page is the id


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_every_feed_links_to_the_page_it_mirrors(published_site, kind):
    paths = [p for p in feed_paths(published_site) if p.endswith(f".{kind}.xml")]
    named = 0
    for path in paths:
        link = parsed(published_site, path).feed.link
        assert link.startswith(PRODUCTION_URL + "/"), (path, link)
        page = link.removeprefix(PRODUCTION_URL + "/")
        assert published_site.exists(page + "index.html"), (path, link)  # a real page
        if expected_page(path) is not None:
            assert page == expected_page(path), path
            named += 1
    # the site's feed, the notices' and every category's and village's
    assert named >= 2 + 4 + 3, paths
    assert parsed(published_site, f"feeds/pengumuman.{kind}.xml").feed.link == (
        f"{PRODUCTION_URL}/pengumuman/"
    )
    assert parsed(published_site, f"feeds/kategori/pemerintahan.{kind}.xml").feed.link == (
        f"{PRODUCTION_URL}/kategori/pemerintahan/"
    )
    assert parsed(published_site, f"feeds/all.{kind}.xml").feed.link == f"{PRODUCTION_URL}/"


def test_a_preview_s_entries_link_to_the_preview(sample_site):
    """The preview has no SITEURL: Pelican wrote each entry's link relative (`berita/...`),
    which a feed reader resolves against the feed's own folder (`feeds/berita/...`). They
    name FEED_DOMAIN, where the preview is served, and the other plugins still find the
    item behind each entry (a village feed's agenda entry starts with its time)."""
    preview = "http://127.0.0.1:8000/"
    checked = 0
    for path in feed_paths(sample_site):
        feed = parsed(sample_site, path)
        assert feed.feed.link.startswith(preview), (path, feed.feed.link)
        for entry in feed.entries:
            assert entry.link.startswith(preview), (path, entry.link)
            page = entry.link.removeprefix(preview).split("?")[0]
            assert sample_site.exists(page + "index.html"), (path, entry.link)
            checked += 1
    assert checked > 20
    village = parsed(sample_site, "feeds/desa/binangun.atom.xml")
    starts = [
        " ".join(BeautifulSoup(e.content[0].value, "html.parser").p.get_text().split())
        for e in village.entries
    ]
    assert any(text.startswith("Waktu: Kamis, 20 Juni 2024 pukul 09.00") for text in starts)


def test_every_rss_guid_that_is_no_link_says_so(published_site):
    """Pelican's guid is a tag URI (`tag:host,date:/path`): without isPermaLink="false" RSS
    reads it as the entry's web address, and validators refused every RSS feed."""
    entries = 0
    for path in feed_paths(published_site):
        if not path.endswith(".rss.xml"):
            continue
        root = ElementTree.fromstring(published_site.path(path).read_bytes())
        for guid in root.iter("guid"):
            entries += 1
            text = guid.text or ""
            if text.startswith(("http://", "https://")):
                assert guid.get("isPermaLink") != "false", (path, text)
            else:
                assert guid.get("isPermaLink") == "false", (path, text)
                assert not parsed(published_site, path).entries[0].get("guidislink"), path
    assert entries > 10


def test_a_category_page_offers_its_own_feeds(published_site):
    """As a village's page does: in the head (rel=alternate, which a feed reader finds from
    the page's address) and under the title. They were only listed on ikuti/."""
    soup = published_site.html("kategori/pemerintahan/")
    head = {
        link["type"]: link["href"]
        for link in soup.head.find_all("link", rel="alternate")
        if "kategori" in link.get("href", "")
    }
    assert head == {
        "application/rss+xml": f"{PRODUCTION_URL}/feeds/kategori/pemerintahan.rss.xml",
        "application/atom+xml": f"{PRODUCTION_URL}/feeds/kategori/pemerintahan.atom.xml",
    }
    body = soup.select_one("main .feed-links")
    assert "Ikuti berita kategori Pemerintahan" in body.get_text(" ", strip=True)
    assert [a["href"] for a in body.find_all("a")][:2] == list(head.values())
    for url in head.values():
        assert not parsed(published_site, url.removeprefix(PRODUCTION_URL + "/")).bozo
    tag = sorted(published_site.output.glob("tag/*/index.html"))[0]  # a tag has no feeds
    assert (
        published_site.html(tag.relative_to(published_site.output).as_posix()).select_one(
            ".feed-links"
        )
        is None
    )


def test_the_follow_pages_feed_links_each_say_whose_feed_they_are(published_site):
    """ikuti/ lists each feed as "RSS · Atom": a screen reader read eight links named only
    "RSS" or "Atom". Each name now begins with the word shown and says whose feed it is,
    and no two links to different feeds share a name."""
    page = published_site.html("ikuti/")
    feeds = [a for a in page.select("main a") if "/feeds/" in a["href"]]
    assert len(feeds) >= 8
    names = {}
    for link in feeds:
        name = link.get("aria-label") or link.get_text(strip=True)
        assert name.startswith(link.get_text(strip=True)), name  # the label holds the text
        names.setdefault(name, set()).add(link["href"])
    assert all(len(hrefs) == 1 for hrefs in names.values()), names
    assert "RSS kategori Pemerintahan" in names


def test_preview_entry_ids_name_the_preview_host_as_production_names_its_own(
    sample_site, published_site
):
    """Pelican makes an entry's id from its link; a preview's links are relative (no
    SITEURL), so its ids were `tag:None,...`. They now name the host the preview is served
    at, and are production's ids but for the host."""
    checked = 0
    for path in feed_paths(sample_site):
        preview = [entry.id for entry in parsed(sample_site, path).entries]
        published = [entry.id for entry in parsed(published_site, path).entries]
        assert all(i.startswith("tag:127.0.0.1,") for i in preview), (path, preview[:1])
        host = re.escape(PRODUCTION_URL.split("://", 1)[1])
        assert [re.sub(r"^tag:127\.0\.0\.1,", "", i) for i in preview] == [
            re.sub(rf"^tag:{host},", "", i) for i in published
        ], path
        checked += len(preview)
    assert checked > 10
