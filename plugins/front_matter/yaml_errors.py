"""PyYAML's English errors as Indonesian messages with the fix, for front matter and data
files alike. The parser's own words stay in brackets for whoever helps the operator."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

import yaml

from .characters import bad_value
from .errors import ContentError
from .limits import yaml_depth_problem

_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_]+):(?P<rest>[^\s/:].*)$")
# A note at the end of a front matter line, as the README writes one: two blanks (or a tab),
# then # and a blank: `mulai: 2024-06-20 09:00   # tanggal saja = sehari penuh`.
_NOTE = re.compile(r"^(?:[ \t]*\t|[ \t]{2,})[ \t]*#(?:[ \t]|$)")
# `#` glued to a word: the start of a value (`judul: #2 Kerja Bakti`), never a note.
_GLUED = re.compile(r"^\s*#[^\s#]")
# One space, then # and a blank: a note written with one space, or a value with ` # `.
_SPACED_HASH = re.compile(r"^ #(?:[ \t]|$)")
_DASH_WITHOUT_SPACE = re.compile(r"^\s+-(?P<rest>[^\s-].*)$")
# A key written without its colon: `kategori Pembangunan`, `kategori; ...`, `kategori = ...`.
_KEY_WITHOUT_COLON = re.compile(
    r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*)[ \t]*[;=:]?[ \t]*(?P<rest>.*)$"
)
# Characters that look like a space or nothing but are not one for YAML (pasted from
# WhatsApp, Word or a web page).
INVISIBLE = {
    "\u00a0": "spasi tak-putus (non-breaking space, U+00A0)",
    "\u2007": "spasi angka (figure space, U+2007)",
    "\u202f": "spasi tak-putus sempit (U+202F)",
    "\u200b": "spasi lebar-nol (zero-width space, U+200B)",
    "\u200c": "karakter lebar-nol (U+200C)",
    "\u200d": "karakter lebar-nol (U+200D)",
    "\u2060": "karakter lebar-nol (word joiner, U+2060)",
    "\ufeff": "karakter lebar-nol (BOM, U+FEFF)",
    "\u3000": "spasi lebar (U+3000)",
}

GENERIC_HINT = "periksa titik dua, tanda kutip dan indentasi pada baris ini"


def explain(err: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str]:
    """(line index in `text` from 0, Indonesian message, hint) for a MarkedYAMLError."""
    lines = text.split("\n")
    problem = err.problem or ""
    original = " ".join(part for part in (err.context, err.problem) if part) or "format salah"
    problem_line = err.problem_mark.line if err.problem_mark else 0
    context_line = err.context_mark.line if err.context_mark else problem_line
    bad = lines[problem_line] if problem_line < len(lines) else ""

    def at(line, message, hint):
        return line, f"{message} (YAML: {original})", hint

    if "could not find expected ':'" in problem and context_line < len(lines):
        above = lines[context_line - 1] if context_line > 0 else ""
        return at(context_line, *missing_colon(lines[context_line], above))
    if "\t" in bad or "tab" in problem:
        return at(
            problem_line, "ada karakter tab", "YAML tidak boleh memakai tab: ganti tab dengan spasi"
        )
    if "quoted scalar" in (err.context or ""):
        quote = lines[context_line][err.context_mark.column] if err.context_mark else '"'
        return at(
            context_line,
            f"tanda kutip {quote} dibuka di baris ini tetapi tidak ditutup",
            f"tutup dengan {quote} di akhir nilai, di baris yang sama",
        )
    if "flow sequence" in (err.context or "") or "flow mapping" in (err.context or ""):
        return at(
            context_line,
            "kurung [ dibuka di baris ini tetapi tidak ditutup",
            "tutup dengan ] di baris yang sama, misalnya  label: [musdes, anggaran]",
        )
    curly = _curly_quoted(bad)
    if curly and ("mapping values are not allowed" in problem or "expected key" in problem):
        return at(problem_line, *curly)
    if "mapping values are not allowed" in problem:
        first = _key_line_without_colon(lines, problem_line)
        if first is not None:  # `judul Rapat` then `tanggal: ...`: one key read as two lines
            return at(first, *missing_colon(lines[first], lines[first - 1] if first else ""))
        if bad[:1].isspace():
            return at(
                problem_line,
                "baris ini diawali spasi",
                "kunci harus sejajar dengan kunci di atasnya (di front matter: di awal "
                "baris, tanpa spasi di depannya)",
            )
        return at(
            problem_line,
            "ada titik dua (:) di tengah nilai",
            'beri tanda kutip pada seluruh nilainya, misalnya  judul: "Rapat: hasil musdes"',
        )
    if "document start" in problem:
        return at(
            problem_line,
            "baris ini diawali spasi",
            "hapus spasi di awal baris: kunci ditulis di awal baris",
        )
    if "expected key" in problem or "<block end>" in problem:
        value = bad.split(":", 1)[1].strip() if ":" in bad else ""
        if value[:1] and value[:1] in "\"'":
            return at(
                problem_line,
                "ada teks sesudah tanda kutip penutup",
                "bila judul memuat tanda kutip, apit seluruh nilai dengan kutip yang lain, "
                "misalnya  judul: 'Rapat \"Desa\" Hebat'",
            )
        return at(
            problem_line,
            "indentasi (spasi di awal baris) tidak rata",
            "butir daftar (- ) harus sejajar satu sama lain, dan kunci utama tanpa spasi "
            "di awal baris",
        )
    if (
        "cannot start any token" in problem
        or "alias" in original
        or "sequence entries are not allowed" in problem
    ):
        value = bad.split(":", 1)[1].strip() if ":" in bad else bad.strip()
        first = value[:1] or "?"
        return at(
            problem_line,
            f"nilai tidak boleh diawali '{first}' tanpa tanda kutip",
            f'beri tanda kutip, misalnya  judul: "{value or "..."}"',
        )
    return at(problem_line, "format YAML salah", GENERIC_HINT)


CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"  # “ ” ‘ ’ „ « »


def _curly_quoted(line: str) -> tuple[str, str] | None:
    """(message, hint) when the value on `line` starts with a curly quote (Word, WhatsApp or
    a phone keyboard): the operator did quote it, but “ ” are not quotes for YAML."""
    key, colon, value = line.partition(":")
    value = value.strip()
    if not colon or not value or value[0] not in CURLY_QUOTES:
        return None
    inner = value.strip(CURLY_QUOTES + " ")
    return (
        f"tanda kutip {value[0]} (kutip miring dari Word atau ponsel) bukan tanda kutip YAML",
        f'pakai tanda kutip lurus " ", misalnya  {key.strip()}: {quoted(inner)}',
    )


def invisible_character(line: str) -> str | None:
    """The name of the first invisible or look-alike space character in `line`, or None."""
    return next((name for char, name in INVISIBLE.items() if char in line), None)


# A `key: value` line whose value is plain text (no quote, list or block sign).
_PLAIN_VALUE_LINE = re.compile(r"^\s*[\w-]+\s*:\s+[^\s\"'\[{|>&*!].*$")


def continued_value(line: str, above: str) -> str | None:
    """`above` and `line` written as one `key: value` line, when `line` is most likely the
    rest of the value above broken by Enter: it begins with a capital or a digit, under a
    `key: value` line whose value is plain text (`judul: Rapat Desa` / `Tentang Anggaran`).
    Quoted when the joined value needs it (`Waktu: 07.00`). Else None."""
    start = line[:1]
    if not (start.isupper() or start.isdigit()) or not _PLAIN_VALUE_LINE.match(above):
        return None
    key, _, value = above.partition(":")
    joined = f"{value.strip()} {line.strip()}"
    return f"{key.strip()}: {quoted(joined) if ': ' in joined or ' #' in joined else joined}"


def missing_colon(line: str, above: str = "") -> tuple[str, str]:
    """(message, hint) for a `kunci: nilai` line YAML could not read as a key: an invisible
    character (a non-breaking space after the colon), or the colon left out. A line that
    begins with a capital or a digit under a `key: value` line (`above`) is most likely
    the rest of that value, broken by Enter (`judul: Rapat Desa` / `Tentang Anggaran`):
    the hint joins them first."""
    invisible = invisible_character(line)
    cleaned = line
    for char in INVISIBLE:
        cleaned = cleaned.replace(char, " " if char != "\u200b" else "")
    if invisible:
        return (
            f"ada {invisible} di baris ini; YAML tidak menganggapnya spasi",
            f"hapus karakter itu dan ketik ulang spasinya, tulis  {cleaned.strip()}",
        )
    match = _KEY_WITHOUT_COLON.match(line)
    key = match["key"] if match else ""
    colon = "kunci: nilai"
    if match:
        indent = match["indent"].strip()
        colon = f"{indent}{' ' if indent else ''}{key}: {match['rest'].strip()}"
    joined = continued_value(line, above)
    if joined:
        missing = f"setelah '{key}'" if key else "di baris ini"
        return (
            f"baris ini tampaknya lanjutan nilai di baris atasnya (tanda titik dua (:) "
            f"tidak ada {missing})",
            f"tulis nilainya di satu baris:  {joined}  — bila ini memang kunci baru, tulis  {colon}",
        )
    if match is None:
        return "tanda titik dua (:) tidak ada di baris ini", "tulis  kunci: nilai"
    return f"tanda titik dua (:) tidak ada setelah '{key}'", f"tulis  {colon}"


def _key_line_without_colon(lines: list[str], problem_line: int) -> int | None:
    """The line above `problem_line` that YAML joined to it as one key: a line starting at
    the left edge with no colon (`judul Rapat` above `tanggal: ...`), or None."""
    index = problem_line - 1
    while index >= 0 and lines[index].strip() and not lines[index][:1].isspace():
        if ":" in lines[index] or lines[index].lstrip().startswith("#"):
            return None
        if index == 0 or not lines[index - 1].strip() or ":" in lines[index - 1]:
            return index
        index -= 1
    return None


def spacing_problem(text: str) -> tuple[int, str, str] | None:
    """(line index, message, hint) for `key:value` or `-item` written without the space YAML
    needs (PyYAML reads them silently as something else), or None."""
    for index, line in enumerate(text.split("\n")):
        match = _KEY_WITHOUT_SPACE.match(line)
        if match:
            return (
                index,
                f"tidak ada spasi sesudah titik dua pada '{match['key']}:'",
                f"tulis  {match['key']}: {match['rest']}",
            )
        match = _DASH_WITHOUT_SPACE.match(line)
        if match:
            return (
                index,
                "tidak ada spasi sesudah tanda - pada butir daftar",
                f"tulis  - {match['rest']}",
            )
    return None


_HASHTAGS = re.compile(r"^\s*#[^\s#,]+(?:[\s,]+#[^\s#,]+)*\s*$")


def comment_cut(
    lines: list[str], key: str, node: yaml.Node, *, note_only: bool = False
) -> tuple[int, str, str] | None:
    """(line index, message, hint) when the unquoted value `node` of `key` is followed on
    its line by ` #`: YAML reads the rest as a comment and drops it (`judul: Kerja Bakti #2`
    gives "Kerja Bakti"). A note written as the README writes one, two blanks then `# `
    (`_NOTE`), is a note. A quoted value or a comment on a line of its own: None.
    note_only: the value cannot hold ` # ` (a date, a flag): after one space, only the
    note's fix is offered."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return None  # quoted (or a block scalar): the operator chose where the value ends
    end = node.end_mark
    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
    if not rest.lstrip().startswith("#"):
        return None
    if _NOTE.match(rest) or (not node.value and not _GLUED.match(rest)):
        return None  # a note; or `situs: # nanti`: nothing written before it, nothing lost
    start = node.start_mark
    line = lines[end.line]
    if start.line == end.line:
        written, value = line[: start.column].strip(), line[start.column :].strip()
    else:
        written, value = f"{key}:", f"{node.value} {rest.strip()}"
    quote = f"beri tanda kutip pada seluruh nilainya:  {written} {quoted(value)}"
    if key in ("label", "tags") and _HASHTAGS.match(value):
        # `label: #musdes #anggaran` (hashtags, as on social media): quoted, one label
        # "#musdes #anggaran" would be made of both
        names = ", ".join(re.findall(r"#([^\s#,]+)", value))
        quote = f"label ditulis tanpa tanda #, beberapa label sebagai daftar:  {written} [{names}]"
    elif start.line == end.line and _SPACED_HASH.match(rest):
        # `tanggal: 2024-07-05 # catatan`: a note with one space, or ` # ` in the value
        note = f"{written} {node.value}  {rest.strip()}"
        quote = (
            f"catatan ditulis sesudah dua spasi:  {note}"
            if note_only
            else f"bila itu catatan, beri dua spasi sebelum #:  {note}  — bila bukan, {quote}"
        )
    return (
        end.line,
        f"teks sesudah tanda # ('{rest.strip()}') dianggap catatan dan hilang dari "
        f"'{key}' (YAML reads ' #' as a comment)",
        quote,
    )


def quoted(text: str) -> str:
    """`text` as a quoted YAML value: "..." unless it holds " or \\ (then '...')."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def first_cut(text: str, root: yaml.Node | None) -> tuple[int, str, str] | None:
    """comment_cut of the first value of a data file a `#` cuts, by the rule of front
    matter: a note after two blanks is a note; after one space (`alamat: Jl. Raya No. 1 #
    RT 02`: the footer lost "RT 02"), or glued to a word (`nama: Posyandu Melati #2`), the
    rest of the value would be lost. None when nothing is cut."""
    lines = text.split("\n")
    stack = [("", root)] if root is not None else []
    while stack:  # depth first, in the order of the file
        key, node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [
                (k.value, v) for k, v in reversed(node.value) if isinstance(k, yaml.ScalarNode)
            ]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(key, item) for item in reversed(node.value)]
        else:
            cut = comment_cut(lines, key, node)
            if cut:
                return cut
    return None


def compose_yaml(path: str | os.PathLike, text: str) -> yaml.Node | None:
    """The YAML node tree of a data file's `text` (BaseLoader: every value stays text,
    with its line marks), or a ContentError naming the line when it is not valid YAML
    (too deep, tabs or spacing, a syntax error). For desa.yml, situs.yml and data files."""
    too_deep = yaml_depth_problem(path, text)
    if too_deep:
        raise too_deep
    spacing = spacing_problem(text)
    if spacing:
        index, message, hint = spacing
        raise ContentError(path, index + 1, f"YAML tidak valid: {message}", hint)
    loader = yaml.BaseLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        index, message, hint = explain(err, text)
        raise ContentError(path, index + 1, f"YAML tidak valid: {message}", hint) from None
    except (yaml.YAMLError, RecursionError) as err:
        raise ContentError(
            path,
            1,
            f"YAML tidak valid: {err} (invalid YAML)",
            "periksa tanda kutip, titik dua dan indentasi berkas ini",
        ) from None
    finally:
        loader.dispose()
    bad = bad_value(root, text)
    if bad:
        raise ContentError(path, bad[0] + 1, *bad[1:])
    cut = first_cut(text, root)
    if cut:
        raise ContentError(path, cut[0] + 1, cut[1], cut[2])
    return root


def merged_items(keys: list[tuple[str, int, str]], noun: str) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each list item that lost its `- `, given the
    (key, line, value) of ONE list item in file order; [] when no key repeats.

    An item written without `- ` is read by YAML as more keys of the item above it: two
    officials become one mapping with `nama` twice. "Delete one of them" would then delete
    a person, so the message names the line where the next item starts (the line of the
    repeated first key, `nama`, or else of the first repeated key)."""
    problems, seen, start = [], {}, 0
    for index, (key, line, _value) in enumerate(keys):
        if key not in seen:
            seen[key] = line
            continue
        # The next item begins at the last repeat of this item's first key, if any.
        begins = next((i for i in range(index, start, -1) if keys[i][0] == keys[start][0]), index)
        first_key, first_line, value = keys[begins]
        shown = f"- {first_key}: {value}" if value else f"- {first_key}: ..."
        repeated = f"'{key}' ditulis dua kali dalam satu {noun} (baris {seen[key]} dan {line})"
        if first_key == keys[start][0]:
            message = (
                f"{repeated}: tampaknya tanda `- ` di awal baris {first_line} terlupa, "
                f"sehingga dua {noun} tergabung menjadi satu (duplicate key: list item "
                "without '- ')"
            )
            hint = (
                f"setiap {noun} diawali tanda `- `: tulis  {shown}  di baris {first_line}, "
                f"sejajar dengan tanda - di atasnya (jangan hapus '{first_key}' di baris "
                f"{seen[first_key]})"
            )
        else:
            message = f"{repeated} (duplicate key)"
            hint = (
                f"bila baris {first_line} memulai {noun} berikutnya: setiap {noun} diawali "
                f"tanda `- `, tulis  {shown}; bila bukan, hapus baris yang salah"
            )
        problems.append((first_line, message, hint))
        start = begins
        seen = {k: ln for k, ln, _v in keys[begins : index + 1]}
    return problems


def merged_node_items(
    node: yaml.Node, noun: str, key_of: Callable[[str], str | None] = str.lower, first_line: int = 1
) -> list[tuple[int, str, str]]:
    """merged_items of one list item's MappingNode; `key_of` turns a key as written into
    the key it stands for (None: an unknown key, left to the caller's own message);
    `first_line`: the file's line number of the YAML text's first line (2 in front matter,
    after `---`)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    keys = []
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = key_of(str(key_node.value).strip())
            value = value_node.value if isinstance(value_node, yaml.ScalarNode) else ""
            if key:
                keys.append((key, key_node.start_mark.line + first_line, str(value).strip()))
    return merged_items(keys, noun)
