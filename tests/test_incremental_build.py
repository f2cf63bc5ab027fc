"""Differential test of the build cache (BUILD_CACHE, wartadesa/read_cache.py): after each
step of a seeded random sequence of edits to a generated site, a build that uses the cache
of the builds before it gives the same tree, byte for byte, as a clean build. The edits are
those of wartadesa/bench/differential.py, whose larger run is part of `invoke bench`.

Two things are cached: reading (front matter, Markdown, typogrify; wartadesa/read_cache.py)
and pages (wartadesa/incremental.py: a page whose inputs did not change is taken from the
previous output). The test also checks that pages are really reused where they may be, and
rendered again where every page changes (a template, a setting, a data file)."""

import json
import os
import random
import re
import shutil
import time

import pytest

from tests.sitetools import ROOT, build_site, calls_noted, settled_names
from wartadesa import output_folder, read_objects
from wartadesa.bench import corpus as corpus_module
from wartadesa.bench.differential import (
    STEPS,
    articles,
    differences,
    edit,
    files_of,
    folders_of,
    last_build,
    set_field,
)
from wartadesa.build import BuildFailed

ARTICLES, VILLAGES, SEED = 20, 4, 11


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    generated = corpus_module.generate(
        root / "corpus", articles=ARTICLES, villages=VILLAGES, seed=SEED
    )
    theme = root / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return root, generated.ours, theme


def recalled(cache):
    """Pages of the last build whose fingerprint was the previous record's."""
    record = json.loads((cache / "pages.json").read_text(encoding="utf-8"))
    return record["last_build"]["recalled"]


FEED = re.compile(r"\.(atom|rss)\.xml$")
# Steps after which no page may be reused (what every page is rendered from changed).
EVERY_PAGE = {"template", "setting", "data"}
# Steps that change one article's text or place: pages not showing it are reused.
ONE_ARTICLE = {"body", "title", "village", "category", "date"}


def test_builds_with_the_cache_match_clean_builds_after_random_edits(site):
    root, content, theme = site
    cache = root / "cache"
    # The search index in parts (SEARCH_SHARD_PAGES): unchanged parts are taken too.
    settings = {"THEME": str(theme), "BUILD_CACHE": str(cache), "SEARCH_SHARD_PAGES": 6}
    rng = random.Random(SEED)
    steps = STEPS[:]
    rng.shuffle(steps)
    incremental = root / "incremental" / "output"
    spares_before = output_folder.spares_taken
    build_site(incremental, content=content, **settings)  # fills the cache
    assert any(cache.rglob("*.pickle"))
    first_rendered, first_reused = last_build(cache)
    assert first_reused == 0 and first_rendered > 50
    assert read_objects.last_build["kept"] > ARTICLES  # every article and page as made
    build_site(incremental, content=content, **settings)  # nothing changed: nothing rendered
    rendered, reused = last_build(cache)
    assert reused >= first_rendered - 5 and rendered <= 5, (rendered, reused)
    # Every article and page taken as the build before made it (read_objects).
    assert read_objects.last_build["kept"] == 0
    assert read_objects.last_build["restored"] > ARTICLES
    for number, step in enumerate(steps, start=1):
        done = edit(step, content, theme, settings, rng, number)
        build_site(incremental, content=content, **settings)
        rendered, reused = last_build(cache)
        made, taken = read_objects.last_build["kept"], read_objects.last_build["restored"]
        if step in ("image", "setting", "data"):  # a file under images/, the environment
            assert taken == 0 and made > ARTICLES, (done, made, taken)
        else:  # only the edited or added article is made again
            assert made == (0 if step in ("delete", "template") else 1), (done, made, taken)
            assert taken >= ARTICLES - 2, (done, made, taken)
        if step in EVERY_PAGE:  # a template is not in a feed: feeds may be reused then
            feeds = len([p for p in incremental.rglob("*.xml") if FEED.search(p.name)])
            assert reused <= (feeds if step == "template" else 0), (done, rendered, reused)
        elif step == "body":  # the pages that show that article, and the indexes
            assert reused > 2 * rendered, (done, rendered, reused)
            # The others' fingerprints come from the record (Store.reuse_test).
            assert recalled(cache) > rendered, (done, rendered, recalled(cache))
        elif step in ONE_ARTICLE:  # its address too may change, so its neighbours' pages
            assert reused >= (rendered + reused) // 4, (done, rendered, reused)
        clean_settings = {k: v for k, v in settings.items() if k != "BUILD_CACHE"}
        clean = build_site(root / f"clean-{number}" / "output", content=content, **clean_settings)
        # Every file byte for byte (Pagefind's few written in a random order: how many, and
        # the pages each part counts), and the same folders: none left empty by those made
        # aside (FoldersMadeAside).
        assert differences(clean.output, incremental) == [], done
        assert [f for f in incremental.rglob("*") if f.is_dir() and not any(f.iterdir())] == []
        # The search index's working folder is removed beside the output in the background
        # (output_folder.discard), by the process that made the index (a forked one: not
        # one wait_for_removals knows), so the folder goes once nothing else removes in it.
        settled_names(clean.output.parent)
        shutil.rmtree(clean.output.parent)
    # Rebuilds built into the folders of an earlier output (output_folder.empty_later).
    assert output_folder.spares_taken > spares_before
    # A page changed by hand in the output is rendered again, not copied.
    page = next(p for p in sorted(incremental.rglob("index.html")) if "berita" in p.parts)
    page.write_text("diubah tangan", encoding="utf-8")
    build_site(incremental, content=content, **settings)
    clean = build_site(root / "clean-last" / "output", content=content, **clean_settings)
    relative = page.relative_to(incremental)
    assert page.read_bytes() == (clean.output / relative).read_bytes()
    assert last_build(cache)[0] >= 1
    entries = list(cache.rglob("*.pickle"))
    assert len({p.parent.parent for p in entries}) == 1  # stale keys were removed
    assert len(entries) <= len(articles(content)) + 3


def test_a_serial_build_reuses_the_pages_of_the_one_before(tmp_path):
    """BUILD_WORKERS = 1 (no forked writers): the same reuse through our Writer."""
    cache = tmp_path / "cache"
    settings = {"BUILD_CACHE": str(cache), "BUILD_WORKERS": 1}
    output = tmp_path / "site" / "output"
    build_site(output, **settings)
    before = files_of(output)
    rendered_first, _ = last_build(cache)
    build_site(output, **settings)
    rendered, reused = last_build(cache)
    assert reused >= rendered_first - 5 and rendered <= 5, (rendered, reused)
    assert files_of(output) == before
    # Kept for the next build: Jinja's compiled templates and the analysis of each template.
    assert list(cache.glob("jinja/*/*.cache"))
    record = json.loads((cache / "pages.json").read_text(encoding="utf-8"))
    assert any("article" in analysis[0] for analysis in record["templates"].values())


@pytest.mark.parametrize("slow_emptying", [False, True])
def test_reused_pages_are_links_and_a_failed_build_leaves_the_previous_output_as_it_was(
    tmp_path, monkeypatch, slow_emptying
):
    """A reused page is the previous output's file itself (a hard link: same inode), a page
    that changed is a new file, and when the build then fails (here: the search index), the
    previous output is exactly as it was, links and all. `slow_emptying`: the replaced
    output's files are removed in the background (output_folder.empty_later) only after the
    next build has begun, as on a loaded machine: that build makes a new folder instead of
    taking the spare one, and the spare stays for the build after."""
    import search.indexer as indexer

    if slow_emptying:
        detached = output_folder._detached

        def later(command):
            if "-delete" in " ".join(command):  # empty_later's find, then its mv
                command = [command[0], "-c", "sleep 2; " + command[2], *command[3:]]
            return detached(command)

        monkeypatch.setattr(output_folder, "_detached", later)

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    settings = {"BUILD_CACHE": str(tmp_path / "cache")}
    output = tmp_path / "site" / "output"
    build_site(output, content=content, **settings)
    article = sorted((content / "berita").rglob("*.md"))[0]
    with open(article, "a", encoding="utf-8") as handle:
        handle.write("\nKalimatpenandatautan ditambahkan.\n")
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in output.rglob("*") if p.is_file()}
    build_site(output, content=content, **settings)
    pages = [p for p in output.rglob("*.html") if p in before]
    linked = [p for p in pages if p.stat().st_ino == before[p][0]]
    changed = [p for p in pages if b"Kalimatpenandatautan" in p.read_bytes()]
    assert changed and len(linked) > len(pages) // 2
    assert not set(changed) & set(linked)
    assert all(p.read_bytes() == before[p][1] for p in linked)
    # Another change, and the build fails after writing: nothing of the output changed.
    with open(article, "a", encoding="utf-8") as handle:
        handle.write("\nKalimatgagalterbit ditambahkan.\n")
    kept = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    monkeypatch.setattr(indexer, "command", lambda pages, index, settings: ["false"])
    with pytest.raises(BuildFailed):
        build_site(output, content=content, **settings)
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == kept
    # Nothing of the failed build is left beside the output; a spare tree of empty folders
    # left for the next build may be (with a slow emptying, the failed build did not take it).
    names = settled_names(output.parent)
    spares = [n for n in names if n.startswith(output_folder.SPARE_PREFIX)]
    assert [n for n in names if n not in spares] == ["output"]
    # (Taken by the failed build and removed with it, unless its emptying ended too late.)
    assert len(spares) == 1 if slow_emptying else len(spares) <= 1
    assert not [p for s in spares for p in (output.parent / s).rglob("*") if not p.is_dir()]


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        ("Main di situs slot gacor hari ini.", "teks promosi judi online"),
        ("NIK pemohon 3523071208900001 sudah diverifikasi.", "NIK"),
        ("\nhttps://youtu.be/\n", "tidak ada ID video"),
    ],
    ids=["spam", "personal-data", "youtube"],
)
def test_checks_passed_before_still_catch_a_new_problem(tmp_path, added, expected):
    """The memo of clean text and kept results (front_matter.memo) skips only files found
    clean before: the same article with a problem added fails the next cached build, and
    again the one after."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    cache = tmp_path / "cache"
    output = tmp_path / "site" / "output"
    build_site(output, content=content, BUILD_CACHE=str(cache))
    memo_files = list(cache.rglob("clean.txt"))
    assert memo_files and memo_files[0].read_text(encoding="ascii").split()
    article = sorted((content / "berita").rglob("*.md"))[0]
    with open(article, "a", encoding="utf-8") as handle:
        handle.write(f"\n{added}\n")
    for _ in range(2):
        with pytest.raises(BuildFailed) as failed:
            build_site(output, content=content, BUILD_CACHE=str(cache))
        found = [line for line in failed.value.problems if article.name in line]
        assert any(expected in line for line in found), failed.value.problems


def failing_build(output, content, **settings) -> list[str]:
    """The problems of a build that must fail."""
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content, **settings)
    return failed.value.problems


def told(problems: list[str], name: str, message: str) -> bool:
    """Whether one of `problems` names the file `name` with `message`."""
    return any(name in line and message in line for line in problems)


def test_a_link_found_good_before_is_checked_again_when_its_target_goes(tmp_path):
    """The link check's memo is keyed by everything links are checked against: deleting
    the article a clean article links to makes the next cached build report the link."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    cache = tmp_path / "cache"
    output = tmp_path / "site" / "output"
    first, target = sorted((content / "berita").rglob("*.md"))[:2]
    link = "/" + target.relative_to(content).as_posix()
    with open(first, "a", encoding="utf-8") as handle:
        handle.write(f"\nBaca juga [berita lain]({{filename}}{link}).\n")
    build_site(output, content=content, BUILD_CACHE=str(cache))
    build_site(output, content=content, BUILD_CACHE=str(cache))  # the link is known good
    target.unlink()
    problems = failing_build(output, content, BUILD_CACHE=str(cache))
    assert told(problems, first.name, "tautan ke berita/halaman yang tidak ada"), problems


def test_links_are_checked_again_without_parsing_when_an_address_moves(tmp_path, monkeypatch):
    """The links found in each text are kept (memo table): when an article's address
    changes, every text is checked against the new addresses again, but no text is parsed
    again, also not one found clean in the build between."""
    from content_guard import links

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    settings = {"BUILD_CACHE": str(tmp_path / "cache"), "BUILD_WORKERS": 1}
    output = tmp_path / "site" / "output"
    build_site(output, content=content, **settings)
    (target,) = (output / "berita" / "2022" / "10").glob("*/index.html")
    address = "/" + target.parent.relative_to(output).as_posix() + "/"
    first = content / "berita" / "2021-06-16-rakor-p3md-gunung-mas.md"
    with open(first, "a", encoding="utf-8") as handle:
        handle.write(f"\nBaca juga [berita Bengkel]({address}).\n")
    build_site(output, content=content, **settings)  # the new link is good
    build_site(output, content=content, **settings)  # nothing changed: every text clean
    moved = content / "berita" / "2022-10-24-ngantor-di-desa-bengkel.md"
    text = moved.read_text(encoding="utf-8")
    moved.write_text(text.replace("tanggal: 2022-10-24", "tanggal: 2022-11-24"), encoding="utf-8")
    parsed = []
    monkeypatch.setattr(links, "links_in", lambda html: parsed.append(html) or [])
    problems = failing_build(output, content, **settings)
    assert told(problems, first.name, f"tautan ke halaman yang tidak ada di situs: {address}")
    assert parsed == []


def test_a_new_address_checks_again_only_the_texts_linking_to_addresses(tmp_path, monkeypatch):
    """A `{filename}` link, a `{static}` link and a link to another site are checked
    against the files, not the addresses: when an article's address moves, a text with
    only those is not checked again; a text linking to an address in the site is. A
    deleted file its `{static}` link points to is still reported."""
    from content_guard import links

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    settings = {"BUILD_CACHE": str(tmp_path / "cache"), "BUILD_WORKERS": 1}
    output = tmp_path / "site" / "output"
    news = sorted((content / "berita").rglob("*.md"))
    moved = content / "berita" / "2022-10-24-ngantor-di-desa-bengkel.md"
    by_file, by_address = [path for path in news if path != moved][:2]
    (content / "files").mkdir(exist_ok=True)
    (content / "files" / "laporan.pdf").write_bytes(b"%PDF-1.4\n")
    target = "/" + moved.relative_to(content).as_posix()
    with open(by_file, "a", encoding="utf-8") as handle:
        handle.write(
            f"\nBaca juga [berita Bengkel]({{filename}}{target}), [laporan]"
            "({static}/files/laporan.pdf) dan [situs kabupaten](https://contoh.go.id/).\n"
        )
    build_site(output, content=content, **settings)
    (page,) = (output / "berita" / "2022" / "10").glob("*/index.html")
    address = "/" + page.parent.relative_to(output).as_posix() + "/"
    with open(by_address, "a", encoding="utf-8") as handle:
        handle.write(f"\nBaca juga [berita Bengkel]({address}).\n")
    build_site(output, content=content, **settings)
    build_site(output, content=content, **settings)  # nothing changed: every text clean
    text = moved.read_text(encoding="utf-8")
    moved.write_text(text.replace("tanggal: 2022-10-24", "tanggal: 2022-11-24"), encoding="utf-8")
    checked = calls_noted(
        monkeypatch, links, "check_item", lambda _site, item, *_: item.source_path
    )
    problems = failing_build(output, content, **settings)
    assert told(problems, by_address.name, f"tautan ke halaman yang tidak ada di situs: {address}")
    assert not told(problems, by_file.name, "")
    assert str(by_address) in checked and str(moved) in checked
    assert str(by_file) not in checked
    # The file behind the {static} link goes: that text is checked, and reported.
    moved.write_text(text, encoding="utf-8")
    by_address.write_text(
        by_address.read_text(encoding="utf-8").replace(address, "/"), encoding="utf-8"
    )
    (content / "files" / "laporan.pdf").unlink()
    checked.clear()
    problems = failing_build(output, content, **settings)
    assert str(by_file) in checked
    reported = [line for line in problems if "tautan" in line]
    assert len(reported) == 1 and told(reported, by_file.name, "laporan.pdf"), problems


def test_cleaning_kept_from_before_still_warns_and_removes_new_unsafe_html(tmp_path):
    """The cleaned body is kept only for a file that had nothing to report: a script added
    to a remembered article is removed and warned about in the next cached build and again
    in the one after, and the other articles' cleaned bodies are the same as built fresh."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    cache = tmp_path / "cache"
    output = tmp_path / "site" / "output"
    build_site(output, content=content, BUILD_CACHE=str(cache))
    assert sum(part.stat().st_size for part in cache.glob("*/results-*.bin")) > 100
    before = files_of(output)
    build_site(output, content=content, BUILD_CACHE=str(cache))  # bodies taken from the memo
    assert files_of(output) == before
    article = sorted((content / "berita").rglob("*.md"))[0]
    with open(article, "a", encoding="utf-8") as handle:
        handle.write('\nTambahan_biasa.\n\n<script>alert("x")</script>\n')
    for _ in range(2):
        site = build_site(output, content=content, BUILD_CACHE=str(cache))
        found = [line for line in site.warnings if article.name in line]
        assert any("HTML tidak aman" in line and "<script>" in line for line in found), (
            site.warnings
        )
        pages = [p.read_text(encoding="utf-8") for p in output.rglob("index.html")]
        assert any("Tambahan_biasa." in page for page in pages)
        assert not any('alert("x")' in page for page in pages)


@pytest.mark.parametrize(
    ("templates", "counted"),
    [
        # Counted in the page and in what it includes: counted.
        (
            {"p": "{{ a.articles|length }}{% include 'q' %}", "q": "{{ b.articles|count }}"},
            {"articles"},
        ),
        # Counted here, listed in what it includes: not counted.
        (
            {
                "p": "{{ a.articles|length }}{% include 'q' %}",
                "q": "{% for x in b.articles %}{% endfor %}",
            },
            set(),
        ),
        # Any other way of reaching the attribute by its name.
        ({"p": "{{ a.articles|length }}{{ a.articles[0] }}"}, set()),
        ({"p": "{{ a.articles|length }}{{ a['articles'] }}"}, set()),
        ({"p": "{{ a.articles|length }}{{ places|map(attribute='articles')|list }}"}, set()),
        ({"p": "{{ a.articles|length }}{{ a.articles|length(1) }}"}, set()),
        # An attribute named at render time: nothing is counted.
        ({"p": "{{ a.articles|length }}{{ a[key] }}"}, set()),
        ({"p": "{{ a.articles|length }}{{ a|attr(key) }}"}, set()),
        ({"p": "{{ a.articles|length }}{{ a.__dict__ }}"}, set()),
        ({"p": "{{ a.articles|length }}{{ places|sort(attribute=key) }}"}, set()),
        # Subscripts that cannot be names: counted still.
        (
            {"p": "{{ a.articles|length }}{{ b.items[1:3] }}{{ b.items[loop.index0 + 1] }}"},
            {"articles"},
        ),
    ],
)
def test_what_a_template_only_counts_is_told_from_its_text(tmp_path, templates, counted):
    """A place's list that its page only counts (`region.articles|length`) is fingerprinted
    by its length, so a change to one article does not render all its list pages again."""
    import jinja2

    from wartadesa.incremental import Fingerprints

    environment = jinja2.Environment(loader=jinja2.DictLoader(templates))
    fingerprints = Fingerprints({"PATH": str(tmp_path)}, {})
    assert fingerprints.counted_attributes(environment.get_template("p")) == counted


@pytest.mark.parametrize(
    ("page", "names"),
    [
        # A partial printed with rendered_once counts as included: what it reads, the page reads.
        ('{{ rendered_once("card", article=a) }}', {"rendered_once", "a", "article", "SIZES"}),
        ('{% include "card" %}', {"article", "SIZES"}),
        # Named at render time, or the helper passed on: cannot be told.
        ("{{ rendered_once(which, article=a) }}", None),
        ("{% set r = rendered_once %}{{ r('card') }}", None),
    ],
)
def test_a_partial_rendered_once_is_part_of_the_page(tmp_path, page, names):
    """The page record's analysis follows `rendered_once` (plugins/article_extras/
    fragments.py) as an include: a page whose card reads a variable is fingerprinted by it."""
    import jinja2

    from wartadesa.incremental import Fingerprints

    templates = {"p": page, "card": "{{ article.title }}{{ SIZES }}"}
    environment = jinja2.Environment(loader=jinja2.DictLoader(templates))
    fingerprints = Fingerprints({"PATH": str(tmp_path)}, {})
    assert fingerprints.template_names(environment.get_template("p")) == names


@pytest.mark.parametrize(
    "body",
    [
        '<p>Tanpa tautan ke berkas lain.</p><a href="https://desa.id/">desa</a>',
        '<a href="{filename}/berita/b.md">b</a> <a href="{filename}/berita/a.md">a</a>',
        '<a href="|filename|../b.md#atas">b</a>',
        '<img src="{static}/images/x.jpg"> <img src="|static|/images/y.png?v=2">',
        '<a href="{attach}dokumen/apbdes.pdf">unduh</a>',
        # The words alone, without a link: nothing.
        "<p>filename, static, attach</p>",
    ],
)
def test_the_links_a_page_is_fingerprinted_by_are_those_the_pattern_finds(body):
    """A body is looked at with the pattern only when it holds one of the link words
    (`_links_in`): what it finds is what the pattern finds over the whole body."""
    from wartadesa.incremental import _LINK, _links_in

    assert _links_in(body) == sorted(set(_LINK.findall(body)))


def test_a_changed_article_renders_only_the_region_pages_that_show_it(tmp_path):
    """Region and village pages count all their articles on every page (`N berita`): a
    change to one article's text renders again only the list pages it is on, and their
    neighbours; one more article renders them all, with the new count."""
    generated = corpus_module.generate(tmp_path / "corpus", articles=30, villages=2, seed=5)
    content, cache, output = generated.ours, tmp_path / "cache", tmp_path / "out" / "output"
    settings = {"BUILD_CACHE": str(cache), "DEFAULT_PAGINATION": 2}

    def region_pages():
        pages = json.loads((cache / "pages.json").read_text(encoding="utf-8"))["pages"]
        return {name: entry[0] for name, entry in pages.items() if name.startswith("wilayah/")}

    build_site(output, content=content, **settings)
    before = region_pages()
    paths = {name.split("/index.html")[0].rstrip("/0123456789") for name in before}
    assert len(before) > 3 * len(paths) and len(paths) >= 3, sorted(before)
    with open(articles(content)[7], "a", encoding="utf-8") as handle:
        handle.write("\nParagraf tambahan untuk uji.\n")
    build_site(output, content=content, **settings)
    after = region_pages()
    changed = [name for name in before if after[name] != before[name]]
    # At most the page the article is on and its two neighbours, in each region.
    assert 0 < len(changed) <= 3 * len(paths), changed

    # One more article in the same place: its regions' pages all count one more.
    added = articles(content)[7].with_name("tambahan.md")
    added.write_text(
        re.sub(
            r"^(judul|title): .*$",
            r"\1: Berita Tambahan Uji",
            articles(content)[7].read_text(encoding="utf-8"),
            flags=re.M,
        ),
        encoding="utf-8",
    )
    build_site(output, content=content, **settings)
    added_changed = [name for name, value in region_pages().items() if after.get(name) != value]
    assert len(added_changed) > len(changed) + 3, (changed, added_changed)
    clean = build_site(tmp_path / "clean" / "output", content=content, DEFAULT_PAGINATION=2)
    for name in region_pages():
        assert (output / name).read_bytes() == (clean.output / name).read_bytes(), name


def test_cards_come_from_the_build_before_when_a_new_article_moves_every_list(
    tmp_path, monkeypatch
):
    """A new article moves every article down its lists: each list page is rendered again,
    but an article's card is the one the build before made (partials-NN.bin) wherever it was
    made at the same depth, instead of being rendered again; the pages are those of a clean
    build. The same build without those files renders many more cards."""
    import article_extras.fragments as fragments

    generated = corpus_module.generate(tmp_path / "corpus", articles=24, villages=2, seed=7)
    content, cache, output = generated.ours, tmp_path / "cache", tmp_path / "out" / "output"
    settings = {"BUILD_CACHE": str(cache), "BUILD_WORKERS": 1, "DEFAULT_PAGINATION": 3}
    cards = []
    render_with = fragments._render_with

    def counted(environment, name, variables):
        if name == "partials/article_card.html":
            cards.append(variables["article"].title)
        return render_with(environment, name, variables)

    monkeypatch.setattr(fragments, "_render_with", counted)
    cache.mkdir()
    (cache / "partials.bin").write_bytes(b"the one file of the kits before")
    build_site(output, content=content, **settings)
    assert list(cache.glob("partials-*.bin"))
    assert not (cache / "partials.bin").exists()  # no longer used: removed
    # The same site and cache, but without the cards kept.
    twin = tmp_path / "twin"
    shutil.copytree(output, twin / "out" / "output")
    shutil.copytree(cache, twin / "cache")
    for kept in (twin / "cache").glob("partials-*.bin"):
        kept.unlink()
    newest = max(articles(content), key=lambda path: path.name)
    text = re.sub(
        r"^(judul|title): .*$",
        r"\1: Berita Terbaru Uji",
        newest.read_text(encoding="utf-8"),
        flags=re.M,
    )
    newest.with_name("zz-berita-terbaru.md").write_text(  # the newest day's last minute
        re.sub(r"^(tanggal|date): (\S+).*$", r"\1: \2 23:59", text, flags=re.M), encoding="utf-8"
    )
    found = {}
    for name, root in (("kept", tmp_path), ("not kept", twin)):
        cards.clear()
        build_site(
            root / "out" / "output",
            content=content,
            **{**settings, "BUILD_CACHE": str(root / "cache")},
        )
        found[name] = list(cards)
        assert last_build(root / "cache")[0] > 10  # the list pages, moved by one article
    assert "Berita Terbaru&nbsp;Uji" in found["kept"]
    assert 3 * len(found["kept"]) < len(found["not kept"]), found
    monkeypatch.setattr(fragments, "_render_with", render_with)
    clean = files_of(
        build_site(tmp_path / "clean" / "output", content=content, DEFAULT_PAGINATION=3).output
    )
    for root in (tmp_path, twin):
        built = files_of(root / "out" / "output")
        assert sorted(built) == sorted(clean)
        assert [name for name in clean if clean[name] != built[name]] == []


def test_a_changed_article_renders_only_the_archive_pages_around_it(tmp_path):
    """The archive reads its year links from `archive_years` and its own page of `dates`,
    never the whole list: a change to one article's text renders again the archive page it
    is on and that page's neighbours (they show it as their next or previous page), not
    every archive page; the pages equal a clean build's."""
    generated = corpus_module.generate(tmp_path / "corpus", articles=30, villages=2, seed=5)
    content, cache, output = generated.ours, tmp_path / "cache", tmp_path / "out" / "output"
    paginated = {"index": None, "tag": None, "category": None, "author": None, "archives": 3}
    settings = {"BUILD_CACHE": str(cache), "PAGINATED_TEMPLATES": paginated}

    def archive_pages():
        pages = json.loads((cache / "pages.json").read_text(encoding="utf-8"))["pages"]
        return {name: entry[0] for name, entry in pages.items() if name.startswith("arsip/")}

    build_site(output, content=content, **settings)
    before = archive_pages()
    assert len(before) == 10, sorted(before)
    with open(articles(content)[7], "a", encoding="utf-8") as handle:
        handle.write("\nParagraf tambahan untuk uji arsip.\n")
    build_site(output, content=content, **settings)
    after = archive_pages()
    changed = sorted(name for name in before if after[name] != before[name])
    assert 1 <= len(changed) <= 3, changed
    clean = build_site(
        tmp_path / "clean" / "output", content=content, PAGINATED_TEMPLATES=paginated
    )
    for name in after:
        assert (output / name).read_bytes() == (clean.output / name).read_bytes(), name


def test_a_body_edit_takes_the_fingerprints_of_the_pages_not_showing_it_from_the_record(tmp_path):
    """When content files changed only below their front matter (and none was added or
    removed), a page whose own objects reached none of them takes its fingerprint from the
    previous record instead of working it out (Store.reuse_test); the pages that show the
    edited article are worked out and rendered again, and the tree equals a clean build's.
    A change to a front matter, or a new file, makes every page worked out again."""
    generated = corpus_module.generate(tmp_path / "corpus", articles=30, villages=2, seed=5)
    content, cache, output = generated.ours, tmp_path / "cache", tmp_path / "out" / "output"
    settings = {"BUILD_CACHE": str(cache), "DEFAULT_PAGINATION": 2}
    edited = articles(content)[7]

    def record():
        return json.loads((cache / "pages.json").read_text(encoding="utf-8"))

    def same_as_clean(step):
        clean = build_site(
            tmp_path / f"clean-{step}" / "output", content=content, DEFAULT_PAGINATION=2
        )
        expected, found = files_of(clean.output), files_of(output)
        assert sorted(expected) == sorted(found), step
        assert [name for name in expected if expected[name] != found[name]] == [], step

    build_site(output, content=content, **settings)
    first = record()
    assert first["last_build"]["recalled"] == 0
    sources = [source[0] for source in first["sources"]]
    assert sorted(sources) == sorted(
        p.relative_to(content).as_posix() for p in content.rglob("*.md")
    )
    number = sources.index(edited.relative_to(content).as_posix())
    showing = {name for name, entry in first["pages"].items() if entry[5] and number in entry[5]}
    assert len(showing) > 1, showing  # its own page, and those of its neighbours

    with open(edited, "a", encoding="utf-8") as handle:
        handle.write("\nParagraf tambahan untuk uji sidik halaman.\n")
    build_site(output, content=content, **settings)
    after = record()
    # Every page that did not reach it, and reads the same from the whole site (a list of
    # every article reaches it too), takes its fingerprint from the record.
    untouched = [
        name
        for name, entry in first["pages"].items()
        if entry[5] is not None and number not in entry[5] and after["pages"][name][4] == entry[4]
    ]
    assert after["last_build"]["recalled"] == len(untouched) > 100, after["last_build"]
    own = [p.relative_to(output).as_posix() for p in output.rglob("*.html")]
    own = [n for n in own if "untuk uji sidik" in (output / n).read_text(encoding="utf-8")]
    assert len(own) == 1 and own[0] in showing, (own, showing)
    assert after["pages"][own[0]][0] != first["pages"][own[0]][0]
    same_as_clean("body")

    set_field(edited, "title", "Judul Baru untuk Uji Sidik Halaman")
    build_site(output, content=content, **settings)
    assert record()["last_build"]["recalled"] == 0
    same_as_clean("title")

    # A date taken from a file's modification time (DEFAULT_DATE = "fs") moves with any
    # edit: no fingerprint is taken from the record then.
    build_site(output, content=content, DEFAULT_DATE="fs", **settings)
    with open(edited, "a", encoding="utf-8") as handle:
        handle.write("\nParagraf lain untuk uji tanggal berkas.\n")
    build_site(output, content=content, DEFAULT_DATE="fs", **settings)
    assert record()["last_build"]["recalled"] == 0

    edited.with_name("tambahan.md").write_text(edited.read_text(encoding="utf-8"), "utf-8")
    set_field(edited.with_name("tambahan.md"), "title", "Berita Tambahan Uji")
    build_site(output, content=content, **settings)
    assert record()["last_build"]["recalled"] == 0
    same_as_clean("add")


def test_a_list_a_page_only_counts_is_fingerprinted_by_its_length(tmp_path):
    import jinja2
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Tag

    from wartadesa.incremental import Fingerprints

    environment = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "counts": "{{ tag.articles|length }} berita",
                "lists": "{% for a in tag.articles %}{{ a.title }}{% endfor %}",
            }
        )
    )

    class Shown:
        def __init__(self, title):
            self.title = title

    def fingerprint(template, titles):
        tag = Tag("pertanian", DEFAULT_CONFIG)
        tag.articles = [Shown(title) for title in titles]
        fingerprints = Fingerprints({"PATH": str(tmp_path)}, {})
        return fingerprints.page(environment.get_template(template), {"tag": tag}, {})

    assert fingerprint("counts", ["a", "b"]) == fingerprint("counts", ["a", "c"])
    assert fingerprint("counts", ["a", "b"]) != fingerprint("counts", ["a", "b", "c"])
    assert fingerprint("lists", ["a", "b"]) != fingerprint("lists", ["a", "c"])


def test_only_the_page_own_article_counts_by_what_hangs_on_it(tmp_path):
    """The article of an article page counts by what the plugins hung on it (its related
    articles); the same article as an item of a list the page shows (`articles`) counts as
    on a list page: by its source and its address, not by its related articles."""
    import copy

    import jinja2
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import SafeDatetime

    from wartadesa.incremental import Fingerprints

    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings["PATH"] = str(tmp_path)
    environment = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "own": "{{ article.title }}{% for o in article.related %}{{ o.title }}{% endfor %}",
                "list": "{% for a in articles %}{{ a.title }}{{ a.related|length }}{% endfor %}",
            }
        )
    )

    def article(name, related=(), slug=None):
        source = tmp_path / f"{name}.md"
        if not source.exists():
            source.write_text(f"judul: {name}\n", encoding="utf-8")
        made = Article(
            "<p>isi</p>",
            metadata={"title": name, "slug": slug or name, "date": SafeDatetime(2024, 5, 1)},
            settings=settings,
            source_path=str(source),
        )
        made.related = list(related)
        return made

    def fingerprint(template, variables):
        fingerprints = Fingerprints({"PATH": str(tmp_path)}, {})
        return fingerprints.page(environment.get_template(template), variables, {})

    b, c = article("b"), article("c")
    own = fingerprint("own", {"article": article("a", [b])})
    assert own is not None
    assert fingerprint("own", {"article": article("a", [b])}) == own
    assert fingerprint("own", {"article": article("a", [c])}) != own  # what hangs on it

    listed = fingerprint("list", {"articles": [article("a", [b]), c]})
    assert listed is not None
    assert fingerprint("list", {"articles": [article("a", [c]), c]}) == listed
    assert fingerprint("list", {"articles": [article("a", [b], slug="a-baru"), c]}) != listed
    (tmp_path / "a.md").write_text("judul: a (diubah)\n", encoding="utf-8")
    assert fingerprint("list", {"articles": [article("a", [b]), c]}) != listed  # its source


def test_cache_entries_written_in_the_background_are_whole_before_a_fork_and_a_prune(
    tmp_path, monkeypatch
):
    """The read cache writes its entries on a thread while the build reads on: a forked
    process (the build's writers and checkers) finds every entry stored before the fork
    complete, and pruning never takes an entry still being written."""
    from wartadesa import read_cache

    settings = {"PATH": str(tmp_path / "content"), "BUILD_CACHE": str(tmp_path / "cache")}
    (tmp_path / "content").mkdir()
    cache = read_cache.ReadCache(settings)
    written = []
    write_entry = read_cache._write_entry

    def slow_write(target, data):  # the file system is slow: the thread lags behind
        time.sleep(0.002)
        write_entry(target, data)
        written.append(target)

    monkeypatch.setattr(read_cache, "_write_entry", slow_write)
    keys = [f"{number:064x}" for number in range(200)]
    for key in keys:
        cache.store(key, (f"<p>isi {key}</p>", {"title": key}))
    cache.used.update(keys)
    pid = os.fork()
    if pid == 0:  # the child: every entry is there, whole
        status = 0
        try:
            for key in keys:
                if cache.load(key) != (f"<p>isi {key}</p>", {"title": key}):
                    status = 1
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert len(written) == len(keys)
    more = [f"{number:064x}" for number in range(200, 300)]
    for key in more:
        cache.store(key, ("<p>lagi</p>", {}))
    cache.used.update(more)
    cache.prune()  # waits for the thread first
    assert sorted(p.stem for p in (tmp_path / "cache").rglob("*.pickle")) == sorted(keys + more)
    assert list((tmp_path / "cache").rglob("*.tmp")) == []


def test_folders_made_aside_are_there_and_those_left_empty_go(tmp_path):
    """FoldersMadeAside: every folder asked for (and its parents) exists once it has
    waited; finish() removes those the build did not write into, keeps the others."""
    from wartadesa.output_folder import FoldersMadeAside

    root = tmp_path / "staging"
    root.mkdir()
    wanted = ["berita/2021/01/a", "berita/2021/01/b", "berita/2022/07/c", "desa/x", "-awal"]
    outside = ["../luar", str(tmp_path / "mutlak"), "berita/../../luar2"]  # never made
    folders = FoldersMadeAside(root, wanted + outside)
    folders.wait()
    assert folders.process is not None and folders.process.returncode == 0
    for name in wanted + ["berita", "berita/2021", "berita/2022/07", "desa"]:
        assert (root / name).is_dir(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["staging"]
    (root / "berita/2021/01/a/index.html").write_text("a", encoding="utf-8")
    (root / "-awal/index.html").write_text("b", encoding="utf-8")
    (root / "lain").mkdir()  # not asked for: never removed, even empty
    folders.finish()
    assert folders_of(root) == [
        "-awal",
        "berita",
        "berita/2021",
        "berita/2021/01",
        "berita/2021/01/a",
        "lain",
    ]


def _keys_of_two_builds(tmp_path, monkeypatch, change):
    """The read cache's key of one file in a build, and in the next build after `change`
    (given the file); returns (first key, second key, read again in the second build)."""
    from wartadesa import read_cache

    settings = {"PATH": str(tmp_path / "content"), "BUILD_CACHE": str(tmp_path / "cache")}
    source = tmp_path / "content" / "berita" / "a.md"
    source.parent.mkdir(parents=True)
    source.write_text("judul: Satu\n\nisi pertama\n", encoding="utf-8")
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(source, ns=(hour_ago, hour_ago))
    first = read_cache.ReadCache(settings)
    (first.here).mkdir(parents=True, exist_ok=True)
    first_key = first.key(str(source), "Article")
    first.prune()  # where the build saves what each file was
    change(source)
    reads = []
    read_key = read_cache.ReadCache._read_key

    def counted(self, *args):
        reads.append(args[0])
        return read_key(self, *args)

    monkeypatch.setattr(read_cache.ReadCache, "_read_key", counted)
    second = read_cache.ReadCache(settings)
    return first_key, second.key(str(source), "Article"), bool(reads)


def _same_size_same_time(source, text, replace):
    """Write `text` (the old text's size) keeping the modification time, in place or as
    a new file moved over the old one (as editors save)."""
    before = source.stat()
    if replace:
        other = source.with_name("baru.tmp")
        other.write_text(text, encoding="utf-8")
        os.replace(other, source)
    else:
        source.write_text(text, encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert source.stat().st_size == before.st_size


def test_a_file_unchanged_since_the_last_build_keeps_its_key_without_being_read(
    tmp_path, monkeypatch
):
    first, second, read = _keys_of_two_builds(tmp_path, monkeypatch, lambda source: None)
    assert second == first
    assert not read


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.write_text("judul: Dua\n\nisi kedua yang lain\n", encoding="utf-8"),
        lambda s: _same_size_same_time(s, "judul: Sat1\n\nisi pertama\n", replace=True),
        lambda s: os.utime(s, ns=(s.stat().st_atime_ns, s.stat().st_mtime_ns + 1)),
    ],
    ids=["new-text", "same-size-and-time-new-file", "touched"],
)
def test_a_file_that_is_not_the_very_file_of_the_last_build_is_read_for_its_key(
    tmp_path, monkeypatch, change
):
    first, second, read = _keys_of_two_builds(tmp_path, monkeypatch, change)
    assert read
    if "Sat1" in (tmp_path / "content" / "berita" / "a.md").read_text(encoding="utf-8"):
        assert second != first


def test_a_file_saved_just_before_a_build_is_read_again_at_the_next(tmp_path, monkeypatch):
    """Saved twice within one tick of the clock, same size, same place: the first build
    saw the first text; the next must not take its key for the second text."""
    from wartadesa import read_cache

    settings = {"PATH": str(tmp_path / "content"), "BUILD_CACHE": str(tmp_path / "cache")}
    source = tmp_path / "content" / "a.md"
    source.parent.mkdir(parents=True)
    source.write_text("judul: Satu\n", encoding="utf-8")
    first = read_cache.ReadCache(settings)
    first.here.mkdir(parents=True, exist_ok=True)
    first_key = first.key(str(source), "Article")
    first.prune()
    _same_size_same_time(source, "judul: Sat2\n", replace=False)
    second = read_cache.ReadCache(settings).key(str(source), "Article")
    assert second != first_key


def test_a_picture_saved_just_before_a_build_is_hashed_again_at_the_next(tmp_path):
    """The page record knows a content folder's other files (pictures, attachments) by
    size and modification time. One saved twice within one tick of the clock, of the same
    size, looks alike: a file changed just before a build is not remembered by that build,
    so the next one hashes it again; one changed well before is remembered."""
    from wartadesa.incremental import Fingerprints

    images = tmp_path / "images"
    images.mkdir()
    old = images / "lama.jpg"
    old.write_bytes(b"\xff\xd8 foto lama")
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(old, ns=(hour_ago, hour_ago))
    fresh = images / "baru.jpg"
    fresh.write_text("foto A", encoding="utf-8")
    first = Fingerprints({"PATH": str(tmp_path)}, {})
    record = first.stat_hashes()
    assert [key.split("|")[0] for key in record] == [os.path.join("images", "lama.jpg")]
    _same_size_same_time(fresh, "foto B", replace=False)
    second = Fingerprints({"PATH": str(tmp_path)}, {"files": record})
    assert second.site != first.site  # the second picture is seen
    unchanged = Fingerprints({"PATH": str(tmp_path)}, {"files": record})
    assert unchanged.site == second.site


def test_a_file_saved_again_while_the_build_runs_is_recorded_as_it_was_read(tmp_path):
    """An operator saves an article twice: the second save (a new title) lands while the
    build of the first runs, after the article was read. The record pairs the read file's
    key with the front matter of those same bytes, so the next build sees a front matter
    change (not a body edit) and its output is that of a clean build."""
    from pelican.plugins import signals

    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "sample" / "content", content)
    cache, output = tmp_path / "cache", tmp_path / "output"
    build_site(output, content=content, BUILD_CACHE=str(cache))
    article = sorted((content / "berita").glob("*.md"))[-1]  # the newest: on the home page
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nKalimat tambahan pertama.\n", encoding="utf-8")

    def saved_again(_generators):  # a new title, and a date a year before every other
        changed = text.replace("judul: Pelatihan", "judul: Judul Baru Pelatihan", 1)
        changed = changed.replace("tanggal: 2024-07-10", "tanggal: 2019-07-10", 1)
        assert changed.count("2019-07-10") == 1 and "Judul Baru" in changed
        article.write_text(changed + "\nKalimat tambahan pertama.\n", encoding="utf-8")

    signals.all_generators_finalized.connect(saved_again)
    try:
        build_site(output, content=content, BUILD_CACHE=str(cache))
    finally:
        signals.all_generators_finalized.disconnect(saved_again)
    assert "Judul Baru" not in (output / "index.html").read_text(encoding="utf-8")
    build_site(output, content=content, BUILD_CACHE=str(cache))  # nothing changed since
    clean = build_site(tmp_path / "clean", content=content).output
    assert "Judul Baru Pelatihan" in (clean / "index.html").read_text(encoding="utf-8")
    assert files_of(output) == files_of(clean)


def test_a_new_namesake_changes_the_cached_pages_that_name_a_village(tmp_path):
    """A village's label (`distinct_title`) gains its kecamatan when an article names
    another village of its name by code, desa.yml unchanged: the pages and cards that name
    the first village are rendered again (the cache knew a village by its name and
    addresses only)."""
    content, cache = tmp_path / "content", tmp_path / "cache"
    output = tmp_path / "out" / "output"
    (content / "berita").mkdir(parents=True)
    (content / "desa.yml").write_text("- kode: 35.23.07.2005\n- kode: 35.23.07.2011\n")
    for name, village in (("a", "binangun"), ("b", "saringembat")):
        (content / "berita" / f"{name}.md").write_text(
            f"---\ntitle: Kabar {name}\ndate: 2024-03-0{1 + (name == 'b')} 09:00\n"
            f"category: Pemerintahan\ndesa: {village}\n---\nIsi kabar.\n",
            encoding="utf-8",
        )
    build_site(output, content=content, BUILD_CACHE=str(cache))
    assert "· Desa Binangun<" in (output / "index.html").read_text(encoding="utf-8")
    (content / "berita" / "c.md").write_text(
        "---\ntitle: Kabar c\ndate: 2024-03-03 09:00\ncategory: Pemerintahan\n"
        "desa: 35.05.16.2004\n---\nIsi kabar.\n",  # Binangun of Kab. Blitar
        encoding="utf-8",
    )
    built = build_site(output, content=content, BUILD_CACHE=str(cache))
    clean = build_site(tmp_path / "clean" / "output", content=content)
    assert differences(clean.output, built.output) == []
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Desa Binangun, Kec. Singgahan" in home and "Desa Binangun, Kec. Binangun" in home
