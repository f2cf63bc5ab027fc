"""The rebuild scenarios of the benchmark: change the corpus, then check the rebuilt site.

Each scenario changes our copy of the corpus the way an operator would (one article's
text, title, village or date; one article added; one deleted) and returns a `Change`
whose `check(output)` says whether the change is visible in the rebuilt output folder:
the page at the article's URL (computed from our URL settings), the new village's page,
the `<time datetime>` of the article, a page that must be gone.
"""

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from . import corpus as corpus_module

KINDS = ("body", "title", "village", "date", "add", "delete")
ONE_ARTICLE = ("body", "title", "village", "date")  # "one article changed" (issue 15)
DESCRIPTIONS = {
    "body": "teks berita diubah (body text)",
    "title": "judul diubah (title)",
    "village": "dipindah ke desa lain (village)",
    "date": "tanggal diubah (date)",
    "add": "satu berita ditambah (article added)",
    "delete": "satu berita dihapus (article deleted)",
}
# A rebuild with nothing changed (`unchanged`): not one of KINDS (no target of its own), the
# part of every rebuild's time that does not depend on the change.
UNCHANGED = "none"
UNCHANGED_DESCRIPTION = "tidak ada yang diubah (nothing changed)"
LINK = re.compile(r"\(\{filename\}/([^)]+)\)")  # a link to another article, as the corpus writes
# Front matter keys the corpus writes (corpus.ENGLISH_KEYS / INDONESIAN_KEYS).
KEYS = {
    name: (corpus_module.ENGLISH_KEYS[name], corpus_module.INDONESIAN_KEYS[name])
    for name in ("title", "date", "village", "category", "image")
}


@dataclass
class Change:
    kind: str
    path: str  # the content file changed, added or deleted (relative to the content folder)
    check: Callable[[Path], bool]  # True when the change is visible in the output folder


class Pages:
    """Where our configuration writes an article's and a village's pages."""

    def __init__(self, settings):
        self.settings = settings

    def article(self, title, date):
        value = self.settings
        slug = slugify(
            title,
            regex_subs=value.get(
                "SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
            ),
            preserve_case=value.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=value.get("SLUGIFY_USE_UNICODE", False),
        )
        return value["ARTICLE_SAVE_AS"].format(slug=slug, date=date)

    def article_url(self, title, date):
        return self.article(title, date).removesuffix("index.html")

    def village(self, output, code):
        """Every page (1, 2, ...) of the village page showing official `code`, or []."""
        root = Path(output) / self.settings["VILLAGE_URL"].split("{", 1)[0]
        for first in root.glob("*/index.html"):
            if f"<code>{code}</code>" in first.read_text(encoding="utf-8"):
                return [first] + sorted(first.parent.glob("*/index.html"))
        return []


def _read(output, relative):
    page = Path(output) / relative
    return page.read_text(encoding="utf-8") if page.is_file() else ""


def _field(name):
    return re.compile(rf"^({'|'.join(KEYS[name])}): .*$", re.M)


def has_field(path, name):
    """Whether the article at `path` has front matter field `name` (English or Indonesian
    key): about one article in ten of the corpus names a region instead of a village."""
    return bool(_field(name).search(path.read_text(encoding="utf-8")))


def set_field(path, name, value):
    """Replace the value of front matter field `name` (English or Indonesian key)."""
    text = path.read_text(encoding="utf-8")
    pattern = _field(name)
    if not pattern.search(text):
        raise ValueError(f"{path}: no {name} field")
    path.write_text(pattern.sub(lambda m: f"{m.group(1)}: {value}", text, count=1), "utf-8")


def unlinked(content, paths):
    """Of the articles at `paths` (under the folder `content`), those no article links to:
    deleting or renaming one of them breaks no link (else the build rightly fails)."""
    linked = set()
    for path in Path(content).rglob("*.md"):
        linked.update(LINK.findall(path.read_text(encoding="utf-8")))
    return [p for p in paths if Path(p).relative_to(content).as_posix() not in linked]


def body_line(number):
    """(a paragraph to add to an article, the part of it to look for on its page)"""
    marker = f"Pembaruan nomor {number}:"  # typogrify may join the last words: the start
    return f"{marker} berita ini diperbarui untuk uji build ulang.", marker


def change_body(site, article, pages, number):
    line, marker = body_line(number)
    with open(site.ours / article.path, "a", encoding="utf-8") as handle:
        handle.write(f"\n{line}\n")
    page = pages.article(article.title, article.date)
    return Change("body", article.path, lambda output: marker in _read(output, page))


@dataclass
class PreviewChange:
    """The live preview's scenario: `line` is appended to `path` by the measured process
    itself, between its two builds (wartadesa.bench.child preview)."""

    path: str
    line: str
    check: Callable[[Path], bool]


def preview_change(site, settings, seed, changed=()):
    """One article's text changed while `invoke livereload` runs (not one already changed
    by the other scenarios, `changed`: an article still in the corpus, with one village)."""
    rng = random.Random(seed + 1)
    changed = set(changed)
    article = rng.choice(
        [
            a
            for a in site.articles
            if len(a.villages) == 1 and not a.regions and a.path not in changed
        ]
    )
    line, marker = body_line(0)  # the scenarios' numbers start at 1
    page = Pages(settings).article(article.title, article.date)
    return PreviewChange(article.path, line, lambda output: marker in _read(output, page))


def change_title(site, article, pages, number):
    marker = f"Kabar Baru Nomor {number}"
    title = f"{marker} dari {article.title}"
    set_field(site.ours / article.path, "title", title)
    old, new = pages.article(article.title, article.date), pages.article(title, article.date)

    def check(output):
        return marker in _read(output, new) and (old == new or not (Path(output) / old).exists())

    return Change("title", article.path, check)


def change_village(site, article, pages, number):
    old = article.villages[0]
    new = next(v.code for v in site.villages if v.code != old)
    set_field(site.ours / article.path, "village", new)
    link = pages.article_url(article.title, article.date) + '"'

    def check(output):
        listed = [link in page.read_text(encoding="utf-8") for page in pages.village(output, new)]
        gone = [link in page.read_text(encoding="utf-8") for page in pages.village(output, old)]
        return any(listed) and not any(gone)

    return Change("village", article.path, check)


def change_date(site, article, pages, number):
    year = 2022 if article.date.year != 2022 else 2023
    date = article.date.replace(year=year, month=number % 12 + 1, day=15)
    set_field(site.ours / article.path, "date", f"{date:%Y-%m-%d}")
    old, new = pages.article(article.title, article.date), pages.article(article.title, date)

    def check(output):
        return (
            f'datetime="{date:%Y-%m-%d}' in _read(output, new) and not (Path(output) / old).exists()
        )

    return Change("date", article.path, check)


def add_article(site, pages, rng):
    """A new article from the corpus generator, dated after all others (so on the home page)."""
    taken = {corpus_module.slugify(a.title) for a in site.articles}
    date = max(a.date for a in site.articles) + dt.timedelta(days=1)
    images = sorted(p.name for p in (site.ours / "images").iterdir())
    village = rng.choice(site.villages)
    number = len(site.articles)
    article = corpus_module.write_article(site, number, date, True, village, images, rng, taken)
    site.articles.append(article)
    page = pages.article(article.title, article.date)
    link = pages.article_url(article.title, article.date) + '"'

    def check(output):
        return bool(_read(output, page)) and link in _read(output, "index.html")

    return Change("add", article.path, check)


def delete_article(site, pages, rng, keep=()):
    """Delete an article no other article links to (else: a broken link, the build fails)."""
    free = [a for a in site.articles if a not in keep]
    free_paths = set(unlinked(site.ours, [site.ours / a.path for a in free]))
    free = [a for a in free if site.ours / a.path in free_paths]
    article = rng.choice(free)
    (site.ours / article.path).unlink()
    site.articles.remove(article)
    page = pages.article(article.title, article.date)
    return Change("delete", article.path, lambda output: not (Path(output) / page).exists())


def unchanged(output):
    """The scenario of a rebuild with nothing changed (made before the next change is):
    its check is that the rebuilt output holds the files it held before, byte for byte
    (compared as the differential run compares a cached build with a clean one:
    `differential.tree_of`, but for the folders)."""
    from .differential import tree_of  # it uses this module's edits

    before = tree_of(output)
    return Change(
        UNCHANGED,
        "",
        lambda rebuilt: tree_of(rebuilt)[:2] == before[:2],  # files, random-order files
    )


def make_changes(site, settings, seed, rounds=1):
    """Yield the scenarios in the order of KINDS, `rounds` times, each applied just before
    it is yielded. Every round changes other articles (never one changed before: the
    checks compute a page's address from the corpus's title and date)."""
    rng = random.Random(seed)
    pages = Pages(settings)
    changed = set()
    for round_number in range(rounds):
        single = [
            a
            for a in site.articles
            if len(a.villages) == 1 and not a.regions and a.path not in changed
        ]
        chosen = rng.sample(single, len(ONE_ARTICLE))
        changed.update(a.path for a in chosen)
        changes = (change_body, change_title, change_village, change_date)
        first = round_number * len(ONE_ARTICLE) + 1
        for number, (change, article) in enumerate(zip(changes, chosen, strict=True), start=first):
            yield change(site, article, pages, number)
        added = add_article(site, pages, rng)
        changed.add(added.path)
        yield added
        yield delete_article(site, pages, rng, keep=[a for a in site.articles if a.path in changed])
