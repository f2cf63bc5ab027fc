"""Lists as typed on a phone or pasted from WhatsApp (article_extras.typed_lists)."""

import re

import markdown
import pytest

from tests.sitetools import build_site


def convert(text):
    md = markdown.Markdown(
        extensions=["markdown.extensions.extra", "article_extras.typed_lists"],
        output_format="html5",
    )
    return re.sub(r">\n+<", "><", md.convert(text))  # the lines between tags only


@pytest.mark.parametrize(
    "text, html",
    [
        # Right under a line of text, as GitHub's preview shows it.
        (
            "Yang perlu dibawa:\n- Cangkul\n- Sabit\n\nSelesai.",
            "<p>Yang perlu dibawa:</p><ul><li>Cangkul</li><li>Sabit</li></ul><p>Selesai.</p>",
        ),
        (
            "Acara:\n1) Pembukaan\n2) Sambutan",
            "<p>Acara:</p><ol><li>Pembukaan</li><li>Sambutan</li></ol>",
        ),
        (
            "Acara:\n1. Pembukaan\n2. Sambutan",
            "<p>Acara:</p><ol><li>Pembukaan</li><li>Sambutan</li></ol>",
        ),
        ("• Cangkul\n•Sabit", "<ul><li>Cangkul</li><li>Sabit</li></ul>"),
        ("Bawa:\n* satu\n+ dua", "<p>Bawa:</p><ul><li>satu</li><li>dua</li></ul>"),
        # Left as Markdown reads them.
        ("pada tahun\n2024. Warga datang", "<p>pada tahun\n2024. Warga datang</p>"),
        ("Teks\n- - -\nlagi", "<p>Teks</p><hr><p>lagi</p>"),
        ("- a\n  lanjut\n- b", "<ul><li>a\n  lanjut</li><li>b</li></ul>"),
        ("- a\n\n- b", "<ul><li><p>a</p></li><li><p>b</p></li></ul>"),
        ("```\nkode\n- bukan\n1) bukan\n```", "<pre><code>kode\n- bukan\n1) bukan\n</code></pre>"),
        ('<div markdown="0">\nTeks\n- bukan\n</div>', '<div markdown="0">\nTeks\n- bukan\n</div>'),
        ("*Foto: dok. desa*\nlanjutan", "<p><em>Foto: dok. desa</em>\nlanjutan</p>"),
        ("Kurs 1)2 tidak", "<p>Kurs 1)2 tidak</p>"),
    ],
)
def test_typed_lists(text, html):
    assert convert(text) == html


def test_in_a_build_a_pasted_list_is_a_list(tmp_path):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "berita" / "daftar.md").write_text(
        "---\njudul: Kerja Bakti Minggu\ntanggal: 2024-06-05\n---\n"
        "Yang perlu dibawa:\n• Cangkul\n• Sabit\n\nSusunan acara:\n1) Pembukaan\n2) Doa\n",
        encoding="utf-8",
    )
    page = build_site(tmp_path / "output", content=content).html(
        "berita/2024/06/kerja-bakti-minggu/"
    )
    prose = page.select_one(".prose")
    assert [li.get_text() for li in prose.select("ul > li")] == ["Cangkul", "Sabit"]
    assert [li.get_text() for li in prose.select("ol > li")] == ["Pembukaan", "Doa"]
