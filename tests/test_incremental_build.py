"""Differential test of the build cache (BUILD_CACHE, wartadesa/read_cache.py): after each
step of a seeded random sequence of edits to a generated site, a build that uses the cache
of the builds before it gives the same tree, byte for byte, as a clean build.

What is cached today is reading (front matter, Markdown, typogrify); every page is still
rendered. The steps nevertheless cover everything a page-level incremental build must get
right, so the test keeps its value when more is cached."""

import random
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from search.indexer import NOT_REPEATABLE
from tests.sitetools import ROOT, build_site
from wartadesa.bench import corpus as corpus_module

ARTICLES, VILLAGES, SEED = 20, 4, 11
STEPS = [
    "body",
    "title",
    "village",
    "category",
    "date",
    "add",
    "delete",
    "rename",
    "template",
    "setting",
    "image",
    "data",
]


def files_of(folder):
    """Every file's bytes, but Pagefind's few files it writes in a random order
    (search.indexer.NOT_REPEATABLE; README "Search")."""
    folder = Path(folder)
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not NOT_REPEATABLE.match(p.relative_to(folder).as_posix())
    }


def articles(content):
    return sorted((content / "berita").rglob("*.md"))


def set_field(path, keys, value):
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^({'|'.join(keys)}): .*$", re.M)
    assert pattern.search(text), (path, keys)
    path.write_text(
        pattern.sub(lambda m: f"{m.group(1)}: {value}", text, count=1), encoding="utf-8"
    )


def village_codes(content):
    return re.findall(r"kode: (\S+)", (content / "desa.yml").read_text(encoding="utf-8"))


def edit(step, content, theme, settings, rng, number):
    """Apply one kind of edit; return a short description."""
    chosen = rng.choice(articles(content))
    if step in ("delete", "rename"):  # one no other article links to (else: broken link)
        texts = [path.read_text(encoding="utf-8") for path in articles(content)]
        chosen = rng.choice(
            [path for path in articles(content) if not any(path.name in text for text in texts)]
        )
    if step == "body":
        with open(chosen, "a", encoding="utf-8") as handle:
            handle.write(f"\nParagraf tambahan nomor {number} untuk uji build ulang.\n")
    elif step == "title":
        set_field(chosen, ["judul", "title"], f"Judul Baru Nomor {number} di Desa")
    elif step == "village":
        set_field(chosen, ["desa", "village"], rng.choice(village_codes(content)))
    elif step == "category":
        set_field(chosen, ["kategori", "category"], rng.choice(["Pertanian", "Kesehatan"]))
    elif step == "date":
        set_field(chosen, ["tanggal", "date"], f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
    elif step == "add":
        text = chosen.read_text(encoding="utf-8")
        target = chosen.with_name(f"baru-{number}.md")
        target.write_text(
            re.sub(
                r"^(judul|title): .*$", rf"\1: Berita Tambahan {number}", text, count=1, flags=re.M
            ),
            encoding="utf-8",
        )
        chosen = target
    elif step == "delete":
        chosen.unlink()
    elif step == "rename":
        chosen.rename(chosen.with_name(f"nama-lain-{number}.md"))
    elif step == "template":
        base = theme / "templates" / "base.html"
        base.write_text(
            base.read_text(encoding="utf-8").replace(
                "</body>", f"<!-- versi tema {number} --></body>"
            ),
            encoding="utf-8",
        )
    elif step == "setting":
        settings["SITENAME"] = f"Warta Uji {number}"
    elif step == "image":
        picture = content / "images" / f"baru-{number}.jpg"
        Image.new("RGB", (960, 640), (40 * (number % 6), 120, 90)).save(picture, quality=80)
        set_field(chosen, ["gambar", "image"], f"images/{picture.name}")
    elif step == "data":
        # The same villages, other bytes: every cached read is stale for the new key.
        with open(content / "desa.yml", "a", encoding="utf-8") as handle:
            handle.write(f"# diubah {number}\n")
    return f"{step} {chosen.name}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    generated = corpus_module.generate(
        root / "corpus", articles=ARTICLES, villages=VILLAGES, seed=SEED
    )
    theme = root / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return root, generated.ours, theme


def test_builds_with_the_cache_match_clean_builds_after_random_edits(site):
    root, content, theme = site
    cache = root / "cache"
    settings = {"THEME": str(theme), "BUILD_CACHE": str(cache)}
    rng = random.Random(SEED)
    steps = STEPS[:]
    rng.shuffle(steps)
    incremental = root / "incremental" / "output"
    build_site(incremental, content=content, **settings)  # fills the cache
    assert any(cache.rglob("*.pickle"))
    for number, step in enumerate(steps, start=1):
        done = edit(step, content, theme, settings, rng, number)
        build_site(incremental, content=content, **settings)
        clean_settings = {k: v for k, v in settings.items() if k != "BUILD_CACHE"}
        clean = build_site(root / f"clean-{number}" / "output", content=content, **clean_settings)
        expected, found = files_of(clean.output), files_of(incremental)
        assert (sorted(set(found) - set(expected)), sorted(set(expected) - set(found))) == (
            [],
            [],
        ), done
        assert [name for name in expected if expected[name] != found[name]] == [], done
        shutil.rmtree(clean.output.parent)
    entries = list(cache.rglob("*.pickle"))
    assert len({p.parent.parent for p in entries}) == 1  # stale keys were removed
    assert len(entries) <= len(articles(content)) + 3
