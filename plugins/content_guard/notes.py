"""Silence Pelican's own notes about problems our checks report with file and line.

Each filter recognises its notes by logger, level, the Pelican function that logs them and
the record's arguments, never by the message text (see duplicates.is_translation_clash
and links.is_link_note)."""

from __future__ import annotations

import logging

from .duplicates import TranslationNoteFilter
from .links import LinkNoteFilter

FILTERS = {
    "pelican.utils": TranslationNoteFilter,
    "pelican.contents": LinkNoteFilter,
    "pelican.cache": LinkNoteFilter,
}


def install(_pelican: object = None) -> None:
    """initialized: add each filter once to Pelican's loggers."""
    for name, kind in FILTERS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
