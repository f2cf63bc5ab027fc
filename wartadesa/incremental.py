"""Page-level incremental build: a page whose inputs did not change is taken from the
previous output instead of being rendered again (BUILD_CACHE; off unless set).

Every build still reads (from the read cache, `wartadesa/read_cache.py`), checks and
builds the whole context, and still writes every file into a new temporary folder that is
swapped in only on success (the folders of the previous build's pages are made there aside
while the build reads: `output_folder.FoldersMadeAside`). What is saved is the rendering:
before a template is rendered for an output file, the build works out that page's
*fingerprint*, a digest of exactly what the page is rendered from:

- what is the same for every page (`Fingerprints.site`): the kit's code, Pelican's and the
  Markdown libraries' versions, every setting (but OUTPUT_PATH), every template file the
  theme can load, every data and static file under the content folder (photos: their
  sizes in the page), the build day (expired notices, coming events), and what a plugin
  works out from the content as a whole that pages show beside it (`site_depends_on`: the
  labels of villages sharing a name);
- the template's name, and for each variable the template and everything it includes,
  extends or imports can read (found with Jinja's own analysis, `jinja2.meta`) the value
  this page gets. A content object (article, page, notice...) counts by its source file's
  bytes and its address, and the page's own object (the article of an article page: a
  variable itself, not an item of a list) also by every object hung on it by the plugins:
  related articles, previous/next, villages, category, tags, cover. A list page counts by
  the objects on that page and the page numbers, and so do the content objects in a list a
  page shows whole (`articles`, the articles of each of `categories`); a value all pages
  share (the site's categories, the villages) is counted once.
  A list hung on the page's own place (`region.articles`) counts by its length when every
  mention of that attribute in the template and all it refers to is `x.articles|length`
  (or `|count`) and nothing names an attribute at render time (`_attribute_uses`).
  Links in a body to another file (`{filename}`, `{static}`) count by that file's address.

When the fingerprint is the one recorded for that file by the previous build and the
previous output still holds exactly the file recorded then (its size and modification time
as recorded, or else its bytes by their sha256), the new folder gets that file as a hard link
(a copy where the file system has none) without rendering. A file written again later in
the same build is unlinked first, so nothing is ever written through a link into the
previous output. A value whose state cannot be told (an object shown only by its memory
address), a template with a computed `{% include %}`, or a site that uses `{attach}`
(rendering moves files) makes the page render as usual. A feed is reused the same way: its
fingerprint is `site`, its address, title and type, and its items by their sources. The
sitemap, static files, photos and the search index are produced in full by every build.

A partial rendered once (`rendered_once`, plugins/article_extras/fragments.py: an article's
card) is kept between builds the same way: by a digest of `site`, the templates, its name
and the values it reads, each described as on a list page (a content object by its source
and address), so a page rendered again (every list page after its list gained an article)
takes the cards of the articles it shows from the previous build instead of rendering them
(`partials-NN.bin`: the texts made since `site` last changed, in 16 files, of which a
build writes again only those that gained a text: `bucket_files.py`).

A page's fingerprint need not even be worked out when the content files changed only below
their front matter (an article's text edited; none added, removed or moved, no front matter
changed: then every article is in the same lists, places and order, with the same related
and previous/next articles). The record keeps, for every page, the part of its fingerprint
it shares with the site (`site`, the templates, the values it reads from the shared context,
its plain values) and the content files its own objects reached (an article page: the
article and every article hung on it); and for every content file read, its read-cache key
and a digest of its front matter. A page whose shared part is the recorded one and whose own
objects reached none of the changed files takes the recorded fingerprint (`recalled` in the
record's `last_build`). Only pages whose own values are content objects, places,
paginators, or pages or lists of them are told this way; any other page is worked out, and
so is every page when DEFAULT_DATE is "fs" (a file's date may then be its modification
time, which any edit changes).

The record (`pages.json` in the cache folder) is written only after the new output has
been swapped in. Deleting the cache folder or the output folder only makes the next build a
full one. The output is byte for byte that of a clean build (tests/test_incremental_build.py:
a seeded random sequence of edits, compared with clean builds after each step).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import marshal
import os
import re
import time
from collections.abc import Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes
from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join

from wartadesa import read_cache
from wartadesa.bucket_files import BucketFiles
from wartadesa.dates import build_day
from wartadesa.output_folder import FoldersMadeAside
from wartadesa.paths import relative_path

logger = logging.getLogger(__name__)

FORMAT = 5  # pages: [fingerprint, sha256, size, modification time in ns, shared part, sources]
_NOT_YET = object()
RECORD = "pages.json"
PARTIALS = "partials"  # partials-00.bin ...: {digest: text} under `site` (bucket_files)
LEGACY_PARTIALS = "partials.bin"  # the one file of the kits before: removed when saving
MISSING = object()  # a variable a partial can read that its page does not have
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_LINK = re.compile(r"""(?:\{|\|)(filename|static|attach)(?:\}|\|)([^"'\s>?#]+)""")
# Attributes of a content object that are not what it shows: the shared context and
# settings (counted once for the site), and the body (counted by the source's bytes).
MAX_NESTING = 16
_UNKNOWN = object()
_SKIPPED_ATTRIBUTES = {
    "_context",
    "settings",
    "_content",
    "content",
    "summary",
    "metadata",
    "_wartadesa_urls",  # wartadesa.speedups: a cache of the address, counted already
    "source_text",  # the source file's text (front_matter): counted by its bytes
}


# Values described by their repr (as `Fingerprints.value` does), told by their exact type
# where a value is one of many in a list or an object's attributes: no call for each.
_SCALARS = frozenset({str, int, float, bool, type(None), Markup})


# Filters that give a list's size: `place.articles|length` shows how many, not which.
_COUNTING_FILTERS = frozenset({"length", "count"})
# Filters that read an attribute named by their argument (`map(attribute=...)`).
_ATTRIBUTE_FILTERS = frozenset(
    {"attr", "map", "sort", "groupby", "selectattr", "rejectattr", "sum", "unique", "min", "max"}
)


def _attribute_uses(tree) -> tuple[list[str], list[str], bool]:
    """What a template does with attributes, by name, whatever object they are read from:
    (names it reads only to count them, `x.K|length`; every other name it mentions,
    `x.K`, `x["K"]`, `map(attribute="K")` or any text constant; whether it can read an
    attribute named at render time, `x[key]`, `attr(name)`, `x.__dict__`, `as_dict()`)."""
    counted, counting_nodes, named_later = set(), set(), False
    for found in tree.find_all((nodes.Filter, nodes.Test)):
        arguments = list(found.args) + [k.value for k in found.kwargs]
        dynamic = bool(found.dyn_args or found.dyn_kwargs)
        if found.name in _ATTRIBUTE_FILTERS:
            named_later |= dynamic or any(not isinstance(a, nodes.Const) for a in arguments)
        elif (
            isinstance(found, nodes.Filter)
            and found.name in _COUNTING_FILTERS
            and not (arguments or dynamic)
            and isinstance(found.node, nodes.Getattr)
        ):
            counted.add(found.node.attr)
            counting_nodes.add(id(found.node))
    other = {g.attr for g in tree.find_all(nodes.Getattr) if id(g) not in counting_nodes}
    other |= {c.value for c in tree.find_all(nodes.Const) if isinstance(c.value, str)}
    named_later |= bool(other & {"__dict__", "as_dict", "__getattribute__"})
    named_later |= any(not _not_a_name(g.arg) for g in tree.find_all(nodes.Getitem))
    return sorted(counted), sorted(other), named_later


# The template helper of plugins/article_extras/fragments.py: `rendered_once("partials/x.html",
# ...)` renders the partial like an include.
RENDERED_ONCE = "rendered_once"
# Bumped when what is worked out of a template's text changes (kept in the page record).
ANALYSIS = 2


def referenced_templates(tree) -> list[str | None]:
    """The templates a parsed template extends, imports or includes, and those it renders
    with `rendered_once("name", ...)`; None for one named at render time (or a
    `rendered_once` used other than called with a constant name)."""
    found = list(meta.find_referenced_templates(tree))
    called = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == RENDERED_ONCE:
            called.add(id(call.node))
            first = call.args[0] if call.args else None
            constant = isinstance(first, nodes.Const) and isinstance(first.value, str)
            found.append(first.value if constant else None)
    if any(
        name.name == RENDERED_ONCE and id(name) not in called for name in tree.find_all(nodes.Name)
    ):
        found.append(None)
    return found


def template_closure(name: str, read) -> list | None:
    """What the template `name` and every template it refers to (`referenced_templates`:
    extends, imports, includes, `rendered_once`), however deep, have, merged. `read(name)`
    gives one template's `(facts, references)`, facts being sets and booleans (merged
    with `|`), or None when the template cannot be told; the result is None when one of
    them cannot be told or is named at render time."""
    merged = None
    seen = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        found = read(current)
        if found is None or None in found[1]:
            return None
        facts = [fact if isinstance(fact, bool) else set(fact) for fact in found[0]]
        merged = facts if merged is None else [a | b for a, b in zip(merged, facts, strict=True)]
        pending.extend(found[1])
    return merged


def _not_a_name(node) -> bool:
    """Whether a subscript cannot be an attribute's name: a constant, a slice, a number
    worked out from constants and the loop's counters (`items[loop.index0 + 1]`)."""
    if isinstance(node, (nodes.Const, nodes.Slice)):
        return True
    if isinstance(node, nodes.UnaryExpr):
        return _not_a_name(node.node)
    if isinstance(node, (nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod)):
        return True  # a number (or an error): never a string
    if isinstance(node, nodes.Add):
        return _not_a_name(node.left) and _not_a_name(node.right)
    return (
        isinstance(node, nodes.Getattr)
        and isinstance(node.node, nodes.Name)
        and node.node.name == "loop"
        and node.attr in ("index", "index0", "revindex", "revindex0", "length", "depth")
    )


_PLACED = (Content, URLWrapper)


def _told_by_sources(value: Any) -> bool:
    """Whether what a page's own value shows is told by the content files it reaches and
    by where the site's content objects are (which list, which page of it, in what order:
    from their front matter and the files there are): a content object, a place (village,
    region, category, tag, author), a paginator, or a page or list of them."""
    if isinstance(value, (*_PLACED, Paginator)):
        return True
    if isinstance(value, Page):
        value = value.object_list
    elif type(value) not in (list, tuple):
        return False
    return all(isinstance(item, _PLACED) for item in value)


def _links_in(text: str) -> list[tuple[str, str]]:
    """The `{filename}`/`{static}`/`{attach}` links of a body, sorted. Every match holds one
    of the three words, looked for first: a plain `in` is many times faster than the pattern
    over the body of an article that has none (most of them)."""
    if "filename" not in text and "static" not in text and "attach" not in text:
        return []
    return sorted(set(_LINK.findall(text)))


class Unknown(Exception):
    """A value whose state cannot be told from outside: the page is rendered."""


def _digest(*parts: Any) -> str:
    """sha256 of the parts: of their `marshal` bytes (version 2: no references, so equal
    parts give equal bytes; three times as fast as their text) when they are only plain
    values, lists and tuples, else of their text. The two never meet (a prefix apiece)."""
    try:
        data = marshal.dumps(parts, 2)
    except ValueError:  # a value marshal does not write (a subclass of str, an object)
        pass
    else:
        return hashlib.sha256(b"m" + data).hexdigest()
    digest = hashlib.sha256(b"t")
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return digest.hexdigest()


class Fingerprints:
    """What each page of one build is rendered from (see module docstring)."""

    def __init__(self, settings: Mapping[str, Any], previous: dict) -> None:
        self.settings = settings
        self.content_path = os.path.abspath(settings["PATH"])
        self._file_hashes: dict[str, str] = {}
        self._stat_hashes = dict(previous.get("files", {}))  # "path|size|mtime" -> sha
        self._used_stat_hashes: dict[str, str] = {}
        # A file changed just before this build began is hashed again by the next one.
        self._settled_before = time.time_ns() - read_cache.SETTLED_NS
        self._shallow: dict[int, Any] = {}
        self._shared: dict[tuple[str, int], Any] = {}
        self._templates: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}
        self._counted: frozenset[str] = frozenset()  # of the page being described
        self._environments: dict[int, str] = {}
        self._template_files: dict[str, Any] = {}
        self._walking: set[int] = set()
        self._objects: dict[tuple[int, int], Any] = {}  # key -> (object, description, sources)
        # The content files an object's description reached (`_collecting`: one set per
        # description being worked out, innermost last); the page's own values' are kept
        # with its fingerprint (`last_page`), for the next build's `Store.unchanged_sources`.
        self._collecting: list[set] = []
        self._told: dict[int, tuple[Any, bool]] = {}  # _told_by_sources of lists
        self.last_page: tuple[str, frozenset | None] | None = None
        self._object_kinds: dict[type, bool] = {}
        self._wrappers: dict[tuple, tuple] = {}  # settings are kept alive by the build
        self._known_templates = dict(previous.get("templates", {}))  # source sha -> analysis
        self._used_templates: dict[str, Any] = {}
        self.site = self._site_digest()

    # --- the part every page shares --------------------------------------------------
    def _site_digest(self) -> str:
        digest = read_cache.environment_digest(self.settings, f"pages {FORMAT}")
        self._static_digest(digest)
        digest.update(str(build_day(self.settings)).encode())
        return digest.hexdigest()

    def _static_digest(self, digest) -> None:
        """Every file under the content folder but the Markdown sources (counted per page)."""
        for folder, subfolders, names in os.walk(self.content_path):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith((".md", ".markdown")):
                    continue
                path = os.path.join(folder, name)
                digest.update(relative_path(path, self.content_path).encode("utf-8", "replace"))
                digest.update(self._stat_hash(path).encode())

    def _stat_hash(self, path: str) -> str:
        """A file's sha256, remembered between builds by its size and modification time."""
        try:
            stat = os.stat(path)
        except OSError:
            return "-"
        key = f"{relative_path(path, self.content_path)}|{stat.st_size}|{stat.st_mtime_ns}"
        known = self._stat_hashes.get(key)
        if known is None:
            known = self._file_hash(path)
        if stat.st_mtime_ns < self._settled_before:  # as the read cache's keys (racy git)
            self._used_stat_hashes[key] = known
        return known

    def _template_digest(self, environment) -> str:
        """Every template the theme's Jinja environment can load (theme, overrides, and
        Pelican's `simple` theme), by name and text."""
        digest = hashlib.sha256()
        with suppress(Exception):
            for name in sorted(environment.loader.list_templates()):
                digest.update(name.encode("utf-8", "replace") + b"\0")
                digest.update(environment.loader.get_source(environment, name)[0].encode())
        return digest.hexdigest()

    def _templates_of(self, environment) -> str:
        """`_template_digest` of an environment, worked out once a build."""
        if id(environment) not in self._environments:
            self._environments[id(environment)] = self._template_digest(environment)
        return self._environments[id(environment)]

    def stat_hashes(self) -> dict[str, str]:
        return dict(self._used_stat_hashes)

    def template_analyses(self) -> dict[str, Any]:
        return dict(sorted(self._used_templates.items()))

    def _source_hash(self, path: str) -> str:
        """A content file by the read cache's key of what this build read (its path and
        bytes: wartadesa.parallel notes it in the memo), else by its sha256."""
        from front_matter import memo

        return memo.source_key(path) or self._file_hash(path)

    def _file_hash(self, path: str) -> str:
        known = self._file_hashes.get(path)
        if known is None:
            try:
                with open(path, "rb") as handle:
                    known = hashlib.sha256(handle.read()).hexdigest()
            except OSError:
                known = "-"
            self._file_hashes[path] = known
        return known

    # --- templates ---------------------------------------------------------------------
    def template_names(self, template) -> frozenset[str] | None:
        """Every variable the template can read (None: it cannot be told)."""
        analysis = self._analysis(template)
        return None if analysis is None else analysis[0]

    def counted_attributes(self, template) -> frozenset[str]:
        """The attribute names that the template and everything it includes, extends or
        imports read only to count (`region.articles|length`, and nowhere `x.articles`
        otherwise): on a place's own page, such a list counts by its length. None of them
        when an attribute can be named at render time (`x[key]`, `attr(name)`)."""
        analysis = self._analysis(template)
        return frozenset() if analysis is None else analysis[1]

    def _analysis(self, template) -> tuple[frozenset[str], frozenset[str]] | None:
        name = getattr(template, "name", None)
        environment = getattr(template, "environment", None)
        if not name or environment is None or environment.loader is None:
            return None
        if name not in self._templates:
            found = template_closure(name, lambda other: self._read_template(environment, other))
            if found is not None:
                names, counted, other, computed = found
                found = (frozenset(names), frozenset() if computed else frozenset(counted - other))
            self._templates[name] = found
        return self._templates[name]

    def _read_template(self, environment, name):
        """((variables it reads, attributes it only counts, other names it mentions,
        whether it names attributes at render time), templates it refers to), or None."""
        # Every generator has its own environment, all with the theme's loader: a template
        # file is read once a build.
        # The analysis of a template's text is kept in the record between builds.
        key = name
        if key not in self._template_files:
            try:
                source = environment.loader.get_source(environment, name)[0]
                text_key = hashlib.sha256(
                    f"{jinja2.__version__}\0{ANALYSIS}\0{sorted(environment.extensions)}\0"
                    f"{source}".encode()
                ).hexdigest()
                known = self._known_templates.get(text_key)
                if known is None:
                    tree = environment.parse(source)
                    known = [
                        sorted(meta.find_undeclared_variables(tree)),
                        referenced_templates(tree),
                        *_attribute_uses(tree),
                    ]
                self._used_templates[text_key] = known
                found = ((known[0], known[2], known[3], known[4]), known[1])
            except Exception:  # noqa: BLE001 - not analysable: always rendered
                found = None
            self._template_files[key] = found
        return self._template_files[key]

    # --- values --------------------------------------------------------------------------
    def partial(self, environment, name: str, values: list[tuple[str, Any]]) -> str | None:
        """The digest of a partial rendered once with `values` (every variable it can read,
        by name), each described as an item of a list page; None when one cannot be told."""
        try:
            described = [
                (key, "-" if value is MISSING else self.value(value, 0)) for key, value in values
            ]
        except Unknown:
            return None
        return _digest(self.site, self._templates_of(environment), "partial", name, described)

    def page(
        self, template, localcontext: Mapping[str, Any], context: Mapping[str, Any], reuse=None
    ):
        """The page's fingerprint, or None when it cannot be told.

        It is a digest of two parts: what the page shares with the site (`site`, the
        templates, the template's name, the values it reads from the shared context and its
        plain values: `last_page[0]`), and the description of its own objects (an article
        page's article and category). When those are only content objects and places,
        `reuse(shared part)` may give the fingerprint the previous build recorded for the
        page (Store.reuse_test: same shared part, and none of the content files
        its own objects reached changed, only in their body), which is then not worked out.
        `last_page[1]`: the content files its own objects reached (None: not told)."""
        self.last_page = None
        names = self.template_names(template)
        if names is None:
            return None
        self._counted = self.counted_attributes(template)
        parts = [self.site, self._templates_of(template.environment), template.name]
        own = []
        try:
            for name in sorted(names):
                if name not in localcontext:
                    parts.append(f"{name}=-")
                    continue
                value = localcontext[name]
                if name in context and context[name] is value and name != "output_file":
                    key = (name, id(value), self._counted)
                    if key not in self._shared:
                        self._shared[key] = (value, _digest(self.value(value, 1)))
                    parts.append(f"{name}~{self._shared[key][1]}")
                elif type(value) in _SCALARS:
                    parts.append(f"{name}={value!r}")
                else:
                    parts.append(f"{name}=*")
                    own.append((name, value))
            shared = _digest(*parts)
            tracked = all(self._told_by_sources(value) for _, value in own)
            if tracked and reuse is not None:
                found = reuse(shared)
                if found is not None:
                    self.last_page = (shared, found[1])
                    return found[0]
            self._collecting.append(set())
            try:
                described = [(name, self.value(value, 1)) for name, value in own]
            finally:
                sources = self._collecting.pop()
        except Unknown:
            return None
        told = tracked and None not in sources
        self.last_page = (shared, frozenset(sources) if told else None)
        return _digest(shared, described)

    def _told_by_sources(self, value: Any) -> bool:
        """`_told_by_sources`, once a build for a list (a tag's articles are the own list
        of each of its pages)."""
        if type(value) not in (list, tuple):
            return _told_by_sources(value)
        kept = self._told.get(id(value))
        if kept is None:  # kept with the value: its id is not reused this build
            kept = self._told[id(value)] = (value, _told_by_sources(value))
        return kept[1]

    def value(self, value: Any, depth: int, level: int = 0) -> Any:
        if level > MAX_NESTING:
            raise Unknown("nested too deep")
        level += 1
        kind = type(value)
        if kind in _SCALARS:
            return repr(value)
        wrapped = self._object_kinds.get(kind)
        if wrapped is None:
            wrapped = self._object_kinds[kind] = issubclass(kind, (URLWrapper, Content))
        if wrapped:  # the most common by far (the articles of lists): straight there
            return self._kept_object(value, depth, level)
        if value is None or isinstance(value, (bool, int, float, Markup, str)):
            return repr(value)
        if isinstance(value, (dt.datetime, dt.date, dt.time)):
            return f"{type(value).__name__}:{value.isoformat()}:{getattr(value, 'tzinfo', '')}"
        if isinstance(value, (Page, Paginator)):  # one page of a list: described as such
            return self._plain(value, depth, level)
        if isinstance(value, (URLWrapper, Content)) or (
            hasattr(value, "__dict__") and not callable(value) and not hasattr(value, "__iter__")
        ):
            return self._kept_object(value, depth, level)
        return self._plain(value, depth, level)

    def _kept_object(self, value: Any, depth: int, level: int) -> Any:
        if depth > 0 and level > 1 and isinstance(value, Content):
            # One of the items of a list the page shows (`articles`, `categories`): it
            # counts as on a list page, by its source and address. Only a variable
            # itself (`article`) is the page's own object.
            depth = 0
        # The same object has the same description on every page of this build.
        if depth > 0:
            key = (id(value), 1, self._counted)
        else:
            key = (id(value), -1 if depth < 0 else 0, None)
        kept = self._objects.get(key)
        collecting = self._collecting
        if kept is None:
            collecting.append(set())
            try:  # described from the object itself, whichever page reaches it first
                known = self._object(value, depth, 0)
            except Unknown:
                known = _UNKNOWN
            finally:
                sources = frozenset(collecting.pop())
            # The object is kept with its description: its id is not reused this build.
            kept = self._objects[key] = (value, known, sources)
        if collecting and kept[2]:
            collecting[-1].update(kept[2])
        known = kept[1]
        if known is _UNKNOWN:
            raise Unknown(type(value).__qualname__)
        return known

    def _object(self, value: Any, depth: int, level: int) -> Any:
        if isinstance(value, Content):
            return self.content(value, depth, level)
        if isinstance(value, URLWrapper):
            # A village, region, category, tag or author: on its own page (depth 1) with
            # what hangs on it (its articles, its parts); inside another object by name,
            # address and the sizes of its lists (its data come from files in `site`).
            shown = self._shown(value)
            if depth < 0:  # hung on a content object: which one it is
                return ("W", shown)
            if depth == 0:  # a part of another's page (a region's villages): also its sizes
                sizes = sorted(
                    (key, len(item))
                    for key, item in vars(value).items()
                    if isinstance(item, (list, tuple, dict, set))
                )
                return ("W", shown, sizes)
            return _digest("W+", shown, self._attributes(value, 0, level, self._counted))
        return _digest("O", type(value).__qualname__, self._attributes(value, depth, level))

    def _shown(self, wrapper: URLWrapper) -> tuple:
        """A village's, tag's, category's... name and addresses: a function of its class,
        the settings and its attributes, worked out once for equal ones (every article has
        its own Tag and Category objects). (A place's `distinct_title`, which a namesake
        changes, is in `site`: `site_depends_on`.)"""
        try:
            key = (
                type(wrapper),
                id(getattr(wrapper, "settings", None)),
                tuple(sorted(item for item in vars(wrapper).items() if item[0] != "settings")),
            )
            shown = self._wrappers.get(key)
        except TypeError:  # an attribute that is not hashable (a list): not kept
            key, shown = None, None
        if shown is None:
            shown = (
                type(wrapper).__name__,
                wrapper.name,
                wrapper.slug,
                wrapper.url,
                wrapper.save_as,
            )
            if key is not None:
                self._wrappers[key] = shown
        else:
            wrapper.as_dict()  # as its addresses would: Pelican notes name and slug in it
        return shown

    def _list(self, value: Any, depth: int, level: int) -> tuple:
        return (
            "L",
            [
                repr(item) if type(item) in _SCALARS else self.value(item, depth, level)
                for item in value
            ],
        )

    def _plain(self, value: Any, depth: int, level: int) -> Any:
        kind = type(value)
        if kind is list or kind is tuple:  # as below, without the checks before
            return self._list(value, depth, level)
        if isinstance(value, Paginator):
            return ("N", value.name, value.url, value.count, value.num_pages, value.per_page)
        if isinstance(value, Page):
            return (
                "P",
                value.number,
                value.paginator.num_pages,
                value.url,
                value.save_as,
                [self.value(item, 0, level) for item in value.object_list],
            )
        if isinstance(value, Mapping):
            return (
                "D",
                sorted(
                    (repr(k), repr(v) if type(v) in _SCALARS else self.value(v, depth, level))
                    for k, v in value.items()
                ),
            )
        if isinstance(value, (list, tuple)):
            return self._list(value, depth, level)
        if isinstance(value, (set, frozenset)):
            return ("S", sorted(repr(self.value(item, depth, level)) for item in value))
        if callable(value) and not hasattr(value, "__iter__"):
            # A template helper: what it reads (settings, data, photos) is in `site`.
            function = getattr(value, "func", value)
            return ("F", getattr(function, "__module__", ""), getattr(function, "__qualname__", ""))
        if hasattr(value, "__iter__") and hasattr(value, "__len__"):
            return ("I", type(value).__name__, [self.value(item, depth, level) for item in value])
        shown = repr(value)
        if _ADDRESS.search(shown):
            raise Unknown(type(value).__name__)
        return ("R", type(value).__qualname__, shown)

    def _attributes(self, value: Any, depth: int, level: int, counted=frozenset()) -> list:
        if id(value) in self._walking:  # objects that refer to each other: not told
            raise Unknown(f"cycle through {type(value).__qualname__}")
        self._walking.add(id(value))
        try:
            return [
                (
                    key,
                    repr(item)
                    if type(item) in _SCALARS
                    else ("#", len(item))
                    if key in counted and isinstance(item, (list, tuple))
                    else self.value(item, depth, level),
                )
                for key, item in sorted(vars(value).items())
                if key not in _SKIPPED_ATTRIBUTES
            ]
        finally:
            self._walking.discard(id(value))

    def content(self, content, depth: int, level: int = 0) -> Any:
        if self._collecting:  # None: a content object without a file of its own
            self._collecting[-1].add(getattr(content, "source_path", None) or None)
        kept = self._shallow.get(id(content))
        if kept is None:
            # Kept as a digest: a content object is one of many on list pages and in
            # related lists, and every page's description is turned into text.
            shallow = "C:" + _digest(repr(self._content_shallow(content)))
            kept = self._shallow[id(content)] = (content, shallow)
        shallow = kept[1]
        if depth <= 0:
            return shallow
        return _digest("C+", shallow, self._attributes(content, -1, level))

    def _content_shallow(self, content) -> tuple:
        source = getattr(content, "source_path", None)
        if source:
            origin = (relative_path(source, self.content_path), self._source_hash(source))
        else:
            origin = (_digest(getattr(content, "_content", "")), repr(content.metadata))
        links = _links_in(getattr(content, "_content", "") or "")
        return (
            "C",
            type(content).__name__,
            origin,
            content.url,
            content.save_as,
            getattr(content, "status", ""),
            [(kind, target, self._link_target(content, target)) for kind, target in links],
        )

    def _link_target(self, content, target: str) -> str:
        """The address a `{filename}`/`{static}` link of `content` points to now."""
        context = getattr(content, "_context", None) or {}
        if not content.source_path:
            return "-"
        if target.startswith("/"):
            path = target[1:]
        else:
            base = os.path.dirname(relative_path(content.source_path, self.content_path))
            path = os.path.normpath(os.path.join(base, target))
        for key in ("generated_content", "static_content"):
            found = (context.get(key) or {}).get(path)
            if found is not None:
                return f"{key}:{found.url}"
        return "-"


class Store:
    """The pages of one build: fingerprints, reuse of the previous output, the record."""

    def __init__(self, settings: Mapping[str, Any], cache: Path, previous_output: Path) -> None:
        self.record_file = cache / RECORD
        self.previous_output = previous_output
        self._previous_folder = os.fspath(previous_output)
        previous = self._load()
        self.previous = previous.get("pages", {})
        # [relative path, read-cache key, front matter digest] of every content file the
        # previous build read, by the numbers its pages' sources use.
        self._previous_sources = previous.get("sources") or []
        self._changed: Any = _NOT_YET
        self._read: dict[str, str] | None = None  # memo.sources_read(), taken while writing
        self._fronts: dict[str, str] = {}  # memo.fronts_read(): as each file was read
        self.fingerprints = Fingerprints(settings, previous)
        self.pages: dict[str, list[str]] = {}
        self.rendered = 0
        self.reused = 0
        self.recalled = 0  # pages whose fingerprint was the previous record's (reuse_test)
        self.enabled = True
        self.pending: tuple[str, Path] | None = None  # (output file, previous file to link)
        self._cache = cache
        self._partial_files: BucketFiles | None = None  # read when first asked
        self._previous_partials: dict[str, str] | None = None
        self.partials: dict[str, str] = {}  # the partials' texts this build used
        self._partials_shared = 0  # in a forked writer: how many it had then
        self._prepared: tuple | None = None  # `prepare`: the record (`_record`)

    def _load(self) -> dict:
        try:
            data = read_cache.held(self.record_file, read_cache.load_record)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        return data

    def partial(self, environment, name: str, values: list[tuple[str, Any]], render) -> str:
        """The text of a partial rendered once (see module docstring): the previous build's
        when its digest is the same, else `render()`."""
        if not self.enabled:
            return render()
        key = self.fingerprints.partial(environment, name, values)
        if key is None:
            return render()
        text = self.partials.get(key)
        if text is None:
            text = self._earlier_partials().get(key)
            if text is None:
                text = render()
            self.partials[key] = str(text)
        return text

    def keeps_partials(self) -> bool:
        """Whether the builds before left texts of partials this build may take (then a
        partial costs only its digest)."""
        return self.enabled and bool(self._earlier_partials())

    def _earlier_partials(self) -> dict[str, str]:
        """The texts kept by the builds before, for the same `site` (settings, kit, static
        files, build day: a new one renders every page again anyway)."""
        if self._previous_partials is None:
            self._partial_files = BucketFiles(self._cache, PARTIALS, self.fingerprints.site)
            self._previous_partials = self._partial_files.load()
        return self._previous_partials

    def wrap(self, template, context: Mapping[str, Any]):
        if self._read is None:  # every file is read by now; the memo goes with the reading
            from front_matter import memo

            self._read = memo.sources_read() or {}
            self._fronts = memo.fronts_read() or {}
        return _Reuse(template, self, context) if self.enabled else template

    def _front(self, path: str) -> str:
        """The front matter digest of the file at `path` as this build read it."""
        return self._fronts.get(path) or front_matter_digest(path)

    def previous_file(self, name: str, fingerprint: str) -> tuple[str, str, list] | None:
        """(the previous output's file, its sha256, [its size, its modification time]) when
        it was rendered from `fingerprint` and is still the file recorded then: same size and
        modification time, or else the same bytes."""
        known = self.previous.get(os.path.normpath(name))
        if not known or known[0] != fingerprint:
            return None
        path = os.path.join(self._previous_folder, name)  # a string: 5,000 pages a process
        try:
            stat = os.stat(path)
        except OSError:
            return None
        if [stat.st_size, stat.st_mtime_ns] == known[2:4]:
            return path, known[1], known[2:4]
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != known[1]:
            return None
        return path, known[1], [stat.st_size, stat.st_mtime_ns]

    def reuse(
        self, name: str, fingerprint: str, path: str, sha: str, stat: list, page=None
    ) -> None:
        """The next file opened for writing (wartadesa.parallel.SharedWriter._open_w) is
        `name`: it is linked to the previous output's `path` instead of written. A hard
        link has the file's size and modification time (`stat`): noted for the record
        without asking again (a copy's, where links cannot be made, differs: the next
        build then compares its bytes)."""
        self.pending = (os.path.normpath(name), path)
        self.reused += 1
        self.note(name, fingerprint, sha, stat, page)

    def take_link(self, filename: str, output_path: str) -> str | None:
        """The previous file to link at `filename` (in the folder `output_path`), if the
        file about to be written is a reused one."""
        pending, self.pending = self.pending, None
        if pending is None:
            return None
        expected = os.path.abspath(os.path.join(output_path, pending[0]))
        return pending[1] if os.path.abspath(filename) == expected else None

    def write_feed(self, writer, write, elements, context, path, url, args, kwargs):
        """Pelican's Writer.write_feed (`write`), or the previous output's bytes of that feed
        when its fingerprint is the recorded one: the feed's items (by their sources), its
        address, title and type, and `site` (settings, build day)."""
        options = dict(zip(("feed_type", "override_output", "feed_title"), args, strict=False))
        options.update(kwargs)
        fingerprint = None
        if self.enabled:
            limit = writer.settings.get("FEED_MAX_ITEMS")
            try:
                items = [self.fingerprints.value(item, -1) for item in list(elements)[:limit]]
                fingerprint = _digest(
                    self.fingerprints.site, "feed", path, url, sorted(options.items()), items
                )
            except Unknown:
                fingerprint = None
        name = os.path.normpath(path)
        if fingerprint is not None:
            found = self.previous_file(name, fingerprint)
            if found is not None:
                target = sanitised_join(writer.output_path, path)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                self.reuse(name, fingerprint, *found)
                with writer._open_w(target, "utf-8", bool(options.get("override_output"))):
                    pass  # linked there by the writer
                self.pending = None
                return None
        feed = write(elements, context, path, url, *args, **kwargs)
        self.rendered += 1
        if fingerprint is not None:
            with suppress(OSError):
                data = Path(sanitised_join(writer.output_path, path)).read_bytes()
                self.note(name, fingerprint, hashlib.sha256(data).hexdigest())
        return feed

    def note(
        self, name: str, fingerprint: str, sha: str, stat: list | None = None, page=None
    ) -> None:
        """`page`: Fingerprints.last_page of the page (None for a feed)."""
        entry = [fingerprint, sha, stat, page]
        self.pages.setdefault(os.path.normpath(name), entry)  # the first write counts

    # --- pages whose own content did not change but in its body ---------------------
    def changed_sources(self) -> frozenset[int] | None:
        """The numbers (in the previous record) of the content files that changed since
        the previous build, when every one changed only below its front matter and no file
        was added or removed; else None. Worked out once a process."""
        if self._changed is _NOT_YET:
            self._changed = self._changed_sources()
        return self._changed

    def _changed_sources(self) -> frozenset[int] | None:
        now = self._read
        previous = self._previous_sources
        if not now or not previous or len(now) != len(previous):
            return None
        if self.fingerprints.settings.get("DEFAULT_DATE") == "fs":
            return None  # a date may be the file's modification time: an edit moves it
        content_path = self.fingerprints.content_path
        changed = set()
        for number, (relative, key, front) in enumerate(previous):
            path = os.path.join(content_path, relative)
            found = now.get(path)
            if found is None:
                return None
            if found != key:
                if self._front(path) != front:
                    return None
                changed.add(number)
        return frozenset(changed)

    def reuse_test(self, name: str):
        """For Fingerprints.page: the previous fingerprint of the page `name` when its
        shared part is the one recorded and none of the files its own objects reached
        changed (`changed_sources`); None when that cannot be."""
        entry = self.previous.get(os.path.normpath(name))
        if not entry or len(entry) < 6 or entry[5] is None or entry[4] is None:
            return None
        changed = self.changed_sources()
        if changed is None or not changed.isdisjoint(entry[5]):
            return None

        def reuse(shared):
            return (entry[0], _Earlier(entry[5])) if shared == entry[4] else None

        return reuse

    def merge(self, found: dict) -> None:
        """What a writing worker rendered and reused."""
        for name, entry in found.get("pages", {}).items():
            self.pages.setdefault(name, entry)  # [fingerprint, sha, stat, page]
        self.rendered += found.get("rendered", 0)
        self.reused += found.get("reused", 0)
        self.recalled += found.get("recalled", 0)
        for key, text in found.get("partials", ()):
            self.partials.setdefault(key, text)

    def forked(self) -> None:
        """In a forked writer, first: the partials it holds now stay with the main process."""
        self._partials_shared = len(self.partials)

    def share(self) -> dict:
        return {
            "pages": self.pages,
            "rendered": self.rendered,
            "reused": self.reused,
            "recalled": self.recalled,
            "partials": list(self.partials.items())[self._partials_shared :],
        }

    def release(self) -> None:
        """Drop the objects the fingerprints kept alive (the articles, lists and pages of the
        build); what `save` writes is kept."""
        fingerprints = self.fingerprints
        for kept in (
            fingerprints._objects,
            fingerprints._shallow,
            fingerprints._shared,
            fingerprints._file_hashes,
            fingerprints._wrappers,
            fingerprints._told,
        ):
            kept.clear()

    def _sources(self) -> tuple[list, dict[str, int], list]:
        """[relative path, read-cache key, front matter digest] of every content file this
        build read, in the order of their paths; each one's number by its path; and the
        new number of each of the previous record's (None: not read now). A file the
        previous build read with the same key keeps its digest."""
        earlier = {relative: (key, front) for relative, key, front in self._previous_sources}
        content_path = self.fingerprints.content_path
        found = []
        for path, key in (self._read or {}).items():
            relative = relative_path(path, content_path)
            known = earlier.get(relative)
            front = known[1] if known and known[0] == key else self._front(path)
            found.append((relative, key, front, path))
        found.sort()
        numbers = {path: n for n, (_, _, _, path) in enumerate(found)}
        by_relative = {relative: n for n, (relative, *_) in enumerate(found)}
        renumbered = [by_relative.get(source[0]) for source in self._previous_sources]
        return [list(source[:3]) for source in found], numbers, renumbered

    @staticmethod
    def _numbered(reached, numbers: dict[str, int], renumbered: list) -> list[int] | None:
        """The sources a page's own objects reached, by their numbers in this record (None:
        not told, or one that is not a file this build read)."""
        if reached is None:
            return None
        if isinstance(reached, _Earlier):
            found = [renumbered[n] for n in reached]
        else:
            found = [numbers.get(path) for path in reached]
        return None if None in found else sorted(found)

    def prepare(self, folder: Path) -> None:
        """Work out the record while the search index is made, the output still in `folder`
        (the build's temporary folder): `save`, after the swap, then only writes it."""
        self._prepared = self._record(folder)

    def _record(self, folder) -> tuple:
        """The record's text (each page's fingerprint, sha256, size, modification time,
        shared part and sources) and what it holds, and, when the partials have new texts,
        all their texts (saved in the files that gained one)."""
        sources, numbers, renumbered = self._sources()
        pages = {}
        for name, (fingerprint, sha, known, page) in sorted(self.pages.items()):
            if not known:  # rendered by this build
                try:
                    stat = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                known = [stat.st_size, stat.st_mtime_ns]
            shared, reached = page if page is not None else (None, None)
            pages[name] = [
                fingerprint,
                sha,
                *known,
                shared,
                self._numbered(reached, numbers, renumbered),
            ]
        data = {
            "format": FORMAT,
            "last_build": {
                "rendered": self.rendered,
                "reused": self.reused,
                "recalled": self.recalled,
            },
            "sources": sources,
            "files": self.fingerprints.stat_hashes(),
            "templates": self.fingerprints.template_analyses(),
            "pages": pages,
        }
        partials = None
        if self.partials:  # what the builds before kept, and what this one made
            earlier = self._earlier_partials()
            if not self.partials.keys() <= earlier.keys():
                partials = {**earlier, **self.partials}
        return json.dumps(data, separators=(",", ":")), data, partials

    def save(self) -> None:
        """Write the record of the output now in place (`previous_output`)."""
        text, data, partials = self._prepared or self._record(self.previous_output)
        if read_cache.save_record(self.record_file, text):
            read_cache.hold(self.record_file, data)
        if partials is not None:  # the files that gained a text
            self._partial_files.save(partials)
            with suppress(OSError):
                (self._cache / LEGACY_PARTIALS).unlink(missing_ok=True)


class _Earlier(list):
    """The sources of a page as the previous record numbered them (a page whose
    fingerprint was taken from there)."""


def front_matter_digest(path: str) -> str:
    """sha256 of a content file's front matter, its lines from the first `---` to the one
    that closes it (the whole file when it has none, or cannot be read). The split is the
    reader's (`front_matter.source.front_matter_end`), without parsing the YAML."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return "-"
    return front_matter_digest_of(data)


def front_matter_digest_of(data: bytes) -> str:
    """`front_matter_digest` of a file's bytes (the ones the read cache's key was made of,
    wartadesa.read_cache: so that a file saved again while the build runs is not recorded
    with the key of what was read and the front matter of what it became)."""
    from front_matter.source import front_matter_end

    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    if lines[0].strip() == b"---":
        end = front_matter_end(lines)
        if end is not None:
            data = b"\n".join(lines[: end + 1])
    return hashlib.sha256(data).hexdigest()


class _Reuse:
    """A template that gives the previous output's bytes when its page did not change."""

    def __init__(self, template, store: Store, context: Mapping[str, Any]) -> None:
        self._template = template
        self._store = store
        self._context = context

    def render(self, localcontext):
        store = self._store
        name = localcontext.get("output_file")
        fingerprints = store.fingerprints
        fingerprint = (
            fingerprints.page(self._template, localcontext, self._context, store.reuse_test(name))
            if name
            else None
        )
        page = fingerprints.last_page
        if page is not None and isinstance(page[1], _Earlier):
            store.recalled += 1
        store.pending = None
        if fingerprint is not None:
            found = store.previous_file(name, fingerprint)
            if found is not None:
                store.reuse(name, fingerprint, *found, page)
                return ""  # the writer links the previous file instead
        text = self._template.render(localcontext)
        store.rendered += 1
        logger.debug("rendered %s (fingerprint: %s)", name, fingerprint or "cannot be told")
        if fingerprint is not None:
            store.note(
                name, fingerprint, hashlib.sha256(text.encode("utf-8")).hexdigest(), None, page
            )
        return text

    def __getattr__(self, name):
        return getattr(self._template, name)


_current: Store | None = None


def current() -> Store | None:
    """The store of the build in progress, if pages may be reused."""
    return _current


def site_depends_on(*parts: Any) -> None:
    """Something every page may show that `site` does not cover, worked out from the
    content as a whole (the villages plugin's labels of places sharing a name: an article
    naming a village's namesake by its code changes them, desa.yml unchanged): with the
    build cache, a change to it renders every page again, as a data file's does. Called
    from a generator's context, before anything is written; nothing without the cache."""
    if _current is not None:
        prints = _current.fingerprints
        prints.site = _digest(prints.site, *parts)


@contextmanager
def reusing_pages(settings: Mapping[str, Any], previous_output: Path):
    """Around one Pelican run (wartadesa.build): yields the Store, or None when BUILD_CACHE
    is not set. The caller saves the store once the new output is in place."""
    global _current
    cache = read_cache.folder(settings)
    if cache is None:
        yield None
        return
    store = _current = Store(settings, cache, Path(previous_output))
    # The folders of the previous build's pages, made aside while the build reads (in the
    # tree of folders of an earlier output, output_folder.new_staging: readied first).
    folders = FoldersMadeAside(
        settings["OUTPUT_PATH"], {os.path.dirname(name) for name in store.previous}, spare=True
    )

    def ready(_sender=None, **_kwargs):  # get_writer: nothing is written before
        folders.ready()

    from pelican.plugins import signals

    signals.get_writer.connect(ready)
    try:
        yield store
    except BaseException:
        folders.wait()  # before the temporary folder is removed
        raise
    else:
        folders.finish(store.pages)
    finally:
        signals.get_writer.disconnect(ready)
        _current = None
