"""Add our Markdown extension to the MARKDOWN setting before any reader is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .markdown_ext import NAME as EXTENSION

if TYPE_CHECKING:
    from pelican import Pelican


def add_markdown_extension(pelican: Pelican) -> None:
    """initialized: Pelican's Markdown readers load every key of extension_configs."""
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    markdown.setdefault("extension_configs", {}).setdefault(EXTENSION, {})
    extensions = markdown.setdefault("extensions", [])
    if EXTENSION not in extensions:
        extensions.append(EXTENSION)
