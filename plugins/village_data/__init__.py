"""village_data: the village's profile, officials, public documents and IDM from YAML
data files (content/data/), as pages and on the village pages (see README.md)."""

from __future__ import annotations

from pelican import signals

from .generator import VillageDataGenerator


def get_generators(_pelican: object) -> type[VillageDataGenerator]:
    return VillageDataGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
