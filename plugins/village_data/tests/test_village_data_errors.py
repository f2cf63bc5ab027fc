"""Every mistake in a data file stops the build with `file:line: message` (all reported
together, by one real build), plus the readers' own cases on small files."""

import datetime as dt
import os
import textwrap

import pytest

from tests.sitetools import build_site
from village_data.dokumen import read_documents
from village_data.idm import BANDS, read_idm, status_of
from village_data.yamldata import DataReader
from wartadesa.build import BuildFailed

SETTINGS = {"STATIC_PATHS": ["images", "files", "extra"]}


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def problems(tmp_path_factory):
    content = tmp_path_factory.mktemp("village-data-errors")
    write(content, "desa.yml", "- kode: 35.23.07.2005\n")
    write(
        content,
        "berita/a.md",
        """
        ---
        title: Berita
        date: 2024-03-01 09:00
        category: Pemerintahan
        ---
        Isi berita.
        """,
    )
    write(content, "files/ada.pdf", "%PDF-1.4\n")
    write(
        content,
        "data/idm.yml",
        """
        data:
          - tahun: 2023
            idm: 1.3
            status: Mandiri
          - tahun: 2024
            idm: 0.7000
            status: Maju
          - tahun: 2021
            idm: 0.65
            iks: 0.8
            ike: 0.5
            ikl: 0.5
            status: Berkembang
          - tahun: 2022
            idm: 0.7
            status: Berkembang
            nilai: 3
        """,
    )
    write(
        content,
        "data/dokumen.yml",
        """
        dokumen:
          - judul: Perdes yang berkasnya hilang
            jenis: Perdes
            tahun: 2024
            berkas: files/tidak-ada.pdf
            klasifikasi: berkala
          - judul: Jenis salah
            jenis: Perdess
            tahun: 2024
            berkas: files/ada.pdf
            klasifikasi: berkala
          - judul: Klasifikasi salah
            jenis: Perkades
            tahun: 2024
            berkas: files/ada.pdf
            klasifikasi: rahasia
          - judul: Di luar content
            jenis: Lainnya
            tahun: 2024
            berkas: ../pelicanconf.py
            klasifikasi: berkala
          - judul: Tahun bukan angka
            jenis: Lainnya
            tahun: dua ribu
            berkas: files/ada.pdf
            klasifikasi: berkala
        """,
    )
    write(
        content,
        "data/aparatur.yml",
        """
        pemerintah_desa:
          - nama: Budi
            jabatn: Kepala Desa
          - nama: Sari
            jabatan: Sekretaris Desa
            masa_jabatan: 2025-2019
          - nama: Tono
            jabatan: Kaur
            foto: images/tidak-ada.jpg
        """,
    )
    write(
        content,
        "data/profil.yml",
        """
        batas_wilayah:
          utara: Desa A
          selatan: Desa B
          timur: Desa C
        jumlah_rt: dua puluh
        penduduk:
          laki_laki: 100
          perempuan: 100
          kelompok_umur:
            - umur: 0-14
              laki_laki: 40
              perempuan: 100
            - umur: 15+
              laki_laki: 50
              perempuan: 10
        """,
    )
    write(content, "data/desa/tidak-ada/idm.yml", "data: []\n")
    write(content, "data/desa/binangun/profil.yml", "visi:tanpa spasi\n")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path_factory.mktemp("village-data-out") / "output", content=content)
    prefix = str(content) + os.sep
    return [p.replace(prefix, "") for p in failed.value.problems]


def one(problems, start, fragment):
    found = [p for p in problems if p.startswith(start) and fragment in p]
    assert len(found) == 1, (start, fragment, problems)
    return found[0]


def test_idm_score_outside_0_1(problems):
    line = one(problems, "data/idm.yml:3:", "'idm' bernilai 1.3, di luar rentang 0–1")
    assert "antara 0 dan 1" in line


def test_idm_status_outside_its_band(problems):
    line = one(problems, "data/idm.yml:7:", "status 'Maju' tidak sesuai nilai IDM 0,7000")
    assert "berstatus Berkembang (> 0,5989 s.d. 0,7072)" in line
    assert "status: Berkembang" in line


def test_idm_not_the_mean_of_its_indices(problems):
    one(problems, "data/idm.yml:9:", "IDM 0,6500 bukan rata-rata IKS, IKE dan IKL (0,6000)")


def test_unknown_key_in_idm(problems):
    one(problems, "data/idm.yml:17:", "kunci 'nilai' tidak dikenal di data IDM")


def test_missing_document_file(problems):
    line = one(problems, "data/dokumen.yml:5:", "berkas 'files/tidak-ada.pdf' tidak ada")
    assert "maksud Anda 'files/ada.pdf'?" in line


def test_unknown_document_type(problems):
    line = one(problems, "data/dokumen.yml:8:", "jenis 'Perdess' tidak dikenal")
    assert "maksud Anda 'Perdes'?" in line and "LKPPD" in line


def test_unknown_information_class(problems):
    line = one(problems, "data/dokumen.yml:16:", "klasifikasi 'rahasia' tidak dikenal")
    assert "berkala, serta merta, setiap saat" in line


def test_document_outside_content(problems):
    one(problems, "data/dokumen.yml:20:", "harus berada di salah satu folder")


def test_document_year_not_a_number(problems):
    one(problems, "data/dokumen.yml:24:", "'tahun' harus berupa bilangan bulat, bukan 'dua ribu'")


def test_officials_unknown_key_and_missing_key(problems):
    line = one(problems, "data/aparatur.yml:3:", "kunci 'jabatn' tidak dikenal")
    assert "maksud Anda 'jabatan'?" in line
    one(problems, "data/aparatur.yml:2:", "aparatur tanpa 'jabatan'")


def test_officials_term_and_missing_photo(problems):
    one(problems, "data/aparatur.yml:6:", "masa_jabatan '2025-2019' berakhir sebelum dimulai")
    one(problems, "data/aparatur.yml:9:", "foto 'images/tidak-ada.jpg' tidak ada")


def test_profile_problems(problems):
    one(problems, "data/profil.yml:2:", "batas_wilayah tanpa 'barat'")
    one(problems, "data/profil.yml:5:", "'jumlah_rt' harus berupa bilangan bulat")
    one(problems, "data/profil.yml:7:", "jumlah laki-laki per kelompok umur (90) tidak sama")


def test_unknown_village_folder(problems):
    line = one(problems, "data/desa/tidak-ada:1:", "folder desa 'tidak-ada' tidak ada di desa.yml")
    assert "binangun" in line


def test_yaml_syntax_in_a_village_file(problems):
    one(problems, "data/desa/binangun/profil.yml:1:", "tidak ada spasi sesudah titik dua")


def test_all_reported_together(problems):
    assert len(problems) == 19, "\n".join(problems)


# --- the readers on small files -------------------------------------------------


def read(tmp_path, name, text, function, *args):
    path = write(tmp_path, name, text)
    reader = DataReader(path)
    value = function(reader, reader.load(), *args)
    return value, [str(e).replace(str(tmp_path) + os.sep, "") for e in reader.errors]


def test_population_must_add_up(tmp_path):
    from village_data.profil import read_profile

    _, errors = read(
        tmp_path,
        "profil.yml",
        """
        penduduk:
          laki_laki: 100
          perempuan: 100
          kelompok_umur:
            - umur: 0-14
              laki_laki: 40
              perempuan: 100
            - umur: 15+
              laki_laki: 50
              perempuan: 10
        """,
        read_profile,
    )
    assert errors == [  # both, at once (the women's was told only after a second build)
        (
            "profil.yml:2: jumlah laki-laki per kelompok umur (90) tidak sama dengan "
            "laki_laki: 100 (age groups do not add up) — periksa angka tiap kelompok "
            "umur atau jumlahnya"
        ),
        (
            "profil.yml:3: jumlah perempuan per kelompok umur (110) tidak sama dengan "
            "perempuan: 100 (age groups do not add up) — periksa angka tiap kelompok "
            "umur atau jumlahnya"
        ),
    ]


def test_symlink_out_of_content_is_refused(tmp_path):
    content = tmp_path / "content"
    (content / "files").mkdir(parents=True)
    secret = tmp_path / "rahasia.pdf"
    secret.write_text("x")
    os.symlink(secret, content / "files" / "tautan.pdf")
    _, errors = read(
        content,
        "data/dokumen.yml",
        """
        dokumen:
          - judul: Tautan
            jenis: Lainnya
            tahun: 2024
            berkas: files/tautan.pdf
            klasifikasi: berkala
        """,
        read_documents,
        str(content),
        SETTINGS,
    )
    assert len(errors) == 1 and errors[0].startswith(
        "data/dokumen.yml:5: berkas 'files/tautan.pdf' menunjuk ke luar folder content/"
    )


def test_documents_accept_aliases_and_static_prefix(tmp_path):
    content = tmp_path
    write(content, "files/sk.pdf", "x" * 3000)
    documents, errors = read(
        content,
        "data/dokumen.yml",
        """
        dokumen:
          - judul: SK
            jenis: keputusan kepala desa
            tahun: 2024
            tanggal: 2024-02-30
            berkas: "{static}/files/sk.pdf"
            klasifikasi: Serta Merta
        """,
        read_documents,
        str(content),
        SETTINGS,
    )
    assert errors == [
        (
            "data/dokumen.yml:5: tanggal '2024-02-30' tidak ada: Februari 2024 hanya punya "
            "29 hari (day 30 does not exist) — periksa tanggalnya (check the day of the month)"
        )
    ]
    documents, errors = read(
        content,
        "data/dokumen2.yml",
        """
        dokumen:
          - judul: SK
            jenis: keputusan kepala desa
            tahun: 2024
            berkas: "{static}/files/sk.pdf"
            klasifikasi: Serta Merta
        """,
        read_documents,
        str(content),
        SETTINGS,
    )
    assert errors == []
    [doc] = documents.documents
    assert (doc.jenis, doc.klasifikasi, doc.berkas, doc.size_text, doc.file_type) == (
        "SK Kades",
        "serta merta",
        "files/sk.pdf",
        "3 KB",
        "PDF",
    )


def test_a_missing_choice_names_the_choices(tmp_path):
    """A document without `klasifikasi` was told "tambahkan  klasifikasi: ..." without what
    it may be (the message for a wrong value lists them)."""
    write(tmp_path, "files/sk.pdf", "x")
    _documents, errors = read(
        tmp_path,
        "data/dokumen.yml",
        """
        dokumen:
          - judul: SK
            tahun: 2024
            berkas: files/sk.pdf
        """,
        read_documents,
        str(tmp_path),
        SETTINGS,
    )
    assert errors == [
        "data/dokumen.yml:2: dokumen tanpa 'jenis' (missing key) — tambahkan  jenis: Perdes  "
        "(pilihannya: Perdes, Perkades, SK Kades, APBDes, LKPPD, LPPD, Laporan, Lainnya)",
        "data/dokumen.yml:2: dokumen tanpa 'klasifikasi' (missing key) — tambahkan  "
        "klasifikasi: berkala  (pilihannya: berkala, serta merta, setiap saat)",
    ]


@pytest.mark.parametrize(
    "score, status",
    [
        (0.4907, "Sangat Tertinggal"),
        (0.4908, "Tertinggal"),
        (0.5989, "Tertinggal"),
        (0.599, "Berkembang"),
        (0.7072, "Berkembang"),
        (0.7073, "Maju"),
        (0.8155, "Maju"),
        (0.8156, "Mandiri"),
        (0.0, "Sangat Tertinggal"),
        (1.0, "Mandiri"),
    ],
)
def test_status_bands(score, status):
    assert status_of(score) == status
    assert [limit for limit, _ in BANDS] == [0.4907, 0.5989, 0.7072, 0.8155, 1.0]


def test_idm_decimal_comma_and_duplicate_year(tmp_path):
    idm, errors = read(
        tmp_path,
        "idm.yml",
        """
        data:
          - tahun: 2024
            idm: 0,8200
            status: desa mandiri
          - tahun: 2024
            idm: 0.8
            status: Maju
        """,
        read_idm,
    )
    assert [y.status for y in idm.years] == ["Mandiri"]
    assert errors == [
        (
            "idm.yml:5: tahun 2024 ditulis dua kali (duplicate year, pertama di baris 2)"
            " — hapus salah satunya"
        )
    ]


def test_unquoted_hash_in_a_file_name_explains_the_comment(tmp_path):
    """`#3` glued to a word is refused while the YAML is read (front_matter.yaml_errors:
    the text after it would be lost), after two spaces too; a note (two spaces, `# `) is a
    YAML comment, and the missing file's message says why the name was cut."""
    write(tmp_path, "files/SK #3.pdf", "x")
    text = """
        dokumen:
          - judul: SK
            jenis: SK Kades
            tahun: 2024
            berkas: files/SK {hash}3.pdf
            klasifikasi: berkala
        """
    path = write(tmp_path, "data/dokumen.yml", text.format(hash="#"))
    reader = DataReader(path)
    assert reader.load() is None
    assert [str(e).replace(str(tmp_path) + os.sep, "") for e in reader.errors] == [
        "data/dokumen.yml:5: teks sesudah tanda # ('#3.pdf') dianggap catatan dan hilang dari "
        "'berkas' (YAML reads ' #' as a comment) — beri tanda kutip pada seluruh nilainya:  "
        'berkas: "files/SK #3.pdf"'
    ]
    _, errors = read(
        tmp_path,
        "data/dokumen.yml",
        text.format(hash=" # "),
        read_documents,
        str(tmp_path),
        SETTINGS,
    )
    assert errors == [
        (
            "data/dokumen.yml:5: berkas 'files/SK' tidak ada (missing file: "
            "content/files/SK) — tanda # sesudah spasi memulai komentar YAML: apit nama "
            'berkasnya dengan tanda kutip, misalnya  berkas: "files/SK  # 3.pdf"'
        )
    ]


def test_chart_geometry():
    from village_data.idm import Chart, Year

    one = Chart.of([Year(2024, 0.7, "Berkembang")], 320, 150)
    [point] = one.points
    assert point.x == (one.left + one.inset + one.width - one.right - one.inset) / 2
    assert one.score(point.y) == pytest.approx(0.7, abs=0.001)
    low = Chart.of(
        [Year(2021, 0.35, "Sangat Tertinggal"), Year(2022, 0.52, "Tertinggal")], 320, 150
    )
    assert low.low == pytest.approx(0.3)  # the axis goes down to the lowest score
    assert low.baseline == low.height - low.bottom and low.y(1.0) == low.top
    assert [label for _y, label in low.ticks] == ["0,4", "0,6", "0,8", "1,0"]
    assert [label for _y, label, _n in low.guides] == ["0,4907", "0,5989", "0,7072", "0,8155"]
    assert low.polyline == " ".join(f"{p.x},{p.y}" for p in low.points)


def test_idm_status_may_be_left_out(tmp_path):
    idm, errors = read(
        tmp_path,
        "idm.yml",
        """
        data:
          - tahun: 2023
            idm: 0.4907
          - tahun: 2024
            idm: 0.8156
        """,
        read_idm,
    )
    assert errors == []
    assert [y.status for y in idm.years] == ["Sangat Tertinggal", "Mandiri"]


def test_an_unknown_key_is_echoed_as_written(tmp_path):
    from village_data.aparatur import read_officials

    _, errors = read(
        tmp_path,
        "aparatur.yml",
        """
        pemerintah_desa:
          - nama: Budi Santoso
            jabatan: Kepala Desa
        anggota_bpd:
          - nama: Siti Aminah
            jabatan: Ketua BPD
        """,
        read_officials,
    )
    assert errors == [
        "aparatur.yml:4: kunci 'anggota_bpd' tidak dikenal di aparatur.yml (unknown key) — "
        "kunci yang boleh: contoh, sumber, catatan, pemerintah_desa, bpd"
    ]  # not 'anggota bpd': the operator searches the file for what the message says


def test_an_official_without_its_dash_is_not_deleted(tmp_path):
    """Two officials merged into one mapping (the second lost its `- `): one message on the
    line where the second begins, not "delete one of them" three times (which deletes a
    person)."""
    from village_data.aparatur import read_officials

    officials, errors = read(
        tmp_path,
        "aparatur.yml",
        """
        pemerintah_desa:
          - nama: Budi Santoso
            jabatan: Kepala Desa
            masa_jabatan: 2019-2025
            nama: Siti Aminah
            jabatan: Sekretaris Desa
            masa_jabatan: sejak 2021
          - nama: Joko
            jabatan: Kaur Keuangan
        """,
        read_officials,
    )
    assert errors == [
        "aparatur.yml:5: 'nama' ditulis dua kali dalam satu orang (baris 2 dan 5): tampaknya "
        "tanda `- ` di awal baris 5 terlupa, sehingga dua orang tergabung menjadi satu "
        "(duplicate key: list item without '- ') — setiap orang diawali tanda `- `: tulis  "
        "- nama: Siti Aminah  di baris 5, sejajar dengan tanda - di atasnya (jangan hapus "
        "'nama' di baris 2)"
    ]
    assert "hapus salah satunya" not in errors[0]


def test_a_key_really_written_twice_in_one_official(tmp_path):
    from village_data.aparatur import read_officials

    _, errors = read(
        tmp_path,
        "aparatur.yml",
        """
        pemerintah_desa:
          - nama: Budi Santoso
            jabatan: Kepala Desa
            jabatan: Kades
        """,
        read_officials,
    )
    assert errors == [
        "aparatur.yml:4: 'jabatan' ditulis dua kali dalam satu orang (baris 3 dan 4) "
        "(duplicate key) — bila baris 4 memulai orang berikutnya: setiap orang diawali "
        "tanda `- `, tulis  - jabatan: Kades; bila bukan, hapus baris yang salah"
    ]


def test_a_document_without_its_dash(tmp_path):
    write(tmp_path, "files/a.pdf", "%PDF-1.4\n")
    _, errors = read(
        tmp_path,
        "data/dokumen.yml",
        """
        dokumen:
          - judul: Perdes APBDes
            jenis: Perdes
            tahun: 2024
            berkas: files/a.pdf
            klasifikasi: berkala
            judul: Perdes RKP
            jenis: Perdes
            tahun: 2024
            berkas: files/a.pdf
            klasifikasi: berkala
        """,
        read_documents,
        str(tmp_path),
        SETTINGS,
    )
    assert len(errors) == 1
    assert errors[0].startswith(
        "data/dokumen.yml:7: 'judul' ditulis dua kali dalam satu dokumen (baris 2 dan 7): "
        "tampaknya tanda `- ` di awal baris 7 terlupa"
    )
    assert "setiap dokumen diawali tanda `- `: tulis  - judul: Perdes RKP  di baris 7" in errors[0]


def test_document_dates_are_read_as_article_dates(tmp_path):
    """One date reader (front_matter.dates) for articles, notices, events and dokumen.yml:
    `20 Desember 2024` is a date here too, and a wrong day name is named."""
    write(tmp_path, "files/a.pdf", "%PDF-1.4\n")
    text = """
        dokumen:
          - judul: Perdes APBDes
            jenis: Perdes
            tahun: 2024
            tanggal: {date}
            berkas: files/a.pdf
            klasifikasi: berkala
        """
    documents, errors = read(
        tmp_path,
        "data/dokumen.yml",
        text.format(date="20 Desember 2024"),
        read_documents,
        str(tmp_path),
        SETTINGS,
    )
    assert errors == []
    assert documents.documents[0].tanggal == dt.date(2024, 12, 20)
    _, errors = read(
        tmp_path,
        "data/dokumen.yml",
        text.format(date="Sabtu, 20 Desember 2024"),
        read_documents,
        str(tmp_path),
        SETTINGS,
    )
    assert errors == [
        "data/dokumen.yml:5: tanggal 'Sabtu, 20 Desember 2024': 20 Desember 2024 adalah hari "
        "Jumat, bukan Sabtu (day name does not match the date) — periksa tanggalnya; bila "
        "tanggalnya benar, tulis  Jumat, 20 Desember 2024  (nama hari boleh tidak ditulis)"
    ]


def test_one_kind_of_data_in_two_files_names_the_one_not_read(tmp_path):
    """profil.yml beside profil.yaml: one of them was ignored without a word."""
    content = tmp_path / "content"
    write(content / "data", "profil.yml", "visi: Desa yang maju\n")
    write(content / "data", "profil.yaml", "visi: Desa yang sejahtera\n")
    (content / "pages").mkdir()
    (content / "pages" / "tentang.md").write_text(
        "---\njudul: Tentang\n---\nIsi.\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert [p.replace(str(content) + os.sep, "") for p in failed.value.problems] == [
        "data/profil.yaml:1: profil ditulis di dua berkas (also profil.yml): profil.yaml "
        "tidak dibaca — hapus salah satunya (satukan isinya di satu berkas)"
    ]


def test_a_missing_photo_is_told_with_the_other_mistakes_of_its_entry(tmp_path):
    """A mistake in an entry hid the entry's missing photo until a second build; a photo
    whose name differs in case is named."""
    from PIL import Image

    from tests.sitetools import settings_path
    from wartadesa.check import check

    content = tmp_path / "content"
    write(
        content / "data",
        "aparatur.yml",
        """
        pemerintah_desa:
          - nama: Ani
            jabatan: Kasi
            masa_jabatan: sejak kemarin
            foto: images/aparatur/tidak-ada.jpg
          - nama: Budi
            jabatan: Kepala Desa
            foto: images/aparatur/kepala-desa.JPG
        """,
    )
    (content / "images" / "aparatur").mkdir(parents=True)
    Image.new("RGB", (300, 400), "green").save(content / "images" / "aparatur" / "kepala-desa.jpg")
    errors, _ = check(settings_path(), content)
    assert [e.replace(str(content) + os.sep, "") for e in errors] == [
        "data/aparatur.yml:4: masa_jabatan 'sejak kemarin' tidak dikenali (bad term) — tulis "
        "misalnya  masa_jabatan: 2019-2025  atau  masa_jabatan: sejak 2021",
        "data/aparatur.yml:5: foto 'images/aparatur/tidak-ada.jpg' tidak ada (missing photo) — "
        "simpan fotonya di content/images/ lalu tulis  foto: images/nama-foto.jpg",
        "data/aparatur.yml:8: foto 'images/aparatur/kepala-desa.JPG' tidak ada (missing photo) "
        "— maksud Anda  foto: images/aparatur/kepala-desa.jpg ?",
    ]


def test_a_page_on_a_data_pages_address_names_the_data_file(tmp_path):
    """The README's own example once made `content/pages/profil.md` with `slug: profil`: the
    message names content/data/profil.yml, not a folder, and says to give the page another
    slug."""
    import shutil

    from tests.sitetools import SAMPLE

    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content, "pages/profil.md", "---\njudul: Profil Desa\nslug: profil\n---\n\nIsi.\n")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    prefix = str(content) + os.sep
    problems = [p.replace(prefix, "") for p in failed.value.problems]
    # One message, at the page (the side to change), naming the data file: the data
    # page's address is the site's own (VILLAGE_DATA_PAGES).
    assert problems == [
        "pages/profil.md:3: alamat profil/ sudah dipakai halaman profil situs (URL taken by "
        "the site), dari data/profil.yml:1 — alamat ini milik halaman data desa: "
        "beri halaman atau berita itu slug lain (atau ubah VILLAGE_DATA_PAGES di "
        "pelicanconf.py)"
    ]
