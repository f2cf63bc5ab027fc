"""notices: the village notice board beside the news: pengumuman (notices) and agenda
(events, with iCalendar files), and the home page portal blocks."""

from pelican import signals

from . import portal
from .events import EventsGenerator
from .notices import NoticesGenerator


def get_generators(_pelican):
    return [NoticesGenerator, EventsGenerator]


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(finalize)


def finalize(generators):
    for generator in generators:
        if isinstance(generator, EventsGenerator):
            generator.after_tagging()
    portal.add_to_context(generators)
