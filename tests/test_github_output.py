"""Content problems in GitHub's interface: annotations and the Indonesian job summary,
from real builds and checks in a site folder (as the workflow runs them)."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.sitetools import ROOT, SAMPLE
from wartadesa import github

SETTINGS = f"""\
import sys
sys.path.insert(0, {str(ROOT)!r})
from wartadesa.defaults import *
CUSTOM_DOMAIN = "contoh.desa.id"
from wartadesa.defaults import production_settings
globals().update(production_settings(globals()))
"""
BROKEN = "---\njudul: Rapat\ntanggal: 2024-06-31\n---\nIsi.\n"


@pytest.fixture
def site(tmp_path):
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    (tmp_path / "publishconf.py").write_text(SETTINGS, encoding="utf-8")
    return tmp_path


def run(site, module, *args):
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "PYTHONPATH": str(ROOT),
        "GITHUB_STEP_SUMMARY": str(site / "summary.md"),
    }
    env.pop("SITEURL", None)
    return subprocess.run(
        [sys.executable, "-m", module, "--settings", "publishconf.py", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def break_content(site):
    (site / "content" / "berita" / "2024-06-31-rapat.md").write_text(BROKEN, encoding="utf-8")
    (site / "content" / "situs.yml").write_text(
        "nama: Desa\nemail: bukan-surel\n", encoding="utf-8"
    )


def test_failed_build_annotates_each_problem_and_lists_the_files(site):
    break_content(site)
    result = run(site, "wartadesa.build", "--output", "output", "--strict")
    assert result.returncode == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands == [
        "::error file=content/berita/2024-06-31-rapat.md,line=3,title=Warta Desa::tanggal "
        "'2024-06-31' tidak ada: Juni 2024 hanya punya 30 hari (day 31 does not exist) — "
        "periksa tanggalnya (check the day of the month)",
        "::error file=content/situs.yml,line=2,title=Warta Desa::alamat email 'bukan-surel' "
        "tidak valid (invalid e-mail) — misalnya pemdes@binangun.desa.id",
    ]
    summary = (site / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## ❌ Situs belum diterbitkan")
    assert "Ada 2 galat di konten. Situs yang sudah terbit tidak berubah" in summary
    assert "- `content/berita/2024-06-31-rapat.md`\n- `content/situs.yml`" in summary
    assert "| content/situs.yml | 2 | galat | alamat email 'bukan-surel' tidak valid" in summary
    assert not (site / "output").exists()


def test_check_annotates_too(site):
    break_content(site)
    result = run(site, "wartadesa.check")
    assert result.returncode == 1
    assert sum(line.startswith("::error file=content/") for line in result.stdout.splitlines()) == 2
    assert "## ❌ Situs belum diterbitkan" in (site / "summary.md").read_text(encoding="utf-8")


def test_published_build_says_what_was_published(site):
    check = run(site, "wartadesa.check")
    assert check.returncode == 0, check.stdout
    assert (site / "summary.md").read_text(encoding="utf-8").startswith("## ✅ Konten beres")
    result = run(site, "wartadesa.build", "--output", "output", "--strict")
    assert result.returncode == 0, result.stderr
    assert "::" not in result.stdout
    summary = (site / "summary.md").read_text(encoding="utf-8")
    assert (
        "## ✅ Situs siap diterbitkan\n\nAlamat situs: https://contoh.desa.id/\n"
        "Isi: 5 berita, 1 halaman." in summary
    )


def test_without_github_actions_no_workflow_commands(site, tmp_path):
    break_content(site)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    result = subprocess.run(
        [sys.executable, "-m", "wartadesa.check", "--settings", "publishconf.py"],
        cwd=site,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "::error" not in result.stdout
    assert not (site / "summary.md").exists()


def test_annotation_escaping():
    assert (
        github.annotation("a,b:c.md:7: 100% salah\nlagi")
        == "::error file=a%2Cb%3Ac.md,line=7,title=Warta Desa::100%25 salah%0Alagi"
    )
    assert (
        github.annotation("tanpa lokasi", "warning") == "::warning title=Warta Desa::tanpa lokasi"
    )


def test_summary_cells_carry_no_markup():
    text = github.problems_summary(["content/x.md:1: judul <script>|x`"])
    assert "<script>" not in text and "&lt;script&gt;\\|x'" in text


def test_a_warning_under_strict_is_one_problem_with_its_heading_apart(site):
    """--strict (`invoke publish`, the workflow): the heading is printed once above the
    warnings and is neither counted ("2 masalah" for one) nor an annotation."""
    (site / "content" / "berita" / "2024-06-05-rapat.md").write_text(
        "---\njudul: Rapat\ntanggal: 2024-06-05\npenting: true\n---\nIsi.\n", encoding="utf-8"
    )  # a key of notices in an article: a warning
    result = run(site, "wartadesa.build", "--output", "output", "--strict")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[0] == "peringatan dianggap galat (--strict):"
    assert len([line for line in lines if "2024-06-05-rapat.md:" in line]) == 1, lines
    assert "Build gagal: 1 masalah." in result.stderr
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 1 and "2024-06-05-rapat.md" in commands[0], commands
