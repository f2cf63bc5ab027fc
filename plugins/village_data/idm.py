"""`idm.yml`: the village's Indeks Desa Membangun by year, checked against the official
status bands, and the geometry of its small line chart (inline SVG, drawn by the theme).

    contoh: ya                   # optional: the figures are an example (shown on the page)
    sumber: Kemendesa PDTT, IDM 2024
    data:
      - tahun: 2024
        idm: 0.7124
        iks: 0.7486              # optional, with ike and ikl (then idm must be their mean)
        ike: 0.6500
        ikl: 0.7386
        status: Maju             # optional: it follows from idm (checked when written)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .common import DataFile, header_keys, read_header

if TYPE_CHECKING:
    import yaml

    from .yamldata import DataReader

# Kemendesa PDTT, Permendesa PDTT No. 2/2016 on the IDM: a score up to and including each
# limit has that status; above 0.8155 is Mandiri (README: "IDM" cites the sources).
BANDS = (
    (0.4907, "Sangat Tertinggal"),
    (0.5989, "Tertinggal"),
    (0.7072, "Berkembang"),
    (0.8155, "Maju"),
    (1.0, "Mandiri"),
)
STATUSES = {name.lower(): name for _limit, name in BANDS}
STATUSES.update({"desa " + name.lower(): name for _limit, name in BANDS})
STATUSES["sangat_tertinggal"] = "Sangat Tertinggal"
INDEX_KEYS = ("iks", "ike", "ikl")
ROW_KEYS = ("tahun", "idm", *INDEX_KEYS, "status")
MEAN_TOLERANCE = 0.0005  # the mean is published rounded to 4 decimals


def status_of(score: float) -> str:
    for limit, name in BANDS:
        if score <= limit:
            return name
    return BANDS[-1][1]


def band_text(name: str) -> str:
    """'0,5989–0,7072' for a status, in Indonesian decimals."""
    low = 0.0
    for limit, band in BANDS:
        if band == name:
            if band == "Mandiri":
                return f"> {decimal(low)}"
            if low == 0.0:
                return f"≤ {decimal(limit)}"
            return f"> {decimal(low)} s.d. {decimal(limit)}"
        low = limit
    return ""


def decimal(value: float, places: int = 4) -> str:
    return f"{value:.{places}f}".replace(".", ",")


@dataclass
class Year:
    tahun: int
    idm: float
    status: str
    iks: float | None = None
    ike: float | None = None
    ikl: float | None = None


@dataclass
class Idm(DataFile):
    years: list = field(default_factory=list)

    @property
    def latest(self) -> Year | None:
        return self.years[-1] if self.years else None

    @property
    def has_indices(self) -> bool:
        return any(y.iks is not None for y in self.years)

    def chart(self, width: int = 320, height: int = 150) -> Chart:
        return Chart.of(self.years, width, height)


@dataclass
class Point:
    x: float
    y: float
    year: Year


@dataclass
class Chart:
    """A line chart of the IDM score. The axis runs from `low` (0.4, or lower for a lower
    score, in steps of 0.1) to 1, so the status bands are visible; their limits are thin
    guide lines. y(score) is linear: a test can read every score back from its point."""

    width: int
    height: int
    low: float = 0.4
    left: int = 34
    right: int = 22
    top: int = 10
    bottom: int = 24
    inset: int = 14
    points: list = field(default_factory=list)

    @classmethod
    def of(cls, years: Sequence[Year], width: int, height: int) -> Chart:
        lowest = min((y.idm for y in years), default=0.4)
        chart = cls(width, height, low=min(0.4, math.floor(lowest * 10) / 10))
        count = len(years)
        start = chart.left + chart.inset  # the year labels stay inside the picture
        span = chart.width - start - chart.right - chart.inset
        for index, year in enumerate(years):
            x = start + (span / 2 if count == 1 else span * index / (count - 1))
            chart.points.append(Point(round(x, 2), chart.y(year.idm), year))
        return chart

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom

    def y(self, score: float) -> float:
        return round(self.top + (1 - score) / (1 - self.low) * self.plot_height, 2)

    def score(self, y: float) -> float:
        """The score at height y (the inverse of `y`, for tests)."""
        return 1 - (y - self.top) / self.plot_height * (1 - self.low)

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    @property
    def guides(self) -> list[tuple[float, str, str]]:
        """(y, score text, status below it) of each band limit inside the axis."""
        return [
            (self.y(limit), decimal(limit), name) for limit, name in BANDS[:-1] if limit > self.low
        ]

    @property
    def ticks(self) -> list[tuple[float, str]]:
        """(y, label) every 0.1 (every 0.2 on a tall axis, counted down from 1)."""
        steps = round((1 - self.low) * 10)
        stride = 2 if steps > 6 else 1
        return [
            (self.y(1 - i / 10), decimal(1 - i / 10, 1))
            for i in reversed(range(0, steps + 1, stride))
        ]

    @property
    def baseline(self) -> float:
        return self.y(self.low)


def read_idm(reader: DataReader, root: yaml.Node) -> Idm:
    """An Idm from the root node of idm.yml (errors in reader.errors)."""
    idm = Idm(path=reader.path)
    fields = reader.mapping(
        root,
        header_keys("data"),
        required=("data",),
        what="idm.yml",
        example="contoh:  data:  lalu  - tahun: 2024",
    )
    if fields is None:
        return idm
    read_header(reader, fields, idm)
    seen = {}
    for item in reader.sequence(fields.get("data"), "'data'", "  - tahun: 2024"):
        year = _read_year(reader, item)
        if year is None:
            continue
        if year.tahun in seen:
            reader.error(
                item,
                f"tahun {year.tahun} ditulis dua kali (duplicate year, pertama di "
                f"baris {seen[year.tahun]})",
                "hapus salah satunya",
            )
            continue
        seen[year.tahun] = item.start_mark.line + 1
        idm.years.append(year)
    idm.years.sort(key=lambda y: y.tahun)
    return idm


def _score(reader, node, key):
    return reader.number(
        node,
        key,
        0,
        1,
        hint=f"nilai {key.upper()} selalu antara 0 dan 1, misalnya 0.6472 (bukan persen)",
    )


def _read_year(reader, item):
    fields = reader.mapping(
        item,
        ROW_KEYS,
        required=("tahun", "idm"),
        what="data IDM",
        item="tahun",
        example="- tahun: 2024  idm: 0.7124  status: Maju",
    )
    if fields is None or not {"tahun", "idm"} <= set(fields):
        return None
    errors = len(reader.errors)
    tahun = reader.year(fields["tahun"], "tahun")
    score = _score(reader, fields["idm"], "idm")
    indices = {key: _score(reader, fields[key], key) for key in INDEX_KEYS if key in fields}
    # The status may be left out: it follows from the score.
    status = reader.choice(fields["status"], "status", STATUSES) if "status" in fields else None
    if len(reader.errors) > errors:
        return None
    if indices and len(indices) < 3:
        missing = ", ".join(k for k in INDEX_KEYS if k not in indices)
        reader.error(
            item,
            f"IKS, IKE dan IKL ditulis bersama; yang belum ada: {missing} (incomplete indices)",
            "tulis ketiganya, atau hapus semuanya",
        )
        return None
    if len(indices) == 3:
        mean = sum(indices.values()) / 3
        if abs(mean - score) > MEAN_TOLERANCE:
            reader.error(
                fields["idm"],
                f"IDM {decimal(score)} bukan rata-rata IKS, IKE dan IKL "
                f"({decimal(mean)}) (IDM is not the mean of its indices)",
                "salin ulang keempat angka dari data resmi Kemendesa",
            )
            return None
    expected = status_of(score)
    if status is None:
        status = expected
    elif status != expected:
        reader.error(
            fields["status"],
            f"status '{status}' tidak sesuai nilai IDM {decimal(score)}: "
            f"nilai itu berstatus {expected} ({band_text(expected)}) "
            "(status does not match the official band)",
            f"tulis  status: {expected}  atau periksa nilai IDM-nya",
        )
        return None
    return Year(tahun=tahun, idm=score, status=status, **indices)
