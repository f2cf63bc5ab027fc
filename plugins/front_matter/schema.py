"""The front matter schema: every key an operator may write, once.

Each Field holds the canonical (English, Pelican) key, its Indonesian alias, its type, the
content types that require it, the content types that use it, a help text in Indonesian
(for `invoke new` and the web editor) and the reference text of the README's
"Front matter reference" table. Driven from here: the reader's key lists and aliases
(`source.py`), the required-key checks and value conversion (`reader.py`), the comments
of a new article (`wartadesa/new.py`), the README table (`render_reference()`,
checked by `plugins/front_matter/tests/test_schema.py`) and the web editor's forms
(plugins/editor). To add a field, add it here.

Content types: CONTENT_TYPES names the Markdown content types (folders: ARTICLE_PATHS,
PAGE_PATHS, CONTENT_TYPE_PATHS), TYPE_LABELS what operators call them; the web editor
makes one form of each type that has a folder and fields (`used_by`). A page (Profil,
Kontak) has no date, category or village: the reader takes a page with them for a news
article in the wrong folder (reader.NEWS_KEYS, a warning), so they are not the page's.

Types: `text` (one value), `list` (one value or a list), `date`, `status`, `markdown`
(text, Markdown allowed), `address` (a web address), `slug`, `lang`, `template`, `flag`
(true/false, also ya/tidak), `file` (a file under content/files/), `coordinates`
("lat, lon"), `photos` (a list of mappings `berkas`/`keterangan`/`alt`, an album's photos).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ARTICLE = "article"
PAGE = "page"
BOTH = (ARTICLE, PAGE)
# Markdown content types beside articles and pages; each is read from the folders the
# setting CONTENT_TYPE_PATHS gives it (defaults in wartadesa/defaults.py), and a Field
# names the types it belongs to in `used_by` and `required`.
NOTICE = "notice"  # pengumuman
EVENT = "event"  # agenda
ALBUM = "album"  # galeri
CONTENT_TYPES = (ARTICLE, PAGE, NOTICE, EVENT, ALBUM)
# Title, dates, villages, status and slug mean the same in every type of the notice board.
NOTICE_BOARD = (NOTICE, EVENT)
# The theme's templates a `template:` key may name, by content type: the theme's article.html
# renders an `article`, page.html a `page`, so `template: page` on a news article stops the
# build in the theme. The reader refuses a template of another type (front_matter.keys
# .check_template); the web editor offers the templates of each type, and no field where
# only one fits.
TEMPLATES = {ARTICLE: ("article",), PAGE: ("page",)}


@dataclass(frozen=True)
class TypeLabels:
    """What operators call a content type (the web editor's collection names)."""

    label: str  # Indonesian, plural
    singular: str  # Indonesian, one item
    dated: bool = False  # new files are named YYYY-MM-DD-slug.md (else slug.md)


# A type without an entry is shown under its name, its files named slug.md.
TYPE_LABELS = {
    ARTICLE: TypeLabels("Berita", "Berita", dated=True),
    PAGE: TypeLabels("Halaman", "Halaman"),
    NOTICE: TypeLabels("Pengumuman", "Pengumuman", dated=True),
    EVENT: TypeLabels("Agenda", "Agenda"),
    ALBUM: TypeLabels("Galeri", "Album"),
}
# What operators call each type in messages (a key that does not belong to a type).
TYPE_NAMES = {kind: labels.label.lower() for kind, labels in TYPE_LABELS.items()}


def said_of(text: str, content_type: str) -> str:
    """A help or example text (written for news) said of `content_type`: the word berita
    becomes the type's name ("Judul berita." -> "Judul pengumuman.")."""
    labels = TYPE_LABELS.get(content_type)
    if labels is None or content_type == ARTICLE:
        return text
    return re.sub(r"\bberita\b", labels.singular.lower(), text)


@dataclass(frozen=True)
class Field:
    key: str
    alias: str = ""  # Indonesian key, "" when operators write the English one
    type: str = "text"
    required: tuple = ()  # content types that must have it
    used_by: tuple = BOTH  # content types it means something for
    help: str = ""  # Indonesian, for operators (invoke new, web editor)
    reference: str = ""  # the README table's "value" column
    example: str = ""  # a value as an operator would write it
    label: str = ""  # Indonesian form label (web editor); "" = the alias, capitalised
    # `help` speaks of "this item" as berita, said of each type (said_of); False: the text
    # names the types themselves and stays as written
    typed: bool = True

    @property
    def label_text(self) -> str:
        """The field's Indonesian name in forms."""
        return self.label or self.written.replace("_", " ").capitalize()

    def help_for(self, content_type: str) -> str:
        """`help` as said of `content_type`: "Judul pengumuman." for a notice's title."""
        return said_of(self.help, content_type) if self.typed else self.help

    @property
    def written(self) -> str:
        """The key operators write (the Indonesian alias when there is one)."""
        return self.alias or self.key


FIELDS = (
    Field(
        "title",
        "judul",
        required=(*BOTH, *NOTICE_BOARD, ALBUM),
        used_by=(*BOTH, *NOTICE_BOARD, ALBUM),
        help="Judul berita.",
        reference="required",
        example="Judul berita",
    ),
    Field(
        "date",
        "tanggal",
        "date",
        required=(ARTICLE, NOTICE, ALBUM),
        used_by=(ARTICLE, NOTICE, ALBUM),
        help="Tanggal dan jam terbit. Contoh lain: 2025-01-15 atau 2025-01-15 09:00.",
        reference="required for articles, notices and albums: `2024-06-06`, `2024-06-06 09:00`, "
        "`2024-06-06 09:00+08:00`, `2024-06-06 09:00 WITA`; also day first as Indonesians "
        "write it: `06-06-2024`, `06/06/2024`, `6 Juni 2024`, `Kamis, 6 Juni 2024 09.00`, "
        "and as the site prints it, `Kamis, 6 Juni 2024 pukul 09.00 WIB` (`pukul`/`jam`/`pkl.` "
        "before the time; Indonesian or English month names, full or short); a day name must "
        "match the date (`Jumat, 6 Juni 2024` is refused: a Thursday). One parser "
        "(`front_matter.dates`) reads every date of the kit, `dokumen.yml`'s too",
        example="2024-06-05 09:00",
    ),
    Field(
        "modified",
        "diperbarui",
        "date",
        help="Tanggal dan jam berita terakhir diperbarui (bila ada perubahan penting).",
        reference="same formats",
        example="2024-06-07 10:00",
    ),
    Field(
        "village",
        "desa",
        "list",
        used_by=(ARTICLE, *NOTICE_BOARD, ALBUM),
        help="Desa yang diberitakan: satu nama, atau beberapa seperti [binangun, saringembat].",
        reference="articles, notices, events and albums: one value or a list (see the village "
        "plugin)",
        example="binangun",
    ),
    Field(
        "village_code",
        "kode_desa",
        "list",
        used_by=(ARTICLE, *NOTICE_BOARD, ALBUM),
        label="Kode desa lain",
        help="Kode resmi Kemendagri desa yang belum ada di daftar desa, misalnya "
        "35.23.07.2001 (satu atau beberapa).",
        reference="one official village code or a list, for a village not in `desa.yml`: "
        "added to `village` (the web editor's free field beside its village select); not in "
        "pages",
        example="35.23.07.2001",
    ),
    Field(
        "region",
        "wilayah",
        "list",
        used_by=(*BOTH, *NOTICE_BOARD, ALBUM),
        help="Kecamatan, kabupaten/kota atau provinsi yang diberitakan (satu atau daftar).",
        reference="one value or a list: kecamatan, kabupaten/kota or provinsi",
        example="Kec. Singgahan",
    ),
    Field(
        "category",
        "kategori",
        used_by=(ARTICLE,),
        help="Satu kategori.",
        reference="articles: one value",
        example="Pemerintahan",
    ),
    Field(
        "tags",
        "label",
        "list",
        help="Label, boleh lebih dari satu.",
        reference="one value or a list",
        example="[musdes, anggaran]",
    ),
    Field(
        "author",
        "penulis",
        help="Nama penulis berita.",
        reference="one value",
        example="Operator Desa",
    ),
    Field(
        "summary",
        "ringkasan",
        "markdown",
        used_by=BOTH + NOTICE_BOARD,
        help="Ringkasan satu atau dua kalimat untuk daftar berita dan pratinjau WhatsApp.",
        reference="one or two sentences (Markdown allowed): the lead above the body and the "
        "text of list cards. Without it, cards show the body's first 40 words "
        "(`SUMMARY_MAX_LENGTH`) without its photos and videos, and the page has no lead",
        example="Tulis ringkasan berita di sini.",
    ),
    Field(
        "image",
        "gambar",
        help="Foto sampul: simpan berkasnya di content/images/ lalu tulis namanya.",
        reference="cover image, e.g. `images/musdes.jpg`",
        example="images/nama-foto.jpg",
    ),
    Field(
        "image_caption",
        "keterangan_gambar",
        help="Keterangan foto sampul.",
        reference="caption under the cover image",
        example="Keterangan foto.",
    ),
    Field(
        "image_alt",
        label="Teks pengganti gambar",
        help="Teks pengganti foto sampul bagi pembaca tunanetra.",
        reference="text describing the cover image for screen readers (default: the "
        "caption, else the title)",
        example="Warga bermusyawarah di balai desa",
    ),
    Field(
        "youtube",
        type="address",
        label="Video YouTube",
        help="Video YouTube di atas berita: tempel alamatnya.",
        reference="a YouTube address or 11-character video ID",
        example="https://www.youtube.com/watch?v=...",
    ),
    Field(
        "youtube_title",
        label="Judul video YouTube",
        help="Judul video YouTube (bawaan: judul berita).",
        reference="title of the front matter video (default: the article title)",
    ),
    Field(
        "source",
        "sumber",
        "address",
        help="Alamat berita asli bila berita ini dikutip.",
        reference="address of the original news item",
        example="https://...",
    ),
    Field(
        "status",
        type="status",
        used_by=(*BOTH, *NOTICE_BOARD, ALBUM),
        label="Status",
        help="draft = belum terbit. Ganti menjadi published bila siap terbit (berita dan "
        "halaman draf bisa dilihat di alamat draf/).",
        typed=False,
        reference="`published` (default; also `terbit`), `draft` (`draf`: preview only, "
        "never published), `hidden` (`tersembunyi`)",
        example="draft",
    ),
    Field(
        "slug",
        type="slug",
        used_by=(*BOTH, *NOTICE_BOARD, ALBUM),
        label="Slug (akhir alamat)",
        help="Bagian akhir alamat berita: huruf kecil, angka dan tanda minus. Jangan diubah "
        "setelah terbit: tautan yang sudah dibagikan (WhatsApp) akan rusak.",
        reference="overrides the slug made from the title: one path segment of `a-z`, "
        "`0-9` and `-` (at most 100); `invoke new` writes it",
        example="musyawarah-desa",
    ),
    Field(
        "old_addresses",
        "alamat_lama",
        "list",
        help="Alamat lama berita atau halaman ini; tiap alamat diarahkan ke sini.",
        typed=False,
        reference="one or a list of earlier addresses of this article or page: each gets "
        'a redirect page (see "Alamat berita tidak berubah")',
        example="berita/2023/05/judul-lama/",
    ),
    Field(
        "lang",
        type="lang",
        label="Bahasa",
        help="Kode bahasa terjemahan, misalnya en (bawaan: id).",
        reference="language code of a translation, e.g. `en` (default: `id`)",
        example="en",
    ),
    Field(
        "translation",
        type="flag",
        label="Terjemahan",
        help="true: berkas ini terjemahan dari berita lain dengan slug yang sama.",
        reference="`true` marks this file as the translation of the article with the same "
        "slug (Pelican)",
        example="true",
    ),
    Field(
        "template",
        type="template",
        used_by=tuple(TEMPLATES),
        label="Templat",
        help="Templat tampilan: article untuk berita, page untuk halaman (tema memilih sendiri).",
        typed=False,
        reference="`article` in an article, `page` in a page; any other is refused (the theme "
        "picks the right one anyway, so the web editor has no field for it)",
        example="page",
    ),
    Field(
        "featured",
        "utama",
        "flag",
        used_by=(ARTICLE,),
        help="true: berita ini menjadi berita utama di beranda (yang terbaru bila lebih dari "
        "satu).",
        reference="articles: `true` makes it the home page's headline (default: the newest "
        "article)",
        example="true",
    ),
    # Pengumuman (content/pengumuman/)
    Field(
        "valid_until",
        "berlaku_sampai",
        "date",
        used_by=(NOTICE,),
        help="Tanggal terakhir pengumuman berlaku (tidak boleh sebelum tanggal). Sesudahnya "
        'pengumuman hilang dari beranda dan ditandai "sudah berakhir", tetapi tetap bisa dibuka.',
        reference="notices: last day it applies (same formats as `date`; before `date` is an "
        'error); afterwards it leaves the home page, marked "sudah berakhir"',
        example="2024-06-30",
    ),
    Field(
        "pinned",
        "penting",
        "flag",
        used_by=(NOTICE,),
        help="true: pengumuman penting, tampil paling atas.",
        reference="notices: `true` pins it first (also `ya`)",
        example="true",
    ),
    Field(
        "attachment",
        "lampiran",
        "file",
        used_by=(NOTICE,),
        help="Berkas lampiran (PDF, gambar): simpan di content/files/ lalu tulis namanya.",
        reference="notices: a file under `content/files/`, e.g. `files/jadwal.pdf` (must exist)",
        example="files/nama-berkas.pdf",
    ),
    # Agenda (content/agenda/)
    Field(
        "start",
        "mulai",
        "date",
        required=(EVENT,),
        used_by=(EVENT,),
        help="Kapan acara mulai: tanggal saja (sehari penuh) atau tanggal dan jam.",
        reference="required for events: same formats as `date`; a date without a time is an "
        "all-day event",
        example="2024-06-20 09:00",
    ),
    Field(
        "end",
        "selesai",
        "date",
        used_by=(EVENT,),
        help="Kapan acara selesai (tidak boleh sebelum mulai).",
        reference="events: same formats; not before `start`",
        example="2024-06-20 12:00",
    ),
    Field(
        "venue",
        "tempat",
        used_by=(EVENT,),
        help="Tempat acara.",
        reference="events: where it takes place",
        example="Balai Desa Binangun",
    ),
    Field(
        "organizer",
        "penyelenggara",
        used_by=(EVENT,),
        help="Penyelenggara acara.",
        reference="events: who organises it",
        example="Pemerintah Desa Binangun",
    ),
    Field(
        "geo",
        "peta",
        "coordinates",
        used_by=(EVENT,),
        help="Titik lokasi acara di peta: lintang, bujur (salin dari OpenStreetMap).",
        reference="events: coordinates `lat, lon` in degrees, e.g. `-6.99, 111.83`",
        example="-6.9912, 111.8307",
    ),
    # --- galeri (plugin gallery) ---
    Field(
        "photos",
        "foto",
        "photos",
        required=(ALBUM,),
        used_by=(ALBUM,),
        help="Foto album, berurutan: tiap foto dengan berkas (nama berkas di folder album), "
        "keterangan dan alt (teks bagi pembaca tunanetra; bawaan: keterangan).",
        reference="required for albums: the album's photos in order, a list of "
        "`- berkas: a.jpg` (`file`) with `keterangan` (`caption`) and `alt` (default: the "
        'caption); see "Photo albums"',
        example="[{berkas: foto-1.jpg, keterangan: Warga bekerja bakti}]",
    ),
)

# Keys operators may not write: the site makes addresses and output paths itself.
# Canonical key -> what it is, in Indonesian (for the error message).
REFUSED = {
    "url": "alamat halaman",
    "save_as": "nama berkas keluaran",
    "override_url": "alamat halaman",
    "override_save_as": "nama berkas keluaran",
}

BY_KEY = {field.key: field for field in FIELDS}
ALIASES = {field.alias: field.key for field in FIELDS if field.alias}
KEYS = frozenset(BY_KEY)
LIST_KEYS = frozenset(field.key for field in FIELDS if field.type == "list")
# Keys holding a list of mappings of text (an album's photos), each kept with its line.
RECORD_KEYS = frozenset(field.key for field in FIELDS if field.type == "photos")
SCALAR_KEYS = KEYS - LIST_KEYS


def of_type(kind: str) -> frozenset[str]:
    """The keys of one type ("date", "list", ...)."""
    return frozenset(field.key for field in FIELDS if field.type == kind)


def required_for(content_type: str) -> list[Field]:
    """Fields every `content_type` ("article", "page", ...) must have, in schema order."""
    return [field for field in FIELDS if content_type in field.required]


def render_reference() -> str:
    """The README's "Front matter reference" table (Markdown), one row per field."""
    rows = ["| key | alias | value |", "| --- | --- | --- |"]
    for field in FIELDS:
        alias = f" `{field.alias}` " if field.alias else " "
        rows.append(f"| `{field.key}` |{alias}| {field.reference} |")
    return "\n".join(rows) + "\n"


def used_by(content_type: str) -> list[Field]:
    """Fields that mean something for `content_type`, in schema order."""
    return [field for field in FIELDS if content_type in field.used_by]
