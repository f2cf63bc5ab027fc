"""Bring a newer kit into a village's repository:

    python -m wartadesa.upgrade [--ref main] [--remote kit | --url URL] [--dry-run] [--site DIR]

Only the kit's files are replaced (KIT_PATHS: theme, plugins, the wartadesa package,
kit tests, tasks.py, requirements, workflows, .ci/ ...); the site's own files
(content/ with situs.yml, overrides/, pelicanconf.py, publishconf.py, README.md and
anything else) are never touched.

The kit version the site is on is the commit of the upstream history whose kit files
are the site's (a "Use this template" repository shares no history with the kit, so
the files are compared, not the commits). A file is the kit's as it was when its bytes
are those of some version of it in the kit's history, as git stores them or as they were
checked out (on Windows git writes text files with CRLF line ends): a file an earlier
upgrade left behind, or one brought ahead by hand (this very tool), is no village's edit.
When the village edited a kit file, nothing is changed and the edited files are listed,
with the way to keep the change in overrides/ instead. Otherwise every kit file that is
not the new kit's is written (and staged), the changes are listed and the CHANGELOG
entries since the old version are shown.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT_PATHS = (
    "theme",
    "plugins",
    "wartadesa",
    "tests",
    "tasks.py",
    "conftest.py",
    "pyproject.toml",
    "requirements.txt",
    "requirements-dev.txt",
    "package.json",
    "package-lock.json",
    ".github/workflows",
    ".ci",
    "docs",
    "CHANGELOG.md",
)
SITE_PATHS = ("content", "overrides", "pelicanconf.py", "publishconf.py", "README.md")
DEFAULT_REMOTE = "kit"
MAX_HISTORY = 20000  # commits of the kit looked through for the site's version


class UpgradeError(Exception):
    """A message for the operator; nothing was changed."""


def git(*args, cwd=ROOT, check=True, input=None):
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, input=input)
    if check and result.returncode:
        raise UpgradeError(f"git {' '.join(args)} gagal: {result.stderr.strip()}")
    return result.stdout


def is_kit_path(path):
    return any(path == p or path.startswith(p + "/") for p in KIT_PATHS)


def kit_files_at(commit, cwd=ROOT):
    """{path: blob id} of the kit files in `commit`."""
    out = git("ls-tree", "-r", "--full-tree", commit, "--", *KIT_PATHS, cwd=cwd)
    files = {}
    for line in out.splitlines():
        meta, path = line.split("\t", 1)
        _mode, kind, blob = meta.split()
        if kind == "blob":
            files[path] = blob
    return files


def kit_files_here(cwd=ROOT):
    """{path: blob ids} of the kit files in the working folder (tracked, or new and not
    ignored by .gitignore): the blob git would store (line ends as the repository's
    settings turn them: CRLF to LF with core.autocrlf) and the file's bytes as they are.
    A file the kit keeps with CRLF (tests/bad_articles/crlf.md) is only the second on
    Windows; any other file the first."""
    listed = git("ls-files", "-co", "--exclude-standard", "--", *KIT_PATHS, cwd=cwd)
    paths = [p for p in listed.splitlines() if is_kit_path(p) and (Path(cwd) / p).is_file()]
    if not paths:
        return {}
    names = "\n".join(paths) + "\n"
    stored = git("hash-object", "--stdin-paths", cwd=cwd, input=names).split()
    raw = git("hash-object", "--no-filters", "--stdin-paths", cwd=cwd, input=names).split()
    return {path: frozenset(pair) for path, *pair in zip(paths, stored, raw, strict=False)}


def _same(blob, here):
    """Whether a kit file of blob id `blob` (None: no such file) is the one found here (its
    blob ids, `kit_files_here`; None: none)."""
    if here is None or blob is None:
        return here is None and blob is None
    return blob in here


def differences(files, here):
    """The paths where the kit files `files` ({path: blob id}) and `here` differ."""
    return sorted(p for p in set(files) | set(here) if not _same(files.get(p), here.get(p)))


def kit_versions(target, paths, cwd=ROOT):
    """{path: every blob id the kit's history up to `target` gave it} (every commit, merges
    too, each against each of its parents: no version a merge made is missed)."""
    found = {path: set() for path in paths}
    if not paths:
        return found
    out = git(
        "log",
        "--format=",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--no-color",
        "--full-history",
        "-m",
        "--root",
        target,
        "--",
        *paths,
        cwd=cwd,
    )
    for line in out.splitlines():
        if not line.startswith(":") or "\t" not in line:
            continue
        meta, path = line.split("\t", 1)
        if path in found:
            found[path].update(blob for blob in meta.split()[2:4] if blob.strip("0"))
    return found


def find_base(target, here, cwd=ROOT):
    """(commit, edited files): the upstream commit whose kit files are closest to the
    site's, and the kit files the village changed since. A file in neither that commit nor
    the target (the village's own workflow) does not count: it would keep every commit
    from matching, and the whole history would be looked through."""
    commits = git("rev-list", f"--max-count={MAX_HISTORY}", target, cwd=cwd).split()
    latest = set(kit_files_at(target, cwd))
    best = None
    for commit in commits:
        files = kit_files_at(commit, cwd)
        changed = [p for p in differences(files, here) if p in files or p in latest]
        if best is None or len(changed) < len(best[1]):
            best = (commit, changed)
        if not changed:
            break
    return best


def version_at(commit, cwd=ROOT):
    text = git("show", f"{commit}:wartadesa/__init__.py", cwd=cwd, check=False)
    match = re.search(r'__version__ = "([^"]+)"', text)
    return match.group(1) if match else "0.1.0"


def changelog_since(version, commit, cwd=ROOT, base=None):
    """The CHANGELOG.md sections of `commit` newer than `version`, and of its unreleased
    section (`## Berikutnya`, no number) the entries `base`'s CHANGELOG.md did not hold
    yet: an upgrade between two commits of one version (`--ref main`) has notes too."""
    text = git("show", f"{commit}:CHANGELOG.md", cwd=cwd, check=False)
    before = git("show", f"{base}:CHANGELOG.md", cwd=cwd, check=False) if base else ""
    sections = re.split(r"(?m)^(?=## )", text)
    newer = []
    for section in sections:
        if not section.startswith("## "):
            continue
        match = re.match(r"## \[?(\d+(?:\.\d+)*)", section)
        if match:
            if _as_tuple(match.group(1)) > _as_tuple(version):
                newer.append(section.strip())
            continue
        heading, _, body = section.partition("\n")
        entries = re.split(r"(?m)^(?=- )", body)
        fresh = [e.strip() for e in entries if e.startswith("- ") and e.strip() not in before]
        if fresh:
            newer.append("\n".join([heading.strip(), "", *fresh]))
    return newer


def _as_tuple(version):
    return tuple(int(part) for part in version.split("."))


def fetch(ref, remote=None, url=None, cwd=ROOT):
    """The commit of `ref` at the kit's upstream (a git remote, or a URL)."""
    remotes = git("remote", cwd=cwd).split()
    source = None
    if url:
        source = url
    elif (remote or DEFAULT_REMOTE) in remotes:
        source = remote or DEFAULT_REMOTE
    elif remote and remote != DEFAULT_REMOTE:
        raise UpgradeError(f"remote git '{remote}' tidak ada (unknown git remote)")
    else:
        source = os.environ.get("WARTADESA_KIT_URL") or _setting("KIT_REPOSITORY", cwd)
    if not source:
        raise UpgradeError(
            "alamat kit belum diketahui. Tambahkan sekali:  git remote add kit "
            "https://github.com/PEMILIK/warta-desa.git  (atau jalankan dengan --url ALAMAT, "
            "atau isi KIT_REPOSITORY di pelicanconf.py) (the kit's upstream is not set)"
        )
    result = subprocess.run(
        ["git", "fetch", "--quiet", "--tags", source, ref], cwd=cwd, capture_output=True, text=True
    )
    if result.returncode:
        raise UpgradeError(
            f"versi kit '{ref}' tidak bisa diambil dari {source}: periksa nama cabang atau "
            f"commit itu (kit belum memberi tag versi; tanpa --ref: cabang main) dan sambungan "
            f"internet (fetch failed; git: {result.stderr.strip()})"
        )
    return git("rev-parse", "FETCH_HEAD^{commit}", cwd=cwd).strip()


def _setting(name, cwd):
    """A plain string setting of the site's pelicanconf.py, else of the kit defaults."""
    for conf in (Path(cwd) / "pelicanconf.py", Path(cwd) / "wartadesa" / "defaults.py"):
        if conf.is_file():
            match = re.search(
                rf'(?m)^{name}\s*=\s*["\']([^"\']+)["\']', conf.read_text(encoding="utf-8")
            )
            if match:
                return match.group(1)
    return ""


def plan(target, cwd=ROOT):
    """What an upgrade to `target` would do: a dict, or UpgradeError when the village
    edited kit files."""
    here = kit_files_here(cwd)
    base, edited = find_base(target, here, cwd)
    old, new = kit_files_at(base, cwd), kit_files_at(target, cwd)
    # The village's own file in a kit folder (its own workflow in .github/workflows/) is
    # in no version of the kit: nothing overwrites or removes it.
    edited = [path for path in edited if path in old or path in new]
    # A file that is some version of the kit's own (left behind by an earlier upgrade,
    # brought ahead by hand) holds nothing of the village's: it is replaced.
    versions = kit_versions(target, [path for path in edited if path in here], cwd)
    edited = [
        path
        for path in edited
        if path not in here or not any(_same(blob, here[path]) for blob in versions[path])
    ]
    if edited:
        lines = [f"  - {path}" for path in edited]
        changed = " ".join(path for path in edited if path in old)
        added = " ".join(path for path in edited if path not in old)
        undo = (f"  git checkout {base[:10]} -- {changed}\n" if changed else "") + (
            f"  hapus berkas baru ini: {added}\n" if added else ""
        )
        raise UpgradeError(
            "pembaruan dibatalkan, tidak ada yang diubah: berkas kit berikut sudah diubah "
            "di situs ini (kit files were edited):\n" + "\n".join(lines) + "\n"
            "Berkas kit akan ditimpa oleh versi baru. Simpan perubahan tampilan di folder "
            "overrides/ (templat: overrides/templates/ dengan nama dan folder yang sama "
            "seperti di theme/templates/, gaya: overrides/static/custom.css), lalu "
            "kembalikan berkas kit seperti di versi kit situs ini:\n" + undo + "dan "
            "jalankan invoke upgrade lagi."
        )
    return {
        "base": base,
        "target": target,
        "old_version": version_at(base, cwd),
        "new_version": version_at(target, cwd),
        "added": sorted(p for p in new if p not in here),
        "changed": sorted(p for p in new if p in here and not _same(new[p], here[p])),
        "removed": sorted(p for p in set(old) - set(new) if p in here),
    }


def apply(steps, cwd=ROOT):
    """Write the target's kit files (staged in git) and remove the dropped ones."""
    written = steps["added"] + steps["changed"]
    if written:  # the paths on stdin: all of them pass what a Windows command line holds
        git(
            "checkout",
            steps["target"],
            "--pathspec-from-file=-",
            cwd=cwd,
            input="\n".join(written) + "\n",
        )
    for path in steps["removed"]:
        git("rm", "--quiet", "--force", "--", path, cwd=cwd, check=False)
        (Path(cwd) / path).unlink(missing_ok=True)


def describe(steps):
    lines = [
        f"Kit: versi {steps['old_version']} ({steps['base'][:10]}) -> versi "
        f"{steps['new_version']} ({steps['target'][:10]})"
    ]
    for label, key in (("baru", "added"), ("diubah", "changed"), ("dihapus", "removed")):
        lines += [f"  {label:7} {path}" for path in steps[key]]
    if not (steps["added"] or steps["changed"] or steps["removed"]):
        lines.append("Kit sudah versi terbaru: tidak ada yang berubah.")
    return lines


def main(argv=None, cwd=ROOT):
    parser = argparse.ArgumentParser(description="Upgrade the kit's files.")
    parser.add_argument("--ref", default="main", help="tag, branch or commit (default main)")
    parser.add_argument("--remote", default=None, help="git remote of the kit (default kit)")
    parser.add_argument("--url", default=None, help="address of the kit's repository")
    parser.add_argument("--dry-run", action="store_true", help="only show what would change")
    parser.add_argument(
        "--site", default=None, help="the site's repository (default: the one holding this kit)"
    )
    args = parser.parse_args(argv)
    cwd = Path(args.site).resolve() if args.site else cwd
    try:
        if git("rev-parse", "--is-inside-work-tree", cwd=cwd, check=False).strip() != "true":
            raise UpgradeError("folder ini bukan repositori git (not a git repository)")
        target = fetch(args.ref, args.remote, args.url, cwd)
        steps = plan(target, cwd)
    except UpgradeError as error:
        print(f"invoke upgrade: {error}", file=sys.stderr)
        return 1
    for line in describe(steps):
        print(line)
    notes = changelog_since(steps["old_version"], target, cwd, steps["base"])
    if notes:
        print("\nCatatan perubahan (CHANGELOG.md):\n")
        print("\n\n".join(notes))
    if args.dry_run:
        print("\n(--dry-run: tidak ada yang diubah)")
        return 0
    apply(steps, cwd)
    touched = steps["added"] + steps["changed"] + steps["removed"]
    if any(path.startswith("requirements") for path in touched):
        print("\nDaftar paket berubah: jalankan  .venv/bin/pip install -r requirements.txt")
    if touched:
        print(
            "\nBerkas kit sudah diperbarui dan ditandai (git add). Periksa dengan "
            'invoke check dan invoke build, lalu simpan:  git commit -m "Perbarui kit ke '
            f'versi {steps["new_version"]} ({steps["target"][:10]})"'
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
