"""The live preview shows the saved article's page before the rest of the site is built
(wartadesa/early_pages.py, LivePreview.rebuild(early=True), `invoke livereload`)."""

import logging
import os
import threading

import pytest
from pelican.plugins import signals

from tests.test_live_preview import preview_of
from wartadesa import read_cache
from wartadesa.build import BuildFailed, Collector
from wartadesa.early_pages import KEPT_PREFIX

ARTICLE = "2024-06-06-konferensi-kades-singgahan.md"
MARKER = "Penandapratinjauawal"


@pytest.fixture(autouse=True)
def _files_not_held_after():
    yield
    read_cache.hold_files(False)


@pytest.fixture
def held_after_articles():
    """While set, the build stops once the main process has written its share of the
    articles (article_writer_finalized): the rest of the site is not yet built."""
    main = os.getpid()
    release = threading.Event()

    def hold(*_args, **_kwargs):
        if os.getpid() == main:  # not in a forked writer
            assert release.wait(120)

    signals.article_writer_finalized.connect(hold)
    try:
        yield release
    finally:
        release.set()
        signals.article_writer_finalized.disconnect(hold)


def summarize(content, words):
    """An operator's save: the article's summary (its front matter) changed."""
    article = content / "berita" / ARTICLE
    text = article.read_text(encoding="utf-8")
    start = text.index("ringkasan: ") + len("ringkasan: ")
    article.write_text(text[:start] + words + " " + text[start:], encoding="utf-8")


def leftovers(tmp_path):
    return [p.name for p in tmp_path.iterdir() if p.name.startswith(KEPT_PREFIX)]


def test_the_saved_articles_page_is_shown_while_the_rest_of_the_site_is_built(
    tmp_path, held_after_articles
):
    preview, content, reports = preview_of(tmp_path)
    output = tmp_path / "output"
    held_after_articles.set()
    assert preview.rebuild(early=True) == []
    assert preview.shown == []  # a first build: every article is made, none shown early
    preview.wait()
    held_after_articles.clear()
    summarize(content, MARKER)
    assert preview.rebuild(early=True) == []
    [name] = preview.shown
    assert name.endswith("/index.html") and name.startswith("berita/")
    shown = (output / name).read_bytes()
    assert MARKER.encode() in shown
    # The home page lists the article with its summary: not yet, the build is held.
    assert MARKER not in (output / "index.html").read_text(encoding="utf-8")
    held_after_articles.set()
    preview.wait()
    assert MARKER in (output / "index.html").read_text(encoding="utf-8")
    assert (output / name).read_bytes() == shown  # the page shown is the build's own
    assert [text for text, error in reports if error] == []
    assert leftovers(tmp_path) == []


def test_a_build_that_fails_after_the_page_was_shown_puts_the_page_back(tmp_path, monkeypatch):
    preview, content, reports = preview_of(tmp_path)
    output = tmp_path / "output"
    preview.rebuild(early=True)
    preview.wait()
    summarize(content, "Ringkasan pertama.")
    preview.rebuild(early=True)
    [name] = preview.shown
    preview.wait()
    before = (output / name).read_bytes()
    main = os.getpid()

    def broken(*_args, **_kwargs):
        if os.getpid() == main:
            raise RuntimeError("disk rusak")

    signals.article_writer_finalized.connect(broken)
    try:
        summarize(content, MARKER)
        assert preview.rebuild(early=True) == []
        assert preview.shown == [name] and MARKER.encode() in (output / name).read_bytes()
        preview.wait()
    finally:
        signals.article_writer_finalized.disconnect(broken)
    assert (output / name).read_bytes() == before  # the last good build's page again
    errors = [text for text, error in reports if error]
    assert len(errors) == 1
    assert "build gagal: RuntimeError: disk rusak" in errors[0]
    assert errors[0].endswith(
        "Halaman pratinjau dikembalikan ke build terakhir yang berhasil "
        "(preview put back to the last good build)."
    )
    assert MARKER not in (output / "index.html").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_an_article_with_a_mistake_is_not_shown_and_the_rebuild_fails_as_before(tmp_path):
    preview, content, _reports = preview_of(tmp_path)
    output = tmp_path / "output"
    preview.rebuild(early=True)
    preview.wait()
    pages = {p: p.read_bytes() for p in output.rglob("*.html")}
    article = content / "berita" / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("tanggal: 2024-06-06", "tanggal: kemarin sore", 1))
    with pytest.raises(BuildFailed) as failed:
        preview.rebuild(early=True)
    assert preview.shown == []
    assert any(f"berita/{ARTICLE}:" in problem for problem in failed.value.problems)
    preview.wait()
    assert {p: p.read_bytes() for p in output.rglob("*.html")} == pages
    assert leftovers(tmp_path) == []


def test_a_build_counts_the_messages_of_its_thread_and_processes_not_of_other_threads():
    collector = Collector()

    def record(message, process=None):
        made = logging.LogRecord("tornado.access", logging.ERROR, __file__, 1, message, None, None)
        if process is not None:
            made.process = process
        return made

    collector.handle(record("dari thread build"))
    other = []
    thread = threading.Thread(target=lambda: other.append(record("dari server pratinjau")))
    thread.start()
    thread.join()
    collector.handle(other[0])  # logged by the preview's web server while a build runs
    forked = record("dari proses build lain", process=os.getpid() + 1)
    forked.thread = other[0].thread
    collector.handle(forked)  # a forked writer's record, logged again by the build
    assert collector.errors == ["dari thread build", "dari proses build lain"]
