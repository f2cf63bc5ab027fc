"""An empty feed is dated by the build day, not by the clock (byte-identical builds)."""

import io

from feedgenerator import Atom1Feed, Rss201rev2Feed

from article_extras.feeds import date_empty_feed


def written(feed_class, monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    feed = feed_class(title="Desa Baru", link="https://desa.id/", description="")
    date_empty_feed({"TIMEZONE": "Asia/Jakarta"}, feed=feed)
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


def test_an_empty_feed_is_dated_by_the_build_day(monkeypatch):
    morning, night = 1720994400, 1721057400  # 15 July 2024 05:00 and 22:30 WIB
    atom = written(Atom1Feed, monkeypatch, morning)
    assert "<updated>2024-07-15T00:00:00+07:00</updated>" in atom
    assert written(Atom1Feed, monkeypatch, night) == atom
    rss = written(Rss201rev2Feed, monkeypatch, morning)
    assert "<lastBuildDate>Mon, 15 Jul 2024 00:00:00 +0700</lastBuildDate>" in rss


def test_a_feed_with_items_keeps_its_newest_date(monkeypatch):
    import datetime as dt

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1720994400")
    feed = Atom1Feed(title="Desa", link="https://desa.id/", description="")
    feed.add_item(
        title="Berita",
        link="https://desa.id/b/",
        description="",
        pubdate=dt.datetime(2024, 6, 5, 9, 0, tzinfo=dt.UTC),
    )
    date_empty_feed({"TIMEZONE": "Asia/Jakarta"}, feed=feed)
    out = io.StringIO()
    feed.write(out, "utf-8")
    assert "<updated>2024-06-05T09:00:00+00:00</updated>" in out.getvalue()
