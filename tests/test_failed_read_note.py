"""wartadesa.build's collector recognises Pelican's "a reader raised" note by its logger,
level, function and arguments (not its text): a file already reported with file:line is
not reported twice; any other unreadable file becomes one `file:1` line."""

import logging
import os
import sys
import textwrap

import pytest
from pelican import signals

from tests.sitetools import build_site
from wartadesa.build import BuildFailed, Collector, failed_read
from wartadesa.defaults import PLUGIN_PATHS, PLUGINS


@pytest.fixture
def boom_plugin(tmp_path):
    plugin = tmp_path / "plugins" / "boom_reader"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        textwrap.dedent("""\
        from pelican import signals
        from pelican.readers import BaseReader

        class BoomReader(BaseReader):
            enabled = True
            file_extensions = ["boom"]

            def read(self, source_path):
                raise ValueError("rusak")

        def add(readers):
            readers.reader_classes["boom"] = BoomReader

        def register():
            signals.readers_init.connect(add)
        """),
        encoding="utf-8",
    )
    yield {
        "PLUGIN_PATHS": [*PLUGIN_PATHS, str(tmp_path / "plugins")],
        "PLUGINS": [*PLUGINS, "boom_reader"],
    }
    module = sys.modules.pop("boom_reader", None)  # Pelican's signals outlive the build
    if module is not None:
        signals.readers_init.disconnect(module.add)


def test_unreadable_and_broken_files_are_each_reported_once(tmp_path, boom_plugin):
    berita = tmp_path / "content" / "berita"
    berita.mkdir(parents=True)
    (berita / "a.md").write_text(
        "---\njudul: Rapat\ntanggal: 2024-06-05\n---\nIsi.\n", encoding="utf-8"
    )
    (berita / "rusak.md").write_text("---\njudul: Rapat\n---\nIsi.\n", encoding="utf-8")
    (berita / "x.boom").write_text("apa saja\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=tmp_path / "content", **boom_plugin)
    problems = failed.value.problems
    assert [p for p in problems if "x.boom" in p] == [
        next(p for p in problems if p.endswith("x.boom:1: berkas tidak bisa dibaca"))
    ]
    broken = [p for p in problems if "rusak.md" in p]
    assert len(broken) == 1 and "tanggal belum diisi" in broken[0]


def test_only_pelicans_generator_note_is_recognised():
    def record(func, level=logging.ERROR, name="pelican.generators"):
        return logging.LogRecord(
            name, level, __file__, 1, "Reworded: %s failed", ("berita/x.md",), None, func
        )

    note = record("generate_context")  # the function Pelican's generators log it from
    assert failed_read(note)
    assert not failed_read(record("generate_output"))
    assert not failed_read(record("generate_context", logging.WARNING))
    assert not failed_read(record("generate_context", name="pelican.readers"))
    collector = Collector()
    collector.emit(note)
    assert collector.errors == [f"{os.path.relpath('berita/x.md')}:1: berkas tidak bisa dibaca"]
