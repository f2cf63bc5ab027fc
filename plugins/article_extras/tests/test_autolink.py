"""A web address written as plain text is a link (article_extras.autolink)."""

import markdown
import pytest

from tests.sitetools import build_site


def convert(text):
    md = markdown.Markdown(
        extensions=["markdown.extensions.extra", "article_extras.autolink"], output_format="html5"
    )
    return md.convert(text)


@pytest.mark.parametrize(
    "text, html",
    [
        (
            "Lihat https://desa.id/a.",
            '<p>Lihat <a href="https://desa.id/a">https://desa.id/a</a>.</p>',
        ),
        (
            "(lihat https://desa.id/a_b_c)",
            '<p>(lihat <a href="https://desa.id/a_b_c">https://desa.id/a_b_c</a>)</p>',
        ),
        (
            "Di https://id.wikipedia.org/wiki/Desa_(Indonesia), baca",
            '<p>Di <a href="https://id.wikipedia.org/wiki/Desa_(Indonesia)">'
            "https://id.wikipedia.org/wiki/Desa_(Indonesia)</a>, baca</p>",
        ),
        (
            "Unduh http://desa.id/f/a.pdf?v=1&x=2!",
            '<p>Unduh <a href="http://desa.id/f/a.pdf?v=1&amp;x=2">'
            "http://desa.id/f/a.pdf?v=1&amp;x=2</a>!</p>",
        ),
        # Already a link, code, raw HTML, not a whole address: left as they were.
        ("[teks](https://x.id/)", '<p><a href="https://x.id/">teks</a></p>'),
        ("[https://x.id/](https://x.id/)", '<p><a href="https://x.id/">https://x.id/</a></p>'),
        ("<https://y.id/>", '<p><a href="https://y.id/">https://y.id/</a></p>'),
        ("`https://code.id/`", "<p><code>https://code.id/</code></p>"),
        ('<a href="https://raw.id/">raw</a>', '<p><a href="https://raw.id/">raw</a></p>'),
        ("alamat https:// saja", "<p>alamat https:// saja</p>"),
        # An address inside an attribute of raw inline HTML stays in it.
        (
            'Foto <img src="a.jpg" alt="dari https://desa.id/x"> di sini',
            '<p>Foto <img src="a.jpg" alt="dari https://desa.id/x"> di sini</p>',
        ),
        (
            '<a title="ke https://x.id/" href="/y/">y</a>',
            '<p><a title="ke https://x.id/" href="/y/">y</a></p>',
        ),
        # A code span right after it is no part of the address.
        (
            "https://a.com/`kode`",
            '<p><a href="https://a.com/">https://a.com/</a><code>kode</code></p>',
        ),
        ("ftp://desa.id/x", "<p>ftp://desa.id/x</p>"),
    ],
)
def test_a_bare_address_becomes_a_link(text, html):
    assert convert(text) == html


def test_in_a_build_the_address_is_a_cleaned_link_and_a_video_stays_a_player(tmp_path):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "berita" / "tautan.md").write_text(
        "---\njudul: Tautan Polos\ntanggal: 2024-06-05\n---\n"
        "Informasi lengkap di https://kemendesa.go.id/berita/dana-desa.\n\n"
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path / "output", content=content)
    page = site.html("berita/2024/06/tautan-polos/")
    link = page.find("a", href="https://kemendesa.go.id/berita/dana-desa")
    assert link is not None and link["rel"] == ["noopener"]
    assert link.get_text() == "https://kemendesa.go.id/berita/dana-desa"
    assert page.select_one("figure.video")  # alone on its line: still the player
