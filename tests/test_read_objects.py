"""Articles and pages taken as the last build made them (wartadesa/read_objects.py): when
they are, when they are made again, and what a taken object still does (its warnings, the
memo). That the site is the same, byte for byte, is the differential test's
(tests/test_incremental_build.py, which also counts the objects taken at each step)."""

import pickle
import re
import shutil

import pytest
from pelican.plugins import signals
from PIL import Image

from tests.sitetools import build_site
from wartadesa import read_objects
from wartadesa.bench import corpus as corpus_module

ARTICLES = 6


@pytest.fixture
def project(tmp_path_factory):
    """A generated site (module-wide, copied for each test) and its own cache folder."""
    root = tmp_path_factory.mktemp("objects")
    generated = corpus_module.generate(root / "corpus", articles=ARTICLES, villages=2, seed=5)
    return root, generated.ours, root / "cache"


def build(root, content, cache, **settings):
    return build_site(root / "output", content=content, BUILD_CACHE=str(cache), **settings)


def made_and_taken():
    return read_objects.last_build["kept"], read_objects.last_build["restored"]


def memo_keys(cache):
    """The keys of the per-file results the memo kept (front_matter.memo: results-NN.bin;
    not its tables, kept by name)."""
    found = set()
    for part in cache.glob("*/results-*.bin"):
        with open(part, "rb") as handle:
            found.update(pickle.load(handle)["entries"])
    return {key for key in found if re.fullmatch("[0-9a-f]{64}", key)}


def test_unchanged_files_give_the_objects_the_last_build_made(project):
    root, content, cache = project
    build(root, content, cache)
    made, taken = made_and_taken()
    assert made > ARTICLES and taken == 0  # the articles and the static pages
    assert list(cache.glob("*/objects-*.bin"))
    build(root, content, cache)
    assert made_and_taken() == (0, made)
    article = sorted((content / "berita").rglob("*.md"))[2]
    with open(article, "a", encoding="utf-8") as handle:
        handle.write("\nSatu paragraf lagi.\n")
    build(root, content, cache)
    assert made_and_taken() == (1, made - 1)


def test_a_changed_photo_makes_every_object_again(project):
    root, content, cache = project
    build(root, content, cache)
    made, _ = made_and_taken()
    photo = sorted((content / "images").glob("*.jpg"))[0]
    with Image.open(photo) as image:
        size = image.size
    Image.new("RGB", size, (200, 30, 30)).save(photo, quality=70)
    build(root, content, cache)
    assert made_and_taken() == (made, 0)


def test_a_damaged_record_makes_its_objects_again(project):
    """The objects are kept in several files (wartadesa/bucket_files.py): a damaged one
    loses only its own; all damaged, every object is made again."""
    root, content, cache = project
    build(root, content, cache)
    made, _ = made_and_taken()
    parts = sorted(cache.glob("*/objects-*.bin"))
    counts = {p: len(pickle.loads(p.read_bytes())["entries"]) for p in parts}
    damaged = max(parts, key=counts.get)
    assert 0 < counts[damaged] < made
    damaged.write_bytes(b"bukan pickle")
    build(root, content, cache)
    assert made_and_taken() == (counts[damaged], made - counts[damaged])
    for part in parts:
        part.write_bytes(b"bukan pickle")
    build(root, content, cache)
    assert made_and_taken() == (made, 0)
    build(root, content, cache)
    assert made_and_taken() == (0, made)


def test_an_object_whose_making_warned_is_made_again_and_warns_again(project):
    root, content, cache = project
    first = sorted((content / "berita").rglob("*.md"))[0]
    with open(first, "a", encoding="utf-8") as handle:
        handle.write('\n<span onclick="alert(1)">klik</span>\n')  # removed, with a warning
    for _ in range(3):
        site = build(root, content, cache)
        assert any("HTML tidak aman" in warning for warning in site.warnings), site.warnings
    # Never kept: made, and reported, on every build; the others taken.
    assert read_objects.last_build["made"] == 1
    assert made_and_taken()[0] == 0 and made_and_taken()[1] > ARTICLES - 1


def test_a_future_article_is_made_on_every_build(project):
    """Pelican makes an article dated later than now a draft (WITH_FUTURE_DATES off):
    whether it still is depends on the clock, so it is never kept."""
    root, content, cache = project
    first = sorted((content / "berita").rglob("*.md"))[0]
    text = re.sub(
        r"^(judul|title): .*$",
        r"\1: Berita Bertanggal Nanti",
        first.read_text(encoding="utf-8"),
        count=1,
        flags=re.M,
    )
    text = re.sub(r"^(tanggal|date): .*$", r"\1: 2099-01-01", text, count=1, flags=re.M)
    first.with_name("nanti.md").write_text(text, encoding="utf-8")
    for _ in range(2):
        build(root, content, cache, WITH_FUTURE_DATES=False)
    assert read_objects.last_build["made"] == 1
    assert made_and_taken()[0] == 0 and made_and_taken()[1] > ARTICLES - 1


def test_the_memo_keeps_what_the_objects_taken_asked_for(project):
    """The steps' results (cleaned HTML, videos, reading time) stay in the memo when the
    objects are taken instead of made: a build that makes them again recalls them."""
    root, content, cache = project
    build(root, content, cache)
    kept = memo_keys(cache)
    assert kept
    build(root, content, cache)
    assert made_and_taken()[0] == 0
    assert memo_keys(cache) == kept


def test_a_receiver_not_marked_restorable_makes_every_object(project):
    """A village's own plugin that hooks content_object_init: nothing is taken, as its
    receiver would not run for a taken object."""
    root, content, cache = project

    def stamp(item):
        item.stamped = True

    build(root, content, cache)
    made, _ = made_and_taken()
    signals.content_object_init.connect(stamp)
    try:
        build(root, content, cache)
        assert read_objects.last_build["enabled"] is False
        assert made_and_taken() == (0, 0)
    finally:
        signals.content_object_init.disconnect(stamp)
    build(root, content, cache)
    assert made_and_taken() == (0, made)


def test_without_the_build_cache_nothing_is_kept(project, tmp_path):
    root, content, _cache = project
    read_objects.last_build.clear()
    build_site(tmp_path / "output", content=content)
    assert read_objects.last_build == {}
    shutil.rmtree(tmp_path / "output")
