"""The differential run of the incremental build: a seeded random sequence of edits to a
generated site; after each one, a build with the build cache (BUILD_CACHE) into the previous
output is compared with a clean build of the same content, every file byte for byte and
every folder.

The same edits serve the test in the suite (tests/test_incremental_build.py, a small site,
each kind of edit once) and the larger run of `invoke bench` (`run`: more articles, every
kind of edit in several shuffled rounds), which reports each step and the first difference
found. Its last rounds (`preview_rounds`) rebuild through the live preview instead
(wartadesa.preview.LivePreview, as `invoke livereload` does on every save: the cache's
files held in the process, saved and the search index made after the page is in place),
each compared, once the preview's work is done, with a clean build of the preview's
settings.

Kinds of edit (`STEPS`): an article's body, title, village, category or date; an article
added, deleted or renamed; a template; a setting; a new image an article shows; a data file
(desa.yml). A deleted or renamed article is one no other article links to (else the build
rightly fails on a broken link).
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import time
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

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


def files_of(folder) -> dict[str, bytes]:
    """Every file's bytes by its path under `folder`, but Pagefind's files written in a
    random order (`not_repeatable`)."""
    folder = Path(folder)
    skipped = not_repeatable()
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not skipped.match(p.relative_to(folder).as_posix())
    }


def folders_of(folder) -> list[str]:
    folder = Path(folder)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


def articles(content) -> list[Path]:
    return sorted((Path(content) / "berita").rglob("*.md"))


def set_field(path, keys, value) -> None:
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^({'|'.join(keys)}): .*$", re.M)
    if not pattern.search(text):
        raise ValueError(f"{path}: no field {'/'.join(keys)}")
    path.write_text(
        pattern.sub(lambda m: f"{m.group(1)}: {value}", text, count=1), encoding="utf-8"
    )


def village_codes(content) -> list[str]:
    return re.findall(r"kode: (\S+)", (Path(content) / "desa.yml").read_text(encoding="utf-8"))


def edit(step, content, theme, settings, rng, number) -> str:
    """Apply one kind of edit (`STEPS`) to the site (its `content` folder, its copy of the
    `theme`, its `settings` overrides); return a short description."""
    from PIL import Image

    chosen = rng.choice(articles(content))
    if step in ("delete", "rename"):  # one no other article links to (else: broken link)
        texts = [path.read_text(encoding="utf-8") for path in articles(content)]
        chosen = rng.choice(
            [path for path in articles(content) if not any(path.name in text for text in texts)]
        )
    if step == "body":
        with open(chosen, "a", encoding="utf-8") as handle:
            handle.write(f"\nParagraf tambahan nomor {number} untuk uji build ulang.\n")
    elif step == "title":
        set_field(chosen, ["judul", "title"], f"Judul Baru Nomor {number} di Desa")
    elif step == "village":
        set_field(chosen, ["desa", "village"], rng.choice(village_codes(content)))
    elif step == "category":
        set_field(chosen, ["kategori", "category"], rng.choice(["Pertanian", "Kesehatan"]))
    elif step == "date":
        set_field(chosen, ["tanggal", "date"], f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
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
        set_field(chosen, ["gambar", "image"], f"images/{picture.name}")
    elif step == "data":
        # The same villages, other bytes: every cached read is stale for the new key.
        with open(Path(content) / "desa.yml", "a", encoding="utf-8") as handle:
            handle.write(f"# diubah {number}\n")
    else:
        raise ValueError(f"unknown step {step!r}")
    return f"{step} {chosen.name}"


def differences(clean, built) -> list[str]:
    """What differs between a clean build's output and the cached build's, in words (empty:
    the same files, bytes and folders)."""
    expected, found = files_of(clean), files_of(built)
    found_only = sorted(set(found) - set(expected))
    missing = sorted(set(expected) - set(found))
    changed = sorted(
        name for name in expected.keys() & found.keys() if expected[name] != found[name]
    )
    lines = [f"hanya di build dengan cache (extra): {name}" for name in found_only]
    lines += [f"tidak ada di build dengan cache (missing): {name}" for name in missing]
    lines += [f"isi berbeda (differs): {name}" for name in changed]
    clean_folders, built_folders = set(folders_of(clean)), set(folders_of(built))
    lines += [f"folder lebih (extra folder): {f}" for f in sorted(built_folders - clean_folders)]
    lines += [f"folder kurang (missing folder): {f}" for f in sorted(clean_folders - built_folders)]
    return lines


BUILD, PREVIEW = "build", "preview"  # how a step's cached build was made


@dataclass
class Step:
    number: int
    done: str  # the edit (`edit`'s description)
    seconds: float  # the build with the cache
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
    rounds: int
    steps: list  # of Step
    seconds: float  # the whole run
    preview_rounds: int = 0  # of `rounds`, the last ones made through the live preview

    @property
    def identical(self) -> bool:
        return bool(self.steps) and all(step.identical for step in self.steps)

    @property
    def first_difference(self) -> str | None:
        for step in self.steps:
            if not step.identical:
                return f"langkah {step.number} ({step.done}): {step.differences[0]}"
        return None


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


def _last_build(cache: Path) -> tuple[int, int]:
    import json

    record = json.loads((cache / "pages.json").read_text(encoding="utf-8"))
    return record["last_build"]["rendered"], record["last_build"]["reused"]


def _quietly(build, settings_file, output, overrides):
    """One build, without what Pelican prints when it is done (the run prints its own line)."""
    with redirect_stdout(io.StringIO()):
        return build(settings_file, output=output, overrides=overrides)


def run(work, articles=300, villages=12, seed=1, rounds=2, log=print, preview_rounds=0) -> Result:
    """The differential run in the folder `work`: a corpus of `articles`, every kind of edit
    `rounds` times in a shuffled order, then `preview_rounds` times more through the live
    preview; after each, the cached build into the same output is compared with a clean
    build. The builds run one after another in this process (`wartadesa.build.build`, as
    `invoke build` makes one; `LivePreview.rebuild`, as `invoke livereload` makes them)."""
    from wartadesa.bench import corpus as corpus_module
    from wartadesa.build import build, load_settings
    from wartadesa.output_folder import wait_for_removals
    from wartadesa.preview import LivePreview, preview_overrides
    from wartadesa.read_cache import hold_files

    root = Path(__file__).resolve().parents[2]
    work = Path(work)
    shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    content = corpus_module.generate(
        work / "corpus", articles=articles, villages=villages, seed=seed
    ).ours
    theme = work / "theme"
    shutil.copytree(root / "theme", theme)
    cache = work / "cache"
    output = work / "cached" / "output"
    settings_file = root / "pelicanconf.py"
    # The index in parts, so that parts are taken from the previous output too.
    settings = {
        "PATH": str(content),
        "THEME": str(theme),
        "BUILD_CACHE": str(cache),
        "SEARCH_SHARD_PAGES": max(6, articles // 8),
    }
    rng = random.Random(seed)
    steps = []
    preview = None
    try:
        with _build_day(str(int(time.time()))):
            _quietly(build, settings_file, output, dict(settings))  # fills the cache
            number = 0
            for round_number in range(rounds + preview_rounds):
                how = BUILD if round_number < rounds else PREVIEW
                if how == PREVIEW and preview is None:
                    preview = LivePreview(settings_file, output, settings, report=log_errors(log))
                order = STEPS[:]
                rng.shuffle(order)
                for step in order:
                    number += 1
                    done = edit(step, content, theme, settings, rng, number)
                    clock = time.perf_counter()
                    if preview is None:
                        _quietly(build, settings_file, output, dict(settings))
                        expected = {k: v for k, v in settings.items() if k != "BUILD_CACHE"}
                    else:
                        preview.overrides = dict(settings)  # a setting step changes them
                        with redirect_stdout(io.StringIO()):
                            preview.rebuild()
                            preview.wait()  # its cache files and search index too
                        live = preview_overrides(load_settings(settings_file, dict(settings)))
                        expected = {**live, **settings}
                        expected.pop("BUILD_CACHE")
                    seconds = time.perf_counter() - clock
                    rendered, reused = _last_build(cache)
                    clean = work / f"clean-{number}" / "output"
                    _quietly(build, settings_file, clean, expected)
                    found = differences(clean, output)
                    steps.append(Step(number, done, seconds, rendered, reused, found, how))
                    log(
                        f"  {number:3} {how:7} {done[:44]:44} {seconds:5.2f} s, {rendered:5} "
                        f"dirender, {reused:5} dipakai ulang: "
                        + ("sama (identical)" if not found else f"BERBEDA: {found[0]}")
                    )
                    wait_for_removals(60)
                    shutil.rmtree(clean.parent, ignore_errors=True)
    finally:
        if preview is not None:
            preview.wait()
            hold_files(False)  # the preview held the cache's files in this process
    seconds = time.perf_counter() - started
    return Result(articles, villages, seed, rounds + preview_rounds, steps, seconds, preview_rounds)


def log_errors(log):
    """The live preview's report: only what went wrong (the run prints its own lines)."""

    def report(text, error=False):
        if error:
            log(f"      pratinjau: {text}")

    return report
