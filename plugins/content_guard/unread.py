"""Files under content/ that no part of the build read, copied or knows about, each an
error naming the file and the fix. Without it a news item saved as `.MD`, `.txt` or
`.md.txt` (Notepad), put in `content/Berita/` (works on Windows, lost on GitHub's Linux) or
straight in `content/`, or a data file no plugin reads (`Profil.yml`, `penduduk.yml`,
`apbdes/2026.xlsx`) never appears on the site, and the build says nothing.

Known files come from the build's own records, not from a second list:

- what Pelican's generators recorded: `context["generated_content"]` (every article, page,
  pengumuman and agenda read, or that failed to read: its error is reported already) and
  `context["static_content"]` (every static file copied, and any file an article links);
- what a generator declares it reads (`source_files()`: paths, or folders whose every file
  it owns): the data plugins (village_data, apbdes) and the gallery's album folders;
- the identity file (situs.yml, and the file SITE_IDENTITY names instead) and the village
  list (desa.yml), read when Pelican starts;
- the templates TEMPLATE_PAGES renders (their paths are relative to content/).

News written beside content/ (a Markdown file with front matter in the project folder, or
in a folder there named like one of content/'s: `berita/`) is an error too
(`beside_content`): GitHub's "Add file" on the repository's first page puts it there.

Never judged: hidden files and folders, and names matching IGNORE_FILES (README.md, editor
lock files, Thumbs.db, ...), except YAML files (IGNORE_FILES has *.yml only so that
Pelican leaves them to the data plugins: a YAML file no plugin reads is reported).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from front_matter.errors import ContentError, report, reports_only
from identity.situs import DEFAULT_FILE, FILE_SETTING, identity_path

if TYPE_CHECKING:
    from pelican.generators import Generator

YAML = (".yml", ".yaml")
MESSAGE = "berkas ini tidak dibaca dan tidak terbit (file never read by the build)"
# Files that hold text an operator meant as a news item or page.
TEXT = (".txt", ".text", ".html", ".htm", ".rst", ".doc", ".docx", ".odt", ".rtf")


def _posix(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _first(paths: Iterable[str]) -> list[str]:
    """The first folder of each content path ("berita" of "berita/2024")."""
    return [_posix(p).split("/", 1)[0] for p in paths if p and _posix(p) != "."]


def _markdown_folders(settings: Mapping[str, Any]) -> list[str]:
    """The first folder of every path the Markdown readers read: articles, pages and the
    other content types (pengumuman, agenda, galeri)."""
    return _first(
        [
            *settings.get("ARTICLE_PATHS", []),
            *settings.get("PAGE_PATHS", []),
            *(p for paths in (settings.get("CONTENT_TYPE_PATHS") or {}).values() for p in paths),
        ]
    )


def known_files(generators: Sequence[Generator]) -> tuple[set[str], list[str]]:
    """(files, folders) the build knows, relative to PATH with / separators."""
    context = generators[0].context
    settings = generators[0].settings
    root = os.path.abspath(settings["PATH"])
    files = {_posix(p) for p in context.get("generated_content") or {}}
    files |= {_posix(p) for p in context.get("static_content") or {}}
    folders = []
    for generator in generators:
        declared = getattr(generator, "source_files", None)
        for path in declared() if callable(declared) else ():
            relative = _posix(os.path.relpath(os.path.abspath(path), root))
            if str(path).endswith(("/", os.sep)):
                folders.append(relative + "/")
            else:
                files.add(relative)
    files.add(_posix(os.path.relpath(os.path.abspath(identity_path(settings)), root)))
    files.add(DEFAULT_FILE)  # left beside another SITE_IDENTITY: the kit's own name
    files |= {_posix(source) for source in settings.get("TEMPLATE_PAGES") or {}}
    files.add(_posix(settings.get("VILLAGES_REGISTRY") or "desa.yml"))
    return files, folders


def unread_files(generators: Sequence[Generator]) -> list[ContentError]:
    """A ContentError for each file under PATH the build did not read, copy or know."""
    if not generators:
        return []
    settings = generators[0].settings
    root = os.path.abspath(settings["PATH"])
    if not os.path.isdir(root):
        return []
    known, folders = known_files(generators)
    ignores = settings.get("IGNORE_FILES") or []
    extensions = _markdown_extensions(generators)
    problems = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not any(fnmatch.fnmatch(d, p) for p in ignores)
        )
        base = _posix(os.path.relpath(folder, root))
        for name in sorted(names):
            if name.startswith("."):
                continue
            if not name.lower().endswith(YAML) and any(fnmatch.fnmatch(name, p) for p in ignores):
                continue
            relative = name if base == "." else f"{base}/{name}"
            if relative in known or any(relative.startswith(f) for f in folders):
                continue
            hint = advice(relative, settings, extensions)
            problems.append(ContentError(os.path.join(folder, name), 1, MESSAGE, hint))
    return problems


def _markdown_extensions(generators: Sequence[Generator]) -> set[str]:
    readers = getattr(generators[0], "readers", None)
    found = {e for e in getattr(readers, "extensions", ()) or () if e != "static"}
    return found or {"md"}


def advice(relative: str, settings: Mapping[str, Any], extensions: set[str]) -> str:
    """What to do with a file nobody read, from where it is and what it is called."""
    parts = relative.split("/")
    name = parts[-1]
    top = parts[0] if len(parts) > 1 else ""
    stem, ext = os.path.splitext(name)
    lower = name.lower()
    markdown = _markdown_folders(settings)
    static = _first(settings.get("STATIC_PATHS", []))
    data = _first([settings.get("VILLAGE_DATA_PATH") or "data"])
    every = [*markdown, *static, *data]
    articles = (_first(settings.get("ARTICLE_PATHS", [])) or ["berita"])[0]
    pages = (_first(settings.get("PAGE_PATHS", [])) or ["pages"])[0]

    renamed = _markdown_name(stem, ext, lower, extensions)
    yaml_name = _yaml_name(stem, ext)  # `situs.yml` of `situs.yml.txt`: meant as YAML
    if top and top not in every:
        proper = next((f for f in every if f.lower() == top.lower()), None)
        if proper:
            where = "/".join([proper, *parts[1:-1], renamed or name])
            return (
                f"nama folder harus huruf kecil: pindahkan ke content/{where} (di Windows "
                f"content/{top}/ terbaca, di GitHub tidak)"
            )
        return f"folder content/{top}/ tidak dibaca; folder yang dibaca: " + ", ".join(
            f"{f}/" for f in every
        )
    if top in data or (not top and yaml_name):
        return _data_advice(relative, stem, ext, lower, settings)
    if yaml_name:
        return _site_yaml_advice(name, yaml_name, settings, top)
    if not top:
        if renamed or ext[1:].lower() in extensions or ext.lower() in TEXT:
            name_part = f" dengan nama {renamed}" if renamed and renamed != name else ""
            return (
                f"pindahkan ke content/{articles}/ (berita) atau content/{pages}/ "
                f"(halaman){name_part}"
            )
        return (
            "simpan foto di content/images/ dan berkas lain di content/files/, lalu tautkan "
            "dari berita atau halamannya"
        )
    if top in markdown:
        if renamed:
            return f"ganti namanya menjadi {renamed}"
        if ext.lower() in TEXT:
            return (
                f"hanya berkas Markdown (.md) yang dibaca: tulis isinya di {stem}.md "
                "(front matter --- lalu teks; lihat README, Menulis berita)"
            )
    return (
        "berkas ini tidak ditautkan dari berita atau halaman mana pun: simpan foto di "
        "content/images/ dan berkas lain di content/files/, lalu tautkan dari beritanya"
    )


def _markdown_name(stem: str, ext: str, lower: str, extensions: set[str]) -> str | None:
    """The name a Markdown file should have (`kabar.md` for `kabar.MD`, `kabar.md.txt`,
    `kabar.txt`), or None when it is not meant as Markdown (`situs.yml.txt` is YAML)."""
    if _yaml_name(stem, ext):
        return None
    if lower.endswith(".md.txt"):
        return stem[:-3] + ".md"
    if lower != lower.rstrip() and lower.rstrip().endswith(".md"):  # `rapat.md ` (a space)
        return stem.rstrip() + ext.rstrip().lower()
    if not ext and not stem.startswith("."):  # `2024-12-03-rapat`, saved without .md
        return stem.rstrip() + ".md"
    if ext[1:].lower() in extensions and ext[1:] not in extensions:
        return stem + ".md"
    if ext.lower() in (".txt", ".text"):
        return stem + ".md"
    return None


def _data_advice(
    relative: str, stem: str, ext: str, lower: str, settings: Mapping[str, Any]
) -> str:
    if "/" not in relative:  # content/situs.yml.txt, content/Desa.yml, content/profil.yml
        return _site_yaml_advice(relative, _yaml_name(stem, ext) or relative, settings, "")
    # Imported here: only a misplaced data file needs them (apbdes brings its chart code).
    from apbdes.generator import ApbdesGenerator
    from village_data.generator import data_file_names

    names = data_file_names()
    apbdes = ApbdesGenerator.folders(settings)
    folder = relative.rsplit("/", 1)[0]
    known = (
        "berkas data yang dikenal: "
        + ", ".join(names)
        + f" (di content/data/ atau content/data/desa/<slug-desa>/) dan APBDes "
        f"content/{apbdes[0]}/<tahun>.yml"
    )
    proper = _yaml_name(stem, ext)
    if any(folder == a or fnmatch.fnmatch(folder, a) for a in apbdes):
        if proper and proper != stem + ext:
            return _rename(stem + ext, proper) + " (APBDes: satu berkas YAML per tahun)"
        if lower.endswith(YAML):
            return known
        return (
            f"APBDes ditulis sebagai berkas YAML, satu per tahun: {stem}.yml (lihat README, APBDes)"
        )
    data_root = settings.get("VILLAGE_DATA_PATH") or "data"
    villages = settings.get("VILLAGE_DATA_VILLAGES") or "desa"
    parts = folder.split("/")
    in_village = len(parts) == 3 and parts[:2] == [data_root, villages]  # data/desa/<slug>
    if proper:
        base = os.path.splitext(proper)[0].lower()
        if (base.isdigit() and len(base) == 4) or base == "apbdes":  # an APBDes year
            year = base if base.isdigit() else "<tahun>"
            where = f"{folder}/apbdes" if in_village else apbdes[0]
            return f"APBDes disimpan satu berkas per tahun: content/{where}/{year}.yml"
        wanted = next((n for n in names if os.path.splitext(n)[0] == base), None)
        if wanted and stem + ext == proper and not in_village and folder != data_root:
            # The right name in the wrong folder: `data/sumurgung/idm.yml`
            village = f"content/{data_root}/{villages}/<slug-desa>/{proper}"
            if len(parts) == 2 and parts[0] == data_root:
                village = f"content/{data_root}/{villages}/{parts[1]}/{proper}"
            return (
                f"letak berkas salah: data desa portal disimpan di {village} (dengan folder "
                f"{villages}/ di antaranya), data desa situs ini di content/{data_root}/{proper}"
            )
        if wanted:
            return _rename(stem + ext, base + os.path.splitext(proper)[1])
        return known
    return f"berkas data harus berupa YAML (.yml); {known}"


def _site_yaml_advice(name: str, proper: str, settings: Mapping[str, Any], top: str) -> str:
    """What to do with the YAML file `name` (`proper`: its name without Notepad's .txt) in
    content/ itself (`top` "") or in a folder that holds no data (`berita/situs.yml.txt`):
    the YAML files the kit reads there are the identity file and the village list; village
    data go in content/data/."""
    from village_data.generator import data_file_names

    registry = settings.get("VILLAGES_REGISTRY") or "desa.yml"
    identity = settings.get(FILE_SETTING) or DEFAULT_FILE
    data_root = settings.get("VILLAGE_DATA_PATH") or "data"
    base = os.path.splitext(proper)[0].lower()
    wanted = next((n for n in (identity, registry) if os.path.splitext(n)[0].lower() == base), None)
    if wanted and top:
        return f"pindahkan ke content/{wanted}"
    if wanted and name.lower() == wanted.lower():
        return f"nama berkas harus huruf kecil: {wanted}"
    if wanted:
        return f"ganti namanya menjadi {wanted}"
    data = next((n for n in data_file_names() if os.path.splitext(n)[0] == base), None)
    move = f": pindahkan ke content/{data_root}/{data}" if data else ""
    if top:
        return (
            f"berkas YAML yang dibaca hanya content/{identity}, content/{registry} dan data "
            f"desa di content/{data_root}/{move}"
        )
    return (
        f"berkas YAML di content/ yang dibaca hanya {identity} dan {registry}; data "
        f"desa disimpan di content/{data_root}/{move}"
    )


def _rename(name: str, proper: str) -> str:
    if name.lower() == proper.lower():
        return f"nama berkas data harus huruf kecil: {proper}"
    return f"ganti namanya menjadi {proper}"


def _yaml_name(stem: str, ext: str) -> str | None:
    """The name a YAML data file should have: `idm.yml` for `idm.yml.txt` (Notepad adds
    .txt), `2022.yml` for `2022.YML`; None when it is not meant as YAML."""
    if ext.lower() in (".txt", ".text") and stem.lower().endswith(YAML):
        stem, ext = os.path.splitext(stem)
    return stem + ext.lower() if ext.lower() in YAML else None


OUTSIDE_MESSAGE = "berkas berita di luar folder content/ tidak dibaca (file outside content/)"
PROJECT_NOTES = {"readme.md", "changelog.md"}  # the kit's own, beside content/


def beside_content(settings: Mapping[str, Any]) -> list[ContentError]:
    """A ContentError for each news item written beside content/ instead of in it (GitHub's
    "Add file" on the repository's first page makes it there): a Markdown file with front
    matter in the project folder, or in a folder there named like one of content/'s."""
    root = os.path.abspath(settings["PATH"])
    project = os.path.dirname(root)
    folders = _markdown_folders(settings)
    articles = (_first(settings.get("ARTICLE_PATHS", [])) or ["berita"])[0]
    found = []
    for folder in ["", *folders]:
        where = os.path.join(project, folder)
        if os.path.abspath(where) == root or not os.path.isdir(where):
            continue
        for name in sorted(os.listdir(where)):
            path = os.path.join(where, name)
            if not name.lower().endswith(".md") or name.lower() in PROJECT_NOTES:
                continue
            if not os.path.isfile(path) or not _has_front_matter(path):
                continue
            target = f"content/{folder}/{name}" if folder else f"content/{articles}/{name}"
            found.append(ContentError(path, 1, OUTSIDE_MESSAGE, f"pindahkan ke {target}"))
    return found


def _has_front_matter(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(8).lstrip(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


@reports_only(cost=15)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report every file under content/ nobody read, and every
    news item written beside content/."""
    for problem in unread_files(generators):
        report(problem)
    if generators:
        for problem in beside_content(generators[0].settings):
            report(problem)
