"""The site logo (SITELOGO, `logo:` in situs.yml): a raster file under content/ is
published only as one small picture made like every other photo's (orientation applied,
sRGB, no metadata, content-addressed under foto/, cached, encoded by the same workers),
inside a PHOTOS_LOGO_SIZE square without cropping or upscaling, PNG when it has
transparency, else JPEG. SITELOGO then names that picture and SITELOGO_SIZE holds its
(width, height), in the settings (the JSON-LD logo, the web editor) and in the build's
context (the header). An SVG logo, the kit's own (theme/img/logo.svg) and an address
stay as they are."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from front_matter.errors import ContentError, report
from front_matter.paths import from_content, inside_content
from front_matter.pictures import note_refused

from .registry import registry_of
from .source import PhotoProblem, handled, inspect
from .variants import plan_logo

if TYPE_CHECKING:
    from .variants import Photo

ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)
LOGO_LINE = re.compile(r"^logo\s*:", re.IGNORECASE)


def logo_source(settings: Mapping[str, Any]) -> str | None:
    """SITELOGO as a path inside the content folder when it is a raster file there that
    the photos pipeline reads, else None (an SVG, the theme's logo, an address)."""
    value = str(settings.get("SITELOGO") or "").strip()
    if not value or ADDRESS.match(value) or not handled(value):
        return None
    root = os.path.abspath(settings["PATH"])
    relative = inside_content(from_content(value), root)
    if relative is None or not os.path.isfile(os.path.join(root, relative)):
        return None
    return relative


def _where(settings: Mapping[str, Any], relative: str) -> tuple[str, int]:
    """(file, line) to report a problem of the logo at: the `logo:` line of situs.yml when
    it names it, else the picture itself."""
    from identity.situs import identity_path

    path = identity_path(settings)
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if LOGO_LINE.match(line) and os.path.basename(relative) in line:
                    return str(path), number
    except (OSError, UnicodeDecodeError):
        pass
    return os.path.join(settings["PATH"], relative), 1


def prepare_logo(
    context: MutableMapping[str, Any], settings: MutableMapping[str, Any]
) -> Photo | None:
    """Plan the logo's picture (the PhotosGenerator's, made before any page is rendered)
    and point SITELOGO at it; the Photo, or None when the logo stays as it is. A logo the
    pipeline cannot read is an error at the `logo:` line (the build writes nothing; its
    original is not checked again as a file published as it is)."""
    relative = logo_source(settings)
    if relative is None:
        return None
    registry = registry_of(context, settings)
    registry.logo_source = relative  # refused or not, the original is not published
    try:
        photo = plan_logo(inspect(registry.root, relative, settings), settings)
    except PhotoProblem as problem:
        note_refused(context, problem.picture)  # privacy_guard does not report it again
        report(ContentError(*_where(settings, relative), problem.message, problem.hint))
        return None
    for message, hint in photo.source.warnings:
        report(ContentError(*_where(settings, relative), message, hint, severity="warning"))
    registry.logo = photo
    picture = photo.derivatives[0]
    for values in (settings, context):
        values["SITELOGO"] = picture.name
        values["SITELOGO_SIZE"] = (picture.width, picture.height)
    return photo
