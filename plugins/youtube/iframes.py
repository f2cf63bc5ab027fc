"""YouTube's own embed code, pasted alone on its line, becomes the kit's player.

Operators copy what YouTube's "Bagikan > Sematkan" (Share > Embed) button gives:

    <iframe width="560" height="315" src="https://www.youtube.com/embed/ID?si=…"
    title="YouTube video player" frameborder="0" allow="…" allowfullscreen></iframe>

The sanitizer (content_guard) would drop that iframe (only the nocookie player is
allowed, and the page would load YouTube before the reader asks). A Markdown
preprocessor writes the video's address in its place, alone in its own paragraph, so
the result is exactly the player of an address written on a line by itself. Only an
iframe alone on its line (up to three spaces before it) whose `src` names one valid
video on a YouTube host (youtube.com, youtube-nocookie.com, youtu.be; `start=`/`t=`
kept) is converted; anything else is left for the sanitizer and its message.
"""

from __future__ import annotations

import html
import re

from markdown.preprocessors import Preprocessor

from . import urls

IFRAME_LINE = re.compile(r" {0,3}<iframe\b(?P<attributes>[^>]*)>\s*</iframe>\s*", re.IGNORECASE)
SOURCE = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
SHORT_ADDRESS = "https://youtu.be/"


def iframe_source(attributes: str) -> str | None:
    """The `src` of an iframe's attribute text, HTML entities decoded (None: no src)."""
    found = SOURCE.search(" " + attributes)
    if not found:
        return None
    return html.unescape(next(value for value in found.groups() if value is not None)).strip()


def video_of(source: str | None) -> urls.Video | None:
    """The video an iframe `src` plays; None when it is not one valid YouTube video."""
    try:
        return urls.parse(source) if source else None
    except urls.InvalidVideo:
        return None


def short_address(video: urls.Video) -> str:
    """The address an operator writes on its own line for `video` (https://youtu.be/ID)."""
    return SHORT_ADDRESS + video.id + (f"?t={video.start}" if video.start else "")


def pasted_video(line: str) -> str | None:
    """The address to write instead of `line` when the line is only a YouTube iframe of
    one valid video, else None. The address is rebuilt from the video (ID and start),
    never the src as written: nothing else of the pasted code reaches the page."""
    found = IFRAME_LINE.fullmatch(line)
    if not found:
        return None
    video = video_of(iframe_source(found.group("attributes")))
    return short_address(video) if video is not None else None


class PastedEmbedPreprocessor(Preprocessor):
    """Each YouTube iframe alone on its line -> its address in a paragraph of its own."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("<iframe" in line.lower() for line in lines):
            return lines
        result = []
        for line in lines:
            address = pasted_video(line)
            result.extend(("", address, "") if address else (line,))
        return result
