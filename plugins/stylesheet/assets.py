"""Minify the theme's stylesheet in the output, once Pelican has copied it.

Pelican copies the theme's static files last (StaticGenerator.generate_output, no signal
after it but `finalized`). The minified text replaces the copy in place; minifying is
deterministic and minifying minified CSS changes nothing, so a file Pelican skipped
copying (unchanged since the last build) stays right."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .minify import minify

if TYPE_CHECKING:
    from pelican import Pelican


def minify_outputs(pelican: Pelican) -> None:
    """finalized: every file of MINIFY_CSS (paths in the output folder) minified."""
    for name in pelican.settings.get("MINIFY_CSS") or []:
        path = os.path.join(pelican.output_path, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        minified = minify(text)
        if minified != text:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(minified)
