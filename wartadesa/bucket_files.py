"""A dict of the build cache kept in several files, so a small change writes a small file.

The kept articles (`read_objects.py`, 48 MB at 5,000 articles) and the memo's results
(`front_matter.memo`, 19 MB) were one pickle each, written again whole after every build
that changed anything: 0.2-0.5 s of a one-article rebuild, on the main process while the
search index is made. Here such a dict is BUCKETS pickles, `<stem>-<n>.bin`, each holding
the entries whose key falls in it (`bucket_of`: a CRC-32 of the key) with a `header` (what
the entries were made under). A build writes again only the files whose entries are not
exactly those it read: changing one article writes one sixteenth of the whole.

A file that is missing, damaged, or made under another header only loses its own entries
(the next build makes them again). Files are replaced whole (`read_cache.replace_file`) and
held between the builds of a live preview (`read_cache.held`).
"""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from typing import Any

from wartadesa import read_cache

BUCKETS = 16


def bucket_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % BUCKETS


def _load(path) -> Any:
    with open(path, "rb") as handle:
        return pickle.load(handle)


class BucketFiles:
    """The dict kept as `folder/<stem>-<n>.bin`, n in 0..BUCKETS-1, under `header`."""

    def __init__(self, folder: Path, stem: str, header: Any = None) -> None:
        self.folder = Path(folder)
        self.stem = stem
        self.header = header
        self._read: list[dict | None] = [None] * BUCKETS  # each file's entries, as read

    def path(self, number: int) -> Path:
        return self.folder / f"{self.stem}-{number:02d}.bin"

    def load(self) -> dict[str, Any]:
        """Every entry of every file made under this header ({} when there is none)."""
        entries: dict[str, Any] = {}
        for number in range(BUCKETS):
            try:
                found = read_cache.held(self.path(number), _load)
            except Exception:  # noqa: BLE001 - missing or damaged: its entries are made again
                continue
            if (
                isinstance(found, dict)
                and found.get("header") == self.header
                and isinstance(found.get("entries"), dict)
            ):
                self._read[number] = found["entries"]
                entries.update(found["entries"])
        return entries

    def save(self, entries: dict[str, Any]) -> bool:
        """Write the files whose entries changed since `load`; whether all were written."""
        parts: list[dict[str, Any]] = [{} for _ in range(BUCKETS)]
        for key in sorted(entries):
            parts[bucket_of(key)][key] = entries[key]
        written = True
        for number, part in enumerate(parts):
            if _same(part, self._read[number]):
                continue
            data = {"header": self.header, "entries": part}
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                read_cache.replace_file(
                    self.path(number), pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
                )
            except Exception:  # noqa: BLE001 - not written (a full disk, a value that does
                written = False  # not pickle): that file keeps its old entries, or none
                continue
            read_cache.hold(self.path(number), data)
            self._read[number] = part
        return written


def _same(part: dict, read: dict | None) -> bool:
    """Whether `part` holds exactly what the file held (values kept from the file are the
    very objects read: compared by identity first, without walking them; others by type and
    value)."""
    if read is None or part.keys() != read.keys():
        return False
    try:
        return all(
            value is read[key] or (type(value) is type(read[key]) and value == read[key])
            for key, value in part.items()
        )
    except Exception:  # noqa: BLE001 - values that cannot be compared: written again
        return False
