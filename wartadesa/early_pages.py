"""The live preview shows the saved article's page first, while the rest of the site builds.

A rebuild of `invoke livereload` after one saved article reads and checks the whole site,
then writes every page (most of them reused: wartadesa/incremental.py) and swaps the new
output in; the browser reloads when the rebuild returns. At 5,000 articles the writing
and the swap are about half of that wait, for pages the operator is not looking at. Like
Hugo's server, which renders the pages open in the browser first, the preview puts the
page of each article or page this build made again (the saved file: read anew, not taken
as an earlier build kept it, `wartadesa/read_objects.py`) in place as soon as the site is
read and checked, before the writing starts (`get_writer`):

- only when the build found no error (the check before writing: the page of an article
  with a mistake is never shown), and only for a few pages (EARLY_PAGES; a first build,
  or a change that makes every object again, shows nothing early);
- rendered by Pelican's own Writer with the template and the context the build renders
  that page with a moment later, into a folder beside the output, then moved into the
  output being served, each file in one rename; the file it replaced is kept aside;
- the caller is told which pages are shown (`shown(names)`) and the build goes on. When
  the build has swapped its complete output in, the files kept aside go (`finish`); when
  the build fails, they are put back (`undo`): the preview shows the last good site.

Nothing is shown early when the content links a file with `{attach}` (Pelican moves that
file beside the first page rendered that links it: the order would change the site) or when
a plugin listens to Pelican's signals sent just before an article or page is written. Showing
a page early is a help, never a condition: when it fails (a file system without hard links,
a folder that cannot be made), the pages already placed are put back and the build goes on
as without it. The folder beside the output is named and marked as a build's temporary
folder (`output_folder.new_staging`), so a preview killed meanwhile leaves nothing that the
next build does not remove.

The page shown early is the page the build writes (tests/test_early_pages.py and the
benchmark's differential run compare their bytes); the output swapped in is the build's
own in every case. A build outside the live preview never shows pages early.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from pelican.plugins import signals

from wartadesa import output_folder
from wartadesa.parallel import uses_attach
from wartadesa.read_objects import restorable

logger = logging.getLogger(__name__)

EARLY_PAGES = 4  # at most this many pages shown before the build ends

_made: list | None = None  # the articles and pages made by the build in progress


@restorable  # noting the object is all it does: a restored object needs no note
def _note_made(content) -> None:
    """content_object_init: an object this build made (a restored one is not sent)."""
    if _made is not None:
        _made.append(content)


class EarlyPages:
    """One live-preview build's pages shown early (see the module docstring)."""

    def __init__(self, output: Path, shown: Callable[[list[str]], None]) -> None:
        self.output = Path(output)
        self._shown = shown
        self._generators = []
        self._folder: Path | None = None
        self.placed: dict[str, str] = {}  # output name -> sha256 of the page shown
        # (page, the file it replaced kept aside or None, the folders made for it)
        self._replaced: list[tuple[Path, Path | None, list[Path]]] = []

    def connect(self) -> None:
        global _made
        _made = []
        signals.content_object_init.connect(_note_made)
        signals.all_generators_finalized.connect(self._remember)

    def disconnect(self) -> None:
        global _made
        _made = None
        self._generators = []  # the build's objects: collected once it ends
        signals.content_object_init.disconnect(_note_made)
        signals.all_generators_finalized.disconnect(self._remember)

    def _remember(self, generators) -> None:
        self._generators = list(generators)

    def show(self, _pelican=None) -> None:
        """get_writer, once the build found no error: the made pages, in place."""
        made = list(_made or ())
        if not made or not self.output.is_dir() or self._others_listen():
            return
        if uses_attach(self._generators):  # the order of renders would change the site
            return
        pages = self._pages(made)
        if not pages or len(pages) > EARLY_PAGES:
            return
        try:
            self._render_and_place(pages)
        except Exception as error:  # noqa: BLE001 - a help only: the build goes on without
            logger.debug("no page shown early (%s: %s)", type(error).__name__, error)
            self.undo()
            return
        if self.placed:
            self._shown(sorted(self.placed))

    @staticmethod
    def _others_listen() -> bool:
        """Whether a receiver listens to what Pelican sends just before writing an article
        or a page (it would not hear of the early page)."""
        return any(
            bool(signal.receivers)
            for signal in (
                signals.article_generator_write_article,
                signals.page_generator_write_page,
            )
        )

    def _render_and_place(self, pages: list[tuple]) -> None:
        self._folder = output_folder.new_staging(self.output)
        from pelican.writers import Writer

        writer = None
        for generator, name, template, values in pages:
            writer = writer or Writer(str(self._folder / "new"), settings=generator.settings)
            context = generator.context
            before = context.get("localsiteurl")  # Pelican's writer sets it while rendering
            try:
                writer.write_file(name, template, context, **values)
            finally:
                context["localsiteurl"] = before
        for _generator, name, _template, _values in pages:
            self._place(name)

    def _pages(self, made: list) -> list[tuple]:
        """(generator, output name, template, write_file's values) of each made article or
        page that is published, as Pelican's generators write it."""
        from pelican.generators import ArticlesGenerator, PagesGenerator

        made_ids = {id(item) for item in made}
        found = []
        for generator in self._generators:
            if isinstance(generator, ArticlesGenerator):
                items, kind = generator.articles, "article"
            elif isinstance(generator, PagesGenerator):
                items, kind = generator.pages, "page"
            else:
                continue
            for item in items:
                if id(item) not in made_ids or not item.save_as:
                    continue
                values = {  # as generate_pages's `write` (articles), generate_output (pages)
                    kind: item,
                    "relative_urls": generator.settings["RELATIVE_URLS"],
                    "override_output": hasattr(item, "override_save_as"),
                    "url": item.url,
                }
                if kind == "article":
                    values.update(category=getattr(item, "category", None), blog=True)
                found.append(
                    (generator, item.save_as, generator.get_template(item.template), values)
                )
        return found

    def _place(self, name: str) -> None:
        """The page rendered aside, moved into the output being served (one rename); the
        file it replaces kept aside for `undo`."""
        new = self._folder / "new" / name
        target = self.output / name
        if not new.is_file() or self.output.resolve() not in target.resolve().parents:
            return
        kept = None
        if target.is_file():
            kept = self._folder / "kept" / f"{len(self._replaced)}"
            kept.parent.mkdir(exist_ok=True)
            output_folder.link_or_copy(target, kept)
        made = [folder for folder in target.parents if not folder.exists()]  # innermost first
        target.parent.mkdir(parents=True, exist_ok=True)
        data = new.read_bytes()
        os.replace(new, target)
        self._replaced.append((target, kept, made))
        self.placed[os.path.normpath(name)] = hashlib.sha256(data).hexdigest()

    def undo(self) -> None:
        """The build failed: the pages shown early give way to those they replaced."""
        for target, kept, made in reversed(self._replaced):
            with suppress(OSError):
                if kept is None:
                    target.unlink()
                else:
                    os.replace(kept, target)
            for folder in made:  # the folders a new page needed, if nothing else is there
                with suppress(OSError):
                    folder.rmdir()
        self._replaced = []
        self.placed = {}
        self.finish()

    def finish(self) -> None:
        """The folder beside the output goes (its files were moved in, or are not needed)."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def differing(self) -> list[str]:
        """After the build: the pages shown early that are not the page now in the output."""
        found = []
        for name, digest in sorted(self.placed.items()):
            try:
                now = hashlib.sha256((self.output / name).read_bytes()).hexdigest()
            except OSError:
                now = None
            if now != digest:
                found.append(name)
        return found
