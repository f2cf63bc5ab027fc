"""A broken settings file is one `file:line: message` line, never a traceback (#10, class 10)."""

import pytest

from tests.sitetools import run_build_command


@pytest.mark.parametrize(
    "text, line, words",
    [
        (
            'SITENAME = "Desa"\nPATH = (\n',
            2,
            ["pengaturan tidak bisa dibaca", "was never closed", "periksa tanda kurung"],
        ),
        ('SITENAME = "Desa"\nPATH = TIDAK_ADA\n', 2, ["pengaturan salah: NameError", "TIDAK_ADA"]),
        (None, 1, ["berkas pengaturan tidak bisa dibaca", "No such file or directory"]),
    ],
)
def test_broken_settings_are_one_line(tmp_path, text, line, words):
    settings = tmp_path / "pengaturan.py"
    if text is not None:
        settings.write_text(text, encoding="utf-8")
    result = run_build_command(str(settings), str(tmp_path / "output"), timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.strip().splitlines()[0]
    assert first.startswith(f"{settings}:{line}: ")
    for word in words:
        assert word in first
    assert not (tmp_path / "output").exists()
