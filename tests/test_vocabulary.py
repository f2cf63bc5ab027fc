"""One vocabulary for operators: the sample articles, the guide and the messages use the
Indonesian front matter keys (the English ones keep working)."""

import re

import pytest

from front_matter.source import ALIASES, read_source
from tests.sitetools import ROOT, SAMPLE, build_site
from wartadesa.build import BuildFailed

# Keys that have no Indonesian alias: written as they are.
NO_ALIAS = {"slug", "status", "youtube", "youtube_title", "lang", "template"}


@pytest.mark.parametrize("path", sorted((SAMPLE / "content").rglob("*.md")), ids=lambda p: p.name)
def test_sample_content_uses_the_indonesian_keys(path):
    text = path.read_text(encoding="utf-8")
    head = text.split("\n---\n", 1)[0]
    written = re.findall(r"^([a-z_]+):", head, flags=re.M)
    assert written, path
    for key in written:
        assert key in ALIASES or key in NO_ALIAS, (
            f"{path.name}: '{key}:' (write the Indonesian key)"
        )
    assert read_source(path).meta["title"]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("---\ntanggal: 2024-06-05\n---\nIsi.\n", 1, "isi baris  judul: Judul berita"),
        ("---\njudul: Rapat\n---\nIsi.\n", 1, "isi baris  tanggal: 2024-06-05"),
        ("---\njudul:\ntanggal: 2024-06-05\n---\nIsi.\n", 2, "judul"),
    ],
)
def test_messages_name_the_indonesian_keys(tmp_path, text, line, words):
    article = tmp_path / "content" / "berita" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=tmp_path / "content")
    [problem] = [p for p in failed.value.problems if "a.md" in p]
    assert f"a.md:{line}: " in problem and words in problem, problem
    assert "title:" not in problem and "date:" not in problem


def test_the_guide_agrees_with_itself():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Jangan menyalin" not in readme  # copying an article is one of the ways
    assert "Hapus baris `slug:` dan `alamat_lama:`" in readme
    assert "`terbit`" in readme and "### Menambah halaman dan memasangnya di menu" in readme
    guide = readme.split("## Panduan operator desa", 1)[1].split("\n## ", 1)[0]
    assert not re.search(r"^\s*(title|date|category|tags|village|summary):", guide, flags=re.M)


def test_the_about_page_speaks_to_readers():
    about = (SAMPLE / "content" / "pages" / "tentang.md").read_text(encoding="utf-8")
    for operator_word in ("git", "push", "Markdown", "content/berita"):
        assert operator_word not in about
