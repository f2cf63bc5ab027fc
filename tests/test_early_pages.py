"""The live preview shows the saved article's page before the rest of the site is built
(wartadesa/early_pages.py, LivePreview.rebuild(early=True), `invoke livereload`)."""

import hashlib
import logging
import os
import re
import threading

import pytest
from pelican.plugins import signals

from tests.test_live_preview import preview_of
from wartadesa import early_pages, read_cache
from wartadesa.build import BuildFailed, Collector
from wartadesa.output_folder import STAGING_PREFIX

ARTICLE = "2024-06-06-konferensi-kades-singgahan.md"
MARKER = "Penandapratinjauawal"


@pytest.fixture(autouse=True)
def _files_not_held_after():
    yield
    read_cache.hold_files(False)


@pytest.fixture
def held_after_articles():
    """While clear, the build stops once the main process has written its share of the
    articles (article_writer_finalized): the rest of the site is not yet built."""
    main = os.getpid()
    release = threading.Event()
    release.set()

    def hold(*_args, **_kwargs):
        if os.getpid() == main:  # not in a forked writer
            assert release.wait(120)

    signals.article_writer_finalized.connect(hold)
    try:
        yield release
    finally:
        release.set()
        signals.article_writer_finalized.disconnect(hold)


@pytest.fixture
def built_preview(tmp_path):
    """A LivePreview of a copy of the sample content after its first (full) build, which
    shows nothing early: (the preview, the content folder, its output, what it reported,
    the times on_built was called). Its thread is waited for after the test, whatever
    happened."""
    preview, content, reports = preview_of(tmp_path)
    built = []
    preview.on_built = lambda: built.append(1)
    try:
        assert preview.rebuild(early=True) == []
        assert preview.shown == []  # every article is made: none shown early
        preview.wait()
        yield preview, content, tmp_path / "output", reports, built
    finally:
        preview.wait()


def summarize(content, words):
    """An operator's save: the article's summary (its front matter) changed."""
    article = content / "berita" / ARTICLE
    text = article.read_text(encoding="utf-8")
    start = text.index("ringkasan: ") + len("ringkasan: ")
    article.write_text(text[:start] + words + " " + text[start:], encoding="utf-8")


def errors(reports):
    return [text for text, error in reports if error]


def leftovers(tmp_path):
    """Temporary folders (`.output-PID-xxxxxxxx`) beside the output: a build's, or the
    early pages' (not the spare tree of folders a cached build keeps, `.output-spare-`)."""
    named = re.compile(rf"^{re.escape(STAGING_PREFIX)}\d+-[A-Za-z0-9_]{{8}}$")
    return sorted(p.name for p in tmp_path.iterdir() if named.match(p.name))


def test_the_saved_articles_page_is_shown_while_the_rest_of_the_site_is_built(
    tmp_path, built_preview, held_after_articles
):
    preview, content, output, reports, built = built_preview
    summarize(content, MARKER)
    held_after_articles.clear()
    assert preview.rebuild(early=True) == []
    [name] = preview.shown
    assert name.endswith("/index.html") and name.startswith("berita/")
    shown = (output / name).read_bytes()
    assert MARKER.encode() in shown
    # The home page lists the article with its summary: not yet, the build is held.
    assert MARKER not in (output / "index.html").read_text(encoding="utf-8")
    assert built == []
    held_after_articles.set()
    preview.wait()
    assert MARKER in (output / "index.html").read_text(encoding="utf-8")
    assert (output / name).read_bytes() == shown  # the page shown is the build's own
    assert errors(reports) == [] and built == [1]
    assert ("Seluruh situs dibangun ulang (whole site rebuilt).", False) in reports
    assert leftovers(tmp_path) == []


def test_a_saved_page_is_shown_early_as_its_build_writes_it(
    tmp_path, built_preview, held_after_articles
):
    """A page (content/pages/) goes the way of PagesGenerator, with its own arguments."""
    preview, content, output, reports, _built = built_preview
    with open(content / "pages" / "tentang.md", "a", encoding="utf-8") as handle:
        handle.write(f"\nKalimat {MARKER} di halaman.\n")
    held_after_articles.clear()
    preview.rebuild(early=True)
    assert preview.shown == ["tentang/index.html"]
    shown = (output / "tentang/index.html").read_bytes()
    assert MARKER.encode() in shown
    assert leftovers(tmp_path) != []  # the page it replaced is kept aside meanwhile
    held_after_articles.set()
    preview.wait()
    assert (output / "tentang/index.html").read_bytes() == shown
    assert errors(reports) == []
    assert leftovers(tmp_path) == []


def test_a_build_that_fails_after_the_page_was_shown_puts_the_page_back(
    tmp_path, built_preview, held_after_articles
):
    preview, content, output, reports, built = built_preview
    summarize(content, "Ringkasan pertama.")
    preview.rebuild(early=True)
    [name] = preview.shown
    preview.wait()
    before = (output / name).read_bytes()
    main = os.getpid()

    def broken(*_args, **_kwargs):
        if os.getpid() == main:
            raise RuntimeError("disk rusak")

    signals.article_writer_finalized.connect(broken)  # after the fixture's hold
    try:
        summarize(content, MARKER)
        built.clear()
        held_after_articles.clear()
        assert preview.rebuild(early=True) == []
        assert preview.shown == [name] and MARKER.encode() in (output / name).read_bytes()
        held_after_articles.set()
        preview.wait()
    finally:
        signals.article_writer_finalized.disconnect(broken)
    assert (output / name).read_bytes() == before  # the last good build's page again
    [error] = errors(reports)
    assert "build gagal: RuntimeError: disk rusak" in error
    assert error.endswith(
        "Halaman pratinjau dikembalikan ke build terakhir yang berhasil "
        "(preview put back to the last good build)."
    )
    assert built == [1]  # the browser is reloaded onto the page put back
    assert MARKER not in (output / "index.html").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []


def test_an_article_with_a_mistake_is_not_shown_and_the_rebuild_fails_as_before(
    tmp_path, built_preview
):
    """An error a check finds in an article that is read (it is among the articles the
    build made): nothing is shown, the rebuild raises as without showing early."""
    preview, content, output, _reports, built = built_preview
    pages = {p: p.read_bytes() for p in output.rglob("*.html")}
    with open(content / "berita" / ARTICLE, "a", encoding="utf-8") as handle:
        handle.write(f"\n{MARKER}: bantuan untuk Ibu Sutini (NIK 3523071208900001).\n")
    with pytest.raises(BuildFailed) as failed:
        preview.rebuild(early=True)
    assert preview.shown == []
    assert any(
        f"berita/{ARTICLE}:" in problem and "NIK" in problem for problem in failed.value.problems
    )
    preview.wait()
    assert {p: p.read_bytes() for p in output.rglob("*.html")} == pages
    assert built == [] and leftovers(tmp_path) == []


def test_a_page_that_cannot_be_shown_early_leaves_the_build_as_without(
    tmp_path, built_preview, monkeypatch
):
    """Showing early is a help: when it fails, what it placed goes back and the build
    goes on (returning when done)."""
    preview, content, output, reports, built = built_preview
    placed = []
    original = early_pages.EarlyPages._place

    def place_then_fail(self, name):
        original(self, name)
        placed.append(name)
        raise OSError("tidak ada tautan keras")

    monkeypatch.setattr(early_pages.EarlyPages, "_place", place_then_fail)
    summarize(content, MARKER)
    assert preview.rebuild(early=True) == []
    assert preview.shown == [] and len(placed) == 1
    assert MARKER in (output / placed[0]).read_text(encoding="utf-8")  # the build's own page
    assert MARKER in (output / "index.html").read_text(encoding="utf-8")
    preview.wait()
    assert errors(reports) == [] and built == [] and leftovers(tmp_path) == []


def test_nothing_is_shown_early_when_content_attaches_files(built_preview, monkeypatch):
    preview, content, output, _reports, _built = built_preview
    monkeypatch.setattr(early_pages, "uses_attach", lambda generators: True)
    summarize(content, MARKER)
    assert preview.rebuild(early=True) == []
    assert preview.shown == []
    assert MARKER in (output / "index.html").read_text(encoding="utf-8")  # built, then returned


def test_a_page_shown_early_that_is_not_the_builds_is_named(tmp_path):
    output = tmp_path / "output"
    (output / "berita").mkdir(parents=True)
    page = output / "berita" / "index.html"
    page.write_bytes(b"<p>yang tampil</p>")
    pages = early_pages.EarlyPages(output, lambda names: None)
    pages.placed = {"berita/index.html": hashlib.sha256(b"<p>yang tampil</p>").hexdigest()}
    assert pages.differing() == []
    page.write_bytes(b"<p>yang dibangun</p>")
    assert pages.differing() == ["berita/index.html"]
    page.unlink()
    assert pages.differing() == ["berita/index.html"]


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
