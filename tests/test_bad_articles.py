"""Every bad article in tests/bad_articles/ (see cases.yml), checked and built on its own:
the message names the file and the line and says what is wrong, and a failed build
writes nothing."""

import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitetools import ROOT, settings_path, text_of
from wartadesa.build import BuildFailed, build, problem_lines
from wartadesa.check import check

HERE = ROOT / "tests" / "bad_articles"
CASES = yaml.safe_load((HERE / "cases.yml").read_text(encoding="utf-8"))
KINDS = {"error", "warning", "cleaned", "accepted"}


def case_id(case):
    return case["file"] + (f"-{case['at'].rsplit('/', 1)[-1]}" if "at" in case else "")


def prepare(case, root):
    """A content folder holding only this case."""
    content = root / "content"
    source = HERE / case["file"]
    if source.is_dir():
        shutil.copytree(source, content)
        return content
    (content / "berita").mkdir(parents=True)
    data = source.read_bytes()
    if case.get("pad_kb"):
        data += b"data:image/png;base64," + b"QUJD" * (case["pad_kb"] * 256) + b"\n"
    (content / "berita" / source.name).write_bytes(data)
    return content


def build_case(case, content, output):
    return build(
        settings_path(), output=output, overrides={"PATH": str(content), **case.get("settings", {})}
    )


def test_there_are_at_least_25_cases_of_known_kinds():
    assert len(CASES) >= 25
    assert {case.get("kind", "error") for case in CASES} <= KINDS
    for case in CASES:
        assert (HERE / case["file"]).exists(), case["file"]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_bad_article(case, tmp_path):
    content = prepare(case, tmp_path)
    errors, warnings = check(settings_path(), content, case.get("settings"))
    shown = "\n".join(problem_lines(errors, warnings))
    assert "Traceback" not in shown
    kind = case.get("kind", "error")
    output = tmp_path / "site" / "output"

    if kind == "accepted":
        assert (errors, warnings) == ([], [])
        build_case(case, content, output)
        pages = list((output / "berita").rglob("index.html"))
        assert len(pages) == 1
        soup = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
        assert soup.h1.get_text(" ", strip=True).replace("\xa0", " ") == case["title"]
        for selector in case.get("selectors", []):
            assert soup.select_one(selector) is not None, f"{selector} missing from the page"
        return

    at = case.get("at", f"berita/{case['file']}")
    location = f"{(content / at).resolve()}:{case['line']}: "
    found = errors if kind == "error" else warnings
    named = [line for line in found if line.startswith(location)]
    assert named, f"no {kind} naming {at}:{case['line']}:\n{shown}"
    message = " ".join(named).lower()
    for word in case["words"]:
        assert word.lower() in message, f"{word!r} missing from:\n{shown}"
    if case.get("only"):
        assert len(errors) + len(warnings) == 1, f"one message expected:\n{shown}"

    if kind == "error":
        with pytest.raises(BuildFailed) as failed:
            build_case(case, content, output)
        assert any(line.startswith(location) for line in failed.value.problems)
        assert not output.exists(), "a failed build must write nothing"
        assert list(output.parent.iterdir()) == [], "no temporary folder is left behind"
        return

    assert errors == []
    build_case(case, content, output)
    pages = list((output / "berita").rglob("index.html"))
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    body = soup.select_one(".prose, .body") or soup.main  # the article text
    if kind == "cleaned":
        assert body.find("script") is None
        assert not [
            name for tag in body.find_all(True) for name in tag.attrs if name.startswith("on")
        ]
        assert not body.select('[href^="javascript:"], [src^="javascript:"]')
    for text in case.get("absent", []):
        assert text not in page, f"{text!r} was not cleaned away"
    for text in case.get("present", []):
        assert text in text_of(body), f"{text!r} should stay"


def test_check_command_prints_every_problem_sorted_with_a_count(tmp_path):
    """All the bad files at once: one line each, sorted by file then line, then a count."""
    import subprocess
    import sys

    content = tmp_path / "content" / "berita"
    content.mkdir(parents=True)
    names = ["tanpa-judul.md", "31-juni.md", "masa-depan.md", "judi-teks.md", "kosong.md"]
    for name in names:
        shutil.copy(HERE / name, content / name)
    result = subprocess.run(
        [sys.executable, "-m", "wartadesa.check", "--content", str(tmp_path / "content")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    problems, count = lines[:-1], lines[-1]
    assert "Traceback" not in result.stdout + result.stderr
    assert [p.split(":", 1)[0].rsplit("/", 1)[-1] for p in problems] == sorted(names)
    assert count.startswith("4 galat, 1 peringatan")
    assert any("masa-depan.md:3: peringatan: tanggal 2099-08-17" in p for p in problems)


def test_check_command_exits_0_with_warnings_only(tmp_path):
    import subprocess
    import sys

    content = tmp_path / "content" / "berita"
    content.mkdir(parents=True)
    shutil.copy(HERE / "masa-depan.md", content)
    result = subprocess.run(
        [sys.executable, "-m", "wartadesa.check", "--content", str(tmp_path / "content")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "masa-depan.md:3: peringatan: tanggal 2099-08-17" in result.stdout
    assert result.stdout.rstrip().endswith("0 galat, 1 peringatan (0 error(s), 1 warning(s)).")
