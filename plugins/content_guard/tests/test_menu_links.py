"""A menu entry of situs.yml pointing at an address of the site that no page has stops the
build with situs.yml's line and the closest existing addresses (it was a broken link on
every page, published without a word)."""

import textwrap

import pytest

from tests.sitetools import build_site
from wartadesa.build import BuildFailed

ARTICLE = """\
---
title: Rapat Desa
date: 2024-03-01 09:00
category: Pemerintahan
---
Isi berita.
"""
PAGE = "---\ntitle: Profil Desa\nslug: profil\n---\nIsi halaman.\n"


def site_content(folder, menu):
    (folder / "berita").mkdir(parents=True)
    (folder / "berita" / "rapat.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "pages").mkdir()
    (folder / "pages" / "profil.md").write_text(PAGE, encoding="utf-8")
    (folder / "situs.yml").write_text(
        "nama: Warta Desa\nmenu:\n" + textwrap.indent(textwrap.dedent(menu), "  "), encoding="utf-8"
    )
    return folder


def test_menu_entry_to_a_missing_page_names_its_line_and_the_closest(tmp_path):
    content = site_content(
        tmp_path / "content",
        """\
          - Beranda: /
          - Berita: /arsip/
          - Profil: /profil-desa/
          - Kategori: kategori
          - Facebook: https://facebook.com/desaku
        """,
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    assert [p.replace(str(content) + "/", "") for p in failed.value.problems] == [
        "situs.yml:5: menu 'Profil' menuju /profil-desa/, tetapi tidak ada halaman di alamat "
        "itu (broken menu link) — alamat yang ada dan paling mirip: /profil/, /desa/, "
        "/penulis/operator-desa/"
    ]


def test_a_menu_of_existing_addresses_builds(tmp_path):
    content = site_content(
        tmp_path / "content",
        """\
          Beranda: /
          Profil: /profil/
          Rapat: /berita/2024/03/rapat-desa/
          Kategori: /kategori/
        """,
    )
    site = build_site(tmp_path / "output", content=content)
    assert site.warnings == []
