"""Work Pelican would repeat, done once (wartadesa/speedups.py): the same site as without
the speedups, byte for byte; the pieces behave as what they replace."""

import collections
import contextlib
import shutil

import jinja2
import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from search.indexer import NOT_REPEATABLE
from tests.sitetools import ROOT, build_site
from wartadesa import build as build_module
from wartadesa.speedups import Members, _memoized_slugify, _translations_found_once


def files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not NOT_REPEATABLE.match(p.relative_to(folder).as_posix())
    }


def test_the_site_is_the_same_without_the_speedups(tmp_path, monkeypatch):
    fast = build_site(tmp_path / "fast", BUILD_WORKERS=1)
    for name in ("frozen_urls", "computed_once", "settled_heap"):
        monkeypatch.setattr(build_module, name, contextlib.nullcontext)
    monkeypatch.setattr(build_module, "templates_read_once", lambda _settings: None)
    slow = build_site(tmp_path / "slow", BUILD_WORKERS=1)
    fast_files, slow_files = files(fast.output), files(slow.output)
    assert sorted(fast_files) == sorted(slow_files)
    assert [name for name in slow_files if slow_files[name] != fast_files[name]] == []
    # Tag and category pages (their article lists are Members) exist and list articles.
    for prefix in ("tag/", "kategori/"):
        pages = [name for name in fast_files if name.startswith(prefix)]
        assert pages, prefix
        assert any(b"/berita/2024/" in fast_files[name] for name in pages), prefix


def test_a_build_does_not_ask_whether_its_templates_changed(tmp_path, monkeypatch):
    """Every template is read once per Jinja environment; no page asks its file's
    modification time again (auto_reload off), and a build in the same process (the live
    preview) still reads a changed template."""
    asked = []
    get_source = jinja2.FileSystemLoader.get_source

    def counting(self, environment, template):
        source, filename, uptodate = get_source(self, environment, template)

        def counted():
            asked.append(template)
            return uptodate()

        return source, filename, counted

    monkeypatch.setattr(jinja2.FileSystemLoader, "get_source", counting)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    first = build_site(tmp_path / "one", BUILD_WORKERS=1, THEME=str(theme))
    assert asked == []
    assert b"<!-- tema diubah -->" not in (first.output / "index.html").read_bytes()
    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("</body>", "<!-- tema diubah --></body>"),
        encoding="utf-8",
    )
    second = build_site(tmp_path / "two", BUILD_WORKERS=1, THEME=str(theme))
    assert b"<!-- tema diubah -->" in (second.output / "index.html").read_bytes()
    assert asked == []


class Item:
    pass


class Equal:
    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, Equal) and other.value == self.value

    __hash__ = None


def test_members_answer_in_as_a_list_does():
    a, b, c = Item(), Item(), Item()
    members = Members([a, b])
    assert a in members and b in members and c not in members
    members.append(c)  # a change after the first question
    assert c in members
    members[0] = Item()
    assert a not in members
    members.remove(b)
    assert b not in members
    assert members == [members[0], c] and isinstance(members, list)
    # Objects with their own equality are compared as a list compares them.
    equal = Members([Equal(1)])
    assert Equal(1) in equal and Equal(2) not in equal
    assert [x for x in [a, b, c] if x in Members([c, a])] == [a, c]


class Written:
    """What process_translations reads of an article."""

    def __init__(self, number, slug, lang, metadata, folder, month):
        from types import SimpleNamespace

        self.number, self.slug, self.lang = number, slug, lang
        self.date = SimpleNamespace(year=2024, month=month)
        self.in_default_lang = lang == "id"
        self.metadata = metadata
        self.source_path = f"{folder}/{number}.md"


def _articles(random, size, folder):
    slugs = [f"s{random.randrange(size * 2)}" for _ in range(size)]
    if random.random() < 0.5:  # most sites: every slug its own
        slugs = [f"s{n}" for n in random.sample(range(size * 3), size)]
    items = []
    for number, slug in enumerate(slugs):
        metadata = {}
        if random.random() < 0.03:
            metadata["translation"] = random.choice(["true", "false", "True"])
        lang, month = random.choice(["id", "id", "en"]), random.choice([1, 1, 1, 2])
        items.append(Written(number, slug, lang, metadata, folder, month))
    return items


def _split_seen(split, items, translation_id, caplog):
    caplog.clear()
    given = list(items)
    try:
        originals, translations = split(given, translation_id=translation_id)
    except (TypeError, AttributeError) as error:
        return ("raised", type(error).__name__, str(error))
    return (
        [a.number for a in originals],
        [a.number for a in translations],
        [a.number for a in given],  # Pelican sorts the list it is given
        {a.number: [t.number for t in a.translations] for a in items if hasattr(a, "translations")},
        # Each call's own folder (Pelican's log filter drops a warning said before).
        [r.getMessage().replace(items[0].source_path.split("/")[0], "") for r in caplog.records],
    )


def test_originals_and_translations_found_as_pelican_finds_them(caplog):
    import random as random_module

    from pelican.utils import process_translations

    asked = []

    def pelicans(content_list, translation_id=None):
        asked.append(translation_id)
        return process_translations(content_list, translation_id=translation_id)

    fast = _translations_found_once(pelicans)
    random = random_module.Random(15)
    shortcuts, calls = collections.Counter(), 0
    # Ours is ARTICLE_TRANSLATION_ID = ("slug", "date.year", "date.month") (defaults.py).
    monthly = ("slug", "date.year", "date.month")
    for size in [0, 1, 2, 5, 40] * 40:
        seed = random.random()
        for translation_id in ["slug", ["slug", "lang"], monthly, None, "", "missing", ()]:
            calls += 1
            mine = _articles(random_module.Random(seed), size, f"mine{calls}")
            theirs = _articles(random_module.Random(seed), size, f"theirs{calls}")
            asked.clear()
            found = _split_seen(fast, mine, translation_id, caplog)
            expected = _split_seen(process_translations, theirs, translation_id, caplog)
            assert found == expected, (size, translation_id)
            if not asked and size > 1:
                shortcuts[str(translation_id)] += 1
    # The shortcut itself was compared, many times, for one name and for ours.
    assert shortcuts[str(monthly)] > 50 and shortcuts["slug"] > 50, shortcuts


@pytest.mark.parametrize("preserve_case", [False, True])
@pytest.mark.parametrize("use_unicode", [False, True])
def test_memoized_slugs_are_pelicans(preserve_case, use_unicode):
    memoized = _memoized_slugify(slugify)
    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    names = ["Kabar Desa", "Dana Desa 2024", "Ça va <b>bien</b>", "  PKK & Posyandu ", "Kabar Desa"]
    for name in names:
        for regex_subs in (subs, [], [(r"desa", "kampung")]):
            expected = slugify(
                name, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode
            )
            found = memoized(
                name, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode
            )
            assert found == expected, (name, regex_subs)


def test_relative_source_paths_are_pelicans(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from pelican.contents import Content

    from wartadesa.speedups import _relative_source_path

    (tmp_path / "a" / "content").mkdir(parents=True)
    (tmp_path / "b" / "content").mkdir(parents=True)
    original = Content.get_relative_source_path
    for folder in ("content", str(tmp_path / "a" / "content")):
        for cwd in ("a", "b"):  # a relative content folder follows the current folder
            monkeypatch.chdir(tmp_path / cwd)
            for source in (
                str(tmp_path / "a/content/berita/x.md"),
                str(tmp_path / "b/content/berita/y.md"),
                "berita/z.md",
                None,
            ):
                item = SimpleNamespace(source_path=source, settings={"PATH": folder})
                assert _relative_source_path(item) == original(item), (folder, cwd, source)
                other = str(tmp_path / "a/content/pages/p.md")
                assert _relative_source_path(item, other) == original(item, other)


@pytest.mark.parametrize("link_regex", [None, r"<<(?P<what>.*?)>>"])
def test_static_links_are_pelicans(tmp_path, link_regex):
    """Seeded random texts with and without links of every kind, with Pelican's link syntax
    and another (INTRASITE_LINK_REGEX): the links to static files found are Pelican's."""
    import random

    from pelican.contents import Article

    from wartadesa.speedups import _original_static_links, _static_links

    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path))
    if link_regex:
        settings["INTRASITE_LINK_REGEX"] = link_regex
    opening, closing = ("<<", ">>") if link_regex else ("{", "}")
    rng = random.Random(15)
    pieces = ["Kabar desa ", "<p>", "</p>", "static ", "attachment ", '<a href="', '">x</a>']
    for kind in ("static", "attach", "filename", "category", "statis"):
        for target in ("images/a.jpg", "/pages/b.pdf", "../c.png?x=1#y"):
            pieces.append(f'<img src="{opening}{kind}{closing}{target}">')
            pieces.append(f'<a href="|{kind}|{target}">tautan</a>')
    found_any = 0
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        article = Article("", {"title": "x"}, settings, str(tmp_path / "berita" / "a.md"))
        article._content = text  # as read: not through the receivers of content_object_init
        expected = _original_static_links(article)
        assert _static_links(article) == expected, text
        found_any += bool(expected)
    assert found_any > 50  # links were found, not only passed over


def random_texts(pieces, seed, count, lengths):
    """`count` seeded random texts, each of a random number (within `lengths`) of pieces."""
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(*lengths))) for _ in range(count)]


def test_smartypants_passing_over_text_changes_nothing():
    """typogrify's smartypants with the conversions passing over text without their
    characters gives the same HTML: seeded random texts made of the characters each
    conversion looks for, tags around them, and Indonesian news text."""

    import smartypants
    from typogrify.filters import typogrify

    from wartadesa.speedups import smartypants_passing_over

    pieces = [
        "'",
        '"',
        "`",
        "``",
        "''",
        "-",
        "--",
        "---",
        ".",
        "...",
        ". . .",
        "\\",
        "\\\\",
        "&quot;",
        " ",
        "kata",
        "RT 03",
        "80s",
        "'90",
        "<em>",
        "</em>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<p>",
        "</p>",
        "\n",
        "Desa",
        "(",
        ")",
        "!",
        "?",
    ]
    texts = random_texts(pieces, seed=15, count=3000, lengths=(1, 40))
    texts += [
        '<p>Kepala Desa berkata, "Dana desa 2024 naik -- bukan turun..." Warga setuju.</p>',
        "<p>Rapat RT/RW pada 12-13 Juni; hadir 40 orang.</p><pre>'kode' -- x</pre>",
        "<p>Tanpa tanda kutip sama sekali, hanya titik.</p>",
    ]
    expected = [(smartypants.smartypants(t), typogrify(t)) for t in texts]
    with smartypants_passing_over():
        found = [(smartypants.smartypants(t), typogrify(t)) for t in texts]
    assert found == expected
    assert smartypants.convert_quotes.__name__ == "convert_quotes"  # restored after
    assert smartypants.convert_quotes("tanpa kutip") == "tanpa kutip"


def test_widont_at_block_ends_is_typogrifys_widont():
    """The space before the last word, looked for only before each place a match can end,
    is typogrify's own widont on seeded random texts made of the tags and characters its
    pattern names (inline and block tags, tags that only start like them, attributes
    holding `<`, white space of every kind, lone `<` and `>`), on typogrify's own examples
    and on whole typogrified news; within typogrify_widont_at_block_ends typogrify uses it,
    and after the block its own again."""

    from typogrify import filters

    from wartadesa.speedups import typogrify_widont_at_block_ends, widont_at_block_ends

    pieces = (
        ["kata", "x", "&amp;", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2003", "\x1c", "\x85"]
        + ["<p>", "</p>", "<h2>", "</h2>", "</h1>", "<li>", "</li>", "<dt>", "</dt>", "</dd>"]
        + ['<a href="x">', "</a>", "<em>", "</em>", "<b>", "</b>", "<i>", "</i>", "<strong>"]
        + ["</strong>", '<span class="c">', "</span>", "<br>", '<img src="a b">', "<div>"]
        + ["</div>", "<pre>", '<abbr title="x<y">', "</abbr>", "</blockquote>", "<h7>"]
        + ['<iframe src="y">', "</a >", "</ a>", "<a", "</", "/", "p>", "</bx>", ">", "<"]
    )
    texts = random_texts(pieces, seed=21, count=40000, lengths=(0, 16))
    texts += [
        "A very simple test",
        "Test",
        " Test",
        "<ul><li>Test</p></li><ul>",
        "<ul><li> Test</p></li><ul>",
        "<p>In a couple of paragraphs</p><p>paragraph two</p>",
        '<h1><a href="#">In a link inside a heading</i> </a></h1>',
        '<h1><a href="#">In a link</a> followed by other text</h1>',
        '<h1><a href="#"></a></h1>',
        "<div>Divs get no love!</div>",
        "<pre>Neither do PREs</pre>",
        "<div><p>But divs with paragraphs do!</p></div>",
    ]
    news = (
        '<h2>Musyawarah "Dana Desa" 2024</h2>\n<p>Warga RT 03 &amp; BPD hadir -- '
        'lihat <a href="https://desa.id/x">laporan <em>lengkap</em></a>.</p>\n<ul>\n'
        "<li>Jalan rabat beton</li>\n<li>Posyandu <strong>lansia</strong> </li>\n</ul>\n"
    )
    texts += [news * count for count in range(1, 4)]
    expected = [filters.widont(text) for text in texts]
    assert [widont_at_block_ends(text) for text in texts] == expected
    assert sum(e != t for e, t in zip(expected, texts, strict=True)) > 300  # spaces were set
    typografied = filters.typogrify(news)
    with typogrify_widont_at_block_ends():
        assert filters.widont is widont_at_block_ends
        assert filters.typogrify(news) == typografied
    assert filters.widont is not widont_at_block_ends


def test_remembered_url_expansions_are_pelicans(monkeypatch):
    """Within frozen_urls (before the freeze), an article's URL settings are formatted once
    per set of values; after every kind of change, each address is the one Pelican's own
    expansion gives, and a setting that cannot be remembered is still Pelican's."""
    import copy
    import datetime as dt
    import random
    import time

    from pelican.contents import Article, Content, Page
    from pelican.urlwrappers import Author, Category
    from pelican.utils import SafeDatetime

    from wartadesa import speedups
    from wartadesa.speedups import _original_expand_settings, frozen_urls

    formatted = []  # the expansions made through the remembering one

    def counted(content, key, klass=None):
        formatted.append(key)
        return _original_expand_settings(content, key, klass)

    def counted_format(template, names, values):
        formatted.append(template)
        return format_(template, names, values)

    format_ = speedups._format
    monkeypatch.setattr(speedups, "_original_expand_settings", counted)
    monkeypatch.setattr(speedups, "_format", counted_format)

    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(
        PATH="/site/content",
        ARTICLE_URL="berita/{date:%Y}/{date:%m}/{slug}/",
        ARTICLE_SAVE_AS="berita/{date:%Y}/{date:%-m}/{slug}/index.html",
        ARTICLE_LANG_URL="{lang}/{category}/{author}/{date.day}/{slug}/",
        ARTICLE_LANG_SAVE_AS="{path}/{rubrik}/index.html",
        DRAFT_URL="draf/{tags}/{slug}/",  # a list, changed in place below
        DRAFT_SAVE_AS="draf/{date:{pola}}/index.html",  # a nested field
        PAGE_URL="{slug}/",
        PAGE_SAVE_AS="{slug}/{date}/index.html",  # no date: the current time
    )

    def expected(content, key):
        if hasattr(content, "override_" + key):
            return getattr(content, "override_" + key)
        key = key if content.in_default_lang else f"lang_{key}"
        if isinstance(content, Article):
            klass = "draft" if content.status == "draft" else "article"
            return _original_expand_settings(content, key, klass)
        return _original_expand_settings(content, key)

    def addresses(content):
        found = []
        for key in ("url", "save_as"):
            try:
                found.append(content.get_url_setting(key))
            except (KeyError, ValueError, AttributeError) as error:
                found.append(type(error).__name__)
        return found

    def pelicans(content):
        found = []
        for key in ("url", "save_as"):
            try:
                found.append(expected(content, key))
            except (KeyError, ValueError, AttributeError) as error:
                found.append(type(error).__name__)
        return found

    rng = random.Random(7)
    with frozen_urls():
        assert Content._expand_settings is not _original_expand_settings
        articles = [
            Article(
                "<p>isi</p>",
                metadata={
                    "title": f"Berita {n}",
                    "slug": f"berita-{n}",
                    "date": SafeDatetime(2024, 1 + n % 12, 1 + n % 28, 8, 30),
                    "rubrik": "warta",
                    "tags": ["a"],
                    "pola": "%Y",
                    **({"lang": "jv"} if n % 2 else {}),  # not the site's language
                },
                settings=settings,
                source_path=f"/site/content/berita/berita-{n}.md",
            )
            for n in range(6)
        ]
        page = Page("<p>x</p>", metadata={"title": "Profil", "slug": "profil"}, settings=settings)
        changes = [
            lambda a: setattr(a, "slug", a.slug + "-baru"),
            lambda a: setattr(a, "slug", str(a.slug)),  # an equal text, another object
            lambda a: setattr(a, "date", SafeDatetime(2023, 12, 31, 23, 59)),
            lambda a: setattr(a, "date", a.date.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))),
            lambda a: setattr(a, "lang", "jv"),
            lambda a: setattr(a, "lang", "su"),
            lambda a: setattr(a, "category", Category("Pemerintahan", settings)),
            lambda a: setattr(a, "author", Author("Operator Desa", settings)),
            lambda a: a.metadata.__setitem__("rubrik", "kabar"),
            lambda a: a.metadata.pop("rubrik", None),  # a missing value: KeyError
            lambda a: a.metadata.__setitem__("path", "lain/tempat.md"),
            lambda a: a.metadata["tags"].append("b"),  # a list changed in place
            lambda a: setattr(a, "status", "draft"),
            lambda a: setattr(a, "status", "published"),
            # Another text naming the same values.
            lambda a: a.settings.__setitem__(
                "ARTICLE_URL", f"kabar{rng.randint(1, 9)}/{{date:%Y}}/{{slug}}/"
            ),
            lambda a: setattr(a, "override_url", "tetap/"),
        ]
        first = articles[0]
        assert addresses(first) == pelicans(first)
        formatted.clear()
        assert addresses(first) == addresses(first) == pelicans(first)
        assert formatted == []  # the same values: remembered
        for _ in range(600):
            article = rng.choice(articles)
            assert addresses(article) == pelicans(article)
            rng.choice(changes)(article)
            assert addresses(article) == pelicans(article)
        # A page without a date is saved under the current time, as Pelican's is.
        url, saved = addresses(page)
        time.sleep(0.05)  # more than a coarse clock's tick
        assert url == "profil/" and saved.startswith("profil/") and addresses(page)[1] != saved
    assert Content._expand_settings is speedups._original_expand_settings  # put back


def test_an_object_taken_back_keeps_its_url_expansions(monkeypatch):
    """An article as read_objects keeps it (its state pickled with `lasting_expansions`,
    the settings its own copy) is not formatted again by the build that takes it back; once
    a value its addresses name or the setting's text changes, it is, and every address is
    still the one Pelican's own expansion gives."""
    import copy
    import pickle

    from pelican.contents import Article
    from pelican.utils import SafeDatetime

    from wartadesa import speedups
    from wartadesa.read_objects import LEFT_OUT
    from wartadesa.speedups import _original_expand_settings, frozen_urls, lasting_expansions

    formatted = []
    format_ = speedups._format

    def counted_format(template, names, values):
        formatted.append(template)
        return format_(template, names, values)

    monkeypatch.setattr(speedups, "_format", counted_format)
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(
        ARTICLE_URL="berita/{date:%Y}/{date:%m}/{slug}/",
        ARTICLE_SAVE_AS="berita/{date:%Y}/{date:%m}/{slug}/index.html",
    )

    def pelicans(article):
        return [_original_expand_settings(article, key, "article") for key in ("url", "save_as")]

    def addresses(article):
        return [article.url, article.save_as]

    with frozen_urls():
        made = Article(
            "<p>isi</p>",
            metadata={"title": "Kerja bakti", "date": SafeDatetime(2024, 3, 9, 8, 30)},
            settings=settings,
            source_path="/site/content/berita/kerja-bakti.md",
        )
        kept = {k: v for k, v in vars(made).items() if k not in LEFT_OUT}
        expansions = lasting_expansions(made)
        assert len(expansions) == 2 and len(formatted) == 2  # url and save_as, once each
        kept["_wartadesa_urls"] = expansions
        # Taken back by a later build: that build's settings (equal texts, other objects).
        state = pickle.loads(pickle.dumps({k: v for k, v in kept.items() if k != "settings"}))
        later = dict(settings)
        for name in ("ARTICLE_URL", "ARTICLE_SAVE_AS"):
            later[name] = "".join(list(settings[name]))
            assert later[name] == settings[name] and later[name] is not settings[name]
        state["settings"] = later
        taken = Article.__new__(Article)
        taken.__dict__.update(state)
        formatted.clear()
        assert addresses(taken) == pelicans(taken) == addresses(made)
        assert formatted == []  # nothing formatted again
        taken.slug = "kerja-bakti-dusun"
        assert (
            addresses(taken)
            == pelicans(taken)
            == ["berita/2024/03/kerja-bakti-dusun/", "berita/2024/03/kerja-bakti-dusun/index.html"]
        )
        assert len(formatted) == 2
        taken.settings["ARTICLE_URL"] = "kabar/{date:%Y}/{slug}/"
        assert addresses(taken) == pelicans(taken)
        assert taken.url == "kabar/2024/kerja-bakti-dusun/" and len(formatted) == 3


def test_url_dates_formatted_as_pelican_formats_them():
    """The fast `strftime` of a URL setting's date gives Pelican's text (or its error) for
    every pattern: zero-stripping `%-m`, directives Pelican leaves alone (`%e`, `%k`),
    `%%`, a stray `%`, nested and attribute fields."""
    import datetime as dt
    import random

    from pelican.utils import SafeDatetime

    from wartadesa.speedups import _format

    patterns = ["%Y", "%m", "%-m", "%-d", "%e", "%k", "%Y%m%d", "%%Y", "%b", "%B %Y", "%j"]
    patterns += ["%a %d %B %Y", "%H:%M", "%y-%U", "x%", "%G-W%V-%u", "%z%Z", "%c", "%-%"]
    templates = [f"berita/{{date:{p}}}/{{slug}}/{{{{x}}}}" for p in patterns]
    templates += ["{date.year}/{slug}/", "{date!s}/{slug}", "{date}/{slug}/", "{slug:>12}/"]
    rng = random.Random(12)
    compared = 0
    for _ in range(400):
        zone = rng.choice([None, dt.UTC, dt.timezone(dt.timedelta(hours=7))])
        date = SafeDatetime(
            rng.randint(1, 2999), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
            rng.randint(0, 59), tzinfo=zone,
        )  # fmt: skip
        for template in templates:
            try:
                expected = template.format(date=date, slug="kabar-desa")
            except ValueError as error:
                expected = type(error)
            try:
                found = _format(template, ("date", "slug"), (date, "kabar-desa"))
            except ValueError as error:
                found = type(error)
            assert found == expected, (template, date)
            compared += 1
    assert compared == 400 * len(templates)


def test_dates_written_out_as_pelican_writes_them():
    """Within a build, `SafeDatetime.strftime` (an article's `locale_date`) gives Pelican's
    text for every pattern: plain ones by Python's `strftime`, the rest by Pelican's."""
    import datetime as dt
    import random

    from pelican.utils import SafeDatetime
    from pelican.utils import strftime as pelicans

    from wartadesa import speedups

    patterns = ["%a %d %B %Y", "%d/%m/%Y %H:%M", "%-d %B %Y", "%e %b", "%A, %-I:%M %p", "%x"]
    patterns += ["%Y-%m-%dT%H:%M:%S%z", "100%% %Y", "x%", "%j %U %W", "", "tanpa pola"]
    rng = random.Random(3)
    dates = [
        SafeDatetime(
            rng.randint(1, 2999),
            rng.randint(1, 12),
            rng.randint(1, 28),
            rng.randint(0, 23),
            rng.randint(0, 59),
            tzinfo=rng.choice([None, dt.UTC]),
        )
        for _ in range(200)
    ]

    def outcome(function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except ValueError as error:  # Pelican's for a stray `%`
            return type(error)

    with speedups.computed_once():
        assert SafeDatetime.strftime is speedups._strftime
        for date in dates:
            for pattern in patterns:
                found, expected = outcome(date.strftime, pattern), outcome(pelicans, date, pattern)
                assert found == expected, (pattern, date)
                unsafe = outcome(date.strftime, pattern, safe=False)
                assert unsafe == outcome(dt.datetime.strftime, date, pattern)
    assert SafeDatetime.strftime is speedups._original_strftime  # put back


def test_the_build_keeps_its_objects_settled_until_it_ends(tmp_path, monkeypatch):
    """The objects of the Pelican run stay frozen (out of the collector's walks) while the
    index is made, and are handed back when the build ends; give_back_memory (a large
    index) hands them back before collecting."""
    import gc

    import search.indexer as indexer

    seen = []
    index_site = build_module.index_site

    def indexing(*args, **kwargs):
        seen.append(("index", gc.get_freeze_count()))
        return index_site(*args, **kwargs)

    give_back = build_module.give_back_memory

    def giving_back():
        give_back()
        seen.append(("given back", gc.get_freeze_count()))

    monkeypatch.setattr(build_module, "index_site", indexing)
    monkeypatch.setattr(build_module, "give_back_memory", giving_back)
    build_site(tmp_path / "small", BUILD_WORKERS=1)  # a few pages: nothing given back
    assert [what for what, _ in seen] == ["index"] and seen[0][1] > 1000, seen
    assert gc.get_freeze_count() == 0

    seen.clear()
    monkeypatch.setattr(indexer, "LARGE_INDEX_PAGES", 0)
    build_site(tmp_path / "large", BUILD_WORKERS=1)
    assert [what for what, _ in seen] == ["index", "given back"], seen
    assert seen[0][1] > 1000 and seen[1][1] == 0, seen
    assert gc.get_freeze_count() == 0


def test_the_heap_is_settled_as_the_content_is_read(tmp_path, monkeypatch):
    """While the site is read, the objects made since the last settling are collected and
    the survivors frozen: the frozen part grows as content is read, and the cycles left
    behind meanwhile are collected before writing starts."""
    import gc

    from pelican.plugins import signals

    from wartadesa import speedups

    monkeypatch.setattr(speedups, "SETTLE_EVERY", 2)
    frozen, made, collected, at_writing = [], [], [], []

    class Cycle:
        def __init__(self):
            self.me = self
            made.append(1)

        def __del__(self):
            collected.append(1)

    def reading(_sender, **_kwargs):
        frozen.append(gc.get_freeze_count())
        Cycle()  # garbage only a collection finds

    def writing(_sender):
        at_writing.append((len(made), len(collected)))

    signals.article_generator_context.connect(reading)
    signals.get_writer.connect(writing)
    try:
        site = build_site(tmp_path / "out", BUILD_WORKERS=1)
    finally:
        signals.article_generator_context.disconnect(reading)
        signals.get_writer.disconnect(writing)
    assert len(list(site.output.glob("berita/**/index.html"))) >= 4
    assert len(frozen) >= 4 and frozen[0] > 1000, frozen  # settled when reading started
    assert len(set(frozen)) >= len(frozen) // 2, frozen  # and again every two read
    # It grows; a frozen object whose last reference goes meanwhile is freed, and leaves
    # the count (a CI run saw 169,727 then 169,726).
    assert frozen[-1] > frozen[0], frozen
    assert min(b - a for a, b in zip(frozen, frozen[1:], strict=False)) > -100, frozen
    assert at_writing == [(len(frozen), len(frozen))]  # none kept frozen with the living
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("ending", ["exit_code", "plain"])
def test_a_process_ending_through_exit_code_does_not_walk_its_objects_again(tmp_path, ending):
    """Objects left when the process ends (cycles, as a build leaves them) are not collected
    on the way out after exit_code; without it the interpreter collects them."""
    import subprocess
    import sys

    record = tmp_path / "collected.txt"
    script = f"""
import gc, os, sys
sys.path.insert(0, {str(ROOT)!r})
from wartadesa.speedups import exit_code

RECORD = os.open({str(record)!r}, os.O_WRONLY | os.O_CREAT | os.O_APPEND)


class Node:
    def __del__(self, write=os.write, record=RECORD):  # one byte per object collected
        write(record, b".")


kept = []
for _ in range(20000):
    a, b = Node(), Node()
    a.other, b.other = b, a
    kept.append(a)
gc.disable()  # as in a build: nothing collected before the end
kept = None
sys.exit(exit_code(0) if {ending == "exit_code"!r} else 0)
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    collected = len(record.read_bytes())
    if ending == "exit_code":
        assert collected == 0, collected
    else:
        assert collected == 40000, collected


def test_slugs_are_kept_for_the_next_build_and_are_pelicans(tmp_path):
    """With the build cache, a title's slug made in one build is taken in the next (the
    memo's slug table), and is Pelican's; without it, slugify is asked again."""
    from front_matter import memo

    asked = []

    def counted(value, **options):
        asked.append(value)
        return slugify(value, **options)

    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    titles = ["Kerja Bakti Dusun Krajan", "Ça va <b>bien</b>", "BUMDes & Air Bersih"]
    memo.install(tmp_path / "memo")
    try:
        first = _memoized_slugify(counted)
        made = [first(title, regex_subs=subs) for title in titles]
        assert made == [slugify(title, regex_subs=subs) for title in titles]
        assert len(asked) == len(titles)
        memo._memo.save()
        memo.install(tmp_path / "memo")  # the next build
        asked.clear()
        again = _memoized_slugify(counted)
        assert [again(title, regex_subs=list(subs)) for title in titles] == made
        assert asked == []
        assert again("Judul Baru", regex_subs=subs) == slugify("Judul Baru", regex_subs=subs)
        assert asked == ["Judul Baru"]
        # Other substitutions are another key: asked again.
        assert again(titles[0], regex_subs=[("desa", "kampung")]) == slugify(
            titles[0], regex_subs=[("desa", "kampung")]
        )
        assert asked[-1] == titles[0]
    finally:
        memo.install(None)
    asked.clear()
    alone = _memoized_slugify(counted)  # no build cache: nothing kept
    alone(titles[0], regex_subs=subs)
    assert asked == [titles[0]]


def test_files_listed_once_are_pelicans(tmp_path, monkeypatch):
    """Generator.get_files with the walk kept per build: the same files as Pelican's for
    each folder list, exclusion and extensions (all, none given, only some), one walk per
    folder list, and a generator with its own `_include_path` is Pelican's."""
    import os
    from types import SimpleNamespace

    from pelican import generators

    from wartadesa.speedups import _files_listed_once, _original_get_files

    content = tmp_path / "content"
    names = [
        "berita/2024/a.md",
        "berita/2024/b.markdown",
        "berita/2024/.#a.md",  # an editor's lock file: IGNORE_FILES
        "berita/c.html",
        "berita/foto/d.jpg",
        "berita/draf/e.md",  # excluded below
        "berita/x.tmp/f.md",  # in a folder IGNORE_FILES names
        "halaman/g.md",
        "halaman/README",
        "tunggal.md",
    ]
    for name in names:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("x", encoding="utf-8")

    class Listing(generators.Generator):
        def __init__(self):  # only what get_files reads
            self.path = str(content)
            self.settings = {"IGNORE_FILES": [".#*", "*.tmp"]}
            self.readers = SimpleNamespace(extensions=["md", "markdown", "html"])

    class Own(Listing):
        def _include_path(self, path, extensions=None):
            return path.endswith(".md")

    walks = []
    real_walk = os.walk
    monkeypatch.setattr(os, "walk", lambda *a, **k: walks.append(a[0]) or real_walk(*a, **k))
    listed = {}
    once = _files_listed_once(listed)
    calls = [
        (["berita"], ["berita/draf"], None),
        (["berita"], ["berita/draf"], ("jpg",)),
        (["berita"], ["berita/draf"], False),
        (["berita", "halaman"], [], None),
        ("halaman", None, ["md"]),
        (["tunggal.md"], [], None),
        ([""], ["berita"], None),
    ]
    for paths, exclude, extensions in calls:
        expected = _original_get_files(Listing(), paths, exclude=exclude, extensions=extensions)
        walks.clear()
        first = once(Listing(), paths, exclude=exclude, extensions=extensions)
        again = once(Listing(), paths, exclude=exclude, extensions=extensions)
        assert first == again == expected, (paths, exclude, extensions)
        assert expected, (paths, exclude, extensions)  # each call finds files
    assert once(Listing(), ["berita"], ["berita/draf"]) == {
        os.path.join("berita", "2024", "a.md"),
        os.path.join("berita", "2024", "b.markdown"),
        os.path.join("berita", "c.html"),
    }
    walks.clear()
    for _ in range(3):  # one walk for the same folders, whatever the extensions
        for extensions in (None, False, ("jpg",)):
            once(Listing(), ["berita"], ["berita/draf"], extensions)
    assert walks == []  # all answered from the walks made above
    once(Listing(), ["halaman", "berita"], [])
    assert len(walks) == 2  # a new folder list: walked once (two folders)
    keeping = Listing()
    keeping.settings = {"IGNORE_FILES": []}  # another IGNORE_FILES: another walk
    assert os.path.join("berita", "2024", ".#a.md") in once(keeping, ["berita"], ["berita/draf"])
    own = Own()
    assert once(own, ["berita"], []) == _original_get_files(own, ["berita"], [])
