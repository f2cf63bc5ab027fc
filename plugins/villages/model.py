"""Village and Region objects given to templates (one object per official code).

Both are Pelican `URLWrapper`s, like Category and Tag: `url`, `save_as` and `page_name`
come from the VILLAGE_URL/VILLAGE_SAVE_AS and REGION_URL/REGION_SAVE_AS settings
(kit defaults in wartadesa/defaults.py), formatted with the object's attributes
(`{slug}`, `{code}`, and a region's `{path}`); the feeds from VILLAGE_FEED_ATOM/_RSS and
REGION_FEED_ATOM/_RSS (None: no feed). Unlike a tag, a place is identified by its
official code: two kecamatan called Singgahan share a slug but are different places."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pelican.urlwrappers import URLWrapper

from .data import VILLAGE_LABELS, bare_name, short_name
from .names import slugify

if TYPE_CHECKING:
    from .data import Official
    from .registry import Entry

REGION_LABELS = {
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
    "distrik": "Distrik",
}


class Place(URLWrapper):
    """What Village and Region share: identity by official code, feeds from settings."""

    def __init__(self, official: Official, settings: Mapping[str, Any]) -> None:
        super().__init__(official.name, settings)
        self.code = official.code
        # Other content tagged with this place that its feeds carry beside the articles
        # (the gallery plugin's albums); set by those plugins before the output is written.
        self.feed_extras = []

    def _feed(self, kind):
        """VILLAGE_FEED_ATOM etc. formatted like the URL settings; None when unset."""
        value = self.settings.get(f"{type(self).__name__.upper()}_FEED_{kind}")
        return str(value).format(**self.as_dict()) if value else None

    feed_atom_url = property(lambda self: self._feed("ATOM"))
    feed_rss_url = property(lambda self: self._feed("RSS"))

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.code))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.code == self.code

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.code < other.code


class Region(Place):
    """A provinsi, kabupaten/kota or kecamatan that has a page on the site."""

    def __init__(
        self, official: Official, parent: Region | None, settings: Mapping[str, Any]
    ) -> None:
        super().__init__(official, settings)
        # official name: "Kabupaten Tuban", "Singgahan", "Jawa Timur"
        self.type = official.type  # official type: also "distrik" (Papua)
        self.level = "kecamatan" if official.type == "distrik" else official.type
        self.label = REGION_LABELS[official.type]
        self.bare_name = bare_name(official)  # "Tuban"
        self.short_name = short_name(official)  # "Kab. Tuban", "Kec. Singgahan"
        # "Kabupaten Tuban", "Kota Bogor", "Kecamatan Singgahan", "Provinsi Jawa Timur"
        wide = self.level in ("kabupaten", "kota")
        self.title = self.name if wide else f"{self.label} {self.name}"
        self.parent = parent
        self.slug = slugify(self.bare_name if official.type != "kota" else "Kota " + self.bare_name)
        # "jawa-timur/tuban/singgahan": the slugs from the province down ({path} in REGION_URL)
        self.path = f"{parent.path}/{self.slug}" if parent else self.slug
        self.articles = []  # everything inside: direct tags, sub-regions, villages
        self.notices = []  # pengumuman and agenda (plugin notices), tagged the same way
        self.events = []
        self.villages = []  # covered villages inside
        self.children = []  # sub-regions with a page

    @property
    def crumb(self) -> tuple[str, str]:
        """(label, url) for the theme's breadcrumbs."""
        return (self.short_name, self.url)

    @property
    def ancestors(self) -> list[Region]:
        """Regions above, top first (Jawa Timur, Kab. Tuban)."""
        chain, region = [], self.parent
        while region:
            chain.insert(0, region)
            region = region.parent
        return chain

    @property
    def hierarchy(self) -> list[Region]:
        """Ancestors and the region itself, top first."""
        return self.ancestors + [self]

    @property
    def path_text(self) -> str:
        """'Kec. Singgahan, Kab. Tuban, Jawa Timur'."""
        return ", ".join(r.short_name for r in reversed(self.hierarchy))

    def place(self) -> dict[str, Any]:
        """schema.org Place (JSON-LD) for the region."""
        address = {"@type": "PostalAddress"}
        province = self.hierarchy[0]
        locality = [r.short_name for r in reversed(self.hierarchy) if r.level != "provinsi"]
        if locality:
            address["addressLocality"] = ", ".join(locality)
        address["addressRegion"] = province.name
        address["addressCountry"] = "ID"
        return {"@type": "Place", "name": self.title, "identifier": self.code, "address": address}

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Region {self.code} {self.name}>"


class Village(Place):
    """A desa or kelurahan: the official data plus the site's registry entry.

    The slug is set by the generator (the registry's, or a unique one from the name)."""

    def __init__(
        self,
        official: Official,
        regions: Sequence[Region],
        settings: Mapping[str, Any],
        entry: Entry | None = None,
    ) -> None:
        super().__init__(official, settings)
        self.official_type = official.type
        self.type = "kelurahan" if official.type == "kelurahan" else "desa"
        self.type_label = VILLAGE_LABELS[official.type]
        self.title = f"{self.type_label} {self.name}"  # "Desa Binangun"
        self.postal_code = official.postal_code
        self.provinsi, self.kabupaten, self.kecamatan = regions
        self.in_registry = entry is not None
        self.registry_slug = entry.slug if entry else None
        self.website = entry.situs if entry else ""
        self.alamat = entry.alamat if entry else ""
        self.lat = entry.lat if entry else None
        self.lon = entry.lon if entry else None
        self.deskripsi = entry.deskripsi if entry else ""
        self.articles = []
        self.notices = []  # pengumuman (plugin notices), board order
        self.events = []  # agenda items, soonest first

    @property
    def regions(self) -> list[Region]:
        """Provinsi, kabupaten, kecamatan, top first."""
        return [self.provinsi, self.kabupaten, self.kecamatan]

    @property
    def ancestors(self) -> list[Region]:
        """The regions above, top first (as Region.ancestors)."""
        return self.regions

    @property
    def hierarchy(self) -> list[Region | Village]:
        return self.regions + [self]

    @property
    def website_host(self) -> str:
        return self.website.split("://", 1)[-1].rstrip("/") if self.website else ""

    @property
    def path_text(self) -> str:
        """'Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur'."""
        return ", ".join([self.title] + [r.short_name for r in reversed(self.regions)])

    def place(self) -> dict[str, Any]:
        """schema.org Place (JSON-LD) with the village's postal address."""
        address = {"@type": "PostalAddress"}
        if self.alamat:
            address["streetAddress"] = self.alamat
        address["addressLocality"] = ", ".join(
            [self.title, self.kecamatan.short_name, self.kabupaten.short_name]
        )
        address["addressRegion"] = self.provinsi.name
        if self.postal_code:
            address["postalCode"] = self.postal_code
        address["addressCountry"] = "ID"
        place = {"@type": "Place", "name": self.title, "identifier": self.code, "address": address}
        if self.lat is not None and self.lon is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": self.lat, "longitude": self.lon}
        if self.website:
            place["sameAs"] = self.website
        return place

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Village {self.code} {self.name}>"


def file_under_places(item: object, attribute: str) -> None:
    """Append `item` to the list `attribute` of each of its villages (`item.villages`) and
    of every region those villages or its own regions (`item.regions`) lie in, each once:
    how articles, notices, events and albums reach their village and region pages."""
    reached = {}
    for village in item.villages:
        getattr(village, attribute).append(item)
        for region in village.regions:
            reached[region.code] = region
    for region in item.regions:
        for above in region.hierarchy:
            reached[above.code] = above
    for region in reached.values():
        getattr(region, attribute).append(item)
