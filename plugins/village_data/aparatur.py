"""`aparatur.yml`: the village government's officials and the members of the BPD.

contoh: ya
pemerintah_desa:
  - nama: Budi Santoso
    jabatan: Kepala Desa
    masa_jabatan: 2019-2025      # or "2021-sekarang", or one year: "sejak 2021"
    foto: images/aparatur/kades.jpg   # optional, through the photos plugin
bpd:
  - nama: ...
    jabatan: Ketua BPD
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .common import DataFile, header_keys, read_header

if TYPE_CHECKING:
    import yaml

    from .yamldata import DataReader

GROUPS = (("pemerintah_desa", "Pemerintah Desa"), ("bpd", "Badan Permusyawaratan Desa (BPD)"))
KEYS = ("nama", "jabatan", "masa_jabatan", "foto")
REQUIRED = ("nama", "jabatan")
TERM = re.compile(
    r"^(?:sejak\s+)?(\d{4})(?:\s*(?:-|–|—|s\.?d\.?|sampai)\s*(\d{4}|sekarang))?$", re.IGNORECASE
)
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp")


@dataclass
class Official:
    nama: str
    jabatan: str
    line: int
    mulai: int | None = None
    selesai: int | None = None  # None with mulai: still in office
    foto: str = ""  # path inside content/
    foto_line: int = 0
    photo: object = None  # photos.variants.Photo, set by the generator

    @property
    def term_text(self) -> str:
        if self.mulai is None:
            return ""
        if self.selesai is None:
            return f"sejak {self.mulai}"
        return f"{self.mulai}–{self.selesai}"


@dataclass
class Group:
    key: str
    heading: str
    officials: list = field(default_factory=list)


@dataclass
class Officials(DataFile):
    groups: list = field(default_factory=list)
    # Officials left out for a mistake in their entry: their photos are still looked for,
    # so a missing one is told in the same build as the mistake.
    left_out: list = field(default_factory=list)

    @property
    def all(self) -> list[Official]:
        return [o for g in self.groups for o in g.officials]


def read_officials(reader: DataReader, root: yaml.Node) -> Officials:
    officials = Officials(path=reader.path)
    fields = reader.mapping(
        root,
        header_keys(*(key for key, _h in GROUPS)),
        what="aparatur.yml",
        example="pemerintah_desa:  lalu  - nama: ...  jabatan: Kepala Desa",
    )
    if fields is None:
        return officials
    read_header(reader, fields, officials)
    for key, heading in GROUPS:
        group = Group(key, heading)
        for item in reader.sequence(fields.get(key), f"'{key}'", "  - nama: ..."):
            before = len(reader.errors)
            official = _read_official(reader, item)
            if official and len(reader.errors) > before:
                officials.left_out.append(official)
            elif official:
                group.officials.append(official)
        if group.officials:
            officials.groups.append(group)
    return officials


def _read_official(reader, item):
    fields = reader.mapping(
        item,
        KEYS,
        required=REQUIRED,
        what="aparatur",
        item="orang",
        example="- nama: Budi Santoso  jabatan: Kepala Desa",
    )
    if fields is None or not set(REQUIRED) <= set(fields):
        return None
    official = Official(
        nama=reader.text(fields["nama"], "nama"),
        jabatan=reader.text(fields["jabatan"], "jabatan"),
        line=item.start_mark.line + 1,
    )
    if "masa_jabatan" in fields:
        term = reader.text(fields["masa_jabatan"], "masa_jabatan")
        match = TERM.match(term or "")
        if term and not match:
            reader.error(
                fields["masa_jabatan"],
                f"masa_jabatan '{term}' tidak dikenali (bad term)",
                "tulis misalnya  masa_jabatan: 2019-2025  atau  masa_jabatan: sejak 2021",
            )
        elif match:
            official.mulai = int(match[1])
            end = match[2]
            official.selesai = int(end) if end and end.isdigit() else None
            if official.selesai is not None and official.selesai < official.mulai:
                reader.error(
                    fields["masa_jabatan"],
                    f"masa_jabatan '{term}' berakhir sebelum dimulai (term ends before it starts)",
                    "tulis tahun mulai lebih dulu",
                )
    if "foto" in fields:
        foto = reader.text(fields["foto"], "foto")
        if foto:
            foto = foto.removeprefix("{static}").removeprefix("{photo}").lstrip("/")
            if not foto.lower().endswith(PHOTO_TYPES):
                reader.error(
                    fields["foto"],
                    f"foto '{foto}' bukan foto JPG, PNG atau WebP (not a photo)",
                    "tulis misalnya  foto: images/aparatur/kades.jpg",
                )
            else:
                official.foto = foto
            official.foto_line = fields["foto"].start_mark.line + 1
    return official


def organization_ld(
    officials: Officials,
    name: str,
    url: str,
    siteurl: str,
    photo_url: Callable[[Any], str],
    area: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """schema.org GovernmentOrganization with every official as a member (OrganizationRole);
    the BPD as a sub-organization; `area`: the village's schema.org Place (`areaServed`:
    which of two villages of one name). Values are plain text: the template writes |tojson."""

    def role(official):
        person = {"@type": "Person", "name": official.nama, "jobTitle": official.jabatan}
        if official.photo is not None:
            person["image"] = photo_url(official.photo)
        data = {"@type": "OrganizationRole", "roleName": official.jabatan, "member": person}
        if official.mulai:
            data["startDate"] = str(official.mulai)
        if official.selesai:
            data["endDate"] = str(official.selesai)
        return data

    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": f"Pemerintah Desa {name}" if name else "Pemerintah Desa",
        "url": url,
    }
    if area:
        data["areaServed"] = area
    for group in officials.groups:
        members = [role(o) for o in group.officials]
        if group.key == "pemerintah_desa":
            data["member"] = members
        else:
            data["subOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": f"Badan Permusyawaratan Desa {name}".strip(),
                "member": members,
            }
    return data
