"""Unknown category when the site fixes its list (`CATEGORIES = [...]`), with the closest names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from front_matter.errors import ContentError, report, reports_only

from .content import contents, is_article, meta_line
from .settings import setting

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator


def closest(name: str, allowed: Iterable[str]) -> list[str]:
    """The allowed names closest to `name` (case-insensitive), best first."""
    by_lower = {a.lower(): a for a in allowed}
    matches = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.5)
    return [by_lower[m] for m in matches]


def problem(item: Content, allowed: Sequence[str]) -> ContentError | None:
    """A ContentError if the item's category is not in `allowed`, else None."""
    category = getattr(item, "category", None)
    name = getattr(category, "name", None) or str(category or "")
    if name in allowed:
        return None
    listed = ", ".join(allowed)
    written = "category" in (getattr(item, "meta_lines", None) or {})
    if not written:
        return ContentError(
            item.source_path,
            1,
            "kategori belum diisi; situs ini hanya memakai kategori tertentu (missing category)",
            f"tambahkan baris  kategori: …  dengan salah satu dari: {listed}",
        )
    near = closest(name, allowed)
    hint = f"maksud Anda '{near[0]}'? " if near else ""
    return ContentError(
        item.source_path,
        meta_line(item, "category"),
        f"kategori '{name}' tidak ada dalam daftar kategori situs (unknown category)",
        f"{hint}pilih salah satu: {listed} (daftar ada di CATEGORIES, pelicanconf.py)",
    )


@reports_only(cost=3)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report every article whose category is not allowed."""
    items = [i for i in contents(generators) if is_article(i)]
    if not items:
        return
    allowed = list(setting(items[0].settings, "CATEGORIES") or [])
    if not allowed:
        return
    for item in items:
        error = problem(item, allowed)
        if error:
            report(error)
