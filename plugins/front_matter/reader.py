"""A Markdown reader that understands YAML front matter with Indonesian keys.

Files without a `---` block keep Pelican's native `Key: value` header.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markdown import Markdown
from pelican.readers import METADATA_PROCESSORS, MarkdownReader

from . import limits, schema
from .dates import DateError, has_time, parse_date
from .errors import ContentError, report
from .keys import REFUSED_KEYS, check_template, check_value, native_lines, refused
from .paths import real_folder, real_path
from .source import KNOWN_KEYS, read_source
from .values import BadValue, attachment_path, coordinates, flag
from .yaml_errors import CURLY_QUOTES

# Pelican's own `Key: value` header also knows these.
NATIVE_KEYS = KNOWN_KEYS | {"authors"}
DATE_KEYS = schema.of_type("date")
# List keys Pelican does not process itself (it makes `tags` Tag objects) stay lists.
PLAIN_LIST_KEYS = schema.LIST_KEYS - set(METADATA_PROCESSORS)
REQUIRED_SOMEWHERE = {field.key for field in schema.FIELDS if field.required}
# Content types whose text under the front matter may be left out (an album's photos
# are its content).
BODY_OPTIONAL = (schema.EVENT, schema.ALBUM)  # an event or an album may have no text

STATUS_VALUES = {
    "draft": "draft",
    "draf": "draft",
    "konsep": "draft",
    "published": "published",
    "terbit": "published",
    "hidden": "hidden",
    "tersembunyi": "hidden",
}


def body_notes(md) -> dict[str, Any]:
    """What the Markdown extensions noted while converting a body, by their names: an
    extension with a `body_note()` method (youtube: the standalone addresses it found)
    leaves it in the metadata (`body_notes`), kept with the read result, so that the
    content steps need not convert the body again."""
    notes = {}
    for extension in md.registeredExtensions:
        note = getattr(extension, "body_note", None)
        if callable(note):
            name, value = note()
            notes[name] = value
    return notes


class YamlMarkdownReader(MarkdownReader):
    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        source = None
        try:
            limits.check_size(source_path, self.settings)  # before reading a byte of it
            source = read_source(source_path)
            limits.check_text(source.path, source.text, self.settings)
            if source.has_yaml:
                content, metadata = self._read_yaml(source)
            else:
                try:
                    content, metadata = super().read(source_path)
                except ValueError as err:  # Pelican's own date parsing of `Date:`
                    raise self._native_date_error(source, err) from None
                self._check_native(source, metadata)
                metadata.setdefault("date_has_time", True)
            metadata["meta_lines"] = source.lines
            metadata["body_line"] = source.body_line
            # The text as read, for plugins that look for a line (front_matter.source
            # .source_lines): the file is not read again.
            metadata["source_text"] = source.text
            self._check_required(source, content, metadata)
        except ContentError as err:
            # The warnings too (an unknown key may be why a key is missing), but not the
            # one the error names already.
            for warning in source.warnings if source is not None else ():
                if (warning.path, warning.line) != (err.path, err.line):
                    report(warning)
            report(err)
            for more in err.also:
                report(more)
            raise
        for warning in source.warnings:
            report(warning)
        return content, metadata

    def _native_date_error(self, source, error):
        """A ContentError at the `Date:`/`Modified:` line of a native header that Pelican
        could not read (year 0000, a day that does not exist, ...)."""
        lines = native_lines(source.text)
        for key in ("date", "modified"):
            if key not in lines:
                continue
            value = source.text.split("\n")[lines[key] - 1].split(":", 1)[1].strip()
            try:
                date = parse_date(value)
            except DateError as err:
                return ContentError(source.path, lines[key], err.message, err.hint)
            if date.year < 1900:
                return ContentError(
                    source.path,
                    lines[key],
                    f"tanggal '{value}': tahun {date.year} tidak mungkin (year before 1900)",
                    "periksa tahunnya, misalnya  Date: 2024-06-05",
                )
        return ContentError(
            source.path,
            1,
            f"header berkas tidak bisa dibaca: {error} (header not understood)",
            "periksa baris Title:, Date: dan lainnya di awal berkas",
        )

    def _check_native(self, source, metadata):
        """The same key policy for Pelican's `Key: value` header as for YAML."""
        lines = native_lines(source.text)
        for key in list(metadata):
            line = lines.get(key, 1)
            if key in REFUSED_KEYS:
                raise refused(source.path, line, key)
            if key not in NATIVE_KEYS:
                report(
                    ContentError(
                        source.path,
                        line,
                        f"kunci '{key}' tidak dikenal (unknown key)",
                        "kunci ini diabaikan",
                        severity="warning",
                    )
                )
                del metadata[key]
                continue
            check_value(source.path, line, key, metadata[key])

    def _markdown(self):
        """One Markdown instance per reader (Pelican keeps one reader per file type),
        reset before each file: building it anew for every file cost about 1 ms."""
        md = getattr(self, "_md_instance", None)
        if md is None:
            config = dict(self.settings["MARKDOWN"])
            config["extensions"] = [
                ext for ext in config.get("extensions", []) if ext != "markdown.extensions.meta"
            ]
            md = self._md_instance = Markdown(**config)
        md.reset()
        return md

    def _read_yaml(self, source):
        self._source_path = source.path
        self._md = self._markdown()
        content = self._md.convert(source.body)
        notes = body_notes(self._md)  # before a summary is converted with the same instance
        metadata = {"body_notes": notes} if notes else {}
        for key, value in source.meta.items():
            line = source.lines[key]
            if value in ("", []):
                if key in REQUIRED_SOMEWHERE:
                    continue  # reported as missing below
                raise ContentError(
                    source.path,
                    line,
                    f"'{source.written.get(key, key)}' tidak berisi nilai (key has no value)",
                    "isi nilainya atau hapus baris ini",
                )
            if key in NAME_KEYS:
                _no_curly_quotes(source, key, value, line)
            if key == "tags":
                _no_hashtags(source, key, value, line)
            metadata[key] = self._convert(source, key, value, line)
            if key == "date":
                metadata["date_has_time"] = has_time(value)
            elif key in DATE_KEYS:
                metadata[f"{key}_has_time"] = has_time(value)
        _join_village_codes(metadata, source.lines)
        return content, metadata

    def _convert(self, source, key, value, line):
        if key in DATE_KEYS:
            try:
                return parse_date(value)
            except DateError as err:
                raise ContentError(source.path, line, err.message, err.hint) from None
        kind = schema.BY_KEY[key].type
        try:
            if kind == "flag" and key != "translation":  # Pelican reads `translation` itself
                return flag(key, value)
            if kind == "coordinates":
                return coordinates(value)
            if kind == "file":
                return attachment_path(value, self.settings["PATH"])
        except BadValue as err:
            raise ContentError(source.path, line, err.message, err.hint) from None
        if kind == "status":
            status = STATUS_VALUES.get(value.lower())
            if status is None:
                raise ContentError(
                    source.path,
                    line,
                    f"status '{value}' tidak dikenal (unknown status)",
                    "pakai status: draft atau status: published",
                )
            return status
        if key in PLAIN_LIST_KEYS:
            return value if isinstance(value, list) else [value]
        if key in self.settings["FORMATTED_FIELDS"]:
            self._md.reset()
            return self.process_metadata(key, self._md.convert(value))
        return self.process_metadata(key, value)

    def _check_required(self, source, content, metadata):
        content_type = content_type_of(source.path, self.settings)
        explained = ()
        if content_type == schema.PAGE:
            explained = _check_news_as_page(source, metadata, self.settings)
        _check_written_instead(source, metadata, content_type)
        self._check_belongs(source, metadata, content_type, explained)
        if "template" in metadata:
            line = source.lines.get("template") or native_lines(source.text).get("template", 1)
            check_template(source.path, line, metadata["template"], content_type)
        for field in schema.required_for(content_type):
            if not metadata.get(field.key) and field.key in source.typos:
                written, line = source.typos[field.key]
                value = source.text.split("\n")[line - 1].split(":", 1)[1].strip()
                raise ContentError(
                    source.path,
                    line,
                    f"{field.written} belum diisi (missing {field.key}): ada kunci "
                    f"'{written}' di baris ini, maksud Anda '{field.written}'?",
                    f"tulis  {field.written}: {value or field.example}",
                )
            if not metadata.get(field.key):
                raise ContentError(
                    source.path,
                    source.lines.get(field.key, 1),
                    f"{field.written} belum diisi (missing {field.key})",
                    f"isi baris  {field.written}: {field.example}",
                )
        start, end = metadata.get("start"), metadata.get("end")
        if start and end and _ends_before(start, end, metadata, self.settings):
            raise ContentError(
                source.path,
                source.lines.get("end", 1),
                f"selesai ({end:%Y-%m-%d %H:%M}) sebelum mulai ({start:%Y-%m-%d %H:%M}) "
                "(end before start)",
                "periksa tanggal dan jam selesai; acara sehari cukup ditulis  mulai: saja",
            )
        published, last_day = metadata.get("date"), metadata.get("valid_until")
        if published and last_day and last_day.date() < published.date():
            # Otherwise published as already "sudah berakhir" and off the home page, unsaid.
            raise ContentError(
                source.path,
                source.lines.get("valid_until", 1),
                f"berlaku_sampai ({last_day:%Y-%m-%d}) sebelum tanggal pengumuman "
                f"({published:%Y-%m-%d}) (valid_until before date)",
                "periksa tanggal, bulan dan tahun berlaku_sampai: hari terakhir pengumuman "
                "berlaku, sama dengan atau sesudah  tanggal:",
            )
        if not content.strip() and content_type not in BODY_OPTIONAL:
            raise ContentError(
                source.path,
                source.body_line,
                f"isi {schema.TYPE_NAMES.get(content_type, 'berita')} kosong (empty body)",
                f"tulis isi {schema.TYPE_NAMES.get(content_type, 'berita')} di bawah baris "
                "--- penutup",
            )

    def _check_belongs(self, source, metadata, content_type, explained=()):
        """A key of another content type (penting: in a news article) is a warning and is
        dropped, like an unknown key; the keys in `explained` are dropped without one (a
        warning of their own said why). A type the schema does not describe yet (no field
        names it) is not checked."""
        if not schema.used_by(content_type):
            return
        for key in list(metadata):
            field = schema.BY_KEY.get(key)
            if field is None or content_type in field.used_by:
                continue
            if key in explained:
                del metadata[key]
                metadata.pop(f"{key}_has_time", None)
                continue
            owners = ", ".join(schema.TYPE_NAMES[t] for t in field.used_by)
            report(
                ContentError(
                    source.path,
                    source.lines.get(key, 1),
                    f"kunci '{field.written}' hanya untuk {owners}, bukan untuk "
                    f"{schema.TYPE_NAMES[content_type]} (key not used by this content type)",
                    "kunci ini diabaikan; hapus barisnya",
                    severity="warning",
                )
            )
            del metadata[key]
            metadata.pop(f"{key}_has_time", None)


# A required key of a content type and the key of another type an operator writes for it
# (an agenda's `mulai:` written as `tanggal:`, as in news and notices).
WRITTEN_INSTEAD = {"start": ("date",)}


def _check_written_instead(source, metadata, content_type):
    """One error at the line of a key of another content type written for a required key
    of this one (an agenda with `tanggal:` and no `mulai:`): not a warning that the key is
    dropped and a second error that the required one is missing."""
    for field in schema.required_for(content_type):
        if metadata.get(field.key):
            continue
        for other in WRITTEN_INSTEAD.get(field.key, ()):
            written = schema.BY_KEY.get(other)
            if other not in metadata or written is None or content_type in written.used_by:
                continue
            line = source.lines.get(other, 1)
            value = source.text.split("\n")[line - 1].partition(":")[2].strip()
            raise ContentError(
                source.path,
                line,
                f"{field.written} belum diisi (missing {field.key}): "
                f"{schema.TYPE_NAMES[content_type]} memakai  {field.written}:  bukan  "
                f"{written.written}:",
                f"ganti baris ini menjadi  {field.written}: {value or field.example}",
            )


# Values that name a shared page (a category's, a tag's, a village's) or an address.
NAME_KEYS = frozenset({"category", "tags", "author", "village", "region", "village_code", "slug"})


def _items(key, value):
    """The values of a front matter value as they will be read: a list's items, a list
    key's comma-separated parts (`label: musdes, anggaran`), else the one value."""
    if isinstance(value, list):
        return value
    if key in schema.LIST_KEYS:
        return [part.strip() for part in value.split(",")]
    return [value]


def _no_curly_quotes(source, key, value, line):
    """A name wrapped in curly quotes (Word, a phone keyboard: `kategori: “Pemerintahan”`)
    would be named with them: the shared page `kategori/pemerintahan/` of every article
    titled "“Pemerintahan”". YAML reads them as letters; the operator meant quotes."""
    items = _items(key, value)
    quoted = [
        i for i in items if isinstance(i, str) and i[:1] in CURLY_QUOTES and i[-1:] in CURLY_QUOTES
    ]
    if not quoted:
        return
    written = source.written.get(key, key)
    inner = [i.strip(CURLY_QUOTES + " ") if i in quoted else i for i in items]
    fixed = f"[{', '.join(inner)}]" if isinstance(value, list) else ", ".join(inner)
    raise ContentError(
        source.path,
        line,
        f"tanda kutip {quoted[0][0]}{quoted[0][-1]} (kutip miring dari Word atau ponsel) di "
        f"'{written}' akan ikut menjadi bagian namanya (curly quotes are not YAML quotes)",
        f"hapus tanda kutipnya:  {written}: {fixed}",
    )


def _no_hashtags(source, key, value, line):
    """`label: "#musdes #anggaran"` (hashtags, quoted as the `#` rule asks) made one label
    of both, with the signs."""
    items = _items(key, value)
    if not any(isinstance(i, str) and i.startswith("#") for i in items):
        return
    names = [n for i in items for n in str(i).replace("#", " ").split() if n]
    written = source.written.get(key, key)
    raise ContentError(
        source.path,
        line,
        f"label tidak ditulis dengan tanda # (hashtag): '{', '.join(map(str, items))}'",
        f"beberapa label ditulis sebagai daftar:  {written}: [{', '.join(names)}]",
    )


# What makes a page look like a news article (`kode_desa` joins `desa`). None of them is
# the page's in the schema (`used_by`), so the web editor's page form does not offer them.
NEWS_KEYS = ("date", "category", "village", "village_code")


def _check_news_as_page(source, metadata, settings):
    """A page with `tanggal`, `kategori` or `desa` is almost surely a news article saved in
    the pages folder: it would be published as an undated page, outside every list. One
    warning for them all; returns the keys it named (dropped, as keys a page does not use,
    without a warning each)."""
    # The keys as written (YAML), else as Pelican's native header has them (English).
    written = source.written or {key: key for key in metadata}
    keys = [key for key in NEWS_KEYS if key in written]
    found = [written[key] for key in keys]
    if not found:
        return ()
    folder = (settings.get("ARTICLE_PATHS") or ["berita"])[0]
    folder = folder if folder not in ("", ".") else "berita"
    # The line of the first of those keys (a YAML key's, else a `Key: value` header's).
    header = {} if source.has_yaml else native_lines(source.text)
    lines = [source.lines.get(key) or header.get(written[key].lower()) for key in keys]
    report(
        ContentError(
            source.path,
            min(filter(None, lines), default=1),
            f"ini tampaknya berita, bukan halaman: ada {', '.join(found)} (a page with "
            "news keys: published as an undated page, outside the news lists)",
            f"pindahkan ke content/{folder}/; halaman tetap (Profil, Kontak) ditulis tanpa "
            + (f"{', '.join(found[:-1])} dan {found[-1]}" if len(found) > 1 else found[0]),
            severity="warning",
        )
    )
    return (*keys, "village") if "village_code" in keys else tuple(keys)


def _ends_before(start, end, metadata, settings):
    """Whether an event's end is before its start. `selesai: 2024-08-17` (no time) is the
    whole of that day, as the pages, the calendar and the feeds read it: only an earlier
    day is before a start that has a time."""
    if not metadata.get("end_has_time", True):
        return end.date() < start.date()
    return _aware(end, settings) < _aware(start, settings)


def _aware(value, settings):
    """`value` with the site's TIMEZONE when it was written without one."""
    from zoneinfo import ZoneInfo

    if value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(settings.get("TIMEZONE") or "UTC"))
    return value


def _join_village_codes(metadata, lines):
    """`kode_desa` (codes of villages not in the editor's select) joins `desa`; a code's
    messages point at the `kode_desa` lines when there is no `desa`."""
    codes = metadata.pop("village_code", None)
    if not codes:
        return
    metadata["village"] = [*(metadata.get("village") or []), *codes]
    if "village" not in lines and "village_code" in lines:
        lines["village"] = lines["village_code"]


def add_markdown_extension(settings: dict[str, Any], name: str) -> None:
    """Have every reader load the Markdown extension module `name` (a plugin's, at
    `initialized`, before any reader is made): Pelican's Markdown readers load every key
    of MARKDOWN's extension_configs, and ours its `extensions` too."""
    markdown = settings.setdefault("MARKDOWN", {})
    markdown.setdefault("extension_configs", {}).setdefault(name, {})
    extensions = markdown.setdefault("extensions", [])
    if name not in extensions:
        extensions.append(name)


def content_type_of(path: str | os.PathLike, settings: Mapping[str, Any]) -> str:
    """The content type of a source file, from the first folder of its path under PATH.

    PAGE_PATHS give pages, CONTENT_TYPE_PATHS ({type: [folder, ...]}) the other types
    (pengumuman, agenda, galeri); everything else is an article.
    """
    content_root = real_folder(settings["PATH"])
    relative = os.path.relpath(real_path(path), content_root)
    if relative.startswith(".."):
        return schema.ARTICLE
    first = Path(relative).parts[0]
    folders = {schema.PAGE: settings.get("PAGE_PATHS", [])}
    folders.update(settings.get("CONTENT_TYPE_PATHS", {}))
    for content_type, paths in folders.items():
        if any(first == Path(p).parts[0] for p in paths):
            return content_type
    return schema.ARTICLE
