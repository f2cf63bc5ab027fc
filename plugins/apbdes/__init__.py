"""apbdes: the village budget (APBDes) per year from content/data/apbdes/<tahun>.yml
(and content/data/desa/<slug>/apbdes/ on a portal): pages with inline SVG bar charts,
tables and a shareable summary picture."""

from pelican import signals

from .generator import ApbdesGenerator
from .money import percent, rupiah, rupiah_short


def get_generators(_pelican):
    return ApbdesGenerator


def add_filters(generator):
    """generator_init: the theme's Rupiah filters (apbdes.html, a village's page)."""
    generator.env.filters.update(
        rupiah=rupiah, rupiah_singkat=rupiah_short,
        persen=lambda part, whole: percent(part, whole),
    )


def register():
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
