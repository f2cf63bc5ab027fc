"""A mistake in a template (most often a village's own, in `overrides/templates/`) as one
operator line naming the file and the line, like a mistake in a content file."""

from __future__ import annotations

import jinja2

from front_matter.errors import ContentError

HINT = (
    "perbaiki baris itu (setiap {% if %}, {% for %} dan {% block %} perlu penutupnya, "
    "{{ ... }} perlu nama nilai), atau hapus berkas itu dari overrides/templates/ untuk "
    "memakai templat bawaan tema"
)


def template_problem(error: BaseException) -> ContentError | None:
    """The ContentError of a template Jinja could not read, or None for any other error."""
    if not isinstance(error, jinja2.TemplateSyntaxError):
        return None
    where = error.filename or error.name or ""
    message = f"templat tidak bisa dibaca (template syntax error): {error.message}"
    return ContentError(where, error.lineno, message, HINT)
