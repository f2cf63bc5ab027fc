"""The search index in parts (shards): a big site's marked pages are split into a few groups,
each indexed by its own Pagefind run into its own bundle; the search page merges them
(Pagefind's `mergeIndex`, which reuses the first bundle's WebAssembly).

- How many: one part for up to SEARCH_SHARD_PAGES marked pages (default 1,000; 0 = never
  split), else the power of two that keeps each part at about that size, at most
  MAX_SHARDS. A village site is one part, exactly the single index it always had.
- Which part: a stable hash (CRC-32) of the page's name into one of that many groups: for
  a page made from a content file, that file's path under `content/`; for any other page,
  its folder's name. A page stays in its group from build to build, also when a new title
  or date changes its address, and a change to one article touches one part. (Picked by
  the slug before, an article whose slug comes from its title moved to another part with
  a new title: two parts were indexed again.)
  The first group with pages is the first part, `pagefind/` (it alone holds Pagefind's
  scripts and WebAssembly); every other group with pages is `pagefind/shard-<group>/`.
- Kept parts (BUILD_CACHE set): a part whose pages are, in what Pagefind reads of them, those
  of the previous build (the same addresses, the same search digests), indexed by the same
  Pagefind and settings, is taken from the previous output (hard links) instead of being
  indexed again. The record (`search.json` in the cache folder)
  holds each part's key and a digest of its files as written (names, sizes, modification
  times); a part is taken only when the previous output still holds exactly those files.
  Which pages are marked, and the sha256 of what Pagefind reads of each
  (`indexer.search_digest`: the page up to the end of its element marked for search, when
  nothing after that is read), are kept too (`search-pages.json`), by
  the file each page was: a page the build reused is that very file (a hard link), so only
  the pages written again are read.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import zlib
from collections.abc import Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from wartadesa import read_cache

# 3: a page is known by what Pagefind reads of it (indexer.search_digest); 4: without the
# addresses of its links.
FORMAT = 4
RECORD = "search.json"
SHARDS_FILE = "shards.json"  # in the first bundle: the other parts, for the search page
SHARD_PREFIX = "shard-"  # the other parts: pagefind/shard-1/, pagefind/shard-2/, ...
MAX_SHARDS = 16
DEFAULT_SHARD_PAGES = 1000


class BadSetting(ValueError):
    """SEARCH_SHARD_PAGES is not a whole number of 0 or more."""


def shard_pages(settings: Mapping[str, Any]) -> int:
    value = settings.get("SEARCH_SHARD_PAGES", DEFAULT_SHARD_PAGES)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadSetting(
            f"SEARCH_SHARD_PAGES di pelicanconf.py harus bilangan bulat 0 atau lebih "
            f"(sekarang {value!r}); contoh: SEARCH_SHARD_PAGES = 1000, atau 0 untuk satu indeks"
        )
    return value


def shard_count(pages: int, per_shard: int) -> int:
    """How many parts for `pages` marked pages (see module docstring)."""
    if per_shard <= 0 or pages <= per_shard:
        return 1
    count = 1
    while count * per_shard < pages and count < MAX_SHARDS:
        count *= 2
    return count


# The content file of each page made from one, by the output folder of the build that
# made it (its OUTPUT_PATH): noted once the site is complete (`note_sources`), read when
# the folder is indexed (also by a forked process, and by the live preview's index, made
# after its build returned). The last few builds of the process are kept.
_SOURCES: dict[str, dict[str, str]] = {}
KEPT_BUILDS = 4


def _folder_key(path: Any) -> str:
    return os.path.realpath(os.fspath(path)) if path else ""


def note_sources(generators: Sequence[Any]) -> None:
    """all_generators_finalized: the page each content file of the site makes (Pelican's
    `generated_content`: articles and pages of every status), by its path in the output."""
    if not generators:
        return
    found: dict[str, str] = {}
    content = generators[0].context.get("generated_content") or {}
    for source, item in sorted(content.items()):
        save_as = getattr(item, "save_as", None)
        if save_as:
            page = posixpath.normpath(save_as.replace(os.sep, "/"))
            found.setdefault(page, source.replace(os.sep, "/"))
    key = _folder_key(generators[0].settings.get("OUTPUT_PATH"))
    _SOURCES.pop(key, None)
    _SOURCES[key] = found
    while len(_SOURCES) > KEPT_BUILDS:
        del _SOURCES[next(iter(_SOURCES))]


def sources_of(settings: Mapping[str, Any]) -> Mapping[str, str]:
    """{page path: its content file} of the build whose output folder `settings` name
    (empty when no build of this process noted one)."""
    return _SOURCES.get(_folder_key(settings.get("OUTPUT_PATH")), {})


def page_name(relative: str, sources: Mapping[str, str] | None = None) -> str:
    """What picks a page's part: the content file it was made from (`sources`, by page
    path: `berita/posyandu.md`), else the name of its folder
    (`berita/2024/05/posyandu/index.html` -> `posyandu`), or its file name when it is not
    an index page. A new title or date moves an article to another address but not to
    another part."""
    source = sources.get(relative) if sources else None
    if source:
        return source
    parts = relative.split("/")
    return parts[-2] if len(parts) > 1 and parts[-1] == "index.html" else parts[-1]


def shard_of(relative: str, count: int, sources: Mapping[str, str] | None = None) -> int:
    if count <= 1:
        return 0
    name = page_name(relative, sources)
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % count


def folder_name(group: int, primary: bool) -> str:
    """A part's folder inside the index folder: "" for the first part (it holds the
    others), `shard-<group>` for the others."""
    return "" if primary else f"{SHARD_PREFIX}{group}"


def key(pages: list[tuple[str, str]], command: list[str]) -> str:
    """The key of a part: its pages (path, search digest) and the Pagefind command
    (the binary by its size and modification time, and the options)."""
    digest = hashlib.sha256(f"search shards {FORMAT}\0".encode())
    binary = command[0] if command else ""
    try:
        stat = os.stat(binary)
        digest.update(f"{binary}|{stat.st_size}|{stat.st_mtime_ns}\0".encode())
    except OSError:
        digest.update(f"{binary}|-\0".encode())
    digest.update("\0".join(command[1:]).encode("utf-8", "surrogateescape"))
    for relative, sha in sorted(pages):
        digest.update(f"\0{relative}\0{sha}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def tree_digest(bundle: Path, primary: bool) -> str | None:
    """Names, sizes and modification times of a part's files (None when it is missing or
    cannot be read). The first part's folder holds the others: their folders and
    SHARDS_FILE are not its own."""
    if not bundle.is_dir():
        return None
    digest = hashlib.sha256()
    try:
        for folder, subfolders, names in os.walk(bundle):
            if primary and Path(folder) == bundle:
                subfolders[:] = [n for n in subfolders if not n.startswith(SHARD_PREFIX)]
                names = [name for name in names if name != SHARDS_FILE]
            subfolders.sort()
            under = os.path.relpath(folder, bundle)  # once a folder, not once a file
            for name in sorted(names):
                path = os.path.join(folder, name)
                stat = os.stat(path)
                relative = name if under == os.curdir else os.path.join(under, name)
                digest.update(f"{relative}|{stat.st_size}|{stat.st_mtime_ns}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()


def _valid(data: Any) -> bool:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return False
    parts = data.get("parts")
    return (
        isinstance(data.get("count"), int)
        and isinstance(parts, dict)
        and all(
            isinstance(entry, list)
            and len(entry) == 3
            and isinstance(entry[0], str)
            and isinstance(entry[1], str)
            and isinstance(entry[2], bool)
            for entry in parts.values()
        )
    )


SEEN = "search-pages.json"  # in the cache folder: what each page was when last looked at


class Seen:
    """Whether each page was marked for search, and its sha256, as last looked at, by the
    file it was (device, inode, size, modification time): a page the build reused is a hard
    link to that very file, and needs no reading (no record without a cache folder)."""

    def __init__(self, cache: Path | None) -> None:
        self.file = cache / SEEN if cache is not None else None
        self.previous: dict[str, list] = {}
        if self.file is not None:
            with suppress(OSError, ValueError):
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if isinstance(data, dict) and data.get("format") == FORMAT:
                    pages = data.get("pages")
                    self.previous = pages if isinstance(pages, dict) else {}
        self.pages: dict[str, list] = {}

    @staticmethod
    def _identity(path: str | Path) -> list[int] | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return [stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]

    def known(self, relative: str, path: str | Path) -> str | None:
        """The page's sha256 ("" when not marked) if it is the file looked at last time."""
        entry = self.previous.get(relative)
        if self.file is None or not isinstance(entry, list) or len(entry) != 5:
            return None
        identity = self._identity(path)
        if identity is None or identity != entry[:4] or not isinstance(entry[4], str):
            return None
        self.pages[relative] = entry
        return entry[4]

    def note(self, relative: str, path: Path, sha: str) -> None:
        if self.file is None:
            return
        identity = self._identity(path)
        if identity is not None:
            self.pages[relative] = [*identity, sha]

    def save(self) -> None:
        if self.file is None:
            return
        data = {"format": FORMAT, "pages": dict(sorted(self.pages.items()))}
        read_cache.save_record(self.file, data)


class Record:
    """The parts of the index as last written (see module docstring), by hash group: no
    file without a cache folder, and then no part is ever taken from the previous output."""

    def __init__(self, cache: Path | None, count: int) -> None:
        self.file = cache / RECORD if cache is not None else None
        self.count = count
        self.previous: dict[str, list] = {}
        if self.file is not None:
            with suppress(OSError, ValueError):
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if _valid(data) and data["count"] == count:
                    self.previous = data["parts"]
        self.parts: dict[str, list] = {}

    def reusable(self, group: int, primary: bool, part_key: str, previous: Path | None) -> bool:
        """Whether the part of hash group `group`, with this key, is in the previous index
        folder `previous` exactly as recorded (and in the same place)."""
        known = self.previous.get(str(group))
        if self.file is None or previous is None or known is None:
            return False
        if known[0] != part_key or known[2] != primary:
            return False
        bundle = previous / folder_name(group, primary)
        return tree_digest(bundle, primary) == known[1]

    def note(self, group: int, primary: bool, part_key: str, bundle: Path) -> None:
        self.parts[str(group)] = [part_key, tree_digest(bundle, primary), primary]

    def save(self) -> None:
        if self.file is None:
            return
        parts = {group: entry for group, entry in self.parts.items() if entry[1] is not None}
        data = {"format": FORMAT, "count": self.count, "parts": parts}
        read_cache.save_record(self.file, data)
