"""Write the web editor: admin/index.html, admin/config.yml (made from the schema at this
build), the vendored Sveltia CMS script (checked against its SHA-256) and the small
setup script. Nothing of it is linked from, or loaded by, the reader pages."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import Template
from pelican.generators import Generator

from front_matter.errors import ContentError, report

from .config import editor_config

if TYPE_CHECKING:
    from pelican.writers import Writer

HERE = os.path.dirname(os.path.abspath(__file__))
VENDOR = os.path.join(HERE, "vendor")
SCRIPT = "sveltia-cms.js"
SETUP = "editor.js"
RAW = Template("{{ text }}")  # config.yml is YAML: no HTML escaping


# libyaml's emitter when PyYAML has it (its wheels do): the same text as PyYAML's own, in
# about a sixth of the time (0.04-0.06 s of every build at the sample's config; tested).
_BASE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BASE_DUMPER):
    def ignore_aliases(self, data):  # the village list is written out in each form
        return True


# The last config rendered in this process, by its repr, and its text: the live preview's
# rebuilds mostly render the same one (yaml.dump of it took 0.05 s of each).
_rendered: tuple[str, str] = ("", "")


def render_config(config: Mapping[str, Any]) -> str:
    global _rendered
    shown = repr(config)
    if shown == _rendered[0]:
        return _rendered[1]
    header = (
        "# Dibuat otomatis oleh Warta Desa (plugin editor) dari skema front matter:\n"
        "# jangan diubah di sini (generated at build time: do not edit).\n"
    )
    text = header + yaml.dump(
        config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    _rendered = (shown, text)
    return text


def expected_checksums() -> dict[str, str]:
    sums = {}
    with open(os.path.join(VENDOR, "SHA256SUMS"), encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                digest, name = line.split()
                sums[name.lstrip("*")] = digest
    return sums


def verified_files() -> dict[str, bytes] | None:
    """{name: bytes} of every vendored file (the script, its fonts and licences), or None
    (reported) when one differs from vendor/SHA256SUMS."""
    files = {}
    for name, digest in expected_checksums().items():
        path = os.path.join(VENDOR, *name.split("/"))
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            report(
                ContentError(
                    path,
                    1,
                    "berkas editor tidak ada atau tidak sesuai checksum di "
                    "vendor/SHA256SUMS (vendored editor file missing or changed)",
                    "pasang ulang dengan  invoke editor-update",
                )
            )
            return None
        files[name] = data
    return files


class EditorGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.folder = (self.settings.get("EDITOR_PATH") or "").strip("/")
        self.categories = []

    def _files(self):
        names = ("index.html", "config.yml", SETUP, *expected_checksums())
        return [f"{self.folder}/{name}" for name in names] if self.folder else []

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        for path in self._files():
            yield path, "editor berita (web editor)", "", 1, ""

    def generate_context(self) -> None:
        names = {
            str(article.category)
            for article in self.context.get("articles", [])
            if getattr(article, "category", None)
        }
        names.add(self.settings.get("DEFAULT_CATEGORY") or "Umum")
        self.categories = sorted(names)

    def generate_output(self, writer: Writer) -> None:
        if not self.folder:
            return
        vendored = verified_files()
        if vendored is None:
            return
        config = render_config(editor_config(self.settings, self.categories))
        writer.write_file(
            f"{self.folder}/config.yml", RAW, self.context, text=config, relative_urls=False
        )
        writer.write_file(
            f"{self.folder}/index.html",
            self.get_template("admin"),
            self.context,
            relative_urls=False,
            editor_config_url="config.yml",
            editor_script=SCRIPT,
            editor_setup_script=SETUP,
            editor_preview_style="../theme/css/style.css",
        )
        with open(os.path.join(HERE, "static", SETUP), "rb") as source:
            vendored[SETUP] = source.read()
        for name, data in vendored.items():
            target = os.path.join(self.output_path, self.folder, *name.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
