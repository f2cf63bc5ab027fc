"""Budgets in the system Chromium (Playwright): a reader on a 360x740 phone at device
scale 2. Bytes are what the browser transferred (response headers and bodies, as
Chromium reports them), summed over every response of the page."""

import shutil

import pytest
from photo_files import phone_jpeg
from PIL import Image

from conftest import serve_folder
from tests.sitetools import SAMPLE, build_site

pytestmark = pytest.mark.browser
ARTICLE = "/berita/2024/08/kerja-bakti-warga/"
PARAGRAPH = (
    "Warga Dusun Krajan bergotong royong membersihkan saluran irigasi sepanjang dua "
    "kilometer sejak pagi. Kepala dusun membagi warga menjadi empat kelompok, masing-"
    "masing membawa cangkul, sabit dan karung untuk sampah plastik yang menyumbat "
    "aliran air ke sawah di sisi timur desa."
)


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    """Ten articles, each with a 12-megapixel phone photo as cover (orientation 6, GPS);
    the newest with two more phone photos in its body, after a few paragraphs."""
    root = tmp_path_factory.mktemp("photo-budget")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    for number in range(1, 11):
        write(content / f"images/kegiatan-{number}.jpg", phone_jpeg(seed=number))
        body = "\n\n".join([PARAGRAPH] * 3)
        title = "Kerja Bakti Warga" if number == 10 else f"Kegiatan Warga {number}"
        if number == 10:
            write(content / "images/saluran.jpg", phone_jpeg(seed=21, orientation=1))
            write(content / "images/karung.jpg", phone_jpeg(seed=22, orientation=8))
            body = "\n\n".join(
                [PARAGRAPH] * 5
                + [
                    "![Warga membersihkan saluran irigasi](images/saluran.jpg)",
                    PARAGRAPH,
                    "![Karung sampah plastik dari saluran](images/karung.jpg)",
                    PARAGRAPH,
                ]
            )
        write(
            content / f"berita/2024-08-{number:02d}-kegiatan.md",
            f"---\njudul: {title}\ntanggal: 2024-08-{number:02d}\n"
            f"gambar: images/kegiatan-{number}.jpg\n---\n\n{body}\n",
        )
    site = build_site(root / "output", content=content)
    with serve_folder(site.output) as base_url:
        yield base_url, site


def transferred(response):
    try:
        sizes = response.request.sizes()
        return sizes["responseHeadersSize"] + sizes["responseBodySize"]
    except Exception:  # noqa: BLE001 - a response without sizes: its body
        return len(response.body())


def load(page_factory, url):
    """Open `url` on the phone; returns (page, responses so far)."""
    page = page_factory(width=360, height=740, device_scale_factor=2)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page, responses


def read_to_the_end(page):
    """Scroll down the whole page a screen at a time, as a reader does, until every
    image has loaded."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height + 740, 600):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(150)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => [...document.images].every(i => i.complete)")


def total(responses):
    return sum(transferred(r) for r in responses)


def test_article_with_a_12_megapixel_cover(page_factory, photo_site):
    base_url, _site = photo_site
    page, responses = load(page_factory, base_url + ARTICLE)
    first_screen = total(responses)
    assert first_screen <= 200_000, [(r.url, transferred(r)) for r in responses]
    cover = [r for r in responses if "/foto/kegiatan-10-" in r.url]
    assert len(cover) == 1 and cover[0].url.endswith(".webp")
    # No layout shift from images (the width/height attributes reserve their boxes).
    read_to_the_end(page)
    whole = total(responses)
    body = [r.url for r in responses if "/foto/saluran-" in r.url or "/foto/karung-" in r.url]
    assert len(body) == 2, body
    assert whole <= 350_000, [(r.url, transferred(r)) for r in responses]
    shift = page.evaluate("""() => new Promise(done => {
        let sum = 0;
        new PerformanceObserver(list => list.getEntries().forEach(e => { sum += e.value; }))
          .observe({type: "layout-shift", buffered: true});
        setTimeout(() => done(sum), 500);
    })""")
    assert shift == 0
    for image in page.eval_on_selector_all(
        "main img",
        "els => els.map(e => "
        "[e.currentSrc, e.naturalWidth, e.naturalHeight,"
        " e.getAttribute('width'), e.getAttribute('height')])",
    ):
        src, natural_w, natural_h, width, height = image
        assert src.endswith(".webp")  # Chromium takes the WebP source
        assert abs(natural_w / natural_h - int(width) / int(height)) < 0.01, image
    print(f"article: first screen {first_screen} B, whole page {whole} B")


def test_home_page_with_ten_phone_photo_covers(page_factory, photo_site):
    base_url, _site = photo_site
    page, responses = load(page_factory, base_url + "/")
    read_to_the_end(page)
    thumbs = [r for r in responses if "/foto/" in r.url]
    assert len(thumbs) == 10 and all("-k208." in r.url for r in thumbs), [r.url for r in thumbs]
    weight = total(responses)
    assert weight <= 250_000, [(r.url, transferred(r)) for r in responses]
    print(f"home: {weight} B")


def test_share_picture(page_factory, photo_site):
    base_url, site = photo_site
    page, _ = load(page_factory, base_url + ARTICLE)
    og = page.get_attribute('meta[property="og:image"]', "content")
    path = site.output / og.split("/", 3)[3]
    with Image.open(path) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))
    assert path.stat().st_size <= 300_000
