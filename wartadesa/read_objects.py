"""Articles and pages as an earlier build made them (BUILD_CACHE; off unless set).

The read cache (read_cache.py) keeps what Pelican's reader made of each file, but every
build still makes each Article or Page from it: Pelican's `Content.__init__` and every
receiver of `content_object_init` (cleaning the HTML, the cover and body photos, the
videos, the reading time). At 5,000 articles that is 1.2–1.9 s of every rebuild, on one
core, for files that did not change. This module keeps, beside the read cache's entries
and under the same environment (the kit's code, the settings, the data files), each
object's attributes as they were right after it was made, and a later build takes the
object from there instead of making it (0.1 s for 5,000).

An object is taken as it was only when everything it was made from is the same:

- its file (the read cache's key: its path under content/ and its bytes) and the
  environment (the folder this is kept in);
- the files under STATIC_PATHS (content/images, ...): names, sizes and modification
  times. The receivers look at the photos and images an article shows (whether they
  exist, their size); a change to any of them makes every object again;
- what the receivers of `content_object_init` do besides setting the object's
  attributes. Each receiver a build has connected must be marked `restorable`: its
  effects are on the object, in the memo (front_matter.memo, whose keys the object asked
  for are kept again: `memo.renew`), or done again by a receiver of `content_restored`
  (the photos plugin registers the photos used again). A village's own plugin that
  connects an unmarked receiver turns this off: every object is made, as before.

An object is kept only when making it logged nothing (an operator's warning comes again
on every build, from the object being made) and it is not a draft (Pelican makes an
article dated in the future a draft: whether it still is depends on the clock). Its
attributes are pickled as soon as it is made, before the build's later steps add to
them; the settings and the build's context travel as references to this build's. What
cannot be pickled (a closure a receiver set) makes the object not kept.

The files (`objects-NN.bin` in the read cache's folder of this environment,
`bucket_files.py`) hold the entries this build used, written at the end of a build that
succeeded, only the files whose entries changed; they are safe to delete (every object is
made again, as in a build without them).
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import os
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from blinker import signal

from wartadesa.bucket_files import BucketFiles
from wartadesa.read_cache import SharedPickler, SharedUnpickler
from wartadesa.speedups import lasting_expansions

FORMAT = 1
STEM = "objects"  # objects-00.bin ... (bucket_files), apart from the read entries (*.pickle)
# Attributes not kept: the closure the photos plugin sets (made again by content_restored)
# and the memo of URL expansions (wartadesa/speedups.py), of which only the expansions with
# the values they were made from are kept (`speedups.lasting_expansions`).
LEFT_OUT = frozenset({"_update_content", "_wartadesa_urls"})

# Sent with an object taken from an earlier build, once its attributes are in place: what a
# receiver of `content_object_init` did besides setting attributes is done again here.
content_restored = signal("wartadesa_content_restored")

_RESTORABLE: set[Callable] = set()
# The objects the last build that succeeded in this process took as they were and kept.
last_build: dict[str, Any] = {}


def restorable(receiver: Callable) -> Callable:
    """Mark a receiver of `content_object_init` whose effects are all on the content object,
    in the memo, or done again by a receiver of `content_restored`."""
    _RESTORABLE.add(receiver)
    return receiver


def all_restorable() -> bool:
    """Whether every receiver connected to `content_object_init` now is marked."""
    from pelican.plugins import signals

    for receiver in list(signals.content_object_init.receivers.values()):
        found = receiver() if isinstance(receiver, weakref.ref) else receiver
        if found is not None and found not in _RESTORABLE:
            return False
    return True


def static_digest(settings: Mapping[str, Any]) -> str:
    """A sha256 of the names, sizes and modification times of every file under the
    content folder's STATIC_PATHS (in the order of their paths)."""
    content = os.path.abspath(settings["PATH"])
    found = []
    for folder in settings.get("STATIC_PATHS") or ():
        root = os.path.join(content, str(folder))
        if os.path.isfile(root):
            stat = os.stat(root)
            found.append((str(folder), stat.st_size, stat.st_mtime_ns))
            continue
        for path, folders, names in os.walk(root, followlinks=True):
            folders.sort()
            for name in names:
                full = os.path.join(path, name)
                try:
                    stat = os.stat(full)
                except OSError:
                    continue
                found.append((os.path.relpath(full, content), stat.st_size, stat.st_mtime_ns))
    found.sort()
    return hashlib.sha256(repr(found).encode("utf-8", "surrogateescape")).hexdigest()


class Objects:
    """The objects of one build's reading: those an earlier build kept, and this build's."""

    def __init__(self, folder: Path, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.static = static_digest(settings)
        self.files = BucketFiles(folder, STEM, (FORMAT, self.static))
        self.enabled = all_restorable()
        self.earlier: dict[str, tuple] = {}
        self.now: dict[str, tuple] = {}
        self.restored = 0
        self.made = 0  # objects made in this build (kept or not)
        self.kept = 0
        self._changed = False
        if not self.enabled:
            return
        self.earlier = self.files.load()  # missing or damaged files: those objects are made

    def restore(self, key: str, content_class: type, settings: dict, context: dict) -> Any:
        """The object of `content_class` an earlier build made from the file of read-cache
        key `key`, with this build's `settings` and `context`, or None (then it is made)."""
        entry = self.earlier.get(f"{key}\0{content_class.__name__}")
        if entry is None:
            return None
        data, keys = entry
        try:
            collecting = gc.isenabled()
            gc.disable()  # thousands of small objects: no collection walks them meanwhile
            try:
                shared = {"settings": settings, "context": context}
                state = SharedUnpickler(io.BytesIO(data), shared).load()
            finally:
                if collecting:
                    gc.enable()
            item = content_class.__new__(content_class)
            item.__dict__.update(state)
            if _future(item):
                return None
            from front_matter import memo

            memo.renew(keys)
            content_restored.send(item)
        except Exception:  # noqa: BLE001 - something changed under it: made again
            return None
        self.now[f"{key}\0{content_class.__name__}"] = entry
        self.restored += 1
        return item

    def keep(self, key: str, item: Any, keys: list, context: dict) -> None:
        """`item`, just made from the file of read-cache key `key` (its making logged
        nothing), for the next build; `keys`: what it asked the memo (memo.watched)."""
        if getattr(item, "status", "") == "draft":
            return
        state = {name: value for name, value in vars(item).items() if name not in LEFT_OUT}
        expansions = lasting_expansions(item)
        if expansions:
            state["_wartadesa_urls"] = expansions
        buffer = io.BytesIO()
        try:
            SharedPickler(buffer, {"settings": item.settings, "context": context}).dump(state)
        except Exception:  # noqa: BLE001 - an attribute that does not pickle: not kept
            return
        self.now[f"{key}\0{type(item).__name__}"] = (buffer.getvalue(), tuple(keys))
        self.kept += 1
        self._changed = True

    def save(self) -> None:
        """After a build that succeeded: the entries it used (unchanged: not written)."""
        last_build.update(
            restored=self.restored, made=self.made, kept=self.kept, enabled=self.enabled
        )
        if not self.enabled or (not self._changed and self.now.keys() == self.earlier.keys()):
            return
        self.files.save(self.now)  # a file not written: the next build makes its objects


def _future(item: Any) -> bool:
    """Whether Pelican would make `item` a draft now for its date (WITH_FUTURE_DATES off)."""
    date = getattr(item, "date", None)
    if item.settings.get("WITH_FUTURE_DATES", True) or not isinstance(date, dt.datetime):
        return False
    now = dt.datetime.now(dt.UTC) if date.tzinfo is not None else dt.datetime.now()
    return date > now
