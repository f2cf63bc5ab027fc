"""content/situs.yml: the site's identity in one YAML file, and the overrides/ folder."""

import json
import shutil
import textwrap

import feedparser
import pytest

from tests.sitetools import SAMPLE, build_site, settings_path, text_of
from wartadesa.build import BuildFailed, problem_lines
from wartadesa.check import check

ARTICLE = (
    "berita/2024/06/konferensi-kades-se-kecamatan-singgahan-bahas-kolaborasi-pembangunan-desa/"
)
SITUS = """\
desa: Binangun
slogan: Kabar dari lereng Kendeng
alamat: Jl. Raya Binangun No. 1
telepon: 0356-123456
whatsapp: 0812-3456-7890
email: pemdes@binangun.desa.id
media_sosial:
  Facebook: https://facebook.com/desabinangun
  Instagram: https://instagram.com/desabinangun
menu:
  - Beranda: /
  - Berita: /arsip/
  - Pemkab Tuban: https://tubankab.go.id/
"""


def sample_content(folder, situs=None):
    shutil.copytree(SAMPLE / "content", folder)
    if situs is not None:
        (folder / "situs.yml").write_text(textwrap.dedent(situs), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def village_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("identity")
    content = sample_content(root / "content", SITUS)
    return build_site(
        root / "output",
        settings="publishconf.py",
        content=content,
        siteurl="https://binangun-singgahan.desa.id",
    )


def test_name_and_address_come_from_the_official_data(village_site):
    footer = village_site.html("").find("footer", class_="site-foot")
    assert text_of(footer.h2) == "Desa Binangun"
    assert [line.strip() for line in footer.address.stripped_strings] == [
        "Jl. Raya Binangun No. 1",
        "Kecamatan Singgahan, Kabupaten Tuban",
        "Jawa Timur 62361",
    ]
    assert "Kabar dari lereng Kendeng" in text_of(footer)


def test_footer_contacts_and_social_links(village_site):
    footer = village_site.html("").find("footer", class_="site-foot")
    assert footer.find("a", href="tel:0356123456")
    assert footer.find("a", href="https://wa.me/6281234567890")
    assert footer.find("a", href="mailto:pemdes@binangun.desa.id")
    assert footer.find("a", href="https://instagram.com/desabinangun")


def test_menu_with_site_pages_and_an_outside_link(village_site):
    menu = village_site.html("").select_one('nav[aria-label="Menu utama"]')
    links = [(text_of(a), a["href"]) for a in menu.find_all("a")]
    assert links == [
        ("Beranda", "https://binangun-singgahan.desa.id/"),
        ("Berita", "https://binangun-singgahan.desa.id/arsip/"),
        ("Pemkab Tuban", "https://tubankab.go.id/"),
        # then the first page the sample's content/data/ adds (village_data)
        ("Profil", "https://binangun-singgahan.desa.id/profil/"),
    ]


def test_title_open_graph_feeds_and_json_ld_publisher(village_site):
    page = village_site.html(ARTICLE)
    assert page.title.get_text().endswith("— Desa Binangun")
    assert page.find("meta", property="og:site_name")["content"] == "Desa Binangun"
    feed = feedparser.parse(village_site.path("feeds/all.atom.xml").read_bytes())
    assert feed.feed.title == "Desa Binangun"
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    publisher = next(d for d in data if d["@type"] == "NewsArticle")["publisher"]
    assert publisher["name"] == "Desa Binangun"
    assert publisher["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Jl. Raya Binangun No. 1",
        "addressLocality": "Binangun",
        "addressRegion": "Kabupaten Tuban, Jawa Timur",
        "postalCode": "62361",
        "addressCountry": "ID",
    }
    assert publisher["email"] == "pemdes@binangun.desa.id"
    assert publisher["sameAs"] == [
        "https://facebook.com/desabinangun",
        "https://instagram.com/desabinangun",
    ]


def test_written_values_win_over_the_official_data(tmp_path):
    content = sample_content(
        tmp_path / "content",
        """\
        nama: Warta Binangun
        desa: 35.23.07.2005
        kecamatan: Singgahan Raya
        kode_pos: 62399
        telepon: 0356-321000
        """,
    )
    site = build_site(tmp_path / "output", content=content)
    footer = site.html("").find("footer", class_="site-foot")
    assert text_of(footer.h2) == "Warta Binangun"
    # An office line is not offered as WhatsApp (only `whatsapp:` is, with its wa.me link).
    assert [text_of(li) for li in footer.select("li") if "0356" in text_of(li)] == [
        "Telepon: 0356-321000"
    ]
    assert not footer.find(string=lambda text: "WhatsApp" in text)
    assert list(footer.address.stripped_strings) == [
        "Kecamatan Singgahan Raya, Kabupaten Tuban",
        "Jawa Timur 62399",
    ]


def test_without_situs_yml_the_kit_defaults_apply(tmp_path):
    content = sample_content(tmp_path / "content")
    (content / "situs.yml").unlink()
    site = build_site(tmp_path / "output", content=content)
    assert text_of(site.html("").find("footer", class_="site-foot").h2) == "Warta Desa"


def test_an_empty_situs_yml_is_a_warning_and_the_defaults_apply(tmp_path):
    """Emptied by mistake (a failed copy, an editor saving nothing), the file would give the
    site the kit's name without a word; `invoke publish` (--strict) refuses it."""
    content = sample_content(tmp_path / "content", "# diisi nanti\n\n")
    site = build_site(tmp_path / "output", content=content)
    assert text_of(site.html("").find("footer", class_="site-foot").h2) == "Warta Desa"
    assert [w for w in site.warnings if "situs.yml" in w] == [
        f"{content / 'situs.yml'}:1: situs.yml kosong: nama, desa, alamat dan "
        "menu situs memakai bawaan kit (empty identity file) — isi identitas desa Anda "
        "(lihat contoh di README, bagian Isi identitas situs) atau hapus berkasnya"
    ]


def problems(tmp_path, situs):
    content = sample_content(tmp_path / "content", situs)
    errors, _warnings = check(settings_path(), content)
    path = str(content / "situs.yml")
    return [e.replace(path, "situs.yml") for e in errors]


@pytest.mark.parametrize(
    "situs, expected",
    [
        (
            "nama: <script>alert(1)</script>\n",
            "situs.yml:1: 'nama' tidak boleh berisi tag HTML atau kode (no markup)",
        ),
        (
            "nama: Desa\nmedia_sosial:\n  Facebook: javascript:alert(1)\n",
            "situs.yml:3: alamat 'javascript:alert(1)' untuk 'Facebook' tidak valid (only http(s) links)",
        ),
        (
            "menu:\n  - Berita: data:text/html,hai\n",
            "situs.yml:2: alamat 'data:text/html,hai' untuk 'Berita' tidak valid (only http(s) links)",
        ),
        (
            "slogn: Kabar desa\n",
            "situs.yml:1: kunci 'slogn' tidak dikenal (unknown key) — maksudnya `slogan`?",
        ),
        (
            "nama: Desa\nnama: Desa Lain\n",
            "situs.yml:2: kunci 'nama' ditulis dua kali (duplicate key)",
        ),
        (
            "nama: Desa\nemail: pemdes(at)desa\n",
            "situs.yml:2: alamat email 'pemdes(at)desa' tidak valid (invalid e-mail)",
        ),
        ("telepon: nol delapan\n", "situs.yml:1: nomor telepon 'nol delapan' tidak valid"),
        (
            "desa: Atlantis\n",
            "situs.yml:1: desa 'Atlantis' tidak ada di desa.yml (unknown village)",
        ),
        (
            "desa: 99.99.99.9999\n",
            "situs.yml:1: kode desa '99.99.99.9999' tidak ada dalam data resmi Kemendagri",
        ),
        # A kabupaten's code is one (a portal writes no desa:), not an unknown code.
        (
            "desa: 35.23\n",
            "situs.yml:1: kode '35.23' adalah Kab. Tuban, Jawa Timur, bukan desa/kelurahan (a "
            "region code, not a village) — desa: di situs.yml adalah desa pemilik situs",
        ),
        (
            "logo: images/tidak-ada.png\n",
            "situs.yml:1: logo 'images/tidak-ada.png' tidak ditemukan",
        ),
        ("nama: Desa\nmenu: [Beranda\n", "situs.yml:2: YAML tidak valid: kurung [ dibuka"),
        ("nama: [Desa, Binangun]\n", "situs.yml:1: 'nama' harus berupa satu teks"),
    ],
)
def test_mistakes_name_the_file_and_line(tmp_path, situs, expected):
    found = problems(tmp_path, situs)
    assert any(line.startswith(expected) for line in found), found


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    content = sample_content(tmp_path / "content")
    (content / "situs.yml").write_bytes("nama: Desa Kal\u00e9\n".encode("latin-1"))
    errors, _ = check(settings_path(), content)
    assert errors == [
        f"{content / 'situs.yml'}:1: berkas bukan teks UTF-8 (file is not UTF-8 "
        "text) — simpan ulang berkas dengan encoding UTF-8 di editor Anda"
    ]


def test_every_mistake_is_reported_at_once(tmp_path):
    found = problems(tmp_path, "nama: <b>Desa</b>\nemail: x\nwarna: hijau\n")
    assert [line.split(":")[1] for line in found] == ["1", "2", "3"]


def test_a_mistake_stops_the_build(tmp_path):
    content = sample_content(tmp_path / "content", "email: bukan-email\n")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert failed.value.problems[0].endswith(
        "situs.yml:1: alamat email 'bukan-email' tidak valid (invalid e-mail) — "
        "misalnya pemdes@binangun.desa.id"
    )


def real_data_content(folder, situs):
    """The sample's content as a village's own (its data files without `contoh:`, the
    kit's example mark), on its portal of three villages (the sample's desa.yml), with
    `situs` (bytes: written as is) as situs.yml."""
    content = sample_content(folder)
    for name in ("aparatur", "idm", "profil", "dokumen", "apbdes/2024", "apbdes/2025"):
        path = content / "data" / f"{name}.yml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(x for x in lines if not x.startswith("contoh:")), "utf-8")
    (content / "situs.yml").write_bytes(situs)
    return content


UNCLOSED = 'YAML tidak valid: tanda kutip " dibuka di baris ini tetapi tidak ditutup'


@pytest.mark.parametrize(
    "situs, expected",
    [
        (
            b'nama: Warta Binangun\ndesa: 35.23.07.2005\nalamat: "Jl. Raya Binangun No. 1\n'
            b"menu:\n  - Beranda: /\n",
            f"situs.yml:3: {UNCLOSED} (YAML: while scanning a quoted scalar found unexpected "
            'end of stream) — tutup dengan " di akhir nilai, di baris yang sama',
        ),
        (
            b"nama: Warta Binangun\nslogn: Kabar desa\ndesa: 35.23.07.2005\n",
            "situs.yml:2: kunci 'slogn' tidak dikenal (unknown key) — maksudnya `slogan`?",
        ),
        (
            b"nama: Warta Binangun\ndesa: 35.23.07.9999\n",
            "situs.yml:2: kode desa '35.23.07.9999' tidak ada dalam data resmi Kemendagri "
            "(unknown code) — kode yang ada di Kec. Singgahan: ",
        ),
        (
            b"nama: Warta Binangun\ndesa: 35.23.07.2005\nalamat: Jl. Kal\xe9\n",
            "situs.yml:3: berkas bukan teks UTF-8 (file is not UTF-8 text) — simpan ulang "
            "berkas dengan encoding UTF-8 di editor Anda",
        ),
        (
            b"",
            "situs.yml:1: peringatan: situs.yml kosong: nama, desa, alamat dan menu situs "
            "memakai bawaan kit (empty identity file) — isi identitas desa Anda (lihat contoh "
            "di README, bagian Isi identitas situs) atau hapus berkasnya",
        ),
    ],
    ids=["unclosed-quote", "unknown-key", "unknown-code", "cp1252", "empty"],
)
def test_a_situs_yml_mistake_is_the_only_problem(tmp_path, situs, expected):
    """situs.yml unreadable (or its desa: wrong, which is reported) on a portal with data of
    its own: the data files were each warned that situs.yml names no village of its own
    (content/data/aparatur.yml:1 … tulis desa: <kode desa> di content/situs.yml), four false
    messages sending the operator to add a `desa:` that is there."""
    content = real_data_content(tmp_path / "content", situs)
    errors, warnings = check(settings_path(), content)
    found = [line.replace(f"{content}/", "") for line in problem_lines(errors, warnings)]
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_portal_with_a_readable_situs_yml_without_desa_is_still_told(tmp_path):
    """The same content with a situs.yml that reads well and names no village: the data
    files are the portal's own, with no village; that warning stays (one for APBDes)."""
    content = real_data_content(tmp_path / "content", b"nama: Warta Binangun\n")
    errors, warnings = check(settings_path(), content)
    found = [line.replace(f"{content}/", "") for line in problem_lines(errors, warnings)]
    assert [line.split(": peringatan: ")[0] for line in found] == [
        "data/aparatur.yml:1",
        "data/apbdes/2025.yml:1",
        "data/idm.yml:1",
        "data/profil.yml:1",
    ]
    assert all("situs.yml tidak menyebut desanya sendiri" in line for line in found)


# --- overrides/: the site's own templates and CSS on top of the theme -------------

FOOTER = """\
<footer class="site-foot">
  <p class="footer-desa">{{ SITENAME }} — dikelola oleh Karang Taruna</p>
</footer>
"""


def test_overrides_replace_a_partial_and_add_css(tmp_path):
    content = sample_content(tmp_path / "content")
    partials = tmp_path / "overrides" / "templates" / "partials"
    partials.mkdir(parents=True)
    (partials / "footer.html").write_text(FOOTER, encoding="utf-8")
    static = tmp_path / "overrides" / "static"
    static.mkdir()
    (static / "custom.css").write_text(".site-foot { background: #0b3d91; }\n")
    (static / "img").mkdir()
    (static / "img" / "og-default.png").write_bytes(b"own preview picture")
    site = build_site(tmp_path / "output", content=content)
    assert (site.output / "theme" / "img" / "og-default.png").read_bytes() == b"own preview picture"
    for url in ("", ARTICLE, "arsip/"):
        page = site.html(url)
        assert (
            text_of(page.find("footer", class_="site-foot"))
            == "Warta Desa — dikelola oleh Karang Taruna"
        )
        sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
        assert [s.rsplit("/", 2)[-2:] for s in sheets] == [
            ["css", "style.css"],
            ["theme", "custom.css"],
        ]
    assert (site.output / "theme" / "custom.css").read_text().startswith(".site-foot")
    assert (site.output / "theme" / "css" / "style.css").is_file()


def test_without_overrides_no_custom_css_is_linked(tmp_path):
    site = build_site(tmp_path / "output", content=sample_content(tmp_path / "content"))
    sheets = [link["href"] for link in site.html("").find_all("link", rel="stylesheet")]
    assert len(sheets) == 1
    assert not (site.output / "theme" / "custom.css").exists()


@pytest.mark.parametrize("written", ["/images/logo-desa.png", "content/images/logo-desa.png"])
def test_a_logo_written_as_a_site_address_is_its_file(tmp_path, written):
    """The web editor writes `logo: /images/logo-desa.png` (a site address)."""
    from PIL import Image

    content = sample_content(tmp_path / "content", f"nama: Desa Binangun\nlogo: {written}\n")
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (256, 256), "green").save(content / "images" / "logo-desa.png")
    site = build_site(tmp_path / "output", content=content)
    logo = site.html("").find("img", class_="brand__logo")
    # The photos plugin publishes the logo as its own small picture (not the original).
    assert logo["src"].startswith("./foto/logo-desa-") and logo["src"].endswith("-logo176x176.jpg")
    assert site.exists(logo["src"]) and not site.exists("images/logo-desa.png")


def test_the_readmes_footer_example_works_as_copied(tmp_path):
    """README step 7's footer: the office address's lines are broken with <br> (the
    example printed the text "<br>" between them on every page)."""
    from tests.sitetools import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("Contoh: kaki halaman (footer) sendiri.", 1)[1]
    footer = example.split("```html\n", 1)[1].split("```", 1)[0]
    content = sample_content(tmp_path / "content", SITUS)
    partials = tmp_path / "overrides" / "templates" / "partials"
    partials.mkdir(parents=True)
    (partials / "footer.html").write_text(footer, encoding="utf-8")
    site = build_site(tmp_path / "output", content=content)
    address = site.html("").find("footer").find("address")
    assert "<br" not in address.get_text() and len(address.find_all("br")) >= 1
    assert "Jl. Raya Binangun No. 1" in address.get_text()
