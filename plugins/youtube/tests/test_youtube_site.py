"""YouTube players in built sites: markup, no-JS fallback, front matter, theme contract,
feeds, and the browser click that swaps the poster for the privacy-enhanced player."""

import textwrap
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import external_requests_once, screenshot, serve_folder
from tests.sitetools import build_site, text_of

ROOT = Path(__file__).resolve().parents[3]
VIDEO_JS = ROOT / "theme" / "static" / "js" / "video.js"
SITEURL = "https://binangun.desa.id"
ARTICLE = "berita/2024/06/musyawarah-desa-dengan-video/"
PLAIN = "berita/2024/06/kerja-bakti-tanpa-video/"
FRONT_ONLY = "berita/2024/06/pelantikan-bpd/"
BODY_ONLY = "berita/2024/06/lomba-desa/"
NOCOOKIE = "https://www.youtube-nocookie.com/embed/"

ARTICLES = {
    "a.md": """
        ---
        title: Musyawarah Desa dengan Video
        date: 2024-06-05 09:00
        category: Pemerintahan
        youtube: https://www.youtube.com/watch?v=FRONTVIDEO1&t=1m30s
        ---
        Pembukaan musyawarah.

        https://www.youtube.com/watch?v=BODYVIDEO01&t=1h2m3s&list=PL0123456789abcdef

        [Sambutan **Kepala Desa**](https://youtu.be/LINKEDVIDEO?si=tracking123)

        <https://youtube.com/shorts/SHORTVIDEO1>

        Lihat rekaman di <https://youtu.be/INSENTENCE1> atau tonton [video ini](https://youtu.be/INSENTENCE2?t=5) kemarin.

        Kanal desa: [YouTube Desa](https://www.youtube.com/@DesaBinangun).

        [https://youtu.be/AUTOTITLE01](https://youtu.be/AUTOTITLE01)
        """,
    "b.md": """
        ---
        title: Kerja Bakti Tanpa Video
        date: 2024-06-06 07:00
        category: Pembangunan
        ---
        Warga membersihkan saluran. Rekamannya ada di kanal YouTube desa.
        """,
    "c.md": """
        ---
        title: Pelantikan BPD
        date: 2024-06-07
        category: Pemerintahan
        youtube: FRONTONLY01
        youtube_title: Video Pelantikan BPD
        ---
        Anggota BPD dilantik.
        """,
    "d.md": """
        ---
        title: Lomba Desa
        date: 2024-06-08
        category: Pembangunan
        ---
        Cuplikan lomba:

        youtu.be/BODYONLY001?t=42
        """,
}

PAGE = """
    ---
    title: Profil Desa
    ---
    Profil desa dalam video:

    https://www.youtube.com/watch?v=PAGEVIDEO01
    """

# The attributes the theme receives, one row per article (a template page).
CONTRACT_TEMPLATE = """
{% for a in articles|sort(attribute="slug") %}
<section id="{{ a.slug }}" data-has-video="{{ a.has_video }}" data-poster="{{ a.video_poster }}">
{% if a.video_html %}{{ a.video_html }}{% else %}<p class="no-front-video"></p>{% endif %}
<div class="summary">{{ a.summary|safe }}</div>
</section>
{% endfor %}
"""


def make_content(folder):
    for name, text in ARTICLES.items():
        path = folder / "berita" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    (folder / "pages").mkdir()
    (folder / "pages" / "profil.md").write_text(
        textwrap.dedent(PAGE).lstrip("\n"), encoding="utf-8"
    )
    (folder / "youtube_contract.html").write_text(CONTRACT_TEMPLATE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return make_content(tmp_path_factory.mktemp("youtube-content"))


@pytest.fixture(scope="module")
def site(tmp_path_factory, content):
    return build_site(
        tmp_path_factory.mktemp("youtube-preview") / "output",
        content=content,
        TEMPLATE_PAGES={"youtube_contract.html": "youtube-contract/index.html"},
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory, content):
    return build_site(
        tmp_path_factory.mktemp("youtube-publish") / "output",
        settings="publishconf.py",
        content=content,
        siteurl=SITEURL,
        # the contract template is in content/: a file nothing renders would be an error
        TEMPLATE_PAGES={"youtube_contract.html": "youtube-contract/index.html"},
    )


def body_of(page, first_words):
    """The element holding the article body, whatever class the theme gives it (the last
    paragraph starting with these words: the lead above may repeat the first one)."""
    found = page.find_all("p", string=lambda text: text and text.startswith(first_words))
    return found[-1].parent


def body_players(page):
    return body_of(page, "Pembukaan").select("figure.video")


# --- Markup in the article body -------------------------------------------------------------


def test_standalone_addresses_become_players_in_order(site):
    page = site.html(ARTICLE)
    ids = [figure["data-video"] for figure in body_players(page)]
    assert ids == ["BODYVIDEO01", "LINKEDVIDEO", "SHORTVIDEO1", "AUTOTITLE01"]


def test_player_markup_follows_the_contract(site):
    figure = body_of(site.html(ARTICLE), "Pembukaan").select_one('figure[data-video="BODYVIDEO01"]')
    assert figure["class"] == ["video"]
    link = figure.find("a", class_="video__link")
    assert link["href"] == "https://www.youtube.com/watch?v=BODYVIDEO01&t=3723s"
    assert link["data-embed"] == NOCOOKIE + "BODYVIDEO01?autoplay=1&start=3723"
    assert link["data-title"] == "Video YouTube"
    assert link["aria-label"] == "Putar video: Video YouTube"
    # The poster is the site's own box: no image at all, none asked of YouTube.
    assert figure.find("img") is None and "ytimg" not in str(figure)
    play = link.find("span", class_="video__play")
    assert play["aria-hidden"] == "true" and play.get_text() == ""
    assert text_of(link.find("span", class_="video__title")) == "Video YouTube"


def test_link_text_is_the_title_and_si_is_dropped(site):
    link = site.html(ARTICLE).select_one('figure[data-video="LINKEDVIDEO"] a.video__link')
    assert link["data-title"] == "Sambutan Kepala Desa"
    assert link["aria-label"] == "Putar video: Sambutan Kepala Desa"
    assert text_of(link.find(class_="video__title")) == "Sambutan Kepala Desa"
    assert link["href"] == "https://www.youtube.com/watch?v=LINKEDVIDEO"
    assert link["data-embed"] == NOCOOKIE + "LINKEDVIDEO?autoplay=1"
    assert "si=" not in str(link) and "tracking123" not in site.text(ARTICLE)


def test_a_link_whose_text_is_the_address_gets_the_default_title(site):
    link = site.html(ARTICLE).select_one('figure[data-video="AUTOTITLE01"] a.video__link')
    assert link["data-title"] == "Video YouTube"


def test_shorts_are_marked_for_9_16(site):
    figure = site.html(ARTICLE).select_one('figure[data-video="SHORTVIDEO1"]')
    assert figure["class"] == ["video", "video--short"]
    assert figure.a["href"] == "https://www.youtube.com/shorts/SHORTVIDEO1"
    assert figure.a["data-embed"] == NOCOOKIE + "SHORTVIDEO1?autoplay=1"


def test_addresses_in_a_sentence_stay_ordinary_links(site):
    page = site.html(ARTICLE)
    sentence = next(p for p in page.select("article p") if "Lihat rekaman" in p.get_text())
    hrefs = [a["href"] for a in sentence.find_all("a")]
    assert hrefs == ["https://youtu.be/INSENTENCE1", "https://youtu.be/INSENTENCE2?t=5"]
    assert sentence.find("a", href="https://youtu.be/INSENTENCE2?t=5").get_text() == "video ini"
    channel = page.find("a", href="https://www.youtube.com/@DesaBinangun")
    assert channel.get_text() == "YouTube Desa" and channel.find_parent("p")
    html = site.text(ARTICLE)
    for video_id in ("INSENTENCE1", "INSENTENCE2"):
        assert f'data-video="{video_id}"' not in html and f"/vi/{video_id}/" not in html


def test_without_javascript_the_player_is_a_link_to_youtube(site):
    page = site.html(ARTICLE)
    assert page.find("iframe") is None
    watch_links = [a["href"] for a in page.select("figure.video > a.video__link")]
    assert len(watch_links) == 5
    assert all(href.startswith("https://www.youtube.com/") for href in watch_links)
    for element in page.select("figure.video, figure.video *"):
        assert "style" not in element.attrs
        assert not [name for name in element.attrs if name.startswith("on")]


def test_the_script_is_ours_external_and_only_on_pages_with_a_video(site):
    page = site.html(ARTICLE)
    scripts = page.find_all("script", src=lambda src: src and "video" in src)
    assert [s["src"] for s in scripts] == ["../../../../theme/js/video.js"]
    assert scripts[0].has_attr("defer") and scripts[0].get_text() == ""
    for script in page.find_all("script", src=False):
        assert "iframe" not in script.get_text()  # no inline player code
    assert site.path("theme/js/video.js").read_bytes() == VIDEO_JS.read_bytes()
    assert site.html(PLAIN).find("script", src="../../../../theme/js/video.js") is None
    assert site.html(FRONT_ONLY).find("script", src="../../../../theme/js/video.js")
    assert site.html(BODY_ONLY).find("script", src="../../../../theme/js/video.js")


def test_decorative_posters_cause_no_build_warnings(site):
    assert [w for w in site.warnings if "empty alt" in w.lower()] == []


def test_video_js_is_under_one_kilobyte_and_uses_no_third_party_code():
    data = VIDEO_JS.read_bytes()
    assert len(data) < 1024
    text = data.decode("utf-8")
    assert "youtube.com/iframe_api" not in text and "import" not in text
    assert "innerHTML" not in text and ".style" not in text  # CSP: no inline styles


# --- Front matter video and the theme contract ----------------------------------------------


def test_front_matter_video_is_shown_before_the_body(site):
    page = site.html(ARTICLE)
    article = page.find("article")
    front = article.select_one('figure.video[data-video="FRONTVIDEO1"]')
    body = body_of(page, "Pembukaan")
    assert front is not None and body not in front.parents
    assert front in body.find_all_previous("figure")
    link = front.find("a", class_="video__link")
    assert link["href"] == "https://www.youtube.com/watch?v=FRONTVIDEO1&t=90s"
    assert link["data-embed"] == NOCOOKIE + "FRONTVIDEO1?autoplay=1&start=90"
    assert link["data-title"] == "Musyawarah Desa dengan Video"


def test_contract_attributes(site):
    page = site.html("youtube-contract/")
    rows = {section["id"]: section for section in page.find_all("section")}
    with_video = rows["musyawarah-desa-dengan-video"]
    assert with_video["data-has-video"] == "True"
    assert with_video["data-poster"] == "https://i.ytimg.com/vi/FRONTVIDEO1/hqdefault.jpg"
    assert [f["data-video"] for f in with_video.find_all("figure")] == ["FRONTVIDEO1"]

    front_only = rows["pelantikan-bpd"]
    assert front_only["data-has-video"] == "True"
    assert front_only["data-poster"] == "https://i.ytimg.com/vi/FRONTONLY01/hqdefault.jpg"
    link = front_only.find("a", class_="video__link")
    assert link["data-title"] == "Video Pelantikan BPD"  # youtube_title wins over the title
    assert link["href"] == "https://www.youtube.com/watch?v=FRONTONLY01"

    body_only = rows["lomba-desa"]
    assert body_only["data-has-video"] == "True"
    assert body_only["data-poster"] == "https://i.ytimg.com/vi/BODYONLY001/hqdefault.jpg"
    assert body_only.find("figure") is None and body_only.find(class_="no-front-video")

    plain = rows["kerja-bakti-tanpa-video"]
    assert plain["data-has-video"] == "False"
    assert plain["data-poster"] == "None"


def test_automatic_summaries_leave_the_players_out(site):
    page = site.html("youtube-contract/")
    for slug, first_words in [
        ("musyawarah-desa-dengan-video", "Pembukaan musyawarah."),
        ("lomba-desa", "Cuplikan lomba:"),
    ]:
        summary = page.find("section", id=slug).find(class_="summary")
        assert text_of(summary).startswith(first_words)
        assert summary.find("figure") is None and summary.find("img") is None
        assert "Video YouTube" not in text_of(summary)
    # Lists show summaries: no poster on the home page.
    assert site.html("").select('img[src*="ytimg"], figure.video') == []


def test_pages_get_players_too(site):
    figure = site.html("profil-desa/").select_one('figure.video[data-video="PAGEVIDEO01"]')
    assert figure.a["href"] == "https://www.youtube.com/watch?v=PAGEVIDEO01"


def test_address_without_https_or_www_works_in_the_body(site):
    figure = body_of(site.html(BODY_ONLY), "Cuplikan").select_one(
        'figure[data-video="BODYONLY001"]'
    )
    assert figure.a["data-embed"] == NOCOOKIE + "BODYONLY001?autoplay=1&start=42"


# --- Feeds (production build) ---------------------------------------------------------------


def feed_entries(site, path):
    """Entries as a feed reader sees them (feedparser's HTML sanitizing included)."""
    feed = feedparser.parse(site.text(path))
    assert not feed.bozo, feed.get("bozo_exception")
    return {entry.link: entry for entry in feed.entries}


@pytest.mark.parametrize(
    "path", ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/kategori/pemerintahan.atom.xml"]
)
def test_feeds_show_posters_as_links_and_never_an_iframe_or_script(published, path):
    raw = published.text(path)
    assert "<iframe" not in raw.lower() and "&lt;iframe" not in raw.lower()
    assert "<script" not in raw.lower() and "&lt;script" not in raw.lower()
    entries = feed_entries(published, path)
    entry = entries[f"{SITEURL}/{ARTICLE}"]
    html = entry.content[0].value if "content" in entry else entry.description
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img") is None and "ytimg" not in html  # a feed loads nothing from YouTube
    links = [a["href"] for a in soup.find_all("a") if "youtube.com/" in a["href"]]
    # The front matter video leads the entry, as on the page; it is there once.
    assert links[0] == "https://www.youtube.com/watch?v=FRONTVIDEO1&t=90s"
    assert links.count(links[0]) == 1
    assert "https://www.youtube.com/watch?v=BODYVIDEO01&t=3723s" in links
    first = soup.find("a", href=links[0])
    assert text_of(first) == "Musyawarah Desa dengan Video"  # the poster link reads its title


def test_feed_entries_without_video_have_no_poster(published):
    entries = feed_entries(published, "feeds/all.atom.xml")
    entry = entries[f"{SITEURL}/{PLAIN}"]
    assert "i.ytimg.com" not in entry.content[0].value


def test_production_pages_use_an_absolute_script_url_and_no_youtube_image(published):
    page = published.html(ARTICLE)
    assert page.find("script", src=f"{SITEURL}/theme/js/video.js")
    assert page.select('img[src*="ytimg"]') == [] and page.select("figure.video img") == []


# --- In the browser ---------------------------------------------------------------------------


@pytest.mark.browser
def test_nothing_leaves_the_site_before_the_reader_presses_play(site, page_factory):
    """The README's promise: the page asks YouTube for nothing (no poster image, no
    script, no frame) until play is pressed; then only the nocookie player."""
    with serve_folder(site.output) as base_url:
        page = page_factory(390, 844)
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{base_url}/{ARTICLE}", wait_until="networkidle")
        for figure in page.locator("figure.video").all():  # lazy images would load here
            figure.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        assert len(page.locator("figure.video").all()) == 5
        assert any(url.endswith("/theme/js/video.js") for url in requests)
        outside = [url for url in requests if not url.startswith(base_url + "/")]
        assert outside == []
        # The poster box is the site's own: play button and title drawn, no image.
        assert page.locator("figure.video img").count() == 0
        box = page.locator('figure[data-video="LINKEDVIDEO"]').bounding_box()
        title = page.locator('figure[data-video="LINKEDVIDEO"] .video__title').bounding_box()
        assert title["width"] > 0.9 * box["width"] and title["height"] > 0
        screenshot(page, "youtube-poster-no-request-390")

        page.locator('figure[data-video="LINKEDVIDEO"] a.video__link').click()
        page.locator('figure[data-video="LINKEDVIDEO"] iframe').wait_for(state="attached")
        # The frame is attached before the browser asks for its address: wait for that.
        external_requests_once(page, NOCOOKIE + "LINKEDVIDEO")
        outside = [url for url in requests if not url.startswith(base_url + "/")]
        assert outside and all(url.startswith(NOCOOKIE + "LINKEDVIDEO") for url in outside)


@pytest.mark.browser
def test_clicking_the_poster_plays_the_privacy_enhanced_video(site, page_factory):
    with serve_folder(site.output) as base_url:
        page = page_factory(390, 844)
        page.goto(f"{base_url}/{ARTICLE}")
        assert page.locator("iframe").count() == 0
        screenshot(page, "youtube-article-390")
        link = page.locator('figure[data-video="LINKEDVIDEO"] a.video__link')
        link.click()
        frame = page.locator('figure[data-video="LINKEDVIDEO"] iframe')
        frame.wait_for(state="attached")
        assert frame.get_attribute("src") == NOCOOKIE + "LINKEDVIDEO?autoplay=1"
        assert frame.get_attribute("title") == "Sambutan Kepala Desa"
        assert frame.get_attribute("allow") == "autoplay; encrypted-media; picture-in-picture"
        assert frame.get_attribute("allowfullscreen") is not None
        assert page.evaluate("document.activeElement.tagName") == "IFRAME"
        assert page.url == f"{base_url}/{ARTICLE}"  # did not follow the link

        # Keyboard: Space on a focused poster plays it at its start time; Enter too.
        body = page.locator('figure[data-video="BODYVIDEO01"] a.video__link')
        body.focus()
        page.keyboard.press("Space")
        frame = page.locator('figure[data-video="BODYVIDEO01"] iframe')
        frame.wait_for(state="attached")
        assert frame.get_attribute("src").startswith(NOCOOKIE + "BODYVIDEO01?autoplay=1&start=3723")
        assert frame.get_attribute("title") == "Video YouTube"

        short = page.locator('figure[data-video="SHORTVIDEO1"] a.video__link')
        short.focus()
        page.keyboard.press("Enter")
        page.locator('figure[data-video="SHORTVIDEO1"] iframe').wait_for(state="attached")
        assert page.locator("iframe").count() == 3

        # Only the YouTube frames were requested outside 127.0.0.1 (blocked by the fixture).
        external = external_requests_once(page, NOCOOKIE + "LINKEDVIDEO?autoplay=1")
        assert all(url.startswith(NOCOOKIE) for url in external), external
        assert NOCOOKIE + "LINKEDVIDEO?autoplay=1" in external
        # The blocked requests log "Failed to load resource"; nothing else may appear
        # (no exception from video.js, no CSP violation).
        unexpected = [e for e in page.console_errors if "Failed to load resource" not in e]
        assert unexpected == []


def test_the_build_keeps_no_articles_for_the_feeds_once_done(site):
    """A live preview rebuilds in one process: the feeds' lookup of the front matter videos
    is made once per build and let go when the build ends."""
    from youtube import feeds

    assert any(site.output.rglob("*.atom.xml"))
    assert feeds._known == (None, {})
