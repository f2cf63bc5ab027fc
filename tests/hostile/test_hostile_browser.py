"""The worst hostile inputs, built into one site and opened in the system Chromium:
no page navigates away, opens a dialog or breaks the Content-Security-Policy.

A control page with the same payloads written raw proves the harness notices them."""

import pytest

from conftest import serve_folder
from tests.hostile import test_hostile_escaping as escaping
from tests.hostile import test_hostile_sanitizer as sanitizer
from tests.hostile.hostile import article
from tests.sitetools import build_site

pytestmark = pytest.mark.browser

# Records what the policy blocks, before any script of the page runs.
WATCH_POLICY = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
CONTROL = """<!doctype html><meta charset="utf-8"><title>kontrol</title>
<meta http-equiv="Content-Security-Policy" content="style-src 'self'">
<img src="x" onerror="alert('dialog')">
<p style="color:red">gaya inline</p>
"""


@pytest.fixture(scope="session")
def worst_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("worst")
    content = escaping.make_content(root / "content")
    bodies = {
        "tabel": sanitizer.TABLE,
        "kelas": sanitizer.CLASSES_AND_IDS,
        "bingkai": "\n\n".join(
            html
            for name, html in sanitizer.FRAMES.items()
            if name not in ("userinfo", "parameter-origin", "tab-di-host", "huruf-besar")
        ),
        "tautan": '[klik](javascript:alert(20)) <a href=" jav&#x09;ascript:alert(21)">x</a> '
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    }
    for name, body in bodies.items():
        (content / "berita" / f"terburuk-{name}.md").write_text(
            article(
                body + "\n",
                judul=f"Terburuk {name}",
                penulis='Budi <meta http-equiv="refresh" content="0;url=https://evil.example/">',
            ),
            encoding="utf-8",
        )
    site = build_site(root / "output", content=content, **escaping.SETTINGS)
    (root / "control").mkdir()
    (root / "control" / "index.html").write_text(CONTROL, encoding="utf-8")
    return site, root / "control"


class Visitor:
    """One browser page that records dialogs, policy violations and console errors."""

    def __init__(self, page_factory):
        self.page = page_factory(1280, 800)
        self.dialogs = []
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.add_init_script(WATCH_POLICY)

    def visit(self, url):
        """Open `url`; return (final url, dialogs, policy violations, console errors)."""
        page = self.page
        self.dialogs.clear()
        page.console_errors.clear()
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # a refresh of 0 s, an onerror: both would have happened
        violations = page.evaluate("window.__violations || []")
        errors = [e for e in page.console_errors if "Failed to load resource" not in e]
        assert page.external_requests == []  # nothing from another site, video posters neither
        return page.url, list(self.dialogs), violations, errors


def pages_of(site):
    """Every HTML page of the worst site, as paths."""
    paths = []
    for path in site.html_files():
        relative = path.relative_to(site.output).as_posix()
        paths.append(
            "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        )
    return paths


def test_the_harness_notices_an_attack(worst_site, page_factory):
    _, control = worst_site
    with serve_folder(control) as base:
        _, dialogs, violations, _ = Visitor(page_factory).visit(base + "/")
    assert dialogs == ["dialog"]
    assert any(v.startswith("style-src") for v in violations), violations


def test_no_page_of_the_worst_site_does_anything(worst_site, page_factory):
    site, _ = worst_site
    paths = pages_of(site)
    assert len(paths) > 20
    problems = []
    visitor = Visitor(page_factory)
    with serve_folder(site.output) as base:
        for path in paths:
            final, dialogs, violations, errors = visitor.visit(base + path)
            if final != base + path:
                problems.append(f"{path}: navigated to {final}")
            problems += [f"{path}: dialog {d!r}" for d in dialogs]
            problems += [f"{path}: policy violation {v}" for v in violations]
            problems += [f"{path}: console error {e}" for e in errors]
    assert problems == []


def test_the_policy_is_in_force_on_the_built_pages(worst_site, page_factory):
    """Without this, a policy broken by escaping would make the test above pass vacuously."""
    site, _ = worst_site
    visitor = Visitor(page_factory)
    with serve_folder(site.output) as base:
        visitor.visit(base + "/")
        visitor.page.evaluate("""() => {
            const script = document.createElement('script');
            script.textContent = 'window.__inline_ran = true';
            document.body.appendChild(script);
        }""")
        visitor.page.wait_for_timeout(100)
        ran = visitor.page.evaluate("window.__inline_ran === true")
        violations = visitor.page.evaluate("window.__violations")
    assert not ran
    assert any(v.startswith("script-src") for v in violations), violations


@pytest.mark.parametrize("query", ["terburuk", "alert", "script", "onerror", "javascript"])
def test_search_results_of_the_worst_site_do_nothing(worst_site, page_factory, query):
    """Titles and excerpts come back from the index as text (plugin search): a payload in
    an article is shown, never run."""
    site, _ = worst_site
    visitor = Visitor(page_factory)
    with serve_folder(site.output) as base:
        url = f"{base}/cari/?q={query}"
        final, dialogs, violations, errors = visitor.visit(url)
        visitor.page.wait_for_selector("#cari[data-selesai]", state="attached")
        visitor.page.wait_for_timeout(300)
        dialogs += visitor.dialogs
        violations += visitor.page.evaluate("window.__violations || []")
        shown = visitor.page.locator(".hit").count()
        markup = visitor.page.locator("#cari-hasil").inner_html()
    assert (final, dialogs, violations, errors) == (url, [], [], [])
    assert "<script" not in markup and "onerror=" not in markup and "<img" not in markup
    if query == "terburuk":
        assert shown >= 4
