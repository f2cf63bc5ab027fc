"""Vendor Sveltia CMS from npm into plugins/editor/vendor/ (run by `invoke editor-update`).

    python -m editor.update_vendor [VERSION]        # from the kit folder, PYTHONPATH=plugins

`npm pack` fetches the pinned package (npm checks the tarball against the registry's
integrity hash); its single-file build dist/sveltia-cms.js is copied with its licence.
The build loads three web fonts from a CDN (its interface text, code and icon font): the
same files are taken from their fontsource npm packages into vendor/fonts/ and the
script's CDN addresses are rewritten to those local files, so the editor page needs no
other host. VERSION records what was vendored; SHA256SUMS the checksum of every file,
which each build checks before publishing the editor. Needs node/npm; a site that only
builds never runs this.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@sveltia/cms"
DEFAULT_VERSION = "0.221.1"
VENDOR = Path(__file__).resolve().parent / "vendor"
SCRIPT = "sveltia-cms.js"
FONT_URL = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<name>[a-z0-9-]+)(?P<vf>:vf)?"
    r"@(?P<version>[0-9.]+)/(?P<file>[a-z0-9-]+)\.woff2"
)


def npm_pack(spec: str, folder: str | Path) -> tuple[Path, str]:
    """Download `spec` with npm into `folder`; (tarball path, integrity)."""
    done = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    info = json.loads(done.stdout)[0]
    return Path(folder) / info["filename"], info["integrity"]


def extract(tarball: str | Path, member: str) -> bytes:
    with tarfile.open(tarball) as archive:
        return archive.extractfile(f"package/{member}").read()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def update(version: str = DEFAULT_VERSION) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tarball, integrity = npm_pack(f"{PACKAGE}@{version}", tmp)
        script = extract(tarball, f"dist/{SCRIPT}").decode("utf-8")
        files = {SCRIPT: None, "LICENSE.txt": extract(tarball, "LICENSE.txt")}
        lines = [f"{PACKAGE} {version} {integrity}"]
        fonts = {}
        for match in FONT_URL.finditer(script):
            fonts[match.group(0)] = match
        for url, match in sorted(fonts.items()):
            scope = "@fontsource-variable" if match["vf"] else "@fontsource"
            spec = f"{scope}/{match['name']}@{match['version']}"
            font_tarball, font_integrity = npm_pack(spec, tmp)
            name = f"{match['name']}-{match['file']}.woff2"
            files[f"fonts/{name}"] = extract(font_tarball, f"files/{name}")
            files[f"fonts/{match['name']}-LICENSE"] = extract(font_tarball, "LICENSE")
            script = script.replace(url, f"fonts/{name}")
            lines.append(f"{spec} {font_integrity}")
        files[SCRIPT] = script.encode("utf-8")
        schema = extract(tarball, "schema/sveltia-cms.json")  # for the tests only
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for name, data in files.items():
        target = VENDOR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (VENDOR / "VERSION").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (Path(__file__).resolve().parent / "tests" / "sveltia-cms.schema.json").write_bytes(schema)
    sums = "".join(f"{sha256(data)}  {name}\n" for name, data in sorted(files.items()))
    (VENDOR / "SHA256SUMS").write_text(sums, encoding="utf-8")
    print(f"{PACKAGE} {version}: {len(files)} berkas di {VENDOR} (vendored)")


if __name__ == "__main__":
    update(*sys.argv[1:2])
