"""Page writing split over forked processes (wartadesa/parallel.py): the same site, byte
for byte, as a serial build; a worker's warnings and errors reach the operator as the same
one-line messages."""

import logging
import os
from types import SimpleNamespace

import pytest

from front_matter import memo
from front_matter.errors import ContentError, report
from search.indexer import NOT_REPEATABLE
from tests.sitetools import build_site
from wartadesa import parallel
from wartadesa.build import BuildFailed


def files(folder):
    """Every file's bytes, but Pagefind's few files it writes in a random order
    (search.indexer.NOT_REPEATABLE; README "Search")."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not NOT_REPEATABLE.match(p.relative_to(folder).as_posix())
    }


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
    failing_json_ld["effect"] = lambda article: report(
        ContentError(
            article.source_path,
            3,
            "uji peringatan dari proses lain",
            "tidak apa-apa",
            severity="warning",
        )
    )
    site = build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert "done" not in failing_json_ld  # the page was written by the other process
    assert any(
        line.endswith(":3: uji peringatan dari proses lain — tidak apa-apa")
        for line in site.warnings
    ), site.warnings


def test_an_error_in_a_worker_is_one_line_and_nothing_is_published(tmp_path, failing_json_ld):
    def fail(article):
        raise ValueError("uji galat di proses lain")

    failing_json_ld["effect"] = fail
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert failed.value.problems == [
        "build gagal: ValueError: uji galat di proses lain "
        "(set WARTADESA_DEBUG=1 to see the traceback)"
    ]
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


def test_files_read_by_a_worker_report_their_mistakes_as_in_a_serial_build(tmp_path):
    """Reading is split too: a file a worker cannot read silently (an error, a warning) is
    read again by the main process, so the messages are the serial build's."""
    import shutil

    from tests.sitetools import SAMPLE

    outcomes = {}
    for workers in (1, 3):
        # One copy each: a second in-process build of the very same files loses the
        # reader's warnings (front_matter.source keeps parsed files; a known issue).
        content = tmp_path / f"{workers}" / "content"
        shutil.copytree(SAMPLE / "content", content)
        berita = content / "berita"
        for number in range(12):  # enough files that every worker gets some of them
            (berita / f"rusak-{number}.md").write_text(
                f"---\njudul: Rusak {number}\ntanggal: 2024-06-31\n---\nIsi.\n", encoding="utf-8"
            )
            (berita / f"aneh-{number}.md").write_text(
                f"---\njudul: Aneh {number}\ntanggal: 2024-06-01\nkunci_aneh: x\n---\nIsi.\n",
                encoding="utf-8",
            )
        with pytest.raises(BuildFailed) as failed:
            build_site(tmp_path / f"output-{workers}", content=content, BUILD_WORKERS=workers)
        outcomes[workers] = [
            [line.replace(str(tmp_path / f"{workers}"), "") for line in lines]
            for lines in (failed.value.problems, failed.value.warnings)
        ]
    assert outcomes[3] == outcomes[1]
    problems, warnings = outcomes[1]
    assert sum("tidak ada" in line for line in problems) == 12
    assert sum("kunci_aneh" in line for line in warnings) == 12


def test_pages_using_attach_are_written_by_one_process():
    """{attach} moves a static file while pages are rendered: the order of renders matters,
    so such a site is written serially."""
    run = parallel._Run()
    article = SimpleNamespace(_content='<a href="{attach}images/x.pdf">x</a>')
    run.remember([SimpleNamespace(articles=[article])])
    pelican = SimpleNamespace(settings={"BUILD_WORKERS": 2})
    assert run.writer_class(pelican) is None
    article._content = '<a href="{static}images/x.pdf">x</a>'
    assert run.writer_class(pelican) is not None


# --- checks over all content split over processes (parallel.map_forked) -------------


def load_module(path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_map_forked_gives_the_serial_results_in_order():
    items = list(range(301))
    found = parallel.map_forked(lambda n: (n, os.getpid()), items, {"BUILD_WORKERS": 3})
    assert [n for n, _ in found] == items
    assert len({pid for _, pid in found}) == 3  # really split: three processes
    assert parallel.map_forked(str, [1, 2], {"BUILD_WORKERS": 3}) == ["1", "2"]  # few: here


def test_map_forked_does_a_share_again_here_when_a_worker_logged_or_failed(caplog):
    main = os.getpid()

    def function(n):
        if n == 7:  # in a worker's share: logged there, so done again here
            logging.getLogger("tests.map").warning("peringatan untuk %s", n)
        if n == 8 and os.getpid() != main:
            os._exit(3)  # a worker that dies
        return n * 2

    with caplog.at_level(logging.WARNING):
        found = parallel.map_forked(function, range(100), {"BUILD_WORKERS": 3})
    assert found == [n * 2 for n in range(100)]
    assert [r.getMessage() for r in caplog.records] == ["peringatan untuk 7"]

    def failing(n):
        if n == 50:
            raise ValueError("berkas 50 rusak")
        return n

    with pytest.raises(ValueError, match="berkas 50 rusak"):
        parallel.map_forked(failing, range(100), {"BUILD_WORKERS": 3})


def test_spam_links_and_identity_numbers_split_over_processes_are_reported_as_serially(
    tmp_path, monkeypatch
):
    import shutil

    from tests.sitetools import ROOT, SAMPLE

    Maker = load_module(ROOT / "plugins/privacy_guard/tests/synthetic_ids.py").Maker

    monkeypatch.setattr(parallel, "MAP_MINIMUM", 2)  # the fixture's few files are split too
    outcomes = {}
    for workers in (1, 2):
        maker = Maker(seed=3)  # the same numbers in both sites
        content = tmp_path / f"{workers}" / "content"
        shutil.copytree(SAMPLE / "content", content)
        berita = content / "berita"
        for number in range(4):
            (berita / f"judi-{number}.md").write_text(
                f"---\njudul: Info {number}\ntanggal: 2024-06-0{number + 1}\n---\n"
                "Selamat datang.\n\nDaftar sekarang di situs slot gacor hari ini, dijamin maxwin!\n",
                encoding="utf-8",
            )
            (berita / f"warga-{number}.md").write_text(
                f"---\njudul: Warga {number}\ntanggal: 2024-06-0{number + 1}\n---\n"
                f"Penerima bantuan: Budi, NIK {maker.nik()}.\n",
                encoding="utf-8",
            )
            (berita / f"tautan-{number}.md").write_text(
                f"---\njudul: Tautan {number}\ntanggal: 2024-06-0{number + 1}\n---\n"
                f"Baca [berita lama]({{filename}}/berita/tidak-ada-{number}.md).\n",
                encoding="utf-8",
            )
        with pytest.raises(BuildFailed) as failed:
            build_site(tmp_path / f"output-{workers}", content=content, BUILD_WORKERS=workers)
        outcomes[workers] = [
            line.replace(str(tmp_path / f"{workers}"), "") for line in failed.value.problems
        ]
    assert outcomes[2] == outcomes[1]
    assert sum("judi" in line for line in outcomes[1]) == 4
    assert sum("tidak-ada-" in line for line in outcomes[1]) == 4
    assert sum("warga-" in line and "NIK" in line for line in outcomes[1]) == 4


def test_results_a_writer_keeps_reach_the_main_process(tmp_path):
    """What a forked writer adds to a table of kept results (front_matter.memo.table: the
    related articles are found while pages are written) is saved by the main process."""

    def generate_output(self, writer):
        memo.table("steps")[1][f"found by process {writer._index}"] = os.getpid()

    memo.install(tmp_path / "memo")
    try:
        generator = type("VillagesGenerator", (), {"generate_output": generate_output})()
        run = parallel._Run()
        run.remember([generator])
        writer = SimpleNamespace(_count=2, _index=0, splitting=False)
        run.start(writer, 2)  # one forked writer, process 1
        generator.generate_output(writer)  # the main process's share, process 0
        run.join()
        found = memo.table("steps")[1]
        assert sorted(found) == ["found by process 0", "found by process 1"]
        assert found["found by process 0"] == os.getpid() != found["found by process 1"]
    finally:
        memo.install(None)


def test_results_a_forked_checker_keeps_reach_the_main_process(tmp_path):
    """What map_forked's workers add to a memo table (the links found in each text) is
    saved by the main process with what it found itself."""

    def function(n):
        memo.table("steps")[1][n] = os.getpid()
        return n

    memo.install(tmp_path / "memo")
    try:
        assert parallel.map_forked(function, range(100), {"BUILD_WORKERS": 2}) == list(range(100))
        found = memo.table("steps")[1]
        assert sorted(found) == list(range(100))
        assert {found[n] for n in range(0, 100, 2)} == {os.getpid()}
        assert os.getpid() not in {found[n] for n in range(1, 100, 2)}
    finally:
        memo.install(None)


def test_pelicans_writer_makes_a_folder_only_for_a_page_of_its_own(tmp_path, monkeypatch):
    """While pages are split, a process does not make the folder of a page another process
    writes; a page of its own gets its folder, made or found (parallel._WritersOs)."""
    writer = SimpleNamespace(splitting=True, _mine=False)
    monkeypatch.setattr(parallel, "_current", SimpleNamespace(writer=writer))
    writers_os = parallel._WritersOs()
    other, own = tmp_path / "lain" / "halaman", tmp_path / "sendiri" / "halaman"
    writers_os.makedirs(str(other), exist_ok=True)
    assert not (tmp_path / "lain").exists()
    writer._mine = True
    writers_os.makedirs(str(own), exist_ok=True)
    writers_os.makedirs(str(own), exist_ok=True)  # there already: no error
    assert own.is_dir()
    with pytest.raises(FileExistsError):  # without exist_ok: os.makedirs itself
        writers_os.makedirs(str(own))
    assert writers_os.path is os.path and writers_os.sep == os.sep


def test_every_file_is_taken_once_by_the_process_free_first():
    """_Claims: across forked processes every file is taken exactly once, each process's
    in the order of the list, and a file's reader is known to every process."""
    claims = parallel._Claims(200)
    assert claims.take(parallel._Claims.MAIN) == 0 and claims.reader(0) == parallel._Claims.MAIN
    assert claims.reader(1) == 0
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # a reader: its files until none is left
        taken = []
        while (position := claims.take(1)) is not None:
            taken.append(position)
        os.write(write_end, repr(taken).encode())
        os._exit(0)
    os.close(write_end)
    mine = []
    while (position := claims.take(parallel._Claims.MAIN)) is not None:
        mine.append(position)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        theirs = eval(pipe.read().decode())  # noqa: S307 - the list the child wrote
    assert theirs == sorted(theirs) and mine == sorted(mine)
    assert sorted([0, *mine, *theirs]) == list(range(200))
    assert all(claims.reader(p) == 1 for p in theirs)
    assert all(claims.reader(p) == parallel._Claims.MAIN for p in mine)
    assert claims.take(1) is None
    claims.close()


def test_the_main_process_reads_ahead_while_a_reader_is_slow(tmp_path, serial_site, monkeypatch):
    """While the file Pelican asks for next is still being read by the reader, the main
    process reads the next one instead of waiting; the site is the serial build's."""
    import time

    from pelican.readers import Readers

    main = os.getpid()
    original = Readers.read_file

    def slow_in_a_reader(self, *args, **kwargs):
        if os.getpid() != main:
            time.sleep(0.05)
        return original(self, *args, **kwargs)

    ahead = []
    read_ahead = parallel._Reading._read_ahead

    def counted(self, position):
        ahead.append(position)
        return read_ahead(self, position)

    monkeypatch.setattr(Readers, "read_file", slow_in_a_reader)
    monkeypatch.setattr(parallel._Reading, "_read_ahead", counted)
    split = build_site(tmp_path / "output", BUILD_WORKERS=2)
    assert ahead
    serial, parallel_files = files(serial_site.output), files(split.output)
    assert sorted(parallel_files) == sorted(serial)
    assert [name for name in serial if serial[name] != parallel_files[name]] == []
    assert split.warnings == serial_site.warnings


def test_a_file_read_ahead_that_logged_is_read_again_in_its_turn(caplog):
    """The main process reads a file ahead of its turn silently: a warning is counted and
    not shown, Pelican's duplicate filter forgets it (the reading again in the file's turn
    shows it), and the root logger has its handlers back."""
    from pelican.log import LimitFilter

    reading = parallel._Reading()
    reading.files = [("a.md", object), ("b.md", object)]
    reading.claims = parallel._Claims(2)
    assert reading.claims.take(parallel._Claims.MAIN) == 0
    reading.generator = SimpleNamespace(readers=None, path="/isi")

    def original(readers, base_path, path, content_class):
        if path == "b.md":
            logging.getLogger("pelican.readers").warning("peringatan dari %s", path)
        return "<p>isi</p>", {"title": path}

    reading.original = original
    handlers = list(logging.getLogger().handlers)
    before = set(LimitFilter._raised_messages)
    assert reading.claims.take(parallel._Claims.MAIN) == 1
    reading._read_ahead(0)
    reading._read_ahead(1)
    assert reading.ahead == {0: ("<p>isi</p>", {"title": "a.md"}), 1: None}
    assert LimitFilter._raised_messages == before
    assert logging.getLogger().handlers == handlers
    assert not [r for r in caplog.records if "peringatan" in r.getMessage()]
    reading.claims.close()
