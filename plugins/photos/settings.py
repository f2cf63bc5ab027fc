"""The photos plugin's settings, their defaults (also in wartadesa/defaults.py) and the
fingerprint of those that change a derivative's pixels or bytes."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from typing import Any

DEFAULTS = {
    # Widths (px) of the article/page pictures; never wider than the original.
    "PHOTOS_WIDTHS": [480, 800, 1200, 1600],
    # Square card thumbnails on lists (6.5rem on a phone, 9rem from 40rem, at 2x).
    "PHOTOS_THUMB_WIDTHS": [208, 288],
    # Modern formats offered through <picture> before the JPEG/PNG fallback: "webp", "avif".
    "PHOTOS_FORMATS": ["webp"],
    # The JPEG/PNG fallback is made only up to this width (every browser of the last
    # years takes the WebP; the fallback is for the few that do not).
    "PHOTOS_FALLBACK_MAX_WIDTH": 800,
    "PHOTOS_QUALITY": {"jpeg": 78, "webp": 72, "avif": 55},
    # og:image / JSON-LD image: a JPEG of this size, at most PHOTOS_SHARE_MAX_KB.
    "PHOTOS_SHARE_SIZE": [1200, 630],
    "PHOTOS_SHARE_MAX_KB": 300,
    # Where the derivatives are published, inside the output folder.
    "PHOTOS_OUTPUT": "foto",
    # Cache of encoded derivatives between builds; relative: beside the content folder.
    "PHOTOS_CACHE": "cache/photos",
    # Processes encoding at once (0: one per CPU core).
    "PHOTOS_WORKERS": 0,
    # The site logo (SITELOGO, a raster file under content/): published as one picture of
    # at most this many pixels on its longer side (4x the theme's 44 px header logo; search
    # engines want at least 112 px). Not a pixel setting: the size is in the file's name.
    "PHOTOS_LOGO_SIZE": 176,
    # True: the original is published too (without GPS and other metadata).
    "PHOTOS_PUBLISH_ORIGINALS": False,
    # Warnings for the operator.
    "PHOTOS_LARGE_MB": 8,
    "PHOTOS_LARGE_PX": 6000,
    "PHOTOS_COVER_MIN_WIDTH": 480,
    # The `sizes` attributes, matching the theme's layout (style.css: .wrap, .card__img).
    "PHOTOS_SIZES": "(min-width: 46rem) 44rem, calc(100vw - 2rem)",
    "PHOTOS_THUMB_SIZES": "(min-width: 40rem) 9rem, 6.5rem",
}
# Bump when the encoder changes what it writes for the same settings.
ENCODER_VERSION = 2
PIXEL_SETTINGS = (
    "PHOTOS_WIDTHS",
    "PHOTOS_THUMB_WIDTHS",
    "PHOTOS_FORMATS",
    "PHOTOS_QUALITY",
    "PHOTOS_FALLBACK_MAX_WIDTH",
    "PHOTOS_SHARE_SIZE",
    "PHOTOS_SHARE_MAX_KB",
    "PHOTOS_PUBLISH_ORIGINALS",
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    value = settings.get(name)
    return DEFAULTS[name] if value is None else value


def fingerprint(settings: Mapping[str, Any]) -> bytes:
    """Bytes that change whenever a setting changes what a derivative contains."""
    from PIL import __version__ as pillow

    values = {name: setting(settings, name) for name in PIXEL_SETTINGS}
    values.update(encoder=ENCODER_VERSION, pillow=pillow)
    return json.dumps(values, sort_keys=True).encode()


def digest(data: bytes, settings: Mapping[str, Any]) -> str:
    return hashlib.sha256(data + b"\0" + fingerprint(settings)).hexdigest()[:12]


def cache_folder(settings: Mapping[str, Any]) -> str:
    folder = str(setting(settings, "PHOTOS_CACHE"))
    if os.path.isabs(folder):
        return folder
    return os.path.join(os.path.dirname(os.path.abspath(settings["PATH"])), folder)


def workers(settings: Mapping[str, Any]) -> int:
    count = int(setting(settings, "PHOTOS_WORKERS") or 0)
    return count if count > 0 else (os.cpu_count() or 1)
