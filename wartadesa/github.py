"""Content problems in GitHub's own interface (used when GITHUB_ACTIONS=true).

- one annotation per problem: `::error file=content/berita/x.md,line=3::message`
  (GitHub's workflow command; shown on the file and line in commit and pull request
  views), warnings as `::warning ...`;
- an Indonesian summary of the run appended to $GITHUB_STEP_SUMMARY: what was
  published, or which files to fix.
"""

import os
import re

_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$", re.S)


def enabled(flag=None):
    """--github given, or running in GitHub Actions."""
    return bool(flag) or os.environ.get("GITHUB_ACTIONS") == "true"


def _data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text):
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(line, level="error"):
    """The workflow command for one `file:line: message` problem line."""
    match = _LOCATION.match(line)
    if not match:
        return f"::{level} title=Warta Desa::{_data(line)}"
    return (
        f"::{level} file={_property(match['file'])},line={match['line']},"
        f"title=Warta Desa::{_data(match['message'])}"
    )


def annotations(errors, warnings=()):
    return [annotation(line) for line in errors] + [annotation(w, "warning") for w in warnings]


def _cell(text):
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def problems_summary(errors, warnings=(), title="Situs belum diterbitkan"):
    """Markdown: the files to fix, one table row per problem."""
    rows, files = [], []
    for level, lines in (("galat", errors), ("peringatan", warnings)):
        for line in lines:
            match = _LOCATION.match(line)
            file, number, message = (
                (match["file"], match["line"], match["message"]) if match else ("", "", line)
            )
            if file and file not in files:
                files.append(file)
            rows.append(f"| {_cell(file) or '—'} | {number or '—'} | {level} | {_cell(message)} |")
    text = [f"## ❌ {title}", ""]
    if errors:
        text.append(
            f"Ada {len(errors)} galat di konten. Situs yang sudah terbit tidak berubah "
            "sampai semua galat diperbaiki. Perbaiki berkas berikut, lalu simpan "
            "(commit) lagi:"
        )
    else:
        text.append(f"Ada {len(warnings)} peringatan (situs tetap boleh terbit).")
    text.append("")
    text += [f"- `{_cell(file)}`" for file in files]
    text += ["", "| Berkas | Baris | Jenis | Masalah |", "| --- | --- | --- | --- |", *rows, ""]
    return "\n".join(text)


def published_summary(siteurl, articles=None, pages=None, warnings=()):
    """Markdown: what was built for publishing."""
    text = ["## ✅ Situs siap diterbitkan", ""]
    if siteurl:
        text.append(f"Alamat situs: {siteurl}/")
    counts = []
    if articles is not None:
        counts.append(f"{articles} berita")
    if pages is not None:
        counts.append(f"{pages} halaman")
    if counts:
        text.append(f"Isi: {', '.join(counts)}.")
    text.append("Langkah *deploy* berikutnya menerbitkannya ke GitHub Pages.")
    if warnings:
        text += ["", problems_summary([], warnings, title="Peringatan")]
    return "\n".join(text) + "\n"


def check_ok_summary(warnings=()):
    if warnings:
        return problems_summary([], warnings, title="Konten bisa diterbitkan, dengan peringatan")
    return "## ✅ Konten beres\n\nTidak ada masalah di konten.\n"


def write_summary(markdown):
    """Append to the job summary file ($GITHUB_STEP_SUMMARY), when there is one."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return False
    with open(path, "a", encoding="utf-8") as summary:
        summary.write(markdown.rstrip("\n") + "\n\n")
    return True


def report(errors, warnings=()):
    """Print the annotations (stdout, where GitHub reads workflow commands)."""
    for line in annotations(errors, warnings):
        print(line)
