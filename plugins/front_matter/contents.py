"""What was read, for every plugin: all articles and pages, and their plain text.

Part of the content core (front_matter): plugins list content and strip tags here
instead of each keeping its own copy."""

import html
import re
from collections.abc import Mapping, Sequence

# Context entries of Pelican's article and page generators (every status); their
# translations hang on each item (`item.translations`).
ARTICLE_KEYS = ("articles", "hidden_articles", "drafts")
PAGE_KEYS = ("pages", "hidden_pages", "draft_pages")
TAG = re.compile(r"<[^>]+>")


def all_contents(context: Mapping, keys: Sequence[str] = ARTICLE_KEYS + PAGE_KEYS) -> list:
    """Every Article and Page read (published, hidden and draft, translations too),
    once each, sorted by source path. `context` is the shared generator context
    (Pelican's article and page generators fill it before other generators run)."""
    found = {}
    for key in keys:
        for item in context.get(key) or []:
            found[id(item)] = item
            for translation in getattr(item, "translations", None) or []:
                found[id(translation)] = translation
    return sorted(found.values(), key=lambda item: str(item.source_path or ""))


def all_articles(context: Mapping) -> list:
    """Every Article read (published, hidden and draft, translations too)."""
    return all_contents(context, ARTICLE_KEYS)


def strip_tags(text: object) -> str:
    """Text without tags and entities; non-breaking spaces (typogrify's &nbsp;) become
    spaces. Whitespace is kept as it is."""
    return html.unescape(TAG.sub("", str(text or ""))).replace("\xa0", " ")


def plain(text: object) -> str:
    """Text without tags and entities, whitespace collapsed to single spaces."""
    return " ".join(strip_tags(text).split())
