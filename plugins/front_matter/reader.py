"""A Markdown reader that understands YAML front matter with Indonesian keys.

Files without a `---` block keep Pelican's native `Key: value` header.
"""

import os
from pathlib import Path

from markdown import Markdown
from pelican.readers import METADATA_PROCESSORS, MarkdownReader

from . import limits, schema
from .dates import DateError, has_time, parse_date
from .errors import ContentError, report
from .keys import REFUSED_KEYS, check_value, native_lines, refused
from .source import KNOWN_KEYS, read_source

# Pelican's own `Key: value` header also knows these.
NATIVE_KEYS = KNOWN_KEYS | {"authors"}
DATE_KEYS = schema.of_type("date")
# List keys Pelican does not process itself (it makes `tags` Tag objects) stay lists.
PLAIN_LIST_KEYS = schema.LIST_KEYS - set(METADATA_PROCESSORS)
REQUIRED_SOMEWHERE = {field.key for field in schema.FIELDS if field.required}

STATUS_VALUES = {
    "draft": "draft", "draf": "draft", "konsep": "draft",
    "published": "published", "terbit": "published",
    "hidden": "hidden", "tersembunyi": "hidden",
}


class YamlMarkdownReader(MarkdownReader):
    def read(self, source_path):
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
            self._check_required(source, content, metadata)
        except ContentError as err:
            report(err)
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
                    source.path, lines[key],
                    f"tanggal '{value}': tahun {date.year} tidak mungkin (year before 1900)",
                    "periksa tahunnya, misalnya  Date: 2024-06-05")
        return ContentError(source.path, 1, f"header berkas tidak bisa dibaca: {error} "
                            "(header not understood)",
                            "periksa baris Title:, Date: dan lainnya di awal berkas")

    def _check_native(self, source, metadata):
        """The same key policy for Pelican's `Key: value` header as for YAML."""
        lines = native_lines(source.text)
        for key in list(metadata):
            line = lines.get(key, 1)
            if key in REFUSED_KEYS:
                raise refused(source.path, line, key)
            if key not in NATIVE_KEYS:
                report(ContentError(
                    source.path, line, f"kunci '{key}' tidak dikenal (unknown key)",
                    "kunci ini diabaikan", severity="warning"))
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
        metadata = {}
        for key, value in source.meta.items():
            line = source.lines[key]
            if value in ("", []):
                if key in REQUIRED_SOMEWHERE:
                    continue  # reported as missing below
                raise ContentError(
                    source.path, line, f"'{key}' tidak berisi nilai (key has no value)",
                    "isi nilainya atau hapus baris ini",
                )
            metadata[key] = self._convert(source, key, value, line)
            if key == "date":
                metadata["date_has_time"] = has_time(value)
        return content, metadata

    def _convert(self, source, key, value, line):
        if key in DATE_KEYS:
            try:
                return parse_date(value)
            except DateError as err:
                raise ContentError(source.path, line, err.message, err.hint) from None
        if schema.BY_KEY[key].type == "status":
            status = STATUS_VALUES.get(value.lower())
            if status is None:
                raise ContentError(
                    source.path, line, f"status '{value}' tidak dikenal (unknown status)",
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
        content_type = schema.PAGE if _is_page(source.path, self.settings) else schema.ARTICLE
        for field in schema.required_for(content_type):
            if not metadata.get(field.key):
                raise ContentError(
                    source.path, source.lines.get(field.key, 1),
                    f"{field.written} belum diisi (missing {field.key})",
                    f"isi baris  {field.written}: {field.example}",
                )
        if not content.strip():
            raise ContentError(
                source.path, source.body_line, "isi berita kosong (empty body)",
                "tulis isi berita di bawah baris --- penutup",
            )


def _is_page(path, settings):
    content_root = os.path.realpath(settings["PATH"])
    relative = os.path.relpath(os.path.realpath(path), content_root)
    if relative.startswith(".."):
        return False
    first = Path(relative).parts[0]
    return any(first == Path(p).parts[0] for p in settings.get("PAGE_PATHS", []))
