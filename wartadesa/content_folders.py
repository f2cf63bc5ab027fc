"""The folders of the articles' and pages' own pages, made aside as soon as they are known.

Every article page is in a folder of its own (`berita/2024/05/<slug>/index.html`), and Pelican's
Writer makes it just before writing the page: at 1,000 articles about 0.15 s of each writing
process, at 0.17 ms a folder on this machine's disk. A rebuild with the build cache has the
previous build's record, and makes all its folders aside from the start
(wartadesa.incremental). A build without a record (no BUILD_CACHE, or the first) learns them
when the articles generator has read everything (`article_generator_finalized`) and the pages
generator too (`page_generator_finalized`): each time a separate `mkdir -p`
(output_folder.FoldersMadeAside) makes them while the other generators and the checks run,
mostly on one core. A writer then finds its folder made (parallel._WritersOs), or makes it if
it is not yet. When the run is over, the folders no page was written into are removed, so the
output holds the same folders as a build without this.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import Any

from pelican.plugins import signals

from wartadesa import incremental
from wartadesa.output_folder import FoldersMadeAside

# The lists of the articles and pages generators whose items each have a page of their own
# (every published, hidden and draft article or page, and their translations).
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def content_folders(generator) -> set[str]:
    """The folders (relative to the output) of the generator's content pages."""
    found = set()
    for name in CONTENT_LISTS:
        for item in getattr(generator, name, None) or ():
            save_as = getattr(item, "save_as", "")
            if save_as:
                found.add(os.path.dirname(os.path.normpath(save_as)))
    found.discard("")
    return found


class _Folders:
    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.root = settings["OUTPUT_PATH"]
        self.made: list[FoldersMadeAside] = []

    def make(self, generator) -> None:
        """article_generator_finalized, page_generator_finalized."""
        store = incremental.current()
        if store is not None and store.enabled and store.previous:
            return  # the record's folders are made aside already
        folders = content_folders(generator)
        if folders:
            self.made.append(FoldersMadeAside(self.root, folders))

    def finish(self) -> None:
        for folders in self.made:
            folders.finish()

    def wait(self) -> None:
        for folders in self.made:
            folders.wait()


@contextlib.contextmanager
def content_folders_aside(settings: Mapping[str, Any], enabled: bool = True) -> Iterator[None]:
    """Around one Pelican run (wartadesa.build); nothing made when `enabled` is false (a
    build that only checks, `invoke check`, writes no page)."""
    folders = _Folders(settings)
    if not enabled:
        yield
        return
    signals.article_generator_finalized.connect(folders.make)
    signals.page_generator_finalized.connect(folders.make)
    try:
        yield
    except BaseException:
        folders.wait()  # before the temporary folder is removed
        raise
    else:
        folders.finish()
    finally:
        signals.article_generator_finalized.disconnect(folders.make)
        signals.page_generator_finalized.disconnect(folders.make)
