"""The theme in the system Chromium: what a reader sees at phone and desktop sizes,
light and dark, printing, keyboard use, the copy button and the video box."""

import re

import pytest

from conftest import ARTIFACTS, external_requests_once, screenshot, serve_folder
from tests.sitetools import build_site
from tests.test_theme import (
    FOOTER,
    KONFERENSI,
    MUSDES,
    VIDEO_ARTICLE,
    VIDEO_TITLE,
    write_generated_content,
)

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1280, 800)]
PAGES = {
    "home": "/",
    "article": "/" + KONFERENSI,
    "archive": "/arsip/",
    "category": "/kategori/pemerintahan/",
    "village": "/desa/binangun/",
    "page": "/tentang/",
    "404": "/404.html",
}


@pytest.fixture(scope="module")
def served_generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("theme-browser")
    site = build_site(root / "output", content=write_generated_content(root / "content"), **FOOTER)
    with serve_folder(site.output) as base_url:
        yield base_url


def overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_page_types_render_cleanly(page_factory, served_sample_site, width, height, scheme):
    page = page_factory(width, height, color_scheme=scheme)
    for name, path in PAGES.items():
        page.goto(served_sample_site + path)
        assert page.locator("h1").count() == 1, name
        assert overflow(page) <= 0, f"{name} scrolls sideways at {width}px"
        screenshot(page, f"theme-{name}-{width}-{scheme}")
    assert page.console_errors == []
    assert page.failed_requests == []
    assert page.external_requests == []


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


COLOURS_JS = """selector => [...document.querySelectorAll(selector)].slice(0, 3).map(el => {
  const parse = c => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  let node = el, bg = null;
  while (node) {
    const c = parse(getComputedStyle(node).backgroundColor);
    if (c.length < 4 || c[3] > 0) { bg = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  return {fg: parse(getComputedStyle(el).color).slice(0, 3), bg: bg || [255, 255, 255]};
})"""
TEXT_SELECTORS = [
    ".brand__name",
    ".brand__tag",
    ".menu a",
    ".crumbs a",
    "h1",
    ".lede",
    ".meta",
    ".prose p",
    ".prose a",
    ".tags__label",
    ".tag",
    ".btn",
    ".copy label",
    ".prevnext__dir",
    ".related a",
    ".site-foot p",
    ".site-foot a",
    ".foot__title",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_at_least_4_5_to_1(page_factory, served_sample_site, scheme):
    page = page_factory(390, 844, color_scheme=scheme)
    page.goto(served_sample_site + "/" + KONFERENSI)
    body_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (body_bg == "rgb(255, 255, 255)") == (scheme == "light")
    checked = 0
    for selector in TEXT_SELECTORS:
        for pair in page.evaluate(COLOURS_JS, selector):
            ratio = contrast(pair["fg"], pair["bg"])
            assert ratio >= 4.5, f"{selector} {pair} {ratio:.2f} in {scheme}"
            checked += 1
    assert checked >= len(TEXT_SELECTORS)


def test_no_sideways_scrolling_at_320px_with_long_words_and_wide_tables(
    page_factory, served_generated
):
    page = page_factory(320, 640)
    for path in ("/" + MUSDES, "/", "/arsip/", "/desa/"):
        page.goto(served_generated + path)
        assert overflow(page) <= 0, path
    page.goto(served_generated + "/" + MUSDES)
    box = page.locator(".prose div.table")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls in its box
    screenshot(page, "theme-article-320-long-words")


def test_double_zoom_keeps_everything_readable(page_factory, served_sample_site):
    # 200 % zoom of a 1280 px window is a 640 CSS px layout with every rem doubled.
    page = page_factory(640, 400, device_scale_factor=2)
    page.goto(served_sample_site + "/" + KONFERENSI)
    page.evaluate("document.documentElement.style.fontSize = '200%'")  # text-only zoom too
    assert overflow(page) <= 0
    screenshot(page, "theme-article-zoom-200")


def test_tap_targets_are_at_least_24px(page_factory, served_generated):
    page = page_factory(390, 844)
    for path in ("/" + MUSDES, "/"):
        page.goto(served_generated + path)
        for selector in (
            ".menu a",
            ".crumbs a",
            ".btn",
            ".tag",
            ".pages a",
            ".kicker a",
            ".prevnext a",
        ):
            for box in page.locator(selector).all():
                if box.is_visible():
                    size = box.bounding_box()
                    assert size["height"] >= 24 and size["width"] >= 24, (path, selector, size)


def test_skip_link_appears_on_focus_and_focus_is_visible(page_factory, served_sample_site):
    page = page_factory(390, 844)
    page.goto(served_sample_site + "/" + KONFERENSI)
    skip = page.locator("a.skip")
    assert skip.bounding_box()["y"] < 0  # off screen until focused
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert skip.bounding_box()["y"] >= 0
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#isi"
    page.keyboard.press("Tab")  # the next stop is inside main (the first breadcrumb)
    assert page.evaluate("document.activeElement.closest('main') !== null")
    style = page.evaluate("getComputedStyle(document.activeElement)")
    assert style["outlineStyle"] == "solid" and float(style["outlineWidth"][:-2]) >= 2


def test_copy_button_copies_the_address(page_factory, served_sample_site):
    page = page_factory(390, 844)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(served_sample_site + "/" + KONFERENSI)
    button = page.get_by_role("button", name="Salin tautan")
    assert button.is_visible()
    button.click()
    status = page.locator(".copy [role=status]")
    status.wait_for(state="visible")
    assert status.inner_text() == "Tautan disalin."
    address = page.locator(".copy input").input_value()
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert address.endswith("/" + KONFERENSI)
    assert page.console_errors == []


def test_without_javascript_the_page_reads_and_the_address_can_be_selected(
    page_factory, served_sample_site
):
    page = page_factory(390, 844, java_script_enabled=False)
    page.goto(served_sample_site + "/" + KONFERENSI)
    assert page.locator(".prose p").first.is_visible()
    assert not page.locator(".copy button").is_visible()
    assert page.locator(".copy input").is_visible()
    assert page.locator(".share__list a").count() == 4


def test_print_shows_the_article_only(page_factory, served_sample_site):
    page = page_factory(1280, 800)
    page.goto(served_sample_site + "/" + KONFERENSI)
    page.emulate_media(media="print")
    for selector in (".menu", ".site-foot", ".share", ".prevnext", ".related", ".crumbs"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("h1").is_visible() and page.locator(".prose").is_visible()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    link = page.locator(".post__head a[href^='http']").first
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert after in ("none", "normal")  # only links in the body print their address
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "theme-article-print.pdf"))


def test_video_box_keeps_its_size_when_the_player_loads(page_factory, served_generated):
    page = page_factory(390, 844)
    page.goto(served_generated + "/" + VIDEO_ARTICLE)
    figure = page.locator("figure.video")
    figure.scroll_into_view_if_needed()
    assert page.locator("figure.video img").count() == 0  # the poster is drawn by the site
    screenshot(page, "theme-video-poster-390")
    before = figure.bounding_box()
    assert abs(before["height"] - before["width"] * 9 / 16) < 1.5
    play = page.locator(".video__play").bounding_box()
    centre = (play["x"] + play["width"] / 2, play["y"] + play["height"] / 2)
    assert abs(centre[0] - (before["x"] + before["width"] / 2)) < 2
    assert abs(centre[1] - (before["y"] + before["height"] / 2)) < 2
    link = page.locator("a.video__link").bounding_box()
    assert link == before
    title = page.locator(".video__title")
    assert title.evaluate("el => getComputedStyle(el).color") == "rgb(255, 255, 255)"
    page.locator("a.video__link").focus()
    assert (
        page.locator("a.video__link").evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    )
    text_top = page.locator(".prose p").first.bounding_box()["y"]
    page.locator("a.video__link").click()
    frame = page.locator("figure.video iframe")
    frame.wait_for(state="attached")
    assert frame.bounding_box() == before
    assert figure.bounding_box() == before
    assert page.locator(".prose p").first.bounding_box()["y"] == text_top  # no layout shift
    screenshot(page, "theme-video-390")
    external = external_requests_once(page, "https://www.youtube-nocookie.com/embed/")
    assert external and all(
        url.startswith("https://www.youtube-nocookie.com/embed/") for url in external
    ), external


@pytest.mark.parametrize("width", [320, 360])
def test_a_long_video_title_never_covers_the_play_button(page_factory, served_generated, width):
    """A headline as the video's title (three lines or more on a phone) shows two lines
    with an ellipsis; the play button stays below them, inside the poster."""
    page = page_factory(width, 740)
    page.goto(served_generated + "/" + VIDEO_ARTICLE)
    figure = page.locator("figure.video")
    figure.scroll_into_view_if_needed()
    poster = figure.bounding_box()
    title = page.locator(".video__title")
    band = title.bounding_box()
    play = page.locator(".video__play").bounding_box()
    assert " ".join(title.text_content().split()) == VIDEO_TITLE  # all of it for screen readers
    line = float(title.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)"))
    assert title.evaluate("el => el.scrollHeight > el.clientHeight")  # the title is clamped
    assert title.evaluate("el => el.clientHeight") <= 2 * line + 1  # to two lines
    assert band["y"] + band["height"] <= play["y"], (band, play)  # never over the button
    assert poster["y"] <= band["y"] and play["y"] + play["height"] <= poster["y"] + poster["height"]
    middle = play["x"] + play["width"] / 2
    assert abs(middle - (poster["x"] + poster["width"] / 2)) < 2
    screenshot(page, f"theme-video-long-title-{width}")


def test_reading_order_on_phone_title_first(page_factory, served_sample_site):
    page = page_factory(390, 844)
    page.goto(served_sample_site + "/" + KONFERENSI)
    h1 = page.locator("h1").bounding_box()
    assert h1["y"] + h1["height"] < 844 / 2  # the headline is in the top half of the screen
    assert re.search(r"Kamis, 6 Juni 2024", page.locator(".post__head").inner_text())
