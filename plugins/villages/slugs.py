"""Unique village slugs: 'binangun', or 'binangun-singgahan' when two villages share a name;
and unique labels the same way: 'Desa Binangun, Kec. Singgahan' (`distinct_labels`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from . import data
from .names import slugify, village_key

if TYPE_CHECKING:
    from .data import Official


def slug_candidates(official):
    """Longer and longer slugs for one village: name, + kecamatan, + kabupaten, + code."""
    kecamatan, kabupaten = (data.lookup(c) for c in official.ancestor_codes()[:0:-1])
    base = slugify(official.name)
    with_kecamatan = f"{base}-{slugify(kecamatan.name)}"
    yield base
    yield with_kecamatan
    yield f"{with_kecamatan}-{slugify(data.bare_name(kabupaten))}"
    yield f"{base}-{official.code.replace('.', '')}"


def assign_slugs(items: Sequence[tuple[Official, str]], taken: Iterable[str] = ()) -> list[str]:
    """Slugs for [(official, explicit slug or "")], in order; never one in `taken`.

    Explicit slugs are kept. Villages whose name slug is shared (or taken) all get the
    next longer form, so neither of two 'Binangun' villages is just 'binangun'."""
    used = set(taken) | {explicit for _, explicit in items if explicit}
    result = [explicit or None for _, explicit in items]
    pending = [i for i, (_, explicit) in enumerate(items) if not explicit]
    options = {i: list(slug_candidates(items[i][0])) for i in pending}
    for depth in range(4):
        counts = {}
        for i in pending:
            counts[options[i][depth]] = counts.get(options[i][depth], 0) + 1
        still = []
        for i in pending:
            slug = options[i][depth]
            if depth == 3 or (counts[slug] == 1 and slug not in used):
                result[i] = slug
                used.add(slug)
            else:
                still.append(i)
        pending = still
        if not pending:
            break
    return result


def former_address(slug: str, villages: Iterable[tuple[Official, str]]):
    """(official, its slug now, whether another of `villages` has its name) for the village
    of `villages` ([(official, slug now)], desa.yml's) whose longer automatic address `slug`
    is (`ngampel-manyar` for Ngampel of Kec. Manyar), when that is not its address now;
    else None. Such an address was its own while another village of its name was listed
    (or is another village's spelling of it)."""
    villages = list(villages)
    for official, current in villages:
        if slug != current and slug in list(slug_candidates(official))[1:]:
            key = village_key(official.name)
            shared = sum(village_key(other.name) == key for other, _ in villages) > 1
            return official, current, shared
    return None


def distinct_labels(items: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """For [(title, what tells it apart, nearest first: the regions above it, then its
    code)], each title with as many of those added as it takes while another item has the
    same label: "Desa Ngampel, Kec. Manyar"; "Desa Sooko, Kec. Sooko, Kab. Ponorogo"."""
    labels = [title for title, _ in items]
    for depth in range(max((len(apart) for _, apart in items), default=0)):
        counts = Counter(labels)
        shared = [i for i, label in enumerate(labels) if counts[label] > 1]
        if not shared:
            break
        for i in shared:
            apart = items[i][1]
            if depth < len(apart):
                labels[i] = f"{labels[i]}, {apart[depth]}"
    return labels
