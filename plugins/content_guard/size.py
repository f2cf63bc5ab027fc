"""A content file far bigger than any news item: usually pasted junk (a base64 image,
a whole document pasted from a word processor). Readers on slow 3G pay for it.

The front matter reader already refuses such a file before parsing it
(`front_matter/limits.py`); this check covers any content another reader produced."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from front_matter.errors import report, reports_only
from front_matter.limits import size_problem

from .content import contents
from .settings import setting

if TYPE_CHECKING:
    from pelican.generators import Generator

    from front_matter.errors import ContentError


def problem(path: str | os.PathLike, limit_kb: float | None) -> ContentError | None:
    """A ContentError if the file at `path` is bigger than `limit_kb`, else None."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    return size_problem(path, size, limit_kb)


@reports_only(cost=6)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report every article or page over the size limit."""
    for item in contents(generators):
        error = problem(item.source_path, setting(item.settings, "MAX_CONTENT_SIZE_KB"))
        if error:
            report(error)
