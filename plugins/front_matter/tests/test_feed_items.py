"""front_matter.contents.FeedItems: the item behind a feed entry, looked up in a mapping
made once per build, not once per feed (a site writes a feed for every village, region
and category)."""

from types import SimpleNamespace

from front_matter.contents import FeedItems, entry_url


def _item(url, translations=()):
    return SimpleNamespace(url=url, translations=list(translations))


def test_the_mapping_is_made_once_while_the_lists_are_the_same():
    articles = [_item("berita/a/"), _item("berita/b/")]
    context = {"articles": articles}  # no "albums": a site without albums
    items = FeedItems(("articles", "albums"), translations=True)
    first = items.items(context)
    # Each feed gets its own copy of the context (the villages' feeds add FEED_PAGE_URL).
    again = items.items({**context, "FEED_PAGE_URL": "desa/x/"})
    assert again is first
    assert set(first) == {"berita/a/", "berita/b/"}


def test_the_mapping_is_made_again_when_a_list_is_another_object():
    items = FeedItems(("articles", "albums"))
    items.items({"articles": [_item("berita/a/")]})
    changed = items.items({"articles": [_item("berita/c/")], "albums": [_item("album/d/")]})
    assert set(changed) == {"berita/c/", "album/d/"}


def test_translations_are_found_and_an_entry_link_names_its_item():
    translated = _item("en/news/a/")
    article = _item("berita/a/", [translated])
    items = FeedItems(("articles",), translations=True)
    context = {"articles": [article], "SITEURL": "https://sukamaju.desa.id"}
    entry = {"link": "https://sukamaju.desa.id/en/news/a/?ref=feed"}
    assert items.of(entry, context) is translated
    assert items.of({"link": "https://sukamaju.desa.id/berita/a/"}, context) is article
    assert items.of({"link": "https://lain.desa.id/berita/a/"}, context) is None
    assert entry_url("/berita/a/", {}) == "berita/a/"
