"""redirects: `alamat_lama:` in front matter keeps old addresses working."""

from __future__ import annotations

from pelican import signals

from .generator import RedirectGenerator


def _generator(_pelican):
    return RedirectGenerator


def register() -> None:
    signals.get_generators.connect(_generator)
