"""Text helpers: comparable names (case- and accent-insensitive) and URL slugs."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from pelican.utils import slugify as pelican_slugify

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’`ʼ‘]")

# Prefixes operators write before a name, by the level they point at.
VILLAGE_PREFIXES = ("desa adat", "desa", "ds", "kelurahan", "kel")
REGION_PREFIXES = {
    "provinsi": "provinsi",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "kabupaten administrasi": "kabupaten",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kota administrasi": "kota",
    "kota adm": "kota",
    "kota": "kota",
    "kecamatan": "kecamatan",
    "kec": "kecamatan",
    "distrik": "kecamatan",
}


def fold(text: object) -> str:
    """Lower-case ASCII words separated by single spaces: 'Désa  Binangun' -> 'desa binangun'."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower())
    return _NOT_WORD.sub(" ", text).strip()


def split_prefix(folded: str, prefixes: Iterable[str]) -> tuple[str | None, str]:
    """('kabupaten', 'gunung mas') for 'kabupaten gunung mas'; (None, text) without prefix."""
    for prefix in _longest_first(tuple(prefixes)):
        if folded.startswith(prefix + " ") and len(folded) > len(prefix) + 1:
            return prefix, folded[len(prefix) + 1 :]
    return None, folded


@functools.cache
def _longest_first(prefixes):
    return sorted(prefixes, key=len, reverse=True)


def village_key(text: object) -> str:
    """The comparable form of a village name, without a 'Desa'/'Kelurahan' prefix."""
    return split_prefix(fold(text), VILLAGE_PREFIXES)[1]


def bare_region_name(official_name: str) -> str:
    """'Kabupaten Tuban' -> 'Tuban', 'Kota Administrasi Jakarta Pusat' -> 'Jakarta Pusat'
    (for kabupaten/kota names only: Kecamatan 'Kota Bangun' keeps its name)."""
    return re.sub(r"^(Kabupaten|Kota)( Administrasi)?\s+", "", official_name)


# Pelican's slugify with these substitutions (after its unidecode): apostrophes vanish,
# any other run of non-letters is one hyphen. Pelican's default SLUG_REGEX_SUBSTITUTIONS
# would drop '/' and '.' instead, joining words ('Lalai I/II' -> 'lalai-iii', 63 official
# names); with these every official name keeps its slug (test_villages_slugs.py).
SLUG_REGEX_SUBSTITUTIONS = [(r"['’`ʼ‘]", ""), (r"[^a-z0-9]+", "-"), (r"\A-+|-+\Z", "")]


def slugify(text: object) -> str:
    """URL slug: 'Gunung Mas' -> 'gunung-mas', 'Bu Nuapu’u' -> 'bu-nuapuu'."""
    return pelican_slugify(str(text), regex_subs=SLUG_REGEX_SUBSTITUTIONS)


SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
DIGITS_PATTERN = re.compile(r"^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$")


def as_code(text: object) -> str | None:
    """The dotted official code if `text` is written as one ('3523072005' too), else None."""
    value = str(text).strip()
    if CODE_PATTERN.match(value):
        return value
    if DIGITS_PATTERN.match(value):
        return ".".join(p for p in (value[0:2], value[2:4], value[4:6], value[6:10]) if p)
    return None


def looks_like_code(text: object) -> bool:
    """Digits and dots only: meant as a code even when malformed ('35.23.7')."""
    text = str(text).strip()
    return bool(re.fullmatch(r"[\d.\s]+", text)) and any(c.isdigit() for c in text)
