"""Numbers in data files are read the Indonesian way (wartadesa/numbers.py): the dot
groups thousands, the comma is the decimal mark. Checked on a real built profil/ page
and on the reader's messages."""

import os
import textwrap

import pytest

from tests.sitetools import build_site, text_of
from village_data.profil import read_profile
from village_data.yamldata import DataReader

ARTICLE = """\
---
title: Berita
date: 2024-03-01 09:00
category: Pemerintahan
---
Isi berita.
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def profile_page(tmp_path_factory):
    content = tmp_path_factory.mktemp("numbers")
    write(content, "berita/a.md", ARTICLE)
    write(
        content,
        "data/profil.yml",
        """
        luas_wilayah: 1.250
        jumlah_rt: 1.024
        penduduk:
          laki_laki: 1.520
          perempuan: 1580
        """,
    )
    site = build_site(tmp_path_factory.mktemp("numbers-out") / "output", content=content)
    soup = site.html("profil/")
    facts = dict(
        zip(
            [text_of(d) for d in soup.select(".place-facts dt")],
            [text_of(d) for d in soup.select(".place-facts dd")],
            strict=True,
        )
    )
    total = soup.select("table.people-table tbody tr")[-1]
    return facts, [text_of(c) for c in total.find_all(["th", "td"])]


def test_a_dot_groups_thousands_in_every_number_of_the_profile(profile_page):
    facts, total = profile_page
    # 1.250 is one thousand two hundred and fifty hectares, as 1.520 is 1520 people
    # (it was read as 1,25 ha: "1,25 ha (0,01 km²)").
    assert facts["Luas wilayah"] == "1.250 ha (12,50 km²)"
    assert facts["Jumlah RT"] == "1024"  # read as 1024, not 1,024
    assert total == ["Jumlah", "1.520", "1.580", "3.100"]


def read_area(tmp_path, value):
    path = write(tmp_path, "profil.yml", f"luas_wilayah: {value}\n")
    reader = DataReader(path)
    profile = read_profile(reader, reader.load())
    return profile.luas_wilayah, [str(e).replace(str(tmp_path) + os.sep, "") for e in reader.errors]


@pytest.mark.parametrize(
    ("written", "hectares"),
    [
        ("1.250", 1250),
        ("1,25", 1.25),
        ("1.250,5", 1250.5),
        ("412,5", 412.5),
        ("412.5", 412.5),  # a dot that cannot group thousands is a decimal point
        ("12.500.000", None),  # 12 500 000 ha: out of range, reported below
    ],
)
def test_area_is_read_the_indonesian_way(tmp_path, written, hectares):
    value, errors = read_area(tmp_path, written)
    assert value == hectares
    assert bool(errors) == (hectares is None)


@pytest.mark.parametrize("written", ["1,250.5", "1,250,000", "1.25.0", "412 ha"])
def test_a_number_written_the_english_way_is_refused_with_the_rule(tmp_path, written):
    value, errors = read_area(tmp_path, written)
    assert value is None
    assert errors == [
        f"profil.yml:1: 'luas_wilayah' harus berupa angka, bukan '{written}' (expected a "
        "number) — tulis luas dalam hektare, angka saja, misalnya 412,5 atau 1.250; "
        "titik untuk ribuan dan koma untuk desimal: 1.250 berarti seribu dua ratus lima "
        "puluh, 1,25 berarti satu koma dua lima"
    ]


def test_a_whole_number_with_decimals_is_refused(tmp_path):
    path = write(tmp_path, "profil.yml", "penduduk:\n  laki_laki: 1,5\n  perempuan: 2\n")
    reader = DataReader(path)
    read_profile(reader, reader.load())
    assert [str(e).replace(str(tmp_path) + os.sep, "") for e in reader.errors] == [
        "profil.yml:2: 'laki_laki' harus berupa bilangan bulat, bukan '1,5' (expected a "
        "whole number) — tulis angka tanpa satuan dan tanpa koma, misalnya 12 atau 1.520"
    ]
