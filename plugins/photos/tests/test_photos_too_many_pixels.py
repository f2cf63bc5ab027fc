"""A picture of too many pixels (a few KB of PNG claiming 15000x15000: a decompression
bomb) is a content problem, not a crash: one Indonesian message naming the picture at the
line of the content that names it (a cover, a body image, an official's photo, a gallery
photo), or at the picture itself when nothing names it; nothing is published."""

import shutil
from pathlib import Path

import pytest
from photo_files import pixel_bomb
from PIL import Image

from front_matter.pictures import TooManyPixels, open_picture
from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed

BOMB = (15000, 15000)  # over twice Image.MAX_IMAGE_PIXELS: Pillow's DecompressionBombError
LARGE = (10500, 10000)  # between once and twice: only Pillow's warning; opened as usual
TALL = (30000, 7000)  # over twice, another shape


def write(root, relative, data):
    path = Path(root) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return path


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    root = tmp_path_factory.mktemp("pixels")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content, "images/tak-dipakai.png", pixel_bomb(*BOMB))
    write(content, "images/sampul.png", pixel_bomb(*BOMB))
    write(content, "images/isi.png", pixel_bomb(*TALL))
    write(content, "images/aparatur/kepala-desa.jpg", pixel_bomb(*BOMB))
    album = next((content / "galeri").iterdir())
    write(album, "lapangan.jpg", pixel_bomb(*TALL))
    write(
        content,
        "berita/2024-07-12-besar.md",
        "---\njudul: Gambar Besar\ntanggal: 2024-07-12\ngambar: images/sampul.png\n---\n\n"
        "Isi.\n\n![Peta desa](images/isi.png)\n",
    )
    output = root / "output"
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content)
    return failed.value.problems, output, album.name


def only(problems, place, name):
    found = [p for p in problems if name in p and "/data/desa/" not in p]
    assert len(found) == 1, "\n".join(problems)
    assert place in found[0], found[0]
    assert "terlalu besar dalam piksel" in found[0]
    assert "perkecil gambarnya, misalnya sisi terpanjang paling banyak 3000 piksel" in found[0]
    assert "Decompression" not in found[0] and "Traceback" not in found[0]
    return found[0]


def test_a_cover_of_too_many_pixels(refused):
    problems, output, _ = refused
    line = only(problems, "content/berita/2024-07-12-besar.md:4: ", "sampul.png")
    assert "225 juta piksel" in line
    assert not output.exists()


def test_a_body_image_of_too_many_pixels(refused):
    problems, *_ = refused
    only(problems, "content/berita/2024-07-12-besar.md:9: ", "isi.png")


def test_an_officials_photo_of_too_many_pixels(refused):
    problems, *_ = refused
    only(problems, "content/data/aparatur.yml:8: ", "kepala-desa.jpg")
    # The village's own officials file names the same photo: its own message, at its line.
    village = [p for p in problems if "/data/desa/" in p]
    assert len(village) == 1 and "aparatur.yml:8: gambar 'kepala-desa.jpg'" in village[0]


def test_a_gallery_photo_of_too_many_pixels(refused):
    problems, _, album = refused
    only(problems, f"content/galeri/{album}/index.md:11: ", "lapangan.jpg")


def test_an_unused_picture_of_too_many_pixels(refused):
    problems, *_ = refused
    only(problems, "content/images/tak-dipakai.png:1: ", "tak-dipakai.png")
    assert len(problems) == 6, "\n".join(problems)


def test_opening_refuses_before_decoding(tmp_path):
    bomb = write(tmp_path, "bom.png", pixel_bomb(*BOMB))
    with pytest.raises(TooManyPixels) as caught:
        open_picture(bomb)
    message = caught.value.message
    assert "bom.png" in message and "225 juta piksel" in message and "batasnya 179 juta" in message
    phone = write(tmp_path, "ponsel.png", pixel_bomb(*LARGE))  # a 105-megapixel photo
    with open_picture(phone) as image:
        assert image.size == LARGE
    small = write(tmp_path, "kecil.png", pixel_bomb(30, 20))
    with open_picture(small) as image:
        assert image.size == (30, 20)
    assert Image.MAX_IMAGE_PIXELS == 89478485  # the kit keeps Pillow's limit
