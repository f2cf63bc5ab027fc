"""`invoke new --jenis pengumuman|agenda`: a file in the type's folder with the keys the
schema says the type uses, which then passes `invoke check`."""

import datetime as dt
import shutil

import yaml

from front_matter import schema
from tests.sitetools import SAMPLE, settings_path
from wartadesa.build import load_settings
from wartadesa.check import check
from wartadesa.new import main, write_typed

NOW = dt.datetime(2024, 7, 15, 8, 30)


def site(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SAMPLE / "content" / "desa.yml", content / "desa.yml")
    return content, load_settings(settings_path(), {"PATH": str(content)})


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]), text


def test_new_agenda(tmp_path):
    content, settings = site(tmp_path)
    path = write_typed("event", "Musyawarah Desa", ["binangun"], settings, NOW)
    assert path == content / "agenda" / "2024-07-15-musyawarah-desa.md"
    meta, text = front_matter(path)
    assert meta == {
        "judul": "Musyawarah Desa",
        "slug": "musyawarah-desa",
        "mulai": "2024-07-15 09:00",
        "desa": "binangun",
        "status": "draft",
    }
    for field in schema.used_by("event"):
        if field.key not in ("lang", "translation", "template"):
            assert f"{field.written}:" in text, field.key  # written or commented
            assert field.help_for("event") in text
    assert "# Judul agenda." in text and "# ringkasan: Tulis ringkasan agenda di sini." in text
    # the status line names the types with draft addresses as they are, not as "agenda"
    assert "(berita dan halaman draf bisa dilihat di alamat draf/)" in text
    assert "# peta: -6.9912, 111.8307" in text
    assert check(settings_path(), content) == ([], [])
    again = write_typed("event", "Musyawarah Desa", [], settings, NOW + dt.timedelta(days=1))
    assert front_matter(again)[0]["slug"] == "musyawarah-desa-2"


def test_new_pengumuman_through_the_command_line(tmp_path, capsys):
    content, _settings = site(tmp_path)
    code = main(
        [
            "--jenis",
            "pengumuman",
            "Penutupan Jalan",
            "--desa",
            "binangun",
            "--content",
            str(content),
            "--settings",
            str(settings_path()),
        ]
    )
    assert code == 0
    [path] = (content / "pengumuman").glob("*.md")
    meta, text = front_matter(path)
    assert meta["judul"] == "Penutupan Jalan" and "tanggal" in meta
    assert "# penting: true" in text and "# berlaku_sampai: 2024-06-30" in text
    assert "# utama:" not in text and "# mulai:" not in text  # other types' keys
    assert check(settings_path(), content) == ([], [])


def test_unknown_or_unready_type(tmp_path, capsys):
    content, _settings = site(tmp_path)
    assert main(["--jenis", "rapat", "X", "--content", str(content)]) == 1
    assert "jenis 'rapat' tidak dikenal" in capsys.readouterr().err
    assert main(["--jenis", "agenda", "--content", str(content)]) == 1
    assert "tulis judulnya" in capsys.readouterr().err


def test_invoke_new_passes_the_type(tmp_path, monkeypatch):
    """tasks.new hands --jenis to wartadesa.new.main."""
    import tasks

    seen = []
    monkeypatch.setattr("wartadesa.new.main", lambda args: seen.append(args) or 0)
    tasks.new.body(None, "Musyawarah Desa", desa="binangun", jenis="agenda")
    tasks.new.body(None, "Rapat", jenis="berita")
    assert seen == [["Musyawarah Desa", "--desa", "binangun", "--jenis", "agenda"], ["Rapat"]]


def test_the_command_line_speaks_of_the_type_it_makes(tmp_path, capsys):
    """A mistake in `invoke new --jenis agenda` said "Gagal membuat berita"; --kategori,
    which only news have, was dropped without a word."""
    content, _settings = site(tmp_path)
    common = ["--content", str(content), "--settings", str(settings_path())]
    code = main(["--jenis", "agenda", "Musyawarah", "--desa", "binangn", *common])
    assert code == 1
    assert capsys.readouterr().err.startswith("Gagal membuat agenda: ")
    code = main(["--jenis", "pengumuman", "Ronda", "--kategori", "Keamanan", *common])
    assert code == 0
    assert "--kategori hanya untuk berita: diabaikan untuk pengumuman" in capsys.readouterr().err
