"""Checks passed before: text a check found clean in an earlier build is not checked again.

The whole-site checks (spam and hidden text, personal data, links) look at every file on
every build. With the build cache on (BUILD_CACHE, wartadesa/read_cache.py), the build installs
a memo kept beside the cached reads, under the same key (the kit's code, the settings and
the data files): a check asks `is_clean(key)` with a key made from its name and exactly
what it looks at (`key(...)`), skips the work when that text was clean before, and calls
`mark_clean(key)` when it found nothing. Only "clean" is remembered: a file with a problem
is checked, and reported, on every build. Without the build cache nothing is remembered.

Per-file steps that only depend on the file and the environment (cleaning the HTML of a page,
finding its YouTube videos) keep their result too: `recall(key)` gives the value a step kept
with `keep(key, value)` in an earlier build, for a key made with `source_key(path)` (the read
cache's key of the file: its path and bytes; the memo's folder stands for the rest). A step
keeps its result only when it reported nothing.

A step that keeps many results under one name (the related articles) uses `table(name)`:
the table the last build kept, and this build's, which is what is saved. Entries a forked
writer (wartadesa/parallel.py) adds to this build's table travel back to the main process
(`forked`, `share`, `merge`), so the next build has them all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wartadesa.bucket_files import BucketFiles
from wartadesa.read_cache import held, hold, replace_file

CLEAN_FILE = "clean.txt"
RESULTS_STEM = "results"  # results-00.bin ... (wartadesa/bucket_files.py)


class Memo:
    """The keys of text found clean and the results steps kept, in one folder (the read
    cache's folder of this environment)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            self.known = held(folder / CLEAN_FILE, _clean_keys)
        except (OSError, UnicodeDecodeError):
            self.known = set()
        self.used: set[str] = set()
        self.files = BucketFiles(folder, RESULTS_STEM)
        self.results = self.files.load()  # missing or damaged files: those steps run again
        self.kept: dict[str, Any] = {}
        self.sources: dict[str, str] = {}
        self.fronts: dict[str, str] = {}
        self.tables: dict[str, dict] = {}  # this build's tables (also in `kept`)
        self.forked_at: dict[str, int] = {}  # in a forked writer: each table's size then
        self.forked_found: tuple[set, set] = (set(), set())  # forked: used, kept keys then

    def save(self) -> None:
        """Keep what this build found clean and the results it used (those of removed or
        changed files go)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            replace_file(
                self.folder / CLEAN_FILE, ("\n".join(sorted(self.used)) + "\n").encode("ascii")
            )
            hold(self.folder / CLEAN_FILE, set(self.used))
            self.files.save(self.kept)  # only the files whose results changed
        except Exception:  # noqa: BLE001 - a memo that cannot be written: the next build checks again
            pass


def _clean_keys(path) -> set[str]:
    with open(path, encoding="ascii") as handle:
        return set(handle.read().split())


_memo: Memo | None = None


def install(folder: Path | None) -> Memo | None:
    """Use the memo in `folder` for this build (None: remember nothing)."""
    global _memo
    _memo = Memo(folder) if folder is not None else None
    return _memo


def active() -> bool:
    """Whether this build has the memo (the build cache is on)."""
    return _memo is not None


def key(check: str, *parts: object) -> str:
    """A digest of `check` and `parts`: a text by its bytes and length (no `repr`, which
    costs four times the hashing on an article's HTML), anything else by its `repr`."""
    digest = hashlib.sha256(check.encode())
    for part in parts:
        if type(part) is str:
            data = part.encode("utf-8", "surrogateescape")
            digest.update(b"\0s%d\0" % len(data))  # a repr never holds a NUL byte
            digest.update(data)
        else:
            digest.update(b"\0")
            digest.update(repr(part).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def is_clean(check_key: str) -> bool:
    if _memo is None or check_key not in _memo.known:
        return False
    _memo.used.add(check_key)
    if _watching:
        _watching[-1].append(("clean", check_key))
    return True


def mark_clean(check_key: str) -> None:
    if _memo is not None:
        _memo.used.add(check_key)
        if _watching:
            _watching[-1].append(("clean", check_key))


# The keys asked and kept while a content object is made (`watched`), so that an object
# taken from an earlier build (wartadesa/read_objects.py) keeps them for the next (`renew`).
_watching: list[list] = []


class watched:
    """`with watched() as keys:` the (kind, key) pairs recalled, kept or found clean in
    the block, in order."""

    def __enter__(self) -> list:
        _watching.append([])
        return _watching[-1]

    def __exit__(self, *_exc) -> None:
        _watching.pop()


def renew(keys) -> None:
    """What an object made in an earlier build recalled and kept (`watched`) is kept by
    this build too, as if it had been made again; a key the memo no longer holds is left
    (the step then runs again in a later build that makes the object)."""
    if _memo is None:
        return
    for kind, found_key in keys:
        if kind == "clean":
            if found_key in _memo.known:
                _memo.used.add(found_key)
        else:
            value = _memo.results.get(found_key, _MISSING)
            if value is not _MISSING:
                _memo.kept.setdefault(found_key, value)


def checked_unless_clean(jobs: list[tuple[str, Any]], check, settings) -> list[list]:
    """The ContentErrors of each (clean key, what to check) of `jobs`, in order. A key found
    clean in an earlier build gives [] without a look; the others are checked with
    `check(what)` (a list of ContentError), split over forked processes when there are many
    (wartadesa.parallel.map_forked: a share that logged or failed is done again here, so the
    messages are a serial run's), and a key whose check found nothing is marked clean."""
    from front_matter.errors import ContentError
    from wartadesa.parallel import map_forked

    def fields(what):  # ContentErrors as their fields: they travel back from a worker
        return [(e.path, e.line, e.message, e.hint, e.severity) for e in check(what)]

    looked_at = [index for index, (check_key, _) in enumerate(jobs) if not is_clean(check_key)]
    found = map_forked(fields, [jobs[index][1] for index in looked_at], settings)
    errors = [[] for _ in jobs]
    for index, problems in zip(looked_at, found, strict=True):
        errors[index] = [ContentError(*values) for values in problems]
        if not problems:
            mark_clean(jobs[index][0])
    return errors


def note_source(path: str, source: str, front: str | None = None) -> None:
    """The reading says which read-cache key the file at `path` has in this build, and the
    digest of its front matter when it was read for that key (`front`)."""
    if _memo is not None:
        _memo.sources[path] = source
        if front is not None:
            _memo.fronts[path] = front


def fronts_read() -> dict[str, str] | None:
    """{path: front matter digest} of the files this build read for their key (None: no
    memo)."""
    return None if _memo is None else _memo.fronts


def sources_read() -> dict[str, str] | None:
    """Every file this build read, by its path: its read-cache key (None: no memo)."""
    return None if _memo is None else _memo.sources


def source_key(path: str | None) -> str | None:
    """The read-cache key of the file at `path` (None: no memo, or not a read file)."""
    if _memo is None or not path:
        return None
    return _memo.sources.get(path)


def text_key(check: str, path: str, text: Callable[[], Any], *parts: object) -> str:
    """The key of a check of the file at `path` whose result depends only on the file's
    text (given by `text()`) and `parts`: by the read cache's key of the file when this build
    read it (its path and bytes), so a file found clean before is known without turning its
    text into a key; else by the text itself. Without the build cache nothing is
    remembered, and the key is never looked at: "" then, without hashing the text."""
    if _memo is None:
        return ""
    source = source_key(path)
    if source is not None:
        return key(check, path, "read", source, *parts)
    return key(check, path, "text", text(), *parts)


# The HTML content_key was last asked for, and its digest: the steps of one file ask one
# after another, mostly for the same text (5,000 articles: 10,000 of 15,000 hashings saved).
_last_text: list = [None, ""]


def content_key(step: str, content: Any) -> str | None:
    """The key of a per-file step's result for a content object: the step, its file's
    read-cache key and the HTML the step starts from (None: nothing is kept)."""
    source = source_key(getattr(content, "source_path", None))
    if not source:
        return None
    text = content._content
    if text is not _last_text[0]:
        _last_text[0], _last_text[1] = text, key("html", text)
    return key(step, source, _last_text[1])


_MISSING = object()


def recall(result_key: str | None) -> Any:
    """The value kept for `result_key` in an earlier build, or None."""
    if _memo is None or result_key is None:
        return None
    value = _memo.results.get(result_key, _MISSING)
    if value is _MISSING:
        return None
    _memo.kept[result_key] = value
    if _watching:
        _watching[-1].append(("kept", result_key))
    return value


def keep(result_key: str | None, value: Any) -> None:
    if _memo is not None and result_key is not None and value is not None:
        _memo.kept[result_key] = value
        if _watching:
            _watching[-1].append(("kept", result_key))


def table(name: str) -> tuple[dict, dict] | None:
    """(the table of results the last build kept under `name`, this build's: the one
    saved), or None without the memo. Every caller in one build gets the same table."""
    if _memo is None:
        return None
    earlier = _memo.results.get(name)
    now = _memo.tables.get(name)
    if now is None:
        now = _memo.tables[name] = _memo.kept[name] = {}
    return (earlier if isinstance(earlier, dict) else {}), now


def forked() -> None:
    """In a forked writer, first: what its tables hold now stays with the main process."""
    if _memo is not None:
        _memo.forked_at = {name: len(found) for name, found in _memo.tables.items()}
        _memo.forked_found = (set(_memo.used), set(_memo.kept))


def share() -> dict[str, list] | None:
    """In a forked writer, last: the entries it added to each table (for `merge`)."""
    if _memo is None:
        return None
    return {
        name: list(found.items())[_memo.forked_at.get(name, 0) :]
        for name, found in _memo.tables.items()
    }


def share_all() -> tuple | None:
    """In a forked process that ran checks (wartadesa/split_checks.py), last: what it added
    since `forked`: the keys found clean, the results kept (not tables) and its tables'
    entries (`share`); for `merge_all`."""
    if _memo is None:
        return None
    used, kept = _memo.forked_found
    added = {k: v for k, v in _memo.kept.items() if k not in kept and k not in _memo.tables}
    return sorted(_memo.used - used), added, share()


def merge_all(shared: tuple | None) -> None:
    """In the main process: what a forked process added to the memo (`share_all`)."""
    if _memo is None or shared is None:
        return
    used, kept, tables = shared
    _memo.used.update(used)
    for key, value in kept.items():
        _memo.kept.setdefault(key, value)
    merge(tables)


def merge(shared: dict[str, list] | None) -> None:
    """In the main process: a forked writer's entries (`share`) join this build's tables."""
    if _memo is None or not shared:
        return
    for name, entries in shared.items():
        now = table(name)[1]
        for key, value in entries:
            now.setdefault(key, value)
