"""What the checks look at: every article and page the generators read, and the
text of their source files with line numbers."""

import os
import re

from front_matter.contents import all_contents
from front_matter.source import source_lines

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def articles_generator(generators):
    return next((g for g in generators if hasattr(g, "articles")), None)


def static_generator(generators):
    return next((g for g in generators if hasattr(g, "staticfiles")), None)


def contents(generators):
    """Every Article and Page read (all statuses, translations too), sorted by source."""
    return all_contents(generators[0].context) if generators else []


def is_article(item):
    return type(item).__name__ == "Article"


def meta_line(item, key, default=1):
    """The front matter line of `key` in the item's file (1 when unknown)."""
    lines = getattr(item, "meta_lines", None) or item.metadata.get("meta_lines") or {}
    return lines.get(key, default)


def body_line(item):
    return getattr(item, "body_line", None) or item.metadata.get("body_line") or 1


def body_lines(item):
    """(line number, text) of the body, without fenced code blocks and `code spans`."""
    lines = source_lines(item)
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


def relative_path(item):
    """The item's source path relative to the content folder, with / separators."""
    root = os.path.abspath(item.settings["PATH"])
    return os.path.relpath(os.path.abspath(item.source_path), root).replace(os.sep, "/")
