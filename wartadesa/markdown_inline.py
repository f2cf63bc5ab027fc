"""Build speed: Markdown's inline patterns passed over where they cannot match (same HTML).

Python-Markdown's inline processor tries every inline pattern (code spans, escapes, links,
images, footnotes, automatic links, line breaks, raw HTML, entities, emphasis, and our bare
addresses) on every piece of text of every paragraph, heading and list item: for each, one
call and one search of its regular expression from where the last pattern left off. At
5,000 articles (the benchmark's corpus) converting them took 7.2-7.5 s of one core, of
which about 2.8 s went on patterns that had nothing to find; passing those over, 4.5-4.8 s.

Each of those expressions can only match text that holds a certain few characters at or
after the place the search starts: a backtick, a backslash, `[`, `![`, `[^`, `<`, `&`,
`*` or `_`, two spaces before a line end, `http`. A piece of text without them gets what
the pattern would have given, no match (the search starts again at the beginning for the
next pattern), without the call. A pattern is known by its regular expression's text, so a
pattern an extension adds or changes is tried as before; Markdown versions other than the
one the loop below was written from (3.11) are left alone.

`passing_over()` is a context manager around one build (wartadesa.speedups.computed_once
uses it); outside it Markdown is as it was.
"""

from __future__ import annotations

from contextlib import contextmanager

import markdown
from markdown import inlinepatterns, treeprocessors, util

# The loops of InlineProcessor.__handleInline (below) and BlockParser.parseBlocks
# (markdown_blocks), reproduced as in these versions.
KNOWN_VERSIONS = ((3, 11),)

# A pattern's regular expression (its text) -> the strings one of which any match holds,
# at or after the place the search starts.
NEEDS: dict[str, tuple[str, ...]] = {
    inlinepatterns.BACKTICK_RE: ("`",),  # either branch ends at, or looks ahead to, a backtick
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.LINK_RE: ("[",),  # also REFERENCE_RE and the short reference
    inlinepatterns.IMAGE_LINK_RE: ("![",),  # also IMAGE_REFERENCE_RE
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
    r"\[\^([^\]]*)\]": ("[^",),  # the footnotes extension's reference
    r"\*|_": ("*", "_"),  # emphasis and strong (DelimiterProcessor's tokens)
}


def needs_of(pattern) -> tuple[str, ...] | None:
    """The strings one of which a match of `pattern` holds (None: not known, always tried)."""
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None  # an old-style Pattern matches a slice of the text: tried as before
    if type(pattern).getCompiledRegExp is not inlinepatterns.Pattern.getCompiledRegExp:
        return None  # it searches with another expression than its own: not known
    own = getattr(pattern, "NEEDS", None)  # a pattern of ours says it itself
    if own is not None:
        return tuple(own)
    compiled = getattr(pattern, "compiled_re", None)
    return None if compiled is None else NEEDS.get(compiled.pattern)


class NeedsKept:
    """`needs_of` of each of an owner's items (an inline processor's patterns, a block
    parser's processors), worked out again when the items are not the same objects. The
    owner is kept with them while passing over is on: its id is not reused meanwhile."""

    def __init__(self, needs_of) -> None:
        self._needs_of = needs_of
        self._kept: dict[int, tuple[object, list, list]] = {}

    def of(self, owner, items: list) -> list:
        kept = self._kept.get(id(owner))
        if kept is None or kept[1] != items:
            kept = self._kept[id(owner)] = (owner, items, [self._needs_of(i) for i in items])
        return kept[2]

    def clear(self) -> None:
        self._kept.clear()


_known = NeedsKept(needs_of)


def _handle_inline(self, data: str, index: int = 0) -> str:
    """InlineProcessor.__handleInline(data, patternIndex): the patterns from `index` on
    applied to `data`, one passed over (as having found nothing) when the text from where it
    would search holds none of what its matches hold."""
    if not isinstance(data, util.AtomicString):
        start = 0
        patterns = list(self.inlinePatterns)
        needs = _known.of(self, patterns)
        count = len(patterns)
        apply = self._InlineProcessor__applyPattern
        while index < count:
            wanted = needs[index]
            if wanted is not None:
                for need in wanted:
                    if data.find(need, start) != -1:
                        break
                else:  # none of them: the pattern finds nothing
                    index += 1
                    start = 0  # what __applyPattern gives when nothing matched
                    continue
            data, matched, start = apply(patterns[index], data, index, start)
            if not matched:
                index += 1
    return data


def known_version() -> bool:
    return tuple(markdown.__version_info__[:2]) in KNOWN_VERSIONS


@contextmanager
def replaced(kind: type, name: str, replacement, kept: NeedsKept):
    """Within the block, `kind.name` (a method of Markdown's own) is `replacement`, when it
    is there and Markdown is a version the replacement was written from; `kept` is cleared
    after."""
    original = kind.__dict__.get(name)
    if original is None or not known_version():
        yield
        return
    setattr(kind, name, replacement)
    try:
        yield
    finally:
        setattr(kind, name, original)
        kept.clear()


def passing_over():
    """Within the block, Markdown's inline processor passes over the patterns that cannot
    match (see the module docstring)."""
    return replaced(
        treeprocessors.InlineProcessor, "_InlineProcessor__handleInline", _handle_inline, _known
    )
