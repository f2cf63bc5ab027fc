"""Related articles (same village first, then category, then tags) and the
previous/next article by date. Pure functions over Pelican articles."""


def _key(item):
    """A comparable identity for a village, region, tag or category object."""
    return getattr(item, "slug", None) or getattr(item, "url", None) or str(item)


def _keys(items):
    return {_key(item) for item in items or []}


def related_articles(article, candidates, limit=3):
    """Up to `limit` articles sharing a village, the category or tags with `article`.

    Order: most shared villages, then same category, then most shared tags, then
    newest first, then URL (deterministic)."""
    villages = _keys(getattr(article, "villages", []))
    tags = _keys(getattr(article, "tags", []))
    category = _key(article.category) if getattr(article, "category", None) else None
    scored = []
    for other in candidates:
        if other is article or other.url == article.url:
            continue
        shared_villages = len(villages & _keys(getattr(other, "villages", [])))
        same_category = int(
            category is not None and getattr(other, "category", None) is not None
            and _key(other.category) == category
        )
        shared_tags = len(tags & _keys(getattr(other, "tags", [])))
        if not (shared_villages or same_category or shared_tags):
            continue
        scored.append(((-shared_villages, -same_category, -shared_tags,
                        -other.date.timestamp(), other.url), other))
    scored.sort(key=lambda pair: pair[0])
    return [other for _, other in scored[:limit]]


def chronological(articles):
    """Oldest first; equal dates ordered by URL."""
    return sorted(articles, key=lambda a: (a.date.timestamp(), a.url))


def set_neighbours(articles):
    """Give each article `previous_article` (older) and `next_article` (newer)."""
    ordered = chronological(articles)
    for index, article in enumerate(ordered):
        article.previous_article = ordered[index - 1] if index > 0 else None
        article.next_article = ordered[index + 1] if index + 1 < len(ordered) else None
