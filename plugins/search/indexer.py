"""Index the finished site with Pagefind (the binary of the pinned `pagefind[bin]` wheel,
nothing downloaded), in the temporary build folder before it is swapped in
(wartadesa.build): a failed index means nothing is published."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from wartadesa import read_cache
from wartadesa.output_folder import discard, link_or_copy, walk_error

from . import shards

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
# The other parts of a big site's index (search/shards.py) are all named by what they hold.
HASHED = re.compile(
    r"^pagefind/((filter|fragment|index)/[^/]+|pagefind\.[^/]+\.pf_meta|shard-\d+/.+)$"
)
# Pagefind 1.5.2 writes the values of a filter in hash-map order, which changes from run to
# run: the filter files, and the meta and entry files naming them by hash, differ between
# two builds of the same site (the pages, fragments and word index do not). README "Search".
NOT_REPEATABLE = re.compile(
    r"^pagefind/(shard-\d+/)?(filter/[^/]+|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$"
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


def options(settings: Mapping[str, Any]) -> list[str]:
    """Pagefind's options but the folders: the same for every part of the index."""
    return ["--force-language", settings.get("SEARCH_LANGUAGE") or "id", "--silent"]


def command(pages: str | Path, index: str | Path, settings: Mapping[str, Any]) -> list[str]:
    """Pagefind indexing the pages under `pages` into the folder `index`."""
    return [
        pagefind_binary(),
        "--site",
        str(pages),
        "--output-path",
        str(index),
        *options(settings),
    ]


_MARK = b"data-pagefind-body"


def is_marked(data: bytes) -> bool:
    """Whether a page's HTML has an element marked for search (MARKED matches)."""
    return _mark_match(data, MARKED) is not None


def _mark_match(data: bytes, pattern: re.Pattern, last: bool = False) -> re.Match | None:
    """A match of `pattern` (a start tag holding `data-pagefind-body`: MARKED, _BODY_OPEN),
    tried only at the tag each `data-pagefind-body` is in (the match lies within that tag:
    `[^<>]*` crosses no other `<`), from the first one on, or with `last` from the last
    one back (then the pattern's last match). Tried from every `<` of a page instead, the
    patterns took most of the time of reading the pages: 10,000 pages 0.84 s, now 0.05 s."""
    at = data.rfind(_MARK) if last else data.find(_MARK)
    while at != -1:
        start = data.rfind(b"<", 0, at)
        match = pattern.match(data, start) if start != -1 else None
        if match is not None:
            return match
        if last:
            at = data.rfind(_MARK, 0, start) if start != -1 else -1  # an earlier tag's
        else:
            at = data.find(_MARK, at + 1)
    return None


# What Pagefind 1.5 reads of a page with an element marked data-pagefind-body: the text of
# that element, and from anywhere on the page the data-pagefind-* attributes (meta, filter,
# sort), the first <h1> (the result's title), the first <img> after it (its picture) and
# <title>; nothing else outside the element (not its links, not its other text), and
# inside it not the addresses its links point to.
_BODY_OPEN = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*\sdata-pagefind-body[\s>=/]")
_READ_ANYWHERE = re.compile(rb"data-pagefind|<h1[\s>]|<img[\s>/]|<title[\s>]", re.I)
_TAGS: dict[bytes, re.Pattern] = {}


def searched_end(data: bytes) -> int:
    """Where what Pagefind reads of a marked page ends: after the last element marked
    data-pagefind-body when nothing after it is read (the theme's previous/next and related
    links come there: a neighbour's new title changes the page, not its search entry);
    else the end of the page."""
    opening = _mark_match(data, _BODY_OPEN, last=True)
    if opening is None:
        return len(data)
    name = opening.group(1).lower()
    tags = _TAGS.get(name)
    if tags is None:
        tags = _TAGS[name] = re.compile(rb"<(/?)" + re.escape(name) + rb"\b[^<>]*>", re.I)
    depth = 0
    for tag in tags.finditer(data, opening.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = tag.end()
            return len(data) if _READ_ANYWHERE.search(data, end) else end
    return len(data)  # not closed: the whole page


# Pagefind does not read where a link points: a start tag `<a ...>` is known without the
# value of its `href`. So an article's new address changes the links to it in other
# articles' text, not their search entries. Tags are taken whole, attribute by attribute
# (a `<a` inside another tag's quoted value is that value); text holds no `<` but tags
# (the serializers escape it).
_START_TAG = re.compile(
    rb"""<([a-zA-Z][a-zA-Z0-9-]*)(?:\s+[^\s"'<>/=]+(?:="[^"]*"|='[^']*'|=[^\s"'=<>`]+)?)*\s*/?>"""
)
_ATTRIBUTE = re.compile(rb"""(\s+)([^\s"'<>/=]+)(="[^"]*"|='[^']*'|=[^\s"'=<>`]+)?""")


def _without_link_address(tag: re.Match) -> bytes:
    if tag.group(1).lower() != b"a":
        return tag.group(0)
    return _ATTRIBUTE.sub(
        lambda a: a.group(1) + b'href=""' if a.group(2).lower() == b"href" else a.group(0),
        tag.group(0),
    )


def search_digest(data: bytes) -> str:
    """The sha256 of what Pagefind reads of a marked page (`searched_end`), without the
    addresses of its links: two pages with the same digest at the same address get the same
    search entry."""
    read = _START_TAG.sub(_without_link_address, data[: searched_end(data)])
    return hashlib.sha256(read).hexdigest()


class Marked(NamedTuple):
    path: Path
    relative: str  # posix path under the site folder
    sha: str  # its search digest (search_digest), UNRECORDED without a cache folder


def marked_pages(
    folder: Path, seen: shards.Seen | None = None, settings: Mapping[str, Any] | None = None
) -> list[Marked]:
    """Every page of `folder` marked for search. With `seen` (the build cache), a page
    that is still the very file looked at last time (a page reused by the build is a hard
    link to it) is not read again. With `settings`, many pages to read (a first build) are
    read on every core (BUILD_WORKERS; wartadesa.parallel.map_forked). Without a cache
    folder (`seen` None or without its record) nothing is kept for the next build and no
    part of the index is taken from the previous one: a page's `sha` is then UNRECORDED,
    not its search digest (about 0.9 s of CPU for 5,000 articles)."""
    recorded = seen is not None and seen.file is not None
    names = _html_files(folder)
    shas, unknown = {}, []
    base = os.fspath(folder)
    for name in names:
        sha = seen.known(name, os.path.join(base, name)) if seen is not None else None
        if sha is None:
            unknown.append(name)
        else:
            shas[name] = sha
    from wartadesa.parallel import map_forked

    workers = settings if settings is not None else {"BUILD_WORKERS": 1}
    read = _page_digest if recorded else _page_mark
    for name, sha in zip(
        unknown, map_forked(read, [folder / n for n in unknown], workers), strict=True
    ):
        if seen is not None:
            seen.note(name, folder / name, sha)
        shas[name] = sha
    return [Marked(folder / name, name, shas[name]) for name in names if shas[name]]


def _page_digest(page: Path) -> str:
    """The search digest of a page's file, or "" when nothing on it is marked for search."""
    data = page.read_bytes()
    return search_digest(data) if is_marked(data) else ""


UNRECORDED = "-"  # Marked.sha of a marked page when the build keeps no record


def _page_mark(page: Path) -> str:
    """UNRECORDED when something on the page is marked for search, else ""."""
    return UNRECORDED if is_marked(page.read_bytes()) else ""


def _html_files(folder: Path) -> list[str]:
    """The posix paths of the `.html` files under `folder` (links not followed; Pagefind's
    working folders left out), in the order of their paths' parts (as sorted Paths). As
    `os.walk` sees them (a link to a folder is a folder, not entered; a folder that cannot
    be read is left out), each folder's path made once from its parent's."""
    found = []
    folders = [("", os.fspath(folder))]
    while folders:
        prefix, path = folders.pop()
        try:
            with os.scandir(path) as entries:
                for entry in entries:
                    name = entry.name
                    if not prefix and name.startswith(".pagefind"):
                        continue
                    try:
                        is_folder = entry.is_dir()
                    except OSError:
                        is_folder = False
                    if is_folder:
                        if not entry.is_symlink():
                            folders.append((f"{prefix}{name}/", entry.path))
                    elif name.endswith(".html"):
                        found.append(prefix + name)
        except OSError:
            continue
    return sorted(found, key=lambda name: name.split("/"))


def index_site(
    folder: str | Path,
    settings: Mapping[str, Any],
    into: str | Path | None = None,
    previous: str | Path | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Write the Pagefind index of the site in `folder` into `into` (default: its
    `pagefind/`), in parts on a big site (search/shards.py). `previous`: the index folder of
    the build before, whose unchanged parts are taken instead of being indexed again (with
    BUILD_CACHE only). `meanwhile`: called once, as soon as Pagefind is at work on more than
    LARGE_INDEX_PAGES pages (the build frees its memory then); not called for fewer pages or
    none. Does nothing else when the search plugin is not in PLUGINS. Raises IndexFailed
    with an Indonesian message."""
    _index_site(folder, settings, into, previous, meanwhile)


# Pagefind's memory grows with the pages it indexes (about 130 MB for 700 pages, 1 GB for
# 10,000): a build that indexes after its run (on one core) gives its own memory back while
# Pagefind works (`meanwhile`) only when more pages than this are indexed. A rebuild that indexes again the one part of the index
# an edited article is in (at most 1,250 pages: 16 parts at 20,000 articles) goes on
# without waiting for that collection (0.3–0.5 s at 5,000 articles, on the cores Pagefind
# uses).
LARGE_INDEX_PAGES = 1500


def _index_site(folder, settings, into, previous, meanwhile) -> None:
    if not enabled(settings):
        return
    try:
        per_shard = shards.shard_pages(settings)
    except shards.BadSetting as error:
        raise IndexFailed(f"indeks pencarian: {error}") from None
    folder = Path(folder)
    bundle = Path(into) if into is not None else folder / INDEX_FOLDER
    seen = shards.Seen(read_cache.folder(settings))
    marked = marked_pages(folder, seen, settings)
    if not marked:
        # Nothing published to search. Pagefind would index every page instead (drafts
        # too), or fail: no index; the search page says search cannot be loaded.
        return
    count = shards.shard_count(len(marked), per_shard)
    sources = shards.sources_of(settings)
    groups: dict[int, list[Marked]] = {}
    for page in marked:
        groups.setdefault(shards.shard_of(page.relative, count, sources), []).append(page)
    present = sorted(groups)  # the first group with pages is the first part (the scripts)
    record = shards.Record(read_cache.folder(settings), count)
    previous = Path(previous) if previous is not None else None
    pagefind = [pagefind_binary(), *options(settings)]
    work = folder / PARTS_FOLDER
    shutil.rmtree(work, ignore_errors=True)
    try:
        to_index, reused, keys = [], [], {}
        for group in present:
            primary = group == present[0]
            target = work / str(group)
            keys[group] = shards.key([(p.relative, p.sha) for p in groups[group]], pagefind)
            if record.reusable(group, primary, keys[group], previous):
                reused.append((group, target, primary))
            else:
                to_index.append((group, groups[group], target, primary))

        def take_reused_parts():  # while Pagefind works on the others
            for group, target, primary in reused:
                _copy_part(previous / shards.folder_name(group, primary), target, primary)
                record.note(group, primary, keys[group], target)

        linking = _index_parts(to_index, folder, work, settings, meanwhile, take_reused_parts)
        _forget_links(settings, linking | {group for group, _target, _primary in reused})
        for group, _pages, target, primary in to_index:
            record.note(group, primary, keys[group], target)
        os.rename(work / str(present[0]), bundle)
        for group in present[1:]:
            os.rename(work / str(group), bundle / shards.folder_name(group, False))
        merge = [f"{shards.folder_name(group, False)}/" for group in present[1:]]
        (bundle / shards.SHARDS_FILE).write_text(
            json.dumps({"merge": merge}) + "\n", encoding="utf-8"
        )
    except BaseException as error:
        if into is None:
            shutil.rmtree(bundle, ignore_errors=True)
        if isinstance(error, OSError):
            raise IndexFailed(
                f"indeks pencarian: folder indeks tidak bisa ditulis "
                f"({error.strerror or error}) — periksa ruang disk dan izin folder, lalu "
                "build ulang"
            ) from None
        raise
    finally:
        # Without waiting: removing the parts' folders of links (a part read from links)
        # took about 1 s of the cores Pagefind works on at 5,000 articles.
        discard(work, beside=folder)
    record.save()
    seen.save()


# The index's working folder: each part's Pagefind configuration (`glob-N`, or a folder
# of links for a part with odd page paths, `_index_parts`) and each part written into its
# own folder, then moved.
PARTS_FOLDER = ".pagefind-parts"
# Only the first part is loaded as Pagefind's module: the others need no scripts.
SCRIPT_FILES = ("pagefind.js", "pagefind-worker.js", "wasm.id.pagefind", "wasm.unknown.pagefind")


def _copy_part(source: Path, target: Path, primary: bool) -> None:
    """A part of the previous index, as hard links (the first part without the others)."""

    def not_other_parts(folder, names):
        if not primary or Path(folder) != source:
            return []
        return [n for n in names if n.startswith(shards.SHARD_PREFIX) or n == shards.SHARDS_FILE]

    shutil.copytree(source, target, copy_function=link_or_copy, ignore=not_other_parts)


def _index_parts(
    to_index,
    folder: Path,
    work: Path,
    settings: Mapping[str, Any],
    meanwhile: Callable[[], None] | None,
    alongside: Callable[[], None],
) -> set[int]:
    """Pagefind over each part to index, as many at once as the build has workers; once
    the first has started (or failed), `meanwhile` runs in this thread when the parts hold
    more than LARGE_INDEX_PAGES pages, then `alongside` (the work that does not wait for
    Pagefind). With the build cache (on the site's disk), Pagefind reads a part's pages from
    the folder of links kept for it there (`_link_pages`): only that part's folders to walk,
    and a rebuild's links are mostly the ones already there. Otherwise it reads them in the
    site's folder itself, chosen by their paths (`_glob_config`: no 600 folders made for a
    build whose links would go with it, or copied to another disk), unless a page's path is
    one a glob cannot name plainly (then from links too). Returns the groups read from
    links."""
    linking: set[int] = set()
    if not to_index:
        alongside()
        return linking
    from wartadesa.parallel import worker_count

    started = threading.Event()

    kept = read_cache.folder(settings)  # with the build cache: the links kept there
    links = kept / LINKS_FOLDER if kept is not None else work
    # Links kept only where they can be links: a cache on another disk would copy the pages.
    from_links = kept is not None and same_disk(kept, folder)

    def one(job):
        group, pages, target, primary = job
        relatives = [page.relative for page in pages]
        try:
            if not from_links and all(_GLOB_SAFE.match(relative) for relative in relatives):
                chosen = _glob_config(relatives, work / f"glob-{group}")
                _run_pagefind(folder, target, settings, folder, started, cwd=chosen)
            else:
                linked = links / f"pages-{group}"
                _link_pages(relatives, folder, linked)
                linking.add(group)
                _run_pagefind(linked, target, settings, folder, started)
        finally:
            started.set()  # (without the cache the links go with the work folder: discard)
        for name in UNUSED_FILES + (() if primary else SCRIPT_FILES):
            (target / name).unlink(missing_ok=True)
        needed = "pagefind.js" if primary else "pagefind-entry.json"
        if not (target / needed).is_file():
            raise IndexFailed(
                f"indeks pencarian: Pagefind tidak menulis {INDEX_FOLDER}/{needed} — {HINT}"
            )

    at_once = max(1, min(len(to_index), worker_count(settings)))
    pool = ThreadPoolExecutor(max_workers=at_once)
    try:
        futures = [pool.submit(one, job) for job in to_index]
        started.wait()
        if meanwhile is not None and sum(len(job[1]) for job in to_index) > LARGE_INDEX_PAGES:
            meanwhile()
        alongside()
        for future in futures:
            future.result()  # the first failure is the build's message
    finally:  # after a failure (or Ctrl+C), parts not yet started are not started
        pool.shutdown(wait=True, cancel_futures=True)
    return linking


# A page path Pagefind's glob (wax) names as it is: folders and file names of letters,
# digits, `.`, `_` and `-` (every path the kit's own addresses make). Any other path (a
# village's own URL setting) is read from a folder of links instead.
_GLOB_SAFE = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")


def same_disk(first: Path, second: Path) -> bool:
    """Whether the two folders are on one file system (a hard link can join them)."""
    try:
        return os.stat(first).st_dev == os.stat(second).st_dev
    except OSError:
        return False


def _glob_config(relatives: list[str], where: Path) -> Path:
    """A folder holding Pagefind's configuration file whose glob names exactly the pages
    `relatives` (posix paths under the site folder): Pagefind run from there reads those
    pages and no other. A file, not the command line: a part's glob is about 45 KB at
    5,000 articles, and a command-line argument may not pass 128 KB."""
    where.mkdir(parents=True, exist_ok=True)
    glob = "{" + ",".join(relatives) + "}"
    (where / "pagefind.json").write_text(json.dumps({"glob": glob}), encoding="utf-8")
    return where


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
        shutil.copytree(source, Path(folder) / INDEX_FOLDER, copy_function=link_or_copy)


def index_in_place(folder: str | Path, settings: Mapping[str, Any]) -> None:
    """Make the index of the site in `folder` again and swap it in for its `pagefind/`
    (removed when nothing is published). Raises IndexFailed; the old index then stays."""
    folder = Path(folder)
    fresh, old, current = folder / NEXT_FOLDER, folder / OLD_FOLDER, folder / INDEX_FOLDER
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    index_site(folder, settings, into=fresh, previous=current)
    if current.exists():
        current.rename(old)
    if fresh.exists():
        fresh.rename(current)
    shutil.rmtree(old, ignore_errors=True)


# With the build cache, every part is read from a folder of links kept in the cache folder
# for the next build (`_link_pages`): a rebuild's part is mostly the same pages, the very
# same files (hard links), so its folders are made once (making a part's 600 folders again
# cost 0.3–0.45 s of a one-article rebuild at 5,000 articles on a disk slow to give out
# recently freed inodes), and Pagefind walks only them, not the site's 10,000 folders.
LINKS_FOLDER = "search-links"


def _link_pages(relatives: list[str], folder: Path, pages: Path) -> None:
    """`pages`: the marked pages (posix paths under `folder`) at the same paths under
    `pages`, hard links (copies where the file system has none), and nothing else. What
    `pages` already holds (an earlier build's links) stays where it is a link to the very
    file now at its path (the same inode: a page the build reused); anything else in it
    goes first."""
    base, top = os.fspath(folder), os.fspath(pages)
    wanted = {
        os.path.join(top, *relative.split("/")): os.path.join(base, *relative.split("/"))
        for relative in relatives
    }
    if os.path.lexists(top):
        _keep_linked(top, wanted)
    made = {top}
    os.makedirs(top, exist_ok=True)
    for target, source in wanted.items():  # strings, one mkdir per folder
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        link_or_copy(source, target)


def _forget_links(settings: Mapping[str, Any], keep: set[int]) -> None:
    """The kept folders of links but those of the parts `keep` (read from links this time,
    or taken whole from the previous index): a part Pagefind read in the site's folder, or
    that the index no longer has (fewer parts), needs none."""
    kept = read_cache.folder(settings)
    if kept is None or not (kept / LINKS_FOLDER).is_dir():
        return
    names = {f"pages-{group}" for group in keep}
    for folder in (kept / LINKS_FOLDER).iterdir():
        if folder.name not in names:
            shutil.rmtree(folder, ignore_errors=True)


def _keep_linked(top: str, wanted: dict[str, str]) -> None:
    """Remove from the folder `top` all but the links to the files `wanted` names
    ({link: file}), and those it keeps from `wanted`; a folder left empty goes."""
    if os.path.islink(top) or not os.path.isdir(top):
        os.unlink(top)
        return
    for path, folders, names in os.walk(top, topdown=False, onerror=walk_error):
        for name in names:
            full = os.path.join(path, name)
            source = wanted.get(full)
            if source is not None and _same_file(full, source):
                del wanted[full]
            else:
                os.unlink(full)
        for name in folders:
            full = os.path.join(path, name)
            if os.path.islink(full):
                os.unlink(full)
            else:
                with contextlib.suppress(OSError):  # not empty: it holds kept links
                    os.rmdir(full)


def _same_file(link: str, source: str) -> bool:
    try:
        first, second = os.lstat(link), os.stat(source)
    except OSError:
        return False
    # lstat: a symbolic link has its own inode, never the page's.
    return (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev)


def _run_pagefind(
    pages: Path,
    bundle: Path,
    settings: Mapping[str, Any],
    folder: Path,
    started: threading.Event | None = None,
    cwd: Path | None = None,
) -> None:
    """Pagefind over `pages` into `bundle`, run in the folder `cwd` (where it reads its
    configuration file, if any); `started` is set once it runs."""
    try:
        process = subprocess.Popen(
            command(pages, bundle, settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # Pagefind's own variables (PAGEFIND_GLOB...) would override the part's file.
            env={k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
            | {"NO_COLOR": "1"},
            cwd=cwd,
        )
    except OSError as error:
        raise IndexFailed(
            f"indeks pencarian: Pagefind tidak bisa dijalankan ({error.strerror}) — {HINT}"
        ) from None
    if started is not None:
        started.set()
    with process:
        try:
            stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise IndexFailed(
                f"indeks pencarian: Pagefind tidak selesai dalam {TIMEOUT_SECONDS} "
                "detik (indexing timed out) — coba lagi; bila terulang, laporkan "
                "jumlah berita situs ini"
            ) from None
        except BaseException:  # Ctrl+C, a failure elsewhere: Pagefind stops too
            process.kill()
            raise
    if process.returncode != 0:
        detail = " ".join((stderr or stdout or "").split())[:500]
        detail = detail.replace(str(pages), "output").replace(str(folder), "output")
        raise IndexFailed(
            f"indeks pencarian: Pagefind gagal (kode {process.returncode}): "
            f"{detail or 'tanpa pesan'} — {HINT}"
        )
