"""Page writing split over forked processes (wartadesa/parallel.py): the same site, byte
for byte, as a serial build; a worker's warnings and errors reach the operator as the same
one-line messages."""

import logging

import pytest

from front_matter.errors import ContentError, report
from tests.sitetools import build_site
from wartadesa import parallel
from wartadesa.build import BuildFailed


def files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def serial_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("serial") / "output", BUILD_WORKERS=1)


@pytest.mark.parametrize("workers", [2, 3])
def test_split_writing_gives_the_serial_site_byte_for_byte(tmp_path, serial_site, workers):
    split = build_site(tmp_path / "output", BUILD_WORKERS=workers)
    serial, parallel_files = files(serial_site.output), files(split.output)
    assert sorted(parallel_files) == sorted(serial)
    assert [name for name in serial if serial[name] != parallel_files[name]] == []
    assert split.warnings == serial_site.warnings
    assert len(serial) > 50


def worker_owned(name, workers=2):
    return parallel._owner(name, workers) != 0


@pytest.fixture
def failing_json_ld(monkeypatch):
    """news_article (the JSON-LD of every article page) calls `effect(article)` first."""
    from article_extras import extras

    original = extras.news_article
    effects = {}

    def news_article(article, base, settings):
        if worker_owned(article.save_as) and "done" not in effects:
            effects["done"] = article
            effects["effect"](article)
        return original(article, base, settings)

    monkeypatch.setattr(extras, "news_article", news_article)
    return effects


def test_a_warning_logged_in_a_worker_reaches_the_build(tmp_path, failing_json_ld):
    failing_json_ld["effect"] = lambda article: report(ContentError(
        article.source_path, 3, "uji peringatan dari proses lain", "tidak apa-apa",
        severity="warning"))
    site = build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert "done" not in failing_json_ld  # the page was written by the other process
    assert any(line.endswith(":3: uji peringatan dari proses lain — tidak apa-apa")
               for line in site.warnings), site.warnings


def test_an_error_in_a_worker_is_one_line_and_nothing_is_published(tmp_path, failing_json_ld):
    def fail(article):
        raise ValueError("uji galat di proses lain")

    failing_json_ld["effect"] = fail
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert failed.value.problems == [
        "build gagal: ValueError: uji galat di proses lain "
        "(set WARTADESA_DEBUG=1 to see the traceback)"]
    assert not (tmp_path / "output").exists()


def test_a_content_error_raised_in_a_worker_keeps_its_file_and_line(tmp_path, failing_json_ld):
    def fail(article):
        raise ContentError(article.source_path, 7, "uji galat isi", "perbaiki baris ini")

    failing_json_ld["effect"] = fail
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", BUILD_WORKERS=2)
    [line] = failed.value.problems
    assert line.endswith(":7: uji galat isi — perbaiki baris ini")
    assert line.split(":")[0].endswith(".md")


def test_worker_count_follows_the_setting():
    assert parallel.worker_count({"BUILD_WORKERS": 1}) == 1
    assert parallel.worker_count({"BUILD_WORKERS": 3}) == 3
    assert parallel.worker_count({"BUILD_WORKERS": 0}) >= 1


def test_logging_is_left_as_it_was(tmp_path):
    handlers = list(logging.getLogger().handlers)
    build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert logging.getLogger().handlers == handlers
