"""A cover picture leads its feed entry, as it leads the page (article_extras.feeds)."""

import feedparser
from bs4 import BeautifulSoup
from PIL import Image

from tests.sitetools import build_site


def test_the_cover_leads_the_entry_with_its_absolute_address(tmp_path):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (1600, 1200), (10, 100, 30)).save(content / "images" / "musdes.jpg")
    (content / "berita" / "a.md").write_text(
        "---\njudul: Musdes Anggaran\ntanggal: 2024-06-05\ngambar: images/musdes.jpg\n"
        "keterangan_gambar: Warga di balai desa\n---\nIsi berita.\n",
        encoding="utf-8",
    )
    (content / "berita" / "b.md").write_text(
        "---\njudul: Tanpa Foto\ntanggal: 2024-06-04\n---\nIsi berita.\n", encoding="utf-8"
    )
    site = build_site(
        tmp_path / "output",
        settings="publishconf.py",
        content=content,
        siteurl="https://contoh.desa.id",
    )
    page = site.html("berita/2024/06/musdes-anggaran/")
    share = page.find("meta", property="og:image")["content"]
    for name in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        feed = feedparser.parse(site.path(name).read_bytes())
        entries = {e.title: e for e in feed.entries}
        html = (entries["Musdes Anggaran"].get("content") or [entries["Musdes Anggaran"]])[0]
        html = html.get("value") or html.get("summary")
        first = BeautifulSoup(html, "html.parser").find()
        assert first.name == "p" and first.img["src"] == share, name
        assert first.img["alt"] == "Warga di balai desa"
        assert share.startswith("https://contoh.desa.id/foto/")
        assert site.exists(share.removeprefix("https://contoh.desa.id/"))
        other = entries["Tanpa Foto"]
        text = (other.get("content") or [other])[0]
        assert "<img" not in (text.get("value") or text.get("summary")), name
