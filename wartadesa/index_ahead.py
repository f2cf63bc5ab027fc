"""The search index of a rebuild made while the build finishes.

Once every page is written (Pelican's `finalized`, after the writing processes are joined),
nothing a search index reads changes any more: the receivers of `finalized` and what
follows the Pelican run (the sitemap, the read cache's pruning, the page record) write
no HTML page. A rebuild that rendered few pages again (BUILD_CACHE, at most AHEAD_PAGES,
on more than one core) starts its index then, in a forked process
(wartadesa.parallel.Aside), while the main process finishes: before, the index started
only after all that (at 5,000 articles, about 0.4 s of a one-article rebuild spent on the
sitemap and the cache's records while Pagefind could already have been at work). A thread
would not do: reading the pages is Python, and waits for the main process's Python.

An index that turns out large (Pagefind on more than LARGE_INDEX_PAGES pages: a change
that touched many parts of the index) is not made aside: the main process makes it after
the run, as any other build (a first build, a changed template, no cache, the live
preview, a build with errors), and gives the build's memory back while Pagefind works.
Should a page be written through Pelican's Writer after the index started (a plugin's
`finalized` receiver breaking the rule above: Pelican's `content_written` names it), the
index is made again after the run. (Looking at every page's file again instead cost
0.2 s of the cores Pagefind works on.) The output is the same either way
(tests/test_incremental_build.py compares every cached build, indexed ahead, with a
clean one).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican.plugins import signals

from search.indexer import INDEX_FOLDER
from wartadesa import incremental
from wartadesa.parallel import Aside, wait_for_writers, worker_count

# A rebuild that rendered at most this many pages again is indexed ahead.
AHEAD_PAGES = 1500


class _Large(Exception):
    """Pagefind would index many pages: left to the main process."""


def _refuse_large() -> None:
    raise _Large


class IndexAhead:
    """One build's search index: started at `finalized` when the build is a small rebuild,
    else made by `finish` as before. `index` is search.indexer.index_site (or a stand-in);
    `has_errors` says whether the build has reported errors (nothing is indexed then)."""

    def __init__(
        self,
        index: Callable[..., None],
        staging: Path,
        settings: dict[str, Any],
        previous: Path,
        meanwhile: Callable[[], None] | None,
        has_errors: Callable[[], bool],
    ) -> None:
        self._index = index
        self._arguments = (staging, settings)
        self._options = {"previous": previous, "meanwhile": meanwhile}
        self._has_errors = has_errors
        self._aside: Aside | None = None
        self._late = False  # a page written after the index started

    @property
    def started(self) -> bool:
        return self._aside is not None

    def start(self, _pelican=None) -> None:
        """finalized: every page is written; a small rebuild's index starts now."""
        if self._aside is not None or worker_count(self._arguments[1]) <= 1:
            return
        wait_for_writers()  # pages rendered in other processes are on disk
        store = incremental.current()
        if self._has_errors() or store is None or not store.enabled:
            return
        if store.rendered > AHEAD_PAGES:
            return
        self._aside = Aside(self._small_index)
        signals.content_written.connect(self._written)

    def _written(self, path, context=None) -> None:
        """content_written, once the index has started."""
        if str(path).endswith(".html"):
            self._late = True

    def _small_index(self) -> bool:
        """In the forked process: True once the index is made, False if it is large."""
        options = {**self._options, "meanwhile": None}
        try:
            self._index(*self._arguments, **options, before_large=_refuse_large)
        except _Large:
            return False
        return True

    def finish(self) -> None:
        """After the Pelican run: the index is complete when this returns (made here if it
        was not made ahead). Raises what the index raised (IndexFailed)."""
        aside, self._aside = self._aside, None
        signals.content_written.disconnect(self._written)
        if aside is not None:
            if self._late:  # what the index read is not the site any more
                aside.stop()
                shutil.rmtree(os.path.join(self._arguments[0], INDEX_FOLDER), ignore_errors=True)
            elif aside.result():
                return
        self._index(*self._arguments, **self._options)

    def stop(self) -> None:
        """The build failed or was interrupted: an index at work is waited for (a small
        one: Ctrl+C reaches Pagefind too), so the folder can go."""
        aside, self._aside = self._aside, None
        signals.content_written.disconnect(self._written)
        if aside is not None:
            aside.stop()
