"""Summaries: what an article's summary is when the operator wrote none, and summaries
shown next to the body or next to other summaries carry no ids.

Without `ringkasan`, Pelican's automatic summary is the first SUMMARY_MAX_LENGTH words of
the body, pictures and players included: every list card showed the body's photos at full
width. An item whose summary was not written (`summary_written`, noted when it is made)
and whose automatic summary would hold a picture, a figure or an embedded player gets
the same words without them (`text_only_summaries`). The article page prints a summary
as its lead only when it was written (theme/templates/article.html): an automatic one is
the body's own start, and was read twice.

An automatic summary printed beside others on a list page keeps no ids (`isi-…`,
footnotes `fn:1`): they would appear twice on one page, and links to them would be
ambiguous (`without_ids`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from front_matter.contents import ARTICLE_KEYS, PAGE_KEYS, all_contents, automatic_summary
from wartadesa.read_objects import restorable

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator

ID_ATTRIBUTE = re.compile(r"""(<[a-zA-Z][^<>]*?)\s+id\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")
# What a card's summary must not show: whole figures (photos with captions, players) and
# pictures, images and frames standing alone.
PICTURE = re.compile(
    r"<(figure|picture|video|audio|iframe|object)\b[^>]*>.*?</\1\s*>|<(?:img|embed|source)\b[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
PICTURE_START = re.compile(
    r"<(?:figure|picture|video|audio|iframe|object|img|embed|source)\b", re.I
)
EMPTY_PARAGRAPH = re.compile(r"<p\b[^>]*>\s*</p>\s*", re.IGNORECASE)


def without_ids(html: str | None) -> str:
    """`html` without id attributes; trusted (Markup) input stays trusted."""
    text = str(html or "")
    previous = None
    while previous != text:  # several ids in one tag
        previous, text = text, ID_ATTRIBUTE.sub(r"\1", text)
    return Markup(text) if isinstance(html, Markup) else text


@restorable  # it only sets an attribute of the object (wartadesa/read_objects.py)
def note_written_summary(content: Content) -> None:
    """content_object_init: whether the operator wrote the summary (`ringkasan`)."""
    content.summary_written = "summary" in content.metadata


def without_pictures(html: str) -> str:
    return EMPTY_PARAGRAPH.sub("", PICTURE.sub("", html))


def text_summary(html: str | None, settings: Mapping[str, Any]) -> str:
    """Pelican's automatic summary (same settings) of `html` without its pictures."""
    return automatic_summary(without_pictures(html or ""), settings)


def text_only_summaries(generator: Generator) -> None:
    """article_generator_finalized / page_generator_finalized: the summaries nobody wrote,
    without pictures (only where the body has one: the others stay Pelican's)."""
    keys = ARTICLE_KEYS if hasattr(generator, "articles") else PAGE_KEYS
    for item in all_contents(generator.context, keys):
        if getattr(item, "summary_written", True) or not PICTURE_START.search(item._content or ""):
            continue
        summary = text_summary(item._content, item.settings)
        item.metadata["summary"] = summary
        item._summary = summary
