"""Dates as Indonesians write them: day-month-year with digits or month names."""

import textwrap

import pytest

from front_matter.dates import DateError, has_time, parse_date
from tests.sitetools import build_site, text_of
from wartadesa.build import BuildFailed


@pytest.mark.parametrize(
    "written, expected, with_time",
    [
        ("29-11-2026", (2026, 11, 29, 0, 0), False),
        ("29/11/2026", (2026, 11, 29, 0, 0), False),
        ("29.11.2026", (2026, 11, 29, 0, 0), False),
        ("5/6/2024 09:00", (2024, 6, 5, 9, 0), True),
        ("29 November 2026", (2026, 11, 29, 0, 0), False),
        ("29 Nopember 2026", (2026, 11, 29, 0, 0), False),
        ("1 Mei 2025 14.30", (2025, 5, 1, 14, 30), True),
        ("17 Agustus 2025", (2025, 8, 17, 0, 0), False),
        ("17 Agt. 2025", (2025, 8, 17, 0, 0), False),
        ("3 Oct 2024", (2024, 10, 3, 0, 0), False),
        ("Minggu, 29 November 2026 09:00", (2026, 11, 29, 9, 0), True),
        ("Jum'at, 27 November 2026", (2026, 11, 27, 0, 0), False),
        ("6 Juni 2024 pukul 09.00", (2024, 6, 6, 9, 0), True),
        ("6 Juni 2024, pukul 09:00", (2024, 6, 6, 9, 0), True),
        ("6 Juni 2024 jam 9.00", (2024, 6, 6, 9, 0), True),
        ("06-06-2024 pkl. 09.00", (2024, 6, 6, 9, 0), True),
        ("2024-06-06 pukul 09.00", (2024, 6, 6, 9, 0), True),
        ("2026-11-29", (2026, 11, 29, 0, 0), False),
        # As a phone or a word processor types them: curly apostrophe, en dashes, quotes.
        ("Jum\u2019at, 6 Desember 2024", (2024, 12, 6, 0, 0), False),
        ("2024\u201307\u201308", (2024, 7, 8, 0, 0), False),
        ("\u20182024-12-06\u2019", (2024, 12, 6, 0, 0), False),
        ("\u201c2024-07-08 09:00\u201d", (2024, 7, 8, 9, 0), True),
    ],
)
def test_day_month_year_forms(written, expected, with_time):
    date = parse_date(written)
    assert (date.year, date.month, date.day, date.hour, date.minute) == expected
    assert has_time(written) is with_time


def test_zone_after_a_named_month():
    assert parse_date("29 November 2026 09:00 WITA").utcoffset().total_seconds() == 8 * 3600


def test_the_date_the_site_prints_reads_back():
    """The site's own "Kamis, 6 Juni 2024 pukul 09.00 WIB", copied from a page, is that
    moment; WITA and WIT keep their own offset (the page shows `09.00 WITA`, the README's
    promise)."""
    for zone, hours in (("WIB", 7), ("WITA", 8), ("WIT", 9)):
        date = parse_date(f"Kamis, 6 Juni 2024 pukul 09.00 {zone}")
        assert (date.day, date.hour, date.utcoffset().total_seconds()) == (6, 9, hours * 3600)
        assert has_time(f"Kamis, 6 Juni 2024 pukul 09.00 {zone}")


def test_a_day_name_that_does_not_match_the_date():
    with pytest.raises(DateError) as problem:
        parse_date("Jumat, 6 Juni 2024")
    assert problem.value.message == (
        "tanggal 'Jumat, 6 Juni 2024': 6 Juni 2024 adalah hari Kamis, bukan Jumat (day name "
        "does not match the date)"
    )
    assert problem.value.hint == (
        "periksa tanggalnya; bila tanggalnya benar, tulis  Kamis, 6 Juni 2024  (nama hari "
        "boleh tidak ditulis)"
    )


@pytest.mark.parametrize(
    "written, words, hint",
    [
        ("31 Juni 2024", "Juni 2024 hanya punya 30 hari", "periksa tanggalnya"),
        ("31-06-2024", "Juni 2024 hanya punya 30 hari", "periksa tanggalnya"),
        ("29 Novembr 2026", "nama bulan 'Novembr' tidak dikenal", "29 November 2026"),
        ("11/29/2026", "bulan 29 tidak ada", "tanggal-bulan-tahun (29-11-2026)"),
        ("29-11-26", "tidak dikenali", "2024-06-05"),
        # `selesai: 11.00`: the time of the end without its date.
        ("11.00", "hanya berisi jam", "tulis tanggalnya juga, misalnya 2024-06-20 11.00"),
        ("pukul 11:30 WIB", "hanya berisi jam", "misalnya 2024-06-20 11:30"),
    ],
)
def test_impossible_or_unclear_dates_say_what_to_write(written, words, hint):
    with pytest.raises(DateError) as problem:
        parse_date(written)
    assert words in problem.value.message
    assert hint in problem.value.hint


def test_an_article_dated_the_indonesian_way_builds(tmp_path):
    content = tmp_path / "content" / "berita"
    content.mkdir(parents=True)
    (content / "rapat.md").write_text(
        textwrap.dedent("""\
        ---
        judul: Rapat Akhir Tahun
        tanggal: 29 November 2026 09:00
        ---
        Isi.
        """),
        encoding="utf-8",
    )
    (content / "kerja.md").write_text(
        textwrap.dedent("""\
        ---
        judul: Kerja Bakti
        tanggal: 28/11/2026
        ---
        Isi.
        """),
        encoding="utf-8",
    )
    site = build_site(
        tmp_path / "output", content=tmp_path / "content", FUTURE_DATE_WARNING_DAYS=10000
    )
    assert "Minggu, 29 November 2026 pukul 09.00 WIB" in text_of(
        site.html("berita/2026/11/rapat-akhir-tahun/")
    )
    assert "Sabtu, 28 November 2026" in text_of(site.html("berita/2026/11/kerja-bakti/"))


def test_unknown_month_stops_the_build_at_its_line(tmp_path):
    content = tmp_path / "content" / "berita"
    content.mkdir(parents=True)
    (content / "rapat.md").write_text(
        "---\njudul: Rapat\ntanggal: 29 Novembr 2026\n---\nIsi.\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=tmp_path / "content")
    assert any(
        "rapat.md:3: tanggal '29 Novembr 2026': nama bulan" in p for p in failed.value.problems
    ), failed.value.problems
