"""Static files a browser reads as XML (GitHub Pages serves `.xsd`, `.rng`, `.kml`... as XML):
an entity declaration that holds markup is refused whatever expat makes of the rest of the
file, a file that looks like XML and that expat cannot read (a name character it does not know,
an encoding it cannot decode) is refused with one message rather than given the weaker HTML
check, and the check never crashes. Harmless XML files are published unchanged."""

import codecs

import pytest

from content_guard import markup
from content_guard.static_files import problems
from tests.hostile.hostile import article, assert_refused, check_content, write_tree
from tests.sitetools import build_site

UNREADABLE = "berkas XML tidak bisa diperiksa dengan aman"
HINT_UNREADABLE_XML = (
    "hapus berkasnya, atau terbitkan di dalam berkas .zip (berkas .zip diunduh, tidak dibuka "
    "peramban); berkas dari program lain bisa disimpan ulang sebagai XML UTF-8 yang benar"
)
ENTITY = "deklarasi <!ENTITY> berisi markup atau berkas lain"
# The auditor's file: Chromium expands the entity into an XHTML <script> and runs it. Expat
# stops at `<catatanⰀ/>` (U+2C00, a name character of XML 1.0 fifth edition that expat does
# not know; browsers do) before it reads `&isi;`, and the HTML check never sees `<!ENTITY>`.
AUDITED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<!DOCTYPE skema [\n"
    "<!ENTITY isi \"&#60;h:script xmlns:h='http://www.w3.org/1999/xhtml'&#62;alert('XSS '+"
    'document.domain)&#60;/h:script&#62;">\n'
    "]>\n"
    "<skema>Skema data penduduk <catatan\u2c00/> &isi;</skema>\n"
)
# The same file as the report was quoted (`‹`, U+2039, where `<` was): text, read by expat.
AUDITED_AS_QUOTED = AUDITED.replace("<catatan", "\u2039catatan")
SCRIPT_ENTITY = (
    "<!ENTITY isi \"&#60;h:script xmlns:h='http://www.w3.org/1999/xhtml'&#62;alert(1)"
    '&#60;/h:script&#62;">'
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
SCHEMA = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">\n'
    "  <xs:annotation><xs:documentation>Skema data penduduk desa Binangun &amp; "
    "dusun-dusunnya (umur &lt;5 tahun dihitung balita)</xs:documentation></xs:annotation>\n"
    '  <xs:element name="penduduk">\n    <xs:complexType><xs:sequence>\n'
    '      <xs:element name="nama" type="xs:string"/>\n'
    '      <xs:element name="umur" type="xs:nonNegativeInteger"/>\n'
    "    </xs:sequence></xs:complexType>\n  </xs:element>\n</xs:schema>\n"
)
# file -> (text or bytes, line, words of the message)
REFUSED = {
    "files/skema-data.xsd": (AUDITED, 3, [ENTITY]),
    "files/skema-kutipan.xsd": (AUDITED_AS_QUOTED, 3, [ENTITY]),
    # Unreadable by expat and served as XML: refused, even with nothing active in sight.
    "files/nama-aneh.rng": (
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">\n<catatan\u2c00/>\n</grammar>\n',
        2,
        [UNREADABLE, "not well-formed", ".zip"],
    ),
    # Any extension: an XML declaration says the file is XML.
    "files/catatan.txt": (
        '<?xml version="1.0"?>\n<catatan>\n<isi\u2c00/></catatan>\n',
        3,
        [UNREADABLE],
    ),
    # After an unknown parameter entity expat reads no more declarations (a browser may):
    # the entity is found in the text, and the reference itself is refused.
    "images/entitas-pe.svg": (
        "<!DOCTYPE svg [\n%luar;\n" + SCRIPT_ENTITY + "\n]>\n" + SVG + "&isi;</svg>\n",
        3,
        [ENTITY],
    ),
    "images/atribut-pe.svg": (
        '<!DOCTYPE svg [\n%luar;\n<!ATTLIST svg onload CDATA "alert(1)">\n]>\n' + SVG + "</svg>\n",
        2,
        ["rujukan entitas parameter %luar;"],
    ),
}
# An encoding expat cannot decode: it raised ValueError/LookupError, and the whole check
# stopped with `build gagal: ValueError: multi-byte encodings are not supported`.
ENCODINGS = {
    "files/skema-jepang.xsd": (
        '<?xml version="1.0" encoding="Shift_JIS"?>\n<skema>data</skema>\n',
        1,
        [UNREADABLE, "Shift_JIS", ".zip"],
    ),
    "files/skema-entah.xsd": (
        '<?xml version="1.0" encoding="x-entah-apa"?>\n<skema>data</skema>\n',
        1,
        [UNREADABLE, "x-entah-apa"],
    ),
    "images/logo-gbk.svg": (
        '<?xml version="1.0" encoding="GBK"?>\n' + SVG + "</svg>\n",
        1,
        ["berkas SVG tidak bisa dibaca", "GBK"],
    ),
}
CLEAN = {
    "files/skema-penduduk.xsd": SCHEMA,
    # A plain text entity in a schema is harmless, as in Illustrator's SVG.
    "files/skema-entitas.xsd": SCHEMA.replace(
        "\n<xs:schema", '\n<!DOCTYPE xs:schema [\n<!ENTITY desa "Binangun">\n]>\n<xs:schema'
    ).replace("desa Binangun", "desa &desa;"),
    # UTF-16 with its byte order mark, as Windows programs write it.
    "files/skema-utf16.xsd": codecs.BOM_UTF16_LE
    + SCHEMA.replace("UTF-8", "UTF-16").encode("utf-16-le"),
    "extra/peta-jalan.kml": '<?xml version="1.0" encoding="windows-1252"?>\n'
    '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Balai desa</name>'
    "<Point><coordinates>110.1,-7.2</coordinates></Point></Placemark></kml>\n",
    # Markup a browser never reads as XML: still the HTML check, as before.
    "files/usia.csv": "kelompok,jumlah\n<lima tahun,12\n",
}


def _checked(tmp_path_factory, refused):
    files = {name: text for name, (text, _, _) in refused.items()}
    files.update(CLEAN)
    files["berita/a.md"] = article()
    content = write_tree(tmp_path_factory.mktemp("xml-content"), files)
    errors, _ = check_content(content)
    return content, errors


@pytest.fixture(scope="module")
def xml_errors(tmp_path_factory):
    return _checked(tmp_path_factory, REFUSED)


@pytest.fixture(scope="module")
def encoding_errors(tmp_path_factory):
    return _checked(tmp_path_factory, ENCODINGS)


@pytest.mark.parametrize("name", REFUSED)
def test_xml_that_cannot_be_checked_or_declares_markup_is_refused(xml_errors, name):
    content, errors = xml_errors
    _, line, words = REFUSED[name]
    assert_refused(errors, content, name, line, *words)


@pytest.mark.parametrize("name", ENCODINGS)
def test_an_encoding_expat_cannot_decode_is_refused_not_a_crash(encoding_errors, name):
    content, errors = encoding_errors
    _, line, words = ENCODINGS[name]
    assert_refused(errors, content, name, line, *words)
    assert len([e for e in errors if name in e]) == 1, errors


def test_the_audited_file_is_refused_with_both_reasons():
    errors = [str(e) for e in problems("content/files/skema-data.xsd", AUDITED)]
    assert errors == [
        "content/files/skema-data.xsd:3: berkas XML berisi kode aktif: "
        f"{ENTITY} (active content in a published file); berkas ini diterbitkan apa adanya "
        "dan isinya bisa berjalan di domain situs desa — halaman HTML di content/ diterbitkan "
        "apa adanya di domain desa: hapus bagian itu, atau tulis isinya sebagai halaman "
        "Markdown di content/pages/",
        "content/files/skema-data.xsd:5: berkas XML tidak bisa diperiksa dengan aman: "
        "not well-formed (invalid token) (unreadable XML file refused); peramban membacanya "
        f"sebagai XML, dan isinya bisa berjalan di domain situs desa — {HINT_UNREADABLE_XML}",
    ]


@pytest.mark.parametrize("encoding", ["Shift_JIS", "EUC-JP", "GBK", "x-entah-apa", "ucs-2"])
def test_an_encoding_expat_cannot_decode_gives_one_message(encoding):
    source = f'<?xml version="1.0" encoding="{encoding}"?>\n<skema>data</skema>\n'
    errors = [str(e) for e in problems("content/files/skema.xsd", source)]
    assert errors == [
        f"content/files/skema.xsd:1: {UNREADABLE}: pengodean (encoding) '{encoding}' tidak "
        "didukung (unreadable XML file refused); peramban membacanya sebagai XML, dan isinya "
        f"bisa berjalan di domain situs desa — {HINT_UNREADABLE_XML}"
    ]


def test_the_check_reports_and_does_not_crash(xml_errors, encoding_errors):
    shown = "\n".join(xml_errors[1] + encoding_errors[1])
    assert "Traceback" not in shown and "build gagal" not in shown
    assert "ValueError" not in shown and "LookupError" not in shown


def test_harmless_xml_files_raise_nothing(xml_errors, encoding_errors):
    for _, errors in (xml_errors, encoding_errors):
        assert not [e for e in errors if any(name in e for name in CLEAN)], errors


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("skema.xsd", "<skema/>", True),
        ("tata-bahasa.RNG", "<grammar/>", True),
        ("peta.kml", "<kml/>", True),
        ("catatan.txt", '<?xml version="1.0"?>\n<catatan/>', True),
        ("tanpa-akhiran", "<!DOCTYPE catatan [\n]>\n<catatan/>", True),
        ("halaman.txt", "<!DOCTYPE html [\n<!ENTITY a 'b'>\n]>", True),
        ("halaman.txt", "<!doctype html>\n<p>Rapat</p>", False),
        ("data.csv", "kelompok,jumlah\n<lima tahun,12\n", False),
        ("catatan.txt", "Catatan rapat\n<p>hadir</p>", False),
    ],
)
def test_what_a_browser_may_read_as_xml(name, text, expected):
    assert markup.could_be_xml(name, text) is expected


def test_harmless_xml_files_are_published_unchanged(tmp_path):
    content = write_tree(tmp_path / "content", {**CLEAN, "berita/a.md": article()})
    site = build_site(tmp_path / "site" / "output", content=content)
    for name, data in CLEAN.items():
        published = (site.output / name).read_bytes()
        assert published == (data if isinstance(data, bytes) else data.encode("utf-8"))


def test_the_audited_file_stops_the_build(tmp_path):
    from wartadesa.build import BuildFailed

    content = write_tree(
        tmp_path / "content", {"files/skema-data.xsd": AUDITED, "berita/a.md": article()}
    )
    output = tmp_path / "site" / "output"
    with pytest.raises(BuildFailed):
        build_site(output, content=content)
    assert not output.exists()
