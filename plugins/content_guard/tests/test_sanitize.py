"""HTML cleaning: what attackers and pasted widgets lose, what Markdown and our plugins keep."""

import textwrap

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from content_guard import media
from content_guard.sanitize import clean_html, clean_inline, removed_iframes, unsafe_parts
from tests.sitetools import build_site, text_of
from youtube import embed, urls


def soup(html):
    return BeautifulSoup(html, "html.parser")


def test_youtube_player_markup_survives_cleaning():
    video = urls.parse("https://youtu.be/dQw4w9WgXcQ?t=90")
    original = soup(embed.render(video, "Rapat Desa"))
    # Cleaned as written (a parser's output may order the attributes otherwise).
    cleaned = soup(clean_html(embed.render(video, "Rapat Desa")))
    before = [(t.name, t.attrs) for t in original.find_all(True)]
    after = [
        (t.name, {k: v for k, v in t.attrs.items() if k != "rel"}) for t in cleaned.find_all(True)
    ]
    assert after == before
    link = cleaned.select_one("a.video__link")
    assert link["data-embed"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert link["rel"] == ["noopener"]  # an external link (youtube.com)
    assert cleaned.select_one("figure.video[data-video=dQw4w9WgXcQ]")
    assert cleaned.find("img") is None  # the poster is the theme's box, not YouTube's image
    assert cleaned.select_one("span.video__play")["aria-hidden"] == "true"
    assert text_of(cleaned.select_one("span.video__title")) == "Rapat Desa"


LURE = '<a href="https://hoki-raja.example/daftar">Daftar</a>'


@pytest.mark.parametrize(
    "raw, classes",
    [
        # The theme's .video is a fixed box that clips: a link 40 lines down is not seen.
        ('<div class="video">' + "<br>" * 40 + LURE + "</div>", []),
        ('<p class="video video--short align-center" id="v">' + LURE + "</p>", ["align-center"]),
        # Placed absolutely, over the text (a poster over a paragraph, a title box, ...).
        (
            f'<p>Teks <img class="video__poster" src="a.jpg" alt="x"><span class="video__title">'
            f'{LURE}</span><a class="video__link" href="/">x</a><span class="video__play">'
            "</span></p>",
            [],
        ),
        # The player's markup with a link added to its title: not the plugin's markup.
        (
            embed.render(urls.parse("https://youtu.be/dQw4w9WgXcQ"), "Rapat").replace(
                "Rapat</span>", f"Rapat {LURE}</span>"
            ),
            [],
        ),
    ],
)
def test_player_classes_are_kept_only_on_the_players_markup(raw, classes):
    cleaned = soup(clean_html(raw))
    assert [c for t in cleaned.find_all(True) for c in t.get("class") or ()] == classes
    assert text_of(cleaned.find("a", href="https://hoki-raja.example/daftar")) == "Daftar"


def test_player_class_names_written_as_text_stay():
    raw = '<p>Kode <code>&lt;div class="video"&gt;</code> dan class="video" tetap.</p>'
    assert clean_html(raw) == raw


@pytest.mark.parametrize(
    "address, title",
    [
        ("https://youtu.be/dQw4w9WgXcQ?t=90", 'Sambutan "Kepala" Desa -- BPD & warga'),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", None),
    ],
)
def test_every_kind_of_player_keeps_its_classes(address, title):
    original = embed.render(urls.parse(address), title)
    cleaned = soup(clean_html(original))
    kept = [c for t in cleaned.find_all(True) for c in t.get("class") or ()]
    assert kept == [c for t in soup(original).find_all(True) for c in t.get("class") or ()]


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        # What is in <rp> is never shown: the ruby markup goes, its text stays.
        (
            '<ruby>x<rp>(<a href="/daftar">Daftar</a>)</rp><rt>y</rt></ruby>',
            '<ruby>x(<a href="/daftar">Daftar</a>)y',
        ),
        # What a browser that plays video shows instead of nothing: never shown, dropped.
        (
            '<video controls src="v.mp4"><source src="v.webm" type="video/webm">'
            '<a href="/daftar">Daftar</a> teks</video><p>x</p>',
            '<video controls="" src="v.mp4"><source src="v.webm" type="video/webm"></video>'
            "<p>x</p>",
        ),
        (
            '<audio src="a.mp3"><p>Daftar <a href="/daftar">x</a></p></audio>',
            '<audio src="a.mp3"></audio>',
        ),
    ],
)
def test_markup_that_never_shows_its_content_is_undone(raw, cleaned):
    assert clean_html(raw) == cleaned.replace("<ruby>", "")


MARKDOWN_TEXT = textwrap.dedent("""\
    ## Hasil rapat {#hasil .penting}

    | Bidang | Anggaran |
    |:-------|---------:|
    | Jalan  | 120 juta |

    Dana Desa[^1] dibahas bersama BPD.

    *[BPD]: Badan Permusyawaratan Desa

    [^1]: Dana dari APBN.

    ```
    kode <tetap> tampil
    ```

    > Kutipan kepala desa.

    1. satu
    2. dua

    ![Balai desa](https://contoh.desa.id/balai.jpg "Balai")
    """)


def markdown_html():
    return Markdown(
        extensions=["markdown.extensions.extra", "markdown.extensions.smarty"],
        output_format="html5",
    ).convert(MARKDOWN_TEXT)


def test_markdown_content_survives_cleaning():
    cleaned = soup(clean_html(markdown_html()))
    heading = cleaned.h2
    # Body ids are prefixed (never a theme id); classes outside the allow-list are dropped.
    assert (heading["id"], heading.get("class")) == ("isi-hasil", None)
    cells = cleaned.select("table thead th")
    # Aligned with classes: the policy (style-src 'self') blocks inline styles.
    assert [c.get("class") for c in cells] == [["align-left"], ["align-right"]]
    assert all(c.get("style") is None for c in cleaned.select("th, td"))
    assert text_of(cleaned.table) == "Bidang Anggaran Jalan 120 juta"
    assert cleaned.select_one('sup[id="fnref:1"] a.footnote-ref')["href"] == "#fn:1"
    assert cleaned.select_one('div.footnote li[id="fn:1"] a.footnote-backref')["href"] == "#fnref:1"
    assert cleaned.abbr["title"] == "Badan Permusyawaratan Desa"
    assert cleaned.pre.code.get_text() == "kode <tetap> tampil\n"
    assert cleaned.blockquote
    assert [li.get_text() for li in cleaned.select("ol li")][:2] == ["satu", "dua"]
    image = cleaned.select_one('img[alt="Balai desa"]')
    assert (image["src"], image["title"]) == ("https://contoh.desa.id/balai.jpg", "Balai")


@pytest.mark.parametrize(
    "raw, gone",
    [
        ("<p>a</p><script>alert(1)</script>", "alert"),
        ('<p onclick="alert(1)" onmouseover="x()">a</p>', "onclick"),
        ('<a href="javascript:alert(1)">a</a>', "javascript"),
        ('<a href=" JavaScript:alert(1)">a</a>', "alert"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>', "data:"),
        ('<img src="data:image/png;base64,AAAA" alt="x">', "data:"),
        ('<a href="https://contoh.id" target="_blank">a</a>', "target"),
        ('<iframe src="https://evil.example/x"></iframe><p>a</p>', "iframe"),
        ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><p>a</p>', "iframe"),
        ("<style>p{display:none}</style><p>a</p>", "display"),
        ('<object data="x.swf"></object><embed src="x.swf"><p>a</p>', "swf"),
        ('<form action="https://evil.example"><input name="pin"></form><p>a</p>', "form"),
        ('<div style="display:none">a</div>', "style"),
        (
            '<a class="video__link" href="https://youtu.be/x" data-embed="https://evil.example/">a</a>',
            "evil",
        ),
        ("<!-- komentar tersembunyi --><p>a</p>", "komentar"),
    ],
)
def test_dangerous_html_is_removed(raw, gone):
    cleaned = clean_html(raw)
    assert gone.lower() not in cleaned.lower(), cleaned


def test_nocookie_iframe_is_kept():
    raw = (
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Video" '
        'allowfullscreen onload="x()"></iframe>'
    )
    frame = soup(clean_html(raw)).iframe
    assert frame["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert frame["title"] == "Video" and "onload" not in frame.attrs


def test_external_links_get_noopener_internal_links_do_not():
    cleaned = soup(
        clean_html(
            '<a href="https://kemendesa.go.id" rel="opener">a</a> <a href="//contoh.id">b</a> '
            '<a href="/tentang/">c</a> <a href="{filename}/berita/a.md">d</a> '
            '<a href="mailto:desa@contoh.id">e</a> <a href="#fn:1">f</a>'
        )
    )
    rels = [a.get("rel") for a in cleaned.find_all("a")]
    assert rels == [["noopener"], ["noopener"], None, None, None, None]
    assert cleaned.find_all("a")[3]["href"] == "{filename}/berita/a.md"


@pytest.mark.parametrize(
    "title, told",
    [
        ("Nilai a<b dan b>c di Rapat", ["<b dan b>"]),  # bold "c", "dan b" gone
        ("Rapat <b onclick=x()>BPD</b>", ["<b onclick=x()>"]),
        ('Rapat <span class="caps">BPD</span> dan <abbr title="Badan">BPD</abbr>', []),
        ("Judul <b>Berita</b> <br />", []),
        ("Album <script>alert(1)</script> Jahat <img src=x>", ["<script>", "<img>"]),
    ],
)
def test_what_cleaning_takes_from_a_title_is_named(title, told):
    from content_guard.sanitize import removed_from_inline

    assert removed_from_inline(title) == told


def test_titles_keep_inline_text_only():
    assert clean_inline('Rapat <span class="caps">BPD</span><script>x()</script>') == (
        'Rapat <span class="caps">BPD</span>'
    )
    assert clean_inline('<img src=x onerror="alert(1)">Judul') == "Judul"


def test_unsafe_parts_names_what_is_removed_per_line():
    lines = list(
        enumerate(
            [
                "Paragraf biasa.",
                '<script src="https://evil.example/x.js"></script>',
                '<p onclick="x()">a</p> [b](javascript:alert(1))',
                '<iframe src="https://www.google.com/maps/embed?pb=1"></iframe>',
                '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>',
                "<a",  # a tag over two lines: its attribute on a line of its own
                '  href="data:text/html,x">b</a>',
                "Teks biasa tanpa tag, tanda sama dengan, atau tautan Markdown.",
            ],
            start=10,
        )
    )
    assert unsafe_parts(lines) == [
        (11, "<script>"),
        (12, "atribut onclick="),
        (12, "tautan javascript:"),
        (16, "tautan data:"),
    ]
    # Iframes are told apart (removed_iframes): YouTube's own embed code alone on its
    # line is the youtube plugin's player; any other says what to write instead.
    hint = "untuk menampilkan video YouTube, hapus kode <iframe> dan tempel alamat video"
    assert removed_iframes(lines, converted=True) == [
        (13, "<iframe> dari www.google.com", f"{hint} https://youtu.be/… di satu baris sendiri")
    ]


def test_removed_iframes_keeps_youtube_embed_code_only_where_it_is_converted():
    code = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=30"></iframe>'
    lines = [(1, code), (2, f"Lihat {code} ini."), (3, '<iframe src="/peta.html"></iframe>')]
    hint = "untuk menampilkan video YouTube, hapus kode <iframe> dan tempel alamat video"
    youtube = f"{hint} https://youtu.be/dQw4w9WgXcQ?t=30 di satu baris sendiri"
    assert removed_iframes(lines, converted=True) == [
        (2, "<iframe> video YouTube", youtube),
        (3, "<iframe> dari /peta.html", f"{hint} https://youtu.be/… di satu baris sendiri"),
    ]
    # Without the youtube plugin's Markdown extension nothing converts it: told too.
    assert removed_iframes(lines[:1], converted=False) == [(1, "<iframe> video YouTube", youtube)]


# --- In a real build ---------------------------------------------------------------

ARTICLE = """\
---
judul: "Kabar <em>Penting</em> <img src=x onerror=alert(1)>"
tanggal: 2024-06-05 09:00
kategori: Pemerintahan
ringkasan: "Ringkasan <script>alert('r')</script>aman."
---
Isi berita.

<script>alert("isi")</script>

<a href="https://contoh.desa.id" target="_blank" onclick="x()">Situs kecamatan</a>
"""


def make_content(folder):
    path = folder / "berita" / "kabar.md"
    path.parent.mkdir(parents=True)
    path.write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cleaned_site(tmp_path_factory):
    content = make_content(tmp_path_factory.mktemp("clean-content"))
    return build_site(tmp_path_factory.mktemp("clean") / "output", content=content)


@pytest.fixture(scope="module")
def trusted_site(tmp_path_factory):
    content = make_content(tmp_path_factory.mktemp("trusted-content"))
    return build_site(
        tmp_path_factory.mktemp("trusted") / "output", content=content, TRUSTED_HTML=True
    )


URL = "berita/2024/06/kabar-penting/"


def test_build_cleans_body_title_and_summary(cleaned_site):
    page = cleaned_site.text(URL)
    assert "alert(" not in page and "onerror" not in page and "onclick" not in page
    html = cleaned_site.html(URL)
    assert text_of(html.h1) == "Kabar Penting"
    link = html.find("a", href="https://contoh.desa.id")
    assert link["rel"] == ["noopener"] and "target" not in link.attrs
    assert "alert(" not in cleaned_site.text("")  # the summary on the home page
    assert "alert(" not in cleaned_site.text("feeds/all.atom.xml")


def test_build_warns_about_what_it_removed(cleaned_site):
    """In the body, and in the title and summary written in front matter (cleaned without
    a word before), each at its own line."""
    assert [w.split(": ", 1)[1] for w in cleaned_site.warnings] == [
        "HTML tidak aman dihapus dari halaman: <img> di judul (unsafe HTML removed) — judul "
        "hanya berisi teks (boleh <b>, <i>, <em>, <strong>); hapus kode HTML-nya",
        "HTML tidak aman dihapus dari halaman: <script> di ringkasan (unsafe HTML removed) — "
        "hapus dari ringkasan",
        "HTML tidak aman dihapus dari halaman: <script> (unsafe HTML removed) — hapus dari "
        "berkas: bagian ini tidak pernah ditampilkan",
        "HTML tidak aman dihapus dari halaman: atribut onclick= (unsafe HTML removed) — hapus "
        "dari berkas: bagian ini tidak pernah ditampilkan",
    ]  # never "set TRUSTED_HTML = True": that switches cleaning off for every page
    assert [w.split(": ", 1)[0].rsplit("/", 1)[1] for w in cleaned_site.warnings] == [
        "kabar.md:2",
        "kabar.md:5",
        "kabar.md:9",
        "kabar.md:11",
    ]


BRACKETS = """\
---
judul: Imunisasi Balita <5 Tahun dan Lansia >60 Tahun, Warga <Binangun> Datang
tanggal: 2024-06-06 09:00
kategori: Kesehatan
ringkasan: Anak usia <5 tahun & lansia >60 tahun mendapat layanan gratis.
---
Isi berita.
"""


HANDLERS = """\
---
judul: Rapat <x onmouseover=alert(document.domain)>Desa</x>
tanggal: 2024-06-07 09:00
kategori: <x onclick=alert(3)>Umum
label: ['<xss autofocus tabindex=1 onfocus=alert(2)>Gotong']
---
Isi berita.
"""


@pytest.fixture(scope="module")
def brackets_site(tmp_path_factory):
    content = make_content(tmp_path_factory.mktemp("brackets-content"))
    (content / "berita" / "imunisasi.md").write_text(BRACKETS, encoding="utf-8")
    (content / "berita" / "rapat.md").write_text(HANDLERS, encoding="utf-8")
    return build_site(tmp_path_factory.mktemp("brackets") / "output", content=content)


@pytest.mark.parametrize("path", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_feeds_carry_no_markup_a_reader_would_run(brackets_site, path):
    """Titles, categories and labels are plain text in feeds, for readers that render
    them as HTML: an element with attributes is taken out even when the page shows its
    brackets as text (Pelican's striptags decodes them again for the feed)."""
    import feedparser

    feed = feedparser.parse(brackets_site.text(path))
    texts = [e.title for e in feed.entries] + [
        t.term for e in feed.entries for t in e.get("tags", [])
    ]
    assert "Rapat Desa" in texts and "Gotong" in texts, texts
    for markup in ("onmouseover", "onclick", "onfocus", "<x", "alert"):
        assert not [t for t in texts if markup in t], (markup, texts)


def test_brackets_that_start_no_element_are_the_operators_text(brackets_site):
    """`<5 tahun`, `>60` and `<Binangun>` are text everywhere a reader meets the title and
    the summary: the page, the search engines' and WhatsApp's description, the feeds.
    Before, `<5 Tahun dan Lansia >` vanished from the feeds' titles and the description,
    and `<Binangun>` from every place."""
    import feedparser

    title = "Imunisasi Balita <5 Tahun dan Lansia >60 Tahun, Warga <Binangun> Datang"
    summary = "Anak usia <5 tahun & lansia >60 tahun mendapat layanan gratis."
    # The address is made as it always was (Pelican's slug of the title as written): an
    # article already published keeps its address when the kit is upgraded.
    url = "berita/2024/06/imunisasi-balita-60-tahun-warga-datang/"
    page = brackets_site.html(url)
    assert text_of(page.h1) == title
    assert page.title.get_text().startswith(title + " — ")
    assert page.find("meta", attrs={"name": "description"})["content"] == summary
    assert page.find("meta", property="og:description")["content"] == summary
    feed = feedparser.parse(brackets_site.text("feeds/all.atom.xml"))
    assert title in [entry.title for entry in feed.entries]
    assert not [w for w in brackets_site.warnings if "imunisasi.md" in w]


def test_trusted_html_is_left_as_written(trusted_site):
    page = trusted_site.text(URL)
    assert 'alert("isi")' in page and 'target="_blank"' in page
    assert trusted_site.warnings == []


# --- media addresses (media.media_in) ---------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>Tanpa gambar, hanya <a href='https://desa.id/x'>tautan</a>.</p>",
        '<p><img src="a.jpg" alt="A"></p>',
        '<P><IMG SRC="https://evil.example/a.jpg" SRCSET="b.jpg 2x"></P>',
        '<video poster="p.jpg"><source src="v.webm"><track src="t.vtt"></video>',
        '<audio src="a.mp3"/><input type="image" src="tombol.png">',
        "<p>&lt;img src=x&gt; ditulis sebagai teks</p>",
        "<!-- <img src='komentar.jpg'> --><imgx src='bukan.jpg'>",
        "",
    ],
)
def test_media_addresses_are_the_ones_the_html_parser_finds(html):
    reference = media._MediaFinder()
    reference.feed(html)
    reference.close()
    assert media.media_in(html) == reference.found


# --- Attributes readers see, YouTube players and hiding markup, in a real build ------------

PLAYERS = """\
---
judul: Musyawarah Desa
tanggal: 2024-06-05
kategori: Pemerintahan
---
Rapat <abbr title="Badan Permusyawaratan Desa">BPD</abbr> membahas
[laporan](https://kemendesa.go.id/ "Kementerian Desa") dan foto ![Balai desa](/images/balai.png "Balai").

<img src="/images/balai.png" alt="Warga kerja bakti di balai desa" title="Kerja bakti">

[Sambutan "Kepala" Desa -- BPD & warga](https://youtu.be/dQw4w9WgXcQ?t=90)

https://youtube.com/shorts/dQw4w9WgXcQ

<div class="video"><br><br><br><a href="https://hoki-raja.example/daftar">Daftar</a></div>
"""


@pytest.fixture(scope="module")
def players_site(tmp_path_factory):
    from PIL import Image

    content = tmp_path_factory.mktemp("players-content")
    (content / "berita").mkdir()
    (content / "berita" / "musdes.md").write_text(PLAYERS, encoding="utf-8")
    (content / "images").mkdir()
    Image.new("RGB", (40, 30), "green").save(content / "images" / "balai.png")
    return build_site(tmp_path_factory.mktemp("players") / "output", content=content)


def test_ordinary_attributes_and_real_players_pass(players_site):
    html = players_site.html("berita/2024/06/musyawarah-desa/")
    body = html.select_one(".prose")
    assert body.abbr["title"] == "Badan Permusyawaratan Desa"
    assert body.find("a", href="https://kemendesa.go.id/")["title"] == "Kementerian Desa"
    assert [(i["alt"], i.get("title")) for i in body.find_all("img") if "balai" in i["src"]] == [
        ("Balai desa", "Balai"),
        ("Warga kerja bakti di balai desa", "Kerja bakti"),
    ]
    players = body.select("figure.video")
    assert [p.get("class") for p in players] == [["video"], ["video", "video--short"]]
    assert [text_of(p.select_one(".video__title")) for p in players] == [
        "Sambutan “Kepala” Desa — BPD & warga",
        "Video YouTube",
    ]
    # The operator's box in the player's class: a plain box, the link in sight.
    lure = body.find("a", href="https://hoki-raja.example/daftar")
    assert lure.parent.name == "div" and lure.parent.get("class") is None
    assert players_site.warnings == []
    feed = players_site.text("feeds/all.atom.xml")  # the entry's HTML, escaped
    assert '&lt;div&gt;&lt;br&gt;&lt;br&gt;&lt;br&gt;&lt;a href="https://hoki-raja.example/' in feed
