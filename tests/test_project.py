"""The project's promises: the README's two lines, .ci/run, and the GitHub workflow."""

import re

import yaml

from tests.sitetools import ROOT


def quick_start_lines():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_quick_start_has_two_lines():
    serve_line, test_line = quick_start_lines()
    assert "requirements.txt" in serve_line and "invoke build serve" in serve_line
    assert "requirements-dev.txt" in test_line and test_line.endswith("invoke test")


def test_ci_runs_the_readme_test_line_verbatim():
    _, test_line = quick_start_lines()
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_line in ci


def workflow():
    path = ROOT / ".github" / "workflows" / "site.yml"
    # PyYAML reads the bare key `on` as True.
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps_running(data, needle):
    return [
        (name, step)
        for name, job in data["jobs"].items()
        for step in job["steps"]
        if needle in step.get("run", "")
    ]


def test_workflow_triggers():
    data = workflow()
    assert "pull_request" in data["on"]
    assert data["on"]["push"]["branches"] == ["main"]


def test_workflow_runs_the_readme_commands():
    data = workflow()
    serve_line, test_line = quick_start_lines()
    assert steps_running(data, test_line), "the test job must run the README's test line"
    install = serve_line.split("&& .venv/bin/invoke")[0]
    publish = steps_running(data, "invoke publish")
    assert publish and install in publish[0][1]["run"]
    assert "SITEURL" in publish[0][1]["env"]


def test_workflow_deploys_only_pushes_to_main_with_official_actions():
    data = workflow()
    uses = [step.get("uses", "") for job in data["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    deploy = data["jobs"]["deploy"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "github.event_name == 'push'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert set(deploy["needs"]) == {"test", "build"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
