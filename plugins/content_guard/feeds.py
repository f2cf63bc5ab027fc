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

from markupsafe import Markup

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed

TAG_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?")
FEED_TEXTS = ("title", "description", "subtitle", "author_name")
ITEM_TEXTS = ("title", "author_name")


def plain_text(value: object) -> str:
    """Text without tags, and without anything that still looks like a tag once
    entities are decoded."""
    text = Markup(str(value)).striptags()
    return " ".join(TAG_LIKE.sub("", text).split())


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
