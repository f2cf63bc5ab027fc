"""python -m wartadesa.bench [--articles 1000] [--villages 40] [--seed 1] [--runs R]
                            [--differential-articles 300] [--differential-rounds 2]
                            [--differential-preview-rounds 1] [--profile]
                            [--output docs/benchmarks.md] [--json FILE]
                            [--workdir DIR] [--keep]

Build speed (ours vs plain Pelican), rebuilds after one change, memory and page weight;
see README, section "Benchmark".
"""

import argparse
import json
import sys
from pathlib import Path

from .report import console_summary, figures, write_profile, write_report
from .run import (
    DIFFERENTIAL_ARTICLES,
    DIFFERENTIAL_PREVIEW_ROUNDS,
    DIFFERENTIAL_ROUNDS,
    MIN_DIFFERENTIAL_ARTICLES,
    ROOT,
    BenchError,
    default_rebuild_rounds,
    default_runs,
    run_benchmark,
)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m wartadesa.bench",
        description="Benchmark: our configuration vs plain Pelican on a synthetic site.",
    )
    parser.add_argument("--articles", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--villages", type=int, default=40, help="villages (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--runs",
        type=int,
        default=None,
        help="timed full builds of each (default 3 up to 5,000 articles, 2 up to 10,000, then 1)",
    )
    parser.add_argument(
        "--rebuild-rounds",
        type=int,
        default=None,
        help="times each rebuild scenario is measured, on other articles each time; the "
        "report shows the median (default 3 up to 5,000 articles, then 1)",
    )
    parser.add_argument(
        "--differential-articles",
        type=int,
        default=DIFFERENTIAL_ARTICLES,
        help="articles of the differential run of the incremental build, after the timed "
        f"builds (default {DIFFERENTIAL_ARTICLES}; 0: none)",
    )
    parser.add_argument(
        "--differential-rounds",
        type=int,
        default=DIFFERENTIAL_ROUNDS,
        help="rounds of the differential run: every kind of edit once a round, shuffled "
        f"(default {DIFFERENTIAL_ROUNDS})",
    )
    parser.add_argument(
        "--differential-preview-rounds",
        type=int,
        default=DIFFERENTIAL_PREVIEW_ROUNDS,
        help="rounds after those, rebuilt through the live preview as `invoke livereload` "
        f"does (default {DIFFERENTIAL_PREVIEW_ROUNDS})",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="cProfile one full build of ours, saved beside the report "
        "(docs/benchmarks-profile.txt)",
    )
    parser.add_argument(
        "--output",
        default="docs/benchmarks.md",
        help="report file (default docs/benchmarks.md; '-' for none)",
    )
    parser.add_argument(
        "--workdir",
        default=None,
        help="folder for the corpus and builds (default: a temporary folder)",
    )
    parser.add_argument(
        "--json", default=None, help="also write the key figures (as in the report) to FILE"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    if args.runs is None and args.articles >= 1:
        args.runs = default_runs(args.articles)
    if args.rebuild_rounds is None and args.articles >= 1:
        args.rebuild_rounds = default_rebuild_rounds(args.articles)
    if args.articles < 1 or args.villages < 1 or args.runs < 1 or args.rebuild_rounds < 1:
        parser.error("--articles, --villages, --runs and --rebuild-rounds must be at least 1")
    rounds = (args.differential_rounds, args.differential_preview_rounds)
    if args.differential_articles and (
        args.differential_articles < MIN_DIFFERENTIAL_ARTICLES or min(rounds) < 0 or sum(rounds) < 1
    ):
        parser.error(
            f"--differential-articles must be 0 (none) or at least {MIN_DIFFERENTIAL_ARTICLES}, "
            "its rounds 0 or more, and at least one round"
        )

    def log(line):
        print(line, flush=True)

    try:
        result = run_benchmark(
            articles=args.articles,
            villages=args.villages,
            seed=args.seed,
            runs=args.runs,
            profile=args.profile,
            workdir=args.workdir,
            keep=args.keep,
            log=log,
            rebuild_rounds=args.rebuild_rounds,
            differential_articles=args.differential_articles,
            differential_rounds=args.differential_rounds,
            differential_preview_rounds=args.differential_preview_rounds,
        )
    except (BenchError, ValueError) as error:
        print(f"Benchmark gagal (failed): {error}", file=sys.stderr)
        return 1
    print(console_summary(result))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(figures(result), indent=2), encoding="utf-8")
    if args.output == "-":
        return 0
    target = Path(args.output)
    if not target.is_absolute():
        target = ROOT / target
    profile_file = target.with_name(target.stem + "-profile.txt")
    if result.profile:
        write_profile(profile_file, result)
        print(f"Profil lengkap (full profile): {profile_file}")
    # The README's summary table follows the project's own report only.
    readme = ROOT / "README.md" if target == ROOT / "docs" / "benchmarks.md" else None
    write_report(target, result, profile_file=_shown(profile_file), readme=readme)
    print(f"Laporan ditulis (report written): {target}")
    return 0


def _shown(path):
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
