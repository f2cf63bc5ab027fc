"""Index the finished site with Pagefind (the binary of the pinned `pagefind[bin]` wheel,
nothing downloaded), in the temporary build folder before it is swapped in
(wartadesa.build): a failed index means nothing is published."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

INDEX_FOLDER = "pagefind"
# Files Pagefind writes under fixed names (the rest are named by their content hash:
# pagefind.*.pf_meta, fragment/, index/, filter/).
STABLE_FILES = (
    "pagefind.js",
    "pagefind-worker.js",
    "pagefind-entry.json",
    "wasm.id.pagefind",
    "wasm.unknown.pagefind",
)
# Pagefind's ready-made interfaces: the search page uses its own small script instead
# (README "Search"), so these never load; they are not published.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Files named by their content hash: unknown before indexing, so the output plan lists the
# folder's fixed names only (STABLE_FILES).
HASHED = re.compile(r"^pagefind/((filter|fragment|index)/[^/]+|pagefind\.[^/]+\.pf_meta)$")
# Pagefind 1.5.2 writes the values of a filter in hash-map order, which changes from run to
# run: the filter files, and the meta and entry files naming them by hash, differ between
# two builds of the same site (the pages, fragments and word index do not). README "Search".
NOT_REPEATABLE = re.compile(
    r"^pagefind/(filter/[^/]+|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$"
)
TIMEOUT_SECONDS = 600
HINT = (
    "pasang ulang dependensi: pip install -r requirements.txt (paket pagefind[bin]); "
    'atau hapus "search" dari PLUGINS di pelicanconf.py untuk build tanpa pencarian'
)


# The theme marks what search shows: published articles and pages
# (<article class="post" data-pagefind-body>), the APBDes pages (<div data-pagefind-body>).
MARKED = re.compile(rb"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s>=/]")


class IndexFailed(Exception):
    """The search index could not be made; the message is the operator's line."""


def enabled(settings: Mapping[str, Any]) -> bool:
    return "search" in (settings.get("PLUGINS") or [])


def pagefind_binary() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise IndexFailed(
            f"indeks pencarian: paket pagefind[bin] tidak terpasang — {HINT}"
        ) from None
    try:
        return str(get_executable())
    except (FileNotFoundError, OSError) as error:
        raise IndexFailed(
            f"indeks pencarian: program Pagefind tidak ditemukan ({error}) — {HINT}"
        ) from None


# Pagefind reads the marked pages from a folder of links to them (same relative paths,
# so the same addresses), not the whole site: the list pages it would parse only to skip
# them are most of the files (at 5,000 articles: 9–10 s and 905 MB instead of 13 s and 1,084 MB).
PAGES_FOLDER = ".pagefind-pages"


def command(pages: str | Path, index: str | Path, settings: Mapping[str, Any]) -> list[str]:
    """Pagefind indexing the pages under `pages` into the folder `index`."""
    return [
        pagefind_binary(),
        "--site",
        str(pages),
        "--output-path",
        str(index),
        "--force-language",
        settings.get("SEARCH_LANGUAGE") or "id",
        "--silent",
    ]


def is_marked(page: Path) -> bool:
    data = page.read_bytes()
    return b"data-pagefind-body" in data and MARKED.search(data) is not None


def index_site(
    folder: str | Path, settings: Mapping[str, Any], into: str | Path | None = None
) -> None:
    """Write the Pagefind index of the site in `folder` into `into` (default: its
    `pagefind/`). Does nothing when the search plugin is not in PLUGINS. Raises IndexFailed
    with an Indonesian message."""
    if not enabled(settings):
        return
    folder = Path(folder)
    bundle = Path(into) if into is not None else folder / INDEX_FOLDER
    marked = [
        page
        for page in sorted(folder.rglob("*.html"))
        if not page.relative_to(folder).parts[0].startswith(".pagefind") and is_marked(page)
    ]
    if not marked:
        # Nothing published to search. Pagefind would index every page instead (drafts
        # too), or fail: no index; the search page says search cannot be loaded.
        return
    pages = folder / PAGES_FOLDER
    try:
        _link_pages(marked, folder, pages)
        _run_pagefind(pages, bundle, settings, folder)
    finally:
        shutil.rmtree(pages, ignore_errors=True)
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    if not (bundle / "pagefind.js").is_file():
        shutil.rmtree(bundle, ignore_errors=True)
        raise IndexFailed(
            f"indeks pencarian: Pagefind tidak menulis {INDEX_FOLDER}/pagefind.js — {HINT}"
        )


# --- The index after the preview (invoke livereload) ----------------------------------
# A rebuild in the live preview does not wait for Pagefind: the new folder gets the
# previous build's index (hard links), is shown at once, and the index is made again
# afterwards and put in place of the old one (tasks.livereload, in a thread).
NEXT_FOLDER = ".pagefind-next"
OLD_FOLDER = ".pagefind-old"


def keep_index(previous: str | Path, folder: str | Path, settings: Mapping[str, Any]) -> None:
    """Put the search index of the site in `previous` (if any) into the new `folder`."""
    source = Path(previous) / INDEX_FOLDER
    if enabled(settings) and source.is_dir():
        shutil.copytree(source, Path(folder) / INDEX_FOLDER, copy_function=_link_or_copy)


def index_in_place(folder: str | Path, settings: Mapping[str, Any]) -> None:
    """Make the index of the site in `folder` again and swap it in for its `pagefind/`
    (removed when nothing is published). Raises IndexFailed; the old index then stays."""
    folder = Path(folder)
    fresh, old, current = folder / NEXT_FOLDER, folder / OLD_FOLDER, folder / INDEX_FOLDER
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    index_site(folder, settings, into=fresh)
    if current.exists():
        current.rename(old)
    if fresh.exists():
        fresh.rename(current)
    shutil.rmtree(old, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _link_pages(marked: list[Path], folder: Path, pages: Path) -> None:
    """`pages`: the marked pages at their paths under `folder`, hard links (copies where the
    file system has none)."""
    shutil.rmtree(pages, ignore_errors=True)
    for page in marked:
        target = pages / page.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(page, target)


def _run_pagefind(pages: Path, bundle: Path, settings: Mapping[str, Any], folder: Path) -> None:
    try:
        result = subprocess.run(
            command(pages, bundle, settings),
            check=False,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        raise IndexFailed(
            f"indeks pencarian: Pagefind tidak selesai dalam {TIMEOUT_SECONDS} "
            "detik (indexing timed out) — coba lagi; bila terulang, laporkan "
            "jumlah berita situs ini"
        ) from None
    except OSError as error:
        raise IndexFailed(
            f"indeks pencarian: Pagefind tidak bisa dijalankan ({error.strerror}) — {HINT}"
        ) from None
    if result.returncode != 0:
        detail = " ".join((result.stderr or result.stdout or "").split())[:500]
        detail = detail.replace(str(pages), "output").replace(str(folder), "output")
        raise IndexFailed(
            f"indeks pencarian: Pagefind gagal (kode {result.returncode}): "
            f"{detail or 'tanpa pesan'} — {HINT}"
        )
