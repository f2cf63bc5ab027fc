"""GitHub Pages' files (.nojekyll, CNAME) from the identity plugin's generator."""

import shutil

from tests.sitetools import SAMPLE, build_site


def test_production_writes_nojekyll_and_the_cname_of_custom_domain(tmp_path):
    site = build_site(
        tmp_path / "output",
        settings="publishconf.py",
        siteurl="https://contoh-desa.desa.id",
        CUSTOM_DOMAIN="contoh-desa.desa.id",
    )
    assert (site.output / ".nojekyll").read_bytes() == b""
    assert (site.output / "CNAME").read_text(encoding="utf-8") == "contoh-desa.desa.id\n"


def test_a_site_s_own_cname_file_is_published_instead(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "extra").mkdir(exist_ok=True)
    (content / "extra" / "CNAME").write_text("berita.desa-lain.desa.id\n", encoding="utf-8")
    site = build_site(
        tmp_path / "output",
        settings="publishconf.py",
        siteurl="https://contoh-desa.desa.id",
        content=content,
        CUSTOM_DOMAIN="contoh-desa.desa.id",
    )
    assert (site.output / "CNAME").read_text(encoding="utf-8") == "berita.desa-lain.desa.id\n"
    assert not (site.output / "extra" / "CNAME").exists()


def test_the_preview_has_no_github_pages_files(tmp_path):
    site = build_site(tmp_path / "output", CUSTOM_DOMAIN="contoh-desa.desa.id")
    assert not (site.output / "CNAME").exists()
    assert not (site.output / ".nojekyll").exists()
