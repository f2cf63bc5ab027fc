"""The shareable summary picture of one APBDes year: a 1200x630 PNG (og:image), drawn
with Pillow at build time.

The font is Pillow's own built-in one (`ImageFont.load_default(size)`, Aileron, drawn
with the basic layout engine): it exists wherever Pillow is installed (a fresh Debian
image, a village's GitHub Actions runner) without any system font package, so the same
data gives the same picture, byte for byte, on every machine with the same Pillow.
The PNG carries no metadata (no date, no software name)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from wartadesa.rupiah import percent, rupiah_short

if TYPE_CHECKING:
    from .data import Budget

SIZE = (1200, 630)
GREEN = (21, 100, 60)  # the theme's --accent / --head-bg
INK = (28, 36, 32)  # --fg
MUTED = (84, 94, 88)  # --muted
LINE = (217, 225, 219)  # --line
SOFT = (241, 245, 242)  # --soft
WHITE = (255, 255, 255)
WARN = (163, 46, 24)
MARGIN = 60


def _font(size):
    return ImageFont.load_default(size=size)


def _fit(draw, text, size, width):
    """The biggest font (not above `size`) that fits `text` into `width`, and the text
    (shortened with '...' when even 60% of the size does not fit)."""
    for step in range(size, int(size * 0.6) - 1, -2):
        font = _font(step)
        if draw.textlength(text, font=font) <= width:
            return font, text
    font = _font(int(size * 0.6))
    while text and draw.textlength(text + "...", font=font) > width:
        text = text[:-1]
    return font, text.rstrip() + "..."


def _bold(draw, xy, text, font, fill):
    draw.text(xy, text, font=font, fill=fill, stroke_width=1, stroke_fill=fill)


def summary_png(budget: Budget, site_name: str, place: str = "") -> bytes:
    """The PNG bytes of `budget`'s summary; `place` names the village on a portal."""
    image = Image.new("RGB", SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    # Header band: the site, then the title.
    draw.rectangle((0, 0, SIZE[0], 150), fill=GREEN)
    font, text = _fit(draw, place or site_name, 34, width)
    draw.text((MARGIN, 28), text, font=font, fill=WHITE)
    _bold(draw, (MARGIN, 78), f"APBDes {budget.year}", _font(48), WHITE)

    rows = [
        ("Pendapatan", budget.pendapatan.anggaran, budget.pendapatan.realisasi),
        ("Belanja", budget.belanja.anggaran, budget.belanja.realisasi),
    ]
    y = 185
    for label, anggaran, realisasi in rows:
        draw.text((MARGIN, y), label, font=_font(30), fill=MUTED)
        _bold(
            draw, (MARGIN + 250, y - 6), rupiah_short(anggaran).replace("\xa0", " "), _font(44), INK
        )
        if realisasi is not None:
            share = percent(realisasi, anggaran)
            draw.text((MARGIN + 640, y), f"realisasi {share}", font=_font(30), fill=INK)
            # The realisasi bar: its filled length is the share of the anggaran.
            top = y + 52
            draw.rectangle((MARGIN, top, MARGIN + width, top + 16), fill=SOFT, outline=LINE)
            filled = min(realisasi / anggaran, 1) if anggaran else 0
            if filled:
                draw.rectangle((MARGIN, top, MARGIN + round(width * filled), top + 16), fill=GREEN)
        y += 110
    surplus = budget.surplus
    word = "Surplus" if surplus >= 0 else "Defisit"
    draw.text((MARGIN, y), word, font=_font(30), fill=MUTED)
    _bold(
        draw, (MARGIN + 250, y - 6), rupiah_short(abs(surplus)).replace("\xa0", " "), _font(44), INK
    )

    # Footer: the example notice, or the site name.
    if budget.contoh:
        draw.rectangle((0, SIZE[1] - 70, SIZE[0], SIZE[1]), fill=WARN)
        draw.text(
            (MARGIN, SIZE[1] - 56),
            "DATA CONTOH - bukan angka sebenarnya",
            font=_font(34),
            fill=WHITE,
        )
    else:
        draw.line((MARGIN, SIZE[1] - 70, SIZE[0] - MARGIN, SIZE[1] - 70), fill=LINE, width=2)
        font, text = _fit(draw, site_name, 28, width)
        draw.text((MARGIN, SIZE[1] - 54), text, font=font, fill=MUTED)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
