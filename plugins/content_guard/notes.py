"""Silence Pelican's own notes about problems our checks report with file and line."""

import logging

from .duplicates import TranslationNoteFilter
from .links import LinkNoteFilter

FILTERS = {
    "pelican.utils": TranslationNoteFilter,
    "pelican.contents": LinkNoteFilter,
    "pelican.cache": LinkNoteFilter,
}


def install(_pelican=None):
    """initialized: add each filter once to Pelican's loggers."""
    for name, kind in FILTERS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
