"""What Pelican's Writer leaves out of every feed: its language, the page it belongs to, and
a date for an empty feed.

Pelican makes every feed with the site root as its link (RSS `<link>`, Atom alternate link)
and as its Atom `<id>`, and no language. Atom requires each feed's id to be its own: every
feed declares DEFAULT_LANG (`id`) and links to the page it mirrors, which is also its id.
A feed written with `FEED_PAGE_URL` in its context (a village's or region's feed: plugin
villages; the notice feed: plugin notices, `pengumuman/`) links to that page; the feeds
Pelican's ArticlesGenerator writes are known by their address: the site's feeds
(FEED_ALL_ATOM, ...) link to the home page, a category's (CATEGORY_FEED_ATOM, ...) to the
category's page, and likewise a tag's and an author's when a site turns those feeds on.

In a preview, entry links are made absolute with FEED_DOMAIN (`absolute_in_preview`).

An empty feed (a village in desa.yml with no news yet) is dated by the build day:
feedgenerator dates a feed by its newest item, and a feed without items by the clock:
two builds would then differ. The build day (wartadesa.dates.build_day: SOURCE_DATE_EPOCH,
else today in the site's TIMEZONE) keeps builds of one day byte-identical."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from feedgenerator import Rss201rev2Feed, get_tag_uri

from front_matter.contents import FeedItems
from wartadesa.dates import build_day

if TYPE_CHECKING:
    from feedgenerator import SyndicationFeed


FEED_PAGE_URL = "FEED_PAGE_URL"  # context key: the address (like an item's url) of the page
# Feeds of the whole site (Pelican's settings): their page is the home page.
SITE_FEEDS = ("FEED_ALL_ATOM", "FEED_ALL_RSS", "FEED_ATOM", "FEED_RSS")
# Feeds of one category, tag or author: (setting prefix, context list of (object, articles)).
TERM_FEEDS = (("CATEGORY", "categories"), ("TAG", "tags"), ("AUTHOR", "authors"))


def feed_address(context: Mapping[str, Any], feed: SyndicationFeed) -> str | None:
    """The feed's own address relative to the site (`feeds/all.atom.xml`): the Writer makes
    its `feed_url` by joining FEED_DOMAIN and the address it was given."""
    url = str(feed.feed.get("feed_url") or "")
    domain = str(context.get("FEED_DOMAIN") or "").rstrip("/")
    if domain and url.startswith(domain + "/"):
        return url[len(domain) + 1 :]
    return None


def feed_page(context: Mapping[str, Any], address: str | None) -> str | None:
    """The page (an address like an item's url, "" for the home page) of a feed Pelican's
    ArticlesGenerator wrote at `address`; None when it is none of those feeds."""
    if address is None:
        return None
    for key in SITE_FEEDS:
        url = context.get(key + "_URL") or context.get(key)
        if url and str(url) == address:
            return ""
    for prefix, list_key in TERM_FEEDS:
        for kind in ("ATOM", "RSS"):
            template = context.get(f"{prefix}_FEED_{kind}")
            template = context.get(f"{prefix}_FEED_{kind}_URL", template)
            if not template or "{slug}" not in str(template):
                continue
            head, _, tail = str(template).partition("{slug}")
            if len(address) <= len(head) + len(tail) or not (
                address.startswith(head) and address.endswith(tail)
            ):
                continue
            slug = address[len(head) : len(address) - len(tail)]
            for term, _articles in context.get(list_key) or []:
                if term.slug == slug:
                    return term.url
    return None


def language_and_page(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated: the feed's language, and its page: the one the writer was told, or
    the one of a feed Pelican's ArticlesGenerator writes."""
    if feed is None:
        return
    feed.feed["language"] = context.get("DEFAULT_LANG") or "id"
    page = context.get(FEED_PAGE_URL)
    if page is None:
        page = feed_page(context, feed_address(context, feed))
    if page is not None:
        # As Pelican joins SITEURL and an item's url (Writer._add_item_to_the_feed).
        link = str(context.get("SITEURL") or "").rstrip("/") + "/" + str(page)
        if feed.feed.get("id") == feed.feed.get("link"):  # Atom's <id>: the link by default
            feed.feed["id"] = link
        feed.feed["link"] = link


def date_empty_feed(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated: an empty feed's date is the build day's midnight."""
    if feed is None or feed.items:
        return
    moment = dt.datetime.combine(
        build_day(context), dt.time(), ZoneInfo(context.get("TIMEZONE") or "UTC")
    )
    feed.latest_post_date = lambda: moment


COVERED = FeedItems(("articles", "albums"), translations=True)


def cover_first(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated: an article's or album's cover picture at the top of its entry, as
    its page shows it (the photos plugin's share picture, else the file): a feed reader
    showed only the pictures of the body, and an album's entry none."""
    if feed is None or not feed.items:
        return
    from markupsafe import escape

    from .seo import absolute, share_image, site_base

    base = site_base(context)
    for entry in feed.items:
        item = COVERED.of(entry, context)
        cover = getattr(item, "cover", None)
        if not cover:
            continue
        url, width, height = share_image(item, context)
        size = f' width="{width}" height="{height}"' if width and height else ""
        alt = escape(getattr(cover, "alt", "") or "")
        picture = f'<p><img src="{escape(absolute(base, url))}" alt="{alt}"{size}></p>'
        key = "content" if entry.get("content") else "description"
        entry[key] = picture + "\n" + (entry.get(key) or "")


def absolute_in_preview(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated, last: in a preview (no SITEURL, relative links) Pelican writes each
    entry's link relative (`berita/...`), which a feed reader takes as relative to the
    feed's own address (`feeds/berita/...`, not found). Such links, and the feed's own
    page, are made absolute with FEED_DOMAIN, where the preview is served; so is each
    entry's id, which Pelican made from the relative link (`tag:None,...`), as production's
    is from its address (`tag:host,date:/path`)."""
    if feed is None or context.get("SITEURL") or not context.get("FEED_DOMAIN"):
        return
    from .seo import absolute, site_base

    domain = site_base(context)
    for entry in feed.items:
        if entry.get("link"):
            entry["link"] = absolute(domain, entry["link"])
            entry["unique_id"] = _tag_of_link(str(entry.get("unique_id") or ""), entry["link"])
    link = feed.feed.get("link")
    if link:
        if feed.feed.get("id") == link:
            feed.feed["id"] = absolute(domain, link)
        feed.feed["link"] = absolute(domain, link)


def _tag_of_link(unique_id: str, link: str) -> str:
    """Pelican's tag URI made from a relative link (`tag:None,2024-07-10:berita/...`) made
    again from the absolute `link`, keeping its date (another receiver may have changed the
    entry's pubdate since): `tag:127.0.0.1,2024-07-10:/berita/...`. Any other id as it is."""
    match = re.match(r"tag:None(,[^:]*)?:", unique_id)
    if match is None:
        return unique_id
    _tag, host, path = get_tag_uri(link, None).split(":", 2)  # tag:hostname:/path
    return f"tag:{host}{match.group(1) or ''}:{path}"


def guid_not_a_link(
    context: Mapping[str, Any], feed: SyndicationFeed | None = None, **_kwargs: object
) -> None:
    """feed_generated: an RSS entry's `<guid>` is Pelican's tag URI (`tag:host,date:/path`),
    stable when the site moves, but RSS reads a guid without `isPermaLink="false"` as the
    entry's web address, so validators refused every feed and a reader could take it for
    a link. Each guid that is no http(s) address says so."""
    if feed is None or not isinstance(feed, Rss201rev2Feed):
        return
    for entry in feed.items:
        guid = str(entry.get("unique_id") or "")
        if guid and not guid.startswith(("http://", "https://")):
            entry["unique_id_is_permalink"] = False


def forget_items(_pelican: object = None) -> None:
    """finalized: drop the build's items (a live preview process keeps running)."""
    COVERED.forget()
