"""The Pelican generator: resolves every article's villages and regions, then writes the
village pages, the directory, the region pages and their feeds.

Every setting it reads (VILLAGE_URL, VILLAGES_SAVE_AS, VILLAGE_FEED_ATOM, ...) has its
default once, in wartadesa/defaults.py; the generator never changes the settings."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from front_matter.contents import all_articles
from front_matter.errors import ContentError, report
from front_matter.source import item_line, meta_line
from wartadesa.incremental import site_depends_on

from . import data
from .model import Region, Village, file_under_places
from .registry import load_registry
from .resolve import Resolver, Unresolved
from .slugs import assign_slugs, distinct_labels

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.writers import Writer

    from .registry import Entry


@dataclass
class Group:
    """A directory heading (a kabupaten or a kecamatan) and what is listed under it."""

    region: Region
    items: list = field(default_factory=list)


class Places:
    """One Village/Region object per official code; regions created with their parents."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.settings = settings
        self.regions = {}
        self.villages = {}

    def region(self, official: data.Official) -> Region:
        if official.code not in self.regions:
            parent = None
            if official.parent_code:
                parent = self.region(data.lookup(official.parent_code))
            region = Region(official, parent, self.settings)
            self.regions[official.code] = region
            if parent:
                parent.children.append(region)
        return self.regions[official.code]

    def village(self, official: data.Official, entry: Entry | None = None) -> Village:
        if official.code not in self.villages:
            regions = [self.region(data.lookup(code)) for code in official.ancestor_codes()]
            village = Village(official, regions, self.settings, entry)
            self.villages[official.code] = village
            for region in regions:
                region.villages.append(village)
        return self.villages[official.code]


# The other content types tagged with villages and regions (plugin notices): context
# list -> the attribute of a village or region that collects them.
OTHER_TYPES = {"notices": "notices", "events": "events"}
HIDDEN_OTHERS = ("hidden_notices", "hidden_events")


def tagged_items(context: Mapping[str, Any]) -> Iterator[Content]:
    """Published, hidden and draft articles with their translations, and the notice
    board's items (pengumuman, agenda)."""
    yield from all_articles(context)
    for key in (*OTHER_TYPES, *HIDDEN_OTHERS):
        yield from context.get(key, [])


def feed_items(place: Village | Region) -> list[Content]:
    """A village's or region's feed: its news, notices, agenda items and other content
    (albums: `place.feed_extras`), newest first by when each was published (the notice
    board's `published_date`: an agenda item is not dated by its start)."""
    items = [*place.articles, *place.notices, *place.events, *place.feed_extras]
    return sorted(items, key=published, reverse=True)


def published(item: Content):
    """When an item was published: `published_date` where a content type has one."""
    return getattr(item, "published_date", None) or item.date


class VillagesGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.villages = []
        self.regions = []
        self.directory = []

    def generate_context(self) -> None:
        registry_path = os.path.join(self.path, self.settings["VILLAGES_REGISTRY"])
        registry = load_registry(registry_path, self.settings["VILLAGES_REGISTRY_MAX_KB"])
        for error in registry.errors + registry.warnings:
            report(error)
        articles = list(tagged_items(self.context))
        for article in articles:
            article.villages, article.regions, article.content_location = [], [], None

        places = Places(self.settings)
        for entry in registry.entries:
            places.village(entry.official, entry)
        registry_codes = set(places.villages)

        # desa.yml with an error: its errors are enough for this build (Registry.complete);
        # the articles' villages, and the data folders (village_data, apbdes), wait for it.
        self.context["village_registry_complete"] = registry.complete
        if registry.complete:
            resolver = Resolver(registry.entries, registry.broken_keys)
            problems = []
            for article in articles:
                villages = self._resolve(article, "village", resolver.village, problems)
                regions = self._resolve(article, "region", resolver.region, problems)
                article.villages = [places.village(v) for v in villages]
                article.regions = [places.region(r) for r in regions]
            for problem in problems:
                report(problem)

        self._assign_slugs(places, registry, registry_codes)
        self._attach_articles(places)
        for article in articles:
            found = [v.place() for v in article.villages] + [r.place() for r in article.regions]
            article.content_location = found[0] if len(found) == 1 else (found or None)

        self.villages = sorted(places.villages.values(), key=lambda v: (v.name, v.code))
        self.regions = sorted(places.regions.values(), key=lambda r: r.code)
        for region in self.regions:
            region.children.sort(key=lambda r: r.code)
            region.villages.sort(key=lambda v: (v.name, v.code))
        self._distinct_titles()
        self.directory = self._directory()
        self.other_regions = self._other_regions()
        self.context["villages"] = self.villages
        # Lists name each item's villages (theme partials/item_villages.html).
        self.context["several_villages"] = sum(v.in_registry for v in self.villages) > 1
        self.context["regions"] = self.regions
        self.context["village_directory"] = self.directory

    def _distinct_titles(self) -> None:
        """Each place's `distinct_title`: its title, with the regions above it, nearest
        first, for as long as another place of the site has the same ("Desa Ngampel, Kec.
        Manyar"; "Desa Sooko, Kec. Sooko, Kab. Ponorogo" beside Sooko of Kab. Mojokerto),
        wherever a reader must tell the two apart without the page around it: lists, feed
        and calendar titles, the search filter, data pages, the web editor's forms."""
        for places in (self.villages, self.regions):
            labels = distinct_labels(
                [
                    (place.title, [*(r.short_name for r in reversed(place.ancestors)), place.code])
                    for place in places
                ]
            )
            for place, label in zip(places, labels, strict=True):
                place.distinct_title = label
        # Cards and pages kept by the build cache name these places: a namesake named in an
        # article (by code; desa.yml the same) changes the labels of pages not showing it.
        site_depends_on(
            "distinct titles",
            [
                (place.code, place.distinct_title)
                for place in (*self.villages, *self.regions)
                if place.distinct_title != place.title
            ],
        )

    def _resolve(self, article, key, resolve, problems):
        values = getattr(article, key, None) or []
        if isinstance(values, str):
            values = [values]
        key_line = meta_line(article, key, None)
        found = []
        for value in values:
            try:
                official = resolve(value)
            except Unresolved as problem:
                problems.append(
                    ContentError(
                        article.source_path,
                        item_line(article, key_line, value),
                        problem.message,
                        problem.hint,
                    )
                )
                continue
            if official is not None and official not in found:
                found.append(official)
        return found

    def _assign_slugs(self, places, registry, registry_codes):
        for entry in registry.entries:
            places.villages[entry.official.code].slug = entry.slug
        others = [v for code, v in places.villages.items() if code not in registry_codes]
        taken = {entry.slug for entry in registry.entries}
        slugs = assign_slugs([(data.lookup(v.code), "") for v in others], taken=taken)
        for village, slug in zip(others, slugs, strict=False):
            village.slug = slug

    def _attach_articles(self, places):
        newest_first = sorted(self.context.get("articles", []), key=lambda a: a.date, reverse=True)
        lists = [("articles", newest_first)]
        lists += [(attribute, self.context.get(key, [])) for key, attribute in OTHER_TYPES.items()]
        for attribute, items in lists:  # the notice board keeps its own order
            for article in items:
                file_under_places(article, attribute)

    def _directory(self):
        """Villages grouped by kabupaten/kota, then kecamatan (official code order)."""
        groups = {}
        for village in sorted(self.villages, key=lambda v: v.code):
            kabupaten = groups.setdefault(village.kabupaten.code, Group(village.kabupaten))
            if not kabupaten.items or kabupaten.items[-1].region is not village.kecamatan:
                kabupaten.items.append(Group(village.kecamatan))
            kabupaten.items[-1].items.append(village)
        return list(groups.values())

    def _other_regions(self):
        """The regions with a page but no village of the directory (tagged with `wilayah:`
        only, and the provinces above them), in code order: the directory lists them
        after its villages, so that every region page is reached from it (the directory
        links each village's kecamatan, kabupaten and province)."""
        return [region for region in self.regions if not region.villages and region.save_as]

    def planned_outputs(self) -> Iterator[tuple[Any, ...]]:
        """Every file generate_output writes, for content_guard's output plan:
        (save_as, description, source path, line, hint[, (url, articles, template)]);
        the last part, for a paginated list, makes the plan add every page of it."""
        if self.settings.get("VILLAGES_SAVE_AS"):
            yield self.settings["VILLAGES_SAVE_AS"], "daftar desa", "", 1, ""
        for kind, word, template, places in (
            ("desa", "name", "village", self.villages),
            ("wilayah", "title", "region", self.regions),
        ):
            for place in places:
                label = f"'{getattr(place, word)}'"
                if place.save_as:
                    yield (
                        place.save_as,
                        f"halaman {kind} {label}",
                        "",
                        1,
                        "",
                        (place.url, place.articles, template),
                    )
                for feed in (place.feed_atom_url, place.feed_rss_url):
                    if feed:
                        yield feed, f"feed {kind} {label}", "", 1, ""

    def generate_output(self, writer: Writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for template, places in (("village", self.villages), ("region", self.regions)):
            page = self.get_template(template)
            for place in places:
                items = feed_items(place)
                if place.save_as:
                    write(
                        place.save_as,
                        page,
                        self.context,
                        articles=place.articles,
                        paginated={"articles": place.articles},
                        template_name=template,
                        url=place.url,
                        page_name=place.page_name,
                        # plugin sitemap: the newest of everything the page and feed show
                        last_modified=published(items[0]) if items else None,
                        **{template: place},
                    )
                self._feeds(writer, items, place, atom=place.feed_atom_url, rss=place.feed_rss_url)
        save_as = self.settings.get("VILLAGES_SAVE_AS")
        if save_as:
            write(
                save_as,
                self.get_template("villages"),
                self.context,
                directory=self.directory,
                other_regions=self.other_regions,
                url=self.settings.get("VILLAGES_URL"),
                template_name="villages",
                page_name=os.path.splitext(save_as)[0],
            )

    def _feeds(self, writer, articles, place, atom=None, rss=None):
        """The place's feeds; each links to the place's page (FEED_PAGE_URL: plugin
        article_extras sets the feed's link from it)."""
        if not (atom or rss):
            return
        context = {**self.context, "FEED_PAGE_URL": place.url}
        title = place.distinct_title
        if atom:
            writer.write_feed(articles, context, atom, atom, feed_title=title)
        if rss:
            writer.write_feed(articles, context, rss, rss, feed_type="rss", feed_title=title)
