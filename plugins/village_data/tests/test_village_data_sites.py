"""Small real sites: without data files nothing is added (no page, no menu link); a site
that names its own village in situs.yml shows its IDM on that village's page and names
the village on its pages; a page set to "" is not written."""

import json
import textwrap
from pathlib import Path

import pytest

from search.indexer import HASHED
from tests.sitetools import build_site, text_of


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def content(root, situs=""):
    write(root, "desa.yml", "- kode: 35.23.07.2005\n")
    write(root, "situs.yml", "nama: Warta Uji\n" + situs)
    write(
        root,
        "berita/a.md",
        """
        ---
        title: Berita
        date: 2024-03-01 09:00
        category: Pemerintahan
        desa: Binangun
        ---
        Isi berita.
        """,
    )
    return root


IDM = """
    data:
      - tahun: 2024
        idm: 0.8200
        status: Mandiri
    """


def test_no_data_no_pages_and_no_menu_links(tmp_path):
    """Files that say nothing to show (a template left empty) add nothing either."""
    root = content(tmp_path / "content")
    write(root, "data/idm.yml", "contoh: ya\ndata: []\n")
    write(root, "data/profil.yml", "# diisi nanti\n")
    write(root, "data/aparatur.yml", "contoh: ya\n")
    write(root, "data/desa/binangun/dokumen.yml", "dokumen: []\n")
    site = build_site(tmp_path / "output", content=root)
    for url in ("profil/", "aparatur/", "dokumen/", "desa/binangun/profil/"):
        assert not site.exists(url), url
    # ... but each is named: a page that does not appear is not a mystery.
    hint = (
        "isi datanya (lihat contoh di README, bagian Profil, aparatur, dokumen dan IDM "
        "desa) atau hapus berkasnya"
    )
    assert sorted(w for w in site.warnings if "data" in w) == [
        f"{root / name}:1: {Path(name).name} tidak berisi data: tidak ada yang "
        f"ditampilkan darinya (empty data file) — {hint}"
        for name in (
            "data/aparatur.yml",
            "data/desa/binangun/dokumen.yml",
            "data/idm.yml",
            "data/profil.yml",
        )
    ]
    labels = [a.get_text() for a in site.html("").select(".menu a")]
    assert not {"Profil", "Aparatur", "Dokumen"} & set(labels)
    assert not site.html("desa/binangun/").select("section.idm, .data-links")


@pytest.fixture(scope="module")
def own_village(tmp_path_factory):
    root = content(
        tmp_path_factory.mktemp("own-village"),
        "desa: 35.23.07.2005\nmenu:\n  - Profil desa: /profil/\n  - Berita: /arsip/\n",
    )
    write(root, "data/idm.yml", IDM)
    write(
        root,
        "data/aparatur.yml",
        """
        pemerintah_desa:
          - nama: Kepala Uji
            jabatan: Kepala Desa
          - nama: "</script><script>alert(1)</script> & <b>Tebal</b>"
            jabatan: Kaur
        """,
    )
    return build_site(
        tmp_path_factory.mktemp("own-village-out") / "output",
        content=root,
        VILLAGE_DATA_PAGES={"profil": "profil/", "aparatur": "pemerintah/", "dokumen": ""},
    )


@pytest.fixture(scope="module")
def odd_file_names(tmp_path_factory):
    root = content(tmp_path_factory.mktemp("odd-names"))
    write(root, "files/SK Kades #3 (final).pdf", "%PDF-1.4\n")
    write(
        root,
        "data/dokumen.yml",
        """
        dokumen:
          - judul: SK dengan nama berkas aneh
            jenis: SK Kades
            tahun: 2024
            berkas: "files/SK Kades #3 (final).pdf"
            klasifikasi: setiap saat
        """,
    )
    return build_site(tmp_path_factory.mktemp("odd-names-out") / "output", content=root)


def test_a_file_name_with_spaces_and_hash_links_to_the_file(odd_file_names):
    link = odd_file_names.html("dokumen/").select_one("li.document a")
    assert link["href"] == "../files/SK%20Kades%20%233%20%28final%29.pdf"
    from urllib.parse import unquote

    assert (odd_file_names.output / unquote(link["href"][3:])).is_file()


def test_own_village_page_shows_the_site_idm(own_village):
    soup = own_village.html("desa/binangun/")
    assert text_of(soup.select_one("section.idm .idm__status")) == "Mandiri"
    assert [a["href"] for a in soup.select(".data-links a")] == [
        "../../profil/",
        "../../pemerintah/",
    ]


def test_pages_name_the_village_and_pages_follow_the_setting(own_village):
    assert text_of(own_village.html("profil/").h1) == "Profil Desa Binangun"
    assert not own_village.exists("aparatur/") and own_village.exists("pemerintah/")
    labels = [a.get_text() for a in own_village.html("").select(".menu a")]
    # The operator's menu already links profil/: not added twice, their label and place.
    assert labels == ["Profil desa", "Berita"]
    # Only the IDM is known: profil/ shows it without an empty profile.
    soup = own_village.html("profil/")
    assert soup.select_one("section.idm") and not soup.select(".place-facts")


def test_operator_text_is_escaped_in_html_and_json_ld(own_village):
    soup = own_village.html("pemerintah/")
    hostile = "</script><script>alert(1)</script> & <b>Tebal</b>"
    assert len(soup.find_all("script")) == 1  # only the JSON-LD
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["name"] == "Pemerintah Desa Binangun"
    assert [m["member"]["name"] for m in data["member"]] == ["Kepala Uji", hostile]
    assert [p.get_text() for p in soup.select(".person__name")] == ["Kepala Uji", hostile]
    assert not soup.select(".person__name b")


@pytest.fixture(scope="module")
def many_documents(tmp_path_factory):
    """Seven documents over four years with room for three on dokumen/: 2024 (2) fits,
    2023 (2) would not; 2023, 2022 and 2020 get their own pages."""
    from pelican import signals

    from content_guard.outputs import plan_outputs

    root = content(tmp_path_factory.mktemp("many-documents"))
    write(root, "files/a.pdf", "%PDF-1.4\n")
    entries = [
        (2024, "Perdes"),
        (2024, "SK Kades"),
        (2023, "Perdes"),
        (2023, "LKPPD"),
        (2022, "Perdes"),
        (2020, "SK Kades"),
        (2020, "Laporan"),
    ]
    text = "dokumen:\n" + "".join(
        f"  - judul: Dokumen {i} tahun {year}\n    jenis: {kind}\n    tahun: {year}\n"
        f"    berkas: files/a.pdf\n    klasifikasi: berkala\n"
        for i, (year, kind) in enumerate(entries)
    )
    (root / "data").mkdir()
    (root / "data" / "dokumen.yml").write_text(text, encoding="utf-8")
    plans = []

    def record(generators):
        plans.append(plan_outputs(generators))

    signals.all_generators_finalized.connect(record)
    try:
        site = build_site(
            tmp_path_factory.mktemp("many-documents-out") / "output",
            content=root,
            VILLAGE_DATA_DOCUMENTS_PER_PAGE=3,
        )
    finally:
        signals.all_generators_finalized.disconnect(record)
    site.plan = set(plans[-1])
    return site


def titles(site, url):
    return [a.get_text() for a in site.html(url).select("li.document a")]


def test_long_document_lists_get_a_page_per_older_year(many_documents):
    site = many_documents
    assert titles(site, "dokumen/") == ["Dokumen 0 tahun 2024", "Dokumen 1 tahun 2024"]
    assert titles(site, "dokumen/2023/") == ["Dokumen 2 tahun 2023", "Dokumen 3 tahun 2023"]
    assert titles(site, "dokumen/2022/") == ["Dokumen 4 tahun 2022"]
    assert titles(site, "dokumen/2020/") == ["Dokumen 5 tahun 2020", "Dokumen 6 tahun 2020"]
    assert not site.exists("dokumen/2024/") and not site.exists("dokumen/2021/")
    years = site.html("dokumen/2022/").select('nav[aria-label="Tahun dokumen"] a')
    assert [(a.get_text(), a["href"]) for a in years] == [
        ("2024", "../../dokumen/"),
        ("2023", "../../dokumen/2023/"),
        ("2022", "../../dokumen/2022/"),
        ("2020", "../../dokumen/2020/"),
    ]
    current = site.html("dokumen/2022/").select('nav[aria-label="Tahun dokumen"] [aria-current]')
    assert [a.get_text() for a in current] == ["2022"]
    crumbs = [a.get_text() for a in site.html("dokumen/2022/").select(".crumbs li")]
    assert crumbs == ["Beranda", "Dokumen", "2022"]
    assert text_of(site.html("dokumen/2020/").h1) == "Dokumen dan informasi publik 2020"


def test_year_pages_are_in_the_output_plan(many_documents):
    written = {
        str(p.relative_to(many_documents.output))
        for p in many_documents.output.rglob("*")
        if p.is_file()
    }
    # The search index's files named by content hash cannot be planned (search.indexer).
    assert {name for name in written if not HASHED.match(name)} == many_documents.plan
    assert "dokumen/2020/index.html" in written


def test_a_portal_naming_no_village_of_its_own_is_told_whose_data_it_is(tmp_path):
    """On a portal (several villages in desa.yml, no `desa:` in situs.yml) a village's IDM
    or APBDes moved up from data/desa/<slug>/ was published as the portal's own."""
    root = content(tmp_path / "content")
    write(root, "desa.yml", "- kode: 35.23.07.2005\n- kode: 35.23.07.2011\n")
    write(root, "data/idm.yml", IDM)
    write(
        root,
        "data/apbdes/2024.yml",
        "pendapatan:\n  - uraian: Dana Desa\n    anggaran: 5\n"
        "belanja:\n  - bidang: 1\n    anggaran: 5\n",
    )
    site = build_site(tmp_path / "output", content=root)
    hint = (
        "simpan data tiap desa di content/data/desa/<slug-desa>/ (APBDes di "
        "content/data/desa/<slug-desa>/apbdes/); bila situs ini milik satu desa, tulis  "
        "desa: <kode desa>  di content/situs.yml"
    )
    found = sorted(w for w in site.warnings if "tampil sebagai milik situs" in w)
    assert found == [
        f"{root / 'data/apbdes/2024.yml'}:1: APBDes di content/data/ tampil sebagai milik situs, "
        "tetapi situs ini meliput beberapa desa dan situs.yml tidak menyebut desanya sendiri "
        f"(data without its village) — {hint}",
        f"{root / 'data/idm.yml'}:1: idm di content/data/ tampil sebagai milik situs, tetapi "
        "situs ini meliput beberapa desa dan situs.yml tidak menyebut desanya sendiri (data "
        f"without its village) — {hint}",
    ]
    # A one-village site without `desa:` keeps its data as its own, without a word.
    write(root, "desa.yml", "- kode: 35.23.07.2005\n")
    one = build_site(tmp_path / "one", content=root)
    assert not [w for w in one.warnings if "tampil sebagai milik situs" in w]
