"""The operator's tasks run on Windows too: every command they start is the project's own
Python with a module (`"python" -m ...`), with no shell feature that cmd.exe lacks.
Only the kit developers' tasks (test, lighthouse) call bash, for Debian's browser."""

import re
import sys

import pytest
from invoke import Context, Result

import tasks

OPERATOR_TASKS = {"build": {}, "publish": {}, "check": {}, "gh_pages": {"push": False}}
POSIX_ONLY = re.compile(r"[|;`$<>]|\brm\b|\bcp\b|\bmv\b|\bsudo\b|/dev/|\bbash\b|\bsh\b")


class Recording(Context):
    def __init__(self):
        super().__init__()
        self.commands = []

    def run(self, command, **kwargs):
        self.commands.append(command)
        return Result(exited=0)


@pytest.mark.parametrize("name", sorted(OPERATOR_TASKS))
def test_operator_tasks_start_only_python_modules(name):
    context = Recording()
    task = getattr(tasks, name)
    for pre in task.pre:
        pre.body(context)
    task.body(context, **OPERATOR_TASKS[name])
    assert context.commands, name
    for command in context.commands:
        assert command.startswith(f'"{sys.executable}" -m '), command
        rest = command.removeprefix(f'"{sys.executable}"')
        # Quoted arguments are data (a commit message), not shell syntax.
        assert not POSIX_ONLY.search(re.sub(r'"[^"]*"', "", rest)), command


def test_the_readme_gives_windows_commands():
    readme = (tasks.ROOT / "README.md").read_text(encoding="utf-8")
    assert (
        "py -3 -m venv .venv && .venv\\Scripts\\pip install -q -r requirements.txt && "
        ".venv\\Scripts\\invoke build serve"
    ) in readme
