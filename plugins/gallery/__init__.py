"""gallery: photo albums (galeri) from content/galeri/{album}/index.md and the photos
beside it, through the photos plugin's pipeline (see README.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pelican import signals

from .generator import GalleryGenerator

if TYPE_CHECKING:
    from pelican import Pelican


def add_generator(_pelican: object) -> type[GalleryGenerator]:
    return GalleryGenerator


def paginate_albums(pelican: Pelican) -> None:
    """The album index is paginated (DEFAULT_PAGINATION) unless the site's
    PAGINATED_TEMPLATES says otherwise (a new dict: the kit's default is not changed)."""
    settings = pelican.settings
    settings["PAGINATED_TEMPLATES"] = {
        "albums": None,
        **(settings.get("PAGINATED_TEMPLATES") or {}),
    }


def register() -> None:
    signals.initialized.connect(paginate_albums)
    signals.get_generators.connect(add_generator)
