"""apbdes: the village budget (APBDes) per year from content/data/apbdes/<tahun>.yml
(and content/data/desa/<slug>/apbdes/ on a portal): pages with inline SVG bar charts,
tables and a shareable summary picture. The theme's Rupiah filters are the kit's
(wartadesa/rupiah.py, in JINJA_FILTERS)."""

from __future__ import annotations

from pelican import signals

from .generator import ApbdesGenerator


def get_generators(_pelican: object) -> type[ApbdesGenerator]:
    return ApbdesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
