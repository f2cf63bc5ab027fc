"""Read a URL the way a browser does (the WHATWG URL standard, the parts that matter
for deciding where a link or a frame goes), not the way `urllib.parse.urlsplit` does.

Differences that matter: browsers drop tabs and newlines anywhere in a URL and trim
spaces and control characters around it, read `\\` as `/` in http(s) URLs, accept any
number of slashes (or none) after `https:`, drop `user:password@`, decode entities
before (in HTML attributes) and percent-escapes inside the host, and map the host
through IDNA (full-width letters, upper case, a trailing dot).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import unquote

SPECIAL_SCHEMES = {"http", "https", "ftp", "ws", "wss", "file"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
TRIM = "".join(chr(c) for c in range(0x21)) + "\x7f"


@dataclass
class BrowserURL:
    scheme: str  # lower case; "" for a relative URL
    host: str  # lower case, IDNA-mapped; "" when there is none
    path: str  # percent-decoded
    query: str
    relative: bool  # no scheme and no host: stays on this site


def clean(raw: object) -> str:
    """The URL string a browser starts from (entities decoded, tabs/newlines gone)."""
    text = html.unescape(str(raw or ""))
    text = re.sub(r"[\t\n\r]", "", text)
    return text.strip(TRIM)


def _host(authority):
    authority = authority.rsplit("@", 1)[-1]  # user:password@host
    if authority.startswith("["):
        return authority.split("]", 1)[0] + "]"
    host = unquote(authority.split(":", 1)[0])
    host = unicodedata.normalize("NFKC", host).lower().rstrip(".")
    return host


def parse(raw: object) -> BrowserURL:
    """A BrowserURL for `raw` (an attribute value or a URL in text)."""
    text = clean(raw)
    match = SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    rest = text[match.end() :] if match else text
    if scheme in SPECIAL_SCHEMES or not scheme:
        rest = rest.replace("\\", "/")
    host = ""
    if scheme in SPECIAL_SCHEMES:
        rest = rest.lstrip("/")  # https:host, https:/host, https:////host
        authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
        host = _host(authority)
        rest = rest[len(authority) :]
    elif not scheme and rest.startswith("//"):
        authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
        host = _host(authority)
        rest = rest[2 + len(authority) :]
    path, _, query = rest.split("#", 1)[0].partition("?")
    return BrowserURL(
        scheme=scheme, host=host, path=unquote(path), query=query, relative=not scheme and not host
    )


def is_https_host(raw: object, hosts: Collection[str]) -> bool:
    """True when a browser loads `raw` over https from one of `hosts`."""
    url = parse(raw)
    return url.scheme == "https" and url.host in hosts
