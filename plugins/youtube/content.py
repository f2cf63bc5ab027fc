"""Per article/page: the front matter video, the `has_video`/`video_poster` attributes,
and the errors (file, line, value) for addresses that name no valid video.

Attributes set on every Article and Page (the theme's contract):
    video_html    Markup of the front matter video (`youtube:`), or None
    has_video     True when the page shows any player (front matter or body)
    video_poster  absolute poster URL of the first video, or None
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup
from pelican.contents import Article, Page

from front_matter import memo
from front_matter.errors import ContentError, report
from front_matter.source import body_line, find_line, meta_line, numbered, read_source, source_lines
from wartadesa.read_objects import restorable

from . import embed, urls
from .markdown_ext import NAME, found_at, scan
from .summary import FLAG

if TYPE_CHECKING:
    from pelican.contents import Content


@restorable
def add_video_attributes(instance: Content) -> None:
    """content_object_init: set the attributes; report and raise every bad address."""
    if not isinstance(instance, (Article, Page)):
        return
    # The same file seen in an earlier build without a bad address (front_matter.memo).
    result_key = memo.content_key("youtube", instance)
    kept = memo.recall(result_key)
    if kept is not None:
        _apply(instance, kept)
        return
    errors = []
    front_video = _front_matter_video(instance, errors)
    body_videos = []
    for found, line in _body_addresses(instance):
        if found.problem:
            errors.append(
                _error(instance, line, found.address, found.problem.reason, found.problem.hint)
            )
        else:
            body_videos.append(found.video)
    if errors:
        for error in errors:
            report(error)
        raise errors[0]  # Pelican skips the file; the build fails on the reported errors

    # summary.py makes the automatic summary without the players (once content is final).
    first = front_video or (body_videos[0] if body_videos else None)
    found = {
        FLAG: bool(body_videos) and "summary" not in instance.metadata,
        "has_video": first is not None,
        "video_poster": embed.poster_url(first) if first else None,
        "video_html": None,
    }
    if front_video:
        title = instance.metadata.get("youtube_title") or Markup(instance.title).striptags()
        found["video_html"] = Markup(embed.render(front_video, title))
    _apply(instance, found)
    memo.keep(result_key, found)


def _apply(instance: Content, found: dict[str, object]) -> None:
    for name, value in found.items():
        setattr(instance, name, value)


def _front_matter_video(instance, errors):
    value = instance.metadata.get("youtube")
    if not value:
        return None
    value = str(value).strip()
    line = meta_line(instance, "youtube")
    try:
        video = urls.parse(value, allow_bare_id=True)
    except urls.InvalidVideo as problem:
        errors.append(_error(instance, line, value, problem.reason, problem.hint, "youtube:"))
        return None
    if video is None:
        errors.append(
            _error(
                instance,
                line,
                value,
                "bukan alamat YouTube atau ID video 11 karakter "
                "(not a YouTube address or an 11-character video ID)",
                urls.SHARE_HINT,
                "youtube:",
            )
        )
    return video


def _body_addresses(instance):
    """(Found, line) for each standalone YouTube address of the body, in order.

    The body is converted again with the reader's Markdown settings (only when it
    mentions YouTube at all): the HTML no longer tells which paragraph was an address."""
    if not instance.source_path:
        return []  # made by a plugin, not read from a file
    if "youtu" not in (instance._content or "").lower():
        return []  # an address in the body is in its HTML too: no need to read the file
    noted = (instance.metadata.get("body_notes") or {}).get(NAME)
    if noted is not None:  # what the reader's conversion found (YAML front matter)
        found = [found_at(address) for address in noted]
        lines = numbered(source_lines(instance))
        return _with_lines(found, lines, body_line(instance))
    try:
        source = read_source(instance.source_path)
    except (ContentError, OSError):
        return []  # the reader has already reported it
    if "youtu" not in source.body.lower():
        return []
    found = scan(source.body, instance.settings["MARKDOWN"], header_meta=not source.has_yaml)
    lines = numbered(source_lines(instance) or source.text.split("\n"))
    return _with_lines(found, lines, source.body_line if source.has_yaml else 1)


def _with_lines(found, lines, first_line):
    """(Found, line) for each address: the body line holding it."""
    used = set()
    result = []
    for item in found:
        # The body line holding the address (not already used), preferring a line that
        # holds only that address or link; else the first line of the body.
        line = find_line(lines, item.address, first_line, first=first_line, used=used, alone=True)
        used.add(line)
        result.append((item, line))
    return result


def _error(instance, line, value, reason, hint, what="alamat YouTube"):
    return ContentError(
        instance.source_path, line, f"{what} '{value}' tidak bisa ditampilkan: {reason}", hint
    )
