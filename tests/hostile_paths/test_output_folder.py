"""The output folder guard (issue #10, class 9) and the build's own failures (class 10):
only an earlier build (marked `.wartadesa-build`), an empty or a new folder is replaced;
folders of the project are never; a folder that cannot be written is one line; a
cancelled or killed build leaves no `.output-*` folder behind."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sitetools import COPY_IGNORED, ROOT, settings_path, settled_names
from wartadesa import output_folder
from wartadesa.build import BuildFailed, build

IGNORED = COPY_IGNORED
REFUSED = (
    "folder keluaran '{path}' tidak aman: {why}. Pilih folder lain, misalnya output/ "
    "(refusing to build into this folder)"
)


@pytest.fixture
def project(tmp_path):
    """A copy of the project (nothing is ever built into the real one)."""
    copy = tmp_path / "situs"
    shutil.copytree(ROOT, copy, ignore=IGNORED)
    return copy


def build_command(project, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "wartadesa.build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def tree(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))


@pytest.fixture
def small_content(tmp_path):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "berita" / "a.md").write_text(
        "---\njudul: Rapat Desa\ntanggal: 2024-06-05\n---\nIsi.\n", encoding="utf-8"
    )
    return content


def build_small(content, output):
    return build(settings_path(), output=output, overrides={"PATH": str(content)})


# --- Folders of the project ------------------------------------------------------------


@pytest.mark.parametrize(
    "where, why",
    [
        ("theme/templates", "folder itu bagian dari proyek (theme/), bukan hasil build"),
        ("theme/baru", "folder itu bagian dari proyek (theme/), bukan hasil build"),
        ("plugins", "di sana sudah ada berkas lain, bukan hasil build sebelumnya"),
        ("output/../tests", "di sana sudah ada berkas lain, bukan hasil build sebelumnya"),
        ("docs/situs", "folder itu bagian dari proyek (docs/), bukan hasil build"),
    ],
)
def test_project_folders_are_refused_by_the_command(project, where, why):
    before = tree(project)
    result = build_command(project, "--output", where)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == REFUSED.format(path=(project / where).resolve(), why=why)
    assert "Traceback" not in result.stderr
    assert tree(project) == before, "nothing in the project changed"
    assert (project / "theme" / "templates" / "base.html").is_file()


def test_the_projects_own_output_from_before_the_marker_is_replaced(project):
    """Migration: output/ of the project holding index.html (an old build) is ours."""
    old = project / "output"
    old.mkdir()
    (old / "index.html").write_text("<p>build lama</p>", encoding="utf-8")
    (old / "berkas-lama.txt").write_text("lama", encoding="utf-8")
    result = build_command(project)
    assert result.returncode == 0, result.stderr
    assert not (old / "berkas-lama.txt").exists()
    assert (old / output_folder.MARKER).read_text(encoding="utf-8") == (
        output_folder.MARKER_TEXT + "links: relative\naddress: http://127.0.0.1:8000\n"
    )
    assert [name for name in settled_names(project) if name.startswith(".output-")] == []


def test_another_unmarked_folder_with_an_index_is_not_an_earlier_build(project):
    site = project / "situs-lama"
    site.mkdir()
    (site / "index.html").write_text("<p>bukan build kami</p>", encoding="utf-8")
    result = build_command(project, "--output", "situs-lama")
    assert result.returncode == 1
    assert "bukan hasil build sebelumnya" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>bukan build kami</p>"


def test_a_new_folder_in_the_project_is_built_and_then_replaced(project):
    first = build_command(project, "--output", "pratinjau")
    assert first.returncode == 0, first.stderr
    assert output_folder.is_our_build(project / "pratinjau")
    second = build_command(project, "--output", "pratinjau")
    assert second.returncode == 0, second.stderr
    assert (project / "pratinjau" / "index.html").is_file()


# --- Folders outside the project ---------------------------------------------------------


def test_a_non_empty_folder_without_the_marker_is_refused(small_content, tmp_path):
    folder = tmp_path / "dokumen"
    folder.mkdir()
    (folder / "index.html").write_text("milik orang lain", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_small(small_content, folder)
    assert failed.value.problems == [
        REFUSED.format(
            path=folder.resolve(), why="di sana sudah ada berkas lain, bukan hasil build sebelumnya"
        )
    ]
    assert tree(folder) == ["index.html"]


def test_a_forged_or_linked_marker_is_not_ours(small_content, tmp_path):
    forged = tmp_path / "palsu"
    forged.mkdir()
    (forged / output_folder.MARKER).write_text("apa saja\n", encoding="utf-8")
    (forged / "data.txt").write_text("penting", encoding="utf-8")
    linked = tmp_path / "tautan"
    linked.mkdir()
    real_marker = tmp_path / "penanda"
    real_marker.write_text(output_folder.MARKER_TEXT, encoding="utf-8")
    (linked / output_folder.MARKER).symlink_to(real_marker)
    (linked / "data.txt").write_text("penting", encoding="utf-8")
    for folder in (forged, linked):
        with pytest.raises(BuildFailed) as failed:
            build_small(small_content, folder)
        assert "bukan hasil build sebelumnya" in failed.value.problems[0]
        assert (folder / "data.txt").read_text(encoding="utf-8") == "penting"


def test_an_output_that_is_a_symlink_is_refused(small_content, tmp_path):
    real = tmp_path / "asli"
    real.mkdir()
    (real / "data.txt").write_text("penting", encoding="utf-8")
    link = tmp_path / "keluaran"
    link.symlink_to(real)
    with pytest.raises(BuildFailed) as failed:
        build_small(small_content, link)
    assert "tidak aman" in failed.value.problems[0]
    assert tree(real) == ["data.txt"]


def test_every_build_is_marked_and_a_marked_folder_is_replaced(small_content, tmp_path):
    output = tmp_path / "site" / "output"
    build_small(small_content, output)
    assert (output / output_folder.MARKER).read_text(encoding="utf-8") == (
        output_folder.MARKER_TEXT + "links: relative\naddress: http://127.0.0.1:8000\n"
    )
    assert output_folder.is_preview(output)
    assert output_folder.built_address(output) == "http://127.0.0.1:8000"
    (output / "sisa-build-lama.txt").write_text("x", encoding="utf-8")
    build_small(small_content, output)
    assert not (output / "sisa-build-lama.txt").exists()
    assert settled_names(output.parent) == ["output"]


# --- Folders that cannot be written: one line, never a traceback ----------------------


def test_an_output_under_a_file_is_one_line(project, tmp_path):
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    result = build_command(project, "--output", str(tmp_path / "berkas" / "output"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    first = lines[0]
    assert lines[-1].startswith("Build gagal: 1 masalah.")
    assert first.startswith(f"'{tmp_path / 'berkas'}' tidak bisa dibaca, ditulis atau diganti: ")
    assert "periksa izin berkas/folder itu" in first


def test_a_swap_that_fails_leaves_the_output_as_it_was(small_content, tmp_path, monkeypatch):
    output = tmp_path / "site" / "output"
    build_small(small_content, output)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}

    def refuse(self, target):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(BuildFailed) as failed:
        build_small(small_content, output)
    monkeypatch.undo()
    assert len(failed.value.problems) == 1
    assert failed.value.problems[0].startswith(
        f"'{output}' tidak bisa dibaca, ditulis atau diganti: Permission denied"
    )
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["output"]


def old_outputs(parent):
    return sorted(
        p.name for p in Path(parent).iterdir() if p.name.startswith(output_folder.OLD_PREFIX)
    )


def made_output(parent, marker="lama"):
    output = parent / "output"
    (output / "berita" / "a").mkdir(parents=True)
    (output / "berita" / "a" / "index.html").write_text(marker, encoding="utf-8")
    staging = output_folder.new_staging(output)
    (staging / "index.html").write_text("baru", encoding="utf-8")
    output_folder.finish(staging)
    return output, staging


def waiting_rm(tmp_path, monkeypatch):
    """An `rm` first in PATH that waits for a go-ahead (the file returned; at most 20 s)."""
    real_rm = shutil.which("rm")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    go = tmp_path / "go"
    fake = bin_folder / "rm"
    fake.write_text(
        "#!/bin/sh\n"
        f"i=0; while [ ! -e '{go}' ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done\n"
        f'exec {real_rm} "$@"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    return go


@pytest.mark.skipif(os.name != "posix", reason="rm -rf in the background: POSIX only")
def test_the_swap_does_not_wait_for_the_old_output_to_go(tmp_path, monkeypatch):
    """The replaced output is removed by a detached `rm`, at the lowest priority, that the
    swap does not wait for: here an `rm` that first waits for a go-ahead given only after
    the swap returned (it gives up waiting after 20 s, so a swap that waited would find the
    folder gone)."""
    go = waiting_rm(tmp_path, monkeypatch)
    site = tmp_path / "site"
    site.mkdir()
    output, staging = made_output(site)
    output_folder.swap(staging, output)
    left = old_outputs(site)
    assert (output / "index.html").read_text(encoding="utf-8") == "baru"
    assert not (output / "berita").exists()
    assert len(left) == 1, "the old output is still being removed"
    assert (site / left[0] / "berita" / "a" / "index.html").read_text(encoding="utf-8") == "lama"
    # At the lowest priority: the next build (a live preview's next save) goes first.
    removal = output_folder._removals[-1]  # the one the swap started
    assert os.getpriority(os.PRIO_PROCESS, removal.pid) == 19
    go.touch()
    output_folder.wait_for_removals(30)
    assert old_outputs(site) == []
    assert sorted(p.name for p in site.iterdir()) == ["output"]


def test_a_discarded_folder_leaves_at_once_and_goes_in_the_background(tmp_path, monkeypatch):
    """discard: a build's work folder (the search index's folders of links) is renamed
    beside the output as an old output at once, and removed by the detached `rm` later;
    a folder already gone is nothing to do."""
    go = waiting_rm(tmp_path, monkeypatch)
    site = tmp_path / "site"
    output, staging = made_output(site)
    work = staging / ".pagefind-parts"
    (work / "pages-0" / "berita" / "a").mkdir(parents=True)
    os.link(output / "berita" / "a" / "index.html", work / "pages-0" / "berita" / "a" / "i.html")
    output_folder.discard(work, beside=staging)
    assert not work.exists()
    (left,) = old_outputs(site)
    assert (site / left / "pages-0" / "berita" / "a" / "i.html").read_text() == "lama"
    output_folder.discard(work, beside=staging)  # gone already
    assert old_outputs(site) == [left]
    go.touch()
    output_folder.wait_for_removals(30)
    assert old_outputs(site) == []
    assert (output / "berita" / "a" / "index.html").read_text(encoding="utf-8") == "lama"


def test_without_rm_the_old_output_goes_before_the_swap_returns(tmp_path, monkeypatch):
    monkeypatch.setattr(output_folder.shutil, "which", lambda name: None)
    site = tmp_path / "site"
    site.mkdir()
    output, staging = made_output(site)
    output_folder.swap(staging, output)
    assert sorted(p.name for p in site.iterdir()) == ["output"]
    assert (output / "index.html").read_text(encoding="utf-8") == "baru"


def test_without_find_the_kept_folders_go_like_an_old_output(tmp_path, monkeypatch):
    """keep_folders where there is no `sh`/`find` (Windows): the old output is removed, no
    spare is left."""
    monkeypatch.setattr(output_folder.shutil, "which", lambda name: None)
    site = tmp_path / "site"
    site.mkdir()
    output, staging = made_output(site)
    output_folder.swap(staging, output, keep_folders=True)
    assert sorted(p.name for p in site.iterdir()) == ["output"]


def test_a_half_removed_old_output_is_finished_by_the_next_build(tmp_path):
    """A removal cut short (the machine stopped) leaves a suffixed old folder without the
    marker or an index page: still ours, removed once its process is gone."""
    gone = dead_pid()
    half = tmp_path / f".output-old-{gone}-0a1b2c3d"
    (half / "berita" / "x").mkdir(parents=True)
    (half / "berita" / "x" / "foto.jpg").write_bytes(b"x")
    alive = tmp_path / f".output-old-{os.getpid()}-0a1b2c3d"
    (alive / "berita").mkdir(parents=True)
    not_ours = tmp_path / f".output-old-{gone}-bukanhex"
    not_ours.mkdir()
    assert output_folder.clean_stale(tmp_path) == [half.name]
    output_folder.wait_for_removals(30)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, not_ours.name])


@pytest.mark.skipif(os.name != "posix", reason="rm -rf in the background: POSIX only")
def test_a_build_does_not_wait_for_the_removal_of_a_gone_builds_old_output(tmp_path, monkeypatch):
    """An old output whose removal (by the build before, a process now gone) is still
    running when the next build starts is handed to that build's background removal: here
    an `rm` that waits for a go-ahead given only after clean_stale returned."""
    go = waiting_rm(tmp_path, monkeypatch)
    site = tmp_path / "site"
    site.mkdir()
    left = site / f".output-old-{dead_pid()}-0a1b2c3d"
    (left / "berita" / "a").mkdir(parents=True)
    (left / "berita" / "a" / "index.html").write_text("lama", encoding="utf-8")
    assert output_folder.clean_stale(site) == [left.name]
    (moved,) = old_outputs(site)
    assert moved.startswith(f"{output_folder.OLD_PREFIX}{os.getpid()}-")
    assert (site / moved / "berita" / "a" / "index.html").read_text(encoding="utf-8") == "lama"
    go.touch()
    output_folder.wait_for_removals(30)
    assert list(site.iterdir()) == []


# --- Cancelled and killed builds -------------------------------------------------------------


def staging_folders(parent):
    return sorted(p.name for p in Path(parent).iterdir() if p.name.startswith(".output-"))


def start_and_wait_for_staging(project, output):
    process = subprocess.Popen(
        [sys.executable, "-m", "wartadesa.build", "--output", str(output)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not staging_folders(output.parent):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    return process


def test_a_terminated_build_removes_its_temporary_folder(project):
    output = project / "output"
    process = start_and_wait_for_staging(project, output)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in err
    assert "Build dibatalkan" in err
    assert staging_folders(project) == []
    assert not output.exists()


def test_a_killed_build_is_cleaned_up_by_the_next_one(project):
    output = project / "output"
    process = start_and_wait_for_staging(project, output)
    process.kill()
    process.wait(timeout=60)
    left = staging_folders(project)
    assert left, "SIGKILL leaves the temporary folder"
    # Not ours, or a live build's: kept.
    foreign = project / ".output-foto"
    foreign.mkdir()
    (foreign / "liburan.jpg").write_text("x", encoding="utf-8")
    alive = project / f".output-{os.getpid()}-berjalan"
    alive.mkdir()
    (alive / output_folder.STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
    result = build_command(project)
    assert result.returncode == 0, result.stderr
    # Once the folders the build discarded in the background (search.indexer's folder of
    # links, as an `.output-old-*`) are gone: those are not left behind.
    settled = [name for name in settled_names(project) if name.startswith(".output-")]
    assert settled == sorted([alive.name, ".output-foto"])
    assert output_folder.is_our_build(output)


def dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_only_our_stale_folders_of_gone_processes_are_removed(tmp_path):
    gone = dead_pid()
    ours_old = tmp_path / f".output-old-{gone}"
    ours_old.mkdir()
    (ours_old / output_folder.MARKER).write_text(output_folder.MARKER_TEXT, encoding="utf-8")
    ours_staging = tmp_path / f".output-{gone}-abc123_x"
    ours_staging.mkdir()
    (ours_staging / output_folder.STAGING_MARKER).write_text(f"{gone}\n", encoding="ascii")
    (ours_staging / "index.html").write_text("x", encoding="utf-8")
    ours_unmarked = tmp_path / f".output-{gone}-killed01"  # killed before it was marked
    ours_unmarked.mkdir()
    half_marked = tmp_path / f".output-{gone}-killed02"  # killed while writing the marker
    half_marked.mkdir()
    (half_marked / output_folder.STAGING_MARKER).write_text("", encoding="ascii")
    not_empty = tmp_path / f".output-{gone}-isinya01"
    not_empty.mkdir()
    (not_empty / "foto.jpg").write_text("x", encoding="utf-8")
    other_name = tmp_path / ".output-abc123"
    other_name.mkdir()
    (other_name / output_folder.STAGING_MARKER).write_text(f"{gone}\n", encoding="ascii")
    unmarked_old = tmp_path / f".output-old-{gone + 1}"
    unmarked_old.mkdir()
    (unmarked_old / "catatan.txt").write_text("x", encoding="utf-8")
    running = tmp_path / f".output-old-{os.getpid()}"
    running.mkdir()
    (running / "index.html").write_text("x", encoding="utf-8")
    target = tmp_path / "di-luar"
    target.mkdir()
    (target / output_folder.STAGING_MARKER).write_text(f"{gone}\n", encoding="ascii")
    (tmp_path / ".output-tautan").symlink_to(target)
    (tmp_path / ".output-berkas").write_text(f"{gone}\n", encoding="ascii")

    removed = output_folder.clean_stale(tmp_path)
    output_folder.wait_for_removals(30)
    assert sorted(removed) == sorted(
        [ours_old.name, ours_staging.name, ours_unmarked.name, half_marked.name]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            unmarked_old.name,
            running.name,
            "di-luar",
            ".output-tautan",
            ".output-berkas",
            not_empty.name,
            other_name.name,
        ]
    )
    assert (target / output_folder.STAGING_MARKER).is_file()


# --- The folders of a replaced output kept for the next rebuild (spare) -----------------


def build_cached(content, output, cache):
    return build(
        settings_path(), output=output, overrides={"PATH": str(content), "BUILD_CACHE": str(cache)}
    )


def spares(parent):
    return sorted(
        p for p in Path(parent).iterdir() if p.name.startswith(output_folder.SPARE_PREFIX)
    )


def files_and_folders(folder):
    """The files (but the few Pagefind names at random: NOT_REPEATABLE) and folders."""
    from search.indexer import NOT_REPEATABLE

    folder = Path(folder)
    found = sorted(folder.rglob("*"))
    names = [p.relative_to(folder).as_posix() for p in found if p.is_file() or p.is_symlink()]
    return (
        [name for name in names if not NOT_REPEATABLE.match(name)],
        [p.relative_to(folder).as_posix() for p in found if p.is_dir() and not p.is_symlink()],
    )


def spare_after_a_rebuild(content, tmp_path):
    """(output, cache, the spare tree) after a build and a rebuild with the build cache."""
    output, cache = tmp_path / "situs" / "output", tmp_path / "cache"
    build_cached(content, output, cache)
    build_cached(content, output, cache)
    output_folder.wait_for_removals(60)
    (spare,) = spares(output.parent)
    return output, cache, spare


def test_a_rebuild_keeps_the_replaced_outputs_folders_without_its_files(small_content, tmp_path):
    output, cache, spare = spare_after_a_rebuild(small_content, tmp_path)
    files, folders = files_and_folders(spare)
    assert files == []
    assert "berita/2024/06/rapat-desa" in folders  # the article's folder, empty
    # The next rebuild builds into it: no spare left beside the new one's, and the output
    # is a build's.
    taken = output_folder.spares_taken
    build_cached(small_content, output, cache)
    assert output_folder.spares_taken == taken + 1
    output_folder.wait_for_removals(60)
    assert len(spares(output.parent)) == 1
    assert output_folder.is_our_build(output)


def test_a_spare_holds_nothing_the_next_output_shows(small_content, tmp_path):
    """A file put in the spare tree (planted, or left by a removal cut short), a link and a
    folder no page of the site is in: the output holds only what a clean build writes."""
    output, cache, spare = spare_after_a_rebuild(small_content, tmp_path)
    (spare / "berita" / "2024" / "06" / "rapat-desa" / "index.html").write_text(
        "<script>alert(1)</script>", encoding="utf-8"
    )
    (spare / "tanam.html").write_text("<p>disisipkan</p>", encoding="utf-8")
    (spare / "lama" / "kosong").mkdir(parents=True)
    (spare / "tautan").symlink_to(small_content)
    build_cached(small_content, output, cache)
    clean = tmp_path / "bersih" / "output"
    build_small(small_content, clean)
    assert files_and_folders(output) == files_and_folders(clean)
    assert "alert(1)" not in (output / "berita/2024/06/rapat-desa/index.html").read_text(
        encoding="utf-8"
    )


def test_a_spare_is_not_used_without_the_build_cache(small_content, tmp_path):
    output, _cache, spare = spare_after_a_rebuild(small_content, tmp_path)
    taken = output_folder.spares_taken
    build_small(small_content, output)  # no BUILD_CACHE: a new folder, the old one removed
    output_folder.wait_for_removals(60)
    assert output_folder.spares_taken == taken
    assert spares(output.parent) == [spare]
