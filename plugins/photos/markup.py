"""content_object_init: the cover gets its Photo (sizes after rotation, derivatives for
<picture>, the share picture); each local body <img> becomes a <picture> with srcset,
sizes, the displayed width/height, lazy loading; problems become file:line messages.

Body addresses are written `{photo}/foto/...` and resolved like Pelican's `{static}`
(relative to each page, absolute in feeds) by wrapping the object's `_update_content`:
Pelican's own link replacement does not look inside `srcset`."""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from article_extras.images import ALT_HINT
from article_extras.site_links import join
from front_matter.errors import ContentError, report
from front_matter.paths import inside_content
from front_matter.source import body_line, line_containing, meta_line
from wartadesa.read_objects import restorable

from .registry import registry_of
from .settings import setting
from .source import PhotoProblem, cover_warning, handled
from .variants import MIME

if TYPE_CHECKING:
    from pelican.contents import Content

    from .registry import Registry
    from .variants import Derivative, Photo

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
STATIC = re.compile(r"^(?:\{static\}|\|static\||\{attach\}|\|attach\|)/?")
PLACEHOLDER = "{photo}/"


def srcset(derivatives: Iterable[Derivative], prefix: str = PLACEHOLDER) -> str:
    return ", ".join(f"{prefix}{d.name} {d.width}w" for d in derivatives)


def picture(
    photo: Photo,
    settings: Mapping[str, Any],
    attributes: Mapping[str, object],
    prefix: str = PLACEHOLDER,
    kind: str = "full",
    sizes: str | None = None,
) -> str:
    """<picture> markup of `photo` (attributes: of the <img>, already escaped)."""
    sizes = sizes or setting(settings, "PHOTOS_SIZES")
    parts = ["<picture>"]
    for fmt in photo.formats(settings):
        found = photo.of(kind, fmt)
        if found:
            parts.append(
                f'<source type="{MIME[fmt]}" srcset="{srcset(found, prefix)}" sizes="{sizes}">'
            )
    fallback = photo.fallback(kind)
    img = {
        "src": prefix + fallback.name,
        "srcset": srcset(photo.of(kind, photo.fallback_format), prefix),
        "sizes": sizes,
    }
    img.update(attributes)
    text = " ".join(f'{name}="{value}"' for name, value in img.items())
    parts.append(f"<img {text}></picture>")
    return "".join(parts)


def _resolving(content):
    """Wrap content._update_content so `{photo}/x` becomes x under the page's siteurl."""
    original = content._update_content
    settings = content.settings

    def update(text, siteurl):
        if text and PLACEHOLDER in text:
            text = re.sub(
                r"\{photo\}/([^\s\"',]+)", lambda m: join(siteurl, m.group(1), settings), text
            )
        return original(text, siteurl)

    content._update_content = update


def _relative_source(value, content):
    """'images/x.jpg' for a body src written by article_extras ({static}/images/x.jpg),
    relative to the content folder as article_extras reads it; None if not a local file
    inside the content folder (article_extras reports missing files and files outside)."""
    value = html.unescape(value)
    if not STATIC.match(value):
        return None
    root = content.settings["PATH"]
    path = inside_content(STATIC.sub("", value).split("?", 1)[0].split("#", 1)[0], root)
    if path is None or not os.path.isfile(os.path.join(root, path)):
        return None
    return path


def body_pictures(content: Content, registry: Registry, used: list) -> list[ContentError]:
    """Rewrite the body's local photos; returns ContentErrors. The photos used are added
    to `used` (their source paths)."""
    problems = []
    settings = content.settings

    def fix(match):
        tag = match.group(0)
        attributes = dict(ATTRIBUTE.findall(tag))
        relative = _relative_source(attributes.get("src", ""), content)
        if not relative or not handled(relative):
            return tag
        line = line_containing(
            content, posixpath.basename(relative), body_line(content), first=body_line(content)
        )
        try:
            photo = registry.photo(relative)
        except PhotoProblem as problem:
            if not problem.unopened:  # else article_extras reported it already
                problems.append(
                    ContentError(content.source_path, line, problem.message, problem.hint)
                )
            return tag
        registry.use(photo, content)
        used.append(relative)
        if not html.unescape(attributes.get("alt", "")).strip():
            problems.append(
                ContentError(
                    content.source_path,
                    line,
                    f"foto '{posixpath.basename(relative)}' tanpa teks alt: pembaca tunanetra dan "
                    "mesin pencari tidak tahu isinya (body image without alt text)",
                    ALT_HINT,
                )
            )
        for message, hint in photo.source.warnings:
            problems.append(
                ContentError(content.source_path, line, message, hint, severity="warning")
            )
        kept = {
            name: value
            for name, value in attributes.items()
            if name not in ("src", "srcset", "sizes", "width", "height")
        }
        fallback = photo.fallback()
        kept.update(width=fallback.width, height=fallback.height)
        kept.setdefault("loading", "lazy")
        kept.setdefault("decoding", "async")
        return picture(photo, settings, kept)

    content._content = IMG_TAG.sub(fix, content._content or "")
    return problems


def cover_photo(content: Content, registry: Registry, used: list) -> list[ContentError]:
    cover = getattr(content, "cover", None)
    if not cover or re.match(r"^[a-z][a-z0-9+.-]*:|^//", cover.url, re.I):
        return []
    if not handled(cover.url):
        return []
    line = meta_line(content, "image")
    try:
        photo = registry.photo(cover.url)
    except PhotoProblem as problem:
        content.cover = None
        return [ContentError(content.source_path, line, problem.message, problem.hint)]
    registry.use(photo, content)
    used.append(cover.url)
    cover.photo = photo
    cover.width, cover.height = photo.width, photo.height
    share = photo.share
    cover.share = (share.name, share.width, share.height)
    problems = [
        ContentError(content.source_path, line, message, hint, severity="warning")
        for message, hint in photo.source.warnings
    ]
    small = cover_warning(photo.source, content.settings)
    if small:
        problems.append(ContentError(content.source_path, line, *small, severity="warning"))
    return problems


@restorable
def prepare_photos(content: Content) -> None:
    """content_object_init (after article_extras and content_guard's cleaning)."""
    context = getattr(content, "_context", None)
    if (
        context is None
        or not hasattr(content, "_content")
        or not getattr(content, "source_path", None)
    ):
        return  # not part of a build (e.g. a content object made by a test)
    registry = registry_of(context, content.settings)
    used = []
    problems = body_pictures(content, registry, used) + cover_photo(content, registry, used)
    _resolving(content)
    content.photos_used = used  # for restore_photos
    for problem in problems:
        report(problem)


def restore_photos(content: Content) -> None:
    """content_restored (wartadesa/read_objects.py): an article or page taken as an earlier
    build made it uses its photos again, as prepare_photos had it do: each is in this
    build's registry (inspected once per build, made in the sizes of the pages) and is the
    cover's photo, and `{photo}/` addresses resolve under the page's siteurl."""
    used = getattr(content, "photos_used", None)
    if used is None:
        return
    registry = registry_of(content._context, content.settings)
    cover = getattr(content, "cover", None)
    for relative in used:
        photo = registry.photo(relative)  # a photo that fails now: the object is made again
        registry.use(photo, content)
        if (
            cover is not None
            and getattr(cover, "photo", None) is not None
            and cover.url == relative
        ):
            cover.photo = photo
    _resolving(content)
