"""Related articles (same village first, then category, then tags) and the
previous/next article by date. Pure functions over Pelican articles."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING

from front_matter import memo

if TYPE_CHECKING:
    from pelican.contents import Article

# Tables of the build cache (front_matter.memo): each article's list by its file and the
# limit, and what each article was to the lists (`_member_text`) when they were found.
MEMO_KEY = "related lists, kept while no change can reach them"
MEMBERS_KEY = "related lists: each article as they saw it"
# More changed articles than this since the last build: every list is found again.
MAX_CHANGES = 200


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

    With the build cache (front_matter.memo), each list found is kept, and so is what
    every article was to the lists (file, villages, category, tags, address, date). A later
    build takes a list again when no article that changed since (added, removed, or with
    another description) can be in it: none of them is in the list, and each one now
    either shares nothing with the list's article or ranks below the list's last one (a
    full list). A list is exactly the first articles of that order among every article
    sharing something, so it is then the list found afresh. Lists are checked when the
    index is built (`ready`), so that lists not asked for in one build are kept for the
    next."""

    def __init__(self, candidates: Iterable[Article]) -> None:
        self._candidates = candidates
        self._info = None
        self._by_key = None
        self._found = None  # "path limit" -> (the article's member text, paths), kept
        self._by_path = None
        self._member_texts = {}

    def ready(self):
        """Build the index now (with the build cache: before the writers fork, so that
        they share the lists checked here): by then every plugin has set `villages`."""
        if self._info is None:
            self._build()

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
        self._info, self._by_key, self._village_category = {}, {}, {}
        candidates = list(self._candidates)
        for other in candidates:
            villages, category, tags, url, _newest = info = self._describe(other)
            self._info[id(other)] = info
            keys = [("village", v) for v in villages] + [("tag", t) for t in tags]
            if category is not None:
                keys.append(("category", category))
            for key in keys:
                self._by_key.setdefault(key, []).append(other)
            if category is not None:
                for village in villages:
                    self._village_category.setdefault((village, category), []).append(other)
        for members in self._by_key.values():  # newest first, then URL (see _newest_unseen)
            members.sort(key=lambda other: (self._info[id(other)][4], self._info[id(other)][3]))
        # Each village and tag one bit: what two articles share is counted with one `&`.
        named = sorted(key for key in self._by_key if key[0] != "category")
        self._bits = {key: 1 << number for number, key in enumerate(named)}
        self._masks = {key: self._masks_of(info) for key, info in self._info.items()}
        self._recall(candidates)

    def _masks_of(self, described):
        """(the bits of the villages, of the tags) of a described article."""
        villages, _category, tags, _url, _newest = described
        bits = self._bits
        return (
            sum(bits.get(("village", v), 0) for v in villages),
            sum(bits.get(("tag", t), 0) for t in tags),
        )

    def _recall(self, candidates):
        """The lists kept by earlier builds (front_matter.memo), if the build cache is on,
        that no change since can reach."""
        lists, members = memo.table(MEMO_KEY), memo.table(MEMBERS_KEY)
        if lists is None or members is None:
            return
        paths = [getattr(other, "source_path", None) for other in candidates]
        by_path = dict(zip(paths, candidates, strict=True))
        if None in by_path or len(by_path) != len(candidates):
            return  # lists are kept as files: every article needs its own
        self._by_path = by_path
        earlier, self._found = lists
        earlier_members, now = members
        for path, other in by_path.items():
            now[path] = self._member_text(other)
        if not earlier_members:
            return
        removed = earlier_members.keys() - now.keys()
        changed = [path for path, text in now.items() if earlier_members.get(path) != text]
        if len(changed) + len(removed) > MAX_CHANGES:
            return
        gone = removed.union(changed)
        changed_now = [by_path[path] for path in changed]
        for key, (text, found) in earlier.items():
            path, _, limit = key.rpartition(" ")
            article = by_path.get(path)
            if article is None or now[path] != text or not gone.isdisjoint(found):
                continue
            if all(self._cannot_enter(article, other, found, int(limit)) for other in changed_now):
                self._found.setdefault(key, (text, found))

    def _row(self, article, other):
        """How `other` ranks in `article`'s list (`_score_members`' sort row: smaller
        first), or None when the two share nothing."""
        rows = []
        self._score_members(
            (other,), self._info[id(article)], self._masks[id(article)], set(), rows
        )
        return rows[0][:5] if rows and any(rows[0][:3]) else None

    def _cannot_enter(self, article, other, found, limit):
        """Whether the changed article `other` stays out of `article`'s kept list `found`
        (paths) of `limit` articles."""
        row = self._row(article, other)
        if row is None:
            return True
        last = self._by_path.get(found[-1]) if found else None
        if last is None or len(found) < limit:
            return False  # the list has room (or is not told): it would be in it
        return row > self._row(article, last)

    def _member_text(self, article):
        """What an article is to the lists it is in (file, villages, category, tags,
        address, date), as text; worked out once per article (it is in several groups)."""
        text = self._member_texts.get(id(article))
        if text is None:
            known = self._info.get(id(article))
            villages, category, tags, url, newest = known or self._describe(article)
            path = getattr(article, "source_path", None)
            text = repr((path, sorted(villages), category, sorted(tags), url, newest))
            if known is not None:
                self._member_texts[id(article)] = text
        return text

    def _score(self, keys, described, masks, seen, scored):
        """Append a sort row for each not yet seen article under `keys`."""
        for key in keys:
            self._score_members(self._by_key.get(key, ()), described, masks, seen, scored)

    def _score_members(self, members, described, masks, seen, scored):
        """Append a sort row for each not yet seen article of `members` (the villages and
        tags it shares with the described article counted by their bits, `masks`)."""
        category, url = described[1], described[3]
        villages, tags = masks
        info, all_masks = self._info, self._masks
        for other in members:
            key = id(other)
            if key in seen:
                continue
            seen.add(key)
            o_info = info[key]
            if o_info[3] == url:
                continue
            o_villages, o_tags = all_masks[key]
            scored.append(
                (
                    -(villages & o_villages).bit_count(),
                    -int(category is not None and o_info[1] == category),
                    -(tags & o_tags).bit_count(),
                    o_info[4],
                    o_info[3],
                    other,
                )
            )

    def _newest_unseen(self, key, limit, described, masks, seen, scored):
        """Append a sort row for the first `limit` not yet seen articles of one group, in
        the group's order (newest first, then URL). For the category after every village
        and tag of the article has been scored: an article not seen then shares no village
        and no tag with it, so in the category those rank by date and URL alone, and the
        rest of a big category cannot reach the list."""
        wanted = len(scored) + limit
        for other in self._by_key.get(key, ()):
            if len(scored) >= wanted:
                break
            self._score_members((other,), described, masks, seen, scored)

    def related(self, article: Article, limit: int = 3) -> list[Article]:
        """Up to `limit` articles sharing a village, the category or tags with `article`.

        Order: most shared villages, then same category, then most shared tags, then
        newest first, then URL (deterministic)."""
        if self._info is None:
            self._build()
        described = self._info.get(id(article)) or self._describe(article)
        path = getattr(article, "source_path", None)
        if self._found is None or path is None:
            return self._find(article, described, limit)
        key, text = f"{path} {limit}", self._member_text(article)
        entry = self._found.get(key)
        if entry is not None and entry[0] == text:  # its paths are all articles now
            return [self._by_path[found] for found in entry[1]]
        found = self._find(article, described, limit)
        self._found[key] = (text, [item.source_path for item in found])
        return found

    def _find(self, article, described, limit):
        """The related articles, found by scoring."""
        villages, category, tags, _url, _newest = described
        masks = self._masks.get(id(article)) or self._masks_of(described)
        seen = {id(article)}
        scored = []
        # An article sharing a village always ranks above one that doesn't: when the
        # village matches already fill the list, category and tags need no scan.
        village_keys = [("village", v) for v in sorted(villages)]
        if len(villages) == 1 and category is not None:
            # With one village, every article of it shares that one: those of the same
            # category too rank first. When they fill the list, only they are scored.
            (village,) = villages
            same = self._village_category.get((village, category), ())
            self._score_members(same, described, masks, set(seen), scored)
            if len(scored) < limit:
                scored = []
        if not scored:
            self._score(village_keys, described, masks, seen, scored)
        if len(scored) < limit:
            tag_keys = [("tag", t) for t in sorted(tags)]
            # Every article not seen yet shares no village. Those of the same category rank
            # above any other: when they are fewer than the articles sharing a tag, and
            # enough, only they are scored.
            tagged = sum(len(self._by_key.get(key, ())) for key in tag_keys)
            members = self._by_key.get(("category", category), ()) if category is not None else ()
            in_category = []
            if members and len(members) <= tagged:
                self._score_members(members, described, masks, set(seen), in_category)
            if len(scored) + len(in_category) >= limit and in_category:
                scored += in_category
            else:  # every article sharing a tag, then the category's newest others
                self._score(tag_keys, described, masks, seen, scored)
                if category is not None:
                    key = ("category", category)
                    self._newest_unseen(key, limit, described, masks, seen, scored)
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
