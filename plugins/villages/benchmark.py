"""Measure what the villages plugin costs (the figures in plugins/villages/README.md).

    .venv/bin/python plugins/villages/benchmark.py [--runs 5]

Builds the sample site in fresh processes, alternately with and without the plugin,
and times the official data loading on its own. Prints wall and CPU seconds (medians).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BUILD = """
import sys
sys.path.insert(0, {root!r})
from pelican.settings import read_settings
from wartadesa.build import build
plugins = read_settings({conf!r})["PLUGINS"]
if not {with_plugin!r}:
    plugins = [p for p in plugins if p != "villages"]
build({conf!r}, output={output!r}, overrides={{"PLUGINS": plugins}})
"""

DATA = """
import sys, time
sys.path.insert(0, {plugins!r})
import pelican.generators  # imported by every build anyway
started = time.process_time()
from villages import data
from villages.resolve import Resolver
imported = time.process_time()
for name in ("wilayah", "desa", "kodepos"):
    data._table(name)
tables = time.process_time()
data.region_index()
regions = time.process_time()
data.village_index()
villages = time.process_time()
resolver = Resolver()
resolver.village("Saringembat"); resolver.region("Kabupaten Gunung Mas")
resolved = time.process_time()
import lokal
lokal_import = time.process_time()
print(imported - started, tables - imported, regions - tables, villages - regions,
      resolved - villages, lokal_import - resolved)
"""


def run(code: str) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(result.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = {True: [], False: []}
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.runs):
            for with_plugin in (False, True):
                code = BUILD.format(
                    root=str(ROOT),
                    conf=str(ROOT / "pelicanconf.py"),
                    with_plugin=with_plugin,
                    output=f"{folder}/out{n}{with_plugin}",
                )
                times[with_plugin].append(run(code)[:2])
    print(f"Sample site build, {args.runs} runs each (median seconds):")
    for label, with_plugin in (("without villages", False), ("with villages", True)):
        wall = statistics.median(t[0] for t in times[with_plugin])
        cpu = statistics.median(t[1] for t in times[with_plugin])
        print(f"  {label:17} wall {wall:.2f}  cpu {cpu:.2f}")
    ratio_wall = statistics.median(t[0] for t in times[True]) / statistics.median(
        t[0] for t in times[False]
    )
    ratio_cpu = statistics.median(t[1] for t in times[True]) / statistics.median(
        t[1] for t in times[False]
    )
    print(f"  ratio             wall {ratio_wall:.2f}  cpu {ratio_cpu:.2f}")
    rows = [run(DATA.format(plugins=str(ROOT / "plugins")))[2].split() for _ in range(args.runs)]
    labels = [
        "import villages",
        "load 3 tables",
        "region index",
        "village index (83,762)",
        "2 resolutions",
        "(import lokal, not used)",
    ]
    print("Data (fresh process, median CPU seconds):")
    for i, label in enumerate(labels):
        print(f"  {label:25} {statistics.median(float(row[i]) for row in rows):.3f}")


if __name__ == "__main__":
    main()
