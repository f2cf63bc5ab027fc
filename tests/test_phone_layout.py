"""A reader on a 360 px phone, measured in Chromium: the menu stays on one row, phone
numbers do not break, a card's summary uses the full width, archive titles keep their
own column beside the date, and an article's villages share one trail per kecamatan."""

import shutil

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
