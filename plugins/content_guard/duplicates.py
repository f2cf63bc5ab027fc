"""Two articles or pages that would be written to the same address, or a page that would
overwrite one of the site's own pages (archives, category lists, ...).

Pelican on its own treats two articles with the same slug as translations of each
other and only warns. With `ARTICLE_TRANSLATION_ID = ("slug", "date.year", "date.month")`
(our URL scheme berita/{yyyy}/{mm}/{slug}/) two "Rapat Koordinasi Desa" in different
months are simply two articles; in the same month they are this error.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from front_matter.errors import ContentError, display_path, report, reports_only

from .content import contents, is_article, meta_line
from .menu import broken_menu_links
from .outputs import (
    INVISIBLE,
    UNSAFE_NAME,
    case_clashes,
    folder_conflicts,
    leaves_output,
    plan_outputs,
    reserved_folder,
    reserved_folders,
)

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator


class TranslationNoteFilter(logging.Filter):
    """Drops Pelican's warnings that several files share one translation identity: those
    files write one address, and `check` reports that with files and lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not is_translation_clash(record)


def is_translation_clash(record: logging.LogRecord) -> bool:
    """Pelican's `get_original_items` (pelican.utils) warning, through its helper
    `_warn_source_paths`, that N > 1 files share one translation id ("N items with lang
    L", "N original items"). Recognised by logger, level, the logging function and its
    arguments (N, the id text[, the lang], then the N source paths), not by the message
    text, so a reworded message is still recognised. A single file ("all items are
    translations" for a lone `translation: true`) is reported by `lone_translations`, in
    Indonesian at its line."""
    if (record.name, record.levelno, record.funcName) != (
        "pelican.utils",
        logging.WARNING,
        "_warn_source_paths",
    ):
        return False
    args = record.args if isinstance(record.args, tuple) else ()
    if not args or not isinstance(args[0], int) or args[0] < 1:
        return False
    paths = args[-args[0] :]
    return len(args) >= args[0] + 2 and all(isinstance(path, str) for path in paths)


def lone_translations(items: Sequence[Content]) -> list[ContentError]:
    """An article or page (any status) marked `translation: true` that has no original
    (none of the same translation id without it): Pelican publishes it as an original and
    says so in English with the file's full path (a warning `invoke publish` takes for an
    error); the web editor's form offers the flag."""
    translations = {id(t) for item in items for t in getattr(item, "translations", None) or []}
    found = []
    for item in items:
        if id(item) in translations:
            continue
        if str(item.metadata.get("translation", "false")).lower() != "true":
            continue
        kind, same = (
            ("berita", "slug dan bulan yang sama") if is_article(item) else ("halaman", "slug sama")
        )
        found.append(
            ContentError(
                item.source_path,
                meta_line(item, "translation"),
                f"{kind} ini ditandai terjemahan (translation: true), tetapi tidak ada {kind} "
                f"asli dengan {same} (translation without an original)",
                "hapus baris  translation: true  bila ini bukan terjemahan; bila terjemahan, "
                f"samakan slug{' dan bulan tanggalnya' if is_article(item) else ''} dengan "
                f"{kind} aslinya",
                severity="warning",
            )
        )
    return found


def _url(owner, path):
    item = owner.item
    if item is not None and item.url is not None:
        return item.url or "/"
    return path


def hint_for(item: object) -> str:
    if "slug" in (getattr(item, "meta_lines", None) or {}):  # the address is the written slug
        return (
            "slug yang ditulis di berkas ini sudah dipakai: ubah slug-nya, misalnya dengan "
            "bulan dan tahunnya (slug: jadwal-ronda-agustus-2024)"
        )
    if item is not None and is_article(item):
        return (
            "dua berita dengan judul sama di bulan yang sama: ubah judul salah satunya "
            "atau tulis  slug: judul-lain  di front matter"
        )
    if item is not None:
        return "ubah judul salah satunya atau tulis  slug: nama-lain  di front matter"
    return "ganti nama salah satu berkas"


def _report_group(path, group):
    """Messages for one output path written by several owners."""
    files = [o for o in group if not o.site]
    site = [o for o in group if o.site]
    for owner in files:
        url = _url(owner, path)
        others = [o for o in files if o is not owner]
        if others:
            names = ", ".join(display_path(o.path) for o in others)
            report(
                ContentError(
                    owner.path,
                    owner.line,
                    f"alamat {url} juga dipakai oleh {names} (duplicate URL)",
                    owner.hint or hint_for(owner.item),
                )
            )
        for other in site:
            report(
                ContentError(
                    owner.path,
                    owner.line,
                    f"alamat {url} sudah dipakai {other.description} situs (URL taken by the site)"
                    + (f", dari {other.location}" if other.path else ""),
                    owner.hint
                    or other.hint
                    or (
                        "pilih nama lain:  slug: nama-lain  di front matter"
                        if owner.item is not None
                        else "ganti nama berkasnya atau pindahkan ke folder lain"
                    ),
                )
            )
    if files:
        return
    # Only the site's own files: name the content that causes it, else the settings.
    descriptions = ", ".join(o.description for o in site)
    causes = [o for o in site if o.path] or [None]
    for owner in causes:
        report(
            ContentError(
                owner.path if owner else "pelicanconf.py",
                owner.line if owner else 1,
                f"berkas keluaran {path} ditulis dua kali: {descriptions} (output file written "
                "twice)",
                (owner.hint or "ganti nama kategori/label/penulis di baris ini")
                if owner
                else "periksa pengaturan *_SAVE_AS, *_URL dan feed di pelicanconf.py",
            )
        )


def _report_outside(path, group):
    for owner in group:
        report(
            ContentError(
                owner.path or "pelicanconf.py",
                owner.line,
                f"{owner.description} akan ditulis ke '{path}', di luar folder situs atau tanpa "
                "nama (output path leaves the output folder)",
                "periksa slug dan nama berkasnya"
                if owner.path
                else "periksa pengaturan *_SAVE_AS di pelicanconf.py",
            )
        )


def _shown(path):
    """`path` with its invisible characters written as U+XXXX (a direction control would
    otherwise turn the message's own letters around)."""
    return INVISIBLE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", path)


def _report_unsafe_name(path, group):
    for owner in group:
        report(
            ContentError(
                owner.path or "pelicanconf.py",
                owner.line,
                f"nama berkas keluaran '{_shown(path)}' memuat karakter yang tidak aman di alamat "
                "web (\" ' < > ` \\, karakter kendali atau pengatur arah tulisan) "
                "(unsafe file name)",
                "ganti nama berkasnya: pakai huruf, angka, tanda minus dan titik saja",
            )
        )


def _report_reserved(path, folder, description, group):
    """Content, static files and redirects writing inside a folder the site keeps whole for
    itself (the search index): one error each, at the line that makes the address."""
    for owner in group:
        if owner.site:
            continue
        report(
            ContentError(
                owner.path,
                owner.line,
                f"alamat {_url(owner, path)} berada di folder {folder}/ yang dipakai "
                f"{description} situs (address inside a folder reserved by the site)",
                owner.hint
                or (
                    "pilih nama lain:  slug: nama-lain  di front matter"
                    if owner.item is not None
                    else "ganti nama berkasnya atau pindahkan ke folder lain"
                ),
            )
        )


def _report_folder_conflict(path, under, owners):
    """At the content that makes either address (an `alamat_lama` or a slug), not at the
    settings when one side is the site's own file (`admin/config.yml`, `robots.txt`)."""
    files, folders = owners[path], owners[under]
    blamed = [o for o in files + folders if o.path and not o.site] or files
    for owner in blamed:
        others = ", ".join(
            o.location or o.description for o in (folders if owner in files else files)
        )
        report(
            ContentError(
                owner.path or "pelicanconf.py",
                owner.line,
                f"berkas keluaran {path} juga dibutuhkan sebagai folder oleh {under} ({others}) "
                "(a file and a folder at the same path)",
                owner.hint or "ganti nama salah satunya",
            )
        )


def _address(path):
    """An output path as the address a reader types: `/profil/` for `profil/index.html`."""
    return "/" + (
        path.removesuffix("index.html") if path.rpartition("/")[2] == "index.html" else path
    )


def _report_case_clash(paths, owners):
    """At the content that makes each address (the site's own file only when no content
    does): the other addresses and who makes them."""
    everyone = [(path, owner) for path in paths for owner in owners[path]]
    blamed = [(p, o) for p, o in everyone if o.path and not o.site] or everyone
    for path, owner in blamed:
        others = ", ".join(
            f"{_address(other)} ({o.location or o.description})"
            for other, o in everyone
            if other != path
        )
        report(
            ContentError(
                owner.path or "pelicanconf.py",
                owner.line,
                f"alamat {_address(path)} hanya berbeda huruf besar/kecil dari {others} "
                "(addresses differ only in case)",
                (owner.hint + "; " if owner.hint else "ganti nama salah satunya; ")
                + "di Windows dan Mac keduanya satu berkas, yang ditulis terakhir menimpa "
                "yang lain",
            )
        )


@reports_only(here=True, cost=48)  # measured: 0.24 s at 5,000 articles (py-spy)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report every output path written twice (also in another
    case: one file on Windows and Mac), used as a file and as a folder, leaving the output folder, inside a folder the site keeps for itself
    (the search index) or unsafe in an address."""
    owners = plan_outputs(generators)
    reserved = reserved_folders(generators)
    for path, group in sorted(owners.items()):
        if leaves_output(path):
            _report_outside(path, group)
            continue
        folder = reserved_folder(path, reserved)
        if folder is not None:
            _report_reserved(path, folder, reserved[folder], group)
        if UNSAFE_NAME.search(path):
            _report_unsafe_name(path, group)
        if len(group) > 1:
            _report_group(path, group)
    for paths in case_clashes(owners):
        _report_case_clash(paths, owners)
    for path, under in folder_conflicts(owners):
        _report_folder_conflict(path, under, owners)
    for error in broken_menu_links(owners, generators[0].settings):  # on the same plan
        report(error)
    items = contents(generators)
    for error in lone_translations(items):
        report(error)
    for item in items:
        if not item.slug:
            report(
                ContentError(
                    item.source_path,
                    meta_line(item, "title"),
                    "judul ini tidak menghasilkan alamat: tidak ada huruf atau angka latin "
                    "(empty slug)",
                    "tulis  slug: nama-berita  di front matter",
                )
            )
