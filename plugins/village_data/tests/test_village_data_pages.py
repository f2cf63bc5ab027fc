"""The sample fixture site's profil/, aparatur/ and dokumen/ pages and the IDM chart on
profil/ and on a village page, read from the real output (tests/fixtures/sample:
content/data/ and content/data/desa/binangun/)."""

import json
import re

import pytest
import yaml

from tests.sitetools import SAMPLE, text_of

DATA = SAMPLE / "content" / "data"


def load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def decimal(value):
    return f"{value:.4f}".replace(".", ",")


def test_pages_exist_and_join_the_menu(sample_site):
    for url in (
        "profil/",
        "aparatur/",
        "dokumen/",
        "desa/binangun/profil/",
        "desa/binangun/aparatur/",
    ):
        assert sample_site.exists(url), url
    assert not sample_site.exists("desa/binangun/dokumen/")  # no dokumen.yml for Binangun
    # One menu item (the menu stays one row on a phone); each page links the others.
    menu = sample_site.html("").select(".menu a")
    links = [(a.get_text(strip=True), a["href"]) for a in menu]
    assert links[-2:] == [("Tentang", "./tentang/"), ("Profil", "./profil/")]
    current = sample_site.html("profil/").select(".menu a[aria-current=page]")
    assert [a.get_text() for a in current] == ["Profil"]
    for url in ("profil/", "aparatur/", "dokumen/"):
        nav = sample_site.html(url).select(".data-links a")
        assert [(a.get_text(), a["href"]) for a in nav] == [
            ("Profil", "../profil/"),
            ("Aparatur", "../aparatur/"),
            ("Dokumen", "../dokumen/"),
            ("APBDes", "../apbdes/"),
        ]  # plugin apbdes joins the site's data pages
        assert [
            a.get_text() for a in sample_site.html(url).select(".data-links [aria-current]")
        ] == [url.title()[:-1]]
    # A portal village's pages link each other, its APBDes (plugin apbdes) included, as
    # the site's own do (the APBDes was left out, and its page linked none of them).
    for url, depth, current in (
        ("desa/binangun/aparatur/", "../../../", "page"),
        ("desa/binangun/apbdes/", "../../../", "page"),
        ("desa/binangun/apbdes/2025/", "../../../../", "true"),
    ):
        village = sample_site.html(url).select(".data-links a")
        assert [a["href"] for a in village] == [
            f"{depth}desa/binangun/profil/",
            f"{depth}desa/binangun/aparatur/",
            f"{depth}desa/binangun/apbdes/",
        ], url
        marked = [a for a in village if a.get("aria-current")]
        assert len(marked) == 1 and marked[0]["aria-current"] == current, url


def test_no_raw_data_file_is_published(sample_site):
    # (admin/config.yml is the web editor's own configuration, plugin editor)
    assert [
        p.relative_to(sample_site.output).as_posix()
        for p in sample_site.output.rglob("*")
        if p.suffix in (".yml", ".yaml")
    ] == ["admin/config.yml"]
    assert not (sample_site.output / "data").exists()


def test_documents_grouped_by_type_then_year_newest_first(sample_site):
    soup = sample_site.html("dokumen/")
    sections = soup.select("section.documents")
    headings = [s.h2.get_text() for s in sections]
    assert headings == [
        "Peraturan Desa (Perdes)",
        "Keputusan Kepala Desa (SK Kades)",
        "Laporan Keterangan Penyelenggaraan Pemerintahan Desa (LKPPD)",
    ]
    perdes = sections[0]
    assert [re.match(r"\d+", h.get_text()).group() for h in perdes.find_all("h3")] == [
        "2024",
        "2023",
    ]
    expected = {d["judul"]: d for d in load("dokumen.yml")["dokumen"]}
    entries = soup.select("li.document")
    assert len(entries) == len(expected)
    for entry in entries:
        link = entry.a
        data = expected[link.get_text()]
        assert link["href"] == "../" + data["berkas"]
        size = (SAMPLE / "content" / data["berkas"]).stat().st_size
        assert entry.select_one(".document__file").get_text() == f"PDF, {size} B"
        label = {"berkala": "Informasi berkala", "setiap saat": "Informasi tersedia setiap saat"}[
            data["klasifikasi"]
        ]
        assert label in text_of(entry)
        assert (sample_site.output / data["berkas"]).is_file()  # the file is published


def test_documents_page_is_marked_as_example(sample_site):
    notice = sample_site.html("dokumen/").select_one(".draft-notice")
    assert notice and "CONTOH" in notice.get_text()


def test_officials_json_ld_lists_every_official(sample_site):
    soup = sample_site.html("aparatur/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "GovernmentOrganization"
    source = load("aparatur.yml")
    names = [m["member"]["name"] for m in data["member"]]
    assert names == [o["nama"] for o in source["pemerintah_desa"]]
    roles = [m["roleName"] for m in data["member"]]
    assert roles == [o["jabatan"] for o in source["pemerintah_desa"]]
    assert data["member"][0]["startDate"] == "2019" and data["member"][0]["endDate"] == "2025"
    bpd = data["subOrganization"]
    assert [m["member"]["name"] for m in bpd["member"]] == [o["nama"] for o in source["bpd"]]
    assert data["member"][0]["member"]["image"].endswith("-og.jpg")
    shown = [p.get_text() for p in soup.select(".person__name")]
    assert shown == names + [o["nama"] for o in source["bpd"]]


def test_official_photo_goes_through_the_image_pipeline(sample_site):
    soup = sample_site.html("aparatur/")
    image = soup.select_one(".person img")
    assert image["src"].startswith("../foto/kepala-desa-") and image["width"] == "288"
    assert (sample_site.output / image["src"][3:]).is_file()
    assert soup.select_one(".person source[type='image/webp']")
    # The original (with whatever metadata the camera wrote) is not published.
    assert not (sample_site.output / "images" / "aparatur" / "kepala-desa.jpg").exists()


def chart_scores(svg):
    """(year, score read back from the point's height) of every point of an IDM chart."""
    low, top = float(svg["data-min"]), float(svg["data-top"])
    baseline = float(svg.select_one(".idm-chart__axis")["y1"])
    found = []
    for point in svg.select("circle.idm-chart__point"):
        y = float(point["cy"])
        found.append(
            (int(point["data-tahun"]), low + (baseline - y) / (baseline - top) * (1 - low))
        )
    return found


@pytest.mark.parametrize(
    "url, source",
    [
        ("profil/", "idm.yml"),
        ("desa/binangun/", "desa/binangun/idm.yml"),
        ("desa/binangun/profil/", "desa/binangun/idm.yml"),
    ],
)
def test_idm_chart_points_and_table_match_the_data(sample_site, url, source):
    years = load(source)["data"]
    soup = sample_site.html(url)
    svg = soup.select_one("section.idm svg.idm-chart")
    points = chart_scores(svg)
    assert [year for year, _ in points] == [y["tahun"] for y in years]
    for (_, score), row in zip(points, years, strict=True):
        assert score == pytest.approx(float(row["idm"]), abs=0.001)
    xs = [float(c["cx"]) for c in svg.select("circle.idm-chart__point")]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    line = svg.select_one("polyline")["points"].split()
    assert line == [f"{c['cx']},{c['cy']}" for c in svg.select("circle.idm-chart__point")]
    rows = [
        [text_of(cell) for cell in tr.find_all(["th", "td"])]
        for tr in soup.select("section.idm tbody tr")
    ]
    expected = []
    for row in reversed(years):
        cells = [str(row["tahun"]), decimal(float(row["idm"]))]
        if "iks" in row:
            cells += [decimal(float(row[k])) for k in ("iks", "ike", "ikl")]
        expected.append(cells + [row["status"]])
    assert rows == expected
    latest = years[-1]
    status = text_of(soup.select_one("section.idm .idm__status").parent)
    assert (
        status
        == f"Status {latest['tahun']}: {latest['status']} (IDM {decimal(float(latest['idm']))})"
    )
    assert soup.select_one("section.idm .draft-notice")  # the sample figures are contoh


def test_profile_facts_and_population(sample_site):
    soup = sample_site.html("profil/")
    source = load("profil.yml")
    facts = dict(
        zip(
            [text_of(d) for d in soup.select(".place-facts dt")],
            [text_of(d) for d in soup.select(".place-facts dd")],
            strict=True,
        )
    )
    assert facts["Luas wilayah"] == "412,5 ha (4,12 km²)"
    assert facts["Batas utara"] == source["batas_wilayah"]["utara"]
    assert facts["Jumlah RT"] == "24"
    assert [text_of(li) for li in soup.select("ol.misi li")] == source["misi"]
    total = soup.select("table.people-table tbody tr")[-1]
    assert [text_of(c) for c in total.find_all(["th", "td"])] == [
        "Jumlah",
        "1.520",
        "1.580",
        "3.100",
    ]


def test_pages_are_in_the_sitemap(sample_site):
    """The sitemap lists what the Writer wrote (plugin sitemap): these pages and the other
    new page types (APBDes, pengumuman, agenda, galeri) without being named there."""
    sitemap = sample_site.text("sitemap.xml")
    for url in (
        "profil/",
        "aparatur/",
        "dokumen/",
        "desa/binangun/profil/",
        "apbdes/2025/",  # (apbdes/, which shows it, names it canonical: only it is listed)
        "pengumuman/",
        "agenda/",
        "galeri/",
        "galeri/contoh-album-kerja-bakti-dusun-krajan/",
    ):
        assert f"/{url}</loc>" in sitemap, url


def test_production_json_ld_uses_absolute_addresses(published_site):
    from conftest import PRODUCTION_URL

    soup = published_site.html("aparatur/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["url"] == f"{PRODUCTION_URL}/aparatur/"
    image = data["member"][0]["member"]["image"]
    assert image.startswith(f"{PRODUCTION_URL}/foto/kepala-desa-") and image.endswith("-og.jpg")
    assert published_site.exists(image[len(PRODUCTION_URL) :])
    assert (
        published_site.html("dokumen/")
        .select_one("li.document a")["href"]
        .startswith(f"{PRODUCTION_URL}/files/")
    )
