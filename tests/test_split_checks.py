"""The plugins' checks on two cores (wartadesa/split_checks.py): receivers marked
`reports_only` run after the others, the unmarked `here` ones in the build's process and
the rest in a forked process, whose messages and memo entries come back."""

import json
import os

import pytest
from pelican.plugins import signals

from front_matter import memo
from front_matter.errors import ContentError, report, reports_only
from tests.sitetools import build_site
from wartadesa.build import BuildFailed
from wartadesa.split_checks import placed


@pytest.fixture
def receivers(tmp_path):
    """Three receivers of all_generators_finalized: one marked to run anywhere, one marked
    `here`, one not marked; each notes its process and what it saw in `seen.jsonl`."""
    log = tmp_path / "seen.jsonl"

    def note(name, generators):
        articles = generators[0].articles if generators else []
        linked = all(hasattr(article, "previous_article") for article in articles)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps([name, os.getpid(), linked]) + "\n")

    @reports_only(cost=1000)  # costlier than any of the kit's: in the forked process
    def anywhere(generators):
        note("anywhere", generators)
        memo.mark_clean("uji-bersih")
        report(ContentError("content/berita/uji.md", 3, "masalah uji (test problem)", "perbaiki"))

    @reports_only(here=True)
    def here(generators):
        note("here", generators)

    @reports_only(cost=0)  # costs nothing: joins the lighter side, the build's process
    def light(generators):
        note("light", generators)

    def unmarked(generators):
        note("unmarked", generators)

    for receiver in (anywhere, here, light, unmarked):
        signals.all_generators_finalized.connect(receiver)
    try:
        yield lambda: [json.loads(line) for line in log.read_text().splitlines()]
    finally:
        for receiver in (anywhere, here, light, unmarked):
            signals.all_generators_finalized.disconnect(receiver)


@pytest.mark.parametrize("workers", [2, 1])
def test_marked_checks_run_last_and_aside_and_their_reports_count(tmp_path, receivers, workers):
    cache = tmp_path / "cache"
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", BUILD_CACHE=str(cache), BUILD_WORKERS=workers)
    assert "content/berita/uji.md:3: masalah uji (test problem) — perbaiki" in failed.value.problems
    assert not (tmp_path / "output").exists()  # nothing published
    seen = receivers()
    assert [name for name, _, _ in seen][0] == "unmarked"  # the marked ones after the others
    assert sorted(name for name, _, _ in seen) == ["anywhere", "here", "light", "unmarked"]
    # The site complete (previous/next articles: article_extras) before the marked ones.
    assert all(linked for name, _, linked in seen if name != "unmarked")
    pids = {name: pid for name, pid, _ in seen}
    assert pids["here"] == pids["unmarked"] == pids["light"] == os.getpid()
    assert (pids["anywhere"] != os.getpid()) == (workers == 2)


def test_what_a_check_aside_found_clean_is_kept(tmp_path):
    clean = []

    @reports_only(cost=1000)
    def aside(generators):
        clean.append(("aside", os.getpid() != here_pid, memo.is_clean("uji-bersih")))
        memo.mark_clean("uji-bersih")

    @reports_only(here=True)
    def here(generators):  # keeps the split (one receiver each side)
        pass

    here_pid = os.getpid()
    for receiver in (aside, here):
        signals.all_generators_finalized.connect(receiver)
    try:
        build_site(tmp_path / "output", BUILD_CACHE=str(tmp_path / "cache"))
    finally:
        for receiver in (aside, here):
            signals.all_generators_finalized.disconnect(receiver)
    # Run in the forked process (what it appended there is not seen here) ...
    assert clean == []
    # ... and the key it marked clean came back: it was saved with the memo.
    (saved,) = (tmp_path / "cache").rglob("clean.txt")
    assert "uji-bersih" in saved.read_text().split()


@pytest.mark.parametrize("workers", [2, 1])
def test_a_check_that_fails_does_not_hide_what_the_others_found(tmp_path, workers):
    @reports_only
    def finds(generators):
        report(ContentError("content/berita/uji.md", 3, "masalah uji", "perbaiki"))

    @reports_only(here=True)
    def breaks(generators):
        raise RuntimeError("pemeriksaan rusak")

    for receiver in (finds, breaks):
        signals.all_generators_finalized.connect(receiver)
    try:
        with pytest.raises(BuildFailed) as failed:
            build_site(tmp_path / "output", BUILD_WORKERS=workers)
    finally:
        for receiver in (finds, breaks):
            signals.all_generators_finalized.disconnect(receiver)
    problems = failed.value.problems
    assert "content/berita/uji.md:3: masalah uji — perbaiki" in problems
    assert any("RuntimeError: pemeriksaan rusak" in line for line in problems), problems


def test_a_check_connected_strongly_stays_connected_build_after_build(tmp_path):
    import functools

    calls = []

    def count(label, generators):
        calls.append(label)

    check = reports_only(functools.partial(count, "dihitung"))
    signals.all_generators_finalized.connect(check, weak=False)
    del check  # only the signal holds it, as a plugin's partial
    try:
        for _ in range(2):
            build_site(tmp_path / "output", BUILD_WORKERS=1)
    finally:
        for receiver in list(signals.all_generators_finalized.receivers_for(object())):
            if isinstance(receiver, functools.partial) and receiver.func is count:
                signals.all_generators_finalized.disconnect(receiver)
    assert calls == ["dihitung", "dihitung"]


def test_a_table_a_check_aside_filled_is_kept(tmp_path):
    import pickle

    @reports_only(cost=1000)
    def aside(generators):
        memo.table("uji tabel")[1]["kunci"] = "nilai"

    @reports_only(here=True)
    def here(generators):
        pass

    for receiver in (aside, here):
        signals.all_generators_finalized.connect(receiver)
    try:
        build_site(tmp_path / "output", BUILD_CACHE=str(tmp_path / "cache"), BUILD_WORKERS=2)
    finally:
        for receiver in (aside, here):
            signals.all_generators_finalized.disconnect(receiver)
    saved = {}
    for part in (tmp_path / "cache").rglob("results-*.bin"):
        saved.update(pickle.loads(part.read_bytes())["entries"])
    assert saved["uji tabel"] == {"kunci": "nilai"}


def _check(name, **marks):
    def check(generators):
        pass

    check.__name__ = check.__qualname__ = name
    return reports_only(check, **marks)


def test_the_checks_are_shared_by_their_cost():
    """The `here` ones stay; the others go, costliest first, to the side with less to do
    so far (the forked one on a tie); each side in the signal's order."""
    a = _check("a", here=True, cost=50)
    b = _check("b", cost=200)
    c = _check("c", cost=120)
    d = _check("d", cost=60)
    e = _check("e", here=True, cost=20)
    f = _check("f")  # unsaid: a small check (front_matter.errors.DEFAULT_CHECK_COST)
    here, aside = placed([a, b, c, d, e, f])
    # here 70; b (200) aside; c here (190); d here (250); f (10) aside.
    assert [r.__name__ for r in here] == ["a", "c", "d", "e"]
    assert [r.__name__ for r in aside] == ["b", "f"]
    assert placed([b]) == ([], [b])  # a tie (nothing either side): aside
    assert placed([a, e]) == ([a, e], [])  # only `here` ones: all here


def test_the_kits_own_checks_leave_neither_process_waiting_long():
    """The spam check (the costliest: 3.64 s of one core at 5,000 articles, more than the
    link, address and personal-data checks together) is two receivers, one in each process;
    the small ones go where there is room. The costs are those measured."""
    from content_guard import (
        categories,
        duplicates,
        future,
        links,
        size,
        spam,
        static_files,
        unread,
    )
    from privacy_guard import guard

    taken = [
        module.check
        for module in (size, spam, static_files, duplicates, links, categories, future, unread)
    ] + [spam.check_more, guard.check]
    here, aside = placed(taken)
    assert (spam.check in aside) != (spam.check_more in aside)  # one half in each process
    assert links.check in here and duplicates.check in here
    cost_here = sum(r.reports_cost for r in here)
    cost_aside = sum(r.reports_cost for r in aside)
    assert max(cost_here, cost_aside) <= 1.1 * min(cost_here, cost_aside), (cost_here, cost_aside)


class _Shares:
    """A share of work (shared_before_writing) noting where each part ran and what was
    merged into the build's process."""

    def __init__(self, log):
        self.log = log
        self.merged = []

    def part(self, index, count):
        with open(self.log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps([index, count, os.getpid()]) + "\n")
        return f"bagian {index} dari {count}"

    def merge(self, value):
        self.merged.append(value)


@pytest.mark.parametrize("workers", [2, 1])
def test_work_shared_before_writing_is_split_between_the_checks_processes(tmp_path, workers):
    from wartadesa.split_checks import shared_before_writing

    work = _Shares(tmp_path / "parts.jsonl")

    def receiver(generators):
        assert generators and all(hasattr(a, "previous_article") for a in generators[0].articles)
        return work

    shared_before_writing.connect(receiver)
    try:
        build_site(tmp_path / "output", BUILD_WORKERS=workers)
    finally:
        shared_before_writing.disconnect(receiver)
    parts = [json.loads(line) for line in (tmp_path / "parts.jsonl").read_text().splitlines()]
    if workers == 1:  # all of it in the build's process, nothing to merge
        assert parts == [[0, 1, os.getpid()]]
        assert work.merged == []
    else:  # the first share here, the second in the forked process, merged here
        shares = {index: (count, pid) for index, count, pid in parts}
        assert len(parts) == 2 and shares[0] == (2, os.getpid())
        assert shares[1][0] == 2 and shares[1][1] != os.getpid()
        assert work.merged == ["bagian 1 dari 2"]


def test_a_build_that_only_checks_readies_nothing_for_the_writing(tmp_path):
    """invoke check (write=False): the checks run, no work is shared before a writing
    that does not come."""
    from tests.sitetools import SAMPLE_BUILD_EPOCH, environ, settings_path
    from wartadesa.build import build
    from wartadesa.split_checks import shared_before_writing

    asked = []

    def receiver(generators):
        asked.append(len(generators))

    shared_before_writing.connect(receiver)
    try:
        with environ(SOURCE_DATE_EPOCH=SAMPLE_BUILD_EPOCH):
            build(settings_path("pelicanconf.py"), write=False, overrides={"BUILD_WORKERS": 2})
        assert asked == []
        build_site(tmp_path / "output", BUILD_WORKERS=2)
        assert len(asked) == 1
    finally:
        shared_before_writing.disconnect(receiver)


@pytest.mark.parametrize("workers, forked", [(2, False), (4, True)])
def test_a_check_split_over_processes_uses_only_its_part_of_the_cores(tmp_path, workers, forked):
    """Within the checks on two processes, a check's own split (parallel.map_forked) forks
    no process on two cores, and one more in each process on four: the build's and the
    forked process's checks together use the cores once."""
    from wartadesa.parallel import map_forked, sharing_cores

    log = tmp_path / "pids.jsonl"

    def pids(generators):
        found = map_forked(lambda _item: os.getpid(), range(200), generators[0].settings)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps([os.getpid(), sorted(set(found))]) + "\n")

    here = reports_only(here=True)(lambda generators: pids(generators))
    anywhere = reports_only(cost=1000)(lambda generators: pids(generators))
    for receiver in (here, anywhere):
        signals.all_generators_finalized.connect(receiver, weak=False)
    try:
        build_site(tmp_path / "output", BUILD_WORKERS=workers)
    finally:
        for receiver in (here, anywhere):
            signals.all_generators_finalized.disconnect(receiver)
    seen = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(seen) == 2 and seen[0][0] != seen[1][0]  # one check in each process
    for caller, processes in seen:
        assert caller in processes and len(processes) == (2 if forked else 1)
    with sharing_cores(2):
        inside = map_forked(lambda _item: os.getpid(), range(200), {"BUILD_WORKERS": 2})
    outside = map_forked(lambda _item: os.getpid(), range(200), {"BUILD_WORKERS": 2})
    assert set(inside) == {os.getpid()} and len(set(outside)) == 2
