"""Silence Pelican's own notes about problems our checks report with file and line.

Each filter recognises its notes by logger, level, the Pelican function that logs them and
the record's arguments, never by the message text (see duplicates.is_translation_clash,
links.is_link_note and is_empty_alt_note)."""

from __future__ import annotations

import logging

from .duplicates import TranslationNoteFilter
from .links import LinkNoteFilter


def _pelican_warning(record: logging.LogRecord, logger: str, function: str) -> bool:
    """Whether `record` is a warning Pelican's `function` logs on `logger`."""
    return (record.name, record.levelno, record.funcName) == (logger, logging.WARNING, function)


def is_empty_alt_note(record: logging.LogRecord) -> bool:
    """Pelican's English 'Empty alt attribute for image x.jpg in /abs/path.md' (the
    reader's `find_empty_alt`, no line): article_extras and photos report every body image
    with an empty alt text at its line, in Indonesian."""
    return _pelican_warning(record, "pelican.readers", "find_empty_alt")


class EmptyAltFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not is_empty_alt_note(record)


def is_empty_slug_note(record: logging.LogRecord) -> bool:
    """Pelican's English 'Unable to generate valid slug for Tag "!!!".' (no file): the
    term's page then clashes with the list of its kind, which duplicates.py reports at the
    line that names the term, saying why."""
    return _pelican_warning(record, "pelican.urlwrappers", "slug")


class EmptySlugFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not is_empty_slug_note(record)


FILTERS = {
    "pelican.utils": TranslationNoteFilter,
    "pelican.contents": LinkNoteFilter,
    "pelican.cache": LinkNoteFilter,
    "pelican.readers": EmptyAltFilter,
    "pelican.urlwrappers": EmptySlugFilter,
}


def install(_pelican: object = None) -> None:
    """initialized: add each filter once to Pelican's loggers."""
    for name, kind in FILTERS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())
