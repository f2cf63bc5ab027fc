"""villages: official village/region codes, village and region pages, per-village feeds."""

from pelican import signals

from .generator import VillagesGenerator


def get_generators(_pelican):
    return VillagesGenerator


def register():
    signals.get_generators.connect(get_generators)
