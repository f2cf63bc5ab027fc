"""A menu entry of situs.yml that points at an address of the site no page has.

`menu:` in content/situs.yml (plugin identity, MENU_LINKS) is on every page: an entry like
`- Profil: /profil-desa/` when the page is `profil/` is a broken link on the whole site.
Checked against the output plan (outputs.plan_outputs, computed once by duplicates.check):
an error naming situs.yml's line and the site's addresses closest to the one written.
Only entries written in situs.yml are checked (the kit's default menu and a MENU_LINKS
of pelicanconf.py are the developer's); web addresses (https://…) are not.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from front_matter.errors import ContentError
from front_matter.source import decode
from front_matter.yaml_errors import compose_yaml

CLOSEST = 3  # addresses suggested


def written_menu(path: Path) -> dict[str, int]:
    """{address as the menu keeps it (no leading '/'): line} of situs.yml's `menu:`;
    {} when the file has no readable menu (plugin identity reports its problems)."""
    try:
        root = compose_yaml(str(path), decode(str(path), path.read_bytes()))
    except (ContentError, OSError):
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    found = {}
    for key, value in root.value:
        if not (isinstance(key, yaml.ScalarNode) and key.value.strip().lower() == "menu"):
            continue
        if isinstance(value, yaml.MappingNode):
            pairs = value.value
        elif isinstance(value, yaml.SequenceNode):
            pairs = [item.value[0] for item in value.value if isinstance(item, yaml.MappingNode)]
        else:
            pairs = []
        for _label, address in pairs:
            if isinstance(address, yaml.ScalarNode):
                found.setdefault(address.value.strip().lstrip("/"), address.start_mark.line + 1)
    return found


def output_of(address: str) -> str:
    """The output file an address of the site is served from ('' -> index.html)."""
    path = urlsplit(address).path
    if path == "" or path.endswith("/"):
        path += "index.html"
    return posixpath.normpath(path)


def page_addresses(outputs: Iterable[str]) -> list[str]:
    """'/profil/' for every page the build writes (its index.html)."""
    return sorted(
        "/" + path[: -len("index.html")]
        for path in outputs
        if path == "index.html" or path.endswith("/index.html")
    )


def broken_menu_links(
    outputs: Mapping[str, object], settings: Mapping[str, Any]
) -> list[ContentError]:
    """ContentErrors for situs.yml's menu entries whose page the build does not write."""
    path = Path(settings["PATH"]) / settings.get("SITE_IDENTITY", "situs.yml")
    links = settings.get("MENU_LINKS") or []
    if not links or not path.is_file():
        return []
    lines = written_menu(path)
    errors = []
    pages = None  # the site's page addresses, sorted once when a link is broken
    for label, address in links:
        if address not in lines or "://" in address or address.startswith("#"):
            continue
        target = output_of(address)
        if target in outputs or (
            not posixpath.splitext(target)[1] and target + "/index.html" in outputs
        ):
            continue
        pages = page_addresses(outputs) if pages is None else pages
        close = difflib.get_close_matches("/" + address, pages, n=CLOSEST, cutoff=0.4)
        hint = (
            "alamat yang ada dan paling mirip: " + ", ".join(close)
            if close
            else "salin alamatnya dari halaman yang dituju, misalnya /tentang/"
        )
        errors.append(
            ContentError(
                path,
                lines[address],
                f"menu '{label}' menuju /{address}, tetapi tidak ada halaman di alamat itu "
                "(broken menu link)",
                hint,
            )
        )
    return errors
