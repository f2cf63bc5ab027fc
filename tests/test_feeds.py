"""Every feed of the production build (sample fixture site, parsed with feedparser) has its
own identity: it links to the page it mirrors (RSS <link>, Atom alternate link) and an Atom
feed's <id> is that page, so no two feeds share an id (RFC 4287 4.2.6)."""

import re

import feedparser
import pytest

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
