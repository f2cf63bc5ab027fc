"""Lighthouse (the npm CLI of package.json, with Debian's Chromium) on the search page of the
production build, with a query: accessibility, best practices and SEO at 100. Performance
depends on the machine, so it is printed, not asserted."""

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from tests.sitetools import build_site
from wartadesa import lighthouse

pytestmark = pytest.mark.browser


def test_lighthouse_on_the_search_page(tmp_path):
    if not lighthouse.LIGHTHOUSE.is_file():
        pytest.fail("Lighthouse is not installed: run `bash .ci/test-deps` (npm ci)")
    port = lighthouse.free_port()
    base = f"http://127.0.0.1:{port}"
    site = build_site(tmp_path / "output", settings="publishconf.py", siteurl=base)
    handler = functools.partial(lighthouse.PagesLikeHandler, directory=str(site.output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        scores, failing, _report = lighthouse.run_lighthouse(
            base + "/cari/?q=pembangunan", tmp_path / "cari.json", lighthouse.chromium()
        )
    finally:
        server.shutdown()
        server.server_close()
    for category in ("accessibility", "best-practices", "seo"):
        assert scores[category] == 100, (category, failing)
    print(f"cari/: {scores}")
