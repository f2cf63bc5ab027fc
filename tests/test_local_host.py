"""The preview servers answer only requests addressed to this computer (DNS rebinding:
a page elsewhere whose name resolves to 127.0.0.1 must not read the preview's drafts)."""

import asyncio
import functools
import http.client
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wartadesa.local_host import guard_tornado, http_server_handler, local_host


@pytest.mark.parametrize(
    "header, allowed",
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("LOCALHOST", True),
        ("[::1]:8000", True),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example", False),
        ("", False),
        (None, False),
        ("[bad", False),
    ],
)
def test_local_host(header, allowed):
    assert local_host(header) is allowed


def status(port, host):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", "/draf/rahasia.html", skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "draf").mkdir()
    (tmp_path / "draf" / "rahasia.html").write_text("draf", encoding="utf-8")
    return tmp_path


def test_invoke_serve_refuses_another_host(folder):
    handler = functools.partial(
        http_server_handler(SimpleHTTPRequestHandler), directory=str(folder)
    )
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            port = server.server_address[1]
            assert status(port, f"127.0.0.1:{port}") == (200, b"draf")
            assert status(port, f"evil.example:{port}")[0] == 403
        finally:
            server.shutdown()


def test_the_live_preview_refuses_another_host(folder):
    from livereload.server import StaticFileHandler
    from tornado.httpserver import HTTPServer
    from tornado.netutil import bind_sockets
    from tornado.web import Application

    sockets = bind_sockets(0, "127.0.0.1")
    port = sockets[0].getsockname()[1]
    ready, loop_box = threading.Event(), []

    def run():
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        handler = guard_tornado(type("Static", (StaticFileHandler,), {}))  # not livereload's own
        app = Application([(r"/(.*)", handler, {"path": str(folder)})])
        HTTPServer(app).add_sockets(sockets)
        loop_box.append(loop)
        ready.set()
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    ready.wait(10)
    try:
        assert status(port, f"localhost:{port}") == (200, b"draf")
        assert status(port, f"evil.example:{port}")[0] == 403
    finally:
        loop_box[0].call_soon_threadsafe(loop_box[0].stop)
