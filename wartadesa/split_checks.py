"""The checks of a build on two cores.

The plugins' checks (content_guard's, privacy_guard's) run at `all_generators_finalized`,
once the site is complete and before anything is written, in the build's one process while
the other core waits: at 5,000 articles 0.6-0.7 s of a one-article rebuild, at 1,000
articles 0.7-0.9 s of a full build. A receiver marked `front_matter.errors.reports_only`
only reads the site and reports; within `checks_on_two_cores()`, such receivers are taken
off the signal once the plugins are registered (`initialized`) and run after every other
receiver of `all_generators_finalized` (those that complete the site: previous/next
articles, the notice board), by one receiver connected last: the ones marked `here` in the
build's process, the others shared by their cost (`placed`: at 5,000 articles the spam
check takes longer than all the others together, so it is two receivers, one half each)
between the build's process and a forked process meanwhile (parallel.Aside; a check that
splits its files over processes, parallel.map_forked, uses only its process's part of the
cores: on two none), which sends back what they logged (logged again here: the build's
collector counts every error before writing starts, and the messages are sorted by file and
line as always) and what they found clean or kept in the memo (front_matter.memo). On one
core (BUILD_WORKERS = 1, no fork) they run one after the other, in the same order, in the
build's process.

Work that readies the writing is shared the same way (`shared_before_writing`: the cards of
the articles, plugin article_extras): a receiver gets the generators in the build's process
before the other process is forked, and returns None or a share of work with
`part(index, count)`, which does the share `index` of `count` in the process it runs in (what
it makes is kept there) and returns it as a value that pickles, and `merge(value)`, which
takes another process's share into the build's process. The build's process does its share
after its checks and the forked process after its own; on one core the whole of it is done
after the checks. Both writing processes are forked later: each has every share. A build
that only checks (`invoke check`) readies nothing.
"""

from __future__ import annotations

import weakref
from contextlib import contextmanager, suppress

from blinker import signal
from blinker.base import ANY_ID, make_id
from pelican.plugins import signals

from wartadesa.parallel import Aside, sharing_cores, worker_count

shared_before_writing = signal("wartadesa_shared_before_writing")


def _marked(receiver) -> str | None:
    return getattr(receiver, "reports_only", None)


def _cost(receiver) -> float:
    from front_matter.errors import DEFAULT_CHECK_COST

    return getattr(receiver, "reports_cost", DEFAULT_CHECK_COST)


def placed(taken: list) -> tuple[list, list]:
    """(here, aside): the marked receivers run in the build's process and in the forked
    one. Those marked `here` stay here; the others go, the costliest first, to whichever
    side has less to do so far by their `cost` (`reports_only`; the forked side on a
    tie), so that neither process waits long for the other. Each side keeps the order
    the signal had them in."""
    load_here = sum(_cost(receiver) for receiver in taken if _marked(receiver) == "here")
    load_aside = 0.0
    aside = set()
    others = [receiver for receiver in taken if _marked(receiver) != "here"]
    for receiver in sorted(others, key=_cost, reverse=True):  # stable: the signal's order
        if load_aside <= load_here:
            aside.add(id(receiver))
            load_aside += _cost(receiver)
        else:
            load_here += _cost(receiver)
    return (
        [receiver for receiver in taken if id(receiver) not in aside],
        [receiver for receiver in taken if id(receiver) in aside],
    )


class _Checks:
    def __init__(self, writing: bool = True) -> None:
        self.taken = []  # the marked receivers, in the order the signal had them
        self._weak = {}  # id of a taken receiver -> whether it was connected weakly
        self.writing = writing  # False: the build stops after the checks (invoke check)

    def take(self, _pelican=None) -> None:
        """initialized: every plugin has connected its receivers. Taken: the marked ones
        connected for every sender only (a receiver for one sender stays where it is)."""
        signal = signals.all_generators_finalized
        for receiver in list(signal.receivers_for(object())):
            if not _marked(receiver) or receiver is self.run:
                continue
            key = make_id(receiver)
            if set(signal._by_receiver.get(key, ())) != {ANY_ID}:
                continue
            self._weak[key] = isinstance(signal.receivers.get(key), weakref.ref)
            signal.disconnect(receiver)
            self.taken.append(receiver)
        signal.disconnect(self.run)  # last of all
        signal.connect(self.run)

    def give_back(self) -> None:
        """The taken receivers connected again as they were (weakly or not)."""
        signal = signals.all_generators_finalized
        signal.disconnect(self.run)
        for receiver in self.taken:
            signal.connect(receiver, weak=self._weak.get(make_id(receiver), True))
        self.taken = []
        self._weak = {}

    def run(self, generators) -> None:
        """all_generators_finalized, after every other receiver."""
        here, aside = placed(self.taken)
        settings = generators[0].settings if generators else {}
        shared = shared_before_writing.send(generators) if self.writing else []
        works = [work for _, work in shared if work is not None]
        if worker_count(settings) <= 1 or not (aside and here or works):
            for receiver in self.taken:
                receiver(generators)
            for work in works:
                work.part(0, 1)
            return
        if not (aside and here):  # the checks are not shared: all of them here
            here, aside = list(self.taken), []
        with sharing_cores(2):  # a check's own split (map_forked): its process's part
            other = Aside(lambda: _run_noting_memo(aside, generators, works))
            try:
                for receiver in here:
                    receiver(generators)
                for work in works:
                    work.part(0, 2)
            except BaseException:
                # What the other checks found is reported too (as when they run first, on
                # one core); their own failure, if any, gives way to this one.
                with suppress(Exception):
                    other.result()
                raise
        from front_matter import memo

        found = other.result()
        memo.merge_all(found["memo"])
        for work, value in zip(works, found["works"], strict=True):
            work.merge(value)


def _run_noting_memo(receivers, generators, works=()):
    """In the forked process: run `receivers`, then the second share of each of `works`;
    what the checks added to the memo (the keys found clean, the results kept, the entries
    of its tables: memo.share_all) and the shares' values."""
    from front_matter import memo

    memo.forked()
    for receiver in receivers:
        receiver(generators)
    return {"memo": memo.share_all(), "works": [work.part(1, 2) for work in works]}


@contextmanager
def checks_on_two_cores(writing: bool = True):
    """Around one Pelican run (wartadesa.build): see the module docstring. `writing`
    False: the build only checks (`invoke check`), nothing is readied for the writing."""
    checks = _Checks(writing)
    signals.initialized.connect(checks.take)
    try:
        yield
    finally:
        signals.initialized.disconnect(checks.take)
        checks.give_back()
