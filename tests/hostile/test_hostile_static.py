"""Class 6 of issue #10: SVG, HTML and XML files under content/ are published as they
are, so those with active content (or spam, or hidden text) are refused with the file
and line; clean ones are published unchanged."""

import pytest

from tests.hostile.hostile import article, assert_refused, check_content, scan_site, write_tree
from tests.sitetools import build_site

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
# file -> (text, line, words of the message)
REFUSED = {
    "images/script.svg": (SVG + "\n<script>alert(1)</script>\n</svg>", 2, ["<script>"]),
    "images/onload.svg": (
        SVG + '\n<rect width="10" height="10" onload="alert(2)"/>\n</svg>',
        2,
        ["onload="],
    ),
    "images/foreign.svg": (
        SVG + '\n<foreignObject width="10" height="10"><div '
        'xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>\n</svg>',
        2,
        ["foreignobject"],
    ),
    "images/tautan-js.svg": (
        SVG + '\n<a xlink:href="jav&#x09;ascript:alert(3)"><text>x</text></a>\n</svg>',
        2,
        ["javascript:"],
    ),
    "images/dua-href.svg": (
        SVG + '\n<a xlink:href="javascript:alert(9)" href="#aman"><text>x</text></a>\n</svg>',
        2,
        ["javascript:"],
    ),
    "images/animasi.svg": (
        SVG + '\n<a><set attributeName="href" to="javascript:alert(4)"/><text>x</text></a>\n</svg>',
        2,
        ["<set>"],
    ),
    "images/luar.svg": (
        SVG + '\n<image href="https://evil.example/pixel.png" width="1" height="1"/>\n</svg>',
        2,
        ["situs lain", "evil.example"],
    ),
    "images/gaya.svg": (
        SVG + "\n<style>@import url(https://evil.example/x.css);</style>\n</svg>",
        2,
        ["@import"],
    ),
    "images/entitas.svg": (
        '<!DOCTYPE svg [\n<!ENTITY x "<script>alert(8)</script>">\n]>\n' + SVG + "&x;</svg>",
        2,
        ["<!ENTITY"],
    ),
    "images/entitas-berkas.svg": (
        '<!DOCTYPE svg [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>'
        "\n" + SVG + "<text>&x;</text></svg>",
        2,
        ["<!ENTITY"],
    ),
    "images/rusak.svg": (SVG + "\n<rect", 2, ["tidak bisa dibaca"]),
    "images/logo.svgz": ("\x1f\x8b compressed", 1, [".svgz"]),
    "files/halaman.html": (
        "<!doctype html>\n<p>Pengumuman</p>\n<script>alert(5)</script>\n",
        3,
        ["<script>"],
    ),
    "files/alih.html": (
        '<!doctype html>\n<meta http-equiv="Refresh" content="0;url=https://evil.example/">\n',
        2,
        ["refresh"],
    ),
    "files/gambar.htm": ("<p>Foto</p>\n<img src=x onerror=alert(6)>\n", 2, ["onerror="]),
    "files/bingkai.html": (
        '<p>Peta</p>\n<iframe src="https://evil.example/"></iframe>\n',
        2,
        ["<iframe>"],
    ),
    "files/xhtml.xhtml": (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body>\n<script>'
        "alert(7)</script></body></html>",
        2,
        ["<script>"],
    ),
    "files/tersembunyi.html": (
        '<p>Profil desa</p>\n<div style="display:none">kata kunci</div>\n',
        2,
        ["teks tersembunyi", "display:none"],
    ),
    "files/promosi.svg": (
        SVG + "\n<text>Situs s1ot g4cor</text>\n</svg>",
        2,
        ["teks promosi judi", "slot"],
    ),
}
CLEAN = {
    "images/logo-desa.svg": SVG + '\n<defs><linearGradient id="g"><stop offset="0" '
    'stop-color="#15643c"/></linearGradient></defs>\n<rect width="10" height="10" '
    'fill="url(#g)"/>\n<use href="#g"/>\n</svg>\n',
    # Adobe Illustrator writes namespace URLs as plain text entities: harmless, accepted.
    "images/illustrator.svg": '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC '
    '"-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
    '\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">\n]>\n<svg version="1.1" '
    'xmlns:x="&ns_extend;" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
    '<rect fill="#15643C" width="10" height="10"/>\n</svg>\n',
    # XML data (an RSS file): links to other sites are data, not loaded by a browser.
    "extra/berita.xml": '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
    "<title>Berita desa</title><link>https://binangun.desa.id/</link>\n<item><title>Rapat"
    "</title><link>https://binangun.desa.id/berita/rapat/</link></item></channel></rss>\n",
    "files/denah.html": "<!doctype html>\n<title>Denah balai desa</title>\n<p>Lihat "
    '<a href="https://kemendesa.go.id/">Kemendesa</a>.</p>\n<img src="denah.png" alt="Denah">\n',
}


@pytest.fixture(scope="session")
def static_errors(tmp_path_factory):
    files = {name: text for name, (text, _, _) in REFUSED.items()}
    files.update(CLEAN)
    files["berita/a.md"] = article()
    content = write_tree(tmp_path_factory.mktemp("static-content"), files)
    errors, _ = check_content(content)
    return content, errors


@pytest.mark.parametrize("name", REFUSED)
def test_active_static_files_are_refused(static_errors, name):
    content, errors = static_errors
    _, line, words = REFUSED[name]
    assert_refused(errors, content, name, line, *words)


def test_clean_static_files_raise_nothing(static_errors):
    content, errors = static_errors
    assert not [e for e in errors if any(name in e for name in CLEAN)]


@pytest.fixture(scope="session")
def static_site(tmp_path_factory):
    content = write_tree(tmp_path_factory.mktemp("static-ok"), {**CLEAN, "berita/a.md": article()})
    return build_site(tmp_path_factory.mktemp("static") / "output", content=content)


def test_clean_static_files_are_published_unchanged(static_site):
    for name, text in CLEAN.items():
        assert static_site.text(name) == text
    assert scan_site(static_site.output) == []


def test_a_refused_file_stops_the_build_and_writes_nothing(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"images/script.svg": REFUSED["images/script.svg"][0], "berita/a.md": article()},
    )
    output = tmp_path / "site" / "output"
    from wartadesa.build import BuildFailed

    with pytest.raises(BuildFailed):
        build_site(output, content=content)
    assert not output.exists()
