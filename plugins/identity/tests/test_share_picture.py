"""The site's own share picture (plugins/identity/share_picture.py): a page without a
picture of its own shared on WhatsApp showed the kit's banner, "Warta Desa", for every
village. The picture is now drawn from the village's identity."""

import io

from PIL import Image
from test_identity import SITUS, sample_content

from identity.share_picture import picture_png
from tests.sitetools import build_site
from wartadesa.share_pictures import GREEN, SIZE, WHITE

BASE = "https://binangun-singgahan.desa.id"


def og_image(site, url=""):
    page = site.html(url)
    return page.find("meta", property="og:image")["content"], (
        int(page.find("meta", property="og:image:width")["content"]),
        int(page.find("meta", property="og:image:height")["content"]),
    )


def colours(png):
    with Image.open(io.BytesIO(png)) as image:
        return image.size, image.convert("RGB")


def test_a_village_shares_its_own_name_not_the_kits(tmp_path):
    content = sample_content(tmp_path / "content", SITUS)
    site = build_site(tmp_path / "output", settings="publishconf.py", content=content, siteurl=BASE)
    for url in ("", "kategori/", "arsip/"):
        assert og_image(site, url) == (f"{BASE}/theme/img/og-situs.png", (1200, 630))
    published = site.path("theme/img/og-situs.png").read_bytes()
    # The picture of this village's identity, byte for byte: drawn from its name
    # (official data: "Desa Binangun"), its slogan and its domain.
    settings = {
        "SITENAME": "Desa Binangun",
        "SITESUBTITLE": "Kabar dari lereng Kendeng",
        "SITEURL": BASE,
    }
    assert published == picture_png(settings)
    assert published != picture_png({**settings, "SITENAME": "Warta Desa"})
    assert published != picture_png({**settings, "SITEURL": "https://lain.desa.id"})
    size, image = colours(published)
    assert size == SIZE
    assert image.getpixel((5, 5)) == GREEN and image.getpixel((5, SIZE[1] - 5)) == WHITE
    # Without metadata, and the same bytes a second time.
    with Image.open(io.BytesIO(published)) as image:
        assert not image.info.get("exif") and not image.text
    assert picture_png(settings) == picture_png(dict(settings))


def test_the_name_is_drawn_in_white_across_the_middle():
    """The name's letters are white on the band, centred (a preview cut to a square keeps
    the middle); a longer name takes more of the band, a markup tag is not drawn."""

    def white_columns(png):
        _, image = colours(png)
        band = image.crop((0, 0, SIZE[0], SIZE[1] - 140))
        return [
            x
            for x in range(SIZE[0])
            if any(band.getpixel((x, y)) == WHITE for y in range(0, band.height, 2))
        ]

    short = white_columns(picture_png({"SITENAME": "Desa Binangun"}))
    longer = white_columns(picture_png({"SITENAME": "Desa Binangun Kecamatan Singgahan"}))
    assert short and abs((short[0] + short[-1]) / 2 - SIZE[0] / 2) < 8
    assert longer[0] < short[0] and longer[-1] > short[-1]
    assert picture_png({"SITENAME": "Desa <i>Binangun</i>"}) == picture_png(
        {"SITENAME": "Desa Binangun"}
    )


def test_a_sites_own_picture_is_kept(tmp_path):
    """overrides/static/img/og-default.png (the README's way) or a DEFAULT_OG_IMAGE of its
    own: no picture is drawn, the site's is shared."""
    content = sample_content(tmp_path / "content", SITUS)
    static = tmp_path / "overrides" / "static" / "img"
    static.mkdir(parents=True)
    Image.new("RGB", (1200, 630), (200, 30, 30)).save(static / "og-default.png")
    site = build_site(tmp_path / "output", settings="publishconf.py", content=content, siteurl=BASE)
    assert og_image(site)[0] == f"{BASE}/theme/img/og-default.png"
    assert not site.exists("theme/img/og-situs.png")
    with Image.open(site.path("theme/img/og-default.png")) as image:
        assert image.getpixel((5, 5)) == (200, 30, 30)

    other = build_site(
        tmp_path / "output2",
        settings="publishconf.py",
        content=sample_content(tmp_path / "content2", SITUS),
        siteurl=BASE,
        DEFAULT_OG_IMAGE="theme/img/logo.svg",
    )
    assert og_image(other)[0] == f"{BASE}/theme/img/logo.svg"
    assert not other.exists("theme/img/og-situs.png")


def test_a_rebuild_takes_the_drawn_picture_from_the_build_cache(tmp_path, monkeypatch):
    from identity import share_picture

    settings = {
        "SITENAME": "Desa Binangun",
        "SITESUBTITLE": "Kabar dari lereng Kendeng",
        "SITEURL": BASE,
        "PATH": str(tmp_path / "content"),
        "BUILD_CACHE": str(tmp_path / "cache"),
    }
    drawn = share_picture.cached_picture_png(settings)
    assert drawn == picture_png(settings)
    kept = tmp_path / "cache" / share_picture.CACHE_FOLDER
    assert [p.name for p in kept.iterdir()] == [f"{share_picture.picture_key(settings)}.png"]

    def no_drawing(_settings):
        raise AssertionError("drawn again")

    monkeypatch.setattr(share_picture, "picture_png", no_drawing)
    assert share_picture.cached_picture_png(dict(settings)) == drawn
    # Another identity is drawn, and only its picture is kept.
    monkeypatch.undo()
    other = {**settings, "SITESUBTITLE": "Berita dari Binangun"}
    assert share_picture.cached_picture_png(other) == picture_png(other) != drawn
    assert [p.name for p in kept.iterdir()] == [f"{share_picture.picture_key(other)}.png"]
    # Without the build cache, nothing is kept anywhere.
    assert share_picture.cached_picture_png({**settings, "BUILD_CACHE": ""}) == drawn


def test_the_cache_key_follows_what_is_drawn():
    """The key is of the texts drawn: the same picture, the same key; another text, another."""
    from identity.share_picture import picture_key

    plain_name = {"SITENAME": "Desa Binangun", "SITEURL": BASE}
    assert picture_key({**plain_name, "SITENAME": "<b>Desa</b> Binangun"}) == picture_key(
        plain_name
    )
    assert picture_key({**plain_name, "SITENAME": "Desa Binangun Lor"}) != picture_key(plain_name)
    assert picture_key({**plain_name, "CUSTOM_DOMAIN": "lain.desa.id"}) != picture_key(plain_name)
