"""sitemap.xml and robots.txt, written after every other page (a generator
added last), so the village and region pages of other plugins are known."""

import logging
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree

from wartadesa.dates import iso

from .seo import absolute

logger = logging.getLogger(__name__)
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def site_base(settings):
    """The absolute address of the site: SITEURL in production, else FEED_DOMAIN
    (the preview server) so the sitemap still holds full addresses."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith(("http://", "https://")):
        return siteurl.rstrip("/")
    return (settings.get("FEED_DOMAIN") or siteurl).rstrip("/")


def _objects(value):
    """Items of a context entry: a list of objects, of (object, articles) pairs, or a dict."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        value = value.values()
    return [item[0] if isinstance(item, tuple) else item for item in value]


def _newest(articles):
    dates = [getattr(a, "modified", None) or a.date for a in articles]
    return max(dates) if dates else None


def sitemap_entries(context, settings):
    """[(url relative to the site root, last modified datetime or None)], no duplicates."""
    articles = list(context.get("articles", []))
    newest = _newest(articles)
    entries = [("", newest)]
    entries += [(a.url, getattr(a, "modified", None) or a.date) for a in articles]
    entries += [(p.url, getattr(p, "modified", None) or getattr(p, "date", None))
                for p in context.get("pages", [])]
    for key in ("ARCHIVES_URL", "CATEGORIES_URL", "TAGS_URL", "AUTHORS_URL"):
        save_as = settings.get(key.replace("_URL", "_SAVE_AS"))
        if settings.get(key) is not None and save_as:
            entries.append((settings[key], newest))
    for _label, link in settings.get("MENU_LINKS") or []:
        if not str(link).startswith(("http://", "https://", "//", "mailto:", "#")):
            entries.append((str(link), None))  # e.g. the village directory desa/
    for key in ("categories", "tags", "authors"):
        for item, items in context.get(key, []):
            entries.append((item.url, _newest(items)))
    albums = list(context.get("albums", []))  # plugin gallery: galeri/ and each album
    if albums and settings.get("ALBUMS_URL") is not None and settings.get("ALBUMS_SAVE_AS"):
        entries.append((settings["ALBUMS_URL"], _newest(albums)))
    entries += [(a.url, getattr(a, "modified", None) or a.date) for a in albums]
    for key in ("villages", "regions"):
        for item in _objects(context.get(key)):
            url = getattr(item, "url", None)
            if url is not None:
                entries.append((url, _newest(getattr(item, "articles", []) or [])))
    seen, unique = set(), []
    for url, modified in entries:
        if url not in seen:
            seen.add(url)
            unique.append((url, modified))
    return unique


def render_sitemap(entries, base):
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}urlset")
    for url, modified in entries:
        node = ElementTree.SubElement(root, f"{{{NAMESPACE}}}url")
        ElementTree.SubElement(node, f"{{{NAMESPACE}}}loc").text = absolute(base, url)
        if modified is not None:
            ElementTree.SubElement(node, f"{{{NAMESPACE}}}lastmod").text = iso(modified)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def render_robots(base):
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n"


class SitemapGenerator:
    """A Pelican generator (added last) that writes sitemap.xml and robots.txt."""

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_output(self, writer):
        base = site_base(self.settings)
        output = Path(self.output_path)
        entries = sitemap_entries(self.context, self.settings)
        (output / "sitemap.xml").write_text(render_sitemap(entries, base), encoding="utf-8")
        robots = output / "robots.txt"
        if not robots.exists():  # an operator's own robots.txt wins
            robots.write_text(render_robots(base), encoding="utf-8")
