"""youtube: paste a YouTube address alone on its line, get a fast, private player."""

from __future__ import annotations

from pelican import signals

from .content import add_video_attributes
from .feeds import add_front_matter_videos, forget_videos
from .settings import add_markdown_extension
from .summary import summarize_without_players


def register() -> None:
    signals.initialized.connect(add_markdown_extension)
    signals.content_object_init.connect(add_video_attributes)
    signals.article_generator_finalized.connect(summarize_without_players)
    signals.page_generator_finalized.connect(summarize_without_players)
    signals.feed_generated.connect(add_front_matter_videos)
    signals.finalized.connect(forget_videos)
