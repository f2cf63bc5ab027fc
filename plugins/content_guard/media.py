"""Pictures, video and sound in the body must come from where the page's
Content-Security-Policy lets the browser load them: `img-src` for `<img src/srcset>`,
`<picture><source srcset>` and `<video poster>`, `media-src` for `<video>`, `<audio>`
and `<source src>` (each falling back to `default-src`). Anything else would be
blocked (a console error, a broken picture) or, without a policy, load from a
stranger's server: it is an error naming the line, and cleaning drops it too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from front_matter.errors import ContentError
from front_matter.source import find_line

from . import browser_url
from .content import body_lines

if TYPE_CHECKING:
    from pelican.contents import Content

# (tag, attribute) -> the CSP directive that governs it
MEDIA_ATTRIBUTES = {
    ("img", "src"): "img-src",
    ("img", "srcset"): "img-src",
    ("video", "poster"): "img-src",
    ("video", "src"): "media-src",
    ("audio", "src"): "media-src",
    ("source", "src"): "media-src",
    ("source", "srcset"): "img-src",
    ("input", "src"): "img-src",
}


def directives(policy: str | None) -> dict[str, list[str]]:
    """{'img-src': ['self', ...], ...} of a policy string."""
    found = {}
    for part in (policy or "").split(";"):
        words = part.split()
        if words:
            found.setdefault(words[0].lower(), [w.strip("'").lower() for w in words[1:]])
    return found


def allowed(url: str, directive: str, policy: str | None) -> bool:
    """True when the browser may load `url` under `policy` (True without a policy)."""
    rules = directives(policy)
    sources = rules.get(directive, rules.get("default-src"))
    if not policy or sources is None:
        return True
    parsed = browser_url.parse(url)
    if parsed.relative or url.lstrip().startswith(("{static}", "{attach}", "{filename}")):
        return "self" in sources or "*" in sources
    scheme, host = parsed.scheme, parsed.host
    for source in sources:
        source = source.rstrip("/")
        if source in ("*", f"{scheme}:") and scheme not in ("data", "blob", "javascript"):
            return True
        if source in (f"{scheme}://{host}", host) and host:
            return True
        if (
            "*." in source
            and host.endswith(source.split("*", 1)[1])
            and ("://" not in source or source.startswith(f"{scheme}://"))
        ):
            return True
    return False


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset: 'a.jpg 1x, b.jpg 2x' -> ['a.jpg', 'b.jpg']."""
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def urls_of(tag: str, name: str, value: str) -> list[str]:
    return srcset_urls(value) if name == "srcset" else [value]


class _MediaFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            directive = MEDIA_ATTRIBUTES.get((tag, name))
            if directive and value:
                for url in urls_of(tag, name, value):
                    self.found.append((tag, name, url, directive))

    handle_startendtag = handle_starttag


# A start tag is "<" and its name (any case) to HTMLParser: HTML without the name of a
# tag in MEDIA_ATTRIBUTES right after a "<" has no media address, and is not parsed.
_MEDIA_TAG = re.compile(
    "<(?:" + "|".join(sorted({tag for tag, _name in MEDIA_ATTRIBUTES})) + ")", re.IGNORECASE
)


def media_in(html: str | None) -> list[tuple[str, str, str, str]]:
    """(tag, attribute, url, directive) of every picture/video/sound address."""
    if not html or not _MEDIA_TAG.search(html):
        return []
    finder = _MediaFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def problems(instance: Content, policy: str | None) -> list[ContentError]:
    """ContentErrors for media from hosts the policy blocks (not <img src>: the
    article_extras image check reports those, with the file checks)."""
    errors = []
    lines = None
    for tag, name, url, directive in media_in(instance._content):
        if (tag, name) == ("img", "src") or allowed(url, directive, policy):
            continue
        if lines is None:
            lines = body_lines(instance)
        line = find_line(lines, url, getattr(instance, "body_line", 1) or 1)
        host = browser_url.parse(url).host or url
        errors.append(
            ContentError(
                instance.source_path,
                line,
                f"<{tag} {name}> dari {host} tidak diizinkan CONTENT_SECURITY_POLICY "
                f"({directive}): peramban tidak akan memuatnya (media from a blocked host)",
                "simpan berkasnya di content/images/ atau content/files/ dan tautkan dari sana; "
                "video YouTube cukup ditulis alamatnya sendirian di satu baris",
            )
        )
    return errors
