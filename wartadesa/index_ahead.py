"""The search index of a build made while the build finishes.

Once every page is written (Pelican's `finalized`, after the writing processes are joined),
nothing a search index reads changes any more: the receivers of `finalized` and what
follows the Pelican run (the sitemap, the read cache's pruning, the page record) write
no HTML page. On more than one core every build starts its index then, in a forked
process (wartadesa.parallel.Aside), while the main process finishes: before, the index
started only after all that (about 1 s of one core at 5,000 articles in a full build, the
sitemap, the cache's records and the pages' marks looked for, while Pagefind could
already have been at work). A thread would not do: reading the pages is Python, and waits
for the main process's Python.

The main process keeps its memory meanwhile: the forked process shares it, so freeing it
(a garbage collection) would copy the pages it touches instead of giving them back. The
peak is the finished Pelican run's memory plus Pagefind's (547 MB at 5,000 articles,
against 384 MB when the index was made after the run with that memory given back,
search.indexer's `meanwhile`; which a build on one core still does). Should a page be
written through Pelican's Writer after the index started (a plugin's `finalized` receiver
breaking the rule above: Pelican's `content_written` names it), the index is made again
after the run. (Looking at every page's file again instead cost 0.2 s of the cores
Pagefind works on.) The output is the same either way (tests/test_incremental_build.py
compares every cached build, indexed ahead, with a clean one).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican.plugins import signals

from search.indexer import INDEX_FOLDER
from wartadesa.parallel import Aside, wait_for_writers, worker_count


class IndexAhead:
    """One build's search index: started at `finalized` on more than one core, else made
    by `finish` after the run. `index` is search.indexer.index_site (or a stand-in);
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
        """finalized: every page is written; the index starts now."""
        if self._aside is not None or worker_count(self._arguments[1]) <= 1:
            return
        wait_for_writers()  # pages rendered in other processes are on disk
        if self._has_errors():
            return
        self._aside = Aside(self._index_aside)
        signals.content_written.connect(self._written)

    def _written(self, path, context=None) -> None:
        """content_written, once the index has started."""
        if str(path).endswith(".html"):
            self._late = True

    def _index_aside(self) -> None:
        """In the forked process: its memory is the main process's, nothing to give back."""
        self._index(*self._arguments, **{**self._options, "meanwhile": None})

    def finish(self) -> None:
        """After the Pelican run: the index is complete when this returns (made here if it
        was not made ahead). Raises what the index raised (IndexFailed)."""
        aside, self._aside = self._aside, None
        signals.content_written.disconnect(self._written)
        if aside is not None:
            if not self._late:
                aside.result()
                return
            aside.stop()  # what the index read is not the site any more
            shutil.rmtree(os.path.join(self._arguments[0], INDEX_FOLDER), ignore_errors=True)
        self._index(*self._arguments, **self._options)

    def stop(self) -> None:
        """The build failed or was interrupted: an index at work is waited for (Ctrl+C
        reaches Pagefind too), so the folder can go."""
        aside, self._aside = self._aside, None
        signals.content_written.disconnect(self._written)
        if aside is not None:
            aside.stop()
