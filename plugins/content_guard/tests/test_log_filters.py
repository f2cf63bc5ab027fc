"""Pelican's own log notes are recognised by logger, level, logging function and the
record's data, not by their text: each filter is fed records made by Pelican's real code."""

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from pelican.cache import FileStampDataCacher
from pelican.contents import Article
from pelican.readers import find_empty_alt
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_original_items

from content_guard.duplicates import TranslationNoteFilter, is_translation_clash
from content_guard.links import LinkNoteFilter, is_link_note
from content_guard.notes import EmptyAltFilter, is_empty_alt_note


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def records():
    """Every record Pelican's loggers make, before any logger filter (ours, once a build
    has installed them, and Pelican's own de-duplication) sees it."""
    handler = Records()
    root = logging.getLogger()
    loggers = [
        logging.getLogger(f"pelican.{name}") for name in ("utils", "contents", "cache", "readers")
    ]
    saved = [logger.filters[:] for logger in loggers]
    for logger in loggers:
        logger.filters.clear()
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)
        for logger, filters in zip(loggers, saved, strict=False):
            logger.filters[:] = filters


def item(path, lang="id", translation="false"):
    return SimpleNamespace(
        source_path=path,
        lang=lang,
        in_default_lang=lang == "id",
        metadata={"translation": translation},
    )


def test_translation_notes_are_dropped_a_lone_translation_too(records):
    """The lone translation is reported in Indonesian at its line (duplicates.py
    lone_translations; test_a_lone_translation_is_told_at_its_line)."""
    get_original_items([item("a.md"), item("b.md")], 'with slug "rapat"')  # same lang
    get_original_items([item("c.md", "en"), item("d.md", "fr")], 'with slug "x"')  # 2 originals
    get_original_items([item("e.md", translation="true")], 'with slug "y"')  # all translations
    warnings = [r for r in records if r.name == "pelican.utils"]
    assert len(warnings) == 4  # a+b: same lang and two originals; c+d; e
    assert all(is_translation_clash(r) for r in warnings)
    assert not TranslationNoteFilter().filter(warnings[0])


def test_a_lone_translation_is_told_at_its_line(tmp_path):
    from wartadesa.check import check

    berita = tmp_path / "berita"
    berita.mkdir()
    (berita / "english.md").write_text(
        "---\njudul: English Version\ntanggal: 2025-01-15\nslug: english\nlang: en\n"
        "translation: true\n---\nEnglish text.\n",
        encoding="utf-8",
    )
    (berita / "rapat.md").write_text(  # a translation with its original: nothing to say
        "---\njudul: Rapat\ntanggal: 2025-01-16\n---\nIsi.\n", encoding="utf-8"
    )
    (berita / "meeting.md").write_text(
        "---\njudul: Meeting\ntanggal: 2025-01-16\nslug: rapat\nlang: en\n"
        "translation: true\n---\nText.\n",
        encoding="utf-8",
    )
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "profil.md").write_text(  # a page too (Pelican's note was kept)
        "---\njudul: Profile\nlang: en\ntranslation: true\n---\nText.\n", encoding="utf-8"
    )
    (berita / "draf.md").write_text(  # and a draft
        "---\njudul: Draft\ntanggal: 2025-01-17\nlang: en\ntranslation: true\n"
        "status: draft\n---\nText.\n",
        encoding="utf-8",
    )
    errors, warnings = check(content=tmp_path)
    assert errors == []
    assert sorted(w.replace(str(tmp_path) + "/", "") for w in warnings) == [
        "berita/draf.md:5: berita ini ditandai terjemahan (translation: true), tetapi tidak ada "
        "berita asli dengan slug dan bulan yang sama (translation without an original) — hapus "
        "baris  translation: true  bila ini bukan terjemahan; bila terjemahan, samakan slug dan "
        "bulan tanggalnya dengan berita aslinya",
        "berita/english.md:6: berita ini ditandai terjemahan (translation: true), tetapi tidak "
        "ada berita asli dengan slug dan bulan yang sama (translation without an original) — "
        "hapus baris  translation: true  bila ini bukan terjemahan; bila terjemahan, samakan "
        "slug dan bulan tanggalnya dengan berita aslinya",
        "pages/profil.md:4: halaman ini ditandai terjemahan (translation: true), tetapi tidak "
        "ada halaman asli dengan slug sama (translation without an original) — hapus baris  "
        "translation: true  bila ini bukan terjemahan; bila terjemahan, samakan slug dengan "
        "halaman aslinya",
    ]


def article(text):
    settings = {**DEFAULT_CONFIG, "SITEURL": ""}
    return Article(
        text,
        metadata={"title": "Rapat", "date": dt.datetime(2024, 6, 5)},
        settings=settings,
        source_path="berita/rapat.md",
        context={"generated_content": {}, "static_content": {}, "localsiteurl": ""},
    )


def test_a_missing_link_target_is_dropped_an_unknown_indicator_kept(records):
    assert article('<a href="{filename}/hilang.md">x</a>').content
    assert article('<a href="{entah}/apa">x</a>').content
    notes = [r for r in records if r.name == "pelican.contents"]
    assert len(notes) == 2
    assert [is_link_note(r) for r in notes] == [True, False]
    assert not LinkNoteFilter().filter(notes[0]) and LinkNoteFilter().filter(notes[1])


def test_a_missing_files_stamp_is_dropped_other_stamp_errors_kept(records, tmp_path):
    cacher = FileStampDataCacher(
        {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path), "CHECK_MODIFIED_METHOD": "mtime"},
        "test",
        caching_policy=False,
        load_policy=False,
    )
    cacher._get_file_stamp(str(tmp_path / "hilang.md"))
    cacher._get_file_stamp(None)  # TypeError: not ours to silence
    notes = [r for r in records if r.name == "pelican.cache"]
    assert [is_link_note(r) for r in notes] == [True, False]


def test_records_with_other_loggers_levels_or_functions_are_kept():
    def record(name, level, args, func="_warn_source_paths"):
        made = logging.LogRecord(name, level, __file__, 1, "%s %s %s %s", args, None, func)
        made.limit_msg = "x"
        return made

    paths = (2, "with", "a.md", "b.md")
    assert is_translation_clash(record("pelican.utils", logging.WARNING, paths))
    assert not is_translation_clash(record("pelican.readers", logging.WARNING, paths))
    assert not is_translation_clash(record("pelican.utils", logging.ERROR, paths))
    assert not is_translation_clash(record("pelican.utils", logging.WARNING, paths, "other"))
    assert not is_link_note(record("pelican.contents", logging.ERROR, paths, "_link_replacer"))
    assert is_link_note(record("pelican.contents", logging.WARNING, paths, "_link_replacer"))


def test_pelicans_empty_alt_note_is_dropped_other_reader_notes_kept(records):
    find_empty_alt('<p><img alt="" src="images/saluran.jpg"></p>', "/tmp/berita.md")
    logging.getLogger("pelican.readers").warning("Could not process %s", "x.md")
    notes = [r for r in records if r.name == "pelican.readers"]
    assert len(notes) == 2
    assert [is_empty_alt_note(r) for r in notes] == [True, False]
    assert [EmptyAltFilter().filter(r) for r in notes] == [False, True]


def test_a_term_without_a_slug_is_one_message_at_its_line(tmp_path):
    """`label: ["!!!"]`: Pelican's English 'Unable to generate valid slug for Tag' (no file)
    is dropped; the clash of the term's page with the list of labels says why."""
    from wartadesa.check import check

    (tmp_path / "berita").mkdir()
    path = tmp_path / "berita" / "label.md"
    path.write_text(
        '---\njudul: Uji Label\ntanggal: 2024-06-05\nlabel: ["!!!", rapat]\n---\nIsi.\n',
        encoding="utf-8",
    )
    errors, warnings = check(content=tmp_path)
    assert warnings == []
    assert errors == [
        f"{path}:4: berkas keluaran tag/index.html ditulis dua kali: daftar label, halaman "
        "label '!!!' (output file written twice) — label '!!!' tidak menghasilkan alamat "
        "(tidak ada huruf atau angka latin di luar kode HTML): tulis dengan huruf atau angka, "
        "atau hapus"
    ]
