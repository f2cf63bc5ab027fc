"""The output folder: which folder a build may replace, the temporary folder it builds
into, the swap, and the clean-up of temporary folders a killed build left behind.

A build marks the folders it makes:

- `.wartadesa-build` in every finished build (it is published with the site): the next
  build may replace a folder holding it. A non-empty folder without it is refused, except
  the project's own `output/` from before the marker existed (holding `index.html`).
- `.wartadesa-staging` (the building process's id) in the temporary folder
  `.output-PID-xxxxxxxx` while it is built; removed before the swap.

The output it replaces is renamed `.output-old-PID-xxxxxxxx` and removed by a detached
`rm -rf` (where there is one): the build does not wait for the removal of a folder nobody
serves any more. A removal that was cut short (the machine stopped), or that is still running
when the next build starts, is handed to that build's own background removal (`clean_stale`).

A build with the build cache (a rebuild) keeps the folders of the output it replaces
instead (`swap(..., keep_folders=True)`): a detached `find` removes every file and link
in it, and only then renames it `.output-spare-xxxxxxxx` (`empty_later`). The next
rebuild builds into that tree of empty folders (`new_staging(..., spare=True)`) instead
of a new folder: on a file system that is slow to give out inodes freed a moment ago
(ext4 without a journal looks up every recently freed one for each new folder), making
the 10,000 folders of a 5,000-article site again cost a rebuild 1–3 s. Before anything
is written into it, `FoldersMadeAside` removes whatever is not a folder (a spare is only
ever named after its files are gone, but it is checked) and every folder the build will
not write into (those of the pages of the previous build stay), so the new output holds
what a build into a new folder would.
"""

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

MARKER = ".wartadesa-build"
MARKER_TEXT = "Warta Desa: folder hasil build, diganti utuh oleh build berikutnya (build output).\n"
STAGING_MARKER = ".wartadesa-staging"
STAGING_PREFIX = ".output-"
OLD_PREFIX = ".output-old-"
SPARE_PREFIX = ".output-spare-"
_SPARE_NAME = re.compile(r"^\.output-spare-[0-9a-f]{8}$")
spares_taken = 0  # spare trees this process built into (tests)
_OLD_NAME = re.compile(r"^\.output-old-(\d+)(-[0-9a-f]{8})?$")  # with the suffix: made by swap
_STAGING_NAME = re.compile(r"^\.output-(\d+)-[A-Za-z0-9_]{8}$")  # tempfile.mkdtemp's suffix

UNSAFE_OUTPUTS_MESSAGE = (
    "folder keluaran '{path}' tidak aman: {why}. Pilih folder lain, misalnya output/ "
    "(refusing to build into this folder)"
)


class OutputRefused(Exception):
    """The folder must not be replaced; the message is the operator's line."""


def _refuse(path, why):
    raise OutputRefused(UNSAFE_OUTPUTS_MESSAGE.format(path=path, why=why))


def _marker_lines(folder):
    """The marker's lines when `folder` holds a real marker file starting with our text."""
    marker = Path(folder) / MARKER
    if marker.is_symlink() or not marker.is_file():
        return None
    try:
        with open(marker, encoding="utf-8", errors="replace") as handle:
            text = handle.read(len(MARKER_TEXT) + 200)
    except OSError:
        return None
    return text.splitlines() if text.startswith(MARKER_TEXT) else None


def is_our_build(folder: Path) -> bool:
    """Whether `folder` holds the marker a finished build writes (a real file, our text)."""
    return _marker_lines(folder) is not None


def is_preview(folder: Path) -> bool:
    """Whether `folder` is a finished build with relative links (the local preview), which
    any local server shows correctly; a production build links to the real domain."""
    return "links: relative" in (_marker_lines(folder) or [])


def is_legacy_output(folder, root, index_name="index.html"):
    """The project's own output/ written before the marker existed (one-time migration)."""
    return folder == (root / "output").resolve() and (folder / index_name).is_file()


def check_output_path(output, content, root, index_name="index.html"):
    """The resolved output folder, or OutputRefused when replacing it would destroy
    something: the system, home, project or content folders, a folder holding them, a
    folder inside the content or inside another part of the project, or any non-empty
    folder that is not an earlier build (no marker)."""
    output = Path(output).resolve()
    content = Path(content).resolve()
    root = Path(root).resolve()
    precious = {
        Path("/").resolve(): "itu folder akar sistem (/)",
        Path.home().resolve(): "itu folder home",
        root: "itu folder proyek",
        content: "itu folder konten",
    }
    for path, why in precious.items():
        if output == path:
            _refuse(output, why)
    if output in content.parents or output in root.parents:
        _refuse(output, "folder itu berisi proyek atau konten")
    if content in output.parents:
        _refuse(output, "folder itu ada di dalam folder konten")
    if root in output.parents:
        top = root / output.relative_to(root).parts[0]
        if (
            top != output
            and top.exists()
            and not is_our_build(top)
            and not is_legacy_output(top, root, index_name)
        ):
            _refuse(output, f"folder itu bagian dari proyek ({top.name}/), bukan hasil build")
    if output.is_symlink():
        _refuse(output, "itu tautan simbolik (symlink), bukan folder hasil build")
    if not output.exists():
        return output
    if not output.is_dir():
        _refuse(output, "di sana sudah ada berkas lain, bukan hasil build sebelumnya")
    try:
        empty = not any(output.iterdir())
    except OSError as error:
        _refuse(output, f"folder itu tidak bisa dibaca ({error.strerror})")
    if empty or is_our_build(output) or is_legacy_output(output, root, index_name):
        return output
    _refuse(output, "di sana sudah ada berkas lain, bukan hasil build sebelumnya")


def _alive(pid):
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process (or unknowable): leave its folder alone
    return True


def _staging_owner(folder):
    """The id of the process that made a staging folder `.output-PID-xxxxxxxx`: when its
    marker says so, or when it is still empty (killed between creating and marking it,
    also after the marker file was created but before its text was written)."""
    named = _STAGING_NAME.match(folder.name)
    if not named:
        return None
    try:
        text = (folder / STAGING_MARKER).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError):
        return None
    if not text:
        try:
            empty = all(p.name == STAGING_MARKER for p in folder.iterdir())
        except OSError:
            return None
        return int(named.group(1)) if empty else None
    return int(text) if text == named.group(1) else None


def clean_stale(parent, index_name="index.html"):
    """Remove `.output-*` folders left in `parent` by builds that were killed, or whose
    removal is still running: only real folders we made (a staging marker, or an old build
    renamed `.output-old-PID` holding the build marker or an index page) whose process is
    gone. Each is renamed as this process's old output and removed in the background
    (`remove_later`). Returns the names removed from `parent`."""
    removed = []
    try:
        entries = list(Path(parent).iterdir())
    except OSError:
        return removed
    for folder in entries:
        if not folder.name.startswith(STAGING_PREFIX) or folder.is_symlink() or not folder.is_dir():
            continue
        old = _OLD_NAME.match(folder.name)
        if old:
            pid = int(old.group(1))
            # A suffixed one is only ever made by `swap`: ours even when half removed.
            ours = bool(old.group(2)) or is_our_build(folder) or (folder / index_name).is_file()
        else:
            pid = _staging_owner(folder)
            ours = pid is not None
        if ours and pid != os.getpid() and not _alive(pid):
            # Often the previous build's own removal, still running: not waited for either.
            leftover = folder.with_name(f"{OLD_PREFIX}{os.getpid()}-{secrets.token_hex(4)}")
            try:
                folder.rename(leftover)
            except OSError:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                remove_later(leftover)
            if not folder.exists():
                removed.append(folder.name)
    return removed


def new_staging(output: Path, spare: bool = False) -> Path:
    """A new temporary folder next to `output`, marked with this process's id; with
    `spare`, the tree of empty folders an earlier rebuild left (`empty_later`) when there
    is one, renamed as such a folder (any other spare is removed)."""
    staging = _take_spare(output) if spare else None
    if staging is not None:
        return staging
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=output.parent))
    try:
        (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _take_spare(output: Path) -> Path | None:
    try:
        spares = [
            folder
            for folder in output.parent.iterdir()
            if _SPARE_NAME.match(folder.name) and not folder.is_symlink() and folder.is_dir()
        ]
    except OSError:
        return None
    taken = None
    for folder in spares:
        if taken is None:
            staging = folder.with_name(f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}")
            try:
                folder.rename(staging)
                (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
            except OSError:
                if staging.exists():
                    discard(staging, output)
                continue
            taken = staging
            global spares_taken
            spares_taken += 1
        else:
            discard(folder, output)
    return taken


def holds_more_than_marker(folder: Path) -> bool:
    """Whether `folder` (a staging folder) holds anything but its staging marker: a spare
    tree taken by `new_staging`."""
    try:
        with os.scandir(folder) as entries:
            return any(entry.name != STAGING_MARKER for entry in entries)
    except OSError:
        return False


def finish(staging, relative_links=False, address=None):
    """Mark the built folder as ours (the staging marker goes, the build marker stays),
    noting whether its links are relative (a preview) or absolute (production), and a
    preview's absolute address (FEED_DOMAIN: `invoke serve` builds again for another
    port, wartadesa.preview.built_for_another_port)."""
    (staging / STAGING_MARKER).unlink(missing_ok=True)
    links = "relative" if relative_links else "absolute"
    text = f"{MARKER_TEXT}links: {links}\n"
    if relative_links and address:
        text += f"address: {address}\n"
    (staging / MARKER).write_text(text, encoding="utf-8")


def built_address(folder) -> str | None:
    """The absolute address a preview in `folder` was built for (None: not noted)."""
    for line in _marker_lines(folder) or []:
        if line.startswith("address: "):
            return line.removeprefix("address: ").strip()
    return None


def swap(staging: Path, output: Path, keep_folders: bool = False) -> None:
    """Replace `output` by `staging` with two renames (same filesystem). If the second
    rename fails, the previous output is put back. The previous output is removed without
    waiting (`remove_later`), or with `keep_folders` emptied of its files and kept for
    the next build (`empty_later`)."""
    staging.chmod(0o755)
    old = None
    if output.exists():
        old = output.with_name(f"{OLD_PREFIX}{os.getpid()}-{secrets.token_hex(4)}")
        output.rename(old)
    try:
        staging.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)
        raise
    if old is not None:
        (empty_later if keep_folders else remove_later)(old)


_removals: list[subprocess.Popen] = []  # this process's removals still running


def discard(folder: Path, beside: Path) -> None:
    """Remove `folder` without waiting: renamed beside the output `beside` as an old
    output (`.output-old-PID-xxxxxxxx`: a later build cleans it up should its removal be
    cut short), then `remove_later`. Removed here and now when it cannot be renamed."""
    old = beside.with_name(f"{OLD_PREFIX}{os.getpid()}-{secrets.token_hex(4)}")
    try:
        folder.rename(old)
    except FileNotFoundError:
        return
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    remove_later(old)


def remove_later(folder: Path) -> None:
    """Remove `folder` in the background: a detached `rm -rf` (its own session, so a
    Ctrl+C in the terminal does not stop it halfway), or here and now where there is no
    `rm` (Windows)."""
    rm = shutil.which("rm") if os.name == "posix" else None
    if not (rm and _detached([rm, "-rf", "--", str(folder)])):
        shutil.rmtree(folder, ignore_errors=True)


def empty_later(folder: Path) -> None:
    """Remove every file and link of `folder` (an old output) in the background, keeping its
    folders, then rename it `.output-spare-xxxxxxxx` for the next build (`new_staging`):
    a detached `find`, as `remove_later`'s `rm`; where there is no `sh` or `find`, the
    folder is removed (`remove_later`). A `find` that fails leaves it `.output-old-...`,
    which a later build removes."""
    sh = shutil.which("sh") if os.name == "posix" else None
    find = shutil.which("find") if sh else None
    mv = shutil.which("mv") if find else None
    spare = folder.with_name(f"{SPARE_PREFIX}{secrets.token_hex(4)}")
    script = '"$1" "$3" -mindepth 1 ! -type d -delete && "$2" -- "$3" "$4"'
    if not (mv and _detached([sh, "-c", script, "sh", find, mv, str(folder), str(spare)])):
        remove_later(folder)


def _detached(command: list[str]) -> bool:
    """Start `command` in its own session at the lowest priority (a build started
    meanwhile, the live preview's next save, gets the cores first), registered with this
    process's removals; False when it cannot be started."""
    _removals[:] = [process for process in _removals if process.poll() is None]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        return False
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, process.pid, 19)
    _removals.append(process)
    return True


def wait_for_removals(timeout: float | None = None) -> None:
    """Wait until the removals this process started are done (tests; the build does not)."""
    for process in list(_removals):
        process.wait(timeout)
    _removals.clear()


class FoldersMadeAside:
    """`folders` (paths relative to `root`, a new temporary folder) made by a separate
    `mkdir -p` while the build goes on: creating a folder waits for the file system (about
    50 µs each; at 5,000 articles, 10,000 folders in every build, about 0.6 s of the
    writers' time, while a core is idle during the reading). Nothing is made where there
    is no `xargs` (Windows): the build makes each folder as it writes into it, as always.
    `finish()` waits for it and removes those of the folders (and their parents) that
    the build left empty: the output holds only folders it wrote into, as a build without
    this."""

    def __init__(self, root: Path, folders, spare: bool = False) -> None:
        """`spare`: `root` may be a spare tree (new_staging), to be readied (`ready`)."""
        self.root = Path(root)
        inside = []
        for folder in folders:
            folder = os.path.normpath(folder)
            if not os.path.isabs(folder) and folder.split(os.sep)[0] != os.pardir:
                inside.append(folder)  # only inside `root` (the names come from the cache)
        made = _with_parents(inside)
        self.folders = sorted(made, key=lambda folder: (-folder.count(os.sep), folder))
        self.process = None
        self.child = None  # the forked process that readies a spare tree
        # A spare tree (new_staging): made ready before anything is written (`ready`).
        self.must_wait = spare and holds_more_than_marker(self.root)
        if self.must_wait:
            self._ready_spare(made)
            return
        xargs = shutil.which("xargs") if os.name == "posix" else None
        mkdir = shutil.which("mkdir") if xargs else None
        if not self.folders or not mkdir:
            return
        with contextlib.suppress(OSError), tempfile.TemporaryFile() as names:
            names.write(b"\0".join(f.encode("utf-8", "surrogateescape") for f in self.folders))
            names.seek(0)
            self.process = subprocess.Popen(
                [xargs, "-0", mkdir, "-p", "--"],
                cwd=self.root,
                stdin=names,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
            )

    def _ready_spare(self, keep: set[str]) -> None:
        """In a forked process (here where there is no fork): `_ready_tree`."""
        if not hasattr(os, "fork"):
            _ready_tree(self.root, keep, self.folders)
            return
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                _ready_tree(self.root, keep, self.folders)
                status = 0
            finally:
                os._exit(status)
        self.child = pid

    def ready(self) -> None:
        """Before anything is written into a spare tree: wait until it is ready. A spare
        that could not be readied fails the build (nothing is published)."""
        if self.child is None:
            return
        pid, self.child = self.child, None
        _, status = os.waitpid(pid, 0)
        if status != 0:
            raise OSError(f"folder sementara tidak bisa disiapkan (spare tree, status {status})")

    def wait(self) -> None:
        self.ready()
        if self.process is not None:
            self.process.wait()

    def finish(self, written=()) -> None:
        """Wait for the folders; remove those left empty, the deepest first. `written`: the
        files the build wrote (relative to `root`); their folders are not looked at."""
        spare = self.child is not None or self.must_wait
        self.wait()
        if self.process is None and not spare:
            return
        used = _with_parents(os.path.dirname(name) for name in written)
        for folder in self.folders:
            if folder not in used:
                with contextlib.suppress(OSError):  # not empty, or not made
                    os.rmdir(self.root / folder)


def _ready_tree(root: Path, keep: set[str], make: list[str]) -> None:
    """A spare tree as a new staging folder would be, with the folders `make` ready: every
    entry but a folder removed (the staging marker at the top stays), every folder not in
    `keep` removed, the deepest first, then the folders of `make` made."""
    base = os.fspath(root)
    for path, folders, names in os.walk(base, topdown=False, onerror=walk_error):
        relative = os.path.relpath(path, base)
        for name in names:
            if relative == "." and name == STAGING_MARKER:
                continue
            os.unlink(os.path.join(path, name))
        for name in folders:
            full = os.path.join(path, name)
            if os.path.islink(full):
                os.unlink(full)
            elif os.path.normpath(os.path.join(relative, name)) not in keep:
                with contextlib.suppress(OSError):  # a folder it keeps below: not empty
                    os.rmdir(full)
    for folder in make:  # (made from the deepest: parents come with them)
        os.makedirs(os.path.join(base, folder), exist_ok=True)


def walk_error(error: OSError) -> None:
    """os.walk's onerror where a folder that cannot be looked into must not be passed over
    (readying a spare tree, search.indexer's kept folders of links)."""
    raise error


def _with_parents(folders) -> set[str]:
    """The relative `folders` and every folder above them (not the top, "" or ".")."""
    found = set()
    for folder in folders:
        while folder not in ("", ".", os.sep) and folder not in found:
            found.add(folder)
            folder = os.path.dirname(folder)
    return found


def link_or_copy(source, target) -> None:
    """`target` as a hard link to `source` (the same file: nothing read or written), or a
    copy on a file system without hard links. Used for the pages and search index parts a
    build takes from the previous output: never write into such a file, replace it."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
