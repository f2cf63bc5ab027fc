"""Split a content file into its YAML front matter and its body, keeping line numbers.

Pure functions on files, shared by the reader (build) and `invoke check`.
"""

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from . import characters, schema
from .errors import ContentError
from .keys import REFUSED_KEYS, check_value, closest_key, refused
from .limits import yaml_depth_problem
from .yaml_errors import comment_cut, continued_value, explain, merged_node_items, spacing_problem

# Keys, Indonesian aliases and which keys take a list: from the one schema.
ALIASES = schema.ALIASES
# Values that never hold ` # ` (a date, a flag, a status, an address part…)
NO_HASH_TYPES = {"date", "status", "slug", "lang", "template", "flag", "coordinates"}
LIST_KEYS = schema.LIST_KEYS
SCALAR_KEYS = schema.SCALAR_KEYS
KNOWN_KEYS = schema.KEYS
# libyaml's loader when PyYAML has it (several times faster), same nodes and marks.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@dataclass
class Source:
    """A content file read from disk: front matter values, their lines, the body."""

    path: str
    text: str
    has_yaml: bool = False
    meta: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    written: dict = field(default_factory=dict)  # key -> as the operator wrote it ('desa')
    body: str = ""
    body_line: int = 1
    warnings: list = field(default_factory=list)
    # key -> (the unknown key written, its line) when that unknown key looks like a typo of
    # `key` (`tangal:` for tanggal): a "missing key" error can then name it.
    typos: dict = field(default_factory=dict)


def decode(path: str | os.PathLike, raw: bytes) -> str:
    """UTF-8 text with BOM removed and line endings normalised, or a ContentError."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentError(
            path,
            line,
            "berkas bukan teks UTF-8 (file is not UTF-8 text)",
            "simpan ulang berkas dengan encoding UTF-8 di editor Anda",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = characters.find_bad(text)
    if bad:
        raise ContentError(path, bad[0], characters.message(bad[1]), characters.HINT)
    return text


def read_source(path: str | os.PathLike) -> Source:
    """Read `path` and split it; raise ContentError for anything malformed.

    Remembered per file version, so plugins that look at the source again after
    the reader (e.g. to find a line) don't parse it twice."""
    stat = os.stat(path)
    return _read_source(str(path), stat.st_mtime_ns, stat.st_size)


def front_matter_end(lines: list) -> int | None:
    """The index of the line closing the front matter that `lines[0]` (`---`) opens: the
    next line that is `---` or `...`; None when none closes it. Works on str or bytes lines."""
    closers = ("---", "...") if not lines or isinstance(lines[0], str) else (b"---", b"...")
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in closers), None)


@lru_cache(maxsize=64)
def _read_source(path, _mtime_ns, _size):
    with open(path, "rb") as handle:
        text = decode(path, handle.read())
    source = Source(path=str(path), text=text, body=text)
    if not text.strip():
        raise ContentError(
            path,
            1,
            "berkas kosong (empty file)",
            "salin berkas lain dari folder yang sama (atau buat dengan  invoke new) lalu "
            "isi judul, tanggal dan isinya",
        )
    lines = text.split("\n")
    if lines[0].strip() != "---":
        misplaced = misplaced_opening(path, lines)
        if misplaced:
            raise misplaced
        return source
    end = front_matter_end(lines)
    if end is None:
        closing = _closing_lookalike(lines)
        if closing is not None:
            raise ContentError(
                path,
                closing + 1,
                f"baris '{lines[closing].strip()}' tampaknya penutup front matter, tetapi "
                "penutupnya harus tepat tiga tanda minus (front matter block never closes)",
                "ganti baris ini dengan  ---  (tiga tanda minus saja; Word dan ponsel mengubah "
                "--- menjadi —)",
            )
        raise ContentError(
            path,
            1,
            "front matter dibuka dengan --- tetapi tidak pernah ditutup "
            "(front matter block never closes)",
            "tambahkan baris --- sesudah baris kunci terakhir, sebelum isi berita",
        )
    source.has_yaml = True
    source.body = "\n".join(lines[end + 1 :])
    source.body_line = end + 2
    _parse_yaml(source, "\n".join(lines[1:end]))
    return source


# A line that was meant to open the front matter: `----`, `- - -`, `===`, a long dash (Word
# turns --- into —).
_OPENING_LOOKALIKE = re.compile(r"^\s*(?:(?:[-_=]\s*){2,}|[\u2012-\u2015][-\u2012-\u2015\s]*)$")
_HEADER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _closing_lookalike(lines: list[str]) -> int | None:
    """The index of the first line after the opening `---` that was meant to close it: a
    look-alike (`—`, `- - -`, `----`, `___`) right after the last `key: value` line (and
    the values indented under it), before any other text."""
    for index in range(1, len(lines)):
        line = lines[index]
        if _OPENING_LOOKALIKE.match(line) and line.strip():
            return index
        if line.strip() and not (_HEADER_KEY.match(line) or line[:1] in " \t-#"):
            return None  # the body began: no look-alike closed the keys
    return None


NOT_ON_LINE_1 = "baris pertama harus --- (awal front matter)"
ENGLISH = "(front matter must start on line 1)"


def misplaced_opening(path: str, lines: list[str]) -> ContentError | None:
    """A ContentError when a file that does not start with `---` was meant to have YAML
    front matter: `---` below blank lines, a look-alike line (`----`, `—`), or `judul:`
    lines (Indonesian keys) or a closing `---` with no opening one. None for a file with
    Pelican's own `Title: ...` header (English keys, no `---`)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    opening = lines[first].strip()
    if opening == "---":
        return ContentError(
            path,
            1,
            f"{NOT_ON_LINE_1}, bukan baris kosong {ENGLISH}",
            f"hapus baris kosong di atas --- (baris {first + 1})",
        )
    if _OPENING_LOOKALIKE.match(opening):
        return ContentError(
            path,
            first + 1,
            f"{NOT_ON_LINE_1}, bukan '{opening}' {ENGLISH}",
            "ganti baris ini dengan tepat tiga tanda minus: ---"
            + (" dan hapus baris kosong di atasnya" if first else ""),
        )
    header = []
    for line in lines[first:]:
        if line.strip() in ("---", "...") and header:
            return _no_opening(path, lines)  # a closing --- under key lines, no opening one
        match = _HEADER_KEY.match(line)
        if not match:
            break
        header.append(match[1].lower())
    return _no_opening(path, lines) if _indonesian(header) else None


def _indonesian(keys: list[str]) -> bool:
    """Whether header keys include an Indonesian one (judul, tanggal): YAML front matter."""
    return any(key in ALIASES and key not in KNOWN_KEYS for key in keys)


def _no_opening(path: str, lines: list[str]) -> ContentError:
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    return ContentError(
        path,
        1,
        f"{NOT_ON_LINE_1} {ENGLISH}",
        f"tambahkan baris --- di atas '{lines[first].strip()[:40]}'",
    )


# --- Source lines: where something is in a content file (one place for every plugin) ---


def meta_line(item: object, key: str, default: int | None = 1) -> int | None:
    """The front matter line of `key` in a content object's file (`default` when unknown),
    as the reader recorded it (`meta_lines`)."""
    lines = getattr(item, "meta_lines", None)
    if lines is None and hasattr(item, "metadata"):
        lines = item.metadata.get("meta_lines")
    return (lines or {}).get(key, default)


def body_line(item: object) -> int:
    """The line where a content object's body starts in its file (1 when unknown)."""
    line = getattr(item, "body_line", None)
    if line is None and hasattr(item, "metadata"):
        line = item.metadata.get("body_line")
    return line or 1


def read_text(path: str | os.PathLike) -> str:
    """The decoded text of any text file (UTF-8, BOM removed, line endings normalised),
    or "" when it cannot be read or decoded (its reader reports that)."""
    try:
        with open(path, "rb") as handle:
            return decode(path, handle.read())
    except (OSError, ContentError):
        return ""


def source_lines(source: object) -> list[str]:
    """The lines of a content file: `source` is a content object (the text the reader
    kept on it, `source_text`, without reading the file again) or a path."""
    text = getattr(source, "source_text", None)
    if text is None and hasattr(source, "metadata"):
        text = source.metadata.get("source_text")
    if text is None:
        path = getattr(source, "source_path", source)
        text = read_text(path) if path else ""
    return text.split("\n") if text else []


def numbered(lines: list[str], first: int = 1) -> list[tuple[int, str]]:
    """(number, text) of each line from line `first` on (1-based)."""
    return list(enumerate(lines[first - 1 :], start=first))


def find_line(
    lines: Iterable[tuple[int, str]],
    needle: str,
    default: int | None,
    *,
    first: int = 1,
    used: Iterable[int] = (),
    alone: bool = False,
) -> int | None:
    """The number of the first line of `lines` ((number, text) pairs) that contains
    `needle`, from line `first` on and not in `used`; else `default`.

    alone: prefer a line holding only `needle` (or `<needle>`, or a Markdown link)."""
    candidates = [
        (number, text)
        for number, text in lines
        if number >= first and number not in used and needle in text
    ]
    if alone:
        for number, text in candidates:
            text = text.strip()
            if text in (needle, f"<{needle}>") or (text.startswith("[") and text.endswith(")")):
                return number
    return candidates[0][0] if candidates else default


def line_containing(source: object, needle: str, default: int, *, first: int = 1) -> int:
    """The number of the first line of a content file (`source`: content object or path)
    that contains `needle` (for messages about something found in the rendered HTML),
    from line `first` on; else `default`."""
    return find_line(numbered(source_lines(source)), needle, default, first=first)


def key_block(lines: list[str], key_line: int, limit: int = 50) -> list[tuple[int, str]]:
    """(number, text) of a front matter key's line and of the list items under it
    (`village:` then `- Saringembat`), at most `limit` lines after the key."""
    block = []
    for number, text in numbered(lines, key_line)[: limit + 1]:
        if number > key_line and not text.startswith((" ", "\t", "-")):
            break
        block.append((number, text))
    return block


def item_line(source: object, key_line: int | None, value: str) -> int:
    """The line of one list item (`- Saringembat` under `village:`) of a content file,
    else the key's line (1 when the key's line is unknown)."""
    if not key_line:
        return 1
    return find_line(key_block(source_lines(source), key_line), value, key_line)


def _parse_yaml(source, yaml_text):
    # BaseLoader keeps every value as text: codes like 62.10 stay "62.10",
    # dates stay as written, so we can parse them with clear messages.
    too_deep = yaml_depth_problem(source.path, yaml_text, first_line=2)
    if too_deep:
        raise too_deep
    spacing = spacing_problem(yaml_text)
    if spacing:
        index, message, hint = spacing
        raise ContentError(
            source.path, index + 2, f"YAML front matter tidak valid: {message}", hint
        )
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.MappingNode):
            raise ContentError(
                source.path,
                node.start_mark.line + 2,
                "front matter harus berisi baris 'kunci: nilai' (front matter must be key: value lines)",
            )
        bad = characters.bad_value(node, yaml_text)
        if bad:
            raise ContentError(source.path, bad[0] + 2, *bad[1:])
        lines = yaml_text.split("\n")
        cuts = [
            ContentError(source.path, cut[0] + 2, *cut[1:])
            for key_node, value_node in node.value
            if (cut := cut_by_comment(lines, key_node, value_node))
        ]
        if cuts:  # every value a `#` cuts, at once
            cuts[0].also = cuts[1:]
            raise cuts[0]
        for key_node, value_node in node.value:
            _take(source, loader, key_node, value_node)
    except yaml.MarkedYAMLError as err:
        index, message, hint = explain(err, yaml_text)
        raise ContentError(
            source.path, index + 2, f"YAML front matter tidak valid: {message}", hint
        ) from None
    except (yaml.YAMLError, RecursionError) as err:
        raise ContentError(
            source.path,
            2,
            f"YAML front matter tidak valid: {err} (invalid YAML)",
            "periksa tanda kutip, titik dua dan indentasi front matter",
        ) from None
    finally:
        loader.dispose()


def cut_by_comment(
    lines: list[str], key_node: yaml.Node, value_node: yaml.Node
) -> tuple[int, str, str] | None:
    """(line index, message, hint) when an unquoted value (or a list item under its key)
    is followed by ` #` on its line: YAML reads the rest as a comment and drops it
    (`judul: Kerja Bakti #2` gives "Kerja Bakti"). A comment on a line of its own stays
    allowed. None when nothing is cut."""
    items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
    field = schema.BY_KEY.get(ALIASES.get(str(key_node.value).lower(), str(key_node.value)))
    # A date, a flag, a status… never holds ` # `: only the note's fix is offered
    note_only = field is not None and field.type in NO_HASH_TYPES
    for node in items:
        cut = comment_cut(lines, key_node.value, node, note_only=note_only)
        if cut:
            return cut
    return None


def _take(source, loader, key_node, value_node):
    line = key_node.start_mark.line + 2
    if not isinstance(key_node, yaml.ScalarNode):
        raise ContentError(source.path, line, "kunci front matter tidak valid (invalid key)")
    written = key_node.value.strip().lower()
    key = ALIASES.get(written, written)
    if key in REFUSED_KEYS:
        raise refused(source.path, line, written)
    if key in source.meta:
        raise ContentError(
            source.path,
            line,
            f"kunci '{written}' ditulis dua kali (duplicate key, first on line {source.lines[key]})",
            "hapus salah satunya",
        )
    source.written[key] = written
    if key in schema.RECORD_KEYS:
        source.meta[key] = _records(source, loader, written, line, value_node)
        source.lines[key] = line
        return
    value = loader.construct_object(value_node, deep=True)
    if isinstance(value, dict):
        raise ContentError(
            source.path,
            line,
            f"'{written}' harus berisi teks, bukan pasangan kunci (expected text, got a mapping)",
            'jika nilainya memuat titik dua, beri tanda kutip: judul: "Rapat: hasil"',
        )
    if isinstance(value, list):
        if key not in LIST_KEYS:
            raise ContentError(
                source.path,
                line,
                f"'{written}' harus satu nilai, bukan daftar (expected one value, got a list)",
                "tulis satu nilai saja setelah titik dua",
            )
        if any(not isinstance(item, str) for item in value):
            raise ContentError(
                source.path,
                line,
                f"daftar '{written}' hanya boleh berisi teks (list items must be text)",
            )
        value = [item.strip() for item in value if item.strip()]
    else:
        value = value.strip()
    if key not in KNOWN_KEYS:
        close = closest_key(written, sorted(KNOWN_KEYS | set(ALIASES)))
        hint = (
            f"maksud Anda '{close}'?"
            if close
            else _continued(source, line) or "kunci ini diabaikan"
        )
        if close:
            source.typos.setdefault(ALIASES.get(close, close), (written, line))
        source.warnings.append(
            ContentError(
                source.path,
                line,
                f"kunci '{written}' tidak dikenal (unknown key)",
                hint,
                severity="warning",
            )
        )
        return  # dropped: Pelican would make any key an attribute of the article
    check_value(source.path, line, key, value)
    source.meta[key] = value
    source.lines[key] = line


def _records(source, loader, written, line, node):
    """A list of mappings of text (an album's `foto:`), each a dict with its own `line`
    {"line": N, "values": {key: text}, "lines": {key: N}}, keys lower-cased as written
    (the plugin that uses the key checks which keys and values it accepts)."""
    if isinstance(node, yaml.ScalarNode) and not node.value.strip():
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise ContentError(
            source.path,
            line,
            f"'{written}' harus berupa daftar, satu '- berkas: ...' per foto (expected a list)",
            "tulis tiap foto di baris baru:  - berkas: foto-1.jpg  lalu  keterangan: ... di "
            "bawahnya, menjorok sejajar 'berkas'",
        )
    records = []
    for item in node.value:
        item_line = item.start_mark.line + 2
        if not isinstance(item, yaml.MappingNode):
            raise ContentError(
                source.path,
                item_line,
                f"isi '{written}' harus berupa 'berkas: ...' dan 'keterangan: ...' "
                "(expected a mapping)",
                "misalnya  - berkas: foto-1.jpg  dan di bawahnya  keterangan: Warga bekerja bakti",
            )
        for merged_line, message, hint in merged_node_items(item, "foto", first_line=2)[:1]:
            raise ContentError(source.path, merged_line, message, hint)
        record = {"line": item_line, "values": {}, "lines": {}}
        for key_node, value_node in item.value:
            key_line = key_node.start_mark.line + 2
            if not isinstance(key_node, yaml.ScalarNode) or not isinstance(
                value_node, yaml.ScalarNode
            ):
                raise ContentError(
                    source.path,
                    key_line,
                    f"isi '{written}' hanya boleh berupa teks (expected text values)",
                    "tulis  kunci: nilai  satu per baris; beri tanda kutip bila ada titik dua",
                )
            name = key_node.value.strip().lower()
            if name in record["lines"]:
                raise ContentError(
                    source.path,
                    key_line,
                    f"kunci '{name}' ditulis dua kali untuk foto yang sama (duplicate key)",
                    "hapus salah satunya",
                )
            record["values"][name] = loader.construct_object(value_node).strip()
            record["lines"][name] = key_line
        records.append(record)
    return records


def _continued(source: Source, line: int) -> str | None:
    """The hint for an unknown key under a `key: value` line that is most likely the rest
    of that value broken by Enter (`judul: Rapat Desa` / `Waktu: 07.00 di balai`), which
    YAML read as a key of its own and the build dropped."""
    lines = source.text.split("\n")
    if line < 2 or line > len(lines):
        return None
    joined = continued_value(lines[line - 1].strip(), lines[line - 2])
    if joined is None:
        return None
    return (
        "bila baris ini lanjutan nilai di baris atasnya, tulis keduanya di satu baris dalam "
        f"tanda kutip:  {joined}  — bila bukan, hapus baris ini"
    )
