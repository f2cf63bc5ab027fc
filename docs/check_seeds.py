"""Check that sample articles retell their seed documents instead of copying them.

    python docs/check_seeds.py SEEDS_FOLDER [CONTENT_FOLDER]

A maintainer's tool, not part of the test suite (the seed documents are not in the
repository). No run of 9 ordinary (lowercase) words from a seed `*.txt` may appear in
an article of CONTENT_FOLDER/berita (default: tests/fixtures/sample/content). Names,
titles and abbreviations (capitalised words) are facts and may repeat; the sentences
around them must be ours. Exit status 1 when an article copies.
"""

import re
import sys
from pathlib import Path

RUN = 9


def runs(text, n=RUN):
    words = [w for w in re.findall(r"\w+", text) if w.islower()]
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    seeds = sorted(Path(argv[0]).glob("*.txt"))
    if not seeds:
        print(f"{argv[0]}: no seed *.txt files", file=sys.stderr)
        return 2
    default = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sample" / "content"
    content = Path(argv[1]) if len(argv) > 1 else default
    seed_runs = set().union(*(runs(p.read_text(encoding="utf-8")) for p in seeds))
    copying = 0
    for article in sorted((content / "berita").glob("*.md")):
        copied = runs(article.read_text(encoding="utf-8")) & seed_runs
        if copied:
            copying += 1
            print(f"{article}: copies {sorted(copied)[:3]}")
    print(f"{len(seeds)} seeds, {copying} article(s) copying")
    return 1 if copying else 0


if __name__ == "__main__":
    sys.exit(main())
