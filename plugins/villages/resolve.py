"""Resolve what an operator wrote (a slug, a name, a code) to official villages and regions.

Every failure is an `Unresolved` with an Indonesian message and a hint listing up to five
closest matches with their codes and full paths; callers turn it into a ContentError.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from . import data
from .names import (
    REGION_PREFIXES,
    as_code,
    fold,
    looks_like_code,
    slugify,
    split_prefix,
    village_key,
)
from .slugs import former_address

if TYPE_CHECKING:
    from .data import Official
    from .registry import Entry

MAX_SUGGESTIONS = 5
AMBIGUOUS_SHOWN = 3  # candidates named for an ambiguous village name


class Unresolved(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def describe(official: Official) -> str:
    """'35.23.07.2005 (Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur)'."""
    return f"{official.code} ({data.path_of(official)})"


def listing(
    officials: Sequence[Official],
    total: int | None = None,
    slugs: Mapping[str, str] | None = None,
    limit: int = MAX_SUGGESTIONS,
) -> str:
    """Up to `limit` (five) described candidates, '; '-separated, with 'and N more'."""
    shown = officials[:limit]
    items = []
    for official in shown:
        slug = (slugs or {}).get(official.code)
        items.append(f"{slug} = {describe(official)}" if slug else describe(official))
    text = "; ".join(items)
    total = len(officials) if total is None else total
    if total > len(shown):
        text += f"; dan {total - len(shown)} lainnya"
    return text


def nearness(near_codes: Iterable[str]) -> Callable[[Official], tuple[int, str]]:
    """Sort key: candidates sharing a longer code prefix with `near_codes` come first."""
    near = [code.split(".") for code in near_codes]

    def shared(code):
        parts = code.split(".")
        best = 0
        for other in near:
            count = 0
            for a, b in zip(parts, other, strict=False):
                if a != b:
                    break
                count += 1
            best = max(best, count)
        return best

    return lambda official: (-shared(official.code), official.code)


# --- Regions -----------------------------------------------------------------------------


def parse_region(text: object) -> tuple[str | None, str | None, str | None]:
    """(code, type_hint, key) for one region as written: '62.10', 'Kab. Gunung Mas', 'Tuban'."""
    code = as_code(text)
    if code:
        return code, None, None
    prefix, key = split_prefix(fold(text), REGION_PREFIXES)
    return None, REGION_PREFIXES.get(prefix), key


def region_fits(
    official: Official, hint: str | None, key: str | None, code: str | None = None
) -> bool:
    if code:
        return official.code == code
    if hint == "provinsi" and official.level != 1:
        return False
    if hint in ("kabupaten", "kota") and official.type != hint:
        return False
    if hint == "kecamatan" and official.level != 3:
        return False
    names = {fold(data.bare_name(official)), fold(official.name)}
    return key in names or data.PROVINCE_ALIASES.get(key) == official.code


def _region_candidates(code, hint, key, levels):
    if code:
        found = data.lookup(code)
        return [found] if found and found.level in levels else []
    found = [
        region
        for region in data.regions_named(key)
        if region.level in levels and region_fits(region, hint, key)
    ]
    return sorted(found, key=lambda r: r.code)


def region_candidates(text: object, levels: Collection[int] = (1, 2, 3)) -> list[Official]:
    """Regions at `levels` named or coded `text` (several when the name is shared)."""
    code, hint, key = parse_region(text)
    found = _region_candidates(code, hint, key, levels)
    if not found and hint:
        # Names that begin like a prefix: Kecamatan "Kota Bangun", "Kota Juang".
        found = _region_candidates(None, None, fold(text), levels)
    return found


def parse_constraints(parts: Iterable[str]) -> list[tuple[str | None, str | None, str | None]]:
    return [parse_region(part) for part in parts if part.strip()]


def ancestors_fit(
    official: Official, constraints: Sequence[tuple[str | None, str | None, str | None]]
) -> bool:
    """Each 'Kec. X' / 'Tuban' written after a comma names one of the regions above."""
    if not constraints:
        return True
    above = [data.lookup(code) for code in official.ancestor_codes()]
    return all(
        any(region_fits(region, hint, key, code) for region in above)
        for code, hint, key in constraints
    )


LEVEL_WORDS = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan"}


def suggest_regions(
    key: str | None, levels: Collection[int], hint: str | None = None
) -> list[Official]:
    found = []
    for close in data.close_region_keys(key, n=8):
        for region in data.regions_named(close):
            if region.level in levels and (hint is None or region_fits(region, hint, close)):
                found.append(region)
    return found  # closest names first


def resolve_region(
    text: object, levels: Collection[int] = (1, 2, 3), near: Iterable[str] = ()
) -> Official:
    """The one region `text` means. Without a prefix, the largest matching region wins
    ('Tuban' is the kabupaten; 'Kec. Tuban' the kecamatan)."""
    first, *rest = [part.strip() for part in str(text).split(",")]
    if looks_like_code(first) and not as_code(first):
        raise Unresolved(
            f"kode wilayah '{text}' tidak valid (invalid code)",
            "format kode: 35 (provinsi), 35.23 (kabupaten/kota), 35.23.07 (kecamatan)",
        )
    code, hint, key = parse_region(first)
    if code:
        found = data.lookup(code)
        if found is None:
            raise Unresolved(
                f"kode wilayah '{code}' tidak ada dalam data resmi Kemendagri (unknown code)",
                _code_hint(code),
            )
        if found.level not in levels:
            raise Unresolved(
                f"kode '{code}' adalah {data.path_of(found)}, bukan {_level_text(levels)} "
                "(wrong kind of place)",
                "kode desa/kelurahan ditulis di village: (desa:), bukan di region: (wilayah:)"
                if found.level == 4
                else f"tulis kode {_level_text(levels)}",
            )
        return found
    constraints = parse_constraints(rest)
    found = [r for r in region_candidates(first, levels) if ancestors_fit(r, constraints)]
    if not found:
        suggestions = suggest_regions(key, levels, hint)
        hint_text = _suggestion_hint(suggestions)
        if not suggestions and 4 not in levels and data.villages_named(village_key(first)):
            hint_text = (
                f"'{first}' adalah nama desa/kelurahan: tulis di village: (desa:), "
                "bukan di region: (wilayah:)"
            )
        raise Unresolved(f"wilayah '{text}' tidak ditemukan (unknown region)", hint_text)
    top = min(region.level for region in found)
    at_top = [region for region in found if region.level == top]
    if len(at_top) == 1:
        return at_top[0]
    at_top.sort(key=nearness(near))
    raise Unresolved(
        f"nama wilayah '{text}' tidak unik: ada {len(at_top)} {LEVEL_WORDS[top]} bernama "
        f"{data.bare_name(at_top[0])} (ambiguous region name)",
        "tulis kodenya, atau tambahkan wilayah di atasnya setelah koma (misalnya "
        f"'{first}, {data.short_name(data.lookup(at_top[0].parent_code))}'): " + listing(at_top),
    )


def _level_text(levels):
    return " atau ".join(LEVEL_WORDS.get(level, "desa/kelurahan") for level in sorted(levels))


def _suggestion_hint(suggestions):
    if not suggestions:
        return "periksa ejaannya, atau tulis kode resminya (misalnya 35.23 untuk Kabupaten Tuban)"
    return "mungkin maksud Anda: " + listing(suggestions)


def _code_hint(code):
    """Nearest existing codes below the deepest existing ancestor of an unknown code: first
    those a digit or two away from it as written (`2096` for 2006: one digit mistyped),
    then the closest in number."""
    parts = code.split(".")
    parent = None
    for depth in range(len(parts) - 1, 0, -1):
        parent = data.lookup(".".join(parts[:depth]))
        if parent:
            break
    if parent is None:
        return "dua angka pertama adalah kode provinsi (11 Aceh sampai 96 Papua Barat Daya)"
    wanted = parts[len(parent.code.split("."))]

    def distance(official):
        last = official.code.split(".")[-1]
        digits = sum(a != b for a, b in zip(last, wanted, strict=False)) + abs(
            len(last) - len(wanted)
        )
        return (min(digits, 3), abs(int(last) - int(wanted)))

    siblings = sorted(data.children(parent.code), key=distance)
    return f"kode yang ada di {data.short_name(parent)}: " + listing(
        sorted(siblings[:MAX_SUGGESTIONS], key=lambda o: o.code), total=len(siblings)
    )


# --- Villages ------------------------------------------------------------------------------


def village_by_code(
    text: object,
    region_hint: str = "kode kecamatan, kabupaten/kota dan provinsi ditulis di region: (wilayah:)",
) -> Official:
    code = as_code(text)
    if code is None:
        raise Unresolved(
            f"kode desa '{text}' tidak valid (invalid code)",
            "format kode desa: PP.KK.CC.DDDD, misalnya 35.23.07.2005",
        )
    found = data.lookup(code)
    if found is None:
        raise Unresolved(
            f"kode desa '{code}' tidak ada dalam data resmi Kemendagri (unknown code)",
            _code_hint(code),
        )
    if found.level != 4:
        raise Unresolved(
            f"kode '{code}' adalah {data.path_of(found)}, bukan desa/kelurahan "
            "(a region code, not a village)",
            region_hint,
        )
    return found


def villages_within(region_codes: Iterable[str], key: str) -> list[Official]:
    """Villages named `key` inside any of the regions (kecamatan or kabupaten: a short walk)."""
    found = []
    for code in region_codes:
        level = len(code.split("."))
        if level >= 2:
            found += [v for v in data.descendants(code) if data.village_key_of(v) == key]
        else:
            found += [v for v in data.villages_named(key) if v.code.startswith(code + ".")]
    return found


def suggest_villages(
    key: str, near: Iterable[str] = (), scope: Iterable[Official] | None = None
) -> list[Official]:
    """Villages whose names are closest to a misspelt `key`, nearest to `near` first.
    `scope`: the villages to search (a kecamatan's), else the whole country."""
    if scope is not None:
        by_key = {}
        for village in scope:
            by_key.setdefault(data.village_key_of(village), []).append(village)
        keys = data.close_keys(key, list(by_key), n=MAX_SUGGESTIONS, cutoff=0.6)
        found = [v for k in keys for v in by_key[k]]
    else:
        keys = data.close_village_keys(key, n=MAX_SUGGESTIONS)
        found = [v for k in keys for v in data.villages_named(k)]
    rank = {k: i for i, k in enumerate(keys)}
    order = nearness(near)
    found.sort(key=lambda v: (order(v)[0], rank[data.village_key_of(v)], v.code))
    return found


class Resolver:
    """Resolves article values against the site's registry first, then the whole country."""

    def __init__(self, entries: Iterable[Entry] = (), skip_keys: Iterable[str] = ()) -> None:
        self.by_code = {}
        self.by_slug = {}
        self.by_key = {}
        self.slugs = {}
        self.lines = {}  # code -> the entry's line in desa.yml
        for entry in entries:
            official = entry.official
            self.by_code[official.code] = official
            self.lines[official.code] = entry.line
            self.by_slug[entry.slug] = official
            self.slugs[official.code] = entry.slug
            keys = {data.village_key_of(official)}
            if entry.written_name:
                keys.add(village_key(entry.written_name))
            for key in keys:
                self.by_key.setdefault(key, []).append(official)
        self.near = list(self.by_code)
        self.skip_keys = set(skip_keys)
        self._cache = {}

    def village(self, text: object) -> Official | None:
        """The official village for `text`, or None when it names a registry entry that
        already failed (reported there). Raises Unresolved."""
        return self._cached(("village", text), self._village)

    def region(self, text: object) -> Official | None:
        return self._cached(("region", text), self._region)

    def _cached(self, key, function):
        if key not in self._cache:
            try:
                self._cache[key] = (function(key[1]), None)
            except Unresolved as problem:
                self._cache[key] = (None, problem)
        result, problem = self._cache[key]
        if problem:
            raise problem
        return result

    def _skipped(self, text):
        return fold(text) in self.skip_keys or village_key(text) in self.skip_keys

    def _region(self, text):
        if self._skipped(text):
            return None
        region = resolve_region(text, near=self.near)
        self._not_a_village_of_the_site(text, region)
        return region

    def _not_a_village_of_the_site(self, text: object, region: Official) -> None:
        """Raise when `text`, a bare name (no code, no Kec./Kab., nothing after a comma),
        is the name of a village of desa.yml and the region it found lies outside the
        site's own area: `wilayah: Ngampel` on a portal of Kab. Gresik meant its Desa
        Ngampel, not Kec. Ngampel of Kab. Kendal (the mirror of `desa: Kerek`)."""
        text = str(text).strip()
        code, prefix, _key = parse_region(text)
        if code or prefix or "," in text or self._of_the_site(region):
            return
        villages = self.by_key.get(village_key(text)) or []
        if not villages:
            return
        slugs = " atau ".join(self.slugs[village.code] for village in villages)
        raise Unresolved(
            f"'{text}' adalah desa di content/desa.yml; wilayah bernama itu ada di luar "
            f"wilayah situs ini: {data.path_of(region)} ({region.code}) (village name "
            "written as a region)",
            f"desa ditulis di desa:, misalnya  desa: {slugs}  ; bila yang dimaksud memang "
            f"{data.path_of(region)}, tulis kodenya:  wilayah: {region.code}",
        )

    def _village(self, text):
        text = str(text).strip()
        first, *rest = [part.strip() for part in text.split(",")]
        if looks_like_code(first):
            codes = [part for part in rest if looks_like_code(part)]
            if codes:  # one list item holding several (the web editor's list, typed with
                # commas): only the first was read, the others left out without a word
                raise Unresolved(
                    f"beberapa kode desa dalam satu butir: '{text}' (several village codes "
                    "in one item)",
                    "tulis satu kode per baris (di editor web: satu per baris, tanpa koma), "
                    f"atau sebagai daftar: [{', '.join([first, *codes])}]",
                )
            return village_by_code(first)
        if self._skipped(first):
            return None
        slug = first.lower()
        if slug in self.by_slug and not rest:
            return self.by_slug[slug]
        key = village_key(first)
        constraints = parse_constraints(rest)
        in_registry = [v for v in self.by_key.get(key, []) if ancestors_fit(v, constraints)]
        if len(in_registry) == 1:
            return in_registry[0]
        if len(in_registry) > 1:
            raise Unresolved(
                f"nama desa '{text}' tidak unik di content/desa.yml: ada {len(in_registry)} "
                f"desa bernama {first} (ambiguous village name)",
                "tulis slugnya atau kodenya: "
                + listing(in_registry, slugs=self.slugs)
                + self._address_kept(first, in_registry),
            )
        found = [v for v in data.villages_named(key) if ancestors_fit(v, constraints)]
        if found and not constraints:
            self._not_a_region_of_the_site(first, found)
        if len(found) == 1:
            return found[0]
        if found:
            found.sort(key=nearness(self.near))
            raise Unresolved(
                f"nama desa '{text}' tidak unik: ada {len(found)} desa/kelurahan bernama "
                f"{first} (ambiguous village name)",
                # Short: an article naming a common name is one line of the build's
                # report, not a page (three candidates, the nearest first).
                f"tulis kodenya, misalnya  desa: {found[0].code}  atau nama dan kecamatannya "
                f'dalam tanda kutip:  desa: "{first}, Kec. '
                f'{data.lookup(found[0].parent_code).name}"  (yang paling dekat: '
                + listing(found, limit=AMBIGUOUS_SHOWN)
                + ")",
            )
        regions = region_candidates(first)
        listed = [part for part in rest if self._is_village_name(part)]
        if listed:  # `desa: Binangun, Saringembat`: two villages, not a village and its region
            hint = (
                "ada koma: nama sesudah koma dibaca sebagai kecamatan/kabupaten; beberapa "
                f"desa ditulis sebagai daftar, misalnya  desa: [{', '.join([first, *rest])}]  "
                "atau satu desa per baris diawali tanda `- `"
            )
        elif regions:
            hint = (
                f"'{first}' adalah {data.path_of(regions[0])} ({regions[0].code}): "
                "kecamatan, kabupaten/kota dan provinsi ditulis di region: (wilayah:)"
            )
        else:
            hint = self._typo_hint(key, slug)
        raise Unresolved(f"desa '{text}' tidak ditemukan (unknown village)", hint)

    def _address_kept(self, name: str, villages: list[Official]) -> str:
        """A second village of the same name gives both longer addresses: the first one's
        page and feeds (`desa/sumurgung/`, followed by officials) move. Told how to keep
        them, when none of the two has the name's own slug any more."""
        base = slugify(name)
        if not base or any(self.slugs.get(v.code) == base for v in villages):
            return ""
        return (
            f". Dengan dua desa bernama sama, tidak ada yang beralamat desa/{base}/: bila "
            f"salah satunya sudah terbit di alamat itu (feed-nya diikuti warga), tulis  slug: "
            f"{base}  di entrinya di desa.yml agar alamatnya tetap"
        )

    def _moved(self, slug: str) -> str:
        """The hint for the address a village of desa.yml had while another village of its
        name was listed there (`desa: ngampel-manyar` once the other Ngampel is gone)."""
        found = former_address(slug, ((self.by_code[c], s) for c, s in self.slugs.items()))
        if found is None:
            return ""
        official, current, shared = found
        where = f"desa {official.name} di baris {self.lines[official.code]} desa.yml"
        if shared:  # the other one is still listed: its slug was written otherwise
            return (
                f"{where} beralamat desa/{current}/ (slug-nya di desa.yml): tulis  desa: {current}"
            )
        return (
            f"{where} kini beralamat desa/{current}/ (tidak ada lagi desa lain bernama "
            f"{official.name} di desa.yml): tulis  slug: {slug}  di entrinya agar alamat "
            f"halaman dan feed-nya tetap, atau tulis  desa: {current}"
        )

    def _not_a_region_of_the_site(self, name: str, found: list[Official]) -> None:
        """Raise when `name`, not a village of desa.yml, is the name of a kecamatan,
        kabupaten or province of the site's own area (one holding, or next to, a village of
        desa.yml) and no village of that name lies in it: `desa: Kerek` on a portal of Kab.
        Tuban meant Kec. Kerek, not the one Desa Kerek of Kab. Ngawi it would otherwise be."""
        regions = [region for region in region_candidates(name) if self._of_the_site(region)]
        if not regions or any(
            village.code.startswith(region.code + ".") for region in regions for village in found
        ):
            return
        region = regions[0]
        raise Unresolved(
            f"'{name}' adalah {data.path_of(region)} ({region.code}) di wilayah situs ini, "
            "bukan desa di content/desa.yml (region name written as a village)",
            f"kecamatan, kabupaten dan provinsi ditulis di wilayah:, misalnya  wilayah: "
            f"{data.short_name(region)}  ; bila yang dimaksud memang desa bernama {name} di "
            "tempat lain, tulis kodenya: " + listing(found, limit=AMBIGUOUS_SHOWN),
        )

    def _of_the_site(self, region: Official) -> bool:
        """Whether a village of desa.yml lies in `region`, or, for a kecamatan, in its
        kabupaten."""
        prefix = (region.parent_code if region.level == 3 else region.code) + "."
        return any(code.startswith(prefix) for code in self.by_code)

    def _is_village_name(self, text):
        """Whether `text` (written after a comma, without Kec./Kab.) names a village."""
        code, prefix, _key = parse_region(text)
        if code or prefix:
            return False
        key = village_key(text)
        return bool(key) and (key in self.by_key or bool(data.villages_named(key)))

    def _typo_hint(self, key, slug):
        moved = self._moved(slug)
        if moved:
            return moved
        registry_keys = data.close_keys(key, list(self.by_key), n=MAX_SUGGESTIONS, cutoff=0.7)
        registry_slugs = data.close_keys(slug, list(self.by_slug), n=MAX_SUGGESTIONS, cutoff=0.7)
        found = [v for k in registry_keys for v in self.by_key[k]]
        found += [self.by_slug[s] for s in registry_slugs]
        found = list({v.code: v for v in found}.values())
        if len(found) < MAX_SUGGESTIONS:
            known = {v.code for v in found}
            found += [v for v in suggest_villages(key, self.near) if v.code not in known]
        if not found:
            return "periksa ejaannya, atau tulis kode resmi desa (PP.KK.CC.DDDD)"
        return "mungkin maksud Anda: " + listing(found, total=len(found), slugs=self.slugs)
