"""Warta Desa tasks: `invoke --list` shows them all.

Every task runs with the Python that runs invoke (the project's .venv).
"""

import contextlib
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
HOST, PORT = "127.0.0.1", 8000
OUTPUT = ROOT / "output"
WATCHED = [
    "content",
    "overrides",
    "theme",
    "plugins",
    "wartadesa",
    "pelicanconf.py",
    "publishconf.py",
]


def _build(c, settings="pelicanconf.py", output=None, strict=False, port=None):
    cmd = f'"{PY}" -m wartadesa.build --settings {settings}'
    if output:
        cmd += f' --output "{output}"'
    if strict:
        cmd += " --strict"
    if port is not None:  # the preview's feed links name the port it is served on
        cmd += f" --port {int(port)}"
    with c.cd(str(ROOT)):
        c.run(cmd, pty=False)


@task(help={"output": "output folder (default: output/)", "strict": "treat warnings as errors"})
def build(c, output=None, strict=False):
    """Build the local preview site into output/ (relative links)."""
    _build(c, "pelicanconf.py", output, strict)


@task
def clean(c):
    """Remove the generated output/ folder."""
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)
        print(f"Dihapus: {OUTPUT.relative_to(ROOT)}/")


@task(pre=[clean])
def rebuild(c):
    """clean, then build."""
    build(c)


@task(help={"publish": "check with the production settings (publishconf.py)"})
def check(c, publish=False):
    """Check all content without building: every problem as file:line: message."""
    from invoke import Exit

    settings = "publishconf.py" if publish else "pelicanconf.py"
    with c.cd(str(ROOT)):
        result = c.run(f'"{PY}" -m wartadesa.check --settings {settings}', pty=False, warn=True)
    if result.exited:
        raise Exit(code=result.exited)


def _title_on_command_line():
    """Invoke has no optional positional arguments (pyinvoke/invoke#159): `judul` is
    positional only when a title is given, so a bare `invoke new` can ask for it."""
    args = sys.argv[sys.argv.index("new") + 1 :] if "new" in sys.argv else []
    with_value = {"--desa", "-d", "--kategori", "-k", "--judul", "-j", "--jenis", "-e"}
    skip = False
    for arg in args:
        if skip or arg.startswith("-"):
            skip = not skip and arg in with_value
            continue
        return True
    return False


@task(
    positional=["judul"] if _title_on_command_line() else [],
    help={
        "judul": "the title (asked when left out)",
        "desa": "village(s), comma-separated",
        "kategori": "category",
        "jenis": "berita (default), pengumuman, agenda or galeri",
    },
)
def new(c, judul=None, desa="", kategori="", jenis="berita"):
    """Start a new article in content/berita/ (asks for the title when none is given), or
    with --jenis a pengumuman, agenda or galeri in its own folder."""
    from wartadesa.new import main as new_article

    args = [] if judul is None else [judul]
    args += (["--desa", desa] if desa else []) + (["--kategori", kategori] if kategori else [])
    args += ["--jenis", jenis] if jenis and jenis != "berita" else []
    code = new_article(args)
    if code:
        from invoke import Exit

        raise Exit(code=code)


def _port(port, task_name):
    """The port `invoke {task_name} --port` names, free now (before a build that can take
    minutes), or Exit with the operator's message: taken (another preview still running),
    not allowed, not a port. A string for invoke, so that `--port abc` reaches it too."""
    from invoke import Exit

    from wartadesa.local_host import PortProblem, listen_check, port_number

    try:
        number = port_number(port, task_name)
        listen_check(HOST, number, task_name)
    except PortProblem as problem:
        raise Exit(str(problem), code=1) from None
    return number


@contextlib.contextmanager
def _listening(port, task_name):
    """Around the server binding its port: taken since _port looked, it is the operator's
    message too, not a traceback."""
    from invoke import Exit

    from wartadesa.local_host import port_message

    try:
        yield
    except OSError as error:
        raise Exit(port_message(error, HOST, port, task_name), code=1) from None


@task(help={"port": f"port (default {PORT})"})
def serve(c, port=str(PORT)):
    """Serve the preview in output/ on http://127.0.0.1:8000 (Ctrl+C to stop); builds it
    first when output/ is missing, holds a production build (`invoke publish`) or was built
    for another port (its feed links name the port)."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from wartadesa.local_host import http_server_handler
    from wartadesa.output_folder import is_preview
    from wartadesa.preview import built_for_another_port

    port = _port(port, "serve")
    if not is_preview(OUTPUT):
        if OUTPUT.exists():
            print(
                "output/ berisi build produksi (invoke publish), yang tautannya menuju "
                "alamat situs asli: membangun pratinjau dulu (building the preview)."
            )
        _build(c, port=port)
    elif built_for_another_port(OUTPUT, port):
        print(
            f"output/ dibangun untuk port lain: membangun ulang untuk port {port}, agar "
            "tautan RSS dan tautan bagikan menuju pratinjau ini (rebuilding for this port)."
        )
        _build(c, port=port)
    handler = functools.partial(
        http_server_handler(SimpleHTTPRequestHandler), directory=str(OUTPUT)
    )
    with _listening(port, "serve"):
        server = ThreadingHTTPServer((HOST, port), handler)
    with server:
        print(f"Pratinjau situs: http://{HOST}:{port}/  (Ctrl+C untuk berhenti)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("\nServer dihentikan.")


@task(help={"port": f"port (default {PORT})"})
def livereload(c, port=str(PORT)):
    """Serve on http://127.0.0.1:8000 and rebuild when content, theme, plugins or settings change."""
    _live(port, "livereload")


def _live(port, task_name):
    """`invoke livereload`, or `invoke edit` (`task_name`: the one its messages name)."""
    from livereload import Server
    from livereload.handlers import ForceReloadHandler, LiveReloadHandler
    from tornado.ioloop import IOLoop

    from wartadesa.build import BuildFailed
    from wartadesa.local_host import guard_tornado
    from wartadesa.preview import LivePreview

    port = _port(port, task_name)
    # Only this preview's pages allow livereload's inline script; the build cache makes a
    # rebuild after one saved article re-read only that article and render again only the
    # pages that show it (wartadesa/incremental.py). The saved article's page is shown as
    # soon as the site is read and checked, the rest of the site follows
    # (wartadesa/early_pages.py), with the previous search index until the new one is made
    # while the operator reads (LivePreview).
    loops = []  # the server's loop, seen by the first rebuild after it started

    def reload_waiters_again():
        # Not counted as the server's last reload: a save soon after must still reload.
        last = LiveReloadHandler._last_reload_time
        LiveReloadHandler.reload_waiters()
        LiveReloadHandler._last_reload_time = last

    def reload_again():
        # In the preview's thread, once its build has ended (the rest of the site in
        # place, or the page shown early put back): the browser reloads again.
        if loops:
            loops[0].add_callback(reload_waiters_again)

    preview = LivePreview(ROOT / "pelicanconf.py", OUTPUT, on_built=reload_again, port=port)

    def rebuild_site():
        if not loops and LiveReloadHandler.watcher is not None:
            loops.append(IOLoop.current())  # called by the server's watcher, in its loop
        try:
            warnings = preview.rebuild(early=True)
            if preview.shown:  # the thread prints the rest's warnings, if any
                print("Halaman tampil; sisa situs menyusul (page shown; the rest follows).")
            else:
                if warnings:
                    print("\n".join(warnings), file=sys.stderr)
                print("Dibangun ulang (rebuilt).")
        except BuildFailed as failed:
            print("\n".join(failed.problems), file=sys.stderr)

    rebuild_site()
    # This computer's requests only (wartadesa/local_host.py): the pages, livereload's
    # WebSocket and its /forcereload.
    guard_tornado(LiveReloadHandler)
    guard_tornado(ForceReloadHandler, same_origin=True)
    server = Server()
    server.SFH = guard_tornado(server.SFH)
    application = server.application

    def listen(*args, **kwargs):  # where Server.serve binds the port
        with _listening(port, task_name):
            return application(*args, **kwargs)

    server.application = listen
    for path in WATCHED:
        # One watch per path, so that a save runs one rebuild: livereload runs every watch
        # that saw a change before it reloads the browser (a folder watched both as a
        # folder and as a pattern rebuilt twice, the second time for nothing). A folder is
        # watched as a pattern: every changed file at any depth (not hidden ones, such as an
        # editor's backups), and a folder made later (overrides/) too.
        target = ROOT / path
        server.watch(str(target if target.is_file() else target / "**" / "*"), rebuild_site)
    try:
        server.serve(host=HOST, port=port, root=str(OUTPUT))
    finally:  # the last rebuild's cache files and index, when the preview is stopped
        preview.wait()


@task(help={"port": f"port (default {PORT})"})
def edit(c, port=str(PORT)):
    """Write news in the browser on this computer (web editor, no GitHub account).

    The editor (admin/) on the live preview saves into content/; the preview rebuilds as
    you save."""
    port = _port(port, "edit")
    print(
        f"Editor berita: http://{HOST}:{port}/admin/  (buka di Chrome atau Edge)\n"
        "Klik 'Work with Local Repository' lalu pilih folder situs ini "
        f"({ROOT}); berita yang disimpan langsung tampil di http://{HOST}:{port}/"
    )
    _live(port, "edit")


@task(help={"version": "@sveltia/cms version (default: the one pinned in the kit)"})
def editor_update(c, version=None):
    """Vendor the web editor (Sveltia CMS, its fonts) from npm, with checksums.

    Into plugins/editor/vendor/. Needs npm; only the kit's maintainers run it."""
    with c.cd(str(ROOT)):
        c.run(
            f'"{PY}" -m editor.update_vendor {version or ""}',
            pty=False,
            env={"PYTHONPATH": str(ROOT / "plugins")},
        )


@task
def publish(c):
    """Production build (publishconf.py: absolute links, CNAME, .nojekyll) into output/."""
    _build(c, "publishconf.py", strict=True)


@task(pre=[publish], help={"push": "push the gh-pages branch to origin (default yes)"})
def gh_pages(c, push=True):
    """Production build committed to the gh-pages branch with ghp-import (and pushed)."""
    flags = "-n -f" + (" -p" if push else "")
    with c.cd(str(ROOT)):
        c.run(f'"{PY}" -m ghp_import -b gh-pages {flags} -m "Publikasi situs" output')


@task
def lighthouse(c):
    """Lighthouse scores (mobile) of the home, an article and a village page -> docs/lighthouse.md."""
    with c.cd(str(ROOT)):
        c.run("bash .ci/test-deps", pty=False)
        c.run(f'"{PY}" -m wartadesa.lighthouse', pty=False)


@task(
    help={
        "articles": "articles in the synthetic site (default 1000)",
        "villages": "villages (default 40)",
        "seed": "corpus seed (default 1)",
        "runs": "timed full builds of each (default 3 up to 5,000 articles, 2 to 10,000, then 1)",
        "rebuild_rounds": "times each rebuild scenario is measured (median; default 3 up to "
        "5,000 articles, then 1)",
        "profile": "cProfile one full build of ours -> docs/benchmarks-profile.txt",
        "output": "report file (default docs/benchmarks.md; '-' for none)",
        "differential_articles": "articles of the differential run of the incremental build "
        "(default 300; 0: none)",
        "differential_rounds": "its rounds rebuilt as `invoke build` does (default 2)",
        "differential_preview_rounds": "its rounds after those, through the live preview "
        "(default 1)",
    }
)
def bench(
    c,
    articles=1000,
    villages=40,
    seed=1,
    runs=0,
    rebuild_rounds=0,
    profile=False,
    output="docs/benchmarks.md",
    differential_articles=-1,
    differential_rounds=-1,
    differential_preview_rounds=-1,
):
    """Build speed, rebuilds after one change, memory, page weight, and the differential run
    of the incremental build -> docs/benchmarks.md."""
    cmd = (
        f'"{PY}" -m wartadesa.bench --articles {int(articles)} --villages {int(villages)} '
        f'--seed {int(seed)} --output "{output}"'
    )
    if int(runs):
        cmd += f" --runs {int(runs)}"
    if int(rebuild_rounds):
        cmd += f" --rebuild-rounds {int(rebuild_rounds)}"
    for name, value in (
        ("differential-articles", differential_articles),
        ("differential-rounds", differential_rounds),
        ("differential-preview-rounds", differential_preview_rounds),
    ):
        if int(value) >= 0:  # -1: the benchmark's default
            cmd += f" --{name} {int(value)}"
    if profile:
        cmd += " --profile"
    with c.cd(str(ROOT)):
        c.run(cmd, pty=False)


@task(
    help={
        "ref": "kit version: tag, branch or commit (default main)",
        "remote": "git remote of the kit (default kit)",
        "url": "address of the kit repository (instead of a remote)",
        "dry_run": "only show what would change",
    }
)
def upgrade(c, ref="main", remote=None, url=None, dry_run=False):
    """Bring a newer kit (theme, plugins, wartadesa, tests, tasks...); never content/ or settings."""
    from invoke import Exit

    from wartadesa.upgrade import main as run_upgrade

    args = (
        ["--ref", ref] + (["--remote", remote] if remote else []) + (["--url", url] if url else [])
    )
    code = run_upgrade(args + (["--dry-run"] if dry_run else []), cwd=ROOT)
    if code:
        raise Exit(code=code)


@task(help={"args": "extra pytest arguments, e.g. -k feeds"})
def test(c, args=""):
    """Install what the browser tests need, then run the whole test suite."""
    with c.cd(str(ROOT)):
        c.run("bash .ci/test-deps", pty=False)
        env = {"PYTHONDONTWRITEBYTECODE": "1"}
        c.run(f'"{PY}" -m pytest {args}', pty=False, env=env)
