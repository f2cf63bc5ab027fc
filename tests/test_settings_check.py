"""Wrong values in pelicanconf.py: one Indonesian message naming the file and the line,
never a Python error or a site with broken links (wartadesa/settings_check.py)."""

import pytest

from tests.sitetools import ROOT, SAMPLE, environ, run_build_command
from wartadesa.build import BuildFailed, load_settings
from wartadesa.defaults import production_settings

HEAD = f"""import sys
sys.path.insert(0, {str(ROOT)!r})
from wartadesa.defaults import *
PATH = {str(SAMPLE / "content")!r}
"""


def site_with(folder, line):
    """A site folder whose pelicanconf.py has `line` on its fifth line, and the kit's
    publishconf.py beside it."""
    folder.mkdir(exist_ok=True)
    (folder / "pelicanconf.py").write_text(HEAD + line + "\n", encoding="utf-8")
    (folder / "publishconf.py").write_text(
        (ROOT / "publishconf.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    "line, words",
    [
        ('TIMEZONE = "WIB"', ["TIMEZONE 'WIB' bukan nama zona waktu", '"Asia/Jakarta" (WIB)']),
        ('TIMEZONE = "asia/jakarta"', ["TIMEZONE 'asia/jakarta' bukan nama zona waktu"]),
        (
            'CATEGORIES = "Pemerintahan, Pembangunan"',
            ['tulis CATEGORIES = ["Pemerintahan", "Pembangunan"]'],
        ),
        ('DEFAULT_PAGINATION = "20"', ["DEFAULT_PAGINATION '20' harus bilangan bulat"]),
        ("DEFAULT_PAGINATION = 0", ["DEFAULT_PAGINATION 0 harus bilangan bulat"]),
        (
            'CUSTOM_DOMAIN = "https://binangun-singgahan.desa.id/"',
            ["bukan nama domain", 'CUSTOM_DOMAIN = "binangun-singgahan.desa.id"'],
        ),
        (
            'CUSTOM_DOMAIN = "binangun-singgahan.desa.id/"',
            ['CUSTOM_DOMAIN = "binangun-singgahan.desa.id"'],
        ),
        (
            'CUSTOM_DOMAIN = "Desa Maju.desa.id"',
            ["atau spasi", 'CUSTOM_DOMAIN = "desa-maju.desa.id"'],
        ),
    ],
)
def test_a_wrong_setting_is_named_with_its_line(tmp_path, line, words):
    site = site_with(tmp_path / "site", line)
    with pytest.raises(BuildFailed) as failed:
        load_settings(site / "pelicanconf.py")
    [problem] = failed.value.problems
    assert problem.startswith(f"{site / 'pelicanconf.py'}:5: "), problem
    for word in words:
        assert word in problem, problem


@pytest.mark.parametrize(
    "line",
    [
        'TIMEZONE = "Asia/Makassar"',
        'CATEGORIES = ["Pemerintahan", "Pembangunan"]',
        "DEFAULT_PAGINATION = False",
        'CUSTOM_DOMAIN = "binangun-singgahan.desa.id"',
    ],
)
def test_right_settings_pass(tmp_path, line):
    site = site_with(tmp_path / "site", line)
    name, _, value = line.partition(" = ")
    assert repr(load_settings(site / "pelicanconf.py")[name]).replace("'", '"') == value


@pytest.mark.parametrize(
    "siteurl, words",
    [
        ("binangun-singgahan.desa.id", ["https://binangun-singgahan.desa.id"]),
        ("https://binangun-singgahan.desa.id/ ", ["tanpa spasi"]),
        ("https://binangun singgahan.desa.id", ["tidak sah"]),
    ],
)
def test_a_wrong_production_address_names_the_variable(monkeypatch, siteurl, words):
    monkeypatch.delenv("PAGES_URL", raising=False)
    with environ(SITEURL=siteurl), pytest.raises(SystemExit) as stop:
        production_settings({"CUSTOM_DOMAIN": "b.desa.id"})
    message = str(stop.value)
    assert message.startswith("variabel lingkungan SITEURL: alamat situs "), message
    for word in words:
        assert word in message, message


def test_a_wrong_domain_stops_the_production_build_and_keeps_the_site(monkeypatch, tmp_path):
    """`invoke publish` with CUSTOM_DOMAIN written as an address: exit 1, the one message,
    no traceback, the published folder as it was."""
    site = site_with(tmp_path / "site", 'CUSTOM_DOMAIN = "https://binangun-singgahan.desa.id/"')
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("situs lama", encoding="utf-8")
    monkeypatch.delenv("SITEURL", raising=False)
    monkeypatch.delenv("PAGES_URL", raising=False)
    done = run_build_command(site / "publishconf.py", output)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "pelicanconf.py:5: CUSTOM_DOMAIN" in done.stderr + done.stdout
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "situs lama"
