"""End to end: write an article in the real editor (Sveltia CMS, local-repository mode,
headless system Chromium on 127.0.0.1), then check and build what it saved.

See sveltia.py for how the folder picker is answered without a human."""

import datetime as dt
import re
import shutil
from zoneinfo import ZoneInfo

import pytest
import yaml
from PIL import Image

from conftest import ARTIFACTS, serve_folder
from editor.tests.sveltia import field, picker_stub, repository_files
from front_matter import schema
from tests.sitetools import SAMPLE, build_site, text_of
from wartadesa.check import check

pytestmark = pytest.mark.browser

TITLE = "Kerja Bakti Warga Binangun"
SLUG = "kerja-bakti-binangun"
ALT = "Warga membersihkan saluran air di Dusun Krajan"
CAPTION = "Kerja bakti di Dusun Krajan."
DEVICE_ZONE = "Asia/Jayapura"
OFFICIAL = "Siti Aminah"
WRITTEN_DATE = "20 Desember 2024"
VILLAGE_DOCUMENT = "Keputusan Kepala Desa tentang Petugas Posyandu"
DOCUMENT = "Peraturan Kepala Desa tentang Jam Pelayanan"
BODY = "Warga Desa Binangun bergotong royong membersihkan saluran air."


@pytest.fixture(scope="module")
def saved(sample_site, browser, tmp_path_factory):
    """Create one article through the form; return (written files, built site, page
    console errors, screenshots folder)."""
    work = tmp_path_factory.mktemp("editor")
    ARTIFACTS.mkdir(exist_ok=True)
    photo = work / "balai-desa.jpg"
    Image.new("RGB", (1200, 800), (40, 120, 70)).save(photo, quality=80)
    # The operator's device is in another time zone than the site (Asia/Jakarta): the
    # picker still shows and writes the site's time.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id=DEVICE_ZONE, locale="id-ID"
    )
    context.add_init_script(picker_stub(SAMPLE))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    try:
        with serve_folder(sample_site.output) as base:
            page.goto(base + "/admin/")
            page.get_by_role("button", name="Work with Local Repository").click()
            page.get_by_role("button", name="New").wait_for()
            page.screenshot(path=ARTIFACTS / "editor-list.png")
            page.get_by_role("button", name="New").click()
            field(page, "judul").locator("input").fill(TITLE)
            field(page, "tanggal").locator('input[type="datetime-local"]').fill("2025-01-15T09:30")
            field(page, "desa").get_by_role("checkbox", name="Desa Binangun").check()
            field(page, "kategori").locator("input").fill("Pemerintahan")  # kategori bebas
            field(page, "gambar").locator('input[type="file"]').first.set_input_files(photo)
            field(page, "keterangan_gambar").locator("input").fill(CAPTION)
            field(page, "image_alt").locator("input").fill(ALT)
            field(page, "slug").locator("input").fill(SLUG)
            field(page, "body").locator('[contenteditable="true"]').click()
            page.keyboard.type(BODY)
            field(page, "judul").scroll_into_view_if_needed()
            page.screenshot(path=ARTIFACTS / "editor-form.png")
            preview_styles = [
                frame.evaluate(
                    "[...document.querySelectorAll('link[rel=stylesheet]')]"
                    ".map((link) => link.href)"
                )
                for frame in page.frames
                if frame != page.main_frame
            ]
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            files = repository_files(page)
    finally:
        context.close()
    site = work / "site"
    shutil.copytree(SAMPLE / "content", site / "content")
    for path, data in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return files, site, errors, photo, preview_styles


def add_document(page, index, title, kind, upload):
    """Add a document to the open dokumen form: its title, kind, year 2025 and file."""
    field(page, "dokumen").get_by_role("button", name=re.compile("Add.*dokumen")).click()
    field(page, f"dokumen.{index}.judul").locator("input").fill(title)
    field(page, f"dokumen.{index}.jenis").get_by_role("combobox").click()
    page.get_by_role("option", name=kind).click()
    field(page, f"dokumen.{index}.tahun").locator("input").fill("2025")
    field(page, f"dokumen.{index}.berkas").locator('input[type="file"]').first.set_input_files(
        upload
    )


@pytest.fixture(scope="module")
def data_files_saved(sample_site, browser, tmp_path_factory):
    """Change the site identity, add a village by its code to desa.yml, add an official to
    a village's aparatur.yml and create a page in the editor; return (written files, site
    folder)."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="Asia/Jakarta", locale="id-ID"
    )
    # The operator's folder: the fixture, its first document dated the Indonesian way.
    source = tmp_path_factory.mktemp("operator") / "site"
    shutil.copytree(SAMPLE / "content", source / "content")
    documents = source / "content" / "data" / "dokumen.yml"
    text = documents.read_text(encoding="utf-8")
    assert "tanggal: 2024-12-20" in text
    documents.write_text(text.replace("tanggal: 2024-12-20", f"tanggal: {WRITTEN_DATE}", 1))
    context.add_init_script(picker_stub(source))
    page = context.new_page()
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    attachment = tmp_path_factory.mktemp("dokumen") / "perkades-2-2025.pdf"
    attachment.write_bytes(b"%PDF-1.4\n%%EOF\n")
    village_attachment = attachment.with_name("sk-kades-3-2025.pdf")
    # Other bytes: the editor gives a file it already has the name it has (by its content).
    village_attachment.write_bytes(b"%PDF-1.4\n% SK\n%%EOF\n")
    try:
        with serve_folder(sample_site.output) as base:
            page.goto(base + "/admin/")
            page.get_by_role("button", name="Work with Local Repository").click()
            page.get_by_text("Identitas situs", exact=True).first.click()
            page.get_by_text("Nama, alamat dan kontak situs").click()
            field(page, "slogan").locator("input").fill("Kabar dari Binangun")
            field(page, "telepon").locator("input").fill("0356-123456")
            field(page, "desa").get_by_role("radio", name=re.compile("Desa Binangun")).check()
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            page.get_by_text("Daftar desa", exact=True).first.click()
            page.get_by_text("Daftar desa yang diliput").click()
            field(page, "desa").get_by_role("button", name=re.compile("Add.*desa")).click()
            field(page, "desa.3.kode").locator("input").fill("35.23.07.2001")
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            page.get_by_text("Data desa", exact=True).first.click()
            page.get_by_text("Aparatur desa dan BPD: Desa Binangun", exact=True).click()
            group = field(page, "pemerintah_desa")
            group.get_by_role("button", name=re.compile("Add.*orang")).click()
            field(page, "pemerintah_desa.3.nama").locator("input").fill(OFFICIAL)
            field(page, "pemerintah_desa.3.jabatan").locator("input").fill("Kepala Desa")
            field(page, "pemerintah_desa.3.masa_jabatan").locator("input").fill("sejak 2024")
            page.screenshot(path=ARTIFACTS / "editor-aparatur.png")
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            page.get_by_text("Data desa", exact=True).first.click()
            page.get_by_text("Dokumen dan informasi publik", exact=True).click()
            add_document(page, 4, DOCUMENT, "Peraturan Kepala Desa (Perkades)", attachment)
            field(page, "dokumen.4.klasifikasi").get_by_role(
                "radio", name="Informasi serta merta"
            ).check()
            page.screenshot(path=ARTIFACTS / "editor-dokumen.png")
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            # A village's dokumen.yml that does not exist yet is made by its form.
            page.get_by_text("Data desa", exact=True).first.click()
            page.get_by_text("Dokumen dan informasi publik: Desa Binangun", exact=True).click()
            field(page, "contoh").get_by_role("radio", name=re.compile("^Tidak")).check()
            kind = "Keputusan Kepala Desa (SK Kades)"
            add_document(page, 0, VILLAGE_DOCUMENT, kind, village_attachment)
            field(page, "dokumen.0.klasifikasi").get_by_role(
                "radio", name="Informasi tersedia setiap saat"
            ).check()
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            page.get_by_text("Halaman", exact=True).first.click()
            page.get_by_role("button", name="New").click()
            field(page, "judul").locator("input").fill("Sejarah Desa Binangun")
            field(page, "slug").locator("input").fill("sejarah-desa")
            field(page, "body").locator('[contenteditable="true"]').click()
            page.keyboard.type("Desa Binangun berdiri sejak lama.")
            page.get_by_role("button", name="Save").click()
            page.get_by_text("Entry saved.").wait_for()
            files = repository_files(page)
    finally:
        context.close()
    site = tmp_path_factory.mktemp("data-files") / "site"
    shutil.copytree(source / "content", site / "content")
    for path, data in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    return files, site


def test_identity_registry_and_page_saved_by_the_editor_build(data_files_saved, tmp_path_factory):
    files, site = data_files_saved
    identity = yaml.safe_load(files["content/situs.yml"])
    assert identity["slogan"] == "Kabar dari Binangun" and identity["telepon"] == "0356-123456"
    assert identity["desa"] == "35.23.07.2005"
    assert identity["menu"][0] == {"Beranda": "/"}  # keys without a form field are kept
    registry = yaml.safe_load(files["content/desa.yml"])
    assert registry[-1] == {"kode": "35.23.07.2001"} and len(registry) == 4
    errors, warnings = check(SAMPLE / "pelicanconf.py", content=site / "content")
    assert errors == [] and warnings == []
    built = build_site(tmp_path_factory.mktemp("data-built") / "output", content=site / "content")
    assert "Kabar dari Binangun" in built.text("")
    assert built.exists("desa/lajo-kidul/")
    assert (
        files["content/pages/sejarah-desa.md"]
        .decode()
        .startswith("---\njudul: Sejarah Desa Binangun\n")
    )
    assert "berdiri sejak lama" in built.text("sejarah-desa/")
    officials = yaml.safe_load(files["content/data/desa/binangun/aparatur.yml"])
    assert officials["contoh"] == "ya"  # the example mark stays until the operator says not
    assert officials["pemerintah_desa"][-1] == {
        "nama": OFFICIAL,
        "jabatan": "Kepala Desa",
        "masa_jabatan": "sejak 2024",
    }
    assert officials["pemerintah_desa"][0]["foto"] == "images/aparatur/kepala-desa.jpg"
    page = text_of(built.html("desa/binangun/aparatur/").find("main"))
    assert f"{OFFICIAL}" in page and "sejak 2024" in page
    documents = yaml.safe_load(files["content/data/dokumen.yml"])
    assert documents["contoh"] == "ya" and len(documents["dokumen"]) == 5
    # A date the reader takes but a date picker cannot show is kept as written.
    assert documents["dokumen"][0]["tanggal"] == WRITTEN_DATE
    added = documents["dokumen"][-1]
    assert added["judul"] == DOCUMENT and added["jenis"] == "Perkades"
    assert str(added["tahun"]) == "2025" and added["klasifikasi"] == "serta merta"
    assert added["berkas"].lstrip("/") == "files/perkades-2-2025.pdf"  # Sveltia adds the "/"
    assert files["content/files/perkades-2-2025.pdf"] == b"%PDF-1.4\n%%EOF\n"
    listed = built.html("dokumen/")
    assert listed.find("a", href=re.compile(r"files/perkades-2-2025\.pdf$")) is not None
    assert DOCUMENT in text_of(listed.find("main"))
    made = yaml.safe_load(files["content/data/desa/binangun/dokumen.yml"])
    assert made["contoh"] == "tidak" and len(made["dokumen"]) == 1
    assert made["dokumen"][0]["judul"] == VILLAGE_DOCUMENT
    assert made["dokumen"][0]["berkas"].lstrip("/") == "files/sk-kades-3-2025.pdf"
    assert VILLAGE_DOCUMENT in text_of(built.html("desa/binangun/dokumen/").find("main"))


def written_article(files):
    names = [path for path in files if path.endswith(f"-{SLUG}.md")]
    assert len(names) == 1, sorted(files)
    return names[0], files[names[0]].decode("utf-8")


def test_file_name_is_date_and_slug(saved):
    files, _site, errors, _photo, _styles = saved
    name, _text = written_article(files)
    today = dt.datetime.now(ZoneInfo(DEVICE_ZONE)).strftime("%Y-%m-%d")  # the operator's day
    assert name == f"content/berita/{today}-{SLUG}.md"
    assert not errors


def test_preview_uses_the_site_stylesheet(saved, sample_site):
    *_rest, styles = saved
    assert any(href.endswith("/theme/css/style.css") for hrefs in styles for href in hrefs)
    assert sample_site.exists("theme/css/style.css")


def test_front_matter_is_what_the_reader_expects(saved):
    files, _site, _errors, _photo, _styles = saved
    _name, text = written_article(files)
    head, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()
    meta = yaml.safe_load(head)
    assert meta["judul"] == TITLE
    assert meta["tanggal"] == "2025-01-15 09:30"  # the site's time zone, our format
    assert meta["desa"] == ["binangun"]
    assert meta["kategori"] == "Pemerintahan"
    assert meta["image_alt"] == ALT and meta["keterangan_gambar"] == CAPTION
    assert meta["slug"] == SLUG
    assert meta["gambar"].lstrip("/") == "images/balai-desa.jpg"
    assert BODY in body
    written_keys = {f.written for f in schema.FIELDS}
    assert set(meta) <= written_keys, set(meta) - written_keys


def test_uploaded_image_lands_in_content_images(saved):
    files, _site, _errors, photo, _styles = saved
    assert files["content/images/balai-desa.jpg"] == photo.read_bytes()


def test_what_the_editor_saved_passes_the_check(saved):
    _files, site, _errors, _photo, _styles = saved
    errors, warnings = check(SAMPLE / "pelicanconf.py", content=site / "content")
    assert errors == [] and warnings == []


def test_build_publishes_it_at_its_address_with_the_image(saved, tmp_path_factory):
    _files, site, _errors, _photo, _styles = saved
    built = build_site(tmp_path_factory.mktemp("edited") / "output", content=site / "content")
    page = built.html(f"berita/2025/01/{SLUG}/")
    assert page.find("h1").get_text(strip=True).replace("\xa0", " ") == TITLE
    images = [img for img in page.select("main img") if img.get("alt") == ALT]
    assert images, page.select("main img")
    source = images[0].get("src") or ""
    assert (built.output / f"berita/2025/01/{SLUG}/" / source).resolve().is_file() or (
        built.output / source.lstrip("/")
    ).is_file(), source
    text = page.get_text().replace("\xa0", " ")
    assert CAPTION in text and BODY in text
    assert page.find("a", href=re.compile(r"desa/binangun/"))
