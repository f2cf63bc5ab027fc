"""Geometry of a horizontal bar chart, drawn as inline SVG by the theme's
partials/apbdes_chart.html (numbers only here; every text is escaped by the template).

Each line of a section gets its label, then an anggaran bar and, when the year has
realisasi, a realisasi bar below it; a bar's length is proportional to its amount
(one scale for the whole chart: the biggest amount gets MAX_BAR units)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wartadesa.rupiah import percent, rupiah_short

if TYPE_CHECKING:
    from .data import Item

WIDTH = 360  # viewBox units; the CSS caps the drawn width so text stays readable
MAX_BAR = 235  # the longest bar; the rest of the row holds its short amount (and %)
LABEL_SIZE = 14
LINE_GAP = 17  # between two label lines
BAR = 12
BAR_GAP = 3
ROW_GAP = 14
LEGEND = 26
LABEL_CHARS = 40


@dataclass
class Bar:
    kind: str  # "anggaran" or "realisasi"
    y: float
    width: float
    amount: int
    of: int = 0  # a realisasi bar: its line's anggaran (the text adds the percentage)

    @property
    def text(self) -> str:
        share = percent(self.amount, self.of) if self.kind == "realisasi" else ""
        return rupiah_short(self.amount) + (f" · {share}" if share else "")

    @property
    def text_x(self) -> float:
        return round(self.width + 4, 2)

    @property
    def text_y(self) -> float:
        return round(self.y + BAR - 2, 2)


@dataclass
class Row:
    label_lines: list
    label_y: list
    bars: list = field(default_factory=list)


@dataclass
class Chart:
    rows: list
    height: float
    width: int = WIDTH
    legend: bool = False
    bar_height: int = BAR


def _label_lines(text):
    lines = textwrap.wrap(text, LABEL_CHARS) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), LABEL_CHARS, placeholder=" …")]
    return lines


def bar_chart(items: Sequence[Item], with_realisasi: bool) -> Chart | None:
    """The Chart of `items` (data.Item); None when there is nothing to draw."""
    if not items:
        return None
    amounts = [item.anggaran for item in items]
    if with_realisasi:
        amounts += [item.realisasi or 0 for item in items]
    biggest = max(amounts) or 1
    scale = MAX_BAR / biggest
    y = LEGEND if with_realisasi else 4
    rows = []
    for item in items:
        lines = _label_lines(item.short_label or item.label)
        label_y = []
        for _line in lines:
            y += LABEL_SIZE
            label_y.append(y)
            y += LINE_GAP - LABEL_SIZE
        y += 1
        row = Row(lines, label_y)
        kinds = [("anggaran", item.anggaran)]
        if with_realisasi:
            kinds.append(("realisasi", item.realisasi or 0))
        for kind, amount in kinds:
            row.bars.append(Bar(kind, y, round(amount * scale, 2), amount, item.anggaran))
            y += BAR + BAR_GAP
        y += ROW_GAP - BAR_GAP
        rows.append(row)
    return Chart(rows=rows, height=round(y, 2), legend=with_realisasi)
