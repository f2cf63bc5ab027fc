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
"""

import html
import re
import unicodedata

# Letters of other scripts that look like Latin ones (after case folding).
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "н": "h",
    "і": "i", "ї": "i", "ј": "j", "к": "k", "ӏ": "l", "м": "m", "п": "n", "о": "o",
    "р": "p", "ԛ": "q", "г": "r", "ѕ": "s", "т": "t", "ц": "u", "ѵ": "v", "ԝ": "w",
    "х": "x", "у": "y", "ү": "y", "з": "3", "ь": "b",
    # Greek
    "α": "a", "β": "b", "ϲ": "c", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "μ": "u",
    "σ": "o", "ς": "c",
    # Latin look-alikes outside ASCII
    "ı": "i", "ɡ": "g", "ɑ": "a", "ʟ": "l", "ⅰ": "i", "ℓ": "l",
}
LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                      "9": "g", "@": "a", "$": "s", "!": "i", "|": "l"})
LEET_I = str.maketrans({"1": "i", "!": "i", "|": "i"})

TAG = re.compile(r"<[^>]*>")
EMPHASIS = re.compile(r"[*~`]+")
SEPARATORS = re.compile(r"[\s\-_./\\+=:;,|'\"()\[\]{}<>#^]+")
WORD_WITH_DIGITS = re.compile(r"[0-9a-z@$!|]*[a-z][0-9a-z@$!|]*")


def fold(text):
    """Entities decoded, NFKC, format characters out, case folded, confusables folded."""
    text = html.unescape(html.unescape(str(text)))  # &amp;#115; as well as &#115;
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.casefold()
    text = "".join(CONFUSABLES.get(ch, ch) for ch in text)
    # Letters with accents read as the letter (slót).
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def visible(text):
    """One line of source as the reader sees its words (see the module docstring)."""
    text = TAG.sub("", fold(text))
    text = TAG.sub("", text)  # tags that were written as entities, now decoded
    text = EMPHASIS.sub("", text)
    return " ".join(SEPARATORS.sub(" ", text).split())


def leet_variants(text):
    """`text` (already `visible`) with digits inside words read as letters: the `1`
    read as `l` and, separately, as `i` (s1ot -> slot, jud1 -> judi)."""
    def read(table):
        return WORD_WITH_DIGITS.sub(
            lambda m: m.group(0).translate(table) if re.search(r"[0-9@$!|]", m.group(0))
            else m.group(0), text)

    as_l = read(LEET)
    as_i = WORD_WITH_DIGITS.sub(
        lambda m: m.group(0).translate(LEET_I).translate(LEET)
        if re.search(r"[0-9@$!|]", m.group(0)) else m.group(0), text)
    return [variant for variant in dict.fromkeys([as_l, as_i]) if variant != text]


def joined_letters(text):
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
