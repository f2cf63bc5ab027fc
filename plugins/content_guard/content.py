"""What the checks look at: every article and page the generators read, and the
text of their source files with line numbers."""

import os
import re

from front_matter.errors import ContentError
from front_matter.source import decode

ARTICLE_LISTS = (
    "articles", "translations", "drafts", "drafts_translations",
    "hidden_articles", "hidden_translations",
)
PAGE_LISTS = (
    "pages", "translations", "hidden_pages", "hidden_translations",
    "draft_pages", "draft_translations",
)
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def articles_generator(generators):
    return next((g for g in generators if hasattr(g, "articles")), None)


def pages_generator(generators):
    return next((g for g in generators if hasattr(g, "pages") and not hasattr(g, "articles")), None)


def static_generator(generators):
    return next((g for g in generators if hasattr(g, "staticfiles")), None)


def contents(generators):
    """Every Article and Page read (all statuses, translations too), and the items of the
    other content types a generator lists with `all_contents()` (pengumuman, agenda),
    sorted by source."""
    found = {}
    for generator, names in (
        (articles_generator(generators), ARTICLE_LISTS),
        (pages_generator(generators), PAGE_LISTS),
    ):
        if generator is None:
            continue
        for name in names:
            for item in getattr(generator, name, None) or []:
                found[id(item)] = item
    for generator in generators:  # other content types (plugin notices: all_contents())
        for item in getattr(generator, "all_contents", lambda: ())():
            found[id(item)] = item
    return sorted(found.values(), key=lambda item: str(item.source_path))


def is_article(item):
    return type(item).__name__ == "Article"


def meta_line(item, key, default=1):
    """The front matter line of `key` in the item's file (1 when unknown)."""
    lines = getattr(item, "meta_lines", None) or item.metadata.get("meta_lines") or {}
    return lines.get(key, default)


def body_line(item):
    return getattr(item, "body_line", None) or item.metadata.get("body_line") or 1


def read_lines(path):
    """The file's lines (UTF-8, line endings normalised); [] if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return decode(path, handle.read()).split("\n")
    except (OSError, ContentError):
        return []


def body_lines(item):
    """(line number, text) of the body, without fenced code blocks and `code spans`."""
    lines = read_lines(item.source_path)
    start = body_line(item)
    result = []
    fence = None
    for number, text in enumerate(lines[start - 1 :], start=start):
        marker = FENCE.match(text)
        if fence:
            if marker and marker.group(1) == fence:
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        result.append((number, CODE_SPAN.sub("", text)))
    return result


def find_line(lines, needle, default):
    """The first (number, text) pair whose text contains `needle`, else `default`."""
    for number, text in lines:
        if needle in text:
            return number
    return default


def relative_path(item):
    """The item's source path relative to the content folder, with / separators."""
    root = os.path.abspath(item.settings["PATH"])
    return os.path.relpath(os.path.abspath(item.source_path), root).replace(os.sep, "/")
