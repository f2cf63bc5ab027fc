"""Common YAML mistakes get an Indonesian message with the fix (the parser's English in
brackets), at the line the operator must change: front matter and desa.yml alike."""

import pytest

from front_matter.errors import ContentError
from front_matter.source import read_source
from tests.sitetools import build_site
from villages.registry import load_registry
from wartadesa.build import BuildFailed

CASES = {
    # A title broken by Enter: joining the lines is the fix, not a new key "Tentang".
    "title-on-two-lines": (
        "judul: Rapat Desa\nTentang Anggaran 2025\ntanggal: 2024-06-05",
        3,
        "baris ini tampaknya lanjutan nilai di baris atasnya",
        "tulis nilainya di satu baris:  judul: Rapat Desa Tentang Anggaran 2025",
    ),
    "summary-on-two-lines": (
        "judul: Rapat\nringkasan: Warga dan BPD membahas\n2 rancangan.\ntanggal: 2024-06-05",
        4,
        "lanjutan nilai di baris atasnya",
        "ringkasan: Warga dan BPD membahas 2 rancangan.",
    ),
    "key-without-colon-stays-a-key": (
        "judul: Rapat Desa\ntanggal 2024-06-05",
        3,
        "tanda titik dua (:) tidak ada setelah 'tanggal'",
        "tulis  tanggal: 2024-06-05",
    ),
    "colon-in-title": (
        "judul: Rapat: hasil musdes\ntanggal: 2024-06-05",
        2,
        "ada titik dua (:) di tengah nilai",
        'judul: "Rapat: hasil musdes"',
    ),
    "no-space-after-colon": (
        "judul: Rapat\ntanggal:2024-06-05\nkategori: Umum",
        3,
        "tidak ada spasi sesudah titik dua pada 'tanggal:'",
        "tanggal: 2024-06-05",
    ),
    "no-space-first-key": (
        "judul:Rapat\ntanggal: 2024-06-05",
        2,
        "tidak ada spasi sesudah titik dua pada 'judul:'",
        "judul: Rapat",
    ),
    "no-space-after-dash": (
        "judul: Rapat\ntanggal: 2024-06-05\nlabel:\n  -musdes\n  - anggaran",
        5,
        "tidak ada spasi sesudah tanda -",
        "- musdes",
    ),
    "tab": ("judul: Rapat\n\ttanggal: 2024-06-05", 3, "ada karakter tab", "ganti tab dengan spasi"),
    "unclosed-double-quote": (
        'judul: "Rapat desa\ntanggal: 2024-06-05',
        2,
        'tanda kutip " dibuka di baris ini tetapi tidak ditutup',
        "tutup dengan",
    ),
    "unclosed-single-quote": (
        "tanggal: 2024-06-05\njudul: 'Rapat desa\nkategori: Umum",
        3,
        "tanda kutip ' dibuka",
        "tutup dengan '",
    ),
    "unclosed-bracket": (
        "judul: Rapat\nlabel: [musdes, anggaran\ntanggal: 2024-06-05",
        3,
        "kurung [ dibuka di baris ini tetapi tidak ditutup",
        "label: [musdes, anggaran]",
    ),
    "indented-key": (
        "judul: Rapat\n  tanggal: 2024-06-05\nkategori: Umum",
        3,
        "baris ini diawali spasi",
        "tanpa spasi di depannya",
    ),
    "indented-first-key": (
        "  judul: Rapat\ntanggal: 2024-06-05",
        3,
        "baris ini diawali spasi",
        "hapus spasi",
    ),
    "uneven-list": (
        "judul: Rapat\ntanggal: 2024-06-05\nlabel:\n  - a\n - b",
        6,
        "indentasi (spasi di awal baris) tidak rata",
        "sejajar",
    ),
    "text-after-quote": (
        'judul: "Rapat" desa\ntanggal: 2024-06-05',
        2,
        "ada teks sesudah tanda kutip penutup",
        "judul: 'Rapat \"Desa\" Hebat'",
    ),
    "starts-with-at": (
        "judul: @desa rapat\ntanggal: 2024-06-05",
        2,
        "nilai tidak boleh diawali '@' tanpa tanda kutip",
        'judul: "@desa rapat"',
    ),
    "starts-with-star": (
        "judul: *penting* rapat\ntanggal: 2024-06-05",
        2,
        "nilai tidak boleh diawali '*'",
        'judul: "*penting* rapat"',
    ),
    "no-colon": (
        "judul: Rapat\ntanggal: 2024-06-05\nkategori Pembangunan\ndesa: Binangun",
        4,
        "tanda titik dua (:) tidak ada setelah 'kategori'",
        "tulis  kategori: Pembangunan",
    ),
    "semicolon-for-colon": (
        "judul: Rapat\nkategori; Pembangunan\ntanggal: 2024-06-05",
        3,
        "tanda titik dua (:) tidak ada setelah 'kategori'",
        "tulis  kategori: Pembangunan",
    ),
    "equals-for-colon": (
        "judul: Rapat\nkategori = Pembangunan\ntanggal: 2024-06-05",
        3,
        "tanda titik dua (:) tidak ada setelah 'kategori'",
        "tulis  kategori: Pembangunan",
    ),
    # the last key: the message names its line, not the closing ---
    "no-colon-last-key": (
        "judul: Rapat\ntanggal: 2024-06-05\npenulis Operator Desa",
        4,
        "tanda titik dua (:) tidak ada setelah 'penulis'",
        "tulis  penulis: Operator Desa",
    ),
    "no-colon-first-key": (
        "judul Rapat desa\ntanggal: 2024-06-05",
        2,
        "tanda titik dua (:) tidak ada setelah 'judul'",
        "tulis  judul: Rapat desa",
    ),
    "non-breaking-space": (
        "judul: Rapat\nkategori:\u00a0Pembangunan\ntanggal: 2024-06-05",
        3,
        "ada spasi tak-putus (non-breaking space, U+00A0)",
        "tulis  kategori: Pembangunan",
    ),
    "curly-quotes-around-a-colon": (  # the operator did quote it, with Word's quotes
        "judul: \u201cKerja Bakti: Warga Krajan\u201d\ntanggal: 2024-07-05",
        2,
        "tanda kutip \u201c (kutip miring dari Word atau ponsel) bukan tanda kutip YAML",
        'pakai tanda kutip lurus " ", misalnya  judul: "Kerja Bakti: Warga Krajan"',
    ),
    "non-breaking-space-last-key": (
        "judul: Rapat\ntanggal: 2024-06-05\nkategori:\u00a0Pembangunan",
        4,
        "ada spasi tak-putus (non-breaking space, U+00A0)",
        "tulis  kategori: Pembangunan",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_front_matter_mistakes(tmp_path, name):
    yaml_text, line, message, hint = CASES[name]
    path = tmp_path / f"{name}.md"
    path.write_text(f"---\n{yaml_text}\n---\nIsi.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    error = caught.value
    assert error.line == line, str(error)
    assert message in error.message and hint in error.hint, str(error)
    assert "(YAML: " in error.message or "spasi sesudah" in error.message


def test_the_build_shows_the_translated_line(tmp_path):
    article = tmp_path / "content" / "berita" / "rapat.md"
    article.parent.mkdir(parents=True)
    article.write_text(
        "---\njudul: Rapat: hasil musdes\ntanggal: 2024-06-05\n---\nIsi.\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=tmp_path / "content")
    [line] = [p for p in failed.value.problems if "rapat.md" in p]
    assert line.startswith(
        f"{article}:2: YAML front matter tidak valid: ada titik dua (:) di tengah "
        "nilai (YAML: mapping values are not allowed"
    )


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("- nama: Saringembat\n  kecamatan:Singgahan\n", 2, "tidak ada spasi sesudah titik dua"),
        ("- nama: Saringembat\n   kecamatan: Singgahan\n", 2, "baris ini diawali spasi"),
        ("- nama: 'Saringembat\n  kecamatan: Singgahan\n", 1, "tanda kutip ' dibuka"),
        ("- kode: 35.23.07.2005\n\t- kode: 35.23.07.2011\n", 2, "ada karakter tab"),
        (
            "- nama: Saringembat\n  kecamatan Singgahan\n- nama: Binangun\n",
            2,
            "tanda titik dua (:) tidak ada setelah 'kecamatan'",
        ),
        ("- nama: Saringembat\n  kecamatan:\u00a0Singgahan\n", 2, "spasi tak-putus"),
        ("- nama: Saringembat #2\n  kecamatan: Singgahan\n", 1, "('#2') dianggap catatan"),
    ],
)
def test_registry_mistakes_use_the_same_messages(tmp_path, text, line, message):
    path = tmp_path / "desa.yml"
    path.write_text(text, encoding="utf-8")
    [error] = load_registry(path).errors
    assert error.line == line and message in error.message, str(error)


@pytest.mark.parametrize(
    "yaml_text, line, lost, fixed",
    [
        (
            "judul: Kerja Bakti #2 Dusun Krajan\ntanggal: 2024-07-05",
            2,
            "'#2 Dusun Krajan'",
            'judul: "Kerja Bakti #2 Dusun Krajan"',
        ),
        (
            "judul: #2 Kerja Bakti\ntanggal: 2024-07-05",
            2,
            "'#2 Kerja Bakti'",
            'judul: "#2 Kerja Bakti"',
        ),
        ('judul: Rapat "Desa" #2\ntanggal: 2024-07-05', 2, "'#2'", "judul: 'Rapat \"Desa\" #2'"),
        (
            "judul: Rapat\ntanggal: 2024-07-05\nlabel:\n  - musdes #2\n  - anggaran",
            5,
            "'#2'",
            '- "musdes #2"',
        ),
    ],
    ids=["title", "title-starts-with-hash", "title-with-quotes", "list-item"],
)
def test_a_hash_after_a_space_would_cut_the_value(tmp_path, yaml_text, line, lost, fixed):
    path = tmp_path / "b.md"
    path.write_text(f"---\n{yaml_text}\n---\nIsi.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    error = caught.value
    assert error.line == line, str(error)
    assert lost in error.message and "hilang" in error.message, str(error)
    assert error.hint.endswith(fixed), str(error)


def test_comments_that_cut_nothing_stay_allowed(tmp_path):
    path = tmp_path / "b.md"
    path.write_text(
        "---\n# catatan operator\njudul: 'Kerja Bakti #2' # quoted: nothing is cut\n"
        "tanggal: 2024-07-05\nkategori: Kerja#2\n---\nIsi.\n",
        encoding="utf-8",
    )
    meta = read_source(path).meta
    assert (meta["title"], meta["category"]) == ("Kerja Bakti #2", "Kerja#2")


def _readme_front_matters():
    """Every ```yaml block of the README that is a whole front matter (opens with ---)."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    return [
        "\n".join(line.strip() for line in block.splitlines()) + "\n"
        for block in blocks
        if block.lstrip().startswith("---\n")
    ]


def test_the_readmes_front_matter_examples_read_as_written(tmp_path):
    """Copied as written, notes at the ends of lines (`  # catatan`) included, each front
    matter example of the README reads without an error, and a note is not in a value."""
    examples = _readme_front_matters()
    assert len(examples) >= 3 and sum("  # " in e for e in examples) >= 2
    for number, example in enumerate(examples):
        path = tmp_path / f"contoh-{number}.md"
        path.write_text(example + "Isi.\n", encoding="utf-8")
        meta = read_source(path).meta
        assert not any("#" in str(value) for value in meta.values()), (example, meta)


def test_the_readmes_data_file_examples_read_as_written():
    """situs.yml, desa.yml, data/*.yml and APBDes examples, notes at the ends of lines
    included, pass the data files' YAML checks as copied."""
    import re
    from pathlib import Path

    from front_matter.yaml_errors import compose_yaml

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    blocks = [
        block
        for block in re.findall(r"```yaml\n(.*?)```", readme, re.S)
        if not block.lstrip().startswith("---")
    ]
    assert len(blocks) >= 8 and sum("  # " in b for b in blocks) >= 4
    for block in blocks:
        compose_yaml("contoh.yml", block)


@pytest.mark.parametrize(
    "line, value",
    [
        ("tanggal: 2024-07-05 09:00   # jam boleh tidak ditulis", "2024-07-05 09:00"),
        ("tanggal: 2024-07-05\t# catatan sesudah tab", "2024-07-05"),
        ("tanggal: 2024-07-05  #", "2024-07-05"),
    ],
)
def test_a_note_after_two_blanks_is_a_note(tmp_path, line, value):
    path = tmp_path / "b.md"
    path.write_text(f"---\njudul: Rapat\n{line}\n---\nIsi.\n", encoding="utf-8")
    assert str(read_source(path).meta["date"]) == value


@pytest.mark.parametrize(
    "line, hint",
    [
        (
            "judul: Rapat # catatan",
            "bila itu catatan, beri dua spasi sebelum #:  judul: Rapat  # catatan  — bila bukan, "
            'beri tanda kutip pada seluruh nilainya:  judul: "Rapat # catatan"',
        ),
        (
            "judul: Kerja Bakti  #2",
            'beri tanda kutip pada seluruh nilainya:  judul: "Kerja Bakti  #2"',
        ),
    ],
    ids=["one-space", "two-spaces-glued"],
)
def test_a_hash_that_is_no_note_is_still_refused(tmp_path, line, hint):
    """One space before `# ` may be a note or part of the value: both fixes are shown. A `#`
    glued to a word (`#2`) is never a note, even after two spaces."""
    path = tmp_path / "b.md"
    path.write_text(f"---\n{line}\ntanggal: 2024-07-05\n---\nIsi.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    assert caught.value.line == 2 and "hilang" in caught.value.message, str(caught.value)
    assert caught.value.hint == hint


@pytest.mark.parametrize(
    "text, cut",
    [
        ("nama: Desa Binangun\ndesa: 35.23.07.2005  # kode resmi\n", None),  # README's example
        # One space before `#`: the rest is lost (an address lost "RT 02"); a note takes two
        (
            "nama: Desa Binangun\nalamat: Jl. Raya No. 1 # RT 02 RW 01\n",
            (2, 'beri tanda kutip pada seluruh nilainya:  alamat: "Jl. Raya No. 1 # RT 02 RW 01"'),
        ),
        ("nama: Desa Binangun  # situs resmi\n", None),
        ("nama: Desa Binangun\nsitus:  # nanti diisi\n", None),  # nothing written: nothing lost
        ("nama: 'Posyandu #2'\n", None),
        ("# nama: Posyandu #2\n", None),
        ("nama: Posyandu Melati #2\n", (1, 'nama: "Posyandu Melati #2"')),
        ("menu:\n  - judul: Kegiatan #gotongroyong\n", (2, '- judul: "Kegiatan #gotongroyong"')),
    ],
)
def test_data_files_lose_no_text_to_a_hash(text, cut):
    """In situs.yml, desa.yml and data/*.yml, as in front matter, `  # catatan` after two
    blanks ends a line as a note (the kit's examples do it); a `#` after one space, or glued
    to a word (`#2`), would take the rest of the value: an error."""
    from front_matter.yaml_errors import compose_yaml

    if cut is None:
        compose_yaml("situs.yml", text)
        return
    with pytest.raises(ContentError) as caught:
        compose_yaml("situs.yml", text)
    assert caught.value.line == cut[0], str(caught.value)
    assert "hilang" in caught.value.message and caught.value.hint.endswith(cut[1])


@pytest.mark.parametrize(
    "name, text, line, fixed",
    [
        (
            "situs.yml",
            "nama: Warta Binangun\nslogan Kabar dari desa\n",
            2,
            "slogan: Kabar dari desa",
        ),
        (
            "data/apbdes/2024.yml",
            "tahun: 2024\npendapatan:\n  - uraian: Dana Desa\n    anggaran 1000000\n",
            4,
            "anggaran: 1000000",
        ),
    ],
)
def test_a_missing_colon_in_a_data_file_names_its_own_line(name, text, line, fixed):
    from front_matter.yaml_errors import compose_yaml

    with pytest.raises(ContentError) as caught:
        compose_yaml(name, text)
    assert caught.value.line == line, str(caught.value)
    assert "tanda titik dua (:) tidak ada" in caught.value.message
    assert caught.value.hint.endswith(fixed), str(caught.value)


def test_merged_items_finds_each_lost_dash():
    """Three officials in one mapping: two lost dashes, each named at its own line."""
    from front_matter.yaml_errors import merged_items

    keys = [("nama", 2, "A"), ("jabatan", 3, "X"), ("nama", 4, "B"), ("foto", 5, "")]
    keys += [("jabatan", 6, "Y"), ("nama", 7, "C"), ("jabatan", 8, "Z")]
    problems = merged_items(keys, "orang")
    assert [line for line, _m, _h in problems] == [4, 7]
    assert problems[1][1].startswith("'nama' ditulis dua kali dalam satu orang (baris 4 dan 7)")
    assert problems[1][2].startswith("setiap orang diawali tanda `- `: tulis  - nama: C  di")
    assert merged_items([("nama", 2, "A"), ("jabatan", 3, "X")], "orang") == []


@pytest.mark.parametrize(
    "written, known, meant",
    [
        ("expires", ["judul", "tanggal", "berlaku_sampai"], "berlaku_sampai"),
        ("Description", ["judul", "ringkasan"], "ringkasan"),
        ("description", ["judul", "uraian"], "uraian"),
        ("source", ["sumber", "keterangan"], "sumber"),
        ("venue", ["judul", "mulai"], None),  # `tempat` is not a key of this file
        ("judl", ["judul", "tanggal"], "judul"),  # spelling still counts
    ],
)
def test_an_english_key_is_told_its_indonesian_name(written, known, meant):
    """`expires`, `description`, `source` are nothing like berlaku_sampai, ringkasan,
    sumber in spelling: they got no suggestion."""
    from front_matter.keys import closest_key

    assert closest_key(written, known) == meant


def test_an_english_key_in_front_matter_gets_the_key_it_means(tmp_path):
    path = tmp_path / "pengumuman.md"
    path.write_text(
        "---\njudul: Ronda\ntanggal: 2024-07-09\nexpires: 2024-07-30\n---\nIsi.\n", encoding="utf-8"
    )
    [warning] = read_source(path).warnings
    assert warning.line == 4 and warning.hint == "maksud Anda 'berlaku_sampai'?", str(warning)


def test_every_value_a_hash_cuts_is_told_at_once_with_the_fix_that_fits(tmp_path):
    """Three cut values were told one build at a time; a date or a flag cannot hold ` # `,
    so the quotes' fix (which then fails as a date) is not offered for them."""
    path = tmp_path / "pengumuman.md"
    path.write_text(
        "---\njudul: Jadwal Posyandu #1 Tahun 2025\ntanggal: 2025-02-10 # tanggal surat\n"
        "penting: true # tampil paling atas\n---\nIsi.\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        read_source(path)
    told = [caught.value, *caught.value.also]
    assert [(e.line, e.hint) for e in told] == [
        (2, 'beri tanda kutip pada seluruh nilainya:  judul: "Jadwal Posyandu #1 Tahun 2025"'),
        (3, "catatan ditulis sesudah dua spasi:  tanggal: 2025-02-10  # tanggal surat"),
        (4, "catatan ditulis sesudah dua spasi:  penting: true  # tampil paling atas"),
    ]


def test_a_build_reports_every_cut_value(tmp_path):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "berita" / "rapat.md").write_text(
        "---\njudul: Rapat #2\ntanggal: 2025-02-10 # catatan\n---\nIsi.\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert [p.split("rapat.md:", 1)[1][:2] for p in failed.value.problems] == ["2:", "3:"]


# A double-quoted YAML escape writes a character the file's own text may not hold: the
# value YAML decodes is checked too (feeds would be ill-formed XML, or the build would stop
# with Pelican's "Control characters are not supported in XML 1.0" and no file:line).
ESCAPED = [
    # (YAML text, line of the escape in that text, U+XXXX, escape as written, key)
    ('judul: "Rapat Desa\\uFFFE"\ntanggal: 2024-08-01', 1, "U+FFFE", "\\uFFFE", "judul"),
    ('tanggal: 2024-08-01\njudul: "Rapat Desa\\x01"', 2, "U+0001", "\\x01", "judul"),
    ('judul: "Rapat\\0 Desa"\ntanggal: 2024-08-01', 1, "U+0000", "\\0", "judul"),
    ('judul: "Rapat\\x0b Desa"\ntanggal: 2024-08-01', 1, "U+000B", "\\x0b", "judul"),
    ('tanggal: 2024-08-01\njudul: Rapat\npenulis: "Budi\\e[31m"', 3, "U+001B", "\\e", "penulis"),
    ('judul: "Rapat é 😀\\N Desa"\ntanggal: 2024-08-01', 1, "U+0085", "\\N", "judul"),
    (
        'judul: Rapat\ntanggal: 2024-08-01\nlabel:\n  - musdes\n  - "rt\\u0007"',
        5,
        "U+0007",
        "\\u0007",
        "label",
    ),
    (
        'judul: Rapat\nringkasan: "Warga hadir\n  di balai \\U0001FFFF desa"\ntanggal: 2024-08-01',
        3,
        "U+1FFFF",
        "\\U0001FFFF",
        "ringkasan",
    ),
]
ESCAPED_IDS = [
    "noncharacter-in-title",
    "control-in-title",
    "nul",
    "vertical-tab",
    "terminal-colour-in-author",
    "c1-after-emoji",
    "list-item",
    "second-line-of-a-value",
]


@pytest.mark.parametrize("yaml_text, line, code, escape, key", ESCAPED, ids=ESCAPED_IDS)
def test_an_escape_for_a_forbidden_character_in_front_matter_is_refused(
    tmp_path, yaml_text, line, code, escape, key
):
    path = tmp_path / "2024-08-01-rapat.md"
    path.write_text(f"---\n{yaml_text}\n---\nIsi.\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    error = caught.value
    assert error.line == line + 1, str(error)  # the file's line: `---` is line 1
    assert error.message == (
        f"karakter kendali atau bukan-karakter {code} tidak boleh ada (control character): "
        f"nilai '{key}' menuliskannya dengan kode {escape}"
    )
    assert error.hint.startswith(f"hapus kode {escape} itu dari nilainya")


@pytest.mark.parametrize("yaml_text, line, code, escape, key", ESCAPED, ids=ESCAPED_IDS)
def test_an_escape_for_a_forbidden_character_in_a_data_file_is_refused(
    yaml_text, line, code, escape, key
):
    from front_matter.yaml_errors import compose_yaml

    with pytest.raises(ContentError) as caught:
        compose_yaml("data/profil.yml", yaml_text)
    assert str(caught.value).startswith(
        f"data/profil.yml:{line}: karakter kendali atau bukan-karakter {code} tidak boleh ada "
        f"(control character): nilai '{key}' menuliskannya dengan kode {escape} — hapus kode "
        f"{escape} itu dari nilainya"
    )


@pytest.mark.parametrize(
    "yaml_text",
    [
        'judul: "Rapat\\tDesa"\nringkasan: "Baris satu\\nbaris dua"',  # tab, newline: allowed
        'judul: "Rapat \\\\x01 Desa"',  # a backslash, then the text x01
        "judul: 'Rapat \\x01 Desa'\nringkasan: Rapat \\uFFFE",  # no escapes outside \"...\"
        'judul: "Rapat\\x20Desa \\_ \\u00e9 \\L"',  # space, no-break space, é, line separator
        "judul: |\n  Rapat \\x01 Desa",  # a block is text as written
    ],
    ids=["tab-and-newline", "escaped-backslash", "not-double-quoted", "visible", "block"],
)
def test_escapes_for_allowed_characters_stay_allowed(tmp_path, yaml_text):
    from front_matter.yaml_errors import compose_yaml

    path = tmp_path / "2024-08-01-rapat.md"
    path.write_text(f"---\n{yaml_text}\ntanggal: 2024-08-01\n---\nIsi.\n", encoding="utf-8")
    read_source(path)
    compose_yaml("situs.yml", yaml_text)


def test_an_escaped_key_and_an_alias_loop_are_walked_once(tmp_path):
    from front_matter.yaml_errors import compose_yaml

    with pytest.raises(ContentError) as caught:
        compose_yaml("situs.yml", 'nama: Desa\n"ala\\x01mat": Jl. Raya')
    assert caught.value.line == 2 and "U+0001" in caught.value.message
    assert "nama kunci menuliskannya dengan kode \\x01" in caught.value.message
    with pytest.raises(ContentError) as caught:
        compose_yaml("situs.yml", 'menu: &m\n  - *m\n  - "Beranda\\uFFFF"')
    assert caught.value.line == 3 and "U+FFFF" in caught.value.message
