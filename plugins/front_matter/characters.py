"""Characters that must never reach a page or a feed: C0 and C1 control characters
(except tab and newline) and Unicode noncharacters (U+FFFE, U+FDD0...). XML 1.0 forbids
most of them (a feed holding one is ill-formed) and none is visible to a reader.

find_bad reads a file's own text; bad_value the keys and values YAML decodes from it (an
escape in double quotes, `"Rapat\\x01"`, writes such a character with visible ones)."""

from __future__ import annotations

import re

import yaml

_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(0x11))
BAD = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef{_NONCHARACTERS}]")
# The same without the noncharacters beyond U+FFFF, and any character beyond it: most
# texts have none, and then the short class finds the same (a fifth of BAD's time).
_BAD_BELOW_FFFF = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]")
_BEYOND_FFFF = re.compile("[\\U00010000-\\U0010FFFF]")
HINT = (
    "hapus karakter tak terlihat itu (biasanya ikut tersalin dari PDF, Word atau "
    "WhatsApp): ketik ulang baris itu di editor"
)


def find_bad(text: str) -> tuple[int, str] | None:
    """(line number, 'U+XXXX') of the first forbidden character in `text`, else None."""
    pattern = BAD if _BEYOND_FFFF.search(text) else _BAD_BELOW_FFFF
    match = pattern.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, f"U+{ord(match.group()):04X}"


def message(code: str) -> str:
    return f"karakter kendali atau bukan-karakter {code} tidak boleh ada (control character)"


# --- Values YAML decodes: `judul: "Rapat\x01"` holds U+0001 though its file does not ---

# One escape of a double-quoted YAML value (`\x01`, `\uFFFE`, `\U0001FFFE`, `\0`, `\e`,
# `\\`...), read left to right so that `\\x01` is a backslash and the text x01.
_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
# The escapes naming a character by a letter that find_bad refuses (\t and \n are allowed).
_NAMED_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\x0d",
    "e": "\x1b",
    "N": "\x85",
}
VALUE_HINT = (
    "hapus kode {escape} itu dari nilainya (di dalam tanda kutip ganda, tanda \\ dan kode "
    "sesudahnya menjadi karakter tak terlihat)"
)


def _decoded(escape: str) -> str:
    """The character a double-quoted YAML escape stands for ("" when not one find_bad
    could refuse)."""
    if escape[1] in "xuU" and len(escape) > 2:
        code = int(escape[2:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    return _NAMED_ESCAPES.get(escape[1], "")


def _escape_in(lines: list[str], node: yaml.ScalarNode) -> tuple[int, str] | None:
    """(line index, escape as written) of the first escape of a double-quoted `node` that
    stands for a forbidden character, else None."""
    if node.style != '"':
        return None
    start, end = node.start_mark, node.end_mark
    if end.line >= len(lines):
        return None
    span = [lines[start.line][start.column :], *lines[start.line + 1 : end.line + 1]]
    if end.line > start.line:
        span[-1] = span[-1][: end.column]
    else:
        span[0] = lines[start.line][start.column : end.column]
    text = "\n".join(span)
    for match in _ESCAPE.finditer(text):
        if BAD.match(_decoded(match.group())):
            return start.line + text.count("\n", 0, match.start()), match.group()
    return None


def bad_value(root: yaml.Node | None, text: str) -> tuple[int, str, str] | None:
    """(line index in `text`, message, hint) for the first key or value of a YAML node tree
    (composed from `text`, in file order) holding a character find_bad refuses: written as
    an escape in double quotes (`"Rapat\\x01"`), YAML decodes it after the file's own text
    was checked. The line is the escape's, else the key's. None when every value is clean.

    `text` has passed find_bad (source.decode): only an escape brings such a character in,
    so a text without a backslash has none (the walk is skipped)."""
    if "\\" not in text:
        return None
    lines = text.split("\n")
    seen = set()
    # (node, the key it is the value of, that key's line index; None for a key or an item)
    stack = [(root, "", None)] if root is not None else []
    while stack:
        node, key, key_line = stack.pop()
        if id(node) in seen:  # an alias of a node already looked at (or of its parent)
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in reversed(node.value):
                name = key_node.value if isinstance(key_node, yaml.ScalarNode) else key
                stack.append((value_node, str(name).strip(), key_node.start_mark.line))
                stack.append((key_node, None, None))  # popped first: the key, then its value
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, key, None) for item in reversed(node.value)]
        elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            found = find_bad(node.value)
            if found is None:
                continue
            where = f"nilai '{key}'" if key else "nilai" if key is not None else "nama kunci"
            escape = _escape_in(lines, node)
            if escape is None:
                line = node.start_mark.line if key_line is None else key_line
                return line, f"{message(found[1])} di {where}", HINT
            return (
                escape[0],
                f"{message(found[1])}: {where} menuliskannya dengan kode {escape[1]}",
                VALUE_HINT.format(escape=escape[1]),
            )
    return None
