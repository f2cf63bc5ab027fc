"""Rupiah the way Babel writes it for id_ID: "Rp1.234.567.890" (whole rupiah, no sen)
and the short form "Rp1,23 M" (three significant digits, Babel's compact units rb, jt,
M, T with a no-break space), and percentages "85,6%".

The theme's filters (`FILTERS`: rupiah, rupiah_singkat, persen) reach Jinja through
Pelican's JINJA_FILTERS setting (wartadesa/defaults.py); plugins import the functions."""

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_compact_currency, format_currency, format_percent

LOCALE = "id_ID"


def rupiah(amount):
    """'Rp1.234.567.890' (a negative amount: '-Rp50.000.000')."""
    return format_currency(
        int(amount), "IDR", locale=LOCALE, format="¤#,##0", currency_digits=False
    )


def _three_digits(amount):
    """`amount` rounded to three significant digits (999.999.999 -> 1.000.000.000), so
    Babel never writes 'Rp1000 jt'."""
    amount = int(amount)
    digits = len(str(abs(amount)))
    if digits <= 3:
        return amount
    unit = 10 ** (digits - 3)
    return int((Decimal(amount) / unit).quantize(Decimal(1), ROUND_HALF_UP)) * unit


def rupiah_short(amount):
    """'Rp1,23 M', 'Rp450 jt', 'Rp12,3 rb', 'Rp999'."""
    return format_compact_currency(_three_digits(amount), "IDR", locale=LOCALE, fraction_digits=2)


def percent(part, whole):
    """'85,6%' of part/whole, or '' when there is no whole to compare with."""
    if part is None or not whole:
        return ""
    # Rounded half up, as a spreadsheet and a reader do (Babel rounds half to even:
    # 42,5 jt of 40 jt would be "106,2%" where Excel shows 106,3%); exact, in Decimal.
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return format_percent(share / 100, locale=LOCALE, format="#,##0.0%")


def persen(part, whole):
    """Jinja filter: `realisasi|persen(anggaran)` -> '85,6%'."""
    return percent(part, whole)


FILTERS = {"rupiah": rupiah, "rupiah_singkat": rupiah_short, "persen": persen}
