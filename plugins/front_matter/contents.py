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
