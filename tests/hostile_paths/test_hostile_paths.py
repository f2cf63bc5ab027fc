"""Hostile inputs (issue #10, classes 2, 7, 8 and 10), each built on its own with the real
settings: refused with one `file:line: message` line naming what to fix (and nothing
written), or built with nothing harmful published. See cases.yml."""

import os
import re
import time

import pytest
import yaml

from tests.sitetools import ROOT, build_site
from wartadesa.build import BuildFailed, problem_lines

HERE = ROOT / "tests" / "hostile_paths"
CASES = yaml.safe_load((HERE / "cases.yml").read_text(encoding="utf-8"))
SECRET = "RAHASIA-DI-LUAR-KONTEN"
CHARACTER = re.compile(r"<U\+([0-9A-F]{4,6})>")
ARTICLE = "---\njudul: Berita {n}\ntanggal: 2024-05-{n:02d}\n---\nIsi berita {n}.\n"


def characters(text):
    return CHARACTER.sub(lambda m: chr(int(m.group(1), 16)), text)


def outside_folder(root):
    """Files next to content/ that must never be published."""
    outside = root / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "rahasia.md").write_text(
        f"---\njudul: Rahasia\ntanggal: 2024-06-05\n---\n{SECRET}\n", encoding="utf-8"
    )
    (outside / "rahasia.txt").write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    (outside / "folder" / "rahasia.jpg").write_text(SECRET, encoding="utf-8")
    return outside


def prepare(case, root):
    """The content folder of one case (next to an `outside` folder)."""
    content = root / "content"
    content.mkdir()
    outside = outside_folder(root)
    for relative, text in (case.get("files") or {}).items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(characters(text), encoding="utf-8")
    many = case.get("many")
    if many:
        for n in range(1, many["times"] + 1):
            path = content / "berita" / f"{many['prefix']}{n}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(ARTICLE.format(n=n), encoding="utf-8")
    for repeat in case.get("repeat") or []:
        with open(content / repeat["file"], "a", encoding="utf-8") as handle:
            handle.write((repeat["text"] + "\n") * repeat["times"])
    for relative, target in (case.get("links") or {}).items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.format(outside=outside), path)
    for relative in case.get("fifos") or []:
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
    return content


def run(case, content, output):
    settings = "publishconf.py" if case.get("production") else "pelicanconf.py"
    siteurl = "https://binangun-singgahan.desa.id" if case.get("production") else None
    return build_site(output, settings=settings, content=content, siteurl=siteurl)


def published_bytes(output):
    return {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}


def test_every_class_has_at_least_eight_cases():
    counts = {}
    for case in CASES:
        counts[case["class"]] = counts.get(case["class"], 0) + 1
        assert case["expect"] in ("refused", "built"), case["id"]
    assert set(counts) == {"paths", "symlinks", "limits", "messages"}
    assert min(counts.values()) >= 8, counts
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_hostile_case(case, tmp_path):
    content = prepare(case, tmp_path)
    output = tmp_path / "site" / "output"
    if case["expect"] == "refused":
        started = time.monotonic()
        with pytest.raises(BuildFailed) as failed:
            run(case, content, output)
        elapsed = time.monotonic() - started
        shown = "\n".join(problem_lines(failed.value.problems, failed.value.warnings))
        assert "Traceback" not in shown
        location = f"{content / case['at']}:{case['line']}: "
        named = [line for line in failed.value.problems if line.startswith(location)]
        assert named, f"no error naming {case['at']}:{case['line']}:\n{shown}"
        message = " ".join(named)
        for word in case["words"]:
            assert word in message, f"{word!r} missing from:\n{shown}"
        assert " — " in message, f"no hint on how to fix it:\n{shown}"
        assert not output.exists(), "a refused build must write nothing"
        assert not output.parent.exists() or os.listdir(output.parent) == [], (
            "no temporary folder is left behind"
        )
        if "seconds" in case:
            assert elapsed < case["seconds"], f"refused after {elapsed:.1f} s"
        return

    site = run(case, content, output)
    files = published_bytes(output)
    assert files, "the site was built"
    for text in case.get("absent", []) + [SECRET]:
        found = [str(p.relative_to(output)) for p, data in files.items() if text.encode() in data]
        assert found == [], f"{text!r} published in {found}"
    for relative in case.get("exists", []):
        assert (output / relative).is_file(), relative
    for relative in case.get("missing", []):
        assert not (output / relative).exists(), relative
    if "warnings" in case:
        location = f"{content / case['at']}:{case['line']}: "
        named = " ".join(w for w in site.warnings if w.startswith(location))
        for word in case["warnings"]:
            assert word in named, f"{word!r} missing from warnings:\n" + "\n".join(site.warnings)
