"""Markdown's inline patterns and block processors passed over where they cannot match
(wartadesa/markdown_inline.py, wartadesa/markdown_blocks.py): the same HTML as Markdown's own
loops, with fewer patterns and processors tried."""

import random
import re

import markdown
import pytest
from markdown import Markdown, blockparser, treeprocessors

from wartadesa import markdown_blocks, markdown_inline

# The kit's readers: Python-Markdown's `extra` and the plugins' extensions (bare addresses,
# typed lists, YouTube), HTML5 output (wartadesa/defaults.py, add_markdown_extension).
EXTENSIONS = [
    "markdown.extensions.extra",
    "article_extras.autolink",
    "article_extras.typed_lists",
    "youtube.markdown_ext",
]

# Every character and string a pattern looks for, and what looks almost like them.
PIECES = [
    "Desa",
    "kata",
    " ",
    "  ",
    "\n",
    "  \n",
    "\n\n",
    "`",
    "``",
    "\\",
    "\\`",
    "\\*",
    "[",
    "]",
    "[^1]",
    "[^catatan]",
    "(",
    ")",
    "![",
    "!",
    "[tautan](https://desa.id/a)",
    "[tautan][ref]",
    "[ref]",
    "![foto](foto.jpg)",
    "![foto][ref]",
    "<https://desa.id>",
    "<kades@desa.id>",
    "<b>",
    "</b>",
    "<span>",
    "<!-- catatan -->",
    "<",
    ">",
    "&",
    "&amp;",
    "&nbsp;",
    "&#169;",
    "*",
    "**",
    "_",
    "__",
    "https://desa.id/berita/",
    "http://contoh.id",
    "http",
    "@",
    "1.",
    "- ",
    "> ",
    "# ",
    "|",
    ":",
    "{: .kelas }",
    "\x02",
    "\x03",
]
# What every block processor looks for, at the start of a block or of a line in it.
BLOCK_PIECES = [
    "\n\n",
    "\n",
    "# ",
    "### ",
    "#",
    "\n===",
    "\n---",
    "---",
    "***",
    "___",
    "- - -",
    "* * *",
    "> ",
    ">",
    "| a | b |\n| --- | :-: |\n| 1 | 2 |",
    "a | b\n--|--\n1 | 2",
    "|",
    "Istilah\n:   arti",
    ": ",
    ":",
    "[^1]: Catatan kaki.",
    "[^",
    "*[RT]: Rukun Tetangga",
    "*[",
    "[ref]: https://desa.id/ref",
    "[r2]:https://desa.id/r2",
    "[r3]:\n  https://desa.id/r3",
    "[r2]",
    "]:",
    "    kode",
    "\t",
    "1. ",
    "* ",
    "+ ",
    "- ",
    '<div markdown="1">',
    "</div>",
    "<p>",
    "RT",
    "Desa",
    " ",
]
ENDING = "\n\n[ref]: https://desa.id/ref\n\n[^1]: Catatan kaki.\n[^catatan]: Lainnya.\n"


def random_texts(seed, count, pieces=PIECES):
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        texts.append(text + (ENDING if rng.random() < 0.5 else ""))
    return texts


def converted(texts):
    md = Markdown(extensions=EXTENSIONS, output_format="html5")
    found = []
    for text in texts:
        md.reset()
        found.append(md.convert(text))
    return found


# News as operators write it: headings, lists, a table, links of every kind, a footnote.
NEWS = [
    """Warga Desa Sukamaju bergotong royong memperbaiki **saluran irigasi** sepanjang 1,2 km.

## Anggaran

| Kegiatan | Biaya |
| --- | --- |
| Semen | Rp12.500.000 |
| Upah | Rp4.000.000 |

Laporan lengkap ada di [situs kabupaten](https://kab.go.id/laporan) dan
https://desa.id/apbdes/ .[^1]

[^1]: Data Sekretariat Desa, Juni 2024.
""",
    """Posyandu *Melati* menimbang 87 balita:

1. balita sehat: 80;
2. perlu perhatian: 7.

> Kader posyandu bekerja tanpa henti, kata Bu Siti.  
Informasi: <kades@sukamaju.desa.id> atau `0812-3456-7890`.

![Foto kegiatan](../images/posyandu.jpg){: width="640" }
""",
    """Musyawarah desa &mdash; 12 Juni 2024 &amp; 13 Juni 2024 &ndash; membahas RKPDes.
Peserta: BPD, LPM, PKK, Karang Taruna\\* dan ketua RT/RW.

<details><summary>Daftar hadir</summary>40 orang</details>
""",
]


@pytest.fixture
def applied(monkeypatch):
    """How many times Markdown's inline processor applied a pattern to a text."""
    calls = []
    apply = treeprocessors.InlineProcessor._InlineProcessor__applyPattern

    def counted(self, pattern, data, index, start=0):
        calls.append(type(pattern).__name__)
        return apply(self, pattern, data, index, start)

    monkeypatch.setattr(treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern", counted)
    return calls


def test_the_html_is_markdowns_own(applied):
    """Seeded random texts made of what every pattern looks for (code spans, escapes,
    links, references, images, footnotes, automatic links, line breaks, raw HTML,
    entities, emphasis, bare addresses) and news as operators write it: the same HTML with the
    patterns passed over, and far fewer patterns tried."""
    texts = random_texts(seed=7, count=2500) + NEWS
    expected = converted(texts)
    tried = len(applied)
    applied.clear()
    with markdown_inline.passing_over():
        found = converted(texts)
    assert [i for i, (a, b) in enumerate(zip(found, expected, strict=True)) if a != b] == []
    assert 0 < len(applied) < tried / 2
    # The texts hold what the patterns make: links, emphasis, code, footnotes, breaks.
    joined = "".join(expected)
    for made in ('<a href="https://desa.id/a"', "<strong>", "<em>", "<code>", "<br", "fnref"):
        assert made in joined, made
    assert '<a href="https://desa.id/berita/">' in joined  # a bare address (ours)


def test_a_pattern_is_tried_where_its_characters_are(applied):
    """A text without any pattern's characters tries none; one with a `*` tries emphasis
    (and nothing else), and one with a bare address tries ours."""
    with markdown_inline.passing_over():
        assert converted(["Rapat desa dihadiri 40 warga"]) == [
            "<p>Rapat desa dihadiri 40 warga</p>"
        ]
        assert applied == []
        assert converted(["Rapat *penting* desa"]) == ["<p>Rapat <em>penting</em> desa</p>"]
        assert set(applied) == {"DelimiterProcessor"}
        applied.clear()
        converted(["Lihat https://desa.id/a"])
        assert set(applied) == {"BareAddress"}


@pytest.fixture
def asked(monkeypatch):
    """How many times Markdown's block parser asked a processor whether a block is its own."""
    calls = []
    processors = {type(p) for p in Markdown(extensions=EXTENSIONS).parser.blockprocessors}
    for kind in processors:
        test = kind.test

        def counted(self, parent, block, test=test):
            calls.append(type(self).__name__)
            return test(self, parent, block)

        monkeypatch.setattr(kind, "test", counted)
    return calls


def test_the_blocks_are_markdowns_own(asked):
    """Seeded random texts made of what every block processor looks for (headings of both
    kinds, rules, quotes, tables, definition lists, footnote, abbreviation and link
    definitions, code, lists, Markdown in HTML) and news as operators write it: the same
    HTML with the processors passed over, inline patterns too, and fewer processors asked."""
    texts = random_texts(seed=11, count=2500, pieces=BLOCK_PIECES + PIECES[:12]) + NEWS
    expected = converted(texts)
    tried = len(asked)
    asked.clear()
    with markdown_blocks.passing_over(), markdown_inline.passing_over():
        found = converted(texts)
    assert [i for i, (a, b) in enumerate(zip(found, expected, strict=True)) if a != b] == []
    assert 0 < len(asked) < tried * 0.8
    joined = "".join(expected)
    for made in ("<h3>", "<h1>", "<h2>", "<hr", "<blockquote>", "<table>", "<dl>", "<pre>"):
        assert made in joined, made
    for made in ("<ol>", "<ul>", "<abbr", 'class="footnote"', 'href="https://desa.id/ref"'):
        assert made in joined, made


def test_a_processor_is_asked_where_its_characters_are(asked):
    """A plain paragraph asks none of the processors that need a character; a heading asks
    the heading's, a table the table's."""
    with markdown_blocks.passing_over():
        assert converted(["Rapat desa dihadiri warga"]) == ["<p>Rapat desa dihadiri warga</p>"]
        needing = {
            type(p).__name__
            for p in Markdown(extensions=EXTENSIONS).parser.blockprocessors
            if markdown_blocks.needs_of(p)
        }
        assert len(needing) == 9
        assert not needing & set(asked)
        asked.clear()
        assert converted(["## Anggaran"]) == ["<h2>Anggaran</h2>"]
        assert "HashHeaderProcessor" in asked and "TableProcessor" not in asked
        asked.clear()
        converted(["a | b\n--|--\n1 | 2"])
        assert "TableProcessor" in asked and "HashHeaderProcessor" not in asked


def test_only_while_on_and_only_for_the_known_markdown(monkeypatch):
    """The loop is Markdown's own outside the block, and in a Markdown version the loop
    was not written from."""
    name = "_InlineProcessor__handleInline"
    own = treeprocessors.InlineProcessor.__dict__[name]
    with markdown_inline.passing_over():
        assert treeprocessors.InlineProcessor.__dict__[name] is markdown_inline._handle_inline
    assert treeprocessors.InlineProcessor.__dict__[name] is own
    blocks = blockparser.BlockParser.__dict__["parseBlocks"]
    with markdown_blocks.passing_over():
        assert blockparser.BlockParser.__dict__["parseBlocks"] is markdown_blocks._parse_blocks
    assert blockparser.BlockParser.__dict__["parseBlocks"] is blocks
    monkeypatch.setattr(markdown, "__version_info__", (4, 0, 0, "final", 0))
    with markdown_inline.passing_over(), markdown_blocks.passing_over():
        assert treeprocessors.InlineProcessor.__dict__[name] is own
        assert blockparser.BlockParser.__dict__["parseBlocks"] is blocks


def test_an_unknown_processor_is_always_asked():
    """A processor of another class (a subclass too), or whose expression is not the one
    the table knows, has no needs: it is asked about every block."""
    md = Markdown(extensions=EXTENSIONS)
    known = {type(p).__name__: markdown_blocks.needs_of(p) for p in md.parser.blockprocessors}
    assert known["HashHeaderProcessor"] == ("#",)
    assert known["TableProcessor"] == ("|",)
    assert known["ParagraphProcessor"] is None

    class Heading(markdown.blockprocessors.HashHeaderProcessor):
        pass

    assert markdown_blocks.needs_of(Heading(md.parser)) is None
    changed = markdown.blockprocessors.HashHeaderProcessor(md.parser)
    changed.RE = re.compile(r"(?:^|\n)(?P<level>=+)(?P<header>.*)")
    assert markdown_blocks.needs_of(changed) is None


def test_an_unknown_pattern_is_always_tried():
    """A pattern whose expression is not in the table (an extension's, or one Markdown
    changed), or that searches with another expression than its own, has no needs: it is
    tried on every text."""
    md = Markdown(extensions=EXTENSIONS)
    known = {type(p).__name__: markdown_inline.needs_of(p) for p in md.inlinePatterns}
    assert known["LinkInlineProcessor"] == ("[",)
    assert known["DelimiterProcessor"] == ("*", "_")
    assert known["BareAddress"] == ("http",)
    assert None not in known.values()  # every pattern the kit's readers use is known

    class Other(markdown.inlinepatterns.InlineProcessor):
        pass

    assert markdown_inline.needs_of(Other(r"\[x", md)) is None

    class Searching(markdown.inlinepatterns.LinkInlineProcessor):
        def getCompiledRegExp(self):  # noqa: N802 - Markdown's name
            return re.compile(r"\(")

    assert markdown_inline.needs_of(Searching(markdown.inlinepatterns.LINK_RE, md)) is None
    assert markdown_inline.needs_of(md.inlinePatterns["link"]) == ("[",)
