"""Values of the notice board's keys: flags (penting, utama), coordinates (peta) and an
attachment file (lampiran). Each raises BadValue with an Indonesian message and hint."""

from __future__ import annotations

import os
import posixpath
import re

from .paths import closest_file, from_content

TRUE = {"true", "ya", "yes", "1"}
FALSE = {"false", "tidak", "no", "0"}
ATTACHMENT_FOLDER = "files"


class BadValue(ValueError):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def flag(key: str, value: object) -> bool:
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise BadValue(
        f"'{value}' bukan true atau false (expected true/false)",
        "tulis true (atau ya) untuk menandai, atau hapus baris ini",
    )


def coordinates(value: object) -> tuple[float, float]:
    """(lat, lon) from "lat, lon" in degrees."""
    hint = "tulis lintang, bujur dalam derajat, misalnya  peta: -6.9912, 111.8307"
    parts = [p.strip() for p in str(value).split(",")]
    if len(parts) != 2:
        raise BadValue(
            f"peta '{value}' bukan koordinat 'lintang, bujur' (expected 'lat, lon')", hint
        )
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise BadValue(
            f"peta '{value}': koordinat harus angka (coordinates must be numbers)", hint
        ) from None
    if not -90 <= lat <= 90:  # also NaN and infinity
        raise BadValue(
            f"peta '{value}': lintang {parts[0]} di luar -90..90 (latitude out of range)",
            hint + " (lintang dulu, lalu bujur)",
        )
    if not -180 <= lon <= 180:
        raise BadValue(
            f"peta '{value}': bujur {parts[1]} di luar -180..180 (longitude out of range)", hint
        )
    return (lat, lon)


# A file on the operator's own computer: C:\Users\..., D:/Foto/..., file:///..., \\server\...
COMPUTER_PATH = re.compile(r"^(?:[a-z]:[\\/]|file:|\\\\)", re.IGNORECASE)


def computer_file_name(value: str) -> str | None:
    """The file name of `value` when it is a path on the operator's computer, else None."""
    if not COMPUTER_PATH.match(value):
        return None
    return re.split(r"[\\/]", value.rstrip("\\/"))[-1] or None


def attachment_path(value: object, content_path: str | os.PathLike) -> str:
    """'files/name.pdf' (a bare name means files/name.pdf); the file must exist."""
    if COMPUTER_PATH.match(str(value)):
        name = computer_file_name(str(value)) or "nama-berkas.pdf"
        raise BadValue(
            f"lampiran '{value}' adalah alamat berkas di komputer Anda (a path on your "
            "computer), bukan berkas situs",
            f"salin berkasnya ke folder content/files/ lalu tulis  lampiran: files/{name}",
        )
    text = from_content(str(value).replace("\\", "/"))
    if not text.startswith(ATTACHMENT_FOLDER + "/"):
        text = f"{ATTACHMENT_FOLDER}/{text}"
    normal = posixpath.normpath(text)
    hint = "simpan berkasnya di content/files/ lalu tulis  lampiran: files/nama-berkas.pdf"
    if (
        normal != text
        or ".." in normal.split("/")
        or text.endswith("/")
        or any(ord(c) < 32 for c in text)
    ):
        raise BadValue(
            f"lampiran '{value}' bukan nama berkas di content/files/ "
            "(attachment must be a file under content/files/)",
            hint,
        )
    if not os.path.isfile(os.path.join(content_path, *normal.split("/"))):
        close = closest_file(normal, content_path)
        raise BadValue(
            f"lampiran '{value}' tidak ada di content/{normal} (attachment file not found)",
            f"maksud Anda  lampiran: {close} ?" if close else hint,
        )
    return normal
