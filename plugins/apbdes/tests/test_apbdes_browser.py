"""The charts render in Chromium, in the light and the dark colour scheme: each bar stands
out from the page background (contrast of at least 3:1, WCAG for graphics) and the two
kinds of bar differ; screenshots are kept in test-artifacts/."""

import io

import pytest
from PIL import Image

from conftest import screenshot

pytestmark = pytest.mark.browser


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def pixel_inside(shot, box):
    """The colour in the middle of `box` (viewport coordinates) in a viewport screenshot."""
    x = int(box["x"] + min(box["width"], 20) / 2)
    y = int(box["y"] + box["height"] / 2)
    return shot.getpixel((x, y))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_bars_stand_out_in_light_and_dark(page_factory, served_sample_site, scheme):
    page = page_factory(390, 844, color_scheme=scheme)
    page.goto(f"{served_sample_site}/apbdes/2025/")
    screenshot(page, f"apbdes-2025-{scheme}")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    svg = page.locator("#belanja + figure svg")
    svg.scroll_into_view_if_needed()
    origin = svg.bounding_box()  # viewport coordinates, like the screenshot's
    assert origin["width"] > 300  # drawn across the phone's width
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    corner = shot.getpixel((int(origin["x"] + origin["width"]) - 2, int(origin["y"]) + 2))
    expected_bg = tuple(int(v) for v in background[4:-1].split(","))
    assert contrast(corner, expected_bg) < 1.1
    colours = {}
    for kind in ("anggaran", "realisasi"):
        bar = page.locator(f"#belanja + figure rect.chart__{kind}").nth(1)  # nth(0): legend
        colours[kind] = pixel_inside(shot, bar.bounding_box())
        assert contrast(colours[kind], corner) >= 3, (kind, colours[kind], corner)
    assert colours["anggaran"] != colours["realisasi"]
    # The labels are text in the page's colour, readable on the background.
    fill = page.evaluate("getComputedStyle(document.querySelector('#belanja + figure text')).fill")
    text = tuple(int(v) for v in fill[4:-1].split(","))
    assert contrast(text, corner) >= 4.5
    assert page.console_errors == [] and page.failed_requests == []


def test_dark_scheme_uses_the_dark_palette(page_factory, served_sample_site):
    fills = {}
    for scheme in ("light", "dark"):
        page = page_factory(1280, 800, color_scheme=scheme)
        page.goto(f"{served_sample_site}/apbdes/")
        fills[scheme] = page.evaluate(
            "getComputedStyle(document.querySelector('rect.chart__realisasi')).fill"
        )
    assert fills["light"] == "rgb(21, 100, 60)" and fills["dark"] == "rgb(128, 210, 160)"


def test_print_keeps_the_charts(page_factory, served_sample_site):
    page = page_factory(1280, 800)
    page.goto(f"{served_sample_site}/apbdes/")
    page.emulate_media(media="print")
    assert page.locator("#pendapatan + figure svg").is_visible()
    assert page.locator("#pendapatan + figure rect.chart__anggaran").count() == 6
