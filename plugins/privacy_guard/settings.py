"""The privacy guard's settings and their defaults (override them in pelicanconf.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS = {
    # Glob patterns (relative to the content folder) of files published on purpose with
    # personal data, e.g. ["files/sk-kades-2024.pdf"]: nothing in them is checked.
    "PRIVACY_ALLOWED_FILES": [],
    # Mobile numbers that may appear next to a name (official contacts), e.g.
    # ["0812-3456-7890"]. The site's CONTACT_* settings are always allowed.
    "PRIVACY_ALLOWED_PHONES": [],
    # False: warnings about phone numbers, birth dates and addresses are not given
    # (identity numbers and GPS positions stay errors).
    "PRIVACY_WARNINGS": True,
    # At most this many identity-number errors per file (then one line with the rest).
    "PRIVACY_MAX_ERRORS_PER_FILE": 20,
}


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """The value of one privacy setting, falling back to its default."""
    return settings.get(name, DEFAULTS[name])
