"""Budgets over every built page of the sample site, preview and production builds:
HTML+CSS ≤ 14 KB gzip, CSS ≤ 4 KB gzip, JavaScript ≤ 2 KB, one render-blocking stylesheet and
nothing else, no external resource (but YouTube poster images), sized and lazy images.
The figures are printed (pytest -s) and written to test-artifacts/budgets-*.txt."""

import random
import string

import pytest

from conftest import ARTIFACTS, PRODUCTION_URL
from tests.quality.budget_rules import SiteResolver, measure, table
from tests.quality.site_pages import url_of


@pytest.fixture(scope="module", params=["preview", "production"])
def figures(request):
    if request.param == "preview":
        site, site_url = request.getfixturevalue("sample_site"), ""
    else:
        site, site_url = request.getfixturevalue("published_site"), PRODUCTION_URL
    resolver = SiteResolver(site.output, site_url)
    result = [
        measure(resolver, url_of(site, path), path.read_bytes()) for path in site.html_files()
    ]
    assert len(result) >= 20, "the sample site should have at least 20 pages"
    text = table(f"{request.param} build", result)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"budgets-{request.param}.txt").write_text(text + "\n", encoding="utf-8")
    print("\n" + text)
    return result


def broken(figures, *rules):
    lines = []
    for fig in figures:
        for rule in rules:
            for message in fig.problems.get(rule, []):
                lines.append(f"{fig.url or '/'}: {message}")
    return lines


def test_html_plus_css_fits_the_first_round_trip(figures):
    assert broken(figures, "first-load") == []


def test_css_within_its_gzip_budget(figures):
    assert broken(figures, "css") == []


def test_javascript_at_most_2_kb(figures):
    assert broken(figures, "js") == []


def test_nothing_render_blocking_but_the_stylesheet(figures):
    assert broken(figures, "render-blocking") == []


def test_no_external_resources(figures):
    assert broken(figures, "external", "missing-file") == []


def test_images_have_size_and_lazy_loading(figures):
    assert broken(figures, "images") == []


# --- the rules themselves, on small hand-written pages --------------------------------

BAD_PAGE = (
    """<!doctype html><html lang="id"><head><title>x</title>
<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="../../b.css">
<link rel="stylesheet" href="https://cdn.example.com/x.css">
<script src="/app.js"></script>
<script type="application/ld+json">{"@type": "NewsArticle"}</script>
</head><body>
<img src="/one.jpg" width="10" height="10">
<img src="/two.jpg" width="10">
<img src="https://i.ytimg.com/vi/abc/hqdefault.jpg" width="480" height="360" loading="lazy">
<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>
<img src="https://example.org/x.jpg" width="1" height="1" loading="lazy">
<script>"""
    + "x=1;" * 600
    + """</script>
</body></html>"""
)


def test_rules_find_every_problem_of_a_bad_page(tmp_path):
    rng = random.Random(1)  # incompressible: its gzip size is over the budget too
    noise = "".join(rng.choice(string.ascii_letters) for _ in range(9000))
    (tmp_path / "a.css").write_text("@import url(c.css);\nbody{color:red}" + noise)
    (tmp_path / "b.css").write_text("@font-face{font-family:x;src:url(x.woff2)}")
    (tmp_path / "app.js").write_text("console.log(1)")
    fig = measure(SiteResolver(tmp_path), "berita/x/", BAD_PAGE.encode())
    rules = fig.problems
    assert fig.js == len("console.log(1)") + 4 * 600
    assert fig.css == len(noise) + len("@import url(c.css);\nbody{color:red}") + len(
        "@font-face{font-family:x;src:url(x.woff2)}"
    )
    assert sorted(rules) == ["css", "external", "images", "js", "missing-file", "render-blocking"]
    assert rules["missing-file"] == [
        "<img> /one.jpg not in the output",
        "<img> /two.jpg not in the output",
    ]
    assert any("without defer/async" in m for m in rules["render-blocking"])
    assert any("@import" in m for m in rules["render-blocking"])
    assert any("@font-face" in m for m in rules["render-blocking"])
    assert any("3 stylesheets" in m for m in rules["render-blocking"])
    assert rules["external"] == [
        "<img> https://i.ytimg.com/vi/abc/hqdefault.jpg",  # YouTube's poster too
        "<iframe> https://www.youtube-nocookie.com/embed/abc",
        "<img> https://example.org/x.jpg",
        "<link> https://cdn.example.com/x.css",
    ]
    assert rules["images"] == [
        "<img src=/two.jpg> without height",
        "<img src=/two.jpg> (not the first image) without loading=lazy",
    ]


def test_rules_pass_a_lean_page_and_resolve_production_urls(tmp_path):
    (tmp_path / "theme" / "css").mkdir(parents=True)
    (tmp_path / "theme" / "css" / "style.css").write_text("body{margin:0}")
    (tmp_path / "theme" / "js").mkdir(parents=True)
    (tmp_path / "theme" / "js" / "v.js").write_text("let a=1")
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / "berita" / "x").mkdir(parents=True, exist_ok=True)
        (tmp_path / "berita" / "x" / name).write_bytes(b"jpg")
    page = (
        f'<!doctype html><html lang="id"><head><title>x</title>'
        f'<link rel="stylesheet" href="{PRODUCTION_URL}/theme/css/style.css">'
        f'<link rel="stylesheet" media="print" href="/theme/css/style.css">'
        f'<link rel="canonical" href="{PRODUCTION_URL}/berita/x/">'
        f'<script src="../../theme/js/v.js" defer></script></head><body>'
        f'<img src="a.jpg" width="1" height="1"><img src="b.jpg" width="1" height="1" '
        f'fetchpriority="high"><img src="b.jpg" width="1" height="1" '
        f'loading="lazy"></body></html>'
    ).encode()
    fig = measure(SiteResolver(tmp_path, PRODUCTION_URL), "berita/x/", page)
    assert fig.problems == {}
    # The same stylesheet linked twice is downloaded (and counted) once.
    assert (fig.css, fig.js, fig.images) == (len("body{margin:0}"), len("let a=1"), 3)
    assert fig.first_load_gz == fig.html_gz + fig.css_gz > 0
