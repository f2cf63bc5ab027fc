"""Wide tables scroll inside their own box instead of widening the page."""

from __future__ import annotations

import html as html_text
import re

from markupsafe import Markup, escape

TABLE = re.compile(r"<table\b.*?</table>", re.IGNORECASE | re.DOTALL)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
WRAPPER = '<div class="table" role="region" aria-label="{}" tabindex="0">'


def _label(table: str, number: int, count: int) -> str:
    """What a screen reader announces for the box: "Tabel: " and the table's caption,
    else "Tabel", numbered when the page has several ("Tabel 2"): one name for every
    box told a listener nothing about which one they were in."""
    caption = CAPTION.search(table)
    text = " ".join(html_text.unescape(TAG.sub(" ", caption.group(1))).split()) if caption else ""
    if text:
        return f"Tabel: {text}"
    return "Tabel" if count == 1 else f"Tabel {number}"


def wrap_tables(html: str | None) -> str:
    """Wrap every <table> in a focusable, labelled, scrollable box (keyboard users
    can scroll it; screen readers announce it by `_label`). Trusted HTML (marked
    `|safe` in the template) stays trusted; anything else is escaped by Jinja."""
    text = str(html or "")
    count = len(TABLE.findall(text))
    numbers = iter(range(1, count + 1))

    def wrapped(match: re.Match) -> str:
        label = escape(_label(match.group(0), next(numbers), count))
        return f"{WRAPPER.format(label)}{match.group(0)}</div>"

    result = TABLE.sub(wrapped, text)
    return Markup(result) if isinstance(html, Markup) else result
