"""SVG, HTML and XML files under content/ (images/, files/, extra/) are published as
they are, on the village's own domain, where a browser runs what they contain: a
`<script>` in an SVG logo runs with no Content-Security-Policy (the policy lives in
our pages' <meta>, not in the file). Such files are refused, with the line, when they
hold active content:

- scripts and elements that run or embed other documents (`<script>`, `<foreignObject>`,
  `<iframe>`, `<object>`, `<embed>`, `<handler>`, `<base>`, `<form>`, a refresh `<meta>`);
- event attributes (`onload=`, `onclick=`, ...) and animations that set them or links;
- `javascript:`/`vbscript:`/`data:` addresses (except pictures and fonts);
- in SVG/XML: references to other sites (`href`, `xlink:href`, `src`, `url(...)` and
  `@import` in styles), entity declarations holding markup or files (`<!ENTITY`),
  `<?xml-stylesheet?>`;
- compressed SVG (`.svgz`), which cannot be read.

Text spam and hidden text in these files are the spam check's job (spam.py).
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from front_matter.errors import ContentError, report, reports_only

from . import browser_url
from .content import static_generator

if TYPE_CHECKING:
    from pelican.generators import Generator

SVG_XML = (".svg", ".xml", ".xsl", ".xslt", ".xhtml", ".xht")
HTML = (".html", ".htm", ".shtml")
REFUSED = (".svgz",)

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

BROKEN = "rusak: "  # prefix of the reason when the file cannot be read as XML
HINT_SVG = (
    'hapus bagian itu dari berkas (di Inkscape: Simpan sebagai "Optimized SVG" atau '
    '"Plain SVG"), atau simpan gambarnya sebagai PNG'
)
HINT_HTML = (
    "halaman HTML di content/ diterbitkan apa adanya di domain desa: hapus bagian itu, "
    "atau tulis isinya sebagai halaman Markdown di content/pages/"
)


def _local(name):
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
    attributes = [(_local(name), value or "") for name, value in attributes]
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
            if name == "attributename" and (target.startswith("on") or _local(target) == "href"):
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


# Elements of these namespaces are rendered (and run) by browsers in any XML document.
ACTIVE_NAMESPACES = {
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
}


def svg_problems(source: str, every_element: bool = True) -> list[tuple[int, str]]:
    """(line, why) of active content in an SVG/XML document (refused when unreadable).
    `every_element` False (XML data such as an RSS file): only elements in the XHTML,
    SVG or MathML namespace are looked at; a browser shows the rest as a data tree."""
    found = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    stack = []

    def line():
        return parser.CurrentLineNumber

    def start(name, attributes):
        tag = _local(name)
        stack.append(tag)
        namespace = name.rsplit(" ", 1)[0] if " " in name else ""
        if not every_element and namespace not in ACTIVE_NAMESPACES:
            return
        if tag in ACTIVE_ELEMENTS:
            found.append((line(), f"<{tag}>"))
        for why in attribute_problems(tag, attributes.items(), external_allowed=False):
            found.append((line(), why))

    def characters(data):
        if stack and stack[-1] == "style":
            for why in css_problems(data, external_allowed=False):
                found.append((line(), why))

    def instruction(target, data):
        if target.lower() == "xml-stylesheet":
            found.append((line(), "<?xml-stylesheet?>"))

    def entity(name, is_parameter, value, base, system_id, public_id, notation=None):
        # Plain text entities (Illustrator writes namespace URLs this way) are harmless;
        # markup, external files and parameter entities are not.
        if is_parameter or value is None or "<" in value or "&" in value:
            found.append((line(), "deklarasi <!ENTITY> berisi markup atau berkas lain"))

    def unparsed_entity(*args):
        found.append((line(), "deklarasi <!ENTITY> berisi markup atau berkas lain"))

    def external_entity(*args):
        found.append((line(), "entitas dari berkas lain"))
        return 1

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: stack.pop()
    parser.CharacterDataHandler = characters
    parser.ProcessingInstructionHandler = instruction
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed_entity
    parser.ExternalEntityRefHandler = external_entity
    try:
        parser.Parse(source.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as error:
        found.append((error.lineno or 1, BROKEN + xml.parsers.expat.ErrorString(error.code)))
    return sorted(set(found))


class _HTMLScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        tag = tag.lower()
        self.in_style = tag == "style"
        if tag in ACTIVE_ELEMENTS:
            self.found.append((line, f"<{tag}>"))
        for why in attribute_problems(tag, attrs, external_allowed=True):
            self.found.append((line, why))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            for why in css_problems(data, external_allowed=True):
                self.found.append((self.getpos()[0], why))


def html_problems(source: str) -> list[tuple[int, str]]:
    """(line, why) of active content in an HTML document (links to other sites are fine)."""
    scanner = _HTMLScanner()
    scanner.feed(source)
    scanner.close()
    return sorted(set(scanner.found))


def problems(path: str, source: str) -> list[ContentError]:
    """ContentErrors for one published static file (`source`: its text)."""
    lower = str(path).lower()
    if lower.endswith(REFUSED):
        return [
            ContentError(
                path,
                1,
                "SVG terkompresi (.svgz) tidak bisa diperiksa (compressed SVG refused)",
                "simpan sebagai .svg biasa atau sebagai PNG",
            )
        ]
    if lower.endswith(SVG_XML):
        is_svg = lower.endswith(".svg")
        found = svg_problems(source, every_element=is_svg)
        kind, hint = ("SVG", HINT_SVG) if is_svg else ("XML", HINT_HTML)
    elif lower.endswith(HTML):
        found, kind, hint = html_problems(source), "HTML", HINT_HTML
    else:
        return []
    errors = []
    for line, why in found:
        if why.startswith(BROKEN):
            errors.append(
                ContentError(
                    path,
                    line,
                    f"berkas {kind} tidak bisa dibaca untuk diperiksa: "
                    f"{why[len(BROKEN) :]} (malformed file refused)",
                    "buka dan simpan ulang berkasnya (SVG dari Inkscape/Illustrator), atau simpan "
                    "gambarnya sebagai PNG",
                )
            )
        else:
            errors.append(
                ContentError(
                    path,
                    line,
                    f"berkas {kind} berisi kode aktif: {why} (active content in a published file); "
                    "berkas ini diterbitkan apa adanya dan isinya bisa berjalan di domain situs desa",
                    hint,
                )
            )
    return errors


@reports_only
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: refuse static SVG/HTML/XML files with active content."""
    static = static_generator(generators)
    for item in getattr(static, "staticfiles", None) or []:
        path = str(getattr(item, "source_path", ""))
        if not path.lower().endswith(SVG_XML + HTML + REFUSED):
            continue
        try:
            with open(path, "rb") as handle:
                source = handle.read().decode("utf-8", errors="replace")
        except OSError:
            continue
        for error in problems(path, source):
            report(error)
