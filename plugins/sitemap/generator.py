"""Writes robots.txt (unless the site publishes its own) and, once every page is
written, sitemap.xml: both through Pelican's Writer, both declared for the output plan."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from wartadesa.parallel import Text, wait_for_writers

from . import collect
from .render import render_robots, render_sitemap, site_base

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.writers import Writer

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def own_robots(context: Mapping[str, Any]) -> bool:
    """True when a static file of the site (content/extra/robots.txt, published at the
    root through EXTRA_PATH_METADATA) is the robots.txt."""
    return any(getattr(s, "save_as", None) == ROBOTS for s in context.get("staticfiles") or [])


class SitemapGenerator(Generator):
    def generate_context(self) -> None:
        self.collector = collect.start(self.settings)

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        """For content_guard's output plan (all static files are known by then)."""
        yield SITEMAP, "sitemap.xml situs", "", 1, ""
        if not own_robots(self.context):
            yield ROBOTS, "robots.txt situs", "", 1, ""

    def generate_output(self, writer: Writer) -> None:
        # The static files are known (every generate_context ran before any output), so
        # a site's own robots.txt wins; sitemap.xml waits for `finalized`.
        self.collector.writer = writer  # the build's own Writer, for sitemap.xml
        if not own_robots(self.context):
            writer.write_file(ROBOTS, Text(render_robots(site_base(self.settings))), self.context)


def write_sitemap(pelican: Pelican) -> None:
    """finalized: every page is written; sitemap.xml lists them."""
    # Pages rendered in other processes are on disk, and in the collector (wartadesa.parallel).
    wait_for_writers()
    collector = collect.finish()
    if collector is None or collector.settings is not pelican.settings or not collector.writer:
        return
    text = render_sitemap(collector.entries(), site_base(pelican.settings))
    collector.writer.write_file(SITEMAP, Text(text), {})
