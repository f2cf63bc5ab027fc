"""Gambling spam and hidden text: what is caught, what ordinary village news may say."""

import pytest

from content_guard.spam import (
    PHRASE_WORDS,
    gambling_host,
    gambling_phrase,
    hidden_text,
    phrase_seen,
    problems_in,
    reversed_text,
    spam_attributes,
    spam_links,
    spam_text,
)
from content_guard.spam_readings import rendered_blocks
from tests.sitetools import build_site
from wartadesa.build import BuildFailed


def numbered(*lines):
    return list(enumerate(lines, start=1))


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Main di situs slot gacor hari ini", "situs slot"),
        ("Bocoran RTP live tertinggi", "RTP live"),
        ("Pola gacor dijamin MAXWIN", "Pola gacor"),
        ("Daftar togel online resmi", "Daftar togel"),
        ("Judi online terpercaya deposit pulsa", "Judi online"),
        ("Scatter hitam mahjong ways", "Scatter hitam"),
        ("Link alternatif sbobet", "Link alternatif"),
        ("Deposit 10k langsung main", "Deposit 10k"),
    ],
)
def test_gambling_text_is_found(text, phrase):
    assert spam_text(numbered("Paragraf biasa.", text)) == [(2, phrase)]


def test_a_phrase_broken_over_two_lines_is_found_on_its_first_line():
    lines = numbered("Warga diajak ikut judi", "online di warung.", "", "Paragraf lain.", "")
    assert spam_text(lines) == [(1, "judi online")]
    assert spam_text(numbered("Ayo s l o t", "g a c o r sekarang", "")) == [(1, "slotgacor")]


SPACE_CASES = [
    "slot gacor",
    "judi",
    "Deposit 10",
    "Deposit 10 k",
    "deposit 5 rb",
    "s l o t",
    "s l o t g a c o r",
    "g a c o r x",
    "s1ot gac0r",
    "jud1 onl1ne",
    "scatter",
    "scatter hitam",
    "mahjong way",
    "gates of",
    "rtp hari",
    "gacor hari ini",
    "toto 4",
    "anti",
    "link",
    "max",
    "a b c",
    "",
]


@pytest.mark.parametrize(
    "text", SPACE_CASES + [f"kata {word}" for word in PHRASE_WORDS] + list(PHRASE_WORDS)
)
def test_a_space_after_a_line_changes_nothing(text):
    """spam_text does not join a line with a blank next line: that rests on this."""
    assert phrase_seen(text + " ") == phrase_seen(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lomba burung berkicau: kacer milik Pak Darto tampil gacor.",
        "Rapat di Kota Bandar Lampung membahas Dana Desa.",
        "Slot waktu pelatihan diatur bergiliran.",
        "Posyandu dibuka pukul 08.00, warga diminta datang tepat waktu.",
        "Jadwal toto (kerja bakti) hari Minggu.",
    ],
)
def test_ordinary_village_news_is_not_spam(text):
    assert spam_text(numbered(text)) == []
    assert spam_links(numbered(text)) == []


# --- Capital I and small l, words split by markup, betting phrases ---------------------


@pytest.mark.parametrize(
    "text, phrase",
    [
        # A capital I for a small l: one glyph in the theme's sans-serif font.
        ("Daftar sekarang: sIot gacor", "slot gacor"),
        ("INFO SIOT GACOR TERBARU", "slot gacor"),
        ("Kunjungi Iink aIternatif kami", "link alternatif"),
        ("JUDI SIOT terpercaya", "judi slot"),  # each word read on its own
        ("Bocoran RTP Iive hari ini", "rtp live"),
        ("Agen TOGEI resmi", "agen togel"),
        ("Ayo s\u0406ot gacor", "slot gacor"),  # Cyrillic І
        ("Ayo s\u01c0ot gacor", "slot gacor"),  # Latin dental click ǀ
        ("Ayo jud\u0196 online", "judi online"),  # Latin capital iota Ɩ
        ("Ayo jud\u026a online", "judi online"),  # small capital ɪ
        ("Ayo \uff53\uff29\uff4f\uff54 \uff47\uff41\uff43\uff4f\uff52", "slot gacor"),  # full-width
        ("Ayo S I O T G A C O R", "slotgacor"),
        # A small l for a capital I in a word of capitals.
        ("JUDl ONLlNE TERPERCAYA", "judi online"),
        # The text of Markdown links joins the letters around it.
        ("Info [s](#)lot [g](#)acor di [sini](https://bit.ly/x)", "slot gacor"),
        ("Info [s][1]lot gacor terbaru", "slot gacor"),
        ("Info [s](#)Iot gacor", "slot gacor"),
        ("Info s{: .x}lot gacor", "slot gacor"),
        ("Info s`lo`t gacor", "slot gacor"),  # (refused before too: `visible` drops `)
        # Betting phrases.
        ("Situs bandar bola terpercaya", "bandar bola"),
        ("Agen bola resmi 2024", "Agen bola"),
        ("Taruhan bola malam ini", "Taruhan bola"),
        ("Pola Maxwln hari ini", "Maxwln"),
        ("Mix parlay terbaik", "Mix parlay"),
    ],
)
def test_disguised_gambling_text_is_found_as_the_page_shows_it(text, phrase):
    assert spam_text(numbered("Paragraf biasa.", text)) == [(2, phrase)]


def test_a_phrase_with_a_capital_i_over_two_lines_is_found_on_its_first_line():
    assert spam_text(numbered("Ayo sIot", "gacor di sini.")) == [(1, "slot gacor")]
    assert spam_text(numbered("Kunjungi Iink", "aIternatif kami.")) == [(1, "link alternatif")]
    assert spam_text(numbered("Info [s](#)lot", "[g](#)acor")) == [(1, "slot gacor")]


def test_names_and_attributes_read_capital_i_as_the_page_shows_it():
    assert gambling_phrase("sIot gacor") == "slot gacor"
    assert gambling_phrase("Iink-aIternatif") == "link alternatif"
    assert gambling_phrase("Idul Fitri") is None
    html = '<abbr title="sIot gacor terbaru">BUMDes</abbr>'
    assert spam_attributes(numbered(html)) == [(1, "title", "slot gacor")]
    assert spam_text(numbered(html)) == []


ORDINARY_CAPITALS = [
    "Ibu-ibu PKK Desa Binangun mengikuti lomba masak menyambut Idul Fitri.",
    "Rombongan studi banding dari DI Yogyakarta disambut Kepala Desa Ilham.",
    "BUMDes Maju Jaya membuka unit simpan pinjam; IKM dan KIM ikut pameran.",
    "Slot waktu posyandu dibagi per RT agar tidak antre.",
    "INFO PENTING: PELAYANAN ONLINE KANTOR DESA LIBUR SAAT IDUL FITRI.",
    "PILKADES SERENTAK: DAFTAR PEMILIH TETAP DIUMUMKAN DI BALAI DESA.",
    "Ilir, Indah, Iwan, Ismail, Ika dan Intan mewakili SD Inpres.",
    "Program Indonesia Pintar (PIP) dan KIP Kuliah untuk siswa SLTA.",
    "SILPA tahun lalu dipakai untuk jalan; Ibu Lilis dan Ibu Ilah hadir.",
    "IOT (Internet of Things) untuk irigasi sawah diuji coba di Desa Iloilo.",
    "Link pendaftaran BLT: lihat papan informasi balai desa.",
    "Tim voli dari Kecamatan Bandar, bola voli putri juara dua.",
    "Agen bola lampu hemat energi membuka toko di pasar desa.",
    "Turnamen sepak bola antar dusun: taruhan dilarang keras.",
    "Jadwal toto (kerja bakti) hari Minggu; Max dan Win dari Belanda berkunjung.",
    "[Daftar hadir](files/daftar.pdf) musyawarah; [slot](#) waktu [online](#) rapat.",
]


@pytest.mark.parametrize("text", ORDINARY_CAPITALS)
def test_ordinary_words_with_capital_i_are_not_spam(text):
    assert spam_text(numbered(text)) == []
    assert gambling_phrase(text) is None
    assert spam_attributes(numbered(f'<abbr title="{text}">x</abbr>')) == []


def test_ordinary_text_reads_as_one_paragraph_without_a_phrase():
    assert spam_text(numbered(*ORDINARY_CAPITALS)) == []
    assert spam_text(numbered(*(text.upper() for text in ORDINARY_CAPITALS))) == []


@pytest.mark.parametrize(
    "page, phrase",
    [
        ('<p>Info <a href="#">s</a>lot <a href="#">g</a>acor.</p>', "slot gacor"),
        ("<p>Info s*l*ot gacor.</p>", "slot gacor"),  # `s\\*l\\*ot` in Markdown
        ("<p>Info s<code>lo</code>t gacor.</p>", "slot gacor"),
        ("<p>Gates\nof\nolympus</p>", "Gates of olympus"),  # one paragraph, three lines
    ],
)
def test_the_rendered_page_is_read_as_a_reader_sees_it(page, phrase):
    blocks = [(2 * i + 1, block) for i, block in enumerate(rendered_blocks(page))]
    assert spam_text(blocks, markdown=False) == [(1, phrase)]


@pytest.mark.parametrize(
    "page",
    [
        "<p>Slot</p><p>online</p>",  # two paragraphs: the letters do not join
        "<table><tr><td>Slot</td><td>online</td></tr></table>",
        "<ul>\n<li>slot</li>\n<li>gacor</li>\n</ul>",
        "<p>Slot<br>online</p>",
    ],
)
def test_blocks_of_a_page_do_not_join(page):
    blocks = [(2 * i + 1, block) for i, block in enumerate(rendered_blocks(page))]
    assert spam_text(blocks, markdown=False) == []


def test_the_looks_before_reading_never_hide_another_reading(monkeypatch):
    """spam_text reads capital I and small l the other way only where the letters of the
    file, and of the line and those next to it, i and l alike, hold a gambling word
    (`_letters_hold_word(..., bars=True)`), and reads a page's blocks only when the letters
    of the whole page do (`_page_could_hold_phrase`): on random texts mixing disguised
    gambling words and ordinary news, both find exactly what reading everything finds."""
    import random

    from content_guard import spam

    news = [
        "Ibu",
        "DI",
        "Idul",
        "Fitri",
        "BUMDes",
        "Ilham",
        "rapat",
        "desa",
        "2024",
        "online",
        "hari",
        "ini",
        "win",
        "bola",
        "sepak",
        "agen",
        "situs",
        "bandar",
        "link",
        "live",
        "&amp;",
        "&lt;",
        "—",
        "|",
        "warga",
        "Posyandu",
        "IKM",
        "[x](#)",
        "**",
        "<b>",
        "</b>",
    ]
    gambling = [
        "sIot",
        "SIOT",
        "s1ot",
        "gacor",
        "GACOR",
        "Iink",
        "aIternatif",
        "JUDl",
        "ONLlNE",
        "[s](#)lot",
        "[g](#)acor",
        "s I o t",
        "maxwln",
        "MAXWlN",
        "t0geI",
        "TOGEI",
        "s\u0406ot",
        "\uff53\uff29\uff4f\uff54",
        "bandar",
        "bola",
        "taruhan",
        "sl",
        "ot",
        "ga",
        "cor",
        "&#73;ink",
        "s<b>I</b>ot",
        "scatter",
        "SCATTER",
    ]
    rng = random.Random(10)
    texts = []
    for _ in range(2500):
        texts.append(
            [
                " ".join(
                    rng.choice(gambling if rng.random() < 0.12 else news)
                    for _ in range(rng.randint(0, 5))
                )
                for _ in range(rng.randint(1, 3))
            ]
        )
    found = [spam_text(numbered(*lines)) for lines in texts]
    pages = ["\n".join(f"<p>{line}</p>" for line in lines) for lines in texts]
    gated = [spam._page_could_hold_phrase(page) for page in pages]
    monkeypatch.setattr(spam, "_letters_hold_word", lambda *_args, **_kwargs: True)
    assert found == [spam_text(numbered(*lines)) for lines in texts]
    in_pages = [
        spam_text([(2 * i + 1, b) for i, b in enumerate(rendered_blocks(page))], markdown=False)
        for page in pages
    ]
    assert all(gate or not page_found for gate, page_found in zip(gated, in_pages, strict=True))
    assert sum(1 for result in found if result) > 300  # the texts do hold phrases
    assert gated.count(False) > 500  # and the page look does skip pages


@pytest.mark.parametrize(
    "url, host",
    [
        ("https://slot88gacor.example/daftar", "slot88gacor.example"),
        ("http://www.togel4d.example", "www.togel4d.example"),
        ("https://bet365.example", "bet365.example"),
        ("https://situs-judi.example/x", "situs-judi.example"),
        ("https://kasinoku.example", "kasinoku.example"),
        ("https://kemendesa.go.id/berita", None),
        ("https://bandar-lampung.go.id", None),
        ("https://www3.nhk.or.jp/news", None),
        ("https://binangun-singgahan.desa.id", None),
    ],
)
def test_gambling_hosts(url, host):
    assert gambling_host(url) == host


def test_links_to_gambling_pages_on_other_sites_are_found():
    found = spam_links(
        numbered(
            "Baca [ini](http://kampus.example.ac.id/slot-gacor/) dan www.togel4d.example/daftar.",
            "Sumber resmi: https://kemendesa.go.id/berita/dana-desa",
        )
    )
    assert found == [
        (1, "http://kampus.example.ac.id/slot-gacor/", "halaman judi 'slot gacor'"),
        (1, "www.togel4d.example/daftar", "situs judi www.togel4d.example"),
    ]


@pytest.mark.parametrize(
    "html, how",
    [
        ('<div style="display: none">slot</div>', "display:none"),
        ("<span style='visibility:hidden'>x</span>", "visibility:hidden"),
        ('<p style="font-size:0px;">x</p>', "font-size:0"),
        ('<p style="font-size: 0">x</p>', "font-size:0"),
        ('<div style="opacity:0">x</div>', "opacity:0"),
        (
            '<div style="position:absolute;left:-9999px">x</div>',
            "posisi di luar layar (off-screen)",
        ),
        ('<div style="text-indent:-5000px">x</div>', "posisi di luar layar (off-screen)"),
        ('<div style="height:0;overflow:hidden">x</div>', "ukuran 0 (zero size)"),
        ("<div hidden>x</div>", "atribut hidden"),
        ('<a href="https://hoki-raja.example/daftar"></a>', "tautan tanpa teks"),
        ("<A HREF=https://hoki-raja.example/> &nbsp;&#8203; </a >", "tautan tanpa teks"),
        ("Baca [](https://hoki-raja.example/daftar) ini.", "tautan tanpa teks"),
        ('<a href="https://hoki-raja.example/">\u2800</a>', "tautan tanpa teks"),  # Braille
        ("[\u3164 \uffa0](https://hoki-raja.example/)", "tautan tanpa teks"),  # Hangul fillers
        # SVG's presentation attributes (static .svg files are published as written).
        ('<g display="none"><a href="https://hoki-raja.example/">x</a></g>', "display:none"),
        ("<text opacity='0'>x</text>", "opacity:0"),
        ('<text fill-opacity=".0">x</text>', "opacity:0"),
        ('<text font-size="0px">x</text>', "font-size:0"),
        ('<text visibility="hidden">x</text>', "visibility:hidden"),
        # A link on pictures nobody can see.
        (
            '<a href="https://hoki-raja.example/"><img src="titik.png" width="1" height="1"></a>',
            "tautan pada gambar berukuran 2 piksel atau kurang",
        ),
        (
            "<A href=/daftar> <IMG src=a.png height='0px'>&nbsp;<img src=b.png width=.5></a>",
            "tautan pada gambar berukuran 2 piksel atau kurang",
        ),
        # Other tags and blank characters around it; the sizes as a browser reads them.
        (
            '<a href="/x"><span><img src="a.png" width="1em"></span>\u200b<!-- - --></a>',
            "tautan pada gambar berukuran 2 piksel atau kurang",
        ),
        (
            '<a href="/x"><img src="a.png" width="&#49;"><img src="b.png" height="01"></a>',
            "tautan pada gambar berukuran 2 piksel atau kurang",
        ),
        (
            '[![](titik.png){: width="1" height="1"}](https://hoki-raja.example/)',
            "tautan pada gambar berukuran 2 piksel atau kurang",
        ),
    ],
)
def test_hidden_text_is_found(html, how):
    assert hidden_text(numbered("Paragraf.", html)) == [(2, how)]


def test_hidden_text_in_a_style_block_names_its_line():
    found = hidden_text(
        list(enumerate(["<style>", ".iklan {", "  display:none;", "}", "</style>"], start=20))
    )
    assert found == [(22, "display:none")]


@pytest.mark.parametrize(
    "html",
    [
        '<p style="font-size:0.9em">kecil</p>',
        '<span aria-hidden="true"></span>',
        '<div style="opacity:0.8">x</div>',
        '<div style="margin-left:-10px">x</div>',
        "Tulisan tentang display: none dalam teks biasa.",
        '<a id="atas"></a> <a href="/">Beranda</a>',
        "![](foto.jpg) [![Foto](foto.jpg)](https://contoh.desa.id/) - [ ] tugas",
        "Contoh HTML: &lt;a href=x&gt;&lt;/a&gt; [-](https://contoh.desa.id/) <a href=/>→</a>",
        '<svg><g opacity="0.5" font-size="12"><text>Peta desa</text></g></svg>',
        '<a href="https://contoh.desa.id/"><img src="logo.png" width="120" height="40"></a>',
        '<a href="/"><img src="a.png" width="24"><img src="b.png" width="1"></a>',
        '<a href="/">Beranda <img src="titik.png" width="1" height="1"></a>',
        '<img src="titik.png" width="1" height="1"> <a href="/">Beranda</a>',
        '<a href="/"><img src="a.png" width="2.5"><img src="b.png" width="10"></a>',
        '<a id="atas"><img src="titik.png" width="1"></a>',
        '[![Logo](logo.png){: width="120"}](https://contoh.desa.id/) [![Logo](logo.png)](/)',
    ],
)
def test_visible_html_is_not_hidden_text(html):
    assert hidden_text(numbered(html)) == []


# --- Text in attributes (a tooltip, an image's text, a label read aloud) ---------------


@pytest.mark.parametrize(
    "html, found",
    [
        (
            '<abbr title="SLOT GACOR hari ini: daftar situs togel terpercaya, bocoran RTP live, '
            'maxwin">BUMDes</abbr>.',
            [(2, "title", "SLOT GACOR")],
        ),
        (
            '<a href="https://example.com/" title="judi online slot gacor maxwin">laporan</a>',
            [(2, "title", "judi online")],
        ),
        (
            '<span aria-label="situs slot gacor maxwin terpercaya">posyandu</span>',
            [(2, "aria-label", "situs slot")],
        ),
        ("<img src=a.jpg ALT = 'Bocoran RTP live'>", [(2, "alt", "RTP live")]),
        ('<img src="a.jpg" alt="s&#108;ot g&#x430;cor">', [(2, "alt", "slot gacor")]),
        ('<b title="s\u200blot ga\u200bcor">x</b>', [(2, "title", "slot gacor")]),
        ('<b title="s1ot gac0r">x</b>', [(2, "title", "slot gacor")]),
        ('<b title="s l o t g a c o r">x</b>', [(2, "title", "slotgacor")]),
        ('<input placeholder="link alternatif">', [(2, "placeholder", "link alternatif")]),
        ('<meta name="description" content="Agen togel">', [(2, "content", "Agen togel")]),
        ('<a data-title="situs slot">x</a>', [(2, "data-title", "situs slot")]),
    ],
)
def test_gambling_text_in_attributes_is_found(html, found):
    assert spam_attributes(numbered("Paragraf biasa.", html)) == found
    assert spam_text(numbered("Paragraf biasa.", html)) == []  # tags go, attributes too


@pytest.mark.parametrize(
    "html",
    [
        '<img src="/images/balai.jpg" alt="Balai desa usai direnovasi" title="Balai desa">',
        '<abbr title="Badan Permusyawaratan Desa">BPD</abbr> menyetujui APBDes.',
        '<a href="https://kemendesa.go.id/slot" title="Kementerian Desa">situs</a>',
        '<span aria-label="Slot waktu pelatihan">jadwal</span>',
        '<a data-title="Lomba burung: kacer tampil gacor">x</a>',
        '<b class="slot gacor">x</b>',  # not text: only the attributes readers read
        'Rumus di kode: <code>x = "slot gacor"</code>',  # `=` with no attribute before it
    ],
)
def test_ordinary_attributes_are_not_spam(html):
    assert spam_attributes(numbered(html)) == []


def test_attribute_text_is_reported_with_its_file_and_line():
    lines = numbered(
        "Berita desa.",
        "",
        '<p>Rapat <abbr title="daftar situs togel">BPD</abbr>.</p>',
        '<img src="a.jpg" alt="Kerja bakti">',
    )
    assert [str(error) for error in problems_in("berita/a.md", lines, lines)] == [
        "berita/a.md:3: teks promosi judi online di atribut title=: 'situs togel' (gambling spam "
        "text in an attribute) — hapus bagian ini. Jika Anda tidak menulisnya, situs atau akun "
        "Anda mungkin dibobol: ganti kata sandi dan periksa riwayat perubahan (git log). Jika "
        "berita ini memang membahas judi (misalnya sosialisasi bahayanya), tambahkan nama "
        "berkasnya ke SPAM_ALLOWED_FILES di pelicanconf.py"
    ]
    # A tag over two lines is not removed from the text of either: its value is read there.
    lines = numbered("Rapat <abbr", '  title="daftar situs togel">BPD</abbr>.')
    assert [(e.line, e.message.split(":")[0]) for e in problems_in("a.md", lines, lines)] == [
        (2, "teks promosi judi online")
    ]


def test_an_attribute_written_as_text_is_reported_once():
    """Markdown's `{: title=... }` is text and an attribute: one error for its line."""
    lines = numbered("Judul", '{: title="slot gacor" }')
    assert [error.line for error in problems_in("a.md", lines, lines)] == [2]


def test_the_look_at_all_values_never_hides_what_one_value_holds(monkeypatch):
    """spam_attributes looks at all the values together first (`_could_hold_word_in`):
    on random values in every form phrase_seen reads, it finds what reading each finds."""
    import random

    from content_guard import spam

    words = "slot s1ot gac0r s&#108;ot to**gel** <b>slo</b>t ju-di on.line max w1n 10k depo "
    words += "Desa rapat — live situs agen scatter rtp https://x.example/"
    words = words.split() + ["g a c o r", "s\u200blot", "hari ini"]
    rng = random.Random(7)

    def line():
        value = " ".join(rng.choice(words) for _ in range(rng.randint(0, 3)))
        return f'<b title="{value}">x</b>'

    texts = [numbered(*(line() for _ in range(rng.randint(1, 3)))) for _ in range(2000)]
    found = [spam_attributes(lines) for lines in texts]
    assert spam._could_hold_word_in("Kerja bakti di balai desa 2024") is False
    monkeypatch.setattr(spam, "_could_hold_word_in", lambda _values: True)
    assert found == [spam_attributes(lines) for lines in texts]
    assert sum(1 for result in found if result) > 100


# --- Letters made too small to see -----------------------------------------------------


def test_deeply_nested_small_text_is_hidden_text():
    small = (
        "<small>" * 30 + '<a href="https://hoki-raja.example/daftar">Daftar</a>' + ("</small>" * 30)
    )
    assert hidden_text(numbered("Paragraf.", f"<p>{small}</p>")) == [
        (2, "lebih dari 2 <small>/<sub>/<sup> bersarang, hurufnya terlalu kecil untuk dibaca")
    ]
    # Over several lines, unclosed, mixed: counted as the browser nests them.
    assert hidden_text(numbered("<sup>", "<SUB>a", "<small >b", "</small></sub></sup>")) == [
        (3, "lebih dari 2 <small>/<sub>/<sup> bersarang, hurufnya terlalu kecil untuk dibaca")
    ]


@pytest.mark.parametrize(
    "html",
    [
        "H<sub>2</sub>O dan x<sup><small>2</small></sup>",
        "<small>a</small><small>b</small><small>c</small>",
        "<sup>1</sup> <sub>2</sub> <small><small>kecil</small></small> <sup>3</sup>",
        "&lt;small&gt;&lt;small&gt;&lt;small&gt; ditulis sebagai teks",
        "<summary>ringkasan</summary><subtitle>",
    ],
)
def test_small_text_two_levels_deep_is_not_hidden(html):
    assert hidden_text(numbered(html)) == []


# --- Letters shown in another order than written -----------------------------------


def test_letters_shown_reversed_are_found():
    lines = numbered(
        'Info <bdo dir="rtl">rocag tols</bdo>.',
        "Info \u202erocag tols\u202c.",
        "Info &#8238;rocag tols.",
        'judul: "Kabar \\u202Erocag tols"',
        "Info <BDO\ndir=rtl>",
        "<style>.r { unicode-bidi: bidi-override; direction: rtl }</style>",
        '<text unicode-bidi="bidi-override" direction="rtl">rocag tols</text>',
    )
    assert reversed_text(lines) == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    "text",
    [
        '<p dir="rtl" lang="ar">بِسْمِ اللهِ</p>',
        "Tanda \u200f dan \u2067isolasi\u2069 tidak membalik huruf.",
        "Contoh: &lt;bdo&gt; ditulis sebagai teks, <bdi>Nama</bdi>, <body>",
        '<bdo dir="ltr">Nama</bdo>, unicode-bidi: isolate',
        "Kode `\\u202e` ditulis sebagai teks",
    ],
)
def test_right_to_left_text_that_keeps_its_order_is_not_reversed(text):
    assert reversed_text(numbered(text)) == []


# --- In a real build: the anti-gambling article, allowed on purpose -------------------

CAMPAIGN = """\
---
judul: Sosialisasi Bahaya Judi Online di Balai Desa
tanggal: 2024-06-05
kategori: Pemerintahan
---
Polsek memberi sosialisasi bahaya judi online kepada karang taruna.
"""


def write(folder, name, text):
    path = folder / "berita" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_article_about_gambling_needs_to_be_allowed(tmp_path):
    content = tmp_path / "content"
    write(content, "sosialisasi-judi.md", CAMPAIGN)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    assert [p.split("/berita/", 1)[1] for p in failed.value.problems] == [
        "sosialisasi-judi.md:2: teks promosi judi online: 'Judi Online' (gambling spam text) — "
        "hapus bagian ini. Jika Anda tidak menulisnya, situs atau akun Anda mungkin dibobol: "
        "ganti kata sandi dan periksa riwayat perubahan (git log). Jika berita ini memang "
        "membahas judi (misalnya sosialisasi bahayanya), tambahkan nama berkasnya ke "
        "SPAM_ALLOWED_FILES di pelicanconf.py",
        "sosialisasi-judi.md:6: teks promosi judi online: 'judi online' (gambling spam text) — "
        "hapus bagian ini. Jika Anda tidak menulisnya, situs atau akun Anda mungkin dibobol: "
        "ganti kata sandi dan periksa riwayat perubahan (git log). Jika berita ini memang "
        "membahas judi (misalnya sosialisasi bahayanya), tambahkan nama berkasnya ke "
        "SPAM_ALLOWED_FILES di pelicanconf.py",
    ]
    site = build_site(tmp_path / "out", content=content, SPAM_ALLOWED_FILES=["berita/*judi*.md"])
    assert site.exists("berita/2024/06/sosialisasi-bahaya-judi-online-di-balai-desa/")


# An audit's article: a capital I for a small l (title, label, body), words split by
# Markdown links, "maxwln". It went through `invoke check` and `invoke build` without a word.
AUDITED = """\
---
judul: "Info SIOT GACOR Maxwln hari ini"
tanggal: 2024-08-01 09:00
kategori: Pemerintahan
label: [sIot gacor]
---
Daftar sekarang: sIot gacor, Iink aIternatif, [s](#)lot [g](#)acor di [sini](https://bit.ly/x).
"""


def test_the_audited_article_stops_the_build_at_each_line(tmp_path):
    content = tmp_path / "content"
    write(content, "info-desa.md", AUDITED)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    problems = [p.split("/berita/", 1)[1] for p in failed.value.problems]
    assert [p.split(" — ")[0] for p in problems] == [
        "info-desa.md:2: teks promosi judi online: 'Maxwln' (gambling spam text)",
        "info-desa.md:5: teks promosi judi online: 'slot gacor' (gambling spam text)",
        "info-desa.md:7: teks promosi judi online: 'slot gacor' (gambling spam text)",
    ]
    assert problems[2].split(" — ")[1] == (
        "hapus bagian ini. Jika Anda tidak menulisnya, situs atau akun Anda mungkin dibobol: "
        "ganti kata sandi dan periksa riwayat perubahan (git log). Jika berita ini memang "
        "membahas judi (misalnya sosialisasi bahayanya), tambahkan nama berkasnya ke "
        "SPAM_ALLOWED_FILES di pelicanconf.py"
    )
    site = build_site(tmp_path / "out", content=content, SPAM_ALLOWED_FILES=["berita/info-*.md"])
    assert site.exists("berita/2024/08/info-siot-gacor-maxwln-hari-ini/")


def test_text_only_the_page_shows_is_found_at_its_line(tmp_path):
    """Markdown's escapes (`s\\*l\\*ot`), a phrase over three lines of one paragraph, the
    summary's Markdown and the title's YAML escapes: only the rendered page shows the
    words; each is reported at the line it comes from."""
    content = tmp_path / "content"
    write(
        content,
        "info-desa.md",
        "---\n"
        'judul: "Kabar \\x73lot gacor"\n'
        "slug: kabar-desa\n"
        "tanggal: 2024-08-01 09:00\n"
        "kategori: Pemerintahan\n"
        'ringkasan: "Kabar [s](#)lot [g](#)acor"\n'
        "---\n"
        "Rapat desa membahas jalan.\n"
        "\n"
        "Warga diajak main s\\*l\\*ot gacor.\n"
        "\n"
        "Hadiah dari gates\n"
        "of\n"
        "olympus untuk warga.\n",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    assert [p.split("/berita/", 1)[1].split(" (")[0] for p in failed.value.problems] == [
        "info-desa.md:2: teks promosi judi online: 'slot gacor'",
        "info-desa.md:6: teks promosi judi online: 'slot gacor'",
        "info-desa.md:10: teks promosi judi online: 'main slot'",
        "info-desa.md:12: teks promosi judi online: 'gates of olympus'",
    ]


def test_allowed_files_still_refuse_gambling_links_and_hidden_text(tmp_path):
    content = tmp_path / "content"
    write(
        content,
        "sosialisasi-judi.md",
        CAMPAIGN
        + (
            "\nContoh situs terlarang: https://slot88gacor.example\n"
            '\n<div style="display:none">x</div>\n'
        ),
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content, SPAM_ALLOWED_FILES=["berita/*.md"])
    assert [p.split("/berita/", 1)[1].split(" (")[0] for p in failed.value.problems] == [
        "sosialisasi-judi.md:8: tautan ke situs judi slot88gacor.example: "
        "https://slot88gacor.example",
        "sosialisasi-judi.md:10: teks tersembunyi di HTML",
    ]


def test_spam_in_a_static_html_file_is_found(tmp_path):
    content = tmp_path / "content"
    write(
        content,
        "rapat.md",
        CAMPAIGN.replace("Bahaya Judi Online", "Rapat").replace("bahaya judi online", "rapat"),
    )
    extra = content / "extra" / "google123.html"
    extra.parent.mkdir()
    extra.write_text("<html>\n<a href='https://gacor.example'>x</a>\n</html>\n")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    assert (
        failed.value.problems[0]
        .split("/content/", 1)[1]
        .startswith("extra/google123.html:2: tautan ke situs judi gacor.example")
    )


def test_the_whole_file_look_never_hides_what_the_lines_hold(monkeypatch):
    """spam_text looks at the whole file first (`_could_hold_phrase_anywhere`) and reads
    no line when it cannot hold a phrase: on random texts mixing gambling words in every
    form phrase_seen reads (digits for letters, spaced letters, markup, phrases broken over
    lines) with ordinary news, it finds exactly what reading every line finds."""
    import random

    from content_guard import spam

    news = [
        "Rapat desa membahas jalan.",
        "Dana desa Rp 50 juta",
        "tahun 2024",
        "maksimal 3 kali",
        "online",
        "hari",
        "ini",
        "win",
        "live",
        "link",
        "bola",
        "—",
        "&amp;",
        "|",
        "!",
        "x500",
        "situs",
        "agen",
        "pola",
        "anti",
        "play",
        "ways",
        "hitam",
        "10k",
        "warga",
        "posyandu",
    ]
    gambling = [
        "slot",
        "gacor",
        "s1ot",
        "gac0r",
        "s l o t",
        "g a c o r",
        "ju**di**",
        "jud1",
        "onl1ne",
        "max",
        "m4x w1n",
        "togel",
        "t0gel",
        "<b>slo</b>t",
        "scatter",
        "deposit",
        "depo 5 rb",
        "rtp",
        "alternatif",
        "mahjong",
        "toto",
        "macau",
        "rungkad",
        "sbobet",
        "pragmatic",
        "$l0t",
        "t 0 g e l",
        "sc4tter",
        "r t p",
        "s l",  # halves of a word, to be joined over two lines
        "o t",
        "g a",
        "c o r",
        "to",
        "gel",
        "s l o",
        "t g a c o r",
    ]
    rng = random.Random(15)
    texts = []
    for _ in range(3000):
        lines = [
            " ".join(
                rng.choice(gambling if rng.random() < 0.12 else news)
                for _ in range(rng.randint(0, 4))
            )
            for _ in range(rng.randint(1, 3))
        ]
        texts.append(numbered(*lines))
    # Phrases only two lines together hold (no gambling word in either line alone).
    texts += [numbered("Ayo s l", "o t o n l i n e"), numbered("m a", "x w i n di sini")]
    found = [spam_text(lines) for lines in texts]
    assert found[-2:] == [[(1, "slotonline")], [(1, "maxwin")]]
    assert spam._could_hold_phrase_anywhere(["rapat desa membahas jalan 2024"]) is False
    monkeypatch.setattr(spam, "_could_hold_phrase_anywhere", lambda _texts, bars=False: True)
    assert found == [spam_text(lines) for lines in texts]
    assert sum(1 for result in found if result) > 200  # the texts do hold phrases


def test_gambling_attributes_and_tiny_text_stop_the_build(tmp_path):
    """What used to be published, in the page and in feeds/all.atom.xml, without an error."""
    content = tmp_path / "content"
    small = (
        "<small>" * 30 + '<a href="https://hoki-raja.example/daftar">Daftar</a>' + ("</small>" * 30)
    )
    write(
        content,
        "bumdes.md",
        CAMPAIGN.replace("Bahaya Judi Online", "BUMDes").split("Polsek")[0]
        + 'Berita <abbr title="SLOT GACOR hari ini: daftar situs togel terpercaya, bocoran RTP '
        'live, maxwin">BUMDes</abbr>.\n'
        '<a href="https://example.com/" title="judi online slot gacor maxwin">laporan</a>\n'
        '<span aria-label="situs slot gacor maxwin terpercaya">posyandu</span>\n'
        f"\n<p>{small}</p>\n",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    assert [p.split("/berita/", 1)[1].split(" — ")[0] for p in failed.value.problems] == [
        "bumdes.md:6: teks promosi judi online di atribut title=: 'SLOT GACOR' (gambling spam "
        "text in an attribute)",
        "bumdes.md:7: teks promosi judi online di atribut title=: 'judi online' (gambling spam "
        "text in an attribute)",
        "bumdes.md:8: teks promosi judi online di atribut aria-label=: 'situs slot' (gambling "
        "spam text in an attribute)",
        "bumdes.md:10: teks tersembunyi di HTML (lebih dari 2 <small>/<sub>/<sup> bersarang, "
        "hurufnya terlalu kecil untuk dibaca): pembaca tidak melihatnya tetapi mesin pencari "
        "membacanya (hidden text)",
    ]
    assert not (tmp_path / "out" / "feeds" / "all.atom.xml").exists()
