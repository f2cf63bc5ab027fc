"""Which written pages go into the sitemap, and when each last changed.

Every page Pelican's Writer writes is announced by the `content_written` signal (like
pelican-plugins/sitemap): articles, pages, lists, and every page type of any plugin,
without naming them. Left out: pages marked `noindex` (drafts, redirects, 404), hidden
and draft content, and addresses under a SITEMAP_EXCLUDE prefix (admin/, cari/)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from typing import Any

from pelican.contents import Content

from wartadesa import read_cache
from wartadesa.parallel import page_is_ours
from wartadesa.read_cache import file_identity

NOINDEX = re.compile(rb'<meta name="robots" content="[^"]*noindex', re.IGNORECASE)
HEAD_BYTES = 4096  # the robots meta tag is near the top of <head>

_collector = None  # the current build's Collector (set by the sitemap generator)

# Keys a generator may pass to Writer.write_file for the sitemap (see the plugin's README):
LAST_MODIFIED = "last_modified"  # when the page last changed (None: no date)
IN_SITEMAP = "in_sitemap"  # False: the page is left out
_UNKNOWN = object()
PAGE_OF_LIST = "_page"  # Pelican's paginated lists: `{key}_page` is the page written
OTHER_PAGES = ("_previous_page", "_next_page")


class Collector:
    """The pages of one build: {url relative to the site root: last modified or None}."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.output_path = os.path.abspath(settings["OUTPUT_PATH"])
        self.exclude = tuple(str(p).lstrip("/") for p in settings.get("SITEMAP_EXCLUDE") or ())
        self.pages = {}
        self.writer = None  # Pelican's Writer of this build (set by the generator)
        # Forked writers (wartadesa.parallel) keep the pages they write and send them to
        # the main process when they are done (share_pages, merge_pages).
        self._prefix = os.path.join(self.output_path, "")
        self.settings_keys = frozenset(key for key in settings if key.isupper())
        # The newest date of each whole list pages show (every page of a build is given
        # the same `articles`): looked for once, not once per page.
        self.newest = {}

    def add(self, path: str, context: Mapping) -> None:
        if not path.endswith(".html"):
            return
        path = os.path.abspath(path)
        if not path.startswith(self._prefix):
            return
        relative = path[len(self._prefix) :].replace(os.sep, "/")
        url = page_url(relative)
        if url.startswith(self.exclude) or context.get(IN_SITEMAP, True) is False:
            return
        item = shown_content(context, self.settings_keys)
        if item is not None and getattr(item, "status", "published") != "published":
            return
        changed = last_modified(context, self.newest, item, self.settings_keys)
        self.pages[url] = (path, changed)

    def entries(self) -> list[tuple[str, dt.datetime | None]]:
        """[(url, last modified or None)], sorted by address (the home page first); pages
        marked noindex left out (read once every page is written: pages may be rendered in
        other processes, wartadesa.parallel)."""
        global _noindex_seen
        seen, _noindex_seen = _noindex_seen or _recorded(self.settings), {}
        found = sorted(
            (url, changed)
            for url, (path, changed) in self.pages.items()
            if not _noindex_of(url, path, seen)
        )
        if _noindex_seen != seen:  # the record is written only when it changed
            _record(self.settings, _noindex_seen)
        return found


# Whether each page of the last build was marked noindex, by the file it was (device, inode,
# size, modification time): a page a rebuild reused is that very file (a hard link), so a
# rebuild reads only the pages it wrote again (at 5,000 articles, 0.2 s less of a
# one-article rebuild). Kept in this process (the live preview) and, with the build cache
# (BUILD_CACHE), in NOINDEX_RECORD for the next build.
_noindex_seen: dict[str, tuple[tuple, bool]] = {}
NOINDEX_RECORD = "sitemap-noindex.json"


def _recorded(settings: Mapping[str, Any]) -> dict[str, tuple[tuple, bool]]:
    folder = read_cache.folder(settings)
    if folder is None:
        return {}
    try:
        data = read_cache.held(folder / NOINDEX_RECORD, read_cache.load_record)
        return {url: (tuple(v[:4]), bool(v[4])) for url, v in data.items()}
    except Exception:  # noqa: BLE001 - missing or damaged: every page is read
        return {}


def _record(settings: Mapping[str, Any], seen: dict[str, tuple[tuple, bool]]) -> None:
    folder = read_cache.folder(settings)
    if folder is not None:
        data = {url: [*identity, marked] for url, (identity, marked) in sorted(seen.items())}
        if read_cache.save_record(folder / NOINDEX_RECORD, data):
            read_cache.hold(folder / NOINDEX_RECORD, data)


def _noindex_of(url: str, path: str, seen: dict) -> bool:
    identity = file_identity(path)
    if identity is None:
        return False
    known = seen.get(url)
    marked = known[1] if known is not None and known[0] == identity else marked_noindex(path)
    _noindex_seen[url] = (identity, marked)
    return marked


def start(settings: Mapping[str, Any]) -> Collector:
    global _collector
    _collector = Collector(settings)
    return _collector


def finish() -> Collector | None:
    global _collector
    collector, _collector = _collector, None
    return collector


def collect_page(path: str, context: Mapping | None) -> None:
    """content_written: remember a page of the current build, in the process that wrote it
    (every writing process announces every page: wartadesa.parallel)."""
    collector = _collector
    if collector is None or context is None or not page_is_ours():
        return
    if os.path.abspath(str(context.get("OUTPUT_PATH", ""))) != collector.output_path:
        return  # another build (signals stay connected across builds in one process)
    collector.add(path, context)


def share_pages() -> dict:
    """In a forked writer: the pages it wrote (it started with none: pages are written
    after the fork)."""
    return dict(_collector.pages) if _collector is not None else {}


def merge_pages(pages: dict) -> None:
    """In the main process: a forked writer's pages."""
    if _collector is not None:
        _collector.pages.update(pages)


def page_url(relative: str) -> str:
    """`berita/x/index.html` -> `berita/x/`; `index.html` -> ``; `404.html` stays."""
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def shown_content(context: Mapping, settings_keys: frozenset = frozenset()):
    """The piece of content (an article, a page, a notice, an agenda item, an album, ...)
    the page shows, or None (a list, a data page). `settings_keys` (most of a page's
    context: the settings) need not be looked at."""
    for key in ("article", "page"):
        item = context.get(key)
        if item is not None:
            return item
    for key in sorted(context.keys() - settings_keys):  # by name: never by set order
        item = context[key]
        if isinstance(item, Content):
            return item
    return None


def published(context: Mapping, settings_keys: frozenset = frozenset()) -> bool:
    """False when the page shows a piece of content that is not published: hidden or
    draft."""
    item = shown_content(context, settings_keys)
    return item is None or getattr(item, "status", "published") == "published"


def marked_noindex(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return bool(NOINDEX.search(handle.read(HEAD_BYTES)))
    except OSError:
        return False


def _changed(item):
    """When an item last changed: `modified`, else when it was published (the notice
    board's `published_date`: an agenda item's start may be ahead), else its date."""
    return (
        getattr(item, "modified", None)
        or getattr(item, "published_date", None)
        or getattr(item, "date", None)
    )


def last_modified(
    context: Mapping,
    newest: dict | None = None,
    item: Any = _UNKNOWN,
    settings_keys: frozenset = frozenset(),
) -> dt.datetime | None:
    """When the page last changed, or None when it cannot be told:
    - LAST_MODIFIED in the page's context when its generator passed it (None: no date);
    - the piece of content it shows (`item`, else looked for): its modified or published
      date;
    - a page of a paginated list (`articles_page`, `albums_page`, ...): its newest item;
    - Pelican's own article lists (`blog` in their context: home, archives, categories,
      tags, authors): their newest article;
    - anything else (a plugin's data page) has no date.
    `newest`: {id of a list: (the list, its size, its newest date)} kept between the pages
    of one build (the lists do not change while pages are written); `settings_keys` need
    not be looked at."""
    if LAST_MODIFIED in context:
        return context[LAST_MODIFIED]
    if item is _UNKNOWN:
        item = shown_content(context, settings_keys)
    if item is not None:
        return _changed(item)
    # Pelican's home page is paginated by `articles` and `dates` (one list in two orders):
    # the articles' page, else the first other list's page by name (never set order).
    pages = sorted(
        key
        for key in context.keys() - settings_keys
        if key.endswith(PAGE_OF_LIST) and not key.endswith(OTHER_PAGES)
    )
    for key in ["articles_page", *pages]:
        page = context.get(key)
        if page is not None and hasattr(page, "object_list"):
            return _newest(page.object_list)
    if not context.get("blog"):
        return None
    items = context.get("articles") or []
    if newest is None:
        return _newest(items)
    kept = newest.get(id(items))
    if kept is None or kept[0] is not items or kept[1] != len(items):
        kept = newest[id(items)] = (items, len(items), _newest(items))
    return kept[2]


def _newest(items) -> dt.datetime | None:
    dates = [d for d in (_changed(a) for a in items) if d is not None]
    return max(dates) if dates else None
