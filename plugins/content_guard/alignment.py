"""Table cell alignment as classes, not inline styles.

Markdown writes `| --: |` columns as `<td style="text-align: right;">`; the page's
Content-Security-Policy (`style-src 'self'`) blocks inline styles, so the alignment
was lost with a console error. Cells get `class="align-right"` (styled in the theme's
stylesheet) instead; `align="right"` (old HTML) is converted the same way.
"""

from __future__ import annotations

import re

CELL = re.compile(r"<(t[hd])\b([^>]*)>", re.IGNORECASE)
STYLE_ALIGN = re.compile(
    r"""\sstyle\s*=\s*(["'])\s*text-align\s*:\s*(left|right|center)\s*;?\s*\1""", re.IGNORECASE
)
ALIGN = re.compile(r"""\salign\s*=\s*(["']?)(left|right|center)\1""", re.IGNORECASE)
CLASS = re.compile(r"""\sclass\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
CLASSES = {"align-left", "align-center", "align-right"}


def _cell(match):
    tag, attributes = match.group(1), match.group(2)
    side = None
    for pattern in (STYLE_ALIGN, ALIGN):
        found = pattern.search(attributes)
        if found:
            side = found.group(2).lower()
            attributes = pattern.sub("", attributes, count=1)
    if side is None:
        return match.group(0)
    existing = CLASS.search(attributes)
    if existing:
        classes = f"{existing.group(2)} align-{side}".strip()
        attributes = CLASS.sub(f' class="{classes}"', attributes, count=1)
    else:
        attributes = f' class="align-{side}"' + attributes
    return f"<{tag}{attributes}>"


def align_with_classes(html: str | None) -> str | None:
    """`html` with table cell alignment written as align-* classes."""
    return CELL.sub(_cell, html) if html and "<t" in html.lower() else html
