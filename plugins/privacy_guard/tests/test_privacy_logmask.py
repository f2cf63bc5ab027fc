"""Any log line holding an identity number is masked, whoever logs it."""

import io
import logging

from synthetic_ids import Maker, masked

from front_matter.errors import ContentError, report
from privacy_guard.logmask import MaskIdentityNumbers

NIK = Maker(seed=3).nik()


def test_log_lines_and_reported_errors_are_masked():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskIdentityNumbers())
    logger = logging.getLogger("pelican.test-privacy")
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        logger.warning("Unable to read %s", f"files/{NIK}.pdf")
        error = report(ContentError("a.md", 3, f"tanggal '{NIK}' tidak dikenali"))
        try:
            raise ValueError(f"bad value {NIK}")
        except ValueError:
            logger.exception("Could not process %s", "b.md")
    finally:
        root.removeHandler(handler)
    text = stream.getvalue()
    assert NIK not in text and NIK not in str(error)
    assert f"files/{masked(NIK)}.pdf" in text
    assert str(error) == f"a.md:3: tanggal '{masked(NIK)}' tidak dikenali"
    assert f"ValueError: bad value {masked(NIK)}" in text


def test_other_numbers_are_left_alone():
    record = logging.LogRecord(
        "x", logging.WARNING, "", 1, "Rp %s dan 0812-3456-7890", ("1.500.000",), None
    )
    assert MaskIdentityNumbers().filter(record)
    assert record.getMessage() == "Rp 1.500.000 dan 0812-3456-7890"


def test_a_crash_quoting_a_number_is_shown_masked(tmp_path):
    """An unexpected exception whose text holds an identity number: the build's one-line
    report carries it masked, like every logged line."""
    import textwrap

    import pytest
    from synthetic_ids import Maker

    from tests.sitetools import build_site
    from wartadesa.build import BuildFailed

    nik = Maker(seed=7).nik()
    plugin = tmp_path / "plugins" / "crasher"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        textwrap.dedent(f"""\
        import os

        from pelican import signals

        def crash(_generators):
            if os.path.exists({str(tmp_path / "crash")!r}):  # only during this test
                raise RuntimeError("tidak bisa membaca {nik}")

        def register():
            signals.all_generators_finalized.connect(crash)
        """),
        encoding="utf-8",
    )
    content = tmp_path / "content" / "berita"
    content.mkdir(parents=True)
    (content / "a.md").write_text(
        "---\njudul: Rapat\ntanggal: 2024-06-05\n---\nIsi.\n", encoding="utf-8"
    )
    from wartadesa.defaults import PLUGIN_PATHS, PLUGINS

    flag = tmp_path / "crash"
    flag.touch()
    try:
        with pytest.raises(BuildFailed) as failed:
            build_site(
                tmp_path / "output",
                content=tmp_path / "content",
                PLUGIN_PATHS=[*PLUGIN_PATHS, str(tmp_path / "plugins")],
                PLUGINS=[*PLUGINS, "crasher"],
            )
    finally:  # Pelican's signals outlive the build: leave no crashing receiver behind
        import sys

        from pelican import signals

        flag.unlink()
        crasher = sys.modules.pop("crasher", None)
        if crasher is not None:
            signals.all_generators_finalized.disconnect(crasher.crash)
    shown = "\n".join(failed.value.problems)
    assert "build gagal: RuntimeError: tidak bisa membaca " in shown
    assert nik not in shown
    assert f"{nik[:4]}xxxxxxxx{nik[-4:]}" in shown
