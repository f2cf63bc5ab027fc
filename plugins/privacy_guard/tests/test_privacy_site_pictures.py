"""Real builds: the pictures the theme shows by a setting's name. A GPS logo is published
only as the photos plugin's metadata-free picture (not refused); a GPS picture published as
it is because a setting names it (favicon, default share picture, a logo while the photos
plugin is off) is refused with what it is used as, not "used by no article"."""

import shutil

import pytest
from attachment_files import photo_bytes

from tests.sitetools import ROOT, SAMPLE, build_site, run_build_command
from wartadesa.build import BuildFailed

GPS = "foto berisi posisi GPS"
UNUSED = "tidak dipakai berita atau halaman mana pun"


def site_content(tmp_path, logo=None, files=()):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "images").mkdir(exist_ok=True)
    for name in files:
        (content / "images" / name).write_bytes(photo_bytes(gps=True))
    if logo:
        situs = content / "situs.yml"
        situs.write_text(situs.read_text(encoding="utf-8") + f"logo: {logo}\n", "utf-8")
    return content


def refused(tmp_path, content, **settings):
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, **settings)
    return failed.value.problems


def test_a_gps_logo_made_by_the_photos_plugin_is_not_refused(tmp_path):
    content = site_content(tmp_path, "images/logo-desa.jpg", ["logo-desa.jpg"])
    site = build_site(tmp_path / "output", content=content)
    assert not site.exists("images/logo-desa.jpg")
    assert not [w for w in site.warnings if "logo-desa" in w]


@pytest.mark.parametrize(
    "setting, role",
    [
        ("FAVICON", "dipakai sebagai ikon situs di tab peramban (FAVICON di pelicanconf.py)"),
        ("DEFAULT_OG_IMAGE", "dipakai sebagai gambar pratinjau bawaan saat tautan dibagikan"),
    ],
)
def test_a_gps_picture_named_by_a_setting_is_refused_as_what_it_is(tmp_path, setting, role):
    content = site_content(tmp_path, files=["ikon.jpg"])
    problems = refused(tmp_path, content, **{setting: "images/ikon.jpg"})
    [found] = [p for p in problems if "ikon.jpg" in p]
    assert f"images/ikon.jpg:1: {GPS}" in found
    assert role in found and "jadi terbit apa adanya" in found
    assert "exiftool -gps:all= ikon.jpg" in found  # the fix: remove the position
    assert UNUSED not in found


def test_a_gps_logo_published_as_it_is_without_the_photos_plugin_says_it_is_the_logo(tmp_path):
    """In a process of its own: Pelican's signals keep the receivers of every plugin an
    earlier build of this process registered, so photos cannot be left out in this one."""
    content = site_content(tmp_path, "images/logo-desa.jpg", ["logo-desa.jpg"])
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from wartadesa.defaults import *\nPATH = {str(content)!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        'PLUGINS = [p for p in PLUGINS if p != "photos"]\n'
    )
    result = run_build_command(str(settings), str(tmp_path / "output"), timeout=300)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    [found] = [line for line in output.splitlines() if "logo-desa.jpg" in line]
    assert f"images/logo-desa.jpg:1: {GPS}" in found
    assert "dipakai sebagai logo situs (`logo:` di content/situs.yml, atau SITELOGO)" in found
    assert UNUSED not in found
