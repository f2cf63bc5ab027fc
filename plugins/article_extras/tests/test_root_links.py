"""Links written from the site's root (`[agenda](/agenda/)`) resolve under each page's own
address (plugins/article_extras/site_links.py): relative in the preview, under SITEURL in
production, a GitHub project address included, and in the feeds."""

import shutil
from urllib.parse import urljoin

import feedparser
import pytest

from tests.sitetools import SAMPLE, build_site

ARTICLE = "berita/2024-05-03-rakor-pmd-kalsel.md"
PROJECT = "https://akun.github.io/situs-desa"
LINKS = (
    "\n\nLihat [agenda desa](/agenda/), [kontak kantor](/tentang/#kontak) dan "
    "[situs lain](//example.org/x) atau [Kemendesa](https://kemendesa.go.id/).\n"
)


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site-links") / "content"
    shutil.copytree(SAMPLE / "content", folder)
    with (folder / ARTICLE).open("a", encoding="utf-8") as article:
        article.write(LINKS)
    return folder


def article_links(site):
    """(the article page's address, {link text: href}) of the changed article."""
    [page] = [
        path
        for path in site.output.glob("berita/**/index.html")
        if "agenda desa" in path.read_text(encoding="utf-8")
    ]
    address = page.relative_to(site.output).as_posix()
    soup = site.html(address)
    texts = ("agenda desa", "kontak kantor", "situs lain", "Kemendesa")
    return address, {a.get_text(): a["href"] for a in soup.find_all("a") if a.get_text() in texts}


def test_root_links_are_relative_in_the_preview(tmp_path, content):
    site = build_site(tmp_path / "output", content=content)
    address, links = article_links(site)
    assert not links["agenda desa"].startswith("/")
    # Followed from the article's page, they lead to the site's own pages.
    base = f"http://127.0.0.1:8000/{address}"
    assert urljoin(base, links["agenda desa"]) == "http://127.0.0.1:8000/agenda/"
    assert urljoin(base, links["kontak kantor"]) == "http://127.0.0.1:8000/tentang/#kontak"
    assert site.exists("agenda/index.html") and site.exists("tentang/index.html")
    assert links["situs lain"] == "//example.org/x"
    assert links["Kemendesa"] == "https://kemendesa.go.id/"


def test_root_links_stay_inside_a_project_address(tmp_path, content):
    """Published at https://akun.github.io/situs-desa/, `/agenda/` was the domain's root:
    another site. It is the site's own agenda, on its page and in its feed."""
    site = build_site(
        tmp_path / "output", settings="publishconf.py", content=content, siteurl=PROJECT
    )
    _address, links = article_links(site)
    assert links["agenda desa"] == f"{PROJECT}/agenda/"
    assert links["kontak kantor"] == f"{PROJECT}/tentang/#kontak"
    assert links["situs lain"] == "//example.org/x"
    feed = feedparser.parse(site.text("feeds/all.atom.xml"))
    [entry] = [e for e in feed.entries if "agenda desa" in e.content[0].value]
    assert f'href="{PROJECT}/agenda/"' in entry.content[0].value
    assert 'href="/agenda/"' not in entry.content[0].value


def test_an_article_taken_back_from_the_build_cache_resolves_them_too(tmp_path, content):
    """A build with BUILD_CACHE takes the article as the last build made it
    (wartadesa/read_objects.py), without the wrapper: content_restored puts it back. Into
    another folder, so that its page is rendered, not taken from the last output."""
    cache = str(tmp_path / "cache")
    build_site(tmp_path / "first", content=content, BUILD_CACHE=cache)
    site = build_site(tmp_path / "output", content=content, BUILD_CACHE=cache)
    from wartadesa import read_objects

    assert read_objects.last_build["restored"] > 0
    address, links = article_links(site)
    assert not links["agenda desa"].startswith("/")
    base = f"http://127.0.0.1:8000/{address}"
    assert urljoin(base, links["agenda desa"]) == "http://127.0.0.1:8000/agenda/"
