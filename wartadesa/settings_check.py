"""The settings an operator writes in pelicanconf.py, checked before anything is built.

A wrong value there (a domain written as an address, a time zone written as "WIB", a list
written as one text) used to give a site with broken links and no message, a Python error
in English, or a false error on every content file. Each check here gives one Indonesian
line naming the settings file and the line the setting is written on (`setting_line`), and
what to write instead. `production_address` checks the site address a production build
takes from the SITEURL variable, PUBLISH_SITEURL or CUSTOM_DOMAIN.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# A host name: labels of letters, digits and hyphens (not at either end), a dot between
# them, ending in a name of letters (desa.id, go.id, github.io).
_HOST = re.compile(
    r"(?=.{1,253}\Z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\Z", re.IGNORECASE
)
# An http(s) address of a site: a host (with a port, for a local test) and a path.
_ADDRESS = re.compile(r"https?://([^/\s?#]+)(/[^\s?#]*)?\Z")
_PORT = re.compile(r":\d{1,5}\Z")


def setting_line(settings_file: str | Path, name: str) -> str:
    """`file:line` where `name` is set: the last `NAME =` line of the settings file, or of
    the pelicanconf.py beside it (publishconf.py takes its settings from there); else the
    settings file's first line."""
    from front_matter.errors import display_path

    settings_file = Path(settings_file)
    pattern = re.compile(rf"^{re.escape(name)}\s*(?::[^=]*)?=", re.MULTILINE)
    for candidate in (settings_file, settings_file.with_name("pelicanconf.py")):
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = list(pattern.finditer(text))
        if found:
            return f"{display_path(candidate)}:{text.count(chr(10), 0, found[-1].start()) + 1}"
    return f"{display_path(settings_file)}:1"


def host_problem(domain: str) -> str | None:
    """Why `domain` is not a bare domain name (CUSTOM_DOMAIN), or None."""
    if _HOST.match(domain):
        return None
    bare = re.sub(r"^[a-z]+://", "", domain.strip(), flags=re.IGNORECASE).strip("/ ")
    bare = re.sub(r"\s+", "-", bare).lower()
    example = bare if _HOST.match(bare) else "binangun-singgahan.desa.id"
    return (
        f'CUSTOM_DOMAIN "{domain}" bukan nama domain (not a domain name) — tulis namanya saja, '
        f'tanpa https://, garis miring atau spasi: CUSTOM_DOMAIN = "{example}"'
    )


def address_problem(address: str) -> str | None:
    """Why `address` is not a site address (https://host or https://host/path), or None."""
    match = _ADDRESS.match(address)
    if match is not None:
        host = _PORT.sub("", match.group(1))
        if _HOST.match(host) or host in ("localhost", "127.0.0.1"):
            return None
    bare = re.sub(r"^[a-z]+://", "", address.strip(), flags=re.IGNORECASE).strip("/ ")
    example = f"https://{bare}" if _HOST.match(bare.split("/", 1)[0]) else None
    example = example or "https://binangun-singgahan.desa.id"
    return (
        f'alamat situs "{address}" tidak sah (not a site address) — tulis lengkap dengan '
        f"https:// dan tanpa spasi, misalnya {example}"
    )


def _time_zone_problem(value: Any) -> str | None:
    from zoneinfo import ZoneInfo

    if isinstance(value, str) and value.strip() == value and value:
        try:
            ZoneInfo(value)
            return None
        except (ValueError, OSError, LookupError):
            pass
    return (
        f"TIMEZONE {value!r} bukan nama zona waktu (unknown time zone) — tulis "
        '"Asia/Jakarta" (WIB), "Asia/Makassar" (WITA) atau "Asia/Jayapura" (WIT), '
        "persis dengan huruf besar dan kecilnya"
    )


def _categories_problem(value: Any) -> str | None:
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return None
    if isinstance(value, str):
        names = [part.strip() for part in value.split(",") if part.strip()] or ["Pemerintahan"]
        example = ", ".join(f'"{name}"' for name in names)
    else:
        example = '"Pemerintahan", "Pembangunan"'
    return (
        "CATEGORIES harus daftar nama kategori dalam kurung siku, tiap nama dalam tanda kutip "
        f"(a list of names) — tulis CATEGORIES = [{example}], atau CATEGORIES = [] untuk "
        "kategori bebas"
    )


def _pagination_problem(value: Any) -> str | None:
    if value is False or value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    return (
        f"DEFAULT_PAGINATION {value!r} harus bilangan bulat lebih dari 0, tanpa tanda kutip "
        "(a whole number) — misalnya DEFAULT_PAGINATION = 10"
    )


_CHECKS = {
    "TIMEZONE": _time_zone_problem,
    "CATEGORIES": _categories_problem,
    "DEFAULT_PAGINATION": _pagination_problem,
}


def settings_problems(settings: Mapping[str, Any], settings_file: str | Path) -> list[str]:
    """One message per wrong setting (see module docstring), each `file:line: ...`."""
    problems = []
    for name, check in _CHECKS.items():
        if name in settings:
            problem = check(settings[name])
            if problem is not None:
                problems.append(f"{setting_line(settings_file, name)}: {problem}")
    domain = settings.get("CUSTOM_DOMAIN") or ""
    if domain:
        problem = host_problem(domain if isinstance(domain, str) else repr(domain))
        if problem is not None:
            problems.append(f"{setting_line(settings_file, 'CUSTOM_DOMAIN')}: {problem}")
    return problems


def production_address(site: Mapping[str, Any], environ: Mapping[str, str]) -> str:
    """The production site address (see wartadesa.defaults.production_settings), without
    its last slash; raises SystemExit with one message when it is missing or wrong, naming
    where it came from."""
    settings_file = site.get("__file__") or "publishconf.py"
    domain = site.get("CUSTOM_DOMAIN") or ""
    if domain:
        problem = host_problem(domain if isinstance(domain, str) else repr(domain))
        if problem is not None:
            raise SystemExit(f"{setting_line(settings_file, 'CUSTOM_DOMAIN')}: {problem}")
    sources = (
        ("variabel lingkungan SITEURL", environ.get("SITEURL")),
        (setting_line(settings_file, "PUBLISH_SITEURL"), site.get("PUBLISH_SITEURL")),
        (None, f"https://{domain}" if domain else ""),
        ("variabel lingkungan PAGES_URL", environ.get("PAGES_URL")),
    )
    for where, value in sources:
        if not value:
            continue
        address = value.rstrip("/")
        problem = address_problem(address)
        if problem is not None:
            raise SystemExit(f"{where}: {problem}")
        return address
    raise SystemExit(
        f"{setting_line(settings_file, 'CUSTOM_DOMAIN')}: alamat situs belum diisi. Isi "
        "CUSTOM_DOMAIN di pelicanconf.py atau variabel SITEURL di GitHub (Settings > Secrets "
        "and variables > Actions > Variables), atau jalankan dengan "
        "SITEURL=https://nama-desa.desa.id (the production site address is not set)."
    )
