"""The code passes ruff (rules in pyproject.toml): a finding fails the test suite, so
`invoke test` and CI fail on it too."""

import subprocess
import sys

from tests.sitetools import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, (
        "ruff found problems (fix them, many with `ruff check --fix .`):\n"
        + result.stdout + result.stderr
    )
