"""content_guard: clean raw HTML, and stop the build on spam, duplicate addresses,
broken links, unknown categories, oversized files, files under content/ nothing read; warn on
dates far in the future."""

from __future__ import annotations

from pelican import signals

from . import (
    categories,
    duplicates,
    feeds,
    future,
    links,
    notes,
    sanitize,
    size,
    spam,
    static_files,
    unread,
)


def register() -> None:
    signals.initialized.connect(notes.install)
    signals.content_object_init.connect(sanitize.clean_content)
    signals.feed_generated.connect(feeds.plain_feed_texts)
    for check in (
        size.check,
        spam.check,
        spam.check_more,
        static_files.check,
        duplicates.check,
        links.check,
        categories.check,
        future.check,
        unread.check,
    ):
        signals.all_generators_finalized.connect(check)
