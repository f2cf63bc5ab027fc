"""NIK/KK detection: the structure tells identity numbers from other 16-digit numbers."""

import random

import pytest
from synthetic_ids import Maker, kecamatan_codes, masked

from privacy_guard.identity import candidates, find, mask, mask_text, structure

MAKER = Maker(seed=7)
NIK = MAKER.nik(female=False)
NIK_WOMAN = MAKER.nik(female=True)
KK = MAKER.kk()


def spaced(number, sizes, separator):
    parts, start = [], 0
    for size in sizes:
        parts.append(number[start : start + size])
        start += size
    return separator.join(parts)


def test_synthetic_numbers_have_the_structure():
    assert structure(NIK) and structure(NIK_WOMAN) and structure(KK)
    assert int(NIK_WOMAN[6:8]) > 40


@pytest.mark.parametrize(
    "written",
    [
        NIK,
        spaced(NIK, (4, 4, 4, 4), " "),
        spaced(NIK, (6, 6, 4), "."),
        spaced(NIK, (2, 2, 2, 6, 4), "."),
        spaced(NIK, (6, 6, 4), "-"),
        spaced(NIK, (4, 4, 4, 4), "\u00a0"),
        spaced(NIK, (6, 6, 4), "\u2013"),
        # As copied from PDFs, forms and chats: longer gaps, underscores, invisible ones.
        spaced(NIK, (4, 4, 4, 4), "  "),
        spaced(NIK, (6, 6, 4), " - "),
        spaced(NIK, (4, 4, 4, 4), "_"),
        spaced(NIK, (4, 4, 4, 4), "\u200b"),
        spaced(NIK, (6, 6, 4), "\u00ad"),
    ],
)
def test_identity_numbers_with_common_separators(written):
    text = f"Penerima: Sutini, {written}, Dusun Krajan."
    found = find(text)
    assert [f.masked for f in found] == [masked(NIK)]
    assert text[found[0].start : found[0].end] == written


# Dates with a time that make 16 digits of the NIK shape: the day and month are a
# kecamatan's code (12.07 Sumatera Utara, 16.08 Sumatera Selatan, 12.10), year, hours and
# minutes a birth date and a serial.
DATES_WITH_TIMES = [
    "Jumat, 12-07-2024 08.00-11.00 WIB",
    "Sabtu 16-08-2025 07.30-10.00",
    "pada 12-01-2023 08.00-10.00",
    "Senin, 12.01.2023 09.30 - 11.00",
]


@pytest.mark.parametrize("text", DATES_WITH_TIMES)
def test_a_date_with_a_time_is_not_an_identity_number(text):
    digits = "".join(c for c in text if c.isdigit())
    assert len(digits) == 16 and structure(digits)  # it has the shape: only the writing tells
    assert find(f"Posyandu Melati dibuka {text} di balai desa.") == []
    assert [f.masked for f in find(f"NIK {text}")] == [masked(digits)]  # labelled: counted


def test_the_label_no_identitas_is_an_identity_label():
    for label in ("No. Identitas", "Nomor Identitas", "no identitas"):
        assert [f.masked for f in find(f"Siti Aminah, {label} {NIK}, Dusun Krajan")] == [
            masked(NIK)
        ]
    assert find(f"No. ID pelanggan {NIK}") == []  # still another number's label


def test_a_number_after_a_year_or_amount_on_the_same_run():
    assert [f.masked for f in find(f"tahun 2024 {NIK}")] == [masked(NIK)]
    assert [f.masked for f in find(f"Rp 600.000 {NIK_WOMAN}")] == [masked(NIK_WOMAN)]


def test_kinds_from_labels_and_the_day():
    assert find(f"NIK {NIK} dan KK {KK}")[0].kind == "NIK"
    assert find(f"NIK {NIK} dan KK {KK}")[1].kind == "nomor KK"
    assert find(f"No. KK: {KK}")[0].kind == "nomor KK"
    assert find(NIK_WOMAN)[0].kind == "NIK"  # day + 40: only a NIK has it
    assert find(NIK)[0].kind == "NIK/KK"
    assert find(KK, header="Nomor Kartu Keluarga")[0].kind == "nomor KK"


def test_a_labelled_number_with_an_old_kecamatan_code_is_found():
    # Codes change after pemekaran; a NIK keeps the one it was issued with.
    old = NIK[:4] + "99" + NIK[6:]
    assert find(old) == []
    assert [f.masked for f in find(f"NIK: {old}")] == [masked(old)]
    assert [f.masked for f in find(old, header="NIK")] == [masked(old)]


def test_mask_keeps_only_the_ends():
    assert mask("3523071208909999") == "3523xxxxxxxx9999"
    assert mask_text(f"files/daftar-{NIK}.pdf") == f"files/daftar-{masked(NIK)}.pdf"
    assert NIK not in mask_text(f"a {spaced(NIK, (4, 4, 4, 4), ' ')} b")


@pytest.mark.parametrize(
    "text",
    [
        masked(NIK),  # already masked
        NIK[:4] + "********" + NIK[-4:],
        NIK[:6] + "xxxxxx" + NIK[-4:],
        f"No. Rekening BRI {NIK}",  # a number labelled as something else
        f"Transfer ke rekening {spaced(NIK, (4, 4, 4, 4), ' ')} a.n. BUMDes",
        f"Virtual account: {NIK}",
        f"No. Dokumen {NIK}",
        f"Nomor surat {spaced(NIK, (6, 6, 4), '.')}",
        "9912011208909999",  # no such province
        NIK[:6] + "32" + NIK[8:],  # day 32
        NIK[:6] + "72" + NIK[8:],  # day 72 (32 + 40)
        NIK[:8] + "13" + NIK[10:],  # month 13
        NIK[:12] + "0000",  # serial 0000
        "198705122010011003",  # an 18-digit NIP
        NIK[:15],  # 15 digits
        NIK + "7",  # 17 digits
        "Rp 1.500.000.000.000.000",
        "Telp. 0812-3456-7890 / 0856 1234 5678",
    ],
)
def test_other_numbers_are_not_identity_numbers(text):
    assert find(text) == []


def test_ids_in_web_addresses_count_only_when_labelled():
    assert find(f"Lihat https://www.facebook.com/desabinangun/posts/{NIK} dan www.x.id/{NIK}") == []
    assert [f.masked for f in find(f"https://contoh.desa.id/cek?nik={NIK}")] == [masked(NIK)]
    assert [f.masked for f in find(f"Sutini {NIK} https://contoh.desa.id")] == [masked(NIK)]


def test_a_labelled_column_of_bank_accounts_is_not_identity():
    assert find(NIK, header="No. Rekening") == []
    assert [f.masked for f in find(NIK, header="NIK")] == [masked(NIK)]


def test_spreadsheet_numbers_lose_their_last_digit():
    rounded = NIK[:15] + "0"
    assert find(NIK[:12] + "0000") == []
    assert [f.masked for f in find(NIK[:12] + "0000", rounded=True)] == [NIK[:4] + "x" * 8 + "0000"]
    assert find(rounded, rounded=True)


def test_candidates_take_whole_groups_only():
    assert [c[2] for c in candidates(f"12 {NIK[:8]} {NIK[8:]} 34")] == [NIK]
    assert list(candidates("1234 5678 9012 345")) == []


def test_false_positive_rate_of_random_16_digit_numbers():
    """Random unlabelled 16-digit numbers (account numbers, codes) rarely have the shape:
    about 0.7% start with a kecamatan code, about 7% of those carry a real date."""
    rng = random.Random(16)
    numbers = [f"{rng.randrange(10**15, 10**16)}" for _ in range(20000)]
    hits = sum(bool(find(number)) for number in numbers)
    assert hits / len(numbers) < 0.002, hits


def test_synthetic_codes_are_real_kecamatan():
    from villages.data import lookup

    for code in kecamatan_codes(random.Random(1), 20):
        assert lookup(code).level == 3
