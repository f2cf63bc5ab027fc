"""Whole builds: every village/region mistake stops the build with file:line messages;
a site without content/desa.yml works with codes and nationally unique names."""

import textwrap

import feedparser
import pytest

from tests.sitetools import build_site, text_of
from wartadesa.build import BuildFailed


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def article(folder, name, day, keys):
    write(
        folder,
        f"berita/{name}.md",
        f"""
---
title: Berita {name.upper()}
date: 2024-03-{day:02d} 09:00
category: Pemerintahan
{keys}
---
Isi berita {name}.
""",
    )


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory):
    content = tmp_path_factory.mktemp("villages-errors")
    write(
        content,
        "desa.yml",
        """
        - kode: 35.23.07.2005
        - nama: Bengkel
          kabupaten: Tabanan
        """,
    )
    article(content, "a", 1, "village: Sidomulyo")
    article(content, "b", 2, "village:\n  - Bengkel\n  - Saringembt\nregion: Kalimantan Selatn")
    article(content, "c", 3, "desa: 35.23.07")
    article(content, "d", 4, "wilayah: 62.10\ndesa: Binangun")  # fine: Binangun is in desa.yml
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path_factory.mktemp("villages-errors-out") / "output", content=content)
    return failed.value.problems


def line_with(problems, fragment):
    found = [line for line in problems if fragment in line]
    assert len(found) == 1, (fragment, problems)
    return found[0]


def test_all_problems_are_reported_together(failed_build):
    assert len(failed_build) == 4, failed_build


def test_ambiguous_village_in_article(failed_build):
    line = line_with(failed_build, "a.md:5:")
    assert "'Sidomulyo' tidak unik: ada 98 desa/kelurahan" in line
    # Short: the code to write, the three nearest candidates (it was ~900 characters).
    assert "tulis kodenya, misalnya  desa: " in line
    assert line.count("(Desa Sidomulyo") + line.count("(Kelurahan Sidomulyo") == 3
    assert "dan 95 lainnya" in line and len(line.split(": ", 1)[1]) < 500


# --- desa.yml with an error: its own errors only ---------------------------------------

ARTICLE_KEYS = ("desa: binangun", "village: [Binangun, Saringembat]", "desa: Saringembat")


def broken_registry_build(tmp_path_factory, registry, encoding="utf-8"):
    """A site whose desa.yml has one mistake, with articles naming its villages, a data
    folder and an APBDes folder of Binangun, and situs.yml naming Binangun."""
    content = tmp_path_factory.mktemp("broken-registry")
    (content / "desa.yml").write_text(textwrap.dedent(registry).lstrip("\n"), encoding=encoding)
    write(content, "situs.yml", "nama: Warta Binangun\ndesa: binangun\n")
    for number, keys in enumerate(ARTICLE_KEYS, start=1):
        article(content, f"a{number}", number, keys)
    write(content, "data/desa/binangun/profil.yml", "visi: Desa maju\n")
    write(
        content,
        "data/desa/binangun/apbdes/2025.yml",
        "pendapatan:\n  - uraian: Dana Desa\n    anggaran: 1.000.000\nbelanja:\n  - bidang: 1\n    anggaran: 1.000.000\n",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path_factory.mktemp("broken-registry-out") / "output", content=content)
    prefix = str(content) + "/"
    return [line.replace(prefix, "") for line in failed.value.problems]


def test_one_wrong_digit_in_desa_yml_is_its_only_error(tmp_path_factory):
    problems = broken_registry_build(
        tmp_path_factory,
        """
        # Desa yang diliput
        - kode: 35.23.07.2099          # Binangun (one digit wrong: 2005)
          situs: https://binangun-singgahan.desa.id
        - nama: Saringembat
          kecamatan: Singgahan
        """,
    )
    # Not "nama desa 'binangun' tidak unik" for every article, not "folder desa 'binangun'
    # tidak ada di desa.yml", not situs.yml's "desa 'binangun' tidak ada di desa.yml": the line to fix.
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        "desa.yml:2: kode desa '35.23.07.2099' tidak ada dalam data resmi Kemendagri"
    )
    assert "kode yang ada di Kec. Singgahan: 35.23.07.20" in problems[0]


@pytest.mark.parametrize(
    ("registry", "encoding", "expected"),
    [
        ("- kode: 35.23.07.2005\n\tsitus: https://binangun.desa.id\n", "utf-8", "desa.yml:2: "),
        ("- kode: 35.23.07.2005\n- nama: Saringembat\n", "utf-16", "desa.yml:1: "),
        (
            "- kode: 35.23.07.2005\n  situs: binangun-singgahan.desa.id\n",
            "utf-8",
            "desa.yml:2: situs 'binangun-singgahan.desa.id' bukan alamat web",
        ),
        (
            "kode: 35.23.07.2005\n",
            "utf-8",
            "desa.yml:1: desa.yml harus berupa daftar desa (must be a list)",
        ),
    ],
    ids=["tab", "utf-16", "situs-without-https", "mapping-not-list"],
)
def test_every_desa_yml_mistake_reports_only_desa_yml(
    tmp_path_factory, registry, encoding, expected
):
    problems = broken_registry_build(tmp_path_factory, registry, encoding)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_misspelt_list_item_names_its_own_line(failed_build):
    line = line_with(failed_build, "b.md:7:")
    assert "desa 'Saringembt' tidak ditemukan" in line
    assert "35.23.07.2011 (Desa Saringembat, Kec. Singgahan, Kab. Tuban, Jawa Timur)" in line


def test_misspelt_region(failed_build):
    line = line_with(failed_build, "b.md:8:")
    assert "wilayah 'Kalimantan Selatn' tidak ditemukan" in line
    assert "63 (Kalimantan Selatan)" in line


def test_region_code_under_the_village_alias(failed_build):
    line = line_with(failed_build, "c.md:5:")
    assert "kode '35.23.07' adalah Kec. Singgahan" in line and "region:" in line


@pytest.fixture(scope="module")
def no_registry_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("no-registry")
    article(content, "a", 1, "village: Saringembat")  # unique in the country
    article(content, "b", 2, "village: 51.02.06.2001")  # Bengkel by code
    article(content, "c", 3, "region: 62.10")  # unquoted code
    article(content, "d", 4, "village: [Lajo Kidul, Saringembat]\nregion: Kec. Singgahan")
    write(
        content,
        "check.html",
        "{% for v in villages %}{{ v.slug }}={{ v.code }};{% endfor %}"
        "|{% for r in regions %}{{ r.code }};{% endfor %}",
    )
    return build_site(
        tmp_path_factory.mktemp("no-registry-out") / "output",
        content=content,
        TEMPLATE_PAGES={"check.html": "check.txt"},
    )


def test_no_registry_site_builds_without_warnings(no_registry_site):
    assert no_registry_site.warnings == []


def test_no_registry_village_pages(no_registry_site):
    page = no_registry_site.html("desa/saringembat/")
    assert text_of(page.h1) == "Desa Saringembat"
    assert [text_of(a) for a in page.select("main article h2 a")] == ["Berita D", "Berita A"]
    assert text_of(no_registry_site.html("desa/bengkel/").h1) == "Desa Bengkel"
    assert text_of(no_registry_site.html("desa/lajo-kidul/").h1) == "Desa Lajo Kidul"
    singgahan = no_registry_site.html("wilayah/jawa-timur/tuban/singgahan/")
    # a, d: villages inside; d also names the kecamatan itself: counted once
    assert [text_of(a) for a in singgahan.select("main article h2 a")] == ["Berita D", "Berita A"]
    gunung_mas = no_registry_site.html("wilayah/kalimantan-tengah/gunung-mas/")
    assert [text_of(a) for a in gunung_mas.select("main article h2 a")] == ["Berita C"]


def test_templates_get_villages_and_regions(no_registry_site):
    villages, regions = no_registry_site.text("check.txt").split("|")
    assert villages == "bengkel=51.02.06.2001;lajo-kidul=35.23.07.2001;saringembat=35.23.07.2011;"
    assert regions == "35;35.23;35.23.07;51;51.02;51.02.06;62;62.10;"


def test_site_without_any_village(tmp_path):
    content = tmp_path / "content"
    article(content, "a", 1, "")
    site = build_site(tmp_path / "output", content=content)
    assert site.warnings == []
    assert "Belum ada desa yang terdaftar." in text_of(site.html("desa/"))
    assert not site.exists("wilayah/")


def test_two_regions_of_one_name_are_told_apart_in_their_feeds(tmp_path):
    """Kec. Sooko is in Kab. Ponorogo (35.02.06) and in Kab. Mojokerto (35.16.13): each
    region feed's title names its kabupaten, as two villages of one name name their
    kecamatan."""
    content = tmp_path / "content"
    article(content, "a", 1, "wilayah: 35.02.06")
    article(content, "b", 2, "wilayah: 35.16.13")
    site = build_site(tmp_path / "output", content=content)
    titles = {
        code: feedparser.parse(site.text(f"feeds/wilayah/{code}.atom.xml")).feed.title
        for code in ("35.02.06", "35.16.13")
    }
    assert titles["35.02.06"].endswith(" - Kecamatan Sooko, Kab. Ponorogo"), titles
    assert titles["35.16.13"].endswith(" - Kecamatan Sooko, Kab. Mojokerto"), titles


def test_two_villages_of_one_name_in_two_kecamatan_of_one_name_name_their_kabupaten(tmp_path):
    """Desa Sooko lies in a Kec. Sooko both in Kab. Ponorogo and in Kab. Mojokerto: the
    kecamatan does not tell them apart, so their labels go up to the kabupaten."""
    content = tmp_path / "content"
    article(content, "a", 1, "desa: 35.02.06.2004")
    article(content, "b", 2, "desa: 35.16.13.2010")
    site = build_site(tmp_path / "output", content=content)
    titles = sorted(
        feedparser.parse(site.text(f"feeds/desa/{slug}.rss.xml")).feed.title.split(" - ")[-1]
        for slug in ("sooko-sooko-ponorogo", "sooko-sooko-mojokerto")
    )
    assert titles == [
        "Desa Sooko, Kec. Sooko, Kab. Mojokerto",
        "Desa Sooko, Kec. Sooko, Kab. Ponorogo",
    ]
