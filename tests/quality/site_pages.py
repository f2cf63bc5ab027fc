"""Which pages of a built site to check: one of each page type, found in the output."""

import re

# The notice board (plugin notices): its lists and one page of each type.
BOARD_TYPES = ["notices", "notice", "events", "event"]
BOARD = {"pengumuman": ("notices", "notice"), "agenda": ("events", "event")}
# Page types every built sample site must have (the village ones only with the plugin).
REQUIRED = [
    "home",
    "article",
    "page",
    "category",
    "tag",
    "author",
    "archives",
    "categories",
    "tags",
    "authors",
    "404",
    "search",
    *BOARD_TYPES,
]
VILLAGE_TYPES = ["villages", "village", "region"]
# The sample fixture has APBDes data (content/data/apbdes/, data/desa/binangun/apbdes/).
APBDES_TYPES = ["apbdes", "apbdes-year", "village-apbdes", "village-apbdes-year"]
# The gallery plugin's pages (galeri/, galeri/{slug}/, galeri/{slug}/{n}/).
GALLERY_TYPES = ["albums", "album", "album-photo"]
# Pages of the village_data plugin (content/data/), on the site and under a village.
DATA_PAGES = ("profil", "aparatur", "dokumen")
DATA_TYPES = [*DATA_PAGES, "village-profil", "village-aparatur"]

LISTS = {"kategori": "category", "tag": "tag", "penulis": "author", "desa": "village"}
ARTICLE = re.compile(r"^berita/\d{4}/\d{2}/[^/]+/$")
PAGINATED = re.compile(r"/\d+/$")


def url_of(site, path):
    """Site-relative URL of a built HTML file: 'berita/…/slug/', '404.html', '' (home)."""
    rel = path.relative_to(site.output).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def page_type(url):
    """The page type of a site-relative URL, or None for pages we do not classify."""
    if url == "":
        return "home"
    if re.fullmatch(r"\d+/", url):
        return "home-page-2" if url == "2/" else "home-page-n"
    if url == "404.html":
        return "404"
    if url == "arsip/":
        return "archives"
    if url == "cari/":
        return "search"
    if ARTICLE.match(url):
        return "article"
    first = url.split("/")[0]
    if first == "galeri":
        if re.fullmatch(r"galeri/\d+/", url):
            return "albums-page-n"
        return {1: "albums", 2: "album", 3: "album-photo"}.get(url.count("/"), "other")
    if "apbdes" in url.split("/"):  # plugin apbdes: the latest year, each year, a village's
        kind = "apbdes" if url.endswith("apbdes/") else "apbdes-year"
        return f"village-{kind}" if first == "desa" else kind
    parts = url.rstrip("/").split("/")
    if url in (f"{p}/" for p in DATA_PAGES):
        return first
    if first == "desa" and len(parts) == 3 and parts[2] in DATA_PAGES:
        return "village-" + parts[2]
    if url == f"{first}/" and first in LISTS:
        return {"kategori": "categories", "tag": "tags", "penulis": "authors", "desa": "villages"}[
            first
        ]
    if first in LISTS:
        return LISTS[first] + ("-page-n" if PAGINATED.search(url) else "")
    if first in BOARD:
        return BOARD[first][0] if url == f"{first}/" else BOARD[first][1]
    if first == "wilayah":
        return "region-page-n" if PAGINATED.search(url) else "region"
    if first == "berita":
        return "berita-other"
    if re.fullmatch(r"[^/]+/", url):
        return "page"
    return "other"


def pages_to_check(site):
    """[(label, url)]: every article, home page 2, and the first page of each other type.

    Village page: desa/binangun/ when it exists. Region: the deepest (a kecamatan).
    Unknown page types are all included, so a new kind of page is never left out.
    """
    by_type = {}
    for path in site.html_files():
        url = url_of(site, path)
        by_type.setdefault(page_type(url), []).append(url)
    chosen = []
    for kind in sorted(by_type):
        urls = sorted(by_type[kind])
        if kind in ("article", "other", "berita-other"):
            picked = urls
        elif kind.endswith("-page-n"):
            picked = []
        elif kind == "village":
            picked = [u for u in urls if u == "desa/binangun/"] or urls[:1]
        elif kind in ("notice", "event"):  # a pinned notice; an event with a map link
            picked = [u for u in urls if "penutupan" in u or "musyawarah" in u] or urls[:1]
        elif kind == "region":
            picked = [max(urls, key=lambda u: (u.count("/"), u))]
        else:
            picked = urls[:1]
        chosen += [(f"{kind}:{u or '/'}", u) for u in picked]
    return chosen


def found_types(site):
    return {page_type(url_of(site, p)) for p in site.html_files()}


def slug(url):
    """A file-name-safe name for a URL (for screenshots)."""
    return re.sub(r"[^a-z0-9]+", "-", (url or "home").lower()).strip("-") or "home"
