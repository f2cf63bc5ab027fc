"""Gambling spam and hidden text: what is caught, what ordinary village news may say."""

import pytest

from content_guard.spam import (
    PHRASE_WORDS,
    gambling_host,
    hidden_text,
    phrase_seen,
    spam_links,
    spam_text,
)
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
    ],
)
def test_visible_html_is_not_hidden_text(html):
    assert hidden_text(numbered(html)) == []


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
    monkeypatch.setattr(spam, "_could_hold_phrase_anywhere", lambda _texts: True)
    assert found == [spam_text(lines) for lines in texts]
    assert sum(1 for result in found if result) > 200  # the texts do hold phrases
