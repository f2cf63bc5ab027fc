"""Wide tables scroll inside their own box instead of widening the page."""

from __future__ import annotations

import re

from markupsafe import Markup

TABLE = re.compile(r"<table\b.*?</table>", re.IGNORECASE | re.DOTALL)
WRAPPER = '<div class="table" role="region" aria-label="Tabel" tabindex="0">'


def wrap_tables(html: str | None) -> str:
    """Wrap every <table> in a focusable, labelled, scrollable box (keyboard users
    can scroll it; screen readers announce it as "Tabel"). Trusted HTML (marked
    `|safe` in the template) stays trusted; anything else is escaped by Jinja."""
    wrapped = TABLE.sub(lambda match: f"{WRAPPER}{match.group(0)}</div>", str(html or ""))
    return Markup(wrapped) if isinstance(html, Markup) else wrapped
