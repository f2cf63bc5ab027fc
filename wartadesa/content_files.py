"""Before Pelican reads anything: every entry of the content folder must be a plain file
or folder inside it.

Pelican follows symbolic links (os.walk(followlinks=True)) and copies what they point at:
a link to a file outside the project (on CI, a secret) would be published, a link to a
folder above would be walked for ever. A named pipe or a device would block the reader.
Each is reported as `path:1: message`; nothing is read or followed.
"""

import fnmatch
import os

from front_matter.errors import ContentError

SYMLINK_HINT = (
    "salin berkas aslinya ke dalam folder content/ (jangan pakai tautan simbolik), "
    "atau hapus tautannya"
)


def _inside(path, root):
    return path == root or path.startswith(root + os.sep)


def _ignored(name, patterns):
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def symlink_problem(path: str, root: str) -> ContentError | None:
    """A ContentError for a symlink that leaves `root`, is broken or loops; else None."""
    target = os.path.realpath(path)
    shown = os.readlink(path)
    if not os.path.exists(path):
        return ContentError(
            path,
            1,
            f"tautan simbolik (symlink) ke '{shown}' tidak menunjuk ke apa pun (broken symlink)",
            SYMLINK_HINT,
        )
    if not _inside(target, root):
        return ContentError(
            path,
            1,
            f"tautan simbolik (symlink) ke '{shown}' menunjuk ke luar folder konten; "
            "berkas di luar content/ tidak diterbitkan (symlink leaves the content folder)",
            SYMLINK_HINT,
        )
    parent = os.path.realpath(os.path.dirname(path))
    if os.path.isdir(path) and _inside(parent, target):
        return ContentError(
            path,
            1,
            f"tautan simbolik (symlink) ke '{shown}' menunjuk ke folder di atasnya: "
            "isinya akan dibaca berulang tanpa akhir (symlink loop)",
            "hapus tautan itu",
        )
    return None


def content_file_problems(content, ignore=()):
    """ContentErrors for every symlink leaving `content`, broken or looping, every entry
    that is neither a file nor a folder, and every folder that cannot be read. Files
    Pelican ignores are checked too (plugins read desa.yml); only broken links with an
    ignored name (an editor's lock file) are left alone."""
    root = os.path.realpath(content)
    problems = []

    def unreadable(error):
        problems.append(
            ContentError(
                error.filename,
                1,
                f"folder tidak bisa dibaca: {error.strerror} (cannot read)",
                "periksa izin folder itu (chmod/chown)",
            )
        )

    for folder, dirs, files in os.walk(root, onerror=unreadable):  # never follows links
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                if _ignored(name, ignore) and not os.path.exists(path):
                    continue  # an editor's lock file (.#name -> user@host.pid): never read
                problem = symlink_problem(path, root)
                if problem:
                    problems.append(problem)
            elif not (os.path.isfile(path) or os.path.isdir(path)):
                problems.append(
                    ContentError(
                        path,
                        1,
                        "bukan berkas biasa (pipe, socket atau perangkat) (not a regular file)",
                        "hapus entri itu dari folder content/",
                    )
                )
    return problems


def check_content_files(settings: dict) -> list[str]:
    """Operator lines for the content folder of `settings` (empty when all is well)."""
    path = settings["PATH"]
    if not os.path.isdir(path):
        return []
    return [
        str(problem) for problem in content_file_problems(path, settings.get("IGNORE_FILES", ()))
    ]
