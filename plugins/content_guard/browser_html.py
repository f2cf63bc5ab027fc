"""The HTML check as a browser reads the file: Python's html.parser (the friendly, line-numbered
scanner of `static_files.py`) disagrees with browsers on comments (`<!-->`), `<![CDATA[`, and
`<style>` inside `<svg>`/`<math>`, so a file it finds clean can still run a script. This check
parses with nh3 (ammonia, on html5ever: the HTML parsing algorithm of browsers) and is the one
that decides:

- the file is cleaned twice, once keeping every tag name, attribute name and URL scheme that
  appears in its text (nothing a browser would build is removed for its name) and once keeping
  only what a harmless document needs (`SAFE_TAGS`, no `on*=` attribute, no
  `javascript:`/`vbscript:` address, no attribute `active.attribute_problems` refuses); the two
  results differ when the file holds something active as a browser reads it;
- every attribute html5ever builds is seen (ammonia's `attribute_filter`) and judged by the same
  rules as the scanner's, also on elements ammonia drops afterwards; `<html>`, `<head>` and
  `<body>`, which ammonia's fragment parse drops with their attributes while a browser puts
  them on the document (`<body onload=…>`), are renamed for the cleaning;
- what ammonia drops in both cleanings whatever they allow (an attribute with a namespace
  prefix such as `xlink:href`, an HTML element inside `<svg><desc>`), is looked for in the
  plain text: an active tag name anywhere (`<script`, also inside a comment), each
  `xlink:href=` address.

Each finding is `(line, why)`: the line of the first place in the text that holds it (else 1).
"""

from __future__ import annotations

import html
import re

import nh3

from .active import ACTIVE_ELEMENTS, ANIMATIONS, attribute_problems, url_problem


def _names_in(text: str) -> list[str]:
    return text.split()


# What a harmless document needs: HTML (text, tables, lists, pictures, media, form controls
# without a form), SVG pictures and MathML formulas. Not here: everything `ACTIVE` lists, and
# any other element a browser may know (an unknown name is refused rather than guessed).
SAFE_HTML = """a abbr acronym address area article aside audio b bdi bdo big blockquote body br
button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir
div dl dt em fieldset figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hgroup hr html
i img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noscript
ol optgroup option output p picture pre progress q rb rp rt rtc ruby s samp search section
select small source span strike strong style sub summary sup table tbody td template textarea
tfoot th thead time title tr track tt u ul var video wbr xml"""
SAFE_SVG = """svg g defs desc title metadata symbol use image switch path rect circle ellipse line
polyline polygon text tspan textPath linearGradient radialGradient stop pattern clipPath mask
marker filter view feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG
feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight
feSpecularLighting feSpotLight feTile feTurbulence"""
SAFE_MATHML = """math mi mn mo ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover
munderover mmultiscripts mprescripts none mtable mtr mtd mlabeledtr mspace mpadded mphantom
mstyle merror menclose semantics annotation"""
SAFE_TAGS = set(" ".join((SAFE_HTML, SAFE_SVG, SAFE_MATHML)).split())
# html5ever gives SVG names their mixed case (`lineargradient` -> `linearGradient`), and ammonia
# compares names as html5ever built them.
SVG_CASE = {name.lower(): name for name in SAFE_SVG.split() if name != name.lower()} | {
    name.lower(): name
    for name in _names_in(
        "foreignObject animateColor animateMotion animateTransform altGlyph altGlyphDef "
        "altGlyphItem glyphRef"
    )
}
SVG_ATTRIBUTE_CASE = {
    name.lower(): name
    for name in _names_in(
        "attributeName attributeType baseFrequency baseProfile calcMode clipPathUnits "
        "diffuseConstant edgeMode filterUnits glyphRef gradientTransform gradientUnits "
        "kernelMatrix kernelUnitLength keyPoints keySplines keyTimes lengthAdjust "
        "limitingConeAngle markerHeight markerUnits markerWidth maskContentUnits "
        "maskUnits numOctaves pathLength patternContentUnits patternTransform "
        "patternUnits pointsAtX pointsAtY pointsAtZ preserveAlpha preserveAspectRatio "
        "primitiveUnits refX refY repeatCount repeatDur requiredExtensions "
        "requiredFeatures specularConstant specularExponent spreadMethod startOffset "
        "stdDeviation stitchTiles surfaceScale systemLanguage tableValues targetX "
        "targetY textLength viewBox viewTarget xChannelSelector yChannelSelector "
        "zoomAndPan definitionURL"
    )
}
# Refused wherever their name stands after a `<`, even in a comment: ammonia drops some of
# them in both cleanings (inside `<svg><desc>`), and a prefixed name (`html:script`) runs in a
# file a browser reads as XML.
ACTIVE = ACTIVE_ELEMENTS | ANIMATIONS | {"fencedframe"}
ACTIVE_SCHEMES = {"javascript", "vbscript", "livescript"}
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# A tag name as html5ever reads it: up to ASCII white space, `/` or `>`.
TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
# `<html>`, `<head>` and `<body>` carry attributes onto the document's own elements
# (`<body onload=…>` runs), but ammonia reads a fragment and drops those tags with their
# attributes: they are renamed for the cleaning so that their attributes are seen.
DOCUMENT_TAG = re.compile(r"<(/?)(html|head|body)(?=[\t\n\f\r />]|$)", re.IGNORECASE)
DOCUMENT_PREFIX = "wartadesa-"
# Every run of characters an attribute name can hold (a superset of the names in the file).
WORD = re.compile(r"[^\s\"'<>/=\x00]+")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
XLINK_HREF = re.compile(r"""xlink:href\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", re.IGNORECASE)


def _names(source: str) -> tuple[set[str], set[str], set[str]]:
    """Every tag name, attribute name and URL scheme the file can hold, as html5ever
    spells them (a superset: taken from the plain text, entities decoded for schemes)."""
    tags = set()
    for name in TAG.findall(source):
        tags |= _variants(name)
    words = set()
    for word in WORD.findall(source):
        words |= {word, word.lower(), SVG_ATTRIBUTE_CASE.get(word.lower(), word)}
    # A browser drops tabs and newlines inside an address, and reads entities in attributes.
    decoded = re.sub(r"[\t\n\r]", "", html.unescape(source))
    schemes = {scheme.lower() for scheme in SCHEME.findall(decoded)} | {"http", "https"}
    # The schemes the rules refuse are always kept: the observer sees them.
    return tags, words, schemes | ACTIVE_SCHEMES | {"data"}


def _renamed(match: re.Match) -> str:
    return f"<{match.group(1)}{DOCUMENT_PREFIX}{match.group(2).lower()}"


def _ascii_lower(name: str) -> str:
    """Lower case as html5ever lowers a name: ASCII letters only."""
    return name.translate(ASCII_LOWER)


def _is_safe_tag(name: str) -> bool:
    """A harmless element: one of SAFE_TAGS, or a name a browser knows nothing of that
    cannot be confused with one (a custom element `x-peta`, an Office tag `o:p`)."""
    lower = name.lower()
    if lower in ACTIVE or lower.rsplit(":", 1)[-1] in ACTIVE:
        return False
    return name in SAFE_TAGS or lower in SAFE_TAGS or "-" in name or ":" in name


def _line(source: str, pattern: str) -> int:
    match = re.search(pattern, source, re.IGNORECASE)
    return _line_of(source, match) if match else 1


def _attribute_line(source: str, name: str, value: str) -> int:
    """The line of the attribute `name` holding `value` (as a browser decodes it), else of
    the first attribute `name`, else 1."""
    pattern = re.compile(
        rf"""(?<![\w:-]){re.escape(name)}\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""", re.IGNORECASE
    )
    for match in pattern.finditer(source):
        if html.unescape(match.group(1).strip("\"'")) == value:
            return _line_of(source, match)
    return _line(source, rf"(?<![\w:-]){re.escape(name)}\s*=")


def _clean(source, tags, words, schemes, attribute_filter) -> str:
    return nh3.clean(
        source,
        tags=tags,
        clean_content_tags=set(),
        attributes={"*": words},
        url_schemes=schemes,
        strip_comments=True,
        link_rel=None,
        attribute_filter=attribute_filter,
    )


def problems(source: str, unknown_refused: bool = True) -> list[tuple[int, str]]:
    """(line, why) of what a browser would run in the HTML file `source` (empty: none).
    `unknown_refused` False (a file not served as HTML): only what the rules refuse counts,
    not an element outside SAFE_TAGS."""
    document = DOCUMENT_TAG.sub(_renamed, source)  # what ammonia reads
    tags, words, schemes = _names(document)
    seen = {}  # (tag, attribute, value) -> why: what html5ever built and the rules refuse

    def observe(tag, attribute, value):
        why = attribute_problems(tag.lower(), [(attribute, value)], external_allowed=True)
        if why:
            seen.setdefault((tag, attribute, value), why[0])
        return value

    def drop(tag, attribute, value):  # called after `observe` has judged every attribute
        return None if (tag, attribute, value) in seen else value

    everything = _clean(document, tags, words, schemes, observe)
    harmless = _clean(
        document,
        {tag for tag in tags if _is_safe_tag(tag)},
        {word for word in words if not word.lower().startswith("on")},
        schemes - ACTIVE_SCHEMES,
        drop,
    )
    found = []  # (line, why), lines and names as written
    for (tag, attribute, value), why in seen.items():
        tag = tag.lower().removeprefix(DOCUMENT_PREFIX)
        where = _attribute_line(source, attribute, value)
        found.append((where, why if why.startswith("<") else f"{why} pada <{tag}>"))
    for match in TAG.finditer(source):
        name = match.group(1).lower()
        if name in ACTIVE or name.rsplit(":", 1)[-1] in ACTIVE:
            found.append((_line_of(source, match), f"<{name}>"))
    for match in XLINK_HREF.finditer(source):
        why = url_problem(html.unescape(match.group(1).strip("\"'")), external_allowed=True)
        if why:
            found.append((_line_of(source, match), f"xlink:href: {why}"))
    if unknown_refused and everything != harmless and not found:
        found.append(_removed(document, tags, words, schemes, everything))
    return sorted(set(found))


def _line_of(source: str, match: re.Match) -> int:
    return source.count("\n", 0, match.start()) + 1


def _removed(document, tags, words, schemes, everything) -> tuple[int, str]:
    """(line, why) of the first element of `document` (in the text's order) whose removal
    changes the cleaning that keeps everything (`everything`, already made), and that the
    harmless cleaning removes."""
    for match in TAG.finditer(document):
        name = match.group(1)
        if _is_safe_tag(name):
            continue
        if _clean(document, tags - _variants(name), words, schemes, None) != everything:
            return _line_of(
                document, match
            ), f"<{name.lower()}> (elemen di luar daftar elemen aman)"
    return 1, "bagian yang dibaca browser sebagai elemen aktif"


def _variants(name: str) -> set[str]:
    """The names `_names` adds to the tags for the name `name` written in the text."""
    name = name.replace("\x00", "\ufffd")
    return {name, _ascii_lower(name), name.lower(), SVG_CASE.get(name.lower(), name)}
