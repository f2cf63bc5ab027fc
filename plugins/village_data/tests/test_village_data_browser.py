"""The IDM chart in the system Chromium: drawn in light mode, dark mode and print, its
line in the theme's accent colour and clearly apart from the background (the PNGs are
kept in test-artifacts/ to look at)."""

import io

import pytest
from PIL import Image

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def rgb(css):
    """(r, g, b) of a computed 'rgb(…)' colour."""
    return tuple(int(float(part)) for part in css[css.index("(") + 1 : -1].split(",")[:3])


def distance(a, b):
    return sum(abs(x - y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    "scheme, media", [("light", "screen"), ("dark", "screen"), ("dark", "print")]
)
def test_idm_chart_renders(page_factory, served_sample_site, scheme, media):
    page = page_factory(390, 844, color_scheme=scheme)
    page.goto(served_sample_site + "/profil/")
    page.emulate_media(media=media, color_scheme=scheme)
    chart = page.locator("section.idm svg.idm-chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] >= 300 and box["height"] >= 130
    line = rgb(chart.evaluate("el => getComputedStyle(el.querySelector('polyline')).stroke"))
    label = rgb(chart.evaluate("el => getComputedStyle(el.querySelector('text')).fill"))
    background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
    assert distance(line, background) > 200, (line, background)
    assert distance(label, background) > 200, (label, background)
    ARTIFACTS.mkdir(exist_ok=True)
    png = chart.screenshot(path=str(ARTIFACTS / f"idm-chart-{scheme}-{media}.png"))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    pixels = [image.getpixel((x, y)) for y in range(image.height) for x in range(image.width)]
    near_line = sum(1 for p in pixels if distance(p, line) < 60)
    near_background = sum(1 for p in pixels if distance(p, background) < 30)
    # The line and three points are drawn; most of the picture is the page's background.
    assert near_line > 300, near_line
    assert near_background > len(pixels) / 2
    # Each point sits at its own height: the three years rise on the sample data.
    ys = chart.evaluate(
        "el => [...el.querySelectorAll('circle')].map(c => c.getBoundingClientRect().y)"
    )
    assert ys == sorted(ys, reverse=True) and len(set(ys)) == 3
