"""The forms of the village data files (plugin village_data): `aparatur.yml` (officials and
BPD members) and `dokumen.yml` (public documents), for the site's own data folder and for
each village folder of a portal (a village of `desa.yml`, or a folder holding data files).
A portal that names no village of its own (no `desa:` in situs.yml) gets no own officials'
form: officials in `content/data/` there belong to no village (`villages.folders.
portal_without_owner`, which the build warns about); its own documents it may have.

The keys, groups and choices come from the village_data readers themselves
(`aparatur.GROUPS`/`KEYS`, `dokumen.KEYS`/`REQUIRED`/`TYPES`/`CLASSES`/`FILE_TYPES`,
`common.HEADER_KEYS`); only the labels and hints are written here. What a form accepts is
what the reader accepts (tests/test_data_forms.py saves every form's values and builds
them). `profil.yml`, `idm.yml` and the APBDes files have no form: their figures are written
the Indonesian way (`1.250` is 1250) and the editor reads YAML as YAML 1.2, where `1.250` is
the number 1.25, and writes it back so (seen in a run of the real editor: `sumber: 1.250`
came back `'1.25'`); a form would quietly change a village's area or budget. Their figures
must also add up across fields, which a form cannot check.

Every field is text, a choice or a file: a date picker showed `20 Desember 2024` (which the
reader takes) as empty and saved the document without its date, so `tanggal` is text too,
with a pattern of the shapes `front_matter.dates` reads. `contoh` is required: a value the
select does not list (`contoh: Ya`) must be chosen again, never dropped unseen.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from front_matter.dates import DAY_NAMES, MONTH_NAMES
from village_data import aparatur, dokumen
from village_data.common import HEADER_KEYS
from village_data.generator import EXTENSIONS, PAGES, data_file
from villages.folders import portal_without_owner

from .fields import PHOTO_ACCEPT, file_widget

# The kinds with a form, in menu order: (kind, label of the site's own file).
KINDS = (("aparatur", "Aparatur desa dan BPD"), ("dokumen", "Dokumen dan informasi publik"))
# The kinds that are a village's own: in the data folder of a portal naming no village of
# its own they belong to no village (village_data.generator warns), so it gets no form.
VILLAGES_OWN = {"aparatur"}

HEADER_FIELDS = {
    # A select of the words the kit's files and README write (`contoh: ya`): a switch showed
    # `ya` as off (YAML 1.2 reads it as text) and wrote `contoh: false` on the first save.
    "contoh": {
        "label": "Data contoh",
        "widget": "select",
        "options": [
            {"label": "Ya: isinya masih contoh (ditandai di halaman)", "value": "ya"},
            {"label": "Tidak: data desa sungguhan", "value": "tidak"},
        ],
        "hint": "Pilih Tidak setelah semua isinya diganti data desa Anda.",
        "required": True,
    },
    "sumber": {
        "label": "Sumber data",
        "widget": "string",
        "hint": "Dari mana isinya, misalnya SK Kepala Desa Nomor 5 Tahun 2024.",
    },
    "catatan": {
        "label": "Catatan",
        "widget": "text",
        "hint": "Hanya tampil di kotak tanda CONTOH, selama Data contoh = Ya.",
    },
}

OFFICIAL_LABELS = {
    "nama": ("Nama", "Nama lengkap beserta gelar, misalnya Budi Santoso, S.Pd."),
    "jabatan": ("Jabatan", "Misalnya Kepala Desa, Sekretaris Desa, Ketua BPD."),
    "masa_jabatan": ("Masa jabatan", "Misalnya 2019-2025 atau sejak 2021 (boleh kosong)."),
    "foto": ("Foto", "Foto wajah, JPG, PNG atau WebP (boleh kosong)."),
}
DOCUMENT_LABELS = {
    "judul": ("Judul", "Misalnya Peraturan Desa tentang APBDes 2025."),
    "jenis": ("Jenis", "Jenis dokumen; daftar di halaman dikelompokkan menurut jenis."),
    "nomor": ("Nomor", "Nomor dokumen, misalnya 5 atau 141/12/2024 (boleh kosong)."),
    "tahun": ("Tahun", "Tahun dokumen, empat angka."),
    "tanggal": (
        "Tanggal",
        "Tanggal penetapan, misalnya 20 Desember 2024 atau 2024-12-20 (boleh kosong).",
    ),
    "berkas": ("Berkas", "Pilih berkasnya dari perangkat; tersimpan di content/files/."),
    "ringkasan": ("Ringkasan", "Satu atau dua kalimat tentang isinya (boleh kosong)."),
    "klasifikasi": (
        "Klasifikasi",
        "Menurut UU 14/2008. Berkala: diumumkan rutin (APBDes, laporan); serta merta: "
        "menyangkut keselamatan warga; tersedia setiap saat: diberikan bila diminta "
        "(Perdes, SK).",
    ),
}


def _any_case(word: str) -> str:
    """`word` in either case, for a pattern without flags (Sveltia makes `new RegExp`)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


# aparatur.TERM (case-insensitive there) written for the form: `2019-2025`, `sejak 2021`,
# `2021 s.d. sekarang`. That the end is not before the start is left to the build.
TERM_PATTERN = (
    rf"^\s*(?:{_any_case('sejak')}\s+)?\d{{4}}(?:\s*(?:-|–|—|[Ss]\.?[Dd]\.?|{_any_case('sampai')})"
    rf"\s*(?:\d{{4}}|{_any_case('sekarang')}))?\s*$"
)
TERM_MESSAGE = "Tulis misalnya 2019-2025 atau sejak 2021."
# A date without a time as front_matter.dates reads it: 2024-12-20, 20-12-2024 (or with / or
# .), 20 Desember 2024, Jumat, 20 Desember 2024 (its month and day names, any case).
DATE_PATTERN = (
    r"^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([-/.])\d{1,2}\1\d{4}|"
    rf"(?:(?:{'|'.join(_any_case(d) for d in DAY_NAMES)}),?\s+)?\d{{1,2}}\s+"
    rf"(?:{'|'.join(_any_case(m) for m in MONTH_NAMES)})\.?\s+\d{{4}})\s*$"
)
DATE_MESSAGE = "Tulis misalnya 20 Desember 2024 atau 2024-12-20."
# A year the reader takes (DataReader.year: 1945 to 2100).
YEAR_PATTERN = r"^\s*(?:194[5-9]|19[5-9]\d|20\d\d|2100)\s*$"


def _field(name: str, labels: Mapping[str, tuple[str, str]], required: bool, **extra) -> dict:
    label, hint = labels[name]
    return {"name": name, "label": label, "hint": hint, "required": required, **extra}


def header_fields() -> list[dict[str, Any]]:
    return [{"name": key, "required": False, **HEADER_FIELDS[key]} for key in HEADER_KEYS]


def official_fields(content: str) -> list[dict[str, Any]]:
    widgets = {
        "nama": {"widget": "string"},
        "jabatan": {"widget": "string"},
        "masa_jabatan": {"widget": "string", "pattern": [TERM_PATTERN, TERM_MESSAGE]},
        "foto": {
            "widget": "image",
            "choose_url": False,
            "accept": PHOTO_ACCEPT,
            "media_folder": f"/{content}/images/aparatur",
            "public_folder": "images/aparatur",
        },
    }
    return [
        _field(key, OFFICIAL_LABELS, key in aparatur.REQUIRED, **widgets[key])
        for key in aparatur.KEYS
    ]


def officials_fields(content: str) -> list[dict[str, Any]]:
    entries = official_fields(content)
    groups = [
        {
            "name": key,
            "label": heading,
            "widget": "list",
            "required": False,
            "label_singular": "orang",
            "summary": "{{fields.jabatan}}: {{fields.nama}}",
            "hint": "Urutan di sini menjadi urutan di halaman.",
            "fields": entries,
        }
        for key, heading in aparatur.GROUPS
    ]
    return header_fields() + groups


def document_fields(content: str) -> list[dict[str, Any]]:
    classes = list(dict.fromkeys(dokumen.CLASSES.values()))
    widgets = {
        "judul": {"widget": "string"},
        "jenis": {
            "widget": "select",
            "options": [{"label": heading, "value": name} for name, heading in dokumen.TYPES],
        },
        "nomor": {"widget": "string"},
        # Text, not a number field: its preview wrote 2025 the Indonesian way, "2.025".
        "tahun": {"widget": "string", "pattern": [YEAR_PATTERN, "Tulis tahun dengan empat angka."]},
        # Text, not a date picker: the picker showed a date written the Indonesian way
        # (`20 Desember 2024`, which the reader takes) as empty and saved the file without it.
        "tanggal": {"widget": "string", "pattern": [DATE_PATTERN, DATE_MESSAGE]},
        "berkas": {**file_widget(content), "accept": ",".join(sorted(dokumen.FILE_TYPES))},
        "ringkasan": {"widget": "text"},
        "klasifikasi": {
            "widget": "select",
            "options": [{"label": dokumen.CLASS_LABELS[c], "value": c} for c in classes],
        },
    }
    entries = [
        _field(key, DOCUMENT_LABELS, key in dokumen.REQUIRED, **widgets[key])
        for key in dokumen.KEYS
    ]
    documents = {
        "name": "dokumen",
        "label": "Dokumen",
        "widget": "list",
        "required": True,
        "label_singular": "dokumen",
        "summary": "{{fields.tahun}} {{fields.jenis}}: {{fields.judul}}",
        "fields": entries,
    }
    return header_fields() + [documents]


FIELDS = {"aparatur": officials_fields, "dokumen": document_fields}


def _joined(*parts: str) -> str:
    """'/'-joined, without empty parts (VILLAGE_DATA_PATH = "": the content folder itself)."""
    return "/".join(part for part in parts if part)


def data_folders(settings: Mapping[str, Any], names: Mapping[str, str]) -> list[tuple[str, str]]:
    """[(folder relative to the content folder, whose: "" for the site's own, else the
    village's name)]: the site's data folder, then each village folder of a portal that is
    a village of `desa.yml` (`names`: their names by slug; the build refuses any other)."""
    own = settings["VILLAGE_DATA_PATH"].strip("/")
    found = [(own, "")]
    villages = _joined(own, settings["VILLAGE_DATA_VILLAGES"].strip("/"))
    root = os.path.join(settings["PATH"], *villages.split("/"))
    if os.path.isdir(root):
        for slug in sorted(os.listdir(root)):
            folder = os.path.join(root, slug)
            if os.path.isdir(folder) and slug in names:
                found.append((_joined(villages, slug), names[slug]))
    return found


def _file_name(settings: Mapping[str, Any], folder: str, kind: str) -> str:
    """`kind.yml`, or `kind.yaml` where only that one is there (the reader takes either)."""
    path = data_file(os.path.join(settings["PATH"], *folder.split("/")), kind)
    return os.path.basename(path) if path else kind + EXTENSIONS[0]


def _shown_kinds(settings: Mapping[str, Any]) -> set[str]:
    """The kinds the village_data plugin makes a page of (none when it is not in PLUGINS)."""
    plugins = [getattr(p, "__name__", str(p)) for p in settings.get("PLUGINS") or []]
    if "village_data" not in {name.rsplit(".", 1)[-1] for name in plugins}:
        return set()
    pages = settings.get("VILLAGE_DATA_PAGES") or {}
    return {
        kind for page, segment in pages.items() if segment for kind in PAGES.get(page, ("", ()))[1]
    }


def data_collection(
    settings: Mapping[str, Any], content: str, names: Mapping[str, str]
) -> dict[str, Any] | None:
    """The files collection of the data files with a form; None when the village_data
    plugin makes no page of them. `names`: the villages of desa.yml by slug."""
    shown = _shown_kinds(settings)  # none without the plugin (its settings come with it)
    if not shown:
        return None
    ownerless = portal_without_owner({"several_villages": len(names) > 1}, settings)
    files = []
    for folder, whose in data_folders(settings, names):
        for kind, label in KINDS:
            if kind not in shown or (not whose and ownerless and kind in VILLAGES_OWN):
                continue
            files.append(
                {
                    "name": kind if not whose else f"{kind}-{folder.rsplit('/', 1)[-1]}",
                    "label": label if not whose else f"{label}: {whose}",
                    "file": _joined(content, folder, _file_name(settings, folder, kind)),
                    "format": "yaml",
                    "fields": FIELDS[kind](content),
                }
            )
    return {"name": "data_desa", "label": "Data desa", "files": files} if files else None
