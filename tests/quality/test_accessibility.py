"""Every page type of the sample site in the system Chromium: axe-core (WCAG 2.0/2.1/2.2 A
and AA) finds nothing at phone and desktop sizes in light and dark mode; no console
errors, failed or external requests; one h1; a working skip link; visible keyboard focus;
no horizontal scrolling at 320 px or at 200% zoom. Screenshots go to test-artifacts/."""

import json
from pathlib import Path

import pytest

from conftest import ARTIFACTS, screenshot, serve_folder
from tests.quality.site_pages import (
    APBDES_TYPES,
    DATA_TYPES,
    GALLERY_TYPES,
    REQUIRED,
    VILLAGE_TYPES,
    found_types,
    pages_to_check,
    slug,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SIZES = [(390, 844), (1280, 800)]
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def pages(sample_site):
    return pages_to_check(sample_site)


def run_axe(page):
    """Inject axe-core (the context must bypass the site's CSP) and return its violations."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `bash .ci/test-deps` (npm ci installs axe-core)")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations']})""",
        WCAG_TAGS,
    )
    return results["violations"], results["incomplete"]


def describe_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"      {' '.join(map(str, node['target']))} :: {node['html'][:160]}")
            if summary:
                lines.append(f"        {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more elements")
    return "\n".join(lines)


def test_sample_site_has_every_page_type(sample_site, pages):
    types = found_types(sample_site)
    required = list(REQUIRED)
    if "villages" in types or any(url.startswith("desa/") for _, url in pages):
        required += VILLAGE_TYPES
    required += APBDES_TYPES
    required += GALLERY_TYPES  # the sample fixture has an album
    if any(url.startswith("profil/") for _, url in pages):
        required += DATA_TYPES
    missing = [kind for kind in required if kind not in types]
    assert missing == [], f"page types not found in the built sample site: {missing}"
    assert sum(1 for label, _ in pages if label.startswith("article:")) == 5


def test_axe_reports_a_broken_page(page_factory, tmp_path):
    """The tooling itself: axe runs in our setup and reports an image without alt text."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>'
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
        '</head><body><main><h1>Uji</h1><img src="x.png" width="10" height="10">'
        "</main></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "x.png").write_bytes(b"")
    with serve_folder(tmp_path) as base:
        page = page_factory(390, 844, bypass_csp=True)
        page.goto(base + "/")
        violations, _ = run_axe(page)
    assert "image-alt" in [v["id"] for v in violations], describe_violations(violations)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_axe_finds_no_violations(page_factory, served_sample_site, pages, size, scheme):
    page = page_factory(*size, bypass_csp=True, color_scheme=scheme)
    failures, report = [], {}
    for label, url in pages:
        page.goto(f"{served_sample_site}/{url}")
        violations, incomplete = run_axe(page)
        screenshot(page, f"a11y-{size[0]}x{size[1]}-{scheme}-{slug(url)}")
        report[url or "/"] = {
            "violations": {v["id"]: len(v["nodes"]) for v in violations},
            "needs_review": {v["id"]: len(v["nodes"]) for v in incomplete},
        }
        if violations:
            failures.append(
                f"{label} ({size[0]}x{size[1]}, {scheme}):\n" + describe_violations(violations)
            )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{size[0]}x{size[1]}-{scheme}.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    assert not failures, "axe-core violations:\n" + "\n".join(failures)


SKIP_LINK_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {found: false};
  const href = el.getAttribute('href') || '';
  const id = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : null;
  const box = el.getBoundingClientRect();
  return {found: true, tag: el.tagName, href, text: el.textContent.trim(),
          target: id !== null && id !== '' && document.getElementById(id) !== null,
          visible: box.width > 1 && box.height > 1 && box.top >= 0 && box.left >= 0
                   && box.bottom <= innerHeight && box.right <= innerWidth};
}"""


LOAD_EVERYTHING_JS = """async () => {
  window.scrollTo(0, document.documentElement.scrollHeight);   // lazy images start loading
  await Promise.all([...document.images].map(img => img.complete ? null :
    new Promise(done => { img.onload = img.onerror = done; setTimeout(done, 5000); })));
  window.scrollTo(0, 0);
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_pages_load_cleanly(page_factory, served_sample_site, pages, size):
    """Under the site's real CSP: no console errors, no failed or external requests, one
    h1, and the first Tab stop is a visible skip link to an element that exists."""
    failures = []
    for label, url in pages:
        page = page_factory(*size)  # a fresh page: no request of the previous one counts here
        page.goto(f"{served_sample_site}/{url}", wait_until="load")
        problems = []
        h1 = page.locator("h1").count()
        if h1 != 1:
            problems.append(f"{h1} h1 elements (want exactly 1)")
        page.keyboard.press("Tab")
        skip = page.evaluate(SKIP_LINK_JS)
        if not skip["found"] or skip["tag"] != "A" or not skip["href"].startswith("#"):
            problems.append(f"first Tab stop is not a skip link (#…): {skip}")
        elif not skip["target"]:
            problems.append(f"skip link {skip['href']} points to no element with that id")
        elif not skip["visible"]:
            problems.append(f"skip link {skip['href']} is not visible in the viewport when focused")
        page.evaluate(LOAD_EVERYTHING_JS)
        page.wait_for_load_state("networkidle")  # the favicon and late requests too
        if page.console_errors:
            problems.append(f"console errors: {page.console_errors}")
        if page.failed_requests:
            problems.append(f"failed requests: {page.failed_requests}")
        if page.external_requests:
            problems.append(f"external requests: {page.external_requests}")
        if problems:
            failures.append(f"{label} ({size[0]}x{size[1]}): " + "; ".join(problems))
        page.context.close()
    assert not failures, "\n".join(failures)


# Keyboard focus: the skip link (first Tab), then one element of each kind (same tag,
# class and parent class) in header, main and footer, each compared focused / not focused.
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"
FOCUS_TARGETS_JS = """() => {
  const focusable = "%s";
  const sign = el => [el.tagName, el.className, el.parentElement.tagName,
                      el.parentElement.className,
                      el.closest('header,main,footer,nav')?.tagName].join('|');
  return [...document.querySelectorAll(focusable)]
    .filter(el => !el.disabled && el.getClientRects().length > 0)
    .map((el, index) => ({index, sign: sign(el)}));
}""".replace("%s", FOCUSABLE)

FOCUS_BOX_JS = """index => {
  const focusable = "%s";
  const el = [...document.querySelectorAll(focusable)]
    .filter(el => !el.disabled && el.getClientRects().length > 0)[index];
  if (index >= 0) el.focus();
  const active = document.activeElement;
  active.scrollIntoView({block: 'center'});
  const b = active.getBoundingClientRect();
  return {html: active.outerHTML.slice(0, 120), x: b.x, y: b.y, w: b.width, h: b.height};
}""".replace("%s", FOCUSABLE)


def focus_changes_look(page, index):
    """Focus element `index` (-1: whatever has focus); True if it looks different then."""
    box = page.evaluate(FOCUS_BOX_JS, index)
    pad = 6
    clip = {
        "x": max(box["x"] - pad, 0),
        "y": max(box["y"] - pad, 0),
        "width": box["w"] + 2 * pad,
        "height": box["h"] + 2 * pad,
    }
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("() => document.activeElement.blur()")
    return focused != page.screenshot(clip=clip, animations="disabled"), box["html"]


def test_focus_check_finds_an_invisible_focus(page_factory, tmp_path):
    """The tooling itself: a link whose focus style is removed is caught, a default one is not."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>'
        "<style>#b:focus{outline:none}</style></head><body><p><a id=a href=#x>satu</a> "
        "<a id=b href=#y>dua</a></p></body></html>",
        encoding="utf-8",
    )
    with serve_folder(tmp_path) as base:
        page = page_factory(1280, 800)
        page.goto(base + "/")
        page.keyboard.press("Tab")
        page.evaluate("() => document.activeElement.blur()")
        assert focus_changes_look(page, 0)[0] is True
        assert focus_changes_look(page, 1)[0] is False


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_is_visible(page_factory, served_sample_site, pages, scheme):
    """Every kind of focusable element looks different when focused (WCAG 2.4.7)."""
    failures, seen = [], set()
    page = page_factory(1280, 800, color_scheme=scheme)
    for label, url in pages:
        page.goto(f"{served_sample_site}/{url}")
        page.keyboard.press("Tab")  # keyboard modality: later focus() shows :focus-visible
        if "first Tab stop" not in seen:
            seen.add("first Tab stop")
            visible, html = focus_changes_look(page, -1)
            if not visible:
                failures.append(f"{label} ({scheme}): no visible focus on {html}")
        for target in page.evaluate(FOCUS_TARGETS_JS):
            if target["sign"] in seen:
                continue
            seen.add(target["sign"])
            visible, html = focus_changes_look(page, target["index"])
            if not visible:
                failures.append(f"{label} ({scheme}): no visible focus on {html}")
    assert len(seen) > 5, f"too few focusable kinds found: {seen}"
    assert not failures, "focus not visible:\n" + "\n".join(failures)


OVERFLOW_JS = """() => {
  const root = document.documentElement, width = root.clientWidth, wide = [];
  const describe = (el) => '<' + el.tagName.toLowerCase()
    + (el.className ? ' class="' + el.className + '"' : '') + '>';
  for (const el of document.body.querySelectorAll('*')) {   // boxes wider than the page
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 && ![...el.children].some(
        c => c.getBoundingClientRect().right > width + 0.5))
      wide.push(describe(el) + ' right=' + Math.round(r.right));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n; (n = walker.nextNode());) {                   // text that does not wrap
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.right > width + 0.5)
      wide.push('text in ' + describe(n.parentElement) + ' right=' + Math.round(r.right)
                + ': "' + n.textContent.trim().slice(-50) + '"');
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 8)};
}"""


@pytest.mark.parametrize("size", [(320, 640), (640, 400)], ids=["320px", "1280x800-at-200pct-zoom"])
def test_no_horizontal_scrolling(page_factory, served_sample_site, pages, size):
    failures = []
    page = page_factory(*size)
    for label, url in pages:
        page.goto(f"{served_sample_site}/{url}")
        found = page.evaluate(OVERFLOW_JS)
        if found["scrollWidth"] > found["clientWidth"]:
            screenshot(page, f"overflow-{size[0]}x{size[1]}-{slug(url)}")
            failures.append(
                f"{label}: scrollWidth {found['scrollWidth']} > clientWidth "
                f"{found['clientWidth']}; too wide: {found['wide']}"
            )
    assert not failures, f"horizontal scrolling at {size[0]}x{size[1]}:\n" + "\n".join(failures)
