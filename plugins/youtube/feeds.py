"""Feeds: an entry whose article has a front matter video starts with its poster link.

Body videos are already in the content as a poster link (no iframe, no script);
the front matter video is shown by the theme above the body, so it is added here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed


def add_front_matter_videos(context: Mapping[str, Any], feed: SyndicationFeed) -> None:
    """feed_generated: prepend `video_html` to the entries of articles that have one."""
    videos = {
        "/" + article.url: article.video_html
        for article in context.get("articles", [])
        if getattr(article, "video_html", None) and article.url
    }
    if not videos:
        return
    for item in feed.items:
        link = item["link"].removesuffix("?ref=feed")
        html = next((video for url, video in videos.items() if link.endswith(url)), None)
        if html is None:
            continue
        key = "content" if item.get("content") else "description"
        item[key] = str(html) + "\n" + (item.get(key) or "")
