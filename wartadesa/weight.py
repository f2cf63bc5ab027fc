"""Page weight, the kit's one measure of it: what a reader downloads for each built page,
its HTML plus the same-site CSS and JS it uses. Used by the page budgets
(tests/quality/budget_rules.py) and by `invoke bench` (wartadesa/bench/run.py).

For every `*.html` file of a built site: the HTML itself, the stylesheets it links
(following `@import` inside them) and the scripts it loads from the same site, raw and
gzip (level 9, each file compressed on its own, as a server sends them). Inline `<style>`
and `<script>` are part of the HTML and are also counted as CSS / JavaScript for the
budgets. JSON-LD (`<script type="application/ld+json">`) is data, not JavaScript.
Images and fonts are not counted.
"""

import gzip
import posixpath
import re
import statistics
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)

# First URL segment -> (type of the segment's own index page, type of the pages below it).
DEFAULT_SEGMENTS = {
    "berita": ("other", "article"),
    "kategori": ("categories", "category"),
    "tag": ("tags", "tag"),
    "penulis": ("authors", "author"),
    "arsip": ("archives", "archives"),
    "desa": ("villages", "village"),
    "wilayah": ("regions", "region"),
    "draf": ("other", "draft"),
}
SETTING_TYPES = {
    "ARTICLE_SAVE_AS": ("other", "article"),
    "CATEGORY_SAVE_AS": ("categories", "category"),
    "TAG_SAVE_AS": ("tags", "tag"),
    "AUTHOR_SAVE_AS": ("authors", "author"),
    "ARCHIVES_SAVE_AS": ("archives", "archives"),
    "DRAFT_SAVE_AS": ("other", "draft"),
}
TYPE_ORDER = [
    "home",
    "article",
    "page",
    "category",
    "categories",
    "tag",
    "tags",
    "author",
    "authors",
    "archives",
    "village",
    "villages",
    "region",
    "regions",
    "404",
    "draft",
    "other",
]


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def segments_from_settings(settings: dict) -> dict:
    """DEFAULT_SEGMENTS adjusted to the first path segment of the *_SAVE_AS settings."""
    segments = dict(DEFAULT_SEGMENTS)
    for key, kinds in SETTING_TYPES.items():
        value = settings.get(key) or ""
        if "/" in value.strip("/"):
            first = value.strip("/").split("/", 1)[0]
            if "{" not in first:
                segments = {k: v for k, v in segments.items() if v != kinds}
                segments[first] = kinds
    return segments


def page_type(path: str, segments: dict = DEFAULT_SEGMENTS) -> str:
    """Classify an output HTML file by its path relative to the output folder."""
    parts = path.split("/")
    if path == "index.html" or (len(parts) == 2 and parts[0].isdigit()):
        return "home"
    if parts[-1] == "404.html":
        return "404"
    if parts[0] in segments:
        own, below = segments[parts[0]]
        return own if len(parts) == 2 else below
    if len(parts) == 2 and parts[1] == "index.html":
        return "page"
    return "other"


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stylesheets = []
        self.scripts = []
        self.inline_css = []
        self.inline_js = []
        self._inline = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "link" and "stylesheet" in attrs.get("rel", "").lower().split():
            if attrs.get("href"):
                self.stylesheets.append(attrs["href"])
        elif tag == "script":
            is_js = attrs.get("type", "").strip().lower() in JS_TYPES
            if attrs.get("src"):
                if is_js:
                    self.scripts.append(attrs["src"])
            elif is_js:
                self._inline = self.inline_js
        elif tag == "style":
            self._inline = self.inline_css

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._inline = None

    def handle_data(self, data):
        if self._inline is not None:
            self._inline.append(data)


@dataclass
class PageWeight:
    path: str
    kind: str
    html_raw: int
    html_gzip: int
    css_files: list = field(default_factory=list)
    js_files: list = field(default_factory=list)
    ext_css_raw: int = 0
    ext_css_gzip: int = 0
    ext_js_raw: int = 0
    ext_js_gzip: int = 0
    inline_css_raw: int = 0
    inline_css_gzip: int = 0
    inline_js_raw: int = 0
    inline_js_gzip: int = 0
    external: list = field(default_factory=list)  # references to other sites (not counted)
    missing: list = field(default_factory=list)  # same-site references with no file

    @property
    def total_raw(self):
        return self.html_raw + self.ext_css_raw + self.ext_js_raw

    @property
    def total_gzip(self):
        return self.html_gzip + self.ext_css_gzip + self.ext_js_gzip

    @property
    def html_css_gzip(self):
        return self.html_gzip + self.ext_css_gzip

    @property
    def css_raw(self):
        return self.ext_css_raw + self.inline_css_raw

    @property
    def css_gzip(self):
        return self.ext_css_gzip + self.inline_css_gzip

    @property
    def js_raw(self):
        return self.ext_js_raw + self.inline_js_raw

    @property
    def js_gzip(self):
        return self.ext_js_gzip + self.inline_js_gzip


class SiteMeasurer:
    """Measures the pages of one output folder; file sizes are computed once."""

    def __init__(
        self, output: str | Path, siteurl: str = "", segments: dict = DEFAULT_SEGMENTS
    ) -> None:
        self.output = Path(output)
        self.siteurl = siteurl.rstrip("/")
        self.segments = segments
        self._sizes = {}
        self._imports = {}

    def sizes(self, relative: str) -> tuple[int, int]:
        if relative not in self._sizes:
            data = (self.output / relative).read_bytes()
            self._sizes[relative] = (len(data), gzip_size(data))
        return self._sizes[relative]

    def resolve(self, reference: str, base: str) -> str | None:
        """Same-site path (relative to the output) for a reference made from file `base`,
        or None for another site. `base` is a path relative to the output folder."""
        reference = reference.strip()
        if not reference or reference.startswith(("data:", "#", "mailto:", "javascript:")):
            return None
        parts = urlsplit(reference)
        if parts.scheme or reference.startswith("//"):
            if self.siteurl and reference.startswith(self.siteurl + "/"):
                path = reference[len(self.siteurl) :]
            else:
                return None
        else:
            path = parts.path
        path = unquote(urlsplit(path).path)
        if path.startswith("/"):
            joined = path.lstrip("/")
        else:
            joined = posixpath.join(posixpath.dirname(base), path)
        joined = posixpath.normpath(joined)
        if path.endswith("/"):
            joined = posixpath.join(joined, "index.html")
        return joined

    def stylesheet_closure(self, relative: str, seen: list[str]) -> None:
        """`relative` and every same-site stylesheet it @imports, each once."""
        if relative in seen:
            return
        seen.append(relative)
        if relative not in self._imports:
            try:
                text = (self.output / relative).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            found = [self.resolve(ref, relative) for ref in CSS_IMPORT.findall(text)]
            self._imports[relative] = [f for f in found if f]
        for imported in self._imports[relative]:
            self.stylesheet_closure(imported, seen)

    def page(self, html_file: str | Path) -> "PageWeight":
        """The PageWeight of a built HTML file of the output folder."""
        relative = Path(html_file).relative_to(self.output).as_posix()
        return self.page_bytes(relative, Path(html_file).read_bytes())

    def page_bytes(self, relative: str, data: bytes) -> "PageWeight":
        """The PageWeight of the HTML `data` of the page at `relative` (its path in the
        output folder, e.g. berita/x/index.html: the base of relative references)."""
        parser = _Resources()
        parser.feed(data.decode("utf-8", errors="replace"))
        parser.close()
        weight = PageWeight(
            path=relative,
            kind=page_type(relative, self.segments),
            html_raw=len(data),
            html_gzip=gzip_size(data),
        )
        css = []
        for href in parser.stylesheets:
            target = self.resolve(href, relative)
            if target is None:
                weight.external.append(href)
            else:
                self.stylesheet_closure(target, css)
        for src in parser.scripts:
            target = self.resolve(src, relative)
            if target is None:
                weight.external.append(src)
            elif target not in weight.js_files:
                weight.js_files.append(target)
        for name in css:
            if (self.output / name).is_file():
                weight.css_files.append(name)
            else:
                weight.missing.append(name)
        for name in list(weight.js_files):
            if not (self.output / name).is_file():
                weight.js_files.remove(name)
                weight.missing.append(name)
        for name in weight.css_files:
            raw, packed = self.sizes(name)
            weight.ext_css_raw += raw
            weight.ext_css_gzip += packed
        for name in weight.js_files:
            raw, packed = self.sizes(name)
            weight.ext_js_raw += raw
            weight.ext_js_gzip += packed
        for texts, prefix in ((parser.inline_css, "inline_css"), (parser.inline_js, "inline_js")):
            text = "".join(texts).encode("utf-8")
            if text.strip():
                setattr(weight, prefix + "_raw", len(text))
                setattr(weight, prefix + "_gzip", gzip_size(text))
        return weight


@dataclass
class TypeSummary:
    kind: str
    count: int
    largest_raw: int
    largest_raw_path: str
    largest_gzip: int
    largest_gzip_path: str
    median_raw: float
    median_gzip: float
    max_html_css_gzip: int
    max_css_raw: int
    max_css_gzip: int
    max_js_raw: int
    max_js_gzip: int


@dataclass
class SiteWeight:
    pages: list
    types: list  # TypeSummary, in TYPE_ORDER
    js_files: int = 0  # JavaScript files in the site
    js_files_raw: int = 0
    js_files_gzip: int = 0
    pages_with_js: int = 0
    missing: list = field(default_factory=list)

    def largest(self, attribute):
        """The page with the largest value of `attribute` (a PageWeight property)."""
        return max(self.pages, key=lambda page: getattr(page, attribute))


def summarize(pages: list["PageWeight"]) -> list["TypeSummary"]:
    by_kind = {}
    for page in pages:
        by_kind.setdefault(page.kind, []).append(page)
    order = {kind: index for index, kind in enumerate(TYPE_ORDER)}
    summaries = []
    for kind in sorted(by_kind, key=lambda k: (order.get(k, len(order)), k)):
        group = by_kind[kind]
        raw_top = max(group, key=lambda p: p.total_raw)
        gzip_top = max(group, key=lambda p: p.total_gzip)
        summaries.append(
            TypeSummary(
                kind=kind,
                count=len(group),
                largest_raw=raw_top.total_raw,
                largest_raw_path=raw_top.path,
                largest_gzip=gzip_top.total_gzip,
                largest_gzip_path=gzip_top.path,
                median_raw=statistics.median(p.total_raw for p in group),
                median_gzip=statistics.median(p.total_gzip for p in group),
                max_html_css_gzip=max(p.html_css_gzip for p in group),
                max_css_raw=max(p.css_raw for p in group),
                max_css_gzip=max(p.css_gzip for p in group),
                max_js_raw=max(p.js_raw for p in group),
                max_js_gzip=max(p.js_gzip for p in group),
            )
        )
    return summaries


def measure_site(
    output: str | Path,
    siteurl: str = "",
    segments: dict = DEFAULT_SEGMENTS,
    skip: tuple[str, ...] = (),
) -> "SiteWeight":
    """Measure every HTML page under `output` but those in the folders `skip` (first path
    segments, e.g. the web editor's); return a SiteWeight."""
    output = Path(output)
    measurer = SiteMeasurer(output, siteurl, segments)

    def kept(path):
        return path.relative_to(output).parts[0] not in skip

    pages = [measurer.page(path) for path in sorted(output.rglob("*.html")) if kept(path)]
    if not pages:
        raise ValueError(f"no HTML pages in {output}")
    site = SiteWeight(pages=pages, types=summarize(pages))
    for script in sorted(filter(kept, output.rglob("*.js"))):
        raw, packed = measurer.sizes(script.relative_to(output).as_posix())
        site.js_files += 1
        site.js_files_raw += raw
        site.js_files_gzip += packed
    site.pages_with_js = sum(1 for page in pages if page.js_raw)
    site.missing = sorted({name for page in pages for name in page.missing})
    return site
