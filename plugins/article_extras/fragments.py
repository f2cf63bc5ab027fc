"""Partials rendered once for the same values: `{{ rendered_once("partials/x.html", a=b) }}`
instead of `{% with a = b %}{% include "partials/x.html" %}{% endwith %}`.

An article's card is on about ten list pages (the newest, its category, tags, author,
village and regions): in a build of 5,000 articles the cards were about a third of all
rendering. The text of a partial is kept by what it can read: the values passed to it and
every variable the partial and the templates it imports or includes name (worked out from
their text; a settings value, a template helper, the page's SITEURL), each by its value
when it is a number or a text, else by the object itself (kept alive with the text, so it
is never mistaken for another). A partial whose templates cannot be told (an include
computed at render time) is rendered every time, as an include would be.

A partial rendered this way sees the page's context and the values passed, not the calling
template's own variables (`{% set %}` or a loop's): pass what it needs.
"""

from __future__ import annotations

from typing import Any

from jinja2 import meta, pass_context
from markupsafe import Markup

from wartadesa.incremental import referenced_templates, template_closure

_PLAIN = (str, int, float, bool, type(None))


class RenderedOnce:
    """The `rendered_once` template helper of one Jinja environment (one build)."""

    def __init__(self) -> None:
        self._kept: dict[tuple, tuple[Markup, list]] = {}
        self._names: dict[str, frozenset[str] | None] = {}

    @pass_context
    def __call__(self, context, name: str, **values: Any) -> Markup:
        environment = context.environment
        if name not in self._names:
            self._names[name] = _names_read(environment, name)
        names = self._names[name]
        if names is None:
            return _render(environment, name, context, values)
        read = [(key, values[key]) for key in sorted(values)]
        read += [(key, context.get(key)) for key in sorted(names - values.keys())]
        key = (name, *((k, v if type(v) in _PLAIN else id(v)) for k, v in read))
        kept = self._kept.get(key)
        if kept is None:
            # Only what it can read: copying the page's whole context (every setting, the
            # lists of articles) for each card took about 0.3 s of each writing process.
            read_values = {each: context[each] for each in names if each in context}
            text = _render_with(environment, name, {**read_values, **values})
            kept = self._kept[key] = (text, [v for _, v in read if type(v) not in _PLAIN])
        return kept[0]

    def clear(self) -> None:
        """Forget every text (its generator has written its pages)."""
        self._kept.clear()


def forget_rendered(generator, **_kwargs) -> None:
    """article_writer_finalized, page_writer_finalized: the generator's pages are written,
    its partials' texts are not needed again (at 20,000 articles about 100 MB in each
    writing process; then only the generator writing holds its own)."""
    helper = getattr(getattr(generator, "env", None), "globals", {}).get("rendered_once")
    if isinstance(helper, RenderedOnce):
        helper.clear()


def _render(environment, name: str, context, values: dict[str, Any]) -> Markup:
    """The partial as `{% include %}` would print it, with `values` added to the context."""
    return _render_with(environment, name, {**context.get_all(), **values})


def _render_with(environment, name: str, variables: dict[str, Any]) -> Markup:
    return Markup(environment.get_template(name).render(variables))


def _names_read(environment, name: str) -> frozenset[str] | None:
    """Every variable the template `name` and the templates it imports, includes, extends
    or renders once can read; None when one of them is named at render time."""

    def read(other: str):
        tree = environment.parse(environment.loader.get_source(environment, other)[0])
        return (meta.find_undeclared_variables(tree),), referenced_templates(tree)

    found = template_closure(name, read)
    return None if found is None else frozenset(found[0])
