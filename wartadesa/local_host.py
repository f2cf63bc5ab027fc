"""The preview servers (`invoke serve`, `invoke livereload`, `invoke edit`) answer only
requests addressed to this computer.

They listen on 127.0.0.1, but a web page elsewhere can still reach them through DNS
rebinding: its own name made to resolve to 127.0.0.1, its script then reads the preview
(drafts under draf/ included) as if it were its own site. The browser sends that name in
the Host header, so a request whose Host is not this computer's is refused (403).

A port they cannot listen on (taken by another preview still running, below 1024 without
administrator rights, reserved by Windows) or a port that is no port (`--port abc`) is one
message naming the fix (PortProblem), not a traceback."""

from __future__ import annotations

import errno
import os
import socket
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


# Windows' own numbers (WSAEADDRINUSE, WSAEACCES) beside the POSIX ones.
ADDRESS_IN_USE = {errno.EADDRINUSE, 10048}
NOT_ALLOWED = {errno.EACCES, errno.EPERM, 10013}
OTHER_PORTS = (8080, 8081, 8888, 8001, 8002, 8003)


class PortProblem(Exception):
    """A port the preview cannot listen on; its text is the operator's message."""


def port_number(value: object, task: str) -> int:
    """The port given to `invoke {task} --port`, or PortProblem (`abc`, `0`, `70000`)."""
    try:
        port = int(str(value).strip())
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise PortProblem(
            f"port '{value}' tidak bisa dipakai: tulis angka 1 sampai 65535, misalnya "
            f"invoke {task} --port 8080 (invalid port)"
        )
    return port


def port_message(error: OSError, host: str, port: int, task: str) -> str:
    """The operator's message for `error`, raised listening on `host`:`port`."""
    if error.errno in ADDRESS_IN_USE or getattr(error, "winerror", None) == 10048:
        return (
            f"port {port} sudah dipakai: mungkin `invoke serve`, `invoke livereload` atau "
            "`invoke edit` lain masih berjalan (atau program lain memakai port itu). "
            "Hentikan dulu yang berjalan itu (Ctrl+C di jendela terminalnya), atau pakai "
            f"port lain: invoke {task} --port {other_port(host, port)} (port {port} is "
            "already in use)"
        )
    if error.errno in NOT_ALLOWED or getattr(error, "winerror", None) == 10013:
        why = (
            "port di bawah 1024 hanya boleh dibuka administrator"
            if port < 1024
            else "sistem tidak mengizinkannya (di Windows: port itu dicadangkan sistem atau "
            "dikunci program lain)"
        )
        return (
            f"port {port} tidak boleh dipakai: {why}. Pakai port lain: invoke {task} --port "
            f"{other_port(host, port)} (permission denied for port {port})"
        )
    return (
        f"port {port} tidak bisa dibuka: {error.strerror or error}. Pakai port lain: invoke "
        f"{task} --port {other_port(host, port)} (cannot listen on port {port})"
    )


def listen_check(host: str, port: int, task: str) -> None:
    """PortProblem when `host`:`port` cannot be listened on now, before the preview is built
    (a build can take minutes)."""
    error = _bind_error(host, port)
    if error is not None:
        raise PortProblem(port_message(error, host, port, task))


def other_port(host: str, port: int) -> int:
    """A port to suggest instead of `port`: the first of OTHER_PORTS free now."""
    free = (p for p in OTHER_PORTS if p != port and _bind_error(host, p) is None)
    return next(free, 8081 if port == 8080 else 8080)


def _bind_error(host: str, port: int) -> OSError | None:
    """What binding `host`:`port` as the servers bind it raises now (None: it is free), the
    socket let go at once. SO_REUSEADDR as they set it, except on Windows, where it would let
    a second server share a port another one listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            return error
    return None
