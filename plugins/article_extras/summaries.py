"""Summaries shown next to the body or next to other summaries carry no ids.

An automatic summary is the start of the body: printed as the lead paragraph above
the body (or several on a list page), its ids (`isi-…`, footnotes `fn:1`) would appear
twice on one page, and links to them would be ambiguous."""

from __future__ import annotations

import re

from markupsafe import Markup

ID_ATTRIBUTE = re.compile(r"""(<[a-zA-Z][^<>]*?)\s+id\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


def without_ids(html: str | None) -> str:
    """`html` without id attributes; trusted (Markup) input stays trusted."""
    text = str(html or "")
    previous = None
    while previous != text:  # several ids in one tag
        previous, text = text, ID_ATTRIBUTE.sub(r"\1", text)
    return Markup(text) if isinstance(html, Markup) else text
