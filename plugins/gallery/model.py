"""An album (a Pelican Content like Article and Page, its URL from ALBUM_URL and
ALBUM_SAVE_AS) and one photo of it (its own page from ALBUM_PHOTO_URL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican.contents import Content

from article_extras.seo import absolute, plain
from wartadesa.dates import iso


class Album(Content):
    mandatory_properties = ("title", "date")
    default_status = "published"
    default_template = "album"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Before Content.__init__, which sends content_object_init (other plugins look
        # at `cover` there).
        self.pictures = []  # AlbumPhoto, in the order of `foto:`
        self.villages = []  # villages.model.Village, set by the generator
        self.regions = []
        # Pelican's readers give every file DEFAULT_CATEGORY: an album is in no news
        # category (its feed entries said "Umum").
        metadata = kwargs.get("metadata", args[1] if len(args) > 1 else None)
        if isinstance(metadata, dict):
            metadata.pop("category", None)
        super().__init__(*args, **kwargs)

    @property
    def cover(self) -> AlbumPhoto | None:
        """The first photo: the album's picture in lists and its og:image."""
        return self.pictures[0] if self.pictures else None

    def json_ld(self, base: str) -> dict[str, Any]:
        """schema.org ImageGallery of the album (absolute addresses under `base`), for the
        theme's `|tojson`."""

        def image(picture):
            largest = max(picture.photo.of("full"), key=lambda d: (d.width, d.format == "jpeg"))
            return {
                "@type": "ImageObject",
                "contentUrl": absolute(base, largest.name),
                "url": absolute(base, picture.url),
                "caption": picture.caption or picture.alt,
                "width": largest.width,
                "height": largest.height,
            }

        data = {
            "@context": "https://schema.org",
            "@type": "ImageGallery",
            "name": plain(self.title),
            "url": absolute(base, self.url),
            "datePublished": iso(self.date),
            "image": [image(p) for p in self.pictures],
        }
        places = [v.place() for v in self.villages] + [r.place() for r in self.regions]
        if places:
            data["contentLocation"] = places[0] if len(places) == 1 else places
        return data


@dataclass
class AlbumPhoto:
    album: Album
    number: int  # 1, 2, ... in the album's order
    photo: object  # photos.variants.Photo
    caption: str
    alt: str
    line: int  # of its `- berkas:` entry in index.md

    def _format(self, name):
        return str(self.album.settings[name]).format(slug=self.album.slug, number=self.number)

    @property
    def url(self) -> str:
        return self._format("ALBUM_PHOTO_URL")

    @property
    def save_as(self) -> str:
        return self._format("ALBUM_PHOTO_SAVE_AS")

    @property
    def cover(self) -> AlbumPhoto:
        """The photo itself: its page shares it (article_extras' share_image reads
        `content.cover.share`)."""
        return self

    @property
    def share(self) -> tuple[str, int, int]:
        """(address, width, height) of the 1200x630 share picture (og:image)."""
        share = self.photo.share
        return share.name, share.width, share.height

    @property
    def previous(self) -> AlbumPhoto | None:
        return self.album.pictures[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> AlbumPhoto | None:
        pictures = self.album.pictures
        return pictures[self.number] if self.number < len(pictures) else None
