"""A path written in content (front matter, a body image, a data file's `foto:` or
`berkas:`) that must name something inside the content folder: `..` and symbolic links
are resolved before the check, so no value reaches a file elsewhere on the disk."""

from __future__ import annotations

import difflib
import os
import posixpath

OUTSIDE_HINT = (
    "simpan berkasnya di dalam folder content/ (misalnya content/images/) lalu tulis "
    "alamatnya dari folder content/, tanpa ../"
)


def from_content(value: str) -> str:
    """A file's path as written in a value, from the content folder: without Pelican's
    `{static}`/`{attach}` (or `|static|`), the leading `/` the web editor writes
    (`/files/surat.pdf`: a site address) and a leading `content/` (copied from the folder
    list). 'content/files/a.pdf', '/files/a.pdf', '{static}/files/a.pdf' -> 'files/a.pdf'."""
    value = value.strip()
    for prefix in ("{static}", "{attach}", "|static|", "|attach|"):
        value = value.removeprefix(prefix)
    return value.lstrip("/").removeprefix("content/")


def unclear_characters(value: str) -> bool:
    """A backslash or a control character: never in a path or address an operator means
    (browsers read `\\` as `/` and drop tabs and newlines, Python does not)."""
    return any(c == "\\" or ord(c) < 32 or c == "\x7f" for c in value)


def inside_content(value: str, content_root: str | os.PathLike) -> str | None:
    """`value` (relative to the content folder `content_root`, '/'-separated, a leading
    '/' ignored) normalised: 'images/./a.jpg' -> 'images/a.jpg'. None when it lies outside
    the content folder once `..` and symbolic links are resolved, is the folder itself, or
    holds a backslash or a control character (never a path an operator means)."""
    if unclear_characters(value):
        return None
    normal = posixpath.normpath(value.lstrip("/"))
    if normal in (".", "..") or normal.startswith("../"):
        return None
    root = os.path.realpath(content_root)
    real = os.path.realpath(os.path.join(root, *normal.split("/")))
    if not real.startswith(root + os.sep):
        return None
    return normal


def closest_names(name: str, names: list[str]) -> list[str]:
    """The names in `names` an operator most likely meant by `name`: the one differing
    only in upper/lower case, else up to two close spellings."""
    lowered = {n.lower(): n for n in names}
    if name.lower() in lowered:
        return [lowered[name.lower()]]
    return difflib.get_close_matches(name, names, n=2, cutoff=0.6)


def closest_file(relative: str, content_root: str | os.PathLike) -> str | None:
    """The file of the same folder whose name is closest to `relative`'s (the folder as
    written, '/'-separated from the content folder), or None. For a missing file's
    message only: the folder is listed once, when the file is not there."""
    folder, name = posixpath.split(relative)
    try:
        names = [
            entry.name
            for entry in os.scandir(
                os.path.join(content_root, *folder.split("/") if folder else ())
            )
            if entry.is_file() and not entry.name.startswith(".")
        ]
    except OSError:
        return None
    close = closest_names(name, names)
    return posixpath.join(folder, close[0]) if close else None
