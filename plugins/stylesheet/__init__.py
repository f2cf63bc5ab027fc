"""stylesheet: the theme's readable stylesheet is served minified."""

from pelican import signals

from .assets import minify_outputs


def register():
    signals.finalized.connect(minify_outputs)
