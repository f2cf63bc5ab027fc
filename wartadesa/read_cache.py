"""A cache of read content between builds (BUILD_CACHE; off unless set).

Reading an article (YAML front matter, Markdown, typogrify) is about half of a build's
work, and its result depends only on the file's bytes and name, the settings and the
code. With `BUILD_CACHE = "cache/build"` (beside content/, like PHOTOS_CACHE; git-ignored)
the content and metadata Pelican's reader made of each file are kept, keyed by a digest of:

- the kit version (`wartadesa.__version__`), this cache's format, and the versions of
  Pelican, Markdown and typogrify;
- the source of every module of the kit (plugins/, wartadesa/) and the settings (all of
  them but OUTPUT_PATH);
- every data file under the content folder (*.yml, *.yaml, *.json: desa.yml, situs.yml);
- the file itself: its path under the content folder, its bytes (and its modification
  time when DEFAULT_DATE = "fs").

A file whose reading logged anything (an error or a warning) is never kept, so the
operator sees its messages on every build. Entries of other keys (an upgrade, another
setting, a changed data file) are not used and are removed at the end of the build; the
folder is safe to delete at any time (the next build reads everything again).

This cache saves reading; wartadesa/incremental.py saves rendering (pages whose inputs did
not change are taken from the previous output). The output is the same, byte for byte, as a
build without them (tests/test_incremental_build.py checks this after a seeded random
sequence of edits).
"""

import contextlib
import hashlib
import io
import json
import logging
import os
import pickle
import re
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata as package_metadata
from pathlib import Path

from wartadesa.paths import relative_path

FORMAT = 1
ROOT = Path(__file__).resolve().parent.parent
DATA_SUFFIXES = (".yml", ".yaml", ".json")
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def folder(settings):
    """The cache folder, or None when BUILD_CACHE is not set."""
    value = settings.get("BUILD_CACHE")
    if not value:
        return None
    value = str(value)
    if os.path.isabs(value):
        return Path(value)
    return Path(os.path.dirname(os.path.abspath(settings["PATH"]))) / value


def _versions():
    found = []
    for name in ("pelican", "markdown", "typogrify", "smartypants", "pyyaml"):
        try:
            found.append(f"{name}={package_metadata.version(name)}")
        except package_metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return found


def _code_digest(digest):
    for top in ("plugins", "wartadesa"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "tests" in path.relative_to(ROOT).parts:
                continue
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())


# Settings that change how the build runs, not what it makes of a file.
HOW_SETTINGS = frozenset({"OUTPUT_PATH", "BUILD_WORKERS", "BUILD_CACHE"})


def _settings_digest(digest, settings):
    for key in sorted(settings):
        if key in HOW_SETTINGS:
            continue
        digest.update(key.encode())
        digest.update(_ADDRESS.sub("", repr(settings[key])).encode("utf-8", "replace"))


def _data_digest(digest, content_path):
    for folder_name, subfolders, names in os.walk(content_path):
        subfolders.sort()
        for name in sorted(names):
            if name.lower().endswith(DATA_SUFFIXES):
                path = os.path.join(folder_name, name)
                digest.update(os.path.relpath(path, content_path).encode("utf-8", "replace"))
                with open(path, "rb") as handle:
                    digest.update(handle.read())


class SharedPickler(pickle.Pickler):
    """Pickles the objects of `shared` ({name: object}: the build's settings, its context)
    as references by name, to be the next build's own (`SharedUnpickler`)."""

    def __init__(self, file, shared):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._names = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj):
        return self._names.get(id(obj))


class SharedUnpickler(pickle.Unpickler):
    """Unpickles what SharedPickler wrote, each reference by name to `shared`'s object."""

    def __init__(self, file, shared):
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, key):
        if key not in self._shared:
            raise pickle.UnpicklingError(key)
        return self._shared[key]


def environment_digest(settings, purpose: str):
    """A sha256 of what every cached result depends on: the kit version, the libraries'
    versions, the kit's code, the settings (but HOW_SETTINGS) and the data files under the
    content folder; `purpose` keeps the read cache's and the page record's keys apart."""
    from wartadesa import __version__

    digest = hashlib.sha256()
    digest.update(f"{purpose}\0{__version__}\0{FORMAT}\0{';'.join(_versions())}".encode())
    _code_digest(digest)
    _settings_digest(digest, settings)
    _data_digest(digest, settings["PATH"])
    return digest


def save_record(path: Path, data) -> bool:
    """Write a record of the build cache (JSON, or its text already made) whole or not at
    all: a record that cannot be written only makes the next build do more. Whether it was
    written."""
    text = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"))
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return True
    return False


def load_record(path):
    """What a record written by `save_record` holds (raises as reading or parsing would)."""
    with open(path, encoding="utf-8") as handle:
        return json.loads(handle.read())


class _BackgroundWrites:
    """Files written by one thread while the build goes on (creating a file waits for the
    file system: in a first build of 5,000 articles, about 1.3 s of the reading in the main
    process). Waited for before the process forks (os.register_at_fork: a forked process
    gets no half-written file and no thread) and before the entries are pruned."""

    def __init__(self):
        self._pool = None

    def submit(self, function, *args):
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-cache")
        self._pool.submit(function, *args)

    def wait(self):
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


_writes = _BackgroundWrites()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_writes.wait)


# The files of the build cache as this process last wrote or read them, each with what it
# holds (a set, a dict) and what it was (device, inode, size, modification time). A live
# preview's next build in the same process takes the value instead of reading and parsing
# the file again (0.15 s at 5,000 articles) when the file is still that one: every file of
# the cache is replaced whole (a new inode, `replace_file`, `save_record`). What is held is
# only read by the build, never changed. The files of the current cache at most (the kept
# articles, the memo's results and the partials are 16 files each,
# wartadesa/bucket_files.py; those of a folder the cache removes are forgotten); and only
# in a process that builds again (`hold_files`: the live preview), so that a build's
# memory is not kept for nothing while Pagefind runs.
_held: dict[str, tuple[tuple, object]] = {}
HELD_FILES = 64
_holding = [False]


def hold_files(enabled: bool = True) -> None:
    """Keep the cache's files in this process between builds (or no longer)."""
    _holding[0] = enabled
    if not enabled:
        _held.clear()


def file_identity(path) -> tuple | None:
    """What tells one file from another at the same path (device, inode, size, modification
    time), or None when there is none: the same identity, the same bytes, for files replaced
    whole (the build cache's, the pages of an output)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


def held(path, load):
    """`load(path)`, or what this process last held for the file at `path` (`hold`) when it
    is still the same file. `load` may raise as it would."""
    key = os.path.abspath(path)
    identity = file_identity(key)
    known = _held.get(key)
    if identity is not None and known is not None and known[0] == identity:
        return known[1]
    value = load(path)
    if identity is not None and identity == file_identity(key):
        hold(path, value, identity)
    return value


def hold(path, value, identity: tuple | None = None) -> None:
    """Keep `value` as what the file at `path` (just written or read) holds."""
    if not _holding[0]:
        return
    key = os.path.abspath(path)
    identity = identity or file_identity(key)
    _held.pop(key, None)
    if identity is None:
        return
    _held[key] = (identity, value)
    while len(_held) > HELD_FILES:
        _held.pop(next(iter(_held)))


def forget_held(folder) -> None:
    """No longer hold the files under `folder` (an environment's folder, removed)."""
    prefix = os.path.join(os.path.abspath(folder), "")
    for key in [key for key in _held if key.startswith(prefix)]:
        del _held[key]


def replace_file(target: Path, data: bytes) -> None:
    """Write `target` whole or not at all (a temporary file moved over it)."""
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def _write_entry(target: str, data: bytes) -> None:
    """Write a cache entry whole or not at all (a cache that cannot be written only makes
    the next build slower)."""
    temporary = f"{target[: -len('.pickle')]}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


# The content files' keys in the last build, with what each file was then (ReadCache.key).
SOURCES_FILE = "sources.bin"
# A file changed less than this before the build began is read for its key on every build
# until it is older: two saves within one tick of the file system's clock, of the same
# size, would look like one file ("racy git").
SETTLED_NS = 2_000_000_000


class ReadCache:
    def __init__(self, settings):
        self.settings = settings
        self.base = folder(settings)
        self.environment = environment_digest(settings, "read").hexdigest()[:24]
        self.here = self.base / self.environment
        self.used = set()
        self._present = None  # the names of the entries in `here`, once asked
        self.hits = 0
        self.stored = 0
        self._content = os.path.abspath(settings["PATH"])
        self._settled_before = time.time_ns() - SETTLED_NS
        self._sources = {}  # this build's {class\0path: (identity, key)}
        # The front matter digest of each file read for its key, from the same bytes
        # (incremental.Store records it beside the key).
        self.fronts: dict[str, str] = {}
        try:
            with open(self.here / SOURCES_FILE, "rb") as handle:
                known = pickle.load(handle)
            self._known_sources = known if isinstance(known, dict) else {}
        except Exception:  # noqa: BLE001 - missing or damaged: every file is read for its key
            self._known_sources = {}

    def key(self, path, class_name):
        """The file's key: a digest of its path under the content folder and its bytes. A
        file that is still the very file it was at the last build (device, inode, size,
        modification time, changed well before that build began) has the key it had then,
        without being read (5,000 files: about 0.1 s)."""
        relative = relative_path(path, self._content)
        try:
            stat = os.stat(path)
        except OSError:
            return None
        identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
        name = f"{class_name}\0{relative}"
        known = self._known_sources.get(name)
        if known is not None and known[0] == identity:
            found = known[1]
        else:
            found = self._read_key(path, relative, class_name, stat)
            if found is None:
                return None
        if stat.st_mtime_ns < self._settled_before:
            self._sources[name] = (identity, found)
        return found

    def _read_key(self, path, relative, class_name, stat):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        from wartadesa.incremental import front_matter_digest_of

        self.fronts[path] = front_matter_digest_of(data)
        digest = hashlib.sha256()
        digest.update(f"{class_name}\0{relative}\0".encode("utf-8", "surrogateescape"))
        if self.settings.get("DEFAULT_DATE") == "fs":
            digest.update(str(stat.st_mtime_ns).encode())
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key):
        return os.path.join(self.here, key[:2], f"{key}.pickle")  # (os.path: 5,000 a build)

    def has(self, key):
        if self._present is None:  # one listing of the folder, not a look per file
            self._present = set()
            with contextlib.suppress(OSError), os.scandir(self.here) as buckets:
                for bucket in buckets:
                    with contextlib.suppress(OSError), os.scandir(bucket.path) as entries:
                        self._present.update(entry.name for entry in entries)
        return f"{key}.pickle" in self._present

    def load(self, key):
        """(content, metadata) kept for `key`, or None."""
        if key is None:
            return None
        self.used.add(key)
        try:
            with open(self._file(key), "rb") as handle:
                found = SharedUnpickler(handle, {"settings": self.settings}).load()
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry: read the file again
            return None
        self.hits += 1
        return found

    def store(self, key, result):
        if key is None:
            return
        self.used.add(key)
        buffer = io.BytesIO()
        try:
            SharedPickler(buffer, {"settings": self.settings}).dump(result)
        except Exception:  # noqa: BLE001 - something that does not travel: not kept
            return
        _writes.submit(_write_entry, self._file(key), buffer.getvalue())
        self.stored += 1

    @staticmethod
    def finish_writing():
        """Wait until every entry stored so far is written."""
        _writes.wait()

    def prune(self):
        """Remove entries no file of this build used, and other keys' folders."""
        self.finish_writing()
        if not self.base.is_dir():
            return
        for entry in self.base.iterdir():
            if entry != self.here and entry.is_dir() and re.fullmatch(r"[0-9a-f]{24}", entry.name):
                shutil.rmtree(entry, ignore_errors=True)
                forget_held(entry)
        if not self.here.is_dir():
            return
        with contextlib.suppress(OSError):
            replace_file(
                self.here / SOURCES_FILE,
                pickle.dumps(dict(sorted(self._sources.items())), pickle.HIGHEST_PROTOCOL),
            )
        for bucket in self.here.iterdir():
            for item in bucket.glob("*"):
                if item.name.endswith(".tmp") or item.stem not in self.used:
                    with contextlib.suppress(OSError):
                        item.unlink()


class Silence(logging.Handler):
    """Counts warnings and errors logged while reading one file."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1

    def __enter__(self):
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *_exc):
        logging.getLogger().removeHandler(self)


def set_typography(settings):
    """What Pelican's read_file sets before typogrify, for a build whose files all came
    from the cache (so nothing differs from a build that read them)."""
    if not settings.get("TYPOGRIFY"):
        return
    import smartypants

    dashes = settings.get("TYPOGRIFY_DASHES")
    if dashes == "oldschool":
        smartypants.Attr.default = smartypants.Attr.set2
    elif dashes == "oldschool_inverted":
        smartypants.Attr.default = smartypants.Attr.set3
    else:
        smartypants.Attr.default = smartypants.Attr.set1
    smartypants.Attr.default |= smartypants.Attr.w
