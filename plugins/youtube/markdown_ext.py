"""Markdown extension: a YouTube address alone in its own paragraph becomes the player.

Runs before Markdown's inline processing, on each paragraph's raw text, so the address
is seen exactly as the operator wrote it (no smart dashes, no typogrify). Forms:

    https://youtu.be/ID            <https://youtu.be/ID>
    [Judul video](https://youtu.be/ID)        (the link text becomes the title)
    <iframe … src="https://www.youtube.com/embed/ID?si=…"></iframe>   (YouTube's embed
        code alone on its line: iframes.py writes its address there first)

A YouTube address inside a sentence is left alone (an ordinary link). A paragraph
that is a YouTube address without a valid video is left as it is; since Markdown
knows neither the file nor the line, the content hook (content.py) runs `scan()` on
the file's body and reports those with the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import embed, urls
from .iframes import PastedEmbedPreprocessor

NAME = "youtube.markdown_ext"  # how the MARKDOWN setting names this extension
LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\(\s*(?:<(?P<angled>[^>]*)>|(?P<url>\S+?))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)",
    re.DOTALL,
)
# A backslash escape keeps its character; emphasis and code marks are dropped.
MARKUP = re.compile(r"\\(.)|\*\*|__|[*`]|(?<!\w)_|_(?!\w)")


def standalone_address(text: str) -> tuple[str, str | None] | None:
    """(address, link text or None) when the paragraph is one address or one link."""
    text = text.strip()
    link = LINK.fullmatch(text)
    if link:
        return (link.group("angled") or link.group("url")).strip(), link.group("text")
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if text and not any(char.isspace() for char in text):
        return text, None
    return None


def plain_title(link_text: str | None) -> str | None:
    """Link text without Markdown marks; None when it is empty or an address itself."""
    if link_text is None:
        return None
    text = " ".join(MARKUP.sub(lambda mark: mark.group(1) or "", link_text).split())
    lowered = text.lower()
    if (
        not text
        or lowered.startswith(("http://", "https://", "www."))
        or urls.looks_like_youtube(text)
    ):
        return None
    return text


@dataclass
class Found:
    """A standalone YouTube address: its Video, or the InvalidVideo explaining why not."""

    address: str
    video: urls.Video | None = None
    problem: urls.InvalidVideo | None = None


def found_at(address: str) -> Found | None:
    """The Found of an address alone in its paragraph; None when it is not YouTube's."""
    try:
        video = urls.parse(address)
    except urls.InvalidVideo as problem:
        return Found(address, problem=problem)
    return Found(address, video) if video is not None else None


class StandaloneVideoProcessor(Treeprocessor):
    def __init__(self, md: Markdown, found: list[Found]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, root: Element) -> None:
        for paragraph in root.iter("p"):
            if len(paragraph) or not paragraph.text:
                continue
            standalone = standalone_address(paragraph.text)
            if not standalone:
                continue
            address, link_text = standalone
            found = found_at(address)
            if found is None:
                continue
            self.found.append(found)
            if found.video is not None:
                paragraph.text = self.md.htmlStash.store(
                    embed.render(found.video, plain_title(link_text))
                )


class YouTubeExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.found = []  # what the last conversion found, in document order
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # YouTube's own embed code alone on a line -> its address on a line by itself:
        # after fenced code (25: an iframe shown as code stays code), before the raw HTML
        # blocks are put aside (20).
        md.preprocessors.register(PastedEmbedPreprocessor(md), "youtube_iframe", 22)
        # Before "inline" (20): the paragraph text is still the raw Markdown.
        md.treeprocessors.register(StandaloneVideoProcessor(md, self.found), "youtube", 25)

    def reset(self) -> None:
        self.found.clear()

    def body_note(self) -> tuple[str, list[str]]:
        """For the reader (front_matter.reader.body_notes): the addresses found, in order."""
        return NAME, [found.address for found in self.found]


def makeExtension(**kwargs: Any) -> YouTubeExtension:  # noqa: N802 - Markdown's extension entry point
    return YouTubeExtension(**kwargs)


# One Markdown instance per MARKDOWN settings (by their text) and header kind, reset before
# each scan, as the reader keeps its own: making one cost about 1 ms, one per article with
# a YouTube address.
_scanners: dict[tuple[str, bool], tuple[Markdown, YouTubeExtension]] = {}


def scan(body: str, markdown_settings: Mapping[str, Any], header_meta: bool = False) -> list[Found]:
    """Every standalone YouTube address in `body`, converted exactly as the reader does
    (same MARKDOWN settings). `header_meta`: the body starts with a Pelican `Key: value`
    header (files without YAML front matter)."""
    key = (repr(markdown_settings), header_meta)
    if key not in _scanners:
        extension = YouTubeExtension()
        config = dict(markdown_settings)
        config["extensions"] = [
            name
            for name in config.get("extensions", [])
            if name != NAME and (header_meta or name != "markdown.extensions.meta")
        ] + [extension]
        config["extension_configs"] = {
            name: value
            for name, value in config.get("extension_configs", {}).items()
            if name != NAME
        }
        if len(_scanners) >= 4:  # other builds' settings: not asked again
            _scanners.clear()
        _scanners[key] = (Markdown(**config), extension)
    markdown, extension = _scanners[key]
    markdown.reset()  # also empties extension.found
    markdown.convert(body)
    return list(extension.found)
