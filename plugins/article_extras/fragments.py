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

Every generator has its own Jinja environment and its own helper, but the helpers of one
build (one settings object) keep their texts together: the card an article got on the
newest pages (articles generator) is the same card on its village's and regions' pages
(villages generator: at 5,000 articles about 4,500 cards rendered again in each writing
process). A text made in one environment serves another only when the two would make the
same text: the same template files (by their loaders' folders), options, filters and tests
(`_environment_key`). The texts go when the build has written everything (`finalized`).

With RELATIVE_URLS (the local build, the live preview, the benchmark) a page's SITEURL is
the way back to the site's root from that page (".", "..", "../.."), so a card would be made
once for each depth it is shown at (at 5,000 articles about 12,700 cards for 5,000 articles
in one writing process). There a partial reading SITEURL is made once with a stand-in for
the root (`ROOT`), as SITEURL and as the `localsiteurl` Pelican makes the links of a
summary with, and the stand-in is replaced by the page's own root each time the text is
printed: every link is the root joined with a path (`SITEURL ~ "/" ~ url`, `absolute_url`,
Pelican's `os.path.join`), so the text is the one made for that root. The first text a
helper makes this way is also made for the page's own root and compared, and a text still
holding a trace of the stand-in after the replacement (a filter that encoded it) is made
again for the page itself: a partial that uses SITEURL otherwise is made for each root, as
before (`_Rooted`).
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import jinja2
from jinja2 import meta, pass_context
from markupsafe import Markup
from pelican.contents import Content

from wartadesa import incremental
from wartadesa.incremental import MISSING, referenced_templates, template_closure

_PLAIN = (str, int, float, bool, type(None))


class _Texts:
    """The texts of partials kept by the helpers of one build, and the environments they
    were made in (kept alive: their filters' identities are in the keys)."""

    def __init__(self) -> None:
        self.kept: dict[tuple, tuple[Markup, list]] = {}
        self.kinds: dict[tuple, int] = {}  # an environment's key -> a short number
        self.environments: dict[int, tuple[jinja2.Environment, int]] = {}

    def kind(self, environment: jinja2.Environment) -> int:
        """The number of the environments that make the same text from the same values."""
        found = self.environments.get(id(environment))
        if found is None:
            number = self.kinds.setdefault(_environment_key(environment), len(self.kinds))
            found = self.environments[id(environment)] = (environment, number)
        return found[1]

    def clear(self) -> None:
        self.kept.clear()
        self.kinds.clear()
        self.environments.clear()


# The build whose helpers share their texts (its settings object) and those texts.
_build: list = [None, _Texts()]


def _texts_of(settings: Mapping[str, Any] | None) -> _Texts:
    if settings is None:
        return _Texts()
    if _build[0] is not settings:
        _build[0], _build[1] = settings, _Texts()
    return _build[1]


# The site's root in a partial's text made once for every page depth (RELATIVE_URLS): a
# Unicode noncharacter (the build refuses a content or data file that holds one:
# front_matter.characters) around a name, so that an encoded stand-in still shows (`TRACE`).
ROOT = "\ufdd0wartadesa-root\ufdd0"
TRACE = "wartadesa-root"
STAND_IN = {"SITEURL": ROOT, "localsiteurl": ROOT}  # what a partial reads instead of the root
# What Pelican's writer makes a page's SITEURL with RELATIVE_URLS (path_to_url of the
# page's folder, relative to the output).
_RELATIVE_ROOT = re.compile(r"\.|\.\.(?:/\.\.)*")


class RenderedOnce:
    """The `rendered_once` template helper of one Jinja environment; the helpers made with
    the same `settings` (one build's generators) share their texts."""

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        self._texts = _texts_of(settings)
        self._names: dict[str, frozenset[str] | None] = {}
        self._relative = bool(settings and settings.get("RELATIVE_URLS"))
        self._rooted: dict[str, _Rooted] = {}  # by partial: whether the stand-in serves

    @pass_context
    def __call__(self, context, name: str, **values: Any) -> Markup:
        return self._text(context, name, values, self._found(context, name, values))

    def _text(self, context, name: str, values: dict[str, Any], found: tuple | None) -> Markup:
        """The partial's text on the page of `context` (`found`: its `_found`)."""
        if found is None:
            return _render(context.environment, name, context, values)
        key, read, root = found
        texts = self._texts
        kept = texts.kept.get(key)
        if kept is None:
            environment = context.environment
            stand_in = STAND_IN if root else {}

            def render(instead=stand_in):
                # Only what it can read: copying the page's whole context (every setting,
                # the lists of articles) for each card took about 0.3 s of each writing
                # process. `instead`: the stand-in for the root, or nothing (the page's own).
                names = self._names[name]
                read_values = {each: context[each] for each in names if each in context}
                read_values.update((k, v) for k, v in instead.items() if k in read_values)
                with _links_from(instead.get("SITEURL"), [v for _, v in read]):
                    return _render_with(environment, name, {**read_values, **values})

            def render_here():
                return render({})

            store = incremental.current()  # with BUILD_CACHE: kept between builds too
            text = (
                render()
                if store is None
                else Markup(store.partial(environment, name, read, render))
            )
            if root and not self._rooted[name].serves(text, root, render_here):
                return render_here()
            kept = texts.kept[key] = (text, _objects(read))
        text = kept[0]
        # str's replace: Markup's escapes its arguments and makes a Markup of each part.
        return Markup(str.replace(text, ROOT, root)) if root else text

    def _found(self, context, name: str, values: dict[str, Any]) -> tuple | None:
        """(key, what it reads, the page's root or None) of the partial's text for `values`
        on the page of `context`; None when it is made every time (its templates cannot be
        told)."""
        environment = context.environment
        if name not in self._names:
            self._names[name] = _names_read(environment, name)
        names = self._names[name]
        if names is None:
            return None
        root = self._root_of(context, name, names, values)
        stand_in = STAND_IN if root else {}
        read = [(key, values[key]) for key in sorted(values)]
        read += [
            (key, stand_in.get(key, context.get(key, MISSING)))
            for key in sorted(names - values.keys())
        ]
        key = (
            self._texts.kind(environment),
            name,
            *((k, v if type(v) in _PLAIN else id(v)) for k, v in read),
        )
        return key, read, root

    # --- made ahead (cards_ahead.py): the text a page's call would make, made before ---
    def kind(self, environment: jinja2.Environment) -> int:
        """The number of the environments that make the same texts as `environment`."""
        return self._texts.kind(environment)

    def make(self, context, name: str, values: dict[str, Any]) -> tuple[tuple, str] | None:
        """(key, text) of the partial for `values` on the page of `context`, made now unless
        it was before, and kept for the pages; None when it is not kept (made on every
        page)."""
        found = self._found(context, name, values)
        if found is None:
            return None
        key = found[0]
        if key not in self._texts.kept:
            self._text(context, name, values, found)
        kept = self._texts.kept.get(key)
        return None if kept is None else (key, str(kept[0]))

    def take(self, context, name: str, values: dict[str, Any], key: tuple, text: str) -> bool:
        """Keep `text`, made by another process (`make`), when the same call makes the same
        key here (the objects it names are this process's: it was forked from this one)."""
        found = self._found(context, name, values)
        if found is None or found[0] != key or key in self._texts.kept:
            return False
        self._texts.kept[key] = (Markup(text), _objects(found[1]))
        return True

    def _root_of(self, context, name: str, names: frozenset[str], values) -> str | None:
        """The page's root (its SITEURL) when the partial's text is made with the stand-in
        for it: a relative-URL build's page, a partial reading SITEURL not passed to it,
        and not found to use it other than as a root (`_Rooted`)."""
        if not self._relative or "SITEURL" not in names or "SITEURL" in values:
            return None
        siteurl = context.get("SITEURL")
        if not isinstance(siteurl, str) or not _RELATIVE_ROOT.fullmatch(siteurl):
            return None
        if context.get("localsiteurl") != siteurl:
            return None
        rooted = self._rooted.get(name)
        if rooted is None:  # (setdefault would make one for every card)
            rooted = self._rooted[name] = _Rooted()
        return siteurl if rooted.serving else None


class _Rooted:
    """Whether the texts of one partial made with the stand-in root serve every page: the
    first one is also made for its page's own root and must be the same once the stand-in
    is replaced, and no text may hold a trace of the stand-in after that."""

    def __init__(self) -> None:
        self.serving = True
        self._compared = False

    def serves(self, text: str, root: str, render_here) -> bool:
        printed = str.replace(text, ROOT, root)
        if TRACE in printed.lower() or (not self._compared and printed != render_here()):
            self.serving = False
        self._compared = True
        return self.serving


@contextmanager
def _links_from(root: str | None, values: list) -> Iterator[None]:
    """The content objects among `values` make their links (a summary's, Pelican's
    `localsiteurl`) from `root` meanwhile."""
    contexts = {}
    if root is not None:
        for value in values:
            if isinstance(value, Content) and isinstance(value._context, dict):
                contexts[id(value._context)] = value._context
    with set_meanwhile(contexts.values(), {"localsiteurl": root}):
        yield


@contextmanager
def set_meanwhile(mappings: Iterable[dict], values: dict[str, Any]) -> Iterator[None]:
    """`values` set in each of `mappings` meanwhile, and what was there put back."""
    before = [(mapping, {key: mapping.get(key, MISSING) for key in values}) for mapping in mappings]
    for mapping, _ in before:
        mapping.update(values)
    try:
        yield
    finally:
        for mapping, kept in before:
            for key, value in kept.items():
                if value is MISSING:
                    mapping.pop(key, None)
                else:
                    mapping[key] = value


def _objects(read: list[tuple[str, Any]]) -> list:
    """The objects a key names by identity, kept alive with its text."""
    return [value for _, value in read if type(value) not in _PLAIN]


def forget_rendered(*_args, **_kwargs) -> None:
    """finalized: every page is written, the partials' texts are not needed again (at
    20,000 articles about 100 MB in each writing process)."""
    _build[1].clear()
    _build[0] = None


def _environment_key(environment: jinja2.Environment) -> tuple:
    """What decides a partial's text in `environment` besides the values it reads: where
    its templates come from, its options, and its filters and tests (by identity)."""
    return (
        type(environment),
        _loader_key(environment.loader),
        tuple(sorted((name, _callable_key(f)) for name, f in environment.filters.items())),
        tuple(sorted((name, _callable_key(t)) for name, t in environment.tests.items())),
        tuple(sorted(environment.extensions)),
        _identity(environment.autoescape),
        _identity(environment.finalize),
        id(environment.undefined),
        repr(sorted(environment.policies.items(), key=lambda item: item[0])),
        *(
            getattr(environment, option)
            for option in (
                "block_start_string",
                "block_end_string",
                "variable_start_string",
                "variable_end_string",
                "comment_start_string",
                "comment_end_string",
                "line_statement_prefix",
                "line_comment_prefix",
                "trim_blocks",
                "lstrip_blocks",
                "newline_sequence",
                "keep_trailing_newline",
                "optimized",
                "is_async",
            )
        ),
    )


def _identity(value: Any) -> Any:
    """A plain value itself, anything else by its identity (kept alive by its environment)."""
    return value if type(value) in _PLAIN else id(value)


def _callable_key(function: Any) -> Any:
    """A filter or test: a function by its identity; Pelican's, made again for every
    generator (`partial(plugin_enabled, plugin_list=...)`, a `DateFormatter()`), by what
    makes them: the function and its arguments, the class and its attributes."""
    if isinstance(function, functools.partial):
        return (
            "partial",
            _callable_key(function.func),
            tuple(_identity(value) for value in function.args),
            tuple(sorted((key, _identity(value)) for key, value in function.keywords.items())),
        )
    if isinstance(function, (types.FunctionType, types.BuiltinFunctionType, type)):
        return id(function)
    state = getattr(function, "__dict__", None)
    if isinstance(state, dict):
        return (
            "object",
            id(type(function)),
            tuple(sorted((key, _identity(value)) for key, value in state.items())),
        )
    return id(function)


def _loader_key(loader) -> Any:
    """A loader by the folders it reads, the loaders it asks, in order; any other kind of
    loader by its identity (kept alive with its environment)."""
    if isinstance(loader, jinja2.FileSystemLoader):
        return ("fs", tuple(loader.searchpath), loader.encoding, loader.followlinks)
    if isinstance(loader, jinja2.ChoiceLoader):
        return ("choice", tuple(_loader_key(each) for each in loader.loaders))
    if isinstance(loader, jinja2.PrefixLoader):
        return (
            "prefix",
            loader.delimiter,
            tuple(sorted((prefix, _loader_key(each)) for prefix, each in loader.mapping.items())),
        )
    return ("other", id(loader))


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
