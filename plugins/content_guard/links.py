"""Images, files and internal links in content that point at nothing.

- `{static}`, `{attach}` and `{filename}` links Pelican cannot resolve (Pelican only warns);
- relative links to a file (`/images/x.jpg`, `../images/x.jpg`, `files/x.pdf`) that the
  site does not publish at that address;
- every other link to an address of the site (`/sejarah/`, `../agenda/rapat/`,
  `/feeds/all.atom.xml`) that matches nothing the build writes: checked against the output
  plan (outputs.plan_outputs), the closest page named;
- a link to a content file as GitHub shows it (`../2025-01-15-musdes.md`): published as
  written, a dead link; `{filename}/berita/2025-01-15-musdes.md` is the link to its page;
- front matter `image:` that does not exist, `source:` that is not a web address.

Body images and `image:` are left to the article_extras plugin when it is active (it
checks them and measures them).
"""

from __future__ import annotations

import bisect
import difflib
import logging
import os
import posixpath
import re
from collections.abc import Mapping, Sequence
from html import unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from front_matter import memo
from front_matter.errors import ContentError, report, reports_only
from front_matter.paths import OUTSIDE_HINT, inside_content
from front_matter.source import find_line, numbered, source_lines

from .content import articles_generator, body_line, contents, meta_line, static_generator
from .outputs import plan_outputs, reserved_folders

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator

INTRASITE = re.compile(r"^[{|](?P<what>\w+)[}|](?P<value>.*)$")
EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
FILE_TYPES = {
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".avif",
    ".svg",
    ".ico",
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".odt",
    ".ods",
    ".odp",
    ".rtf",
    ".txt",
    ".csv",
    ".zip",
    ".rar",
    ".7z",
    ".mp3",
    ".mp4",
    ".webm",
    ".ogg",
    ".m4a",
    ".wav",
}
# A content file's own name in a link (Pelican's Markdown reader's extensions): GitHub
# follows `[x](../2025-01-15-musdes.md)`, the published page does not.
CONTENT_TYPES = {".md", ".markdown", ".mkd", ".mdown"}
PAGE_TYPES = {".html", ".htm"}
LINK_ATTRIBUTES = {"href", "src", "poster"}
PAGE_HINT = "salin alamatnya dari halaman yang dituju"
FILE_HINT = (
    "simpan berkasnya di content/images/ (gambar) atau content/files/ (dokumen), "
    "lalu tautkan dengan {static}/images/nama-berkas.jpg"
)


class LinkNoteFilter(logging.Filter):
    """Drops Pelican's 'not found' notes about links: `check` reports them precisely."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not is_link_note(record)


def is_link_note(record: logging.LogRecord) -> bool:
    """Pelican's warning that a `{filename}`/`{static}` link target was not found, or that a
    linked file has no modification stamp because it does not exist. Recognised by
    logger, level, the logging function and the record's data, not by the message text:
    in `Content._link_replacer` the not-found warning is the one Pelican rate-limits
    (`extra={"limit_msg": ...}`; an unknown `{indicator}` has none and is kept); in
    `FileStampDataCacher._get_file_stamp` the error argument is a FileNotFoundError."""
    if record.levelno != logging.WARNING:
        return False
    if (record.name, record.funcName) == ("pelican.contents", "_link_replacer"):
        return hasattr(record, "limit_msg")
    if (record.name, record.funcName) == ("pelican.cache", "_get_file_stamp"):
        args = record.args if isinstance(record.args, tuple) else ()
        return len(args) > 1 and isinstance(args[1], FileNotFoundError)
    return False


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value:
                self.found.append((tag, value.strip()))


def links_in(html: str | None) -> list[tuple[str, str]]:
    """(tag, address) of every link, image and media source in an HTML fragment."""
    parser = _Links()
    parser.feed(html or "")
    parser.close()
    return parser.found


def plugin_active(settings: Mapping[str, Any], name: str) -> bool:
    return any(getattr(p, "__name__", p) == name for p in settings.get("PLUGINS") or [])


class Site:
    """What the site will publish, to resolve links against."""

    def __init__(self, generators: Sequence[Generator], items: Sequence[Content]) -> None:
        settings = generators[0].settings
        self.settings = settings
        self.root = os.path.abspath(settings["PATH"])
        self.context = generators[0].context
        static = static_generator(generators)
        # Only files that exist (Pelican also lists linked files that are missing).
        self.static = sorted(
            {
                s.save_as
                for s in getattr(static, "staticfiles", None) or []
                if s.save_as and os.path.isfile(os.path.join(self.root, s.source_path))
            }
        )
        self.files = set(self.static)
        self.files.update(i.save_as for i in items if i.save_as)
        theme = settings.get("THEME", "")
        for folder in settings.get("THEME_STATIC_PATHS", []):
            base = os.path.join(theme, folder)
            for directory, _, names in os.walk(base):
                for name in names:
                    relative = os.path.relpath(os.path.join(directory, name), base)
                    self.files.add(
                        posixpath.join(
                            settings.get("THEME_STATIC_DIR", "theme"), relative.replace(os.sep, "/")
                        )
                    )
        # Everything the build writes (the output plan duplicates.check checks: content, the
        # site's lists with their pagination, feeds, what the plugins' generators declare,
        # static and theme files) and the folders a plugin fills whole later (the search
        # index pagefind/, most of its files named by their content).
        self.outputs = set(plan_outputs(generators))
        self.files.update(self.outputs)
        self.reserved = sorted(reserved_folders(generators))
        self.urls = {self._dir(i.url) for i in items if i.url}
        articles = articles_generator(generators)
        self.taxonomy_urls = set()
        if articles is not None:
            for pairs in (articles.categories, articles.tags, articles.authors):
                items_ = pairs.items() if isinstance(pairs, dict) else pairs
                self.taxonomy_urls.update(self._dir(t.url) for t, _ in items_ if t.url)
        for key in ("CATEGORIES_URL", "TAGS_URL", "AUTHORS_URL", "ARCHIVES_URL"):
            if settings.get(key):
                self.urls.add(self._dir(settings[key]))
        # What links are checked against: a link found good stays good while this is. A
        # `{filename}`/`{static}`/`{attach}` link (and `image:`) only against the files
        # (`files_key`: a new address does not touch it); a link to an address in the
        # site against everything (`key`).
        self.files_key = memo.key(
            "links-files",
            self.static,
            sorted(self.context.get("generated_content", {})),
            sorted(self.context.get("static_content", {})),
        )
        self.key = memo.key(
            "links-site",
            self.files_key,
            sorted(self.files),
            self.reserved,
            sorted(self.urls),
            sorted(self.taxonomy_urls),
        )
        self._pages = None  # page addresses for suggestions, made when a link is broken
        self._shallow = None  # those one or two folders deep
        self._content_files = None  # content files by name, made when one is linked
        self._closest = {}  # suggestion by what was written, for the links of every file

    def key_for(self, item: Content, links: list[tuple[str, str]], check_images: bool) -> str:
        """What `check_item` checks the item's `links` against (as `check_address` looks
        them up): `key` when one is an address in the site, else `files_key` when one is a
        `{filename}`/`{static}`/`{attach}` link or a checked `image:`, else nothing."""
        found = ""
        for tag, address in links:
            if address.startswith("#") or (tag == "img" and not check_images):
                continue
            intrasite = INTRASITE.match(address)
            if intrasite:
                if intrasite["what"] in ("filename", "static", "attach"):
                    found = self.files_key
            elif not EXTERNAL.match(address) and urlsplit(address).path:
                return self.key
        if check_images and item.metadata.get("image"):
            found = self.files_key
        return found

    @staticmethod
    def _dir(url):
        url = url.lstrip("/")
        if url.endswith("index.html"):
            url = url[: -len("index.html")]
        return url

    def find_linked(self, item: Content, what: str, path: str) -> Content | None:
        """Pelican's lookup of a {filename}/{static}/{attach} path: the content or None."""
        key = "generated_content" if what == "filename" else "static_content"
        keys = [key, "static_content"] if what == "filename" else [key]
        for candidate in {path, unquote(path), unescape(path)}:
            if candidate.startswith("/"):
                relative = candidate[1:]
            else:
                relative = item.get_relative_source_path(os.path.join(item.relative_dir, candidate))
            for name in keys:
                found = self.context.get(name, {}).get(relative)
                # Pelican lists a linked static file even when it does not exist.
                if found is not None and os.path.isfile(os.path.join(self.root, found.source_path)):
                    return found
        return None

    def serves(self, target: str, folder: bool) -> bool:
        """Whether the published site answers at output path `target` (normalised, no
        leading `/`, "" the root; `folder`: the address ends with `/`): a file the build
        writes, a folder's index.html (also without the `/`: GitHub Pages redirects
        `/tentang` to `/tentang/`), or a file inside a folder a plugin fills later."""
        if target in ("", "."):
            return "index.html" in self.outputs
        if not folder and target in self.files:
            return True
        if target + "/index.html" in self.outputs or self._dir(target) + "/" in self.urls:
            return True
        return not folder and any(target.startswith(f + "/") for f in self.reserved)

    def pages(self) -> list[str]:
        """Every page address of the site (no leading `/`, with its trailing one)."""
        if self._pages is None:
            found = {self._dir(o) for o in self.outputs if o.rsplit("/", 1)[-1] == "index.html"}
            self._pages = sorted(found | self.urls | self.taxonomy_urls)
        return self._pages

    def closest(self, written: str, extension: str = "") -> str | None:
        """The address of the site closest to output path `written`: a page (`extension`
        "", or `.html`), else a file of that extension; None when none is close."""
        found = self._closest.get((written, extension), "")
        if found == "":
            if extension in ("", *PAGE_TYPES):
                candidates = self._beside(written)
            else:
                candidates = sorted(f for f in self.files if f.lower().endswith(extension))
            close = difflib.get_close_matches(written, candidates, n=1)
            found = self._closest[(written, extension)] = close[0] if close else None
        return found

    def _beside(self, written: str) -> list[str]:
        """The pages in the deepest folder of `written` that holds any (berita/2024/05/ for
        a slug mistyped there), else the pages one or two folders deep (`/sejarahh/` for
        `sejarah/`, `/binangun/` for `desa/binangun/`): thousands of articles are not
        compared with each address that matches nothing."""
        pages = self.pages()
        parts = written.strip("/").split("/")
        for depth in range(len(parts) - 1, 0, -1):
            folder = "/".join(parts[:depth]) + "/"
            start = bisect.bisect_left(pages, folder)
            end = bisect.bisect_left(pages, folder[:-1] + "0")  # "0" follows "/"
            if start < end:
                return pages[start:end]
        if self._shallow is None:
            self._shallow = [page for page in pages if page.count("/") <= 2]
        return self._shallow

    def content_files(self) -> dict[str, list[str]]:
        """{name: [path relative to content/, ...]} of every content file Pelican read."""
        if self._content_files is None:
            self._content_files = {}
            for relative in sorted(self.context.get("generated_content", {})):
                relative = relative.replace(os.sep, "/")
                if os.path.isfile(os.path.join(self.root, relative)):
                    self._content_files.setdefault(posixpath.basename(relative), []).append(
                        relative
                    )
        return self._content_files

    def linked_content(self, item: Content, path: str) -> str | None:
        """The content file (relative to content/) a link written as a file's path means:
        as GitHub reads it (beside the linking file), from content/, the same name beside
        the linking file, else the one file of that name; None when there is none."""
        files = self.content_files()
        name = posixpath.basename(path)
        here = item.relative_dir.replace(os.sep, "/")
        stripped = path
        while stripped.startswith(("../", "./", "/")):
            stripped = stripped.split("/", 1)[1]
        for candidate in (
            posixpath.normpath(posixpath.join(here, path)),
            stripped,
            posixpath.join(here, name),
        ):
            if candidate in files.get(posixpath.basename(candidate), ()):
                return candidate
        same = files.get(name, [])
        return same[0] if len(same) == 1 else None

    def closest_content(self, path: str) -> str | None:
        """The content file whose name is closest to the one in `path`, or None."""
        files = self.content_files()
        names = difflib.get_close_matches(posixpath.basename(path), list(files), n=1, cutoff=0.75)
        return files[names[0]][0] if names else None

    def closest_static(self, path: str) -> str | None:
        """The published file whose name is closest to the one in `path`, or None."""
        by_name = {}
        for static in reversed(self.static):
            by_name[posixpath.basename(static)] = static
        names = difflib.get_close_matches(posixpath.basename(path), list(by_name), n=1, cutoff=0.75)
        return by_name[names[0]] if names else None


def _problem(item, lines, address, message, hint):
    """The error at the line holding `address`, as a link's address first (`tentang` is
    also in `/tentang.html`): in the body first, else anywhere."""
    start = body_line(item)
    needles = (f"]({address}", f'="{address}"', f"='{address}'", f"<{address}>", address)
    for first in (start, 1):
        for needle in needles:
            line = find_line(lines, needle, None, first=first)
            if line is not None:
                return ContentError(item.source_path, line, message, hint)
    return ContentError(item.source_path, start, message, hint)


LINKS_TABLE = "links in each text"


def _links_of(item: Content, html_key: str | None) -> list[tuple[str, str]]:
    """links_in of the item's HTML, kept in the memo table under `html_key` (in a forked
    checker too: the table's new entries travel back, wartadesa.parallel.map_forked)."""
    tables = memo.table(LINKS_TABLE) if html_key is not None else None
    if tables is not None:
        found = tables[1].get(html_key)
        if found is None:
            found = tables[0].get(html_key)
        if found is not None:
            tables[1][html_key] = found  # kept for the next build
            return found
    found = links_in((item._content or "") + (item.metadata.get("summary") or ""))
    if tables is not None:
        tables[1][html_key] = found
    return found


def check_item(
    site: Site, item: Content, check_images: bool, html_key: str | None = None
) -> list[ContentError]:
    """ContentErrors for one article or page (`html_key`: memo.key of its HTML, to find its
    links kept by an earlier build)."""
    errors = []
    lines = _Lines(item)
    seen = set()
    for tag, address in _links_of(item, html_key):
        if address in seen or address.startswith("#") or (tag == "img" and not check_images):
            continue
        seen.add(address)
        error = check_address(site, item, lines, address)
        if error:
            errors.append(error)
    errors.extend(check_front_matter(site, item, check_images))
    return errors


class _Lines:
    """The numbered lines of an item's source, read when a problem needs its line."""

    def __init__(self, item: Content) -> None:
        self._item = item
        self._lines = None

    def __iter__(self):
        if self._lines is None:
            self._lines = numbered(source_lines(self._item))
        return iter(self._lines)


def check_address(
    site: Site, item: Content, lines: Sequence[tuple[int, str]], address: str
) -> ContentError | None:
    intrasite = INTRASITE.match(address)
    if intrasite:
        what, value = intrasite["what"], intrasite["value"]
        if what not in ("filename", "static", "attach"):
            return None
        path = urlsplit(value).path
        found = site.find_linked(item, what, path)
        source = found and os.path.relpath(os.path.join(site.root, found.source_path), site.root)
        if found is not None and inside_content(source, site.root) is None:
            # `{attach}../../pelicanconf.py`: Pelican would publish a file of the project
            return _problem(
                item,
                lines,
                address,
                f"tautan ke berkas di luar folder content/: {address} (link to a file outside "
                "the content folder)",
                OUTSIDE_HINT,
            )
        if found is not None:
            return None
        kind = "berita/halaman" if what == "filename" else "berkas"
        hint = FILE_HINT
        close = site.closest_static(path)
        if what == "filename":
            hint = "periksa nama berkas .md yang ditautkan (huruf besar/kecil berpengaruh)"
        elif close:
            hint = f"maksud Anda {{static}}/{close}?"
        return _problem(
            item, lines, address, f"tautan ke {kind} yang tidak ada: {address} (broken link)", hint
        )
    if EXTERNAL.match(address):
        return None
    path = unquote(urlsplit(address).path)
    if not path:
        return None
    if path.startswith("/"):
        target = posixpath.normpath(path).lstrip("/")
    else:
        base = posixpath.dirname(site._dir(item.url or "") + "x")
        target = posixpath.normpath(posixpath.join(base, path))
    if target == ".." or target.startswith("../"):
        target = None  # above the site's root
    elif site.serves(target, path.endswith("/")):
        return None
    extension = posixpath.splitext(path)[1].lower()
    if extension in CONTENT_TYPES:
        return _content_file_problem(site, item, lines, address, path)
    if extension in FILE_TYPES:
        return _problem(
            item,
            lines,
            address,
            f"tautan ke berkas yang tidak ada di situs: {address} (broken link)",
            _file_hint(site, item, path),
        )
    from_root = posixpath.normpath("/" + path).lstrip("/")  # as a browser reads `../` at /
    written = target or from_root
    hint = None
    if not path.startswith("/") and from_root and site.serves(from_root, path.endswith("/")):
        # `sejarah/` on berita/2024/07/x/ is berita/2024/07/x/sejarah/
        shown = from_root + ("/" if path.endswith("/") else "")
        hint = f"maksud Anda /{shown}? Alamat tanpa / di depan dibaca dari folder halaman ini"
    if extension and extension not in PAGE_TYPES:
        close = site.closest(written, extension)
        return _problem(
            item,
            lines,
            address,
            f"tautan ke berkas yang tidak ada di situs: {address} (broken link)",
            hint or (f"maksud Anda /{close}?" if close else PAGE_HINT),
        )
    if extension:  # `/tentang.html`: the page is `/tentang/`
        directory = posixpath.splitext(written)[0] + "/"
    else:
        directory = written.rstrip("/") + "/" if written not in ("", ".") else ""
        # A list's later pages come and go with its articles (kategori/x/2/).
        if target is not None and any(directory.startswith(u) for u in site.taxonomy_urls):
            return None
    if hint is None:
        close = site.closest(directory)
        hint = f"maksud Anda /{close}?" if close else _page_hint(site, directory)
    return _problem(
        item,
        lines,
        address,
        f"tautan ke halaman yang tidak ada di situs: {address} (broken link)",
        hint,
    )


def _page_hint(site, directory):
    """Where to copy the address from when no page's address is close: the list the
    address was meant to be in (`/desa/` for `/desa/tidak-ada/`), if the site has it."""
    parent = posixpath.dirname(directory.rstrip("/"))
    while parent and not site.serves(parent, True):
        parent = posixpath.dirname(parent)
    if parent:
        return f"buka /{parent}/ lalu {PAGE_HINT}"
    return PAGE_HINT


def _content_file_problem(site, item, lines, address, path):
    """A link to a content file by its name (`../2025-01-15-musdes.md`, as GitHub follows
    it): the published page keeps it as written, a dead link. `{filename}` is the link
    Pelican turns into that page's address."""
    found = site.linked_content(item, path)
    if found is None:
        close = site.closest_content(path)
        return _problem(
            item,
            lines,
            address,
            f"berkas berita/halaman yang ditautkan tidak ditemukan di folder content: {address} "
            "(broken link: file not found)",
            f"maksud Anda {{filename}}/{close}?"
            if close
            else "periksa nama berkas .md yang ditautkan (huruf besar/kecil berpengaruh), lalu "
            "tulis {filename}/berita/nama-berkas.md",
        )
    link = f"{{filename}}/{found}"
    text = _link_text(lines, address)
    if text is not None:
        link = f"[{text}]({link})"
    return _problem(
        item,
        lines,
        address,
        f"tautan ke berkas {posixpath.basename(found)} tidak menuju halamannya di situs: "
        f"{address} (link to a content file, a dead link once published)",
        f"tulis {link}: build menggantinya dengan alamat halaman itu",
    )


def _link_text(lines, address):
    """The text of the Markdown link `[text](address)` in the source, or None."""
    written = re.compile(r"\[([^\]\n]*)\]\(\s*<?" + re.escape(address) + r"[\s>)]")
    for _number, line in lines:
        found = written.search(line)
        if found:
            return found[1]
    return None


def _file_hint(site, item, path):
    """Where the file probably is, written as a link that works on every page."""
    stripped = path
    while stripped.startswith(("../", "./", "/")):
        stripped = stripped.split("/", 1)[1]
    beside = os.path.normpath(os.path.join(os.path.dirname(item.source_path), path))
    for candidate in (os.path.join(site.root, stripped), beside):
        if os.path.isfile(candidate) and candidate.startswith(site.root + os.sep):
            relative = os.path.relpath(candidate, site.root).replace(os.sep, "/")
            return (
                f"berkasnya ada di content/{relative}: tulis {{static}}/{relative} "
                "agar tautannya benar dari halaman mana pun"
            )
    close = site.closest_static(stripped)
    if close:
        return f"maksud Anda {{static}}/{close}?"
    return FILE_HINT


def check_front_matter(site: Site, item: Content, check_images: bool) -> list[ContentError]:
    errors = []
    source = item.metadata.get("source")
    if isinstance(source, str) and source and not re.match(r"^https?://", source.strip(), re.I):
        errors.append(
            ContentError(
                item.source_path,
                meta_line(item, "source"),
                f"sumber '{source}' bukan alamat web (source must start with http:// or https://)",
                "salin alamat lengkap halaman sumber, misalnya https://contoh.desa.id/berita",
            )
        )
    image = item.metadata.get("image")
    if check_images and isinstance(image, str) and image and not EXTERNAL.match(image):
        value = re.sub(r"^([{|](static|attach)[}|])", "", image.strip())
        relative = urlsplit(value).path.lstrip("/")
        if not os.path.isfile(os.path.join(site.root, relative)):
            errors.append(
                ContentError(
                    item.source_path,
                    meta_line(item, "image"),
                    f"gambar '{image}' tidak ditemukan di folder content (image file not found)",
                    "simpan fotonya di content/images/ lalu tulis  gambar: images/nama-berkas.jpg "
                    "(huruf besar/kecil berpengaruh)",
                )
            )
    return errors


@reports_only(here=True, cost=219)  # measured: 1.10 s at 5,000 articles (py-spy)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report every link that points at nothing."""
    items = contents(generators)
    if not items:
        return
    site = Site(generators, items)
    check_images = not plugin_active(site.settings, "article_extras")
    # The links of each text, kept between builds (memo table): when what they are checked
    # against changes (a new address), the items whose links look it up are checked again
    # without parsing them.
    tables = memo.table(LINKS_TABLE)
    jobs = []  # (clean key, (item, key of its HTML))
    for item in items:
        html_key = None  # without the build cache, no table: the HTML is not hashed
        against = site.key
        if tables is not None:
            html = (item._content or "") + (item.metadata.get("summary") or "")
            html_key = memo.key("links in", html)
            against = site.key_for(item, _links_of(item, html_key), check_images)
        clean_key = memo.text_key(
            "links",
            item.source_path,
            lambda item=item: source_lines(item),
            against,
            item.url,
            check_images,
            html_key,
        )
        jobs.append((clean_key, (item, html_key)))
    found = memo.checked_unless_clean(
        jobs, lambda job: check_item(site, job[0], check_images, job[1]), site.settings
    )
    for errors in found:
        for error in errors:
            report(error)
