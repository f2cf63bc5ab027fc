"""The folders of the content pages made aside in a build without a page record
(wartadesa/content_folders.py): made before the writers reach them, and the output holds
exactly the folders of a build without this."""

import pytest

from tests.sitetools import build_site
from wartadesa import content_folders, output_folder
from wartadesa.bench.differential import folders_of


@pytest.fixture
def made_aside(monkeypatch):
    """The folders content_folders gave to FoldersMadeAside, in order."""
    made = []

    class Recording(output_folder.FoldersMadeAside):
        def __init__(self, root, folders):
            folders = set(folders)
            made.append(folders)
            super().__init__(root, folders)

    monkeypatch.setattr(content_folders, "FoldersMadeAside", Recording)
    return made


def page_folders(output, top):
    return {
        p.parent.relative_to(output).as_posix()
        for p in (output / top).rglob("index.html")
        if p.parent.parent.name != "page"  # not a list's later pages
    }


def test_every_article_and_page_folder_is_made_aside_without_a_record(tmp_path, made_aside):
    site = build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert len(made_aside) == 2  # the articles, then the pages
    articles, pages = made_aside
    assert page_folders(site.output, "berita") <= articles
    assert len(articles) >= 5
    assert pages and all(not folder.startswith("berita") for folder in pages)


def test_the_output_has_the_folders_of_a_build_without_this(tmp_path, made_aside, monkeypatch):
    original = content_folders.content_folders

    def with_one_more(generator):  # a folder no page is written into
        return original(generator) | {"berita/tidak/dipakai"}

    monkeypatch.setattr(content_folders, "content_folders", with_one_more)
    site = build_site(tmp_path / "with" / "output")
    assert len(made_aside) == 2
    assert all("berita/tidak/dipakai" in folders for folders in made_aside)
    assert not (site.output / "berita" / "tidak").exists()
    assert [p for p in site.output.rglob("*") if p.is_dir() and not any(p.iterdir())] == []

    monkeypatch.setattr(content_folders, "content_folders", lambda generator: set())
    plain = build_site(tmp_path / "without" / "output")
    assert folders_of(site.output) == folders_of(plain.output)


def test_a_rebuild_with_a_record_makes_the_recorded_folders_instead(tmp_path, made_aside):
    settings = {"BUILD_CACHE": str(tmp_path / "cache")}
    build_site(tmp_path / "output", **settings)  # no record yet: made here
    assert made_aside
    made_aside.clear()
    build_site(tmp_path / "output", **settings)  # the record's folders (incremental)
    assert made_aside == []


def test_checking_content_makes_no_folder_and_compiles_nothing_aside(monkeypatch, made_aside):
    """`invoke check` (a build that stops before writing) forks no help for the writing."""
    from tests.sitetools import SAMPLE, SAMPLE_BUILD_EPOCH, environ, settings_path
    from wartadesa import compiled_templates
    from wartadesa.check import check

    started = []
    monkeypatch.setattr(compiled_templates, "Aside", lambda work: started.append(work))
    with environ(SOURCE_DATE_EPOCH=SAMPLE_BUILD_EPOCH):
        errors, _warnings = check(settings_path("pelicanconf.py"), content=SAMPLE / "content")
    assert errors == []
    assert made_aside == [] and started == []
