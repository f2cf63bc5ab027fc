"""The preview servers (`invoke serve`, `invoke livereload`, `invoke edit`) answer only
requests addressed to this computer.

They listen on 127.0.0.1, but a web page elsewhere can still reach them through DNS
rebinding: its own name made to resolve to 127.0.0.1, its script then reads the preview
(drafts under draf/ included) as if it were its own site. The browser sends that name in
the Host header, so a request whose Host is not this computer's is refused (403)."""

from __future__ import annotations

from urllib.parse import urlsplit

LOCAL_NAMES = {"127.0.0.1", "localhost", "::1"}


def local_host(header: str | None) -> bool:
    """Whether a Host header names this computer (`127.0.0.1:8000`, `localhost`,
    `[::1]:8000`), whatever the port."""
    if not header:
        return False
    try:
        name = urlsplit(f"//{header.strip()}").hostname
    except ValueError:
        return False
    return name in LOCAL_NAMES


def http_server_handler(base: type) -> type:
    """`base` (a http.server request handler) refusing requests for another host."""

    class LocalOnly(base):
        def parse_request(self) -> bool:
            if not super().parse_request():
                return False
            if local_host(self.headers.get("Host")):
                return True
            self.send_error(403, "Hanya untuk komputer ini (host not allowed)")
            return False

    return LocalOnly


def local_origin(origin: str | None) -> bool:
    """Whether an Origin header (`http://127.0.0.1:8000`) is a page of this computer."""
    try:
        return local_host(urlsplit(origin or "").netloc)
    except ValueError:
        return False


def guard_tornado(handler: type, same_origin: bool = False) -> type:
    """Make the tornado handler class `handler` (the live preview's static files, its
    WebSocket, its `/forcereload`) refuse requests for another host, in place: livereload
    keeps its reload state on its own classes (a subclass would split it). A WebSocket also
    refuses pages of other sites (livereload's accepts every Origin: any page could learn
    the path of every file the operator saves). `same_origin`: a request another site's
    page makes (`Sec-Fetch-Site: cross-site`, an <img> pointing at /forcereload) is
    refused too. Returns `handler`."""
    from tornado.web import HTTPError

    if getattr(handler, "_local_only", False):
        return handler
    original = handler.prepare

    def prepare(self):
        if not local_host(self.request.host):
            raise HTTPError(403)
        fetched = self.request.headers.get("Sec-Fetch-Site", "same-origin")
        if same_origin and fetched not in ("same-origin", "none"):
            raise HTTPError(403)
        return original(self)

    def check_origin(self, origin):  # asked by WebSocket handlers only
        return local_origin(origin)

    handler.prepare = prepare
    handler.check_origin = check_origin
    handler._local_only = True
    return handler
