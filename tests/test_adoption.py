"""A village adopts the kit: its own content, name and domain, and the kit still works.

The project is copied with another village's site (tests/fixtures/other_village:
other villages, other categories, none of the sample articles, another name and
domain), once as it is and once with an empty content/berita/. In each copy a
representative part of the kit's suite runs, then `invoke check --publish` and
`invoke publish` (the workflow's gates)."""

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from tests.sitetools import FIXTURES, SAMPLE, project_copy, text_of

OTHER = FIXTURES / "other_village"
SUITE = [
    "tests/test_sample_site.py",
    "tests/test_live_site.py",
    "plugins/villages",
    "plugins/identity",
]


@pytest.fixture(scope="module", params=["other_village", "empty_news"])
def village(request, tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp(request.param) / "situs", OTHER)
    if request.param == "empty_news":
        for article in (project / "content" / "berita").iterdir():
            article.unlink()
    return project


def run(project, *args, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    environment.update({"PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    environment.pop("SITEURL", None)
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )


def test_the_copy_is_another_village(village):
    sample_articles = {p.name for p in (SAMPLE / "content" / "berita").iterdir()}
    assert not sample_articles & {p.name for p in (village / "content" / "berita").iterdir()}
    assert "ketewel-sukawati.desa.id" in (village / "pelicanconf.py").read_text()


def test_the_kit_suite_passes_in_the_village_project(village):
    # Its own --basetemp: a nested pytest must not prune the numbered temporary folders
    # of running sessions (this one's included, where the village project lives).
    result = run(
        village,
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--basetemp={village.parent / 'pytest-tmp'}",
        *SUITE,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_check_and_publish_pass_in_the_village_project(village):
    check = run(village, "invoke", "check", "--publish")
    assert check.returncode == 0, check.stdout + check.stderr
    publish = run(village, "invoke", "publish")
    assert publish.returncode == 0, publish.stdout + publish.stderr
    output = village / "output"
    assert (output / "CNAME").read_text().strip() == "ketewel-sukawati.desa.id"
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title.get_text().startswith("Desa Ketewel")
    assert text_of(home.find("footer", class_="site-foot").h2) == "Desa Ketewel"
    canonical = home.find("link", rel="canonical")["href"]
    assert canonical == "https://ketewel-sukawati.desa.id/"
    text = text_of(home)
    assert "Konferensi Kades" not in text and "Warta Desa" not in text
    if any((village / "content" / "berita").iterdir()):
        assert "Subak di Guwang" in text
        assert (output / "kategori" / "adat-dan-budaya" / "index.html").is_file()
    assert (output / "profil" / "index.html").is_file()
