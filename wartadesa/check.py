"""Check all content without building:

    python -m wartadesa.check [--settings publishconf.py] [--content DIR] [--github]

Runs Pelican's readers and every plugin's checks (the same as a build, stopping before
anything is written), then prints every problem at once, one line each
`file:line: message` (warnings as `file:line: peringatan: message`), sorted by file and
line, and a count. Exit status 1 when there is an error, 0 with warnings only.
With --github (default when GITHUB_ACTIONS=true) also one GitHub annotation per problem
and an Indonesian summary in $GITHUB_STEP_SUMMARY (wartadesa.github).
"""

import argparse
import sys
from pathlib import Path

from wartadesa import github
from wartadesa.build import BuildFailed, build, problem_lines


def check(
    settings_file: str | Path = "pelicanconf.py",
    content: str | Path | None = None,
    overrides: dict | None = None,
) -> tuple[list[str], list[str]]:
    """(errors, warnings) for the site's content; nothing is written."""
    overrides = dict(overrides or {})
    if content:
        overrides["PATH"] = str(Path(content).resolve())
    try:
        warnings = build(settings_file, overrides=overrides, write=False)
    except BuildFailed as failed:
        return failed.problems, failed.warnings
    return [], warnings


def summary(errors: list[str], warnings: list[str]) -> str:
    if not errors and not warnings:
        return "Konten beres: tidak ada masalah. (Content OK: no problems.)"
    return (
        f"{len(errors)} galat, {len(warnings)} peringatan "
        f"({len(errors)} error(s), {len(warnings)} warning(s))"
        + (". Perbaiki galat sebelum menerbitkan." if errors else ".")
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check all content without building.")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", default=None, help="content folder (default: PATH setting)")
    parser.add_argument(
        "--github",
        action="store_true",
        help="GitHub annotations and job summary (default in GitHub Actions)",
    )
    args = parser.parse_args(argv)
    errors, warnings = check(args.settings, args.content)
    lines = problem_lines(errors, warnings)
    for line in lines:
        print(line)
    if lines:
        print()
    print(summary(errors, warnings))
    if github.enabled(args.github):
        github.report(errors, warnings)
        github.write_summary(
            github.problems_summary(errors, warnings)
            if errors
            else github.check_ok_summary(warnings)
        )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
