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

from front_matter.contents import ELEMENT_NAME

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed

# What a feed reader that shows titles as HTML would read as markup, once entities are
# decoded: an element a browser knows (spaces allowed after `<`, as lenient readers do),
# a comment or a declaration. `<5 tahun` and `<Binangun>` are text and stay.
TAG_LIKE = re.compile(r"<\s*(?:" + ELEMENT_NAME + r")[^<>]*>?|<[!?][^<>]*>?", re.IGNORECASE)
FEED_TEXTS = ("title", "description", "subtitle", "author_name")
ITEM_TEXTS = ("title", "author_name")


def plain_text(value: object) -> str:
    """The text without anything a reader could take for markup. Pelican hands these
    fields over as text already (titles through `striptags()`, which decodes entities;
    SITENAME and SITESUBTITLE as situs.yml, which refuses markup, has them): stripping
    tags again would take `<Penting>` or `<5 tahun … >` out of a title."""
    return " ".join(TAG_LIKE.sub("", str(value)).split())


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
