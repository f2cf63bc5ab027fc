"""A date far in the future: the article would sit at the top of the site until then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from front_matter.errors import ContentError, report, reports_only

from .content import contents, is_article, meta_line
from .settings import setting

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator


def problem(item: Content, now: dt.datetime) -> ContentError | None:
    """A warning if the published item's date is too far ahead of `now` (aware), else None."""
    date = getattr(item, "date", None)
    if date is None or getattr(item, "status", "published") != "published":
        return None
    days = setting(item.settings, "FUTURE_DATE_WARNING_DAYS")
    if date.tzinfo is None or date <= now + dt.timedelta(days=days):
        return None
    return ContentError(
        item.source_path,
        meta_line(item, "date"),
        f"tanggal {date:%Y-%m-%d} masih jauh di masa depan (date far in the future)",
        "berita ini akan tampil paling atas sampai tanggal itu. Jika salah ketik, perbaiki "
        "tanggalnya; jika memang untuk terbit nanti, tulis  status: draft  (atau setel "
        "WITH_FUTURE_DATES = False di pelicanconf.py agar berita bertanggal nanti menunggu)",
        severity="warning",
    )


@reports_only
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: warn about every published date too far ahead."""
    now = dt.datetime.now(dt.UTC)
    for item in contents(generators):
        if is_article(item):
            error = problem(item, now)
            if error:
                report(error)
