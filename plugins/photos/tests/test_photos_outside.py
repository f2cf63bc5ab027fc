"""A picture outside the content folder is never read, resized or published, whichever
way content names it: a cover (`gambar:`), a body image, an official's `foto:` (each
stops the build with one message at its line), or a path handed to the photos plugin."""

import shutil
from pathlib import Path

import pytest
from photo_files import tiny_jpeg

from photos.settings import DEFAULTS
from photos.source import PhotoProblem, inspect
from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed


def write(root, relative, data):
    path = Path(root) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return path


def article(day, title, front="", body="Isi berita."):
    return f"---\njudul: {title}\ntanggal: 2024-07-{day:02}\n{front}---\n\n{body}\n"


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    root = tmp_path_factory.mktemp("outside")
    write(root, "secret.jpg", tiny_jpeg())  # beside the site, as on a CI runner
    content = root / "site" / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(
        content,
        "berita/2024-07-12-img.md",
        article(
            1,
            "Gambar Luar",
            "gambar: images/../../../secret.jpg\n",
            "Isi.\n\n![Rahasia]({static}images/../../../secret.jpg)\n",
        ),
    )
    officials = content / "data" / "aparatur.yml"
    text = officials.read_text(encoding="utf-8")
    officials.write_text(
        text.replace("foto: images/aparatur/kepala-desa.jpg", "foto: ../../secret.jpg"),
        encoding="utf-8",
    )
    output = root / "output"
    with pytest.raises(BuildFailed) as failed:
        build_site(output, content=content)
    return failed.value.problems, output


def lines_with(problems, place):
    return [p for p in problems if place in p]


def test_a_cover_outside_content_stops_the_build(refused):
    problems, output = refused
    found = lines_with(problems, "content/berita/2024-07-12-img.md:4: ")
    assert len(found) == 1, problems
    assert "gambar 'images/../../../secret.jpg' harus berada di dalam folder content/" in found[0]
    assert "tanpa ../" in found[0]
    assert not output.exists()


def test_a_body_image_outside_content_stops_the_build(refused):
    problems, _ = refused
    found = lines_with(problems, "content/berita/2024-07-12-img.md:9: ")
    assert len(found) == 1, problems
    assert "harus berada di dalam folder content/" in found[0]


def test_an_officials_photo_outside_content_stops_the_build(refused):
    problems, _ = refused
    found = lines_with(problems, "content/data/aparatur.yml:8: ")
    assert len(found) == 1, problems
    assert "foto '../../secret.jpg' harus berada di dalam folder content/" in found[0]
    assert len(problems) == 3, problems  # nothing else: the file is never looked at


def test_the_photos_plugin_opens_nothing_outside_its_folder(tmp_path):
    (tmp_path / "secret.jpg").write_bytes(tiny_jpeg())
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    for relative in ("../secret.jpg", "images/../../secret.jpg", "images/link.jpg"):
        with pytest.raises(PhotoProblem) as problem:
            inspect(str(content), relative, dict(DEFAULTS))
        assert "harus berada di dalam folder content/" in problem.value.message
