"""Class 4 of issue #10: the sanitizer and the Content-Security-Policy agree.

Built (one site): aligned tables without inline styles, YouTube frames whatever way
their address is bent (rebuilt from the video ID or dropped), classes outside the
allow-list and ids of the theme's own. Refused: pictures, video and sound from hosts
the policy blocks, on every attribute that loads them."""

import pytest
from PIL import Image

from content_guard.sanitize import CLASSES
from tests.hostile.hostile import article, assert_refused, check_content, scan_site, write_tree
from tests.sitetools import build_site

VIDEO = "dQw4w9WgXcQ"
NOCOOKIE = f"https://www.youtube-nocookie.com/embed/{VIDEO}"
BODY_LINE = 5  # article(): ---, judul, tanggal, ---, body

TABLE = """\
| Bidang | Anggaran | Status |
|:-------|---------:|:------:|
| Jalan  | 120 juta | selesai |
"""
FRAMES = {
    "garis-miring-terbalik": f'<iframe src="https://www.youtube-nocookie.com\\@evil.example/embed/{VIDEO}"></iframe>',
    "backslash-host": f'<iframe src="https:\\\\evil.example\\www.youtube-nocookie.com/embed/{VIDEO}"></iframe>',
    "userinfo": f'<iframe src="https://evil.example@www.youtube-nocookie.com/embed/{VIDEO}"></iframe>',
    "akhiran-host": f'<iframe src="https://www.youtube-nocookie.com.evil.example/embed/{VIDEO}"></iframe>',
    "parameter-origin": f'<iframe src="{NOCOOKIE}?autoplay=1&amp;origin=https://evil.example&amp;x=%22"></iframe>',
    "tab-di-host": f'<iframe src="https://www.you&#9;tube-nocookie.com/embed/{VIDEO}"></iframe>',
    "huruf-besar": f'<iframe src="HTTPS://WWW.YOUTUBE-NOCOOKIE.COM/embed/{VIDEO}"></iframe>',
    "javascript": '<iframe src="javascript:alert(1)"></iframe>',
    "data-embed": f'<a class="video__link" href="https://youtu.be/{VIDEO}" data-embed="https://evil.example\\@www.youtube-nocookie.com/embed/{VIDEO}">Video</a>',
}
CLASSES_AND_IDS = """\
<p class="skip">Teks yang ditaruh di luar layar.</p>

<p class="copy__status sr-only caps" id="tautan">Mengambil id kotak bagikan.</p>

## Bagian {#bagikan .share}

<h2 id="isi">Isi</h2>

[Ke bagian](#bagikan) dan [ke tautan](#tautan). Catatan[^1].

[^1]: Catatan kaki tetap bekerja.
"""


@pytest.fixture(scope="session")
def sanitized_site(tmp_path_factory):
    files = {
        "berita/tabel.md": article(TABLE, judul="Tabel anggaran"),
        "berita/kelas.md": article(CLASSES_AND_IDS, judul="Kelas dan id"),
        "berita/judul-kelas.md": article(
            judul='Judul <span class="skip copy__status">tersembunyi</span> kelas'
        ),
    }
    for name, html in FRAMES.items():
        files[f"berita/frame-{name}.md"] = article(f"Video:\n\n{html}\n", judul=f"Frame {name}")
    content = write_tree(tmp_path_factory.mktemp("sanitizer-content"), files)
    return build_site(tmp_path_factory.mktemp("sanitizer") / "output", content=content)


def page(site, title):
    return site.html(f"berita/2024/06/{title}/")


def test_nothing_active_and_no_inline_style_anywhere(sanitized_site):
    assert scan_site(sanitized_site.output) == []  # includes: no style= attribute at all


def test_table_cells_are_aligned_with_classes(sanitized_site):
    table = page(sanitized_site, "tabel-anggaran").table
    assert [th.get("class") for th in table.select("th")] == [
        ["align-left"],
        ["align-right"],
        ["align-center"],
    ]
    assert all(cell.get("style") is None for cell in table.select("th, td"))
    css = sanitized_site.text("theme/css/style.css")
    assert ".align-right{text-align:right}" in css and ".align-center{text-align:center}" in css


PLAYER = "the kit's player"


@pytest.mark.parametrize(
    "name, kept",
    [
        ("garis-miring-terbalik", None),
        ("backslash-host", None),
        # YouTube's embed code alone on its line (a browser loads it from the nocookie
        # host) becomes the kit's player, rebuilt from the ID (youtube/iframes.py).
        ("userinfo", PLAYER),
        ("akhiran-host", None),
        ("parameter-origin", PLAYER),
        ("tab-di-host", NOCOOKIE),
        ("huruf-besar", PLAYER),
        ("javascript", None),
    ],
)
def test_frames_are_rebuilt_from_the_video_id_or_dropped(sanitized_site, name, kept):
    prose = page(sanitized_site, f"frame-{name}").select_one(".prose")
    frames = [frame["src"] for frame in prose.select("iframe")]
    players = [figure["data-video"] for figure in prose.select("figure.video")]
    if kept == PLAYER:
        assert (frames, players) == ([], [VIDEO])
        assert "evil" not in str(prose) and "origin" not in str(prose)
    else:
        assert (frames, players) == ([kept] if kept else [], [])


def test_a_player_link_to_another_host_loses_its_embed(sanitized_site):
    # Written by hand, not the plugin's player markup: it loses the player's class too.
    link = page(sanitized_site, "frame-data-embed").select_one(f'.prose a[href$="/{VIDEO}"]')
    assert "data-embed" not in link.attrs and "class" not in link.attrs


def test_classes_outside_the_allow_list_are_dropped(sanitized_site):
    prose = page(sanitized_site, "kelas-dan-id").select_one(".prose")
    used = {name for tag in prose.find_all(True) for name in tag.get("class", [])}
    assert used <= CLASSES and "caps" in used
    assert not prose.select(".skip, .sr-only, .share, .copy__status")


def test_a_title_keeps_no_theme_class(sanitized_site):
    html = page(sanitized_site, "judul-tersembunyi-kelas")
    assert not html.select(".post__head .skip, .post__head .copy__status")
    assert "tersembunyi" in html.h1.get_text()
    assert not sanitized_site.html("").select("main .skip, main .copy__status")


def test_body_ids_never_take_a_theme_id(sanitized_site):
    html = page(sanitized_site, "kelas-dan-id")
    assert html.find(id="tautan").name == "input"  # the share box still has its input
    assert html.find(id="isi").name == "main"  # the skip link still lands on <main>
    assert (
        html.find(id="bagikan").name == "h2" and "share" in html.find(id="bagikan").parent["class"]
    )
    prose = html.select_one(".prose")
    ids = [tag["id"] for tag in prose.find_all(id=True)]
    assert {"isi-tautan", "isi-bagikan", "isi-isi"} <= set(ids)
    assert all(i.startswith(("isi-", "fn:", "fnref:")) for i in ids)
    hrefs = [a["href"] for a in prose.find_all("a", href=True)]
    assert "#isi-bagikan" in hrefs and "#isi-tautan" in hrefs and "#fn:1" in hrefs


# --- Refused: media from hosts the policy blocks ----------------------------------

MEDIA = {
    "srcset": '<img src="{static}/images/foto.png" alt="Foto" srcset="https://evil.example/a.png 2x">',
    "srcset-backslash": '<img src="{static}/images/foto.png" alt="Foto" srcset="https:\\\\evil.example\\a.png 2x">',
    "poster": '<video controls poster="https://evil.example/p.jpg" src="{static}/files/v.mp4"></video>',
    "video-src": '<video controls src="https://evil.example/v.mp4"></video>',
    "audio-src": '<audio controls src="https://evil.example/a.mp3"></audio>',
    "picture-source": '<picture><source srcset="https://evil.example/x.webp"><img src="{static}/images/foto.png" alt="Foto"></picture>',
    "source-src": '<video controls><source src="//evil.example/v.webm" type="video/webm"></video>',
    "upper-case": '<VIDEO CONTROLS SRC="https://evil.example/v.mp4"></VIDEO>',
}


@pytest.fixture(scope="session")
def media_errors(tmp_path_factory):
    files = {
        f"berita/{name}.md": article(html + "\n", judul=f"Media {name}")
        for name, html in MEDIA.items()
    }
    files["berita/boleh.md"] = article(
        '<video controls poster="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" '
        'src="{static}/files/v.mp4"></video>\n',
        judul="Media yang boleh",
    )
    files["files/v.mp4"] = b"\x00\x00\x00\x18ftypmp42"
    content = write_tree(tmp_path_factory.mktemp("media-content"), files)
    (content / "images").mkdir()
    Image.new("RGB", (20, 20), "blue").save(content / "images" / "foto.png")
    errors, _ = check_content(content)
    return content, errors


@pytest.mark.parametrize("name", MEDIA)
def test_media_from_a_blocked_host_is_refused(media_errors, name):
    content, errors = media_errors
    assert_refused(
        errors,
        content,
        f"berita/{name}.md",
        BODY_LINE,
        "tidak diizinkan CONTENT_SECURITY_POLICY",
        "evil.example",
    )


def test_media_from_allowed_hosts_is_accepted(media_errors):
    content, errors = media_errors
    assert not [e for e in errors if "boleh.md" in e]
