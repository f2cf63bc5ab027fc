"""YouTube's own embed code ("Bagikan > Sematkan"), pasted alone on its line, becomes the
kit's player: the same markup as the address written alone on a line, no warning. Any
other iframe is still removed, with a message that says what to write instead."""

import textwrap

import pytest

from tests.sitetools import build_site
from youtube.iframes import pasted_video

# Exactly what YouTube's Embed button gives.
EMBED_CODE = (
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=AbC" '
    'title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; '
    'clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>'
)
START_CODE = (
    '<iframe width="560" height="315" '
    'src="https://www.youtube-nocookie.com/embed/BODYVIDEO01?si=x&amp;start=90" '
    'title="YouTube video player" frameborder="0" allowfullscreen></iframe>'
)
MAPS = '<iframe src="https://www.google.com/maps/embed?pb=1" width="600"></iframe>'

ARTICLES = {
    "sematan.md": f"""
        ---
        title: Video Sematan
        date: 2024-06-05 09:00
        category: Pemerintahan
        ---
        Rekaman musyawarah:
        {EMBED_CODE}
        Bagian kedua:

        {START_CODE}

        ```html
        {EMBED_CODE}
        ```
        """,
    "alamat.md": """
        ---
        title: Video Alamat
        date: 2024-06-06 09:00
        category: Pemerintahan
        ---
        Rekaman musyawarah:

        https://youtu.be/dQw4w9WgXcQ?si=AbC

        Bagian kedua:

        https://youtu.be/BODYVIDEO01?t=90
        """,
    "lain.md": f"""
        ---
        title: Iframe Lain
        date: 2024-06-07 09:00
        category: Pemerintahan
        ---
        Peta balai desa:

        {MAPS}

        Video di tengah kalimat: lihat {EMBED_CODE} di sini.
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("iframes")
    for name, text in ARTICLES.items():
        path = content / "berita" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return build_site(tmp_path_factory.mktemp("iframes-out") / "output", content=content)


def players(site, url):
    return [str(figure) for figure in site.html(url).select(".prose figure.video")]


def test_youtube_embed_code_becomes_the_kits_player(site):
    pasted = players(site, "berita/2024/06/video-sematan/")
    written = players(site, "berita/2024/06/video-alamat/")
    assert len(pasted) == 2
    assert pasted == written  # the same player as the address alone on its line
    assert 'data-video="dQw4w9WgXcQ"' in pasted[0]
    assert "start=90" in pasted[1]  # the start time is kept
    page = site.html("berita/2024/06/video-sematan/")
    # No iframe loads YouTube before the reader asks; the code block stays code.
    assert not page.select(".prose iframe")
    assert "youtube.com/embed/dQw4w9WgXcQ" in page.select_one(".prose pre").get_text()
    assert page.select_one('script[src$="video.js"]') is not None


def test_no_warning_for_the_embed_code_and_a_clear_one_for_other_iframes(site):
    messages = [w.split("/berita/", 1)[1] for w in site.warnings]
    assert messages == [
        "lain.md:8: HTML tidak aman dihapus dari halaman: <iframe> dari www.google.com "
        "(unsafe HTML removed) — untuk menampilkan video YouTube, hapus kode <iframe> dan "
        "tempel alamat video https://youtu.be/… di satu baris sendiri",
        "lain.md:10: HTML tidak aman dihapus dari halaman: <iframe> video YouTube (unsafe "
        "HTML removed) — untuk menampilkan video YouTube, hapus kode <iframe> dan tempel "
        "alamat video https://youtu.be/dQw4w9WgXcQ di satu baris sendiri",
    ]
    assert not any("TRUSTED_HTML" in w for w in site.warnings)
    page = site.html("berita/2024/06/iframe-lain/")
    assert not page.select(".prose iframe, .prose figure.video")


@pytest.mark.parametrize(
    ("line", "address"),
    [
        (EMBED_CODE, "https://youtu.be/dQw4w9WgXcQ"),
        ("   " + START_CODE + "  ", "https://youtu.be/BODYVIDEO01?t=90"),
        ("<IFRAME SRC='//youtu.be/dQw4w9WgXcQ?t=5'></IFRAME>", "https://youtu.be/dQw4w9WgXcQ?t=5"),
        ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXc"></iframe>', None),  # 10 chars
        ('<iframe src="https://www.youtube.com/embed/videoseries?list=PL1"></iframe>', None),
        ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=x"></iframe>', None),
        ("    " + EMBED_CODE, None),  # four spaces: a code block
        ("Lihat " + EMBED_CODE, None),  # inside a sentence
        (MAPS, None),
    ],
)
def test_which_lines_are_converted(line, address):
    assert pasted_video(line) == address
