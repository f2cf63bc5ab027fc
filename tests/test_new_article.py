"""`invoke new` / `python -m wartadesa.new`: a new article file that checks clean."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from front_matter.source import read_source
from tests.sitetools import ROOT, SAMPLE, settings_path
from wartadesa.build import load_settings
from wartadesa.check import check
from wartadesa.new import NewArticleError, main, write_article

SETTINGS = load_settings(settings_path())


def content_folder(tmp_path):
    """A content folder with the sample site's village registry."""
    content = tmp_path / "content"
    content.mkdir()
    registry = SAMPLE / "content" / SETTINGS.get("VILLAGES_REGISTRY", "desa.yml")
    if registry.is_file():
        shutil.copy(registry, content / registry.name)
    return content


def run_new(tmp_path, *args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "wartadesa.new", *args, "--content", str(tmp_path / "content")],
        cwd=tmp_path,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_new_article_with_arguments(tmp_path):
    content = content_folder(tmp_path)
    before = dt.datetime.now(ZoneInfo(SETTINGS["TIMEZONE"])).replace(second=0, microsecond=0)
    result = run_new(
        tmp_path,
        "Rapat Koordinasi: Desa & BPD #2",
        "--desa",
        "binangun",
        "--kategori",
        "Pemerintahan",
    )
    after = dt.datetime.now(ZoneInfo(SETTINGS["TIMEZONE"]))
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip()
    path = tmp_path / printed
    assert path.parent == content / "berita"
    assert path.name in {f"{d:%Y-%m-%d}-rapat-koordinasi-desa-bpd-2.md" for d in (before, after)}

    source = read_source(path)
    assert source.meta["title"] == "Rapat Koordinasi: Desa & BPD #2"
    assert source.meta["category"] == "Pemerintahan"
    assert source.meta["village"] == "binangun"
    assert source.meta["status"] == "draft"
    written = dt.datetime.strptime(source.meta["date"], "%Y-%m-%d %H:%M").replace(
        tzinfo=ZoneInfo(SETTINGS["TIMEZONE"])
    )
    assert before <= written <= after
    text = path.read_text(encoding="utf-8")
    for comment in ("# label:", "# ringkasan:", "# gambar:", "# youtube:", "zona Asia/Jakarta"):
        assert comment in text
    assert check(content=content) == ([], [])


def test_never_overwrites(tmp_path):
    content = content_folder(tmp_path)
    now = dt.datetime(2025, 1, 15, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    settings = {**SETTINGS, "PATH": str(content)}
    first = write_article("Musyawarah Desa", settings=settings, now=now)
    first.write_text(first.read_text() + "\nTulisan operator.\n")
    kept = first.read_text()
    second = write_article("Musyawarah Desa", settings=settings, now=now)
    third = write_article("Musyawarah Desa", settings=settings, now=now)
    assert [p.name for p in (first, second, third)] == [
        "2025-01-15-musyawarah-desa.md",
        "2025-01-15-musyawarah-desa-2.md",
        "2025-01-15-musyawarah-desa-3.md",
    ]
    assert first.read_text() == kept
    assert "tanggal: 2025-01-15 09:30" in second.read_text()


def test_asks_when_called_without_a_title(tmp_path):
    content = content_folder(tmp_path)
    answers = "Kerja Bakti Saluran Air\nbinangun, saringembat\nPembangunan\n"
    result = run_new(tmp_path, stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "Judul berita:" in result.stdout and "Kategori [Umum]:" in result.stdout
    path = tmp_path / result.stdout.strip().splitlines()[-1].split(": ")[-1]
    source = read_source(path)
    assert source.meta["title"] == "Kerja Bakti Saluran Air"
    assert source.meta["village"] == ["binangun", "saringembat"]
    assert source.meta["category"] == "Pembangunan"
    assert check(content=content) == ([], [])


def test_interactive_defaults_and_end_of_input(tmp_path):
    content_folder(tmp_path)
    result = run_new(tmp_path, stdin="\n\nBerita Singkat\n\n\n")
    assert result.returncode == 0, result.stderr
    assert "Judul wajib diisi." in result.stdout
    path = tmp_path / result.stdout.strip().splitlines()[-1].split(": ")[-1]
    source = read_source(path)
    assert (source.meta["title"], source.meta["category"]) == ("Berita Singkat", "Umum")
    assert "village" not in source.meta and "# desa: nama-desa" in source.text

    stopped = run_new(tmp_path, stdin="")
    assert stopped.returncode == 1
    assert "Gagal membuat berita: dibatalkan" in stopped.stderr
    assert "Traceback" not in stopped.stderr


@pytest.mark.parametrize(
    "title, category, words",
    [
        ("!!!", "", "tidak berisi huruf atau angka"),
        ("Rapat", "Pemerintahn", "Maksud Anda 'Pemerintahan'?"),
    ],
)
def test_refuses_bad_input_clearly(tmp_path, title, category, words):
    settings = {
        **SETTINGS,
        "PATH": str(content_folder(tmp_path)),
        "CATEGORIES": ["Pemerintahan", "Pembangunan"],
    }
    with pytest.raises(NewArticleError) as problem:
        write_article(title, category=category or "Pemerintahan", settings=settings)
    assert words in str(problem.value)
    assert not (tmp_path / "content" / "berita").exists() or not list(
        (tmp_path / "content" / "berita").iterdir()
    )


def test_main_prints_the_path_relative_to_the_working_folder(tmp_path, monkeypatch, capsys):
    content_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["Panen Raya", "--content", str(tmp_path / "content")]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("content/berita/") and printed.endswith("-panen-raya.md")


@pytest.mark.parametrize(
    "argv, positional",
    [
        (["invoke", "new", "Judul berita", "--desa", "binangun"], True),
        (["invoke", "new", "--desa", "binangun", "--kategori", "Pemerintahan"], False),
        (["invoke", "new"], False),
        (["invoke", "new", "-d", "binangun", "Judul"], True),
        (["invoke", "new", "--jenis", "agenda", "Musyawarah Desa"], True),
        (["invoke", "new", "-e", "pengumuman"], False),
    ],
)
def test_invoke_new_takes_the_title_only_when_given(argv, positional):
    """Invoke has no optional positional arguments: tasks.py decides from the command line."""
    code = (
        f"import sys; sys.argv = {argv!r}; sys.path.insert(0, {str(ROOT)!r}); "
        "import tasks; print(tasks.new.positional)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == str(["judul"] if positional else [])
