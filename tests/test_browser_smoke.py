"""The sample site in the system Chromium: it opens, with no errors."""

import pytest

from conftest import screenshot

pytestmark = pytest.mark.browser


def test_home_opens_without_errors(page_factory, served_sample_site):
    page = page_factory(390, 844)
    page.goto(served_sample_site + "/")
    assert page.locator("h1").count() == 1
    assert page.locator("main article").count() == 5
    screenshot(page, "smoke-home-390")
    assert page.console_errors == []
    assert page.failed_requests == []
