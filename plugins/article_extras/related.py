"""Related articles (same village first, then category, then tags) and the
previous/next article by date. Pure functions over Pelican articles."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING

from front_matter import memo

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
    `villages` on the articles.

    With the build cache (front_matter.memo), the lists found are kept by source file,
    under a key of every candidate's description (file, villages, category, tags, address,
    date): a build where none of those changed (a body edited) takes them instead of
    scoring again."""

    def __init__(self, candidates: Iterable[Article]) -> None:
        self._candidates = candidates
        self._info = None
        self._by_key = None
        self._kept = None  # source path and description -> related source paths
        self._by_path = None

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
        candidates = list(self._candidates)
        for other in candidates:
            villages, category, tags, url, _newest = info = self._describe(other)
            self._info[id(other)] = info
            keys = [("village", v) for v in villages] + [("tag", t) for t in tags]
            if category is not None:
                keys.append(("category", category))
            for key in keys:
                self._by_key.setdefault(key, []).append(other)
        self._recall(candidates)

    def _recall(self, candidates):
        """The lists kept by an earlier build of the same candidates (front_matter.memo)."""
        paths = [getattr(other, "source_path", None) for other in candidates]
        if not memo.source_key(paths[0] if paths else None):
            return  # no build cache
        self._by_path = dict(zip(paths, candidates, strict=True))
        if None in self._by_path or len(self._by_path) != len(candidates):
            self._by_path = None
            return
        described = sorted(
            (path, sorted(v), c, sorted(t), u, n)
            for path, (v, c, t, u, n) in zip(
                paths, (self._info[id(o)] for o in candidates), strict=True
            )
        )
        key = memo.key("related", described)
        self._kept = memo.recall(key)
        if not isinstance(self._kept, dict):
            self._kept = {}
        memo.keep(key, self._kept)  # lists found in this build are added to it

    def _kept_key(self, article, described, limit):
        villages, category, tags, url, newest = described
        path = getattr(article, "source_path", None)
        return repr((path, sorted(villages), category, sorted(tags), url, newest, limit))

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
        if self._kept is None:
            return self._find(article, described, limit)
        kept_key = self._kept_key(article, described, limit)
        paths = self._kept.get(kept_key)
        if paths is None or any(path not in self._by_path for path in paths):
            found = self._find(article, described, limit)
            self._kept[kept_key] = [item.source_path for item in found]
            return found
        return [self._by_path[path] for path in paths]

    def _find(self, article, described, limit):
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
