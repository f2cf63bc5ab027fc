"""Warta Desa tasks: `invoke --list` shows them all.

Every task runs with the Python that runs invoke (the project's .venv).
"""

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
HOST, PORT = "127.0.0.1", 8000
OUTPUT = ROOT / "output"
WATCHED = ["content", "theme", "plugins", "pelicanconf.py", "publishconf.py"]

def _build(c, settings="pelicanconf.py", output=None, strict=False):
    cmd = f'"{PY}" -m wartadesa.build --settings {settings}'
    if output:
        cmd += f' --output "{output}"'
    if strict:
        cmd += " --strict"
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

@task(help={"port": f"port (default {PORT})"})
def serve(c, port=PORT):
    """Serve output/ on http://127.0.0.1:8000 (Ctrl+C to stop)."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    if not OUTPUT.exists():
        build(c)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(OUTPUT))
    with ThreadingHTTPServer((HOST, int(port)), handler) as server:
        print(f"Pratinjau situs: http://{HOST}:{port}/  (Ctrl+C untuk berhenti)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("\nServer dihentikan.")

@task(help={"port": f"port (default {PORT})"})
def livereload(c, port=PORT):
    """Serve on http://127.0.0.1:8000 and rebuild when content, theme, plugins or settings change."""
    from livereload import Server

    from wartadesa.build import BuildFailed
    from wartadesa.build import build as run_build

    def rebuild_site():
        try:
            run_build(ROOT / "pelicanconf.py")
            print("Dibangun ulang (rebuilt).")
        except BuildFailed as failed:
            print("\n".join(failed.problems), file=sys.stderr)

    rebuild_site()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild_site)
        if (ROOT / path).is_dir():
            server.watch(str(ROOT / path / "**" / "*"), rebuild_site)
    server.serve(host=HOST, port=int(port), root=str(OUTPUT))

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

@task(help={"args": "extra pytest arguments, e.g. -k feeds"})
def test(c, args=""):
    """Install what the browser tests need, then run the whole test suite."""
    with c.cd(str(ROOT)):
        c.run("bash .ci/test-deps", pty=False)
        env = {"PYTHONDONTWRITEBYTECODE": "1"}
        c.run(f'"{PY}" -m pytest {args}', pty=False, env=env)
