"""Reading one data file (`content/data/*.yml`) with the line of every value.

Values are read as text (yaml BaseLoader: `tahun: 2024` stays "2024", `0,65` is not lost,
`1.250` stays "1.250" and is read as 1250 by wartadesa/numbers.py) and converted here, so that every problem is a ContentError naming the file and the line
of the value. Problems are collected in `errors`; a reader never raises for content.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from front_matter.dates import DateError, parse_date
from front_matter.errors import ContentError
from front_matter.keys import unknown_key_hint
from front_matter.limits import human
from front_matter.source import decode
from front_matter.yaml_errors import compose_yaml, merged_node_items
from wartadesa.numbers import NUMBER_RULE, NumberError, read_number, read_whole_number

MAX_DATA_KB = 512  # a data file bigger than this is refused (pasted junk)


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def fold(text: object) -> str:
    return re.sub(r"[\s_-]+", " ", str(text).strip().lower())


class DataReader:
    """One data file: its root node and the problems found while reading it."""

    def __init__(self, path: str | os.PathLike, name: str | None = None) -> None:
        self.path = str(path)
        self.name = name or os.path.basename(self.path)
        self.errors = []
        self.lines = []

    def line_text(self, node: yaml.Node) -> str:
        """The source line of a node ('' when unknown)."""
        index = node.start_mark.line
        return self.lines[index] if index < len(self.lines) else ""

    def error(self, where: int | yaml.Node, message: str, hint: str = "") -> None:
        line = where if isinstance(where, int) else line_of(where)
        self.errors.append(ContentError(self.path, line, message, hint))

    # --- the file ---------------------------------------------------------------
    def load(self, max_kb: float | None = MAX_DATA_KB) -> yaml.Node | None:
        """The root node, or None (empty file, or an error recorded)."""
        size = os.path.getsize(self.path)
        if max_kb and size > max_kb * 1024:
            self.error(
                1,
                f"{self.name} terlalu besar: {human(size)} (batas {human(max_kb * 1024)}) "
                "(data file too large)",
                "periksa apakah ada teks yang tertempel tanpa sengaja",
            )
            return None
        try:
            with open(self.path, "rb") as handle:
                text = decode(self.path, handle.read())
        except ContentError as error:
            self.errors.append(error)
            return None
        self.lines = text.split("\n")
        try:
            return compose_yaml(self.path, text)
        except ContentError as error:
            self.errors.append(error)
            return None

    # --- structure --------------------------------------------------------------
    def mapping(
        self,
        node: yaml.Node,
        keys: Iterable[str] | Mapping[str, str],
        required: Iterable[str] = (),
        what: str = "data",
        example: str = "",
        item: str = "",
        choices: Mapping[str, Iterable[str]] | None = None,
    ) -> dict[str, yaml.Node] | None:
        """{key: value node} of a mapping with only `keys` (aliases: {"alias": "key"} in
        keys as a dict), or None when the node is not a mapping. `item` (the noun of one
        list item, "orang"): the mapping is one item of a list, and a repeated key is
        first explained as an item written without its `- ` (front_matter.yaml_errors).
        `choices` ({key: values}): what a missing required key can be, told in its hint."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node,
                f"{what} harus berisi baris 'kunci: nilai' (expected a mapping)",
                example or "tulis tiap isian sebagai  kunci: nilai",
            )
            return None
        aliases = keys if isinstance(keys, dict) else {key: key for key in keys}
        merged = item and self._merged_items(node, aliases, item)
        found = {}
        for key_node, value_node in node.value:
            scalar = isinstance(key_node, yaml.ScalarNode)
            folded = fold(key_node.value) if scalar else "?"
            written = key_node.value.strip() if scalar else "?"  # echoed as written
            key = aliases.get(folded) or aliases.get(folded.replace(" ", "_"))
            if key is None:
                self.error(
                    key_node,
                    f"kunci '{written}' tidak dikenal di {what} (unknown key)",
                    unknown_key_hint(folded, aliases, dict.fromkeys(aliases.values())),
                )
                continue
            if key in found and merged:
                continue  # explained once, by merged_items
            if key in found:
                self.error(
                    key_node,
                    f"kunci '{written}' ditulis dua kali (duplicate key, "
                    f"pertama di baris {line_of(found[key][0])})",
                    "hapus salah satunya",
                )
                continue
            found[key] = (key_node, value_node)
        for key in required:
            if key not in found:
                values = list((choices or {}).get(key, ()))
                hint = f"tambahkan  {key}: {values[0] if values else '...'}"
                if len(values) > 1:
                    hint += f"  (pilihannya: {', '.join(values)})"
                self.error(node, f"{what} tanpa '{key}' (missing key)", hint)
        return {key: value for key, (_k, value) in found.items()}

    def _merged_items(self, node: yaml.MappingNode, aliases: Mapping[str, str], item: str):
        """Report each item of a list written without its `- ` (merged_node_items); True
        when there was one."""

        def key_of(written):
            folded = fold(written)
            return aliases.get(folded) or aliases.get(folded.replace(" ", "_"))

        problems = merged_node_items(node, item, key_of)
        for line, message, hint in problems:
            self.error(line, message, hint)
        return bool(problems)

    def sequence(self, node: yaml.Node | None, what: str, example: str = "") -> list[yaml.Node]:
        """The items of a list node (a single mapping is not a list: an error)."""
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(
                node,
                f"{what} harus berupa daftar: tiap butir diawali '- ' (expected a list)",
                example,
            )
            return []
        return list(node.value)

    # --- values -----------------------------------------------------------------
    def text(self, node: yaml.Node | None, key: str, multiline: bool = False) -> str | None:
        """A non-empty text value or None (error recorded)."""
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(
                node,
                f"'{key}' harus berupa teks (expected text)",
                "tulis nilainya setelah titik dua; teks panjang diawali  |",
            )
            return None
        value = node.value.strip()
        if not value:
            self.error(
                node,
                f"'{key}' tidak berisi nilai (key has no value)",
                "isi nilainya atau hapus baris ini",
            )
            return None
        if not multiline:
            value = re.sub(r"\s+", " ", value)
        return value

    def texts(self, node: yaml.Node | None, key: str) -> list[str]:
        """A list of texts (a single text is accepted as a list of one)."""
        if isinstance(node, yaml.ScalarNode):
            value = self.text(node, key)
            return [value] if value else []
        return [t for t in (self.text(item, key) for item in self.sequence(node, f"'{key}'")) if t]

    def number(
        self,
        node: yaml.Node | None,
        key: str,
        low: float | None = None,
        high: float | None = None,
        hint: str = "",
    ) -> float | None:
        value = self.text(node, key)
        if value is None:
            return None
        try:
            number = read_number(value)
        except NumberError:
            self.error(
                node,
                f"'{key}' harus berupa angka, bukan '{value}' (expected a number)",
                (hint + "; " if hint else "tulis angka saja; ") + NUMBER_RULE,
            )
            return None
        if (low is not None and number < low) or (high is not None and number > high):
            self.error(
                node,
                f"'{key}' bernilai {value}, di luar rentang {low}–{high} (value out of range)",
                hint or f"isi angka antara {low} dan {high}",
            )
            return None
        return float(number)

    def integer(
        self,
        node: yaml.Node | None,
        key: str,
        low: int | None = 0,
        high: int | None = None,
        hint: str = "",
    ) -> int | None:
        value = self.text(node, key)
        if value is None:
            return None
        try:
            number = read_whole_number(value)
        except NumberError:
            self.error(
                node,
                f"'{key}' harus berupa bilangan bulat, bukan '{value}' (expected a whole number)",
                hint or "tulis angka tanpa satuan dan tanpa koma, misalnya 12 atau 1.520",
            )
            return None
        if (low is not None and number < low) or (high is not None and number > high):
            limit = f"{low}–{high}" if high is not None else f"minimal {low}"
            self.error(
                node,
                f"'{key}' bernilai {value}, di luar rentang ({limit}) (value out of range)",
                hint or "periksa angkanya",
            )
            return None
        return number

    def year(self, node: yaml.Node | None, key: str) -> int | None:
        return self.integer(
            node, key, low=1945, high=2100, hint="tulis tahun dengan empat angka, misalnya 2024"
        )

    def date(self, node: yaml.Node | None, key: str) -> dt.date | None:
        """A calendar date, written as front matter dates are (front_matter.dates:
        2024-12-20, 20-12-2024, 20 Desember 2024, Jumat, 20 Desember 2024)."""
        value = self.text(node, key)
        if value is None:
            return None
        try:
            return parse_date(value).date()
        except DateError as err:
            self.error(node, err.message, err.hint)
            return None

    def choice(self, node: yaml.Node | None, key: str, options: Mapping[str, Any]) -> Any:
        """One of `options` ({folded written form: canonical}); None (error) otherwise."""
        value = self.text(node, key)
        if value is None:
            return None
        found = options.get(fold(value))
        if found is None:
            names = list(dict.fromkeys(options.values()))
            close = difflib.get_close_matches(fold(value), list(options), n=1)
            self.error(
                node,
                f"{key} '{value}' tidak dikenal (unknown {key})",
                (f"maksud Anda '{options[close[0]]}'? " if close else "")
                + "pilihan: "
                + ", ".join(names),
            )
        return found
