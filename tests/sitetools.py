"""Build real sites for tests and read what they wrote."""

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from wartadesa.build import build

ROOT = Path(__file__).resolve().parent.parent


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
        return sorted(self.output.rglob("*.html"))


def text_of(element):
    """Visible text with typographic spaces (typogrify's &nbsp;) made plain."""
    text = element.get_text(" ", strip=True).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


def build_site(output, settings="pelicanconf.py", content=None, siteurl=None, **overrides):
    """Build with the real settings file (optionally other content) into `output`."""
    if content is not None:
        overrides["PATH"] = str(Path(content).resolve())
    with environ(SITEURL=siteurl):
        warnings = build(ROOT / settings, output=output, overrides=overrides)
    return Site(Path(output), warnings)
