"""The text a reader (or a search engine) will see, for the spam check: tricks that
hide a word from a simple pattern but not from the eye are undone.

- HTML entities decoded (`&#115;lot`, `&shy;`), tags and Markdown emphasis removed
  (`s<b>lot</b>`, `s**lot**`), so the letters join up as on the page;
- Unicode NFKC (full-width and "mathematical" letters), format characters removed
  (zero-width space/joiner, soft hyphen, bidi marks), case folded;
- look-alike letters from other scripts folded to Latin (Cyrillic `о`, Greek `ο`, ...);
- punctuation between words (`slot-gacor`, `slot_gacor`, `slot.gacor`) becomes a space;
- `leet` (an extra variant): digits inside words read as letters (`s1ot g4c0r`);
- another variant: runs of single letters joined (`s l o t g a c o r`).

Tags are removed with their attributes; `attribute_texts` gives the values of those that
carry text (a tooltip, an image's text, a label read aloud), to be read the same way.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

# Letters of other scripts that look like Latin ones (after case folding).
CONFUSABLES = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "с": "c",
    "ԁ": "d",
    "е": "e",
    "ё": "e",
    "һ": "h",
    "н": "h",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "ӏ": "l",
    "м": "m",
    "п": "n",
    "о": "o",
    "р": "p",
    "ԛ": "q",
    "г": "r",
    "ѕ": "s",
    "т": "t",
    "ц": "u",
    "ѵ": "v",
    "ԝ": "w",
    "х": "x",
    "у": "y",
    "ү": "y",
    "з": "3",
    "ь": "b",
    # Greek
    "α": "a",
    "β": "b",
    "ϲ": "c",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
    "ω": "w",
    "μ": "u",
    "σ": "o",
    "ς": "c",
    # Latin look-alikes outside ASCII
    "ı": "i",
    "ɡ": "g",
    "ɑ": "a",
    "ʟ": "l",
    "ⅰ": "i",
    "ℓ": "l",
    "ɩ": "i",  # Latin iota (Ɩ once case-folded)
    "ɪ": "i",  # small capital I
    "ǀ": "l",  # dental click: a bare upright stroke
}
CONFUSABLE_TABLE = str.maketrans(CONFUSABLES)
# Digits and signs written for letters: `1` read as `l` (s1ot) and, separately, as `i` (jud1).
LEET = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
    }
)
LEET_AS_I = str.maketrans({**{chr(k): v for k, v in LEET.items()}, "1": "i", "!": "i", "|": "i"})
LEET_CHARACTERS = re.compile(r"[0-9@$!|]")
WORD_WITH_DIGITS = re.compile(r"[0-9a-z@$!|]*[a-z][0-9a-z@$!|]*")

TAG = re.compile(r"<[^>]*>")
# Attributes whose value is text a reader sees (a tooltip, an image's text, an input's
# text) or a screen reader and a search engine read: those the body keeps after cleaning
# (title, alt, aria-label, data-title of the YouTube player) and, for static HTML files,
# which are published as written, the others a browser shows or reads out.
TEXT_ATTRIBUTES = (
    "title",
    "alt",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-placeholder",
    "aria-valuetext",
    "placeholder",
    "summary",
    "label",
    "value",
    "content",
    "data-title",
)
TEXT_ATTRIBUTE = re.compile(
    # The look-ahead at the first letters: a third less time than the names alone.
    r"(?<![\w-])(?=[tavplscd])(" + "|".join(TEXT_ATTRIBUTES) + r")"
    r"\s*=\s*(\"[^\"\n]*\"|'[^'\n]*'|[^\s\"'=<>`]+)",
    re.IGNORECASE,
)
# Emphasis marks vanish (s**lot** -> slot); punctuation between words becomes a space.
EMPHASIS_AND_SEPARATORS = str.maketrans(
    {**dict.fromkeys("*~`", None), **dict.fromkeys("-_./\\+=:;,'\"()[]{}<>#^", " ")}
)
COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# The blocks that hold Unicode's format characters (category Cf).
FORMAT_BLOCKS = [
    (0x00AD, 0x00AD),
    (0x0600, 0x08FF),
    (0x180E, 0x180E),
    (0x2000, 0x206F),
    (0xFE00, 0xFFFF),
    (0x110BD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),
]


@functools.lru_cache(maxsize=1)
def _format_characters():
    """Translation table deleting every format character (Unicode category Cf):
    zero-width space/joiners, soft hyphen, bidi controls, word joiner, BOM, tags..."""
    return {
        code: None
        for first, last in FORMAT_BLOCKS
        for code in range(first, last + 1)
        if unicodedata.category(chr(code)) == "Cf"
    }


NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _format_characters_out(run: re.Match) -> str:
    return run.group(0).translate(_format_characters())


def without_format_characters(text: str) -> str:
    """`text` without its format characters (Unicode category Cf). They are all outside
    ASCII: only the runs of such characters are looked up in the table (`str.translate`
    looks up every character of a text that is not all ASCII, slowly)."""
    return NON_ASCII.sub(_format_characters_out, text)


def _confusables_folded(run: re.Match) -> str:
    return run.group(0).translate(CONFUSABLE_TABLE)


def fold_confusables(text: str) -> str:
    """`text` with its look-alike letters folded to Latin (CONFUSABLES). Their keys are
    all outside ASCII, so only the runs of such characters are looked up."""
    return NON_ASCII.sub(_confusables_folded, text)


def ascii_apart(text: str) -> str:
    """`text` with each run of characters outside ASCII as one NUL: for `str.translate`
    with a table of ASCII keys, which is quick only on ASCII text, and a search for words
    of ASCII letters, which such a character (kept by the table) always ends."""
    return text if text.isascii() else NON_ASCII.sub("\0", text)


def fold(text: object) -> str:
    """Entities decoded, NFKC, format characters out, case folded, confusables folded,
    accents dropped (slót -> slot)."""
    text = str(text)
    if "&" in text:
        text = html.unescape(html.unescape(text))  # &amp;#115; as well as &#115;
    if text.isascii():
        return text.lower()
    text = without_format_characters(unicodedata.normalize("NFKC", text))
    text = fold_confusables(text.casefold())
    if text.isascii():
        return text
    return COMBINING.sub("", unicodedata.normalize("NFKD", text))


def visible(text: str, folded: bool = False, tags: bool = True) -> str:
    """One line of source as the reader sees its words (see the module docstring);
    `folded`: `text` already went through `fold`; `tags=False`: what looks like a tag is
    text (an attribute's value: the browser shows `<b>` in a title as written)."""
    text = text if folded else fold(text)
    if tags and "<" in text:
        text = TAG.sub("", TAG.sub("", text))  # also tags written as entities, now decoded
    return " ".join(text.translate(EMPHASIS_AND_SEPARATORS).split())


def attribute_texts(text: str) -> list[tuple[str, str]]:
    """(name, value as written) of each TEXT_ATTRIBUTES attribute in `text` (one line of
    source, or lines: no value is read over two lines). A value over two lines is left to
    `visible`: a tag not closed on its line is not removed, its words are read as text."""
    if "=" not in text:
        return []
    found = []
    for match in TEXT_ATTRIBUTE.finditer(text):
        value = match.group(2)
        found.append((match.group(1).lower(), value[1:-1] if value[0] in "\"'" else value))
    return found


def leet_variants(text: str) -> list[str]:
    """`text` (already `visible`) with digits inside words read as letters: the `1`
    read as `l` and, separately, as `i` (s1ot -> slot, jud1 -> judi)."""
    if not LEET_CHARACTERS.search(text):
        return []

    def read(table):
        return WORD_WITH_DIGITS.sub(
            lambda m: (
                m.group(0).translate(table) if LEET_CHARACTERS.search(m.group(0)) else m.group(0)
            ),
            text,
        )

    return [variant for variant in dict.fromkeys([read(LEET), read(LEET_AS_I)]) if variant != text]


def joined_letters(text: str) -> str | None:
    """`text` (already `visible`) with runs of three or more single letters joined:
    `s l o t g a c o r` -> `slotgacor`; None when there is no such run."""
    words, result, run = text.split(), [], []
    for word in words + [""]:
        if len(word) == 1 and word.isalnum():
            run.append(word)
            continue
        result += ["".join(run)] if len(run) >= 3 else run
        run = []
        if word:
            result.append(word)
    joined = " ".join(result)
    return joined if joined != " ".join(words) else None
