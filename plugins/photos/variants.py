"""What one photo becomes: content-addressed derivative names and sizes, known before
anything is encoded (for the output plan and the width/height in the HTML)."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .settings import setting

if TYPE_CHECKING:
    from .source import Source

MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "avif": "image/avif"}
EXTENSION = {"jpeg": "jpg", "png": "png", "webp": "webp", "avif": "avif"}


@dataclass(frozen=True)
class Derivative:
    name: str  # path inside the output folder, e.g. "foto/musdes-1a2b3c4d5e6f-800.webp"
    kind: str  # "full", "thumb", "share", "original" or "logo"
    width: int
    height: int
    format: str  # "jpeg", "png", "webp", "avif"; "original": the source's own format

    @property
    def file(self) -> str:
        return os.path.basename(self.name)


@dataclass
class Photo:
    source: object  # Source
    derivatives: list = field(default_factory=list)

    def of(self, kind: str, format: str | None = None) -> list[Derivative]:
        return [
            d for d in self.derivatives if d.kind == kind and (format is None or d.format == format)
        ]

    @property
    def width(self) -> int:
        return self.source.width

    @property
    def height(self) -> int:
        return self.source.height

    @property
    def fallback_format(self) -> str:
        return "png" if self.source.alpha else "jpeg"

    def formats(self, settings: Mapping[str, Any]) -> list[str]:
        return [
            f for f in setting(settings, "PHOTOS_FORMATS") if f in MIME and f not in ("jpeg", "png")
        ]

    def fallback(self, kind: str = "full") -> Derivative:
        """The <img src>: the fallback closest to 800 px wide (thumbs: the largest)."""
        options = self.of(kind, self.fallback_format)
        if kind == "thumb":
            return options[-1]
        return min(options, key=lambda d: abs(d.width - 800))

    @property
    def share(self) -> Derivative:
        return self.of("share")[0]

    @property
    def original(self) -> Derivative | None:
        found = self.of("original")
        return found[0] if found else None


def stem(relative: str) -> str:
    """An ASCII file name stem: 'Foto Musdes (1).JPG' -> 'foto-musdes-1'."""
    name = os.path.splitext(os.path.basename(relative))[0]
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")[:40] or "foto"


def widths(available: int, wanted: Sequence[int]) -> list[int]:
    """`wanted` widths below the original's, plus the original's own width when it is
    smaller than the largest wanted: never upscaled, never twice the same."""
    return sorted({w for w in wanted if w < available} | {min(available, max(wanted))})


def share_size(source: Source, settings: Mapping[str, Any]) -> tuple[int, int]:
    """1200x630 (PHOTOS_SHARE_SIZE), or that aspect ratio inside a smaller photo."""
    target_w, target_h = setting(settings, "PHOTOS_SHARE_SIZE")
    scale = min(1.0, source.width / target_w, source.height / target_h)
    return max(1, round(target_w * scale)), max(1, round(target_h * scale))


def _base(source: Source, settings: Mapping[str, Any]) -> str:
    folder = str(setting(settings, "PHOTOS_OUTPUT")).strip("/")
    return f"{folder}/{stem(source.relative)}-{source.digest}"


def logo_size(source: Source, settings: Mapping[str, Any]) -> tuple[int, int]:
    """The logo's size: inside a PHOTOS_LOGO_SIZE square, aspect kept, never upscaled."""
    box = int(setting(settings, "PHOTOS_LOGO_SIZE"))
    scale = min(1.0, box / max(source.width, source.height))
    return max(1, round(source.width * scale)), max(1, round(source.height * scale))


def plan_logo(source: Source, settings: Mapping[str, Any]) -> Photo:
    """The site logo: one picture (PNG when it has transparency, else JPEG) named by its
    size (`-logo176x176.png`), so another PHOTOS_LOGO_SIZE gives another name."""
    width, height = logo_size(source, settings)
    fmt = "png" if source.alpha else "jpeg"
    name = f"{_base(source, settings)}-logo{width}x{height}.{EXTENSION[fmt]}"
    return Photo(source, [Derivative(name, "logo", width, height, fmt)])


def plan(source: Source, settings: Mapping[str, Any]) -> Photo:
    base = _base(source, settings)
    fallback = "png" if source.alpha else "jpeg"
    formats = [
        f for f in setting(settings, "PHOTOS_FORMATS") if f in MIME and f not in ("jpeg", "png")
    ] + [fallback]
    photo = Photo(source)
    largest_fallback = int(setting(settings, "PHOTOS_FALLBACK_MAX_WIDTH"))

    def add(kind, prefix, sizes):
        # The JPEG/PNG fallback (browsers without WebP/AVIF) only up to largest_fallback.
        fallback_sizes = [s for s in sizes if s[0] <= largest_fallback] or sizes[:1]
        for fmt in formats:
            for width, height in fallback_sizes if fmt == fallback else sizes:
                photo.derivatives.append(
                    Derivative(f"{base}-{prefix}{width}.{EXTENSION[fmt]}", kind, width, height, fmt)
                )

    add(
        "full",
        "",
        [
            (w, max(1, round(source.height * w / source.width)))
            for w in widths(source.width, setting(settings, "PHOTOS_WIDTHS"))
        ],
    )
    add(
        "thumb",
        "k",
        [
            (w, w)
            for w in widths(
                min(source.width, source.height), setting(settings, "PHOTOS_THUMB_WIDTHS")
            )
        ],
    )
    share_w, share_h = share_size(source, settings)
    photo.derivatives.append(Derivative(f"{base}-og.jpg", "share", share_w, share_h, "jpeg"))
    if setting(settings, "PHOTOS_PUBLISH_ORIGINALS"):
        extension = os.path.splitext(source.relative)[1].lower()
        photo.derivatives.append(
            Derivative(
                f"{base}-asli{extension}", "original", source.width, source.height, "original"
            )
        )
    return photo
