"""indonesian: Jinja filters for Indonesian dates (tanggal, jam, tanggal_jam, ...)."""

from pelican import signals

from .dates import FILTERS


def add_filters(generator):
    generator.env.filters.update(FILTERS)


def register():
    signals.generator_init.connect(add_filters)
