"""`dokumen.yml`: the village's public documents (UU 14/2008), each a file in content/.

contoh: ya
dokumen:
  - judul: Peraturan Desa tentang APBDes 2025
    jenis: Perdes
    nomor: "5"
    tahun: 2024
    tanggal: 2024-12-20
    berkas: files/perdes-5-2024-apbdes-2025.pdf
    ringkasan: Anggaran pendapatan dan belanja desa tahun 2025.
    klasifikasi: berkala
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from front_matter.paths import closest_file, from_content, inside_content

from .common import DataFile, file_size, header_keys, read_header

if TYPE_CHECKING:
    import yaml

    from .yamldata import DataReader

# (canonical, heading) in page order.
TYPES = (
    ("Perdes", "Peraturan Desa (Perdes)"),
    ("Perkades", "Peraturan Kepala Desa (Perkades)"),
    ("SK Kades", "Keputusan Kepala Desa (SK Kades)"),
    ("APBDes", "Anggaran Pendapatan dan Belanja Desa (APBDes)"),
    ("LKPPD", "Laporan Keterangan Penyelenggaraan Pemerintahan Desa (LKPPD)"),
    ("LPPD", "Laporan Penyelenggaraan Pemerintahan Desa (LPPD)"),
    ("Laporan", "Laporan lainnya"),
    ("Lainnya", "Dokumen lainnya"),
)
TYPE_NAMES = {name.lower(): name for name, _heading in TYPES}
TYPE_NAMES.update(
    {
        "peraturan desa": "Perdes",
        "peraturan kepala desa": "Perkades",
        "sk kepala desa": "SK Kades",
        "keputusan kepala desa": "SK Kades",
        "skkades": "SK Kades",
        "sk kades": "SK Kades",
        "apbdesa": "APBDes",
        "apb desa": "APBDes",
    }
)
HEADINGS = dict(TYPES)
ORDER = {name: index for index, (name, _h) in enumerate(TYPES)}
# UU 14/2008 Pasal 9, 10 and 11: information published periodically, immediately, or
# available at any time.
CLASSES = {
    "berkala": "berkala",
    "serta merta": "serta merta",
    "sertamerta": "serta merta",
    "setiap saat": "setiap saat",
    "tersedia setiap saat": "setiap saat",
}
CLASS_LABELS = {
    "berkala": "Informasi berkala",
    "serta merta": "Informasi serta merta",
    "setiap saat": "Informasi tersedia setiap saat",
}
KEYS = ("judul", "jenis", "nomor", "tahun", "tanggal", "berkas", "ringkasan", "klasifikasi")
REQUIRED = ("judul", "jenis", "tahun", "berkas", "klasifikasi")
FILE_TYPES = {
    ".pdf": "PDF",
    ".doc": "DOC",
    ".docx": "DOCX",
    ".odt": "ODT",
    ".xls": "XLS",
    ".xlsx": "XLSX",
    ".ods": "ODS",
    ".jpg": "JPG",
    ".jpeg": "JPG",
    ".png": "PNG",
    ".zip": "ZIP",
    ".txt": "TXT",
    ".csv": "CSV",
}
FILE_HINT = "simpan berkasnya di content/files/ lalu tulis  berkas: files/nama-berkas.pdf"


@dataclass
class Document:
    judul: str
    jenis: str
    tahun: int
    berkas: str  # path inside content/, '/'-separated
    klasifikasi: str
    size: int
    line: int
    nomor: str = ""
    tanggal: dt.date | None = None
    ringkasan: str = ""

    @property
    def file_type(self) -> str:
        return FILE_TYPES.get(
            posixpath.splitext(self.berkas)[1].lower(),
            posixpath.splitext(self.berkas)[1].lstrip(".").upper() or "berkas",
        )

    @property
    def size_text(self) -> str:
        return file_size(self.size)

    @property
    def class_label(self) -> str:
        return CLASS_LABELS[self.klasifikasi]


@dataclass
class YearGroup:
    tahun: int
    documents: list


@dataclass
class TypeGroup:
    jenis: str
    heading: str
    years: list

    @property
    def anchor(self) -> str:
        return "jenis-" + self.jenis.lower().replace(" ", "-")

    @property
    def count(self) -> int:
        return sum(len(y.documents) for y in self.years)


@dataclass
class Documents(DataFile):
    documents: list = field(default_factory=list)

    @property
    def groups(self) -> list[TypeGroup]:
        return group(self.documents)

    @property
    def years(self) -> list[int]:
        return sorted({d.tahun for d in self.documents}, reverse=True)

    def split(self, limit: int | None) -> tuple[list[int], list[int]]:
        """(years on the main page, years on their own pages): the newest years while the
        main page holds at most `limit` documents (always at least one year); every older
        year gets a page of its own. No limit (0): everything on the main page."""
        years = self.years
        if not limit or len(self.documents) <= limit:
            return years, []
        count, main = 0, []
        for year in years:
            count += sum(1 for d in self.documents if d.tahun == year)
            if main and count > limit:
                break
            main.append(year)
        return main, years[len(main) :]

    def of_years(self, years: Collection[int]) -> list[Document]:
        return [d for d in self.documents if d.tahun in years]


def group(documents: Sequence[Document]) -> list[TypeGroup]:
    """TypeGroups in TYPES order, each with its years newest first."""
    groups = []
    for name, heading in TYPES:
        of_type = [d for d in documents if d.jenis == name]
        if not of_type:
            continue
        years = sorted({d.tahun for d in of_type}, reverse=True)
        groups.append(
            TypeGroup(
                name,
                heading,
                [
                    YearGroup(
                        year,
                        sorted(
                            (d for d in of_type if d.tahun == year),
                            key=lambda d: (d.tanggal or dt.date(d.tahun, 1, 1), d.nomor),
                            reverse=True,
                        ),
                    )
                    for year in years
                ],
            )
        )
    return groups


def static_folders(settings: Mapping[str, Any]) -> list[str]:
    return [str(p).strip("/").replace(os.sep, "/") for p in settings.get("STATIC_PATHS", [])]


def read_documents(
    reader: DataReader, root: yaml.Node, content_root: str, settings: Mapping[str, Any]
) -> Documents:
    documents = Documents(path=reader.path)
    fields = reader.mapping(
        root,
        header_keys("dokumen"),
        required=("dokumen",),
        what="dokumen.yml",
        example="dokumen:  lalu  - judul: ...",
    )
    if fields is None:
        return documents
    read_header(reader, fields, documents)
    for item in reader.sequence(fields.get("dokumen"), "'dokumen'", "  - judul: Perdes ..."):
        document = _read_document(reader, item, content_root, settings)
        if document is not None:
            documents.documents.append(document)
    return documents


def _read_document(reader, item, content_root, settings):
    fields = reader.mapping(
        item,
        KEYS,
        required=REQUIRED,
        what="dokumen",
        item="dokumen",
        example="- judul: ...  jenis: Perdes  tahun: 2024  berkas: files/...",
        choices={
            "jenis": [name for name, _heading in TYPES],
            "klasifikasi": list(dict.fromkeys(CLASSES.values())),
        },
    )
    if fields is None or not set(REQUIRED) <= set(fields):
        return None
    errors = len(reader.errors)
    values = {
        "judul": reader.text(fields["judul"], "judul"),
        "jenis": reader.choice(fields["jenis"], "jenis", TYPE_NAMES),
        "tahun": reader.year(fields["tahun"], "tahun"),
        "klasifikasi": reader.choice(fields["klasifikasi"], "klasifikasi", CLASSES),
    }
    if "nomor" in fields:
        values["nomor"] = reader.text(fields["nomor"], "nomor") or ""
    if "tanggal" in fields:
        values["tanggal"] = reader.date(fields["tanggal"], "tanggal")
    if "ringkasan" in fields:
        values["ringkasan"] = reader.text(fields["ringkasan"], "ringkasan") or ""
    berkas = check_file(reader, fields["berkas"], content_root, settings)
    if len(reader.errors) > errors or berkas is None:
        return None
    relative, size = berkas
    return Document(berkas=relative, size=size, line=item.start_mark.line + 1, **values)


def check_file(
    reader: DataReader, node: yaml.Node, content_root: str, settings: Mapping[str, Any]
) -> tuple[str, int] | None:
    """(path inside content/, size) of the file a `berkas:` names, or None (error)."""
    value = reader.text(node, "berkas")
    if value is None:
        return None
    written = value
    value = from_content(value)
    if "\\" in value or value.startswith("~") or ":" in value.split("/")[0]:
        reader.error(
            node, f"berkas '{written}' bukan alamat berkas di content/ (bad path)", FILE_HINT
        )
        return None
    relative = posixpath.normpath(value)
    folders = static_folders(settings)
    if relative.startswith("..") or not any(relative.startswith(f + "/") for f in folders):
        reader.error(
            node,
            f"berkas '{written}' harus berada di salah satu folder "
            f"{', '.join(f + '/' for f in folders)} di dalam content/ (file outside "
            "the published folders)",
            FILE_HINT,
        )
        return None
    if inside_content(relative, content_root) is None:  # a symbolic link leading out
        reader.error(
            node,
            f"berkas '{written}' menunjuk ke luar folder content/ (path escapes content/)",
            FILE_HINT,
        )
        return None
    path = os.path.join(content_root, *relative.split("/"))
    if not os.path.isfile(path):
        close = closest_file(relative, content_root)
        hint = f"maksud Anda '{close}'?" if close else FILE_HINT
        rest = reader.line_text(node).split(":", 1)[-1]
        if " #" in rest and not rest.strip().startswith(("'", '"')):
            hint = (
                "tanda # sesudah spasi memulai komentar YAML: apit nama berkasnya dengan "
                f'tanda kutip, misalnya  berkas: "{rest.strip()}"'
            )
        reader.error(node, f"berkas '{written}' tidak ada (missing file: content/{relative})", hint)
        return None
    return relative, os.path.getsize(path)
