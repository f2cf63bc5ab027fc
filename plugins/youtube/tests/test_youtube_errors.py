"""A YouTube address that names no valid video stops the build: file, line, value, how to fix."""

import textwrap

import pytest

from tests.sitetools import build_site
from wartadesa.build import BuildFailed

FILES = {
    "e1.md": """
        ---
        title: Kanal Sebagai Video
        date: 2024-06-05
        category: Umum
        youtube: https://www.youtube.com/@DesaBinangun
        ---
        Isi berita.
        """,
    "e2.md": """
        ---
        title: Alamat Salah di Isi
        date: 2024-06-05
        ---
        Paragraf dengan https://youtu.be/dQw4w9WgXc di dalam kalimat tetap teks biasa.

        https://youtu.be/dQw4w9WgXc

        [Daftar putar rapat](https://www.youtube.com/playlist?list=PL0123456789abcdef)

        youtube.com/watch?feature=share

        <https://youtu.be/dQw4w9WgXc>
        """,
    "e3.md": """
        ---
        title: Bukan YouTube
        date: 2024-06-05
        category: Umum
        youtube: https://vimeo.com/12345
        ---
        Isi berita.
        """,
    "e4.md": """
        ---
        title: ID Terlalu Pendek
        date: 2024-06-05
        category: Umum
        youtube: dQw4w9WgX
        ---
        Isi berita.
        """,
    "e5.md": """
        ---
        title: Waktu Mulai Salah
        date: 2024-06-05
        ---
        Pembukaan.

        <https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=sepuluh>
        """,
    "e6.md": """
        Title: Header Pelican Tanpa YAML
        Date: 2024-06-05 10:00

        Isi.

        https://www.youtube.com/channel/UC1234567890abcdefghijkl
        """,
    "ok.md": """
        ---
        title: Berita Yang Benar
        date: 2024-06-05
        youtube: dQw4w9WgXcQ
        ---
        Kanal desa: [YouTube Desa](https://www.youtube.com/@DesaBinangun) dan
        https://www.youtube.com/playlist?list=PL0123456789abcdef di dalam kalimat.

        ```
        https://youtu.be/contohSalah
        ```

            https://youtu.be/kodeJuga
        """,
}


@pytest.fixture(scope="module")
def problems(tmp_path_factory):
    content = tmp_path_factory.mktemp("youtube-errors")
    for name, text in FILES.items():
        path = content / "berita" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path_factory.mktemp("youtube-errors-out") / "output", content=content)
    return failed.value.problems


def problem_at(problems, location):
    found = [line for line in problems if f"{location}:" in line]
    assert len(found) == 1, (location, problems)
    return found[0]


def test_every_bad_address_is_one_problem_and_nothing_else(problems):
    assert len(problems) == 9, problems
    assert not [line for line in problems if "ok.md" in line]
    assert not [line for line in problems if "tidak bisa dibaca" in line]  # no generic line


def test_channel_in_front_matter(problems):
    line = problem_at(problems, "e1.md:5")
    assert "'https://www.youtube.com/@DesaBinangun'" in line
    assert "alamat kanal YouTube, bukan satu video" in line
    assert "salin alamat dari tombol Bagikan di YouTube" in line
    assert "tulis tautannya di dalam kalimat" in line


def test_wrong_length_in_the_body_names_its_own_line(problems):
    # Line 5 holds the same address inside a sentence (an ordinary text, no error).
    line = problem_at(problems, "e2.md:7")
    assert "'https://youtu.be/dQw4w9WgXc'" in line
    assert "harus 11 karakter, bukan 10" in line
    assert "salin alamat dari tombol Bagikan di YouTube" in line


def test_the_same_bad_address_twice_gives_both_lines(problems):
    line = problem_at(problems, "e2.md:13")
    assert "'https://youtu.be/dQw4w9WgXc'" in line and "bukan 10" in line


def test_file_without_yaml_front_matter(problems):
    line = problem_at(problems, "e6.md:6")
    assert "'https://www.youtube.com/channel/UC1234567890abcdefghijkl'" in line and "kanal" in line


def test_playlist_link_alone_in_a_paragraph(problems):
    line = problem_at(problems, "e2.md:9")
    assert "'https://www.youtube.com/playlist?list=PL0123456789abcdef'" in line
    assert "daftar putar" in line


def test_watch_address_without_v(problems):
    line = problem_at(problems, "e2.md:11")
    assert "'youtube.com/watch?feature=share'" in line and "tanpa v=ID" in line


def test_not_a_youtube_address_in_front_matter(problems):
    line = problem_at(problems, "e3.md:5")
    assert "youtube: 'https://vimeo.com/12345' tidak bisa ditampilkan" in line
    assert "bukan alamat YouTube atau ID video 11 karakter" in line


def test_short_bare_id_in_front_matter(problems):
    line = problem_at(problems, "e4.md:5")
    assert "'dQw4w9WgX'" in line and "ID video 11 karakter" in line


def test_bad_start_time(problems):
    line = problem_at(problems, "e5.md:7")
    assert "waktu mulai 't=sepuluh' tidak dikenal" in line and "t=1m30s" in line


def test_a_body_with_yaml_front_matter_is_converted_once(problems, tmp_path, monkeypatch):
    """The reader's own conversion notes the standalone addresses (`body_notes`): the
    content step converts a body again only when it was read without YAML front matter
    (e6.md), and the problems are the same, at the same lines."""
    from youtube import content as youtube_content

    scanned = []
    scan = youtube_content.scan

    def counting(body, *args, **kwargs):
        scanned.append(body)
        return scan(body, *args, **kwargs)

    monkeypatch.setattr(youtube_content, "scan", counting)
    content = tmp_path / "content"
    for name, text in FILES.items():
        path = content / "berita" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content, BUILD_WORKERS=1)

    def where(lines):
        return sorted(line.split("berita/", 1)[1] for line in lines)

    assert where(failed.value.problems) == where(problems)
    assert len(scanned) == 1 and "UC1234567890abcdefghijkl" in scanned[0]
