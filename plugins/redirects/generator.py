"""A generator that writes one small redirect page at each old address of an article
or page, pointing to where it lives now (never listed in the sitemap or feeds)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pelican.contents import Article
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
        own = posixpath.normpath(content.save_as) if getattr(content, "save_as", "") else None
        listed = {}  # output path -> the value first written for it
        for value in values:
            try:
                path = address_path(value)
            except BadAddress as problem:
                report(ContentError(content.source_path, line, str(problem), HINT))
                continue
            target = posixpath.normpath(save_as(path))
            if target == own:
                # Not a clash with another file (content_guard's "juga dipakai oleh"): the
                # page would replace the content itself with a redirect to itself.
                kind = "berita" if isinstance(content, Article) else "halaman"
                report(
                    ContentError(
                        content.source_path,
                        line,
                        f"alamat lama '{value}' adalah alamat {kind} ini sendiri saat ini "
                        "(old address is the current address)",
                        "hapus alamat itu dari alamat_lama: di sana hanya alamat yang dulu "
                        f"dipakai {kind} ini",
                    )
                )
                continue
            if target in listed:  # the same address twice in one list: not another file's
                report(
                    ContentError(
                        content.source_path,
                        line,
                        f"alamat lama '{value}' ditulis dua kali di alamat_lama (listed twice)",
                        "hapus salah satunya"
                        + (
                            ""
                            if listed[target] == value
                            else f": '{listed[target]}' adalah alamat yang sama"
                        ),
                    )
                )
                continue
            listed[target] = value
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
