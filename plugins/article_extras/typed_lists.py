"""Lists as an operator types them on a phone or pastes them from WhatsApp.

Markdown (Python-Markdown, as the original Markdown) starts a list only after a blank
line, knows `1.` but not `1)`, and no `•`: "Yang perlu dibawa:" followed by lines `- Cangkul`,
`- Sabit` came out as one run-on line, while GitHub's preview (CommonMark) showed a list.
Before the blocks are read, this extension does what CommonMark does:

- a bullet item (`-`, `*`, `+`) right under a line of text starts a list there (a blank line
  is put before it), and so does an ordered item numbered 1;
- `1)` numbering is `1.`, and the bullets WhatsApp and word processors paste (`•`, `·`,
  `▪`, `●`, `◦`, `‣`) are `-`.

Lines of a list already begun, thematic breaks (`- - -`, `* * *`), fenced code and raw HTML
blocks (stashed by Markdown before this runs) are left as they are."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markdown import Extension
from markdown.preprocessors import Preprocessor

from front_matter.reader import add_markdown_extension as add_extension

if TYPE_CHECKING:
    from markdown import Markdown
    from pelican import Pelican

NAME = "article_extras.typed_lists"
PASTED_BULLETS = "•·▪●◦‣"
ITEM = re.compile(
    rf"^(?P<indent> {{0,3}})(?:(?P<bullet>[-*+])[ \t]+|(?P<pasted>[{PASTED_BULLETS}])[ \t]*"
    r"|(?P<number>\d{1,9})(?P<delimiter>[.)])[ \t]+)(?P<rest>\S.*)$"
)
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def item_of(line: str) -> re.Match | None:
    """The list item `line` starts, if any."""
    if THEMATIC_BREAK.match(line):
        return None
    return ITEM.match(line)


def typed_lists(lines: list[str]) -> list[str]:
    """`lines` with the lists typed as CommonMark reads them made Markdown's."""
    out: list[str] = []
    in_list = False  # within a list: its items, their continuation lines, blank lines
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        item = item_of(line)
        if item is None:
            if in_list and out and not out[-1].strip() and not line.startswith((" ", "\t")):
                in_list = False  # a paragraph after the list
            out.append(line)
            continue
        starts_here = item["bullet"] or item["pasted"] or int(item["number"]) == 1
        after_text = bool(out) and out[-1].strip() != "" and not in_list
        if after_text and not starts_here:
            out.append(line)  # `2024. Warga ...`: a wrapped sentence, not a list
            continue
        if after_text:
            out.append("")
        if item["pasted"]:
            line = f"{item['indent']}- {item['rest']}"
        elif item["delimiter"] == ")":
            line = f"{item['indent']}{item['number']}. {item['rest']}"
        in_list = True
        out.append(line)
    return out


class TypedLists(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return typed_lists(lines)


class TypedListsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        # After fenced code (25) and raw HTML blocks (20) are stashed: their lines are
        # placeholders by then.
        md.preprocessors.register(TypedLists(md), "typed_lists", 15)


def makeExtension(**kwargs: Any) -> TypedListsExtension:  # noqa: N802 - Markdown's entry point
    return TypedListsExtension(**kwargs)


def add_markdown_extension(pelican: Pelican) -> None:
    """initialized: into MARKDOWN, for every reader."""
    add_extension(pelican.settings, NAME)
