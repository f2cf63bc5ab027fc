"""Helpers for the hostile-input tests: write a small content folder, check or build it
with the real settings, and look through every file a build wrote for anything active.

The scan here is written independently of the plugins it tests (BeautifulSoup and the
standard XML parser, not content_guard's own code)."""

import json
import re
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from tests.sitetools import settings_path
from wartadesa.check import check

OUR_SCRIPTS = (
    "/theme/js/share.js",
    "/theme/js/video.js",
    "/theme/js/search.js",
    "/theme/js/gallery.js",
)
EDITOR_SCRIPTS = (
    "admin/index.html: <script src='sveltia-cms.js'>",
    "admin/index.html: <script src='editor.js'>",
)
SEARCH_ACTION = "/cari/"  # the site's own search form (plugin search, SEARCH_URL)
URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "xlink:href",
    "background",
    "cite",
)
ACTIVE_TAGS = (
    "object",
    "embed",
    "applet",
    "base",
    "form",
    "frame",
    "frameset",
    "foreignobject",
    "handler",
    "portal",
)
NOCOOKIE = "https://www.youtube-nocookie.com/embed/"


def article(body="Isi berita biasa.", **front):
    """A Markdown article: YAML front matter (one key a line, from line 2) and a body."""
    front = {"judul": "Berita biasa", "tanggal": "2024-06-05 09:00", **front}
    lines = ["---"]
    for key, value in front.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines += ["---", body, ""]
    return "\n".join(lines)


def write_tree(root, files):
    """Write {relative path: text or bytes} under `root`; return `root`."""
    root = Path(root)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    return root


def check_content(content, **settings):
    """(errors, warnings) as lines `path:line: message — hint`, nothing written."""
    return check(settings_path(), content, settings or None)


def refusals(errors, content, name, line):
    """The error lines naming content/`name` at `line`."""
    location = f"{(Path(content) / name).resolve()}:{line}: "
    return [error for error in errors if error.startswith(location)]


def assert_refused(errors, content, name, line, *words):
    found = refusals(errors, content, name, line)
    shown = "\n".join(errors)
    assert found, f"no error naming {name}:{line}:\n{shown}"
    assert "Traceback" not in shown
    text = " ".join(found).lower()
    for word in words:
        assert word.lower() in text, f"{word!r} not in:\n{shown}"


# --- Scanning a built site ----------------------------------------------------------


def _clean_url(value):
    return re.sub(r"[\x00-\x20\x7f]+", "", str(value or "")).lower()


def active_in_html(soup, where):
    """Everything active or policy-breaking in one parsed HTML document."""
    found = []
    ids = {}
    for tag in soup.find_all(True):
        name = tag.name.lower()
        for attribute, value in tag.attrs.items():
            attribute = attribute.lower()
            values = value if isinstance(value, list) else [value]
            if attribute.startswith("on"):
                found.append(f"{where}: <{name} {attribute}=>")
            if attribute in URL_ATTRIBUTES:
                for item in values:
                    if _clean_url(item).startswith(("javascript:", "vbscript:", "data:text")):
                        found.append(f"{where}: <{name} {attribute}={item!r}>")
            if attribute == "style":
                found.append(f"{where}: <{name} style=> (blocked by style-src 'self')")
            if attribute == "id":
                ids[value] = ids.get(value, 0) + 1
        if name == "script":
            src = tag.get("src")
            if src:
                if not src.endswith(OUR_SCRIPTS):
                    found.append(f"{where}: <script src={src!r}>")
            elif (tag.get("type") or "").lower() != "application/ld+json":
                found.append(f"{where}: inline <script>")
        if name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        if name in ACTIVE_TAGS and not _our_search_form(tag):
            found.append(f"{where}: <{name}>")
        if name == "style":
            found.append(f"{where}: <style>")
        if name == "iframe" and not str(tag.get("src", "")).startswith(NOCOOKIE):
            found.append(f"{where}: <iframe src={tag.get('src')!r}>")
        if name == "a" and tag.get("data-embed") and not tag["data-embed"].startswith(NOCOOKIE):
            found.append(f"{where}: data-embed={tag['data-embed']!r}")
    found += [f"{where}: id {key!r} used {count} times" for key, count in ids.items() if count > 1]
    return found


def _our_search_form(tag):
    """The theme's search form: a GET form to the site's own search page, no other input
    than the query (and the search page's own filters)."""
    return (
        tag.name.lower() == "form"
        and (tag.get("method") or "get").lower() == "get"
        and str(tag.get("action", "")).endswith(SEARCH_ACTION)
        and tag.get("role") == "search"
    )


def json_ld_problems(soup, where):
    found = []
    for script in soup.find_all("script", type="application/ld+json"):
        raw = script.string or ""
        if "<" in raw or ">" in raw:
            found.append(f"{where}: '<' or '>' unescaped in JSON-LD")
        try:
            json.loads(raw)
        except ValueError as error:
            found.append(f"{where}: JSON-LD is not JSON ({error})")
    return found


def feed_problems(path, where):
    """A feed must be well-formed XML, and the HTML inside its entries inert."""
    try:
        tree = ElementTree.parse(path)
    except ElementTree.ParseError as error:
        return [f"{where}: not well-formed XML ({error})"]
    found = []
    for node in tree.iter():
        local = node.tag.rsplit("}", 1)[-1]
        if local in ("content", "summary", "description") and node.text:
            soup = BeautifulSoup(node.text, "html.parser")
            found += active_in_html(soup, f"{where} <{local}>")
    return found


def svg_problems(path, where):
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    with warnings.catch_warnings():  # lenient on purpose: finds tags even in broken XML
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "html.parser")
    found = active_in_html(soup, where)
    if re.search(r"<script|<foreignobject|<!entity[^>]*(?:<|system|public)", text, re.IGNORECASE):
        found.append(f"{where}: script, foreignObject or an entity with markup or a file in SVG")
    return found


def scan_site(output):
    """Every active thing in every file of a built site (HTML, JSON-LD, feeds, sitemap,
    SVG/HTML copies of static files): [] when nothing is."""
    output = Path(output)
    found = []
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        where = str(path.relative_to(output))
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm", ".xhtml"):
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            problems = active_in_html(soup, where) + json_ld_problems(soup, where)
            if where == "admin/index.html":  # the web editor's own two scripts (plugin editor)
                problems = [p for p in problems if p not in EDITOR_SCRIPTS]
            found += problems
        elif suffix == ".xml":
            found += feed_problems(path, where)
        elif suffix == ".svg":
            found += svg_problems(path, where)
    return found


def registry(entries):
    """desa.yml text for a list of entry dicts (one key a line, JSON-quoted values)."""
    lines = []
    for entry in entries:
        for index, (key, value) in enumerate(entry.items()):
            lines.append(("- " if index == 0 else "  ") + f"{key}: {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def load_yaml(text):
    return yaml.safe_load(text)
