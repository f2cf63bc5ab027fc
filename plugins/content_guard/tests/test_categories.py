"""Unknown categories when the site fixes its list (CATEGORIES), with the closest names."""

import textwrap

from content_guard.categories import closest
from wartadesa.check import check

ALLOWED = ["Pemerintahan", "Pembangunan", "Kesehatan", "Pendidikan dan Pelatihan"]


def write(folder, name, text):
    path = folder / "berita" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def test_closest_names_ignore_case():
    assert closest("pemerintahan", ALLOWED)[0] == "Pemerintahan"
    assert closest("Pendidikan", ALLOWED) == ["Pendidikan dan Pelatihan"]
    assert closest("Olahraga", ALLOWED) == []


def test_categories_from_the_list_pass_and_others_are_named(tmp_path):
    content = tmp_path / "content"
    write(content, "a.md", "---\njudul: A\ntanggal: 2024-06-05\nkategori: Kesehatan\n---\nA.\n")
    write(content, "b.md", "---\njudul: B\ntanggal: 2024-06-05\nkategori: kesehatan\n---\nB.\n")
    write(content, "c.md", "---\njudul: C\ntanggal: 2024-06-05\n---\nC.\n")
    write(content, "d.md", "---\njudul: D\ntanggal: 2024-06-05\nkategori: Olahraga\n---\nD.\n")
    errors, warnings = check(content=content, overrides={"CATEGORIES": ALLOWED})
    listed = "Pemerintahan, Pembangunan, Kesehatan, Pendidikan dan Pelatihan"
    assert [e.split("/berita/", 1)[1] for e in errors] == [
        f"b.md:4: kategori 'kesehatan' tidak ada dalam daftar kategori situs (unknown category) "
        f"— maksud Anda 'Kesehatan'? pilih salah satu: {listed} (daftar ada di CATEGORIES, "
        "pelicanconf.py)",
        "c.md:1: kategori belum diisi; situs ini hanya memakai kategori tertentu (missing "
        f"category) — tambahkan baris  kategori: …  dengan salah satu dari: {listed}",
        "d.md:4: kategori 'Olahraga' tidak ada dalam daftar kategori situs (unknown category) "
        f"— pilih salah satu: {listed} (daftar ada di CATEGORIES, pelicanconf.py)",
    ]
    assert warnings == []


def test_without_a_list_any_category_is_fine(tmp_path):
    content = tmp_path / "content"
    write(content, "d.md", "---\njudul: D\ntanggal: 2024-06-05\nkategori: Olahraga\n---\nD.\n")
    assert check(content=content) == ([], [])
