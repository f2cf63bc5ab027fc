"""article_extras: reading time, cover images, related and previous/next
articles, the archive's year links, JSON-LD helpers for the theme, every feed's language
and page and the date of an empty feed (sitemap.xml: plugin sitemap), and web addresses
written as plain text made links, links from the site's root resolved under each page's
address, lists typed as on a phone read as lists, and the
articles' cards made before the writing (on two cores, while the checks run)."""

from __future__ import annotations

from pelican import signals

from wartadesa.read_objects import content_restored
from wartadesa.split_checks import shared_before_writing

from .archive import note_archive_years, paginate_archives
from .autolink import add_markdown_extension
from .cards_ahead import make_cards_ahead
from .extras import add_template_helpers, link_articles, prepare_content
from .feeds import (
    absolute_in_preview,
    cover_first,
    date_empty_feed,
    forget_items,
    guid_not_a_link,
    language_and_page,
)
from .fragments import forget_rendered
from .site_links import resolve_root_links
from .summaries import note_written_summary, text_only_summaries
from .typed_lists import add_markdown_extension as add_typed_lists


def register() -> None:
    signals.initialized.connect(paginate_archives)
    signals.initialized.connect(add_markdown_extension)
    signals.initialized.connect(add_typed_lists)
    signals.content_object_init.connect(prepare_content)
    signals.content_object_init.connect(note_written_summary)
    signals.content_object_init.connect(resolve_root_links)
    content_restored.connect(resolve_root_links)
    signals.article_generator_finalized.connect(text_only_summaries)
    signals.page_generator_finalized.connect(text_only_summaries)
    signals.article_generator_finalized.connect(note_archive_years)
    signals.all_generators_finalized.connect(link_articles)
    signals.generator_init.connect(add_template_helpers)
    shared_before_writing.connect(make_cards_ahead)  # on two cores while the checks run
    signals.feed_generated.connect(date_empty_feed)
    signals.feed_generated.connect(language_and_page)
    signals.feed_generated.connect(cover_first)
    signals.feed_generated.connect(guid_not_a_link)
    signals.feed_generated.connect(absolute_in_preview)  # last: the others read the links
    signals.finalized.connect(forget_rendered)
    signals.finalized.connect(forget_items)
