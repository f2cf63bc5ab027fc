"""Turn what an operator wrote under `alamat_lama:` into a safe output path."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
HINT = (
    "tulis alamat lama di situs ini, misalnya berita/2024/06/judul-lama/ "
    "(boleh juga alamat lengkap https://nama-desa.desa.id/berita/2024/06/judul-lama/)"
)


class BadAddress(ValueError):
    """The value cannot be an old address on this site; the message is for the operator."""


def address_path(value: object) -> str:
    """`value` as a path inside the site ('berita/2024/06/judul-lama/'), or BadAddress."""
    text = str(value).strip()
    if text.startswith(("http://", "https://")):
        parts = urlsplit(text)
        if parts.query or parts.fragment:
            raise BadAddress(f"alamat lama '{text}' memuat ? atau #: tulis alamatnya saja")
        text = parts.path
    elif SCHEME.match(text) or text.startswith("//") or "\\" in text:
        raise BadAddress(f"alamat lama '{text}' bukan alamat di situs ini")
    path = text.lstrip("/")
    segments = path.rstrip("/").split("/")
    if not path or not all(SEGMENT.match(s) and ".." not in s for s in segments):
        raise BadAddress(
            f"alamat lama '{text}' tidak valid (only letters, digits, - . _ between slashes)"
        )
    if not (path.endswith("/") or path.endswith(".html")):
        path += "/"
    return path


def save_as(path: str) -> str:
    """The file written for an address: a folder address gets its index.html."""
    return path + "index.html" if path.endswith("/") else path
