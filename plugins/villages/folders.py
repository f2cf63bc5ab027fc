"""The message for a data folder named after no village of desa.yml
(`content/data/desa/<slug>/`, read by the village_data and apbdes plugins): one line, the
same from both (the build shows a repeated line once), with the likeliest fix first."""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection, Mapping

from front_matter.errors import ContentError

from . import data
from .names import village_key
from .slugs import former_address

SHOWN = 8  # slugs listed when nothing else helps (a portal has hundreds)


def unknown_folder(path: str | os.PathLike, slug: str, known: Collection[str]) -> ContentError:
    """The error for the folder `path`, named `slug`, when `known` are desa.yml's slugs, or
    its villages by slug (then a folder named by a village's code or name, or by the
    address it had while another village of its name was listed, is told which)."""
    villages = known if isinstance(known, Mapping) else {}
    return ContentError(
        path,
        1,
        f"folder desa '{slug}' tidak ada di desa.yml (unknown village folder)",
        _hint(slug, sorted(known), villages),
    )


def _hint(slug: str, known: list[str], villages: Mapping) -> str:
    if slug.lower() in known:
        return f"nama folder harus huruf kecil: ganti namanya menjadi {slug.lower()}"
    named = _named(slug.lower(), villages)
    if named:
        return named
    close = difflib.get_close_matches(slug.lower(), known, n=1, cutoff=0.75)
    if close:
        return f"maksud Anda '{close[0]}'? nama folder harus slug desa dari desa.yml"
    listed = ", ".join(known[:SHOWN]) or "belum ada desa"
    more = f" (dan {len(known) - SHOWN} lainnya)" if len(known) > SHOWN else ""
    hint = f"nama folder harus slug desa dari desa.yml: {listed}{more}"
    named = data.villages_named(village_key(slug.replace("-", " ")))
    if len(named) == 1:
        return (
            f"{hint}; bila ini {data.path_of(named[0])}, tambahkan dulu desanya ke "
            f"content/desa.yml:  - kode: {named[0].code}"
        )
    if named:
        return (
            f"{hint}; bila ini desa lain yang belum terdaftar, tambahkan dulu ke content/desa.yml "
            f"dengan kodenya (ada {len(named)} desa bernama seperti itu)"
        )
    return hint


def _named(folder: str, villages: Mapping) -> str:
    """The hint for a folder named by a listed village's code, its name, or an address it
    had while another village of its name was in desa.yml; "" for none of these."""
    digits = folder.replace(".", "")
    for slug, village in villages.items():
        if digits.isdigit() and village.code.replace(".", "") == digits:
            return f"nama folder adalah slug desa, bukan kodenya: ganti namanya menjadi {slug}"
    key = village_key(folder.replace("-", " "))
    same_name = sorted(s for s, village in villages.items() if village_key(village.name) == key)
    if same_name:
        return f"maksud Anda {' atau '.join(same_name)}? nama folder harus slug desa dari desa.yml"
    officials = ((data.lookup(v.code), slug) for slug, v in villages.items())
    found = former_address(folder, ((o, slug) for o, slug in officials if o is not None))
    if found is None:
        return ""
    official, current, shared = found
    if shared:  # the other one is still listed: its slug was written otherwise
        return f"slug desa {official.name} itu di desa.yml: {current}; ganti nama folder menjadi {current}"
    return (
        f"desa itu kini beralamat desa/{current}/ (tidak ada lagi desa lain bernama "
        f"{official.name} di desa.yml): ganti nama folder menjadi {current}, atau tulis  "
        f"slug: {folder}  di entrinya di desa.yml agar alamat halaman dan feed-nya tetap"
    )


def portal_without_owner(context: dict, settings: dict) -> bool:
    """Whether the site covers several villages of desa.yml and names none as its own
    (no `desa:` in situs.yml): data in content/data/ itself then belongs to no village.
    Not when situs.yml had a problem (identity plugin, SITE_IDENTITY_PROBLEM): its own
    message is the one to give; its `desa:` may well be there."""
    if settings.get("SITE_IDENTITY_PROBLEM"):
        return False
    several = context.get("several_villages", False)  # set by the villages generator
    return several and not (settings.get("SITE_PLACE") or {}).get("kode")


def ownerless_data(path: str | os.PathLike, kind: str) -> ContentError:
    """The warning for a village's data (`kind`: "profil", "APBDes"…) written in the data
    folder of a portal that names no village of its own; not for the kit's examples
    (`contoh: ya`), which a new site has before it names its village."""
    return ContentError(
        path,
        1,
        f"{kind} di content/data/ tampil sebagai milik situs, tetapi situs ini meliput "
        "beberapa desa dan situs.yml tidak menyebut desanya sendiri (data without its village)",
        "simpan data tiap desa di content/data/desa/<slug-desa>/ (APBDes di "
        "content/data/desa/<slug-desa>/apbdes/); bila situs ini milik satu desa, tulis  "
        "desa: <kode desa>  di content/situs.yml",
        severity="warning",
    )
