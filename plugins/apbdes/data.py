"""Read and check one APBDes year file (`content/data/apbdes/2025.yml`).

    contoh: true                 # angka contoh: halaman menampilkan pemberitahuan
    pendapatan:
      jumlah: {anggaran: 1500000000}     # opsional: dicocokkan dengan jumlah rincian
      rincian:
        - uraian: Dana Desa
          anggaran: 1.000.000.000
          realisasi: 950.000.000
    belanja:
      rincian:
        - bidang: Penyelenggaraan Pemerintahan Desa
          anggaran: 600000000
    pembiayaan:
      penerimaan:
        rincian:
          - uraian: SiLPA tahun sebelumnya
            anggaran: 50000000
      pengeluaran: ...

Values are read as text (yaml BaseLoader) and checked here; every problem becomes a
ContentError naming the file and the line, and all of them are collected.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from front_matter.errors import ContentError
from front_matter.keys import unknown_key_hint
from front_matter.source import decode
from front_matter.yaml_errors import compose_yaml, merged_node_items
from wartadesa.numbers import NumberError, read_whole_number
from wartadesa.rupiah import percent, rupiah

MAX_FILE_KB = 256
YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")
YEARS = (1990, 2100)
# No village budget line comes near a trillion rupiah (a whole APBDes is some billions): a
# larger amount is digits typed or pasted twice, and Babel cannot print one of 28 digits.
MAX_AMOUNT = 10**12
REALISASI_SUSPECT = 1.5  # realisasi above 1.5 x anggaran: almost surely a typo (warning)
# The five bidang of belanja desa (Permendagri 20/2018, lampiran), in their official order.
BIDANG = (
    "Penyelenggaraan Pemerintahan Desa",
    "Pelaksanaan Pembangunan Desa",
    "Pembinaan Kemasyarakatan Desa",
    "Pemberdayaan Masyarakat Desa",
    "Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa",
)
# Short names for the charts (the tables show the full names).
BIDANG_SHORT = (
    "Pemerintahan Desa",
    "Pembangunan Desa",
    "Pembinaan Kemasyarakatan",
    "Pemberdayaan Masyarakat",
    "Bencana, Darurat, Mendesak",
)
TOP_KEYS = (
    "contoh",
    "sumber",
    "keterangan",
    "realisasi_per",
    "pendapatan",
    "belanja",
    "pembiayaan",
)
SECTION_KEYS = ("jumlah", "rincian")
AMOUNT_KEYS = ("anggaran", "realisasi")
FINANCING_KEYS = ("penerimaan", "pengeluaran")
TRUE = {"true", "ya", "yes", "benar"}
FALSE = {"false", "tidak", "no", "salah"}
NUMBER_HINT = (
    "tulis angka rupiah bulat tanpa 'Rp' dan tanpa sen, misalnya  anggaran: "
    "1500000000  atau  anggaran: 1.500.000.000"
)
SECTION_TITLES = {
    "pendapatan": "pendapatan",
    "belanja": "belanja",
    "penerimaan": "penerimaan pembiayaan",
    "pengeluaran": "pengeluaran pembiayaan",
}


@dataclass
class Item:
    """One line of a section: a source of income, a bidang, a financing line."""

    label: str
    anggaran: int
    realisasi: int | None
    line: int
    short_label: str = ""

    @property
    def percent(self) -> str:
        return percent(self.realisasi, self.anggaran)


@dataclass
class Section:
    key: str
    items: list = field(default_factory=list)

    @property
    def title(self) -> str:
        return SECTION_TITLES[self.key]

    @property
    def anggaran(self) -> int:
        return sum(item.anggaran for item in self.items)

    @property
    def realisasi(self) -> int | None:
        """The sum of realisasi, or None when no line of the section has one."""
        if not any(item.realisasi is not None for item in self.items):
            return None
        return sum(item.realisasi or 0 for item in self.items)

    @property
    def percent(self) -> str:
        return percent(self.realisasi, self.anggaran)


def _difference(a, b):
    if a is None or b is None:
        return None
    return a - b


@dataclass
class Budget:
    """One year's APBDes of the site or of one village."""

    year: int
    path: str
    contoh: bool = False
    sumber: str = ""
    keterangan: str = ""
    realisasi_per: str = ""
    pendapatan: Section = field(default_factory=lambda: Section("pendapatan"))
    belanja: Section = field(default_factory=lambda: Section("belanja"))
    penerimaan: Section = field(default_factory=lambda: Section("penerimaan"))
    pengeluaran: Section = field(default_factory=lambda: Section("pengeluaran"))
    # Set by the generator: addresses (relative to the site root) and the owner.
    url: str = ""
    save_as: str = ""
    image_url: str = ""
    village: object = None
    charts: dict = field(default_factory=dict)  # section key -> chart.Chart (generator)

    @property
    def has_realisasi(self) -> bool:
        return any(s.realisasi is not None for s in self.sections)

    @property
    def sections(self) -> tuple[Section, Section, Section, Section]:
        return (self.pendapatan, self.belanja, self.penerimaan, self.pengeluaran)

    @property
    def surplus(self) -> int:
        """Pendapatan minus belanja (anggaran): positive a surplus, negative a deficit."""
        return self.pendapatan.anggaran - self.belanja.anggaran

    def realisasi_of(self, section: Section) -> int | None:
        """The section's realisasi; a section without lines has realized 0 when the budget
        has realisasi elsewhere (a year without `pengeluaran:` spent nothing on it)."""
        if not section.items:
            return 0 if self.has_realisasi else None
        return section.realisasi

    @property
    def surplus_realisasi(self) -> int | None:
        return _difference(self.realisasi_of(self.pendapatan), self.realisasi_of(self.belanja))

    @property
    def pembiayaan_netto(self) -> int:
        return self.penerimaan.anggaran - self.pengeluaran.anggaran

    @property
    def pembiayaan_netto_realisasi(self) -> int | None:
        return _difference(self.realisasi_of(self.penerimaan), self.realisasi_of(self.pengeluaran))

    @property
    def has_pembiayaan(self) -> bool:
        return bool(self.penerimaan.items or self.pengeluaran.items)

    @property
    def silpa(self) -> int:
        """Sisa lebih (kurang) pembiayaan anggaran: surplus/defisit plus pembiayaan netto."""
        return self.surplus + self.pembiayaan_netto

    @property
    def silpa_realisasi(self) -> int | None:
        if self.surplus_realisasi is None:
            return None
        netto = self.pembiayaan_netto_realisasi
        if netto is None and self.has_pembiayaan:
            return None
        return self.surplus_realisasi + (netto or 0)

    # What the page and the share picture call the whole: "APBDes 2025" or with the village.
    @property
    def title(self) -> str:
        return f"APBDes {self.year}"

    # The share picture as the theme's share_image() expects: (url, width, height).
    @property
    def share_image(self) -> tuple[str, int, int] | None:
        return (self.image_url, 1200, 630) if self.image_url else None


# --- Reading ---------------------------------------------------------------------------


def year_of(path: str) -> int:
    """The year of a data file name ('2025.yml' -> 2025), or a ContentError."""
    name = os.path.basename(path)
    match = YEAR_FILE.match(name)
    if not match or not YEARS[0] <= int(match[1]) <= YEARS[1]:
        raise ContentError(
            path,
            1,
            f"nama berkas APBDes '{name}' bukan tahun anggaran (file name is not a year)",
            "beri nama berkas dengan tahunnya saja, misalnya  2025.yml",
        )
    return int(match[1])


def _line(node):
    return node.start_mark.line + 1


class Reader:
    """Reads one year file; `errors` collects every problem found."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = str(path)
        self.errors = []
        self.warnings = []

    def error(self, node_or_line: int | yaml.Node, message: str, hint: str = "") -> None:
        line = node_or_line if isinstance(node_or_line, int) else _line(node_or_line)
        self.errors.append(ContentError(self.path, line, message, hint))

    def warning(self, node: yaml.Node, message: str, hint: str = "") -> None:
        """Published anyway, but told: a figure that is almost surely a typo."""
        self.warnings.append(ContentError(self.path, _line(node), message, hint, "warning"))

    def read(self) -> Budget | None:
        """The Budget, or None (then `errors` says why)."""
        path = self.path
        try:
            year = year_of(path)
            size = os.path.getsize(path)
            if size > MAX_FILE_KB * 1024:
                raise ContentError(
                    path,
                    1,
                    f"berkas APBDes terlalu besar ({size // 1024} KB, "
                    f"batas {MAX_FILE_KB} KB) (file too large)",
                    "berkas APBDes cukup berisi ringkasan per sumber dan bidang",
                )
            with open(path, "rb") as handle:
                text = decode(path, handle.read())
            node = compose_yaml(path, text)
        except ContentError as error:
            self.errors.append(error)
            return None
        except OSError as error:
            self.error(1, f"berkas tidak bisa dibaca: {error.strerror} (cannot read file)")
            return None
        budget = Budget(year=year, path=path)
        if node is None:
            self.error(
                1,
                "berkas APBDes kosong (empty file)",
                "isi paling tidak  pendapatan:  dan  belanja:  (lihat contoh di README)",
            )
            return None
        fields = self.mapping(
            node,
            TOP_KEYS,
            "berkas APBDes",
            "tulis kunci utama di awal baris, misalnya  pendapatan:",
        )
        if fields is None:
            return None
        for key in ("sumber", "keterangan", "realisasi_per"):
            if key in fields:
                setattr(budget, key, self.text(fields[key][1], key))
        if "contoh" in fields:
            budget.contoh = self.boolean(fields["contoh"][1], "contoh")
        if "pendapatan" in fields:
            self.section(fields["pendapatan"][1], budget.pendapatan, "uraian")
        if "belanja" in fields:
            self.section(fields["belanja"][1], budget.belanja, "bidang")
        if "pembiayaan" in fields:
            parts = self.mapping(
                fields["pembiayaan"][1],
                FINANCING_KEYS,
                "pembiayaan",
                "pembiayaan berisi  penerimaan:  dan/atau  pengeluaran:",
            )
            for key in FINANCING_KEYS:
                if parts and key in parts:
                    self.section(parts[key][1], getattr(budget, key), "uraian")
        missing = [s.key for s in (budget.pendapatan, budget.belanja) if not s.items]
        if missing and not self.errors:  # a page of "Belanja Rp0" and a surplus is not APBDes
            self.error(
                node,
                f"berkas APBDes tanpa {' dan '.join(missing)} (missing {' and '.join(missing)})",
                "isi  pendapatan:  dan  belanja:  (lihat contoh di README)",
            )
        return None if self.errors else budget

    # --- node helpers ----------------------------------------------------------

    def mapping(
        self, node: yaml.Node, keys: Sequence[str], what: str, hint: str, item: str = ""
    ) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """{key: (key node, value node)} of a mapping with only `keys`, or None. `item`:
        the noun of one list item (a repeated key is first read as a lost `- `)."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} harus berisi baris 'kunci: nilai' (expected a mapping)", hint)
            return None
        merged = item and merged_node_items(
            node, item, lambda k: k.lower() if k.lower() in keys else None
        )
        for line, message, merged_hint in merged or ():
            self.error(line, message, merged_hint)
        found = {}
        for key_node, value_node in node.value:
            written = str(key_node.value).strip() if isinstance(key_node, yaml.ScalarNode) else ""
            key = written.lower()
            if key not in keys:
                self.error(
                    key_node,
                    f"kunci '{written}' tidak dikenal di {what} (unknown key)",
                    unknown_key_hint(key, keys, keys),
                )
                continue
            if key in found and merged:
                continue  # explained once, above
            if key in found:
                self.error(
                    key_node,
                    f"kunci '{written}' ditulis dua kali (duplicate key, first "
                    f"on line {_line(found[key][0])})",
                    "hapus salah satunya",
                )
                continue
            found[key] = (key_node, value_node)
        return found

    def text(self, node: yaml.Node, key: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            self.error(
                node,
                f"'{key}' harus satu nilai teks (expected one text value)",
                "tulis nilainya di baris yang sama, setelah titik dua",
            )
            return ""
        return node.value.strip()

    def boolean(self, node: yaml.Node, key: str) -> bool:
        value = self.text(node, key).lower()
        if value in TRUE:
            return True
        if value in FALSE or value == "":
            return False
        self.error(
            node,
            f"'{key}' harus true atau false, bukan '{value}' (expected a boolean)",
            f"tulis  {key}: true  atau  {key}: false",
        )
        return False

    def amount(self, node: yaml.Node, key: str, where: str) -> int | None:
        """A whole rupiah amount, None for an empty value, or an error (returns None)."""
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{key} {where} harus satu angka (expected a number)", NUMBER_HINT)
            return None
        value = node.value.strip()
        if value == "" or value == "~" or value.lower() == "null":
            return None
        try:
            number = read_whole_number(value)
        except NumberError:
            self.error(node, f"{key} {where} bukan angka: '{value}' (not a number)", NUMBER_HINT)
            return None
        if number < 0:
            self.error(
                node,
                f"{key} {where} negatif ({value}) (negative amount)",
                "anggaran dan realisasi ditulis sebagai angka positif; defisit dan "
                "pengeluaran dihitung sendiri dari rinciannya",
            )
            return None
        if number >= MAX_AMOUNT:
            self.error(
                node,
                f"{key} {where} terlalu besar: {value} ({len(str(number))} angka, "
                "Rp1 triliun atau lebih) (amount too large)",
                "periksa jumlah angkanya: anggaran desa ditulis dalam rupiah, misalnya "
                "910.000.000 (sembilan ratus sepuluh juta)",
            )
            return None
        return number

    def amounts(
        self, node: yaml.Node, where: str
    ) -> tuple[int | None, int | None, dict[str, tuple[yaml.Node, yaml.Node]]]:
        """(anggaran, realisasi, {key: node}) of a mapping with anggaran/realisasi only."""
        fields = self.mapping(node, AMOUNT_KEYS, where, "tulis  anggaran:  dan  realisasi:")
        if fields is None:
            return None, None, {}
        values = {
            key: self.amount(fields[key][1], key, where) if key in fields else None
            for key in AMOUNT_KEYS
        }
        return values["anggaran"], values["realisasi"], fields

    def section(self, node: yaml.Node, section: Section, label_key: str) -> None:
        where = section.title
        if isinstance(node, yaml.SequenceNode):
            fields = {"rincian": (node, node)}
        else:
            fields = self.mapping(
                node,
                SECTION_KEYS,
                where,
                f"{where} berisi  rincian:  (daftar) dan, bila mau,  jumlah:",
            )
            if fields is None:
                return
        before = len(self.errors)
        if "rincian" in fields:
            items = fields["rincian"][1]
            if not isinstance(items, yaml.SequenceNode):
                self.error(
                    items,
                    f"rincian {where} harus berupa daftar (expected a list)",
                    "tiap rincian diawali '- ', misalnya  - uraian: Dana Desa",
                )
            else:
                for item in items.value:
                    self.item(item, section, label_key)
        self.check_partial(section)
        if "jumlah" in fields:
            # A line that could not be read (already reported) is left out of the sum: the
            # stated total is then read (its own mistakes told) but not compared.
            self.check_total(fields["jumlah"], section, compare=len(self.errors) == before)

    def item(self, node: yaml.Node, section: Section, label_key: str) -> None:
        where = f"rincian {section.title}"
        keys = (label_key, *AMOUNT_KEYS)
        before = len(self.errors)
        fields = self.mapping(
            node,
            keys,
            where,
            f"contoh:  - {label_key}: ...  lalu  anggaran: 100000000",
            item="rincian",
        )
        if fields is None:
            return
        if label_key not in fields:
            self.error(
                node,
                f"{where} tanpa '{label_key}' (missing {label_key})",
                "tulis nama bidang Permendagri 20/2018, misalnya  bidang: Pelaksanaan "
                "Pembangunan Desa"
                if label_key == "bidang"
                else "tulis asal dananya, misalnya  uraian: Dana Desa",
            )
            return
        label = self.text(fields[label_key][1], label_key)
        short = label
        if label_key == "bidang" and label:
            index = bidang_index(label)
            if index is None:
                self.error(
                    fields[label_key][1],
                    f"bidang '{label}' tidak dikenal (unknown bidang)",
                    "bidang belanja desa (Permendagri 20/2018): "
                    + "; ".join(f"{n}. {b}" for n, b in enumerate(BIDANG, 1)),
                )
                return
            for other in section.items:
                if other.label == BIDANG[index]:
                    self.error(
                        fields[label_key][1],
                        f"bidang '{BIDANG[index]}' ditulis dua "
                        f"kali (duplicate bidang, first on line {other.line})",
                        "satukan anggarannya dalam satu rincian",
                    )
                    return
            label, short = BIDANG[index], BIDANG_SHORT[index]
        elif not label:
            self.error(
                fields[label_key][1],
                f"'{label_key}' tidak berisi nilai (empty value)",
                "isi namanya, misalnya  uraian: Dana Desa",
            )
            return
        anggaran = realisasi = None
        if "anggaran" in fields:
            anggaran = self.amount(fields["anggaran"][1], "anggaran", f"'{label}'")
        if "realisasi" in fields:
            realisasi = self.amount(fields["realisasi"][1], "realisasi", f"'{label}'")
        if len(self.errors) > before:
            return
        if anggaran is None:
            if realisasi is not None:
                self.error(
                    fields["realisasi"][0],
                    f"realisasi '{label}' tanpa anggaran (realisasi without anggaran)",
                    "tulis juga  anggaran:  rincian ini (boleh 0 bila memang tidak dianggarkan)",
                )
            else:
                self.error(
                    node,
                    f"rincian '{label}' tanpa anggaran (missing anggaran)",
                    "tulis  anggaran: 100000000  (angka rupiah)",
                )
            return
        if realisasi is not None and anggaran and realisasi > REALISASI_SUSPECT * anggaran:
            self.warning(
                fields["realisasi"][1],
                f"realisasi '{label}' {rupiah(realisasi)} adalah {percent(realisasi, anggaran)} "
                f"dari anggarannya {rupiah(anggaran)} (realisasi far above anggaran)",
                "periksa apakah ada angka nol atau titik yang berlebih; bila angkanya memang "
                "benar, biarkan saja",
            )
        section.items.append(Item(label, anggaran, realisasi, _line(node), short))

    def check_partial(self, section: Section) -> None:
        """Realisasi for some lines only would make a wrong total: ask for 0 instead."""
        given = [item for item in section.items if item.realisasi is not None]
        if given and len(given) < len(section.items):
            for item in section.items:
                if item.realisasi is None:
                    self.error(
                        item.line,
                        f"rincian '{item.label}' tanpa realisasi, padahal "
                        f"rincian {section.title} lain memakai realisasi (missing "
                        "realisasi)",
                        "tulis  realisasi: 0  bila belum ada realisasinya",
                    )

    def check_total(
        self, pair: tuple[yaml.Node, yaml.Node], section: Section, compare: bool = True
    ) -> None:
        """A stated `jumlah:` must match the sum of the lines (`compare`: every line was
        read; otherwise only the total's own value is checked)."""
        key_node, node = pair
        if isinstance(node, yaml.ScalarNode):  # `jumlah: 1500000000` is the anggaran
            stated = {"anggaran": (key_node, self.amount(node, "jumlah", section.title))}
        else:
            anggaran, realisasi, fields = self.amounts(node, f"jumlah {section.title}")
            stated = {
                "anggaran": (fields.get("anggaran", (key_node,))[0], anggaran),
                "realisasi": (fields.get("realisasi", (key_node,))[0], realisasi),
            }
        computed = {"anggaran": section.anggaran, "realisasi": section.realisasi}
        for key, (where, value) in stated.items():
            if value is None or not section.items or not compare:
                continue
            total = computed[key]
            if key == "realisasi" and total is None:
                self.error(
                    where,
                    f"jumlah realisasi {section.title} tertulis {rupiah(value)}, "
                    "tetapi tidak ada rincian dengan realisasi (total without lines)",
                    "tulis realisasi tiap rincian, atau hapus jumlah realisasi ini",
                )
            elif value != total:
                diff = value - total
                self.error(
                    where,
                    f"jumlah {key} {section.title} tertulis {rupiah(value)}, tetapi "
                    f"jumlah rinciannya {rupiah(total)} (selisih {rupiah(abs(diff))}) "
                    "(stated total does not match the sum of the lines)",
                    "periksa angka tiap rincian; jumlah harus sama dengan penjumlahannya",
                )


def _fold(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def bidang_index(text: str) -> int | None:
    """0-4 for a bidang written in full, by its number (1-5), or by a key word."""
    folded = _fold(text)
    folded = re.sub(r"^bidang ", "", folded)
    if folded in {"1", "2", "3", "4", "5"}:
        return int(folded) - 1
    for index, name in enumerate(BIDANG):
        if folded == _fold(name) or folded == _fold(BIDANG_SHORT[index]):
            return index
    words = {
        0: ("pemerintahan",),
        1: ("pembangunan",),
        2: ("pembinaan", "kemasyarakatan"),
        3: ("pemberdayaan",),
        4: ("bencana", "darurat", "mendesak"),
    }
    found = {index for index, keys in words.items() if any(k in folded.split() for k in keys)}
    return found.pop() if len(found) == 1 else None


def read_budget(path: str | os.PathLike) -> tuple[Budget | None, list[ContentError]]:
    """(Budget or None, [ContentError]: the errors, then the warnings)."""
    reader = Reader(path)
    budget = reader.read()
    return budget, reader.errors + reader.warnings


def read_folder(
    folder: str, latest_year: int | None = None
) -> tuple[list[Budget], list[ContentError]]:
    """(budgets sorted newest first, errors) of every year file in `folder`.
    `latest_year`: the last year a budget may be for (the build's year + 1: a village
    publishes next year's APBDes at the end of this one); a later year is a typo that
    would become the headline year."""
    budgets, errors = [], []
    if not os.path.isdir(folder):
        return budgets, errors
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.startswith(".") or not name.endswith((".yml", ".yaml")) or not os.path.isfile(path):
            continue
        budget, problems = read_budget(path)
        errors += problems
        if budget is not None and latest_year is not None and budget.year > latest_year:
            errors.append(
                ContentError(
                    path,
                    1,
                    f"tahun anggaran {budget.year} tidak masuk akal: paling jauh APBDes tahun "
                    f"depan, {latest_year} (budget year too far ahead)",
                    f"beri nama berkas dengan tahun anggarannya, misalnya  {latest_year - 1}.yml",
                )
            )
            continue
        if budget is not None:
            budgets.append(budget)
    seen = {}
    for budget in budgets:
        if budget.year in seen:
            errors.append(
                ContentError(
                    budget.path,
                    1,
                    f"APBDes {budget.year} ditulis di dua "
                    f"berkas (also {os.path.basename(seen[budget.year].path)})",
                    "hapus salah satunya",
                )
            )
            continue  # one page per year: the other file's would clash at its address
        seen[budget.year] = budget
    budgets = sorted(seen.values(), key=lambda b: b.year, reverse=True)
    return budgets, errors
