"""stylesheet: the theme's readable stylesheet is served minified."""

from __future__ import annotations

from pelican import signals

from .assets import minify_outputs


def register() -> None:
    signals.finalized.connect(minify_outputs)
