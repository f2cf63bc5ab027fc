"""No full identity number in any log line, whoever writes it.

Other checks quote what they found (a date that is not a date, HTML they removed), and
Pelican names files; any of these may hold a NIK. A filter on every handler of the root
logger (the build's collector, the console) masks every number with the shape of a NIK or
KK (province code and date: the wider, labelled test) in the message and in a reported
ContentError, before anything is shown.
"""

from __future__ import annotations

import logging

from . import identity


def _mask(text):
    if not text or not identity.SIXTEEN.search(text):
        return text
    parts, last = [], 0
    for start, end, digits in identity.candidates(text):
        if start < last or not identity.structure(digits, labelled=True):
            continue
        parts += [text[last:start], identity.mask(digits)]
        last = end
    return "".join(parts) + text[last:] if parts else text


class MaskIdentityNumbers(logging.Filter):
    """Rewrites a record whose text holds an identity number; lets every record through."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = getattr(record, "content_error", None)
        if error is not None:
            error.message = _mask(error.message)
            error.hint = _mask(error.hint)
            error.path = _mask(error.path)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = _mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            exception = record.exc_info[1]
            text = str(exception)
            if _mask(text) != text:
                # The traceback would repeat the number: keep the (masked) message only.
                record.msg = f"{record.msg} ({type(exception).__name__}: {_mask(text)})"
                record.exc_info = record.exc_text = None
        return True


def install(_pelican: object = None) -> None:
    """initialized: one filter on each handler of the root logger (added once)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, MaskIdentityNumbers) for f in handler.filters):
            handler.addFilter(MaskIdentityNumbers())
