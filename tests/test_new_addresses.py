"""`invoke new` fixes each article's address in its front matter and checks villages."""

import datetime as dt
import textwrap
from zoneinfo import ZoneInfo

import pytest

from front_matter.source import read_source
from tests.sitetools import ROOT, build_site, settings_path, text_of
from wartadesa.build import load_settings
from wartadesa.new import NewArticleError, write_article

SETTINGS = load_settings(settings_path())
NOW = dt.datetime(2025, 1, 15, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
REGISTRY = """\
- kode: 35.23.07.2005
- nama: Saringembat
  kecamatan: Singgahan
"""


@pytest.fixture
def settings(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "desa.yml").write_text(REGISTRY, encoding="utf-8")
    return {**SETTINGS, "PATH": str(content)}


def publish(path):
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: draft", "status: published"),
        encoding="utf-8",
    )


def test_the_slug_is_written_and_survives_a_title_fix(tmp_path, settings):
    path = write_article("Musyawarah Desa Binangn", ["binangun"], settings=settings, now=NOW)
    source = read_source(path)
    assert source.meta["slug"] == "musyawarah-desa-binangn"
    assert "# Alamat berita: berita/2025/01/musyawarah-desa-binangn/" in source.text
    publish(path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "judul: Musyawarah Desa Binangn", "judul: Musyawarah Desa Binangun"
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "output", content=settings["PATH"])
    page = site.html("berita/2025/01/musyawarah-desa-binangn/")
    assert text_of(page.h1) == "Musyawarah Desa Binangun"


def test_same_title_same_day_gets_its_own_address(tmp_path, settings):
    first = write_article("Musyawarah Desa", settings=settings, now=NOW)
    second = write_article("Musyawarah Desa", settings=settings, now=NOW)
    later = write_article("Musyawarah Desa", settings=settings, now=NOW.replace(month=2))
    assert read_source(first).meta["slug"] == "musyawarah-desa"
    assert read_source(second).meta["slug"] == "musyawarah-desa-2"
    assert read_source(later).meta["slug"] == "musyawarah-desa"  # another month: free
    for path in (first, second, later):
        publish(path)
    site = build_site(tmp_path / "output", content=settings["PATH"])
    assert site.exists("berita/2025/01/musyawarah-desa/")
    assert site.exists("berita/2025/01/musyawarah-desa-2/")
    assert site.exists("berita/2025/02/musyawarah-desa/")


def test_an_existing_article_with_the_title_slug_counts_as_taken(settings):
    folder = settings["PATH"] + "/berita"
    import os

    os.makedirs(folder)
    with open(f"{folder}/lama.md", "w", encoding="utf-8") as handle:
        handle.write(
            textwrap.dedent("""\
            ---
            judul: Kerja Bakti
            tanggal: 2025-01-02
            ---
            Isi.
            """)
        )
    path = write_article("Kerja Bakti", settings=settings, now=NOW)
    assert read_source(path).meta["slug"] == "kerja-bakti-2"


@pytest.mark.parametrize(
    "village, words",
    [
        ("binangn", ["--desa binangn", "tidak ditemukan", "mungkin maksud Anda", "35.23.07.2005"]),
        ("Sidomulyo", ["--desa Sidomulyo", "tidak unik", 'desa: "Sidomulyo, Kec.']),
    ],
)
def test_unknown_or_ambiguous_village_is_refused_with_suggestions(settings, village, words):
    with pytest.raises(NewArticleError) as problem:
        write_article("Rapat", [village], settings=settings, now=NOW)
    for word in words:
        assert word in str(problem.value)
    assert not (ROOT / settings["PATH"] / "berita").exists()


def test_known_villages_by_name_slug_and_code_are_accepted(settings):
    path = write_article(
        "Rapat", ["Binangun", "saringembat", "35.23.07.2005"], settings=settings, now=NOW
    )
    assert read_source(path).meta["village"] == ["Binangun", "saringembat", "35.23.07.2005"]
