"""The text of sitemap.xml and of the default robots.txt."""

import datetime as dt
from xml.etree import ElementTree

from article_extras.seo import site_base  # noqa: F401 (the site's absolute address)
from wartadesa.dates import iso

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render_sitemap(entries: list[tuple[str, dt.datetime | None]], base: str) -> str:
    """sitemap.xml for [(url relative to the site root, last modified or None)]."""
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}urlset")
    for url, modified in entries:
        node = ElementTree.SubElement(root, f"{{{NAMESPACE}}}url")
        ElementTree.SubElement(node, f"{{{NAMESPACE}}}loc").text = f"{base}/{url.lstrip('/')}"
        if modified is not None:
            ElementTree.SubElement(node, f"{{{NAMESPACE}}}lastmod").text = iso(modified)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def render_robots(base: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n"
