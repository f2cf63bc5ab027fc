"""feeds.add_front_matter_videos on feed objects: which entry gets which poster link."""

from types import SimpleNamespace

from feedgenerator import Atom1Feed

from youtube.feeds import add_front_matter_videos

SITE = "https://desa.example/binangun"


def article(url, video=None):
    return SimpleNamespace(url=url, video_html=video)


def feed_of(*links):
    feed = Atom1Feed(title="Berita", link=SITE + "/", description="")
    for link in links:
        feed.add_item(title=link, link=link, description="<p>Isi.</p>")
    return feed


def test_the_entry_of_an_article_with_a_video_starts_with_its_poster_link():
    articles = [
        article("berita/musdes/", '<a href="https://youtu.be/a">Video musdes</a>'),
        article("berita/panen/"),
    ]
    feed = feed_of(f"{SITE}/berita/musdes/?ref=feed", f"{SITE}/berita/panen/")
    add_front_matter_videos({"articles": articles}, feed)
    first, second = feed.items
    assert first["description"] == '<a href="https://youtu.be/a">Video musdes</a>\n<p>Isi.</p>'
    assert second["description"] == "<p>Isi.</p>"


def test_an_address_that_ends_another_one_goes_to_the_first_article_in_order():
    articles = [
        article("musdes/", "video pertama"),  # "/musdes/" ends ".../berita/musdes/" too
        article("berita/musdes/", "video kedua"),
    ]
    feed = feed_of(f"{SITE}/berita/musdes/")
    add_front_matter_videos({"articles": articles}, feed)
    assert feed.items[0]["description"].startswith("video pertama\n")
    articles.reverse()  # the same objects in another list: looked at again
    feed = feed_of(f"{SITE}/berita/musdes/")
    add_front_matter_videos({"articles": list(articles)}, feed)
    assert feed.items[0]["description"].startswith("video kedua\n")


def test_the_next_build_uses_its_own_articles():
    feed = feed_of(f"{SITE}/berita/musdes/")
    add_front_matter_videos({"articles": [article("berita/musdes/", "lama")]}, feed)
    feed = feed_of(f"{SITE}/berita/musdes/")
    add_front_matter_videos({"articles": [article("berita/musdes/")]}, feed)
    assert feed.items[0]["description"] == "<p>Isi.</p>"  # the video was removed


def test_a_link_that_only_contains_an_address_gets_no_video():
    articles = [article("berita/musdes/", "video")]
    feed = feed_of(f"{SITE}/berita/musdes/lain/", f"{SITE}/berita/musdes")
    add_front_matter_videos({"articles": articles}, feed)
    assert [item["description"] for item in feed.items] == ["<p>Isi.</p>"] * 2


def test_an_empty_feed_is_left_as_it_is():
    feed = feed_of()
    add_front_matter_videos({"articles": [article("berita/musdes/", "video")]}, feed)
    assert feed.items == []
