"""What the kit's share pictures (og:image, 1200x630 PNG drawn with Pillow at build time)
have in common: the size, the theme's colours, the font and the PNG without metadata.

The font is Pillow's own built-in one (`ImageFont.load_default(size)`, Aileron, drawn
with the basic layout engine): it exists wherever Pillow is installed (a fresh Debian
image, a village's GitHub Actions runner) without any system font package, so the same
text gives the same picture, byte for byte, on every machine with the same Pillow.
Used by the APBDes summary (plugins/apbdes/share.py) and the site's own picture
(plugins/identity/share_picture.py)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
GREEN = (21, 100, 60)  # the theme's --accent / --head-bg
INK = (28, 36, 32)  # --fg
MUTED = (84, 94, 88)  # --muted
LINE = (217, 225, 219)  # --line
SOFT = (241, 245, 242)  # --soft
WHITE = (255, 255, 255)
WARN = (163, 46, 24)
MARGIN = 60


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def fit(draw: ImageDraw.ImageDraw, text: str, size: int, width: int):
    """The biggest font (not above `size`) that fits `text` into `width`, and the text
    (shortened with '...' when even 60% of the size does not fit)."""
    for step in range(size, int(size * 0.6) - 1, -2):
        chosen = font(step)
        if draw.textlength(text, font=chosen) <= width:
            return chosen, text
    chosen = font(int(size * 0.6))
    while text and draw.textlength(text + "...", font=chosen) > width:
        text = text[:-1]
    return chosen, text.rstrip() + "..."


def lines_of(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, most: int):
    """(font, lines): `text` in at most `most` lines of `width`, at the biggest size (not
    above `size`, not below 60% of it) where its words fit; the last line shortened with
    '...' when even that is not enough."""
    words = text.split()
    for step in range(size, int(size * 0.6) - 1, -2):
        chosen, lines = font(step), [""]
        for word in words:
            joined = f"{lines[-1]} {word}".strip()
            if draw.textlength(joined, font=chosen) <= width:
                lines[-1] = joined
            else:
                lines.append(word)
        if len(lines) <= most and all(draw.textlength(li, font=chosen) <= width for li in lines):
            return chosen, lines
    chosen, first = fit(draw, text, int(size * 0.6), width)
    return chosen, [first]


def bold(draw: ImageDraw.ImageDraw, xy, text: str, chosen, fill) -> None:
    draw.text(xy, text, font=chosen, fill=fill, stroke_width=1, stroke_fill=fill)


def png_bytes(image: Image.Image) -> bytes:
    """The picture as PNG, without metadata (no date, no software name)."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
