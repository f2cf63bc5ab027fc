"""Summaries nobody wrote: text only on the lists, and not printed again above the body
(article_extras.summaries)."""

import pytest
from PIL import Image

from tests.sitetools import build_site, text_of

OPENING = (
    "Warga Dusun Krajan antre sejak pagi untuk menerima bantuan beras dari pemerintah desa. "
    "Setiap keluarga penerima mendapat sepuluh kilogram beras dan satu liter minyak goreng, "
    "dibagikan di balai desa oleh perangkat desa bersama pendamping."
)


def article(folder, name, front, body):
    (folder / f"{name}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("summaries")
    content = root / "content"
    (content / "berita").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (1200, 900), (40, 120, 60)).save(content / "images" / "antre.jpg")
    berita = content / "berita"
    article(
        berita,
        "foto",
        "judul: Bantuan Beras\ntanggal: 2024-06-05 09:00\n",
        "![Warga antre di balai desa](images/antre.jpg)\n\n"
        + OPENING
        + "\n\nKepala desa hadir dan berpesan agar bantuan dipakai sebaik-baiknya oleh "
        "setiap keluarga, terutama yang memiliki balita dan warga lanjut usia.\n",
    )
    article(
        berita,
        "video",
        "judul: Video Kerja Bakti\ntanggal: 2024-06-04 09:00\n",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nWarga kerja bakti membersihkan saluran.\n",
    )
    article(
        berita,
        "ringkas",
        "judul: Rapat Anggaran\ntanggal: 2024-06-03 09:00\n"
        "ringkasan: BPD dan warga membahas rancangan APBDes.\n",
        "![Rapat](images/antre.jpg)\n\nRapat berlangsung di balai desa.\n",
    )
    article(
        berita,
        "polos",
        "judul: Jadwal Ronda\ntanggal: 2024-06-02 09:00\n",
        "Ronda malam dimulai pekan depan.\n",
    )
    return build_site(root / "output", content=content)


def test_an_unwritten_summary_is_not_printed_above_the_body(site):
    page = site.html("berita/2024/06/bantuan-beras/")
    assert page.select(".lede") == []
    body = text_of(page.select_one("article.post"))
    assert body.count("Warga Dusun Krajan antre sejak pagi") == 1
    assert page.select_one(".prose img, .prose picture")  # the photo stays in the body
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Warga Dusun Krajan antre sejak pagi")
    assert site.html("berita/2024/06/jadwal-ronda/").select(".lede") == []


def test_a_written_summary_is_the_lead(site):
    page = site.html("berita/2024/06/rapat-anggaran/")
    assert [text_of(lede) for lede in page.select(".lede")] == [
        "BPD dan warga membahas rancangan APBDes."
    ]


def test_cards_show_the_words_without_the_bodys_pictures_or_players(site):
    cards = {
        text_of(card.select_one(".card__title")): card.select_one(".card__sum")
        for card in site.html("").select("article.card")
    }
    photo = cards["Bantuan Beras"]
    assert photo.select("img, picture, figure, iframe") == []
    assert text_of(photo).startswith("Warga Dusun Krajan antre sejak pagi")
    assert text_of(photo).endswith("…")  # still cut at SUMMARY_MAX_LENGTH words
    video = cards["Video Kerja Bakti"]
    assert video.select("img, picture, figure, iframe") == []
    assert text_of(video) == "Warga kerja bakti membersihkan saluran."
    assert text_of(cards["Rapat Anggaran"]) == "BPD dan warga membahas rancangan APBDes."
    assert text_of(cards["Jadwal Ronda"]) == "Ronda malam dimulai pekan depan."
