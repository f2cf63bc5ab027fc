"""A small, deterministic CSS minifier for the theme's readable stylesheet.

Comments and indentation go, whitespace around `{ } ; , : >` and before `!important`
goes, the last `;` of a block goes; strings are kept as written, and so is the single
space that separates values (`0 0 1rem`, `1rem + 2vw` in calc(), `"a" "b"`). One
top-level rule (or @media block) a line. Minifying minified CSS changes nothing."""

import re

STRING = re.compile(r""""(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'""")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
AROUND = re.compile(r"\s*([{};,>])\s*")
AFTER_COLON = re.compile(r":\s+")
BEFORE_BANG = re.compile(r"\s+!")


def _squeeze(code):
    code = re.sub(r"\s+", " ", code)
    code = AROUND.sub(r"\1", code)
    code = AFTER_COLON.sub(":", code)
    return BEFORE_BANG.sub("!", code)


def minify(css: str) -> str:
    """The minified text of the stylesheet `css`."""
    parts, start = [], 0
    css = _without_comments(css)
    for match in STRING.finditer(css):
        parts.append(_squeeze(css[start : match.start()]))
        parts.append(match.group(0))
        start = match.end()
    parts.append(_squeeze(css[start:]))
    text = "".join(parts).replace(";}", "}").strip()
    return _one_rule_a_line(text) + "\n"


def _without_comments(css):
    """Comments removed, strings untouched (a string may hold `/*`)."""
    out, start = [], 0
    for match in re.finditer(STRING.pattern + r"|/\*.*?\*/", css, re.DOTALL):
        out.append(css[start : match.start()])
        if not match.group(0).startswith("/*"):
            out.append(match.group(0))
        else:
            out.append(" ")
        start = match.end()
    out.append(css[start:])
    return "".join(out)


def _one_rule_a_line(text):
    lines, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char in "\"'":
            index = STRING.match(text, index).end()
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                lines.append(text[start : index + 1])
                start = index + 1
        index += 1
    if text[start:].strip():
        lines.append(text[start:])
    return "\n".join(lines)
