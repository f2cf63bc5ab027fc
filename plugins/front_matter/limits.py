"""Limits checked before a content file is parsed, so a huge or pathological file is
refused within a second instead of keeping Markdown busy for minutes.

- bytes: MAX_CONTENT_SIZE_KB (512), from the file size, before reading it;
- lines: MAX_CONTENT_LINES (20,000);
- nesting of quotes (`>`) and lists (indentation) on one line: MAX_NESTING_DEPTH (20);
  Python-Markdown recurses per level (about 1,000 levels: RecursionError after minutes);
- `[` in one paragraph: MAX_BRACKETS_PER_PARAGRAPH (200); unmatched brackets make the link
  pattern quadratic (3,000 in one paragraph: 2 s; 10,000: 18 s);
- tags not closed by `>` (`<b ` with no `>` before the next `<`) in the whole file:
  MAX_UNCLOSED_TAGS (100). Python-Markdown's raw HTML parser reads the rest of the file
  again for each (64 KB of `<b `: 44 s; 1,000 in 2 MB: 82 s; 200 in 420 KB: 2 s), and so do
  the content checks' patterns: the static-file checks refuse such a file the same way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import ContentError

DEFAULTS = {
    "MAX_CONTENT_SIZE_KB": 512,
    "MAX_CONTENT_LINES": 20_000,
    "MAX_NESTING_DEPTH": 20,
    "MAX_BRACKETS_PER_PARAGRAPH": 200,
}
SIZE_HINT = (
    "berita sebesar ini biasanya berisi tempelan yang tidak sengaja (gambar base64, isi "
    "dokumen Word). Hapus tempelan itu; lampiran simpan di content/files/ lalu tautkan. "
    "Jika memang perlu, naikkan MAX_CONTENT_SIZE_KB di pelicanconf.py"
)
# Python-Markdown's opening fence (fenced_code), without hl_lines: stricter is safer.
_FENCE = re.compile(r"^(`{3,}|~{3,})[ ]*(\{[^\n]*\}|\.?[\w#.+-]*[ ]*)?$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # `- - - - -`: a line, not lists
_NESTING = re.compile(r"^((?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))*)")


def limit(settings: Mapping[str, Any] | None, name: str) -> Any:
    return (settings or {}).get(name, DEFAULTS[name])


def human(size: float) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{size / 1024:.0f} KB"


def size_problem(path: str | os.PathLike, size: int, limit_kb: float | None) -> ContentError | None:
    """A ContentError when `size` bytes exceed `limit_kb` (the longest line named when it
    holds most of it: a pasted base64 image), else None. Reads the file only when too big,
    line by line."""
    if not limit_kb or size <= limit_kb * 1024:
        return None
    number, longest = 1, 0
    try:
        with open(path, "rb") as handle:
            for index, line in enumerate(handle, start=1):
                if len(line) > longest:
                    number, longest = index, len(line)
    except OSError:
        pass
    where = f"; baris {number} saja {human(longest)}" if longest > 10 * 1024 else ""
    return ContentError(
        path,
        number if where else 1,
        f"berkas terlalu besar: {human(size)} (batas {human(limit_kb * 1024)}){where} "
        "(file too large)",
        SIZE_HINT,
    )


def check_size(path: str | os.PathLike, settings: Mapping[str, Any] | None) -> None:
    """Raise ContentError when the file is over the byte limit (nothing read when not)."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return
    problem = size_problem(path, size, limit(settings, "MAX_CONTENT_SIZE_KB"))
    if problem:
        raise problem


def depth_of(line: str) -> int:
    """Quote and list levels at the start of `line`, indentation counted per 4 columns."""
    prefix = _NESTING.match(line).group(1)
    markers = len(re.findall(r">|[-*+]|\d{1,9}[.)]", prefix))
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
    return markers + indent // 4


def fenced_code(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines of closed fenced code blocks (fences at the start of a line,
    closed by the same fence, as Python-Markdown reads them). An unclosed fence is not code:
    Markdown parses what follows, so it is checked."""
    code, opened, fence = set(), None, None
    for index, line in enumerate(lines):
        if fence is None:
            match = _FENCE.match(line)
            if match:
                opened, fence = index, match.group(1)
        elif line.rstrip() == fence:
            code.update(range(opened, index + 1))
            fence = None
    return code


def check_text(
    path: str | os.PathLike, text: str, settings: Mapping[str, Any] | None, first_line: int = 1
) -> None:
    """Raise ContentError for too many lines, too deep nesting, too many brackets in one
    paragraph or too many unclosed tags in `text` (which starts at line `first_line` of the
    file)."""
    lines = text.split("\n")
    most = limit(settings, "MAX_CONTENT_LINES")
    if most and len(lines) + first_line - 1 > most:
        raise ContentError(
            path,
            most + 1,
            f"berkas terlalu panjang: {len(lines) + first_line - 1} baris "
            f"(batas {most}) (too many lines)",
            SIZE_HINT.replace("MAX_CONTENT_SIZE_KB", "MAX_CONTENT_LINES"),
        )
    deepest = limit(settings, "MAX_NESTING_DEPTH")
    brackets = limit(settings, "MAX_BRACKETS_PER_PARAGRAPH")
    paragraph_start, paragraph_brackets = first_line, 0
    code = fenced_code(lines)
    for index, line in enumerate(lines):
        number = index + first_line
        if index in code:  # fenced code is not parsed as Markdown: any depth is fine
            paragraph_start, paragraph_brackets = number + 1, 0
            continue
        if not line.strip():
            paragraph_start, paragraph_brackets = number + 1, 0
            continue
        if deepest and not _RULE.match(line) and depth_of(line) > deepest:
            raise ContentError(
                path,
                number,
                f"kutipan/daftar bertingkat terlalu dalam: {depth_of(line)} "
                f"tingkat (batas {deepest}) (nesting too deep)",
                "kurangi tanda > atau indentasi daftar di baris ini",
            )
        paragraph_brackets += line.count("[")
        if brackets and paragraph_brackets > brackets:
            raise ContentError(
                path,
                paragraph_start,
                f"terlalu banyak tanda [ dalam satu paragraf (lebih dari "
                f"{brackets}) (too many brackets in one paragraph)",
                "hapus tanda [ yang tidak perlu atau pisahkan paragrafnya dengan baris kosong",
            )
    if "<" in text:  # fenced code is not parsed as HTML: its lines are left out (kept empty)
        parsed = "\n".join("" if index in code else line for index, line in enumerate(lines))
        problem = unclosed_tags_problem(path, parsed, first_line)
        if problem:
            raise problem


MAX_UNCLOSED_TAGS = 100
_ANGLE = re.compile(r"[<>]")
_TAG_START = re.compile(r"[A-Za-z!?/]")


def unclosed_tags(text: str) -> list[int]:
    """Offsets in `text` of the tag starts (`<` then a letter, `!`, `?` or `/`) with no `>`
    before the next `<` or the end. One pass: `a < b` and `<5 tahun` are no tag starts."""
    found, pending = [], None
    for match in _ANGLE.finditer(text):
        if match.group() == ">":
            pending = None
            continue
        if pending is not None:
            found.append(pending)
        at = match.start()
        pending = at if _TAG_START.match(text, at + 1) else None
    if pending is not None:
        found.append(pending)
    return found


def unclosed_tags_problem(
    path: str | os.PathLike, text: str, first_line: int = 1
) -> ContentError | None:
    """A ContentError when `text` (from line `first_line` of the file) holds more than
    MAX_UNCLOSED_TAGS tag starts not closed by `>` (`unclosed_tags`), else None."""
    found = unclosed_tags(text) if "<" in text else []
    if len(found) <= MAX_UNCLOSED_TAGS:
        return None
    return ContentError(
        path,
        first_line + text.count("\n", 0, found[0]),
        f"{len(found)} tag HTML tidak ditutup dengan tanda > (batas {MAX_UNCLOSED_TAGS}), "
        "yang pertama di baris ini (too many unclosed tags)",
        "tutup setiap tag dengan >, atau tulis tanda < sebagai &lt; bila maksudnya 'kurang "
        "dari'; berkas seperti ini biasanya tempelan yang rusak",
    )


MAX_YAML_DEPTH = 20
_SEQUENCE_MARKERS = re.compile(r"^(?:-[ \t]+)+")


def yaml_depth_problem(
    path: str | os.PathLike, text: str, first_line: int = 1
) -> ContentError | None:
    """A ContentError when YAML `text` nests deeper than MAX_YAML_DEPTH (brackets, braces,
    indentation or `- - -` on one line), else None. PyYAML recurses per level: a few
    thousand levels crash the parser (libyaml: a segmentation fault, no message at all)."""
    flow = 0
    for number, line in enumerate(text.split("\n"), start=first_line):
        stripped = line.lstrip(" ")
        markers = _SEQUENCE_MARKERS.match(stripped)
        depth = (len(line) - len(stripped)) // 2 + (markers.group().count("-") if markers else 0)
        for char in line:
            if char in "[{":
                flow += 1
                depth = max(depth, flow)
            elif char in "]}":
                flow = max(flow - 1, 0)
        if depth > MAX_YAML_DEPTH:
            return ContentError(
                path,
                number,
                f"YAML bertingkat terlalu dalam (lebih dari {MAX_YAML_DEPTH} "
                "tingkat) (nesting too deep)",
                "periksa tanda [ { dan indentasi pada baris ini: tulis nilai biasa 'kunci: nilai'",
            )
    return None
