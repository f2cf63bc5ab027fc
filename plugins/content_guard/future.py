"""A date far in the future: the article, notice or album would sit at the top until then;
an event whose end is months after its start."""

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


# What an item dated ahead does until that day, by kind (the article's hint also names
# the setting that holds such articles back; notices and albums have none).
AHEAD = {
    "article": "berita ini akan tampil paling atas sampai tanggal itu. Jika salah ketik, "
    "perbaiki tanggalnya; jika memang untuk terbit nanti, tulis  status: draft  (atau setel "
    "WITH_FUTURE_DATES = False di pelicanconf.py agar berita bertanggal nanti menunggu)",
    "notice": "pengumuman ini akan tampil paling atas dan tetap berlaku sampai tanggal itu. "
    "Jika salah ketik (tahun atau bulan), perbaiki tanggalnya; jika memang untuk nanti, "
    "tulis  status: draft  sampai harinya",
    "album": "album ini akan tampil paling atas di galeri sampai tanggal itu. Jika salah "
    "ketik (tahun atau bulan), perbaiki tanggalnya",
}
LONGEST_EVENT = dt.timedelta(days=120)  # a typo in the year of `selesai` gives 365 or more


def problem(item: Content, now: dt.datetime, kind: str = "article") -> ContentError | None:
    """A warning if the published item's date is too far ahead of `now` (aware), else None."""
    date = getattr(item, "date", None)
    if date is None or getattr(item, "status", "published") != "published":
        return None
    days = setting(item.settings, "FUTURE_DATE_WARNING_DAYS")
    if not isinstance(date, dt.datetime) or date.tzinfo is None:
        return None
    if date <= now + dt.timedelta(days=days):
        return None
    return ContentError(
        item.source_path,
        meta_line(item, "date"),
        f"tanggal {date:%Y-%m-%d} masih jauh di masa depan (date far in the future)",
        AHEAD[kind],
        severity="warning",
    )


def long_event(item: Content) -> ContentError | None:
    """A warning for an event that ends more than LONGEST_EVENT after it starts: a typo in
    the year of `selesai` shows it "Sedang berlangsung" on the agenda for a year."""
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    if start is None or end is None or getattr(item, "status", "published") != "published":
        return None
    if item.last_day - item.first_day <= LONGEST_EVENT:
        return None
    return ContentError(
        item.source_path,
        meta_line(item, "end"),
        f"selesai ({end:%Y-%m-%d}) lebih dari {LONGEST_EVENT.days} hari sesudah mulai "
        f"({start:%Y-%m-%d}) (event longer than {LONGEST_EVENT.days} days)",
        "acara ini akan tampil 'Sedang berlangsung' sampai hari itu: periksa tahun dan "
        "bulan selesai",
        severity="warning",
    )


def _kind(item: object) -> str:
    if is_article(item):
        return "article"
    return getattr(item, "kind", "") or type(item).__name__.lower()


@reports_only(cost=8)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: warn about every published date too far ahead (articles,
    notices, albums) and every event that lasts more than LONGEST_EVENT."""
    now = dt.datetime.now(dt.UTC)
    albums = [a for g in generators for a in getattr(g, "albums", None) or []]
    for item in contents(generators) + albums:
        kind = _kind(item)
        error = (
            problem(item, now, kind)
            if kind in AHEAD
            else long_event(item)
            if kind == "event"
            else None
        )
        if error:
            report(error)
