"""The live site (this repository's own content/ and settings) builds.

Everything in content/ and content/situs.yml belongs to the village using the kit,
so only generic things are asserted here; the kit's behaviour is tested on the
fixture sites under tests/fixtures/."""

from tests.sitetools import ROOT, environ
from wartadesa.build import build


def test_the_live_site_builds(tmp_path):
    build(ROOT / "pelicanconf.py", output=tmp_path / "output")
    assert (tmp_path / "output" / "index.html").is_file()


def test_the_live_site_builds_for_production(tmp_path):
    with environ(SITEURL="https://contoh.desa.id"):
        build(ROOT / "publishconf.py", output=tmp_path / "output")
    assert (tmp_path / "output" / "index.html").is_file()
    assert (tmp_path / "output" / ".nojekyll").is_file()
