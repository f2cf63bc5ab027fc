"""Real builds: a site publishing identity numbers everywhere is refused, file by file,
without ever printing a full number; a site with masked and non-identity numbers, an
allowed file and office contacts builds without a warning."""

import io
import logging
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from attachment_files import docx_bytes, pdf_bytes, photo_bytes, xlsx_bytes, zip_bomb_docx
from synthetic_ids import Maker, masked

from tests.sitetools import SAMPLE, build_site, run_build_command
from wartadesa.build import BuildFailed

ROOT = Path(__file__).resolve().parents[3]
HINT = "Umumkan nama dan besaran bantuan tanpa NIK/KK, atau samarkan nomornya"
FULL = "tertulis lengkap (identity number published in full)"


def write(folder, relative, text):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def article(title, body, extra=""):
    return (
        f"---\njudul: {title}\ntanggal: 2024-07-01\nkategori: Sosial\ndesa: Binangun\n"
        f"{extra}---\n{textwrap.dedent(body).lstrip(chr(10))}"
    )


@pytest.fixture(scope="session")
def numbers():
    maker = Maker(seed=2027)
    return {
        "table1": maker.nik(),
        "table2": maker.nik(female=True),
        "paragraph": maker.nik(True),
        "front": maker.nik(),
        "data": maker.nik(),
        "csv": maker.nik(),
        "xlsx": maker.nik(),
        "kk": maker.kk(),
        "pdf": maker.nik(),
        "docx": maker.nik(),
        "text": maker.nik(),
        "name": maker.nik(),
        "allowed": maker.nik(),
        "date": maker.nik(),
    }


def bad_content(folder, n):
    """A copy of the sample content plus identity numbers in every kind of file."""
    shutil.copytree(SAMPLE / "content", folder)
    spaced = " ".join(n["table2"][i : i + 4] for i in range(0, 16, 4))
    dotted = f"{n['paragraph'][:6]}.{n['paragraph'][6:12]}.{n['paragraph'][12:]}"
    write(
        folder,
        "berita/2024-07-01-penerima-blt.md",
        article(
            "Penerima BLT Tahap III",
            f"""
        Berikut daftar penerima BLT Dana Desa tahap III.

        | No | Nama | NIK | Jumlah |
        |---|---|---|---|
        | 1 | Sutini | {n["table1"]} | Rp900.000 |
        | 2 | Warsito | {spaced} | Rp900.000 |
        """,
        ),
    )
    write(
        folder,
        "berita/2024-07-02-bantuan-lansia.md",
        article(
            "Bantuan Lansia",
            f"""
        Bantuan diserahkan kepada Ibu Sulastri (NIK {dotted}) di balai desa.
        """,
        ),
    )
    write(
        folder,
        "berita/2024-07-03-ringkasan.md",
        article(
            "Bantuan Sembako",
            "Isi berita.\n",
            extra=f"ringkasan: Bantuan untuk Sutini, NIK {n['front']}.\n",
        ),
    )
    write(folder, "penerima.yml", f"- nama: Sutini\n  nik: '{n['data']}'\n")
    write(folder, "files/penerima.csv", f"No;Nama;NIK;Alamat\n1;Sutini;{n['csv']};Krajan\n")
    write(
        folder,
        "files/penerima.xlsx",
        xlsx_bytes(
            {
                "BLT": [
                    ["DAFTAR PENERIMA BLT DANA DESA 2024"],
                    ["No", "Nama", "NIK", "No. KK"],
                    [1, "Sutini", n["xlsx"], n["kk"]],
                ]
            }
        ),
    )
    write(
        folder,
        "files/penerima.pdf",
        pdf_bytes([["Lampiran SK Kepala Desa"], ["No Nama NIK", f"1 Sutini {n['pdf']} Rp900.000"]]),
    )
    write(
        folder,
        "files/berita-acara.docx",
        docx_bytes(["Berita acara penyaluran.", [["Nama", "NIK"], ["Sutini", n["docx"]]]]),
    )
    write(folder, "files/catatan.txt", f"Catatan rapat.\n\nPenerima: Sutini {n['text']}\n")
    write(folder, f"files/ktp-{n['name']}.txt", "Salinan surat.\n")
    write(folder, "images/rumah-warga.jpg", photo_bytes(gps=True))
    # Pasted into the date: the front matter reader quotes the value in its error.
    write(
        folder,
        "berita/2024-07-05-tanggal-salah.md",
        f"---\njudul: Tanggal Salah\ntanggal: {n['date']}\n---\nIsi.\n",
    )
    write(
        folder,
        "berita/2024-07-04-kontak.md",
        article(
            "Pendaftaran Pelatihan",
            """
        Pendaftaran hubungi Bapak Slamet di 0813-3344-5566.

        Peserta terpilih:

        - Siti Aminah, RT 02/RW 01, Dusun Krajan
        - Darto, lahir di Tuban, 12 Agustus 1985
        """,
        ),
    )
    return folder


@pytest.fixture(scope="session")
def refused(tmp_path_factory, numbers):
    """The bad site built in this process: its BuildFailed and everything logged."""
    tmp = tmp_path_factory.mktemp("privacy-refused")
    content = bad_content(tmp / "content", numbers)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    try:
        with pytest.raises(BuildFailed) as failed:
            build_site(tmp / "output", content=content)
    finally:
        logging.getLogger().removeHandler(handler)
    return {
        "failed": failed.value,
        "log": stream.getvalue(),
        "output": tmp / "output",
        "content": content,
        "tmp": tmp,
    }


@pytest.fixture(scope="session")
def refused_cli(refused):
    """The same site built with the build command, as CI runs it."""
    tmp = refused["tmp"]
    settings = tmp / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from wartadesa.defaults import *\nPATH = {str(refused['content'])!r}\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
    )
    return run_build_command(str(settings), str(tmp / "cli-output"))


def problem(refused, name):
    """The problem lines of one file (name relative to content/)."""
    return [
        line.split(f"content/{name}:", 1)[1]
        for line in refused["failed"].problems
        if f"content/{name}:" in line
    ]


def test_markdown_table_rows(refused, numbers):
    lines = problem(refused, "berita/2024-07-01-penerima-blt.md")
    assert [line.split(" — ")[0] for line in lines] == [
        f"11: NIK {masked(numbers['table1'])} di kolom 'NIK' {FULL}",
        f"12: NIK {masked(numbers['table2'])} di kolom 'NIK' {FULL}",
    ]
    assert "UU 27/2022 tentang Pelindungan Data Pribadi" in lines[0]
    assert HINT in lines[0] and "PRIVACY_ALLOWED_FILES" in lines[0]


def test_paragraph_and_front_matter(refused, numbers):
    lines = problem(refused, "berita/2024-07-02-bantuan-lansia.md")
    assert [line.split(" — ")[0] for line in lines] == [
        f"7: NIK {masked(numbers['paragraph'])} {FULL}"
    ]
    assert [
        line.split(" — ")[0] for line in problem(refused, "berita/2024-07-03-ringkasan.md")
    ] == [f"6: NIK {masked(numbers['front'])} {FULL}"]


def test_data_file(refused, numbers):
    # a YAML file no plugin reads is also reported as such (content_guard.unread)
    assert [line.split(" — ")[0] for line in problem(refused, "penerima.yml")] == [
        "1: berkas ini tidak dibaca dan tidak terbit (file never read by the build)",
        f"2: NIK {masked(numbers['data'])} {FULL}",
    ]


def test_attachments(refused, numbers):
    first = {
        name: [line.split(" — ")[0] for line in problem(refused, name)]
        for name in (
            "files/penerima.csv",
            "files/penerima.xlsx",
            "files/penerima.pdf",
            "files/berita-acara.docx",
            "files/catatan.txt",
        )
    }
    pdf_kind = "NIK" if int(numbers["pdf"][6:8]) > 40 else "NIK/KK"
    text_kind = "NIK" if int(numbers["text"][6:8]) > 40 else "NIK/KK"
    assert first == {
        "files/penerima.csv": [f"2: NIK {masked(numbers['csv'])} di kolom 'NIK' {FULL}"],
        "files/penerima.xlsx": [
            f"3: lembar 'BLT' baris 3: NIK {masked(numbers['xlsx'])} di kolom 'NIK' dan "
            f"nomor KK {masked(numbers['kk'])} di kolom 'No. KK' {FULL}"
        ],
        "files/penerima.pdf": [f"2: halaman 2: {pdf_kind} {masked(numbers['pdf'])} {FULL}"],
        "files/berita-acara.docx": [
            f"2: tabel 1 baris 2: NIK {masked(numbers['docx'])} di kolom 'NIK' {FULL}"
        ],
        "files/catatan.txt": [f"3: {text_kind} {masked(numbers['text'])} {FULL}"],
    }


def test_file_names_and_photos(refused, numbers):
    name = f"files/ktp-{masked(numbers['name'])}.txt"
    assert [line.split(" — ")[0] for line in problem(refused, name)] == [
        f"1: nama berkas berisi NIK {masked(numbers['name'])}: nomor itu ikut terbit di alamat "
        "halaman (file name holds an identity number)"
    ]
    [photo] = problem(refused, "images/rumah-warga.jpg")
    assert photo.startswith("1: foto berisi posisi GPS (photo carries a GPS position")
    assert "exiftool -gps:all= rumah-warga.jpg" in photo


def test_warnings_about_other_personal_data(refused):
    warnings = [
        w.split("content/berita/2024-07-04-kontak.md:", 1)[1].split(" — ")[0]
        for w in refused["failed"].warnings
        if "kontak.md" in w
    ]
    assert warnings == [
        "7: nomor HP pribadi 0813xxxxx566 di samping nama orang (private mobile number next "
        "to a name)",
        "11: alamat rumah dengan RT/RW di daftar nama orang (home address next to names in a list)",
        "12: tanggal lahir lengkap di samping nama orang (full birth date next to a name)",
    ]
    assert not any("kontak.md" in p for p in refused["failed"].problems)


def test_other_checks_quoting_a_number_show_it_masked(refused, numbers):
    lines = [
        line.split(" — ")[0] for line in problem(refused, "berita/2024-07-05-tanggal-salah.md")
    ]
    assert lines == [
        f"3: tanggal '{masked(numbers['date'])}' tidak dikenali (date not understood)",
        f"3: NIK/KK {masked(numbers['date'])} {FULL}"
        if int(numbers["date"][6:8]) <= 40
        else f"3: NIK {masked(numbers['date'])} {FULL}",
    ]


def test_nothing_is_written(refused):
    assert not refused["output"].exists()


def test_no_full_number_in_any_output(refused, refused_cli, numbers):
    assert refused_cli.returncode == 1
    assert "Build gagal:" in refused_cli.stderr
    everything = "\n".join(
        [
            refused_cli.stdout,
            refused_cli.stderr,
            refused["log"],
            str(refused["failed"]),
            "\n".join(refused["failed"].warnings),
        ]
    )
    digits_only = re.sub(r"[^\dx]", "", everything)
    for number in numbers.values():
        assert number not in digits_only
    assert masked(numbers["table1"]) in refused_cli.stderr
    assert masked(numbers["pdf"]) in refused_cli.stderr


# --- What is accepted --------------------------------------------------------------------


@pytest.fixture(scope="session")
def accepted(tmp_path_factory, numbers):
    """Masked numbers, numbers that are not identity numbers, an allowed file, office
    contacts and a photo without GPS: a normal build with no warning."""
    tmp = tmp_path_factory.mktemp("privacy-accepted")
    content = tmp / "content"
    shutil.copytree(SAMPLE / "content", content)
    nik = numbers["allowed"]
    write(
        content,
        "berita/2024-07-01-penerima-blt.md",
        article(
            "Penerima BLT Tahap III",
            f"""
        Daftar penerima BLT Dana Desa tahap III (NIK disamarkan).

        | No | Nama | NIK | Jumlah |
        |---|---|---|---|
        | 1 | Sutini | {masked(nik)} | Rp900.000 |
        | 2 | Warsito | {nik[:6]}******{nik[-4:]} | Rp900.000 |

        Dana ditransfer ke rekening BUMDes No. Rek {nik} di BRI, virtual account {nik[::-1]}.
        Nomor dokumen {nik}. Kode 9912011208909999 dan 3523073208909999 bukan nomor identitas.
        Realisasi belanja Rp1.250.000.000 pada 12-08-2024, NIP 198705122010011003.

        Informasi hubungi Bapak Kepala Desa di 0812-3456-7890 atau Bu Bidan Siti di
        0813 1111 2222.
        """,
        ),
    )
    write(content, "files/sk-kades-2024.pdf", pdf_bytes([[f"NIK {nik}"]]))
    write(
        content,
        "files/anggaran.csv",
        "Kegiatan;Lokasi;Anggaran\nRabat beton;RT 02/RW 01;75000000\n",
    )
    write(content, "images/musdes.jpg", photo_bytes(gps=False))
    return build_site(
        tmp / "output",
        content=content,
        CONTACT_PHONE="0812-3456-7890",
        PRIVACY_ALLOWED_PHONES=["+62 813-1111-2222"],
        PRIVACY_ALLOWED_FILES=["files/sk-*.pdf"],
    )


def test_masked_and_other_numbers_are_accepted(accepted):
    assert accepted.warnings == []
    assert accepted.exists("files/sk-kades-2024.pdf")
    assert accepted.exists("images/musdes.jpg")
    assert "Rp900.000" in accepted.text("berita/2024/07/penerima-blt-tahap-iii/")


def test_the_sample_site_has_no_privacy_warning(sample_site):
    assert not [w for w in sample_site.warnings if "pribadi" in w or "GPS" in w or "NIK" in w]


# --- Photos through the photos plugin ------------------------------------------------------


def _gps_cover_site(root):
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content, "images/rumah.jpg", photo_bytes(gps=True))
    write(
        content,
        "berita/2024-07-09-bedah-rumah.md",
        article("Bedah Rumah", "Rumah warga diperbaiki.\n", extra="gambar: images/rumah.jpg\n"),
    )
    return content


def test_a_gps_photo_used_as_a_cover_is_published_only_without_metadata(tmp_path):
    """The photos plugin publishes copies without metadata and not the original, so the
    GPS photo is not refused; with PHOTOS_PUBLISH_ORIGINALS its original goes out without
    GPS too. The same photo copied as it is (no article uses it) is still refused."""
    from PIL import Image

    from privacy_guard.photos import has_gps

    content = _gps_cover_site(tmp_path)
    for name, extra in (("plain", {}), ("originals", {"PHOTOS_PUBLISH_ORIGINALS": True})):
        site = build_site(tmp_path / name, content=content, **extra)
        assert not site.exists("images/rumah.jpg")
        published = sorted((site.output / "foto").iterdir())
        assert published and not [p for p in published if has_gps(p)]
        for path in published:
            with Image.open(path) as image:
                assert not image.getexif()
        assert any("-asli" in p.name for p in published) == bool(extra)
    write(content, "images/tidak-dipakai.jpg", photo_bytes(gps=True))
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "refused", content=content)
    [unused] = [
        p for p in failed.value.problems if "tidak-dipakai.jpg:1: foto berisi posisi GPS" in p
    ]
    # The real cause first: a photo an article shows is cleaned; this one is shown by none
    # (a name written in another case, say), so it would go out as it is.
    assert (
        " — foto ini tidak dipakai berita atau halaman mana pun, jadi terbit apa adanya (foto "
        "yang dipakai dibersihkan otomatis). Bila seharusnya dipakai, periksa nama berkasnya di "
        "berita, juga huruf besar/kecilnya; bila tidak dipakai, hapus berkasnya. Bila memang "
        "ingin diterbitkan apa adanya: foto menyimpan lokasi"
    ) in unused
    assert not [p for p in failed.value.problems if "rumah.jpg" in p]


def test_an_office_file_that_unpacks_too_large_stops_the_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content, "files/laporan.docx", zip_bomb_docx(megabytes=40))
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    found = [p for p in failed.value.problems if "laporan.docx" in p]
    assert len(found) == 1, failed.value.problems
    assert "files/laporan.docx:1: lampiran 'laporan.docx' terlalu besar bila dibuka" in found[0]
    assert "tampak rusak" in found[0] and "simpan ulang" in found[0]
    assert not (tmp_path / "output").exists()
