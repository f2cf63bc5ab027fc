"""What the checks look at: every article and page the generators read, and the
text of their source files with line numbers."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from front_matter.contents import all_contents

# meta_line and body_line are the content core's; the checks import them from here too.
from front_matter.source import body_line, meta_line, source_lines  # noqa: F401

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def articles_generator(generators: Iterable[Generator]) -> Generator | None:
    return next((g for g in generators if hasattr(g, "articles")), None)


def static_generator(generators: Iterable[Generator]) -> Generator | None:
    return next((g for g in generators if hasattr(g, "staticfiles")), None)


def contents(generators: Sequence[Generator]) -> list[Content]:
    """Every Article and Page read (all statuses, translations too), and the items of the
    other content types a generator lists with `all_contents()` (pengumuman, agenda),
    sorted by source."""
    if not generators:
        return []
    found = {id(item): item for item in all_contents(generators[0].context)}
    for generator in generators:  # other content types (plugin notices: all_contents())
        for item in getattr(generator, "all_contents", lambda: ())():
            found[id(item)] = item
    return sorted(found.values(), key=lambda item: str(item.source_path or ""))


def is_article(item: object) -> bool:
    return type(item).__name__ == "Article"


def body_lines(item: Content) -> list[tuple[int, str]]:
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


def relative_path(item: Content) -> str:
    """The item's source path relative to the content folder, with / separators."""
    root = os.path.abspath(item.settings["PATH"])
    return os.path.relpath(os.path.abspath(item.source_path), root).replace(os.sep, "/")
