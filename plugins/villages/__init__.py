"""villages: official village/region codes, village and region pages, per-village feeds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pelican import signals

from .generator import VillagesGenerator

if TYPE_CHECKING:
    from pelican import Pelican


def get_generators(_pelican: object) -> type[VillagesGenerator]:
    return VillagesGenerator


def paginate_places(pelican: Pelican) -> None:
    """Village and region pages are paginated (DEFAULT_PAGINATION) unless the site's
    PAGINATED_TEMPLATES says otherwise, even when a site replaces that setting: a new
    dict on this build's settings, the kit's default dict is not changed."""
    settings = pelican.settings
    settings["PAGINATED_TEMPLATES"] = {
        "village": None,
        "region": None,
        **(settings.get("PAGINATED_TEMPLATES") or {}),
    }


def register() -> None:
    signals.initialized.connect(paginate_places)
    signals.get_generators.connect(get_generators)
