"""Build speed: Markdown's block processors passed over where they cannot apply (same HTML).

Python-Markdown's block parser hands every block of an article (a paragraph, a list, a
heading...) to its block processors in turn, each asked whether the block is its own
(`test`), until one takes it: for an ordinary paragraph every one of them, most with a
search of a regular expression over the block, and some (footnote, abbreviation and link
definitions) by taking the block out of the list, searching it and putting it back.

Each of the processors below can only take a block that holds a certain few characters:
a heading `#`, an underlined heading a line starting `=` or `-`, a rule `-`, `_` or `*`, a
quote `>`, a table `|`, a definition list `:`, a link definition `]:`, a footnote `[^`, an
abbreviation `*[`. A block without them gets that processor's own answer, not its block,
without the call. A processor is known by its exact class and the text of the regular
expression it tests with, so one an extension adds, changes or replaces is asked as before;
Markdown versions other than the one the loop below was written from (3.11) are left
alone. At 5,000 articles (the benchmark's corpus), with the inline patterns already passed
over (wartadesa/markdown_inline.py), converting them took 4.9-5.4 s of one core, 3.7-3.9 s
with this too.

`passing_over()` is a context manager around one build (wartadesa.speedups.computed_once
uses it); outside it Markdown is as it was.
"""

from __future__ import annotations

from markdown import blockparser, blockprocessors
from markdown.extensions import abbr, def_list, footnotes, tables

from wartadesa.markdown_inline import NeedsKept, replaced


def _pattern(kind, name: str) -> str:
    expression = getattr(kind, name)
    return expression if isinstance(expression, str) else expression.pattern


# (exact class, the attribute holding the expression its test or run searches with, that
# expression's text) -> the strings one of which a block it takes holds. Taken from the
# classes of the Markdown version checked (markdown_inline.KNOWN_VERSIONS).
NEEDS: dict[tuple[type, str | None, str | None], tuple[str, ...]] = {
    (kind, name, None if name is None else _pattern(kind, name)): needs
    for kind, name, needs in (
        (blockprocessors.HashHeaderProcessor, "RE", ("#",)),
        # `^.*?\n(?:=+|-+)` matched at the start: the first line break, then `=` or `-`.
        (blockprocessors.SetextHeaderProcessor, "RE", ("\n=", "\n-")),
        (blockprocessors.HRProcessor, "SEARCH_RE", ("-", "_", "*")),
        (blockprocessors.BlockQuoteProcessor, "RE", (">",)),
        # Its test is always true; its run takes the block out, finds no definition and
        # puts it back (returning False): the same as not being asked.
        (blockprocessors.ReferenceProcessor, "RE", ("]:",)),
        (def_list.DefListProcessor, "RE", (":",)),
        (footnotes.FootnoteBlockProcessor, "RE", ("[^",)),
        (abbr.AbbrBlockprocessor, "RE", ("*[",)),
        # A row is split into cells at its pipes; without one, no table.
        (tables.TableProcessor, None, ("|",)),
    )
}


def needs_of(processor) -> tuple[str, ...] | None:
    """The strings one of which a block `processor` takes holds (None: always asked)."""
    kind = type(processor)
    for (known, name, text), needs in NEEDS.items():
        if kind is known and (name is None or _pattern(processor, name) == text):
            return needs
    return None


_known = NeedsKept(needs_of)  # the processors of each block parser


def _parse_blocks(self, parent, blocks: list[str]) -> None:
    """BlockParser.parseBlocks, a processor passed over (as not taking the block) when the
    block holds none of what a block it takes holds."""
    while blocks:
        processors = list(self.blockprocessors)
        needs = _known.of(self, processors)
        for processor, wanted in zip(processors, needs, strict=True):
            block = blocks[0]
            if wanted is not None:
                for need in wanted:
                    if need in block:
                        break
                else:  # none of them: not its block
                    continue
            if processor.test(parent, block) and processor.run(parent, blocks) is not False:
                break  # run returns True or None


def passing_over():
    """Within the block, Markdown's block parser passes over the processors that cannot take
    a block (see the module docstring)."""
    return replaced(blockparser.BlockParser, "parseBlocks", _parse_blocks, _known)
