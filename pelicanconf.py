"""Settings for a local preview of the site (relative URLs).

`publishconf.py` imports everything here and adds the production values.
Operators usually only change the "Identitas situs" block.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Our plugins import each other's small helper modules (e.g. front_matter.errors).
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

# --- Identitas situs -------------------------------------------------------
SITENAME = "Warta Desa"
SITESUBTITLE = "Kabar pemerintahan dan pembangunan desa"
AUTHOR = "Operator Desa"
SITEURL = ""
# Custom domain for GitHub Pages (writes a CNAME file in production), e.g.
# "binangun-singgahan.desa.id". Empty: no CNAME.
CUSTOM_DOMAIN = ""

TIMEZONE = "Asia/Jakarta"  # WIB; "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT)
DEFAULT_LANG = "id"

# --- Content -----------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files", "extra"]
EXTRA_PATH_METADATA = {}
# Only Markdown is read (our YAML front matter reader); no reStructuredText/HTML.
READERS = {"rst": None, "html": None, "htm": None}
IGNORE_FILES = [".#*", "*.yml", "*.yaml", "README.md"]
DEFAULT_CATEGORY = "Umum"
DEFAULT_PAGINATION = 10
TYPOGRIFY = True
SUMMARY_MAX_LENGTH = 40
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

# --- URL scheme (stable: documented in README) -----------------------------
ARTICLE_URL = "berita/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = ARTICLE_URL + "{lang}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
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
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "404"]
TEMPLATE_PAGES = {}
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
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
CATEGORY_FEED_RSS = None
FEED_ATOM = None
FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = False

# --- Theme and plugins ---------------------------------------------------------
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "front_matter",
    "indonesian",
]
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False  # the build swaps folders itself (wartadesa.build)

# Navigation: (label, url relative to SITEURL)
MENU_LINKS = [
    ("Beranda", ""),
    ("Berita", "arsip/"),
    ("Kategori", "kategori/"),
    ("Tentang", "tentang/"),
]
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# Footer: office address and contacts (shown when set)
OFFICE_ADDRESS = ""
CONTACT_EMAIL = ""
CONTACT_PHONE = ""
SOCIAL_LINKS = []  # [("Facebook", "https://facebook.com/..."), ...]

# --- Security ------------------------------------------------------------------
# Every page carries this Content-Security-Policy (a <meta> tag in the theme):
# only the site itself, plus YouTube posters and the privacy-enhanced player frame.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' https://i.ytimg.com; "
    "frame-src https://www.youtube-nocookie.com; script-src 'self'; "
    "style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
