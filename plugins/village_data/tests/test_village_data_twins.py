"""A portal with two villages of one name (Binangun of Kab. Tuban and of Kab. Blitar, their
addresses written down in desa.yml): wherever the page around it does not say which one,
a village's data is named with its kecamatan (taken here from the official register's
kecamatan names, Singgahan and Binangun), and its data pages are found by the search
filter of that village. A data folder belongs to a village of desa.yml only."""

import json
import textwrap

import pytest

from tests.sitetools import build_site, text_of
from wartadesa.build import BuildFailed

TUBAN = "Desa Binangun, Kec. Singgahan"
BLITAR = "Desa Binangun, Kec. Binangun"
OFFICIALS = """
    pemerintah_desa:
      - nama: {name}
        jabatan: Kepala Desa
    """
APBDES = "pendapatan:\n  - uraian: Dana Desa\n    anggaran: 5\nbelanja:\n  - bidang: 1\n    anggaran: 5\n"


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def news(root, name, village):
    write(
        root,
        f"berita/{name}.md",
        f"""
        ---
        title: Kabar {name}
        date: 2024-03-01 09:00
        category: Pemerintahan
        desa: {village}
        ---
        Isi kabar.
        """,
    )


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    root = tmp_path_factory.mktemp("twins") / "content"
    write(
        root,
        "desa.yml",
        """
        - kode: 35.23.07.2005
          slug: binangun
          alamat: Jl. Balai Desa 1
        - kode: 35.05.16.2004
          slug: binangun-blitar
        - kode: 35.23.07.2011
        """,
    )
    write(root, "situs.yml", "nama: Portal Uji\n")
    news(root, "tuban", "binangun")
    news(root, "blitar", "binangun-blitar")
    write(root, "data/desa/binangun/aparatur.yml", OFFICIALS.format(name="Sutrisno"))
    write(root, "data/desa/binangun-blitar/aparatur.yml", OFFICIALS.format(name="Suparmi"))
    write(root, "data/desa/binangun-blitar/apbdes/2024.yml", APBDES)
    write(root, "data/desa/saringembat/aparatur.yml", OFFICIALS.format(name="Wagiman"))
    write(
        root,
        "agenda/2024-08-17-upacara.md",
        """
        ---
        judul: Upacara HUT RI
        mulai: 2024-08-17 07:00
        tempat: Lapangan desa
        desa: binangun
        ---
        Upacara bendera.
        """,
    )
    return build_site(tmp_path_factory.mktemp("twins-out") / "output", content=root)


@pytest.mark.parametrize(
    "url, name", [("desa/binangun/aparatur/", TUBAN), ("desa/binangun-blitar/aparatur/", BLITAR)]
)
def test_each_data_page_names_its_village_with_its_kecamatan(twins, url, name):
    page = twins.html(url)
    assert text_of(page.find("h1")) == f"Aparatur {name}"
    assert text_of(page.find("title")).startswith(f"Aparatur {name} — ")
    crumbs = [text_of(a) for a in page.select("nav.crumbs a, nav[aria-label] ol a")]
    assert name in crumbs, crumbs
    organization = json.loads(page.find("script", type="application/ld+json").string)
    assert organization["name"] == "Pemerintah Desa Binangun"
    code = "35.23.07.2005" if name == TUBAN else "35.05.16.2004"
    assert organization["areaServed"]["identifier"] == code
    filters = [text_of(span) for span in page.select('[data-pagefind-filter="desa"]')]
    assert filters == [name]
    assert page.select_one("[data-pagefind-body] [data-pagefind-filter]") is not None


def test_the_apbdes_page_names_its_village_with_its_kecamatan(twins):
    page = twins.html("desa/binangun-blitar/apbdes/2024/")
    assert text_of(page.find("h1")) == f"APBDes 2024 {BLITAR}"
    assert [text_of(s) for s in page.select('[data-pagefind-filter="desa"]')] == [BLITAR]


def test_the_search_page_offers_every_village_with_data_pages(twins):
    """Saringembat has no article, only its officials: its data page carries the filter,
    so the search page lists the village as a choice."""
    page = twins.html("cari/")
    choices = [text_of(option) for option in page.select('select[name="desa"] option')]
    assert {TUBAN, BLITAR, "Desa Saringembat"} <= set(choices), choices


def test_an_agenda_item_is_located_in_its_kecamatan_and_kabupaten(twins):
    page = twins.html("agenda/upacara-hut-ri/")
    event = json.loads(page.find("script", type="application/ld+json").string)
    address = event["location"]["address"]
    assert address["addressLocality"] == f"{TUBAN}, Kab. Tuban"
    assert address["addressRegion"] == "Jawa Timur"
    assert "streetAddress" not in address  # the village office is not the venue
    calendar = twins.text("feeds/desa/binangun.ics").replace("\n ", "")  # lines unfolded
    assert f"X-WR-CALNAME:Agenda {TUBAN.replace(',', chr(92) + ',')}" in calendar
    assert f"LOCATION:Lapangan desa\\, {TUBAN.replace(',', chr(92) + ',')}" in calendar


def test_lists_name_each_item_s_village_with_its_kecamatan(twins):
    listed = text_of(twins.html("index.html").select_one("main"))
    assert f"· {TUBAN}" in listed and f"· {BLITAR}" in listed


def test_a_data_folder_of_a_village_outside_desa_yml_is_an_error(tmp_path):
    """An article naming Saringembat by its code gave it a page; its data folder was then
    published, and went away with that article. It belongs to desa.yml's villages only."""
    root = tmp_path / "content"
    write(root, "desa.yml", "- kode: 35.23.07.2005\n")
    news(root, "a", "35.23.07.2011")
    write(root, "data/desa/saringembat/aparatur.yml", OFFICIALS.format(name="Wagiman"))
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=root)
    found = [p for p in failed.value.problems if "saringembat" in p]
    assert len(found) == 1, failed.value.problems
    assert "data/desa/saringembat:1: folder desa 'saringembat' tidak ada di desa.yml" in found[0]
    assert "tambahkan dulu desanya ke content/desa.yml:  - kode: 35.23.07.2011" in found[0]
