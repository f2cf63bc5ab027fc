"""Shared fixtures: each fixture site is built once per test session.

Sites are built from tests/fixtures/ (see tests/sitetools.py), never from the live
content/ of the village using the kit."""

import os

import pytest

# The kit's own CI runs these tests inside GitHub Actions: builds and checks started by
# tests must print plain lines, not workflow commands, and write no job summary.
for _name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "SITEURL", "PAGES_URL"):
    os.environ.pop(_name, None)

from tests.sitetools import build_site  # noqa: E402 (after the environment is cleaned)

PRODUCTION_URL = "https://binangun-singgahan.desa.id"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample fixture site (tests/fixtures/sample) with the local preview settings."""
    return build_site(tmp_path_factory.mktemp("preview") / "output")


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The sample fixture site with the production settings and a custom domain."""
    return build_site(
        tmp_path_factory.mktemp("publish") / "output",
        settings="publishconf.py",
        siteurl=PRODUCTION_URL,
        CUSTOM_DOMAIN="binangun-singgahan.desa.id",
    )


# --- Browser tests: the system Chromium through Playwright, pages on 127.0.0.1 ----

import contextlib  # noqa: E402
import functools  # noqa: E402
import shutil  # noqa: E402
import threading  # noqa: E402
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from pathlib import Path  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder):
    """Serve `folder` on 127.0.0.1 (a free port); yield the base URL without a slash."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("Chromium not found: run `bash .ci/test-deps` (installs Debian's chromium)")


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def served_sample_site(sample_site):
    """The sample preview site on a local http.server."""
    with serve_folder(sample_site.output) as base_url:
        yield base_url


@pytest.fixture
def page_factory(browser):
    """new_page(width, height) -> a page that records console errors and failed or
    external requests (external ones are blocked: tests never reach the internet)."""
    contexts = []

    def new_page(width=390, height=844, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.failed_requests = []
        page.external_requests = []
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        page.on("pageerror", lambda e: page.console_errors.append(str(e)))
        # A request the browser cancelled (ERR_ABORTED: the test went on to another page
        # while the favicon loaded) is not a broken resource; a missing one answers 404.
        page.on(
            "requestfailed",
            lambda r: "ERR_ABORTED" not in (r.failure or "") and page.failed_requests.append(r.url),
        )
        page.on("response", lambda r: r.status >= 400 and page.failed_requests.append(r.url))

        def route(route):
            url = route.request.url
            if url.startswith(("http://127.0.0.1", "data:", "blob:")):
                route.continue_()
            else:
                page.external_requests.append(url)
                route.abort()

        page.route("**/*", route)
        return page

    yield new_page
    for context in contexts:
        context.close()


def external_requests_once(page, expected, seconds=10):
    """The page's external requests once one starting with `expected` has been seen (or
    after `seconds`): an iframe is attached before the browser asks for its address, and
    the request reaches the test's route only while Playwright is waited on."""
    waited = 0
    while not any(url.startswith(expected) for url in page.external_requests) and waited < seconds:
        page.wait_for_timeout(50)
        waited += 0.05
    return page.external_requests


def screenshot(page, name):
    """Save a full-page screenshot under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
