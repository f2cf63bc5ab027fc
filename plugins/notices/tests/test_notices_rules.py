"""The notice board follows the articles' rules: a headline chosen with `utama: true`,
duplicate addresses refused at the line that makes them."""

import shutil

from tests.sitetools import SAMPLE, build_site, settings_path, text_of
from wartadesa.build import problem_lines
from wartadesa.check import check


def content_copy(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    return content


def test_utama_makes_an_older_article_the_headline(tmp_path):
    content = content_copy(tmp_path)
    older = content / "berita" / "2022-10-24-ngantor-di-desa-bengkel.md"
    text = older.read_text(encoding="utf-8")
    older.write_text(text.replace("---\n", "---\nutama: true\n", 1), encoding="utf-8")
    site = build_site(tmp_path / "output", content=content)
    home = site.html("")
    cards = [text_of(t) for t in home.select(".cards .card__title")]
    title = text_of(site.html("").select_one(".cards .card__title"))
    assert "Bengkel" in title
    assert cards.count(title) == 1  # not repeated in the list under it
    assert len(cards) == 5  # the headline, then the four other articles
    assert "Pelatihan Aparatur Kecamatan P3PD Digelar Serentak di Empat Provinsi" in cards


def test_two_notices_with_one_address_are_refused(tmp_path):
    content = content_copy(tmp_path)
    source = content / "pengumuman" / "2024-07-08-jadwal-ronda.md"
    copy = content / "pengumuman" / "2024-07-09-jadwal-ronda-lagi.md"
    shutil.copy(source, copy)
    errors, _warnings = check(settings_path(), content)
    shown = "\n".join(problem_lines(errors, []))
    assert (
        f"{copy.resolve()}:2: alamat pengumuman/jadwal-ronda-malam-bulan-juli/ juga dipakai "
        f"oleh {source.resolve()} (duplicate URL)"
    ) in shown, shown


def test_a_page_on_the_agenda_address_is_refused(tmp_path):
    content = content_copy(tmp_path)
    (content / "pages" / "agenda.md").write_text(
        "---\njudul: Agenda\n---\n\nHalaman agenda.\n", encoding="utf-8"
    )
    errors, _warnings = check(settings_path(), content)
    shown = "\n".join(problem_lines(errors, []))
    assert (
        f"{(content / 'pages' / 'agenda.md').resolve()}:2: alamat agenda/ sudah dipakai "
        "daftar agenda" in shown
    ), shown


def test_content_checks_cover_notices_and_events(tmp_path):
    """privacy_guard and content_guard read the notice board too: a resident's NIK in a
    pengumuman (a list of aid recipients) and a link to a missing page in an agenda."""
    import sys

    from tests.sitetools import ROOT

    sys.path.insert(0, str(ROOT / "plugins" / "privacy_guard" / "tests"))
    try:
        from synthetic_ids import Maker, masked
    finally:
        sys.path.pop(0)
    nik = Maker(seed=17).nik()
    content = content_copy(tmp_path)
    notice = content / "pengumuman" / "2024-07-09-penerima-blt.md"
    notice.write_text(
        f"---\njudul: Penerima BLT\ntanggal: 2024-07-09\n---\n\nPenerima: Sutini, NIK {nik}.\n",
        encoding="utf-8",
    )
    event = content / "agenda" / "2024-07-30-rapat.md"
    event.write_text(
        "---\njudul: Rapat\nmulai: 2024-07-30\n---\n\n"
        "Lihat [jadwal]({filename}/pages/tidak-ada.md).\n",
        encoding="utf-8",
    )
    errors, _warnings = check(settings_path(), content)
    shown = "\n".join(problem_lines(errors, []))
    assert f"{notice.resolve()}:6:" in shown and masked(nik) in shown, shown
    assert f"{event.resolve()}:6:" in shown and "tidak-ada.md" in shown, shown


def test_hidden_and_draft_items(tmp_path):
    """Hidden: written at its address, listed nowhere; draft: not written at all."""
    content = content_copy(tmp_path)
    ronda = content / "pengumuman" / "2024-07-08-jadwal-ronda.md"
    ronda.write_text(
        ronda.read_text(encoding="utf-8").replace("---\n", "---\nstatus: hidden\n", 1),
        encoding="utf-8",
    )
    upacara = content / "agenda" / "2024-08-17-upacara-hut-ri.md"
    upacara.write_text(
        upacara.read_text(encoding="utf-8").replace("---\n", "---\nstatus: draft\n", 1),
        encoding="utf-8",
    )
    site = build_site(tmp_path / "output", content=content)
    assert site.exists("pengumuman/jadwal-ronda-malam-bulan-juli/")
    for listing in ("", "pengumuman/", "desa/binangun/"):
        assert "Jadwal Ronda Malam Bulan Juli" not in text_of(site.html(listing)), listing
    assert not site.exists("agenda/upacara-hut-kemerdekaan-ri/")
    assert not site.exists("agenda/upacara-hut-kemerdekaan-ri.ics")
    assert "Upacara" not in site.text("agenda.ics")
    assert "Upacara" not in text_of(site.html("agenda/"))


def test_a_repeated_notice_with_its_slug_written_is_told_to_change_the_slug(tmp_path):
    """A monthly notice made again in the web editor keeps its written `slug:`: the old
    hint ("ubah judul salah satunya") changed nothing, the address comes from the slug."""
    content = content_copy(tmp_path)
    for name, title in (
        ("2024-07-08-ronda.md", "Jadwal Ronda Juli"),
        ("2024-08-08-ronda.md", "Jadwal Ronda Agustus"),
    ):
        (content / "pengumuman" / name).write_text(
            f"---\njudul: {title}\ntanggal: {name[:10]}\nslug: jadwal-ronda\n---\nRonda.\n",
            encoding="utf-8",
        )
    errors, _warnings = check(settings_path(), content)
    told = [line for line in problem_lines(errors, []) if "jadwal-ronda/" in line]
    assert len(told) == 2, told
    assert all(
        "slug yang ditulis di berkas ini sudah dipakai: ubah slug-nya" in line for line in told
    ), told
    assert not any("ubah judul" in line for line in told), told
