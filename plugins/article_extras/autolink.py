"""A web address written as plain text in an article is a link (Markdown links only
addresses written `<https://…>` or `[teks](https://…)`; operators paste them bare, and a
reader on a phone could not tap them).

Only `http://` and `https://` addresses, outside links, code and raw HTML (Python-Markdown
gives those patterns no text to see). Punctuation that ends the sentence is not part of the
address: `https://desa.id/a.` links `https://desa.id/a`, and a closing `)` only when the
address opened none (`(lihat https://desa.id/a)`). What is linked goes through the same
cleaning and checks as any link (content_guard: sanitize, spam, links)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from markdown import Extension
from markdown.inlinepatterns import InlineProcessor

from front_matter.reader import add_markdown_extension as add_extension

if TYPE_CHECKING:
    from markdown import Markdown
    from pelican import Pelican

NAME = "article_extras.autolink"
# Not after a letter, a digit, `/`, a quote, `=`, `<` or `(`… that would make it part of
# something else; up to a space, a quote or an angle bracket.
ADDRESS = r"(?<![\w/\"'=<\[@])(https?://[^\s<>\"'\[\]`\x02\x03]+)"
TRAILING = ".,;:!?*_~"


def address_end(address: str) -> int:
    """The length of `address` without the punctuation that follows it in the sentence."""
    end = len(address)
    while end:
        last = address[end - 1]
        unopened = last == ")" and address.count("(", 0, end) < address.count(")", 0, end)
        if last not in TRAILING and not unopened:
            break
        end -= 1
    return end


class BareAddress(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)
    # Every match holds it: text without it is passed over (wartadesa.markdown_inline).
    NEEDS = ("http",)

    def handleMatch(self, m: re.Match, data: str) -> tuple[Any, int, int]:  # noqa: N802 - Markdown's API
        address = m.group(1)
        end = address_end(address)
        if end <= len("https://"):
            return None, None, None
        link = etree.Element("a")
        link.set("href", address[:end])
        link.text = address[:end]
        return link, m.start(1), m.start(1) + end


class AutolinkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        # After Markdown's own links (`[t](u)` 160, `<u>` 120) and raw inline HTML (90: an
        # address in an attribute, `alt="dari https://…"`, stays as written), before
        # emphasis (`_`, `*`: 60, 50). `\x02…\x03` (Markdown's placeholders, a code span
        # after the address) ends it.
        md.inlinePatterns.register(BareAddress(ADDRESS, md), "bare_address", 85)


def makeExtension(**kwargs: Any) -> AutolinkExtension:  # noqa: N802 - Markdown's entry point
    return AutolinkExtension(**kwargs)


def add_markdown_extension(pelican: Pelican) -> None:
    """initialized: into MARKDOWN, for every reader."""
    add_extension(pelican.settings, NAME)
