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


def tornado_handler(base: type) -> type:
    """`base` (a tornado RequestHandler, livereload's static file handler) refusing
    requests for another host."""
    from tornado.web import HTTPError

    class LocalOnly(base):
        def prepare(self):
            if not local_host(self.request.host):
                raise HTTPError(403)
            return super().prepare()

    return LocalOnly
