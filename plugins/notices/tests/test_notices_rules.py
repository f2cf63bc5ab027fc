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
    assert "pengumuman/jadwal-ronda-malam-bulan-juli/index.html" in shown
    assert f"{copy.resolve()}:2:" in shown or f"{source.resolve()}:2:" in shown, shown


def test_a_page_on_the_agenda_address_is_refused(tmp_path):
    content = content_copy(tmp_path)
    (content / "pages" / "agenda.md").write_text(
        "---\njudul: Agenda\n---\n\nHalaman agenda.\n", encoding="utf-8")
    errors, _warnings = check(settings_path(), content)
    shown = "\n".join(problem_lines(errors, []))
    assert f"{(content / 'pages' / 'agenda.md').resolve()}:2: alamat agenda/ sudah dipakai " \
        "daftar agenda" in shown, shown
