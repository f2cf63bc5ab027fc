"""Numbers as an Indonesian operator writes them in content/data/*.yml: the dot groups
thousands and the comma is the decimal mark.

    1.250       -> 1250         (a dot followed by groups of three digits: thousands)
    12.500.000  -> 12500000
    1,25        -> 1.25         (the comma is the decimal mark)
    1.250,5     -> 1250.5
    412.5       -> 412.5        (a dot that cannot group thousands: not three digits
    0.6472      -> 0.6472        after it, or a leading 0; its only reading is decimal)

Anything else (1,250,000 or 1,250.5 written the English way, units, spaces) is not read:
`read_number` raises NumberError and the caller reports the file and the line with
NUMBER_RULE. The data readers see the text as written (yaml BaseLoader), never a YAML
float, so `1.250` reaches this function as "1.250", not as 1.25.
"""

from __future__ import annotations

import re

PLAIN = re.compile(r"\d+")
GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
DECIMAL_COMMA = re.compile(r"(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+),\d+")
DECIMAL_POINT = re.compile(r"\d+\.\d+")
NUMBER_RULE = (
    "titik untuk ribuan dan koma untuk desimal: 1.250 berarti seribu dua ratus lima puluh, "
    "1,25 berarti satu koma dua lima"
)


class NumberError(ValueError):
    """The text is not a number written the Indonesian way."""


def read_number(text: str) -> int | float:
    """The number `text` stands for: an int when it has no decimals, else a float."""
    value = str(text).strip()
    negative = value.startswith("-")
    digits = value[1:] if negative else value
    sign = -1 if negative else 1
    if PLAIN.fullmatch(digits) or GROUPED.fullmatch(digits):
        return sign * int(digits.replace(".", ""))
    if DECIMAL_COMMA.fullmatch(digits):
        return sign * float(digits.replace(".", "").replace(",", "."))
    if DECIMAL_POINT.fullmatch(digits):
        return sign * float(digits)
    raise NumberError(text)


def read_whole_number(text: str) -> int:
    """`read_number` for a whole number (raises NumberError for 1,5 too)."""
    number = read_number(text)
    if isinstance(number, float):
        if not number.is_integer():
            raise NumberError(text)
        return int(number)
    return number
