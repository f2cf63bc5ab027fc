"""Automatic summaries never contain a player.

Pelican's automatic summary is the first SUMMARY_MAX_LENGTH words of the content, players
included: lists and the lead paragraph would show posters. For articles and pages with
a body video and no summary written by the operator, the summary is made the same way
from the content without the players. Run once the content is final (after every
content_object_init handler, e.g. HTML cleaning), before links are resolved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from front_matter.contents import ARTICLE_KEYS, PAGE_KEYS, all_contents
from front_matter.contents import automatic_summary as summary_of

if TYPE_CHECKING:
    from pelican.generators import Generator

PLAYER = re.compile(r'<figure\b[^>]*\sdata-video="[^"]*"[^>]*>.*?</figure>\s*', re.DOTALL)
FLAG = "_youtube_auto_summary"  # set by content.py on items that need it


def without_players(html: str | None) -> str:
    return PLAYER.sub("", html or "")


def automatic_summary(html: str | None, settings: Mapping[str, Any]) -> str:
    """Pelican's automatic summary of `html` (same settings), without the players."""
    return summary_of(without_players(html), settings)


def summarize_without_players(generator: Generator) -> None:
    """article_generator_finalized / page_generator_finalized."""
    keys = ARTICLE_KEYS if hasattr(generator, "articles") else PAGE_KEYS
    for item in all_contents(generator.context, keys):
        # Not when article_extras made it already (text only: players are left out too).
        if getattr(item, FLAG, False) and "summary" not in item.metadata:
            summary = automatic_summary(item._content, item.settings)
            item.metadata["summary"] = summary
            item._summary = summary
