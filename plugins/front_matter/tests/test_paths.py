"""front_matter.paths: the real path of a content path, its folders' real paths remembered
for one build only."""

import os
import shutil
from pathlib import Path

import pytest

from front_matter.paths import forget_real_folders, inside_content, real_folder, real_path
from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed


def test_real_path_is_os_realpath_with_links_anywhere(tmp_path):
    """Folders, files, chains of links, dangling links, relative paths and missing files:
    the same answer as os.path.realpath, asked twice (the second from remembered folders)."""
    root = tmp_path / "akar"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "f.txt").write_text("x")
    (root / "luar").mkdir()
    (root / "luar" / "g.txt").write_text("y")
    (root / "a" / "ke-luar").symlink_to(root / "luar", target_is_directory=True)
    (root / "a" / "b" / "tautan.txt").symlink_to("../../luar/g.txt")  # relative
    (root / "a" / "rantai").symlink_to(root / "a" / "ke-luar")  # a link to a link
    (root / "a" / "putus").symlink_to(root / "tidak-ada")  # dangling
    (root / "a" / "b" / "naik").symlink_to("..", target_is_directory=True)
    paths = [
        "a/b/f.txt",
        "a/b/tidak-ada.txt",
        "a/ke-luar/g.txt",
        "a/rantai/g.txt",
        "a/b/tautan.txt",
        "a/putus",
        "a/putus/x.txt",
        "a/b/naik/b/f.txt",
        "a/b/naik/ke-luar",
        "a/tidak-ada/lagi/f.txt",
        "a",
    ]
    forget_real_folders()
    for _ in range(2):
        for relative in paths:
            path = os.path.join(root, *relative.split("/"))
            assert real_path(path) == os.path.realpath(path), relative
            assert real_folder(path) == os.path.realpath(path), relative
    cwd = os.getcwd()
    os.chdir(root / "a")
    try:
        assert real_path("b/f.txt") == os.path.realpath("b/f.txt")
        assert real_path("ke-luar/g.txt") == os.path.realpath("ke-luar/g.txt")
    finally:
        os.chdir(cwd)
    forget_real_folders()


def test_a_folder_made_a_link_outside_is_seen_by_the_next_build(tmp_path):
    """The live preview builds again in the same process: a folder an earlier build saw
    inside the content folder, now a symbolic link leading out of it, is outside for the
    next build (the folders' real paths are forgotten when a build starts)."""
    content = tmp_path / "site" / "content"
    shutil.copytree(SAMPLE / "content", content)
    images = content / "images" / "liputan"
    images.mkdir(parents=True)
    picture = next((SAMPLE / "content" / "images").rglob("*.jpg"))
    shutil.copy(picture, images / "foto.jpg")
    article = content / "berita" / "2024-07-12-liputan.md"
    article.write_text(
        "---\njudul: Liputan Kerja Bakti\ntanggal: 2024-07-12\n"
        "gambar: images/liputan/foto.jpg\n---\n\nIsi berita.\n",
        encoding="utf-8",
    )
    build_site(tmp_path / "output", content=content)  # inside: published
    assert inside_content("images/liputan/foto.jpg", content) == "images/liputan/foto.jpg"

    outside = tmp_path / "luar"
    shutil.move(images, outside)
    Path(images).symlink_to(outside, target_is_directory=True)
    with pytest.raises(BuildFailed) as failed:  # (the content folder's own check says so)
        build_site(tmp_path / "output", content=content)
    assert any("images/liputan:1: tautan simbolik" in p for p in failed.value.problems)
    # What the first build remembered of the folder is gone: the path now leads out.
    assert inside_content("images/liputan/foto.jpg", content) is None
