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
CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"@import|expression\s*\(|-moz-binding|behavior\s*:", re.IGNORECASE)
SAFE_DATA = re.compile(
    r"^data:(?:image/(?:png|jpe?g|gif|webp|avif)|font/[a-z0-9.+-]+)[;,]", re.IGNORECASE
)
# In CSS an address is only ever a picture or a font, never a document: an SVG drawn as a
# picture runs no script (Bootstrap's select arrow), and fonts have older types too.
CSS_SAFE_DATA = re.compile(
    r"^data:(?:image/[a-z0-9.+-]+|font/[a-z0-9.+-]+|application/(?:x-)?font-[a-z0-9.+-]+"
    r"|application/vnd\.ms-fontobject)[;,]",
    re.IGNORECASE,
)
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\f]?|([^\n0-9a-fA-F]))")


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
    return [why for _, why in css_findings(css, external_allowed)]


def css_findings(css: str, external_allowed: bool) -> list[tuple[int, str]]:
    """(offset in `css`, why) of what is active in CSS: `@import` and its kin, and the
    addresses in `url(…)` that are (a picture or a font as `data:` is not)."""
    found = [(match.start(), "@import/expression di CSS") for match in CSS_IMPORT.finditer(css)]
    for match in CSS_URL.finditer(css):
        value = match.group(2)
        why = url_problem(value, external_allowed)
        if why and not (
            why.startswith("alamat data:") and CSS_SAFE_DATA.match(browser_url.clean(value))
        ):
            found.append((match.start(), f"{why} di CSS"))
    return found


def css_text(source: str) -> str:
    """A stylesheet as the browser reads its words: comments out (their lines kept) and
    escapes decoded (`@\\69mport` is `@import`, `\\202E` the override character). Every
    line stays on its line."""
    source = CSS_COMMENT.sub(lambda m: " " + "\n" * m.group(0).count("\n"), source)

    def character(match):
        if match.group(2) is not None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return CSS_ESCAPE.sub(character, source) if "\\" in source else source


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
