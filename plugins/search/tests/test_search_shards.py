"""The search index in parts (search/shards.py): a site with more marked pages than
SEARCH_SHARD_PAGES gets several Pagefind bundles, merged by the search page; with the build
cache, a rebuild indexes again only the parts whose pages changed."""

import json
import os
import shutil
from pathlib import Path

import pytest
from test_search import open_search, search_content, titles

from conftest import serve_folder
from search import indexer, shards
from search.indexer import INDEX_FOLDER, marked_pages
from tests.sitetools import build_site
from tests.sitetools import index_parts as parts_of
from wartadesa.build import BuildFailed

PER_PART = 4  # the search fixture has 15 marked pages: 4 parts of about 4


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("shards")
    content = search_content(base / "content")
    return build_site(
        base / "output", content=content, SEARCH_SHARD_PAGES=PER_PART, SEARCH_RESULTS_PER_PAGE=50
    )


@pytest.fixture(scope="module")
def single_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("single")
    return build_site(
        base / "output", content=search_content(base / "content"), SEARCH_RESULTS_PER_PAGE=50
    )


@pytest.fixture(scope="module")
def served_sites(sharded_site, single_site):
    with serve_folder(sharded_site.output) as sharded, serve_folder(single_site.output) as single:
        yield sharded, single


def test_a_big_index_comes_in_parts_that_hold_every_marked_page_once(sharded_site, single_site):
    parts = parts_of(sharded_site.output)
    assert list(parts) == [".", "shard-1", "shard-2", "shard-3"]
    assert all(parts.values())  # no empty part
    urls = [url for pages in parts.values() for url in pages]
    assert len(urls) == len(set(urls))  # each page in one part
    single = parts_of(single_site.output)
    assert list(single) == ["."]  # under SEARCH_SHARD_PAGES: one index, as always
    merged = {url: text for pages in parts.values() for url, text in pages.items()}
    assert merged == single["."]
    bundle = sharded_site.output / INDEX_FOLDER
    listed = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    assert listed == {"merge": ["shard-1/", "shard-2/", "shard-3/"]}
    assert json.loads((single_site.output / INDEX_FOLDER / "shards.json").read_text()) == {
        "merge": []
    }
    # The scripts and the WebAssembly are loaded once, from the first part.
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.id.pagefind").is_file()
    for part in bundle.glob("shard-*"):
        assert sorted(p.name for p in part.iterdir() if not p.name.endswith(".pf_meta")) == [
            "filter",
            "fragment",
            "index",
            "pagefind-entry.json",
        ]


@pytest.mark.browser
def test_the_folders_pagefind_read_leave_the_site_and_go_in_the_background(tmp_path, monkeypatch):
    """The parts' working folders (Pagefind's configuration naming each part's pages) are
    no part of the site: they leave the output before it is published, and the build does
    not wait for their removal. Noted in a file: the index may be made in another process
    (wartadesa/index_ahead.py)."""
    from wartadesa import output_folder

    noted = tmp_path / "later.txt"

    def note(folder):
        with open(noted, "a", encoding="utf-8") as handle:
            handle.write(f"{folder}\n")

    monkeypatch.setattr(output_folder, "remove_later", note)
    content = search_content(tmp_path / "content")
    site = build_site(tmp_path / "output", content=content, SEARCH_SHARD_PAGES=PER_PART)
    assert len(parts_of(site.output)) > 1
    assert not (site.output / indexer.PARTS_FOLDER).exists()
    (left,) = map(Path, noted.read_text(encoding="utf-8").splitlines())
    noted.unlink()  # left for the background removal, beside the output
    assert left.parent == tmp_path and left.name.startswith(output_folder.OLD_PREFIX)
    linked = sorted(p.name for p in left.iterdir())
    assert len(linked) == len(parts_of(site.output)) and linked[0].startswith("glob-")
    monkeypatch.undo()
    output_folder.remove_later(left)
    output_folder.wait_for_removals(60)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_the_search_page_loads_every_part_at_once(page_factory, served_sites):
    """The parts are merged concurrently (Pagefind's mergeIndex for each, at once): on a
    slow phone connection each part loaded in turn would cost two round trips more (its
    pagefind-entry.json, then its metadata). Each part's pagefind-entry.json is held until
    all of them have been asked for; loaded one after the other, only one ever would be."""
    sharded, _single = served_sites
    page = page_factory()
    held = []

    def hold(route):
        held.append(route)

    page.route("**/pagefind/shard-*/pagefind-entry.json*", hold)
    page.goto(f"{sharded}/cari/?q=posyandu")
    for _ in range(100):  # up to 5 s for the three requests
        if len(held) == 3:
            break
        page.wait_for_timeout(50)
    asked = sorted(route.request.url.split("/pagefind/")[1].split("/")[0] for route in held)
    for route in held:
        route.continue_()
    assert asked == ["shard-1", "shard-2", "shard-3"]
    page.wait_for_selector("#cari[data-selesai]", state="attached")
    assert page.console_errors == [] and page.failed_requests == []
    assert "Posyandu" in " ".join(titles(page))


@pytest.mark.browser
@pytest.mark.parametrize(
    "query",
    [
        "q=gotong+royong",
        "q=posyandu",
        "q=membangun",
        "q=gotong&desa=Desa+Binangun",
        "kategori=Kesehatan",
    ],
)
def test_the_search_page_finds_the_same_in_parts_as_in_one_index(page_factory, served_sites, query):
    sharded, single = served_sites
    in_parts = open_search(page_factory, sharded, query, height=4000)
    whole = open_search(page_factory, single, query, height=4000)
    for page in (in_parts, whole):
        assert page.console_errors == [] and page.failed_requests == []
    assert (
        in_parts.locator("#cari-status").inner_text() == whole.locator("#cari-status").inner_text()
    )
    assert sorted(titles(in_parts)) == sorted(titles(whole))
    assert titles(whole)  # every query finds something
    for name in ("desa", "kategori", "tahun"):
        options = f"select[name={name}] option"
        assert (
            in_parts.locator(options).all_inner_texts() == whole.locator(options).all_inner_texts()
        )


def test_a_rebuild_indexes_again_only_the_part_that_changed(tmp_path):
    content = search_content(tmp_path / "content")
    output, cache = tmp_path / "output", tmp_path / "cache"
    build_site(output, content=content, SEARCH_SHARD_PAGES=PER_PART, BUILD_CACHE=str(cache))
    bundle = output / INDEX_FOLDER
    before = {p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    changed = content / "berita" / "posyandu.md"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nKalimatbagianbaru ditambahkan.\n", encoding="utf-8"
    )
    build_site(output, content=content, SEARCH_SHARD_PAGES=PER_PART, BUILD_CACHE=str(cache))
    parts = parts_of(output)
    holding = [
        name
        for name, pages in parts.items()
        if any("Kalimatbagianbaru" in t for t in pages.values())
    ]
    assert len(holding) == 1
    prefix = "" if holding == ["."] else f"{holding[0]}/"
    for path in (p for p in bundle.rglob("*") if p.is_file()):
        relative = path.relative_to(bundle)
        in_changed_part = (
            relative.as_posix().startswith(prefix)
            if prefix
            else not relative.parts[0].startswith("shard-")
        )
        if not in_changed_part and relative.name != "shards.json":
            assert before.get(relative) == path.stat().st_ino, relative  # taken, not made again
    assert any(
        before.get(p.relative_to(bundle)) != p.stat().st_ino
        for p in (bundle / prefix).glob("fragment/*")
    )
    # The same index as a clean build of the same pages, without the cache.
    fresh = build_site(tmp_path / "fresh", content=content, SEARCH_SHARD_PAGES=PER_PART)
    assert parts_of(fresh.output) == parts
    # A part removed from the output by hand is made again, not taken.
    shutil.rmtree(bundle / "shard-2")
    build_site(output, content=content, SEARCH_SHARD_PAGES=PER_PART, BUILD_CACHE=str(cache))
    assert parts_of(output) == parts


def test_with_the_build_cache_each_part_is_read_from_its_kept_folder_of_links(
    tmp_path, monkeypatch
):
    """With the build cache, each part's Pagefind reads the folder of links kept for that
    part in the cache (every marked page of the part at its own path, the output's very
    file), not a glob over the whole site; a rebuild keeps the links of the pages it took
    from the last output and links the page it wrote again, and the index is a clean
    build's."""
    content = search_content(tmp_path / "content")
    output, cache = tmp_path / "output", tmp_path / "cache"
    settings = {"SEARCH_SHARD_PAGES": PER_PART, "BUILD_CACHE": str(cache)}
    noted_runs = tmp_path / "runs.txt"  # the index is made in a forked process
    run = indexer._run_pagefind

    def noted(pages, bundle, settings, folder, started=None, cwd=None):
        with open(noted_runs, "a", encoding="utf-8") as handle:
            handle.write(f"{pages}\t{cwd}\n")
        return run(pages, bundle, settings, folder, started, cwd=cwd)

    def runs():
        lines = noted_runs.read_text(encoding="utf-8").splitlines()
        noted_runs.unlink()
        return [(Path(pages), cwd) for pages, cwd in (line.split("\t") for line in lines)]

    monkeypatch.setattr(indexer, "_run_pagefind", noted)
    build_site(output, content=content, **settings)
    links = cache / indexer.LINKS_FOLDER
    parts = parts_of(output)
    first = runs()
    assert len(first) == len(parts) > 1
    assert all(pages.parent == links and cwd == "None" for pages, cwd in first)

    def linked(folder):
        """{page: inode} of a part's folder of links, each the output's file at its path."""
        found = {}
        for path in (p for p in folder.rglob("*") if p.is_file()):
            relative = path.relative_to(folder)
            assert os.path.samefile(path, output / relative), relative
            found[relative.as_posix()] = path.stat().st_ino
        return found

    folders = {pages for pages, _cwd in first}
    before = {folder: linked(folder) for folder in folders}
    marked = {m.relative for m in marked_pages(output)}
    assert sorted(p for links in before.values() for p in links) == sorted(marked)
    assert len(marked) == sum(len(p) for p in parts.values())
    pages_before = {name: (output / name).stat().st_ino for name in marked}
    changed = content / "berita" / "posyandu.md"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nKalimatlinkbaru ditambahkan.\n", encoding="utf-8"
    )
    build_site(output, content=content, **settings)
    (again,) = runs()  # the changed article's part
    assert again[0] in folders and again[1] == "None"
    after = linked(again[0])
    assert after.keys() == before[again[0]].keys()
    assert any("posyandu" in name for name in after)
    for name, inode in after.items():  # linked again only where the page is a new file
        page_is_new = (output / name).stat().st_ino != pages_before[name]
        assert (inode != before[again[0]][name]) == page_is_new, name
    monkeypatch.undo()
    fresh = build_site(tmp_path / "fresh", content=content, SEARCH_SHARD_PAGES=PER_PART)
    assert parts_of(fresh.output) == parts_of(output)
    assert any("Kalimatlinkbaru" in t for p in parts_of(output).values() for t in p.values())


def test_a_cache_on_another_disk_reads_the_parts_by_their_glob(tmp_path, monkeypatch):
    """Links cannot join two file systems (each page would be copied into the cache): with
    the cache on another disk the parts are read by their glob, as without the cache."""
    other = tmp_path / "lain"
    assert not indexer.same_disk(tmp_path, other)  # not there (yet): not told the same
    other.mkdir()
    assert indexer.same_disk(tmp_path, other)
    monkeypatch.setattr(indexer, "same_disk", lambda first, second: False)
    content = search_content(tmp_path / "content")
    output, cache = tmp_path / "output", tmp_path / "cache"
    build_site(output, content=content, SEARCH_SHARD_PAGES=PER_PART, BUILD_CACHE=str(cache))
    assert len(parts_of(output)) > 1
    assert cache.is_dir() and not (cache / indexer.LINKS_FOLDER).exists()
    monkeypatch.undo()
    fresh = build_site(tmp_path / "fresh", content=content, SEARCH_SHARD_PAGES=PER_PART)
    assert parts_of(fresh.output) == parts_of(output)


@pytest.mark.parametrize(
    ("before", "after", "address"),
    [
        ("tanggal: 2023-08-10", "tanggal: 2023-10-10", "/2023/10/posyandu/"),
        # A new title gives a new slug (SLUGIFY_SOURCE = "title"): written out here.
        (
            "slug: posyandu",
            "slug: posyandu-lansia-saringembat",
            "/2023/08/posyandu-lansia-saringembat/",
        ),
    ],
    ids=["date", "slug"],
)
def test_a_page_keeps_its_part_when_its_address_changes(tmp_path, before, after, address):
    """A page's part is picked by its content file: a new date or slug moves the article
    to another address but not to another part. The article linking to it, in another
    part, gets the new address in its text, which Pagefind does not read: one part is
    indexed again."""
    content = search_content(tmp_path / "content")
    linking = content / "berita" / "jembatan.md"
    with open(linking, "a", encoding="utf-8") as handle:
        handle.write("\nBaca juga [posyandu lansia]({filename}posyandu.md).\n")
    output, cache = tmp_path / "output", tmp_path / "cache"
    settings = {"SEARCH_SHARD_PAGES": PER_PART, "BUILD_CACHE": str(cache)}
    build_site(output, content=content, **settings)
    bundle = output / INDEX_FOLDER
    before_files = {
        p.relative_to(bundle): p.stat().st_ino for p in bundle.rglob("*") if p.is_file()
    }
    old_parts = parts_of(output)
    (linking_page,) = output.glob("berita/*/*/jembatan/index.html")
    assert b"/2023/08/posyandu/" in linking_page.read_bytes()
    changed = content / "berita" / "posyandu.md"
    text = changed.read_text(encoding="utf-8")
    assert before in text
    changed.write_text(text.replace(before, after), encoding="utf-8")
    build_site(output, content=content, **settings)
    parts = parts_of(output)
    assert address.encode() in linking_page.read_bytes()

    def holding(found, part_of):
        return [name for name, pages in found.items() if any(part_of in url for url in pages)]

    assert not holding(parts, "/2023/08/posyandu/")
    assert holding(parts, "/jembatan/") != holding(parts, address)
    assert holding(old_parts, "/2023/08/posyandu/") == holding(parts, address)
    assert len(holding(parts, address)) == 1
    again = {
        name
        for name in parts
        for path in (bundle / name).glob("fragment/*")
        if before_files.get(path.relative_to(bundle)) != path.stat().st_ino
    }
    assert again == set(holding(parts, address))
    fresh = build_site(tmp_path / "fresh", content=content, SEARCH_SHARD_PAGES=PER_PART)
    assert parts_of(fresh.output) == parts


def test_a_part_is_picked_by_the_content_file_else_the_page_name():
    from search import shards

    sources = {"berita/2023/08/posyandu/index.html": "berita/posyandu.md"}
    assert shards.page_name("berita/2023/08/posyandu/index.html", sources) == "berita/posyandu.md"
    assert shards.page_name("berita/2023/08/posyandu/index.html") == "posyandu"
    assert shards.page_name("desa/binangun/index.html", sources) == "binangun"
    assert shards.page_name("tentang.html") == "tentang.html"
    assert shards.page_name("index.html") == "index.html"
    assert shards.shard_of("berita/2023/08/posyandu/index.html", 8) == shards.shard_of(
        "berita/2024/01/posyandu/index.html", 8
    )
    groups = {shards.shard_of(f"berita/2024/01/berita-{n}/index.html", 8) for n in range(100)}
    assert groups == set(range(8))  # names spread over every part


def test_a_rebuild_reads_only_the_pages_written_again(tmp_path, monkeypatch):
    """With the build cache, a page the build reused (the previous output's very file) is
    not read again to find whether it is marked: only the pages written again are."""
    from search import shards

    content = search_content(tmp_path / "content")
    output, cache = tmp_path / "output", tmp_path / "cache"
    settings = {"SEARCH_SHARD_PAGES": PER_PART, "BUILD_CACHE": str(cache)}
    build_site(output, content=content, **settings)

    def files(folder):
        return {
            p.relative_to(folder).as_posix(): p.stat().st_ino
            for p in folder.rglob("*.html")
            if not p.relative_to(folder).parts[0].startswith(".")
        }

    before = files(output)
    changed = content / "berita" / "posyandu.md"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nKalimatbagianbaru ditambahkan.\n", encoding="utf-8"
    )
    # Noted in a file: a rebuild's index may be made in another process
    # (wartadesa/index_ahead.py).
    noted = tmp_path / "read.txt"
    note = shards.Seen.note

    def noting(self, name, *args):
        with open(noted, "a", encoding="utf-8") as handle:
            handle.write(name + "\n")
        note(self, name, *args)

    monkeypatch.setattr(shards.Seen, "note", noting)
    build_site(output, content=content, **settings)
    read = noted.read_text(encoding="utf-8").splitlines()
    after = files(output)
    written = {name for name, inode in after.items() if before.get(name) != inode}
    assert sorted(read) == sorted(written)
    assert 0 < len(written) < len(after) / 2
    assert any(
        "Kalimatbagianbaru" in text for part in parts_of(output).values() for text in part.values()
    )
    fresh = build_site(tmp_path / "fresh", content=content, SEARCH_SHARD_PAGES=PER_PART)
    assert parts_of(fresh.output) == parts_of(output)


def test_another_pagefind_indexes_every_part_again(tmp_path, monkeypatch):
    """A part is taken only when the same Pagefind made it: another binary (an upgrade)
    indexes every part again."""
    import search.indexer as indexer

    content = search_content(tmp_path / "content")
    output, cache = tmp_path / "output", tmp_path / "cache"
    settings = {"SEARCH_SHARD_PAGES": PER_PART, "BUILD_CACHE": str(cache)}
    build_site(output, content=content, **settings)
    bundle = output / INDEX_FOLDER
    before = {p: p.stat().st_ino for p in bundle.rglob("*.pf_fragment")}
    build_site(output, content=content, **settings)  # nothing changed: every part taken
    assert {p: p.stat().st_ino for p in bundle.rglob("*.pf_fragment")} == before
    upgraded = tmp_path / "bin" / "pagefind"
    upgraded.parent.mkdir()
    shutil.copy2(indexer.pagefind_binary(), upgraded)
    monkeypatch.setattr(indexer, "pagefind_binary", lambda: str(upgraded))
    build_site(output, content=content, **settings)
    after = {p: p.stat().st_ino for p in bundle.rglob("*.pf_fragment")}
    assert set(after) == set(before)  # the same index ...
    assert all(after[p] != before[p] for p in after)  # ... made again


@pytest.mark.parametrize("value", [-1, "seribu", 2.5])
def test_a_bad_part_size_is_one_clear_message(tmp_path, value):
    content = search_content(tmp_path / "content")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, SEARCH_SHARD_PAGES=value)
    assert failed.value.problems == [
        "indeks pencarian: SEARCH_SHARD_PAGES di pelicanconf.py harus bilangan bulat 0 atau "
        f"lebih (sekarang {value!r}); contoh: SEARCH_SHARD_PAGES = 1000, atau 0 untuk satu indeks"
    ]
    assert not (tmp_path / "output").exists()


def test_a_file_error_while_the_parts_are_put_together_is_one_clear_message(tmp_path, monkeypatch):
    import os

    content = search_content(tmp_path / "content")
    output = tmp_path / "output"
    build_site(output, content=content, SEARCH_SHARD_PAGES=PER_PART)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}

    def refuse(source, target):
        raise PermissionError(13, "Permission denied", str(source))

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content, SEARCH_SHARD_PAGES=PER_PART)
    monkeypatch.undo()
    assert failed.value.problems == [
        "indeks pencarian: folder indeks tidak bisa ditulis (Permission denied) — periksa "
        "ruang disk dan izin folder, lalu build ulang"
    ]
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


def test_the_pages_looked_at_are_every_html_file_but_pagefinds_own(tmp_path):
    """marked_pages' listing: every `.html` under the site in the order of sorted paths,
    without Pagefind's working folders, other files or a linked folder's pages."""
    marked = "<main data-pagefind-body><p>isi</p></main>"
    files = {
        "index.html": marked,
        "berita-lain/index.html": marked,
        "berita/a/index.html": marked,
        "berita/a-b/index.html": marked,
        "berita/a/b.html": marked,
        "berita/tanpa-tanda/index.html": "<main><p>isi</p></main>",
        "berita/a/foto.jpg": "x",
        ".pagefind-parts/pages-0/berita/index.html": marked,
        ".pagefind-lama.html": marked,
        "berita/.pagefind-bukan/index.html": marked,  # only the site's own top folder is Pagefind's
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-luar"
    (elsewhere / "x").mkdir(parents=True)
    (elsewhere / "x" / "index.html").write_text(marked, encoding="utf-8")
    (tmp_path / "tautan").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "berita" / "tautan.html").symlink_to(elsewhere / "x" / "index.html")  # a file
    found = [page.relative for page in marked_pages(tmp_path)]
    expected = ["berita/a/index.html", "berita/a-b/index.html", "berita/a/b.html"]
    expected += ["berita/.pagefind-bukan/index.html", "berita/tautan.html"]
    expected += ["berita-lain/index.html", "index.html"]
    assert sorted(found) == sorted(expected)
    assert found == [
        p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path / n for n in expected)
    ]
    assert all(page.path == tmp_path / page.relative for page in marked_pages(tmp_path))


def test_many_pages_read_on_every_core_give_what_one_process_finds(tmp_path, monkeypatch):
    """A first build reads every page: split over the cores (wartadesa.parallel.map_forked),
    the marked pages and their digests are those one process finds, in the same order."""
    for number in range(150):
        marked = " data-pagefind-body" if number % 3 else ""
        page = tmp_path / "berita" / f"b-{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<html><body><article{marked}><h1>Berita {number}</h1><p><a href="/x/{number}/">'
            f"tautan</a> teks {number}</p></article></body></html>",
            encoding="utf-8",
        )
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    serial = marked_pages(tmp_path, shards.Seen(cache))
    readers = tmp_path.parent / f"{tmp_path.name}-pembaca.txt"
    digest = indexer._page_digest

    def noting(page):
        with open(readers, "a", encoding="ascii") as handle:
            handle.write(f"{os.getpid()}\n")
        return digest(page)

    monkeypatch.setattr(indexer, "_page_digest", noting)
    split = marked_pages(tmp_path, shards.Seen(cache), settings={"BUILD_WORKERS": 2})
    assert len(serial) == 100 and len({page.sha for page in serial}) == 100
    assert split == serial
    assert len(set(readers.read_text(encoding="ascii").split())) == 2  # really split

    # Without a cache folder no digest is made (nothing keeps it): the same pages, marked.
    monkeypatch.setattr(indexer, "search_digest", lambda _data: pytest.fail("digest made"))
    for settings in (None, {"BUILD_WORKERS": 2}):
        unrecorded = marked_pages(tmp_path, shards.Seen(None), settings=settings)
        assert [page.relative for page in unrecorded] == [page.relative for page in serial]
        assert {page.sha for page in unrecorded} == {indexer.UNRECORDED}


def marked_samples(site):
    """Bytes around `data-pagefind-body`: random ones built from the pieces of tags, near
    misses, and every page of `site`."""
    import random

    pieces = [
        b"<",
        b">",
        b"a",
        b"div",
        b"article",
        b" ",
        b"\n",
        b"\t",
        b"=",
        b"/",
        b'"',
        b"data-pagefind-body",
        b"data-pagefind-bodyx",
        b"x",
        b"<1",
        b"class=post",
        b"-",
    ]
    rng = random.Random(7)
    samples = [
        b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(20000)
    ]
    for _ in range(5000):  # a tag around the name, or nearly
        samples.append(
            rng.choice([b"", b"x", b"<p>", b">"])
            + rng.choice([b"<", b"", b"<<"])
            + rng.choice([b"a", b"div", b"1", b"", b"A-b"])
            + rng.choice([b" ", b"\n", b"", b"x ", b' c="<" ', b" c=> "])
            + rng.choice([b"data-pagefind-body", b"data-pagefind-bod"])
            + rng.choice([b">", b"=", b"/", b" ", b"", b"x", b"\r"])
        )
    samples += [
        b"<article data-pagefind-body>",
        b"<article data-pagefind-body",  # cut off after the name: no character follows
        b"<articledata-pagefind-body>",
        b"< a data-pagefind-body>",
        b"<a x>data-pagefind-body<b>",
        b'<div class="x" data-pagefind-body="">',
        b"<p>data-pagefind-body</p><div\tdata-pagefind-body/>",
    ]
    tags = samples[-5000:]
    samples += [rng.choice(tags) + rng.choice(tags) + rng.choice(tags) for _ in range(3000)]
    samples += [p.read_bytes() for p in site.output.rglob("*.html")]
    return samples


def test_is_marked_answers_as_the_marked_pattern(sample_site):
    """is_marked (the pattern tried only at the tags holding `data-pagefind-body`) says
    what the MARKED pattern says over the whole page."""
    samples = marked_samples(sample_site)
    wrong = [s for s in samples if indexer.is_marked(s) != bool(indexer.MARKED.search(s))]
    assert wrong == []
    assert sum(1 for s in samples if indexer.is_marked(s)) > 300


def test_the_last_marked_opening_is_the_patterns_last_match(sample_site):
    """searched_end's opening, tried only at the tags holding `data-pagefind-body`, is the
    last match of the _BODY_OPEN pattern over the whole page (same place, same name)."""

    def last(data):
        found = list(indexer._BODY_OPEN.finditer(data))
        return (found[-1].span(), found[-1].group(1)) if found else None

    samples = marked_samples(sample_site)
    samples += [b"<a data-pagefind-body data-pagefind-body>", b"<a- data-pagefind-body>x"]
    wrong = []
    for data in samples:
        opening = indexer._mark_match(data, indexer._BODY_OPEN, last=True)
        if (None if opening is None else (opening.span(), opening.group(1))) != last(data):
            wrong.append(data)
    assert wrong == []
    assert sum(1 for s in samples if last(s) is not None) > 300


def test_the_folder_pagefind_reads_holds_each_page_of_a_part_at_its_own_path(tmp_path):
    """A part's pages are linked into a folder of their own for Pagefind (the page addresses
    come from their paths there): every page at the same path, the same file, nothing
    else."""
    site = tmp_path / "site"
    names = [
        "index.html",
        "berita/2021/01/a/index.html",
        "berita/2021/01/b/index.html",
        "berita/2022/c/index.html",
        "desa/x y/index.html",
    ]
    for number, name in enumerate(names):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(f"<p>{number}</p>")
    linked = tmp_path / "work" / "pages-3"
    indexer._link_pages(names[1:], site, linked)
    found = sorted(p.relative_to(linked).as_posix() for p in linked.rglob("*") if p.is_file())
    assert found == sorted(names[1:])
    for name in names[1:]:
        assert (linked / name).read_text() == (site / name).read_text()
        assert os.path.samefile(linked / name, site / name)

    # The next build's part (the links kept with the build cache): a page written again
    # (another file at its path), one no longer in the part, one new; and what does not
    # belong in the folder (a stray file, a link, a folder).
    (site / names[2]).unlink()
    (site / names[2]).write_text("<p>baru</p>")
    (site / "berita/2023/d/index.html").parent.mkdir(parents=True)
    (site / "berita/2023/d/index.html").write_text("<p>d</p>")
    (linked / "tersesat.html").write_text("<p>bukan halaman bagian ini</p>")
    (linked / "tautan.html").symlink_to(site / names[0])
    (linked / "kosong" / "sekali").mkdir(parents=True)
    kept_inode = (linked / names[1]).stat().st_ino
    now = [names[1], names[2], "berita/2023/d/index.html", names[4]]  # without berita/2022/c
    indexer._link_pages(now, site, linked)
    found = sorted(p.relative_to(linked).as_posix() for p in linked.rglob("*"))
    assert found == sorted(
        {part for name in now for part in _with_parents(name)}
    )  # the pages and their folders, nothing else
    for name in now:
        assert os.path.samefile(linked / name, site / name)
        assert not (linked / name).is_symlink()
    assert (linked / names[2]).read_text() == "<p>baru</p>"
    assert (linked / names[1]).stat().st_ino == kept_inode


def _with_parents(name):
    parts = name.split("/")
    return ["/".join(parts[: end + 1]) for end in range(len(parts))]


def _hand_made_site(folder, names):
    for number, name in enumerate(names):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"<html lang='id'><body><main data-pagefind-body><h1>Halaman {number}</h1>"
            f"<p>kata{number} pembangunan</p></main></body></html>",
            encoding="utf-8",
        )
    (folder / "bukan-cari" / "index.html").parent.mkdir(parents=True)
    (folder / "bukan-cari" / "index.html").write_text("<p>tidak ditandai</p>", encoding="utf-8")


def _addresses(names):
    return sorted("/" + name.removesuffix("index.html") for name in names)


def test_pagefind_reads_each_part_from_the_site_folder_by_the_pages_paths(tmp_path, monkeypatch):
    """Each part's Pagefind runs on the site's own folder, told exactly the part's pages (its
    configuration file's glob): no folder of links is made, and every part holds its own
    pages and no other (also where the environment holds Pagefind's variables)."""
    monkeypatch.setenv("PAGEFIND_GLOB", "**/*.{html}")
    monkeypatch.setenv("PAGEFIND_SITE", str(tmp_path))
    names = [f"berita/2024/0{n % 3 + 1}/berita-{n}/index.html" for n in range(9)]
    names += ["index.html", "kontak/index.html", "v1.2_x/index.html"]
    site = tmp_path / "site"
    _hand_made_site(site, names)
    linked = []
    monkeypatch.setattr(indexer, "_link_pages", lambda *args: linked.append(args))
    commands = []
    run = indexer._run_pagefind

    def noted(pages, bundle, settings, folder, started=None, cwd=None):
        config = json.loads((cwd / "pagefind.json").read_text(encoding="utf-8"))
        commands.append((pages, config["glob"]))
        return run(pages, bundle, settings, folder, started, cwd=cwd)

    monkeypatch.setattr(indexer, "_run_pagefind", noted)
    indexer.index_site(site, {"PLUGINS": ["search"], "SEARCH_SHARD_PAGES": 4})
    assert linked == []
    assert len(commands) == 4 and all(pages == site for pages, _ in commands)
    parts = parts_of(site)
    assert len(parts) == 4 and all(parts.values())
    found = sorted(url for pages in parts.values() for url in pages)
    assert found == _addresses(names)  # each page once; the unmarked page in none
    for _pages, glob in commands:  # a part's glob names its pages, in the part that has them
        named = glob.removeprefix("{").removesuffix("}").split(",")
        assert any(sorted(pages) == _addresses(named) for pages in parts.values())


@pytest.mark.parametrize(
    "odd",
    ["desa/x y/index.html", "desa/(a)/index.html", "desa/{b,c}/index.html", "désa/index.html"],
)
def test_a_page_path_a_glob_cannot_name_plainly_is_read_from_links(tmp_path, monkeypatch, odd):
    """A page whose path holds another character than a letter, a digit, `.`, `_` or `-`
    (a village's own URL setting) would be another glob, or none: its part, and only its
    part, is read from a folder of links to its pages, as before; every page is indexed."""
    assert not indexer._GLOB_SAFE.match(odd)
    names = ["index.html", "berita/a/index.html", "berita/b/index.html", odd]
    site = tmp_path / "site"
    _hand_made_site(site, names)
    linked = []
    link = indexer._link_pages
    monkeypatch.setattr(indexer, "_link_pages", lambda r, *a: linked.append(r) or link(r, *a))
    indexer.index_site(site, {"PLUGINS": ["search"], "SEARCH_SHARD_PAGES": 2})
    parts = parts_of(site)
    assert len(parts) == 2
    assert sorted(url for pages in parts.values() for url in pages) == _addresses(names)
    (part,) = linked
    assert odd in part and len(part) < len(names)
    assert any(sorted(pages) == _addresses(part) for pages in parts.values())


def test_the_plain_page_paths_are_those_of_the_kits_addresses():
    plain = ["index.html", "berita/2024/01/musdes-apbdes-2024/index.html", "a/b.c_d-e/f.html"]
    odd = ["", "/index.html", "berita//index.html", "a/../b.html", ".x/index.html", "a b.html"]
    odd += ["a*.html", "a?.html", "[a].html", "a{b}.html", "a,b.html", "a!.html", "a\\b.html"]
    odd += ["a:b.html", "a<b>.html", "a$.html", "a#.html", "ä.html", "a/./b.html"]
    assert [p for p in plain if indexer._GLOB_SAFE.match(p)] == plain
    assert [p for p in odd if indexer._GLOB_SAFE.match(p)] == []
