"""Encoding: one job per original (decoded once, at a reduced JPEG scale when it can),
all its missing derivatives written into the cache. Jobs run in worker processes.

Every published file is a new image made from the pixels only: the EXIF orientation is
applied to the pixels, colours are converted to sRGB, and nothing of the original's
metadata (EXIF, GPS, XMP, maker notes, thumbnails, ICC profile, comments) is written."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from PIL import Image, ImageCms, ImageOps

from front_matter.pictures import open_picture

# Derivatives encoded by this process's builds (tests count them: a rebuild adds none).
ENCODED = []
SAVE = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "avif": "AVIF"}
_SRGB = None


def _srgb():
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.createProfile("sRGB")
    return _SRGB


def _to_srgb(image):
    """RGB(A) pixels in sRGB: an embedded ICC profile (e.g. a CMYK print profile) is
    applied, then dropped."""
    icc = image.info.get("icc_profile")
    alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    target = "RGBA" if alpha else "RGB"
    if icc and image.mode in ("RGB", "CMYK", "L"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, profile, _srgb(), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    if image.mode != target:
        image = image.convert(target)
    return image


def _clean(image):
    """The same pixels in a new image without any metadata."""
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    clean.info = {}
    return clean


def _encode(image, kind, quality, max_bytes=None):
    buffer = io.BytesIO()
    if kind == "jpeg":
        if image.mode != "RGB":
            background = Image.new("RGB", image.size, (255, 255, 255))
            background.paste(image, mask=image.getchannel("A") if "A" in image.mode else None)
            image = background
        for q in range(quality, 29, -8):
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=q, optimize=True, progressive=True)
            if not max_bytes or buffer.tell() <= max_bytes:
                break
    elif kind == "png":
        image.save(buffer, "PNG", optimize=True)
    elif kind == "webp":
        image.save(buffer, "WEBP", quality=quality, method=4)
    elif kind == "avif":
        image.save(buffer, "AVIF", quality=quality, speed=8)
    return buffer.getvalue()


def _write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, os.path.join(folder, name))


def _original(image, source_format):
    buffer = io.BytesIO()
    if source_format == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=92, optimize=True)
    elif source_format in ("PNG", "WEBP"):
        image.save(buffer, source_format, **({"lossless": True} if source_format == "WEBP" else {}))
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def _working(image, jobs):
    """`image` made once as small as the most demanding derivative allows (a 12 MP photo
    is resized once, not once per derivative)."""
    width, height = image.size
    scale = 0.0
    for _file, kind, w, h, _fmt in jobs:
        if kind == "original":
            return image
        if kind in ("full", "logo"):  # scaled whole
            scale = max(scale, w / width)
        else:  # cropped to fill w x h
            scale = max(scale, w / width, h / height)
    if scale >= 0.9:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode_source(
    path: str,
    jobs: Sequence[tuple[str, str, int, int, str]],
    folder: str,
    settings: Mapping[str, Any],
) -> list[str]:
    """Write the derivatives `jobs` (Derivative-like tuples: file, kind, width, height,
    format) of the photo at `path` into the cache `folder`. Returns the files written."""
    quality = settings["quality"]
    with open_picture(path) as opened:
        source_format = opened.format
        largest = max(max(job[2], job[3]) for job in jobs)
        if opened.format == "JPEG" and all(job[1] != "original" for job in jobs):
            # Decode at 1/2, 1/4 or 1/8 scale when that still covers the largest derivative.
            opened.draft(opened.mode, (largest, largest))
        image = ImageOps.exif_transpose(opened)
        image = _to_srgb(image)
    image = _working(image, jobs)
    written = []
    for file, kind, width, height, fmt in jobs:
        if kind == "original":
            data = _original(_clean(image), source_format)
        else:
            if kind in ("full", "logo"):
                derivative = (
                    image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
                    if image.size != (width, height)
                    else image
                )
            else:  # a square thumbnail or the 1.9:1 share picture: cropped to fill
                derivative = ImageOps.fit(
                    image, (width, height), Image.Resampling.LANCZOS, centering=(0.5, 0.4)
                )
            max_bytes = settings["share_max"] if kind == "share" else None
            data = _encode(_clean(derivative), fmt, int(quality.get(fmt, 80)), max_bytes)
        _write(folder, file, data)
        written.append(file)
    return written


def run(
    work: Sequence[tuple[str, Sequence[tuple[str, str, int, int, str]]]],
    folder: str,
    settings: Mapping[str, Any],
    workers: int,
) -> list[tuple[str, Exception | None]]:
    """Encode `work` ([(path, jobs)]) with up to `workers` processes; returns
    [(path, error or None)]."""
    results = []
    ENCODED.extend(job[0] for _, jobs in work for job in jobs)
    if workers > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(work))) as pool:
            futures = [
                (path, pool.submit(encode_source, path, jobs, folder, settings))
                for path, jobs in work
            ]
            for path, future in futures:
                try:
                    future.result()
                    results.append((path, None))
                except Exception as error:  # noqa: BLE001 - reported as a file problem
                    results.append((path, error))
    else:
        for path, jobs in work:
            try:
                encode_source(path, jobs, folder, settings)
                results.append((path, None))
            except Exception as error:  # noqa: BLE001
                results.append((path, error))
    return results
