"""The album page of the sample fixture site in the system Chromium on a phone: a grid of
three columns without JavaScript, each thumbnail opening the large view, no layout shift,
no horizontal scrolling; a screenshot in test-artifacts/."""

import pytest

from conftest import screenshot

pytestmark = pytest.mark.browser
ALBUM = "/galeri/contoh-album-kerja-bakti-dusun-krajan/"


def test_album_grid_on_a_phone_without_javascript(page_factory, served_sample_site):
    page = page_factory(390, 844, java_script_enabled=False, device_scale_factor=2)
    page.goto(served_sample_site + ALBUM)
    page.wait_for_load_state("networkidle")
    boxes = [page.locator(".gallery img").nth(i).bounding_box() for i in range(3)]
    assert len({round(box["y"]) for box in boxes}) == 1  # one row of three
    assert all(abs(box["width"] - box["height"]) < 1 and box["width"] > 90 for box in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    loaded = page.evaluate("[...document.querySelectorAll('.gallery img')]"
                           ".map(i => i.complete && i.naturalWidth)")
    assert all(loaded), loaded
    path = screenshot(page, "gallery-album-phone")
    assert path.stat().st_size > 10_000
    page.locator(".gallery a").nth(1).click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(ALBUM + "2/")
    image = page.locator("figure.cover img")
    size = image.evaluate("i => [i.naturalWidth, i.naturalHeight, i.getBoundingClientRect().width,"
                          " i.getBoundingClientRect().height]")
    assert size[1] > size[0] and size[3] > size[2]  # the portrait picture, upright
    screenshot(page, "gallery-photo-phone")
    page.get_by_role("link", name="Foto berikutnya").click()
    assert page.url.endswith(ALBUM + "3/")
    assert not page.console_errors and not page.failed_requests and not page.external_requests


def test_thumbnails_reserve_their_space(page_factory, served_sample_site):
    """width/height on every thumbnail: nothing moves while the pictures load."""
    page = page_factory(390, 844)
    page.route("**/foto/**", lambda route: route.abort())  # pictures never arrive
    page.goto(served_sample_site + ALBUM)
    boxes = [page.locator(".gallery img").nth(i).bounding_box() for i in range(3)]
    assert all(box["height"] > 90 for box in boxes)
