"""A mistake in a template (most often a village's own, in `overrides/templates/`) as one
operator line naming the file and the line, like a mistake in a content file.

Jinja tells where a syntax error is. Any other mistake shows only when a page is rendered
(a value whose name is misspelt, `{% include %}` of a file that does not exist, `{{ SITENAME
+ 1 }}`, a file not saved as UTF-8): Jinja's traceback then holds the template's own frame,
with its file and line, which is what the operator is told. An error raised inside the
kit's Python code (a plugin's filter) is not a template mistake: the innermost frame is
Python's, and the build reports it as before.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

import jinja2

from front_matter.errors import ContentError

HINT = (
    "perbaiki baris itu (setiap {% if %}, {% for %} dan {% block %} perlu penutupnya, "
    "{{ ... }} perlu nama nilai), atau hapus berkas itu dari overrides/templates/ untuk "
    "memakai templat bawaan tema"
)
_OWN = "atau hapus berkas itu dari overrides/templates/ untuk memakai templat bawaan tema"
_KIT_THEME = Path(__file__).resolve().parents[1] / "theme"


def template_problem(error: BaseException) -> ContentError | None:
    """The ContentError of a template Jinja could not read or render, or None for any other
    error."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = error.filename or error.name or ""
        message = f"templat tidak bisa dibaca (template syntax error): {error.message}"
        return ContentError(where, error.lineno, message, HINT)
    if isinstance(error, UnicodeDecodeError):
        source = _template_being_loaded(error)
        if source is None:
            return None
        return ContentError(
            source,
            1,
            "templat bukan teks UTF-8 (template is not UTF-8)",
            f"simpan berkas itu sebagai UTF-8 (di Notepad: Simpan Sebagai, Encoding UTF-8), {_OWN}",
        )
    frames = traceback.extract_tb(error.__traceback__)
    templates = [f for f in frames if _is_template(f.filename)]
    if not templates:
        return None
    if not isinstance(error, jinja2.TemplateError) and not _is_template(frames[-1].filename):
        return None  # raised in Python code a template called: not the template's mistake
    frame = templates[-1]
    own = _own_template(frame.filename)
    if isinstance(error, jinja2.TemplateNotFound):
        message = f"templat {error.name!r} tidak ditemukan (template not found)"
        hint = (
            "periksa nama berkas di {% include %} atau {% extends %} baris itu: berkasnya harus "
            "ada di overrides/templates/ atau di templat bawaan tema"
        )
    elif isinstance(error, jinja2.UndefinedError):
        message = f"nilai tidak dikenal di templat (undefined value): {error.message}"
        hint = (
            "periksa ejaan nama nilai di baris itu (nilai yang tersedia: README bagian Templates)"
        )
    else:
        message = f"templat gagal dipakai (template error): {type(error).__name__}: {error}"
        hint = "periksa baris itu"
    if own:
        kit = _kit_copy(frame.filename)
        if kit and isinstance(error, jinja2.UndefinedError):  # an old copy of the kit's
            hint += (
                f"; bila berkas ini salinan templat kit yang lebih lama, nilai yang diterimanya "
                f"mungkin sudah berubah: bandingkan dengan {kit} versi kit sekarang"
            )
        hint = f"{hint}, {_OWN}"
    return ContentError(frame.filename, frame.lineno, message, hint)


def _kit_copy(filename: str) -> str:
    """The kit theme's template of the same name as the site's own `filename`
    (`overrides/templates/partials/share.html` -> `theme/templates/partials/share.html`),
    or "" when the kit has none."""
    parts = Path(filename).parts
    if "templates" not in parts:
        return ""
    start = len(parts) - parts[::-1].index("templates")
    name = Path(*parts[start:]) if parts[start:] else None
    if name is None or not (_KIT_THEME / "templates" / name).is_file():
        return ""
    return f"theme/templates/{name.as_posix()}"


def _is_template(filename: str) -> bool:
    """Whether a traceback frame is a template's (Jinja names it by the template's file)."""
    return not filename.endswith(".py") and os.path.isfile(filename)


def _own_template(filename: str) -> bool:
    """Whether a template file is the site's own, not the kit theme's."""
    return not Path(filename).resolve().is_relative_to(_KIT_THEME)


def _template_being_loaded(error: BaseException) -> str | None:
    """The file a Jinja loader was reading when `error` was raised, or None."""
    tb = error.__traceback__
    found = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if os.path.basename(os.path.dirname(code.co_filename)) == "jinja2":
            filename = tb.tb_frame.f_locals.get("filename")
            if isinstance(filename, str) and os.path.isfile(filename):
                found = filename
        tb = tb.tb_next
    return found
