"""What was read, for every plugin: all articles and pages, and their plain text.

Part of the content core (front_matter): plugins list content and strip tags here
instead of each keeping its own copy."""

import html
import re
from collections.abc import Mapping, Sequence

import nh3

# Context entries of Pelican's article and page generators (every status); their
# translations hang on each item (`item.translations`).
ARTICLE_KEYS = ("articles", "hidden_articles", "drafts")
PAGE_KEYS = ("pages", "hidden_pages", "draft_pages")
# A tag as a browser reads one: `<` then a letter, `/`, `!` or `?`. `<5 tahun` and `a < b`
# are text, so text already made plain (entities decoded) keeps them when made plain again.
TAG = re.compile(r"<(?:/?[A-Za-z][^>]*|!--.*?--|[!?][^>]*)>", re.S)
# The element names a browser knows. In a title or caption `<` starts markup only before
# one of them: `<5 tahun`, `<Penting>`, `<Binangun>` are the operator's own brackets and
# stay text (read as markup they vanished, with the words between, from the page, the
# address and the feeds).
HTML_ELEMENTS = (
    set(nh3.ALLOWED_TAGS)
    | {"applet", "audio", "base", "basefont", "bgsound", "blink", "body", "button", "canvas"}
    | {"dialog", "embed", "fieldset", "font", "form", "frame", "frameset", "head", "html"}
    | {"iframe", "image", "input", "isindex", "keygen", "label", "legend", "link", "listing"}
    | {"marquee", "math", "menu", "meta", "meter", "nextid", "nobr", "noembed", "noframes"}
    | {"noscript", "object", "optgroup", "option", "output", "param", "picture", "plaintext"}
    | {"portal", "progress", "script", "search", "select", "slot", "source", "style", "svg"}
    | {"template", "textarea", "title", "track", "video", "xmp"}
)
ELEMENT_NAME = r"/?(?:" + "|".join(sorted(HTML_ELEMENTS, key=len, reverse=True)) + r")(?![\w-])"
TEXT_BRACKET = re.compile(r"<(?!" + ELEMENT_NAME + ")", re.IGNORECASE)


def text_brackets(value: str) -> str:
    """`value` (a title: HTML with inline formatting) with every `<` that starts no
    element written `&lt;`: 'Balita <5 Tahun' -> 'Balita &lt;5 Tahun'."""
    return TEXT_BRACKET.sub("&lt;", value)


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


def automatic_summary(html_text: str | None, settings: Mapping) -> str:
    """Pelican's automatic summary of `html_text` (Content.get_summary, same settings: the
    first SUMMARY_MAX_PARAGRAPHS paragraphs, SUMMARY_MAX_LENGTH words, no table of
    contents), for a body a plugin has taken something out of first."""
    from pelican.utils import (
        strip_toc_elements_from_html,
        truncate_html_paragraphs,
        truncate_html_words,
    )

    content = html_text or ""
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        content = truncate_html_paragraphs(content, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is not None:
        content = truncate_html_words(
            content, settings["SUMMARY_MAX_LENGTH"], settings.get("SUMMARY_END_SUFFIX", "…")
        )
    return strip_toc_elements_from_html(content)


def entry_url(link: str, context: Mapping) -> str:
    """A feed entry's link as its item's `url`: Pelican joins SITEURL and the url, and adds
    `?ref=feed` with FEED_APPEND_REF; a preview's links are made absolute with FEED_DOMAIN
    (article_extras.feeds.absolute_in_preview)."""
    link = link.removesuffix("?ref=feed")
    for key in ("SITEURL", "FEED_DOMAIN"):
        site = str(context.get(key) or "").rstrip("/")
        if site and link.startswith(site + "/"):
            return link[len(site) + 1 :]
    return link.lstrip("/")


class FeedItems:
    """The content item behind each entry of a feed, for `feed_generated` receivers:
    {url: item} of the context's lists `keys` (and their translations, with
    `translations`), made once per build (a feed is written for every village, region and
    category) and again only when one of the lists is another object; `forget` (at
    `finalized`) lets a live preview's last build go."""

    def __init__(self, keys: Sequence[str], translations: bool = False) -> None:
        self.keys = tuple(keys)
        self.translations = translations
        self._lists: tuple | None = None
        self._items: dict = {}

    def items(self, context: Mapping) -> dict:
        # The lists themselves (None when missing), not `or []`: a new empty list each
        # call made every feed of a site without albums build the whole mapping again.
        lists = tuple(context.get(key) for key in self.keys)
        if self._lists is None or any(a is not b for a, b in zip(self._lists, lists, strict=True)):
            found = [item for items in lists for item in items or ()]
            if self.translations:
                found += [t for item in found for t in getattr(item, "translations", None) or ()]
            self._lists = lists
            self._items = {item.url: item for item in found if getattr(item, "url", None)}
        return self._items

    def of(self, entry: Mapping, context: Mapping):
        """The item of a feed entry, or None."""
        return self.items(context).get(entry_url(entry["link"], context))

    def forget(self) -> None:
        self._lists, self._items = None, {}
