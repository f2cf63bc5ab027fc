"""The code passes ruff (rules in pyproject.toml) and is formatted by `ruff format`: a
finding fails the test suite, so `invoke test` and CI fail on it too."""

import subprocess
import sys

import pytest

from tests.sitetools import ROOT

CHECKS = {
    "check": ["check", "--no-cache", "--output-format", "concise", "."],
    "format": ["format", "--no-cache", "--check", "."],
}
FIXES = {"check": "ruff check --fix .", "format": "ruff format ."}


@pytest.mark.parametrize("kind", sorted(CHECKS))
def test_ruff_finds_nothing(kind):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *CHECKS[kind]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        f"ruff {kind} found problems (fix them, many with `{FIXES[kind]}`):\n"
        + result.stdout
        + result.stderr
    )
