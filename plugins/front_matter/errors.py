"""One error type for every content mistake an operator can make.

Readers and plugins raise (or `report`) a ContentError naming the file and the
line; `wartadesa.build` collects them, prints one line each and exits non-zero
without touching the published output.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from wartadesa.paths import relative_path

logger = logging.getLogger("wartadesa.content")


def display_path(path: str | os.PathLike) -> str:
    """The path relative to the working folder when inside it, else absolute."""
    path = str(path)
    if path and os.path.isabs(path):
        start = os.getcwd()
        normal = os.path.normpath(path)
        if normal != start and not normal.startswith(os.path.join(start, "")):
            return path  # outside: relpath's answer would climb out ("..")
        relative = relative_path(path, start)
        if not relative.startswith(".."):
            return relative
    return path


class ContentError(Exception):
    """A problem in an operator's content file, reported as `file:line: message`."""

    def __init__(
        self,
        path: str | os.PathLike | None,
        line: int | None,
        message: str,
        hint: str = "",
        severity: str = "error",
    ) -> None:
        super().__init__(message)
        self.path = str(path) if path else ""
        self.line = line or 1
        self.message = message
        self.hint = hint
        self.severity = severity
        # Other mistakes of the same kind in the file, told with this one (a reader that
        # stops at the first would leave them for one build each)
        self.also: list[ContentError] = []

    @property
    def location(self) -> str:
        return f"{display_path(self.path)}:{self.line}"

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


class ContentErrors(Exception):
    """Several ContentErrors found by one check; raised after collecting them all."""

    def __init__(self, errors: Sequence[ContentError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = list(errors)


def report(error: ContentError) -> ContentError:
    """Log a ContentError so the build driver counts it (without raising)."""
    level = logging.WARNING if error.severity == "warning" else logging.ERROR
    logger.log(level, "%s", error, extra={"content_error": error})
    return error


# What a check costs when it says nothing (`reports_only(cost=...)`): a small one.
DEFAULT_CHECK_COST = 10


def reports_only(check=None, *, here: bool = False, cost: float = DEFAULT_CHECK_COST):
    """Mark an `all_generators_finalized` receiver that only reads the site and reports
    (`report`, logging): the build may run it after every other receiver, in another
    process while the rest of the checks run (wartadesa/split_checks.py). `here=True`: in
    the build's own process (what it works out, such as the addresses of every page, is
    used later by the build). `cost`: about how long it takes in a full build, in
    milliseconds of one core per 1,000 articles of the benchmark's corpus (`invoke
    bench`): the build shares the checks between the two processes by it, so that
    neither waits long for the other."""

    def mark(function):
        function.reports_only = "here" if here else "anywhere"
        function.reports_cost = cost
        return function

    return mark(check) if check is not None else mark
