"""The site-owned `overrides/` folder beside `content/`.

    overrides/templates/partials/footer.html   replaces the theme's footer
    overrides/static/custom.css                 linked after the theme's style.css

Templates there take precedence over the theme's (Pelican's THEME_TEMPLATES_OVERRIDES);
files under overrides/static/ are copied on top of the theme's static files (output
folder theme/). The kit's files are never edited, so `invoke upgrade` can replace them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

CUSTOM_CSS = "custom.css"


def overrides_folder(settings: Mapping[str, Any]) -> Path:
    folder = settings.get("SITE_OVERRIDES", "overrides")
    return Path(settings["PATH"]).parent / folder


def apply_overrides(settings: dict[str, Any]) -> None:
    folder = overrides_folder(settings)
    templates = folder / "templates"
    if templates.is_dir():
        current = [str(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or []]
        if str(templates) not in current:
            settings["THEME_TEMPLATES_OVERRIDES"] = [str(templates), *current]
    static = folder / "static"
    if static.is_dir():
        paths = list(settings.get("THEME_STATIC_PATHS") or ["static"])
        if str(static) not in paths:
            # An absolute path: Pelican joins it to the theme folder, which keeps it as is.
            settings["THEME_STATIC_PATHS"] = [*paths, str(static)]
        if (static / CUSTOM_CSS).is_file():
            settings["SITE_CSS"] = f"{settings.get('THEME_STATIC_DIR', 'theme')}/{CUSTOM_CSS}"
