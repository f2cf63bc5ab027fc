"""Add our Markdown extension to the MARKDOWN setting before any reader is made."""

from .markdown_ext import NAME as EXTENSION


def add_markdown_extension(pelican):
    """initialized: Pelican's Markdown readers load every key of extension_configs."""
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    markdown.setdefault("extension_configs", {}).setdefault(EXTENSION, {})
    extensions = markdown.setdefault("extensions", [])
    if EXTENSION not in extensions:
        extensions.append(EXTENSION)
