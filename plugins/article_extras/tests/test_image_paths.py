"""Picture addresses as an operator writes them from GitHub: relative to the article's own
folder (what GitHub's preview shows), from the repository, or with Windows' backslash."""

import pytest
from PIL import Image

from tests.sitetools import build_site
from wartadesa.build import BuildFailed


def site_with(tmp_path, front, body):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (800, 600), (10, 100, 30)).save(content / "images" / "IMG_2024.JPG")
    (content / "berita" / "a.md").write_text(
        f"---\njudul: Foto Warga\ntanggal: 2024-06-05\n{front}---\nIsi.\n\n{body}\n",
        encoding="utf-8",
    )
    return content


def test_addresses_github_shows_are_the_picture(tmp_path):
    content = site_with(
        tmp_path,
        "gambar: ../images/IMG_2024.JPG\n",
        "![Dari folder berita](../images/IMG_2024.JPG)\n\n"
        "![Dari repositori](content/images/IMG_2024.JPG)",
    )
    page = build_site(tmp_path / "output", content=content).html("berita/2024/06/foto-warga/")
    cover = page.select_one("figure.cover img")
    body = page.select(".prose img")
    assert [img["alt"] for img in body] == ["Dari folder berita", "Dari repositori"]
    for img in [cover, *body]:
        assert img["src"].startswith("../../../../foto/img-2024-"), img


@pytest.mark.parametrize(
    "front, body, line, message",
    [
        (
            "",
            "![Warga](images\\IMG_2024.JPG)",
            7,
            "gambar 'images\\IMG_2024.JPG' ditulis dengan garis miring terbalik (backslash in an "
            "image path) — pakai garis miring biasa:  images/IMG_2024.JPG",
        ),
        (
            "gambar: IMG_2024.JPG\n",
            "",
            4,
            "gambar 'IMG_2024.JPG' tidak ditemukan di folder content (image file not found) — "
            "maksud Anda 'images/IMG_2024.JPG'? tulis nama berkas persis seperti di folder",
        ),
        # In the body, the fix is written as the body writes a picture.
        (
            "",
            "![Warga](images/tidak-ada-sama-sekali.jpg)",
            7,
            "gambar 'images/tidak-ada-sama-sekali.jpg' tidak ditemukan di folder content (image "
            "file not found) — periksa nama berkas (huruf besar/kecil berpengaruh); simpan "
            "berkasnya di content/images/ lalu tulis  ![keterangan foto](images/nama-berkas.jpg)",
        ),
        # The line of the picture written wrong, not of an earlier one holding its name.
        (
            "",
            "![Benar](images/IMG_2024.JPG)\n\nTeks.\n\n![Salah](IMG_2024.JPG)",
            11,
            "gambar 'IMG_2024.JPG' tidak ditemukan",
        ),
        # Relative to the article's folder, still never outside content/.
        (
            "",
            "![Jahat](../../pelicanconf.py)",
            7,
            "gambar '../../pelicanconf.py' harus berada di dalam folder content/",
        ),
    ],
)
def test_other_addresses_say_what_to_write(tmp_path, front, body, line, message):
    content = site_with(tmp_path, front, body)
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    [problem] = [p for p in failed.value.problems if "a.md:" in p]
    assert problem.split("a.md:", 1)[1].startswith(f"{line}: {message}"), problem
