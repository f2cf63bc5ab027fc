"""Which front matter keys an operator may set, and what their values may be.

Addresses and output paths are made by the site from the date and the slug: `url` and
`save_as` are refused (an address could break out of an attribute, point elsewhere or
overwrite a file the site writes itself). A slug is one path segment of `a-z`, `0-9` and
`-`; `lang` a language code; `template` one of the theme's content templates, and the one
of its content type (`schema.TEMPLATES`: `page` in a news article stops the build in the
theme). Unknown keys
are warnings and are dropped: Pelican would otherwise set any key as an attribute of the
article (`timezone`, `date_format`, `settings`, ...). The keys themselves are in schema.py.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable

from . import schema
from .errors import ContentError

REFUSED_KEYS = schema.REFUSED
TEMPLATES = tuple(dict.fromkeys(name for names in schema.TEMPLATES.values() for name in names))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
MAX_SLUG = 100


def refused(path: str | os.PathLike, line: int | None, written: str) -> ContentError:
    """The ContentError for a key operators may not set."""
    what = REFUSED_KEYS[written]
    return ContentError(
        path,
        line,
        f"kunci '{written}' tidak boleh dipakai: {what} dibuat otomatis dari tanggal dan slug "
        f"(key '{written}' is not allowed)",
        "hapus baris ini; untuk mengubah alamat tulis  slug: nama-lain",
    )


def check_value(path: str | os.PathLike, line: int | None, key: str, value: object) -> None:
    """Raise ContentError when `value` is not acceptable for `key` (text values only)."""
    if not isinstance(value, str):
        return
    if key == "slug" and (not SLUG.match(value) or len(value) > MAX_SLUG):
        raise ContentError(
            path,
            line,
            f"slug '{value}' tidak valid: hanya huruf kecil a-z, angka dan tanda minus, tanpa / "
            f"atau titik, paling panjang {MAX_SLUG} (invalid slug)",
            "misalnya  slug: musyawarah-desa-2025",
        )
    if key == "lang" and not LANG.match(value):
        raise ContentError(
            path,
            line,
            f"lang '{value}' bukan kode bahasa (invalid language code)",
            "tulis kode bahasa seperti  lang: en  atau hapus baris ini (bawaan: id)",
        )
    if key == "template" and value not in TEMPLATES:
        raise ContentError(
            path,
            line,
            f"template '{value}' tidak dikenal (unknown template)",
            "hapus baris template: (tema memilih sendiri) atau pakai salah satu: "
            + ", ".join(TEMPLATES),
        )


def check_template(
    path: str | os.PathLike, line: int | None, value: object, content_type: str
) -> None:
    """Raise ContentError when the template `value` is not one of `content_type`'s
    (schema.TEMPLATES): the theme's page.html cannot render a news article, nor
    article.html a page. A type without templates of its own is not checked here (its
    `template` key is not used: schema `used_by`)."""
    fitting = schema.TEMPLATES.get(content_type)
    if not fitting or not isinstance(value, str) or value in fitting:
        return
    name = schema.TYPE_NAMES.get(content_type, content_type)
    owners = [
        schema.TYPE_NAMES.get(kind, kind)
        for kind, names in schema.TEMPLATES.items()
        if value in names
    ]
    raise ContentError(
        path,
        line,
        f"template '{value}' tidak bisa dipakai untuk {name}"
        + (f": templat itu untuk {', '.join(owners)}" if owners else "")
        + " (template does not fit this content type)",
        "hapus baris template: (tema memilih sendiri) atau tulis  template: "
        + " atau ".join(fitting),
    )


_HEADER_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:")


def native_lines(text: str) -> dict[str, int]:
    """{lower-case key: line} of a Pelican `Key: value` header (up to the first blank line)."""
    lines = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            break
        match = _HEADER_KEY.match(line)
        if match:
            lines.setdefault(match.group(1).lower(), number)
    return lines


# English words operators bring from other tools and templates, and the Indonesian keys
# they mean (no spelling is close: `expires` is nothing like `berlaku_sampai`). A key is
# suggested only where the file knows it.
SYNONYMS = {
    "expires": ("berlaku_sampai",),
    "expiry": ("berlaku_sampai",),
    "until": ("berlaku_sampai",),
    "start": ("mulai",),
    "end": ("selesai",),
    "place": ("tempat",),
    "location": ("tempat",),
    "venue": ("tempat",),
    "organizer": ("penyelenggara",),
    "map": ("peta",),
    "important": ("penting",),
    "pinned": ("penting",),
    "attachment": ("lampiran",),
    "description": ("ringkasan", "uraian", "deskripsi", "keterangan"),
    "summary": ("ringkasan",),
    "source": ("sumber",),
    "file": ("berkas",),
    "year": ("tahun",),
    "type": ("jenis",),
    "number": ("nomor",),
    "name": ("nama",),
    "position": ("jabatan",),
    "photo": ("foto",),
    "photos": ("foto",),
    "caption": ("keterangan", "keterangan_gambar"),
    "village": ("desa",),
    "region": ("wilayah",),
    "budget": ("anggaran",),
    "income": ("pendapatan",),
    "revenue": ("pendapatan",),
    "expenditure": ("belanja",),
    "spending": ("belanja",),
    "realization": ("realisasi",),
    "total": ("jumlah",),
    "items": ("rincian",),
    "vision": ("visi",),
    "mission": ("misi",),
    "population": ("penduduk",),
    "featured": ("utama",),
}


def closest_key(written: str, known: Iterable[str]) -> str | None:
    """The key of `known` an operator most likely meant by `written`: the Indonesian key an
    English word stands for (SYNONYMS), else the closest spelling, else None."""
    known = list(known)
    for meant in SYNONYMS.get(written.strip().lower(), ()):
        if meant in known:
            return meant
    close = difflib.get_close_matches(written, known, n=1)
    return close[0] if close else None


def unknown_key_hint(written: str, known: Iterable[str], allowed: Iterable[str]) -> str:
    """The hint for a key nobody knows: the closest of `known` (keys and their aliases),
    else the list of `allowed` keys."""
    close = closest_key(written, known)
    return f"maksud Anda '{close}'?" if close else "kunci yang boleh: " + ", ".join(allowed)
