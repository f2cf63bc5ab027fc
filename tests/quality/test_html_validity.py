"""The Nu Html Checker (vnu-jar from npm, run with Java) finds no error in any built page
of the sample site, preview and production builds, checked in one run."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(files):
    """Nu Html Checker errors for `files`: a list of dicts (url, line, column, message)."""
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `bash .ci/test-deps` (npm ci installs vnu-jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: run `bash .ci/test-deps` (installs default-jre-headless)")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = done.stderr.strip() or done.stdout.strip()  # vnu writes its report to stderr
    try:
        messages = json.loads(out)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {done.returncode}): {out[:2000]}")
    if done.returncode not in (0, 1) or (done.returncode == 1 and not messages):
        pytest.fail(f"vnu failed (exit {done.returncode}): {out[:2000]}")
    return [
        m
        for m in messages
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]


def path_of(url):
    """vnu's 'file:/tmp/x.html' as a plain path '/tmp/x.html'."""
    return "/" + unquote(url.split(":", 1)[-1]).lstrip("/")


def describe(errors, roots):
    lines = []
    for e in errors:
        url = path_of(e.get("url", ""))
        for root in roots:
            url = url.replace(str(Path(root).resolve()) + "/", f"[{Path(root).parent.name}] ")
        where = f"{url}:{e.get('lastLine', '?')}:{e.get('firstColumn', e.get('lastColumn', '?'))}"
        extract = " ".join(e.get("extract", "").split())
        lines.append(f"{where}: {e.get('message')}\n    {extract[:160]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def checked(sample_site, published_site, tmp_path_factory):
    """One vnu run over every built page plus two control files (one broken, one valid)
    that show the checker really runs: {"site": errors, "bad": errors, "good": errors}."""
    controls = tmp_path_factory.mktemp("vnu-controls")
    bad = controls / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head>'
        "<body><p><div>a</p><img src=x.png></body></html>",
        encoding="utf-8",
    )
    good = controls / "good.html"
    good.write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        "<title>x</title></head><body><p>a</p></body></html>",
        encoding="utf-8",
    )
    site_files = sample_site.html_files() + published_site.html_files()
    assert len(site_files) >= 40
    errors = run_vnu([bad, good, *site_files])
    result = {
        "site": [],
        "bad": [],
        "good": [],
        "files": len(site_files),
        "roots": [sample_site.output, published_site.output, controls],
    }
    for error in errors:
        path = path_of(error.get("url", ""))
        key = next(
            (k for k, f in (("bad", bad), ("good", good)) if path == str(f.resolve())), "site"
        )
        result[key].append(error)
    return result


def test_vnu_reports_invalid_html(checked):
    """The tooling itself: vnu reports the broken control file and passes the valid one."""
    assert checked["good"] == [], describe(checked["good"], checked["roots"])
    messages = [e["message"] for e in checked["bad"]]
    assert any("alt" in m for m in messages), messages
    assert any("“p”" in m for m in messages), messages


def test_every_built_page_is_valid_html(checked):
    errors = checked["site"]
    assert not errors, (
        f"Nu Html Checker: {len(errors)} errors in {checked['files']} files\n"
        + describe(errors, checked["roots"])
    )
