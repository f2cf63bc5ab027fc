"""Parse every form of YouTube address operators copy into (video ID, start, kind).

`parse(text)` returns None when the text is not a YouTube address at all, a Video
when it names one video, and raises InvalidVideo (with an Indonesian reason) when
it looks like YouTube but names no valid video (channel, playlist, bad ID, ...).
Pure functions: no Pelican, no Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
SHARE_HINT = (
    "salin alamat dari tombol Bagikan di YouTube (copy the address from YouTube's Share button)"
)

# Hosts, after dropping "www.", "m." and "music.".
WATCH_HOSTS = {"youtube.com"}
SHORT_HOSTS = {"youtu.be"}
NOCOOKIE_HOSTS = {"youtube-nocookie.com"}
PATH_KINDS = {"embed": "video", "shorts": "short", "live": "video", "v": "video", "e": "video"}
CHANNEL_PATHS = {"channel", "c", "user"}
START_PARTS = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?")
START_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class Video:
    """One YouTube video: its 11-character ID, start second and kind."""

    id: str
    start: int = 0
    kind: str = "video"  # "video" (16:9) or "short" (9:16)


class InvalidVideo(ValueError):
    """A YouTube-looking address that names no usable video."""

    def __init__(self, reason: str, hint: str = SHARE_HINT) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def parse(text: str | None, allow_bare_id: bool = False) -> Video | None:
    """The Video `text` names, None if it is not a YouTube address, else InvalidVideo.

    `allow_bare_id`: the 11-character ID alone is accepted (front matter only).
    """
    text = (text or "").strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if allow_bare_id and VIDEO_ID.fullmatch(text):
        return Video(text)
    host, parts = _split(text)
    if host is None:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query, keep_blank_values=True)
    fragment = parse_qs(parts.fragment, keep_blank_values=True)
    video_id, kind = _video_id(host, segments, query)
    _check_id(video_id)
    return Video(video_id, _start(query, fragment), kind)


def looks_like_youtube(text: str | None) -> bool:
    """True when `text` is an address on a YouTube host (valid video or not)."""
    text = (text or "").strip().strip("<>")
    return _split(text)[0] is not None


def _split(text):
    """(YouTube host without www./m./music., SplitResult) or (None, None)."""
    if not text or any(char.isspace() for char in text):
        return None, None
    if text.startswith("//"):
        text = "https:" + text
    elif "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None, None
    if parts.scheme.lower() not in ("http", "https"):
        return None, None
    for prefix in ("www.", "m.", "music."):
        host = host.removeprefix(prefix)
    if host in WATCH_HOSTS | SHORT_HOSTS | NOCOOKIE_HOSTS:
        return host, parts
    return None, None


def _video_id(host, segments, query):
    first = segments[0] if segments else ""
    if host in SHORT_HOSTS:
        if not first:
            raise InvalidVideo("tidak ada ID video setelah youtu.be/ (no video ID)")
        return first, "video"
    if host in NOCOOKIE_HOSTS and first != "embed":
        raise InvalidVideo("alamat youtube-nocookie.com tanpa /embed/ID (no video ID)")
    if first == "watch":
        values = [value for value in query.get("v", []) if value]
        if not values:
            raise InvalidVideo(
                "alamat youtube.com/watch tanpa v=ID (the v= parameter with the video ID is missing)"
            )
        return values[0], "video"
    if first in PATH_KINDS:
        if len(segments) < 2 or segments[1] == "videoseries":
            if query.get("list"):
                raise _playlist()
            raise InvalidVideo(f"alamat /{first}/ tanpa ID video (no video ID)")
        return segments[1], PATH_KINDS[first]
    if first == "playlist" or (query.get("list") and not first):
        raise _playlist()
    if first.startswith("@") or first in CHANNEL_PATHS:
        raise InvalidVideo(
            "ini alamat kanal YouTube, bukan satu video (a channel page, not a video)",
            SHARE_HINT + "; untuk tautan biasa ke kanal, tulis tautannya di dalam kalimat",
        )
    if not first:
        raise InvalidVideo("ini alamat halaman depan YouTube, bukan satu video (no video)")
    raise InvalidVideo(f"alamat '/{first}' bukan alamat video YouTube (not a video address)")


def _playlist():
    return InvalidVideo(
        "ini alamat daftar putar (playlist), bukan satu video (a playlist, not a video)",
        SHARE_HINT + " saat videonya diputar",
    )


def _check_id(video_id):
    if len(video_id) != 11:
        raise InvalidVideo(
            f"ID video '{video_id}' harus 11 karakter, bukan {len(video_id)} "
            "(a video ID has 11 characters)"
        )
    if not VIDEO_ID.fullmatch(video_id):
        raise InvalidVideo(
            f"ID video '{video_id}' memuat karakter yang tidak boleh ada: hanya huruf, angka, - dan _ "
            "(invalid characters in the video ID)"
        )


def _start(query, fragment):
    for source in (query, fragment):
        for key in ("t", "start", "time_continue"):
            values = [value for value in source.get(key, []) if value]
            if values:
                return parse_start(values[0])
    return 0


def parse_start(value: str) -> int:
    """Seconds for '90', '90s', '1m30s', '1h2m3s', '1:30' or '1:02:03'; InvalidVideo otherwise."""
    value = value.strip().lower()
    clock = START_CLOCK.fullmatch(value)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return hours * 3600 + minutes * 60 + seconds
    parts = START_PARTS.fullmatch(value)
    if value and parts:
        hours, minutes, seconds = (int(part or 0) for part in parts.groups())
        return hours * 3600 + minutes * 60 + seconds
    raise InvalidVideo(
        f"waktu mulai 't={value}' tidak dikenal (unknown start time)",
        "tulis t=90 (detik) atau t=1m30s, atau salin alamat dari tombol Bagikan di YouTube "
        "dengan centang 'Mulai pada'",
    )
