"""The Pelican generator: reads the data files of the site and of each village
(`content/data/*.yml`, `content/data/desa/<slug>/*.yml`), attaches them to the village
pages, adds the pages to the menu and writes the profil/, aparatur/ and dokumen/ pages
through Pelican's Writer."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from front_matter.errors import ContentError, report
from front_matter.paths import closest_file, inside_content
from villages.folders import ownerless_data, portal_without_owner, unknown_folder

from .aparatur import organization_ld, read_officials
from .dokumen import group, read_documents
from .idm import read_idm
from .profil import read_profile
from .yamldata import DataReader

if TYPE_CHECKING:
    from pelican.writers import Writer

READERS = {
    "profil": lambda reader, root, gen: read_profile(reader, root),
    "aparatur": lambda reader, root, gen: read_officials(reader, root),
    "dokumen": lambda reader, root, gen: read_documents(reader, root, gen.path, gen.settings),
    "idm": lambda reader, root, gen: read_idm(reader, root),
}
# page -> (menu label, which data make the page)
PAGES = {
    "profil": ("Profil", ("profil", "idm")),
    "aparatur": ("Aparatur", ("aparatur",)),
    "dokumen": ("Dokumen", ("dokumen",)),
}
EXTENSIONS = (".yml", ".yaml")


def data_file_names() -> list[str]:
    """The names of the data files this plugin reads (profil.yml, ...)."""
    return [kind + EXTENSIONS[0] for kind in READERS]


@dataclass
class DataSet:
    """The data of the site's own village (village None on a one-village site without
    `desa:` in situs.yml) or of one village of a portal."""

    folder: str
    village: object = None
    name: str = ""  # "Binangun"
    title: str = ""  # "Desa Binangun"
    base_url: str = ""  # "" for the site's own pages, the village URL on a portal
    profil: object = None
    aparatur: object = None
    dokumen: object = None
    idm: object = None
    pages: dict = field(default_factory=dict)  # page -> (url, save_as)
    # dokumen/ when it holds too many documents: its newest years, and a page per older year
    document_years: list = field(default_factory=list)
    year_pages: list = field(default_factory=list)  # [(year, url, save_as)]

    @property
    def contoh(self) -> bool:
        return any(
            getattr(getattr(self, k), "contoh", False)
            for k in ("profil", "aparatur", "dokumen", "idm")
        )

    def has(self, page: str) -> bool:
        return any(getattr(self, kind) is not None for kind in PAGES[page][1])

    def url(self, page: str) -> str | None:
        return self.pages[page][0] if page in self.pages else None

    @property
    def links(self) -> list[tuple[str, str]]:
        """[(label, url)] of this data set's pages."""
        return [(PAGES[p][0], self.pages[p][0]) for p in PAGES if p in self.pages]


# A page or article whose address is a data page's: the operator renames theirs.
_CLASH_HINT = (
    "alamat ini milik halaman data desa: beri halaman atau berita itu slug lain "
    "(atau ubah VILLAGE_DATA_PAGES di pelicanconf.py)"
)


def data_file(folder: str, kind: str) -> str | None:
    """`folder`'s data file of `kind` (`profil.yml`, else `profil.yaml`), or None."""
    for extension in EXTENSIONS:
        path = os.path.join(folder, kind + extension)
        if os.path.isfile(path):
            return path
    return None


def holds_data(folder: str) -> bool:
    """Whether `folder` holds a data file of any kind this plugin reads."""
    return any(data_file(folder, kind) for kind in READERS)


def _data_file(folder: str, kinds) -> str:
    """The data file a data page is made from (the first of `kinds` that exists, e.g.
    content/data/profil.yml), else the data folder."""
    return next(filter(None, (data_file(folder, kind) for kind in kinds)), folder)


class VillageDataGenerator(Generator):
    # Its pages' addresses are set by the settings, not by the data files (content_guard's
    # output plan: a page on one of them is told once, at the page).
    SITE_ADDRESSES = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.datasets = []

    # --- reading ----------------------------------------------------------------
    def source_files(self) -> list[str]:
        """Every data file this plugin reads or reports on: `<kind>.yml`/`.yaml` in the
        site's data folder and in each village's (content_guard.unread reports the rest)."""
        folder = os.path.join(self.path, self.settings["VILLAGE_DATA_PATH"])
        villages = os.path.join(folder, self.settings["VILLAGE_DATA_VILLAGES"])
        folders = [folder]
        if os.path.isdir(villages):
            folders += [os.path.join(villages, slug) for slug in sorted(os.listdir(villages))]
        return [
            os.path.join(f, kind + e)
            for f in folders
            for kind in READERS
            for e in EXTENSIONS
            if os.path.isfile(os.path.join(f, kind + e))
        ]

    def generate_context(self) -> None:
        settings = self.settings
        folder = os.path.join(self.path, settings["VILLAGE_DATA_PATH"])
        everyone = [v for v in self.context.get("villages", []) if v.slug]
        by_code = {v.code: v for v in everyone}
        # A village's data folder is named by its slug in desa.yml (README): not a village
        # only some article names, whose address and data would go with that article.
        villages = {v.slug: v for v in everyone if v.in_registry}
        place = settings.get("SITE_PLACE") or {}
        own = by_code.get(place.get("kode"))
        site = self._read(folder, own)
        if site is not None and portal_without_owner(self.context, settings):
            for kind in ("profil", "aparatur", "idm"):  # a village's own (dokumen may not be)
                value = getattr(site, kind)
                if value is not None and not value.contoh:  # the kit's examples: not yet
                    report(ownerless_data(value.path, kind))
        if site is not None:
            site.name = place.get("desa") or (own.name if own else "")
            site.title = place.get("nama") or (own.title if own else "")
            self._plan_pages(site, "")
            self.datasets.append(site)
        villages_folder = os.path.join(folder, settings["VILLAGE_DATA_VILLAGES"])
        if os.path.isdir(villages_folder):
            for slug in sorted(os.listdir(villages_folder)):
                path = os.path.join(villages_folder, slug)
                if not os.path.isdir(path):
                    continue
                village = villages.get(slug)
                if village is not None and not village.save_as:
                    continue  # VILLAGE_SAVE_AS = "": no village pages, none of their data
                if village is None and not holds_data(path):
                    continue  # another plugin's data only (apbdes/): that plugin reports it
                if village is None and not self.context.get("village_registry_complete", True):
                    continue  # desa.yml has an error (reported): its village list is not sure
                if village is None:
                    report(unknown_folder(path, slug, villages))
                    continue
                data = self._read(path, village)
                if data is None:
                    continue
                data.name, data.title = village.name, village.distinct_title
                self._plan_pages(data, village.url)
                self.datasets.append(data)
        for data in self.datasets:
            if data.village is not None:
                data.village.data = data
        if site is not None:
            self.context["site_data"] = site
        links = self.context.get("transparency_links")
        if links is None:
            links = self.context["transparency_links"] = []
        # First: the menu's one item for the data pages is the first link (Profil).
        links[:0] = site.links if site is not None else []

    def _read(self, folder, village):
        """The DataSet of one folder, or None when it has no data file."""
        if not os.path.isdir(folder):
            return None
        data = DataSet(folder=folder, village=village)
        found = False
        for kind, read in READERS.items():
            paths = [
                os.path.join(folder, kind + e)
                for e in EXTENSIONS
                if os.path.isfile(os.path.join(folder, kind + e))
            ]
            if not paths:
                continue
            path = paths[0]
            for other in paths[1:]:  # profil.yml beside profil.yaml: one would be ignored
                report(
                    ContentError(
                        other,
                        1,
                        f"{kind} ditulis di dua berkas (also {os.path.basename(path)}): "
                        f"{os.path.basename(other)} tidak dibaca",
                        "hapus salah satunya (satukan isinya di satu berkas)",
                    )
                )
            reader = DataReader(path)
            root = reader.load()
            value = read(reader, root, self) if root is not None else None
            for error in reader.errors:
                report(error)
            if value is not None and kind == "aparatur":
                self._photos(value)
            if reader.errors:
                continue
            if value is None or empty(value):
                report(nothing_to_show(path))
                continue
            setattr(data, kind, value)
            found = True
        return data if found else None

    def _photos(self, officials):
        photos = []
        for official in officials.all + officials.left_out:
            if not official.foto:
                continue
            relative = inside_content(official.foto, self.path)
            if relative is None:
                report(
                    ContentError(
                        officials.path,
                        official.foto_line,
                        f"foto '{official.foto}' harus berada di dalam folder content/ "
                        "(photo outside the content folder: it is never read or published)",
                        "simpan fotonya di content/images/ lalu tulis  "
                        "foto: images/nama-foto.jpg  (tanpa ../)",
                    )
                )
                continue
            official.foto = relative
            if os.path.isfile(os.path.join(self.path, relative)):
                if official not in officials.left_out:
                    photos.append(official)
                continue
            close = closest_file(relative, self.path)
            report(
                ContentError(
                    officials.path,
                    official.foto_line,
                    f"foto '{official.foto}' tidak ada (missing photo)",
                    f"maksud Anda  foto: {close} ?"
                    if close
                    else "simpan fotonya di content/images/ lalu tulis  foto: images/nama-foto.jpg",
                )
            )
        # Without the photos plugin (not in PLUGINS) the page shows no pictures.
        if not photos or "photos" not in [
            str(p).rsplit(".", 1)[-1] for p in self.settings.get("PLUGINS", [])
        ]:
            return
        from photos.registry import registry_of
        from photos.source import PhotoProblem

        registry = registry_of(self.context, self.settings)
        for official in photos:
            try:
                official.photo = registry.photo(official.foto)
            except PhotoProblem as problem:
                report(
                    ContentError(officials.path, official.foto_line, problem.message, problem.hint)
                )
                continue

    def _plan_pages(self, data, base_url):
        data.base_url = base_url
        for page, segment in self.settings["VILLAGE_DATA_PAGES"].items():
            if segment and data.has(page):
                url = base_url + segment
                data.pages[page] = (url, url + "index.html")
        shown = [o for o in data.aparatur.all if o.photo is not None] if data.aparatur else []
        if "aparatur" in data.pages and shown:  # photos of a page not written stay unpublished
            from photos.registry import registry_of

            registry = registry_of(self.context, self.settings)
            for official in shown:
                registry.use(official.photo, _Published)
        if "dokumen" in data.pages:
            url = data.pages["dokumen"][0]
            main, older = data.dokumen.split(self.settings["VILLAGE_DATA_DOCUMENTS_PER_PAGE"])
            data.document_years = main
            data.year_pages = [(year, f"{url}{year}/", f"{url}{year}/index.html") for year in older]

    # --- writing ----------------------------------------------------------------
    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        for data in self.datasets:
            owner = f" {data.title}" if data.village is not None and data.base_url else ""
            for page, (_url, save_as) in data.pages.items():
                yield (
                    save_as,
                    f"halaman {page}{owner}",
                    _data_file(data.folder, PAGES[page][1]),
                    1,
                    _CLASH_HINT,
                )
            for year, _url, save_as in data.year_pages:
                yield (
                    save_as,
                    f"halaman dokumen {year}{owner}",
                    _data_file(data.folder, ("dokumen",)),
                    1,
                    _CLASH_HINT,
                )

    def generate_output(self, writer: Writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for data in self.datasets:
            for page, (url, save_as) in data.pages.items():
                extra = {}
                if page == "aparatur":
                    extra["organization"] = organization_ld(
                        data.aparatur,
                        data.name,
                        absolute(self.settings, url),
                        self.settings.get("SITEURL", ""),
                        lambda photo: absolute(self.settings, photo.share.name),
                        data.village.place() if data.village is not None else None,
                    )
                if page == "dokumen":
                    self._documents(write, data, url, save_as)
                    continue
                write(
                    save_as,
                    self.get_template(page),
                    self.context,
                    data=data,
                    village=data.village if data.base_url else None,
                    template_name=page,
                    url=url,
                    current_url=url,
                    page_name=save_as[: -len("/index.html")],
                    **extra,
                )

    def _documents(self, write, data, url, save_as):
        """dokumen/ (the newest years) and, for a long list, one page per older year."""
        year_links = [(year, year_url) for year, year_url, _ in data.year_pages]
        pages = [(None, data.document_years, url, save_as)]
        pages += [
            (year, [year], year_url, year_save_as)
            for year, year_url, year_save_as in data.year_pages
        ]
        for year, years, page_url, page_save_as in pages:
            write(
                page_save_as,
                self.get_template("dokumen"),
                self.context,
                data=data,
                village=data.village if data.base_url else None,
                template_name="dokumen",
                url=page_url,
                current_url=url,
                page_name=page_save_as[: -len("/index.html")],
                groups=group(data.dokumen.of_years(years)),
                year=year,
                year_links=year_links,
                main_url=url,
                main_years=data.document_years,
            )


def nothing_to_show(path: str) -> ContentError:
    """The warning for a data file that is read without a mistake but shows nothing (an
    empty file, only comments, `data: []`, only `contoh:`/`sumber:`): its page or part of
    a page is left out, which the operator should hear of."""
    name = os.path.basename(path)
    return ContentError(
        path,
        1,
        f"{name} tidak berisi data: tidak ada yang ditampilkan darinya (empty data file)",
        "isi datanya (lihat contoh di README, bagian Profil, aparatur, dokumen dan IDM desa) atau hapus berkasnya",
        severity="warning",
    )


def empty(value: object) -> bool:
    """True for a data file that says nothing to show (`data: []`, only `contoh: ya`)."""
    for name in ("years", "documents", "groups"):
        if hasattr(value, name):
            return not getattr(value, name)
    return not any(
        (
            value.sejarah,
            value.visi,
            value.misi,
            value.luas_wilayah is not None,
            value.batas_wilayah,
            value.jumlah_dusun is not None,
            value.jumlah_rw is not None,
            value.jumlah_rt is not None,
            value.penduduk,
        )
    )


class _Published:
    """What photos.Registry.use needs to know: the photo is on a published page."""

    save_as = "aparatur"


def absolute(settings: Mapping[str, Any], path: str) -> str:
    base = settings.get("SITEURL") or settings.get("FEED_DOMAIN") or ""
    return f"{base.rstrip('/')}/{path}"
