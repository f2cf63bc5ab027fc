"""The album page of the sample fixture site in the system Chromium on a phone: a grid of
three columns without JavaScript, each thumbnail opening the large view, no layout shift,
no horizontal scrolling; a screenshot in test-artifacts/."""

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError

from conftest import screenshot

pytestmark = pytest.mark.browser
ALBUM = "/galeri/contoh-album-kerja-bakti-dusun-krajan/"


def test_album_grid_on_a_phone_without_javascript(page_factory, served_sample_site):
    page = page_factory(390, 844, java_script_enabled=False, device_scale_factor=2)
    missing = []  # (not requests cut short by leaving a page, which Chromium reports too)
    page.on("response", lambda r: r.status >= 400 and missing.append(r.url))
    page.goto(served_sample_site + ALBUM)
    page.wait_for_load_state("networkidle")
    boxes = [page.locator(".gallery img").nth(i).bounding_box() for i in range(3)]
    assert len({round(box["y"]) for box in boxes}) == 1  # one row of three
    assert all(abs(box["width"] - box["height"]) < 1 and box["width"] > 90 for box in boxes)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    loaded = page.evaluate(
        "[...document.querySelectorAll('.gallery img')].map(i => i.complete && i.naturalWidth)"
    )
    assert all(loaded), loaded
    path = screenshot(page, "gallery-album-phone")
    assert path.stat().st_size > 10_000
    page.locator(".gallery a").nth(1).click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(ALBUM + "2/")
    image = page.locator("figure.cover img")
    size = image.evaluate(
        "i => [i.naturalWidth, i.naturalHeight, i.getBoundingClientRect().width,"
        " i.getBoundingClientRect().height]"
    )
    assert size[1] > size[0] and size[3] > size[2]  # the portrait picture, upright
    screenshot(page, "gallery-photo-phone")
    page.get_by_role("link", name="Foto berikutnya").click()
    assert page.url.endswith(ALBUM + "3/")
    assert not page.console_errors and not missing and not page.external_requests


def test_thumbnails_reserve_their_space(page_factory, served_sample_site):
    """width/height on every thumbnail: nothing moves while the pictures load."""
    page = page_factory(390, 844)
    page.route("**/foto/**", lambda route: route.abort())  # pictures never arrive
    page.goto(served_sample_site + ALBUM)
    boxes = [page.locator(".gallery img").nth(i).bounding_box() for i in range(3)]
    assert all(box["height"] > 90 for box in boxes)


def test_viewer_with_keyboard(page_factory, served_sample_site):
    """With JavaScript: the thumbnail opens a dialog; arrows move, Esc closes and focus
    returns to the thumbnail of the photo last shown; axe finds nothing in the dialog."""
    from tests.quality.test_accessibility import describe_violations, run_axe

    page = page_factory(390, 844, bypass_csp=True)
    page.goto(served_sample_site + ALBUM)
    page.locator(".gallery a").nth(1).focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog#penampil")
    dialog.locator("figure img").wait_for()
    assert page.url.endswith(ALBUM)  # stayed on the album page
    assert dialog.locator(".viewer__at").text_content() == "Foto 2 dari 3"
    page.wait_for_function("document.querySelector('dialog img').naturalWidth > 0")
    image = dialog.locator("figure img")
    # The photo's text is its caption, read once: its alt text only repeated it.
    assert image.get_attribute("alt") == ""
    assert dialog.locator("figcaption").text_content().startswith("Gambar contoh berdiri")
    screenshot(page, "gallery-viewer-phone")
    violations, _ = run_axe(page)
    assert violations == [], describe_violations(violations)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.viewer__at').textContent == 'Foto 3 dari 3'")
    page.keyboard.press("ArrowRight")  # round again to the first
    page.wait_for_function("document.querySelector('.viewer__at').textContent == 'Foto 1 dari 3'")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    # The dialog's `close` event comes after it is hidden (and after the browser has put
    # focus back on the thumbnail that opened it): wait for its handler to move focus.
    expected = ALBUM.lstrip("/") + "1/"
    with contextlib.suppress(PlaywrightError):  # the assertion below shows where it is
        page.wait_for_function(
            "suffix => (document.activeElement.getAttribute('href') || '').endsWith(suffix)",
            arg=expected,
            timeout=5000,
        )
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.endswith(expected)
    assert not page.console_errors and not page.failed_requests


@pytest.mark.parametrize("width", [360, 1280])
def test_album_list_title_has_the_room_beside_the_thumbnail(
    page_factory, served_sample_site, width
):
    """galeri/: the <source> tags of the thumbnail's <picture> take no grid cell, so the
    thumbnail is the picture's image and the title gets the rest of the row."""
    page = page_factory(width, 800)
    page.goto(served_sample_site + "/galeri/")
    item = page.locator(".albums__item").first.bounding_box()
    title = page.locator(".albums__title").first.bounding_box()
    image = page.locator(".albums__img").first.bounding_box()
    picture = page.locator(".albums__item picture").first.bounding_box()
    meta = page.locator(".albums__item .meta").first.bounding_box()
    assert title["width"] >= 0.6 * item["width"], (title, item)
    assert title["x"] >= image["x"] + image["width"]  # beside the thumbnail, not under it
    assert meta["x"] == title["x"] and meta["y"] >= title["y"] + title["height"] - 1
    assert picture == image  # the picture's box is its image, nothing else
    assert round(image["width"]) == round(image["height"]) == 104
    sources = page.eval_on_selector_all(
        ".albums__item source", "els => els.map(e => getComputedStyle(e).display)"
    )
    assert sources and set(sources) == {"none"}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"gallery-albums-{width}")


def test_viewer_keeps_every_size_of_the_srcset(page_factory, served_sample_site):
    """gallery.js makes the fetched photo's addresses absolute: each candidate of a srcset
    stays "address width" (the last, largest one too); the browser reports nothing."""
    # The photo's own page is read in a page of its own: leaving it for the album while
    # its favicon still loads would count as a failed request of the page under test.
    photo = page_factory(1280, 800, bypass_csp=True)
    photo.goto(served_sample_site + ALBUM + "2/")
    expected = photo.eval_on_selector_all(
        "figure.cover source, figure.cover img", "els => els.map(e => e.getAttribute('srcset'))"
    )
    page = page_factory(1280, 800, bypass_csp=True)
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.goto(served_sample_site + ALBUM)
    page.locator(".gallery a").nth(1).click()
    dialog = page.locator("dialog#penampil")
    dialog.locator("figure img").wait_for()
    page.wait_for_function("document.querySelector('dialog img').naturalWidth > 0")
    shown = dialog.locator("source, img").evaluate_all(
        "els => els.map(e => e.getAttribute('srcset'))"
    )
    assert len(shown) == len(expected) >= 2
    for before, after in zip(expected, shown, strict=True):
        wanted = [c.split() for c in before.split(", ")]
        got = [c.split() for c in after.split(", ")]
        assert [w for _, w in got] == [w for _, w in wanted], after  # every size, the largest too
        assert all(url.startswith(served_sample_site + "/") for url, _ in got), after
        assert [url.rsplit("/", 1)[1] for url, _ in got] == [
            url.rsplit("/", 1)[1] for url, _ in wanted
        ]
    current = page.evaluate("document.querySelector('dialog img').currentSrc")
    assert current.startswith(served_sample_site + "/")
    assert not page.console_errors and not page.failed_requests
    assert [m for m in messages if "srcset" in m.lower()] == []
