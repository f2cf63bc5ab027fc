"""Safe and repeatable builds: byte-identical output, a failed build leaves output/ as it
was, dangerous output folders are refused, and every page carries the CSP."""

import datetime as dt
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import PRODUCTION_URL
from search.indexer import NOT_REPEATABLE
from search.page import allow_wasm
from tests.sitetools import ROOT, SAMPLE, build_site, run_build_command, settings_path
from wartadesa.build import BuildFailed, build, load_settings


def snapshot(folder):
    """{relative path: (sha256, mtime_ns)} of every file and folder under `folder`."""
    state = {}
    for path in sorted(Path(folder).rglob("*")):
        relative = str(path.relative_to(folder))
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[relative] = (digest, path.stat().st_mtime_ns)
        else:
            state[relative] = ("dir", path.stat().st_mtime_ns)
    return state


def files(folder):
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file()
    }


# --- Two builds, every byte the same ---------------------------------------------------


def build_in_process_of_its_own(output, settings, seed):
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "SITEURL": PRODUCTION_URL}
    result = run_build_command(str(settings_path(settings)), str(output), env=env)
    assert result.returncode == 0, result.stderr
    return files(output)


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_two_builds_are_byte_identical(tmp_path, settings):
    """Separate processes with different hash seeds: set order, dict order and time of day
    must not leak into the site."""
    first = build_in_process_of_its_own(tmp_path / "first", settings, seed=1)
    second = build_in_process_of_its_own(tmp_path / "second", settings, seed=2)
    # Except Pagefind's filter files, which it writes in a random order (NOT_REPEATABLE).
    first = {name: data for name, data in first.items() if not NOT_REPEATABLE.match(name)}
    second = {name: data for name, data in second.items() if not NOT_REPEATABLE.match(name)}
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    assert len(first) > 20
    assert any(name.startswith("pagefind/fragment/") for name in first)


def test_no_build_time_in_the_output(sample_site, published_site):
    """The sample articles are from 2021-2024: today's date can only be a build timestamp."""
    now = dt.datetime.now(dt.UTC)
    days = {(now + dt.timedelta(days=d)).strftime("%Y-%m-%d") for d in (-1, 0, 1)}
    pattern = re.compile("|".join(sorted(days)).encode())
    for site in (sample_site, published_site):
        stamped = [name for name, data in files(site.output).items() if pattern.search(data)]
        assert stamped == []


# --- A failed build changes nothing ---------------------------------------------------


def copy_sample_content(folder):
    shutil.copytree(SAMPLE / "content", folder)
    return folder


BROKEN_ARTICLE = "---\njudul: Rusak\ntanggal: 2024-06-31\n---\nIsi.\n"


def test_failed_build_leaves_previous_output_untouched(tmp_path):
    content = copy_sample_content(tmp_path / "content")
    output = tmp_path / "site" / "output"
    build_site(output, content=content)
    before = snapshot(output)
    assert len(before) > 20

    (content / "berita" / "2024-06-31-rusak.md").write_text(BROKEN_ARTICLE, encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content)
    assert failed.value.problems[0].endswith(
        "2024-06-31-rusak.md:3: tanggal '2024-06-31' tidak ada: Juni 2024 hanya punya 30 hari "
        "(day 31 does not exist) — periksa tanggalnya (check the day of the month)"
    )
    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]


def test_failure_while_writing_leaves_previous_output_untouched(tmp_path):
    """A theme error strikes after Pelican started writing: into the temporary folder only."""
    content = copy_sample_content(tmp_path / "content")
    output = tmp_path / "site" / "output"
    build_site(output, content=content)
    before = snapshot(output)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text("{{ no_such_function() }}" + base.read_text(encoding="utf-8"))
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content, THEME=str(theme))
    assert "no_such_function" in failed.value.problems[-1]
    assert "Traceback" not in "\n".join(failed.value.problems)
    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]


def test_build_command_on_failure_exits_1_and_says_output_is_untouched(tmp_path):
    content = copy_sample_content(tmp_path / "content")
    (content / "berita" / "rusak.md").write_text(BROKEN_ARTICLE, encoding="utf-8")
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from wartadesa.defaults import *\nPATH = {str(content)!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
    )
    result = run_build_command(str(settings), str(tmp_path / "out"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].endswith(
        "rusak.md:3: tanggal '2024-06-31' tidak ada: Juni 2024 hanya punya "
        "30 hari (day 31 does not exist) — periksa tanggalnya (check the "
        "day of the month)"
    )
    assert lines[-1].startswith("Build gagal: 1 masalah. Situs yang sudah ada tidak diubah.")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# --- Output folders that must never be replaced ----------------------------------------


@pytest.fixture
def small_content(tmp_path):
    content = tmp_path / "project" / "content"
    (content / "berita").mkdir(parents=True)
    (content / "berita" / "a.md").write_text(
        "---\njudul: A\ntanggal: 2024-06-05\n---\nA.\n", encoding="utf-8"
    )
    return content


@pytest.mark.parametrize(
    "where, why",
    [
        ("content", "itu folder konten"),
        ("project", "folder itu berisi proyek atau konten"),
        ("inside-content", "folder itu ada di dalam folder konten"),
        ("root", "itu folder proyek"),
        ("home", "itu folder home"),
        ("/", "itu folder akar sistem (/)"),
        ("theme", "di sana sudah ada berkas lain, bukan hasil build sebelumnya"),
        ("a-file", "di sana sudah ada berkas lain, bukan hasil build sebelumnya"),
    ],
)
def test_dangerous_output_folders_are_refused(small_content, where, why):
    targets = {
        "content": small_content,
        "project": small_content.parent,
        "inside-content": small_content / "berita",
        "a-file": ROOT / "README.md",
        "root": ROOT,
        "home": Path.home(),
        "/": Path("/"),
        "theme": ROOT / "theme",
    }
    target = targets[where]
    before = snapshot(small_content)
    with pytest.raises(BuildFailed) as failed:
        build(settings_path(), output=target, overrides={"PATH": str(small_content)})
    assert failed.value.problems == [
        f"folder keluaran '{target.resolve()}' tidak aman: {why}. Pilih folder lain, misalnya "
        "output/ (refusing to build into this folder)"
    ]
    assert snapshot(small_content) == before
    assert (ROOT / "theme" / "templates" / "base.html").is_file()


def test_an_earlier_build_or_an_empty_folder_may_be_replaced(small_content, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    build(settings_path(), output=empty, overrides={"PATH": str(small_content)})
    assert (empty / "index.html").is_file()
    build(settings_path(), output=empty, overrides={"PATH": str(small_content)})
    assert (empty / "berita" / "2024" / "06" / "a" / "index.html").is_file()


# --- Content-Security-Policy on every page ---------------------------------------------


def csp_sources(policy):
    """{directive: [sources]} of a CSP string."""
    result = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def test_policy_allows_only_the_site_and_youtube():
    policy = csp_sources(load_settings(settings_path())["CONTENT_SECURITY_POLICY"])
    others = {s for sources in policy.values() for s in sources} - {"'self'", "'none'"}
    assert others == {"https://i.ytimg.com", "https://www.youtube-nocookie.com"}
    assert policy["script-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert "https://i.ytimg.com" in policy["img-src"]
    assert policy["default-src"] == ["'self'"]


@pytest.mark.parametrize("fixture", ["sample_site", "published_site"])
def test_every_page_carries_the_csp(request, fixture):
    site = request.getfixturevalue(fixture)
    policy = load_settings(settings_path())["CONTENT_SECURITY_POLICY"]
    pages = site.html_files()
    assert len(pages) > 20
    missing = []
    for page in pages:
        name = str(page.relative_to(site.output))
        # The search page alone also allows WebAssembly (plugin search, Pagefind).
        expected = allow_wasm(policy) if name == "cari/index.html" else policy
        soup = site.html(name)
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if [m.get("content") for m in metas] != [expected] or metas[0].find_parent("head") is None:
            missing.append(str(page.relative_to(site.output)))
    assert missing == []


def test_a_second_build_in_the_same_process_shows_the_same_warning(tmp_path):
    """Pelican drops a warning its loggers have logged before in the process; `invoke
    livereload` builds again in the same process, so each build starts afresh: the
    warning of a file that still has unsafe HTML is shown on every build."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    article = sorted((content / "berita").rglob("*.md"))[0]
    with open(article, "a", encoding="utf-8") as handle:
        handle.write('\n<script>alert("x")</script>\n')
    for number in range(2):
        site = build_site(tmp_path / "output", content=content)
        assert any(article.name in line and "HTML tidak aman" in line for line in site.warnings), (
            number,
            site.warnings,
        )


def test_a_build_in_the_same_process_frees_the_one_before(tmp_path):
    """`invoke livereload` builds again in one process after every save: each build's
    articles and context are freed when it ends, not kept by Pelican's cache of their
    HTML (pelican.utils.memoized), which made every save add a whole site to memory."""
    import gc
    import weakref

    from pelican.plugins import signals

    seen = []

    def remember(generator):
        seen.extend(weakref.ref(article) for article in generator.articles)

    signals.article_generator_finalized.connect(remember)
    try:
        for _ in range(2):
            build_site(tmp_path / "output", BUILD_CACHE=str(tmp_path / "cache"))
    finally:
        signals.article_generator_finalized.disconnect(remember)
    gc.collect()
    assert len(seen) >= 10  # two builds of the sample site's articles
    assert [ref() for ref in seen if ref() is not None] == []
