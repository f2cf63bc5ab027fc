"""Any log line holding an identity number is masked, whoever logs it."""

import io
import logging

from front_matter.errors import ContentError, report
from privacy_guard.logmask import MaskIdentityNumbers
from synthetic_ids import Maker, masked

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
    record = logging.LogRecord("x", logging.WARNING, "", 1, "Rp %s dan 0812-3456-7890",
                               ("1.500.000",), None)
    assert MaskIdentityNumbers().filter(record)
    assert record.getMessage() == "Rp 1.500.000 dan 0812-3456-7890"
