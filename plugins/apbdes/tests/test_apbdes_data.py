"""Every mistake in a year file is one message naming the file and the line."""

import textwrap
from pathlib import Path

import pytest

from apbdes.data import BIDANG, bidang_index, read_budget, read_folder

GOOD = """\
contoh: true
pendapatan:
  jumlah:
    anggaran: 1.500.000.000
    realisasi: 1450000000
  rincian:
    - uraian: Dana Desa
      anggaran: 1.000.000.000
      realisasi: 1000000000
    - uraian: Alokasi Dana Desa
      anggaran: 500000000
      realisasi: 450.000.000
belanja:
  - bidang: Penyelenggaraan Pemerintahan Desa
    anggaran: 700000000
  - bidang: 2
    anggaran: 900000000
pembiayaan:
  penerimaan:
    - uraian: SiLPA
      anggaran: 100000000
"""


def write(tmp_path, text, name="2025.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path, text, name="2025.yml"):
    budget, errors = read_budget(write(tmp_path, text, name))
    assert budget is None and errors
    return [str(error) for error in errors]


def only(tmp_path, text, name="2025.yml"):
    found = problems(tmp_path, text, name)
    assert len(found) == 1, found
    return found[0]


def test_a_good_file_gives_totals_and_balance(tmp_path):
    budget, errors = read_budget(write(tmp_path, GOOD))
    assert errors == []
    assert budget.year == 2025 and budget.contoh
    assert budget.pendapatan.anggaran == 1_500_000_000
    assert budget.pendapatan.realisasi == 1_450_000_000
    assert budget.pendapatan.percent == "96,7%"
    assert [i.label for i in budget.belanja.items] == list(BIDANG[:2])
    assert budget.belanja.realisasi is None and budget.belanja.percent == ""
    assert budget.surplus == -100_000_000
    assert budget.pembiayaan_netto == 100_000_000 and budget.silpa == 0


def test_a_year_without_pengeluaran_has_realized_none_of_it(tmp_path):
    """No `pengeluaran:` with realisasi elsewhere: netto and SiLPA realisasi are worked out
    (they showed "–" on the page), with the empty section at 0."""
    text = GOOD.replace(
        "    anggaran: 700000000", "    anggaran: 700000000\n    realisasi: 650000000"
    )
    text = text.replace(
        "    anggaran: 900000000", "    anggaran: 900000000\n    realisasi: 800000000"
    )
    text += "      realisasi: 100000000\n"
    budget, errors = read_budget(write(tmp_path, text))
    assert errors == []
    assert budget.realisasi_of(budget.pengeluaran) == 0
    assert budget.surplus_realisasi == 1_450_000_000 - 1_450_000_000
    assert budget.pembiayaan_netto_realisasi == 100_000_000
    assert budget.silpa_realisasi == 100_000_000


def test_without_any_realisasi_an_empty_section_has_none(tmp_path):
    budget, errors = read_budget(write(tmp_path, GOOD.replace("realisasi", "# realisasi")))
    assert errors == [] and not budget.has_realisasi
    assert budget.realisasi_of(budget.pengeluaran) is None and budget.silpa_realisasi is None


def test_negative_amount(tmp_path):
    line = only(
        tmp_path,
        """\
        pendapatan:
          - uraian: Dana Desa
            anggaran: -5000000
        """,
    )
    assert line.endswith(
        "2025.yml:3: anggaran 'Dana Desa' negatif (-5000000) (negative amount)"
        " — anggaran dan realisasi ditulis sebagai angka positif; defisit dan "
        "pengeluaran dihitung sendiri dari rinciannya"
    )


@pytest.mark.parametrize(
    "written, digits", [("10000000000000000000000000000", 29), ("1.000.000.000.000", 13)]
)
def test_an_amount_of_a_trillion_or_more_is_a_typo(tmp_path, written, digits):
    """Digits typed or pasted twice: refused at their line (before, 28 digits and more
    passed the reader and stopped the build in Babel without a file or a line)."""
    line = only(
        tmp_path,
        f"""\
        pendapatan:
          - uraian: Dana Desa
            anggaran: {written}
        """,
    )
    assert line.endswith(
        f"2025.yml:3: anggaran 'Dana Desa' terlalu besar: {written} ({digits} angka, Rp1 "
        "triliun atau lebih) (amount too large) — periksa jumlah angkanya: anggaran desa "
        "ditulis dalam rupiah, misalnya 910.000.000 (sembilan ratus sepuluh juta)"
    )


def test_an_amount_below_a_trillion_is_read(tmp_path):
    text = GOOD.replace("anggaran: 700000000", "anggaran: 999.999.999.999")
    budget, errors = read_budget(write(tmp_path, text))
    assert errors == [] and budget.belanja.items[0].anggaran == 999_999_999_999


@pytest.mark.parametrize("missing", ["pendapatan", "belanja"])
def test_a_budget_without_pendapatan_or_belanja_is_refused(tmp_path, missing):
    """A page of "Belanja Rp0" and a surplus as large as the income is not an APBDes."""
    kept = "belanja" if missing == "pendapatan" else "pendapatan"
    start = GOOD.index(f"{kept}:")
    end = GOOD.index("pembiayaan:") if kept == "belanja" else GOOD.index("belanja:")
    line = only(tmp_path, "contoh: true\n" + GOOD[start:end])
    assert line.endswith(
        f"2025.yml:1: berkas APBDes tanpa {missing} (missing {missing}) — isi  pendapatan:  "
        "dan  belanja:  (lihat contoh di README)"
    )


def test_stated_total_that_does_not_add_up_names_its_line(tmp_path):
    text = GOOD.replace("anggaran: 1.500.000.000", "anggaran: 1.600.000.000")
    line = only(tmp_path, text)
    assert (
        "2025.yml:4: jumlah anggaran pendapatan tertulis Rp1.600.000.000, tetapi jumlah "
        "rinciannya Rp1.500.000.000 (selisih Rp100.000.000)" in line
    )


def test_stated_realisasi_total_is_checked_too(tmp_path):
    line = only(tmp_path, GOOD.replace("realisasi: 1450000000", "realisasi: 1440000000"))
    assert (
        "2025.yml:5: jumlah realisasi pendapatan tertulis Rp1.440.000.000, tetapi jumlah "
        "rinciannya Rp1.450.000.000 (selisih Rp10.000.000)" in line
    )


def test_a_total_written_as_one_number_is_the_anggaran(tmp_path):
    line = only(
        tmp_path,
        """\
        belanja:
          jumlah: 100
          rincian:
            - bidang: 1
              anggaran: 60
            - bidang: 2
              anggaran: 50
        """,
    )
    assert (
        "2025.yml:2: jumlah anggaran belanja tertulis Rp100, tetapi jumlah rinciannya Rp110" in line
    )


def test_unknown_bidang_lists_the_five(tmp_path):
    line = only(
        tmp_path,
        """\
        belanja:
          - bidang: Pendidikan
            anggaran: 5000000
        """,
    )
    assert "2025.yml:2: bidang 'Pendidikan' tidak dikenal (unknown bidang)" in line
    assert "5. Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa" in line


def test_same_bidang_twice(tmp_path):
    line = only(
        tmp_path,
        """\
        belanja:
          - bidang: Pelaksanaan Pembangunan Desa
            anggaran: 5
          - bidang: pembangunan
            anggaran: 6
        """,
    )
    assert "2025.yml:4: bidang 'Pelaksanaan Pembangunan Desa' ditulis dua kali" in line
    assert "first on line 2" in line


@pytest.mark.parametrize("value", ["Rp5.000.000", "5,5", "lima juta", "5.00.000", "1e6"])
def test_not_a_number(tmp_path, value):
    line = only(
        tmp_path,
        f"""\
        pendapatan:
          - uraian: Dana Desa
            anggaran: {value}
        """,
    )
    assert f"2025.yml:3: anggaran 'Dana Desa' bukan angka: '{value}' (not a number)" in line
    assert "tanpa 'Rp'" in line


def test_realisasi_without_anggaran(tmp_path):
    line = only(
        tmp_path,
        """\
        pendapatan:
          - uraian: Dana Desa
            realisasi: 5000000
        """,
    )
    assert "2025.yml:3: realisasi 'Dana Desa' tanpa anggaran (realisasi without anggaran)" in line


def test_realisasi_for_only_some_lines(tmp_path):
    line = only(
        tmp_path,
        """\
        pendapatan:
          - uraian: Dana Desa
            anggaran: 10
            realisasi: 9
          - uraian: ADD
            anggaran: 5
        """,
    )
    assert "2025.yml:5: rincian 'ADD' tanpa realisasi" in line and "realisasi: 0" in line


def test_unknown_key_suggests_the_right_one(tmp_path):
    line = only(
        tmp_path,
        """\
        pendapatan:
          - uraian: Dana Desa
            anggran: 10
        """,
    )
    assert (
        "2025.yml:3: kunci 'anggran' tidak dikenal di rincian pendapatan (unknown key) — "
        "maksud Anda 'anggaran'?" in line
    )


def test_unknown_top_key(tmp_path):
    found = problems(tmp_path, "pendapatn:\n  - uraian: x\n    anggaran: 1\n")
    assert (
        "2025.yml:1: kunci 'pendapatn' tidak dikenal di berkas APBDes (unknown key) — "
        "maksud Anda 'pendapatan'?" in found[0]
    )


@pytest.mark.parametrize("name", ["2025-perubahan.yml", "apbdes.yml", "1850.yml"])
def test_file_name_that_is_not_a_year(tmp_path, name):
    line = only(tmp_path, GOOD, name)
    assert (
        f"{name}:1: nama berkas APBDes '{name}' bukan tahun anggaran (file name is not a "
        "year) — beri nama berkas dengan tahunnya saja, misalnya  2025.yml" in line
    )


def test_yaml_syntax_error_names_the_line(tmp_path):
    line = only(tmp_path, 'pendapatan:\n  - uraian: "Dana Desa\n    anggaran: 5\n')
    assert '2025.yml:2: YAML tidak valid: tanda kutip " dibuka di baris ini' in line


def test_all_problems_of_a_file_are_collected(tmp_path):
    found = problems(
        tmp_path,
        """\
        pendapatan:
          - uraian: Dana Desa
            anggaran: -1
        belanja:
          - bidang: Olahraga
            anggaran: 5
        """,
    )
    assert [line.split(": ")[0].rsplit(":", 1)[1] for line in found] == ["3", "5"]


def test_a_folder_reads_years_newest_first_and_ignores_other_files(tmp_path):
    write(tmp_path, GOOD, "2024.yml")
    write(tmp_path, GOOD, "2025.yml")
    (tmp_path / "README.md").write_text("catatan", encoding="utf-8")
    budgets, errors = read_folder(tmp_path)
    assert errors == [] and [b.year for b in budgets] == [2025, 2024]


@pytest.mark.parametrize(
    "text, index",
    [
        ("Penyelenggaraan Pemerintahan Desa", 0),
        ("bidang 2", 1),
        ("Pembinaan", 2),
        ("pemberdayaan masyarakat", 3),
        ("Penanggulangan Bencana", 4),
        ("Pendidikan", None),
    ],
)
def test_bidang_by_name_number_or_key_word(text, index):
    assert bidang_index(text) == index


def test_a_line_that_lost_its_dash(tmp_path):
    """Two lines of the budget merged into one mapping: named at the second's line, not
    "delete one of them" (which would delete a line of the budget)."""
    line = only(
        tmp_path,
        """\
        pendapatan:
          rincian:
            - uraian: Dana Desa
              anggaran: 1000000000
              uraian: Alokasi Dana Desa
              anggaran: 500000000
        """,
    )
    assert (
        "2025.yml:5: 'uraian' ditulis dua kali dalam satu rincian (baris 3 dan 5): "
        "tampaknya tanda `- ` di awal baris 5 terlupa"
    ) in line
    assert "tulis  - uraian: Alokasi Dana Desa  di baris 5" in line


SAMPLE_2025 = (
    Path(__file__).resolve().parents[3] / "tests/fixtures/sample/content/data/apbdes/2025.yml"
)


@pytest.mark.parametrize(
    "line, written, expected",
    [
        (24, "anggaran: Rp950.000.000", "anggaran 'Dana Desa (DD)' bukan angka: 'Rp950.000.000'"),
        (24, "anggaran: 950.000.000,50", "anggaran 'Dana Desa (DD)' bukan angka: '950.000.000,50'"),
        (25, "realisasi: 950 juta", "realisasi 'Dana Desa (DD)' bukan angka: '950 juta'"),
    ],
    ids=["rp", "sen", "realisasi"],
)
def test_an_unreadable_line_is_not_also_a_wrong_total(tmp_path, line, written, expected):
    """`anggaran: Rp950.000.000` in the sample's 2025.yml was told, and so were the stated
    totals (lines 20 and 21: "tertulis Rp1.535.000.000, tetapi jumlah rinciannya
    Rp585.000.000"), sending the operator to check totals that are right."""
    lines = SAMPLE_2025.read_text(encoding="utf-8").split("\n")
    key = written.split(":")[0]
    assert lines[line - 1].strip().startswith(f"{key}:")
    lines[line - 1] = lines[line - 1].split(key)[0] + written
    path = tmp_path / "2025.yml"
    path.write_text("\n".join(lines), encoding="utf-8")
    budget, errors = read_budget(path)
    assert budget is None
    assert [str(error) for error in errors] == [
        f"{path}:{line}: {expected} (not a number) — tulis angka rupiah bulat tanpa 'Rp' dan "
        "tanpa sen, misalnya  anggaran: 1500000000  atau  anggaran: 1.500.000.000"
    ]


def test_a_line_without_anggaran_is_not_also_a_wrong_total(tmp_path):
    """Any line left out of the sum (here one without anggaran) skips the comparison; a
    mistake in the stated total itself is still told, and other sections are compared."""
    found = problems(
        tmp_path,
        """\
        pendapatan:
          jumlah: 15
          rincian:
            - uraian: Dana Desa
              anggaran: 10
            - uraian: ADD
        belanja:
          jumlah: Rp15
          rincian:
            - bidang: 1
              anggaran: Rp10
            - bidang: 2
              anggaran: 5
        pembiayaan:
          penerimaan:
            jumlah: 7
            rincian:
              - uraian: SiLPA
                anggaran: 5
        """,
    )
    path = tmp_path / "2025.yml"
    hint = (
        "tulis angka rupiah bulat tanpa 'Rp' dan tanpa sen, misalnya  anggaran: 1500000000  "
        "atau  anggaran: 1.500.000.000"
    )
    assert found == [
        f"{path}:6: rincian 'ADD' tanpa anggaran (missing anggaran) — tulis  anggaran: "
        "100000000  (angka rupiah)",
        f"{path}:11: anggaran 'Penyelenggaraan Pemerintahan Desa' bukan angka: 'Rp10' (not a "
        f"number) — {hint}",
        f"{path}:8: jumlah belanja bukan angka: 'Rp15' (not a number) — {hint}",
        f"{path}:16: jumlah anggaran penerimaan pembiayaan tertulis Rp7, tetapi jumlah "
        "rinciannya Rp5 (selisih Rp2) (stated total does not match the sum of the lines) — "
        "periksa angka tiap rincian; jumlah harus sama dengan penjumlahannya",
    ]
