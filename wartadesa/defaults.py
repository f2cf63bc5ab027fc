"""Warta Desa kit defaults: every setting a village site does not need to change.

A site's `pelicanconf.py` starts with `from wartadesa.defaults import *` and then sets
only its own technical values; its identity (name, address, contacts, menu, ...) lives
in `content/situs.yml` (plugin `identity`). A new kit version brings new defaults here
without touching the village's files.
"""

import sys
from pathlib import Path

from wartadesa.dates import FILTERS as _DATE_FILTERS
from wartadesa.rupiah import FILTERS as _RUPIAH_FILTERS

KIT = Path(__file__).resolve().parent.parent
# Our plugins import each other's small helper modules (e.g. front_matter.errors).
if str(KIT / "plugins") not in sys.path:
    sys.path.insert(0, str(KIT / "plugins"))

# --- Identity: only fallbacks; a site sets its own in content/situs.yml ----------
SITENAME = "Warta Desa"
SITESUBTITLE = "Kabar pemerintahan dan pembangunan desa"
AUTHOR = "Operator Desa"
SITEURL = ""
# Custom domain for GitHub Pages (writes a CNAME file in production), e.g.
# "binangun-singgahan.desa.id". Empty: no CNAME.
CUSTOM_DOMAIN = ""
# The production address when neither the SITEURL environment variable nor
# CUSTOM_DOMAIN gives one.
PUBLISH_SITEURL = ""

TIMEZONE = "Asia/Jakarta"  # WIB; "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT)
DEFAULT_LANG = "id"

# --- Content -----------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
# The other Markdown content types and their folders (see plugins/front_matter/schema.py):
# pengumuman (notice board), agenda (events) and galeri (photo albums).
CONTENT_TYPE_PATHS = {"notice": ["pengumuman"], "event": ["agenda"], "album": ["galeri"]}
STATIC_PATHS = ["images", "files", "extra"]
# content/extra/robots.txt, when the site has its own, is published at the root (then the
# sitemap plugin writes no default robots.txt).
EXTRA_PATH_METADATA = {
    "extra/robots.txt": {"path": "robots.txt"},
    # content/extra/CNAME, when the site has its own, is published at the root (then the
    # identity plugin writes none from CUSTOM_DOMAIN).
    "extra/CNAME": {"path": "CNAME"},
}
# Only Markdown is read (our YAML front matter reader); no reStructuredText/HTML.
READERS = {"rst": None, "html": None, "htm": None}
# What operating systems and editors leave beside a file: never read, never published, also
# when a site sets its own IGNORE_FILES (wartadesa.build.load_settings adds them). Windows
# Thumbs.db/desktop.ini, macOS .DS_Store and resource forks (._foto.jpg), vim swap files,
# backups (laporan.docx~), Word's lock file ~$laporan.docx (it holds the user's name) and
# LibreOffice's .~lock.laporan.xlsx#. Matched on file and folder names, upper/lower case as
# the systems write them.
LEFTOVER_FILES = [
    "[Tt]humbs.db",
    "[Ee]hthumbs.db",
    "[Dd]esktop.ini",
    ".DS_Store",
    "._*",
    "*.swp",
    "*.swo",
    "*~",
    "~$*",
    ".~lock.*#",
]
IGNORE_FILES = [".#*", "*.yml", "*.yaml", "README.md", *LEFTOVER_FILES]
DEFAULT_CATEGORY = "Umum"
USE_FOLDER_AS_CATEGORY = False  # the folder berita/ is not a category
DEFAULT_PAGINATION = 10
TYPOGRIFY = True
# Typogrify's smart quotes and dashes and its no-widow space stay; its wrapping spans
# (<span class="caps"> around capitals, "amp" around "&", "dquo"/"quo" around a first
# quote) are left out: the theme gives them no style, and they took about 40% of
# typogrify's time (2.7 s of work at 5,000 articles). A theme that styles them sets [].
TYPOGRIFY_OMIT_FILTERS = ["amp", "caps", "initial_quotes"]
SUMMARY_MAX_LENGTH = 40
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {}
        # Quotes and dashes are made typographic by typogrify (TYPOGRIFY = True).
    },
    "output_format": "html5",
}

# --- Build speed (wartadesa/parallel.py, wartadesa/read_cache.py) ----------
BUILD_WORKERS = 0  # processes reading and writing at once; 0: one per CPU core, 1: no forking
BUILD_CACHE = ""  # e.g. "cache/build" (beside content/): keep read articles, reuse unchanged pages

# --- URL scheme (stable: documented in README) -----------------------------
ARTICLE_URL = "berita/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = ARTICLE_URL + "{lang}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = "draf/halaman/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = PAGE_LANG_SAVE_AS = ""
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "penulis/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
INDEX_SAVE_AS = "index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/{number}/", "{base_name}/{number}/index.html"),
)
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "404", "follow"]
FOLLOW_URL = "ikuti/"  # what a feed is and every feed address of the site
FOLLOW_SAVE_AS = FOLLOW_URL + "index.html"
# Villages and regions (plugin villages; Pelican URLWrapper objects like categories):
# {slug}, {code} and, for a region, {path} (its slug under its parents' slugs).
VILLAGE_URL = "desa/{slug}/"
VILLAGE_SAVE_AS = VILLAGE_URL + "index.html"
VILLAGES_URL = "desa/"  # the village directory
VILLAGES_SAVE_AS = VILLAGES_URL + "index.html"
REGION_URL = "wilayah/{path}/"  # wilayah/jawa-timur/tuban/singgahan/
REGION_SAVE_AS = REGION_URL + "index.html"
# The notice board (plugin notices): pengumuman and agenda, their lists and calendars.
NOTICE_URL = "pengumuman/{slug}/"
NOTICE_SAVE_AS = NOTICE_URL + "index.html"
NOTICE_LANG_URL = NOTICE_LANG_SAVE_AS = ""
NOTICES_URL = "pengumuman/"  # the list: pinned first, then newest; expired ones marked
NOTICES_SAVE_AS = NOTICES_URL + "index.html"
EVENT_URL = "agenda/{slug}/"
EVENT_SAVE_AS = EVENT_URL + "index.html"
EVENT_LANG_URL = EVENT_LANG_SAVE_AS = ""
EVENT_ICS_URL = "agenda/{slug}.ics"  # "Tambahkan ke kalender" of one event
EVENT_ICS_SAVE_AS = EVENT_ICS_URL
EVENTS_URL = "agenda/"  # upcoming events soonest first, then past ones by month
EVENTS_SAVE_AS = EVENTS_URL + "index.html"
EVENTS_ICS_URL = EVENTS_ICS_SAVE_AS = "agenda.ics"  # every event, for calendar apps
VILLAGE_ICS_URL = VILLAGE_ICS_SAVE_AS = "feeds/desa/{slug}.ics"  # a village's events
HOME_NOTICES = 5  # current pengumuman on the home page (pinned first)
HOME_EVENTS = 3  # next agenda items on the home page
# Photo albums (plugin gallery): an album, the large view of each photo ({number}: 1, 2,
# ...) and the index of albums.
ALBUM_URL = "galeri/{slug}/"
ALBUM_SAVE_AS = ALBUM_URL + "index.html"
ALBUM_PHOTO_URL = "galeri/{slug}/{number}/"
ALBUM_PHOTO_SAVE_AS = ALBUM_PHOTO_URL + "index.html"
ALBUMS_URL = "galeri/"
ALBUMS_SAVE_AS = ALBUMS_URL + "index.html"
TEMPLATE_PAGES = {}
# None: DEFAULT_PAGINATION per page. The archive lists 100 titles a page (small pages).
# The villages plugin adds "village" and "region" (None) unless they are set here.
PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "category": None,
    "author": None,
    "archives": 100,
}
SLUGIFY_SOURCE = "title"
SLUG_REGEX_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# --- Feeds -------------------------------------------------------------------
# Local preview writes feeds too (relative links); production makes them absolute.
FEED_DOMAIN = "http://127.0.0.1:8000"  # where `invoke serve` shows the preview
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/kategori/{slug}.rss.xml"
FEED_ATOM = None
FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
NOTICE_FEED_ATOM = "feeds/pengumuman.atom.xml"  # None: no feed
NOTICE_FEED_RSS = "feeds/pengumuman.rss.xml"
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

# --- Kit upgrades (invoke upgrade) -------------------------------------------------
# The kit's repository, when the site has no git remote named "kit", e.g.
# "https://github.com/PEMILIK/warta-desa.git" (set it in pelicanconf.py).
KIT_REPOSITORY = ""

# --- Theme and plugins ---------------------------------------------------------
THEME = str(KIT / "theme")
# Every value printed by a template is HTML-escaped; trusted HTML (the cleaned body,
# summary and title) is marked `|safe` in the theme, nowhere else.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
}
# The theme's Indonesian date filters (tanggal, jam, tanggal_jam, ...: wartadesa/dates.py)
# and Rupiah filters (rupiah, rupiah_singkat, persen: wartadesa/rupiah.py), through
# Pelican's own setting. A site adding its own: {**JINJA_FILTERS, "nama": fungsi}.
JINJA_FILTERS = {**_DATE_FILTERS, **_RUPIAH_FILTERS}
PLUGIN_PATHS = [str(KIT / "plugins")]
PLUGINS = [
    "identity",  # content/situs.yml and the overrides/ folder
    "front_matter",
    "article_extras",
    "youtube",
    "notices",  # pengumuman and agenda (before villages: it tags them with their villages)
    "villages",
    "apbdes",  # after villages: content/data/apbdes/ and each village's APBDes
    "content_guard",
    "privacy_guard",
    "photos",  # after content_guard: cover and body photos -> private, sized derivatives
    "redirects",  # alamat_lama: old addresses keep working
    "search",  # the search page cari/; wartadesa.build indexes the site with Pagefind
    "gallery",  # galeri/: photo albums (after villages and photos)
    "sitemap",  # sitemap.xml of every page written (content_written), robots.txt
    "stylesheet",  # the theme's readable style.css served minified
    "editor",  # the web editor at admin/ (Sveltia CMS), configured from the schema
    "village_data",  # after villages and photos: profil/, aparatur/, dokumen/, IDM
]
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # the build swaps folders itself (wartadesa.build)

# The site's identity file inside content/ (plugin identity): name, tagline, village,
# address, contacts, social links, logo and menu. It sets the settings below.
SITE_IDENTITY = "situs.yml"
# The site-owned folder beside content/: templates/ (replace any theme template or
# partial) and static/ (files on top of the theme's; static/custom.css is linked last).
SITE_OVERRIDES = "overrides"

# Navigation: (label, url relative to SITEURL, or an http(s) address)
MENU_LINKS = [
    ("Beranda", ""),
    ("Berita", "arsip/"),
    ("Kategori", "kategori/"),
    ("Desa", VILLAGES_URL),
    ("Tentang", "tentang/"),
]
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# Footer: office address and contacts (shown when set)
OFFICE_ADDRESS = ""
CONTACT_EMAIL = ""
CONTACT_PHONE = ""
CONTACT_WHATSAPP = ""
SOCIAL_LINKS = []  # [("Facebook", "https://facebook.com/..."), ...]

# --- Security ------------------------------------------------------------------
# Every page carries this Content-Security-Policy (a <meta> tag in the theme):
# only the site itself, plus YouTube posters and the privacy-enhanced player frame.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' https://i.ytimg.com; "
    "frame-src https://www.youtube-nocookie.com; script-src 'self'; "
    "style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)

# --- Web editor (plugin editor: admin/, see plugins/editor/README.md) ---------
EDITOR_PATH = "admin"  # the editor's folder on the site; "" = no editor
EDITOR_REPO = ""  # the site's GitHub repository "pemilik/nama-repo" (sign-in with GitHub)
EDITOR_BRANCH = "main"
EDITOR_AUTH_URL = ""  # an OAuth helper's address, for sign-in with a GitHub button
# The editor page's own policy: the editor runs its code and styles from this site only,
# talks to GitHub's API, shows GitHub avatars and local (blob:) image previews.
EDITOR_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https://avatars.githubusercontent.com "
    "https://raw.githubusercontent.com https://i.ytimg.com; "
    "media-src 'self' blob:; font-src 'self' data:; "
    "connect-src 'self' blob: data: https://api.github.com https://raw.githubusercontent.com; "
    "frame-src 'self' blob: https://www.youtube-nocookie.com; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)

# --- Theme ---------------------------------------------------------------------
# Logo in the header and in search results: a file under content/images/ (e.g.
# "images/logo.png") or the theme's own emblem.
SITELOGO = "theme/img/logo.svg"
FAVICON = "theme/img/favicon.svg"  # the small picture in the browser tab (SVG or PNG)
# Picture shown in WhatsApp/Facebook previews of pages without their own image
# (1200 x 630 pixels).
DEFAULT_OG_IMAGE = "theme/img/og-default.png"
DEFAULT_OG_IMAGE_SIZE = (1200, 630)
RELATED_ARTICLES = 3  # "Berita terkait" under each article
INDEX_URL = ""  # the home page is the site root: "Lebih baru" links to /, not /index.html

# --- Search (plugin search: the page cari/ and the Pagefind index, see README) ---
SEARCH_URL = "cari/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
SEARCH_LANGUAGE = "id"  # Pagefind's stemmer: "membangun" finds "pembangunan"
SEARCH_RESULTS_PER_PAGE = 10
# A site with more marked pages than this gets its index in parts (about this many pages
# each, at most 16): a change re-indexes one part only. 0: always one index.
SEARCH_SHARD_PAGES = 1000
# The theme's stylesheet is written readable and served minified (plugin stylesheet):
# output files minified once the theme's files are copied.
MINIFY_CSS = ["theme/css/style.css"]

# --- Villages (plugin villages: content/desa.yml, pages desa/ and wilayah/) ----
VILLAGES_REGISTRY = "desa.yml"  # the list of covered villages, inside content/
VILLAGES_REGISTRY_MAX_KB = 10 * 1024  # a bigger desa.yml is refused before parsing
# Feeds of each village and region page ({slug}, {code}); the URLs are above.
VILLAGE_FEED_ATOM = "feeds/desa/{slug}.atom.xml"  # None: no feed
VILLAGE_FEED_RSS = "feeds/desa/{slug}.rss.xml"
REGION_FEED_ATOM = "feeds/wilayah/{code}.atom.xml"
REGION_FEED_RSS = "feeds/wilayah/{code}.rss.xml"

# --- APBDes (plugin apbdes: content/data/apbdes/<tahun>.yml, see plugins/apbdes/README.md) ---
# Year files of the site, and of each village of a portal ({slug}: its slug in desa.yml);
# both inside content/ (never published as files: IGNORE_FILES has *.yml and data/ is
# not a static path).
APBDES_PATH = "data/apbdes"
APBDES_VILLAGE_PATH = "data/desa/{slug}/apbdes"
# Pages, relative to the site root, or to a village's page (VILLAGE_URL) on a portal:
# apbdes/ (the latest year), apbdes/2025/ and its 1200x630 summary picture (og:image).
APBDES_URL = "apbdes/"
APBDES_YEAR_URL = APBDES_URL + "{tahun}/"
APBDES_IMAGE = APBDES_YEAR_URL + "apbdes-{tahun}.png"
# The menu link added when the site has APBDes data ("": none; a menu in situs.yml that
# already links to apbdes/ is left as it is).
APBDES_MENU_LABEL = "APBDes"
# --- Sitemap (plugin sitemap: sitemap.xml, robots.txt) ----------------------------
# Address prefixes never listed in sitemap.xml: the web editor and the search page.
SITEMAP_EXCLUDE = ["admin/", "cari/"]
# --- Village data (plugin village_data: profile, officials, documents, IDM) -----
# Data files inside content/: data/profil.yml, aparatur.yml, dokumen.yml, idm.yml for
# the site's own village; data/desa/<village slug>/ the same for each village of a portal.
VILLAGE_DATA_PATH = "data"
VILLAGE_DATA_VILLAGES = "desa"
# The pages (under the site root, and under VILLAGE_URL for a portal's villages);
# "" : no such page. Each page joins the menu only when its data exist.
VILLAGE_DATA_PAGES = {"profil": "profil/", "aparatur": "aparatur/", "dokumen": "dokumen/"}
# dokumen/ lists the newest years up to this many documents (a page stays within the
# 14 KB budget); each older year gets its own page dokumen/{tahun}/. 0: one page.
VILLAGE_DATA_DOCUMENTS_PER_PAGE = 50

# --- Guard rails (plugin content_guard: content checks, HTML cleaning) ---------
# Raw HTML in articles is cleaned (no scripts, only YouTube frames). True: trust it.
TRUSTED_HTML = False
# The site's fixed list of categories, e.g. ["Pemerintahan", "Pembangunan"]. Empty: any.
CATEGORIES = []
FUTURE_DATE_WARNING_DAYS = 1  # warn when a date is more than this many days ahead
MAX_CONTENT_SIZE_KB = 512  # a bigger content file is refused (usually pasted junk)
# Files (inside content/) that may write about gambling, e.g. ["berita/*judi-online*.md"].
SPAM_ALLOWED_FILES = []
# Two articles with the same slug in different months are two articles (our URLs
# berita/{yyyy}/{mm}/{slug}/ differ), not translations of each other.
ARTICLE_TRANSLATION_ID = ("slug", "date.year", "date.month")
# Dates come from the front matter only: a file named 2024-06-31-rapat.md must not
# stop the build with an unexplained error (Pelican reads dates from file names).
FILENAME_METADATA = ""


# --- Photos (plugin photos: cover and body photos, see plugins/photos/README.md) ---
# Widths of article/page pictures (never wider than the original) and of the square
# card thumbnails; modern formats before the JPEG (PNG with transparency) fallback.
PHOTOS_WIDTHS = [480, 800, 1200, 1600]
PHOTOS_THUMB_WIDTHS = [208, 288]
PHOTOS_FORMATS = ["webp"]  # add "avif" for smaller but slower-to-encode pictures
PHOTOS_FALLBACK_MAX_WIDTH = 800  # JPEG/PNG fallback widths (browsers without WebP)
PHOTOS_QUALITY = {"jpeg": 78, "webp": 72, "avif": 55}
PHOTOS_SHARE_SIZE = [1200, 630]  # og:image / JSON-LD image, a JPEG
PHOTOS_SHARE_MAX_KB = 300
PHOTOS_LOGO_SIZE = 176  # site logo: longer side of its one picture (4x the 44 px header)
PHOTOS_OUTPUT = "foto"  # folder of the pictures in the site
PHOTOS_CACHE = "cache/photos"  # beside content/ (git-ignored); delete it to re-encode all
PHOTOS_WORKERS = 0  # processes encoding at once; 0: one per CPU core
PHOTOS_PUBLISH_ORIGINALS = False  # True: also publish each original, without metadata
PHOTOS_LARGE_MB = 8  # warn about originals bigger than this ...
PHOTOS_LARGE_PX = 6000  # ... or with a longer side than this
PHOTOS_COVER_MIN_WIDTH = 480  # warn about a cover narrower than this (blurry on phones)
PHOTOS_SIZES = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"  # theme: .wrap
PHOTOS_THUMB_SIZES = "(min-width: 40rem) 9rem, 6.5rem"  # theme: .card__img


# --- Gallery (plugin gallery: photo albums in content/galeri/{album}/) ---------------
# On a village or region page: its newest albums, each with its first photos.
GALLERY_PLACE_ALBUMS = 3
GALLERY_PLACE_PHOTOS = 4
# The grid's `sizes` (style.css: .gallery, 3 columns on a phone, 4 from 40rem).
GALLERY_THUMB_SIZES = "(min-width: 46rem) 10.5rem, calc((100vw - 3rem) / 3)"


# --- Privacy (plugin privacy_guard: NIK/KK, GPS in photos, personal data) -------
# Files (inside content/) published on purpose with personal data, e.g. a decree naming
# an official: ["files/sk-kades-2024.pdf"]. Nothing in them is checked: see README.
PRIVACY_ALLOWED_FILES = []
# Official mobile numbers that may appear next to a name (CONTACT_PHONE is always allowed).
PRIVACY_ALLOWED_PHONES = []


def production_settings(site: dict) -> dict:
    """The production values for a site's publishconf.py, given its preview settings
    (`globals()` after `from pelicanconf import *`): absolute links, GitHub Pages files.

    The address comes from the SITEURL environment variable when set, otherwise from
    PUBLISH_SITEURL, otherwise https://CUSTOM_DOMAIN, otherwise the PAGES_URL environment
    variable (the workflow sets it to the repository's GitHub Pages address)."""
    import os

    from wartadesa.settings_check import production_address

    siteurl = production_address(site, os.environ)
    return {
        "SITEURL": siteurl,
        "RELATIVE_URLS": False,
        "FEED_DOMAIN": siteurl,
        # The identity plugin writes .nojekyll (no Jekyll processing) and, when
        # CUSTOM_DOMAIN is set, a CNAME file with that domain (plugins/identity/hosting.py).
        "GITHUB_PAGES": True,
        # Drafts are never published; only the local preview shows them (marked DRAF).
        "DRAFT_URL": "",
        "DRAFT_SAVE_AS": "",
        "DRAFT_PAGE_URL": "",
        "DRAFT_PAGE_SAVE_AS": "",
    }
