"""Texts in feeds are plain text, also for readers that render them as HTML.

Pelican copies SITESUBTITLE into the RSS channel <description> and the Atom <subtitle>
as written, and makes item titles with `striptags()`, which also decodes entities:
a title written `&lt;script&gt;` reaches the feed as the text `<script>`. Feed readers
differ on whether a title is text or HTML, so tag-like text is taken out of the
feed's own title/description/subtitle and of every item's title, author and
categories (the item content is HTML, cleaned by sanitize.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from front_matter.contents import HTML_ELEMENTS

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed

# What a feed reader that shows titles as HTML would read as markup, once entities are
# decoded: `<` then a letter, `/`, `!` or `?` (spaces allowed after `<`, as lenient readers
# do). `<5 tahun` is text; so is a bare name that is no element (`<Penting>`, `<Binangun>`:
# to such a reader an empty unknown element, with nothing to run), but not one with
# attributes (`<x onclick=…>`), a custom element (`<a-b>`) or a known element.
TAG_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?")
BARE_NAME = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9]*)\s*>")
FEED_TEXTS = ("title", "description", "subtitle", "author_name")
ITEM_TEXTS = ("title", "author_name")


def plain_text(value: object) -> str:
    """The text without anything a reader could take for markup. Pelican hands these
    fields over as text already (titles through `striptags()`, which decodes entities;
    SITENAME and SITESUBTITLE as situs.yml, which refuses markup, has them): stripping
    tags again would take `<Penting>` or `<5 tahun … >` out of a title."""
    return " ".join(TAG_LIKE.sub(_markup_out, str(value)).split())


def _markup_out(match: re.Match) -> str:
    bare = BARE_NAME.fullmatch(match.group(0))
    if bare and bare.group(1).lower() not in HTML_ELEMENTS:
        return match.group(0)
    return ""


def plain_feed_texts(context: Mapping[str, Any], feed: SyndicationFeed) -> None:
    """feed_generated: plain text in the feed's and the items' text fields."""
    for key in FEED_TEXTS:
        if feed.feed.get(key):
            feed.feed[key] = plain_text(feed.feed[key])
    for item in feed.items:
        for key in ITEM_TEXTS:
            if item.get(key):
                item[key] = plain_text(item[key])
        if item.get("categories"):
            item["categories"] = [plain_text(c) for c in item["categories"]]
