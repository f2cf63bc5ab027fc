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


# The real path (symbolic links resolved) of each folder a build asked about: content paths
# share a few folders (content/images, content/berita/2024, ...), and os.path.realpath
# looks at every folder of a path again (about 6,000 paths and 50,000 lstat calls in a
# 1,000-article build). For one build only: emptied when a build starts
# (`forget_real_folders`: wartadesa.build before anything else, and Pelican's
# `initialized` for Pelican run on its own), so a folder made a symbolic link between two
# builds of the live preview is seen by the next.
_REAL_FOLDERS: dict[str, str] = {}


def real_folder(folder: str | os.PathLike) -> str:
    """os.path.realpath(folder), remembered for the build."""
    folder = os.fspath(folder)
    real = _REAL_FOLDERS.get(folder)
    if real is None:
        real = _REAL_FOLDERS[folder] = os.path.realpath(folder)
    return real


def real_path(path: str | os.PathLike) -> str:
    """os.path.realpath(path): its folder's real path (remembered, `real_folder`) joined
    with its name, resolved again only when that name is itself a symbolic link."""
    folder, name = os.path.split(os.path.abspath(path))  # (abspath leaves no `.` or `..`)
    if not name:  # the root
        return os.path.realpath(path)
    joined = os.path.join(real_folder(folder), name)
    return os.path.realpath(joined) if os.path.islink(joined) else joined


def forget_real_folders(*_args, **_kwargs) -> None:
    """A build starts (also Pelican's `initialized`): it looks at the folders again."""
    _REAL_FOLDERS.clear()


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
    root = real_folder(content_root)
    real = real_path(os.path.join(root, *normal.split("/")))
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
