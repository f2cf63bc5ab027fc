"""`profil.yml`: the village's profile.

contoh: ya
sejarah: |
  Paragraf pertama.

  Paragraf kedua.
visi: Terwujudnya ...
misi:
  - Meningkatkan ...
luas_wilayah: 412.5          # hektare
batas_wilayah:
  utara: Desa A
  selatan: Desa B
  timur: Desa C
  barat: Hutan D
jumlah_dusun: 3
jumlah_rw: 6
jumlah_rt: 24
penduduk:                    # optional
  tahun: 2024
  laki_laki: 1520
  perempuan: 1580
  kelompok_umur:             # optional; must add up to the totals
    - umur: 0-14
      laki_laki: 350
      perempuan: 340
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .common import DataFile, header_keys, read_header

if TYPE_CHECKING:
    import yaml

    from .yamldata import DataReader

KEYS = (
    "sejarah",
    "visi",
    "misi",
    "luas_wilayah",
    "batas_wilayah",
    "jumlah_dusun",
    "jumlah_rw",
    "jumlah_rt",
    "penduduk",
)
SIDES = ("utara", "selatan", "timur", "barat")
PEOPLE_KEYS = ("tahun", "laki_laki", "perempuan", "kelompok_umur")
AGE_KEYS = ("umur", "laki_laki", "perempuan")
AGE = re.compile(r"^\d{1,3}\s*[-–]\s*\d{1,3}$|^\d{1,3}\s*\+$|^\d{1,3}\s+ke atas$")


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@dataclass
class AgeGroup:
    umur: str
    laki_laki: int
    perempuan: int

    @property
    def jumlah(self) -> int:
        return self.laki_laki + self.perempuan


@dataclass
class Population:
    laki_laki: int
    perempuan: int
    tahun: int | None = None
    groups: list = field(default_factory=list)

    @property
    def jumlah(self) -> int:
        return self.laki_laki + self.perempuan


@dataclass
class Profile(DataFile):
    sejarah: list = field(default_factory=list)  # paragraphs
    visi: str = ""
    misi: list = field(default_factory=list)
    luas_wilayah: float | None = None
    batas_wilayah: dict = field(default_factory=dict)
    jumlah_dusun: int | None = None
    jumlah_rw: int | None = None
    jumlah_rt: int | None = None
    penduduk: Population | None = None

    @property
    def luas_text(self) -> str:
        if self.luas_wilayah is None:
            return ""
        hectares = f"{self.luas_wilayah:,.2f}".rstrip("0").rstrip(".")
        hectares = hectares.replace(",", " ").replace(".", ",").replace(" ", ".")
        km2 = f"{self.luas_wilayah / 100:.2f}".replace(".", ",")
        return f"{hectares} ha ({km2} km²)"

    @property
    def sides(self) -> list[tuple[str, str]]:
        return [(side, self.batas_wilayah[side]) for side in SIDES if side in self.batas_wilayah]


def read_profile(reader: DataReader, root: yaml.Node) -> Profile:
    profile = Profile(path=reader.path)
    fields = reader.mapping(
        root, header_keys(*KEYS), what="profil.yml", example="visi: ...  misi:  - ..."
    )
    if fields is None:
        return profile
    read_header(reader, fields, profile)
    if "sejarah" in fields:
        text = reader.text(fields["sejarah"], "sejarah", multiline=True) or ""
        profile.sejarah = [
            re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text) if p.strip()
        ]
    if "visi" in fields:
        profile.visi = reader.text(fields["visi"], "visi") or ""
    if "misi" in fields:
        profile.misi = reader.texts(fields["misi"], "misi")
    if "luas_wilayah" in fields:
        profile.luas_wilayah = reader.number(
            fields["luas_wilayah"],
            "luas_wilayah",
            0,
            10_000_000,
            hint="tulis luas dalam hektare, angka saja, misalnya 412,5 atau 1.250",
        )
    if "batas_wilayah" in fields:
        sides = reader.mapping(
            fields["batas_wilayah"],
            SIDES,
            required=SIDES,
            what="batas_wilayah",
            example="utara: Desa A",
        )
        for side, node in (sides or {}).items():
            value = reader.text(node, side)
            if value:
                profile.batas_wilayah[side] = value
    for key in ("jumlah_dusun", "jumlah_rw", "jumlah_rt"):
        if key in fields:
            setattr(profile, key, reader.integer(fields[key], key, low=0, high=10_000))
    if "penduduk" in fields:
        profile.penduduk = _read_people(reader, fields["penduduk"])
    return profile


def _read_people(reader, node):
    fields = reader.mapping(
        node,
        PEOPLE_KEYS,
        required=("laki_laki", "perempuan"),
        what="penduduk",
        example="laki_laki: 1520  perempuan: 1580",
    )
    if fields is None or not {"laki_laki", "perempuan"} <= set(fields):
        return None
    errors = len(reader.errors)
    people = Population(
        laki_laki=reader.integer(fields["laki_laki"], "laki_laki", high=10_000_000),
        perempuan=reader.integer(fields["perempuan"], "perempuan", high=10_000_000),
    )
    if "tahun" in fields:
        people.tahun = reader.year(fields["tahun"], "tahun")
    for item in reader.sequence(fields.get("kelompok_umur"), "'kelompok_umur'", "  - umur: 0-14"):
        row = reader.mapping(
            item,
            AGE_KEYS,
            required=AGE_KEYS,
            what="kelompok umur",
            item="kelompok umur",
            example="- umur: 0-14  laki_laki: 350  perempuan: 340",
        )
        if row is None or not set(AGE_KEYS) <= set(row):
            continue
        umur = reader.text(row["umur"], "umur")
        if umur and not AGE.match(umur):
            reader.error(
                row["umur"],
                f"kelompok umur '{umur}' tidak dikenali (bad age group)",
                "tulis misalnya  umur: 0-14  atau  umur: 65+",
            )
            continue
        men = reader.integer(row["laki_laki"], "laki_laki", high=10_000_000)
        women = reader.integer(row["perempuan"], "perempuan", high=10_000_000)
        if None not in (umur, men, women):
            people.groups.append(AgeGroup(umur.replace(" ", ""), men, women))
    if len(reader.errors) > errors:
        return None
    for key, label in (("laki_laki", "laki-laki"), ("perempuan", "perempuan")):
        total = sum(getattr(g, key) for g in people.groups)
        if people.groups and total != getattr(people, key):  # both told, not one at a time
            reader.error(
                fields[key],
                f"jumlah {label} per kelompok umur ({thousands(total)}) "
                f"tidak sama dengan {key}: {thousands(getattr(people, key))} "
                "(age groups do not add up)",
                "periksa angka tiap kelompok umur atau jumlahnya",
            )
    return None if len(reader.errors) > errors else people
