"""sitemap: every page the build writes (any plugin's), minus noindex/excluded pages;
robots.txt written by the plugin unless the site publishes its own."""

import datetime as dt
import shutil
import textwrap
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from sitemap.collect import last_modified, page_url, published
from sitemap.render import render_robots, render_sitemap, site_base
from tests.sitetools import SAMPLE, build_site

WIB = dt.timezone(dt.timedelta(hours=7))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "http://127.0.0.1:8000"


def test_page_urls_published_and_dates():
    assert page_url("index.html") == ""
    assert page_url("berita/2024/06/a/index.html") == "berita/2024/06/a/"
    assert page_url("404.html") == "404.html"
    day = dt.datetime(2024, 6, 5, tzinfo=WIB)
    old = SimpleNamespace(url="a/", date=day - dt.timedelta(days=30), modified=day)
    new = SimpleNamespace(url="b/", date=day - dt.timedelta(days=1))
    assert last_modified({"article": old}) == day  # modified wins
    assert last_modified({"page": SimpleNamespace(url="tentang/")}) is None
    # Pelican's article lists (`blog`): their newest article; a page of a list: its own.
    assert last_modified({"articles": [old, new], "blog": True}) == day
    paged = SimpleNamespace(object_list=[new])
    assert last_modified({"articles": [old, new], "articles_page": paged}) == new.date
    following = {"albums_previous_page": SimpleNamespace(object_list=[old])}
    assert last_modified({"albums_page": paged, **following}) == new.date
    # Pelican's home page is paginated by `articles` and `dates` too: the articles' page.
    by_dates = SimpleNamespace(object_list=[old])
    assert last_modified({"dates_page": by_dates, "articles_page": paged}) == new.date
    assert last_modified({"dates_page": by_dates, "albums_page": paged}) == new.date
    # The newest date of a whole list, kept between the pages of a build.
    newest, listed, other = {}, [old], [new]
    assert last_modified({"articles": listed, "blog": True}, newest) == day
    assert last_modified({"articles": other, "blog": True}, newest) == new.date
    listed.append(SimpleNamespace(url="c/", date=day + dt.timedelta(days=2)))
    later = day + dt.timedelta(days=2)
    assert last_modified({"articles": listed, "blog": True}, newest) == later
    assert last_modified({"articles": [], "articles_page": paged}, newest) == new.date
    assert last_modified({"articles": [], "blog": True}, newest) is None
    # Another page (a plugin's data page) has no date of the site's articles...
    assert last_modified({"articles": [old, new]}) is None
    # ... unless its generator passes one (None: no date).
    assert last_modified({"articles": [old], "last_modified": new.date}) == new.date
    assert last_modified({"article": old, "last_modified": None}) is None
    # A piece of content of another type: when it was published (an agenda item's
    # `published_date`, not its start).
    event = Page("", {"title": "Musdes", "date": day + dt.timedelta(days=9)}, DEFAULT_CONFIG)
    event.published_date = day
    assert last_modified({"event": event}) == day
    assert published({"page": SimpleNamespace(status="published")})
    assert not published({"article": SimpleNamespace(status="draft")})
    assert not published({"page": SimpleNamespace(status="hidden")})


def test_sitemap_xml_site_base_and_robots():
    day = dt.datetime(2024, 6, 6, tzinfo=WIB)
    root = ElementTree.fromstring(render_sitemap([("", day), ("a&b/", None)], "https://desa.id"))
    assert [loc.text for loc in root.findall("s:url/s:loc", NS)] == [
        "https://desa.id/",
        "https://desa.id/a&b/",
    ]
    assert root.findtext("s:url/s:lastmod", None, NS) == "2024-06-06T00:00:00+07:00"
    assert site_base({"SITEURL": "https://desa.id/", "FEED_DOMAIN": "x"}) == "https://desa.id"
    assert site_base({"SITEURL": "", "FEED_DOMAIN": BASE}) == BASE
    assert render_robots("https://desa.id").splitlines() == [
        "User-agent: *",
        "Allow: /",
        "",
        "Sitemap: https://desa.id/sitemap.xml",
    ]


PAGES = {
    # Another plugin's kind of page would be found the same way: by being written.
    "kontak.md": "---\njudul: Kontak\n---\nHalaman kontak.\n",
    "tersembunyi.md": "---\njudul: Tersembunyi\nstatus: hidden\n---\nIsi.\n",
    "profil.md": "---\njudul: Profil Desa\nalamat_lama: profil-lama/\n---\nIsi.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("sitemap")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    for name, text in PAGES.items():
        (content / "pages" / name).write_text(text, encoding="utf-8")
    (content / "extra").mkdir()
    (content / "extra" / "robots.txt").write_text(
        textwrap.dedent("""\
            User-agent: *
            Disallow: /arsip/
            """),
        encoding="utf-8",
    )
    return build_site(root / "output", content=content)


def locs(site):
    root = ElementTree.parse(site.path("sitemap.xml")).getroot()
    return [loc.text[len(BASE) + 1 :] for loc in root.findall("s:url/s:loc", NS)]


def test_every_written_page_is_listed_once_and_exists(site):
    found = locs(site)
    assert found == sorted(set(found))
    for url in ("", "tentang/", "profil-desa/", "arsip/", "kategori/", "desa/", "ikuti/"):
        assert url in found, url
    assert any(url.startswith("desa/") and url != "desa/" for url in found)  # villages plugin
    assert any(url.startswith("wilayah/") for url in found)
    for url in found:
        assert site.exists(url + "index.html" if url == "" or url.endswith("/") else url), url


def test_noindex_hidden_and_excluded_pages_are_left_out(site):
    found = locs(site)
    assert "profil-lama/" not in found  # a redirect page (noindex)
    assert not any("404" in url for url in found)
    assert "tersembunyi/" not in found and site.exists("tersembunyi/index.html")
    assert "cari/" not in found and site.exists("cari/index.html")  # SITEMAP_EXCLUDE
    assert "admin/" not in found and site.exists("admin/index.html")  # SITEMAP_EXCLUDE
    assert "kontak/" in found


def lastmods(site):
    root = ElementTree.parse(site.path("sitemap.xml")).getroot()
    return {
        node.findtext("s:loc", None, NS)[len(BASE) + 1 :]: node.findtext("s:lastmod", None, NS)
        for node in root.findall("s:url", NS)
    }


ALBUM = "galeri/contoh-album-kerja-bakti-dusun-krajan/"


def test_single_photo_pages_are_left_out(site):
    found = locs(site)
    assert ALBUM in found and "galeri/" in found
    assert site.exists(ALBUM + "1/index.html") and site.exists(ALBUM + "2/index.html")
    assert not [url for url in found if url.startswith(ALBUM) and url != ALBUM]


def test_each_page_has_its_own_last_modified_date(site):
    """Build day 15 July 2024; the newest article is of 10 July 2024."""
    dates = lastmods(site)
    assert dates[""] == dates["arsip/"] == dates["kategori/"] == "2024-07-10T00:00:00+07:00"
    # The notice board: each item's own date; an agenda item is published by its start,
    # or by the build day while it is still to come (never a future date).
    assert dates["pengumuman/jadwal-ronda-malam-bulan-juli/"] == "2024-07-08T19:00:00+07:00"
    assert dates["pengumuman/"] == "2024-07-08T19:00:00+07:00"
    assert dates["agenda/musyawarah-desa-penyusunan-rkpdes-2025/"] == "2024-06-20T09:00:00+07:00"
    assert dates["agenda/upacara-hut-kemerdekaan-ri/"] == "2024-07-15T00:00:00+07:00"
    assert dates["agenda/"] == "2024-07-15T00:00:00+07:00"
    # Albums: the album's date, the album list its newest album.
    assert dates[ALBUM] == dates["galeri/"] == "2024-07-20T00:00:00+07:00"
    # A village page: the newest of its news, notices, agenda and albums.
    assert dates["desa/binangun/"] == "2024-07-20T00:00:00+07:00"
    assert dates["desa/bengkel/"] == "2022-10-24T00:00:00+08:00"
    # APBDes and village data pages have no date of their own: no lastmod.
    for url in ("apbdes/2025/", "apbdes/2024/", "profil/", "aparatur/", "dokumen/"):
        assert url in dates and dates[url] is None, url
    assert "apbdes/" not in dates  # it names apbdes/2025/ canonical: that one is listed
    assert all(date is None or date <= "2024-07-20T23" for date in dates.values())


def test_the_sites_own_robots_txt_wins(site):
    assert site.text("robots.txt") == "User-agent: *\nDisallow: /arsip/\n"
    assert not site.exists("extra/robots.txt")


def test_default_robots_names_the_sitemap(sample_site):
    assert sample_site.text("robots.txt").splitlines()[-1] == f"Sitemap: {BASE}/sitemap.xml"


def _element_tree_sitemap(entries, base):
    """sitemap.xml as ElementTree writes it (how render_sitemap made it before)."""
    from sitemap.render import NAMESPACE
    from wartadesa.dates import iso

    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}urlset")
    for url, modified in entries:
        node = ElementTree.SubElement(root, f"{{{NAMESPACE}}}url")
        ElementTree.SubElement(node, f"{{{NAMESPACE}}}loc").text = f"{base}/{url.lstrip('/')}"
        if modified is not None:
            ElementTree.SubElement(node, f"{{{NAMESPACE}}}lastmod").text = iso(modified)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def test_the_sitemap_text_is_what_element_tree_writes():
    import random

    rng = random.Random(15)
    pieces = [
        "berita/",
        "2024/",
        "06/",
        "rapat-desa",
        "/",
        "a&b",
        "<x>",
        "'",
        '"',
        "é",
        "ß",
        "%20",
        "index.html",
        "desa/sumber-rejo/",
        "",
        "&amp;",
        ">>",
    ]
    zones = [None, WIB, dt.timezone(dt.timedelta(hours=9)), dt.UTC]
    for _ in range(200):
        entries = []
        for _ in range(rng.randrange(0, 6)):
            url = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5)))
            when = None
            if rng.random() < 0.7:
                when = dt.datetime(2020, 1, 1, tzinfo=rng.choice(zones)) + dt.timedelta(
                    seconds=rng.randrange(0, 10**8), microseconds=rng.randrange(0, 10**6)
                )
                if rng.random() < 0.2:
                    when = when.date()
            entries.append((url, when))
        base = rng.choice(["https://desa.id", "https://sumber&rejo.desa.id", ""])
        assert render_sitemap(entries, base) == _element_tree_sitemap(entries, base), entries


def test_a_page_is_read_for_noindex_again_only_when_it_is_another_file(tmp_path, monkeypatch):
    """In one process (the live preview), a page that is the very file of the last build
    (a hard link a rebuild reused) is not read again; a rewritten one is."""
    import os

    from sitemap import collect

    monkeypatch.setattr(collect, "_noindex_seen", {})
    reads = []
    read = collect.marked_noindex
    monkeypatch.setattr(collect, "marked_noindex", lambda path: reads.append(path) or read(path))

    def build(folder, pages):
        collector = collect.Collector({"OUTPUT_PATH": str(folder)})
        for name in pages:
            collector.pages[name] = (str(folder / name / "index.html"), None)
        return [url for url, _ in collector.entries()]

    first = tmp_path / "first"
    for name, head in (("a", ""), ("b", '<meta name="robots" content="noindex">')):
        (first / name).mkdir(parents=True)
        (first / name / "index.html").write_text(f"<html><head>{head}</head></html>")
    assert build(first, ["a", "b"]) == ["a"]
    assert len(reads) == 2
    second = tmp_path / "second"
    for name in ("a", "b"):  # reused: the same files
        (second / name).mkdir(parents=True)
        os.link(first / name / "index.html", second / name / "index.html")
    reads.clear()
    assert build(second, ["a", "b"]) == ["a"]
    assert reads == []
    third = tmp_path / "third"
    (third / "a").mkdir(parents=True)
    (third / "a" / "index.html").write_text(
        '<html><head><meta name="robots" content="noindex"></head></html>'
    )
    (third / "b").mkdir(parents=True)
    (third / "b" / "index.html").write_text("<html><head></head></html>")
    assert build(third, ["a", "b"]) == ["b"]  # both written again: both read
    assert len(reads) == 2


def test_with_the_build_cache_the_next_build_reads_only_pages_written_again(tmp_path, monkeypatch):
    """With BUILD_CACHE, what the last build found is kept in the cache folder: a build in
    a new process reads for noindex only the pages that are not the very files of the last
    build; a damaged record means every page is read."""
    import os

    from sitemap import collect

    reads = []
    read = collect.marked_noindex
    monkeypatch.setattr(collect, "marked_noindex", lambda path: reads.append(path) or read(path))
    cache = tmp_path / "cache"

    def build(folder, pages):
        monkeypatch.setattr(collect, "_noindex_seen", {})  # a new process
        settings = {"OUTPUT_PATH": str(folder), "BUILD_CACHE": str(cache), "PATH": str(tmp_path)}
        collector = collect.Collector(settings)
        for name in pages:
            collector.pages[name] = (str(folder / name / "index.html"), None)
        return [url for url, _ in collector.entries()]

    first = tmp_path / "first"
    for name, head in (("a", ""), ("b", '<meta name="robots" content="noindex">'), ("c", "")):
        (first / name).mkdir(parents=True)
        (first / name / "index.html").write_text(f"<html><head>{head}</head></html>")
    assert build(first, ["a", "b", "c"]) == ["a", "c"]
    assert len(reads) == 3 and (cache / collect.NOINDEX_RECORD).is_file()
    second = tmp_path / "second"
    for name in ("a", "b"):  # reused: the same files
        (second / name).mkdir(parents=True)
        os.link(first / name / "index.html", second / name / "index.html")
    (second / "c").mkdir(parents=True)  # written again, now noindex
    (second / "c" / "index.html").write_text(
        '<html><head><meta name="robots" content="noindex"></head></html>'
    )
    reads.clear()
    assert build(second, ["a", "b", "c"]) == ["a"]
    assert reads == [str(second / "c" / "index.html")]
    (cache / collect.NOINDEX_RECORD).write_text("{rusak", encoding="utf-8")
    reads.clear()
    assert build(second, ["a", "b", "c"]) == ["a"]
    assert len(reads) == 3


def test_a_cache_folder_that_cannot_be_written_only_keeps_no_record(tmp_path, monkeypatch):
    from sitemap import collect

    monkeypatch.setattr(collect, "_noindex_seen", {})
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("sebuah berkas, bukan folder")
    folder = tmp_path / "output"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "index.html").write_text("<html><head></head></html>")
    settings = {"OUTPUT_PATH": str(folder), "BUILD_CACHE": str(blocked), "PATH": str(tmp_path)}
    collector = collect.Collector(settings)
    collector.pages["a/"] = (str(folder / "a" / "index.html"), None)
    assert [url for url, _ in collector.entries()] == ["a/"]
    assert blocked.read_text() == "sebuah berkas, bukan folder"
