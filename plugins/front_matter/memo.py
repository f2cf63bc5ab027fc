"""Checks passed before: text a check found clean in an earlier build is not checked again.

The whole-site checks (spam and hidden text, personal data, links) look at every file on
every build. With the build cache on (BUILD_CACHE, wartadesa/read_cache.py), the build installs
a memo kept beside the cached reads, under the same key (the kit's code, the settings and
the data files): a check asks `is_clean(key)` with a key made from its name and exactly
what it looks at (`key(...)`), skips the work when that text was clean before, and calls
`mark_clean(key)` when it found nothing. Only "clean" is remembered: a file with a problem
is checked, and reported, on every build. Without the build cache nothing is remembered.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


class Memo:
    """The keys of text found clean, read from and written to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.known = set(path.read_text(encoding="ascii").split())
        except (OSError, UnicodeDecodeError):
            self.known = set()
        self.used: set[str] = set()

    def save(self) -> None:
        """Keep what this build found clean (keys of removed or changed text go)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text("\n".join(sorted(self.used)) + "\n", encoding="ascii")
            os.replace(temporary, self.path)
        except OSError:
            pass  # a memo that cannot be written only makes the next build check again


_memo: Memo | None = None


def install(path: Path | None) -> Memo | None:
    """Use the memo in `path` for this build (None: remember nothing)."""
    global _memo
    _memo = Memo(path) if path is not None else None
    return _memo


def key(check: str, *parts: object) -> str:
    digest = hashlib.sha256(check.encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def is_clean(check_key: str) -> bool:
    if _memo is None or check_key not in _memo.known:
        return False
    _memo.used.add(check_key)
    return True


def mark_clean(check_key: str) -> None:
    if _memo is not None:
        _memo.used.add(check_key)
