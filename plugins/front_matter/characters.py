"""Characters that must never reach a page or a feed: C0 and C1 control characters
(except tab and newline) and Unicode noncharacters (U+FFFE, U+FDD0...). XML 1.0 forbids
most of them (a feed holding one is ill-formed) and none is visible to a reader."""

from __future__ import annotations

import re

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
