"""One original photo under content/: read once (content hash, size after the EXIF
orientation, transparency), with the operator's problems found before any encoding."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PIL import UnidentifiedImageError

from article_extras.images import HEIC_HINT, heic_renamed
from front_matter.paths import OUTSIDE_HINT, inside_content
from front_matter.pictures import TooManyPixels, open_picture

from .settings import digest, setting

# .jfif, .jpe: JPEGs as Windows saves them (WhatsApp Web, Chrome downloads).
RASTER = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif"}
HEIC = {".heic", ".heif"}
ORIENTATION = 0x0112
BROKEN_HINT = "buka foto di ponsel atau komputer lalu simpan ulang atau salin ulang sebagai JPG"


class PhotoProblem(Exception):
    """`unopened`: Pillow could not even open the file (article_extras, which measures
    every image first, has reported it already)."""

    def __init__(
        self, message: str, hint: str = "", unopened: bool = False, picture: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.unopened = unopened
        self.picture = picture  # the path of a picture of too many pixels


@dataclass
class Source:
    relative: str  # inside the content folder, e.g. "images/musdes.jpg"
    path: str
    digest: str  # of the bytes and the settings that shape the derivatives
    width: int  # as displayed: after the EXIF orientation
    height: int
    alpha: bool
    bytes: int
    format: str
    warnings: list = field(default_factory=list)


def handled(relative: str) -> bool:
    return os.path.splitext(relative)[1].lower() in RASTER | HEIC


def _complete(data, kind):
    """False when the file ends before its image does (a copy cut short)."""
    if kind == "JPEG":
        return b"\xff\xd9" in data[-4096:]
    if kind == "PNG":
        return data.rstrip(b"\0")[-8:-4] == b"IEND"
    return True


def inspect(root: str, relative: str, settings: Mapping[str, Any]) -> Source:
    """The Source of `relative` (under `root`), or PhotoProblem; a path that leads outside
    `root` (`..`, a symbolic link) is refused before anything is opened."""
    name = os.path.basename(relative)
    if inside_content(relative, root) is None:
        raise PhotoProblem(
            f"foto '{relative}' harus berada di dalam folder content/ (photo outside the "
            "content folder: it is never read or published)",
            OUTSIDE_HINT,
        )
    path = os.path.join(root, relative)
    extension = os.path.splitext(relative)[1].lower()
    if extension in HEIC:
        try:
            import pillow_heif  # noqa: F401
        except ImportError:
            raise PhotoProblem(
                f"foto '{name}' berformat HEIC (foto iPhone) yang belum bisa "
                "diolah (HEIC photo, no decoder installed)",
                HEIC_HINT,
                unopened=True,
            ) from None
        pillow_heif.register_heif_opener()
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as why:
        raise PhotoProblem(
            f"foto '{name}' tidak bisa dibuka ({why.strerror})", BROKEN_HINT, unopened=True
        ) from None
    opened = False
    try:
        with open_picture(path) as image:
            opened = True
            kind = image.format or ""
            width, height = image.size
            exif = image.getexif()
            if exif.get(ORIENTATION) in (5, 6, 7, 8):
                width, height = height, width
            alpha = image.mode in ("RGBA", "LA", "PA") or (
                image.mode == "P" and "transparency" in image.info
            )
            if not _complete(data, kind):
                raise OSError("truncated")
            if kind not in ("JPEG", "PNG"):
                image.load()
    except TooManyPixels as why:
        raise PhotoProblem(why.message, why.hint, unopened=True, picture=why.path) from None
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as why:
        heic = not opened and heic_renamed(path, data[:12])
        if heic:
            raise PhotoProblem(heic, HEIC_HINT, unopened=True) from None
        cut = "truncated" in str(why)
        raise PhotoProblem(
            f"foto '{name}' "
            + (
                "terpotong, berkasnya tidak lengkap (truncated image file)"
                if cut
                else "tidak bisa dibaca sebagai gambar (cannot read image)"
            ),
            BROKEN_HINT,
            unopened=not opened,
        ) from None
    source = Source(relative, path, digest(data, settings), width, height, alpha, len(data), kind)
    megabytes = len(data) / 1e6
    if megabytes > float(setting(settings, "PHOTOS_LARGE_MB")) or max(width, height) > int(
        setting(settings, "PHOTOS_LARGE_PX")
    ):
        source.warnings.append(
            (
                f"foto '{name}' sangat besar ({megabytes:.1f} MB, {width}x{height} piksel): situs "
                "tetap mengecilkannya, tetapi repositori jadi berat (very large original)",
                "kecilkan dulu, misalnya sisi terpanjang 3000 piksel, atau kirim lewat WhatsApp lalu "
                "simpan hasilnya",
            )
        )
    return source


def cover_warning(source: Source, settings: Mapping[str, Any]) -> tuple[str, str] | None:
    """A warning (message, hint) when `source` is too small to be a cover, else None."""
    smallest = int(setting(settings, "PHOTOS_COVER_MIN_WIDTH"))
    if source.width >= smallest:
        return None
    return (
        f"foto sampul '{os.path.basename(source.relative)}' kecil ({source.width}x"
        f"{source.height} piksel): akan tampak buram (cover image too small)",
        f"pakai foto yang lebarnya paling sedikit {smallest} piksel",
    )
