"""Clean the HTML of every article and page (Markdown output, raw HTML included) with nh3.

Removed: <script>, <style>, forms, objects, every on*= attribute, javascript:/data:
links, `target` and `rel` attributes, iframes other than youtube-nocookie.com.
Kept: what Markdown and our plugins write (tables, footnotes, abbr, headings with id,
classes, the YouTube player markup). External links get rel="noopener".
`TRUSTED_HTML = True` turns cleaning off on purpose.
"""

import re
from urllib.parse import urlsplit

import nh3
from pelican.contents import Article, Page

from front_matter.errors import ContentError, report

from .content import body_lines
from .settings import setting

YOUTUBE_HOSTS = {"www.youtube-nocookie.com", "youtube-nocookie.com"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

TAGS = set(nh3.ALLOWED_TAGS) | {"iframe", "picture", "source", "video", "audio"}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "aria-hidden", "aria-label"},
    "a": {"href", "hreflang", "data-embed", "data-title"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "figure": {"data-video"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading",
               "referrerpolicy", "frameborder"},
    "video": {"src", "controls", "poster", "preload", "width", "height", "muted", "loop",
              "playsinline"},
    "audio": {"src", "controls", "preload"},
    "source": {"src", "srcset", "sizes", "type", "media"},
    "th": {"colspan", "rowspan", "headers", "scope", "align", "style"},
    "td": {"colspan", "rowspan", "headers", "align", "style"},
    "col": {"span", "align"},
    "colgroup": {"span", "align"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ins": {"cite", "datetime"},
    "del": {"cite", "datetime"},
    "details": {"open"},
}
# Titles and captions are short inline text (typogrify adds <span class="caps"> etc.).
INLINE_TAGS = {"span", "em", "strong", "b", "i", "code", "sub", "sup", "abbr", "small", "br"}
INLINE_ATTRIBUTES = {"span": {"class"}, "abbr": {"title"}}
PLAIN_FIELDS = ("title", "image_caption")

EMPTY_IFRAME = re.compile(r"<iframe\b(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL | re.IGNORECASE)
LINK_TAG = re.compile(r'<a\b([^>]*?)\shref="([^"]*)"([^>]*)>', re.IGNORECASE)


def is_youtube_player(url):
    parts = urlsplit(url.strip())
    return parts.scheme == "https" and (parts.hostname or "") in YOUTUBE_HOSTS


def _filter_attribute(tag, name, value):
    if (tag, name) in (("iframe", "src"), ("a", "data-embed")):
        return value if is_youtube_player(value) else None
    return value


_cleaner = nh3.Cleaner(
    tags=TAGS,
    attributes=ATTRIBUTES,
    attribute_filter=_filter_attribute,
    url_schemes=URL_SCHEMES,
    link_rel=None,
    filter_style_properties={"text-align"},
    strip_comments=True,
)
_inline_cleaner = nh3.Cleaner(tags=INLINE_TAGS, attributes=INLINE_ATTRIBUTES, link_rel=None)


def _add_noopener(match):
    before, href, after = match.groups()
    if urlsplit(href).scheme in ("http", "https") or href.startswith("//"):
        return f'<a{before} href="{href}"{after} rel="noopener">'
    return match.group(0)


def clean_html(html):
    """Safe HTML for a page: see the module docstring for what is kept."""
    if not html:
        return html
    cleaned = _cleaner.clean(html)
    cleaned = EMPTY_IFRAME.sub("", cleaned)
    return LINK_TAG.sub(_add_noopener, cleaned)


def clean_inline(text):
    """Title-like text: inline formatting only."""
    return _inline_cleaner.clean(text)


# --- What cleaning will remove, told to the operator (warnings, with the line) -------

UNSAFE = [
    (re.compile(r"<(script|style|object|embed|form|input|button|textarea|select|link|meta|base)\b",
                re.I), "<{}>"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "atribut {}="),
    (re.compile(r"(?:href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.I), "tautan {}:"),
    (re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data):", re.I), "tautan {}:"),
]
IFRAME = re.compile(r"<iframe\b[^>]*?\ssrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)


def unsafe_parts(lines):
    """(line, what) for each piece of raw HTML that cleaning removes."""
    found = []
    for number, text in lines:
        for pattern, label in UNSAFE:
            for match in pattern.finditer(text):
                found.append((number, label.format(match.group(1).lower())))
        for match in IFRAME.finditer(text):
            if not is_youtube_player(match.group(1)):
                host = urlsplit(match.group(1)).hostname or match.group(1)
                found.append((number, f"<iframe> dari {host}"))
    return found


def clean_content(instance):
    """content_object_init: clean the body, the summary and title-like fields."""
    if not isinstance(instance, (Article, Page)):
        return
    if setting(instance.settings, "TRUSTED_HTML"):
        return
    for number, what in unsafe_parts(body_lines(instance)):
        report(ContentError(
            instance.source_path, number,
            f"HTML tidak aman dihapus dari halaman: {what} (unsafe HTML removed)",
            "hapus dari berkas; hanya video YouTube yang boleh disematkan. Jika HTML ini "
            "memang tepercaya, setel TRUSTED_HTML = True di pelicanconf.py",
            severity="warning",
        ))
    instance._content = clean_html(instance._content)
    if "summary" in instance.metadata:
        instance.metadata["summary"] = clean_html(instance.metadata["summary"])
        instance._summary = instance.metadata["summary"]
    for field in PLAIN_FIELDS:
        value = instance.metadata.get(field)
        if isinstance(value, str) and "<" in value:
            instance.metadata[field] = clean_inline(value)
            setattr(instance, field, instance.metadata[field])
