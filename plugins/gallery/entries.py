"""An album's `foto:` list checked against its folder: every entry names a photo that is
there, with a caption or alt text; every photo there is listed (else a warning: it is not
published). Returns the photos in order and the operator's problems (ContentError)."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from front_matter.errors import ContentError
from front_matter.paths import closest_names
from photos.source import handled

# What an operator may write in one photo entry: Indonesian and English keys.
KEYS = {
    "berkas": "file",
    "file": "file",
    "keterangan": "caption",
    "caption": "caption",
    "alt": "alt",
}
IMAGE_HINT = "simpan foto sebagai JPG, PNG atau WebP di folder album yang sama dengan index.md"


@dataclass
class Entry:
    file: str  # the file name inside the album folder
    caption: str
    alt: str
    line: int


def photo_files(folder: str) -> list[str]:
    """The names of the photos in an album folder (not index.md, not hidden files)."""
    return sorted(
        name
        for name in os.listdir(folder)
        if not name.startswith(".") and handled(name) and os.path.isfile(os.path.join(folder, name))
    )


def check(
    index_path: str, records: Iterable[Mapping[str, Any]] | None, key_line: int | None
) -> tuple[list[Entry], list[ContentError]]:
    """([Entry], [ContentError]) of the `foto:` `records` of the album whose index.md is
    `index_path` (`key_line`: the line of `foto:`)."""
    folder = os.path.dirname(index_path)
    present = photo_files(folder)
    folder_name = os.path.basename(folder)
    entries, problems, listed = [], [], {}
    for record in records or []:
        values, lines, line = record["values"], record["lines"], record["line"]
        given = {}
        for key, value in values.items():
            if key not in KEYS:
                close = difflib.get_close_matches(key, list(KEYS), n=1)
                problems.append(
                    ContentError(
                        index_path,
                        lines.get(key, line),
                        f"kunci '{key}' tidak dikenal di daftar foto (unknown key)",
                        (f"maksud Anda '{close[0]}'? " if close else "")
                        + "tiap foto: berkas, keterangan, alt",
                        severity="warning",
                    )
                )
                continue
            if KEYS[key] in given:
                problems.append(
                    ContentError(
                        index_path,
                        lines[key],
                        f"'{key}' ditulis dua kali untuk foto yang sama (duplicate key)",
                        "hapus salah satunya",
                    )
                )
            given[KEYS[key]] = value
        name = given.get("file", "")
        if not name:
            problems.append(
                ContentError(
                    index_path,
                    line,
                    "foto tanpa 'berkas' (missing file name)",
                    "tulis nama berkas fotonya, misalnya  - berkas: foto-1.jpg",
                )
            )
            continue
        if "/" in name or "\\" in name or name.startswith("."):
            problems.append(
                ContentError(
                    index_path,
                    line,
                    f"berkas '{name}': tulis nama berkas saja, tanpa folder (file name only)",
                    f"simpan fotonya di folder galeri/{folder_name}/ lalu tulis "
                    "namanya saja, misalnya  berkas: foto-1.jpg",
                )
            )
            continue
        if name in listed:
            problems.append(
                ContentError(
                    index_path,
                    line,
                    f"foto '{name}' sudah tercantum di baris {listed[name]} (photo listed twice)",
                    "hapus salah satunya",
                )
            )
            continue
        listed[name] = line
        if name not in present:
            if os.path.isfile(os.path.join(folder, name)):
                problems.append(
                    ContentError(
                        index_path, line, f"berkas '{name}' bukan foto (not an image)", IMAGE_HINT
                    )
                )
                continue
            close = closest_names(name, present)
            problems.append(
                ContentError(
                    index_path,
                    line,
                    f"foto '{name}' tidak ada di folder galeri/{folder_name}/ (missing photo)",
                    (f"maksud Anda '{close[0]}'? " if close else "")
                    + (
                        "(huruf besar/kecil harus sama) "
                        if close and close[0].lower() == name.lower()
                        else ""
                    )
                    + f"salin fotonya ke folder galeri/{folder_name}/ atau perbaiki namanya",
                )
            )
            continue
        caption, alt = given.get("caption", ""), given.get("alt", "")
        if not caption and not alt:
            problems.append(
                ContentError(
                    index_path,
                    line,
                    f"foto '{name}' belum punya keterangan maupun alt (missing "
                    "caption and alt text)",
                    "tulis  keterangan: ...  (tampil di bawah foto) atau  alt: ...  (dibacakan "
                    "bagi pembaca tunanetra), sejajar dengan 'berkas'",
                )
            )
            continue
        entries.append(Entry(name, caption, alt or caption, line))
    for name in present:
        if name not in listed:
            problems.append(
                ContentError(
                    index_path,
                    key_line or 1,
                    f"foto '{name}' ada di folder album tetapi tidak "
                    "tercantum di foto: sehingga tidak diterbitkan (photo not listed)",
                    f"tambahkan  - berkas: {name}  beserta keterangannya ke daftar foto:, atau "
                    "pindahkan berkas itu ke luar folder content/",
                    severity="warning",
                )
            )
    return entries, problems
