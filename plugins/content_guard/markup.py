"""Which published static files a browser may read as markup, whatever their names.

GitHub Pages picks a file's type from its extension (mime-db): `.html` is HTML, but `.xsd`,
`.rng`, `.rss`, `.kml`, `.xlf` and dozens more are served as XML, which a browser renders (an
`<html:script>` in it runs). A list of such extensions is never complete, so the content
decides: a file that is not of a known binary kind (pictures other than SVG, PDF, Office and
ZIP files, sound, video, fonts: served as such, never rendered as markup, and not scanned)
looks like markup when, after an optional byte order mark and white space, it starts with `<`,
or when it holds a `<` followed by a letter, `!` or `?` anywhere. Such a file may be read as
XML (`could_be_xml`) when its extension is one GitHub Pages serves as XML, or when it starts
with an XML declaration or a doctype.
"""

from __future__ import annotations

import codecs
import os
import re


def _extensions(*groups: str) -> frozenset[str]:
    return frozenset(" ".join(groups).split())


BINARY = _extensions(
    "png jpg jpeg jpe jfif gif webp avif heic heif bmp ico tif tiff psd",  # pictures, not SVG
    "pdf ai eps xps epub",
    "doc docx docm dot dotx xls xlsx xlsm xlt xltx ppt pptx pptm pps ppsx odt ods odp odg",
    "zip rar 7z gz tgz bz2 xz tar kmz apk exe msi dmg iso jar wasm swf",
    "mdb accdb sqlite db shp shx dbf",
    "mp3 m4a aac wav ogg oga opus flac wma amr mid midi",  # sound
    "mp4 m4v mov avi mkv webm ogv wmv flv 3gp mpg mpeg",  # video
    "woff woff2 ttf otf eot",  # fonts
)
# Served as HTML (text/html) by GitHub Pages: read as a browser reads HTML.
HTML = (".html", ".htm", ".shtml")
# Served as SVG or XML: read as XML, and refused when they cannot be.
XML = (".svg", ".xml", ".xsl", ".xslt", ".xhtml", ".xht")
# Every extension GitHub Pages serves as XML, which a browser renders as XML (an
# `<h:script>` in it runs): mime-db's text/xml, application/xml and */*+xml types (2026-03).
# Markup in such a file is read as XML, never only as HTML (static_files.py).
SERVED_AS_XML = _extensions(
    "1km ac aml atom atomcat atomdeleted atomsvc bdo bmml ccxml cdfx cdxml cpl csl dae davmount",
    "dbk dcmp dd2 ddf dtb dwd emma emotionml es3 et3 fdt fo gml gpx grxml hal held ink inkml irp",
    "its kbl kml lasxml lbe lgr link66 lostxml mads maei mathml meta4 metalink mets mods mpd mpf",
    "mpkg mpp mrcx mscml musd musicxml mxml ncx obgx omdoc opf osfpvg osm owl pls provx pskcxml",
    "rapd rdf relo res rif rl rld rng rs rsat rsd rsheet rss rusd sbml sdkd sdkm senmlx sensmlx",
    "shf sls smi smil sru srx ssdl ssml stpx svg svgz swidtag systemverify td tei teicorpus tfi",
    "ttml uo uoml uvt uvvt vec vxml wadl wbs wif wsdl wspolicy x3d x3dz xaml xav xca xcs xdcf xdf",
    "xdm xdp xdssc xel xenc xer xht xhtm xhtml xhvml xlf xml xns xop xpl xsd xsf xsl xslt xsm",
    "xspf xul xvm xvml yin zaz zmm",
)
# The start of an XML document: its declaration, or a doctype other than an HTML page's.
XML_START = re.compile(r"\ufeff?\s*<(?:\?xml[\s?]|!DOCTYPE\s)", re.IGNORECASE)
HTML_DOCTYPE = re.compile(r"\ufeff?\s*<!DOCTYPE\s+html(?:\s[^>\[]*)?>", re.IGNORECASE)
# Plain-text files the spam check also reads when they hold no markup.
PLAIN_TEXT = (".txt",)
# Stylesheets: published as written, loaded by the HTML files beside them.
CSS = (".css",)
TAG_START = re.compile(rb"<[A-Za-z!?]")
TAG_START_UTF16 = re.compile(rb"<\x00[A-Za-z!?]\x00|\x00<\x00[A-Za-z!?]")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def is_binary(path: str) -> bool:
    """A known binary kind, by its extension (what decides its type on GitHub Pages)."""
    return os.path.splitext(str(path))[1][1:].lower() in BINARY


def looks_like_markup(path: str, data: bytes) -> bool:
    """True when a browser may read `data` (the bytes of the file at `path`) as markup."""
    if is_binary(path):
        return False
    start = data
    for bom in BOMS:
        if start.startswith(bom):
            start = start[len(bom) :]
            break
    start = start.lstrip(b" \t\r\n\f\x00")
    return start.startswith(b"<") or bool(TAG_START.search(data) or TAG_START_UTF16.search(data))


def could_be_xml(path: str, text: str) -> bool:
    """True when a browser may read the file at `path` (`text`: its text, `decode`) as XML:
    GitHub Pages serves its extension as XML or SVG, or it starts with an XML declaration or
    a doctype (`<!DOCTYPE html>` alone, an HTML page's, does not count)."""
    if os.path.splitext(str(path))[1][1:].lower() in SERVED_AS_XML:
        return True
    return bool(XML_START.match(text)) and not HTML_DOCTYPE.match(text)


def decode(data: bytes) -> str:
    """The text of `data` as a browser decodes it: UTF-16 by its byte order mark (or by its
    zero bytes around a `<`), else UTF-8 (other bytes replaced)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data[:2] == b"<\x00":
        return data.decode("utf-16-le", errors="replace")
    if data[:2] == b"\x00<":
        return data.decode("utf-16-be", errors="replace")
    return data.decode("utf-8", errors="replace")


def is_text(path: str) -> bool:
    """A published static file whose text the spam check reads: plain text (`.txt`), CSS,
    HTML, SVG or XML by its name, or any other file that looks like markup (unreadable: no)."""
    if str(path).lower().endswith(PLAIN_TEXT + CSS + HTML + XML):
        return True
    if is_binary(path):
        return False
    try:
        with open(path, "rb") as handle:
            return looks_like_markup(path, handle.read())
    except OSError:
        return False
