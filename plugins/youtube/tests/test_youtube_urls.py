"""Every YouTube address form operators copy, start times, and the addresses we refuse."""

import pytest

from youtube import embed
from youtube.markdown_ext import plain_title, standalone_address
from youtube.urls import InvalidVideo, Video, looks_like_youtube, parse, parse_start

ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "address, expected",
    [
        # youtube.com/watch with parameters in any order
        (f"https://www.youtube.com/watch?v={ID}", Video(ID)),
        (f"https://www.youtube.com/watch?v={ID}&t=90", Video(ID, 90)),
        (f"https://www.youtube.com/watch?v={ID}&t=90s", Video(ID, 90)),
        (f"https://www.youtube.com/watch?v={ID}&t=1m30s", Video(ID, 90)),
        (f"https://www.youtube.com/watch?v={ID}&t=1h2m3s", Video(ID, 3723)),
        (f"https://www.youtube.com/watch?v={ID}&list=PL0123456789abcdef&index=3", Video(ID)),
        (
            f"https://www.youtube.com/watch?v={ID}&feature=youtu.be&ab_channel=DesaBinangun",
            Video(ID),
        ),
        (f"https://www.youtube.com/watch?feature=share&v={ID}&t=15", Video(ID, 15)),
        (f"https://www.youtube.com/watch?app=desktop&v={ID}#t=2m", Video(ID, 120)),
        (f"http://youtube.com/watch?v={ID}", Video(ID)),
        (f"youtube.com/watch?v={ID}", Video(ID)),
        (f"www.youtube.com/watch?v={ID}&t=45s", Video(ID, 45)),
        (f"https://m.youtube.com/watch?v={ID}&t=1m", Video(ID, 60)),
        (f"https://music.youtube.com/watch?v={ID}", Video(ID)),
        # youtu.be share links (si= tracking dropped)
        (f"https://youtu.be/{ID}", Video(ID)),
        (f"https://youtu.be/{ID}?si=AbCdEfGhIjKlMnOp", Video(ID)),
        (f"https://youtu.be/{ID}?si=AbCdEfGhIjKlMnOp&t=125", Video(ID, 125)),
        (f"youtu.be/{ID}?t=1m5s", Video(ID, 65)),
        (f"www.youtu.be/{ID}", Video(ID)),
        (f"<https://youtu.be/{ID}>", Video(ID)),
        (f"//youtu.be/{ID}", Video(ID)),
        # embed, shorts, live, old /v/, privacy-enhanced embed
        (f"https://www.youtube.com/embed/{ID}", Video(ID)),
        (f"https://www.youtube.com/embed/{ID}?start=30&rel=0", Video(ID, 30)),
        (f"https://www.youtube.com/shorts/{ID}", Video(ID, 0, "short")),
        (f"youtube.com/shorts/{ID}?feature=share", Video(ID, 0, "short")),
        (f"https://m.youtube.com/shorts/{ID}", Video(ID, 0, "short")),
        (f"https://www.youtube.com/live/{ID}?si=abc", Video(ID)),
        (f"https://youtube.com/live/{ID}?t=3600", Video(ID, 3600)),
        (f"https://www.youtube.com/v/{ID}", Video(ID)),
        (f"https://www.youtube-nocookie.com/embed/{ID}", Video(ID)),
        (f"youtube-nocookie.com/embed/{ID}?start=12", Video(ID, 12)),
        # IDs with - and _
        ("https://youtu.be/a--b_cdEFGH", Video("a--b_cdEFGH")),
        ("https://www.youtube.com/watch?v=_-_-_-_-_-_", Video("_-_-_-_-_-_")),
    ],
)
def test_every_address_form(address, expected):
    assert parse(address) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://vimeo.com/123456",
        "https://example.desa.id/youtube.com/watch?v=dQw4w9WgXcQ",
        "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
        "Selesai.",
        "",
        "ftp://youtube.com/watch?v=x",
        f"tonton https://youtu.be/{ID}",
        ID,
    ],
)
def test_other_text_is_not_youtube(text):
    assert parse(text) is None


def test_bare_id_only_when_allowed():
    assert parse(ID) is None
    assert parse(ID, allow_bare_id=True) == Video(ID)
    assert parse(f" {ID} ", allow_bare_id=True) == Video(ID)
    assert parse(f"https://youtu.be/{ID}?t=9", allow_bare_id=True) == Video(ID, 9)


@pytest.mark.parametrize(
    "address, words",
    [
        ("https://youtu.be/dQw4w9WgXc", ["'dQw4w9WgXc'", "11 karakter", "bukan 10"]),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQQ", ["11 karakter", "bukan 12"]),
        (
            "https://www.youtube.com/watch?v=dQw4w9WgX!Q",
            ["karakter yang tidak boleh", "dQw4w9WgX!Q"],
        ),
        ("https://www.youtube.com/watch?v=dQw4w9Wg%20XQ", ["karakter yang tidak boleh"]),
        ("https://www.youtube.com/watch?feature=share", ["tanpa v=ID"]),
        ("https://www.youtube.com/watch?v=", ["tanpa v=ID"]),
        ("https://www.youtube.com/@DesaBinangun", ["kanal"]),
        ("https://www.youtube.com/channel/UC1234567890abcdefghijkl", ["kanal"]),
        ("https://www.youtube.com/c/DesaBinangun", ["kanal"]),
        ("https://www.youtube.com/user/desabinangun/videos", ["kanal"]),
        ("https://www.youtube.com/playlist?list=PL0123456789abcdef", ["daftar putar"]),
        ("https://www.youtube.com/embed/videoseries?list=PL0123456789abcdef", ["daftar putar"]),
        ("https://www.youtube.com/?list=PL0123456789abcdef", ["daftar putar"]),
        ("https://www.youtube.com/", ["halaman depan"]),
        ("youtube.com", ["halaman depan"]),
        ("https://youtu.be/", ["setelah youtu.be/"]),
        ("https://www.youtube.com/shorts/", ["/shorts/", "tanpa ID"]),
        (
            "https://www.youtube.com/results?search_query=musdes",
            ["'/results'", "bukan alamat video"],
        ),
        ("https://www.youtube-nocookie.com/", ["/embed/ID"]),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=kemarin", ["waktu mulai", "t=kemarin"]),
    ],
)
def test_youtube_addresses_without_a_valid_video_are_refused(address, words):
    with pytest.raises(InvalidVideo) as refused:
        parse(address)
    for word in words:
        assert word in refused.value.reason
    assert refused.value.hint


@pytest.mark.parametrize(
    "value, seconds",
    [
        ("0", 0),
        ("90", 90),
        ("90s", 90),
        ("1m", 60),
        ("1m30s", 90),
        ("1m30", 90),
        ("2h", 7200),
        ("1h2m3s", 3723),
        ("1H2M3S", 3723),
        ("1:30", 90),
        ("1:02:03", 3723),
    ],
)
def test_start_times(value, seconds):
    assert parse_start(value) == seconds


@pytest.mark.parametrize("value", ["", "abc", "1x", "-5", "1.5", "m30s"])
def test_bad_start_times(value):
    with pytest.raises(InvalidVideo, match="waktu mulai"):
        parse_start(value)


def test_looks_like_youtube():
    assert looks_like_youtube("https://www.youtube.com/@desa")
    assert looks_like_youtube("youtu.be/x")
    assert not looks_like_youtube("https://example.com/youtube")


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        (f"https://youtu.be/{ID}", (f"https://youtu.be/{ID}", None)),
        (f"  <https://youtu.be/{ID}>  ", (f"https://youtu.be/{ID}", None)),
        (f"[Rapat desa](https://youtu.be/{ID})", (f"https://youtu.be/{ID}", "Rapat desa")),
        (f'[Rapat](https://youtu.be/{ID} "judul")', (f"https://youtu.be/{ID}", "Rapat")),
        (f"[Rapat](<https://youtu.be/{ID}>)", (f"https://youtu.be/{ID}", "Rapat")),
        (f"Tonton https://youtu.be/{ID}", None),
        (f"[Rapat](https://youtu.be/{ID}) kemarin", None),
        ("", None),
    ],
)
def test_standalone_address(paragraph, expected):
    assert standalone_address(paragraph) == expected


@pytest.mark.parametrize(
    "text, title",
    [
        ("Rapat **BPD** desa", "Rapat BPD desa"),
        ("Kerja _bakti_ RT\\_01", "Kerja bakti RT_01"),
        ("  Musdes\n2024 ", "Musdes 2024"),
        ("https://youtu.be/dQw4w9WgXcQ", None),
        ("youtu.be/dQw4w9WgXcQ", None),
        ("www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("", None),
        (None, None),
    ],
)
def test_link_text_becomes_a_plain_title(text, title):
    assert plain_title(text) == title


def test_render_escapes_and_defaults():
    html = embed.render(Video(ID, 90), 'Rapat "BPD" <desa> & warga')
    assert 'data-title="Rapat &quot;BPD&quot; &lt;desa&gt; &amp; warga"' in html
    assert '<span class="video__title">Rapat "BPD" &lt;desa&gt; &amp; warga</span>' in html
    assert f'href="https://www.youtube.com/watch?v={ID}&amp;t=90s"' in html
    assert (
        f'data-embed="https://www.youtube-nocookie.com/embed/{ID}?autoplay=1&amp;start=90"' in html
    )
    assert 'data-title="Video YouTube"' in embed.render(Video(ID), "  ")
    short = embed.render(Video(ID, 5, "short"))
    assert 'class="video video--short"' in short
    assert f'href="https://www.youtube.com/shorts/{ID}?t=5s"' in short


def test_scan_keeps_one_markdown_and_starts_each_body_afresh():
    """scan() reuses its Markdown instance for the same settings (making one costs about a
    millisecond) and finds in each body only that body's addresses."""
    from youtube import markdown_ext

    settings = {"extensions": ["markdown.extensions.extra"], "output_format": "html5"}
    first = markdown_ext.scan("Teks.\n\nhttps://youtu.be/dQw4w9WgXcQ\n", settings)
    kept = dict(markdown_ext._scanners)
    second = markdown_ext.scan("Tanpa video.\n\n[x](https://example.com)\n", settings)
    third = markdown_ext.scan("<https://www.youtube.com/watch?v=aqz-KE-bpKQ>\n", settings)
    assert [found.address for found in first] == ["https://youtu.be/dQw4w9WgXcQ"]
    assert second == []
    assert [found.video.id for found in third] == ["aqz-KE-bpKQ"]
    assert markdown_ext._scanners == kept  # the same instance all along
    other = markdown_ext.scan("https://youtu.be/dQw4w9WgXcQ\n", {**settings, "tab_length": 2})
    assert len(other) == 1 and len(markdown_ext._scanners) == len(kept) + 1
