"""Load and check `content/desa.yml`, the list of villages the site covers.

    - kode: 35.23.07.2005          # Binangun
      situs: https://binangun-singgahan.desa.id
    - nama: Saringembat
      kecamatan: Singgahan

Values are read as text (yaml BaseLoader: `kode: 62.10` stays "62.10"). Every problem
becomes a ContentError naming the file and the line; all are collected.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import yaml

from front_matter.errors import ContentError
from front_matter.keys import unknown_key_hint
from front_matter.limits import human
from front_matter.source import decode
from front_matter.yaml_errors import compose_yaml, merged_node_items

from . import data
from .names import SLUG_PATTERN, fold, looks_like_code, slugify, village_key
from .resolve import (
    AMBIGUOUS_SHOWN,
    Unresolved,
    listing,
    nearness,
    parse_region,
    region_candidates,
    region_fits,
    suggest_regions,
    suggest_villages,
    village_by_code,
    villages_within,
)
from .slugs import assign_slugs

KEY_ALIASES = {"kota": "kabupaten", "kodepos": "kode_pos", "jenis": "tipe", "website": "situs"}
KEYS = (
    "kode",
    "nama",
    "tipe",
    "kecamatan",
    "kabupaten",
    "provinsi",
    "kode_pos",
    "slug",
    "situs",
    "alamat",
    "lat",
    "lon",
    "deskripsi",
)
REGION_KEYS = {"provinsi": 1, "kabupaten": 2, "kecamatan": 3}
TYPES = {"desa": ("desa", "desa_adat"), "desa adat": ("desa_adat",), "kelurahan": ("kelurahan",)}
# A village website: http(s), a domain name (letters, digits, '-', at least one dot), an
# optional port and path; nothing a browser would read differently or that could leave
# an attribute (spaces, quotes, <>, backslashes, user@, control characters).
WEB_ADDRESS = re.compile(
    r"^https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?(?::[0-9]{1,5})?"
    r"(?:[/?#][A-Za-z0-9._~!$&()*+,;=:@%/?#-]*)?$",
    re.IGNORECASE,
)
# Indonesia's extent, with a margin: catches swapped or mistyped coordinates.
# A registry of every village in Indonesia (about 84,000; 100,000 entries are 2-6 MB and
# load in about 30 s and 460 MB of memory) fits; anything bigger is not a registry.
MAX_REGISTRY_SIZE_KB = 10 * 1024
LAT_RANGE = (-12.0, 7.0)
LON_RANGE = (94.0, 142.0)


@dataclass
class Entry:
    """One village of the registry, checked against the official data."""

    line: int
    official: data.Official
    written_name: str = ""
    slug: str = ""  # final slug (explicit or automatic)
    explicit_slug: str = ""
    situs: str = ""
    alamat: str = ""
    lat: float | None = None
    lon: float | None = None
    deskripsi: str = ""


@dataclass
class Registry:
    path: str
    exists: bool = False
    readable: bool = True
    entries: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # ContentErrors that do not stop the build
    # Names/slugs/codes of entries that failed: articles naming them are not reported twice.
    broken_keys: set = field(default_factory=set)

    @property
    def complete(self) -> bool:
        """Read without any error. A registry with an error is not used to check anything
        else (the villages of articles, albums and situs.yml, the data folders of
        content/data/desa/): one wrong digit would make every article naming that village
        and its data folder errors too, and bury desa.yml's own line among them."""
        return self.readable and not self.errors


def load_registry(path: str | os.PathLike, max_kb: float | None = MAX_REGISTRY_SIZE_KB) -> Registry:
    """Read `path` (missing file: an empty registry). Never raises for content problems."""
    registry = Registry(path=str(path))
    if not os.path.isfile(path):
        return registry
    registry.exists = True
    size = os.path.getsize(path)
    if max_kb and size > max_kb * 1024:
        registry.readable = False
        registry.errors.append(
            ContentError(
                path,
                1,
                f"desa.yml terlalu besar: {human(size)} (batas {human(max_kb * 1024)}) "
                "(registry too large)",
                "desa.yml cukup berisi desa yang diliput situs; naikkan "
                "VILLAGES_REGISTRY_MAX_KB di pelicanconf.py bila memang perlu",
            )
        )
        return registry
    try:
        with open(path, "rb") as handle:
            text = decode(path, handle.read())
        node = compose_yaml(path, text)
    except ContentError as error:
        registry.readable = False
        registry.errors.append(error)
        return registry
    if node is None:  # nothing but blank lines and comments: as if there were no file
        registry.warnings.append(
            ContentError(
                path,
                1,
                "desa.yml kosong: tidak ada desa yang terdaftar (empty village list)",
                "tulis desa yang diliput situs, satu entri per desa, misalnya  "
                "- kode: 35.23.07.2005  (lihat README, bagian Desa yang diliput), atau "
                "hapus berkasnya",
                severity="warning",
            )
        )
        return registry
    if not isinstance(node, yaml.SequenceNode):
        registry.readable = False
        registry.errors.append(
            ContentError(
                path,
                node.start_mark.line + 1,
                "desa.yml harus berupa daftar desa (must be a list): tiap desa diawali '- '",
                "contoh:  - kode: 35.23.07.2005",
            )
        )
        return registry
    for item in node.value:
        _read_entry(registry, item)
    _check_duplicates(registry)
    assign_registry_slugs(registry)
    return registry


def _read_entry(registry, item):
    path = registry.path
    line = item.start_mark.line + 1
    if not isinstance(item, yaml.MappingNode):
        registry.errors.append(
            ContentError(
                path,
                line,
                "entri desa harus berisi baris 'kunci: nilai' (entry must be a mapping)",
                "contoh:  - nama: Saringembat  lalu di baris berikutnya  kecamatan: Singgahan",
            )
        )
        return
    values, lines, problems = {}, {}, []
    merged = merged_node_items(
        item, "desa", lambda k: KEY_ALIASES.get(k.lower(), k.lower()) if k else None
    )
    problems += [ContentError(path, *problem) for problem in merged]
    for key_node, value_node in item.value:
        key_line = key_node.start_mark.line + 1
        written = ""
        if isinstance(key_node, yaml.ScalarNode):
            written = str(key_node.value).strip().lower()
        key = KEY_ALIASES.get(written, written)
        if key not in KEYS:
            problems.append(
                ContentError(
                    path,
                    key_line,
                    f"kunci '{written}' tidak dikenal (unknown key)",
                    unknown_key_hint(written, KEYS + tuple(KEY_ALIASES), KEYS),
                )
            )
            continue
        if key in values and merged:
            continue  # explained once, above
        if key in values:
            problems.append(
                ContentError(
                    path,
                    key_line,
                    f"kunci '{written}' ditulis dua kali dalam satu entri (duplicate key, first on "
                    f"line {lines[key]})",
                    "hapus salah satunya",
                )
            )
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            problems.append(
                ContentError(
                    path,
                    key_line,
                    f"'{written}' harus satu nilai teks (expected one text value)",
                    "tulis nilainya di baris yang sama, setelah titik dua",
                )
            )
            continue
        value = value_node.value.strip()
        if not value:
            problems.append(
                ContentError(
                    path,
                    key_line,
                    f"'{written}' tidak berisi nilai (key has no value)",
                    "isi nilainya atau hapus baris ini",
                )
            )
            continue
        values[key] = value
        lines[key] = key_line
    for key in ("kode", "nama", "slug"):
        if key in values:
            registry.broken_keys.add(fold(values[key]))
            registry.broken_keys.add(village_key(values[key]))
    if "kode" not in values and "nama" not in values and not problems:
        problems.append(
            ContentError(
                path,
                line,
                "entri desa tanpa kode dan tanpa nama (entry needs kode or nama)",
                "tambahkan  kode: 35.23.07.2005  atau  nama: Saringembat  dengan  kecamatan: Singgahan",
            )
        )
    official = None
    if not problems and ("kode" in values or "nama" in values):
        try:
            official = _identify(values, lines, path)
        except ContentError as error:
            problems.append(error)
    if official is not None:
        problems += _check_official(official, values, lines, path)
    entry = None
    if official is not None:
        entry = Entry(line=line, official=official, written_name=values.get("nama", ""))
        problems += _read_optional(entry, values, lines, path)
    if problems:
        registry.errors.extend(problems)
        if official is not None:
            registry.broken_keys.add(data.village_key_of(official))
        return
    for key in ("kode", "nama", "slug"):
        registry.broken_keys.discard(fold(values.get(key, "")))
        registry.broken_keys.discard(village_key(values.get(key, "")))
    registry.entries.append(entry)


def _identify(values, lines, path):
    """The official village of an entry: by kode, or by nama within the given regions."""
    if "kode" in values:
        try:
            return village_by_code(
                values["kode"],
                region_hint="desa.yml hanya berisi desa/kelurahan: tulis kode desa lengkap "
                "PP.KK.CC.DDDD, misalnya 35.23.07.2005",
            )
        except Unresolved as problem:
            raise ContentError(path, lines["kode"], problem.message, problem.hint) from None
    name = values["nama"]
    if looks_like_code(name):
        raise ContentError(
            path,
            lines["nama"],
            f"'nama' berisi kode ({name}), bukan nama (a code in nama)",
            "tulis  kode: " + name + "  sebagai gantinya",
        )
    key = village_key(name)
    scopes = {}
    for field_name, level in REGION_KEYS.items():
        if field_name not in values:
            continue
        found = region_candidates(values[field_name], levels=(level,))
        if not found:
            suggestions = suggest_regions(fold(values[field_name]), (level,))
            raise ContentError(
                path,
                lines[field_name],
                f"{field_name} '{values[field_name]}' tidak ditemukan (unknown {field_name})",
                ("mungkin maksud Anda: " + listing(suggestions))
                if suggestions
                else "periksa ejaannya (lihat nama resmi di data Kemendagri)",
            )
        scopes[level] = found
    if scopes:
        narrowest = scopes[max(scopes)]
        candidates = villages_within([region.code for region in narrowest], key)
        candidates = [
            village
            for village in candidates
            if all(
                any(village.code.startswith(region.code + ".") for region in regions)
                for regions in scopes.values()
            )
        ]
        where = " di " + ", ".join(
            values[f] for f in ("kecamatan", "kabupaten", "provinsi") if f in values
        )
    else:
        candidates = data.villages_named(key)
        where = ""
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        elsewhere = data.villages_named(key) if scopes else []
        if elsewhere:  # spelt right, in another kecamatan than the one written
            near = sorted(elsewhere, key=nearness([r.code for rs in scopes.values() for r in rs]))
            raise ContentError(
                path,
                lines["nama"],
                f"desa '{name}' tidak ada{where}, tetapi ada di tempat lain (village is in "
                "another region)",
                "periksa kecamatan/kabupatennya, atau tulis kodenya: "
                + listing(near, limit=AMBIGUOUS_SHOWN),
            )
        scope = None
        if scopes and max(scopes) >= 2:  # a kecamatan's or kabupaten's villages
            scope = [v for region in scopes[max(scopes)] for v in data.descendants(region.code)]
        suggestions = suggest_villages(key, scope=scope)
        raise ContentError(
            path,
            lines["nama"],
            f"desa '{name}' tidak ditemukan{where} (unknown village)",
            ("mungkin maksud Anda: " + listing(suggestions))
            if suggestions
            else "periksa ejaannya, atau tulis kode resminya:  kode: PP.KK.CC.DDDD",
        )
    candidates.sort(key=lambda village: village.code)
    raise ContentError(
        path,
        lines["nama"],
        f"nama desa '{name}' tidak unik{where}: ada {len(candidates)} desa/kelurahan bernama "
        f"{candidates[0].name} (ambiguous village name)",
        "tambahkan kecamatan/kabupaten, atau tulis kodenya: " + listing(candidates),
    )


def _check_official(official, values, lines, path):
    """Given values must agree with the official data."""
    problems = []
    name_given = "nama" in values and "kode" in values
    if name_given and village_key(values["nama"]) != data.village_key_of(official):
        problems.append(
            ContentError(
                path,
                lines["nama"],
                f"nama '{values['nama']}' tidak sesuai kode {official.code}: kode itu milik "
                f"{data.path_of(official)} (name contradicts the code)",
                "perbaiki nama atau kodenya (atau hapus baris nama: nama resmi diambil dari kode)",
            )
        )
    ancestors = {region.level: region for region in map(data.lookup, official.ancestor_codes())}
    for field_name, level in REGION_KEYS.items():
        if field_name not in values:
            continue
        region = ancestors[level]
        code, hint, key = parse_region(values[field_name])
        fits = region_fits(region, hint, key, code) or region_fits(
            region, None, fold(values[field_name])
        )  # a kecamatan named "Kota Bangun"
        if not fits:
            problems.append(
                ContentError(
                    path,
                    lines[field_name],
                    f"{field_name} '{values[field_name]}' tidak sesuai: {data.path_of(official)} "
                    f"ada di {data.short_name(region)} ({field_name} contradicts the official data)",
                    f"perbaiki atau hapus baris {field_name}: (diisi otomatis dari data resmi)",
                )
            )
    if "tipe" in values:
        written = fold(values["tipe"])
        if written not in TYPES:
            problems.append(
                ContentError(
                    path,
                    lines["tipe"],
                    f"tipe '{values['tipe']}' tidak dikenal (unknown type)",
                    "tipe: desa  atau  tipe: kelurahan (boleh dihapus: diisi dari data resmi)",
                )
            )
        elif official.type not in TYPES[written]:
            problems.append(
                ContentError(
                    path,
                    lines["tipe"],
                    f"tipe '{values['tipe']}' tidak sesuai: {data.path_of(official)} menurut data "
                    "resmi (type contradicts the official data)",
                    "hapus baris tipe: (diisi otomatis dari data resmi)",
                )
            )
    if "kode_pos" in values and official.postal_code and values["kode_pos"] != official.postal_code:
        problems.append(
            ContentError(
                path,
                lines["kode_pos"],
                f"kode pos '{values['kode_pos']}' tidak sesuai: kode pos {data.path_of(official)} "
                f"adalah {official.postal_code} (postal code contradicts the official data)",
                "hapus baris kode_pos: (diisi otomatis dari data resmi)",
            )
        )
    return problems


def _read_optional(entry, values, lines, path):
    problems = []
    if "slug" in values:
        if SLUG_PATTERN.match(values["slug"]):
            entry.explicit_slug = values["slug"]
        else:
            problems.append(
                ContentError(
                    path,
                    lines["slug"],
                    f"slug '{values['slug']}' tidak valid (invalid slug)",
                    "pakai huruf kecil, angka dan tanda minus saja, misalnya  slug: binangun",
                )
            )
    if "situs" in values:
        url = values["situs"]
        if WEB_ADDRESS.match(url):
            entry.situs = url
        else:
            problems.append(
                ContentError(
                    path,
                    lines["situs"],
                    f"situs {url!r} bukan alamat web (not a web address): "
                    "hanya http:// atau https://, nama domain, tanpa spasi, tanda kutip, \\ atau @",
                    "tulis alamat lengkap, misalnya  situs: https://binangun-singgahan.desa.id",
                )
            )
    entry.alamat = values.get("alamat", "")
    entry.deskripsi = values.get("deskripsi", "")
    coordinates = {}
    for key, (low, high) in (("lat", LAT_RANGE), ("lon", LON_RANGE)):
        if key not in values:
            continue
        try:
            number = float(values[key].replace(",", "."))
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            problems.append(
                ContentError(
                    path,
                    lines[key],
                    f"{key} '{values[key]}' tidak valid untuk wilayah Indonesia (invalid {key})",
                    f"{key} berupa angka desimal antara {low:g} dan {high:g}, misalnya "
                    + ("lat: -6.9123" if key == "lat" else "lon: 111.9187"),
                )
            )
        else:
            coordinates[key] = number
    if ("lat" in values) != ("lon" in values):
        missing = "lon" if "lat" in values else "lat"
        present = "lat" if missing == "lon" else "lon"
        problems.append(
            ContentError(
                path,
                lines[present],
                f"'{present}' ditulis tanpa '{missing}' (coordinates incomplete)",
                "tulis keduanya (lat dan lon) atau hapus keduanya",
            )
        )
    elif len(coordinates) == 2:
        entry.lat, entry.lon = coordinates["lat"], coordinates["lon"]
    return problems


def _check_duplicates(registry):
    first_line = {}
    kept = []
    for entry in registry.entries:
        code = entry.official.code
        if code in first_line:
            registry.errors.append(
                ContentError(
                    registry.path,
                    entry.line,
                    f"{data.path_of(entry.official)} ({code}) sudah terdaftar di baris "
                    f"{first_line[code]} (duplicate entry)",
                    "hapus salah satu entri",
                )
            )
            continue
        first_line[code] = entry.line
        kept.append(entry)
    slug_line = {}
    registry.entries = []
    for entry in kept:
        slug = entry.explicit_slug
        if slug and slug in slug_line:
            registry.errors.append(
                ContentError(
                    registry.path,
                    entry.line,
                    f"slug '{slug}' sudah dipakai entri di baris {slug_line[slug]} (duplicate slug)",
                    "beri slug lain",
                )
            )
            continue
        if slug:
            slug_line[slug] = entry.line
        registry.entries.append(entry)


def assign_registry_slugs(registry: Registry) -> None:
    slugs = assign_slugs([(e.official, e.explicit_slug) for e in registry.entries])
    for entry, slug in zip(registry.entries, slugs, strict=False):
        entry.slug = slug
    for entry in registry.entries:
        if not entry.explicit_slug and entry.slug != slugify(entry.official.name):
            registry.warnings.append(_longer_address(registry, entry))


def _longer_address(registry: Registry, entry: Entry) -> ContentError:
    """A village whose automatic address is longer than its name's slug because another
    entry has the same name (or that slug): its address, page and feeds would move, without
    a word, when that entry is added or removed. Told once per build, at its entry, until
    its address is written down (`slug:`); `invoke publish` (strict) waits for it."""
    base = slugify(entry.official.name)
    twins = [
        other
        for other in registry.entries
        if other is not entry and slugify(other.official.name) == base
    ]
    if twins:
        why = f"ada desa lain bernama {entry.official.name} di desa.yml (baris {twins[0].line})"
    else:
        why = f"slug '{base}' dipakai entri lain"
    hint = f"tulis  slug: {entry.slug}  di entri ini agar alamat halaman dan feed-nya tetap"
    if not any(other.explicit_slug == base for other in registry.entries):
        hint += (
            f"; bila desa ini sudah lama terbit di desa/{base}/ (feed-nya diikuti warga), tulis"
            f"  slug: {base}  di entri ini, dan slug lain di entri lain yang bernama sama"
        )
    return ContentError(
        registry.path,
        entry.line,
        f"{why}, jadi alamat desa ini desa/{entry.slug}/, bukan desa/{base}/; alamat itu "
        "pindah bila daftar desa berubah (automatic address)",
        hint,
        severity="warning",
    )
