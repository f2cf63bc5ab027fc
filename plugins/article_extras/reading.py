"""Reading time: "3 menit baca"."""

from __future__ import annotations

import re

WORDS_PER_MINUTE = 200  # an ordinary adult reading Indonesian news on a phone

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def count_words(html: str | None) -> int:
    return len(_WORD.findall(_TAG.sub(" ", html or "")))


def reading_minutes(html: str | None, words_per_minute: float = WORDS_PER_MINUTE) -> int:
    """Whole minutes, at least 1."""
    return max(1, round(count_words(html) / words_per_minute))
