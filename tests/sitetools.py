"""Build real sites for tests and read what they wrote."""

import contextlib
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from wartadesa import output_folder
from wartadesa.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The kit tests' own site: a frozen copy of the template's sample site (settings,
# content/ with situs.yml and desa.yml). Tests never read the live content/ or the
# live pelicanconf.py: those belong to the village using the kit.
SAMPLE = FIXTURES / "sample"
EDITOR_FOLDER = "admin"  # EDITOR_PATH of the kit defaults
# What belongs to a site rather than to the kit (never copied from the kit, never
# replaced by `invoke upgrade`).
SITE_FILES = ("content", "overrides", "pelicanconf.py", "publishconf.py")
COPY_IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "output",
    ".output-*",
    "node_modules",
    "test-artifacts",
    "__pycache__",
    ".pytest_cache",
    "cache",
)


@contextlib.contextmanager
def environ(**values):
    old = {key: os.environ.get(key) for key in values}
    os.environ.update({k: v for k, v in values.items() if v is not None})
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@dataclass
class Site:
    """A built site: its output folder and the warnings the build logged."""

    output: Path
    warnings: list = field(default_factory=list)

    def path(self, url):
        target = self.output / url.lstrip("/")
        if url.endswith("/") or url == "":
            target = target / "index.html"
        return target

    def exists(self, url):
        return self.path(url).is_file()

    def text(self, url):
        return self.path(url).read_text(encoding="utf-8")

    def html(self, url):
        return BeautifulSoup(self.text(url), "html.parser")

    def html_files(self):
        """The reader pages. The web editor's page (admin/, plugin editor) is not one: no
        reader budgets apply to it; plugins/editor/tests check it (CSP, axe, vnu)."""
        return sorted(
            path
            for path in self.output.rglob("*.html")
            if path.relative_to(self.output).parts[0] != EDITOR_FOLDER
        )


def calls_noted(monkeypatch, owner, name, noted):
    """Patch `owner.name` (a function or method) to go on as before, noting `noted(*args)`
    of each call in the list returned, in order."""
    calls = []
    original = getattr(owner, name)

    def patched(*args, **kwargs):
        calls.append(noted(*args))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, patched)
    return calls


def text_of(element):
    """Visible text with typographic spaces (typogrify's &nbsp;) made plain."""
    text = element.get_text(" ", strip=True).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


def settings_path(settings="pelicanconf.py", site=SAMPLE):
    """A settings file of a fixture site (default: the sample site); absolute paths as is."""
    return Path(settings) if Path(settings).is_absolute() else Path(site) / settings


# The build day of every test build unless a test gives its own (SOURCE_DATE_EPOCH):
# 15 July 2024, 12:00 WIB. What the fixture shows (expired notices, past events) must
# not depend on the real date.
SAMPLE_BUILD_EPOCH = "1721019600"


def build_site(
    output,
    settings="pelicanconf.py",
    content=None,
    siteurl=None,
    source_date_epoch=SAMPLE_BUILD_EPOCH,
    **overrides,
):
    """Build the sample fixture site (tests/fixtures/sample: the kit defaults, its
    situs.yml and content), or other `content` with the same settings, into `output`,
    on the build day `source_date_epoch` (SOURCE_DATE_EPOCH, restored afterwards)."""
    if content is not None:
        overrides["PATH"] = str(Path(content).resolve())
    with environ(SITEURL=siteurl, SOURCE_DATE_EPOCH=source_date_epoch):
        warnings = build(settings_path(settings), output=output, overrides=overrides)
    return Site(Path(output), warnings)


def project_copy(target, site=SAMPLE):
    """A site project at `target`: the kit's files from this repository and the site's
    own files (content/, overrides/, pelicanconf.py, publishconf.py) from `site`."""
    target = Path(target)
    ignore_site = shutil.ignore_patterns(*SITE_FILES)

    def ignore(folder, names):
        ignored = set(COPY_IGNORED(folder, names))
        if Path(folder).resolve() == ROOT:
            ignored |= set(ignore_site(folder, names))
        return ignored

    shutil.copytree(ROOT, target, ignore=ignore)
    for name in SITE_FILES:
        source = Path(site) / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target


def run_build_command(settings, output, **kwargs):
    """`python -m wartadesa.build --settings SETTINGS --output OUTPUT` in a process of its own,
    from the repository (the command the README and CI run): the CompletedProcess, text out."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "wartadesa.build",
            "--settings",
            str(settings),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        **kwargs,
    )


def settled_names(parent, timeout=60.0):
    """The names in `parent` once the outputs that builds replaced are removed: a build
    removes them in the background (wartadesa.output_folder.remove_later), in this
    process or, for a build command, in another one."""
    output_folder.wait_for_removals(timeout)
    deadline = time.monotonic() + timeout
    while True:
        names = sorted(p.name for p in Path(parent).iterdir())
        if not any(n.startswith(output_folder.OLD_PREFIX) for n in names):
            return names
        if time.monotonic() > deadline:
            return names
        time.sleep(0.05)


def index_parts(output):
    """{part folder: {address: page text}} of every part of a built site's search index
    (Pagefind's fragments, as the search page reads them)."""
    bundle = Path(output) / "pagefind"
    found = {}
    for folder in [bundle, *sorted(bundle.glob("shard-*"))]:
        pages = {}
        for fragment in (folder / "fragment").iterdir():
            data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
            pages[data["url"]] = data["content"]
        found[folder.relative_to(bundle).as_posix()] = pages
    return found
