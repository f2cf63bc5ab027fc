"""Rupiah the way Babel writes it for id_ID (checked against Babel's own id_ID pattern)."""

from babel.numbers import format_currency

from wartadesa.rupiah import percent, rupiah, rupiah_short


def test_full_amount_follows_babel_id_style_without_sen():
    # Babel's id_ID currency pattern is "¤#,##0.00": symbol first, no space, dots for
    # thousands; APBDes amounts are whole rupiah, so the ",00" is left out.
    assert format_currency(1234567890, "IDR", locale="id_ID") == "Rp1.234.567.890,00"
    assert rupiah(1234567890) == "Rp1.234.567.890"
    assert rupiah(0) == "Rp0"
    assert rupiah(-60000000) == "-Rp60.000.000"


def test_short_amount_uses_babel_compact_units_with_three_digits():
    assert rupiah_short(1234567890) == "Rp1,23\xa0M"
    assert rupiah_short(1500000000) == "Rp1,5\xa0M"
    assert rupiah_short(408500000) == "Rp409\xa0jt"  # half up, not to even
    assert rupiah_short(12345) == "Rp12,3\xa0rb"
    assert rupiah_short(999) == "Rp999"
    # Babel alone writes "Rp1000 jt" here; rounding first gives the next unit.
    assert rupiah_short(999999999) == "Rp1\xa0M"
    assert rupiah_short(2_500_000_000_000) == "Rp2,5\xa0T"


def test_percent_has_one_decimal_with_comma():
    assert percent(1493500000, 1535000000) == "97,3%"
    assert percent(5, 5) == "100,0%"
    assert percent(None, 5) == "" and percent(5, 0) == ""


def test_percent_rounds_half_up_as_a_spreadsheet_does():
    # 106,25 %: Babel alone rounds half to even, "106,2%"; Excel and a reader say 106,3%.
    assert percent(42_500_000, 40_000_000) == "106,3%"
    assert percent(1, 8) == "12,5%" and percent(1, 16) == "6,3%"  # 6,25 %
    assert percent(-5, 40) == "-12,5%"
