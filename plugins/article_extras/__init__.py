"""article_extras: reading time, cover images, related and previous/next
articles, JSON-LD helpers for the theme, the date of an empty feed (sitemap.xml: plugin
sitemap)."""

from __future__ import annotations

from pelican import signals

from .extras import add_template_helpers, link_articles, prepare_content
from .feeds import date_empty_feed
from .fragments import forget_rendered


def register() -> None:
    signals.content_object_init.connect(prepare_content)
    signals.all_generators_finalized.connect(link_articles)
    signals.generator_init.connect(add_template_helpers)
    signals.feed_generated.connect(date_empty_feed)
    signals.article_writer_finalized.connect(forget_rendered)
    signals.page_writer_finalized.connect(forget_rendered)
