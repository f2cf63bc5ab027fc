"""The live preview's rebuilds (wartadesa.preview.LivePreview, `invoke livereload`): the
page is in place when a rebuild returns; the build cache's files and the search index are
made afterwards in a thread, which the next rebuild waits for."""

import json
import os
import re
import shutil

import pytest

from tests.sitetools import SAMPLE, SAMPLE_BUILD_EPOCH, environ, settings_path
from wartadesa import read_cache, read_objects
from wartadesa.build import build
from wartadesa.preview import LivePreview


@pytest.fixture(autouse=True)
def _files_not_held_after():
    """A LivePreview holds the cache's files in the process: not for the other tests."""
    yield
    read_cache.hold_files(False)


def kind(name):
    """A cache file's name, its bucket's number left out (objects-03.bin: objects-NN.bin)."""
    return re.sub(r"-\d\d\.bin$", "-NN.bin", name)


def cache_files(cache):
    return sorted(
        p.relative_to(cache).as_posix()
        for p in cache.rglob("*")
        if p.is_file()
        and kind(p.name) in ("pages.json", "objects-NN.bin", "clean.txt", "sources.bin")
    )


def preview_of(tmp_path, cache=True):
    """A LivePreview of a copy of the sample content: (the preview, the content folder,
    what it reported: [(text, error)])."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    overrides = {"PATH": str(content)}
    if cache:
        overrides["BUILD_CACHE"] = str(tmp_path / "cache")
    reports = []
    preview = LivePreview(
        settings_path(),
        tmp_path / "output",
        overrides,
        report=lambda text, error=False: reports.append((text, error)),
    )
    return preview, content, reports


def test_save_later_leaves_the_build_cache_files_to_the_caller(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    cache = tmp_path / "cache"
    overrides = {"PATH": str(content), "BUILD_CACHE": str(cache)}
    output = tmp_path / "output"
    later = []
    build(settings_path(), output=output, overrides=overrides, save_later=later)
    assert (output / "index.html").is_file()
    assert cache_files(cache) == []  # nothing written yet
    assert len(later) == 2  # the reading's caches, then the page record
    for save in later:
        save()
    names = {kind(name.rsplit("/", 1)[-1]) for name in cache_files(cache)}
    assert sorted(names) == ["clean.txt", "objects-NN.bin", "pages.json", "sources.bin"]
    # The next build finds them: every article is taken as kept, every page reused.
    build(settings_path(), output=output, overrides=overrides)
    assert read_objects.last_build["made"] == 0 and read_objects.last_build["restored"] > 5
    record = json.loads((cache / "pages.json").read_text(encoding="utf-8"))
    assert record["last_build"]["reused"] > 20  # no record: none would be


def test_the_live_preview_rebuilds_then_saves_and_indexes_while_the_operator_reads(tmp_path):
    preview, content, reports = preview_of(tmp_path)
    cache, output = tmp_path / "cache", tmp_path / "output"
    with environ(SOURCE_DATE_EPOCH=SAMPLE_BUILD_EPOCH):
        assert preview.rebuild() == []
        preview.wait()
        assert cache_files(cache) != []
        assert reports == [("Indeks pencarian diperbarui (search index updated).", False)]
        article = sorted((content / "berita").rglob("*.md"))[0]
        with open(article, "a", encoding="utf-8") as handle:
            handle.write("\nKalimatpenandapratinjau ditambahkan.\n")
        preview.rebuild()
        pages = "".join(p.read_text(encoding="utf-8") for p in output.rglob("index.html"))
        assert "Kalimatpenandapratinjau" in pages  # in place when the rebuild returns
        preview.wait()
    assert reports[-1] == ("Indeks pencarian diperbarui (search index updated).", False)
    index = b"".join(p.read_bytes() for p in (output / "pagefind").rglob("*") if p.is_file())
    assert index  # made again by the thread (its words are compressed: not searched here)
    record = json.loads((cache / "pages.json").read_text(encoding="utf-8"))
    # The second rebuild's record, written by the thread: most pages were reused.
    assert record["last_build"]["reused"] > record["last_build"]["rendered"] > 0
    assert read_objects.last_build["made"] == 1
    # What the thread wrote is held for the next rebuild, which need not read it again.
    held = sorted({kind(os.path.basename(name)) for name in read_cache._held})
    assert held == [
        "clean.txt",
        "objects-NN.bin",
        "pages.json",
        "partials-NN.bin",
        "results-NN.bin",
        "sitemap-noindex.json",
    ]
    assert not [p.name for p in output.parent.iterdir() if p.name.startswith(".pagefind")]


def test_the_garbage_of_a_preview_rebuild_is_collected_before_the_next(tmp_path):
    """The articles a rebuild leaves in reference cycles are collected in the preview's
    thread (IdleCollection), not left for the collector to walk during the next rebuild."""
    import gc
    import weakref

    from pelican.plugins import signals

    preview, _content, _reports = preview_of(tmp_path)
    seen = []

    def remember(generator):
        seen.extend(weakref.ref(article) for article in generator.articles)

    signals.article_generator_finalized.connect(remember)
    automatic = gc.isenabled()
    gc.disable()  # only the collections the preview makes
    try:
        for _ in range(2):
            preview.rebuild()
            preview.wait()
            assert len(seen) >= 5
            assert [ref for ref in seen if ref() is not None] == []
            seen.clear()
    finally:
        if automatic:
            gc.enable()
        signals.article_generator_finalized.disconnect(remember)
    assert preview.garbage.collections == 2


def test_the_collection_waits_for_the_page_to_be_read_unless_hurried():
    import time

    from wartadesa.preview import IdleCollection

    calm = IdleCollection(delay=0.3)
    since = time.monotonic()
    calm.collect(since)
    assert time.monotonic() - since >= 0.3 and calm.collections == 1
    hurried = IdleCollection(delay=3600)
    hurried.hurry()
    since = time.monotonic()
    hurried.collect(since)
    assert time.monotonic() - since < 60 and hurried.collections == 1
    hurried.calm()
    assert not hurried._hurry.is_set()


def test_a_cache_file_that_cannot_be_saved_is_one_message_and_the_preview_goes_on(
    tmp_path, monkeypatch
):
    from wartadesa.read_objects import Objects

    def refuse(_self):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(Objects, "save", refuse)
    preview, _content, reports = preview_of(tmp_path)
    preview.rebuild()
    preview.wait()
    assert reports == [
        (
            "cache build tidak tersimpan (RuntimeError: disk penuh); build berikutnya membaca "
            "ulang berkas yang perlu (build cache not saved)",
            True,
        ),
        ("Indeks pencarian diperbarui (search index updated).", False),
    ]
    assert (tmp_path / "cache" / "pages.json").is_file()  # the page record still written


def test_a_held_file_is_taken_only_while_it_is_the_same_file(tmp_path):
    loads = []

    def load(path):
        loads.append(path)
        return {"text": path.read_text()}

    record = tmp_path / "record.json"
    record.write_text("satu")
    read_cache.hold_files(False)
    assert read_cache.held(record, load) == {"text": "satu"}
    assert read_cache.held(record, load) == {"text": "satu"} and len(loads) == 2  # not held
    read_cache.hold_files()
    first = read_cache.held(record, load)
    assert read_cache.held(record, load) is first and len(loads) == 3
    read_cache.replace_file(record, b"dua")  # a new file (inode): read again
    assert read_cache.held(record, load) == {"text": "dua"} and len(loads) == 4
    kept = {"text": "tiga"}
    read_cache.replace_file(record, b"tiga")
    read_cache.hold(record, kept)  # what was just written
    assert read_cache.held(record, load) is kept and len(loads) == 4
    os.utime(record, ns=(1, 1))  # touched: another modification time, read again
    assert read_cache.held(record, load) == {"text": "tiga"} and len(loads) == 5
    for number in range(read_cache.HELD_FILES + 2):  # only a few files are held
        other = tmp_path / f"other-{number}"
        other.write_text(str(number))
        read_cache.held(other, load)
    assert len(read_cache._held) == read_cache.HELD_FILES
    read_cache.hold_files(False)
    assert read_cache._held == {}


def test_the_files_of_a_removed_cache_folder_are_no_longer_held(tmp_path):
    read_cache.hold_files(True)
    old, current = tmp_path / "lama", tmp_path / "baru"
    for folder in (old, current):
        folder.mkdir()
        (folder / "isi.bin").write_text("isi")
        read_cache.hold(folder / "isi.bin", {"dari": folder.name})
    read_cache.forget_held(old)
    held = sorted(os.path.relpath(name, tmp_path) for name in read_cache._held)
    assert held == [os.path.join("baru", "isi.bin")]
    read_cache.hold_files(False)


def test_an_index_that_fails_in_the_preview_is_one_line(tmp_path, monkeypatch):
    import search.indexer

    def broken(*_args, **_kwargs):
        raise RuntimeError("pagefind hilang")

    monkeypatch.setattr(search.indexer, "index_in_place", broken)
    preview, _content, reports = preview_of(tmp_path, cache=False)
    preview.rebuild()
    preview.wait()
    assert reports == [
        (
            "indeks pencarian tidak diperbarui (RuntimeError: pagefind hilang) (search index "
            "not updated)",
            True,
        )
    ]
