"""One measured build, run by the benchmark in a fresh process.

    python -m wartadesa.bench.child ours  --settings pelicanconf.py --output DIR [--overrides JSON]
    python -m wartadesa.bench.child plain --settings plain_settings.py --output DIR

`ours` goes through wartadesa.build (exactly what `invoke build` does, with settings
overrides such as another content folder); `plain` runs Pelican itself. The last line
printed is `BENCH-RESULT {json}` with the warnings, the errors and the peak memory of
this process (`main_rss_kb`) and of its largest forked worker (`worker_rss_kb`: the build's
reading and writing workers and the photo encoders, all waited for). `--profile FILE`
writes a cProfile of the build.
"""

import argparse
import json
import logging
import resource
import sys

RESULT_PREFIX = "BENCH-RESULT "


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.warnings = []
        self.errors = []

    def emit(self, record):
        target = self.errors if record.levelno >= logging.ERROR else self.warnings
        target.append(record.getMessage())


def build_ours(settings, output, overrides):
    from wartadesa.build import BuildFailed, build

    try:
        return build(settings, output=output, overrides=overrides), []
    except BuildFailed as failed:
        return [], failed.problems


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


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("config", choices=("ours", "plain"))
    parser.add_argument("--settings", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--overrides", default="{}")
    parser.add_argument("--profile", default=None)
    args = parser.parse_args(argv)
    overrides = json.loads(args.overrides)
    run = build_ours if args.config == "ours" else build_plain
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        warnings, errors = profiler.runcall(run, args.settings, args.output, overrides)
        profiler.dump_stats(args.profile)
    else:
        warnings, errors = run(args.settings, args.output, overrides)
    for line in errors:
        print(line, file=sys.stderr)
    result = {
        "warnings": warnings,
        "errors": errors,
        "main_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "worker_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
    print(RESULT_PREFIX + json.dumps(result))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
