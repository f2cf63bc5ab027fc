"""rendered_once (article_extras/fragments.py): a partial's text is made once for the same
values it can read, and again whenever one of them differs."""

import jinja2
import pytest

from article_extras.fragments import RenderedOnce

PARTIALS = {
    "card.html": '{% from "pic.html" import pic with context %}'
    "<p>{{ count() }} {{ article.title }} {{ SITEURL }}{{ pic() }}</p>",
    "pic.html": "{% macro pic() %}[{{ SIZES }}]{% endmacro %}",
    "list.html": '{% for article in articles %}{{ rendered_once("card.html", article=article) }}'
    "{% endfor %}",
    "dynamic.html": "{% include which %}",
    "maybe.html": "{{ 'ada' if OPTIONAL is defined else 'tidak' }} {{ OPTIONAL }} "
    "{{ article.title }}",
    "both.html": '{{ rendered_once("maybe.html", article=article) }}|{% include "maybe.html" %}',
}


class Article:
    def __init__(self, title):
        self.title = title


@pytest.fixture
def environment():
    environment = jinja2.Environment(loader=jinja2.DictLoader(PARTIALS), autoescape=True)
    renders = []
    environment.globals.update(
        rendered_once=RenderedOnce(), count=lambda: renders.append(1) or len(renders)
    )
    environment.renders = renders
    return environment


def test_the_same_values_render_once(environment):
    one, two = Article("Musdes"), Article("Posyandu <lansia>")
    page = environment.get_template("list.html")
    first = page.render(articles=[one, two], SITEURL="https://desa.id", SIZES="50vw")
    again = page.render(articles=[two, one], SITEURL="https://desa.id", SIZES="50vw")
    assert len(environment.renders) == 2
    assert first == (
        "<p>1 Musdes https://desa.id[50vw]</p>"
        "<p>2 Posyandu &lt;lansia&gt; https://desa.id[50vw]</p>"
    )
    assert again == (
        "<p>2 Posyandu &lt;lansia&gt; https://desa.id[50vw]</p>"
        "<p>1 Musdes https://desa.id[50vw]</p>"
    )


@pytest.mark.parametrize(
    "other",
    [
        {"SITEURL": "../.."},  # a page's own value (RELATIVE_URLS)
        {"SIZES": "100vw"},  # read by a macro the partial imports
        {"articles": [Article("Musdes")]},  # another object with the same text
    ],
)
def test_any_value_the_partial_reads_renders_it_again(environment, other):
    article = Article("Musdes")
    values = {"articles": [article], "SITEURL": "https://desa.id", "SIZES": "50vw"}
    page = environment.get_template("list.html")
    page.render(**values)
    changed = page.render(**{**values, **other})
    assert len(environment.renders) == 2
    expected = {**values, **other}
    assert changed == f"<p>2 Musdes {expected['SITEURL']}[{expected['SIZES']}]</p>"


def test_a_partial_that_names_a_template_at_render_time_renders_every_time(environment):
    template = environment.from_string(
        '{{ rendered_once("dynamic.html", which="card.html", article=a) }}'
        '{{ rendered_once("dynamic.html", which="card.html", article=a) }}'
    )
    text = template.render(a=Article("Musdes"), SITEURL="", SIZES="")
    assert len(environment.renders) == 2
    assert text == "<p>1 Musdes []</p><p>2 Musdes []</p>"


def test_a_card_is_rendered_once_a_build_and_forgotten_at_its_end(tmp_path, monkeypatch):
    """The helpers of one build share their texts: an article's card, rendered for the
    newest pages (articles generator), is not rendered again for its village's pages
    (villages generator) at the same depth (SITEURL: RELATIVE_URLS). After the build
    nothing is kept."""
    import article_extras.fragments as fragments
    from tests.sitetools import build_site

    rendered, asked = [], {}
    render_with, call = fragments._render_with, fragments.RenderedOnce.__call__

    def counted_render(environment, name, variables):
        if name == "partials/article_card.html":
            rendered.append((variables["article"].source_path, variables["SITEURL"]))
        return render_with(environment, name, variables)

    @jinja2.pass_context
    def counted_call(self, context, name, **values):
        if name == "partials/article_card.html":
            asked.setdefault(id(context.environment), set()).add(context.get("output_file"))
        return call(self, context, name, **values)

    monkeypatch.setattr(fragments, "_render_with", counted_render)
    monkeypatch.setattr(fragments.RenderedOnce, "__call__", counted_call)
    build_site(tmp_path / "output", BUILD_WORKERS=1)
    # Asked for by two generators (their own environments): the newest and village pages.
    assert len(asked) >= 2, asked
    pages = sorted(str(page) for found in asked.values() for page in found)
    assert any(page.startswith("desa/") for page in pages), pages
    assert sorted(rendered) == sorted(set(rendered)), "a card was rendered twice"
    assert not fragments._build[1].kept


def _file_environment(folder, **filters):
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True)
    environment.filters.update(filters)
    return environment


def test_environments_share_texts_only_when_they_would_make_the_same(tmp_path):
    """Two environments reading the same folder with the same filters share a partial's
    text; one whose filter differs makes its own."""
    (tmp_path / "card.html").write_text("<p>{{ count() }} {{ article.title|loud }}</p>")
    (tmp_path / "list.html").write_text(
        '{% for article in articles %}{{ rendered_once("card.html", article=article) }}{% endfor %}'
    )
    renders = []
    settings = {"SITENAME": "Desa"}

    def loud(text):
        return text.upper()

    environments = [
        _file_environment(tmp_path, loud=loud),
        _file_environment(tmp_path, loud=loud),
        _file_environment(tmp_path, loud=lambda text: text + "!"),
    ]
    for environment in environments:
        environment.globals.update(
            rendered_once=RenderedOnce(settings), count=lambda: renders.append(1) or len(renders)
        )
    article = Article("Musdes")
    pages = [e.get_template("list.html").render(articles=[article]) for e in environments]
    assert pages == ["<p>1 MUSDES</p>", "<p>1 MUSDES</p>", "<p>2 Musdes!</p>"]
    # Another build (another settings object) renders again.
    other = _file_environment(tmp_path, loud=loud)
    other.globals.update(
        rendered_once=RenderedOnce({"SITENAME": "Desa"}),
        count=lambda: renders.append(1) or len(renders),
    )
    assert other.get_template("list.html").render(articles=[article]) == "<p>3 MUSDES</p>"


@pytest.mark.parametrize(
    "context", [{}, {"OPTIONAL": None}, {"OPTIONAL": "<b>x</b>"}, {"OPTIONAL": 0, "UNREAD": "lain"}]
)
def test_a_partial_prints_what_an_include_prints(environment, context):
    """Given only the variables it can read, a partial sees each one as an include would:
    a variable the page does not have stays undefined (not None)."""
    page = environment.get_template("both.html")
    once, included = page.render(article=Article("Musdes & BPD"), **context).split("|")
    assert once == included
    assert once.startswith("tidak" if not context else "ada")


# --- One text for every page depth (RELATIVE_URLS) ------------------------------------
ROOTED = {
    "card.html": '<a href="{{ SITEURL }}/{{ article.url }}">{{ article.title }}</a>'
    '<img src="{{ SITEURL }}/foto/{{ article.url }}.jpg">',
    "list.html": "{% for article in articles %}{{ rendered_once(CARD, article=article) }}"
    "{% endfor %}",
    "included.html": "{% for article in articles %}{% include CARD %}{% endfor %}",
    # SITEURL read other than as the start of an address: for every page, as before.
    "compared.html": "{{ 'akar' if SITEURL == '.' else 'dalam' }} {{ article.title }}",
    # Encoded for one article only: the first card is the same either way.
    "encoded.html": "{{ article.title }}{% if article.url == 'b.html' %} "
    "{{ SITEURL|urlencode }}{% endif %}",
}


def _rooted_environment(monkeypatch, relative=True):
    import article_extras.fragments as fragments

    environment = jinja2.Environment(loader=jinja2.DictLoader(ROOTED), autoescape=True)
    environment.globals["rendered_once"] = RenderedOnce({"RELATIVE_URLS": relative})
    rendered = []
    render_with = fragments._render_with

    def counted(environment, name, variables):
        rendered.append(variables["SITEURL"])
        return render_with(environment, name, variables)

    monkeypatch.setattr(fragments, "_render_with", counted)
    return environment, rendered


class Linked:
    def __init__(self, title, url):
        self.title, self.url = title, url


ARTICLES = [Linked("Musdes", "a.html"), Linked("Posyandu", "b.html")]
ROOTS = [".", "..", "../..", "../../.."]


def _pages(environment, card, roots=ROOTS):
    """Each root's list page and what an include prints for it."""
    found = []
    for root in roots:
        values = {"articles": ARTICLES, "SITEURL": root, "localsiteurl": root, "CARD": card}
        once = environment.get_template("list.html").render(values)
        included = environment.get_template("included.html").render(values)
        found.append((once, included))
    return found


def test_a_relative_build_makes_a_card_once_for_every_depth(monkeypatch):
    """With RELATIVE_URLS each page's SITEURL is its way back to the root: the card is made
    once with a stand-in for it (and once more for the first page, to compare) and prints
    each page's own root."""
    environment, rendered = _rooted_environment(monkeypatch)
    pages = _pages(environment, "card.html")
    for root, (once, included) in zip(ROOTS, pages, strict=True):
        assert once == included
        assert f'<a href="{root}/a.html">Musdes</a><img src="{root}/foto/a.html.jpg">' in once
    assert len(rendered) == 3  # two cards, and the first card for the first page's root
    assert rendered.count(".") == 1


def test_an_absolute_site_and_a_partial_without_the_setting_make_a_card_for_every_root(monkeypatch):
    environment, rendered = _rooted_environment(monkeypatch, relative=False)
    for once, included in _pages(environment, "card.html"):
        assert once == included
    assert sorted(rendered) == sorted(ROOTS * 2)


@pytest.mark.parametrize("card", ["compared.html", "encoded.html"])
def test_a_partial_using_siteurl_otherwise_is_made_for_every_root(monkeypatch, card):
    """A partial that compares SITEURL (seen on the first card) or encodes it (on a later
    card only: a trace of the stand-in is left) prints what an include prints."""
    environment, rendered = _rooted_environment(monkeypatch)
    for once, included in _pages(environment, card):
        assert once == included
    printed = "".join(once for once, _ in _pages(environment, card)).lower()
    assert "\ufdd0" not in printed and "wartadesa-root" not in printed


LINKING = """---
judul: Tautan di Ringkasan Berita
tanggal: 2024-07-11
kategori: Pemerintahan
label: [kepala desa]
desa: Binangun
---

Rapat ini melanjutkan [rakor sebelumnya]({filename}/berita/2024-05-03-rakor-pmd-kalsel.md)
yang dibahas bersama perangkat desa.

Paragraf kedua berita ini.
"""


def test_a_relative_build_prints_the_same_cards_with_one_text_for_every_depth(
    tmp_path, monkeypatch
):
    """The sample site, with an article whose card's summary links to another article
    (Pelican makes that link from the page's `localsiteurl`), built with one card text for
    every depth and with a card for each depth: every file is the same, each card was made
    once (and the first of each helper once more, to compare), and the summary's link on a
    list page two folders deep leads to the linked article."""
    import posixpath
    import shutil

    from bs4 import BeautifulSoup

    import article_extras.fragments as fragments
    from tests.sitetools import SAMPLE, build_site
    from wartadesa.bench.differential import tree_of

    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "berita" / "2024-07-11-tautan-ringkasan.md").write_text(LINKING, encoding="utf-8")
    rendered = []
    render_with = fragments._render_with

    def counted(environment, name, variables):
        if name == "partials/article_card.html":
            rendered.append((variables["article"].source_path, variables["SITEURL"]))
        return render_with(environment, name, variables)

    monkeypatch.setattr(fragments, "_render_with", counted)
    rooted = build_site(tmp_path / "rooted", content=content, BUILD_WORKERS=1)
    rooted_renders, rendered[:] = list(rendered), []
    monkeypatch.setattr(fragments.RenderedOnce, "_root_of", lambda *_args: None)
    each = build_site(tmp_path / "each", content=content, BUILD_WORKERS=1)
    assert rooted.warnings == each.warnings
    assert tree_of(rooted.output) == tree_of(each.output)

    linking = str(content / "berita" / "2024-07-11-tautan-ringkasan.md")
    depths = {root for path, root in rendered if path == linking}
    assert len(depths) >= 3, depths
    # Once with the stand-in; the newest card also for the first page of each generator
    # that shows it (compared), fewer times than once per depth.
    made = [root for path, root in rooted_renders if path == linking]
    assert made.count(fragments.ROOT) == 1
    assert len(made) < len(depths), made
    assert sorted(path for path, root in rooted_renders if root == fragments.ROOT) == sorted(
        {path for path, _root in rendered}
    )

    page = "kategori/pemerintahan/index.html"
    soup = BeautifulSoup((rooted.output / page).read_text(encoding="utf-8"), "html.parser")
    card = next(c for c in soup.select("article.card") if "Tautan di Ringkasan" in c.text)
    link = card.select_one(".card__sum a")["href"]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
    assert (rooted.output / target).is_file() or (rooted.output / target / "index.html").is_file()
    assert "rakor" in target
