"""Page-weight budgets and loading rules for one built HTML page (issue "Theme": budgets).

The sizes come from the kit's one page-weight module (wartadesa/weight.py, also used by
`invoke bench`); this module adds the budgets and the loading rules. Figures per page:
- html / html_gz: the HTML file, raw and gzip -9;
- css / css_gz: inline <style> plus every same-site stylesheet it links (each once, with
  its @imports), raw and gzip -9 (each file compressed on its own, as it travels);
- first_load_gz = html_gz + css_gz: what must arrive before the first paint (≤ 14 KB);
- js: raw bytes of inline scripts plus same-site script files (JSON-LD is data, not JS).
"""

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from wartadesa.weight import SiteMeasurer

FIRST_LOAD_GZ = 14 * 1024
# The stylesheet travels compressed: its budget is gzip (raw is reported alongside).
# 4 KB since the notice board, galeri, search, APBDes and village data components (was 3.5).
CSS_GZ = 4 * 1024
JS_RAW = 2 * 1024
# None: a page loads nothing from another site (YouTube players draw their own poster).
ALLOWED_EXTERNAL_IMAGE_HOSTS: set[str] = set()
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json", "text/template"}
RESOURCE_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "manifest",
    "mask-icon",
    "prefetch",
}


@dataclass
class PageFigures:
    url: str
    html: int = 0
    html_gz: int = 0
    css: int = 0
    css_gz: int = 0
    js: int = 0
    images: int = 0
    problems: dict = field(default_factory=dict)  # rule -> [messages]

    @property
    def first_load_gz(self):
        return self.html_gz + self.css_gz

    def add(self, rule, message):
        self.problems.setdefault(rule, []).append(message)


def _is_js(script):
    kind = (script.get("type") or "").strip().lower()
    return kind in ("", "text/javascript", "module", "application/javascript")


def _srcset_urls(value):
    return [part.strip().split()[0] for part in (value or "").split(",") if part.strip()]


class SiteResolver:
    """Maps a resource URL found in a page to a file of the built site, or says it is
    external. `site_url` is the production address ('' for a preview build)."""

    def __init__(self, output, site_url=""):
        self.output = output
        self.site_url = site_url.rstrip("/")
        self.measurer = SiteMeasurer(output, self.site_url)  # sizes, each file once

    def local_file(self, page_url, ref):
        """The built file for `ref` (relative to the page `page_url`), None if external."""
        if self.site_url and ref.startswith(self.site_url + "/"):
            path = ref[len(self.site_url) :]
        else:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                return None
            path = urljoin("/" + page_url, parts.path)
        path = path.split("#")[0].split("?")[0]
        target = self.output / PurePosixPath(path.lstrip("/"))
        return target / "index.html" if path.endswith("/") else target

    def is_external(self, page_url, ref):
        return not ref.startswith("data:") and self.local_file(page_url, ref) is None


def measure(resolver, page_url, html_bytes):
    """PageFigures for one page, with every broken rule recorded in .problems."""
    soup = BeautifulSoup(html_bytes, "html.parser")
    path = page_url + "index.html" if page_url == "" or page_url.endswith("/") else page_url
    weight = resolver.measurer.page_bytes(path, html_bytes)
    fig = PageFigures(
        page_url,
        html=weight.html_raw,
        html_gz=weight.html_gzip,
        css=weight.css_raw,
        css_gz=weight.css_gzip,
        js=weight.js_raw,
    )

    # CSS rules: inline <style> and linked stylesheets (same-site files of the output).
    css_parts = [style.get_text().encode() for style in soup.find_all("style")]
    blocking_sheets = []
    for link in soup.find_all("link", href=True):
        rels = {r.lower() for r in link.get("rel", [])}
        if "stylesheet" not in rels:
            continue
        href = link["href"]
        if link.get("media", "all").strip().lower() not in ("print",):
            blocking_sheets.append(href)
        local = resolver.local_file(page_url, href)
        if local is None:
            continue
        if not local.is_file():
            continue  # reported below as a missing file
        css_parts.append(local.read_bytes())
    for part in css_parts:
        text = part.decode("utf-8", "replace")
        if re.search(r"@import\b", text):
            fig.add("render-blocking", "CSS @import (another blocking request)")
        if re.search(r"@font-face\b", text):
            fig.add("render-blocking", "@font-face: web font to download")
    if len(blocking_sheets) > 1:
        fig.add("render-blocking", f"{len(blocking_sheets)} stylesheets: {blocking_sheets}")

    # JavaScript.
    for script in soup.find_all("script"):
        if not _is_js(script):
            if (script.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                fig.add("js", f"script of unknown type {script.get('type')!r}")
            continue
        in_head = script.find_parent("head") is not None
        deferred = (
            script.has_attr("defer")
            or script.has_attr("async")
            or (script.get("type") or "").lower() == "module"
        )
        if in_head and not deferred:
            fig.add(
                "render-blocking", f"<script> in <head> without defer/async: {str(script)[:100]}"
            )

    # External resources: anything fetched without the reader asking.
    refs = []
    for tag in soup.find_all(
        [
            "script",
            "img",
            "iframe",
            "frame",
            "embed",
            "audio",
            "video",
            "source",
            "track",
            "object",
            "input",
        ]
    ):
        for attr in ("src", "data", "poster"):
            if tag.get(attr):
                refs.append((tag.name, tag[attr]))
        for url in _srcset_urls(tag.get("srcset")):
            refs.append((tag.name, url))
    for link in soup.find_all("link", href=True):
        if {r.lower() for r in link.get("rel", [])} & RESOURCE_LINK_RELS:
            refs.append(("link", link["href"]))
    for name, ref in refs:
        if not resolver.is_external(page_url, ref):
            local = resolver.local_file(page_url, ref)
            if local is not None and not local.is_file():
                fig.add("missing-file", f"<{name}> {ref} not in the output")
            continue
        host = urlsplit(ref).hostname or ""
        if name in ("img", "source") and host in ALLOWED_EXTERNAL_IMAGE_HOSTS:
            continue
        fig.add("external", f"<{name}> {ref}")

    # Images: sized (no layout shift), lazy after the first, but the page's main picture
    # (fetchpriority="high": an article's cover, a gallery photo's large view).
    images = soup.find_all("img")
    fig.images = len(images)
    for index, img in enumerate(images):
        label = img.get("src", "")[:80]
        missing = [a for a in ("width", "height") if not (img.get(a) or "").strip().isdigit()]
        if missing:
            fig.add("images", f"<img src={label}> without {' and '.join(missing)}")
        main = (img.get("fetchpriority") or "").lower() == "high"
        if index > 0 and not main and (img.get("loading") or "").lower() != "lazy":
            fig.add("images", f"<img src={label}> (not the first image) without loading=lazy")

    if fig.first_load_gz > FIRST_LOAD_GZ:
        fig.add("first-load", f"HTML+CSS gzip {fig.first_load_gz} B > {FIRST_LOAD_GZ} B")
    if fig.css_gz > CSS_GZ:
        fig.add("css", f"CSS gzip {fig.css_gz} B > {CSS_GZ} B (raw {fig.css} B)")
    if fig.js > JS_RAW:
        fig.add("js", f"JavaScript {fig.js} B > {JS_RAW} B")
    return fig


def table(title, figures):
    """A compact text table of the figures (bytes)."""
    rows = [
        f"{title}: {len(figures)} pages (bytes; gz = gzip -9, each file on its own)",
        f"{'page':60} {'html':>6} {'html.gz':>7} {'css':>6} {'css.gz':>6} "
        f"{'1st.gz':>6} {'js':>5} {'img':>3}",
    ]
    for f in figures:
        name = f.url or "/"
        name = name if len(name) <= 60 else name[:28] + "…" + name[-31:]
        rows.append(
            f"{name:60} {f.html:6} {f.html_gz:7} {f.css:6} {f.css_gz:6} "
            f"{f.first_load_gz:6} {f.js:5} {f.images:3}"
        )
    if figures:
        worst = max(figures, key=lambda f: f.first_load_gz)
        rows.append(
            f"max HTML+CSS gzip: {worst.first_load_gz} B ({worst.url or '/'}), "
            f"limit {FIRST_LOAD_GZ}; max CSS gzip {max(f.css_gz for f in figures)} B "
            f"(raw {max(f.css for f in figures)} B), limit {CSS_GZ}; max JS {max(f.js for f in figures)} B, limit {JS_RAW}"
        )
    return "\n".join(rows)
