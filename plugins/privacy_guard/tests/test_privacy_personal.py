"""Warnings about personal data next to a name; ordinary news says none of this."""

import pytest

from privacy_guard.personal import digits_of, findings, phones_in
from privacy_guard.records import markdown_records

ALLOWED = frozenset({"081234567890"})


def kinds(*lines):
    found = []
    for record in markdown_records(list(lines)):
        found += [(record.line, f.kind, f.shown) for f in findings(record, ALLOWED)]
    return found


@pytest.mark.parametrize(
    "line, shown",
    [
        ("Pendaftaran hubungi Bapak Slamet di 0813-3344-5566.", "0813xxxxx566"),
        ("Informasi: Bu Siti (WA +62 857 1122 3344).", "0857xxxxx344"),
        ("Nama: Agus Salim, HP 0821 9988 7766", "0821xxxxx766"),
        # Names in capitals, more forms of address, WhatsApp's non-breaking hyphen and space.
        ("Hubungi Ibu SITI AMINAH 0813-3344-5566.", "0813xxxxx566"),
        ("Pendaftaran lewat Mas Joko, 0813 3344 5566.", "0813xxxxx566"),
        ("Informasi: Ustadz Rohman +62\u00a0857\u20111122\u20113344", "0857xxxxx344"),
    ],
)
def test_private_mobile_number_next_to_a_name(line, shown):
    assert kinds(line) == [(1, "phone", shown)]


@pytest.mark.parametrize(
    "line",
    [
        "Layanan pengaduan kantor desa: 0813-3344-5566 (jam kerja).",
        "Posko bencana dapat dihubungi di 0813 3344 5566.",
        "Hubungi Bapak Slamet di 0812-3456-7890.",  # the site's own CONTACT_PHONE
        "Telepon kantor desa (0356) 712345.",
        "Realisasi belanja Rp1.250.000.000 atau 81 persen dari pagu.",
        "Warga yang belum terdata menghubungi Pak RT 03 di 0813-3344-5566.",
        "Pendaftaran lomba lewat Ibu PKK, 0813 3344 5566.",
    ],
)
def test_office_numbers_and_amounts_do_not_warn(line):
    assert kinds(line) == []


def test_phone_forms_are_compared_nationally():
    assert digits_of("+62 812-3456-7890") == "081234567890"
    assert phones_in("Kantor 0812-3456-7890, WA 62 813 1111 2222") == {
        "081234567890",
        "081311112222",
    }


@pytest.mark.parametrize(
    "line",
    [
        "Sutrisno, lahir di Tuban, 12 Agustus 1985, terpilih sebagai ketua.",
        "Ibu Warsini (tanggal lahir 03-04-1956) menerima bantuan.",
        "Nama: Agus Salim, TTL: Tuban, 5 Mei 1990",
    ],
)
def test_birth_date_next_to_a_name(line):
    assert [k for _, k, _ in kinds(line)] == ["birth"]


@pytest.mark.parametrize(
    "line",
    [
        "Peringatan Hari Lahir Pancasila 1 Juni 2024 digelar di balai desa.",
        "Desa Binangun berdiri pada 12 Agustus 1945.",
        "Posyandu mencatat 12 kelahiran sejak Januari 2024.",
        "Musyawarah digelar 15 Januari 2025 di balai desa.",
    ],
)
def test_dates_in_news_do_not_warn(line):
    assert kinds(line) == []


def test_home_addresses_in_a_list_of_people():
    assert kinds(
        "Penerima BLT:",
        "",
        "- Siti Aminah, RT 02/RW 01, Dusun Krajan",
        "- Bapak Darto, RT. 003 RW. 002",
    ) == [(3, "address", ""), (4, "address", "")]


def test_addresses_in_a_table_with_names():
    assert [
        k
        for _, k, _ in kinds(
            "| No | Nama | Alamat | Bantuan |",
            "|---|---|---|---|",
            "| 1 | Sutini | Krajan RT 01 RW 02 | Rp600.000 |",
        )
    ] == ["address"]
    assert [
        k for _, k, _ in kinds("| Nama | RT | RW |", "|---|---|---|", "| Sutini | 01 | 02 |")
    ] == ["address"]
    # A role in the header is still a person: "Nama Kepala Keluarga", "Nama Ketua".
    assert [
        k
        for _, k, _ in kinds(
            "| Nama Kepala Keluarga | Alamat |", "|---|---|", "| Sutini | Krajan RT 01 RW 02 |"
        )
    ] == ["address"]


@pytest.mark.parametrize(
    "lines",
    [
        ("Jalan rabat beton di RT 02 RW 03 Dusun Krajan rampung.",),
        ("Lokasi kegiatan:", "", "- Perbaikan jalan RT 03/RW 01", "- Dusun Krajan, RT 02/RW 01"),
        (
            "| Kegiatan | Lokasi | Anggaran |",
            "|---|---|---|",
            "| Rabat beton | RT 02/RW 01 | Rp75.000.000 |",
        ),
        ("Kerja bakti dilakukan serentak di setiap RT dan RW.",),
        # Tables and lists of places and works: their "Nama" is not a person's.
        (
            "| Nama Dusun | Jumlah RT | Jumlah RW | Jumlah KK |",
            "|---|---|---|---|",
            "| Krajan | 4 | 2 | 312 |",
        ),
        (
            "| Nama Kegiatan | Lokasi | Anggaran |",
            "|---|---|---|",
            "| Rabat beton | RT 01/RW 03 | Rp75.000.000 |",
        ),
        ("| Nama Posyandu | Lokasi |", "|---|---|", "| Melati | RT 02 RW 01 |"),
        (
            "Sarana yang dibangun:",
            "",
            "- Lapangan Voli, RT 02/RW 04",
            "- Pos Kamling Mawar (RT 03/RW 01): selesai",
            "1. Embung Sumber Rejo, RT 05/RW 02",
            "- Rabat Beton (RT 01/RW 03)",
        ),
    ],
)
def test_addresses_of_works_do_not_warn(lines):
    assert kinds(*lines) == []


def test_birth_dates_in_a_table_of_people():
    assert [
        k
        for _, k, _ in kinds(
            "| No | Nama | Tempat/Tgl Lahir |",
            "|---|---|---|",
            "| 1 | Sutini | Tuban, 12-08-1985 |",
        )
    ] == ["birth"]
    assert kinds("| Kegiatan | Tanggal |", "|---|---|", "| Musdes | 12-08-2024 |") == []


def test_spreadsheet_dates_are_read_as_dates(tmp_path):
    import datetime as dt

    from attachment_files import xlsx_bytes

    from privacy_guard.attachments import records_of

    path = tmp_path / "lansia.xlsx"
    path.write_bytes(
        xlsx_bytes({"Data": [["Nama", "Tanggal Lahir"], ["Sutini", dt.datetime(1948, 3, 2)]]})
    )
    records = records_of(path, ".xlsx")
    assert records[1].cells == ["Sutini", "02-03-1948"]
    assert [f.kind for f in findings(records[1], ALLOWED)] == ["birth"]


def test_spreadsheet_phone_numbers_without_their_zero(tmp_path):
    from attachment_files import xlsx_bytes

    from privacy_guard.attachments import records_of

    path = tmp_path / "kader.xlsx"
    path.write_bytes(
        xlsx_bytes(
            {"Kader": [["Nama", "No. HP"], ["Sutini", 81333445566], ["Kantor Desa", 81234567890]]}
        )
    )
    records = records_of(path, ".xlsx")
    assert [f.shown for f in findings(records[1], ALLOWED)] == ["0813xxxxx566"]
    assert findings(records[2], ALLOWED) == []  # the allowed office number


def test_a_block_pasted_from_excel_with_tabs_is_a_table():
    """Copied from Excel and pasted into an article: cells separated by tabs. The header
    labels the NIK column (also a NIK of a kecamatan that no longer exists) and names the
    people, so phone, birth date and address warn as in a Markdown table."""
    from synthetic_ids import Maker

    from privacy_guard.scan import identity_errors

    nik = Maker(seed=3).nik(code="35.23.99")  # Tuban, a kecamatan code not in the data
    lines = [
        "Daftar penerima:",
        "",
        "No\tNama\tNIK\tAlamat\tNo HP\tTgl Lahir",
        f"1\tSutini\t{nik}\tKrajan RT 01/RW 02\t0813-3344-5566\t12-08-1985",
    ]
    records = markdown_records(lines)
    assert [r.kind for r in records] == ["prose", "row", "row"]
    errors = [e.message for e in identity_errors("a.md", records)]
    assert len(errors) == 1 and "di kolom 'NIK'" in errors[0], errors
    assert sorted(k for _, k, _ in kinds(*lines)) == ["address", "birth", "phone"]
    # One line with a tab is no table.
    assert [r.kind for r in markdown_records(["Rapat\tdimulai pukul 09.00"])] == ["prose"]
