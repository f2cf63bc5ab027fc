"""The message for a data folder named after no village of desa.yml
(`content/data/desa/<slug>/`, read by the village_data and apbdes plugins): one line, the
same from both (the build shows a repeated line once), with the likeliest fix first."""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection

from front_matter.errors import ContentError

from . import data
from .names import village_key

SHOWN = 8  # slugs listed when nothing else helps (a portal has hundreds)


def unknown_folder(path: str | os.PathLike, slug: str, known: Collection[str]) -> ContentError:
    """The error for the folder `path`, named `slug`, when `known` are desa.yml's slugs."""
    return ContentError(
        path,
        1,
        f"folder desa '{slug}' tidak ada di desa.yml (unknown village folder)",
        _hint(slug, sorted(known)),
    )


def _hint(slug: str, known: list[str]) -> str:
    if slug.lower() in known:
        return f"nama folder harus huruf kecil: ganti namanya menjadi {slug.lower()}"
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
