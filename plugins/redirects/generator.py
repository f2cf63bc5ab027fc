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
        listed = {}  # output path, case folded -> (the value written for it, the path)
        for value in values:
            try:
                path = address_path(value)
            except BadAddress as problem:
                report(ContentError(content.source_path, line, str(problem), HINT))
                continue
            target = posixpath.normpath(save_as(path))
            kind = "berita" if isinstance(content, Article) else "halaman"
            if own and target != own and target.casefold() == own.casefold():
                # One file on Windows and Mac: a preview or a build there would replace
                # the content with a redirect to itself.
                report(
                    ContentError(
                        content.source_path,
                        line,
                        f"alamat lama '{value}' hanya berbeda huruf besar/kecil dari alamat "
                        f"{kind} ini sendiri, /{content.url} (old address differs from "
                        "the current address only in case)",
                        "hapus alamat itu dari alamat_lama: di Windows dan Mac keduanya satu "
                        f"berkas, sehingga halaman pengalih akan menimpa {kind} ini",
                    )
                )
                continue
            if target == own:
                # Not a clash with another file (content_guard's "juga dipakai oleh"): the
                # page would replace the content itself with a redirect to itself.
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
            first = listed.get(target.casefold())  # (value, target) written before
            if first:  # twice in one list, also in another case (one file on Windows and
                # Mac): not another file's
                report(
                    ContentError(
                        content.source_path,
                        line,
                        f"alamat lama '{value}' ditulis dua kali di alamat_lama (listed twice)",
                        "hapus salah satunya"
                        + ("" if first[0] == value else f": '{first[0]}' adalah alamat yang sama")
                        + (
                            ""
                            if first[1] == target
                            else " di Windows dan Mac (hanya berbeda huruf besar/kecil)"
                        ),
                    )
                )
                continue
            listed[target.casefold()] = (value, target)
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
