"""editor: the web editor (Sveltia CMS) at admin/, its configuration made from the schema."""

from __future__ import annotations

from pelican import signals

from .generator import EditorGenerator


def _generator(_pelican):
    return EditorGenerator


def register() -> None:
    signals.get_generators.connect(_generator)
