"""front_matter: YAML front matter (with Indonesian aliases) for Markdown content."""

from pelican import signals

from .reader import YamlMarkdownReader


def add_reader(readers):
    for extension in YamlMarkdownReader.file_extensions:
        readers.reader_classes[extension] = YamlMarkdownReader


def register():
    signals.readers_init.connect(add_reader)
