"""The articles' cards made ahead (article_extras/cards_ahead.py): on two cores each card is
made once, half in each of the checks' processes, before the writing; a page takes the
text its own call would make, and makes any other card itself."""

import os

import jinja2
import pytest
from pelican.generators import ArticlesGenerator

import article_extras.fragments as fragments
from article_extras.cards_ahead import CARD, CardsAhead
from article_extras.fragments import RenderedOnce
from tests.sitetools import build_site


@pytest.fixture
def made_in(tmp_path, monkeypatch):
    """Every card made by the build with the stand-in for the root (RELATIVE_URLS, as in
    the local build), noted with its process in a file (forked processes too); returns a
    function reading [(article source, pid)]."""
    log = tmp_path / "cards.txt"
    render_with = fragments._render_with

    def noted(environment, name, variables):
        if name == CARD:
            with open(log, "a", encoding="utf-8") as handle:
                stand_in = variables.get("SITEURL") == fragments.ROOT
                if stand_in:  # (the first card of a process is also made for its page)
                    handle.write(f"{variables['article'].source_path}\t{os.getpid()}\n")
        return render_with(environment, name, variables)

    monkeypatch.setattr(fragments, "_render_with", noted)
    return lambda: [tuple(line.split("\t")) for line in log.read_text().splitlines()]


def _published(output):
    return {path.parent for path in (output / "berita").rglob("index.html")}


def test_on_two_cores_each_card_is_made_once_half_in_each_process(tmp_path, made_in):
    output = tmp_path / "output"
    build_site(output, BUILD_WORKERS=2)
    made = made_in()
    sources = [source for source, _ in made]
    assert len(sources) == len(set(sources)), "a card was made twice"
    assert len(sources) == len(_published(output))  # every article's card, once
    processes = {pid for _, pid in made}
    assert len(processes) == 2 and str(os.getpid()) in processes  # the checks' two
    shares = sorted(sum(1 for _, pid in made if pid == process) for process in processes)
    assert shares[1] - shares[0] <= 1


@pytest.mark.parametrize("rooted", [True, False])
def test_a_site_with_cards_made_ahead_is_the_site_without(tmp_path, monkeypatch, rooted):
    """Byte for byte, on two cores and on one, with an article whose card's summary links
    to another (Pelican makes that link from the shared context's `localsiteurl`); with
    one card text for every depth (`rooted`) and with a text for each depth."""
    import shutil

    import article_extras.cards_ahead as module
    from article_extras.tests.test_fragments import LINKING
    from tests.sitetools import SAMPLE
    from wartadesa.bench.differential import tree_of

    if not rooted:
        monkeypatch.setattr(fragments.RenderedOnce, "_root_of", lambda *_args: None)
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "berita" / "2024-07-11-tautan-ringkasan.md").write_text(LINKING, encoding="utf-8")
    ahead = {w: build_site(tmp_path / f"a{w}", content=content, BUILD_WORKERS=w) for w in (2, 1)}
    # Nothing made ahead (the receiver finds no article).
    monkeypatch.setattr(module, "CardsAhead", lambda _generators: CardsAhead([]))
    without = build_site(tmp_path / "without", content=content, BUILD_WORKERS=1)
    for built in ahead.values():
        assert built.warnings == without.warnings
        assert tree_of(built.output) == tree_of(without.output)


def test_on_one_core_each_card_is_made_once_in_the_build(tmp_path, made_in):
    build_site(tmp_path / "output", BUILD_WORKERS=1)
    made = made_in()
    assert len(made) == len({source for source, _ in made})
    assert {pid for _, pid in made} == {str(os.getpid())}


PARTIALS = {
    CARD: "<p>{{ article.title }} {{ SITEURL }}/{{ article.url }} [{{ SIZES }}]</p>",
    "list.html": '{% for article in articles %}{{ rendered_once("' + CARD + '", '
    "article=article) }}{% endfor %}",
    "broken.html": "{{ article.title }}{{ article.missing.attribute }}",
}


class Article:
    def __init__(self, title, url):
        self.title, self.url = title, url


def _generator(environment, articles, context, relative=True):
    """An articles generator as far as CardsAhead looks at one."""
    generator = ArticlesGenerator.__new__(ArticlesGenerator)
    generator.env, generator.articles, generator.context = environment, articles, context
    generator.settings = {"RELATIVE_URLS": relative}
    return generator


@pytest.fixture
def environment():
    environment = jinja2.Environment(loader=jinja2.DictLoader(PARTIALS), autoescape=True)
    environment.globals["rendered_once"] = RenderedOnce({"RELATIVE_URLS": True})
    made = []
    render_with = fragments._render_with

    def counted(environment, name, variables):
        if variables.get("SITEURL") == fragments.ROOT:  # not the first text's check
            made.append(variables["article"].title)
        return render_with(environment, name, variables)

    environment.made = made
    fragments._render_with, restore = counted, fragments._render_with
    yield environment
    fragments._render_with = restore
    fragments.forget_rendered()


def test_a_page_prints_the_card_made_ahead_at_its_own_depth(environment):
    articles = [Article("Musdes", "berita/musdes/"), Article("Posyandu <lansia>", "b/p/")]
    context = {"SIZES": "50vw"}
    ahead = CardsAhead([_generator(environment, articles, context)])
    ahead.part(0, 1)
    assert environment.made == ["Musdes", "Posyandu <lansia>"]
    page = environment.get_template("list.html")
    printed = page.render(articles=articles, SITEURL="../..", localsiteurl="../..", SIZES="50vw")
    assert environment.made == ["Musdes", "Posyandu <lansia>"]  # nothing made again
    assert printed == (
        "<p>Musdes ../../berita/musdes/ [50vw]</p><p>Posyandu &lt;lansia&gt; ../../b/p/ [50vw]</p>"
    )


def test_a_share_made_in_another_process_serves_only_the_call_with_its_key(environment):
    articles = [Article("Musdes", "m/"), Article("Posyandu", "p/")]
    ahead = CardsAhead([_generator(environment, articles, {"SIZES": "50vw"})])
    other = ahead.part(1, 2)  # as the forked process would send it
    assert [title for title in environment.made] == ["Posyandu"]
    fragments.forget_rendered()  # this process had not made it
    environment.made.clear()
    ahead.merge(other)
    page = environment.get_template("list.html")
    assert page.render(articles=articles[1:], SITEURL=".", localsiteurl=".", SIZES="50vw") == (
        "<p>Posyandu ./p/ [50vw]</p>"
    )
    assert environment.made == []  # taken from the other process's share
    # A page that reads another value works out another key: it makes its own card.
    page.render(articles=articles[1:], SITEURL=".", localsiteurl=".", SIZES="100vw")
    assert environment.made == ["Posyandu"]
    # A text sent for a key this process does not work out is not taken.
    helper = environment.globals["rendered_once"]
    context = environment.get_template(CARD).new_context({"SIZES": "75vw", "SITEURL": "."})
    assert not helper.take(context, CARD, {"article": articles[0]}, ("lain",), "<p>palsu</p>")


def test_a_card_that_fails_is_left_to_its_page(environment):
    environment.loader = jinja2.DictLoader({**PARTIALS, CARD: PARTIALS["broken.html"]})
    environment.undefined = jinja2.StrictUndefined
    articles = [Article("Musdes", "m/")]
    ahead = CardsAhead([_generator(environment, articles, {})])
    assert ahead.part(0, 1) == {"cards": [], "partials": []}  # no error here
    page = environment.get_template("list.html")
    with pytest.raises(jinja2.UndefinedError):  # the page's own call: the build's error
        page.render(articles=articles, SITEURL=".", localsiteurl=".")


def test_a_rebuild_takes_the_cards_the_build_cache_kept_instead(tmp_path, monkeypatch):
    """With the build cache a card costs only its digest once the builds before left its
    text: nothing is made ahead then; a first build with the cache makes them ahead."""
    import article_extras.cards_ahead as module

    log = tmp_path / "parts.txt"
    part = module.CardsAhead.part

    def noted(self, index, count):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{index}/{count}\n")
        return part(self, index, count)

    monkeypatch.setattr(module.CardsAhead, "part", noted)
    cache = str(tmp_path / "cache")
    build_site(tmp_path / "output", BUILD_CACHE=cache, BUILD_WORKERS=2)
    assert sorted(log.read_text().split()) == ["0/2", "1/2"]
    log.write_text("")
    build_site(tmp_path / "output", BUILD_CACHE=cache, BUILD_WORKERS=2)
    assert log.read_text() == ""
