"""One schema field (plugins/front_matter/schema.py) -> one Sveltia CMS form field.

The form writes the key operators write (the Indonesian alias when there is one), with
the schema's Indonesian label and help; `required` comes from the schema's `required`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from front_matter import schema
from front_matter.keys import MAX_SLUG, SLUG

if TYPE_CHECKING:
    from front_matter.schema import Field

# A YouTube value the youtube plugin accepts in front matter (youtube.urls.parse with
# allow_bare_id): the 11-character ID, or a watch / youtu.be / shorts / live / embed
# address. The same text is a Python and a JavaScript regular expression; the plugin's
# tests check both agree with youtube.urls.parse.
YOUTUBE_PATTERN = (
    r"^\s*(?:[A-Za-z0-9_-]{11}|(?:https?://)?(?:(?:www|m|music)\.)?"
    r"(?:youtube\.com/(?:watch/?\?(?:[^\s#]*&)?v=|(?:embed|shorts|live|v|e)/)"
    r"|youtube-nocookie\.com/embed/|youtu\.be/)[A-Za-z0-9_-]{11}(?:[?&#/][^\s]*)?)\s*$"
)
YOUTUBE_MESSAGE = (
    "Bukan alamat video YouTube: salin alamat dari tombol Bagikan di YouTube "
    "(contoh https://youtu.be/abcdefghijk)."
)
ADDRESS_PATTERN = r"^https?://[^\s<>\"']+$"
# The reader's slug rule (front_matter.keys: SLUG, at most MAX_SLUG characters) as one
# pattern, the same text in Python and JavaScript: the length bound is a lookahead.
SLUG_PATTERN = f"^(?=.{{1,{MAX_SLUG}}}$)" + SLUG.pattern.removeprefix("^")
SLUG_MESSAGE = (
    f"Hanya huruf kecil a-z, angka dan tanda minus (paling panjang {MAX_SLUG}), "
    "misalnya musyawarah-desa-2025."
)
# A page's slug is its whole address (PAGE_URL `{slug}/`): not one the site writes itself.
RESERVED_MESSAGE = (
    f"{SLUG_MESSAGE} Bukan alamat yang sudah dipakai halaman situs sendiri (misalnya profil, "
    "arsip, agenda) atau angka saja: pilih slug lain, misalnya profil-singkat."
)
DATE_FORMAT = "YYYY-MM-DD HH:mm"  # Day.js: what the front matter reader reads
STATUS_OPTIONS = [
    {"label": "Terbit (published)", "value": "published"},
    {"label": "Draf: belum terbit (draft)", "value": "draft"},
    {"label": "Tersembunyi (hidden)", "value": "hidden"},
]
# Where the form works differently from writing the file by hand (the schema's help
# speaks of files and YAML), the form's own hint, in Indonesian.
FORM_HINTS = {
    "village": "Centang desa yang diberitakan (daftar desa di menu Daftar desa).",
    "village_code": "Desa yang belum ada di daftar di atas: tulis kode resminya (misalnya "
    "35.23.07.2001), satu kode per baris (bukan dipisah koma).",
    "region": "Kecamatan, kabupaten/kota atau provinsi yang diberitakan; satu per baris.",
    "tags": "Label, satu per baris (label yang dipisah koma menjadi satu label).",
    "image": "Foto sampul: pilih dari perangkat (tersimpan di content/images/); isi juga "
    "keterangan dan teks pengganti di bawah.",
    "old_addresses": "Alamat lama berita atau halaman ini, satu per baris; tiap alamat "
    "diarahkan ke sini.",
    "date": "Tanggal dan jam terbit, menurut zona waktu situs.",
    # The picker always writes a time: 00:00 is read as the whole day (notices.contents).
    "start": "Tanggal dan jam mulai. Acara sehari penuh: biarkan jamnya 00.00.",
    "end": "Tanggal dan jam selesai (boleh kosong). Sampai akhir hari itu: jam 00.00.",
    "valid_until": "Hari terakhir pengumuman berlaku (jam 00.00: sepanjang hari itu).",
    # The schema's help speaks of YAML values and files written by hand.
    "status": "Terbit: tampil di situs. Draf: belum tampil (bisa dilihat di alamat draf/). "
    "Tersembunyi: hanya bisa dibuka lewat alamatnya.",
    "featured": "Nyalakan agar berita ini menjadi berita utama di beranda (yang terbaru bila "
    "lebih dari satu).",
    "pinned": "Nyalakan agar pengumuman ini tampil paling atas.",
    "attachment": "Pilih berkas lampiran (PDF, gambar) dari perangkat; tersimpan di "
    "content/files/.",
}
# The select's labels of the theme's templates; a type's form offers the templates that fit
# it (schema.TEMPLATES), and has no `template` field when only one fits (`in_form`).
TEMPLATE_LABELS = {"article": "Berita (article)", "page": "Halaman (page)"}


# The schema types the form knows (front_matter.schema docstring). A field of another type
# is left out of the form: the editor keeps its value in the file as it was written.
KNOWN_TYPES = frozenset(
    {
        "text",
        "list",
        "date",
        "status",
        "markdown",
        "address",
        "slug",
        "lang",
        "template",
        "flag",
        "file",
        "coordinates",
        "photos",
    }
)
# "lintang, bujur" as front_matter.values.coordinates reads it, in its ranges: latitude
# -90..90, longitude -180..180 (a form that took 999, 999 left the error to the build).
LATITUDE = r"-?(?:90(?:\.0+)?|[1-8]?\d(?:\.\d+)?)"
LONGITUDE = r"-?(?:180(?:\.0+)?|(?:1[0-7]\d|[1-9]?\d)(?:\.\d+)?)"
COORDINATES_PATTERN = rf"^\s*{LATITUDE}\s*,\s*{LONGITUDE}\s*$"
# The pictures a photo field takes (the photos plugin's: JPEG, PNG, WebP).
PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"


def file_widget(content: str) -> dict[str, Any]:
    """A file uploaded into content/files/, written as files/name.pdf (a notice's
    attachment, a public document)."""
    return {
        "widget": "file",
        "choose_url": False,
        "media_folder": f"/{content}/files",
        "public_folder": "files",
    }


# An album's photos (type "photos"): stored beside the album's index.md (the album
# collection's media folder is the entry's own folder), each with caption and alt text.
PHOTO_FIELDS = [
    {
        "name": "berkas",
        "label": "Foto",
        "widget": "image",
        "choose_url": False,
        "accept": PHOTO_ACCEPT,
        "hint": "Pilih foto dari perangkat; tersimpan di folder album.",
    },
    {  # required: the build needs a caption or an alt text, which a form cannot say
        "name": "keterangan",
        "label": "Keterangan",
        "widget": "string",
        "required": True,
        "hint": "Keterangan di bawah foto (wajib).",
    },
    {
        "name": "alt",
        "label": "Teks pengganti",
        "widget": "string",
        "required": False,
        "hint": "Apa yang tampak di foto, bagi pembaca tunanetra (bawaan: keterangan).",
    },
]


def in_form(field: Field, content_type: str | None = None) -> bool:
    """True when the form has a widget for `field` (its type, or its key for `image`). In
    the form of `content_type`, a `template` field only when more than one template fits
    that type (schema.TEMPLATES): with one, the theme picks it and a select would only
    offer a way to break the build. Never `translation`: a translation has its original's
    slug, and the editor refuses a second file of one slug (a value written by hand is
    kept as it is)."""
    if field.type not in KNOWN_TYPES or field.key == "translation":
        return False
    if field.type == "template" and content_type is not None:
        return len(schema.TEMPLATES.get(content_type, ())) > 1
    return True


def template_options(content_type: str) -> list[dict[str, str]]:
    """The select options of the templates that fit `content_type` (schema.TEMPLATES)."""
    return [
        {"label": TEMPLATE_LABELS.get(name, name), "value": name}
        for name in schema.TEMPLATES.get(content_type, ())
    ]


def form_field(field: Field, content_type: str, choices: Mapping[str, Any]) -> dict[str, Any]:
    """The Sveltia field for schema `field` in a `content_type` form. `choices` holds the
    build's lists: "villages" [{label, value}], "categories" [names], "timezone"."""
    widget = {
        "name": field.written,
        "label": field.label_text,
        "hint": FORM_HINTS.get(field.key, field.help_for(content_type)),
        "required": content_type in field.required,
    }
    widget.update(_widget(field, content_type, choices))
    if field.key == "category" and choices.get("category_required"):
        # A fixed CATEGORIES without DEFAULT_CATEGORY: the build stops on an article
        # without one (content_guard.categories).
        widget["required"] = True
    if field.type == "slug" and content_type == "page" and choices.get("reserved"):
        widget["pattern"] = [page_slug_pattern(choices["reserved"]), RESERVED_MESSAGE]
    return widget


def page_slug_pattern(reserved) -> str:
    """SLUG_PATTERN but for the first segments the site's own pages use (`reserved`) and
    numbers alone (the home page's `2/`, `3/`): the same text in Python and JavaScript."""
    names = "|".join(sorted(reserved))
    return f"^(?!(?:{names}|[0-9]+)$)" + SLUG_PATTERN.removeprefix("^")


def _widget(field, content_type, choices):
    if field.key == "village" and choices.get("villages"):
        options = [
            {"label": option["label"], "value": option["value"]} for option in choices["villages"]
        ]
        return {"widget": "select", "multiple": True, "options": options, "dropdown_threshold": 8}
    if field.key == "category" and choices.get("categories_free"):
        used = ", ".join(choices.get("categories") or [])
        return {  # CATEGORIES = [] (kategori bebas): a select would allow no new category
            "widget": "string",
            "hint": f"{field.help_for(content_type)} Sudah dipakai: {used} (tulis persis sama "
            "agar masuk kategori itu; kategori baru boleh)."
            if used
            else field.help_for(content_type),
        }
    if field.key == "category" and choices.get("categories"):
        return {"widget": "select", "options": list(choices["categories"])}
    if field.key == "image":
        return {"widget": "image", "choose_url": False, "accept": PHOTO_ACCEPT}
    if field.key == "youtube":
        return {"widget": "string", "pattern": [YOUTUBE_PATTERN, YOUTUBE_MESSAGE]}
    kind = field.type
    if kind == "date":
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "input_timezone": choices.get("timezone") or "local",
            "output_utc": False,
        }
    if kind == "list":
        return {"widget": "list"}
    if kind == "markdown":
        return {"widget": "text"}
    if kind == "address":
        return {
            "widget": "string",
            "pattern": [ADDRESS_PATTERN, "Tulis alamat lengkap yang diawali https://"],
        }
    if kind == "slug":
        # maxlength: Sveltia's character counter and its own message; the pattern also
        # bounds the length (a value pasted past the counter is still refused)
        return {"widget": "string", "maxlength": MAX_SLUG, "pattern": [SLUG_PATTERN, SLUG_MESSAGE]}
    if kind == "status":
        return {"widget": "select", "options": STATUS_OPTIONS, "default": "published"}
    if kind == "template":
        return {"widget": "select", "options": template_options(content_type)}
    if kind == "lang":
        return {"widget": "string", "pattern": ["^[a-z]{2,3}$", "Kode bahasa, misalnya en."]}
    if kind == "flag":
        return {"widget": "boolean", "default": False}
    if kind == "file":
        return file_widget(choices.get("content") or "content")
    if kind == "coordinates":
        return {
            "widget": "string",
            "pattern": [COORDINATES_PATTERN, "Tulis lintang, bujur, misalnya -6.9912, 111.8307."],
        }
    if kind == "photos":
        return {"widget": "list", "fields": PHOTO_FIELDS, "min": 1}
    return {"widget": "string"}
