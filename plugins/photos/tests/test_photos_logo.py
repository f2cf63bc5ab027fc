"""Real builds with the site logo (`logo:` in situs.yml) a raster file under content/:
published only as one small metadata-free picture made by the photos pipeline, named by
the header, the JSON-LD publisher logo and the web editor; an SVG logo stays as it is."""

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from photo_files import phone_jpeg, transparent_png, truncated_jpeg
from PIL import Image

from photos import encode
from privacy_guard.photos import has_gps
from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed

ARTICLE = "berita/2024/08/kerja-bakti-warga/"
BOX = 176  # PHOTOS_LOGO_SIZE: 4x the 44 px header logo


def logo_content(root, name, data):
    """The sample content with `images/<name>` (bytes) as the site logo and one article."""
    content = Path(root) / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / name).write_bytes(data)
    situs = content / "situs.yml"
    situs.write_text(situs.read_text(encoding="utf-8") + f"logo: images/{name}\n", encoding="utf-8")
    (content / "berita" / "2024-08-01-kerja-bakti.md").write_text(
        "---\njudul: Kerja Bakti Warga\ntanggal: 2024-08-01\n---\n\nWarga bekerja bakti.\n\n"
        f"[Unduh logo desa]({{static}}/images/{name})\n",
        encoding="utf-8",
    )
    return content


def header_logo(site, url=""):
    return site.html(url).find("img", class_="brand__logo")


def logo_file(site, url=""):
    """The file the header's <img> of page `url` shows."""
    return (site.path(url).parent / header_logo(site, url)["src"]).resolve()


def json_ld_logo(site):
    script = site.html(ARTICLE).find("script", type="application/ld+json")
    return json.loads(script.string)["publisher"]["logo"]["url"]


def editor_logo(site):
    config = yaml.safe_load((site.output / "admin" / "config.yml").read_text(encoding="utf-8"))
    return config.get("logo", {}).get("src")


def published_files(site):
    return [p for p in site.output.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def gps_logo(tmp_path_factory):
    """An 3000x3000 phone JPEG with GPS and camera EXIF as the logo, built twice with the
    same cache: (first site, second site, encodes of the second build, the original)."""
    root = tmp_path_factory.mktemp("logo")
    original = phone_jpeg(3000, 3000, orientation=None)
    content = logo_content(root, "logo-desa.jpg", original)
    first = build_site(root / "first", content=content)
    before = len(encode.ENCODED)
    # PHOTOS_LARGE_MB only warns: the same pictures, none encoded again.
    second = build_site(root / "second", content=content, PHOTOS_LARGE_MB=1)
    return first, second, len(encode.ENCODED) - before, original


def test_a_large_gps_logo_is_published_only_as_a_small_clean_picture(gps_logo):
    site, _, _, original = gps_logo
    assert not site.exists("images/logo-desa.jpg")
    assert not [p for p in published_files(site) if p.read_bytes() == original]
    logo = header_logo(site)
    assert logo["src"].startswith("./foto/logo-desa-") and logo["src"].endswith(
        f"-logo{BOX}x{BOX}.jpg"
    )
    path = logo_file(site)
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.size == (BOX, BOX)
        assert not image.getexif()
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)
    data = path.read_bytes()
    for marker in (b"Exif\x00\x00", b"xmpmeta", b"Kamera Ponsel"):
        assert marker not in data
    assert not has_gps(path)
    assert len(data) < 30_000  # the original weighs megabytes
    assert (logo["width"], logo["height"]) == ("44", "44")
    # Every page names the same picture (relative to the page).
    assert logo_file(site, ARTICLE) == path


def test_the_json_ld_logo_is_the_same_picture(gps_logo):
    site, *_ = gps_logo
    url = json_ld_logo(site)
    assert url.endswith("/" + logo_file(site).relative_to(site.output).as_posix())


def test_no_privacy_message_for_the_cleaned_logo_and_a_large_one_is_told(gps_logo):
    first, second, *_ = gps_logo  # the build would have failed on a GPS position
    assert not [w for w in first.warnings if "logo-desa" in w]
    [large] = [w for w in second.warnings if "logo-desa" in w]
    line = (first.output.parent / "content" / "situs.yml").read_text().count("\n")
    assert f"situs.yml:{line}: foto 'logo-desa.jpg' sangat besar (1.9 MB" in large


def test_a_link_to_the_original_logo_leads_to_its_picture(gps_logo):
    site, *_ = gps_logo
    link = next(a for a in site.html(ARTICLE).select(".prose a") if "logo" in a.get_text())
    assert (site.path(ARTICLE).parent / link["href"]).resolve() == logo_file(site)


def test_the_logo_is_cached_and_the_same_in_every_build(gps_logo):
    first, second, encoded, _ = gps_logo
    assert encoded == 0
    assert header_logo(first)["src"] == header_logo(second)["src"]
    assert logo_file(first).read_bytes() == logo_file(second).read_bytes()
    cache = first.output.parent / "cache" / "photos" / logo_file(first).name
    assert cache.read_bytes() == logo_file(first).read_bytes()


def test_a_transparent_png_logo_stays_a_png_with_transparency(tmp_path):
    content = logo_content(tmp_path, "logo.png", transparent_png(900, 600))
    site = build_site(tmp_path / "output", content=content)
    assert not site.exists("images/logo.png")
    logo = header_logo(site)
    assert logo["src"].endswith(f"-logo{BOX}x117.png")
    with Image.open(logo_file(site)) as image:
        assert image.format == "PNG" and image.size == (BOX, 117)
        assert image.mode == "RGBA" and image.getchannel("A").getextrema() == (0, 255)
        assert not image.getexif()
    # 900x600 shown 44 px high: the aspect is kept, not squeezed into 44x44.
    assert (logo["width"], logo["height"]) == ("66", "44")
    name = logo_file(site).relative_to(site.output).as_posix()
    assert json_ld_logo(site).endswith("/" + name)
    assert editor_logo(site) == "/" + name  # the web editor shows the same picture


def test_a_non_square_sideways_logo_keeps_its_shown_aspect(tmp_path):
    """A 1200x600 JPEG saved sideways (EXIF orientation 6) is a 600x1200 picture."""
    content = logo_content(tmp_path, "lambang.jpg", phone_jpeg(1200, 600, orientation=6))
    site = build_site(tmp_path / "output", content=content)
    logo = header_logo(site)
    assert (logo["width"], logo["height"]) == ("22", "44")
    with Image.open(logo_file(site)) as image:
        assert image.size == (88, BOX) and not image.getexif()


def test_a_small_logo_is_not_upscaled(tmp_path):
    image = Image.new("RGB", (120, 40), (20, 110, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    content = logo_content(tmp_path, "logo-kecil.jpg", out.getvalue())
    site = build_site(tmp_path / "output", content=content)
    logo = header_logo(site)
    assert logo["src"].endswith("-logo120x40.jpg")
    assert (logo["width"], logo["height"]) == ("132", "44")
    with Image.open(logo_file(site)) as published:
        assert published.size == (120, 40)


def test_an_svg_logo_is_published_as_it_is(tmp_path):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        b'<rect width="10" height="10" fill="#15643c"/></svg>'
    )
    content = logo_content(tmp_path, "logo.svg", svg)
    site = build_site(tmp_path / "output", content=content)
    logo = header_logo(site)
    assert logo["src"] == "./images/logo.svg"
    assert (logo["width"], logo["height"]) == ("44", "44")
    assert site.path("images/logo.svg").read_bytes() == svg
    assert json_ld_logo(site).endswith("/images/logo.svg")
    assert editor_logo(site) == "/images/logo.svg"
    assert not [p for p in (site.output / "foto").glob("*logo*")]


def test_a_broken_logo_stops_the_build_at_the_logo_line(tmp_path):
    content = logo_content(tmp_path, "logo-rusak.jpg", truncated_jpeg())
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    [found] = [p for p in failed.value.problems if "logo-rusak.jpg" in p]
    line = (content / "situs.yml").read_text(encoding="utf-8").count("\n")
    assert f"situs.yml:{line}: foto 'logo-rusak.jpg' terpotong" in found
    assert not (tmp_path / "output").exists()
