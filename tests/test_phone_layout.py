"""A reader on a 360 px phone, measured in Chromium: the menu stays on one row, phone
numbers do not break, a card's summary uses the full width, archive titles keep their
own column beside the date, and an article's villages share one trail per kecamatan."""

import io
import shutil
from urllib.parse import urljoin

import pytest
from PIL import Image

from conftest import screenshot, serve_folder
from tests.sitetools import SAMPLE, build_site

pytestmark = pytest.mark.browser
PHONE = "0812-3456-7890"


@pytest.fixture(scope="module")
def phone_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("phone")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (1200, 675), (40, 110, 70)).save(content / "images" / "pelatihan.jpg")
    article = content / "berita" / "2024-07-10-pelatihan-aparatur-kecamatan-p3pd.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "---\n", "---\ngambar: images/pelatihan.jpg\n", 1
        ),
        encoding="utf-8",
    )
    identity = content / "situs.yml"
    identity.write_text(
        identity.read_text(encoding="utf-8") + f"telepon: {PHONE}\n", encoding="utf-8"
    )
    site = build_site(root / "output", content=content)
    with serve_folder(site.output) as base_url:
        yield base_url


def boxes(page, selector):
    return page.eval_on_selector_all(
        selector,
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {top: r.top, left: r.left, right: r.right, bottom: r.bottom,"
        " width: r.width, height: r.height}; })",
    )


@pytest.fixture
def phone(page_factory):
    return page_factory(width=360, height=740)


def test_menu_is_one_row_and_fits(phone, phone_site):
    phone.goto(phone_site + "/")
    items = boxes(phone, ".menu li")
    assert len(items) >= 5
    assert len({round(item["top"]) for item in items}) == 1, items
    assert max(item["right"] for item in items) <= 360, items
    screenshot(phone, "phone-home-360")


def test_menu_wraps_rather_than_scrolls_at_320px(page_factory, phone_site):
    """Six items (the kit's data pages add Profil) do not fit one row of a 320 px phone:
    the last ones wrap onto a second row, every item whole and in view, nothing scrolls."""
    phone = page_factory(width=320, height=740)
    phone.goto(phone_site + "/profil/")
    items = boxes(phone, ".menu li")
    assert len(items) == 6, items
    assert all(item["left"] >= 0 and item["right"] <= 320 for item in items), items
    assert phone.evaluate(
        "() => { const u = document.querySelector('.menu ul');"
        " return u.scrollWidth <= u.clientWidth && getComputedStyle(u).overflowX === 'visible'; }"
    )
    assert phone.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    for link in phone.locator(".menu a").all():  # no label is cut ("Prof…")
        assert link.evaluate("el => el.scrollWidth <= el.clientWidth"), link.inner_text()
    screenshot(phone, "phone-menu-320")


def test_phone_number_is_never_broken(page_factory, phone_site):
    phone = page_factory(width=280, height=740)  # the narrowest phones still in use
    phone.goto(phone_site + "/")
    link = phone.locator('a[href^="tel:"]').first
    assert link.inner_text() == PHONE
    lines = phone.evaluate("el => el.getClientRects().length", link.element_handle())
    assert lines == 1


def test_card_summary_runs_under_the_thumbnail(phone, phone_site):
    phone.goto(phone_site + "/")
    [card] = boxes(phone, "article.card--img")
    [summary] = boxes(phone, "article.card--img .card__sum")
    [picture] = boxes(phone, "article.card--img .card__img")
    assert summary["top"] >= picture["bottom"] - 1
    assert summary["width"] >= card["width"] - 2  # the whole card width, not beside the picture


def test_archive_titles_keep_their_column(phone, phone_site):
    phone.goto(phone_site + "/arsip/")
    dates = boxes(phone, ".archive__list li time")
    titles = boxes(phone, ".archive__list li a")
    assert dates and len(dates) == len(titles)
    for date, title in zip(dates, titles, strict=False):
        assert title["left"] >= date["right"], (date, title)  # every title line beside the date
    screenshot(phone, "phone-archive-360")


CUT_OFF_JS = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
       + ' ' + el.scrollWidth + '>' + el.clientWidth)"""


def edge_shades(page, wrapper):
    """Brightness of the wrapper's first and last 3 px at the top of its last body row
    (the cells' padding: no text there)."""
    row = wrapper.locator("tbody tr").last.bounding_box()
    box = wrapper.bounding_box()
    shot = Image.open(
        io.BytesIO(
            page.screenshot(
                clip={"x": box["x"], "y": row["y"] + 2, "width": box["width"], "height": 4}
            )
        )
    ).convert("L")
    scale = shot.width / box["width"]

    def shade(x):
        return sum(shot.getpixel((int((x + dx) * scale), 1)) for dx in range(1, 4)) / 3

    return shade(1), shade(box["width"] - 5)


@pytest.mark.parametrize("path", ["/apbdes/", "/profil/", "/desa/binangun/"])
def test_wide_tables_scroll_in_their_box_and_show_it(phone, phone_site, path):
    """A table wider than a 360 px phone scrolls inside its `.table` box, the only element
    of the page wider than its box; its caption wraps inside the box (never cut); a shadow
    on the side with more shows that it scrolls; amounts keep one line."""
    phone.goto(phone_site + path)
    wrappers = phone.locator("div.table")
    assert wrappers.count() >= 1
    assert phone.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    cut = phone.evaluate(CUT_OFF_JS)
    assert all(item.startswith("div.table ") for item in cut), cut
    scrolling = 0
    for index in range(wrappers.count()):
        wrapper = wrappers.nth(index)
        wrapper.scroll_into_view_if_needed()
        box = wrapper.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        caption = wrapper.locator("caption").bounding_box()
        assert (
            caption["x"] >= box["x"] and caption["x"] + caption["width"] <= box["x"] + box["width"]
        )
        assert wrapper.locator("caption").evaluate("c => c.scrollWidth <= c.clientWidth")
        for cell in wrapper.locator(".num").all():  # an amount is never broken
            assert cell.evaluate("el => el.getClientRects().length") == 1
            lines = cell.evaluate(
                "el => { const r = document.createRange(); r.selectNodeContents(el);"
                " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"
            )
            assert lines <= 1, cell.inner_text()
        if not wrapper.evaluate("el => el.scrollWidth > el.clientWidth"):
            continue
        scrolling += 1
        assert wrapper.evaluate("el => getComputedStyle(el).overflowX") == "auto"
        # At the start the right edge is shaded, at the end the left one (and not the right).
        start = edge_shades(phone, wrapper)
        wrapper.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        end = edge_shades(phone, wrapper)
        assert start[1] < end[1] - 15 and end[0] < start[0] - 15, (start, end)
        # Scrolled to the end, the caption is still in view.
        caption = wrapper.locator("caption").bounding_box()
        assert (
            caption["x"] >= box["x"] - 1
            and caption["x"] + caption["width"] <= box["x"] + box["width"] + 1
        )
        wrapper.evaluate("el => { el.scrollLeft = 0; }")
    assert scrolling >= 1, "no table is wider than the phone: the test proves nothing"
    screenshot(phone, "phone-tables" + path.replace("/", "-").rstrip("-"))


WHOLE_WORDS = """sel => {
  // Each word of the element's text on one line: a word broken over two lines has
  // two boxes.
  const node = document.querySelector(sel).firstChild;
  const text = node.textContent;
  const broken = [];
  for (const m of text.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    if (range.getClientRects().length !== 1) broken.push(m[0]);
  }
  return broken;
}"""


@pytest.mark.parametrize("size", [16, 26, 32])
def test_a_large_system_text_keeps_the_sites_name_whole(page_factory, phone_site, size):
    """A reader who set a large text size on the phone (26 and 32 px for 16): the site's
    name and tagline keep their words whole (they used to break into syllables, "Wart / a
    / Desa", beside the search link), nothing scrolls sideways, and the skip link stays
    out of sight until it is focused."""
    phone = page_factory(width=360, height=740)
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": size, "fixed": 13}})
    phone.goto(phone_site + "/")
    assert phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > size
    assert phone.evaluate(WHOLE_WORDS, ".brand__name") == []
    assert phone.evaluate(WHOLE_WORDS, ".brand__tag") == []
    assert phone.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    skip = boxes(phone, ".skip")[0]
    assert skip["bottom"] <= 0, skip
    phone.keyboard.press("Tab")
    skip = boxes(phone, ".skip")[0]
    assert skip["top"] >= 0 and skip["bottom"] <= 740, skip
    screenshot(phone, f"phone-home-text-{size}")


def test_the_tab_of_the_page_shown_stands_out(phone, phone_site):
    """Profil, Aparatur, Dokumen, APBDes: the current tab (aria-current) looked like the
    others, so a reader could not see where they were."""
    phone.goto(phone_site + "/profil/")
    look = phone.eval_on_selector_all(
        ".data-links .tag",
        "els => els.map(e => [e.hasAttribute('aria-current'),"
        " getComputedStyle(e).backgroundColor, getComputedStyle(e).color])",
    )
    current = [style for is_current, *style in look if is_current]
    others = [style for is_current, *style in look if not is_current]
    assert len(current) == 1 and len(others) >= 2, look
    assert all(style != current[0] for style in others), look


def test_links_alone_on_their_line_are_tall_enough_for_a_thumb(phone, phone_site):
    """The footer's feed links, an article's place trail and "Semua berita di arsip →"
    were 18 to 20 px tall, 24 px apart: a thumb hit the one next to it."""
    phone.goto(phone_site + "/")
    found = boxes(phone, ".foot .plain a") + boxes(phone, ".more a")
    article = phone.get_attribute("a:has-text('Pelatihan Aparatur Kecamatan P3PD')", "href")
    phone.goto(urljoin(phone_site + "/", article))  # (a click returns before the page loads)
    trail = boxes(phone, ".place-path a")
    assert len(trail) == 4, trail  # its four provinces
    found += trail
    assert len(found) >= 8, found
    assert all(box["height"] >= 36 for box in found), found
