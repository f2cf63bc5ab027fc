"""Start a new article with its front matter filled in and explained in Indonesian:

    python -m wartadesa.new "Judul berita" --desa binangun --kategori Pemerintahan
    python -m wartadesa.new            # asks for the title, villages and category
    python -m wartadesa.new --jenis agenda "Musyawarah Desa" --desa binangun

Other content types (--jenis pengumuman, agenda, galeri) get the keys the front matter
schema says they use (`schema.used_by`), required ones filled in, the others commented
out with an example; they are written to the type's folder (CONTENT_TYPE_PATHS).

Writes content/berita/YYYY-MM-DD-slug.md (today, in the site's TIMEZONE), prints its
path, and never overwrites a file. The slug (the article's address) is written into the
front matter, so fixing a typo in the title later does not move the article; when
another article already has that address, the new one gets -2, -3, ... added.
Villages given with --desa are checked against content/desa.yml and the official data.
"""

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from wartadesa.build import ROOT, BuildFailed, load_settings

MAX_NAME_SLUG = 80

# The keys of a new article, in order; their comments are the schema's help texts
# (plugins/front_matter/schema.py). Optional keys are written commented out, with an example.
NEW_ARTICLE_KEYS = ("title", "slug", "date", "category", "village")
OPTIONAL_KEYS = ("tags", "summary", "image", "image_caption", "youtube")
HEADER = (
    "# Berita baru. Baris yang diawali # hanya catatan: tidak ikut terbit.\n"
    "# Untuk memakai kunci yang diawali #, hapus tanda # di depannya.\n"
)
BODY = """
Tulis isi berita di sini. Pisahkan paragraf dengan satu baris kosong.

## Subjudul bila perlu

Isi lanjutan berita.
"""


class NewArticleError(Exception):
    """A message for the operator (no traceback)."""


def yaml_value(text):
    """`text` as a YAML scalar that reads back as exactly `text`."""
    try:
        if yaml.load(text, Loader=yaml.BaseLoader) == text and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def make_slug(title, settings):
    from pelican.utils import slugify

    return slugify(
        title,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def now_in(settings):
    return dt.datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC"))


def render(title, villages, category, settings, now, slug=None):
    """The new file's text."""
    slug = slug or make_slug(title, settings)
    villages = [v for v in villages if v]
    if not villages:
        village_line = "# desa: nama-desa"
    elif len(villages) == 1:
        village_line = f"desa: {yaml_value(villages[0])}"
    else:
        names = ", ".join(json.dumps(v, ensure_ascii=False) for v in villages)
        village_line = f"desa: [{names}]"
    allowed = settings.get("CATEGORIES") or []
    context = {  # what only this article knows, after the key's help text
        "slug": f"Alamat berita: {article_address(slug, now, settings)}",
        "date": f"Jam menurut zona {settings.get('TIMEZONE')}.",
        "category": f"Pilih salah satu: {', '.join(allowed)}." if allowed else "",
    }
    values = {
        "title": yaml_value(title),
        "slug": slug,
        "date": f"{now:%Y-%m-%d %H:%M}",
        "category": yaml_value(category),
    }
    return front_matter(values, context, village_line) + BODY


def front_matter(values, context, village_line):
    """The commented front matter block of a new article, from the schema."""
    from front_matter import schema

    lines = ["---", HEADER.rstrip("\n")]
    for key in NEW_ARTICLE_KEYS + OPTIONAL_KEYS + ("status",):
        field = schema.BY_KEY[key]
        lines.append(f"# {field.help}")
        if context.get(key):
            lines.append(f"# {context[key]}")
        if key == "village":
            lines.append(village_line)
        elif key in OPTIONAL_KEYS:
            lines.append(f"# {field.written}: {field.example}")
        elif key == "status":
            lines.append(f"{field.written}: draft")
        else:
            lines.append(f"{field.written}: {values[key]}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article_address(slug, date, settings):
    """The article's address as the site will publish it (ARTICLE_URL)."""
    return settings["ARTICLE_URL"].format(slug=slug, date=date)


def taken_addresses(folder, settings):
    """Addresses of the articles already in `folder` (files that cannot be read are
    skipped: `invoke check` reports them)."""
    from front_matter.dates import DateError, parse_date
    from front_matter.errors import ContentError
    from front_matter.source import read_source

    taken = set()
    for path in sorted(Path(folder).rglob("*.md")):
        try:
            meta = read_source(path).meta
            date = parse_date(meta["date"])
            slug = meta.get("slug") or make_slug(meta.get("title") or "", settings)
        except (ContentError, DateError, KeyError, OSError):
            continue
        if slug:
            taken.add(article_address(slug, date, settings))
    return taken


def unique_slug(slug, now, folder, settings):
    """`slug`, or `slug-2`, `slug-3`, ... when another article has that address."""
    taken = taken_addresses(folder, settings)
    for number in range(1, 1000):
        candidate = slug if number == 1 else f"{slug}-{number}"
        if article_address(candidate, now, settings) not in taken:
            return candidate
    raise NewArticleError(f"terlalu banyak berita beralamat {slug}-N bulan ini")


def check_villages(villages, settings):
    """Each village as the build will resolve it, with the build's own suggestions."""
    from villages.registry import load_registry
    from villages.resolve import Resolver, Unresolved

    if not villages:
        return
    registry = load_registry(Path(settings["PATH"]) / settings["VILLAGES_REGISTRY"])
    if registry.errors:
        raise NewArticleError("; ".join(str(error) for error in registry.errors))
    resolver = Resolver(registry.entries, registry.broken_keys)
    for village in villages:
        try:
            resolver.village(village)
        except Unresolved as problem:
            raise NewArticleError(f"--desa {village}: {problem.message} — {problem.hint}") from None


def check_category(category, settings):
    from content_guard.categories import closest

    allowed = settings.get("CATEGORIES") or []
    if allowed and category not in allowed:
        near = closest(category, allowed)
        hint = f" Maksud Anda '{near[0]}'?" if near else ""
        raise NewArticleError(
            f"kategori '{category}' tidak ada dalam daftar kategori situs.{hint} "
            f"Pilih salah satu: {', '.join(allowed)} (unknown category)"
        )


def write_article(title, villages=(), category="", settings=None, now=None):
    """Create the article file; return its Path. Never overwrites."""
    title = " ".join((title or "").split())
    if not title:
        raise NewArticleError("judul belum diisi (missing title)")
    slug = make_slug(title, settings)
    if not slug:
        raise NewArticleError(
            f"judul '{title}' tidak berisi huruf atau angka untuk alamat berita (empty slug)"
        )
    category = " ".join((category or "").split()) or settings.get("DEFAULT_CATEGORY", "Umum")
    check_category(category, settings)
    villages = [v for v in villages if v]
    check_villages(villages, settings)
    now = now or now_in(settings)
    folder = Path(settings["PATH"]) / (settings.get("ARTICLE_PATHS") or [""])[0]
    slug = unique_slug(slug, now, folder, settings)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{now:%Y-%m-%d}-{slug}"
    if len(stem) > MAX_NAME_SLUG:
        stem = stem[:MAX_NAME_SLUG].rsplit("-", 1)[0]
    text = render(title, villages, category, settings, now, slug)
    for number in range(1, 1000):
        path = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            return path
        except FileExistsError:
            continue
    raise NewArticleError(f"terlalu banyak berkas bernama {stem}-N.md di {folder}")


# What operators call each type on the command line (the schema's TYPE_NAMES).
LAYOUTS = {"album": "{slug}/index.md"}  # an album is a folder with its photos
TYPED_BODY = "\nTulis isi {name} di sini. Pisahkan paragraf dengan satu baris kosong.\n"


def content_types():
    """{word operators type: content type}, for the types with a folder of their own."""
    from front_matter import schema

    return {schema.TYPE_NAMES[t]: t for t in schema.CONTENT_TYPES if t != schema.PAGE}


def typed_values(content_type, title, slug, villages, now, settings):
    """Values of the keys a new file of `content_type` writes uncommented."""
    stamp = f"{now:%Y-%m-%d %H:%M}"
    return {
        "title": yaml_value(title),
        "slug": slug,
        "date": stamp,
        "start": f"{now:%Y-%m-%d} 09:00",
        "village": villages,
    }


def render_typed(content_type, title, villages, settings, now, slug):
    """A new notice, event or album: every key the schema says the type uses."""
    from front_matter import schema

    name = schema.TYPE_NAMES[content_type]
    values = typed_values(content_type, title, slug, villages, now, settings)
    lines = [
        "---",
        f"# {name.capitalize()} baru. Baris yang diawali # hanya catatan: tidak ikut terbit.",
        "# Untuk memakai kunci yang diawali #, hapus tanda # di depannya.",
    ]
    fields = [
        f for f in schema.used_by(content_type) if f.key not in ("lang", "translation", "template")
    ]  # no translations here
    # The title and address first, then what the type needs, the rest, the status last.
    fields.sort(
        key=lambda f: (
            f.key not in ("title", "slug"),
            content_type not in f.required,
            f.key == "status",
        )
    )
    for field in fields:
        lines.append(f"# {field.help_for(content_type)}")
        value = values.get(field.key)
        if field.key == "village":
            if value:
                names = ", ".join(json.dumps(v, ensure_ascii=False) for v in value)
                lines.append(
                    f"{field.written}: [{names}]"
                    if len(value) > 1
                    else f"{field.written}: {yaml_value(value[0])}"
                )
            else:
                lines.append(f"# {field.written}: nama-desa")
        elif field.key == "status":
            lines.append(f"{field.written}: draft")
        elif value is not None and (
            field.key in ("title", "slug") or content_type in field.required
        ):
            lines.append(f"{field.written}: {value}")
        elif content_type in field.required:
            lines.append(f"{field.written}: {schema.said_of(field.example, content_type)}")
        else:
            lines.append(f"# {field.written}: {schema.said_of(field.example, content_type)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + TYPED_BODY.format(name=name)


def write_typed(content_type, title, villages=(), settings=None, now=None):
    """Create a new file of `content_type` in its folder; return its Path."""
    from front_matter import schema

    title = " ".join((title or "").split())
    name = schema.TYPE_NAMES[content_type]
    if not title:
        raise NewArticleError("judul belum diisi (missing title)")
    if not schema.used_by(content_type):
        raise NewArticleError(f"jenis {name} belum didukung kit ini (content type not ready)")
    folders = (settings.get("CONTENT_TYPE_PATHS") or {}).get(content_type) or []
    if not folders:
        raise NewArticleError(f"jenis {name} tidak punya folder di CONTENT_TYPE_PATHS")
    slug = make_slug(title, settings)
    if not slug:
        raise NewArticleError(
            f"judul '{title}' tidak berisi huruf atau angka untuk alamat (empty slug)"
        )
    villages = [v for v in villages if v]
    check_villages(villages, settings)
    now = now or now_in(settings)
    folder = Path(settings["PATH"]) / folders[0]
    slug = unique_typed_slug(slug, folder, settings)
    layout = LAYOUTS.get(content_type, "{date}-{slug}.md")
    path = folder / layout.format(slug=slug, date=f"{now:%Y-%m-%d}")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(render_typed(content_type, title, villages, settings, now, slug))
    except FileExistsError:
        raise NewArticleError(f"berkas {display(path)} sudah ada (file exists)") from None
    return path


def unique_typed_slug(slug, folder, settings):
    """`slug`, or `slug-2`, ... when another file of the folder has that slug (the
    notice board's addresses have no date: pengumuman/{slug}/)."""
    from front_matter.errors import ContentError
    from front_matter.source import read_source

    taken = set()
    for path in sorted(Path(folder).rglob("*.md")):
        try:
            meta = read_source(path).meta
        except (ContentError, OSError):
            continue
        taken.add(meta.get("slug") or make_slug(meta.get("title") or "", settings))
    for number in range(1, 1000):
        candidate = slug if number == 1 else f"{slug}-{number}"
        if candidate not in taken:
            return candidate
    raise NewArticleError(f"terlalu banyak alamat {slug}-N")


def ask(question, default=""):
    """input() with a default; EOF (no more answers) is an error for the operator."""
    suffix = f" [{default}]" if default else ""
    try:
        answer = input(f"{question}{suffix}: ").strip()
    except EOFError:
        print()
        raise NewArticleError("dibatalkan: jawaban tidak lengkap (cancelled)") from None
    return answer or default


def split_villages(values):
    result = []
    for value in values or []:
        result.extend(v.strip() for v in value.split(",") if v.strip())
    return result


def interactive(settings, villages=None, category=""):
    """Ask for the title, and the villages and category unless given; return all three."""
    print("Berita baru. Tekan Enter untuk memakai nilai dalam [kurung].")
    title = ""
    for _ in range(3):
        title = ask("Judul berita")
        if title:
            break
        print("Judul wajib diisi.")
    if not title:
        raise NewArticleError("judul belum diisi (missing title)")
    if not villages:
        villages = split_villages([ask("Desa (pisahkan dengan koma; kosongkan bila tidak ada)")])
    if not category:
        allowed = settings.get("CATEGORIES") or []
        if allowed:
            print("Kategori yang tersedia: " + ", ".join(allowed))
        category = ask("Kategori", settings.get("DEFAULT_CATEGORY", "Umum"))
    return title, villages, category


def display(path):
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Start a new article (asks when no title).")
    parser.add_argument("judul", nargs="?", help="the article's title")
    parser.add_argument("--desa", action="append", help="village(s), repeat or separate by commas")
    parser.add_argument("--kategori", default="", help="category")
    parser.add_argument(
        "--jenis", default="berita", help="berita (default), pengumuman, agenda or galeri"
    )
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=None, help="content folder (default: PATH setting)")
    args = parser.parse_args(argv)
    try:
        overrides = {"PATH": str(Path(args.content).resolve())} if args.content else None
        settings = load_settings(args.settings, overrides)
        content_type = content_types().get(args.jenis.strip().lower())
        if content_type is None:
            raise NewArticleError(
                f"jenis '{args.jenis}' tidak dikenal; pilih salah satu: "
                f"{', '.join(content_types())} (unknown content type)"
            )
        if content_type != "article":
            if args.kategori:
                print(
                    f"--kategori hanya untuk berita: diabaikan untuk {args.jenis.strip().lower()}",
                    file=sys.stderr,
                )
            if args.judul is None:
                raise NewArticleError(
                    "tulis judulnya, misalnya  invoke new --jenis "
                    f'{args.jenis} "Judul" (missing title)'
                )
            path = write_typed(content_type, args.judul, split_villages(args.desa), settings)
            print(display(path))
            print(
                "Berkas dibuat dengan status: draft. Lengkapi isinya, lalu ganti menjadi "
                "status: published agar tampil di situs. Periksa dengan: invoke check",
                file=sys.stderr,
            )
            return 0
        if args.judul is None:
            title, villages, category = interactive(
                settings, split_villages(args.desa), args.kategori
            )
        else:
            title, villages, category = args.judul, split_villages(args.desa), args.kategori
        path = write_article(title, villages, category, settings)
    except (NewArticleError, BuildFailed) as problem:
        kind = (args.jenis or "berita").strip().lower()
        print(f"Gagal membuat {kind}: {problem}", file=sys.stderr)
        return 1
    print(display(path))
    print(
        "Berkas dibuat dengan status: draft. Isi beritanya, lalu ganti menjadi "
        "status: published agar tampil di situs. Periksa dengan: invoke check",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
