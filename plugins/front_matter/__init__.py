"""front_matter: YAML front matter (with Indonesian aliases) for Markdown content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pelican import signals

from .paths import forget_real_folders
from .reader import YamlMarkdownReader

if TYPE_CHECKING:
    from pelican.readers import Readers


def add_reader(readers: Readers) -> None:
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader


def register() -> None:
    signals.initialized.connect(forget_real_folders)
    signals.readers_init.connect(add_reader)
