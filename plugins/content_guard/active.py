"""What makes markup active in a browser (an element, an attribute, an address, CSS):
the rules shared by the static-file checks (`static_files.py`, `browser_html.py`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import browser_url

ACTIVE_ELEMENTS = {
    "script",
    "foreignobject",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "handler",
    "listener",
    "base",
    "form",
    "portal",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "codebase",
    "cite",
}
ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import|expression\s*\(|-moz-binding|behavior\s*:", re.IGNORECASE)
SAFE_DATA = re.compile(
    r"^data:(?:image/(?:png|jpe?g|gif|webp|avif)|font/[a-z0-9.+-]+)[;,]", re.IGNORECASE
)


def local_name(name):
    """'http://www.w3.org/2000/svg svg' -> 'svg'; 'xlink:href' -> 'href'."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1].lower()


def url_problem(value: str, external_allowed: bool) -> str | None:
    """Why `value` (an address in an attribute or in CSS) is active, else None."""
    url = browser_url.parse(value)
    if url.scheme in ("javascript", "vbscript", "livescript"):
        return f"alamat {url.scheme}:"
    if url.scheme == "data" and not SAFE_DATA.match(browser_url.clean(value)):
        return "alamat data: yang bukan gambar"
    if url.host and not external_allowed:
        return f"rujukan ke situs lain ({url.host})"
    return None


def css_problems(css: str, external_allowed: bool) -> list[str]:
    found = []
    if CSS_IMPORT.search(css):
        found.append("@import/expression di CSS")
    for match in CSS_URL.finditer(css):
        why = url_problem(match.group(2), external_allowed)
        if why:
            found.append(f"{why} di CSS")
    return found


def attribute_problems(
    tag: str, attributes: Iterable[tuple[str, str | None]], external_allowed: bool
) -> list[str]:
    """Why each attribute of an element is active: [(why)]. Every attribute is looked
    at, also when two share a local name (`href` and `xlink:href`)."""
    found = []
    attributes = [(local_name(name), value or "") for name, value in attributes]
    names = dict(attributes)
    for name, value in attributes:
        if name.startswith("on"):
            found.append(f"atribut {name}=")
        elif name in URL_ATTRIBUTES:
            parts = (
                [p.strip().split(" ")[0] for p in value.split(",")] if name == "srcset" else [value]
            )
            found += [why for why in map(lambda v: url_problem(v, external_allowed), parts) if why]
        elif name == "style":
            found += css_problems(value, external_allowed)
    if tag in ANIMATIONS:
        for name, value in attributes:
            target = value.lower()
            if name == "attributename" and (
                target.startswith("on") or local_name(target) == "href"
            ):
                found.append(f"<{tag}> yang mengubah {target}")
            if name in ("to", "from", "values", "by"):
                for part in value.split(";"):
                    why = part.strip() and url_problem(part, external_allowed=True)
                    if why:
                        found.append(f"<{tag}> dengan {why}")
    if tag == "meta" and (names.get("http-equiv") or "").strip().lower() == "refresh":
        found.append("<meta http-equiv=refresh>")
    if tag == "link" and names.get("href"):
        relations = set((names.get("rel") or "").lower().split())
        if not relations <= {"stylesheet", "icon"} or browser_url.parse(names["href"]).host:
            found.append("<link> ke situs lain atau selain stylesheet/ikon")
    return found
