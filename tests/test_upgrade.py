"""invoke upgrade, end to end: a village repository made from an older commit of this
one, customised (content, identity, an override), upgraded to the current commit."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.sitetools import FIXTURES, ROOT
from wartadesa.upgrade import KIT_PATHS, kit_files_at, kit_files_here

# The oldest kit with situs.yml and overrides/: a village made then can customise both.
FIRST_FILE = "plugins/identity/overrides.py"
FOOTER = '<footer class="site-foot"><p class="footer-desa">Dikelola Karang Taruna</p></footer>\n'
SITE_FILES = ("content", "overrides", "pelicanconf.py", "publishconf.py", "README.md")


def git(*args, cwd):
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.strip()


def older_kit():
    try:
        if git("rev-parse", "--is-shallow-repository", cwd=ROOT) == "true":
            pytest.skip("shallow clone: no older kit commit to start from")
        added = git("log", "--diff-filter=A", "--format=%H", "HEAD", "--", FIRST_FILE, cwd=ROOT)
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("not a git repository (e.g. a project copy): no kit history")
    head = git("rev-parse", "HEAD", cwd=ROOT)
    if not added or added.split()[-1] == head:
        pytest.skip(
            f"no kit commit older than HEAD adds {FIRST_FILE} (e.g. a repository "
            "made with 'Use this template')"
        )
    return added.split()[-1], head


def snapshot(folder, names=SITE_FILES):
    found = {}
    for name in names:
        path = folder / name
        items = sorted(path.rglob("*")) if path.is_dir() else [path] if path.exists() else []
        for item in items:
            if item.is_file():
                found[str(item.relative_to(folder))] = item.read_bytes()
    return found


@pytest.fixture
def village(tmp_path):
    """A village's repository at the older kit commit, customised and committed."""
    old, head = older_kit()
    repo = tmp_path / "desa"
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(repo)], check=True)
    git("reset", "-q", "--hard", old, cwd=repo)
    git("remote", "rename", "origin", "kit", cwd=repo)
    git("config", "user.name", "Operator Desa", cwd=repo)
    git("config", "user.email", "operator@desa.id", cwd=repo)
    shutil.rmtree(repo / "content")
    shutil.copytree(FIXTURES / "other_village" / "content", repo / "content")
    conf = repo / "pelicanconf.py"
    conf.write_text(
        conf.read_text().replace('CUSTOM_DOMAIN = ""', 'CUSTOM_DOMAIN = "ketewel-sukawati.desa.id"')
    )
    (repo / "overrides" / "templates" / "partials").mkdir(parents=True)
    (repo / "overrides" / "templates" / "partials" / "footer.html").write_text(FOOTER)
    (repo / "overrides" / "static").mkdir()
    (repo / "overrides" / "static" / "custom.css").write_text(".footer-desa { color: #063; }\n")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "Situs Desa Ketewel", cwd=repo)
    return repo, old, head


def upgrade(repo, *args):
    """This kit's upgrade tool run on the village (its older kit has none yet: the first
    upgrade, as CHANGELOG.md 0.2.0 describes)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "wartadesa.upgrade", "--site", str(repo), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_upgrade_replaces_the_kit_and_keeps_the_site(village):
    repo, old, head = village
    before = snapshot(repo)
    assert differences_from(head, repo), "the older kit must differ"
    result = upgrade(repo, "--ref", head)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Kit: versi ")
    assert f"({old[:10]}) -> versi " in result.stdout.splitlines()[0]
    assert "  diubah  wartadesa/build.py" in result.stdout or "  baru" in result.stdout
    assert snapshot(repo) == before, "content/, overrides/ and settings are the village's"
    assert differences_from(head, repo) == [], "the kit is current"
    staged = git("diff", "--cached", "--name-only", cwd=repo).splitlines()
    assert staged and all(any(p == k or p.startswith(k + "/") for k in KIT_PATHS) for p in staged)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PYTEST_"))}
    built = subprocess.run(
        [sys.executable, "-m", "invoke", "publish"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    home = (repo / "output" / "index.html").read_text(encoding="utf-8")
    assert "Dikelola Karang Taruna" in home and "theme/custom.css" in home
    assert "Desa Ketewel" in home
    assert (repo / "output" / "CNAME").read_text().strip() == "ketewel-sukawati.desa.id"

    again = subprocess.run(
        [sys.executable, "-m", "invoke", "upgrade", "--ref", head],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Kit sudah versi terbaru: tidak ada yang berubah." in again.stdout


def test_upgrade_stops_when_the_village_edited_a_kit_file(village):
    repo, _old, head = village
    footer = repo / "theme" / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text() + "<!-- diubah desa -->\n")
    git("commit", "-q", "-am", "Ubah footer", cwd=repo)
    before = snapshot(repo, SITE_FILES + KIT_PATHS)
    status = git("status", "--porcelain", cwd=repo)
    result = upgrade(repo, "--ref", head)
    assert result.returncode == 1
    assert "pembaruan dibatalkan, tidak ada yang diubah" in result.stderr
    assert "  - theme/templates/partials/footer.html" in result.stderr
    assert "overrides/templates/" in result.stderr
    assert snapshot(repo, SITE_FILES + KIT_PATHS) == before
    assert git("status", "--porcelain", cwd=repo) == status
    # The command it gives restores the file though the edit is committed (`git checkout
    # -- file` restored the edited, committed file), and then the upgrade goes through.
    [command] = [
        line.strip() for line in result.stderr.splitlines() if line.strip().startswith("git ")
    ]
    assert command.endswith(" -- theme/templates/partials/footer.html"), command
    subprocess.run(command.split(), cwd=repo, check=True)
    assert upgrade(repo, "--ref", head).returncode == 0


def test_a_villages_own_file_in_a_kit_folder_is_left_alone(village):
    """A workflow of the village's own (.github/workflows/cadangan.yml) is in no version of
    the kit: it does not stop the upgrade (it was listed as an edited kit file) and stays."""
    repo, _old, head = village
    own = repo / ".github" / "workflows" / "cadangan.yml"
    own.write_text("name: Cadangan\non: [workflow_dispatch]\n", encoding="utf-8")
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "Cadangan", cwd=repo)
    result = upgrade(repo, "--ref", head)
    assert result.returncode == 0, result.stderr
    assert own.read_text(encoding="utf-8").startswith("name: Cadangan")
    assert ".github/workflows/cadangan.yml" not in result.stdout


def test_dry_run_changes_nothing(village):
    repo, _old, head = village
    before = snapshot(repo, SITE_FILES + KIT_PATHS)
    result = upgrade(repo, "--ref", head, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "(--dry-run: tidak ada yang diubah)" in result.stdout
    assert snapshot(repo, SITE_FILES + KIT_PATHS) == before


def test_the_notes_not_yet_released_are_shown(village):
    """Upgrading to main between two commits of one version: the CHANGELOG's unreleased
    section ('## Berikutnya') is what the village must read; only its entries the old
    kit did not hold are shown (nothing was shown: only numbered sections counted)."""
    from wartadesa.upgrade import changelog_since

    repo, old, head = village
    result = upgrade(repo, "--ref", head, "--dry-run")
    shown = result.stdout.split("Catatan perubahan (CHANGELOG.md):", 1)
    assert len(shown) == 2, result.stdout
    current = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = current.split("\n## Berikutnya", 1)[1].split("\n## ", 1)[0]
    entries = [e.strip() for e in unreleased.split("\n- ")[1:]]
    before = subprocess.run(  # the oldest kits had no CHANGELOG.md
        ["git", "show", f"{old}:CHANGELOG.md"], cwd=repo, capture_output=True, text=True
    ).stdout
    fresh = [e for e in entries if ("- " + e) not in before]
    assert fresh and all(e.splitlines()[0] in shown[1] for e in fresh)
    # the same kit twice: no notes
    assert changelog_since("9.9.9", head, repo, head) == []


def test_without_a_kit_address_it_says_how_to_add_one(village):
    repo, _old, _head = village
    git("remote", "remove", "kit", cwd=repo)
    env_free = upgrade(repo)
    assert env_free.returncode == 1
    assert "git remote add kit" in env_free.stderr


def test_a_windows_checkout_upgrades(village):
    """Git for Windows writes text files with CRLF (core.autocrlf). The kit keeps one file
    with CRLF on purpose (tests/bad_articles/crlf.md), which git then reads as LF: every
    upgrade refused it as edited, and the command it gave changed nothing."""
    repo, _old, head = village
    git("config", "core.autocrlf", "true", cwd=repo)
    for item in repo.iterdir():
        if item.name != ".git":
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    git("checkout", "--", ".", cwd=repo)
    assert b"\r\n" in (repo / "tasks.py").read_bytes(), "checked out as on Windows"
    assert git("status", "--porcelain", cwd=repo) == ""
    result = upgrade(repo, "--ref", head)
    assert result.returncode == 0, result.stderr
    assert "tests/bad_articles/crlf.md" not in result.stderr  # not called an edit
    assert differences_from(head, repo) == []


def differences_from(commit, repo):
    from wartadesa.upgrade import differences

    return differences(kit_files_at(commit, repo), kit_files_here(repo))


def test_a_kit_file_of_another_kit_version_is_no_edit(village):
    """A kit file whose bytes are some version of the kit's own holds nothing of the
    village's: the upgrade tool brought ahead by hand (how a village whose kit predates a
    fix of this tool gets it), or a file an earlier upgrade left at an older version (the
    oldest tools did not bring docs/). Each is replaced; before, each stopped the upgrade
    as an edited kit file."""
    repo, old, head = village
    git("checkout", head, "--", "wartadesa/upgrade.py", cwd=repo)
    git("commit", "-q", "-m", "Alat pembaruan terbaru", cwd=repo)
    result = upgrade(repo, "--ref", head)
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("\nCatatan perubahan", 1)[0]  # the files, before the notes
    assert "wartadesa/upgrade.py" not in listed  # already the new one: not written
    git("commit", "-q", "-m", "Perbarui kit", cwd=repo)
    footer = "theme/templates/partials/footer.html"
    git("checkout", old, "--", footer, cwd=repo)
    git("commit", "-q", "-m", "Berkas tertinggal", cwd=repo)
    again = upgrade(repo, "--ref", head)
    assert again.returncode == 0, again.stderr
    assert f"  diubah  {footer}" in again.stdout
    assert differences_from(head, repo) == []
