"""python -m wartadesa.bench [--articles 1000] [--villages 40] [--seed 1] [--runs 3]
                            [--profile] [--output docs/benchmarks.md] [--workdir DIR] [--keep]

Build speed (ours vs plain Pelican), incremental rebuild and page weight; see README.
"""

import argparse
import sys
from pathlib import Path

from .report import console_summary, write_profile, write_report
from .run import ROOT, BenchError, run_benchmark


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m wartadesa.bench",
        description="Benchmark: our configuration vs plain Pelican on a synthetic site.",
    )
    parser.add_argument("--articles", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--villages", type=int, default=40, help="villages (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="timed builds of each (default 3)")
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
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.villages < 1 or args.runs < 1:
        parser.error("--articles, --villages and --runs must be at least 1")

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
        )
    except (BenchError, ValueError) as error:
        print(f"Benchmark gagal (failed): {error}", file=sys.stderr)
        return 1
    print(console_summary(result))
    target = None
    if args.output != "-":
        target = Path(args.output)
        if not target.is_absolute():
            target = ROOT / target
    if result.profile_text:
        head = "\n".join(result.profile_text.splitlines()[:45])
        print("\nProfil (cumulative):\n" + head)
        if target is not None:
            profile_file = target.with_name(target.stem + "-profile.txt")
            write_profile(profile_file, result)
            print(f"Profil lengkap (full profile): {profile_file}")
    if target is not None:
        write_report(
            target, result, profile_file=_shown(target.with_name(target.stem + "-profile.txt"))
        )
        print(f"Laporan ditulis (report written): {target}")
    return 0


def _shown(path):
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
