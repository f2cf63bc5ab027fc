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


def test_the_main_process_reads_a_smaller_share_spread_over_the_files():
    """reading_owners: every file has one reader; the main process (0), which also makes
    the content object of every file read, takes fewer than an equal share, spread evenly
    (never a run of its own at the start or the end), and the workers equal shares."""
    from wartadesa.parallel import MAIN_WORK_PER_FILE, reading_owners

    assert reading_owners(7, 1) == [0] * 7
    for count in (2, 3, 4):
        owners = reading_owners(1000, count)
        assert len(owners) == 1000 and set(owners) <= set(range(count))
        main = owners.count(0)
        assert 0 < main < 1000 / count
        expected = 1000 * (1 / count - (count - 1) / count * MAIN_WORK_PER_FILE)
        assert abs(main - expected) <= 1
        workers = [owners.count(index) for index in range(1, count)]
        assert max(workers) - min(workers) <= 1
        for start in range(0, 1000, 100):  # every tenth of the list: its part of the share
            assert abs(owners[start : start + 100].count(0) - main / 10) <= 1
