"""sitemap: sitemap.xml of every page the build writes, and a default robots.txt."""

from __future__ import annotations

from pelican import signals

from wartadesa.parallel import share_while_writing

from .collect import collect_page, merge_pages, share_pages
from .generator import SitemapGenerator, write_sitemap


def _generator(_pelican):
    return SitemapGenerator


def register() -> None:
    signals.get_generators.connect(_generator)
    signals.content_written.connect(collect_page)
    share_while_writing("sitemap pages", share_pages, merge_pages)
    signals.finalized.connect(write_sitemap)
