"""Every file the build will write, and who writes it: the output plan.

Known before anything is written (all_generators_finalized): articles, pages and drafts;
the site's own lists with their pagination (home, archives, categories, tags, authors,
404); feeds; what plugin generators declare (planned_outputs: village and region
pages and feeds, redirects, sitemap.xml and robots.txt); static files
of the content and of the theme (GitHub Pages' .nojekyll and CNAME come from the identity
plugin's generator); the build marker.
`duplicates.check` turns every path written twice (or used as a file and as a folder, or
leaving the output folder, or inside a folder a plugin keeps for itself: `reserved_folders`)
into `file:line` messages naming both sides.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pelican.paginator import Paginator

from front_matter.errors import display_path

from .content import articles_generator, contents, meta_line, static_generator

if TYPE_CHECKING:
    from pelican.generators import Generator

BUILD_MARKER = ".wartadesa-build"  # written by wartadesa.build (see output_folder.py)
DIRECT_PAGES = {
    "index": "beranda",
    "archives": "daftar arsip",
    "categories": "daftar kategori",
    "tags": "daftar label",
    "authors": "daftar penulis",
    "404": "halaman 404",
}
FEED_SETTINGS = ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS")
TAXONOMY_FEEDS = {
    "categories": ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"),
    "tags": ("TAG_FEED_ATOM", "TAG_FEED_RSS"),
    "authors": ("AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS"),
}
TAXONOMY_LABELS = {"categories": "kategori", "tags": "label", "authors": "penulis"}
TAXONOMY_KEYS = {"categories": "category", "tags": "tags", "authors": "author"}
# Characters never safe in an address: quotes, brackets, controls, and the direction
# controls that show a name's letters in another order (`\u202e` makes `gpj.exe` look like
# `exe.jpg`).
INVISIBLE_CHARACTERS = r"\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
UNSAFE_NAME = re.compile(f"[{INVISIBLE_CHARACTERS}\"'<>`\\\\]")


@dataclass
class Owner:
    """Who writes one output file: a content or static file (`path`, `line`), or the
    site itself (`site`; `path` then names the content file that caused it, if any)."""

    description: str
    path: str = ""
    line: int = 1
    site: bool = False
    item: object = None
    hint: str = ""  # how to fix a clash, when the owner knows better than the defaults

    @property
    def location(self) -> str:
        return f"{display_path(self.path)}:{self.line}" if self.path else ""


def target(path: object) -> str:
    """The output path relative to the output folder, `/`-separated and normalised."""
    path = posixpath.normpath(str(path).replace("\\", "/"))
    return "" if path == "." else path


def leaves_output(path: object) -> bool:
    path = target(path)
    return path.startswith(("/", "../")) or path == ".." or not path


def _pages(name, url, items, settings, template):
    """The save_as of every page of a (possibly paginated) list."""
    per_page = None
    paginated = settings.get("PAGINATED_TEMPLATES") or {}
    if template in paginated and settings.get("DEFAULT_PAGINATION"):
        per_page = paginated[template] or settings["DEFAULT_PAGINATION"]
    if not per_page:
        return [name]
    paginator = Paginator(name, url, list(items), settings, per_page)
    return [paginator.page(number).save_as for number in range(1, paginator.num_pages + 1)]


def _first_user(items, key):
    """(path, line) of the first article using a category/tag/author, for messages."""
    for item in sorted(items, key=lambda a: str(a.source_path)):
        return str(item.source_path), meta_line(item, key)
    return "", 1


class Plan:
    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.owners = {}  # target -> [Owner]

    def add(self, path: str | None, owner: Owner) -> None:
        if path:
            self.owners.setdefault(target(path), []).append(owner)

    def add_pages(
        self, name: str, url: str, items: Iterable[object], template: str, owner: Owner
    ) -> None:
        for save_as in _pages(name, url, items, self.settings, template):
            self.add(save_as, owner)


def _address_line(item):
    for key in ("slug", "title"):
        if key in (getattr(item, "meta_lines", None) or item.metadata.get("meta_lines") or {}):
            return meta_line(item, key)
    return 1


def _contents(plan, generators):
    for item in contents(generators):
        plan.add(
            item.save_as,
            Owner(
                display_path(item.source_path),
                str(item.source_path),
                _address_line(item),
                item=item,
            ),
        )


def _site_lists(plan, generators):
    settings = plan.settings
    articles = articles_generator(generators)
    published = list(getattr(articles, "articles", []) or [])
    for template in settings.get("DIRECT_TEMPLATES", []):
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        url = settings.get(f"{template.upper()}_URL", f"{template}.html")
        if save_as:
            owner = Owner(DIRECT_PAGES.get(template, f"halaman {template}"), site=True)
            plan.add_pages(save_as, url, published, template, owner)
    for name, template in (("categories", "category"), ("tags", "tag"), ("authors", "author")):
        pairs = getattr(articles, name, None) or []
        pairs = pairs.items() if isinstance(pairs, dict) else pairs
        for taxonomy, items in pairs:
            path, line = _first_user(items, TAXONOMY_KEYS[name])
            owner = Owner(
                f"halaman {TAXONOMY_LABELS[name]} '{taxonomy.name}'",
                path,
                line,
                site=True,
                # `label: ["!!!"]`: no letter or digit, so no slug: its page is the list's
                hint=""
                if taxonomy.slug
                else f"{TAXONOMY_LABELS[name]} '{taxonomy.name}' tidak menghasilkan alamat (tidak "
                "ada huruf atau angka latin di luar kode HTML): tulis dengan huruf atau angka, "
                "atau hapus",
            )
            if taxonomy.save_as:
                plan.add_pages(taxonomy.save_as, taxonomy.url, items, template, owner)
            for setting in TAXONOMY_FEEDS[name]:
                if settings.get(setting):
                    feed = Owner(
                        f"feed {TAXONOMY_LABELS[name]} '{taxonomy.name}'", path, line, site=True
                    )
                    plan.add(str(settings[setting]).format(slug=taxonomy.slug), feed)
    for setting in FEED_SETTINGS:
        if settings.get(setting):
            plan.add(settings[setting], Owner(f"feed situs ({setting})", site=True))
    languages = {item.lang for item in getattr(articles, "translations", []) or []}
    for setting in ("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS"):
        for lang in sorted(languages) if settings.get(setting) else []:
            plan.add(
                str(settings[setting]).format(lang=lang), Owner(f"feed bahasa '{lang}'", site=True)
            )
    for save_as in (settings.get("TEMPLATE_PAGES") or {}).values():
        plan.add(save_as, Owner("halaman TEMPLATE_PAGES", site=True))


def _declared(plan, generators):
    """Outputs a plugin's generator declares itself: `planned_outputs()` yields
    (save_as, description, source path or "", line, hint for a clash or ""), and for
    a paginated list a sixth part (url, items, template): every page of it is added
    (the villages plugin's village and region pages, the redirects plugin's pages).
    A generator with `SITE_ADDRESSES = True` writes at addresses the site's settings fix
    (the data pages, APBDes): its outputs are the site's own, the file only says where
    they come from, so a clash is told once, at the other side (a page's `slug`)."""
    for generator in generators:
        declare = getattr(generator, "planned_outputs", None)
        if declare is None:
            continue
        fixed = getattr(generator, "SITE_ADDRESSES", False)
        for save_as, description, path, line, hint, *paged in declare():
            owner = Owner(
                description, str(path) if path else "", line, site=fixed or not path, hint=hint
            )
            if paged:
                url, items, template = paged[0]
                plan.add_pages(save_as, url, items, template, owner)
            else:
                plan.add(save_as, owner)


def _static(plan, generators):
    settings = plan.settings
    static = static_generator(generators)
    owned = set()
    for item in getattr(static, "staticfiles", []) or []:
        if not os.path.isfile(os.path.join(settings.get("PATH", ""), str(item.source_path))):
            continue  # linked but missing: Pelican copies nothing, links.py names the link
        plan.add(item.save_as, Owner(display_path(item.source_path), str(item.source_path)))
        owned.add(target(item.save_as))
    theme = settings.get("THEME", "")
    theme_files = {}  # a later THEME_STATIC_PATHS folder replaces an earlier one's file
    for folder in settings.get("THEME_STATIC_PATHS", []):
        source = os.path.join(theme, folder)
        for root, _dirs, files in os.walk(source):
            for name in files:
                relative = os.path.relpath(os.path.join(root, name), source)
                theme_files[
                    posixpath.join(
                        settings.get("THEME_STATIC_DIR", "theme"), relative.replace(os.sep, "/")
                    )
                ] = relative
    for path, relative in theme_files.items():
        plan.add(path, Owner(f"berkas tema {relative}", site=True))
    plan.add(BUILD_MARKER, Owner("penanda build (.wartadesa-build)", site=True))


# The plan of a build's generators, kept in their context (one build, one context) for the
# next check that asks: the duplicate and link checks both read it, one after the other.
_PLANNED = "_wartadesa_output_plan"


def plan_outputs(generators: Sequence[Generator]) -> dict[str, list[Owner]]:
    """{output path: [Owner, ...]} of everything the build will write (worked out once
    every generator has finished; the same plan for the same generators: do not change it)."""
    context = getattr(generators[0], "context", None) if generators else None
    key = tuple(map(id, generators))
    kept = context.get(_PLANNED) if isinstance(context, dict) else None
    if kept is not None and kept[0] == key:
        return kept[1]
    settings = generators[0].settings if generators else {}
    plan = Plan(settings)
    _contents(plan, generators)
    _site_lists(plan, generators)
    _declared(plan, generators)
    _static(plan, generators)
    if isinstance(context, dict):
        context[_PLANNED] = (key, plan.owners)
    return plan.owners


def reserved_folders(generators: Sequence[Generator]) -> dict[str, str]:
    """{folder: what the site writes there} of the folders a plugin's generator keeps whole
    for itself (`reserved_folders()` yields (folder, description) pairs): the search index
    `pagefind/` is written after every page, into a folder nothing else may have made (an
    operator's page at `pagefind/` stopped the build there, naming no file)."""
    reserved = {}
    for generator in generators:
        declare = getattr(generator, "reserved_folders", None)
        if declare is not None:
            for folder, description in declare():
                reserved[target(folder)] = description
    return reserved


def reserved_folder(path: str, reserved: Mapping[str, str]) -> str | None:
    """The folder of `reserved` that output path `path` lies in (or is), else None."""
    return next(
        (folder for folder in reserved if path == folder or path.startswith(folder + "/")), None
    )


def case_clashes(owners: Mapping[str, list[Owner]]) -> list[list[str]]:
    """Groups of output paths that differ only in case (`Profil/index.html`,
    `profil/index.html`): one file on Windows and Mac, where a preview or a build writes
    the one over the other."""
    by_folded: dict[str, list[str]] = {}
    for path in owners:
        by_folded.setdefault(path.casefold(), []).append(path)
    return [sorted(paths) for _, paths in sorted(by_folded.items()) if len(paths) > 1]


def folder_conflicts(owners: Mapping[str, list[Owner]]) -> list[tuple[str, str]]:
    """[(file target, folder target under it)] where one path is both a file and a folder."""
    folders = {}
    for path in sorted(owners):
        parts = path.split("/")
        for end in range(1, len(parts)):
            folders.setdefault("/".join(parts[:end]), path)
    return [(path, folders[path]) for path in sorted(owners) if path in folders]
