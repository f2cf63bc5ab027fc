"""Signal handlers: what article_extras adds to articles, pages and templates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator

from front_matter import memo
from front_matter.errors import ContentError, report
from wartadesa.read_objects import restorable

from .fragments import RenderedOnce
from .images import cover_of, prepare_body_images
from .reading import reading_minutes
from .related import RelatedIndex, set_neighbours
from .seo import absolute, news_article, plain, share_image, site_base
from .summaries import without_ids
from .tables import wrap_tables

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator


class LazyRelated:
    """Related articles, worked out when a template first asks: by then every
    plugin (e.g. the village plugin's `article.villages`) has run."""

    def __init__(self, article: Article, index: RelatedIndex, limit: int) -> None:
        self._args = (article, limit)
        self._index = index
        self._items = None

    def _get(self):
        if self._items is None:
            self._items = self._index.related(*self._args)
        return self._items

    def __iter__(self) -> Iterator[Article]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return bool(self._get())

    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        return self._get()[index]


@restorable
def prepare_content(content: Content) -> None:
    """content_object_init: cover image, body images, reading time."""
    if not isinstance(content, (Article, Page)):
        return
    errors = prepare_body_images(content)
    try:
        content.cover = cover_of(content)
    except ContentError as error:
        content.cover = None
        errors.append(error)
    for error in errors:
        report(error)
    content.reading_minutes = _reading_minutes(content)


def _reading_minutes(content) -> int:
    """The reading time, kept between builds with the file's other results (memo)."""
    key = memo.content_key("reading minutes", content)
    minutes = memo.recall(key)
    if minutes is None:
        minutes = reading_minutes(content._content)
        memo.keep(key, minutes)
    return minutes


def link_articles(generators: Iterable[Generator]) -> None:
    """all_generators_finalized: previous/next and related articles."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            articles = list(generator.articles)
            set_neighbours(articles)
            limit = generator.settings.get("RELATED_ARTICLES", 3)
            index = RelatedIndex(articles)
            for article in articles + list(generator.hidden_articles):
                article.related_articles = LazyRelated(article, index, limit)
            if memo.active():
                index.ready()  # the kept lists checked once, before the writers fork


def add_template_helpers(generator: Generator) -> None:
    """generator_init: Jinja globals for the theme."""
    settings = generator.settings
    generator.env.globals.update(
        news_article_ld=partial(news_article, settings=settings),
        share_image=partial(share_image, settings=settings),
        absolute_url=absolute,
        SITE_BASE=site_base(settings),
        rendered_once=RenderedOnce(settings),
    )
    generator.env.filters.update(plain=plain, scroll_tables=wrap_tables, without_ids=without_ids)
