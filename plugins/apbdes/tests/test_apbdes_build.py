"""The APBDes pages of the sample fixture site (tests/fixtures/sample/content/data/):
charts, tables, totals, the share picture, the menu, a village's APBDes on a portal."""

import io
import re
import textwrap

import pytest
import yaml
from PIL import Image

from apbdes.data import BIDANG
from tests.sitetools import SAMPLE, build_site, text_of
from wartadesa.build import BuildFailed

DATA = SAMPLE / "content" / "data"


def amounts(path, section):
    """[(label, anggaran, realisasi)] of a section of a sample year file, read here with
    plain PyYAML (independently of the plugin)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))[section]
    items = data["rincian"] if isinstance(data, dict) else data

    def number(v):
        return None if v is None else int(str(v).replace(".", ""))

    return [
        (str(i.get("uraian") or i.get("bidang")), number(i["anggaran"]), number(i.get("realisasi")))
        for i in items
    ]


def rupiah(value):
    return "-" * (value < 0) + "Rp" + f"{abs(value):,}".replace(",", ".")


def bars(figure):
    """{'anggaran': [width...], 'realisasi': [width...]} of a chart, in drawing order."""
    found = {"anggaran": [], "realisasi": []}
    for rect in figure.svg.find_all("rect"):
        kind = rect["class"][0].split("__")[1]
        if rect.get("y") not in ("5",):  # the legend squares
            found[kind].append(float(rect["width"]))
    return found


@pytest.fixture(scope="module")
def page(sample_site):
    return sample_site.html("apbdes/2025/")


def test_latest_year_page_and_each_year(sample_site):
    latest = sample_site.html("apbdes/")
    assert text_of(latest.h1) == "APBDes 2025"
    assert sample_site.exists("apbdes/2025/") and sample_site.exists("apbdes/2024/")
    years = latest.find("ul", class_="apbdes-years")
    assert [text_of(li) for li in years.find_all("li")] == ["2025", "2024"]
    assert years.find("a", href="../../apbdes/2024/") or years.find("a", href="../apbdes/2024/")
    assert text_of(sample_site.html("apbdes/2024/").h1) == "APBDes 2024"


def test_sample_data_is_marked_as_example(page):
    notice = page.find("p", class_="draft-notice")
    assert text_of(notice).startswith("Data contoh.")


@pytest.mark.parametrize("section, heading", [("pendapatan", "pendapatan"), ("belanja", "belanja")])
def test_bars_are_proportional_to_the_amounts(page, section, heading):
    expected = amounts(DATA / "apbdes" / "2025.yml", section)
    figure = page.find("h2", id=section).find_next("figure")
    drawn = bars(figure)
    values = [a for _l, a, _r in expected] + [r for _l, _a, r in expected]
    widths = drawn["anggaran"] + drawn["realisasi"]
    assert len(widths) == 2 * len(expected)
    scale = max(widths) / max(values)
    assert max(widths) == pytest.approx(235)
    for value, width in zip(values, widths, strict=True):
        assert width == pytest.approx(value * scale, abs=0.01)
    assert figure.svg["aria-hidden"] == "true" and figure.figcaption


def test_tables_match_the_data(page):
    for section in ("pendapatan", "belanja"):
        expected = amounts(DATA / "apbdes" / "2025.yml", section)
        table = page.find("h2", id=section).find_next("table")
        rows = [
            [text_of(c) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")
        ]
        for (label, anggaran, realisasi), row in zip(expected, rows, strict=True):
            assert row[0] == label
            assert row[1:3] == [rupiah(anggaran), rupiah(realisasi)]
            assert row[3] == f"{realisasi / anggaran * 100:.1f}%".replace(".", ",")
        total = [text_of(c) for c in table.tfoot.find_all(["th", "td"])]
        assert total[1] == rupiah(sum(a for _l, a, _r in expected))
        assert total[2] == rupiah(sum(r for _l, _a, r in expected))
    assert [row[0] for row in amounts(DATA / "apbdes" / "2025.yml", "belanja")] == list(BIDANG)


def test_summary_totals_surplus_and_percentages(page):
    table = page.find("caption", string="Ringkasan APBDes 2025").parent
    rows = {
        text_of(tr.th): [text_of(td) for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")
    }
    assert rows["Pendapatan"] == ["Rp1.535.000.000", "Rp1.493.500.000", "97,3%"]
    assert rows["Belanja"] == ["Rp1.595.000.000", "Rp1.504.000.000", "94,3%"]
    assert rows["Surplus (defisit)"] == ["-Rp60.000.000", "-Rp10.500.000", ""]
    assert rows["Pembiayaan netto"] == ["Rp60.000.000", "Rp60.000.000", ""]
    assert rows["Sisa lebih (kurang) pembiayaan anggaran"][:2] == ["Rp0", "Rp49.500.000"]
    facts = text_of(page.find("dl", class_="apbdes-facts"))
    assert "Defisit Rp60.000.000" in facts and "terealisasi 97,3%" in facts


def test_chart_labels_use_the_short_rupiah(page):
    texts = [text_of(t) for t in page.find("h2", id="pendapatan").find_next("svg")("text")]
    assert "Rp950 jt" in texts and "Rp430 jt" in texts  # anggaran
    assert "Rp409 jt · 95,0%" in texts  # realisasi 408.500.000 of 430.000.000


def test_share_picture_is_the_og_image(sample_site, page):
    image = page.find("meta", property="og:image")["content"]
    assert image.endswith("/apbdes/2025/apbdes-2025.png")
    assert page.find("meta", property="og:image:width")["content"] == "1200"
    data = sample_site.path("apbdes/2025/apbdes-2025.png").read_bytes()
    picture = Image.open(io.BytesIO(data))
    assert picture.size == (1200, 630) and picture.format == "PNG"
    assert set(picture.info) <= {"dpi", "gamma"}  # no text chunks, no dates
    assert not re.search(rb"tIME|tEXt|iTXt|zTXt|eXIf", data)


def test_share_picture_is_the_same_bytes_every_build(sample_site):
    from apbdes.data import read_budget
    from apbdes.share import summary_png

    budget, _errors = read_budget(DATA / "apbdes" / "2025.yml")
    built = sample_site.path("apbdes/2025/apbdes-2025.png").read_bytes()
    assert summary_png(budget, "Warta Desa") == built


def test_apbdes_joins_the_data_pages_of_the_menu(sample_site):
    """One menu item for the data pages (the first: Profil, plugin village_data); the
    APBDes page and the other data pages link each other."""
    menu = sample_site.html("").find("nav", class_="menu")
    labels = [text_of(a) for a in menu.find_all("a")]
    assert "Profil" in labels and "APBDes" not in labels
    nav = sample_site.html("apbdes/").find("nav", class_="data-links")
    assert [text_of(a) for a in nav("a")] == ["Profil", "Aparatur", "Dokumen", "APBDes"]
    assert text_of(nav.find("a", attrs={"aria-current": "page"})) == "APBDes"
    profil = sample_site.html("profil/").find("nav", class_="data-links")
    assert "APBDes" in [text_of(a) for a in profil("a")]


def test_apbdes_alone_is_the_menu_item(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "tentang.md").write_text(
        "---\njudul: Tentang\n---\nIsi.\n", encoding="utf-8"
    )
    (content / "data" / "apbdes").mkdir(parents=True)
    (content / "data" / "apbdes" / "2025.yml").write_bytes(
        (DATA / "apbdes" / "2025.yml").read_bytes()
    )
    site = build_site(tmp_path / "output", content=content)
    current = (
        site.html("apbdes/").find("nav", class_="menu").find("a", attrs={"aria-current": "page"})
    )
    assert text_of(current) == "APBDes"
    assert site.html("apbdes/").find("nav", class_="data-links") is None


def test_raw_year_files_are_not_published(sample_site):
    # (admin/config.yml is the web editor's own configuration, plugin editor)
    published = [
        p.relative_to(sample_site.output).as_posix() for p in sample_site.output.rglob("*.yml")
    ]
    assert published == ["admin/config.yml"]
    assert not (sample_site.output / "data").exists()


def test_a_village_of_the_portal_has_its_apbdes(sample_site):
    village = sample_site.html("desa/binangun/")
    section = village.find("section", class_="apbdes-village")
    assert "APBDes 2025" in text_of(section.h2) and "data contoh" in text_of(section.h2)
    assert "Rp1.200.000.000" in text_of(section)
    assert section.find("a")["href"].endswith("desa/binangun/apbdes/")
    page = sample_site.html("desa/binangun/apbdes/2025/")
    assert text_of(page.h1) == "APBDes 2025 Desa Binangun"
    assert text_of(page.find("p", class_="meta")).startswith(
        "Anggaran Pendapatan dan Belanja Desa (APBDes) Desa Binangun, tahun anggaran 2025"
    )
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("APBDes (Anggaran Pendapatan dan Belanja Desa) Desa Binangun")
    assert "Desa Desa" not in str(page)
    assert [text_of(a) for a in page.find("nav", class_="crumbs")("a")] == [
        "Beranda",
        "Desa",
        "Desa Binangun",
        "APBDes",
    ]
    # No realisasi in this file: one bar per line, no realisasi column.
    drawn = bars(page.find("h2", id="belanja").find_next("figure"))
    assert drawn["realisasi"] == [] and drawn["anggaran"] == [235.0, pytest.approx(184.64)]
    assert "Realisasi" not in text_of(page.find("h2", id="belanja").find_next("table"))
    assert sample_site.exists("desa/binangun/apbdes/2025/apbdes-2025.png")
    # Other villages have no APBDes section.
    assert not sample_site.html("desa/saringembat/").find("section", class_="apbdes-village")


def test_no_apbdes_data_no_pages_and_no_menu_link(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "tentang.md").write_text(
        "---\njudul: Tentang\n---\nIsi.\n", encoding="utf-8"
    )
    site = build_site(tmp_path / "output", content=content)
    assert not (site.output / "apbdes").exists()
    assert "APBDes" not in text_of(site.html("tentang/").find("nav", class_="menu"))


def test_bad_year_files_stop_the_build_with_every_message(tmp_path):
    content = tmp_path / "content"
    folder = content / "data" / "apbdes"
    folder.mkdir(parents=True)
    (content / "desa.yml").write_text("- kode: 35.23.07.2005\n", encoding="utf-8")
    (folder / "2025.yml").write_text(
        textwrap.dedent("""\
        pendapatan:
          jumlah: 200
          rincian:
            - uraian: Dana Desa
              anggaran: 100
        belanja:
          - bidang: Kesehatan
            anggaran: 100
        """),
        encoding="utf-8",
    )
    (folder / "apbdes-2024.yml").write_text("pendapatan: []\n", encoding="utf-8")
    other = content / "data" / "desa" / "sidomulyo" / "apbdes"
    other.mkdir(parents=True)
    (other / "2025.yml").write_text(
        "pendapatan:\n  - uraian: DD\n    anggaran: 5\nbelanja:\n  - bidang: 1\n    anggaran: 5\n",
        encoding="utf-8",
    )
    # The same folder's profile: village_data names the folder too, with the same line.
    (content / "data" / "desa" / "sidomulyo" / "profil.yml").write_text(
        "visi: Desa maju\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    problems = failed.value.problems
    assert len(problems) == 4, problems
    text = "\n".join(problems)
    assert "data/apbdes/2025.yml:2: jumlah anggaran pendapatan tertulis Rp200" in text
    assert "data/apbdes/2025.yml:7: bidang 'Kesehatan' tidak dikenal" in text
    assert "apbdes-2024.yml:1: nama berkas APBDes 'apbdes-2024.yml' bukan tahun" in text
    assert "data/desa/sidomulyo:1: folder desa 'sidomulyo' tidak ada di desa.yml" in text
    assert "binangun" in text
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").iterdir())


def test_pages_are_written_through_pelicans_writer(tmp_path):
    """content_written is sent for every APBDes page (what the sitemap collects)."""
    from pelican import signals

    content = tmp_path / "content"
    (content / "data" / "apbdes").mkdir(parents=True)
    (content / "data" / "apbdes" / "2023.yml").write_text(
        "pendapatan:\n  - uraian: Dana Desa\n    anggaran: 10\nbelanja:\n  - bidang: 1\n"
        "    anggaran: 8\n",
        encoding="utf-8",
    )
    written = []

    def record(path, context):
        written.append(path)

    signals.content_written.connect(record)
    try:
        site = build_site(tmp_path / "output", content=content)
    finally:
        signals.content_written.disconnect(record)
    # The build writes into a fresh folder, then swaps it in (wartadesa.build).
    for page in ("/apbdes/index.html", "/apbdes/2023/index.html"):
        assert any(str(path).replace("\\", "/").endswith(page) for path in written), written
    page = site.html("apbdes/")
    assert not page.find("p", class_="draft-notice")  # not marked contoh
    assert "Realisasi" not in text_of(page.find("table"))
    assert text_of(page.find("dl", class_="apbdes-facts")).endswith("Surplus Rp2")


def test_share_picture_shows_the_realisation_and_the_example_band(sample_site):
    from apbdes.share import GREEN, MARGIN, SIZE, WARN

    picture = Image.open(sample_site.path("apbdes/2025/apbdes-2025.png")).convert("RGB")
    assert picture.getpixel((5, 5)) == GREEN  # header band
    assert picture.getpixel((5, SIZE[1] - 5)) == WARN  # "DATA CONTOH" band
    # The pendapatan bar (y 237-253) is filled to 97,3% of its width.
    width = SIZE[0] - 2 * MARGIN
    end = MARGIN + round(width * 1493500000 / 1535000000)
    assert picture.getpixel((end - 3, 245)) == GREEN
    assert picture.getpixel((end + 3, 245)) != GREEN


def test_invoke_check_reports_apbdes_mistakes_without_building(tmp_path):
    from tests.sitetools import settings_path
    from wartadesa.check import check

    folder = tmp_path / "content" / "data" / "apbdes"
    folder.mkdir(parents=True)
    (folder / "2025.yml").write_text(
        "belanja:\n  - bidang: 2\n    anggaran: -5\n", encoding="utf-8"
    )
    errors, _warnings = check(settings_path(), content=tmp_path / "content")
    assert (
        len(errors) == 1
        and "2025.yml:3: anggaran 'Pelaksanaan Pembangunan Desa' negatif (-5)" in errors[0]
    )


def test_a_page_at_the_apbdes_address_is_a_clash_naming_both(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "apbdes.md").write_text(
        "---\njudul: APBDes\nslug: apbdes\n---\nIsi.\n", encoding="utf-8"
    )
    (content / "data" / "apbdes").mkdir(parents=True)
    (content / "data" / "apbdes" / "2025.yml").write_text(
        "pendapatan:\n  - uraian: DD\n    anggaran: 5\nbelanja:\n  - bidang: 1\n    anggaran: 5\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    # One message, at the page, naming the year file (the address is APBDES_URL's).
    [problem] = failed.value.problems
    assert problem.startswith(f"{content / 'pages' / 'apbdes.md'}:3: alamat apbdes/ sudah dipakai")
    assert "2025.yml:1" in problem and "alamat ini milik halaman APBDes" in problem


def test_production_page_has_absolute_share_picture_and_canonical(published_site):
    page = published_site.html("apbdes/2025/")
    base = "https://binangun-singgahan.desa.id"
    assert (
        page.find("meta", property="og:image")["content"] == f"{base}/apbdes/2025/apbdes-2025.png"
    )
    assert page.find("link", rel="canonical")["href"] == f"{base}/apbdes/2025/"
    village = published_site.html("desa/binangun/apbdes/")
    assert (
        village.find("meta", property="og:image")["content"]
        == f"{base}/desa/binangun/apbdes/2025/apbdes-2025.png"
    )


def test_the_latest_years_two_pages_name_one_canonical(published_site):
    """apbdes/ shows what apbdes/2025/ shows: both named themselves canonical, two pages
    of the same content for search engines. The year's page, whose address keeps its year,
    is the one (canonical and og:url); the years before keep their own."""
    base = "https://binangun-singgahan.desa.id"
    for latest, year in [
        ("apbdes/", "apbdes/2025/"),
        ("desa/binangun/apbdes/", "desa/binangun/apbdes/2025/"),
    ]:
        for path in (latest, year):
            page = published_site.html(path)
            assert page.find("link", rel="canonical")["href"] == f"{base}/{year}", path
            assert page.find("meta", property="og:url")["content"] == f"{base}/{year}", path
    older = published_site.html("apbdes/2024/")
    assert older.find("link", rel="canonical")["href"] == f"{base}/apbdes/2024/"
    # Shared and listed by that address: the sitemap has the year's page, not apbdes/.
    share = published_site.html("apbdes/").select_one(".copy input")["value"]
    assert share == f"{base}/apbdes/2025/"
    sitemap = published_site.text("sitemap.xml")
    assert f"<loc>{base}/apbdes/2025/</loc>" in sitemap
    assert f"<loc>{base}/apbdes/</loc>" not in sitemap


# --- Figures that are almost surely typos -------------------------------------------------


def apbdes_content(tmp_path, files):
    content = tmp_path / "content"
    (content / "data" / "apbdes").mkdir(parents=True)
    for name, text in files.items():
        (content / "data" / "apbdes" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return content


def test_realisasi_far_above_anggaran_is_published_with_a_warning(tmp_path):
    content = apbdes_content(
        tmp_path,
        {
            "2024.yml": """\
                pendapatan:
                  - uraian: Dana Desa
                    anggaran: 1.000.000.000
                    realisasi: 1.200.000.000
                belanja:
                  - bidang: 2
                    anggaran: 500.000.000
                    realisasi: 4.800.000.000
                """
        },
    )
    site = build_site(tmp_path / "output", content=content)  # built: only a warning
    assert [w.split("/data/apbdes/", 1)[1] for w in site.warnings] == [
        "2024.yml:8: realisasi 'Pelaksanaan Pembangunan Desa' Rp4.800.000.000 adalah 960,0% "
        "dari anggarannya Rp500.000.000 (realisasi far above anggaran) — periksa apakah ada "
        "angka nol atau titik yang berlebih; bila angkanya memang benar, biarkan saja"
    ]  # 120% of the pendapatan line is plausible: no warning for it
    assert "960,0%" in text_of(site.html("apbdes/").find("table", string=None))


def test_a_budget_year_after_next_year_stops_the_build(tmp_path):
    # The test build day is 15 July 2024: 2025 is next year's APBDes, 2042 a typo that
    # would have become the headline year of apbdes/.
    line = "pendapatan:\n  - uraian: Dana Desa\n    anggaran: 5\nbelanja:\n  - bidang: 1\n    anggaran: 5\n"
    content = apbdes_content(tmp_path, {"2025.yml": line, "2042.yml": line})
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert [p.split("/data/apbdes/", 1)[1] for p in failed.value.problems] == [
        "2042.yml:1: tahun anggaran 2042 tidak masuk akal: paling jauh APBDes tahun depan, "
        "2025 (budget year too far ahead) — beri nama berkas dengan tahun anggarannya, "
        "misalnya  2024.yml"
    ]


def test_realisasi_of_a_zero_anggaran_is_shown_as_an_amount(tmp_path):
    """No percent of Rp0: the facts say how much was realized instead of a dangling
    "terealisasi"; a year without `pengeluaran:` shows its SiLPA realisasi."""
    content = apbdes_content(
        tmp_path,
        {
            "2024.yml": """\
                pendapatan:
                  - uraian: Bantuan keuangan tak terduga
                    anggaran: 0
                    realisasi: 5.000.000
                belanja:
                  - bidang: 1
                    anggaran: 4.000.000
                    realisasi: 3.000.000
                pembiayaan:
                  penerimaan:
                    - uraian: SiLPA
                      anggaran: 1.000.000
                      realisasi: 1.000.000
                """
        },
    )
    site = build_site(tmp_path / "output", content=content)
    page = site.html("apbdes/")
    facts = " ".join(page.find("dl", class_="apbdes-facts").get_text(" ").split())
    assert "Pendapatan Rp0 · terealisasi Rp5.000.000 Belanja" in facts, facts
    rows = {
        row.th.get_text(" ", strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
        for row in page.find("table").find_all("tr")
        if row.th and row.find("td")
    }
    assert rows["Pengeluaran pembiayaan"] == ["Rp0", "Rp0", "–"]
    assert rows["Sisa lebih (kurang) pembiayaan anggaran"][:2] == ["-Rp3.000.000", "Rp3.000.000"]


def test_one_year_in_two_files_is_one_message(tmp_path):
    """Not also four 'duplicate URL' errors telling to change APBDES_URL."""
    text = (
        "pendapatan:\n  - uraian: DD\n    anggaran: 5\nbelanja:\n  - bidang: 1\n    anggaran: 5\n"
    )
    content = apbdes_content(tmp_path, {"2024.yml": text, "2024.yaml": text})
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert [p.split("/data/apbdes/", 1)[1] for p in failed.value.problems] == [
        "2024.yml:1: APBDes 2024 ditulis di dua berkas (also 2024.yaml) — hapus salah satunya"
    ]
