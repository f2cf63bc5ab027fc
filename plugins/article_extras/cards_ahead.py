"""The articles' cards made before the writing, half in each of the checks' two processes
(wartadesa.split_checks.shared_before_writing).

Every list page prints its articles' cards with `rendered_once` (fragments.py), and each
writing process made the cards of the pages it writes: nearly every card in both, since a
card is on about ten list pages and the pages are shared between the processes by their
names (at 5,000 articles 0.75 s of each writing process, at 1,000 0.16 s). Made while the
checks run, half in the build's process and half in the checks' forked process, whose texts
come back with its checks' results, each card is made once, and both writing processes
(forked after) have them all.

A card made ahead is the text a list page's own call would make: the same helper makes it,
with the shared context of the generator whose pages call it and the `SITEURL` of a page at
the site's root (`.`, with RELATIVE_URLS: a card is made with a stand-in for the root), and
keeps it under the key that call works out. A page whose call works out another key (a
theme that passes other values, a value only that page has) makes its card as before. A
card that fails to be made is left to its page, whose error is then the build's. Nothing is
made ahead when a page links a file with `{attach}` (rendering then moves files, and the
order of renders matters: wartadesa.parallel writes in one process), nor in a rebuild whose
build cache holds the cards of the builds before (incremental.Store.partial: a card then
costs its digest, not its making; made ahead, five alternating rebuilds with nothing changed
at 5,000 articles took 4.28 s against 4.17 s).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pelican.generators import ArticlesGenerator, Generator

from wartadesa import incremental

from .fragments import RenderedOnce, set_meanwhile

CARD = "partials/article_card.html"  # the theme's card: rendered_once(CARD, article=...)
ARGUMENT = "article"


class CardsAhead:
    """The cards of one build's articles for each kind of environment that prints them."""

    def __init__(self, generators: Sequence[Generator]) -> None:
        self.articles = []
        for generator in generators:
            if isinstance(generator, ArticlesGenerator):
                self.articles = list(generator.articles)
        self.pages = []  # one _Page for each kind of environment
        kinds = set()
        for generator in generators:
            environment = getattr(generator, "env", None)
            helper = environment.globals.get("rendered_once") if environment else None
            if not isinstance(helper, RenderedOnce):
                continue
            kind = helper.kind(environment)  # numbered here: the forked process agrees
            if kind in kinds:
                continue
            kinds.add(kind)
            variables = dict(generator.context)
            shared = {}  # what the writer sets in the shared context for a page at the root
            if generator.settings.get("RELATIVE_URLS"):
                # Pelican's writer: the page's SITEURL, and the shared context's
                # `localsiteurl` a summary's links are made from (path_to_url of ".").
                variables["SITEURL"] = variables["localsiteurl"] = shared["localsiteurl"] = "."
            self.pages.append(_Page(helper, environment, variables, generator.context, shared))

    def part(self, index: int, count: int) -> dict[str, Any]:
        """The cards of every `count`-th article from the `index`-th, made here; as
        (page number, article number, key, text), with the texts the build cache took
        from its earlier builds or made meanwhile (incremental.Store.partial)."""
        store = incremental.current()
        if store is not None and index:
            store.forked()  # only what this share adds travels back
        made = []
        for number, page in enumerate(self.pages):
            context = page.context()
            if context is None:
                continue
            with set_meanwhile([page.shared], page.as_page):
                for position in range(index, len(self.articles), count):
                    try:
                        found = page.helper.make(context, CARD, {ARGUMENT: self.articles[position]})
                    except Exception:  # noqa: BLE001 - left to the page, which reports it
                        continue
                    if found is not None:
                        made.append((number, position, *found))
        partials = store.share()["partials"] if store is not None and index else []
        return {"cards": made, "partials": partials}

    def merge(self, value: dict[str, Any]) -> None:
        """Another process's share: its cards kept here, and the build cache's texts."""
        for number, position, key, text in value["cards"]:
            page = self.pages[number]
            context = page.context()
            if context is not None:
                page.helper.take(context, CARD, {ARGUMENT: self.articles[position]}, key, text)
        store = incremental.current()
        if store is not None and value["partials"]:
            store.merge({"partials": value["partials"]})


class _Page:
    """A list page as far as its cards go: the helper, a Jinja context like the page's
    (made when the cards are: the template is loaded once the theme's compiled code has
    joined the build's, wartadesa.compiled_templates), the shared context and what a page
    at the root sets in it."""

    def __init__(self, helper, environment, variables, shared, as_page) -> None:
        self.helper, self.environment, self.variables = helper, environment, variables
        self.shared, self.as_page = shared, as_page
        self._context = None

    def context(self):
        if self._context is None:
            try:
                template = self.environment.get_template(CARD)
            except Exception:  # noqa: BLE001 - a theme without the card: nothing ahead
                return None
            self._context = template.new_context(self.variables)
        return self._context


def make_cards_ahead(generators: Sequence[Generator]) -> CardsAhead | None:
    """shared_before_writing: the cards of this build's articles, if any page prints them."""
    from wartadesa.parallel import uses_attach

    if uses_attach(generators):
        return None
    store = incremental.current()
    if store is not None and store.keeps_partials():
        return None  # a rebuild: the cards are the last build's texts, found by digest
    ahead = CardsAhead(generators)
    return ahead if ahead.articles and ahead.pages else None
