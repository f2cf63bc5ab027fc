"""search: the search page `cari/` and the static Pagefind index of articles and pages."""

from __future__ import annotations

from pelican import signals

from .page import SearchPageGenerator, add_template_helpers
from .shards import note_sources


def _generator(_pelican):
    return SearchPageGenerator


def register() -> None:
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(_generator)
    signals.all_generators_finalized.connect(note_sources)
