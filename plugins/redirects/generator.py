"""A generator that writes one small redirect page at each old address of an article
or page, pointing to where it lives now (never listed in the sitemap or feeds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pelican.generators import Generator

from front_matter.errors import ContentError, report
from front_matter.source import meta_line

from .addresses import HINT, BadAddress, address_path, save_as

if TYPE_CHECKING:
    from pelican.writers import Writer


class RedirectGenerator(Generator):
    def generate_context(self) -> None:
        self.redirects = []  # (save_as, target content)
        contents = [
            *self.context.get("articles", []),
            *self.context.get("pages", []),
            *self.context.get("hidden_pages", []),
        ]
        for content in contents:
            self._collect(content)

    def _collect(self, content):
        values = getattr(content, "old_addresses", None) or []
        line = meta_line(content, "old_addresses")
        for value in values:
            try:
                path = address_path(value)
            except BadAddress as problem:
                report(ContentError(content.source_path, line, str(problem), HINT))
                continue
            self.redirects.append((save_as(path), content, line))

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int | None, str]]:
        """For content_guard's one check of every output path (a redirect on an address
        the site or another redirect uses is an error at the alamat_lama line)."""
        for target, content, line in self.redirects:
            yield (
                target,
                f"alamat lama (alamat_lama) dari {content.source_path}",
                content.source_path,
                line,
                "hapus alamat itu dari alamat_lama",
            )

    def generate_output(self, writer: Writer) -> None:
        template = self.get_template("redirect")
        for target, content, _line in self.redirects:
            writer.write_file(
                target,
                template,
                self.context,
                content=content,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
