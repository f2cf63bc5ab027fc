"""redirects: `alamat_lama:` in front matter keeps old addresses working."""

from pelican import signals

from .generator import RedirectGenerator


def _generator(_pelican):
    return RedirectGenerator


def register():
    signals.get_generators.connect(_generator)
