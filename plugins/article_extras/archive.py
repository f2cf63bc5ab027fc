"""The archive's "jump to a year" links, from the build's date-sorted articles.

`archive_years` ([(year, index of its first article)]) is in the context of every page, so
the archive template (`archives.html`) needs only its own page of `dates` (`dates_page`):
a page that read the whole list (`dates|year_starts`) would depend on every article, and
with the build cache (wartadesa/incremental.py) all its pages would be rendered again
whenever any article changes. So the archive is always paginated: "archives" is added to
PAGINATED_TEMPLATES when a site's own setting leaves it out (100 titles a page, the kit's
default)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wartadesa import defaults
from wartadesa.dates import year_starts_of

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.generators import ArticlesGenerator

ARCHIVE_PER_PAGE = defaults.PAGINATED_TEMPLATES["archives"]  # the kit's own, 100


def paginate_archives(pelican: Pelican) -> None:
    """initialized: "archives" in PAGINATED_TEMPLATES (a new dict on this build's settings;
    the kit's default dict is not changed)."""
    settings = pelican.settings
    settings["PAGINATED_TEMPLATES"] = {
        "archives": ARCHIVE_PER_PAGE,
        **(settings.get("PAGINATED_TEMPLATES") or {}),
    }


def note_archive_years(generator: ArticlesGenerator) -> None:
    """article_generator_finalized: the year links of the archive, once per build."""
    generator.context["archive_years"] = year_starts_of(generator.dates)
