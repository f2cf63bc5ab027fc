"""article_extras: reading time, cover images, related and previous/next
articles, JSON-LD helpers for the theme, sitemap.xml and robots.txt."""

from pelican import signals

from .extras import add_template_helpers, link_articles, prepare_content
from .sitemap import SitemapGenerator


def add_generator(pelican):
    return SitemapGenerator


def register():
    signals.content_object_init.connect(prepare_content)
    signals.all_generators_finalized.connect(link_articles)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(add_generator)
