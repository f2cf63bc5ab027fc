"""Pengumuman: each notice at NOTICE_SAVE_AS, the list at NOTICES_SAVE_AS (current ones
first, pinned first among them, then newest; expired ones after them, marked), and the notice feeds (NOTICE_FEED_ATOM/RSS)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from wartadesa.dates import build_day

from .contents import Notice
from .reading import read_all, source_files

if TYPE_CHECKING:
    from pelican.writers import Writer


def board_order(notices: Iterable[Notice]) -> list[Notice]:
    """Current before expired; pinned (penting) first among the current ones, then the
    newest first (an expired notice is no longer important: it follows every current one)."""
    newest = sorted(notices, key=lambda n: (n.date, n.slug), reverse=True)
    return sorted(newest, key=lambda n: (n.expired, not n.pinned or n.expired))


class NoticesGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices = []  # published, board order
        self.hidden_notices = []

    def source_files(self) -> list[str]:
        """Every file read from the type's folders, drafts included (content_guard.unread)."""
        return source_files(self)

    def generate_context(self) -> None:
        day = build_day(self.settings)
        items = read_all(self, Notice)
        for item in items:
            item.expired = item.expired_on(day)
        self.notices = board_order([n for n in items if n.status == "published"])
        self.hidden_notices = [n for n in items if n.status == "hidden"]
        self.context["notices"] = self.notices
        self.context["hidden_notices"] = self.hidden_notices
        self.context["current_notices"] = [n for n in self.notices if not n.expired]

    def _feeds(self):
        """No feed without a published notice (an empty feed's date would be the build
        time: two builds would differ)."""
        for setting, kind in (("NOTICE_FEED_ATOM", "atom"), ("NOTICE_FEED_RSS", "rss")):
            if self.settings.get(setting) and self.notices:
                yield self.settings[setting], kind

    def all_contents(self) -> list[Notice]:
        """For content_guard and privacy_guard: every item written (their checks, and
        their pages in the output plan)."""
        return [*self.notices, *self.hidden_notices]

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        """The list and feeds (the notices' own pages are in the plan through
        all_contents(), like articles)."""
        if self.settings.get("NOTICES_SAVE_AS"):
            yield self.settings["NOTICES_SAVE_AS"], "daftar pengumuman", "", 1, ""
        for path, _kind in self._feeds():
            yield path, "feed pengumuman", "", 1, ""

    def generate_output(self, writer: Writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for item in [*self.notices, *self.hidden_notices]:
            write(
                item.save_as,
                self.get_template(item.template),
                self.context,
                notice=item,
                url=item.url,
                template_name="notice",
            )
        save_as = self.settings.get("NOTICES_SAVE_AS")
        if save_as:
            write(
                save_as,
                self.get_template("notices"),
                self.context,
                url=self.settings.get("NOTICES_URL"),
                template_name="notices",
                page_name=save_as.rsplit(".", 1)[0],
                # plugin sitemap: the list changes with its newest notice
                last_modified=max((n.published_date for n in self.notices), default=None),
            )
        newest = sorted(self.notices, key=lambda n: (n.date, n.slug), reverse=True)
        # The feeds link to the list they mirror (plugin article_extras: FEED_PAGE_URL is
        # their <link> and Atom <id>), as a village's feeds link to its page.
        context = self.context
        if save_as and self.settings.get("NOTICES_URL") is not None:
            context = {**self.context, "FEED_PAGE_URL": self.settings["NOTICES_URL"]}
        for path, kind in self._feeds():
            writer.write_feed(newest, context, path, path, feed_type=kind, feed_title="Pengumuman")
