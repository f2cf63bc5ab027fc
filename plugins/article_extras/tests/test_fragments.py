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


def test_a_generators_texts_are_forgotten_once_its_pages_are_written(tmp_path, monkeypatch):
    """The articles generator's cards are not kept while the other generators write: after
    a build, its helper holds nothing, though it rendered every card."""
    import article_extras.fragments as fragments
    from tests.sitetools import build_site

    helpers, most = [], {}
    create, call = fragments.RenderedOnce.__init__, fragments.RenderedOnce.__call__

    def created(self):
        create(self)
        helpers.append(self)

    @jinja2.pass_context
    def called(self, *args, **kwargs):
        text = call(self, *args, **kwargs)
        most[id(self)] = max(most.get(id(self), 0), len(self._kept))
        return text

    monkeypatch.setattr(fragments.RenderedOnce, "__init__", created)
    monkeypatch.setattr(fragments.RenderedOnce, "__call__", called)
    build_site(tmp_path / "output", BUILD_WORKERS=1)
    used = [helper for helper in helpers if most.get(id(helper))]
    assert used, "no card rendered"
    assert any(most[id(helper)] >= 3 for helper in used)
    assert [len(helper._kept) for helper in used if most[id(helper)] >= 3][0] == 0


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
