"""Related articles (same village first, then category, then tags) and the
previous/next article by date. Pure functions over Pelican articles."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pelican.contents import Article


def _key(item):
    """A comparable identity for a village, region, tag or category object."""
    return getattr(item, "slug", None) or getattr(item, "url", None) or str(item)


def _keys(items):
    return {_key(item) for item in items or []}


class RelatedIndex:
    """Articles indexed by village, category and tag, so finding the related ones
    looks only at articles that share something (not at the whole site).

    The index is built on the first query: by then every plugin has set
    `villages` on the articles."""

    def __init__(self, candidates: Iterable[Article]) -> None:
        self._candidates = candidates
        self._info = None
        self._by_key = None

    @staticmethod
    def _describe(article):
        category = _key(article.category) if getattr(article, "category", None) else None
        return (
            _keys(getattr(article, "villages", [])),
            category,
            _keys(getattr(article, "tags", [])),
            article.url,
            -article.date.timestamp(),
        )

    def _build(self):
        self._info, self._by_key = {}, {}
        for other in self._candidates:
            villages, category, tags, url, _newest = info = self._describe(other)
            self._info[id(other)] = info
            keys = [("village", v) for v in villages] + [("tag", t) for t in tags]
            if category is not None:
                keys.append(("category", category))
            for key in keys:
                self._by_key.setdefault(key, []).append(other)

    def _score(self, keys, described, seen, scored):
        """Append a sort row for each not yet seen article under `keys`."""
        villages, category, tags, url, _newest = described
        for key in keys:
            for other in self._by_key.get(key, ()):
                if id(other) in seen:
                    continue
                seen.add(id(other))
                o_villages, o_category, o_tags, o_url, o_newest = self._info[id(other)]
                if o_url == url:
                    continue
                scored.append(
                    (
                        -len(villages & o_villages),
                        -int(category is not None and o_category == category),
                        -len(tags & o_tags),
                        o_newest,
                        o_url,
                        other,
                    )
                )

    def related(self, article: Article, limit: int = 3) -> list[Article]:
        """Up to `limit` articles sharing a village, the category or tags with `article`.

        Order: most shared villages, then same category, then most shared tags, then
        newest first, then URL (deterministic)."""
        if self._info is None:
            self._build()
        described = self._info.get(id(article)) or self._describe(article)
        villages, category, tags, _url, _newest = described
        seen = {id(article)}
        scored = []
        # An article sharing a village always ranks above one that doesn't: when the
        # village matches already fill the list, category and tags need no scan.
        self._score([("village", v) for v in villages], described, seen, scored)
        if len(scored) < limit:
            other_keys = [("tag", t) for t in tags]
            if category is not None:
                other_keys.append(("category", category))
            self._score(other_keys, described, seen, scored)
        best = heapq.nsmallest(limit, scored, key=lambda row: row[:5])  # = sorted(...)[:limit]
        return [row[5] for row in best]


def related_articles(
    article: Article, candidates: Iterable[Article], limit: int = 3
) -> list[Article]:
    """Related articles of one article (see RelatedIndex.related)."""
    return RelatedIndex(candidates).related(article, limit)


def chronological(articles: Iterable[Article]) -> list[Article]:
    """Oldest first; equal dates ordered by URL."""
    return sorted(articles, key=lambda a: (a.date.timestamp(), a.url))


def set_neighbours(articles: Iterable[Article]) -> None:
    """Give each article `previous_article` (older) and `next_article` (newer)."""
    ordered = chronological(articles)
    for index, article in enumerate(ordered):
        article.previous_article = ordered[index - 1] if index > 0 else None
        article.next_article = ordered[index + 1] if index + 1 < len(ordered) else None
