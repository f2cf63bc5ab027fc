"""GitHub Pages' files at the root of the published site, written by a generator through
Pelican's Writer and declared for the output plan: `.nojekyll` (no Jekyll processing) and
`CNAME` (the site's own domain, CUSTOM_DOMAIN). Only in production (GITHUB_PAGES, set by
publishconf.py). A site that publishes its own `content/extra/CNAME` (Pelican's way:
EXTRA_PATH_METADATA puts it at the root) keeps that file: then no CNAME is written."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from wartadesa.parallel import Text

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.writers import Writer

NOJEKYLL = ".nojekyll"
CNAME = "CNAME"


def published_by_site(context: Mapping[str, Any], name: str) -> bool:
    """True when a static file of the site is published as `name`."""
    return any(getattr(s, "save_as", None) == name for s in context.get("staticfiles") or [])


def hosting_files(settings: Mapping[str, Any], context: Mapping[str, Any]) -> list[tuple]:
    """(file name, text) of the files GitHub Pages needs from this build."""
    if not settings.get("GITHUB_PAGES"):
        return []
    files = [(NOJEKYLL, "")]
    domain = (settings.get("CUSTOM_DOMAIN") or "").strip()
    if domain and not published_by_site(context, CNAME):
        files.append((CNAME, domain + "\n"))
    return files


class HostingGenerator(Generator):
    def generate_context(self) -> None:
        pass

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        for name, _text in hosting_files(self.settings, self.context):
            yield name, f"{name} GitHub Pages", "", 1, ""

    def generate_output(self, writer: Writer) -> None:
        for name, text in hosting_files(self.settings, self.context):
            writer.write_file(name, Text(text), self.context)


def get_generators(_pelican: Pelican) -> type[Generator]:
    return HostingGenerator
