"""The site's own share picture: the preview WhatsApp and Facebook show for a page without
a picture of its own (og:image: DEFAULT_OG_IMAGE).

The kit's default, `theme/img/og-default.png`, shows the kit's name: every village that had
not made its own showed "Warta Desa" on WhatsApp. While DEFAULT_OG_IMAGE is that default and
the site has no `overrides/static/img/og-default.png` of its own, the picture is drawn at
build time from the site's identity instead (`SITE_SHARE_PICTURE`, under the theme's
static folder): its name and tagline (situs.yml `nama`, `slogan`), and its domain
(CUSTOM_DOMAIN, else the host of a production SITEURL). 1200x630 PNG in the theme's
colours and Pillow's built-in font (wartadesa.share_pictures: the same identity gives the
same bytes on every machine), written by a generator and declared for the output plan.
With the build cache (BUILD_CACHE), the drawn bytes are kept in its `share-picture/`
folder under a digest of what they are drawn from (the texts drawn, the drawing code,
Pillow's, FreeType's and zlib's versions), so a rebuild copies them instead of drawing them again (about 45 ms)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import PIL
from pelican.generators import Generator
from PIL import Image, ImageDraw, features

from front_matter.contents import plain
from wartadesa import read_cache, share_pictures
from wartadesa.share_pictures import GREEN, MARGIN, MUTED, SIZE, WHITE, bold, lines_of, png_bytes

from .overrides import overrides_folder

if TYPE_CHECKING:
    from pelican.writers import Writer

SETTING = "SITE_SHARE_PICTURE"  # the drawn picture's path in the output, when drawn
KIT_PICTURE = "img/og-default.png"  # under THEME_STATIC_DIR
SITE_PICTURE = "img/og-situs.png"


def use_site_picture(settings: dict[str, Any]) -> None:
    """initialized, after the identity and the overrides: make DEFAULT_OG_IMAGE the drawn
    picture while it is the kit's and the site has not put its own in its place."""
    static = str(settings.get("THEME_STATIC_DIR") or "theme").strip("/")
    settings[SETTING] = None
    if str(settings.get("DEFAULT_OG_IMAGE") or "").lstrip("/") != f"{static}/{KIT_PICTURE}":
        return
    if (overrides_folder(settings) / "static" / Path(KIT_PICTURE)).is_file():
        return
    settings[SETTING] = settings["DEFAULT_OG_IMAGE"] = f"{static}/{SITE_PICTURE}"


def domain(settings: Mapping[str, Any]) -> str:
    """CUSTOM_DOMAIN, else the host of an http(s) SITEURL, else ""."""
    custom = str(settings.get("CUSTOM_DOMAIN") or "").strip()
    if custom:
        return custom
    url = str(settings.get("SITEURL") or "")
    return urlsplit(url).hostname or "" if url.startswith(("http://", "https://")) else ""


def picture_png(settings: Mapping[str, Any]) -> bytes:
    """The PNG bytes of the site's share picture: name and tagline centred in the green
    band (a preview cut to a square keeps the middle), the domain in the white foot."""
    image = Image.new("RGB", SIZE, GREEN)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    band, foot_height = SIZE[1] - 120, 120
    name_font, name = lines_of(draw, plain(settings.get("SITENAME")) or "Situs desa", 88, width, 2)
    rows = [(line, name_font, True, round(name_font.size * 1.2)) for line in name]
    rows[-1] = (*rows[-1][:3], rows[-1][3] + 18)  # a little room before the tagline
    tagline = plain(settings.get("SITESUBTITLE"))
    if tagline:
        tag_font, lines = lines_of(draw, tagline, 44, width, 2)
        rows += [(line, tag_font, False, round(tag_font.size * 1.35)) for line in lines]
    y = (band - sum(height for *_, height in rows)) // 2
    for line, chosen, strong, height in rows:
        x = (SIZE[0] - draw.textlength(line, font=chosen)) // 2
        if strong:
            bold(draw, (x, y), line, chosen, WHITE)
        else:
            draw.text((x, y), line, font=chosen, fill=WHITE)
        y += height
    # The foot: where the site is.
    draw.rectangle((0, band, SIZE[0], SIZE[1]), fill=WHITE)
    host = domain(settings)
    foot_font, foot = lines_of(draw, host or "Berita dan informasi desa", 44, width, 1)
    x = (SIZE[0] - draw.textlength(foot[0], font=foot_font)) // 2
    y = band + (foot_height - foot_font.size) // 2 - 4
    if host:
        bold(draw, (x, y), foot[0], foot_font, GREEN)
    else:
        draw.text((x, y), foot[0], font=foot_font, fill=MUTED)
    return png_bytes(image)


CACHE_FOLDER = "share-picture"  # in the build cache: <digest>.png, the last one drawn


def picture_key(settings: Mapping[str, Any]) -> str:
    """A digest of everything `picture_png` draws from: the texts as drawn, the drawing
    code, and Pillow with the FreeType and zlib it was built with (a distribution's Pillow
    may keep its version while they change)."""
    libraries = [PIL.__version__] + [
        features.version(name) or "-" for name in ("freetype2", "zlib")
    ]
    digest = hashlib.sha256("\0".join(libraries).encode())
    for module in (__file__, share_pictures.__file__):
        digest.update(Path(module).read_bytes())
    texts = (plain(settings.get("SITENAME")), plain(settings.get("SITESUBTITLE")), domain(settings))
    for text in texts:
        digest.update(b"\0" + str(text or "").encode("utf-8", "replace"))
    return digest.hexdigest()


def cached_picture_png(settings: Mapping[str, Any]) -> bytes:
    """`picture_png`, taken from the build cache when it holds the one for this identity."""
    cache = read_cache.folder(settings)
    if cache is None:
        return picture_png(settings)
    kept = cache / CACHE_FOLDER / f"{picture_key(settings)}.png"
    with suppress(OSError):
        return kept.read_bytes()
    data = picture_png(settings)
    with suppress(OSError):  # a cache that cannot be written only makes the next build draw
        kept.parent.mkdir(parents=True, exist_ok=True)
        for older in kept.parent.glob("*.png"):
            older.unlink()
        read_cache.replace_file(kept, data)
    return data


class SharePictureGenerator(Generator):
    """Writes SITE_SHARE_PICTURE when `use_site_picture` chose to draw it."""

    def generate_context(self) -> None:
        pass

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        if self.settings.get(SETTING):
            yield self.settings[SETTING], "gambar pratinjau situs", "", 1, ""

    def generate_output(self, writer: Writer) -> None:
        name = self.settings.get(SETTING)
        if not name:
            return
        target = Path(self.output_path, *name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cached_picture_png(self.settings))


def get_generators(_pelican: object) -> type[Generator]:
    return SharePictureGenerator
