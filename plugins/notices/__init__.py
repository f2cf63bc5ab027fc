"""notices: the village notice board beside the news: pengumuman (notices) and agenda
(events, with iCalendar files), and the home page portal blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pelican import signals

from . import feeds, portal
from .events import EventsGenerator
from .notices import NoticesGenerator

if TYPE_CHECKING:
    from pelican.generators import Generator


def get_generators(_pelican: object) -> list[type[Generator]]:
    return [NoticesGenerator, EventsGenerator]


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(finalize)
    signals.feed_generated.connect(feeds.board_entries)
    signals.finalized.connect(feeds.forget)


def finalize(generators: Sequence[Generator]) -> None:
    for generator in generators:
        if isinstance(generator, EventsGenerator):
            generator.after_tagging()
    portal.add_to_context(generators)
