"""Villages and regions are Pelican URLWrappers: their addresses and feeds follow the
VILLAGE_/REGION_/VILLAGES_ URL and SAVE_AS settings, identity is the official code, and
a build leaves the kit's settings as they were."""

from urllib.parse import urljoin

import pytest
from pelican import signals

from content_guard.outputs import plan_outputs
from search.indexer import HASHED
from tests.sitetools import build_site, text_of
from villages import data
from villages.model import Region, Village
from wartadesa import defaults

MOVED = {
    "VILLAGE_URL": "kampung/{code}.html",
    "VILLAGE_SAVE_AS": "kampung/{code}.html",
    "VILLAGES_URL": "kampung/",
    "VILLAGES_SAVE_AS": "kampung/index.html",
    "REGION_URL": "daerah/{code}/",
    "REGION_SAVE_AS": "daerah/{code}/index.html",
    "VILLAGE_FEED_ATOM": None,
    "VILLAGE_FEED_RSS": "feeds/kampung/{code}.xml",
    "REGION_FEED_ATOM": "feeds/daerah/{path}.atom.xml",
    "REGION_FEED_RSS": None,
    # The sample situs.yml's menu (it would replace this one) links /desa/, which this site
    # moved to kampung/: a broken menu link that stops the build (content_guard/menu.py).
    "SITE_IDENTITY": "tanpa-situs.yml",
    "MENU_LINKS": [("Beranda", ""), ("Desa", "kampung/")],
    "DEFAULT_PAGINATION": 1,
}


def target(from_url, href):
    return urljoin("http://x/" + from_url, href)[len("http://x/") :]


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    plans = []
    signals.all_generators_finalized.connect(record := lambda g: plans.append(plan_outputs(g)))
    try:
        site = build_site(tmp_path_factory.mktemp("moved") / "output", **MOVED)
    finally:
        signals.all_generators_finalized.disconnect(record)
    return site, plans[-1]


def test_pages_and_feeds_where_the_settings_say(moved):
    site, _plan = moved
    assert not site.exists("desa/binangun/") and not site.exists("wilayah/")
    village = site.html("kampung/35.23.07.2005.html")
    assert text_of(village.h1) == "Desa Binangun"
    crumbs = [target("kampung/35.23.07.2005.html", a["href"]) for a in village.select("nav a")]
    assert "kampung/" in crumbs and "daerah/35.23.07/" in crumbs
    assert site.exists("feeds/kampung/35.23.07.2005.xml")
    assert not site.exists("feeds/desa/binangun.atom.xml")
    assert site.exists("feeds/daerah/jawa-timur/tuban/singgahan.atom.xml")
    directory = site.html("kampung/")
    links = {target("kampung/", a["href"]) for a in directory.select("main a")}
    assert "kampung/35.23.07.2005.html" in links


def test_the_plan_still_lists_exactly_the_files_written(moved):
    site, plan = moved
    written = {str(p.relative_to(site.output)) for p in site.output.rglob("*") if p.is_file()}
    # The search index's files named by content hash cannot be planned (search.indexer).
    assert {name for name in written if not HASHED.match(name)} == set(plan)
    assert "daerah/63/2/index.html" in written  # paginated: one article a page


def test_a_build_leaves_the_kit_settings_alone(moved):
    assert "village" not in defaults.PAGINATED_TEMPLATES
    assert defaults.VILLAGE_URL == "desa/{slug}/"


def test_places_are_identified_by_code():
    settings = {key: getattr(defaults, key) for key in dir(defaults) if key.isupper()}
    first = Region(data.lookup("35.23.07"), None, settings)
    same_slug = Region(data.lookup("35.23.07"), None, settings)
    assert first == same_slug and len({first, same_slug}) == 1
    tuban = Region(data.lookup("35.23"), None, settings)
    tuban.slug = first.slug  # a slug shared by two places does not make them one
    assert tuban != first and (first < tuban) != (tuban < first)
    regions = [Region(data.lookup(c), None, settings) for c in ("35", "35.23", "35.23.07")]
    village = Village(data.lookup("35.23.07.2005"), regions, settings)
    village.slug = "binangun"
    assert (village.url, village.save_as) == ("desa/binangun/", "desa/binangun/index.html")
    assert village.feed_atom_url == "feeds/desa/binangun.atom.xml"
    assert village != first and village.page_name == "desa/binangun/"
