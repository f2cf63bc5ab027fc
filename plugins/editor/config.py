"""The web editor's configuration (Sveltia CMS `admin/config.yml`), made from the kit's
own definitions at each build:

- one collection per Markdown content type of `front_matter.schema` with a folder
  (ARTICLE_PATHS, PAGE_PATHS, CONTENT_TYPE_PATHS, as the reader) and fields (`used_by`),
  named from `schema.TYPE_LABELS`;
- the site identity file (plugin identity) and the village registry (plugin villages),
  their keys from those plugins;
- the village data files with a form, `aparatur.yml` and `dokumen.yml` (plugin
  village_data, `data_files.py`);
- the village list of the forms from `content/desa.yml`, categories from CATEGORIES or
  from the articles of this build.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from front_matter import schema
from identity import situs
from villages import data as village_data
from villages import registry as village_registry
from villages.slugs import distinct_labels

from .data_files import data_collection
from .fields import ADDRESS_PATTERN, SLUG_MESSAGE, SLUG_PATTERN, form_field, in_form

BODY = {"name": "body", "label": "Isi", "widget": "markdown", "required": True}
# The body's hint, of each type's form ({kind}: the type's name, "berita", "halaman", ...).
BODY_HINT = (
    "Isi {kind}. Foto di dalam isi: tombol gambar, lalu isi teks penggantinya (apa yang "
    "tampak di foto): tanpa itu build berhenti."
)

# Commit messages on GitHub, in Indonesian ({{slug}}, {{path}}, {{collection}}: Sveltia tags).
COMMIT_MESSAGES = {
    "create": "Tambah {{collection}}: {{slug}} (editor web)",
    "update": "Ubah {{collection}}: {{slug}} (editor web)",
    "delete": "Hapus {{collection}}: {{slug}} (editor web)",
    "uploadMedia": "Unggah berkas: {{path}} (editor web)",
    "deleteMedia": "Hapus berkas: {{path}} (editor web)",
}

IDENTITY_LABELS = {
    "nama": ("Nama situs", "Nama yang tampil di kepala setiap halaman."),
    "slogan": ("Slogan", "Satu kalimat pendek di bawah nama situs."),
    "penulis": ("Penulis bawaan", "Nama penulis bila berita tidak menulis penulis."),
    "alamat": ("Alamat kantor", "Alamat kantor desa di kaki halaman."),
    "telepon": ("Telepon", "Nomor telepon kantor, misalnya 0356-123456."),
    "whatsapp": ("WhatsApp", "Nomor WhatsApp kantor, misalnya 0812-3456-7890."),
    "email": ("Surel", "Alamat surel kantor."),
    "logo": ("Logo", "Gambar logo di content/images/."),
    "desa": ("Desa situs ini", "Kode resmi atau nama desa dari daftar desa (desa.yml)."),
    "kecamatan": ("Kecamatan", "Bila desa tidak diisi."),
    "kabupaten": ("Kabupaten/kota", "Bila desa tidak diisi."),
    "provinsi": ("Provinsi", "Bila desa tidak diisi."),
    "kode_pos": ("Kode pos", "Bila desa tidak diisi."),
}
VILLAGE_LABELS = {
    "kode": (
        "Kode resmi Kemendagri",
        "Misalnya 35.23.07.2005. Cukup kode ini, atau nama desa beserta kecamatan/kabupatennya.",
    ),
    "nama": ("Nama desa", "Nama desa (bila kode tidak ditulis)."),
    "tipe": ("Jenis", "desa, desa adat atau kelurahan (bila namanya sama)."),
    "kecamatan": ("Kecamatan", "Untuk membedakan desa yang namanya sama."),
    "kabupaten": ("Kabupaten/kota", "Untuk membedakan desa yang namanya sama."),
    "provinsi": ("Provinsi", "Untuk membedakan desa yang namanya sama."),
    "kode_pos": (
        "Kode pos",
        "Biasanya dikosongkan: diambil dari data resmi (bila diisi, harus sama).",
    ),
    "slug": ("Slug", "Bagian alamat halaman desa (bawaan: dari nama)."),
    "situs": ("Situs web desa", "Alamat lengkap, diawali https://"),
    "alamat": ("Alamat kantor desa", "Alamat kantor desa."),
    "lat": ("Lintang", "Koordinat kantor desa, misalnya -6.95."),
    "lon": ("Bujur", "Koordinat kantor desa, misalnya 111.78."),
    "deskripsi": ("Deskripsi", "Satu paragraf tentang desa."),
}


def content_folder(settings: Mapping[str, Any]) -> str:
    """The content folder as the repository sees it (the site folder is the repository)."""
    return os.path.basename(os.path.normpath(settings["PATH"])) or "content"


def type_folders(settings: Mapping[str, Any]) -> dict[str, list[str]]:
    """{content type: its folders inside content/}, as front_matter.reader reads them."""
    folders = {
        schema.ARTICLE: settings.get("ARTICLE_PATHS") or [],
        schema.PAGE: settings.get("PAGE_PATHS") or [],
    }
    folders.update(settings.get("CONTENT_TYPE_PATHS") or {})
    return folders


def content_types(settings: Mapping[str, Any]) -> list[tuple[str, schema.TypeLabels, str]]:
    """[(type, its TypeLabels, its folder)] for every Markdown content type of the schema
    (CONTENT_TYPES and any type a field names) that has a folder and fields."""
    names = list(schema.CONTENT_TYPES)
    for field in schema.FIELDS:
        for name in (*field.used_by, *field.required):
            if name not in names:
                names.append(name)
    folders = type_folders(settings)
    found = []
    for name in names:
        paths = folders.get(name) or []
        if not paths or not any(name in field.used_by for field in schema.FIELDS):
            continue
        title = name.replace("_", " ").capitalize()
        labels = schema.TYPE_LABELS.get(name) or schema.TypeLabels(title, title)
        found.append((name, labels, paths[0].strip("/")))
    return found


def type_collection(
    name: str,
    labels: schema.TypeLabels,
    folder: str,
    settings: Mapping[str, Any],
    choices: Mapping[str, Any],
) -> dict[str, Any]:
    used = [field for field in schema.FIELDS if name in field.used_by]
    fields = [form_field(field, name, choices) for field in used if in_form(field, name)]
    # A required field the form cannot fill: such files are edited, never created here.
    creatable = all(in_form(field) for field in used if name in field.required)
    slug_field = schema.BY_KEY["slug"].written
    for field in fields:
        if field["name"] == slug_field:  # the file name and the address are fixed
            field["required"] = True
            field["hint"] += " Wajib: nama berkas dan alamat dibuat dari slug ini."
    title = schema.BY_KEY["title"].written
    date = schema.BY_KEY["date"].written
    collection = {
        "name": name,
        "label": labels.label,
        "label_singular": labels.singular,
        "folder": f"{content_folder(settings)}/{folder}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": creatable,
        "identifier_field": title,
        "slug": {
            "template": ("{{year}}-{{month}}-{{day}}-" if labels.dated else "")
            + "{{fields."
            + slug_field
            + "}}"
        },
        "summary": "{{" + title + "}}",
        "fields": [*fields, {**BODY, "hint": BODY_HINT.format(kind=labels.singular.lower())}],
    }
    if any(field.type == "photos" for field in used):  # an album: folder/index.md + photos
        collection["path"] = "{{slug}}/index"
        collection["media_folder"] = ""  # the entry's own folder
        collection["public_folder"] = ""
    if labels.dated and schema.BY_KEY["date"] in [f for f in schema.FIELDS if name in f.used_by]:
        collection["sortable_fields"] = {
            "fields": [date, title],
            "default": {"field": date, "direction": "descending"},
        }
    return collection


IDENTITY_PATTERNS = {
    "telepon": [situs.PHONE.pattern, "Nomor saja, misalnya 0356-123456 (tanpa nama orang)."],
    "whatsapp": [situs.PHONE.pattern, "Nomor saja, misalnya 0812-3456-7890 (tanpa nama orang)."],
    "email": [situs.EMAIL.pattern, "Alamat surel lengkap, misalnya pemdes@binangun.desa.id."],
}


LOGO_TYPES = "image/png,image/jpeg,image/svg+xml,image/webp,image/gif"
VILLAGE_PATTERNS = {
    "slug": [SLUG_PATTERN, SLUG_MESSAGE],
    "situs": [ADDRESS_PATTERN, "Tulis alamat lengkap yang diawali https://"],
    "kode_pos": [r"^[0-9]{5}$", "Lima angka, misalnya 62361."],
}


def reserved_segments(settings: Mapping[str, Any]) -> list[str]:
    """The first segments of the addresses the site writes itself (every *_URL and
    *_SAVE_AS folder without a `{...}` in it, the data pages, the static folders, the
    editor, the photos and the search index): a page (`{slug}/`) may not be one."""
    found = {"pagefind", "foto", "theme"}
    values = [v for k, v in settings.items() if k.endswith(("_URL", "_SAVE_AS"))]
    values += list((settings.get("VILLAGE_DATA_PAGES") or {}).values())
    values += [f"{v}/" for v in settings.get("STATIC_PATHS") or []]
    values += [f"{settings.get(k)}/" for k in ("EDITOR_PATH", "THEME_STATIC_DIR", "PHOTOS_OUTPUT")]
    for value in values:
        first, slash, _rest = str(value or "").lstrip("/").partition("/")
        if slash and first and "{" not in first and re.fullmatch(r"[a-z0-9-]+", first):
            found.add(first)
    return sorted(found)


def _text_field(name, labels, required=False):
    label, hint = labels[name]
    return {"name": name, "label": label, "hint": hint, "widget": "string", "required": required}


def identity_collection(settings: Mapping[str, Any], choices: Mapping[str, Any]) -> dict[str, Any]:
    labels = IDENTITY_LABELS
    fields = []
    for key in situs.KEYS:
        if key not in labels:
            continue  # media_sosial and menu: edited in the file itself (see README)
        if key == "logo":
            field = {
                "name": key,
                "label": labels[key][0],
                "hint": labels[key][1],
                "widget": "image",
                "required": False,
                "choose_url": False,
            }
        elif key == "desa" and choices.get("villages"):
            # The identity names its village by the official code (unambiguous).
            options = [
                {"label": option["label"], "value": option["code"]}
                for option in choices["villages"]
            ]
            field = {
                "name": key,
                "label": labels[key][0],
                "hint": labels[key][1],
                "widget": "select",
                "options": options,
                "required": False,
            }
        else:
            field = _text_field(key, labels)
            if key in IDENTITY_PATTERNS:  # what situs.py accepts (its expressions are JS too)
                field["pattern"] = IDENTITY_PATTERNS[key]
        if key == "logo":
            field["accept"] = LOGO_TYPES  # situs.IMAGE's kinds
        fields.append(field)
    name = settings.get(situs.FILE_SETTING) or situs.DEFAULT_FILE
    return {
        "name": "situs",
        "label": "Identitas situs",
        "files": [
            {
                "name": "situs",
                "label": "Nama, alamat dan kontak situs",
                "file": f"{content_folder(settings)}/{name}",
                "format": "yaml",
                "fields": fields,
            }
        ],
    }


def registry_collection(settings: Mapping[str, Any]) -> dict[str, Any]:
    entry_fields = [_text_field(key, VILLAGE_LABELS) for key in village_registry.KEYS]
    for field in entry_fields:  # what villages.registry accepts
        if field["name"] in VILLAGE_PATTERNS:
            field["pattern"] = VILLAGE_PATTERNS[field["name"]]
    name = settings.get("VILLAGES_REGISTRY") or "desa.yml"
    return {
        "name": "desa",
        "label": "Daftar desa",
        "files": [
            {
                "name": "desa",
                "label": "Daftar desa yang diliput",
                "file": f"{content_folder(settings)}/{name}",
                "format": "yaml",
                "fields": [
                    {
                        "name": "desa",
                        "label": "Desa",
                        "widget": "list",
                        "root": True,
                        "summary": "{{fields.kode}} {{fields.nama}}",
                        "label_singular": "desa",
                        "fields": entry_fields,
                    }
                ],
            }
        ],
    }


def village_choices(settings: Mapping[str, Any]) -> list[dict[str, str]]:
    """[{label, value, code, name}] of the registry's villages (value: the slug articles
    write; name: "Desa Binangun", with its kecamatan when another village of the registry
    has that name, as the site names it: "Desa Ngampel, Kec. Manyar")."""
    path = os.path.join(settings["PATH"], settings.get("VILLAGES_REGISTRY") or "desa.yml")
    loaded = village_registry.load_registry(path, settings.get("VILLAGES_REGISTRY_MAX_KB"))
    names = distinct_labels(  # as the site's `distinct_title`
        [
            (
                village_data.short_name(entry.official),
                [
                    *(
                        village_data.short_name(village_data.lookup(code))
                        for code in reversed(entry.official.ancestor_codes())
                    ),
                    entry.official.code,
                ],
            )
            for entry in loaded.entries
        ]
    )
    options = []
    for entry, name in zip(loaded.entries, names, strict=True):
        official = entry.official
        options.append(
            {
                "label": f"{village_data.path_of(official)} ({official.code})",
                "value": entry.slug,
                "code": official.code,
                "name": name,
            }
        )
    return options


def editor_config(settings: Mapping[str, Any], categories: Iterable[str] = ()) -> dict[str, Any]:
    """The whole configuration (a dict; written as YAML)."""
    choices = {
        "villages": village_choices(settings),
        "categories": sorted(set(settings.get("CATEGORIES") or categories)),
        # CATEGORIES = [] (kategori bebas): a new category may be typed
        "categories_free": not settings.get("CATEGORIES"),
        "timezone": settings.get("TIMEZONE"),
        "content": content_folder(settings),
        "reserved": reserved_segments(settings),
        "category_required": bool(settings.get("CATEGORIES"))
        and settings.get("DEFAULT_CATEGORY") not in (settings.get("CATEGORIES") or []),
    }
    content = content_folder(settings)
    collections = [
        type_collection(name, labels, folder, settings, choices)
        for name, labels, folder in content_types(settings)
    ]
    collections += [identity_collection(settings, choices), registry_collection(settings)]
    names = {option["value"]: option["name"] for option in choices["villages"]}
    data = data_collection(settings, content, names)
    if data is not None:
        collections.append(data)
    backend = {
        "name": "github",
        "repo": settings.get("EDITOR_REPO") or "pemilik/nama-repo",
        "branch": settings.get("EDITOR_BRANCH") or "main",
        # Without an OAuth helper, sign-in is with a personal access token only.
        "auth_methods": ["oauth", "token"] if settings.get("EDITOR_AUTH_URL") else ["token"],
        "commit_messages": COMMIT_MESSAGES,
    }
    if settings.get("EDITOR_AUTH_URL"):
        backend["base_url"] = settings["EDITOR_AUTH_URL"]
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    logo = settings.get("SITELOGO") or ""
    config = {
        "app_title": f"Editor {settings.get('SITENAME') or 'Warta Desa'}",
        "backend": backend,
        "media_folder": f"{content}/images",
        "public_folder": "/images",
        "output": {"omit_empty_optional_fields": True},
        # File names: ASCII, and the date of the operator's day (not UTC's).
        "slug": {"encoding": "ascii", "clean_accents": True, "maxlength": 100, "timezone": "local"},
        "collections": collections,
    }
    if siteurl.startswith(("http://", "https://")):
        config["site_url"] = siteurl
    if logo.endswith((".svg", ".png")):
        config["logo"] = {"src": f"{siteurl}/{logo}" if siteurl else f"/{logo}"}
    return config
