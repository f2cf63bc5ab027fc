"""Links written from the site's root (`[agenda](/agenda/)`, as the operator guide teaches)
resolve under each page's own address, as Pelican's `{filename}` links do: relative in the
preview, under SITEURL in production and in feeds.

As written, `/agenda/` names the root of the domain. A village without its own domain yet is
published at its GitHub project address (`https://akun.github.io/situs-desa/`), where that
root is another site: every such link was dead. The text keeps the link as written (the
checks read `/agenda/`, content_guard.links); only the HTML a page or feed is given changes,
by wrapping the object's `_update_content`, which Pelican calls with the page's siteurl for
its content and its summary (the photos plugin wraps it the same way for `{photo}/`).
A link to another site (`https://`, `//host/`) is left as it is.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from wartadesa.read_objects import restorable

if TYPE_CHECKING:
    from pelican.contents import Content

# The start of a link's address from the root: `href="/x"`, not `href="//host/x"`.
ROOT_LINK = re.compile(r"""(<a\b[^>]*?\shref=)(["'])/(?![/\\])""", re.IGNORECASE)


def join(siteurl: str | None, path: str, settings: dict[str, Any]) -> str:
    """`path` (from the site's root) under a page's siteurl, as Pelican joins them: relative
    in the preview (RELATIVE_URLS), else under the absolute address. Also the photos
    plugin's `{photo}/` addresses."""
    if settings.get("RELATIVE_URLS"):
        return posixpath.join(siteurl or "", path)
    return f"{(siteurl or '').rstrip('/')}/{path}"


def under(siteurl: str, settings: dict[str, Any]) -> str:
    """The start that replaces a link's leading `/` on a page whose siteurl is `siteurl`."""
    return join(siteurl or ("." if settings.get("RELATIVE_URLS") else ""), "", settings)


@restorable
def resolve_root_links(content: Content) -> None:
    """content_object_init, and content_restored (an object taken back from the build
    cache comes without the wrapper): its root links resolve under each page's siteurl."""
    original = getattr(content, "_update_content", None)
    if original is None:
        return
    settings = content.settings

    def update(text: str, siteurl: str) -> str:
        text = original(text, siteurl)
        # Most texts hold no address from the root: a plain search first (the pattern over
        # every page and feed entry took 0.37 s of a 5,000-article build).
        if text and ('="/' in text or "='/" in text):
            start = under(siteurl, settings)
            text = ROOT_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}{start}", text)
        return text

    content._update_content = update
