"""article_extras: reading time, related and previous/next articles, images,
tables, JSON-LD."""

import datetime as dt
import json
import os
import random
import re
from types import SimpleNamespace

import pytest
from PIL import Image

from article_extras.images import cover_of, prepare_body_images
from article_extras.reading import count_words, reading_minutes
from article_extras.related import RelatedIndex, related_articles, set_neighbours
from article_extras.seo import absolute, news_article, plain, share_image
from article_extras.tables import wrap_tables
from front_matter import memo
from front_matter.errors import ContentError
from tests.sitetools import build_site, calls_noted, text_of
from wartadesa.build import BuildFailed

WIB = dt.timezone(dt.timedelta(hours=7))


# --- reading time -----------------------------------------------------------------


def test_reading_time_counts_words_not_markup():
    html = "<p>" + " ".join(["kata"] * 650) + '</p><img alt="x" src="a.jpg">'
    assert count_words(html) == 650
    assert reading_minutes(html) == 3  # 650 / 200 words a minute, rounded


@pytest.mark.parametrize("words, minutes", [(0, 1), (50, 1), (299, 1), (301, 2), (1000, 5)])
def test_reading_time_is_at_least_one_minute(words, minutes):
    assert reading_minutes(" ".join(["desa"] * words)) == minutes


# --- related and previous/next -------------------------------------------------------


def fake(url, day, category="Umum", tags=(), villages=None):
    item = SimpleNamespace(
        url=url,
        date=dt.datetime(2024, 6, day, tzinfo=WIB),
        category=SimpleNamespace(slug=category.lower()),
        tags=[SimpleNamespace(slug=t) for t in tags],
    )
    if villages is not None:
        item.villages = [SimpleNamespace(slug=v) for v in villages]
    return item


def test_related_same_village_first_then_category_then_tags():
    article = fake("a/", 10, "Pemerintahan", ["musdes", "apbdes"], ["binangun"])
    by_tag = fake("tag/", 9, "Kesehatan", ["musdes", "apbdes"])
    by_category = fake("cat/", 1, "Pemerintahan")
    by_village = fake("village/", 2, "Kesehatan", [], ["binangun"])
    unrelated = fake("none/", 8, "Olahraga", ["bola"], ["bengkel"])
    candidates = [unrelated, by_tag, article, by_category, by_village]
    assert [a.url for a in related_articles(article, candidates, limit=5)] == [
        "village/",
        "cat/",
        "tag/",
    ]
    assert [a.url for a in related_articles(article, candidates, limit=2)] == ["village/", "cat/"]


def test_related_ties_newest_first_then_url_and_without_villages_attribute():
    article = fake("a/", 10, "Pemerintahan")
    assert not hasattr(article, "villages")  # village plugin absent: still works
    older, newer_b, newer_a = (
        fake("o/", 1, "Pemerintahan"),
        fake("b/", 5, "Pemerintahan"),
        fake("a2/", 5, "Pemerintahan"),
    )
    for order in ([older, newer_b, newer_a], [newer_a, older, newer_b]):
        assert [a.url for a in related_articles(article, order)] == ["a2/", "b/", "o/"]


def test_related_more_shared_tags_rank_higher():
    article = fake("a/", 10, "X", ["a", "b", "c"])
    one, two = fake("one/", 9, "Y", ["a"]), fake("two/", 1, "Z", ["a", "b"])
    assert [a.url for a in related_articles(article, [one, two])] == ["two/", "one/"]


def ranked_by_definition(article, candidates, limit):
    """Related articles by the documented order, over every candidate: most shared villages,
    same category, most shared tags, newest, URL; only those sharing something."""

    def slugs(items):
        return {item.slug for item in items or []}

    villages, tags = slugs(getattr(article, "villages", [])), slugs(article.tags)
    rows = []
    for other in candidates:
        if other is article or other.url == article.url:
            continue
        shared = (
            len(villages & slugs(getattr(other, "villages", []))),
            int(other.category.slug == article.category.slug),
            len(tags & slugs(other.tags)),
        )
        if any(shared):
            key = (-shared[0], -shared[1], -shared[2], -other.date.timestamp(), other.url)
            rows.append((key, other.url))
    return [url for _key, url in sorted(rows)[:limit]]


@pytest.mark.parametrize(
    "seed, tag_count, per_article, village_count",
    [
        (1, 6, (0, 2), 40),
        (2, 6, (0, 2), 5),
        (3, 8, (3, 5), 40),
        (4, 8, (3, 5), 5),
        (5, 40, (0, 3), 40),
    ],
)
def test_related_lists_follow_the_documented_order_in_big_categories(
    seed, tag_count, per_article, village_count
):
    """Big categories and a rare one, few or many tags per article, few or many villages
    (none, one or two an article): every list is the one the documented order gives when
    every candidate is ranked."""
    rng = random.Random(seed)
    tags = [f"t{n}" for n in range(tag_count)]
    items = []
    for number in range(300):
        item = fake(
            f"{number}/",
            rng.randint(1, 28),
            rng.choices(["Umum", "Kesehatan", "Langka"], weights=[50, 50, 1])[0],
            rng.sample(tags, rng.randint(*per_article)),
            rng.sample([f"v{n}" for n in range(village_count)], rng.randint(0, 2)),
        )
        item.date = item.date.replace(hour=rng.randint(0, 2))  # equal dates: URL decides
        items.append(item)
    for limit in (1, 3, 5):
        index = RelatedIndex(items)
        for article in items:
            found = [a.url for a in index.related(article, limit)]
            assert found == ranked_by_definition(article, items, limit), article.url


def scoring_noted(monkeypatch):
    """The addresses of the articles whose related list is found by scoring, in order."""
    return calls_noted(monkeypatch, RelatedIndex, "_find", lambda _index, article, *_: article.url)


def test_related_lists_are_kept_between_builds_until_a_change_can_reach_them(tmp_path, monkeypatch):
    """With the build cache (front_matter.memo), a second build over the same descriptions
    takes the lists found before (no scoring). A changed article scores again its own list
    and the lists it was in or could now enter."""

    def site():
        items = [
            fake("a/", 10, "Pemerintahan", ["musdes"], ["binangun"]),
            fake("b/", 9, "Kesehatan", ["musdes"]),
            fake("c/", 1, "Pemerintahan"),
            fake("d/", 2, "Kesehatan", [], ["binangun"]),
            fake("e/", 8, "Olahraga", ["bola"], ["bengkel"]),
        ]
        for number, item in enumerate(items):
            item.source_path = str(tmp_path / f"{number}.md")
            memo.note_source(item.source_path, f"key{number}")
        return items

    def lists(items):
        index = RelatedIndex(items)
        return {item.url: [a.url for a in index.related(item, 2)] for item in items}

    scored = scoring_noted(monkeypatch)
    try:
        memo.install(tmp_path / "memo")
        first = lists(site())
        assert len(scored) == 5 and first["a/"] == ["d/", "c/"]
        memo._memo.save()
        moved = None
        for step in ("same", "moved", "moved, built again"):
            memo.install(tmp_path / "memo")
            items = site()
            if step != "same":  # d/ moves to another village: a/ no longer shares one with it
                items[3].villages = [SimpleNamespace(slug="bengkel")]
            scored.clear()
            found = lists(items)
            memo._memo.save()
            if step == "same":
                assert scored == [] and found == first
            elif step == "moved":
                # d/ itself; a/ and b/, whose lists held d/; e/ (bengkel), whose list had
                # room and now shares a village with d/. d/ shares nothing with c/ (only
                # Pemerintahan): its list is kept.
                assert sorted(scored) == ["a/", "b/", "d/", "e/"]
                assert found["a/"] == ["c/", "b/"] and found["e/"] == ["d/"]
                assert found["c/"] == first["c/"]
                moved = found
            else:
                assert scored == [] and found == moved
    finally:
        memo.install(None)


def test_a_new_address_scores_again_only_the_lists_it_can_reach(tmp_path, monkeypatch):
    """A changed title gives an article a new address. In a category of 30 articles, the
    oldest is in no list of 2 (the newest others fill them): only its own list is scored
    again, not every list of the category."""
    items = [fake(f"{number}/", number + 1) for number in range(30)]
    for number, item in enumerate(items):
        item.source_path = str(tmp_path / f"{number}.md")
    scored = scoring_noted(monkeypatch)
    try:
        lists = []
        for step in ("first", "new address"):
            if step == "new address":
                items[0].url = "0-judul-baru/"
            memo.install(tmp_path / "memo")
            index = RelatedIndex(items)
            index.ready()
            scored.clear()
            lists.append({item.url: [a.url for a in index.related(item, 2)] for item in items})
            memo._memo.save()
        assert scored == ["0-judul-baru/"]
        assert lists[1]["0-judul-baru/"] == ["29/", "28/"]
        assert lists[1]["1/"] == lists[0]["1/"] == ["29/", "28/"]
    finally:
        memo.install(None)


def test_related_lists_from_the_memo_are_the_lists_found_afresh(tmp_path):
    """A seeded random sequence of edits (villages, tags, category, date, address, added and
    removed articles): after each, every list the memo gives is the one found without it."""
    rng = random.Random(15)
    villages, tags = ["v1", "v2", "v3", "v4"], ["t1", "t2", "t3", "t4", "t5"]
    categories = ["Umum", "Kesehatan", "Pemerintahan"]

    def random_article(number):
        item = fake(
            f"{number}/",
            rng.randint(1, 28),
            rng.choice(categories),
            rng.sample(tags, rng.randint(0, 2)),
            rng.sample(villages, rng.randint(0, 2)),
        )
        item.source_path = str(tmp_path / f"{number}.md")
        return item

    items = [random_article(number) for number in range(40)]
    try:
        for _step in range(30):
            for _edit in range(rng.randint(1, 3)):
                kind = rng.choice(["village", "tag", "category", "date", "url", "add", "remove"])
                item = rng.choice(items)
                if kind == "village":
                    item.villages = [SimpleNamespace(slug=rng.choice(villages))]
                elif kind == "tag":
                    item.tags = [SimpleNamespace(slug=t) for t in rng.sample(tags, 2)]
                elif kind == "category":
                    item.category = SimpleNamespace(slug=rng.choice(categories).lower())
                elif kind == "date":
                    item.date = item.date.replace(day=rng.randint(1, 28))
                elif kind == "url":
                    item.url = f"{item.url}x"
                elif kind == "add":
                    items.append(random_article(len(items) + 100 * _step))
                elif len(items) > 5:
                    items.remove(item)
            memo.install(tmp_path / "memo")
            for item in items:
                memo.note_source(item.source_path, "key")
            kept = RelatedIndex(items)
            kept.ready()  # as a build does: the kept lists checked before any is asked for
            # A build asks for some lists only (the pages rendered again): the others are
            # kept for the next build, which may ask for them after more edits.
            # Lists of 3 are mostly full, lists of 12 often not.
            asked = [(item, limit) for item in items for limit in (3, 12)]
            asked = rng.sample(asked, len(asked) // 2)
            with_memo = [[a.url for a in kept.related(*question)] for question in asked]
            memo._memo.save()
            memo.install(None)
            fresh = RelatedIndex(items)  # no memo: every list found
            assert with_memo == [[a.url for a in fresh.related(*question)] for question in asked]
    finally:
        memo.install(None)


def test_a_forked_writers_table_entries_join_the_main_process_table(tmp_path):
    try:
        memo.install(tmp_path / "memo")
        earlier, now = memo.table("steps")
        assert earlier == {} and memo.table("steps")[1] is now  # one table per build
        now["before the fork"] = 1
        memo.forked()  # as a forked writer does first
        now["found by the writer"] = 2
        shared = memo.share()
        assert shared == {"steps": [("found by the writer", 2)]}
        del now["found by the writer"]  # the main process never saw it
        memo.merge(shared)
        assert memo.table("steps")[1] == {"before the fork": 1, "found by the writer": 2}
        memo._memo.save()
        memo.install(tmp_path / "memo")
        assert memo.table("steps") == ({"before the fork": 1, "found by the writer": 2}, {})
    finally:
        memo.install(None)


def test_previous_and_next_follow_dates():
    a, b, c = fake("a/", 3), fake("b/", 1), fake("c/", 2)
    set_neighbours([a, b, c])
    assert (b.previous_article, b.next_article) == (None, c)
    assert (c.previous_article, c.next_article) == (b, a)
    assert (a.previous_article, a.next_article) == (c, None)


# --- images -------------------------------------------------------------------------

CSP = "default-src 'self'; img-src 'self' https://i.ytimg.com *.desa.id; script-src 'self'"


def content_root(tmp_path):
    (tmp_path / "images").mkdir()
    Image.new("RGB", (800, 450), "green").save(tmp_path / "images" / "musdes.jpg")
    Image.new("RGB", (300, 200), "blue").save(tmp_path / "images" / "peta.png")
    (tmp_path / "images" / "rusak.jpg").write_text("bukan gambar")
    (tmp_path / "lain").mkdir()
    Image.new("RGB", (10, 10)).save(tmp_path / "lain" / "x.png")
    return tmp_path


def fake_content(tmp_path, body="", **meta):
    source = tmp_path / "berita.md"
    lines = ["---", "title: Judul <b>Berita</b>"] + [f"{k}: {v}" for k, v in meta.items()]
    source.write_text("\n".join(lines + ["---", "", body]) + "\n", encoding="utf-8")
    return SimpleNamespace(
        settings={
            "PATH": str(tmp_path),
            "STATIC_PATHS": ["images", "files"],
            "CONTENT_SECURITY_POLICY": CSP,
        },
        source_path=str(source),
        title="Judul <b>Berita</b>",
        _content=body,
        body_line=len(lines) + 2,
        meta_lines={k: i + 3 for i, k in enumerate(meta)},
        **meta,
    )


@pytest.mark.parametrize(
    "value", ["images/musdes.jpg", "/images/musdes.jpg", "{static}/images/musdes.jpg"]
)
def test_cover_is_measured(tmp_path, value):
    content = fake_content(
        content_root(tmp_path), image=value, image_caption="Musdes di balai desa"
    )
    cover = cover_of(content)
    assert (cover.url, cover.width, cover.height) == ("images/musdes.jpg", 800, 450)
    assert cover.caption == "Musdes di balai desa"
    assert cover.alt == "Musdes di balai desa"  # no image_alt: the caption


def test_cover_size_is_read_once_until_the_file_changes(tmp_path, monkeypatch):
    root = content_root(tmp_path)
    opened = []
    real_open = Image.open
    monkeypatch.setattr(
        "front_matter.pictures.Image.open", lambda path: opened.append(path) or real_open(path)
    )
    content = fake_content(root, image="images/musdes.jpg")
    assert (cover_of(content).width, cover_of(content).height) == (800, 450)
    assert len(opened) == 1  # the second article with this cover: not opened again
    photo = root / "images" / "musdes.jpg"
    Image.new("RGB", (640, 480), "red").save(photo)  # replaced: another size and time
    os.utime(photo, ns=(photo.stat().st_atime_ns, photo.stat().st_mtime_ns + 10**9))
    assert (cover_of(content).width, cover_of(content).height) == (640, 480)
    assert len(opened) == 2


def test_cover_alt_text_and_fallback_to_title(tmp_path):
    root = content_root(tmp_path)
    assert (
        cover_of(fake_content(root, image="images/peta.png", image_alt="Peta Dusun")).alt
        == "Peta Dusun"
    )
    assert cover_of(fake_content(root, image="images/peta.png")).alt == "Judul Berita"
    assert cover_of(fake_content(root)) is None


@pytest.mark.parametrize(
    "value, words",
    [
        ("images/tidak-ada.jpg", ["tidak-ada.jpg", "tidak ditemukan", "content/images/"]),
        (
            "https://contoh.com/foto.jpg",
            ["situs lain", "CONTENT_SECURITY_POLICY", "content/images/"],
        ),
        ("images/rusak.jpg", ["rusak.jpg", "bukan gambar", "JPG"]),
        ("lain/x.png", ["luar folder gambar", "images, files"]),
        (
            "images/../../rahasia.jpg",
            ["harus berada di dalam folder content/", "tanpa ../", "rahasia.jpg"],
        ),
        # A browser reads the host as evil.example, Python's urlsplit as i.ytimg.com.
        (
            "https://evil.example\\@i.ytimg.com/x.jpg",
            ["bukan alamat web yang jelas", "situs lain", "tanda \\"],
        ),
        ("https://i.ytimg.com\t.evil.example/x.jpg", ["bukan alamat web yang jelas"]),
        ("https://evil.example%2Fi.ytimg.com/x.jpg", ["bukan alamat web yang jelas"]),
    ],
)
def test_cover_problems_name_file_line_and_fix(tmp_path, value, words):
    content = fake_content(content_root(tmp_path), category="Umum", image=value)
    with pytest.raises(ContentError) as caught:
        cover_of(content)
    message = str(caught.value)
    assert message.startswith(f"{content.source_path}:4: ")  # `image:` is on line 4
    for word in words:
        assert word in message


def test_a_missing_covers_suggestion_speaks_of_case_only_when_case_is_the_difference(tmp_path):
    root = content_root(tmp_path)
    for written, remark in (("images/Musdes.jpg", True), ("images/musdes2.jpg", False)):
        with pytest.raises(ContentError) as caught:
            cover_of(fake_content(root, image=written))
        assert "maksud Anda 'images/musdes.jpg'?" in caught.value.hint
        assert ("huruf besar/kecil harus sama" in caught.value.hint) is remark, caught.value.hint


@pytest.mark.parametrize(
    "value", ["https://i.ytimg.com/vi/abc/hqdefault.jpg", "https://foto.binangun.desa.id/a.jpg"]
)
def test_cover_from_a_site_the_policy_allows(tmp_path, value):
    cover = cover_of(fake_content(content_root(tmp_path), image=value))
    assert (cover.url, cover.width, cover.height) == (value, None, None)


def test_body_images_are_lazy_measured_and_linked_to_static(tmp_path):
    body = (
        '<p><img alt="Peta" src="images/peta.png"></p>'
        '<p><img alt="Foto" src="{static}/images/musdes.jpg" loading="eager"></p>'
    )
    content = fake_content(content_root(tmp_path), body=body)
    assert prepare_body_images(content) == []
    html = content._content
    assert (
        '<img alt="Peta" src="{static}/images/peta.png" width="300" height="200" loading="lazy" decoding="async">'
        in html
    )
    assert (
        'src="{static}/images/musdes.jpg" loading="eager" width="800" height="450" decoding="async">'
        in html
    )


def test_body_images_without_alt_text_warn_at_their_line(tmp_path):
    body = "Paragraf.\n\n![](https://i.ytimg.com/vi/abc/hqdefault.jpg)\n\n![](images/peta.png)"
    root = content_root(tmp_path)
    content = fake_content(root, body=body)
    content._content = (
        '<img alt="" src="https://i.ytimg.com/vi/abc/hqdefault.jpg"><img alt="" '
        'src="images/peta.png"><img alt="Peta" src="images/peta.png"><img alt src="images/peta.png">'
    )
    errors = prepare_body_images(content)
    assert [(e.line, e.severity) for e in errors] == [(7, "warning"), (9, "warning")]
    assert "gambar 'hqdefault.jpg' tanpa teks alt" in errors[0].message
    assert "![Warga membersihkan saluran air](images/nama-foto.jpg)" in errors[0].hint
    assert "gambar 'peta.png' tanpa teks alt" in errors[1].message
    # With the photos plugin, a photo without alt text is its error, not this warning.
    content = fake_content(root, body=body)
    content.settings["PLUGINS"] = ["photos"]
    content._content = '<img alt="" src="images/peta.png">'
    assert prepare_body_images(content) == []


def test_body_image_problems_point_at_the_line(tmp_path):
    body = "Paragraf.\n\n![Hilang](images/hilang.jpg)\n\n![Luar](http://contoh.com/x.jpg)"
    content = fake_content(content_root(tmp_path), body=body)
    content._content = (
        '<img alt="Hilang" src="images/hilang.jpg"><img alt="Luar" src="http://contoh.com/x.jpg">'
    )
    errors = prepare_body_images(content)
    assert [e.line for e in errors] == [7, 9]
    assert "hilang.jpg" in errors[0].message and "tidak ditemukan" in errors[0].message
    assert "situs lain" in errors[1].message


def test_tables_scroll_in_a_labelled_focusable_box():
    html = wrap_tables("<p>x</p><table><tr><td>1</td></tr></table>")
    assert html == (
        '<p>x</p><div class="table" role="region" aria-label="Tabel" tabindex="0">'
        "<table><tr><td>1</td></tr></table></div>"
    )


def test_each_table_box_has_its_own_name():
    """Several boxes all named "Tabel" told a screen reader's listener nothing about which
    one they were in: a caption names its box, the others are numbered."""
    html = wrap_tables(
        "<table><caption>Jumlah <b>penduduk</b> &amp; KK</caption><tr><td>1</td></tr></table>"
        '<table><tr><td>2</td></tr></table><table><caption>"A" <x></caption></table>'
    )
    labels = re.findall(r'aria-label="([^"]*)"', html)
    assert labels == ["Tabel: Jumlah penduduk &amp; KK", "Tabel 2", "Tabel: &#34;A&#34;"]


# --- JSON-LD and share image ----------------------------------------------------------

SETTINGS = {
    "SITENAME": "Warta <i>Desa</i>",
    "SITELOGO": "theme/img/logo.svg",
    "DEFAULT_LANG": "id",
    "DEFAULT_OG_IMAGE": "theme/img/og.png",
    "DEFAULT_OG_IMAGE_SIZE": (1200, 630),
}


class Named(str):
    """A Pelican Author/Category stand-in: a string with a url."""

    def __new__(cls, name, url):
        named = super().__new__(cls, name)
        named.url = url
        return named


def article_like(**extra):
    return SimpleNamespace(
        title="Musdes&nbsp;2024",
        summary="<p>Warga <b>berkumpul</b>.</p>",
        url="berita/2024/06/musdes/",
        date=dt.datetime(2024, 6, 5, 9, 0, tzinfo=WIB),
        author=Named("Operator Desa", "penulis/operator-desa/"),
        category="Pemerintahan",
        tags=["musdes"],
        **extra,
    )


def test_news_article_json_ld():
    article = article_like(
        content_location={"@type": "Place", "name": "Desa Binangun"},
        source="https://contoh.desa.id/x",
    )
    data = json.loads(json.dumps(news_article(article, "https://desa.id", SETTINGS)))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Musdes 2024"
    assert data["description"] == "Warga berkumpul."
    assert data["datePublished"] == data["dateModified"] == "2024-06-05T09:00:00+07:00"
    assert data["url"] == data["mainEntityOfPage"] == "https://desa.id/berita/2024/06/musdes/"
    assert data["author"] == {
        "@type": "Person",
        "name": "Operator Desa",
        "url": "https://desa.id/penulis/operator-desa/",
    }
    assert data["publisher"]["name"] == "Warta Desa"
    assert data["publisher"]["logo"]["url"] == "https://desa.id/theme/img/logo.svg"
    assert data["image"] == ["https://desa.id/theme/img/og.png"]
    assert data["contentLocation"] == {"@type": "Place", "name": "Desa Binangun"}
    assert data["isBasedOn"] == "https://contoh.desa.id/x"


def test_share_image_cover_then_video_poster_then_default():
    cover = SimpleNamespace(url="images/a.jpg", width=800, height=450)
    poster = "https://i.ytimg.com/vi/abc/hqdefault.jpg"
    assert share_image(SimpleNamespace(cover=cover, video_poster=poster), SETTINGS) == (
        "images/a.jpg",
        800,
        450,
    )
    assert share_image(SimpleNamespace(cover=None, video_poster=poster), SETTINGS) == (
        poster,
        None,
        None,
    )
    assert share_image(None, SETTINGS) == ("theme/img/og.png", 1200, 630)


def test_plain_and_absolute():
    assert plain('Rapat&nbsp;<span class="caps">BPD</span> &amp; warga') == "Rapat BPD & warga"
    assert absolute("https://desa.id/", "/berita/x/") == "https://desa.id/berita/x/"
    assert absolute("https://desa.id", "https://i.ytimg.com/x.jpg") == "https://i.ytimg.com/x.jpg"


# --- in a real build ---------------------------------------------------------------------


def write_site(root, cover="images/musdes.jpg"):
    (root / "berita").mkdir(parents=True)
    (root / "images").mkdir()
    Image.new("RGB", (640, 360), "green").save(root / "images" / "musdes.jpg")
    (root / "berita" / "musdes.md").write_text(
        "---\ntitle: Musdes Binangun\ndate: 2024-06-05 09:00\ncategory: Pemerintahan\n"
        f"image: {cover}\nimage_caption: Warga di balai desa\n---\n\n"
        "Warga berkumpul.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        encoding="utf-8",
    )
    return root


def test_build_measures_cover_and_wraps_tables(tmp_path):
    site = build_site(tmp_path / "out", content=write_site(tmp_path / "content"))
    page = site.html("berita/2024/06/musdes-binangun/")
    image = page.select_one("figure.cover img")
    # No alt text of its own: the caption says it, once (an alt text repeating the caption
    # was read twice by a screen reader).
    assert (image["width"], image["height"], image["alt"]) == ("640", "360", "")
    assert text_of(page.select_one("figure.cover figcaption")) == "Warga di balai desa"
    # The photos plugin publishes sized copies (foto/...), not the original.
    assert not site.exists("images/musdes.jpg")
    assert (site.path("berita/2024/06/musdes-binangun/").parent / image["src"]).is_file()
    assert page.select_one("div.table[role=region][tabindex='0'] table")
    assert page.select_one("figure.cover figcaption").get_text() == "Warga di balai desa"


def test_build_stops_on_a_cover_from_a_site_hidden_behind_a_backslash(tmp_path):
    cover = "'https://evil.example\\@i.ytimg.com/x.jpg'"
    content = write_site(tmp_path / "content", cover=cover)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content, CONTENT_SECURITY_POLICY=CSP)
    problems = [p for p in failed.value.problems if "evil.example" in p]
    assert len(problems) == 1, failed.value.problems
    assert (
        "musdes.md:5: gambar 'https://evil.example\\@i.ytimg.com/x.jpg' bukan alamat web"
        in (problems[0])
    )
    assert not (tmp_path / "out").exists()


def test_build_stops_on_a_missing_cover_with_file_and_line(tmp_path):
    content = write_site(tmp_path / "content", cover="images/tidak-ada.jpg")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=content)
    problems = [p for p in failed.value.problems if "tidak-ada.jpg" in p]
    assert len(problems) == 1
    assert "musdes.md:5: gambar 'images/tidak-ada.jpg' tidak ditemukan" in problems[0]
    assert not (tmp_path / "out").exists()


def test_photos_named_as_phones_and_the_web_editor_name_them_are_found(tmp_path):
    """A WhatsApp photo's name has spaces: the web editor (and Markdown) write it
    percent-encoded in a body (`WhatsApp%20Image%20….jpeg`), and a cover's name may hold a
    `#` (`Sampul Desa #2.jpeg`). Both are the files a browser would load: found, made into
    sized photos. A percent-encoded `..` still stays inside content/."""
    root = tmp_path / "content"
    write_site(root, cover="'/images/Sampul Desa #2.jpeg'")
    Image.new("RGB", (640, 360), "red").save(root / "images" / "Sampul Desa #2.jpeg")
    phone = "WhatsApp Image 2024-06-01 at 10.15.33.jpeg"
    Image.new("RGB", (900, 600), "blue").save(root / "images" / phone)
    source = root / "berita" / "musdes.md"
    encoded = phone.replace(" ", "%20")
    source.write_text(
        source.read_text(encoding="utf-8") + f"\n![Jembatan desa](/images/{encoded})\n",
        encoding="utf-8",
    )
    site = build_site(tmp_path / "out", content=root)
    page = site.html("berita/2024/06/musdes-binangun/")
    here = site.path("berita/2024/06/musdes-binangun/").parent
    cover = page.select_one("figure.cover img")
    body = page.find("img", alt="Jembatan desa")
    assert "sampul-desa-2" in cover["src"] and (here / cover["src"]).is_file()
    assert "whatsapp-image" in body["src"] and (here / body["src"]).is_file()
    assert (body["width"], body["height"]) == ("800", "533")

    (tmp_path / "rahasia.jpg").write_bytes((root / "images" / phone).read_bytes())
    source.write_text(
        source.read_text(encoding="utf-8") + "\n![x](/images/%2E%2E/%2E%2E/rahasia.jpg)\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out2", content=root)
    assert any("%2E%2E/%2E%2E/rahasia.jpg" in p for p in failed.value.problems), failed.value


def test_a_picture_published_under_its_own_name_may_not_hold_a_hash(tmp_path):
    """A drawing (SVG) keeps its name when published: `#` in it would end the address in
    a browser (the page showed a broken picture), so it is refused with the fix; a photo
    gets a new name from the photos plugin and may keep its `#`."""
    root = tmp_path / "content"
    write_site(root)
    (root / "images" / "Peta Desa #3.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    source = root / "berita" / "musdes.md"
    source.write_text(
        source.read_text(encoding="utf-8") + "\n![Peta desa](images/Peta%20Desa%20%233.svg)\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "out", content=root)
    assert [p.split("/content/", 1)[1] for p in failed.value.problems] == [
        "berita/musdes.md:15: nama berkas gambar 'images/Peta Desa #3.svg' memuat # atau ?: "
        "alamatnya terputus di peramban (file name with # or ?) — ganti nama berkasnya tanpa # "
        "dan ?, lalu tulis nama barunya di sini"
    ]
