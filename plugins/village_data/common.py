"""What every data file may say about itself: `contoh` (the figures are an example to
replace, shown as such on the page), `sumber` (where they come from) and `catatan`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

    from .yamldata import DataReader

YES = {
    "ya": True,
    "yes": True,
    "true": True,
    "benar": True,
    "tidak": False,
    "no": False,
    "false": False,
    "bukan": False,
}
HEADER_KEYS = ("contoh", "sumber", "catatan")


@dataclass
class DataFile:
    """What every data file's object holds: its path and its header keys."""

    path: str
    contoh: bool = False
    sumber: str = ""
    catatan: str = ""


def header_keys(*keys: str) -> tuple[str, ...]:
    return (*HEADER_KEYS, *keys)


def read_header(reader: DataReader, fields: Mapping[str, yaml.Node], target: DataFile) -> None:
    if "contoh" in fields:
        value = reader.choice(fields["contoh"], "contoh", YES)
        target.contoh = bool(value)
    for key in ("sumber", "catatan"):
        if key in fields:
            setattr(target, key, reader.text(fields[key], key) or "")


def file_size(size: int) -> str:
    """Indonesian file size: '820 B', '34 KB', '1,2 MB'."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
