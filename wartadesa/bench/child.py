"""One measured build, run by the benchmark in a fresh process.

    python -m wartadesa.bench.child ours  --settings pelicanconf.py --output DIR [--overrides JSON]
    python -m wartadesa.bench.child plain --settings plain_settings.py --output DIR
    python -m wartadesa.bench.child preview --settings pelicanconf.py --output DIR \
        [--overrides JSON] --append FILE --line TEXT

`ours` goes through wartadesa.build (exactly what `invoke build` does, with settings
overrides such as another content folder); `plain` runs Pelican itself. `preview` is the
live preview (`invoke livereload`, wartadesa.preview.LivePreview): in one process, a
rebuild as the preview makes it (what it leaves for later done), then `--line` is appended
to `--append` (an operator saves an article) and the preview rebuilds; `preview_seconds` is
that rebuild, from the save until the saved article's page is shown, and
`preview_built_seconds` until the whole new output is in place. The last line
printed is `BENCH-RESULT {json}` with the warnings, the errors and the peak memory of
this process (`main_rss_kb`) and of its largest forked worker (`worker_rss_kb`: the build's
reading and writing workers and the photo encoders, all waited for), and for `ours` when
each step of the build began (`phases`: `time.monotonic()`, the clock the parent measures
the wall time with; see PHASES). `--profile FILE` writes a cProfile of the build.
"""

import argparse
import contextlib
import functools
import json
import logging
import resource
import sys
import time

RESULT_PREFIX = "BENCH-RESULT "
# The steps of one build of ours, each named by the moment it begins (`phase_marks`):
# Pelican's run (the interpreter, the kit's and Pelican's imports, the settings and the
# plugins are before it), `all_generators_finalized` (every file read, the context made),
# the writer asked for (the site completed and checked: everything is written after),
# `finalized` (every page written) and the build's return (the search index, the page
# record and the swap of the output folder are before it).
PHASES = ("run", "finalized", "writer", "written", "returned")


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.warnings = []
        self.errors = []

    def emit(self, record):
        target = self.errors if record.levelno >= logging.ERROR else self.warnings
        target.append(record.getMessage())


def build_ours(settings, output, overrides, marks=None):
    from wartadesa.build import BuildFailed, build

    with phase_marks(marks if marks is not None else {}) as noted:
        try:
            return build(settings, output=output, overrides=overrides), []
        except BuildFailed as failed:
            return [], failed.problems
        finally:
            noted("returned")


@contextlib.contextmanager
def phase_marks(marks):
    """Note in `marks` the first moment each of PHASES begins (`time.monotonic()`), for the
    build run inside: Pelican's run, two of its signals and the writer wrapped for the
    block only. The wrappers note the time before anything else runs, so the order in which
    blinker calls the receivers of a signal does not matter."""
    from pelican import Pelican
    from pelican.plugins import signals

    def noted(name):
        marks.setdefault(name, time.monotonic())

    def before(name, function):
        def wrapped(*args, **kwargs):
            noted(name)
            return function(*args, **kwargs)

        return wrapped

    def after(name, function):
        def wrapped(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            finally:
                noted(name)

        return wrapped

    aggregate, done = signals.all_generators_finalized, signals.finalized
    patched = [  # (owner, attribute, wrapper, what to put back: None = the class's own)
        (Pelican, "run", before("run", Pelican.run), Pelican.run),
        (Pelican, "_get_writer", after("writer", Pelican._get_writer), Pelican._get_writer),
        (aggregate, "send", before("finalized", aggregate.send), None),
        (done, "send", before("written", done.send), None),
    ]
    for owner, name, wrapper, _original in patched:
        setattr(owner, name, wrapper)
    try:
        yield noted
    finally:
        for owner, name, _wrapper, original in patched:
            if original is None:
                delattr(owner, name)  # the signal's send of its class again
            else:
                setattr(owner, name, original)


def build_plain(settings, output, overrides):
    from pelican import Pelican
    from pelican.settings import read_settings

    counter = _Counter()
    logging.getLogger().addHandler(counter)
    logging.getLogger().setLevel(logging.WARNING)
    values = read_settings(settings, override={**overrides, "OUTPUT_PATH": output})
    try:
        Pelican(values).run()
    except Exception as error:  # noqa: BLE001 - reported to the parent as a failure
        return counter.warnings, counter.errors + [f"{type(error).__name__}: {error}"]
    return counter.warnings, counter.errors


def preview_ours(settings, output, overrides, append, line):
    """invoke livereload's rebuild after one saved article (tasks.py: LivePreview): the
    seconds until the saved article's page is shown (wartadesa/early_pages.py) and until
    the whole build is in place, the pages shown early, and what the preview reported as
    errors (a page shown early that is not the build's own, a failure after it)."""
    import time

    from wartadesa import output_folder
    from wartadesa.build import BuildFailed
    from wartadesa.preview import LivePreview

    reported = []
    preview = LivePreview(
        settings,
        output,
        overrides,
        report=lambda text, error=False: reported.append(text) if error else None,
    )
    try:
        preview.rebuild(early=True)
        # The operator saves later than the work the preview leaves for after a rebuild (the
        # build cache's files, the search index, the collection of its garbage) and the
        # removal of the output it replaced (a background `rm`) take.
        preview.wait()
        output_folder.wait_for_removals()
        with open(append, "a", encoding="utf-8") as handle:
            handle.write(f"\n{line}\n")
        reported.clear()
        start = time.monotonic()
        warnings = preview.rebuild(early=True)
        shown = time.monotonic() - start
        preview.wait()
        return (
            warnings,
            [],
            {
                "preview_seconds": shown,
                "preview_built_seconds": preview.built - start,
                "preview_shown": preview.shown,
                "preview_problems": reported,
            },
        )
    except BuildFailed as failed:
        return [], failed.problems, None


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("config", choices=("ours", "plain", "preview"))
    parser.add_argument("--settings", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--overrides", default="{}")
    parser.add_argument("--profile", default=None)
    parser.add_argument("--append", default=None)
    parser.add_argument("--line", default="")
    args = parser.parse_args(argv)
    overrides = json.loads(args.overrides)
    if args.config == "preview":
        warnings, errors, preview = preview_ours(
            args.settings, args.output, overrides, args.append, args.line
        )
        return _finish(warnings, errors, preview)
    marks = {}
    run = functools.partial(build_ours, marks=marks) if args.config == "ours" else build_plain
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        warnings, errors = profiler.runcall(run, args.settings, args.output, overrides)
        profiler.dump_stats(args.profile)
    else:
        warnings, errors = run(args.settings, args.output, overrides)
    return _finish(warnings, errors, {"phases": marks} if marks else None)


def _finish(warnings, errors, extra):
    for line in errors:
        print(line, file=sys.stderr)
    result = {
        "warnings": warnings,
        "errors": errors,
        "main_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "worker_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
    result.update(extra or {})
    print(RESULT_PREFIX + json.dumps(result))
    return 1 if errors else 0


if __name__ == "__main__":
    from wartadesa.speedups import exit_code  # ends as `python -m wartadesa.build` does

    sys.exit(exit_code(main()))
