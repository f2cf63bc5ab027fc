"""Structured data for search engines: the JSON-LD `NewsArticle` of an article.

Exposed to templates as the Jinja global `news_article_ld(article, base)`; the
template writes it with `|tojson` (always valid JSON)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from front_matter.contents import plain
from wartadesa.dates import iso

if TYPE_CHECKING:
    from pelican.contents import Article


def site_base(settings: dict) -> str:
    """The absolute address of the site: SITEURL in production, else FEED_DOMAIN
    (the preview server) so shared links and the sitemap still hold full addresses."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith(("http://", "https://")):
        return siteurl.rstrip("/")
    return (settings.get("FEED_DOMAIN") or siteurl).rstrip("/")


def absolute(base: str | None, path: object) -> str:
    """`path` (relative to the site root, or already absolute) under `base`."""
    path = str(path or "")
    if re.match(r"^[a-z]+://", path, re.IGNORECASE):
        return path
    return f"{str(base or '').rstrip('/')}/{path.lstrip('/')}"


def share_image(content: object, settings: Mapping[str, Any]) -> tuple[str, int | None, int | None]:
    """(address relative to the site or absolute, width, height) for og:image:
    the object's own `share_image` (url, width, height) when it has one (e.g. the APBDes
    summary picture), else the cover image (its share picture), else the video poster,
    else DEFAULT_OG_IMAGE."""
    own = getattr(content, "share_image", None)
    if own:
        return own
    cover = getattr(content, "cover", None)
    if cover:
        # The photos plugin's 1200x630 JPEG (small enough for WhatsApp), else the file.
        return getattr(cover, "share", None) or (cover.url, cover.width, cover.height)
    poster = getattr(content, "video_poster", None)
    if poster:
        return str(poster), None, None
    default = settings.get("DEFAULT_OG_IMAGE") or ""
    size = settings.get("DEFAULT_OG_IMAGE_SIZE") or (None, None)
    return default, size[0], size[1]


def postal_address(settings: Mapping[str, Any]) -> dict[str, str] | None:
    """schema.org PostalAddress of the site's office (content/situs.yml), or None."""
    place = settings.get("SITE_PLACE") or {}
    if not place:
        return None
    fields = {
        "streetAddress": place.get("alamat", "").replace("\n", ", "),
        "addressLocality": place.get("desa", ""),
        "addressRegion": ", ".join(filter(None, [place.get("kabupaten"), place.get("provinsi")])),
        "postalCode": place.get("kode_pos", ""),
    }
    address = {
        "@type": "PostalAddress",
        **{k: plain(v) for k, v in fields.items() if v},
        "addressCountry": "ID",
    }
    return address


def news_article(article: Article, base: str, settings: Mapping[str, Any]) -> dict[str, Any]:
    """The schema.org NewsArticle of `article` as a dict; URLs under `base`."""
    url = absolute(base, article.url)
    image, _, _ = share_image(article, settings)
    modified = getattr(article, "modified", None) or article.date
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": plain(article.title),
        "description": plain(getattr(article, "summary", "")),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": settings.get("DEFAULT_LANG", "id"),
        "datePublished": iso(article.date),
        "dateModified": iso(modified),
        "publisher": {
            "@type": "Organization",
            "name": plain(settings.get("SITENAME")),
            "url": absolute(base, ""),
            "logo": {"@type": "ImageObject", "url": absolute(base, settings.get("SITELOGO", ""))},
        },
    }
    address = postal_address(settings)
    if address:
        data["publisher"]["address"] = address
    contacts = {"email": settings.get("CONTACT_EMAIL"), "telephone": settings.get("CONTACT_PHONE")}
    data["publisher"].update({k: plain(v) for k, v in contacts.items() if v})
    links = [link for _label, link in settings.get("SOCIAL_LINKS") or []]
    if links:
        data["publisher"]["sameAs"] = links
    author = getattr(article, "author", None)
    if author:
        data["author"] = {
            "@type": "Person",
            "name": plain(author),
            "url": absolute(base, author.url),
        }
    if image:
        data["image"] = [absolute(base, image)]
    category = getattr(article, "category", None)
    if category:
        data["articleSection"] = plain(category)
    tags = getattr(article, "tags", None)
    if tags:
        data["keywords"] = [plain(tag) for tag in tags]
    location = getattr(article, "content_location", None)
    if location:
        data["contentLocation"] = location
    source = getattr(article, "source", None)
    if source:
        data["isBasedOn"] = str(source)
    return data
