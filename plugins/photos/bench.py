"""The cost of phone photos in a build, measured (not a test):

    .venv/bin/python plugins/photos/bench.py [--photos 100] [--workdir DIR]

Makes a site of N articles, each with a 12-megapixel phone photo as its cover (Pillow,
the tests' photo_files.py), then times: a build without the photos, a first build
(empty cache), a rebuild (full cache) and a rebuild after one photo changed; prints a
Markdown table for README.md."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins"), str(ROOT / "plugins" / "photos" / "tests")]

from photo_files import phone_jpeg  # noqa: E402

from photos import encode  # noqa: E402
from tests.sitetools import SAMPLE, build_site  # noqa: E402


def make_site(root: Path, photos: int, with_photos: bool = True) -> Path:
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "images").mkdir(exist_ok=True)
    for number in range(1, photos + 1):
        front = ""
        if with_photos:
            (content / "images" / f"foto-{number}.jpg").write_bytes(phone_jpeg(seed=number))
            front = f"gambar: images/foto-{number}.jpg\n"
        day = 1 + number % 28
        (content / "berita" / f"2024-09-{day:02d}-kegiatan-{number}.md").write_text(
            f"---\njudul: Kegiatan Warga {number}\ntanggal: 2024-09-{day:02d}\n{front}---\n\n"
            "Warga Dusun Krajan bergotong royong membersihkan saluran irigasi.\n",
            encoding="utf-8",
        )
    return content


def timed(
    label: str, content: Path, output: Path, rows: list[tuple[str, float, int]], **overrides: Any
) -> None:
    before = len(encode.ENCODED)
    start = time.perf_counter()
    build_site(output, content=content, **overrides)
    seconds = time.perf_counter() - start
    rows.append((label, seconds, len(encode.ENCODED) - before))
    print(f"{label}: {seconds:.1f} s, {rows[-1][2]} encodes", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--workdir")
    args = parser.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="photos-bench-"))
    rows = []
    plain = make_site(work / "plain", args.photos, with_photos=False)
    timed("build without photos", plain, work / "plain" / "output", rows)
    start = time.perf_counter()
    content = make_site(work / "site", args.photos)
    size = sum(p.stat().st_size for p in (content / "images").iterdir())
    print(
        f"{args.photos} photos made ({size / 1e6:.0f} MB) in {time.perf_counter() - start:.0f} s",
        flush=True,
    )
    timed("first build (empty cache)", content, work / "site" / "output", rows)
    timed("rebuild (cache full)", content, work / "site" / "output", rows)
    (content / "images" / "foto-1.jpg").write_bytes(phone_jpeg(seed=1000))
    timed("rebuild after one photo changed", content, work / "site" / "output", rows)
    published = sum(p.stat().st_size for p in (work / "site" / "output" / "foto").iterdir())
    print(
        f"\n{args.photos} phone photos of 4000x3000 ({size / 1e6:.0f} MB), "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"published derivatives {published / 1e6:.1f} MB\n"
    )
    print("| build | seconds | derivatives encoded |\n| --- | ---: | ---: |")
    for label, seconds, encodes in rows:
        print(f"| {label} | {seconds:.1f} | {encodes} |")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
