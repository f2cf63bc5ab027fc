"""The benchmark runner: corpus, alternating full builds, rebuild scenarios, page weight.

Every measured build runs in a fresh Python process (`wartadesa.bench.child`); its wall
time is taken around the process, its CPU time comes from `os.wait4` (that process and
every worker it forked and waited for), and its peak memory from the process itself
(its own and its largest worker's maximum resident set, see `Measurement`).
"""

import compileall
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from wartadesa.output_folder import OLD_PREFIX
from wartadesa.weight import measure_site, segments_from_settings

from . import corpus as corpus_module
from . import differential, scenarios
from .child import PHASES, RESULT_PREFIX
from .plain import plain_settings_text

ROOT = Path(__file__).resolve().parents[2]
OUR_SETTINGS = ROOT / "pelicanconf.py"
try:
    CORES = len(os.sched_getaffinity(0))
except AttributeError:
    CORES = os.cpu_count() or 1


class BenchError(Exception):
    """A build in the benchmark failed; the message says which and why."""


def default_runs(articles):
    """Timed builds of each configuration when --runs is not given: fewer for big sites."""
    return 3 if articles <= 5000 else 2 if articles <= 10000 else 1


def default_rebuild_rounds(articles):
    """Rounds of the rebuild scenarios when --rebuild-rounds is not given: one rebuild on a
    shared, noisy machine can be off by a second or more, so up to the target size (5,000
    articles) each kind of change is measured three times, on other articles each round."""
    return 3 if articles <= 5000 else 1


# The larger differential run (differential.py): the suite's test has 20 articles and each
# kind of edit once.
DIFFERENTIAL_ARTICLES = 300
DIFFERENTIAL_ROUNDS = 2
DIFFERENTIAL_PREVIEW_ROUNDS = 1  # then through the live preview (LivePreview.rebuild)
MIN_DIFFERENTIAL_ARTICLES = 8  # enough to delete and rename articles no other links to


# The wall time of a build of ours in steps, between the moments child.PHASES begin: the
# process's start (the interpreter, the imports, the settings, the plugins), reading (every
# file read, from the build cache where it can be, the context made), completing and
# checking the site, writing the pages, finishing (the search index, the page record, the
# swap of the output folder), and the process's exit.
STEPS = ("start", "read", "check", "write", "finish", "exit")


@dataclass
class Measurement:
    """One build: wall and CPU time (the process and every process it waited for), memory."""

    wall: float  # seconds
    cpu: float  # user + system seconds, the build's forked workers included
    main_rss_kb: int  # peak resident memory of the build's main process
    worker_rss_kb: int = 0  # peak of its largest forked worker (0: none)
    warnings: list = field(default_factory=list)
    sampled_kb: int = 0  # largest memory of all its processes at one moment (0: not sampled)
    preview_seconds: float = 0.0  # `preview`: the save until its page is shown (child.preview_ours)
    preview_built_seconds: float = 0.0  # ... until the whole new output is in place
    preview_shown: list = field(default_factory=list)  # the pages shown early
    preview_problems: list = field(default_factory=list)  # what the preview reported as errors
    # `ours`: seconds from the process's start to the start of each of child.PHASES
    phases: dict = field(default_factory=dict)

    def steps(self):
        """[(step, seconds)] of the wall time: each of STEPS, from the start of one phase to
        the next (the first from the process's start, the last until it ended); [] when the
        build did not note every phase."""
        if set(self.phases) != set(PHASES):
            return []
        moments = [0.0, *(self.phases[name] for name in PHASES), self.wall]
        return [(step, b - a) for step, a, b in zip(STEPS, moments[:-1], moments[1:], strict=True)]

    @property
    def all_rss_kb(self):
        """All processes at once: sampled (`TreeMemory`) where /proc can be read, else an
        upper bound: the main process plus one worker per core at the largest worker's peak
        (pages shared after fork are counted in each)."""
        if self.sampled_kb:  # samples can miss a short peak of one process: not below it
            return max(self.sampled_kb, self.main_rss_kb, self.worker_rss_kb)
        return self.main_rss_kb + CORES * self.worker_rss_kb


class TreeMemory:
    """The largest memory a process and all its descendants use at one moment, sampled every
    `interval` seconds from Linux's /proc: the sum of their proportional set sizes (Pss, so
    a page shared after fork counts once). `peak_kb` stays 0 where /proc cannot be read.

    Reading a process's smaps_rollup walks its page tables: every 0.1 s, that took 1.2–1.5 s
    of CPU in a full build of 5,000 articles (248–277 samples), CPU the build's two processes
    needed, while plain Pelican's one process leaves a core free for it. Every 0.5 s the
    peak is the same within 0.3 % (387 MB: a plateau of seconds)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        if os.path.exists(f"/proc/{self.pid}/smaps_rollup"):
            self._thread.start()
        return self

    def __exit__(self, *_exc):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))
            self._stop.wait(self.interval)


def _tree(pid):
    """`pid` and every process below it."""
    children = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        waiting.extend(children.get(current, ()))
    return found


def _pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class ConfigStats:
    name: str
    runs: list  # of Measurement, in order

    @property
    def walls(self):
        return [m.wall for m in self.runs]

    @property
    def median(self):
        return statistics.median(self.walls)

    @property
    def cpu_median(self):
        return statistics.median(m.cpu for m in self.runs)

    @property
    def main_mb(self):
        return statistics.median(m.main_rss_kb for m in self.runs) / 1024

    @property
    def all_mb(self):
        return statistics.median(m.all_rss_kb for m in self.runs) / 1024


@dataclass
class Rebuild:
    """One scenario (scenarios.KINDS): a change, then a rebuild with the build cache into the
    previous build's output folder."""

    kind: str
    path: str  # the content file changed, added or deleted
    measurement: Measurement
    verified: bool  # the change is visible in the rebuilt output
    walls: list = field(default_factory=list)  # every round's wall time, in order (median_of)


def middle(items, wall=lambda measurement: measurement.wall):
    """The item whose `wall` time is the median (the faster of the two middle ones for an
    even count)."""
    return sorted(items, key=wall)[(len(items) - 1) // 2]


def median_of(rounds, kinds=scenarios.KINDS):
    """One Rebuild per kind, in the order of `kinds`, from every round's: the round
    whose wall time is the median (`middle`), with every round's wall time; verified only
    when every round's change was visible."""
    found = []
    for kind in kinds:
        same = [r for r in rounds if r.kind == kind]
        if not same:
            continue
        chosen = middle(same, lambda r: r.measurement.wall)
        walls = [r.measurement.wall for r in same]
        verified = all(r.verified for r in same)
        found.append(Rebuild(kind, chosen.path, chosen.measurement, verified, walls))
    return found


@dataclass
class OutputStats:
    files: int
    bytes: int
    html_pages: int
    article_pages: int
    feeds: int


@dataclass
class BenchResult:
    articles: int
    villages: int
    seed: int
    runs: int
    started: str
    machine: dict
    plugins: list
    theme: str
    corpus_seconds: float
    ours: ConfigStats
    plain: ConfigStats
    first_cached: Measurement  # our warm-up build, filling the build cache
    rebuilds: list  # of Rebuild, in the order of scenarios.KINDS (median_of the rounds)
    weights: dict  # "ours"/"plain" -> SiteWeight
    outputs: dict  # "ours"/"plain" -> OutputStats
    warnings: dict  # "ours"/"plain" -> list of warning lines (warm-up build)
    plain_settings: str  # the generated settings file, for the report
    profile: dict = field(default_factory=dict)  # listing name -> text (profile_listings)
    preview: Rebuild | None = None  # the live preview after one saved article (kind "preview")
    profile_wall: float = 0.0
    load: tuple = ()  # 1-minute load average at the start and at the end
    rebuild_rounds: int = 1  # times each kind of change was measured (median_of)
    unchanged: Rebuild | None = None  # a rebuild with nothing changed, once a round (median_of)
    differential: "differential.Result | None" = None  # the larger differential run

    @property
    def ratio(self):
        return self.ours.median / self.plain.median

    @property
    def pair_ratios(self):
        return [a / b for a, b in zip(self.ours.walls, self.plain.walls, strict=True)]

    @property
    def cpu_ratio(self):
        return self.ours.cpu_median / self.plain.cpu_median if self.plain.cpu_median else 0.0

    def rebuild(self, kind):
        return next(r for r in self.rebuilds if r.kind == kind)


def machine_info():
    """Cores, CPU model, memory, OS, Python and Pelican versions, project commit."""
    from importlib.metadata import version

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
                break
    except OSError:
        pass
    commit = ""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        if dirty:
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.CalledProcessError):
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor() or "unknown",
        "memory": memory or "unknown",
        "os": platform.platform(),
        "python": platform.python_version(),
        "pelican": version("pelican"),
        "commit": commit or "unknown",
    }


def our_settings():
    from pelican.settings import get_settings_from_file

    return get_settings_from_file(str(OUR_SETTINGS))


def compile_kit():
    """Python's bytecode of the kit's own modules and settings, made once before any timed
    build. pip made it for Pelican's modules when they were installed, and Python makes it
    on an operator's machine at the first build; a machine where PYTHONDONTWRITEBYTECODE is
    set (this one, CI) never keeps it, and every build would compile our plugins again
    (about 0.1 s of each rebuild at 5,000 articles)."""
    for folder in ("plugins", "wartadesa"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    for name in ("pelicanconf.py", "publishconf.py"):
        if (ROOT / name).is_file():
            compileall.compile_file(ROOT / name, quiet=1)


def wait_for_old_outputs(parent, timeout=120.0):
    """Until no replaced output is left in `parent`: a build returns without waiting for
    the removal of the output it replaced (wartadesa.output_folder.remove_later, a
    background `rm`), and a rebuild timed while it still runs would share the cores with
    it; an operator's next save or push comes later than that."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(p.name.startswith(OLD_PREFIX) for p in Path(parent).iterdir()):
            return
        time.sleep(0.05)


def run_build(
    config, settings, output, overrides=None, profile=None, logs=None, fresh=True, extra=()
):
    """One build in a fresh process; return a Measurement. Raise BenchError on failure.

    With `fresh` the output folder is removed first (not timed), so every build starts empty;
    without, the build writes into the previous build's output (the build cache's rebuild)."""
    output = Path(output)
    if fresh and output.exists():
        shutil.rmtree(output)
    if output.parent.is_dir():
        wait_for_old_outputs(output.parent)
    logs = Path(logs or output.parent)
    logs.mkdir(parents=True, exist_ok=True)
    values = {k: str(v) if isinstance(v, Path) else v for k, v in (overrides or {}).items()}
    command = [sys.executable, "-m", "wartadesa.bench.child", config, "--settings", str(settings)]
    command += ["--output", str(output), "--overrides", json.dumps(values)]
    if profile:
        command += ["--profile", str(profile)]
    command += list(extra)
    out_log, err_log = logs / f"{output.name}.out", logs / f"{output.name}.err"
    with open(out_log, "w") as out, open(err_log, "w") as err:
        start = time.monotonic()  # the child notes its phases on the same clock
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err)
        try:
            with TreeMemory(process.pid) as memory:
                _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl+C: do not leave the build running
            process.kill()
            process.wait()
            raise
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    result = {}
    for line in out_log.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(RESULT_PREFIX):
            result = json.loads(line[len(RESULT_PREFIX) :])
    if process.returncode != 0 or result.get("errors"):
        problems = result.get("errors") or err_log.read_text(errors="replace").splitlines()[-30:]
        shown = "\n".join(problems[:30])
        raise BenchError(f"build '{config}' gagal (failed), exit {process.returncode}:\n{shown}")
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        main_rss_kb=result.get("main_rss_kb", usage.ru_maxrss),
        worker_rss_kb=result.get("worker_rss_kb", 0),
        warnings=result.get("warnings", []),
        sampled_kb=memory.peak_kb,
        preview_seconds=result.get("preview_seconds", 0.0),
        preview_built_seconds=result.get("preview_built_seconds", 0.0),
        preview_shown=result.get("preview_shown", []),
        preview_problems=result.get("preview_problems", []),
        phases={name: moment - start for name, moment in (result.get("phases") or {}).items()},
    )


def output_stats(folder, site_weight):
    files = [p for p in Path(folder).rglob("*") if p.is_file()]
    return OutputStats(
        files=len(files),
        bytes=sum(p.stat().st_size for p in files),
        html_pages=len(site_weight.pages),
        article_pages=sum(1 for page in site_weight.pages if page.kind == "article"),
        feeds=sum(1 for p in files if p.suffix == ".xml" and "feeds" in p.parts),
    )


def profile_listings(stats_file, lines=30):
    """Readable cProfile listings: {"cumulative", "own", "ours" (plugins/, wartadesa/)}."""
    import io
    import pstats
    import sysconfig

    def listing(order, *restrictions):
        buffer = io.StringIO()
        pstats.Stats(str(stats_file), stream=buffer).sort_stats(order).print_stats(*restrictions)
        text = buffer.getvalue().replace(sysconfig.get_paths()["purelib"] + "/", "")
        return text.replace(f"{ROOT}/", "").replace(str(stats_file), "profile")

    return {
        "cumulative": listing("cumulative", lines),
        "own": listing("tottime", 20),
        "ours": listing("cumulative", rf"{ROOT}/(plugins|wartadesa)/", 25),
    }


def run_benchmark(
    articles=1000,
    villages=40,
    seed=1,
    runs=None,
    profile=False,
    workdir=None,
    keep=False,
    log=print,
    rebuild_rounds=None,
    differential_articles=DIFFERENTIAL_ARTICLES,
    differential_rounds=DIFFERENTIAL_ROUNDS,
    differential_preview_rounds=DIFFERENTIAL_PREVIEW_ROUNDS,
):
    """Run everything; return a BenchResult. `differential_articles` 0: no differential run."""
    runs = runs or default_runs(articles)
    rebuild_rounds = rebuild_rounds or default_rebuild_rounds(articles)
    started = dt.datetime.now().astimezone()
    temporary = workdir is None
    work = Path(workdir or tempfile.mkdtemp(prefix="wartadesa-bench-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    try:
        result = _run(articles, villages, seed, runs, profile, work, started, log, rebuild_rounds)
        if differential_articles > 0:
            result.differential = run_differential(
                work / "differential",
                differential_articles,
                seed,
                differential_rounds,
                differential_preview_rounds,
                log,
            )
        return result
    finally:
        if temporary and not keep:
            shutil.rmtree(work, ignore_errors=True)
        elif keep:
            log(f"Folder kerja disimpan (kept): {work}")


def run_differential(work, articles, seed, rounds, preview_rounds=0, log=print):
    """differential.run, last (it builds in this process, after every timed build). Whatever
    stops it is its result (`failed`, judged "not met"), not the benchmark's end: the timed
    figures are reported all the same."""
    villages = max(4, min(40, articles // 25))
    log(
        f"Uji diferensial (differential run): {articles} berita, {villages} desa, "
        f"{rounds} putaran build + {preview_rounds} putaran pratinjau (live preview) x "
        f"{len(differential.STEPS)} jenis perubahan; tiap build dengan cache dibandingkan byte "
        "demi byte dengan build bersih (clean build)"
    )
    try:
        return differential.run(
            work,
            articles=articles,
            villages=villages,
            seed=seed,
            rounds=rounds,
            log=log,
            preview_rounds=preview_rounds,
        )
    except Exception as error:  # noqa: BLE001 - reported as the run's outcome
        failed = f"gagal sebelum langkah pertama (failed before its first step): {error}"
        log(f"  {failed}")
        return differential.Result(
            articles, villages, seed, rounds, [], 0.0, preview_rounds, failed
        )


def _load():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def _mb(measurement):
    return f"{measurement.main_rss_kb / 1024:.0f} MB, semua proses {measurement.all_rss_kb / 1024:.0f} MB"


def timed_builds(builds, runs, work, logs, log=print):
    """`runs` rounds of one timed full build of each of `builds` ({name: (config, settings
    file, overrides)}) in turn, each into its own new folder under `work`: {name: [their
    Measurements]}.

    The outputs stay until the benchmark's work folder goes, at its end: none is removed
    between timed builds, or before the rebuilds. On a disk mounted without a journal (this
    machine's ext4) the file system passes over every inode deleted in the last minutes
    when it gives out a new one (`recently_deleted`: 4 % of a build's perf samples, 8 %
    with its callers), so a build made right after another output's removal paid for it,
    the more so the more files it makes (ours 5,559 at 1,000 articles, plain Pelican 3,352)
    and the more builds came before (a build's system time went from 1.1 s to 4 s over
    twenty). A first build, or CI's, has nothing just removed; a rebuild's removal of the
    output it replaces is its own and stays in its time."""
    timed = {name: [] for name in builds}
    for run in range(1, runs + 1):
        for name, (config, settings_file, overrides) in builds.items():
            output = Path(work) / f"run{run}-{name}"
            measurement = run_build(config, settings_file, output, overrides, logs=logs)
            timed[name].append(measurement)
            log(
                f"  run {run}/{runs} {name:5}: {measurement.wall:6.2f} s "
                f"(CPU {measurement.cpu:.2f} s), {_mb(measurement)}"
            )
    return timed


def _run(articles, villages, seed, runs, profile, work, started, log, rebuild_rounds=1):
    load_start = _load()
    log(f"Membuat korpus: {articles} berita, {villages} desa, seed {seed} -> {work}")
    clock = time.perf_counter()
    site = corpus_module.generate(work / "corpus", articles=articles, villages=villages, seed=seed)
    corpus_seconds = time.perf_counter() - clock
    log(f"  korpus selesai dalam {corpus_seconds:.1f} s")

    settings = our_settings()
    plain_file = work / "plain_settings.py"
    plain_file.write_text(plain_settings_text(settings, site.plain), encoding="utf-8")
    ours_overrides = {"PATH": str(site.ours)}
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    cached_overrides = {**ours_overrides, "BUILD_CACHE": str(cache)}
    builds = {"ours": ("ours", OUR_SETTINGS, ours_overrides), "plain": ("plain", plain_file, {})}
    logs = work / "logs"

    compile_kit()
    # Warm-up: one untimed build of each. Ours fills the build cache (BUILD_CACHE) on the way
    # (the first build of the rebuild scenarios); the output is the same.
    log("Build pemanasan (warm-up: checked, measured for page weight; ours fills the cache)")
    warm = {
        "ours": run_build("ours", OUR_SETTINGS, work / "warm-ours", cached_overrides, logs=logs),
        "plain": run_build("plain", plain_file, work / "warm-plain", {}, logs=logs),
    }
    for name, measurement in warm.items():
        log(
            f"  {name}: {measurement.wall:.1f} s (CPU {measurement.cpu:.1f} s, {_mb(measurement)}), "
            f"{len(measurement.warnings)} peringatan (warnings)"
        )

    log("Mengukur berat halaman (page weight)")
    segments = segments_from_settings(settings)
    skip = (settings["EDITOR_PATH"],) if settings.get("EDITOR_PATH") else ()  # an operator's tool
    weights, outputs = {}, {}
    for name in builds:
        weights[name] = measure_site(work / f"warm-{name}", segments=segments, skip=skip)
        outputs[name] = output_stats(work / f"warm-{name}", weights[name])
        if outputs[name].article_pages != articles:
            raise BenchError(
                f"build '{name}' menulis {outputs[name].article_pages} halaman berita, "
                f"bukan {articles} (wrote the wrong number of article pages)"
            )

    log(f"Build bergantian (alternating timed builds), {runs} kali")
    timed = timed_builds(builds, runs, work, logs, log)
    load_end = _load()

    log(
        "Build ulang dengan cache (BUILD_CACHE) ke folder yang sama, satu perubahan tiap kali"
        + (f", {rebuild_rounds} putaran (rounds)" if rebuild_rounds > 1 else "")
    )
    rounds, unchanged_rounds = [], []
    output = work / "warm-ours"

    def rebuild_after(change, into):
        measurement = run_build(
            "ours", OUR_SETTINGS, output, cached_overrides, logs=logs, fresh=False
        )
        rebuild = Rebuild(change.kind, change.path, measurement, change.check(output))
        into.append(rebuild)
        seen = (
            "perubahan terlihat (verified)" if rebuild.verified else "TIDAK TERLIHAT (not verified)"
        )
        steps = ", ".join(f"{step} {value:.2f}" for step, value in measurement.steps())
        log(
            f"  {change.kind:7}: {measurement.wall:6.2f} s (CPU {measurement.cpu:.2f} s; "
            f"{change.path or '-'}; {seen}; {steps})"
        )

    changes = scenarios.make_changes(site, settings, seed, rounds=rebuild_rounds)
    for number in range(rebuild_rounds * len(scenarios.KINDS)):
        if number % len(scenarios.KINDS) == 0:  # each round starts with nothing changed,
            rebuild_after(scenarios.unchanged(output), unchanged_rounds)
        rebuild_after(next(changes), rounds)  # before the next change is made
    rebuilds = median_of(rounds)
    unchanged = next(iter(median_of(unchanged_rounds, (scenarios.UNCHANGED,))), None)

    log("Pratinjau (invoke livereload): satu berita disimpan, build ulang di proses yang sama")
    change = scenarios.preview_change(site, settings, seed, [r.path for r in rounds])
    measurement = run_build(
        "preview",
        OUR_SETTINGS,
        output,
        cached_overrides,
        logs=logs,
        fresh=False,
        extra=["--append", str(site.ours / change.path), "--line", change.line],
    )
    preview = Rebuild(
        "preview",
        change.path,
        measurement,
        change.check(output) and not measurement.preview_problems,
    )
    log(
        f"  preview: {measurement.preview_seconds:6.2f} s halaman tampil (page shown: "
        f"{', '.join(measurement.preview_shown) or '-'}), "
        f"{measurement.preview_built_seconds:.2f} s seluruh situs (whole site; {change.path}; "
        + (
            "perubahan terlihat (verified))"
            if preview.verified
            else "TIDAK TERLIHAT (not verified))"
        )
    )
    for problem in measurement.preview_problems:
        log(f"    {problem}")

    result = BenchResult(
        articles=articles,
        villages=villages,
        seed=seed,
        runs=runs,
        started=started.strftime("%Y-%m-%d %H:%M %Z"),
        machine=machine_info(),
        plugins=list(settings.get("PLUGINS") or []),
        theme=str(settings.get("THEME")),
        corpus_seconds=corpus_seconds,
        ours=ConfigStats("ours", timed["ours"]),
        plain=ConfigStats("plain", timed["plain"]),
        first_cached=warm["ours"],
        rebuilds=rebuilds,
        rebuild_rounds=rebuild_rounds,
        weights=weights,
        outputs=outputs,
        warnings={name: warm[name].warnings for name in warm},
        plain_settings=plain_file.read_text(encoding="utf-8").replace(
            repr(str(site.plain)), "'<corpus>/plain/content'"
        ),
        load=(load_start, load_end),
        preview=preview,
        unchanged=unchanged,
    )
    if profile:
        log("Profil satu build penuh (cProfile)")
        stats_file = work / "ours.prof"
        measurement = run_build(
            "ours",
            OUR_SETTINGS,
            work / "profiled-ours",
            ours_overrides,
            profile=stats_file,
            logs=logs,
        )
        result.profile_wall = measurement.wall
        result.profile = profile_listings(stats_file)
    return result
