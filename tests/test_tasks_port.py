"""`invoke serve`, `invoke livereload` and `invoke edit` on a port they cannot listen on
(another preview still running on it, not allowed, not a port): one Indonesian line naming
the fix with the tasks' own option (`--port`), exit status 1, no traceback. Run in-process
through invoke's own Program, as `invoke <task> --port N` runs them, with nothing built."""

import errno
import logging
import socket

import livereload
import pytest
from invoke import Collection, Context, Program

import tasks
from wartadesa import local_host, output_folder
from wartadesa.local_host import PortProblem, port_message, port_number

TASKS = ("serve", "livereload", "edit")


class NoPreview:
    """Stands for wartadesa.preview.LivePreview: the live preview builds nothing here."""

    shown = False

    def __init__(self, *args, **kwargs):
        pass

    def rebuild(self, early=False):
        return []

    def wait(self):
        pass


class StoppedServer:
    """Stands for http.server.ThreadingHTTPServer: notes its address, stops at once (Ctrl+C)."""

    bound: list = []

    def __init__(self, address, handler):
        self.bound.append(address)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def serve_forever(self):
        raise KeyboardInterrupt


@pytest.fixture
def taken():
    """A port of 127.0.0.1 another server listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.fixture
def site(tmp_path, monkeypatch):
    """tasks.py on a preview in a temporary output/ and no build: `built` lists the builds
    a task started (none may start)."""
    from livereload.handlers import LiveReloadHandler

    import wartadesa.preview

    built = []
    monkeypatch.setattr(tasks, "OUTPUT", tmp_path / "output")
    monkeypatch.setattr(tasks, "_build", lambda *args, **kwargs: built.append(kwargs))
    monkeypatch.setattr(wartadesa.preview, "LivePreview", NoPreview)
    # livereload's Server.serve sets these on its classes and loggers: put back afterwards.
    monkeypatch.setattr(LiveReloadHandler, "watcher", LiveReloadHandler.watcher)
    monkeypatch.setattr(LiveReloadHandler, "live_css", LiveReloadHandler.live_css)
    for name in ("livereload", "tornado"):
        logger = logging.getLogger(name)
        monkeypatch.setattr(logger, "handlers", list(logger.handlers))
    return built


def preview_for(port):
    """output/ holding the preview built for `port`: serve starts its server at once."""
    tasks.OUTPUT.mkdir()
    (tasks.OUTPUT / output_folder.STAGING_MARKER).write_text("1\n", encoding="ascii")
    output_folder.finish(tasks.OUTPUT, True, f"http://127.0.0.1:{port}")


def run_invoke(*argv):
    """`invoke *argv` in this process, as invoke runs it: its exit status."""
    program = Program(namespace=Collection.from_module(tasks))
    with pytest.raises(SystemExit) as exited:
        program.run(["invoke", *argv])
    return exited.value.code


def in_use(port, task):
    return (
        f"port {port} sudah dipakai: mungkin `invoke serve`, `invoke livereload` atau "
        "`invoke edit` lain masih berjalan (atau program lain memakai port itu). Hentikan "
        "dulu yang berjalan itu (Ctrl+C di jendela terminalnya), atau pakai port lain: "
        f"invoke {task} --port "
    )


@pytest.mark.parametrize("task", TASKS)
def test_a_taken_port_is_one_message_before_anything_is_built(task, taken, site, capsys):
    """Said at once, before a build that can take minutes (and before `edit` prints the
    editor's address, which would not answer)."""
    code = run_invoke(task, "--port", str(taken))

    printed = capsys.readouterr()
    assert code == 1
    assert printed.out == ""
    lines = printed.err.splitlines()
    assert len(lines) == 1, printed.err
    assert lines[0].startswith(in_use(taken, task)), lines[0]
    assert lines[0].endswith(f"(port {taken} is already in use)"), lines[0]
    other = int(lines[0].split(" --port ", 1)[1].split()[0])
    assert other != taken
    assert "Traceback" not in printed.err
    assert site == []


@pytest.mark.parametrize("task", TASKS)
def test_a_port_taken_while_building_is_the_same_message(task, taken, site, capsys, monkeypatch):
    """Taken after the first look (another preview started during the build): the server
    itself failing to listen says the same, not OSError's traceback."""
    preview_for(taken)
    monkeypatch.setattr(local_host, "listen_check", lambda *args: None)

    code = run_invoke(task, "--port", str(taken))

    printed = capsys.readouterr()
    assert code == 1
    assert in_use(taken, task) in printed.err, printed.err
    assert "Traceback" not in printed.err and "OSError" not in printed.err
    assert "Pratinjau situs:" not in printed.out  # serve never said it was serving
    assert site == []  # the preview in output/ was built for this port


@pytest.mark.parametrize("value", ["abc", "0", "70000", "80 80"])
def test_a_port_that_is_no_port_is_one_message(value, site, capsys, monkeypatch):
    monkeypatch.setattr("http.server.ThreadingHTTPServer", StoppedServer)  # port 0: any
    code = run_invoke("serve", "--port", value)

    printed = capsys.readouterr()
    assert code == 1
    assert printed.err == (
        f"port '{value}' tidak bisa dipakai: tulis angka 1 sampai 65535, misalnya invoke "
        "serve --port 8080 (invalid port)\n"
    )
    assert site == []


def test_a_free_port_is_served(site, monkeypatch):
    """The port, a string for invoke, reaches the server as a number."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    preview_for(port)
    monkeypatch.setattr("http.server.ThreadingHTTPServer", StoppedServer)
    monkeypatch.setattr(StoppedServer, "bound", [])
    tasks.serve.body(Context(), port=str(port))
    assert StoppedServer.bound == [("127.0.0.1", port)]
    assert port_number(" 8080 ", "serve") == 8080


@pytest.mark.parametrize(
    "error, port, words",
    [
        (PermissionError(errno.EACCES, "Permission denied"), 80, "port di bawah 1024 hanya"),
        (OSError(10013, "forbidden"), 8000, "di Windows: port itu dicadangkan sistem"),
        (OSError(10048, "in use"), 8000, "port 8000 sudah dipakai: mungkin `invoke serve`"),
        (OSError(errno.EADDRNOTAVAIL, "Cannot assign"), 8000, "port 8000 tidak bisa dibuka"),
    ],
)
def test_every_listening_error_is_a_message(error, port, words):
    """Below 1024 without administrator rights, Windows' own numbers (a reserved port, a
    port in use), anything else: a message with the fix, never the error's traceback."""
    message = port_message(error, "127.0.0.1", port, "livereload")
    assert words in message, message
    assert " invoke livereload --port " in message, message
    other = int(message.split(" --port ", 1)[1].split()[0])
    assert other != port


def test_permission_denied_through_the_task(site, capsys, monkeypatch):
    """A port the system refuses (below 1024 without administrator rights) on the same
    path as a taken one."""

    def refused(host, port):
        return PermissionError(errno.EACCES, "Permission denied") if port == 80 else None

    def served(*args, **kwargs):
        raise AssertionError("served on port 80")  # as root, nothing refuses port 80

    monkeypatch.setattr(local_host, "_bind_error", refused)
    monkeypatch.setattr(livereload.Server, "serve", served)
    code = run_invoke("livereload", "--port", "80")

    printed = capsys.readouterr()
    assert code == 1
    assert printed.err == (
        "port 80 tidak boleh dipakai: port di bawah 1024 hanya boleh dibuka administrator. "
        "Pakai port lain: invoke livereload --port 8080 (permission denied for port 80)\n"
    )
    with pytest.raises(PortProblem):
        local_host.listen_check("127.0.0.1", 80, "serve")
