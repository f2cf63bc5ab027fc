"""Online-gambling spam, the way compromised desa.id sites are defaced: links to gambling
sites, promotional gambling text and text hidden from readers (but not from search
engines) in raw HTML. Each one is an error naming the file and the line.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import html
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from front_matter import memo
from front_matter.errors import ContentError, report, reports_only
from front_matter.limits import unclosed_tags_problem
from front_matter.source import numbered, source_lines

from . import browser_url, markup
from .active import css_text
from .content import body_line, contents, meta_line, relative_path, static_generator
from .reader_text import (
    LEET,
    LEET_AS_I,
    LEET_CHARACTERS,
    ascii_apart,
    attribute_texts,
    fold,
    joined_letters,
    leet_variants,
    visible,
)
from .settings import setting
from .spam_readings import bar_readings, markdown_joined, marked_fold, may_hold_bar, rendered_blocks

if TYPE_CHECKING:
    from pelican.generators import Generator

# Promotional gambling vocabulary (Indonesian spam), matched case-insensitively.
PHRASES = [
    r"judi\s*(?:online|daring|bola|slot|togel|kartu|casino|kasino)",
    r"judol",
    r"slot\s*(?:gacor|online|88|777|deposit|pulsa|dana|maxwin|resmi|terpercaya|thailand"
    r"|kamboja|demo|terbaru|hari\s+ini)",
    r"(?:situs|link|agen|bandar|daftar|akun|bocoran|bo|main)\s+"
    r"(?:slot|togel|judi|toto|casino|kasino|poker|sbobet)",
    r"(?:pola|link|situs|rtp|akun)\s+gacor",
    r"gacor\s+(?:hari\s+ini|malam\s+ini|maxwin|x\d+)",
    r"max\s*w[il]n",  # also "maxwln", as spam writes it
    # Football betting: a bookie, an agent, a site, a bet on football (not "sepak bola",
    # "bola voli", "bola lampu": "Kecamatan Bandar, bola voli ..." reads "bandar bola voli").
    r"(?:situs|agen|bandar)\s+(?:judi\s+|taruhan\s+)?bola"
    r"(?!\s*(?:voli|basket|tangan|kaki|lampu|pingpong|kasti|bekel|golf|sodok))",
    r"taruhan\s*(?:bola|online|daring|slot|togel|casino|kasino|sbobet)",
    r"(?:mix\s*)?parlay",
    r"scatter(?:\s*(?:hitam|merah|emas))?",
    r"rtp\s*(?:live|slot|tertinggi|hari\s+ini|gacor)",
    r"togel",
    r"toto\s*(?:macau|gelap|4d|togel|slot|online)",
    r"sbobet",
    r"pragmatic\s*play",
    r"mahjong\s*ways?",
    r"gates\s*of\s*olympus",
    r"sweet\s*bonanza",
    r"starlight\s*princess",
    r"(?:casino|kasino)\s*online",
    r"anti\s*rungkad",
    r"(?:deposit|depo)\s*(?:pulsa|dana|via|\d+\s*(?:rb|ribu|k)\b)",
    r"link\s+alternatif",
]
PHRASE = re.compile(r"(?<![\w])(?:" + "|".join(PHRASES) + r")(?![\w])", re.IGNORECASE)
# Every phrase above holds one of these words: text without any of them is not searched.
PHRASE_WORDS = (
    "judi",
    "judol",
    "slot",
    "gacor",
    "max",
    "scatter",
    "rtp",
    "togel",
    "toto",
    "sbobet",
    "poker",
    "pragmatic",
    "mahjong",
    "olympus",
    "bonanza",
    "starlight",
    "casino",
    "kasino",
    "rungkad",
    "depo",
    "alternatif",
    "bola",
    "taruhan",
    "parlay",
)
# The same words for text with its spaces taken out (a file's letters together: one look
# before reading its lines), the short or common ones with what follows or comes before
# them in every phrase that holds no other of these words: "sepak bola" and "setiap RT
# pada" ("rtpada") are in much ordinary news.
SQUEEZED_WORDS = tuple(word for word in PHRASE_WORDS if word not in ("bola", "rtp", "max")) + (
    "situsbola",
    "agenbola",
    "bandarbola",
    "rtplive",
    "rtptertinggi",
    "rtphari",
    "maxw",
)
# The words of the phrases (three letters or more; not those after which a phrase is no
# phrase): a word written with a capital I or a small l that may read the other way
# (spam_readings) is read so when that makes one of them.
VOCABULARY = re.compile(
    "|".join(
        sorted(
            {
                word
                for phrase in PHRASES
                for word in re.findall(r"(?<!\\)[a-z]{3,}", re.sub(r"\(\?!.*?\)\)", "", phrase))
            }
            | {*PHRASE_WORDS, "win", "wln"},
            key=lambda word: (-len(word), word),
        )
    )
)
SPACED_LETTERS = re.compile(r"(?:^|\s)\w\s\w\s\w(?:\s|$)")
# i and l read as one letter: the gambling words a text may hold once capital I and small
# l are read the other way (spam_readings) are in it with both read as l.
I_AS_L = str.maketrans("i", "l")
LEET_I_AS_L = str.maketrans({**LEET, ord("i"): "l", ord("1"): "l", ord("!"): "l", ord("|"): "l"})
SQUEEZED_WORDS_I_AS_L = tuple(dict.fromkeys(word.translate(I_AS_L) for word in SQUEEZED_WORDS))

# Words that make a host name a gambling site: inside the name, or as a whole part of it.
HOST_INSIDE = (
    "gacor",
    "togel",
    "judol",
    "sbobet",
    "maxwin",
    "casino",
    "kasino",
    "slot",
    "poker",
    "jackpot",
)
HOST_PARTS = {"judi", "toto", "bet"}

# A URL in text or in an attribute, also the forms browsers accept: `https:\\host`,
# `https:host`, `\\host` (read as //host), `www.host`.
URL = re.compile(
    r"""(?:\b(?:https?|ftp):[\\/]*|[\\/]{2})[^\s<>"'()\[\]]+|\bwww\.[^\s<>"'()\[\]]+""",
    re.IGNORECASE,
)

HIDDEN_CSS = [
    (re.compile(r"display\s*:\s*none", re.I), "display:none"),
    (re.compile(r"visibility\s*:\s*hidden", re.I), "visibility:hidden"),
    (
        re.compile(
            r"""font-size\s*:\s*(?:0+(?:\.0+)?|\.0+)(?:px|pt|em|rem|%)?\s*(?:[;!"'}]|$)""", re.I
        ),
        "font-size:0",
    ),
    (re.compile(r"""opacity\s*:\s*(?:0+(?:\.0+)?|\.0+)\s*(?:[;!"'}]|$)""", re.I), "opacity:0"),
    (
        re.compile(
            r"(?:left|top|right|bottom|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}", re.I
        ),
        "posisi di luar layar (off-screen)",
    ),
    (
        re.compile(
            r"(?:height|width|max-height)\s*:\s*0+(?:px)?\s*;[^{}]*overflow\s*:\s*hidden", re.I
        ),
        "ukuran 0 (zero size)",
    ),
    (re.compile(r"clip\s*:\s*rect\(\s*0", re.I), "clip:rect(0…)"),
]
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)(?:</style>|\Z)", re.I | re.S)
HIDDEN_ATTRIBUTE = re.compile(r"<[a-z][a-z0-9]*\b[^>]*\shidden(?=[\s=/>])", re.I)
# SVG's presentation attributes: the same CSS properties, written as attributes.
HIDDEN_PRESENTATION = re.compile(
    r"""<[a-z][\w:-]*\b[^>]*\s(?:(display)\s*=\s*["']?\s*none|(visibility)\s*=\s*["']?\s*hidden"""
    r"""|(opacity|fill-opacity)\s*=\s*["']?\s*(?:0+(?:\.0*)?|\.0+)(?=[\s"'/>])"""
    r"""|(font-size)\s*=\s*["']?\s*(?:0+(?:\.0*)?|\.0+)(?:px|pt|em)?(?=[\s"'/>]))""",
    re.I,
)
PRESENTATION_HOW = {
    "display": "display:none",
    "visibility": "visibility:hidden",
    "opacity": "opacity:0",
    "fill-opacity": "opacity:0",
    "font-size": "font-size:0",
}
# Letters drawn as nothing (a link's text of these is as empty as one of spaces).
BLANK_LETTERS = dict.fromkeys(map(ord, "\u115f\u1160\u2800\u3164\uffa0"), " ")
# A link with nothing to see in it (HTML or Markdown `[](...)`) is found only by search
# engines. Candidates: no letter or digit in the link's text outside entities (`&nbsp;`).
NO_WORD = r"((?:[^<>\[\]\w&]|[\u115f\u1160\u3164\uffa0]|&#?\w+;)*)"
# (The opening tag's attributes as one group, `href` looked for in them afterwards: two
# `[^>]*` around `href` took minutes on a file of many `<a href=`.)
LINK_WITH_TEXT = re.compile(r"<a\b([^>]*)>" + NO_WORD + r"</a\s*>", re.I)
HREF = re.compile(r"\shref\s*=", re.I)
MARKDOWN_LINK_WITH_TEXT = re.compile(r"\[" + NO_WORD + r"\]\(")
# Elements the browser writes smaller than the text around them (`font-size: smaller`):
# nested, the letters become too small to see.
SHRINKING = re.compile(r"<(/?)(?:small|sub|sup)(?=[\s/>])", re.I)
MAX_SHRINKING = 2
SHRINKING_HOW = (
    f"lebih dari {MAX_SHRINKING} <small>/<sub>/<sup> bersarang, hurufnya terlalu kecil untuk dibaca"
)
# A link whose only content is pictures drawn at most 2 pixels wide or high (a "pixel"):
# nothing to see, found only by search engines. HTML (other tags and blank characters in
# the link count as nothing) and Markdown with attr_list (`[![](titik.png){: width="1"}](…)`).
# A size is read as a browser reads the attribute: its leading number (`1em`, `01`, `0%`).
LINK = re.compile(r"<a\b([^>]*)>(.{0,4000}?)</a\s*>", re.I | re.S)
PICTURE = re.compile(r"<img\b[^>]*>", re.I)
ANY_TAG = re.compile(r"<[^>]*>")
MARKDOWN_PICTURE_LINK = re.compile(r"\[((?:\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?)+)\s*\]\(")
MARKDOWN_PICTURE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
TINY_SIZE = re.compile(
    r"""[\s{](?:width|height)\s*=\s*["']?\s*\+?0*(?:[01](?:\.\d*)?|2(?:\.0*)?|\.\d+)(?![\d.])""",
    re.I,
)
TINY_PICTURE_HOW = "tautan pada gambar berukuran 2 piksel atau kurang"
# Letters the browser shows in the reverse of the order written: inside <bdo> (dir="rtl":
# "<bdo dir=rtl>rocag tols</bdo>" reads "slot gacor" on the page) and after the
# right-to-left override character U+202E (also as an entity, or as YAML's escape "\u202E"
# in front matter). What the checks read is then not what a reader sees. Village news
# needs neither: Arabic script runs right to left by itself.
REVERSING_TAG = re.compile(r"<bdo(?=[\s/>])(?![^>]*\sdir\s*=\s*[\"']?\s*ltr\b)", re.I)
REVERSING_CHARACTER = re.compile("\u202e")
REVERSING_ESCAPE = re.compile(r'"[^"\n]*\\(?:u|U0000)202[eE]')  # in a double-quoted YAML value
# The same in CSS (a `<style>` block, an SVG attribute, a stylesheet).
REVERSING_STYLE = re.compile(r"unicode-bidi\s*[:=]\s*[\"']?\s*(?:bidi|isolate)-override", re.I)

# Static files whose text is read: plain text and any file that looks like markup, whatever
# its extension (the static-file check's classification, markup.py).
STATIC_TEXT = markup.is_text

HACKED_HINT = (
    "hapus bagian ini. Jika Anda tidak menulisnya, situs atau akun Anda mungkin dibobol: "
    "ganti kata sandi dan periksa riwayat perubahan (git log)"
)
TEXT_MESSAGE = "teks promosi judi online"
ALLOWED_HINT = (
    ". Jika berita ini memang membahas judi (misalnya sosialisasi bahayanya), tambahkan nama "
    "berkasnya ke SPAM_ALLOWED_FILES di pelicanconf.py"
)


def gambling_host(url: str) -> str | None:
    """The host name if `url` points at a gambling site (read as a browser reads the
    URL: backslashes, entities, percent-escapes, look-alike letters), else None."""
    host = browser_url.parse(url).host
    if not host or host.startswith("["):
        return None
    readable = _readable_host(host)
    if any(word in readable for word in HOST_INSIDE):
        return host
    parts = set(re.split(r"[^a-z]+", readable))
    return host if parts & HOST_PARTS else None


def _readable_host(host):
    """The host as letters a reader recognises: IDNA (xn--) decoded, look-alikes folded,
    digits read as letters too (s1ot -> slot)."""
    with contextlib.suppress(UnicodeError):
        host = host.encode("ascii").decode("idna") if "xn--" in host else host
    folded = fold(host)
    return " ".join([folded, *leet_variants(folded.replace(".", " ").replace("-", " "))])


@functools.lru_cache(maxsize=8192)  # the same tag, category or author on many articles
def gambling_phrase(text: str) -> str | None:
    """The gambling phrase in `text` as written, else in the text a reader sees (see
    reader_text: entities, zero-width characters, emphasis, look-alikes, s1ot; capital I
    and small l, spam_readings), else None."""
    return _phrase(text) or phrase_seen(visible(text)) or _bar_phrase(text)


def _phrase(text):
    """PHRASE.search, skipped (it is the slow part) when no gambling word is in `text`."""
    lower = text.lower()
    if not any(word in lower for word in PHRASE_WORDS):
        return None
    match = PHRASE.search(text)
    return " ".join(match.group(0).split()) if match else None


def _could_hold_phrase(seen):
    """False when no variant of `seen` (digits read as letters, letters joined) can
    hold a gambling word: the variants need not be made."""
    if not LEET_CHARACTERS.search(seen) and not any(len(w) == 1 for w in seen.split()):
        return False  # the variants would be `seen` itself
    return _letters_hold_word(seen.replace(" ", ""))


def _letters_hold_word(squeezed: str, bars: bool = False) -> bool:
    """Whether a gambling word is in `squeezed` (text without its spaces) with its digits
    read as letters, either way of reading `1`; `bars`: also with i and l read as one
    letter (what the readings of spam_readings.bar_readings can hold)."""
    squeezed = ascii_apart(squeezed)  # (the tables' keys and the words are ASCII)
    if bars:  # both ways of reading `1`, i and l: all are l (the other words: as they are)
        collapsed = squeezed.translate(LEET_I_AS_L)
        return any(word in collapsed for word in SQUEEZED_WORDS_I_AS_L)
    if not LEET_CHARACTERS.search(squeezed):  # most text: translating (slow) changes nothing
        return any(word in squeezed for word in SQUEEZED_WORDS)
    texts = (squeezed.translate(LEET), squeezed.translate(LEET_AS_I))
    return any(word in text for text in texts for word in SQUEEZED_WORDS)


def _could_hold_phrase_anywhere(seen_texts: Iterable[str], bars: bool = False) -> bool:
    """False when no line and no two lines together (texts already made `visible`) can
    hold a gambling phrase, in any of the forms phrase_seen reads: every phrase holds a
    gambling word, and wherever phrase_seen finds one (as written, digits read as letters,
    single letters joined) the word is in the text of all the lines with the spaces taken
    out and the digits read as letters (either way of reading `1`); `bars`: nor in their
    readings with capital I and small l read the other way (_letters_hold_word). One look
    at the whole file instead of one or two per line: most files hold no gambling word at
    all."""
    return _letters_hold_word("".join(seen.replace(" ", "") for seen in seen_texts), bars)


def _seen(text: str, tags: bool = True) -> str:
    """`text` (as written) as a reader sees it, links out."""
    return visible(without_urls(fold(text)), folded=True, tags=tags)


def _bar_readings(text: str, tags: bool = True) -> list[str]:
    """The readings of `text` (as written) with capital I and small l among capitals read
    the other way where that makes a gambling word (spam_readings: `sIot`, `SIOT`,
    `JUDl`), already `visible` (links out); [] for most text."""
    marked = marked_fold(text)
    if marked is None:
        return []
    return bar_readings(visible(without_urls(marked), folded=True, tags=tags), VOCABULARY)


def _bar_phrase(text: str, tags: bool = True) -> str | None:
    """The gambling phrase in a `_bar_readings` of `text`, looked for only when the letters
    of `text`, i and l alike, hold a gambling word."""
    if not may_hold_bar(text):
        return None
    if not _letters_hold_word(NOT_LETTERS.sub("", _seen(text, tags)), bars=True):
        return None
    return _first_phrase(_bar_readings(text, tags))


def _first_phrase(readings: Iterable[str]) -> str | None:
    """The gambling phrase in the first of `readings` (already `visible`) that holds one."""
    return next((found for found in map(phrase_seen, readings) if found), None)


def phrase_seen(seen: str) -> str | None:
    """The gambling phrase in `seen` (text already made `visible`) or in its variants."""
    found = _phrase(seen)
    if found or not _could_hold_phrase(seen):
        return found
    for variant in leet_variants(seen):
        found = _phrase(variant)
        if found:
            return found
    spaced = SPACED_LETTERS.search(seen) and joined_letters(seen)
    return _phrase(spaced) if spaced else None


QUOTED = re.compile(r"""=\s*("[^"]*"|'[^']*')""")


def may_hold_url(text: str) -> bool:
    """Cheap test before the URL pattern: every URL form has one of these."""
    lower = text.lower()
    return "//" in text or "\\" in text or "www." in lower or "http" in lower or "ftp:" in lower


def without_urls(text: str) -> str:
    return URL.sub(" ", text) if may_hold_url(text) else text


def links_in(text: str) -> list[str]:
    """URLs in a line as a browser would follow them: entities decoded, `https:\\host`,
    tabs and newlines inside an attribute value dropped (`href="https://sl&#9;ot.example"`)."""
    if not may_hold_url(text) and "&" not in text:
        return []
    text = QUOTED.sub(lambda m: "=" + re.sub(r"[\t\r\n]", "", m.group(1)), fold(text))
    return [m.group(0).rstrip(".,;:!?") for m in URL.finditer(text)]


def spam_links(
    lines: Iterable[tuple[int, str]], with_pages: bool = True
) -> list[tuple[int, str, str]]:
    """(line, url, why) for links to gambling sites (and, with_pages, to pages whose
    address is gambling promotion, e.g. a compromised site's /slot-gacor/)."""
    found = []
    for number, text in lines:
        for url in links_in(text):
            full = "//" + url if url.lower().startswith("www.") else url
            host = gambling_host(full)
            if host:
                found.append((number, url, f"situs judi {host}"))
                continue
            phrase = with_pages and gambling_phrase(
                re.sub(r"[-_/+.=?&%]+", " ", browser_url.parse(full).path)
            )
            if phrase:
                found.append((number, url, f"halaman judi '{phrase}'"))
    return found


def spam_text(lines: Iterable[tuple[int, str]], markdown: bool = True) -> list[tuple[int, str]]:
    """(line, phrase) for promotional gambling text (links excluded); a phrase broken
    over two lines (one paragraph on the page) is reported on its first line. Each line is
    read as `visible` reads it and in its other readings: with `markdown`, the text of
    its Markdown links joined to the letters around them (`[s](#)lot`, spam_readings
    .markdown_joined) and, where its letters and those of the lines next to it may make a
    gambling word when i and l are read alike, its `_bar_readings` (`sIot`, `JUDl`)."""
    found = []
    lines = [(number, text, _seen(text)) for number, text in lines]
    joined = [markdown and markdown_joined(text) or None for _, text, _ in lines]
    joined_seen = [_seen(text) if text else None for text in joined]
    bars = any(may_hold_bar(text) for _, text, _ in lines)
    # The letters of each line as read, with its Markdown links joined too (`[s](#)lot`).
    letters = [
        [seen.replace(" ", "")] + ([extra.replace(" ", "")] if extra else [])
        for (_, _, seen), extra in zip(lines, joined_seen, strict=True)
    ]
    if not _could_hold_phrase_anywhere((seen for _, _, seen in lines), bars) and not any(
        _around_holds_word(lines, letters, index, bars)
        for index, extra in enumerate(joined_seen)
        if extra
    ):
        return found
    texts = []  # (line, phrase in the line alone or None, the line as a reader sees it,
    # its other readings)
    for index, (number, text, seen) in enumerate(lines):
        others = [joined_seen[index]] if joined_seen[index] else []
        if bars and may_hold_bar(text) and _around_holds_word(lines, letters, index, bars=True):
            for source in (text, joined[index]) if joined[index] else (text,):
                others += [r for r in _bar_readings(source) if r not in others]
        phrase = phrase_seen(seen) or _first_phrase(others)
        if phrase:  # reported as written when it can be
            phrase = _phrase(without_urls(text)) or phrase
        texts.append((number, phrase, seen, others))
    for index, (number, phrase, seen, others) in enumerate(texts):
        if phrase:
            found.append((number, phrase))
            continue
        following = texts[index + 1] if index + 1 < len(texts) else None
        # A blank next line adds nothing: a phrase never ends in a space, so the line with
        # a space after it holds what the line alone holds (nothing, here).
        if following and following[0] == number + 1 and not following[1] and seen and following[2]:
            phrase = phrase_seen(seen + " " + following[2])
            if not phrase and (others or following[3]):  # each reading of each line
                phrase = _first_phrase(
                    first + " " + second
                    for first in (seen, *others)
                    for second in (following[2], *following[3])
                    if (first, second) != (seen, following[2])
                )
            if phrase:
                found.append((number, phrase))
    return found


def _around_holds_word(lines, letters, index, bars: bool) -> bool:
    """Whether the letters of line `index` (`letters`: each line's, in each of its readings),
    with those of the line before and the line after (a phrase may go on over the next
    line, or come from the last), hold a gambling word (`bars`: i and l alike,
    _letters_hold_word)."""
    number = lines[index][0]
    before = letters[index - 1] if index and lines[index - 1][0] == number - 1 else [""]
    after = (
        letters[index + 1] if index + 1 < len(lines) and lines[index + 1][0] == number + 1 else [""]
    )
    return any(
        _letters_hold_word(first + middle + last, bars)
        for first in before
        for middle in letters[index]
        for last in after
    )


def spam_attributes(lines: Iterable[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line, attribute, phrase) for promotional gambling text in the attributes a reader
    or a search engine reads as text (title, alt, aria-label, ...: reader_text's
    TEXT_ATTRIBUTES), each value read like a line of the page (see spam_text), what looks
    like a tag in it read as text (as the browser shows it)."""
    lines = [(number, text) for number, text in lines if "=" in text]
    values = attribute_texts("\n".join(text for _, text in lines))  # those of each line
    if not values or not _could_hold_word_in(" ".join(value for _, value in values)):
        return []
    found = []
    for number, name, value in (
        (number, *attribute) for number, text in lines for attribute in attribute_texts(text)
    ):
        phrase = phrase_seen(_seen(value, tags=False)) or _bar_phrase(value, tags=False)
        if phrase:  # reported as written when it can be
            found.append((number, name, _phrase(without_urls(value)) or phrase))
    return found


NOT_LETTERS = re.compile(r"[^a-z0-9@$!|]+")
# The ASCII characters NOT_LETTERS takes out, as a table (the others stay, as in `visible`).
NOT_LETTER_CHARACTERS = str.maketrans(
    dict.fromkeys(c for c in map(chr, range(128)) if NOT_LETTERS.fullmatch(c))
)


def _could_hold_word_in(values: str) -> bool:
    """False when no attribute value in `values` (all of them, as written) can hold a
    gambling phrase in any form phrase_seen reads: the letters of any value as it reads
    them (folded, links and punctuation out, digits read as letters, letters joined; i and
    l alike when a value may be read so, `_bar_phrase`) are a run of the letters of all the
    values together once everything but letters, digits and the signs read as letters is
    taken out. One look instead of one per value."""
    return _letters_hold_word(
        NOT_LETTERS.sub("", without_urls(fold(values))), bars=may_hold_bar(values)
    )


def hidden_text(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, how) for raw HTML that hides text from readers; `lines` are consecutive."""
    if not lines:
        return []
    first = lines[0][0]
    source = "\n".join(line for _, line in lines)
    if source.count("\n") >= len(lines):  # a line holding a newline: one line all the same
        source = "\n".join(line.replace("\n", " ") for _, line in lines)
    # Entities in attributes are decoded by the browser: style="display&#58;none" (an
    # entity for a newline, too, stays on its line).
    text = source
    if "&" in source:
        text = "\n".join(html.unescape(line).replace("\n", " ") for _, line in lines)

    def line_at(offset):
        return first + text.count("\n", 0, offset)

    found = []
    blocks = [(m.start(1), m.group(1)) for m in STYLE_ATTRIBUTE.finditer(text)]
    blocks += [(m.start(1), m.group(1)) for m in STYLE_BLOCK.finditer(text)]
    for start, css in blocks:
        for pattern, how in HIDDEN_CSS:
            match = pattern.search(css)
            if match:
                found.append((line_at(start + match.start()), how))
    for match in HIDDEN_ATTRIBUTE.finditer(text):
        found.append((line_at(match.end()), "atribut hidden"))
    for match in HIDDEN_PRESENTATION.finditer(text):
        name = next(group for group in match.groups() if group).lower()
        found.append((line_at(match.end()), PRESENTATION_HOW[name]))
    # Tags written as entities (`&lt;a href=…&gt;`) are text on the page: the source as written.
    found += [(first + source.count("\n", 0, at), how) for at, how in _hidden_in_markup(source)]
    return sorted(set(found))


def _hidden_in_markup(source):
    """(offset, how) in `source` of links with nothing to see in them (only spaces,
    zero-width characters, `&nbsp;`, or pictures of 2 pixels or less: only search engines
    find them) and of text in more
    than MAX_SHRINKING nested elements that each make the letters smaller (30 nested
    <small>: letters 0.08px high), the tags counted in the order written, as the browser
    nests them (an unclosed one holds what follows)."""
    found = []
    texts = [
        (match.start(), match.group(2))
        for match in LINK_WITH_TEXT.finditer(source)
        if HREF.search(match.group(1))
    ]
    if "](" in source:  # not after `!` (a picture: `![](foto.jpg)`), `]` or `\`
        texts += [
            (match.start(), match.group(1))
            for match in MARKDOWN_LINK_WITH_TEXT.finditer(source)
            if source[match.start() - 1 : match.start()] not in ("!", "]", "\\")
        ]
    for at, text in texts:
        if not fold(text).translate(BLANK_LETTERS).split():
            found.append((at, "tautan tanpa teks"))
    return found + _tiny_picture_links(source) + _shrunk_text(source)


def _is_tiny(attributes: str) -> bool:
    return bool(TINY_SIZE.search(html.unescape(attributes)))


def _tiny_picture_links(source):
    """(offset, how) of links whose only content is pictures of 2 pixels or less."""
    found = []
    if "<img" in source.lower():
        for match in LINK.finditer(source):
            inside = match.group(2)
            pictures = PICTURE.findall(inside)
            if not pictures or not HREF.search(match.group(1)):
                continue
            if fold(ANY_TAG.sub("", inside)).translate(BLANK_LETTERS).split():
                continue  # the link has text to see
            if all(_is_tiny(picture) for picture in pictures):
                found.append((match.start(), TINY_PICTURE_HOW))
    if "![" in source:
        for match in MARKDOWN_PICTURE_LINK.finditer(source):
            sizes = MARKDOWN_PICTURE.findall(match.group(1))
            if all(size and _is_tiny(size) for size in sizes):
                found.append((match.start(), TINY_PICTURE_HOW))
    return found


def _shrunk_text(source):
    """(offset, how) of text in more than MAX_SHRINKING nested shrinking elements."""
    found = []
    depth = 0
    for match in SHRINKING.finditer(source):
        if match.group(1):
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth == MAX_SHRINKING + 1:
            found.append((match.start(), SHRINKING_HOW))
    return found


def reversed_text(lines: Iterable[tuple[int, str]]) -> list[int]:
    """The lines that make the browser show letters in the reverse of the order written
    (REVERSING_TAG, REVERSING_CHARACTER also written as an entity or YAML's escape,
    REVERSING_STYLE)."""
    found = []
    for number, text in lines:
        shown = html.unescape(text) if "&" in text else text
        if (
            REVERSING_CHARACTER.search(shown)
            or ("bdo" in text.lower() and REVERSING_TAG.search(text))
            or ("202" in text and REVERSING_ESCAPE.search(text))
            or ("override" in text.lower() and REVERSING_STYLE.search(shown))
        ):
            found.append(number)
    return found


def _allowed(item, patterns):
    if not patterns:
        return False
    name = relative_path(item)
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _item_problems(item, allowed):
    """problems_in for one article or page (in a forked process too), and rendered_problems."""
    lines = numbered(source_lines(item))
    errors = problems_in(item.source_path, lines, lines[body_line(item) - 1 :], allowed)
    if not allowed:
        errors += rendered_problems(item, lines, errors)
    return errors


NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def _letters(text: str) -> str:
    """The letters and digits of `text` (folded) as compared to find a phrase's line: digits
    read as letters, i and l as one letter (`s1ot`, `sIot` and `slot` alike)."""
    return NOT_ALPHANUMERIC.sub("", fold(text).translate(LEET)).replace("i", "l")


def _source_line(phrase: str, lines: Sequence[tuple[int, str]]) -> int | None:
    """The first of `lines` whose letters as a reader sees them (Markdown links joined,
    links and tags out), alone or with the lines after it (one paragraph on the page: a
    phrase may go on over several), hold the letters of `phrase`."""
    wanted = _letters(phrase)
    letters = [
        (number, _letters(_seen(markdown_joined(text) or text)))
        for number, text in lines
        if text.strip()
    ]
    for start, (number, held) in enumerate(letters):
        end = start + 1  # a phrase that begins in this line ends within len(wanted) after it
        while (
            wanted not in held
            and end < len(letters)
            and len(held) - len(letters[start][1]) < len(wanted)
        ):
            if letters[end][0] != letters[end - 1][0] + 1:
                break  # a blank line ends the paragraph
            held += letters[end][1]
            end += 1
        if wanted in held:
            return number
    return None


def rendered_problems(
    item: object, lines: Sequence[tuple[int, str]], errors: Sequence[ContentError]
) -> list[ContentError]:
    """Promotional gambling text in what the page shows, read as a reader and a search
    engine read it (spam_readings.rendered_blocks: the rendered HTML, each block's inline
    elements joined), that the lines of its source do not show (`[s](#)lot`, `s\\*l\\*ot`):
    in the title, the summary (`ringkasan`, Markdown: the meta description, og:description
    and JSON-LD) and the body. Reported at the line it comes from (the body: the line whose
    letters hold it, else the first line of the body), unless `errors` already report
    gambling text there."""
    reported = {error.line for error in errors if error.message.startswith(TEXT_MESSAGE)}
    views = [(meta_line(item, "title"), getattr(item, "title", None))]
    if meta_line(item, "summary", None) is not None:
        views.append((meta_line(item, "summary"), item.metadata.get("summary")))
    views.append((None, getattr(item, "_content", None)))
    body = lines[body_line(item) - 1 :]
    found = []
    for line, page_html in views:
        if not isinstance(page_html, str) or not _page_could_hold_phrase(page_html):
            continue
        # Two lines apart: the blocks of a page are never one paragraph.
        blocks = [(2 * index + 1, block) for index, block in enumerate(rendered_blocks(page_html))]
        for _, phrase in spam_text(blocks, markdown=False):
            at = line or _source_line(phrase, body) or body_line(item)
            if at not in reported:
                reported.add(at)
                found.append(_text_error(item.source_path, at, phrase))
    return found


def _page_could_hold_phrase(page_html: str) -> bool:
    """False when no block of `page_html` can hold a gambling phrase in any reading spam_text
    makes of it: one look at the whole page instead of one per block. Read as spam_text
    reads a block (tags out, folded, links out), with every letter and digit together and
    i and l alike, it holds no gambling word. A page where folding makes a `<` (`&lt;`,
    which `visible` may take out with what follows as a tag) is read block by block."""
    if not page_html:
        return False
    text = ANY_TAG.sub(" ", page_html) if "<" in page_html else page_html
    # (typogrify's `&nbsp;` before the last word is a space: folding stays fast, in ASCII)
    text = fold(text.replace("&nbsp;", " ") if "&nbsp;" in text else text)
    if "<" in text:
        return True
    text = ascii_apart("".join(without_urls(text).split())).translate(NOT_LETTER_CHARACTERS)
    return _letters_hold_word(text, bars=True)


def _text_error(path, number, phrase):
    return ContentError(
        path, number, f"{TEXT_MESSAGE}: '{phrase}' (gambling spam text)", HACKED_HINT + ALLOWED_HINT
    )


def problems_in(
    path: str | os.PathLike,
    lines: Sequence[tuple[int, str]],
    body: Sequence[tuple[int, str]],
    allow_text: bool = False,
) -> list[ContentError]:
    """Every spam ContentError in one file: `lines` all lines, `body` the body lines."""
    errors = []
    for number, url, why in spam_links(lines, with_pages=not allow_text):
        errors.append(
            ContentError(path, number, f"tautan ke {why}: {url} (gambling spam link)", HACKED_HINT)
        )
    if not allow_text:
        in_text = spam_text(lines)
        for number, phrase in in_text:
            errors.append(_text_error(path, number, phrase))
        for number, name, phrase in spam_attributes(lines):
            if (number, phrase) in in_text:  # not an attribute (Markdown's {: title=...})
                continue
            errors.append(
                ContentError(
                    path,
                    number,
                    f"teks promosi judi online di atribut {name}=: '{phrase}' "
                    "(gambling spam text in an attribute)",
                    HACKED_HINT + ALLOWED_HINT,
                )
            )
    for number, how in hidden_text(body):
        errors.append(
            ContentError(
                path,
                number,
                f"teks tersembunyi di HTML ({how}): pembaca tidak melihatnya tetapi mesin pencari "
                "membacanya (hidden text)",
                HACKED_HINT,
            )
        )
    for number in reversed_text(lines):
        errors.append(
            ContentError(
                path,
                number,
                "huruf dibuat tampil terbalik (<bdo>, karakter U+202E atau unicode-bidi: "
                "bidi-override): pembaca melihat "
                "kata yang lain daripada yang tertulis, cara menyembunyikan promosi judi dari "
                "pemeriksaan (reversed text)",
                HACKED_HINT,
            )
        )
    return errors


def file_problems(
    path: str | os.PathLike, lines: Sequence[tuple[int, str]], allow_text: bool = False
) -> list[ContentError]:
    """problems_in for a whole static or data file (every line its body). A file with more
    tags left open than front_matter.limits allows is that one error: the patterns would
    take minutes on it (an article's reader refuses such a file before it gets here)."""
    problem = lines and unclosed_tags_problem(path, "\n".join(t for _, t in lines), lines[0][0])
    return [problem] if problem else problems_in(path, lines, lines, allow_text)


def name_problems(
    path: str | os.PathLike, names: Iterable[tuple[int | None, object]]
) -> list[ContentError]:
    """Gambling promotion in what becomes an address or a label on the site: the file
    name, the slug, tags, category, author (`names`: (line, text) pairs)."""
    errors = []
    for number, text in names:
        phrase = gambling_phrase(str(text))
        if phrase:
            errors.append(
                ContentError(
                    path,
                    number,
                    f"promosi judi online di nama atau alamat halaman: '{text}' ({phrase}) "
                    "(gambling spam in a name, slug or tag)",
                    HACKED_HINT + "; ganti nama berkas, slug, label atau kategorinya",
                )
            )
    return errors


def _name_texts(item):
    """The names an item puts on the site (the file name: its source path)."""
    texts = [getattr(item, "slug", "") or ""]
    texts += [tag.name for tag in getattr(item, "tags", None) or []]
    for key in ("category", "author"):
        value = getattr(item, key, None)
        texts.append(None if value is None else value.name)
    return texts


def _names_of(item):
    """(line, text) of the names an item puts on the site."""
    names = [(1, relative_path(item)), (meta_line(item, "slug"), getattr(item, "slug", "") or "")]
    names += [(meta_line(item, "tags"), tag.name) for tag in getattr(item, "tags", None) or []]
    for key in ("category", "author"):
        value = getattr(item, key, None)
        if value is not None:
            names.append((meta_line(item, key), value.name))
    return names


def data_files(path: str | os.PathLike) -> list[str]:
    """Every YAML data file under the content folder (desa.yml and any other)."""
    found = []
    for folder, subfolders, files in os.walk(path):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found += [
            os.path.join(folder, name)
            for name in sorted(files)
            if name.lower().endswith((".yml", ".yaml"))
        ]
    return found


# The check in two halves, each a receiver of its own: the articles and pages split by
# their order, so that the checks on two cores (wartadesa/split_checks.py) can place one half
# in each process. Whole, it took 3.64 s of one core in a 5,000-article full build (py-spy),
# more than the link, address and personal-data checks together (2.45 s): one process waited
# for the other. The costs are those measured (milliseconds per 1,000 articles).
HALVES = 2


@reports_only(cost=364)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report spam in the first half of the articles and pages,
    in every static text file and YAML data file (desa.yml, ...), and in names that become
    addresses (of those articles and pages and of the static files)."""
    settings = _check_contents(generators, 0)
    _check_files(generators, settings)


@reports_only(cost=364)
def check_more(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report spam in the second half of the articles and pages."""
    _check_contents(generators, 1)


def _check_contents(generators: Sequence[Generator], half: int) -> Mapping[str, Any] | None:
    """Spam in the articles and pages of one half (every HALVES-th from `half`) and in the
    names they make; their settings (None without any)."""
    settings = None
    allowed_patterns = []
    texts, jobs = [], []  # (item, allowed); (clean key, (item, allowed))
    for item in list(contents(generators))[half::HALVES]:
        settings = item.settings
        allowed_patterns = setting(settings, "SPAM_ALLOWED_FILES")
        allowed = _allowed(item, allowed_patterns)
        # What problems_in looks at (the lines, where the body starts) comes from the text.
        clean_key = memo.text_key(
            "spam", item.source_path, lambda item=item: source_lines(item), allowed, body_line(item)
        )
        texts.append((item, allowed))
        jobs.append((clean_key, (item, allowed)))
    found = memo.checked_unless_clean(jobs, lambda job: _item_problems(*job), settings or {})
    for (item, allowed), errors in zip(texts, found, strict=True):
        for error in errors:
            report(error)
        if not allowed and not errors:  # a slug made from a spam title: reported once
            names_key = memo.key("spam names", item.source_path, _name_texts(item))
            if memo.is_clean(names_key):
                continue
            found = name_problems(item.source_path, _names_of(item))
            if not found:
                memo.mark_clean(names_key)
            for error in found:
                report(error)
    return settings


def _check_files(generators: Sequence[Generator], settings: Mapping[str, Any] | None) -> None:
    """Spam in the static text files, their names and the YAML data files."""
    static = static_generator(generators)
    for item in getattr(static, "staticfiles", None) or []:
        path = getattr(item, "source_path", "")
        settings = item.settings
        allowed = _allowed(item, setting(settings, "SPAM_ALLOWED_FILES"))
        if not allowed:
            for error in name_problems(path, [(1, relative_path(item))]):
                report(error)
        if not STATIC_TEXT(path):
            continue
        lines = numbered(source_lines(path))
        if path.lower().endswith(markup.CSS):  # its words as the browser reads them
            lines = numbered(css_text("\n".join(text for _, text in lines)).split("\n"))
        for error in file_problems(path, lines, allow_text=allowed):
            report(error)
    if settings is None and generators:
        settings = generators[0].settings
    if settings:
        for path in data_files(settings["PATH"]):
            for error in file_problems(path, numbered(source_lines(path))):
                report(error)
