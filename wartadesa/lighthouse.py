"""Lighthouse scores of the production site (`invoke lighthouse`, `python -m wartadesa.lighthouse`).

Builds the site with publishconf.py into a temporary folder (SITEURL = the local address),
serves it on 127.0.0.1 the way GitHub Pages does (gzip, Cache-Control max-age=600, 404.html
for missing pages), runs the npm `lighthouse` CLI (mobile preset, the default) with Debian's
Chromium on the home page, an article, a village page and the search page, prints the four category scores
and writes them to docs/lighthouse.md. Needs `bash .ci/test-deps` (node_modules/, chromium).
"""

import argparse
import datetime
import functools
import gzip
import json
import mimetypes
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from wartadesa.build import BuildFailed, build

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
COMPRESSED = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/xml",
    "text/xml",
    "image/svg+xml",
    "application/atom+xml",
    "application/rss+xml",
    "text/plain",
}


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: gzip for text, a 10-minute cache,
    and the site's 404.html (status 404) for a missing page."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # redirect to the slash
            path = path / "index.html"
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        else:
            status = 200
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = path.read_bytes()
        self.send_response(status)
        self.send_header(
            "Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")
        )
        if ctype in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("Chromium tidak ada: jalankan `bash .ci/test-deps` (Debian's chromium is needed)")


def pages_of(output):
    """[(label, url path)]: home, the newest article, a village page when the site has one,
    the search page with a query when the site has search."""
    pages = [("Beranda", "/")]
    articles = sorted(p.parent for p in output.glob("berita/*/*/*/index.html"))
    if articles:
        pages.append(("Berita", "/" + articles[-1].relative_to(output).as_posix() + "/"))
    villages = sorted(p.parent for p in output.glob("desa/*/index.html"))
    village = next((v for v in villages if v.name == "binangun"), villages[0] if villages else None)
    if village is not None:
        pages.append(("Desa", "/" + village.relative_to(output).as_posix() + "/"))
    if (output / "cari" / "index.html").is_file() and (output / "pagefind").is_dir():
        pages.append(("Cari", "/cari/?q=desa"))
    return pages


def run_lighthouse(url, report_path, chrome):
    env = dict(os.environ, CHROME_PATH=chrome)
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not Path(report_path).is_file():
        raise RuntimeError(
            f"lighthouse gagal (exit {done.returncode}) untuk {url}:\n{done.stderr[-3000:]}"
        )
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse: {report['runtimeError']}")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    weights = {}
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            weights[ref["id"]] = weights.get(ref["id"], 0) + ref.get("weight", 0)
    failing = [
        (a["id"], a["title"], a["score"], a.get("displayValue", ""), weights.get(a["id"], 0))
        for a in report["audits"].values()
        if a.get("score") is not None
        and a["score"] < 1
        and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, failing, report


def environment(chrome, lighthouse_version):
    def output(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
        except OSError:
            return "?"

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": f"{os_name}, {platform.machine()}, {os.cpu_count()} cores, {cpu}",
        "chromium": output([chrome, "--version"]),
        "lighthouse": lighthouse_version,
        "node": output(["node", "--version"]),
    }


def markdown(env, results):
    lines = [
        "# Lighthouse",
        "",
        "Written by `invoke lighthouse` (`wartadesa/lighthouse.py`): production build served on",
        "127.0.0.1 like GitHub Pages (gzip, `Cache-Control: max-age=600`), Lighthouse's default",
        "mobile preset (simulated slow 4G, mid-range phone), Debian's Chromium, headless.",
        "Scores vary by a few points from run to run and machine to machine.",
        "",
        f"- Date: {env['date']}",
        f"- Machine: {env['machine']}",
        f"- Browser: {env['chromium']}",
        f"- Lighthouse {env['lighthouse']}, Node.js {env['node']}",
        "",
        "| page | URL | performance | accessibility | best practices | SEO |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, path, scores, _ in results:
        lines.append(
            f"| {label} | `{path}` | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |"
        )
    notes = [(label, path, failing) for label, path, _, failing in results if failing]
    if notes:
        lines += [
            "",
            "## Audits scored below 1",
            "",
            "Weight 0: advice that does not count in the category score.",
            "",
        ]
        for label, path, failing in notes:
            lines.append(f"- {label} (`{path}`):")
            for audit_id, title, score, value, weight in failing:
                extra = f", {value}" if value else ""
                lines.append(
                    f"  - `{audit_id}` {title} (score {score:.2f}, weight {weight:g}{extra})"
                )
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        default=str(ROOT / "docs" / "lighthouse.md"),
        help="Markdown file for the figures (default docs/lighthouse.md)",
    )
    parser.add_argument(
        "--reports",
        default=str(ROOT / "test-artifacts" / "lighthouse"),
        help="folder for Lighthouse's JSON reports",
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit("Lighthouse belum terpasang: jalankan `bash .ci/test-deps` (npm ci)")
    chrome = chromium()
    version = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"]
    reports = Path(args.reports)
    reports.mkdir(parents=True, exist_ok=True)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="wartadesa-lighthouse-") as tmp:
        output = Path(tmp) / "site"
        os.environ["SITEURL"] = site_url
        try:
            build(ROOT / "publishconf.py", output=output)
        except BuildFailed as failed:
            sys.exit("\n".join(failed.problems))
        handler = functools.partial(PagesLikeHandler, directory=str(output))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        results = []
        try:
            for label, path in pages_of(output):
                name = path.strip("/").replace("/", "-") or "home"
                scores, failing, _ = run_lighthouse(
                    site_url + path, reports / f"{name}.json", chrome
                )
                results.append((label, path, scores, failing))
                print(f"{label:8} {path}")
                print("         " + "  ".join(f"{c} {scores[c]}" for c in CATEGORIES))
                for audit_id, title, score, value, weight in failing:
                    extra = f", {value}" if value else ""
                    print(
                        f"         - {audit_id}: {title} (score {score:.2f}, "
                        f"weight {weight:g}{extra})"
                    )
        except RuntimeError as error:
            sys.exit(str(error))
        finally:
            server.shutdown()
            server.server_close()
    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown(environment(chrome, version), results), encoding="utf-8")
    print(f"Ditulis: {target}")


if __name__ == "__main__":
    main()
