"""The invoke tasks, end to end, in a copy of the project (nothing written into the repo)."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.sitetools import project_copy, text_of


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project with the kit and the sample fixture site to run tasks in."""
    return project_copy(tmp_path_factory.mktemp("project") / "situs")


def invoke(project, *args, env=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        **kwargs,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, timeout=20):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_build_then_serve_shows_the_five_articles(project):
    """`invoke build` makes the preview for port 8000; served on another port, it is built
    again so that its feed links (absolute: FEED_DOMAIN) name the port it is served on."""
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = BeautifulSoup(fetch(f"http://127.0.0.1:{port}/", timeout=120), "html.parser")
        feeds = [a["href"] for a in page.select("footer a[href$='.xml']")]
        assert feeds, "no feed link in the footer"
        assert all(f.startswith(f"http://127.0.0.1:{port}/feeds/") for f in feeds), feeds
        feed = feedparser.parse(fetch(f"http://127.0.0.1:{port}/feeds/all.atom.xml"))
        assert feed.entries
        own = [link.href for link in feed.feed.links if link.rel == "self"]
        assert own == [f"http://127.0.0.1:{port}/feeds/all.atom.xml"], own
        home = text_of(page)
        for title in (
            "Konferensi Kades",
            "Pelatihan Aparatur",
            "Ngantor di Desa Bengkel",
            "DPMD Gunung Mas",
            "Rakor PMD Kalsel",
        ):
            assert title in home
        about = fetch(f"http://127.0.0.1:{port}/tentang/")
        assert "Tentang Situs Ini" in text_of(BeautifulSoup(about, "html.parser"))
        assert foreign_host_status(port) == 403  # DNS rebinding (wartadesa/local_host.py)
    finally:
        server.terminate()
        printed, _ = server.communicate(timeout=10)
    assert f"membangun ulang untuk port {port}" in printed, printed


def test_serve_after_publish_shows_the_preview(project):
    """A production build links to the real domain: serve builds the preview first."""
    result = invoke(project, "publish", env={"SITEURL": "https://example.desa.id"})
    assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        home = BeautifulSoup(fetch(f"http://127.0.0.1:{port}/", timeout=120), "html.parser")
        stylesheet = home.find("link", rel="stylesheet")["href"]
        assert not stylesheet.startswith("http"), stylesheet
        css = fetch(f"http://127.0.0.1:{port}/{stylesheet.lstrip('./')}")
        assert ".menu" in css
        links = [a["href"] for a in home.find_all("a", href=True)]
        assert not [link for link in links if "example.desa.id" in link]
    finally:
        server.terminate()
        printed, _ = server.communicate(timeout=10)
    assert "output/ berisi build produksi" in printed


def test_clean_removes_output(project):
    invoke(project, "build")
    assert (project / "output").is_dir()
    result = invoke(project, "clean")
    assert result.returncode == 0
    assert not (project / "output").exists()


def test_publish_writes_valid_absolute_feeds(project):
    result = invoke(project, "publish", env={"SITEURL": "https://example.desa.id"})
    assert result.returncode == 0, result.stderr
    feed = feedparser.parse((project / "output" / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == 5
    assert all(e.link.startswith("https://example.desa.id/berita/") for e in feed.entries)
    assert (project / "output" / ".nojekyll").exists()


def test_gh_pages_commits_the_production_site(project):
    git = ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "awal"], cwd=project, check=True)
    result = invoke(
        project,
        "gh-pages",
        "--no-push",
        env={
            "SITEURL": "https://example.desa.id",
            "GIT_AUTHOR_NAME": "Uji",
            "GIT_AUTHOR_EMAIL": "uji@example.invalid",
            "GIT_COMMITTER_NAME": "Uji",
            "GIT_COMMITTER_EMAIL": "uji@example.invalid",
        },
    )
    assert result.returncode == 0, result.stderr
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "index.html" in files and ".nojekyll" in files and "feeds/all.atom.xml" in files


def foreign_host_status(port, path="/", host="evil.example"):
    """The status of a request to the server on `port` as a page of another site makes it:
    one whose name resolves to 127.0.0.1 (its name in the Host header), or, with `host`
    127.0.0.1, any page (the browser says `Sec-Fetch-Site: cross-site`)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", f"{host}:{port}")
    connection.putheader("Sec-Fetch-Site", "cross-site")
    connection.endheaders()
    try:
        return connection.getresponse().status
    finally:
        connection.close()


def websocket_status(port, origin):
    """The status of livereload's WebSocket handshake from a page of `origin`."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("GET", "/livereload", skip_host=True)
    for name, value in (
        ("Host", f"127.0.0.1:{port}"),
        ("Origin", origin),
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ("Sec-WebSocket-Version", "13"),
    ):
        connection.putheader(name, value)
    connection.endheaders()
    try:
        return connection.getresponse().status
    finally:
        connection.close()


@contextlib.contextmanager
def live_preview(project, log=None):
    """`invoke livereload` on a free port: yields (base URL, retitle), where retitle(words)
    changes the title of a sample article as an operator's save would. The article and the
    server are put back afterwards. `log`: a file for what the server prints."""
    port = free_port()
    output = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
        cwd=project,
        stdout=output,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    article = project / "content" / "berita" / "2024-06-06-konferensi-kades-singgahan.md"
    original = article.read_text()

    def retitle(words):
        article.write_text(
            original.replace("judul: Konferensi Kades se-Kecamatan Singgahan", f"judul: {words}", 1)
        )

    try:
        base = f"http://127.0.0.1:{port}"
        fetch(base + "/", timeout=60)
        yield base, retitle
    finally:
        article.write_text(original)
        server.terminate()
        server.wait(timeout=10)
        if log:
            output.close()


def test_livereload_rebuilds_when_content_changes(project, tmp_path):
    """One save, one rebuild (livereload reloads the browser once every watch that saw the
    change has run): the saved article's page is shown first, then the rest of the site."""
    log = tmp_path / "livereload.log"
    with live_preview(project, log) as (base, retitle):
        retitle("Judul Diubah Saat Pratinjau")
        deadline = time.monotonic() + 60
        while "Judul Diubah Saat" not in fetch(base + "/"):
            assert time.monotonic() < deadline, "livereload did not rebuild within 60 s"
            time.sleep(0.5)
        while "Seluruh situs dibangun ulang" not in log.read_text():
            assert time.monotonic() < deadline, "the rest of the site was not reported"
            time.sleep(0.2)
        time.sleep(2)  # two polls of the watcher: a second rebuild would have started
        port = int(base.rsplit(":", 1)[1])
        footer = BeautifulSoup(fetch(base + "/"), "html.parser").select("footer a[href$='.xml']")
        assert footer and all(a["href"].startswith(base + "/feeds/") for a in footer), footer
        assert foreign_host_status(port) == 403  # DNS rebinding
        assert websocket_status(port, "http://evil.example") == 403  # another site's page
        assert websocket_status(port, f"http://127.0.0.1:{port}") == 101  # the preview's own
        assert foreign_host_status(port, "/forcereload", host="127.0.0.1") == 403
    text = log.read_text()
    assert text.count("Running task: rebuild_site") == 1, text
    assert text.count("Halaman tampil; sisa situs menyusul") == 1, text


def test_invoke_check_on_the_sample_site_is_clean(project):
    result = invoke(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "Konten beres: tidak ada masalah. (Content OK: no problems.)"


@pytest.mark.browser
def test_livereload_reloads_the_open_page(project, page_factory):
    """In Chromium: the page reloads by itself after a save, with no policy violation."""
    with live_preview(project) as (base, retitle):
        page = page_factory(width=1000)
        loads, frames = [], []
        page.on("load", lambda _page: loads.append(1))
        page.on(
            "websocket",
            lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)),
        )
        page.goto(base + "/")
        page.wait_for_function("() => !!document.querySelector('script[src*=\"livereload.js\"]')")
        # The page listens for reloads once the server has answered livereload.js's hello
        # on the socket (on a loaded machine that can take a while).
        deadline = time.monotonic() + 60
        while not any("hello" in str(frame) for frame in frames):
            assert time.monotonic() < deadline, "the live-reload socket did not connect"
            page.wait_for_timeout(100)
        retitle("Judul Baru Tanpa Klik")
        # While the page reloads, its new document can have no body yet: not yet, not an error.
        page.wait_for_function(
            "() => !!document.body && document.body.innerText.includes('Judul Baru Tanpa Klik')",
            timeout=90_000,
        )
        # The new text shows before the reloaded page's `load` event reaches the test.
        deadline = time.monotonic() + 30
        while len(loads) < 2 and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert len(loads) >= 2, "the page did not reload"
        assert not [e for e in page.console_errors if "Content Security Policy" in e], (
            page.console_errors
        )
