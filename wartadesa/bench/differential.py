"""The differential run of the incremental build: a seeded random sequence of edits to a
generated site; after each one, a build with the build cache (BUILD_CACHE) into the previous
output is compared with a clean build of the same content, every file byte for byte and
every folder.

The same edits serve the test in the suite (tests/test_incremental_build.py, a small site,
each kind of edit once) and the larger run of `invoke bench` (`run`: more articles, every
kind of edit in several shuffled rounds), which reports each step and the first difference
found. Its last rounds (`preview_rounds`) rebuild through the live preview instead
(wartadesa.preview.LivePreview, as `invoke livereload` does on every save: the cache's
files held in the process, the saved article's page shown first and the rest of the build
after it, saved and the search index made after the pages are in place), each compared,
once the preview's work is done, with a clean build of the preview's settings; a page the
preview showed early that is not the page its build wrote is a difference too.

Kinds of edit (`STEPS`): an article's body, title, village, category or date; an article
added, deleted or renamed; a template; a setting; a new image an article shows; a data file
(desa.yml). A deleted or renamed article is one no other article links to (else the build
rightly fails on a broken link).
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from wartadesa.bench.scenarios import has_field, set_field, unlinked

STEPS = [
    "body",
    "title",
    "village",
    "category",
    "date",
    "add",
    "delete",
    "rename",
    "template",
    "setting",
    "image",
    "data",
]


def not_repeatable():
    """Pagefind's few files it writes in a random order (README "Search")."""
    import wartadesa.build  # noqa: F401 - puts plugins/ on the path
    from search.indexer import NOT_REPEATABLE

    return NOT_REPEATABLE


class Tree(NamedTuple):
    """One output folder as compared: its files' bytes, what can be compared of Pagefind's
    files written in a random order, and its folders."""

    files: dict[str, bytes]
    random_order: dict[str, object]
    folders: list[str]


def tree_of(folder) -> Tree:
    """`folder` walked once: every file's bytes by its path, but for Pagefind's files written
    in a random order (`not_repeatable`) how many there are of each kind in each folder
    (`pagefind/shard-1/filter/*.pf_filter: 4`) and the pages each part's entry file counts."""
    folder = Path(folder)
    skipped = not_repeatable()
    files, random_order, folders = {}, {}, []
    counts: Counter = Counter()
    for p in folder.rglob("*"):
        name = p.relative_to(folder).as_posix()
        if p.is_dir():
            folders.append(name)
        elif not skipped.match(name):
            files[name] = p.read_bytes()
        elif p.name == "pagefind-entry.json":
            languages = json.loads(p.read_text(encoding="utf-8")).get("languages", {})
            random_order[name] = sorted((k, v.get("page_count")) for k, v in languages.items())
        else:
            counts[f"{p.parent.relative_to(folder).as_posix()}/*{p.suffix}"] += 1
    random_order.update(counts)
    return Tree(files, random_order, sorted(folders))


def files_of(folder) -> dict[str, bytes]:
    """Every file's bytes by its path under `folder`, but Pagefind's files written in a
    random order (`tree_of`)."""
    return tree_of(folder).files


def folders_of(folder) -> list[str]:
    folder = Path(folder)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


def articles(content) -> list[Path]:
    return sorted((Path(content) / "berita").rglob("*.md"))


def village_codes(content) -> list[str]:
    return re.findall(r"kode: (\S+)", (Path(content) / "desa.yml").read_text(encoding="utf-8"))


# The edits that change a front matter field of that name (an article without it is not
# chosen: one article in ten of the corpus names a region, not a village).
FIELDS = ("title", "village", "category", "date", "image")


def _chosen(step, content, rng) -> Path | None:
    """The article an edit changes, copies or removes (None: an edit of the whole site)."""
    if step in ("template", "setting", "data"):
        return None
    candidates = articles(content)
    if step in ("delete", "rename"):  # one no other article links to (else: broken link)
        candidates = unlinked(content, candidates)
    elif step in FIELDS:
        candidates = [path for path in candidates if has_field(path, step)]
    if not candidates:
        raise ValueError(
            f"tidak ada berita yang bisa dipakai untuk perubahan '{step}' (no article left "
            "for this edit): pakai lebih banyak berita (--differential-articles)"
        )
    return rng.choice(candidates)


def edit(step, content, theme, settings, rng, number) -> str:
    """Apply one kind of edit (`STEPS`) to the site (its `content` folder, its copy of the
    `theme`, its `settings` overrides); return a short description."""
    from PIL import Image

    chosen = _chosen(step, content, rng)
    if step == "body":
        with open(chosen, "a", encoding="utf-8") as handle:
            handle.write(f"\nParagraf tambahan nomor {number} untuk uji build ulang.\n")
    elif step == "title":
        set_field(chosen, "title", f"Judul Baru Nomor {number} di Desa")
    elif step == "village":
        set_field(chosen, "village", rng.choice(village_codes(content)))
    elif step == "category":
        set_field(chosen, "category", rng.choice(["Pertanian", "Kesehatan"]))
    elif step == "date":
        set_field(chosen, "date", f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
    elif step == "add":
        text = chosen.read_text(encoding="utf-8")
        target = chosen.with_name(f"baru-{number}.md")
        target.write_text(
            re.sub(
                r"^(judul|title): .*$", rf"\1: Berita Tambahan {number}", text, count=1, flags=re.M
            ),
            encoding="utf-8",
        )
        chosen = target
    elif step == "delete":
        chosen.unlink()
    elif step == "rename":
        chosen.rename(chosen.with_name(f"nama-lain-{number}.md"))
    elif step == "template":
        base = Path(theme) / "templates" / "base.html"
        base.write_text(
            base.read_text(encoding="utf-8").replace(
                "</body>", f"<!-- versi tema {number} --></body>"
            ),
            encoding="utf-8",
        )
    elif step == "setting":
        settings["SITENAME"] = f"Warta Uji {number}"
    elif step == "image":
        picture = Path(content) / "images" / f"baru-{number}.jpg"
        Image.new("RGB", (960, 640), (40 * (number % 6), 120, 90)).save(picture, quality=80)
        set_field(chosen, "image", f"images/{picture.name}")
    elif step == "data":
        # The same villages, other bytes: every cached read is stale for the new key.
        with open(Path(content) / "desa.yml", "a", encoding="utf-8") as handle:
            handle.write(f"# diubah {number}\n")
    else:
        raise ValueError(f"unknown step {step!r}")
    return f"{step} {chosen.name}" if chosen is not None else step


def differences(clean, built) -> list[str]:
    """What differs between a clean build's output and the cached build's, in words (empty:
    the same files, bytes and folders)."""
    expected, found = tree_of(clean), tree_of(built)
    lines = [
        f"hanya di build dengan cache (extra): {n}"
        for n in sorted(found.files.keys() - expected.files.keys())
    ]
    lines += [
        f"tidak ada di build dengan cache (missing): {n}"
        for n in sorted(expected.files.keys() - found.files.keys())
    ]
    lines += [
        f"isi berbeda (differs): {name}"
        for name in sorted(expected.files.keys() & found.files.keys())
        if expected.files[name] != found.files[name]
    ]
    lines += [
        f"indeks pencarian berbeda (search index differs): {key}: "
        f"{expected.random_order.get(key)} / {found.random_order.get(key)}"
        for key in sorted(expected.random_order.keys() | found.random_order.keys())
        if expected.random_order.get(key) != found.random_order.get(key)
    ]
    clean_folders, built_folders = set(expected.folders), set(found.folders)
    lines += [f"folder lebih (extra folder): {f}" for f in sorted(built_folders - clean_folders)]
    lines += [f"folder kurang (missing folder): {f}" for f in sorted(clean_folders - built_folders)]
    return lines


BUILD, PREVIEW = "build", "preview"  # how a step's cached build was made


@dataclass
class Step:
    number: int
    done: str  # the edit (`edit`'s description)
    seconds: float  # the cached rebuild (the preview: until its first new pages are in place)
    rendered: int  # pages it rendered (the page record's last build)
    reused: int  # pages it took from the previous output
    differences: list = field(default_factory=list)  # `differences`: empty when the same
    how: str = BUILD  # BUILD (wartadesa.build.build) or PREVIEW (LivePreview.rebuild)

    @property
    def identical(self) -> bool:
        return not self.differences


@dataclass
class Result:
    articles: int
    villages: int
    seed: int
    rounds: int  # rounds rebuilt as `invoke build` does
    steps: list  # of Step
    seconds: float  # the whole run
    preview_rounds: int = 0  # rounds after those, rebuilt through the live preview
    failed: str | None = None  # why the run stopped before its last step (its message)

    @property
    def identical(self) -> bool:
        return self.failed is None and bool(self.steps) and all(s.identical for s in self.steps)

    @property
    def first_difference(self) -> str | None:
        for step in self.steps:
            if not step.identical:
                return f"langkah {step.number} ({step.done}): {step.differences[0]}"
        return self.failed


@contextmanager
def _build_day(epoch: str):
    """Every build of the run on one build day (SOURCE_DATE_EPOCH), whatever the clock."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def last_build(cache: Path) -> tuple[int, int]:
    """(pages rendered, pages reused) by the last build, from the page record."""
    record = json.loads((Path(cache) / "pages.json").read_text(encoding="utf-8"))
    return record["last_build"]["rendered"], record["last_build"]["reused"]


def build_cached(settings_file, output, overrides) -> None:
    """One build with the cache, in this process (`invoke build` makes one so)."""
    from wartadesa.build import build

    with redirect_stdout(io.StringIO()):  # Pelican's "Done" line: the run prints its own
        build(settings_file, output=output, overrides=overrides)


def build_clean(settings_file, output, overrides) -> None:
    """The build to compare with: in a fresh process (wartadesa.bench.child), so that
    nothing a build keeps in its process (the live preview's held files, any memo) can
    make both wrong the same way."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "wartadesa.bench.child",
            "ours",
            *("--settings", str(settings_file), "--output", str(output)),
            *("--overrides", json.dumps(overrides)),
        ],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        shown = " ".join((done.stderr or done.stdout).split())[-300:]
        raise RuntimeError(f"build bersih gagal (the clean build failed): {shown}")


class _Site:
    """The differential run's site: its content, its copy of the theme, its settings
    overrides, the cached build's output and cache, and the live preview once one rebuilds."""

    def __init__(self, work: Path, articles: int, villages: int, seed: int) -> None:
        from wartadesa.bench import corpus as corpus_module

        root = Path(__file__).resolve().parents[2]
        self.work = work
        self.content = corpus_module.generate(
            work / "corpus", articles=articles, villages=villages, seed=seed
        ).ours
        self.theme = work / "theme"
        shutil.copytree(root / "theme", self.theme)
        self.output = work / "cached" / "output"
        self.settings_file = root / "pelicanconf.py"
        # The index in parts, so that parts are taken from the previous output too.
        self.settings = {
            "PATH": str(self.content),
            "THEME": str(self.theme),
            "BUILD_CACHE": str(work / "cache"),
            "SEARCH_SHARD_PAGES": max(6, articles // 8),
        }
        self.preview = None
        self.reported: list[str] = []  # what the preview reported as errors

    def start_preview(self) -> None:
        from wartadesa.preview import LivePreview

        def report(text, error=False):
            if error:
                self.reported.append(text)

        self.preview = LivePreview(self.settings_file, self.output, self.settings, report)

    def step(self, number: int, done: str, how: str) -> Step:
        """The cached rebuild after edit `number`, and its comparison with a clean build."""
        clock = time.perf_counter()
        problems = []
        if self.preview is None:
            build_cached(self.settings_file, self.output, dict(self.settings))
            seconds = time.perf_counter() - clock
            expected = dict(self.settings)
        else:
            self.preview.overrides = dict(self.settings)  # a setting step changes them
            self.reported.clear()
            with redirect_stdout(io.StringIO()):
                self.preview.rebuild(early=True)
            seconds = time.perf_counter() - clock  # the saved page (or all new pages) in place
            # Then the rest of the build, its cache files and search index; a page shown
            # early that is not the build's own is reported (wartadesa/early_pages.py).
            self.preview.wait()
            problems = [f"pratinjau melaporkan (the preview reported): {t}" for t in self.reported]
            expected = self.preview.build_overrides()
        expected.pop("BUILD_CACHE", None)  # the clean build: without the cache
        rendered, reused = last_build(self.settings["BUILD_CACHE"])
        clean = self.work / f"clean-{number}" / "output"
        try:
            build_clean(self.settings_file, clean, expected)
            found = problems + differences(clean, self.output)
        finally:
            shutil.rmtree(clean.parent, ignore_errors=True)
        return Step(number, done, seconds, rendered, reused, found, how)


def run(
    work, articles=300, villages=12, seed=1, rounds=2, log=print, preview_rounds=0, kinds=STEPS
) -> Result:
    """The differential run in the folder `work`: a corpus of `articles`, every kind of edit
    (`kinds`) `rounds` times in a shuffled order, rebuilt as `invoke build` does, then
    `preview_rounds` times more through the live preview as `invoke livereload` does; after
    each, the cached build into the same output is compared with a clean build. A step that
    cannot be made (an edit, a build that fails) ends the run: `Result.failed` says why."""
    from wartadesa.output_folder import wait_for_removals
    from wartadesa.read_cache import hold_files

    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    site = _Site(work, articles, villages, seed)
    rng = random.Random(seed)
    steps, failed, number, done = [], None, 0, "-"
    try:
        with _build_day(str(int(time.time()))):
            build_cached(site.settings_file, site.output, dict(site.settings))  # fills the cache
            for round_number in range(rounds + preview_rounds):
                how = BUILD if round_number < rounds else PREVIEW
                if how == PREVIEW and site.preview is None:
                    site.start_preview()
                order = list(kinds)
                rng.shuffle(order)
                for step in order:
                    number += 1
                    done = step  # named so in the message should the edit itself fail
                    done = edit(step, site.content, site.theme, site.settings, rng, number)
                    steps.append(site.step(number, done, how))
                    log(_line(steps[-1]))
                    wait_for_removals(60)
    except Exception as error:  # noqa: BLE001 - the run's outcome, reported with its step
        failed = f"langkah {number} ({done}) gagal: {type(error).__name__}: {error}"
        log(f"  {failed}")
    finally:
        if site.preview is not None:
            site.preview.wait()
            hold_files(False)  # the preview held the cache's files in this process
    seconds = time.perf_counter() - started
    return Result(articles, villages, seed, rounds, steps, seconds, preview_rounds, failed)


def _line(step: Step) -> str:
    return (
        f"  {step.number:3} {step.how:7} {step.done[:44]:44} {step.seconds:5.2f} s, "
        f"{step.rendered:5} dirender, {step.reused:5} dipakai ulang: "
        + ("sama (identical)" if step.identical else f"BERBEDA: {step.differences[0]}")
    )
