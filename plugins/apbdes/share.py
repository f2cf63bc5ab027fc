"""The shareable summary picture of one APBDes year: a 1200x630 PNG (og:image), drawn
with Pillow at build time, in the font and colours of `wartadesa.share_pictures` (the
same data gives the same picture, byte for byte, on every machine with the same Pillow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from wartadesa.rupiah import percent, rupiah_short
from wartadesa.share_pictures import (
    GREEN,
    INK,
    LINE,
    MARGIN,
    MUTED,
    SIZE,
    SOFT,
    WARN,
    WHITE,
    png_bytes,
)
from wartadesa.share_pictures import bold as _bold
from wartadesa.share_pictures import fit as _fit
from wartadesa.share_pictures import font as _font

if TYPE_CHECKING:
    from .data import Budget

__all__ = ["GREEN", "MARGIN", "SIZE", "WARN", "summary_png"]


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
    return png_bytes(image)
