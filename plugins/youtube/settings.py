"""Add our Markdown extension to the MARKDOWN setting before any reader is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from front_matter.reader import add_markdown_extension as add_extension

from .markdown_ext import NAME as EXTENSION

if TYPE_CHECKING:
    from pelican import Pelican


def add_markdown_extension(pelican: Pelican) -> None:
    """initialized: into MARKDOWN, for every reader."""
    add_extension(pelican.settings, EXTENSION)
