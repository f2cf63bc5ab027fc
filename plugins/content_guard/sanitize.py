"""Clean the HTML of every article and page (Markdown output, raw HTML included) with nh3.

Removed: <script>, <style>, forms, objects, every on*= and style attribute,
javascript:/data: links, `target` and `rel` attributes, classes outside CLASSES (the
YouTube player's classes everywhere but on the player's own markup: they clip and cover),
pictures/video/sound from hosts the Content-Security-Policy blocks, iframes other than
the YouTube nocookie player (rebuilt from the video ID, so no other address survives;
YouTube's own embed code alone on its line never gets here: the youtube plugin has made
it the kit's player, youtube/iframes.py), what readers are never shown: the content of
<video>/<audio> other than <source>, the ruby markup (its text stays) with <rp>.
Ids get the prefix `isi-` (links to them too), so the body never takes an id of the
theme's own (`tautan`, `isi`, ...). Kept: what Markdown and our plugins write (tables,
aligned with classes, footnotes, abbr, code, the YouTube player markup). External links
get rel="noopener". `TRUSTED_HTML = True` turns cleaning off on purpose.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from html import unescape
from urllib.parse import parse_qsl, urlencode

import nh3
from pelican.contents import Content, Static

from front_matter import memo
from front_matter.contents import HTML_ELEMENTS, text_brackets
from front_matter.errors import ContentError, report
from front_matter.source import meta_line
from wartadesa.read_objects import restorable
from youtube.iframes import pasted_video, short_address, video_of
from youtube.markdown_ext import NAME as YOUTUBE_EXTENSION

from . import browser_url, media
from .alignment import align_with_classes
from .content import body_lines
from .settings import setting

YOUTUBE_HOSTS = {"www.youtube-nocookie.com", "youtube-nocookie.com"}
YOUTUBE_EMBED = re.compile(r"^/embed/([A-Za-z0-9_-]{11})$")
YOUTUBE_PARAMETERS = {"autoplay", "start", "end", "mute", "loop", "controls"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Classes the body may carry: what typogrify, Markdown (footnotes, fenced code) and our
# plugins write. Any other (e.g. a theme class that hides text) is dropped.
CLASSES = {
    "caps",
    "amp",
    "dquo",
    "quo",
    "footnote",
    "footnote-ref",
    "footnote-backref",
    "align-left",
    "align-center",
    "align-right",
}
# The YouTube player's classes (youtube/embed.py): the theme draws `.video` as a fixed box
# that clips what overflows it (and places the parts absolutely, over what is beneath), so
# on other markup they hide text and links. They are kept only on the player markup the
# plugin writes (PLAYER, matched after cleaning: the Markdown extension writes it before).
PLAYER_CLASSES = {
    "video",
    "video--short",
    "video__link",
    "video__poster",
    "video__play",
    "video__title",
}
# embed.render's markup as the cleaner writes it back (typogrify having made the title's
# quotes and dashes typographic and maybe wrapped parts of it in its spans).
PLAYER = re.compile(
    r'<figure class="video(?: video--short)?" data-video="(?P<id>[A-Za-z0-9_-]{11})">\n'
    r'<a class="video__link" href="https://www\.youtube\.com/'
    r'(?:watch\?v=(?P=id)(?:&amp;t=\d+s)?|shorts/(?P=id)(?:\?t=\d+s)?)" '
    r'data-embed="https://www\.youtube-nocookie\.com/embed/(?P=id)\?autoplay=1(?:&amp;start=\d+)?" '
    r'data-title="[^"]*" aria-label="[^"]*">'
    r'<span class="video__play" aria-hidden="true"></span>'
    r'<span class="video__title">(?:[^<]|<span class="(?:caps|amp|dquo|quo)">[^<]*</span>)*'
    r"</span></a>\n</figure>"
)
# What is inside <video>/<audio> besides <source> is shown only by browsers that play
# neither: never to readers, but read by search engines. Dropped (in the cleaner's output).
MEDIA_FALLBACK = re.compile(r"(<(video|audio)\b[^>]*>)(.*?)(</\2>)", re.DOTALL)
SOURCE_TAG = re.compile(r"<source\b[^>]*>")
# A class attribute in the cleaner's output (every attribute written name="value", a `"`
# inside a value written &quot;, a `<` in text written &lt;).
CLASS_ATTRIBUTE = re.compile(r'(<[a-z][a-z0-9]*(?: [^\s"=>/]+="[^"]*")*? )class="([^"]*)"')
CODE_CLASS = re.compile(r"^language-[a-z0-9+#_-]{1,30}$")
# Footnote ids (fn:1, fnref:1, fnref2:1) have a colon no theme id has: kept as written.
FOOTNOTE_ID = re.compile(r"^fn(?:ref\d*)?:[\w.-]+$")
ID_PREFIX = "isi-"

# Ruby annotations go (their text stays, inline): browsers never show what is in <rp>, and
# neither Markdown nor our plugins write them.
TAGS = set(nh3.ALLOWED_TAGS) - {"ruby", "rt", "rtc", "rp"} | {
    "iframe",
    "picture",
    "source",
    "video",
    "audio",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "aria-hidden", "aria-label"},
    "a": {"href", "hreflang", "data-embed", "data-title"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "figure": {"data-video"},
    "iframe": {
        "src",
        "width",
        "height",
        "allow",
        "allowfullscreen",
        "loading",
        "referrerpolicy",
        "frameborder",
    },
    "video": {
        "src",
        "controls",
        "poster",
        "preload",
        "width",
        "height",
        "muted",
        "loop",
        "playsinline",
    },
    "audio": {"src", "controls", "preload"},
    "source": {"src", "srcset", "sizes", "type", "media"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
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
# A tag's name as a browser reads it (`<` directly followed by the name; `< b` is text).
TAG_NAME = re.compile(r"</?([a-z][\w-]*)", re.IGNORECASE)
FIELD_NAMES = {"title": "judul", "image_caption": "keterangan_gambar"}
# An inline element's opening tag with what follows its name (`<b dan b>`), and the names
# of the attributes written there (`class="caps"` -> class; `dan b` -> dan, b).
BARE_OPEN = re.compile(r"<(?P<name>[a-z]+)\s+(?P<attributes>[^<>]*)>", re.IGNORECASE)
ATTRIBUTE_NAME = re.compile(r"([^\s\"'=/]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")
PLAIN_FIELDS = tuple(FIELD_NAMES)

EMPTY_IFRAME = re.compile(r"<iframe\b(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL | re.IGNORECASE)
LINK_TAG = re.compile(r'<a\b([^>]*?)\shref="([^"]*)"([^>]*)>', re.IGNORECASE)


def youtube_player(url: str) -> str | None:
    """The nocookie player address rebuilt from the video ID (and numeric start/end
    options) when a browser would load `url` from the nocookie player, else None."""
    parsed = browser_url.parse(url)
    found = YOUTUBE_EMBED.match(parsed.path)
    if parsed.scheme != "https" or parsed.host not in YOUTUBE_HOSTS or not found:
        return None
    options = [
        (key, value)
        for key, value in parse_qsl(parsed.query)
        if key in YOUTUBE_PARAMETERS and value.isdigit()
    ]
    query = ("?" + urlencode(options)) if options else ""
    return f"https://www.youtube-nocookie.com/embed/{found.group(1)}{query}"


def is_youtube_player(url: str) -> bool:
    return youtube_player(url) is not None


def allowed_classes(value: str, player: bool = False) -> str | None:
    """The classes of `value` the body may carry (`player`: the player's too, kept only
    where `players_only` finds the player)."""
    kept = [
        name
        for name in value.split()
        if name in CLASSES or CODE_CLASS.match(name) or (player and name in PLAYER_CLASSES)
    ]
    return " ".join(dict.fromkeys(kept)) or None


def players_only(html: str) -> str:
    """Cleaned `html` with the player's classes left only on the YouTube player markup."""
    if "video" not in html:
        return html
    pieces, last = [], 0
    for match in PLAYER.finditer(html):
        pieces += [_without_player_classes(html[last : match.start()]), match.group(0)]
        last = match.end()
    pieces.append(_without_player_classes(html[last:]))
    return "".join(pieces)


def _sources_only(match):
    opening, _name, inside, closing = match.groups()
    return opening + "".join(SOURCE_TAG.findall(inside)) + closing


def _without_player_classes(html):
    def drop(match):
        kept = [name for name in match.group(2).split() if name not in PLAYER_CLASSES]
        return match.group(1) + f'class="{" ".join(kept)}"' if kept else match.group(1).rstrip()

    return CLASS_ATTRIBUTE.sub(drop, html) if "video" in html else html


def body_id(value: str) -> str | None:
    """Ids of the body never collide with the theme's: prefixed with `isi-`."""
    value = value.strip()
    if not value or FOOTNOTE_ID.match(value) or value.startswith(ID_PREFIX):
        return value or None
    return ID_PREFIX + value


def body_fragment(href: str) -> str:
    """A link to an id in the body follows the id's prefix."""
    if href.startswith("#") and len(href) > 1:
        target = body_id(href[1:])
        return "#" + target if target else href
    return href


def _attribute_filter(policy):
    def keep(tag, name, value):
        if (tag, name) in (("iframe", "src"), ("a", "data-embed")):
            return youtube_player(value)
        if name == "class":
            return allowed_classes(value, player=True)
        if name == "id":
            return body_id(value)
        if tag == "a" and name == "href":
            return body_fragment(value)
        directive = media.MEDIA_ATTRIBUTES.get((tag, name))
        if directive and policy:
            urls = media.urls_of(tag, name, value)
            if not all(media.allowed(url, directive, policy) for url in urls):
                return None
        return value

    return keep


@functools.lru_cache(maxsize=8)
def _cleaner(policy):
    return nh3.Cleaner(
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter(policy),
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


_inline_cleaner = nh3.Cleaner(
    tags=INLINE_TAGS,
    attributes=INLINE_ATTRIBUTES,
    link_rel=None,
    attribute_filter=lambda tag, name, value: allowed_classes(value) if name == "class" else value,
)


def _add_noopener(match):
    before, href, after = match.groups()
    if browser_url.parse(href).host:  # another site, as the browser reads it
        return f'<a{before} href="{href}"{after} rel="noopener">'
    return match.group(0)


def clean_html(html: str | None, policy: str | None = None) -> str | None:
    """Safe HTML for a page: see the module docstring for what is kept. `policy`: the
    CONTENT_SECURITY_POLICY media must obey (None: media from anywhere)."""
    if not html:
        return html
    cleaned = _cleaner(policy or "").clean(align_with_classes(html))
    cleaned = players_only(EMPTY_IFRAME.sub("", cleaned))
    if "</video>" in cleaned or "</audio>" in cleaned:
        cleaned = MEDIA_FALLBACK.sub(_sources_only, cleaned)
    return LINK_TAG.sub(_add_noopener, cleaned)


def clean_inline(text: str) -> str:
    """Title-like text: inline formatting only. A `<` that starts no element a browser
    knows is text (`<5 tahun`, `<Penting>`), escaped before cleaning."""
    return _inline_cleaner.clean(text_brackets(text))


def removed_from_inline(text: str) -> list[str]:
    """The elements clean_inline removes from `text` ('<script>', '<img>'), and the inline
    ones read with words that are no attributes of theirs (`a<b dan b>c`: bold "c", the
    words gone: '<b dan b>'), in order."""
    found = []
    for match in TAG_NAME.finditer(text):
        name = match.group(1).lower()
        if name not in HTML_ELEMENTS:
            continue  # the operator's own brackets (`<Penting>`): kept as text
        tag = f"<{name}>"
        if name not in INLINE_TAGS:
            if tag not in found:
                found.append(tag)
            continue
        written = BARE_OPEN.match(text, match.start())
        names = (
            {a.lower() for a in ATTRIBUTE_NAME.findall(written["attributes"])} if written else set()
        )
        if written and not names <= INLINE_ATTRIBUTES.get(name, set()):
            found.append(written.group(0))
    return found


# --- What cleaning will remove, told to the operator (warnings, with the line) -------

UNSAFE = [
    (
        re.compile(
            r"<(script|style|object|embed|form|input|button|textarea|select|link|meta|base)\b", re.I
        ),
        "<{}>",
    ),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "atribut {}="),
    (re.compile(r"(?:href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", re.I), "tautan {}:"),
    (re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data):", re.I), "tautan {}:"),
]
IFRAME = re.compile(r"<iframe\b[^>]*?\ssrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)
IFRAME_HINT = "untuk menampilkan video YouTube, hapus kode <iframe> dan tempel alamat video"


def unsafe_parts(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, what) for each piece of raw HTML that cleaning removes."""
    found = []
    for number, text in lines:
        # Every pattern needs one of these (a tag, an attribute's "=", a Markdown link):
        # most lines of prose have none, and then eight of nine regex scans are saved.
        if "<" not in text and "=" not in text and "](" not in text:
            continue
        for pattern, label in UNSAFE:
            for match in pattern.finditer(text):
                found.append((number, label.format(match.group(1).lower())))
    return found


def removed_iframes(
    lines: Iterable[tuple[int, str]], converted: bool
) -> list[tuple[int, str, str]]:
    """(line, what, hint) for each <iframe> that cleaning removes. `converted`: the
    youtube plugin turns YouTube's own embed code alone on its line into the player
    (youtube/iframes.py), so that one is not removed."""
    found = []
    for number, text in lines:
        if "<iframe" not in text.lower() or (converted and pasted_video(text)):
            continue
        for match in IFRAME.finditer(text):
            if is_youtube_player(match.group(1)):
                continue
            video = video_of(unescape(match.group(1)))
            if video is not None:
                what, address = "<iframe> video YouTube", short_address(video)
            else:
                host = browser_url.parse(match.group(1)).host or match.group(1)
                what, address = f"<iframe> dari {host}", "https://youtu.be/…"
            found.append((number, what, f"{IFRAME_HINT} {address} di satu baris sendiri"))
    return found


@restorable
def clean_content(instance: object) -> None:
    """content_object_init: clean the body, the summary and title-like fields."""
    # Articles, pages and the other Markdown content types (an album of the gallery
    # plugin, ...): every Content read from a Markdown file, not a static file.
    if not isinstance(instance, Content) or isinstance(instance, Static):
        return
    # The policy blocks inline styles, trusted or not: cells are aligned with classes.
    instance._content = align_with_classes(instance._content)
    if setting(instance.settings, "TRUSTED_HTML"):
        return
    # The same file cleaned in an earlier build with nothing to report (front_matter.memo):
    # its cleaned body, summary and fields are taken as they were.
    result_key = memo.content_key("sanitize", instance)
    kept = memo.recall(result_key)
    if kept is not None:
        _apply(instance, kept)
        return
    policy = instance.settings.get("CONTENT_SECURITY_POLICY") or ""
    problems = media.problems(instance, policy)
    for error in problems:
        report(error)
    lines = body_lines(instance)
    converted = YOUTUBE_EXTENSION in instance.settings.get("MARKDOWN", {}).get("extensions", ())
    unsafe = (
        [
            (number, what, "hapus dari berkas: bagian ini tidak pernah ditampilkan")
            for number, what in unsafe_parts(lines)
        ]
        + removed_iframes(lines, converted)
        + removed_from_fields(instance)
    )
    for number, what, hint in sorted(unsafe, key=lambda part: part[0]):
        report(
            ContentError(
                instance.source_path,
                number,
                f"HTML tidak aman dihapus dari halaman: {what} (unsafe HTML removed)",
                hint,
                severity="warning",
            )
        )
    cleaned = {"_content": clean_html(instance._content, policy)}
    if "summary" in instance.metadata:
        cleaned["summary"] = clean_html(instance.metadata["summary"], policy)
    for field in PLAIN_FIELDS:
        value = instance.metadata.get(field)
        if isinstance(value, str) and "<" in value:
            cleaned[field] = clean_inline(value)
    _apply(instance, cleaned)
    if not problems and not unsafe:
        memo.keep(result_key, cleaned)


def removed_from_fields(instance: Content) -> list[tuple[int, str, str]]:
    """(line, what, hint) for the markup cleaning takes out of the title, the caption and
    the summary written in front matter (they were cleaned without a word)."""
    found = []
    for field, name in FIELD_NAMES.items():
        value = instance.metadata.get(field)
        if isinstance(value, str) and "<" in value:
            line = meta_line(instance, field)
            for tag in removed_from_inline(value):
                found.append(
                    (
                        line,
                        f"{tag} di {name}",
                        "bila itu bukan kode HTML, beri spasi sesudah tanda <  (a < b)"
                        if " " in tag
                        else f"{name} hanya berisi teks (boleh <b>, <i>, <em>, <strong>); "
                        "hapus kode HTML-nya",
                    )
                )
    summary_line = meta_line(instance, "summary", None)
    summary = instance.metadata.get("summary")
    if summary_line is not None and isinstance(summary, str):
        found += [
            (summary_line, f"{what} di ringkasan", "hapus dari ringkasan")
            for _line, what in unsafe_parts([(summary_line, summary)])
        ]
    return found


def _apply(instance: Content, cleaned: dict[str, str]) -> None:
    """Set the cleaned body ("_content"), summary and plain fields on the page."""
    for name, value in cleaned.items():
        if name == "_content":
            instance._content = value
        elif name == "summary":
            instance.metadata["summary"] = instance._summary = value
        else:
            instance.metadata[name] = value
            setattr(instance, name, value)
