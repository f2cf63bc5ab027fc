"""Class 1 of issue #10: front matter (and settings) printed without escaping.

One site is built from every case below (the build must succeed: markup in a name is
not an error, it is text); then every file it wrote is searched for anything active,
and the payloads must still be readable as text where the theme shows them."""

import json

import pytest
from PIL import Image

from tests.hostile.hostile import article, scan_site, write_tree
from tests.sitetools import build_site, text_of

# (file, front matter) -> what the reader must see, as text, on the given page
CASES = {
    "penulis-img": dict(penulis="Budi <img src=x onerror=alert(1)>"),
    "kategori-script": dict(kategori="Umum <script>alert(2)</script>"),
    "label-meta-refresh": dict(
        label=[
            'rapat <meta http-equiv="refresh" content="0;url=https://evil.example/">',
            'x" onmouseover="alert(3)',
        ]
    ),
    "judul-json-ld": dict(
        judul="Rapat </script><script>alert(4)</script> desa",
        ringkasan="Ringkasan </script><img src=x onerror=alert(5)> aman.",
    ),
    "keterangan-gambar": dict(
        gambar="images/foto.png", keterangan_gambar="<img src=x onerror=alert(6)>Balai desa"
    ),
    "judul-video": dict(youtube="dQw4w9WgXcQ", youtube_title='"><svg onload=alert(7)>'),
    "sumber-kutip": dict(sumber='https://contoh.desa.id/?q="><script>alert(8)</script>'),
    "penulis-entitas": dict(penulis="&lt;script&gt;alert(9)&lt;/script&gt; Ani"),
    "desa-deskripsi": dict(desa="Binangun"),
}
SETTINGS = dict(
    SITENAME="Warta <script>alert(10)</script>",
    SITESUBTITLE="<img src=x onerror=alert(11)>",
    MENU_LINKS=[("<b onmouseover=alert(12)>Beranda</b>", ""), ("Arsip", "arsip/")],
    OFFICE_ADDRESS="Jl. <script>alert(13)</script>\nDesa Binangun",
    SOCIAL_LINKS=[("<img src=x onerror=alert(14)>", "https://facebook.com/desa")],
)
# The notice board (plugin notices): every new key with a payload.
BOARD = {
    "pengumuman/hostile.md": article(
        judul="Pengumuman </script><script>alert(16)</script>",
        penting="true",
        berlaku_sampai="2024-06-30",
    ),
    "agenda/hostile.md": "\n".join(
        [
            "---",
            'judul: "Rapat </script><img src=x onerror=alert(17)>"',
            "mulai: 2024-06-20 09:00",
            'tempat: "Balai <script>alert(18)</script>; ruang 1, lantai 2"',
            'penyelenggara: "\\"><svg onload=alert(19)>"',
            "peta: -6.99, 111.83",
            "desa: Binangun",
            "---",
            "Isi agenda.",
            "",
        ]
    ),
}
REGISTRY = """\
- kode: 35.23.07.2005
  alamat: "<img src=x onerror=alert(15)>"
  deskripsi: "<meta http-equiv=\\"refresh\\" content=\\"0;url=https://evil.example\\">Desa tani."
"""


def make_content(root):
    files = {
        f"berita/{name}.md": article(judul=f"Kabar {name}", **front)
        for name, front in CASES.items()
        if "judul" not in front
    }
    files.update(
        {f"berita/{name}.md": article(**front) for name, front in CASES.items() if "judul" in front}
    )
    files["desa.yml"] = REGISTRY
    files.update(BOARD)
    content = write_tree(root, files)
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (40, 30), "green").save(content / "images" / "foto.png")
    return content


@pytest.fixture(scope="session")
def escaping_site(tmp_path_factory):
    content = make_content(tmp_path_factory.mktemp("escaping-content"))
    return build_site(tmp_path_factory.mktemp("escaping") / "output", content=content, **SETTINGS)


def test_nothing_active_in_any_file_the_build_wrote(escaping_site):
    assert scan_site(escaping_site.output) == []


def test_markup_in_names_is_shown_as_text(escaping_site):
    author = escaping_site.html("penulis/budi/")
    assert "Budi <img src=x onerror=alert(1)>" in text_of(author.h1)
    category = escaping_site.html("kategori/umum-alert2/")
    assert "Umum <script>alert(2)</script>" in text_of(category.h1)
    tags = text_of(escaping_site.html("tag/").find("main"))
    assert '<meta http-equiv="refresh" content="0;url=https://evil.example/">' in tags
    assert 'x" onmouseover="alert(3)' in tags
    home = escaping_site.html("")
    assert text_of(home.select_one(".brand__name")) == "Warta <script>alert(10)</script>"
    assert "<img src=x onerror=alert(14)>" in text_of(home.find("footer"))
    assert "Jl. <script>alert(13)</script>" in text_of(home.find("address"))
    assert home.find("address").find("br") is not None  # line breaks still kept


def test_village_registry_text_is_shown_as_text(escaping_site):
    village = escaping_site.html("desa/binangun/")
    facts = text_of(village.select_one(".place-facts"))
    assert "<img src=x onerror=alert(15)>" in facts
    assert text_of(village.select_one(".place-description")).startswith(
        '<meta http-equiv="refresh"'
    )


def test_json_ld_cannot_close_its_script(escaping_site):
    page = escaping_site.html("berita/2024/06/rapat-alert4-desa/")
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    raw = scripts[0].string
    assert "</" not in raw and "<" not in raw
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle" and "alert(4)" not in data["headline"]


def test_attribute_values_stay_inside_their_attribute(escaping_site):
    page = escaping_site.html("berita/2024/06/kabar-sumber-kutip/")
    source = page.find("a", string=lambda s: s and "contoh.desa.id" in s)
    assert source["href"] == 'https://contoh.desa.id/?q="><script>alert(8)</script>'
    video = escaping_site.html("berita/2024/06/kabar-judul-video/").select_one("a.video__link")
    assert video["data-title"] == '"><svg onload=alert(7)>'
    tag_page = escaping_site.html("berita/2024/06/kabar-label-meta-refresh/")
    contents = [m["content"] for m in tag_page.find_all("meta", property="article:tag")]
    assert 'x" onmouseover="alert(3)' in contents


def test_notice_board_values_are_text(escaping_site):
    notice = escaping_site.html("pengumuman/pengumuman-alert16/")
    assert "alert(16)" not in str(notice.find("script", string=lambda s: s and "alert" in s))
    event = escaping_site.html("agenda/rapat/")  # the cleaned title keeps only "Rapat"
    facts = text_of(event.select_one(".place-facts"))
    assert "Balai <script>alert(18)</script>; ruang 1, lantai 2" in facts
    assert '"><svg onload=alert(19)>' in facts
    [script] = event.find_all("script", type="application/ld+json")
    assert "<" not in script.string
    data = json.loads(script.string)
    assert data["location"]["name"] == "Balai <script>alert(18)</script>; ruang 1, lantai 2"
    assert data["organizer"]["name"] == '"><svg onload=alert(19)>'
    import icalendar

    calendar = icalendar.Calendar.from_ical(escaping_site.path("agenda.ics").read_bytes())
    [item] = calendar.walk("VEVENT")
    assert str(item["LOCATION"]).startswith("Balai <script>alert(18)</script>; ruang 1, lantai 2")


def test_feeds_and_sitemap_are_well_formed(escaping_site):
    # scan_site parses every .xml (feeds, sitemap) and the HTML inside feed entries
    for name in ("feeds/all.atom.xml", "feeds/all.rss.xml", "sitemap.xml"):
        assert escaping_site.exists(name)
    atom = escaping_site.text("feeds/all.atom.xml")
    assert "<script>" not in atom  # every payload is XML-escaped text


def test_feed_texts_hold_no_tags_even_for_readers_that_render_html(escaping_site):
    import xml.etree.ElementTree as ElementTree

    for name in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        tree = ElementTree.parse(escaping_site.path(name))
        for node in tree.iter():
            local = node.tag.rsplit("}", 1)[-1]
            if local in ("title", "name", "creator", "subtitle") or (
                local == "description" and node.text and "<p" not in node.text
            ):
                assert "<" not in (node.text or ""), (name, local, node.text)
            if local == "category":
                assert "<" not in (node.get("term") or node.text or ""), (name, node.attrib)


def test_agenda_facts_in_a_village_feed_are_text(escaping_site):
    """The paragraph an agenda entry starts with (plugin notices, feeds.py) holds the
    place and organiser as text, never as markup."""
    import xml.etree.ElementTree as ElementTree

    from bs4 import BeautifulSoup

    atom = "{http://www.w3.org/2005/Atom}"
    tree = ElementTree.parse(escaping_site.path("feeds/desa/binangun.atom.xml"))
    [entry] = [
        e for e in tree.iter(f"{atom}entry") if "agenda/" in e.find(f"{atom}link").get("href")
    ]
    html = BeautifulSoup(entry.findtext(f"{atom}content"), "html.parser")
    assert text_of(html.p) == (
        "Waktu: Kamis, 20 Juni 2024 pukul 09.00 WIB · "
        "Tempat: Balai <script>alert(18)</script>; ruang 1, lantai 2 · "
        'Penyelenggara: "><svg onload=alert(19)>'
    )
    assert not html.find_all(["script", "svg"])
