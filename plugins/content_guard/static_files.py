"""SVG, HTML and XML files under content/ (images/, files/, extra/) are published as
they are, on the village's own domain, where a browser runs what they contain: a
`<script>` in an SVG logo runs with no Content-Security-Policy (the policy lives in
our pages' <meta>, not in the file), and could read the web editor's GitHub token. Every
published file that is named SVG/HTML/XML or looks like markup whatever its name
(`markup.py`: an `.xsd` or `.kml` is served as XML) is refused, with the line, when it holds
active content:

- scripts and elements that run or embed other documents (`<script>`, `<foreignObject>`,
  `<iframe>`, `<object>`, `<embed>`, `<handler>`, `<base>`, `<form>`, a refresh `<meta>`);
- event attributes (`onload=`, `onclick=`, ...) and animations that set them or links;
- `javascript:`/`vbscript:`/`data:` addresses (except pictures and fonts);
- in SVG/XML: references to other sites (`href`, `xlink:href`, `src`, `url(...)` and
  `@import` in styles), entity declarations holding markup or files (`<!ENTITY`, found in
  the text whatever the XML parser makes of the rest), parameter-entity references
  (`%name;`) in a doctype, `<?xml-stylesheet?>`;
- a file a browser may read as XML (`markup.could_be_xml`: by its extension, or because it
  starts with an XML declaration or a doctype) that expat cannot read, whatever the reason
  (a name character expat does not know, an encoding it cannot decode): what a browser makes
  of it cannot be checked, and the HTML check reads it otherwise than an XML parser;
- compressed SVG (`.svgz`), which cannot be read;
- in a stylesheet (`.css`, loaded by the HTML files beside it), read with its comments out
  and its escapes decoded: `@import`, `expression()`, `behavior:`, `-moz-binding`,
  `javascript:` addresses and `data:` ones other than pictures and fonts.

HTML (`.html`, and other markup that is not XML) is read twice: by html.parser here, for
line-numbered messages, and, when that finds nothing, as a browser reads it
(`browser_html.py`, html5ever), which decides. The rules themselves are in `active.py`.
Text spam and hidden text in these files are the spam check's job (spam.py).
"""

from __future__ import annotations

import codecs
import re
import xml.parsers.expat
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from front_matter import memo
from front_matter.errors import ContentError, report, reports_only
from front_matter.limits import unclosed_tags_problem

from . import browser_html, markup
from .active import (
    ACTIVE_ELEMENTS,
    attribute_problems,
    css_findings,
    css_problems,
    css_text,
    local_name,
)
from .content import static_generator

if TYPE_CHECKING:
    from pelican.generators import Generator

SVG_XML = markup.XML
REFUSED = (".svgz",)
# Script files: served from the village's domain, any page there (or an injection a later
# bug allowed) could load them past the policy's `script-src 'self'`, and a service worker
# (`sw.js`) would control the whole site. The site's scripts are the theme's own.
SCRIPTS = (".js", ".mjs", ".cjs", ".jsm", ".es", ".ecma", ".wasm")  # served as JavaScript

XML_STYLESHEET = re.compile(r"<\?xml-stylesheet", re.IGNORECASE)
BROKEN = "rusak: "  # prefix of the reason when the file cannot be read as XML
ENTITY = "deklarasi <!ENTITY> berisi markup atau berkas lain"
ENTITY_START = re.compile(r"<!ENTITY", re.IGNORECASE)
# A plain text entity (Illustrator writes namespace URLs so): a name and a quoted value with no
# markup, reference or parameter entity in it. Anything else `<!ENTITY` starts is refused.
PLAIN_ENTITY = re.compile(
    r"""<!ENTITY[ \t\r\n]+[^\s%"'<>&;]+[ \t\r\n]+(?:"[^"<&%]*"|'[^'<&%]*')[ \t\r\n]*>"""
)
DOCTYPE_START = re.compile(r"<!DOCTYPE", re.IGNORECASE)
# What a doctype holds, as far as telling its internal subset (`[...]`) and the parameter-entity
# references in it: comments and quoted strings, `%name;`, brackets and `>`.
DOCTYPE_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|%[^\s%;<>"'\[\]]+;|[\[\]>]""", re.DOTALL
)
XML_ENCODING = re.compile(r"""\A\ufeff?<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
# The text checked was decoded as a browser decodes it (`markup.decode`): UTF-8, or UTF-16 by
# its byte order mark; expat reads it as UTF-8 whichever of these the file declares.
DECODED = {"utf-8", "utf-16", "utf-16-le", "utf-16-be"}
HINT_SVG = (
    'hapus bagian itu dari berkas (di Inkscape: Simpan sebagai "Optimized SVG" atau '
    '"Plain SVG"), atau simpan gambarnya sebagai PNG'
)
HINT_CSS = (
    "berkas CSS di content/ diterbitkan apa adanya di domain desa: hapus bagian itu "
    "(gaya tampilan cukup ditulis langsung, tanpa @import atau alamat javascript:/data:)"
)
HINT_HTML = (
    "halaman HTML di content/ diterbitkan apa adanya di domain desa: hapus bagian itu, "
    "atau tulis isinya sebagai halaman Markdown di content/pages/"
)
HINT_UNREADABLE_XML = (
    "hapus berkasnya, atau terbitkan di dalam berkas .zip (berkas .zip diunduh, tidak dibuka "
    "peramban); berkas dari program lain bisa disimpan ulang sebagai XML UTF-8 yang benar"
)


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
    declared = XML_ENCODING.match(source)
    encoding = declared and _codec_name(declared.group(1))
    parser = xml.parsers.expat.ParserCreate(
        "UTF-8" if encoding in DECODED else None, namespace_separator=" "
    )
    stack = []

    def line():
        return parser.CurrentLineNumber

    def start(name, attributes):
        tag = local_name(name)
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
    except (ValueError, LookupError) as error:  # UnicodeError is a ValueError
        # An encoding expat cannot decode: multi-byte (Shift_JIS, GBK) or unknown.
        label = declared.group(1) if declared else ""
        why = f"pengodean (encoding) '{label}' tidak didukung" if label else str(error)
        found.append((1, BROKEN + why))
    declarations = doctype_problems(source)
    if any(why == ENTITY for _, why in declarations):  # the same, told at its first line
        found = [(at, why) for at, why in found if why != ENTITY]
    return sorted(set(found + declarations))


def _codec_name(label: str) -> str:
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return ""


def doctype_problems(source: str) -> list[tuple[int, str]]:
    """(line, why) of the declarations in `source` that a browser may turn into markup, read in
    the text whatever expat makes of the file (it stops at the first mistake, and a
    non-validating parser reads no declaration after an unknown `%name;`, where a browser may):
    every `<!ENTITY` but a plain text entity, and a parameter-entity reference in a doctype."""
    found = []

    def line(at: int) -> int:
        return source.count("\n", 0, at) + 1

    for match in ENTITY_START.finditer(source):
        if not PLAIN_ENTITY.match(source, match.start()):
            found.append((line(match.start()), ENTITY))
    for doctype in DOCTYPE_START.finditer(source):
        in_subset = False
        for token in DOCTYPE_TOKEN.finditer(source, doctype.end()):
            text = token.group()
            if text == "[":
                in_subset = True
            elif text == ("]" if in_subset else ">"):
                break
            elif in_subset and text.startswith("%"):
                found.append(
                    (line(token.start()), f"rujukan entitas parameter {text} di <!DOCTYPE>")
                )
        if in_subset:  # read to its end (or the file's): a later `<!DOCTYPE` is inside it
            break
    return found


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


def html_problems(source: str, served_as_html: bool = True) -> list[tuple[int, str]]:
    """(line, why) of active content in an HTML document (links to other sites are fine):
    the scanner's findings, with their lines; when it finds nothing, what a browser reading
    the file would run (`browser_html`: the scanner reads comments, `<![CDATA[` and `<style>`
    in `<svg>`/`<math>` otherwise than a browser does). `served_as_html` False (markup in a
    file GitHub Pages does not serve as HTML, such as `<lima tahun` in a `.csv`): an element
    no browser knows is accepted."""
    scanner = _HTMLScanner()
    scanner.feed(source)
    scanner.close()
    return sorted(set(scanner.found)) or browser_html.problems(source, served_as_html)


def css_file_problems(source: str) -> list[tuple[int, str]]:
    """(line, why) of what is active in a stylesheet (`active.css_findings` on its text as
    the browser reads it, `active.css_text`)."""
    text = css_text(source)
    return sorted(
        {
            (text.count("\n", 0, at) + 1, why)
            for at, why in css_findings(text, external_allowed=True)
        }
    )


def problems(path: str, source: str) -> list[ContentError]:
    """ContentErrors for one published static file (`source`: its text, of a file with an
    SVG/XML/HTML extension or one that looks like markup, `markup.looks_like_markup`)."""
    lower = str(path).lower()
    if lower.endswith(SCRIPTS):
        return [
            ContentError(
                path,
                1,
                "berkas skrip tidak boleh diterbitkan dari content/ (script file refused): "
                "skrip di domain situs desa bisa dijalankan oleh halamannya",
                "hapus berkasnya; JavaScript situs hanya dari tema (theme/ atau overrides/)",
            )
        ]
    if unclosed_tags_problem(path, source):
        return []  # refused by the spam check, which reads every file read here (spam.py)
    if lower.endswith(REFUSED):
        return [
            ContentError(
                path,
                1,
                "SVG terkompresi (.svgz) tidak bisa diperiksa (compressed SVG refused)",
                "simpan sebagai .svg biasa atau sebagai PNG",
            )
        ]
    if lower.endswith(markup.HTML):
        found, kind, hint = html_problems(source), "HTML", HINT_HTML
    elif lower.endswith(markup.CSS):
        found, kind, hint = css_file_problems(source), "CSS", HINT_CSS
    elif lower.endswith(SVG_XML):
        is_svg = lower.endswith(".svg")
        found = svg_problems(source, every_element=is_svg)
        kind, hint = ("SVG", HINT_SVG) if is_svg else ("XML", HINT_HTML)
    else:
        # Any other markup (`.xsd`, `.rss`, `.kml`, no extension...): GitHub Pages may serve
        # it as XML, which a browser renders. What does not parse as XML is refused when a
        # browser may read it as XML (`markup.could_be_xml`): the HTML check reads it otherwise
        # than an XML parser. Other markup (`<lima tahun` in a `.csv`) gets the HTML check.
        found, kind, hint = svg_problems(source, every_element=False), "XML", HINT_HTML
        broken = any(why.startswith(BROKEN) for _, why in found)
        if broken and not markup.could_be_xml(path, source):
            found, kind = html_problems(source, served_as_html=False), "HTML"
            found += [
                (source.count("\n", 0, match.start()) + 1, "<?xml-stylesheet?>")
                for match in XML_STYLESHEET.finditer(source)
            ]
    errors = []
    for line, why in found:
        if why.startswith(BROKEN) and kind == "XML":
            errors.append(
                ContentError(
                    path,
                    line,
                    f"berkas XML tidak bisa diperiksa dengan aman: {why[len(BROKEN) :]} "
                    "(unreadable XML file refused); peramban membacanya sebagai XML, dan isinya "
                    "bisa berjalan di domain situs desa",
                    HINT_UNREADABLE_XML,
                )
            )
        elif why.startswith(BROKEN):
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


@reports_only(cost=1)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: refuse published static files with active content: those
    named SVG/HTML/XML and every other one that looks like markup (`markup.py`). A file found
    clean is remembered (front_matter.memo) and not read as markup again while unchanged."""
    static = static_generator(generators)
    for item in getattr(static, "staticfiles", None) or []:
        path = str(getattr(item, "source_path", ""))
        lower = path.lower()
        if lower.endswith(SCRIPTS):  # refused by its name: nothing to read
            for error in problems(path, ""):
                report(error)
            continue
        named = lower.endswith(SVG_XML + markup.HTML + markup.CSS + REFUSED)
        if not named and markup.is_binary(path):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if not named and not markup.looks_like_markup(path, data):
            continue
        source = markup.decode(data)
        clean_key = memo.key("static files", path, source)
        if memo.is_clean(clean_key):
            continue
        errors = problems(path, source)
        if not errors:
            memo.mark_clean(clean_key)
        for error in errors:
            report(error)
