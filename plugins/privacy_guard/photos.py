"""Photos that carry the GPS position where they were taken (EXIF), read with Pillow.

A phone photo of a resident at home publishes where that resident lives. Until the
image pipeline strips metadata from every published image, such photos are refused.
"""

from __future__ import annotations

import re

from PIL import UnidentifiedImageError

from front_matter.pictures import open_picture

EXTENSIONS = {
    ".jpg",
    ".jpeg",
    ".jpe",
    ".jfif",  # WhatsApp Web saves photos so
    ".png",
    ".webp",
    ".tif",
    ".tiff",
    ".heic",  # iPhone
    ".heif",
    ".avif",
}
GPS_IFD = 0x8825
# GPSLatitude, GPSLongitude (and their reference letters): a position, not just a GPS clock.
POSITION_TAGS = {1, 2, 3, 4}
# The same position in XMP (Lightroom, Google Photos exports keep it only there).
XMP_POSITION = re.compile(rb"GPS(?:Latitude|Longitude)\b(?!Ref)")


def has_gps(path: str) -> bool:
    """True when the image's EXIF or XMP holds a GPS latitude or longitude; TooManyPixels
    (front_matter.pictures) for a picture of too many pixels to open."""
    try:
        with open_picture(path) as image:
            exif = image.getexif()
            if not exif and image.format == "PNG":
                image.load()  # a PNG may keep its eXIf chunk after the image data
                exif = image.getexif()
            gps = exif.get_ifd(GPS_IFD) if exif else {}
            xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        return False  # not an image Pillow reads: other checks report broken images
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return any(tag in gps for tag in POSITION_TAGS) or bool(XMP_POSITION.search(xmp))
