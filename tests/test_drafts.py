"""Drafts: the local preview shows them marked DRAF and noindex; production never
publishes them."""

import pytest

from tests.sitetools import build_site, text_of

FILES = {
    "berita/terbit.md": "---\njudul: Berita Sudah Terbit\ntanggal: 2024-06-05\n---\nIsi.\n",
    "berita/draf.md": (
        "---\njudul: Rahasia Rancangan APBDes\ntanggal: 2024-06-06\n"
        "status: draft\n---\nBelum boleh dibaca umum.\n"
    ),
    "pages/rencana.md": "---\njudul: Rencana Halaman Baru\nstatus: draf\n---\nNanti.\n",
}
DRAFT_TITLES = ("Rahasia Rancangan APBDes", "Rencana Halaman Baru")


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts") / "content"
    for name, text in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def preview(content, tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("preview") / "output", content=content)


@pytest.fixture(scope="module")
def production(content, tmp_path_factory):
    return build_site(
        tmp_path_factory.mktemp("production") / "output",
        settings="publishconf.py",
        content=content,
        siteurl="https://binangun.desa.id",
    )


@pytest.mark.parametrize(
    "url, title",
    [
        ("draf/rahasia-rancangan-apbdes/", "Rahasia Rancangan APBDes"),
        ("draf/halaman/rencana-halaman-baru/", "Rencana Halaman Baru"),
    ],
)
def test_preview_shows_drafts_marked_and_unindexed(preview, url, title):
    page = preview.html(url)
    assert text_of(page.h1) == title
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert text_of(page.select_one(".draft-notice")).startswith("DRAF — belum terbit")


def test_preview_lists_no_draft(preview):
    for url in ("", "arsip/", "feeds/all.atom.xml", "sitemap.xml"):
        text = preview.text(url)
        assert "berita-sudah-terbit/" in text
        assert not any(title in text for title in DRAFT_TITLES), url
    page = preview.html("berita/2024/06/berita-sudah-terbit/")
    assert not page.select_one(".draft-notice")
    assert not page.find("meta", attrs={"name": "robots"})


def test_production_publishes_no_draft(production):
    assert not (production.output / "draf").exists()
    for path in production.output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(t.encode() in data for t in DRAFT_TITLES), path
    assert production.exists("berita/2024/06/berita-sudah-terbit/")
