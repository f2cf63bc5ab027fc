"""More ways a reader reads a text than reader_text's, for the spam check.

- Capital I and small l are one glyph, a bare vertical bar, in the theme's sans-serif font
  (and most others): `sIot gacor`, `Iink aIternatif`, `SIOT GACOR` read "slot gacor" and
  "link alternatif" on the page, and a small l in a word of capitals reads as an I
  (`JUDl ONLlNE`). `fold` reads every I as i (case folded), so such words missed the phrase
  list. `marked_fold` folds a text as `fold` does but marks these letters (any capital I,
  also full-width, Cyrillic `І` or Greek `Ι`; a small l in a word of capitals);
  `bar_readings` reads each word holding a mark, as a whole, with its marks all l or all i
  when that makes a gambling word (`words`) the word as folded does not hold. Each word on
  its own (`JUDI SIOT`: "judi slot"); every other word, and those that make no gambling
  word either way (Ibu, Idul Fitri, DI Yogyakarta, Ilham, IKM, BUMDes), keep `fold`'s
  reading, so ordinary text reads as before.
- The text of a Markdown link joins the letters around it: `[s](#)lot` is "slot" on the
  page (`markdown_joined`).
- A page as rendered (`rendered_blocks`): the text of each block (paragraph, list item,
  table cell, heading, line break) with its inline elements joined, as a reader and a
  search engine read it (`<a href="#">s</a>lot`, `s<code>lo</code>t`, `s*l*ot` from
  `s\\*l\\*ot`).
"""

from __future__ import annotations

import html
import re
import unicodedata

from .reader_text import (
    COMBINING,
    LEET,
    LEET_AS_I,
    LEET_CHARACTERS,
    fold_confusables,
    joined_letters,
    without_format_characters,
)

# Marks for a letter that reads as i or l, kept through folding (control characters, which
# case folding, the look-alike table and `visible` leave alone, and which keep ASCII text
# ASCII). After `visible` they are made capital I and L, which folded text never holds
# otherwise.
BAR_I = "\x01"  # written as a capital I
BAR_L = "\x02"  # written as a small l among capitals
# Capitals drawn as a bare vertical bar in other scripts (after NFKC, which already makes
# full-width, mathematical and Roman-numeral capitals I): Cyrillic І and palochka Ӏ, Greek
# Ι (`fold` reads them i, l and i).
CAPITAL_BAR = re.compile("[\u0406\u04c0\u0399]")
# A capital next to a small l: the line may hold a word of capitals with an l in it.
CAPITAL_AND_L = re.compile(r"[A-Z]l|l[A-Z]")
WORD_WITH_L = re.compile(r"[^\W_]*l[^\W_]*")
MARKED_WORD = re.compile(r"\S*[IL]\S*")
SPACED_LETTERS = re.compile(r"(?:^|\s)\w\s\w\s\w(?:\s|$)")  # as spam.py's


def _mark_l(match: re.Match) -> str:
    """A word of capitals (two or more) and small l's, its l's marked."""
    word = match.group(0)
    letters = [c for c in word if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    if capitals >= 2 and all(c.isupper() or c == "l" for c in letters):
        return word.replace("l", BAR_L)
    return word


def may_hold_bar(text: str) -> bool:
    """False when `text` (as written) holds no letter `marked_fold` marks: no capital I,
    no small l next to a capital, nothing that may become one (an entity, other scripts)."""
    return "I" in text or "&" in text or not text.isascii() or bool(CAPITAL_AND_L.search(text))


def marked_fold(text: object) -> str | None:
    """`text` folded as reader_text.fold folds it, the letters that read as i or l marked
    (BAR_I, BAR_L); None when it holds no such letter (its reading is `fold`'s)."""
    text = str(text)
    if "&" in text:
        text = html.unescape(html.unescape(text))
    if not text.isascii():
        text = without_format_characters(unicodedata.normalize("NFKC", text))
        text = CAPITAL_BAR.sub("I", text)
    marked = "I" in text
    if CAPITAL_AND_L.search(text):
        with_l = WORD_WITH_L.sub(_mark_l, text)
        marked = marked or with_l != text
        text = with_l
    if not marked:
        return None
    text = text.replace("I", BAR_I)
    if text.isascii():
        return text.lower()
    text = fold_confusables(text.casefold())
    return text if text.isascii() else COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _words_held(text: str, words: re.Pattern) -> set[str]:
    """The gambling words in `text`, also with its digits read as letters."""
    forms = [text]
    if LEET_CHARACTERS.search(text):
        forms += [text.translate(LEET), text.translate(LEET_AS_I)]
    return {word for form in forms for word in words.findall(form)}


def _read_word(word: str, words: re.Pattern) -> str:
    """A word holding marks (capital I, L): read with them all l, or all i, when that
    makes a gambling word its folded reading (I as i, L as l) does not hold."""
    written = word.lower()
    for reading in (
        word.replace("I", "l").replace("L", "l"),
        word.replace("I", "i").replace("L", "i"),
    ):
        if reading == written:
            continue
        held = _words_held(reading, words)
        if held and held - _words_held(written, words):
            return reading
    return written


def bar_readings(seen_marked: str, words: re.Pattern) -> list[str]:
    """The readings of `seen_marked` (a `marked_fold` text made `visible`) that differ from
    `fold`'s: each marked word read as `_read_word` reads it, in the text as it is and with
    its runs of single letters joined (`S I O T` reads as one word)."""
    seen = seen_marked.replace(BAR_I, "I").replace(BAR_L, "L")
    if "I" not in seen and "L" not in seen:
        return []  # the marked letters were in what `visible` took out (a tag, a URL)
    found = []
    for text in (seen, SPACED_LETTERS.search(seen) and joined_letters(seen)):
        if not text:
            continue
        reading = MARKED_WORD.sub(lambda m: _read_word(m.group(0), words), text)
        if reading != text.lower() and reading not in found:
            found.append(reading)
    return found


# An inline Markdown link or picture (`[text](target "title")`, `[text][ref]`): the page
# shows the link's text, with the letters around it; a picture shows no letters. Also an
# attribute list (`{: .kelas}`), which shows nothing.
MARKDOWN_LINK = re.compile(
    r"(!?)\[([^\[\]\n]*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\])|\{:[^{}\n]*\}"
)


def markdown_joined(text: str) -> str | None:
    """`text` (a line of Markdown) with its links replaced by their text and its pictures
    and attribute lists taken out, as the page joins the letters; None when unchanged."""
    if "](" not in text and "][" not in text and "{:" not in text:
        return None
    joined = MARKDOWN_LINK.sub(lambda m: "" if m.group(1) else m.group(2) or "", text)
    return joined if joined != text else None


# Elements that begin a new block or line on the page: the letters on either side of one
# do not join. Every other tag (a link, emphasis, code, a picture) is inline.
BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|br|caption|col|colgroup|dd|details|dialog|div"
    r"|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|legend|li|main"
    r"|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|video|audio)"
    r"(?=[\s/>])[^>]*>",
    re.IGNORECASE,
)


def rendered_blocks(page_html: str) -> list[str]:
    """The blocks of `page_html` (rendered HTML), each as one line: its newlines are
    spaces on the page; its inline tags are left for `visible` to take out."""
    if not page_html:
        return []
    return [" ".join(block.split()) for block in BLOCK_TAG.split(page_html) if block.strip()]
