"""The `foto:` list without a build: how front_matter reads it (each entry with its line)
and every message of entries.check, with its line."""

import pytest
from album_files import jpeg

from front_matter.errors import ContentError
from front_matter.source import read_source
from gallery import entries


def album(tmp_path, front, files=("a.jpg",)):
    folder = tmp_path / "galeri" / "x"
    folder.mkdir(parents=True)
    for name in files:
        (folder / name).write_bytes(jpeg(64, 48) if name.endswith(".jpg") else b"teks")
    index = folder / "index.md"
    index.write_text(f"---\njudul: X\ntanggal: 2024-01-01\n{front}---\n", encoding="utf-8")
    return index


def test_entries_keep_their_lines(tmp_path):
    index = album(
        tmp_path,
        "foto:\n  - berkas: a.jpg\n    keterangan: Satu\n"
        "  - {file: b.jpg, caption: Dua, alt: Dua orang}\n",
        ("a.jpg", "b.jpg"),
    )
    source = read_source(index)
    assert source.lines["photos"] == 4
    found, problems = entries.check(str(index), source.meta["photos"], 4)
    assert problems == []
    assert [(e.file, e.caption, e.alt, e.line) for e in found] == [
        ("a.jpg", "Satu", "Satu", 5),
        ("b.jpg", "Dua", "Dua orang", 7),
    ]


@pytest.mark.parametrize(
    "front, line, message",
    [
        ("foto: a.jpg\n", 4, "'foto' harus berupa daftar, satu '- berkas: ...' per foto"),
        ("foto:\n  - berkas: [a.jpg]\n", 5, "isi 'foto' hanya boleh berupa teks"),
        (
            "foto:\n  - berkas: a.jpg\n    berkas: b.jpg\n",
            6,
            "'berkas' ditulis dua kali dalam satu foto (baris 5 dan 6): tampaknya tanda `- ` di "
            "awal baris 6 terlupa",
        ),
    ],
)
def test_malformed_lists_are_file_line_errors(tmp_path, front, line, message):
    index = album(tmp_path, front)
    with pytest.raises(ContentError) as error:
        read_source(index)
    assert f"index.md:{line}: {message}" in str(error.value)


@pytest.mark.parametrize(
    "front, files, line, message, severity",
    [
        (
            "foto:\n  - berkas: a.jpg\n    keterangn: A\n    alt: A\n",
            ("a.jpg",),
            6,
            "kunci 'keterangn' tidak dikenal di daftar foto (unknown key) — maksud Anda 'keterangan'?",
            "warning",
        ),
        (
            "foto:\n  - berkas: a.jpg\n    alt: A\n  - berkas: a.jpg\n    alt: B\n",
            ("a.jpg",),
            7,
            "foto 'a.jpg' sudah tercantum di baris 5 (photo listed twice)",
            "error",
        ),
        (
            "foto:\n  - berkas: ../a.jpg\n    alt: A\n",
            ("a.jpg",),
            5,
            "berkas '../a.jpg': tulis nama berkas saja, tanpa folder (file name only)",
            "error",
        ),
        (
            "foto:\n  - berkas: catatan.txt\n    alt: A\n",
            ("catatan.txt",),
            5,
            "berkas 'catatan.txt' bukan foto (not an image)",
            "error",
        ),
        ("foto:\n  - keterangan: A\n", (), 5, "foto tanpa 'berkas' (missing file name)", "error"),
    ],
)
def test_entry_problems(tmp_path, front, files, line, message, severity):
    index = album(tmp_path, front, files)
    source = read_source(index)
    _found, problems = entries.check(str(index), source.meta["photos"], 4)
    assert [(p.line, p.severity) for p in problems if message in str(p)] == [(line, severity)], [
        str(p) for p in problems
    ]
