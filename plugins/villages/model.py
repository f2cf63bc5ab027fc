"""Village and Region objects given to templates (one object per official code)."""

from .data import VILLAGE_LABELS, bare_name, short_name
from .names import slugify

REGION_LABELS = {
    "provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota",
    "kecamatan": "Kecamatan", "distrik": "Distrik",
}


# URL scheme (documented in plugins/villages/README.md); feeds come from settings.
VILLAGE_URL = "desa/{slug}/"
VILLAGES_URL = "desa/"
REGION_URL = "wilayah/{path}/"


class Region:
    """A provinsi, kabupaten/kota or kecamatan that has a page on the site."""

    def __init__(self, official, parent, settings):
        self.code = official.code
        self.name = official.name  # official: "Kabupaten Tuban", "Singgahan", "Jawa Timur"
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
        path = f"{parent.path_slug}/{self.slug}" if parent else self.slug
        self.path_slug = path
        self.url = REGION_URL.format(path=path)
        self.save_as = self.url + "index.html"
        atom = settings.get("REGION_FEED_ATOM", "feeds/wilayah/{code}.atom.xml")
        rss = settings.get("REGION_FEED_RSS", "feeds/wilayah/{code}.rss.xml")
        self.feed_atom_url = atom.format(code=self.code, slug=self.slug) if atom else None
        self.feed_rss_url = rss.format(code=self.code, slug=self.slug) if rss else None
        self.articles = []  # everything inside: direct tags, sub-regions, villages
        self.villages = []  # covered villages inside
        self.children = []  # sub-regions with a page

    @property
    def crumb(self):
        """(label, url) for the theme's breadcrumbs."""
        return (self.short_name, self.url)

    @property
    def ancestors(self):
        """Regions above, top first (Jawa Timur, Kab. Tuban)."""
        chain, region = [], self.parent
        while region:
            chain.insert(0, region)
            region = region.parent
        return chain

    @property
    def hierarchy(self):
        """Ancestors and the region itself, top first."""
        return self.ancestors + [self]

    @property
    def path_text(self):
        """'Kec. Singgahan, Kab. Tuban, Jawa Timur'."""
        return ", ".join(r.short_name for r in reversed(self.hierarchy))

    def place(self):
        """schema.org Place (JSON-LD) for the region."""
        address = {"@type": "PostalAddress"}
        province = self.hierarchy[0]
        locality = [r.short_name for r in reversed(self.hierarchy) if r.level != "provinsi"]
        if locality:
            address["addressLocality"] = ", ".join(locality)
        address["addressRegion"] = province.name
        address["addressCountry"] = "ID"
        return {"@type": "Place", "name": self.title, "identifier": self.code, "address": address}

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"<Region {self.code} {self.name}>"


class Village:
    """A desa or kelurahan: the official data plus the site's registry entry."""

    def __init__(self, official, regions, entry=None):
        self.code = official.code
        self.name = official.name
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
        self.slug = self.url = self.save_as = None
        self.feed_atom_url = self.feed_rss_url = None
        self.articles = []

    def set_slug(self, slug, settings):
        self.slug = slug
        self.url = VILLAGE_URL.format(slug=slug)
        self.save_as = self.url + "index.html"
        atom = settings.get("VILLAGE_FEED_ATOM", "feeds/desa/{slug}.atom.xml")
        rss = settings.get("VILLAGE_FEED_RSS", "feeds/desa/{slug}.rss.xml")
        self.feed_atom_url = atom.format(slug=slug, code=self.code) if atom else None
        self.feed_rss_url = rss.format(slug=slug, code=self.code) if rss else None

    @property
    def regions(self):
        """Provinsi, kabupaten, kecamatan, top first."""
        return [self.provinsi, self.kabupaten, self.kecamatan]

    @property
    def hierarchy(self):
        return self.regions + [self]

    @property
    def website_host(self):
        return self.website.split("://", 1)[-1].rstrip("/") if self.website else ""

    @property
    def path_text(self):
        """'Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur'."""
        return ", ".join([self.title] + [r.short_name for r in reversed(self.regions)])

    def place(self):
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

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"<Village {self.code} {self.name}>"

