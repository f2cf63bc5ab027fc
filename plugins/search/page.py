"""The search page (`SEARCH_SAVE_AS`, written through Pelican's Writer) with its filter
lists, and the theme's helper that allows WebAssembly in the Content-Security-Policy of that
page only."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pelican.generators import Generator

from front_matter.contents import plain

from .indexer import INDEX_FOLDER, STABLE_FILES
from .shards import SHARDS_FILE

if TYPE_CHECKING:
    from pelican.writers import Writer

INDEX_DESCRIPTION = "indeks pencarian (Pagefind)"
# What the theme marks for the index with the filters of partials/search_facts.html: the
# context's list, and the name shown as the category (None: the item's own category).
FILTERED = (
    ("articles", None),
    ("notices", "Pengumuman"),
    ("events", "Agenda"),
    ("albums", "Galeri"),
)


def allow_wasm(policy: str | None) -> str:
    """`policy` with 'wasm-unsafe-eval' in script-src (Pagefind runs WebAssembly). A policy
    without script-src gets one copied from default-src, so nothing else changes."""
    policy = policy or ""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0].lower() for part in directives]
    if "script-src" in names:
        at = names.index("script-src")
        if "'wasm-unsafe-eval'" not in directives[at].split():
            directives[at] += " 'wasm-unsafe-eval'"
    else:
        fallback = next(
            (
                part.split()[1:]
                for part, name in zip(directives, names, strict=True)
                if name == "default-src"
            ),
            ["'self'"],
        )
        directives.append(" ".join(["script-src", *fallback, "'wasm-unsafe-eval'"]))
    return "; ".join(directives)


def add_template_helpers(generator: Generator) -> None:
    """generator_init: `allow_wasm()` for partials/head.html (a global, not a filter, so
    the theme still compiles when a site removes this plugin)."""
    generator.env.globals.update(allow_wasm=allow_wasm)


class SearchPageGenerator(Generator):
    """Writes the search page; declares it, the index's fixed files and its folder for the
    output plan."""

    def generate_context(self) -> None:
        pass

    def planned_outputs(self) -> Iterator[tuple[str, str, None, int, str]]:
        save_as = self.settings.get("SEARCH_SAVE_AS")
        if save_as:
            yield save_as, "halaman pencarian (cari)", None, 1, ""
        for name in (*STABLE_FILES, SHARDS_FILE):
            yield f"{INDEX_FOLDER}/{name}", INDEX_DESCRIPTION, None, 1, ""

    def reserved_folders(self) -> Iterator[tuple[str, str]]:
        """The index folder, for the output plan: the indexer writes it whole once every
        page is written (most of its files named by their content hash), so a page, a
        redirect or a static file inside it is an error at the line that makes it."""
        yield INDEX_FOLDER, INDEX_DESCRIPTION

    def generate_output(self, writer: Writer) -> None:
        save_as = self.settings.get("SEARCH_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("search"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            pagefind_js=pagefind_address(save_as),
            search_filters=filter_values(self.context),
        )


def filter_values(context: dict) -> dict[str, list[str]]:
    """The values of the index's filters `desa`, `kategori` and `tahun`, as
    partials/search_facts.html writes them on the published items (and
    partials/village_filter.html on a village's data pages), for the search page's lists:
    the page then needs nothing of Pagefind until a search is made."""
    villages, categories, years = set(), set(), set()
    for key, kind in FILTERED:
        items = context.get(key) or ()
        translations = [t for item in items for t in getattr(item, "translations", None) or ()]
        for item in [*items, *translations]:  # a translation has its page, marked the same
            if getattr(item, "status", "published") != "published":
                continue
            years.add(item.date.year)
            categories.add(kind or plain(getattr(item, "category", "")))
            villages.update(
                plain(getattr(place, "distinct_title", place.title))
                for place in getattr(item, "villages", None) or ()
            )
    for place in context.get("villages") or ():  # partials/village_filter.html
        data = getattr(place, "data", None)
        if (data is not None and data.base_url and data.pages) or getattr(place, "apbdes", None):
            villages.add(plain(place.distinct_title))
    return {
        "desa": sorted(filter(None, villages), key=_by_letters),
        "kategori": sorted(filter(None, categories), key=_by_letters),
        "tahun": [str(year) for year in sorted(years, reverse=True)],
    }


def _by_letters(text: str) -> tuple[str, str]:
    return text.casefold(), text


def pagefind_address(save_as: str) -> str:
    """pagefind.js relative to the search page: the same in the preview and in production
    (and for a site in a sub-folder), always from the server that served the page."""
    folder = posixpath.dirname(save_as) or "."
    return posixpath.relpath(f"{INDEX_FOLDER}/pagefind.js", folder)
