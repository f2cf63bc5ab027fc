"""Lighthouse (the npm CLI of package.json, with Debian's Chromium) on the production build
of a site whose articles carry 12-megapixel phone photos: no layout shift, and accessibility,
best practices and SEO at 100 on the home page and the photo article. The performance score
depends on the machine's speed, so it is a figure of `invoke lighthouse` (docs/lighthouse.md),
not an assertion here."""

import functools
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest
from photo_files import phone_jpeg

from tests.sitetools import SAMPLE, build_site
from wartadesa import lighthouse

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_production(tmp_path_factory):
    if not lighthouse.LIGHTHOUSE.is_file():
        pytest.fail("Lighthouse is not installed: run `bash .ci/test-deps` (npm ci)")
    root = tmp_path_factory.mktemp("photo-lighthouse")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "images").mkdir(exist_ok=True)
    for number in range(1, 4):
        (content / "images" / f"foto-{number}.jpg").write_bytes(phone_jpeg(seed=number))
        body = "Warga bergotong royong membersihkan saluran irigasi desa. " * 12
        if number == 3:
            body += "\n\n![Warga di saluran irigasi](images/foto-1.jpg)\n\n" + body
        (content / "berita" / f"2024-08-0{number}-foto.md").write_text(
            f"---\njudul: Kerja Bakti Nomor {number}\ntanggal: 2024-08-0{number}\n"
            f"gambar: images/foto-{number}.jpg\n---\n\n{body}\n",
            encoding="utf-8",
        )
    port = lighthouse.free_port()
    base = f"http://127.0.0.1:{port}"
    site = build_site(root / "output", settings="publishconf.py", content=content, siteurl=base)
    handler = functools.partial(lighthouse.PagesLikeHandler, directory=str(site.output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base, root
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", ["/", "/berita/2024/08/kerja-bakti-nomor-3/"])
def test_lighthouse_on_photo_pages(served_production, path):
    base, root = served_production
    name = path.strip("/").replace("/", "-") or "home"
    scores, failing, report = lighthouse.run_lighthouse(
        base + path, root / f"{name}.json", lighthouse.chromium()
    )
    assert report["audits"]["cumulative-layout-shift"]["numericValue"] == 0
    for category in ("accessibility", "best-practices", "seo"):
        assert scores[category] == 100, (category, failing)
    print(f"{path}: {scores}")
