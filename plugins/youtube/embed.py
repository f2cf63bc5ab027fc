"""The "lite" player markup for one video: a poster link that video.js turns into the iframe.

The poster is drawn by the site itself (the title and a play button on a dark box): no image
is asked of YouTube before the reader presses play. Without JavaScript (and in feeds) it is a
plain link to the video on YouTube.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .urls import Video

DEFAULT_TITLE = "Video YouTube"
PLAY_LABEL = "Putar video"


def watch_url(video: Video) -> str:
    """The video's page on YouTube (the no-JavaScript target)."""
    if video.kind == "short":
        url = f"https://www.youtube.com/shorts/{video.id}"
        return url + (f"?t={video.start}s" if video.start else "")
    return f"https://www.youtube.com/watch?v={video.id}" + (
        f"&t={video.start}s" if video.start else ""
    )


def embed_url(video: Video) -> str:
    """The privacy-enhanced player, autoplaying at the start time (loaded on click only)."""
    url = f"https://www.youtube-nocookie.com/embed/{video.id}?autoplay=1"
    return url + (f"&start={video.start}" if video.start else "")


def poster_url(video: Video) -> str:
    """YouTube's poster image (480x360, always present for every public video): only for
    the share preview (`og:image`), never loaded by the page itself."""
    return f"https://i.ytimg.com/vi/{video.id}/hqdefault.jpg"


def render(video: Video, title: str | None = None) -> str:
    """HTML of the player for `video`; `title` is plain text (escaped here)."""
    title = " ".join((title or "").split()) or DEFAULT_TITLE
    classes = "video video--short" if video.kind == "short" else "video"
    attr = lambda value: escape(value, quote=True)  # noqa: E731
    return (
        f'<figure class="{classes}" data-video="{video.id}">\n'
        f'<a class="video__link" href="{attr(watch_url(video))}" '
        f'data-embed="{attr(embed_url(video))}" data-title="{attr(title)}" '
        f'aria-label="{attr(PLAY_LABEL + ": " + title)}">'
        '<span class="video__play" aria-hidden="true"></span>'
        f'<span class="video__title">{escape(title, quote=False)}</span></a>'
        "\n</figure>"
    )
