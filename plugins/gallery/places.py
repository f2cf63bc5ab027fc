"""An album's `desa:` and `wilayah:`: resolved like an article's (plugin villages: the
registry content/desa.yml, then the official data), then attached to the Village and
Region pages the villages plugin makes (`village.albums`, `region.albums`: its own and
those of everything inside it, newest first) and to their feeds (`feed_extras`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from front_matter.errors import ContentError
from front_matter.source import item_line
from villages.model import file_under_places
from villages.registry import load_registry
from villages.resolve import Resolver, Unresolved

if TYPE_CHECKING:
    from .model import Album

NO_PAGE_HINT = {
    "village": 'daftarkan desa itu di content/desa.yml (lihat README, "Desa yang diliput") '
    "agar punya halaman",
    "region": "wilayah punya halaman bila sebuah berita ditandai dengannya atau desa di "
    "content/desa.yml ada di dalamnya; tulis wilayah yang lebih luas atau hapus baris ini",
}


def resolver(settings: Mapping[str, Any]) -> Resolver | None:
    """A Resolver of the site's registry; None when the registry cannot be read or has
    an error (the villages plugin has reported that; Registry.complete)."""
    registry = load_registry(
        os.path.join(settings["PATH"], settings["VILLAGES_REGISTRY"]),
        settings["VILLAGES_REGISTRY_MAX_KB"],
    )
    if not registry.complete:
        return None
    return Resolver(registry.entries, registry.broken_keys)


def _values(album, key):
    values = getattr(album, key, None) or []
    return [values] if isinstance(values, str) else list(values)


def _resolve(album, key, resolve, pages, problems):
    key_line = getattr(album, "meta_lines", {}).get(key)
    found = []
    for value in _values(album, key):
        line = item_line(album.source_path, key_line, value)
        try:
            official = resolve(value)
        except Unresolved as problem:
            problems.append(ContentError(album.source_path, line, problem.message, problem.hint))
            continue
        if official is None:
            continue  # a broken registry entry: reported by the villages plugin
        place = pages.get(official.code)
        if place is None:
            problems.append(
                ContentError(
                    album.source_path,
                    line,
                    f"'{value}' ({official.name}) belum punya halaman di situs ini, jadi album "
                    "tidak bisa tampil di sana (place without a page)",
                    NO_PAGE_HINT[key],
                )
            )
        elif place not in found:
            found.append(place)
    return found


def attach(
    albums: list[Album], context: Mapping[str, Any], settings: Mapping[str, Any]
) -> list[ContentError]:
    """Set album.villages/.regions and village.albums/region.albums; [ContentError]."""
    villages = {v.code: v for v in context.get("villages", [])}
    regions = {r.code: r for r in context.get("regions", [])}
    for place in [*villages.values(), *regions.values()]:
        place.albums = []
    problems = []
    if not any(_values(a, "village") or _values(a, "region") for a in albums):
        return problems
    found = resolver(settings)
    if found is None:
        return problems
    for album in albums:
        album.villages = _resolve(album, "village", found.village, villages, problems)
        album.regions = _resolve(album, "region", found.region, regions, problems)
    for album in sorted(albums, key=lambda a: a.date, reverse=True):
        file_under_places(album, "albums")
    for place in [*villages.values(), *regions.values()]:
        if hasattr(place, "feed_extras"):  # the village and region feeds carry them too
            place.feed_extras.extend(place.albums)
    return problems
