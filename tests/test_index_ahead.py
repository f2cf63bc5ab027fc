"""The search index of a build on more than one core, made in a forked process while the
build finishes (wartadesa/index_ahead.py, wartadesa.parallel.Aside). That its output is a clean build's,
byte for byte, is checked by tests/test_incremental_build.py (every cached build there is
indexed ahead)."""

import json
import logging
import os
import time

import pytest

import search.indexer as indexer
from tests.sitetools import build_site, index_parts
from wartadesa import build as build_module
from wartadesa import incremental
from wartadesa.build import BuildFailed
from wartadesa.index_ahead import IndexAhead
from wartadesa.parallel import Aside


def watch_index(monkeypatch, record, fail_aside=False):
    """Note each index made, in whichever process: (made aside, Pelican run going on,
    giving the build's memory back while Pagefind works); an index made aside fails if
    `fail_aside`."""
    from pelican import Pelican

    index_site = build_module.index_site
    parent = os.getpid()
    running = []
    run = Pelican.run

    def watched_run(self):
        running.append(True)
        try:
            return run(self)
        finally:
            running.clear()

    def indexing(*args, **kwargs):
        aside = os.getpid() != parent
        seen = [aside, bool(running), kwargs.get("meanwhile") is not None]
        with open(record, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(seen) + "\n")
        if fail_aside and aside:
            raise indexer.IndexFailed("indeks pencarian: gagal untuk uji")
        return index_site(*args, **kwargs)

    monkeypatch.setattr(build_module, "index_site", indexing)
    monkeypatch.setattr(Pelican, "run", watched_run)

    def calls():
        if not record.exists():
            return []
        found = [tuple(json.loads(line)) for line in record.read_text().splitlines()]
        record.unlink()
        return found

    return calls


def pagefind_files(output):
    return sorted(
        p.relative_to(output).as_posix()
        for p in (output / "pagefind").rglob("*")
        if p.is_file() and not indexer.NOT_REPEATABLE.match(p.relative_to(output).as_posix())
    )


def test_every_build_is_indexed_aside_while_it_finishes(tmp_path, monkeypatch):
    calls = watch_index(monkeypatch, tmp_path / "calls.jsonl")
    cache = tmp_path / "cache"
    output = tmp_path / "site" / "output"
    plain = build_site(tmp_path / "plain" / "output", BUILD_WORKERS=2)  # no cache
    first = build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=2)
    again = build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=2)
    # In another process, while the run goes on, sharing its memory: none given back.
    assert calls() == [(True, True, False)] * 3
    assert plain.warnings == first.warnings == again.warnings == []
    assert pagefind_files(output) == pagefind_files(tmp_path / "plain" / "output")
    assert (output / "pagefind" / "pagefind.js").is_file()
    # One core: nothing to gain, after the run, the memory given back meanwhile.
    build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=1)
    build_site(tmp_path / "plain" / "output", BUILD_WORKERS=1)
    assert calls() == [(False, False, True)] * 2


def test_memory_is_given_back_only_while_an_index_after_the_run_works(tmp_path, monkeypatch):
    """More than LARGE_INDEX_PAGES pages to index: on one core the index is made after the
    run and the build's memory given back while Pagefind works; on two it is made aside,
    and the main process, whose memory the index's process shares, collects nothing."""
    calls = watch_index(monkeypatch, tmp_path / "calls.jsonl")
    given_back = []
    give_back = build_module.give_back_memory

    def giving_back():
        given_back.append((os.getpid(), incremental.current() is None))
        give_back()

    monkeypatch.setattr(build_module, "give_back_memory", giving_back)
    monkeypatch.setattr(indexer, "LARGE_INDEX_PAGES", 0)
    output = tmp_path / "site" / "output"
    build_site(output, BUILD_CACHE=str(tmp_path / "cache"), BUILD_WORKERS=1)
    assert calls() == [(False, False, True)]
    assert given_back == [(os.getpid(), True)]
    given_back.clear()
    build_site(output, BUILD_CACHE=str(tmp_path / "cache"), BUILD_WORKERS=2)
    assert calls() == [(True, True, False)]
    assert given_back == []
    assert pagefind_files(output)
    assert not (output / indexer.PARTS_FOLDER).exists()


def indexed_texts(output):
    """{address: text} of every page in the site's search index (every part)."""
    return {url: text for part in index_parts(output).values() for url, text in part.items()}


@pytest.mark.parametrize("change", ["new page", "changed page"])
def test_a_page_written_after_the_index_started_is_indexed(tmp_path, monkeypatch, change):
    """A `finalized` receiver that breaks the rule (it writes a page through Pelican's Writer
    once the index has started): the index is made again after the run."""
    from pelican.plugins import signals
    from pelican.writers import Writer

    from wartadesa.parallel import Text

    cache = tmp_path / "cache"
    output = tmp_path / "site" / "output"
    build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=2)
    article = sorted(output.glob("berita/**/index.html"))[0]
    relative = article.relative_to(output).as_posix()

    def late_page(pelican):
        folder = pelican.settings["OUTPUT_PATH"]
        if change == "new page":
            name = "telat/index.html"
            text = "<html><body><article data-pagefind-body><h1>Halaman telat</h1>"
            text += "<p>Kalimattelatsekali.</p></article></body></html>"
        else:
            name = relative
            page = os.path.join(folder, relative)
            with open(page, encoding="utf-8") as handle:
                text = handle.read().replace("<h1", "<p>Kalimatubahsekali.</p><h1", 1)
            os.unlink(page)  # a reused page is a link to the previous output's file
        Writer(folder, pelican.settings).write_file(name, Text(text), {})

    def after_the_index(_pelican):  # connected now: runs after the index has started
        signals.finalized.connect(late_page)

    calls = watch_index(monkeypatch, tmp_path / "calls.jsonl")
    signals.get_writer.connect(after_the_index)
    try:
        build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=2)
    finally:
        signals.get_writer.disconnect(after_the_index)
        signals.finalized.disconnect(late_page)
    assert calls() == [(True, True, False), (False, False, True)]
    texts = indexed_texts(output)
    if change == "new page":
        assert "Kalimattelatsekali" in texts["/telat/"]
    else:
        address = "/" + relative[: -len("index.html")]
        assert "Kalimatubahsekali" in texts[address]


def test_an_index_failing_aside_fails_the_build_and_keeps_the_output(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    output = tmp_path / "site" / "output"
    build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=2)
    before = sorted(p.relative_to(output).as_posix() for p in output.rglob("*"))
    calls = watch_index(monkeypatch, tmp_path / "calls.jsonl", fail_aside=True)
    with pytest.raises(BuildFailed) as failed:
        build_site(output, BUILD_CACHE=str(cache), BUILD_WORKERS=2)
    assert calls() == [(True, True, False)]
    assert failed.value.problems == ["indeks pencarian: gagal untuk uji"]
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == before
    assert [p.name for p in output.parent.iterdir()] == ["output"]  # no folder left behind


def test_a_failed_build_waits_for_its_index_aside(tmp_path):
    """stop(): the index at work aside is waited for, so the folder it writes in can go;
    a build with errors is not indexed aside, and finish() then makes the index itself."""
    done = tmp_path / "done"

    def slow_index(*_args, **_kwargs):
        time.sleep(0.5)
        done.write_text("ya")

    ahead = IndexAhead(slow_index, tmp_path, {"BUILD_WORKERS": 2}, "p", None, lambda: False)
    ahead.start()
    assert ahead.started and not done.exists()
    ahead.stop()
    assert done.read_text() == "ya" and not ahead.started
    made = []
    errors = IndexAhead(
        lambda *a, **k: made.append(k), tmp_path, {"BUILD_WORKERS": 2}, "p", None, lambda: True
    )
    errors.start()
    assert not errors.started
    errors.finish()
    assert made == [{"previous": "p", "meanwhile": None}]


def test_work_aside_gives_its_value_its_messages_and_its_exception(caplog):
    def work():
        logging.getLogger("wartadesa.test").warning("dari proses lain %s", os.getpid())
        return {"pid": os.getpid()}

    aside = Aside(work)
    with caplog.at_level(logging.WARNING):
        value = aside.result()
    assert value["pid"] != os.getpid()
    assert [r.getMessage() for r in caplog.records] == [f"dari proses lain {value['pid']}"]

    def failing():
        raise indexer.IndexFailed("indeks pencarian: rusak")

    with pytest.raises(indexer.IndexFailed, match="indeks pencarian: rusak"):
        Aside(failing).result()

    def dying():
        os._exit(3)

    with pytest.raises(RuntimeError, match="berhenti tanpa hasil"):
        Aside(dying).result()
