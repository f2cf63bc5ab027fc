"""The readable theme stylesheet is served minified, within the gzip budget."""

import gzip
import re
from pathlib import Path

from stylesheet.minify import minify
from tests.quality.budget_rules import CSS_GZ

SOURCE = Path(__file__).resolve().parents[3] / "theme" / "static" / "css" / "style.css"


def test_minify_keeps_strings_values_and_is_idempotent():
    css = """/* head */
.a > .b,
.c :focus {
  margin: 0 0 1rem;   /* a comment */
  width: calc(100% - 2rem);
  display: none !important;
  content: " (" attr(href) ") /* kept */";
  grid-template-areas: "body img" "sum sum";
}

@media (min-width: 40rem) {
  .d {
    color: var(--muted);
  }
}
"""
    expected = (
        ".a>.b,.c :focus{margin:0 0 1rem;width:calc(100% - 2rem);display:none!important;"
        'content:" (" attr(href) ") /* kept */";grid-template-areas:"body img" "sum sum"}\n'
        "@media (min-width:40rem){.d{color:var(--muted)}}\n"
    )
    assert minify(css) == expected
    assert minify(expected) == expected


def test_the_served_stylesheet_fits_the_gzip_budget():
    served = minify(SOURCE.read_text(encoding="utf-8")).encode()
    assert len(gzip.compress(served, 9)) <= CSS_GZ
    assert b"@import" not in served and b"url(" not in served  # no extra requests


def test_the_source_is_readable_and_every_variable_is_defined():
    text = SOURCE.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    for line in code.splitlines():
        if ":" in line and line.rstrip().endswith(";"):
            assert line.count(";") == 1, f"one declaration a line: {line}"
    defined = set(re.findall(r"(--[\w-]+)\s*:", code))
    used = set(re.findall(r"var\((--[\w-]+)", code))
    assert used <= defined, f"undefined colour variables: {sorted(used - defined)}"
    assert text.count("/* ===") >= 10  # a comment per section


def test_the_build_serves_the_minified_stylesheet(sample_site):
    served = sample_site.text("theme/css/style.css")
    assert served == minify(SOURCE.read_text(encoding="utf-8"))
    assert "/*" not in served and "\n  " not in served
