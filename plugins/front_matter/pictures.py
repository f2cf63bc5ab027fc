"""Opening a picture from content/ with Pillow, for every plugin that reads one.

A few kilobytes of PNG can claim 15000x15000 pixels (a decompression bomb): decoding it
takes gigabytes. Pillow refuses such a picture with an English DecompressionBombError (over
twice Image.MAX_IMAGE_PIXELS, about 179 million pixels) and only warns between once and
twice that limit. Over twice the limit is the content problem TooManyPixels, with its
Indonesian message and fix, raised before any pixel is decoded; between once and twice
(a 108- or 150-megapixel phone photo) the picture is opened as usual (JPEG photos are
decoded at a reduced size by the photos plugin; its "sangat besar" warning still applies)."""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import MutableMapping
from typing import Any

from PIL import Image

LONG_SIDE = 3000  # what the fix suggests: the photos plugin never publishes more
REFUSED = "PICTURES_REFUSED"  # context key: pictures reported at a content line this build


class TooManyPixels(Exception):
    """Not a ValueError: the callers that take a ValueError for "not a picture" must not
    take this one for it."""

    def __init__(self, path: str | os.PathLike, pixels: int) -> None:
        self.path = os.fspath(path)
        name = os.path.basename(path)
        limit = refused_above()
        self.message = (
            f"gambar '{name}' terlalu besar dalam piksel ({pixels / 1e6:.0f} juta piksel, "
            f"batasnya {limit / 1e6:.0f} juta): mengolahnya menghabiskan memori komputer "
            "(image has too many pixels, a possible decompression bomb)"
        )
        self.hint = (
            f"perkecil gambarnya, misalnya sisi terpanjang paling banyak {LONG_SIDE} piksel, "
            "lalu simpan ulang sebagai JPG atau PNG"
        )
        super().__init__(self.message)


def refused_above() -> int:
    """The pixel count above which a picture is refused: Pillow's own error threshold."""
    return 2 * (Image.MAX_IMAGE_PIXELS or 0)


def open_picture(path: str | os.PathLike) -> Image.Image:
    """Image.open(path), or TooManyPixels when the picture claims more pixels than twice
    Image.MAX_IMAGE_PIXELS (other problems raise as Image.open raises them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except Image.DecompressionBombError as why:
            found = re.search(r"\((\d+) pixels\)", str(why))
            raise TooManyPixels(path, int(found[1]) if found else 0) from None
    limit = refused_above()
    if limit and image.width * image.height > limit:
        image.close()
        raise TooManyPixels(path, image.width * image.height)
    return image


def note_refused(context: MutableMapping[str, Any] | None, path: str | None) -> None:
    """Remember in the build's `context` that the picture at `path` was refused with the
    line of the content naming it (privacy_guard then does not report it again)."""
    if context is not None and path:
        context.setdefault(REFUSED, set()).add(os.path.realpath(path))


def refused_before(context: MutableMapping[str, Any] | None, path: str) -> bool:
    return context is not None and os.path.realpath(path) in context.get(REFUSED, ())
