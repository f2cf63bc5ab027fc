"""The guard rails' settings and their defaults (override them in pelicanconf.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS = {
    # Raw HTML in Markdown is cleaned (nh3) unless the site trusts its authors on purpose.
    "TRUSTED_HTML": False,
    # The site's fixed list of categories; empty: any category is accepted.
    "CATEGORIES": [],
    # A date more than this many days ahead of now gets a warning.
    "FUTURE_DATE_WARNING_DAYS": 1,
    # A content file bigger than this (kilobytes) is refused: usually pasted junk.
    "MAX_CONTENT_SIZE_KB": 512,
    # Content files (relative to the content folder) whose text may discuss gambling,
    # e.g. news about a campaign against judi online. Links and hidden text stay errors.
    "SPAM_ALLOWED_FILES": [],
}


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """The value of one guard-rail setting, falling back to its default."""
    return settings.get(name, DEFAULTS[name])
