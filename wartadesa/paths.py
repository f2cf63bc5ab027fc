"""Paths asked about for every file of every build."""

import os


def relative_path(path: str, start: str) -> str:
    """os.path.relpath(path, start) for an absolute, normalised `start` (the working folder,
    the content folder): a plain absolute path inside it without relpath's work (asked for
    every file in every build)."""
    inside = os.path.join(start, "")
    if len(path) > len(inside) and path.startswith(inside) and os.path.normpath(path) == path:
        return path[len(inside) :]
    return os.path.relpath(path, start)
