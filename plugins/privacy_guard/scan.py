"""Records in, ContentErrors out: identity numbers are errors, other personal data
warnings. Every number in a message is masked."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from front_matter.errors import ContentError

from . import identity, personal

if TYPE_CHECKING:
    from .records import Record

LAW = "UU 27/2022 tentang Pelindungan Data Pribadi"
IDENTITY_HINT = (
    "data pribadi warga tidak boleh diterbitkan ({law}). Umumkan nama dan besaran bantuan "
    "tanpa NIK/KK, atau samarkan nomornya, misalnya {example}. Bila berkas ini memang harus "
    "terbit apa adanya, tulis namanya di PRIVACY_ALLOWED_FILES di pelicanconf.py "
    "(publish names and amounts without NIK/KK, or mask the numbers)"
)
WARNING_TEXT = {
    "phone": (
        "nomor HP pribadi {shown} di samping nama orang (private mobile number next to a name)",
        "nomor HP warga adalah data pribadi ({law}): hapus nomornya atau tulis nomor kantor "
        "desa. Bila ini nomor resmi yang memang diumumkan, tambahkan ke PRIVACY_ALLOWED_PHONES "
        "di pelicanconf.py",
    ),
    "birth": (
        "tanggal lahir lengkap di samping nama orang (full birth date next to a name)",
        "tanggal lahir adalah data pribadi ({law}): hapus, atau tulis usianya saja bila perlu",
    ),
    "address": (
        "alamat rumah dengan RT/RW di daftar nama orang (home address next to names in a list)",
        "alamat rumah adalah data pribadi ({law}): cukup tulis nama dan dusunnya, tanpa RT/RW "
        "dan nomor rumah",
    ),
}


def located(record: Record, text: str) -> str:
    return f"{record.where}: {text}" if record.where else text


def identity_errors(
    path: str | os.PathLike, records: Iterable[Record], limit: int = 20
) -> list[ContentError]:
    """One error per record holding identity numbers (at most `limit`, then a summary)."""
    errors = []
    rest, rest_line = 0, None
    for record in records:
        found = []
        for index, cell in enumerate(record.cells):
            header = "" if record.line_header else record.header_of(index)
            for item in identity.find(cell, header, rounded=index in record.rounded):
                found.append((item, header))
        if not found:
            continue
        if len(errors) >= limit:
            rest += 1
            rest_line = rest_line or record.line
            continue
        what = " dan ".join(
            f"{item.kind} {item.masked}"
            + (f" di kolom '{identity.mask_text(header)}'" if header else "")
            for item, header in found
        )
        errors.append(
            ContentError(
                identity.mask_text(str(path)),
                record.line,
                located(record, f"{what} tertulis lengkap (identity number published in full)"),
                IDENTITY_HINT.format(law=LAW, example=found[0][0].masked),
            )
        )
    if rest:
        errors.append(
            ContentError(
                identity.mask_text(str(path)),
                rest_line,
                f"dan {rest} baris lain berisi NIK/KK di berkas ini (and {rest} more lines)",
                IDENTITY_HINT.format(law=LAW, example="3523xxxxxxxx0001"),
            )
        )
    return errors


def personal_warnings(
    path: str | os.PathLike, records: Iterable[Record], allowed_phones: Collection[str]
) -> list[ContentError]:
    """One warning per kind of personal data in a file: the first place, and how many."""
    first = {}
    counts = {}
    for record in records:
        for finding in personal.findings(record, allowed_phones):
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
            first.setdefault(finding.kind, (record, finding))
    warnings = []
    for kind in ("phone", "birth", "address"):
        if kind not in first:
            continue
        record, finding = first[kind]
        message, hint = WARNING_TEXT[kind]
        text = message.format(shown=finding.shown)
        if counts[kind] > 1:
            text += f"; {counts[kind]} baris seperti ini, yang pertama di sini"
        warnings.append(
            ContentError(
                identity.mask_text(str(path)),
                record.line,
                located(record, text),
                hint.format(law=LAW),
                severity="warning",
            )
        )
    return warnings
