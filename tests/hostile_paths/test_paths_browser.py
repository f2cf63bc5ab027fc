"""The worst hostile inputs that are built (not refused), in the system Chromium: no dialog,
no navigation away, no console error (a CSP violation is one), nothing loaded from
elsewhere (issue #10, classes 2, 7, 8)."""

import os

import pytest

from conftest import serve_folder
from tests.sitetools import build_site

pytestmark = pytest.mark.browser

DEEP_CODE = "".join("    " * i + "- x\n" for i in range(25))
ARTICLES = {
    "berita/kunci-asing.md": (
        "---\njudul: Kunci Asing Diabaikan\ntanggal: 2024-06-05\n"
        "timezone: ../../../../etc/localtime\n"
        'date_format: "%Y<script>alert(1)</script>"\n'
        "template_name: \"<meta http-equiv=refresh content='0;url=https://situs-lain.example/'>\"\n"
        "---\nLampiran: [laporan]({static}/files/salinan.txt).\n"
    ),
    "berita/panjang.md": (
        "---\njudul: Laporan Panjang\ntanggal: 2024-06-06\n---\n"
        + "Warga membaca [laporan](https://contoh.desa.id/laporan) desa.\n\n> Kutipan.\n\n"
        "- satu\n    - dua\n\n" * 200
    ),
    "berita/kode.md": (
        "---\njudul: Contoh Kode\ntanggal: 2024-06-07\n---\nContoh:\n\n```yaml\n"
        + DEEP_CODE
        + "```\n"
    ),
}


@pytest.fixture(scope="module")
def served_hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-browser")
    content = root / "content"
    for relative, text in ARTICLES.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (content / "files").mkdir()
    (content / "files" / "asli.txt").write_text("isi lampiran\n", encoding="utf-8")
    os.symlink("asli.txt", content / "files" / "salinan.txt")
    site = build_site(root / "output", content=content)
    assert any("kunci 'timezone' tidak dikenal" in w for w in site.warnings)
    with serve_folder(site.output) as base_url:
        yield base_url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/berita/2024/06/kunci-asing-diabaikan/",
        "/berita/2024/06/laporan-panjang/",
        "/berita/2024/06/contoh-kode/",
        "/arsip/",
        "/files/salinan.txt",
    ],
)
def test_no_dialog_navigation_or_policy_violation(page_factory, served_hostile, path):
    page = page_factory()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(served_hostile + path)
    page.evaluate("""() => document.querySelectorAll('*').forEach(element => {
        for (const type of ['mouseover', 'focus'])
            element.dispatchEvent(new Event(type, {bubbles: true}));
    })""")
    page.wait_for_timeout(300)
    assert page.url == served_hostile + path
    assert dialogs == []
    assert page.console_errors == []
    assert page.external_requests == []
    assert page.failed_requests == []
