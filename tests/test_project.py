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


def workflow(name="site.yml"):
    path = ROOT / ".github" / "workflows" / name
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


def run_lines(data):
    return [step.get("run", "") for job in data["jobs"].values() for step in job["steps"]]


def test_site_workflow_runs_on_every_push_to_main():
    data = workflow()
    assert data["on"]["push"] == {"branches": ["main"]}, "no paths filter: content pushes publish"
    assert "pull_request" in data["on"]


def test_only_content_can_stop_publishing():
    """The village's gates are `invoke check --publish` and the production build; the
    kit's test suite is not one of them."""
    data = workflow()
    runs = run_lines(data)
    assert not any("pytest" in r or "invoke test" in r or "requirements-dev" in r for r in runs)
    ((job, check),) = steps_running(data, "invoke check --publish")
    ((publish_job, publish),) = steps_running(data, "invoke publish")
    assert job == publish_job == "build"
    steps = data["jobs"]["build"]["steps"]
    assert steps.index(check) < steps.index(publish)
    serve_line, _ = quick_start_lines()
    install = serve_line.split(" && .venv/bin/invoke")[0]
    assert any(r == install for r in runs), "installs as the README's quick start does"
    assert "SITEURL" in data["jobs"]["build"]["env"]
    assert data["jobs"]["deploy"]["needs"] == ["build"]


def test_site_workflow_rebuilds_daily_and_publishes_the_scheduled_build():
    """Notices expire and events become past without a push (plugin notices)."""
    data = workflow()
    [entry] = data["on"]["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()
    condition = data["jobs"]["deploy"]["if"]
    assert "github.event_name != 'pull_request'" in condition  # a schedule run deploys
    assert "SOURCE_DATE_EPOCH" not in (ROOT / ".github" / "workflows" / "site.yml").read_text()


def test_workflows_cache_pip():
    for name in ("site.yml", "kit.yml"):
        data = workflow(name)
        setups = [
            step
            for job in data["jobs"].values()
            for step in job["steps"]
            if step.get("uses", "").startswith("actions/setup-python@")
        ]
        assert setups and all(s["with"]["cache"] == "pip" for s in setups), name


def test_site_workflow_keeps_the_photo_cache_between_runs():
    from wartadesa.defaults import PHOTOS_CACHE

    steps = workflow()["jobs"]["build"]["steps"]
    (cache,) = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == PHOTOS_CACHE and cache["with"]["restore-keys"] == "photos-"
    (publish,) = [s for s in steps if "invoke publish" in s.get("run", "")]
    assert steps.index(cache) < steps.index(publish)


def test_workflow_deploys_only_pushes_to_main_with_official_actions():
    data = workflow()
    uses = [step.get("uses", "") for job in data["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    deploy = data["jobs"]["deploy"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["permissions"] == {"contents": "read"}


KIT_PATHS = [
    "plugins/**",
    "theme/**",
    "wartadesa/**",
    "tests/**",
    "tasks.py",
    "requirements*.txt",
    ".github/workflows/**",
]


def test_kit_tests_run_on_pull_requests_and_kit_changes_only():
    data = workflow("kit.yml")
    assert "pull_request" in data["on"]
    paths = data["on"]["push"]["paths"]
    assert set(KIT_PATHS) <= set(paths)
    assert not any(p.startswith(("content", "overrides")) or p.endswith(".md") for p in paths)
    assert "branches" not in data["on"]["push"]


def test_kit_workflow_runs_the_readme_test_line():
    _, test_line = quick_start_lines()
    assert steps_running(workflow("kit.yml"), test_line)


def test_readme_documents_every_identity_key():
    from identity.situs import KEYS

    readme = (ROOT / "README.md").read_text()
    section = readme.split("### 2. Isi identitas situs", 1)[1].split("\n### ", 1)[0]
    documented = set(re.findall(r"^\| `([a-z_]+)`", section, re.M))
    documented |= {k for k in re.findall(r"`([a-z_]+)`", section) if k in KEYS}
    assert set(KEYS) <= documented


def test_changelog_has_the_kit_version():
    from wartadesa import __version__

    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"\n## {__version__} " in changelog
    assert "Yang harus dilakukan desa" in changelog
