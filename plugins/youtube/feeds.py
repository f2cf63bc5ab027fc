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
    if not feed.items:  # e.g. a feed another writing process makes (wartadesa.parallel)
        return
    videos = _videos(context.get("articles", []))
    for item in feed.items:
        html = _video_of(item["link"].removesuffix("?ref=feed"), videos)
        if html is None:
            continue
        key = "content" if item.get("content") else "description"
        item[key] = str(html) + "\n" + (item.get(key) or "")


_known: tuple[Any, dict[str, tuple[int, Any]]] = (None, {})


def _videos(articles) -> dict[str, tuple[int, Any]]:
    """{"/" + article address: (its place among them, its video_html)} of the articles with
    a front matter video; made once for a build's list of articles, not once per feed."""
    global _known
    if _known[0] is not articles:
        found = {
            "/" + article.url: article.video_html
            for article in articles
            if getattr(article, "video_html", None) and article.url
        }
        _known = (articles, {url: (place, html) for place, (url, html) in enumerate(found.items())})
    return _known[1]


def forget_videos(_pelican=None) -> None:
    """finalized: drop the build's articles kept by `_videos` (a live preview process
    would otherwise hold the last build's articles through the next one)."""
    global _known
    _known = (None, {})


def _video_of(link: str, videos: dict[str, tuple[int, Any]]):
    """The video of the first article (in the articles' order) whose "/" + address ends
    `link`, found by looking up each tail of the link that starts at a slash."""
    matches = [
        videos[tail]
        for tail in (link[index:] for index, char in enumerate(link) if char == "/")
        if tail in videos
    ]
    return min(matches, key=lambda match: match[0])[1] if matches else None
