"""Dates far in the future: a warning (check exits 0), not with status draft or when
WITH_FUTURE_DATES = False turns such articles into drafts."""

import datetime as dt

import pytest

from wartadesa.check import check


def write(folder, date, status="published"):
    path = folder / "berita" / "acara.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\njudul: Acara\ntanggal: {date}\nstatus: {status}\n---\nIsi.\n", encoding="utf-8"
    )


def in_days(days):
    return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).strftime("%Y-%m-%d %H:%M+00:00")


def test_a_date_a_week_ahead_is_a_warning(tmp_path):
    write(tmp_path, in_days(7))
    errors, warnings = check(content=tmp_path)
    assert errors == []
    assert len(warnings) == 1
    assert "acara.md:3: tanggal " in warnings[0]
    assert "masih jauh di masa depan (date far in the future)" in warnings[0]
    assert "status: draft" in warnings[0] and "WITH_FUTURE_DATES = False" in warnings[0]


@pytest.mark.parametrize(
    "date, status, overrides",
    [
        (in_days(-30), "published", {}),
        (in_days(0.5), "published", {}),  # later today: no warning
        (in_days(7), "draft", {}),
        (in_days(7), "published", {"WITH_FUTURE_DATES": False}),
        (in_days(7), "published", {"FUTURE_DATE_WARNING_DAYS": 10}),
    ],
)
def test_no_warning(tmp_path, date, status, overrides):
    write(tmp_path, date, status)
    assert check(content=tmp_path, overrides=overrides) == ([], [])


def test_notices_and_albums_dated_years_ahead_are_warned_about_too(tmp_path):
    """A typo in the year (2042 for 2024) kept a notice at the top and "in force", and an
    album at the top of the gallery, without a word."""
    from PIL import Image

    ahead = in_days(365 * 18)
    (tmp_path / "pengumuman").mkdir()
    (tmp_path / "pengumuman" / "ronda.md").write_text(
        f"---\njudul: Jadwal Ronda\ntanggal: {ahead}\n---\nIsi.\n", encoding="utf-8"
    )
    album = tmp_path / "galeri" / "kerja-bakti"
    album.mkdir(parents=True)
    Image.new("RGB", (640, 480), "green").save(album / "a.jpg")
    (album / "index.md").write_text(
        f"---\njudul: Kerja Bakti\ntanggal: {ahead}\nfoto:\n  - berkas: a.jpg\n"
        "    keterangan: Warga bekerja\n---\n",
        encoding="utf-8",
    )
    errors, warnings = check(content=tmp_path)
    assert errors == []
    assert len(warnings) == 2, warnings
    notice, gallery = sorted(warnings, key=lambda w: "galeri" in w)
    assert "ronda.md:3: tanggal " in notice and "masih jauh di masa depan" in notice
    assert "pengumuman ini akan tampil paling atas dan tetap berlaku" in notice
    assert "kerja-bakti/index.md:3: tanggal " in gallery and "album ini" in gallery


def test_an_event_that_ends_years_after_it_starts_is_a_warning(tmp_path):
    (tmp_path / "agenda").mkdir()
    (tmp_path / "agenda" / "lomba.md").write_text(
        "---\njudul: Lomba\nmulai: 2024-08-17 08:00\nselesai: 2025-08-17\n---\nIsi.\n",
        encoding="utf-8",
    )
    (tmp_path / "agenda" / "pameran.md").write_text(  # a month: fine
        "---\njudul: Pameran\nmulai: 2024-08-01\nselesai: 2024-08-31\n---\nIsi.\n", encoding="utf-8"
    )
    errors, warnings = check(content=tmp_path)
    assert errors == [] and len(warnings) == 1, warnings
    assert (
        "lomba.md:4: selesai (2025-08-17) lebih dari 120 hari sesudah mulai (2024-08-17)"
        in (warnings[0])
    )
