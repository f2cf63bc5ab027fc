"""Real builds of albums: the sample fixture album (a landscape picture and a portrait one
stored on its side with EXIF orientation 6 and GPS), a site with more albums (order,
hidden, draft) and a site of broken albums (every operator mistake as file:line)."""

import re
import shutil

import pytest
from album_files import jpeg, write_album
from PIL import Image

from tests.sitetools import SAMPLE, build_site, text_of
from wartadesa.build import BuildFailed

SLUG = "contoh-album-kerja-bakti-dusun-krajan"
ALBUM = f"galeri/{SLUG}/"
SOURCE = SAMPLE / "content" / "galeri" / "kerja-bakti-dusun-krajan"


def album_text(title, date, photos, front="", body=""):
    entries = "".join(
        f"  - berkas: {name}\n    keterangan: {caption}\n" for name, caption in photos
    )
    return f"---\njudul: {title}\ntanggal: {date}\n{front}foto:\n{entries}---\n\n{body}\n"


# --- the sample fixture album --------------------------------------------------------


def test_album_grid_links_every_photo_to_its_large_view(sample_site):
    page = sample_site.html(ALBUM)
    assert text_of(page.h1) == "Contoh Album Kerja Bakti Dusun Krajan"
    links = page.select("ul.gallery > li > a")
    assert [a["href"] for a in links] == [f"../../{ALBUM}{n}/" for n in (1, 2, 3)]
    for number, link in enumerate(links, 1):
        img = link.find("img")
        assert img["alt"] and img["width"] == img["height"] == "288"  # square thumbnails
        assert "k208" in link.find("source")["srcset"]
        assert img["loading"] == "lazy"  # Chromium loads those on the first screen at once
        assert sample_site.exists(f"{ALBUM}{number}/")
    # The caption serves as alt text when alt is left out (the second photo).
    assert links[1].find("img")["alt"].startswith("Gambar contoh berdiri")
    assert "Album contoh untuk menunjukkan galeri foto" in text_of(page.select_one(".prose"))
    # The optional viewer: a deferred script of the theme (the grid works without it).
    assert [s["src"] for s in page.select("script[src]")] == [
        "../../theme/js/gallery.js",
        "../../theme/js/share.js",  # the share box's copy button
    ]
    assert all(s.has_attr("defer") for s in page.select("script[src]"))


def test_large_view_has_the_photo_upright_sized_and_captioned(sample_site):
    landscape = sample_site.html(f"{ALBUM}1/")
    portrait = sample_site.html(f"{ALBUM}2/")
    for page, tall in ((landscape, False), (portrait, True)):
        img = page.select_one("figure.cover img")
        width, height = int(img["width"]), int(img["height"])
        assert (height > width) is tall
        assert img["fetchpriority"] == "high" and "800w" in img["srcset"]
        largest = page.select_one("figure.cover source")["srcset"].split(", ")[-1].split()[0]
        with Image.open((sample_site.path(f"{ALBUM}1/").parent / largest).resolve()) as picture:
            assert (picture.height > picture.width) is tall
            assert not picture.getexif() and "xmp" not in picture.info
    assert text_of(portrait.h1) == "Foto 2 dari 3 Contoh Album Kerja Bakti Dusun Krajan"
    assert text_of(portrait.figcaption).startswith("Gambar contoh berdiri (potret)")
    assert [a["rel"] for a in portrait.select(".prevnext a")] == [["prev"], ["next"]]
    assert landscape.select(".prevnext a")[0]["rel"] == ["next"]
    og = portrait.select_one('meta[property="og:image"]')["content"]
    assert og.endswith("-og.jpg") and "saluran-irigasi" in og


def test_album_json_ld_is_an_image_gallery(published_site):
    import json

    page = published_site.html(ALBUM)
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    base = "https://binangun-singgahan.desa.id/"
    assert data["@type"] == "ImageGallery" and data["url"] == base + ALBUM
    assert data["name"] == "Contoh Album Kerja Bakti Dusun Krajan"
    assert data["datePublished"].startswith("2024-07-20")
    assert [i["url"] for i in data["image"]] == [f"{base}{ALBUM}{n}/" for n in (1, 2, 3)]
    portrait = data["image"][1]
    assert portrait["height"] > portrait["width"] and portrait["contentUrl"].startswith(base)
    assert data["contentLocation"]["name"] == "Desa Binangun"


def test_originals_with_gps_are_never_published(sample_site):
    originals = {p.read_bytes() for p in SOURCE.glob("*.jpg")}
    published = [p for p in sample_site.output.rglob("*") if p.is_file()]
    assert not [p for p in published if p.read_bytes() in originals]
    assert not list((sample_site.output / "galeri").rglob("*.jpg"))
    for path in (sample_site.output / "foto").glob("saluran-irigasi-*"):
        with Image.open(path) as picture:
            assert not picture.getexif().get_ifd(0x8825), path


def test_village_and_region_pages_show_the_album(sample_site):
    for url in ("desa/binangun/", "wilayah/jawa-timur/tuban/singgahan/"):
        section = sample_site.html(url).select_one("section.place-albums")
        assert section is not None, url
        assert section.select_one("h3 a")["href"].endswith(ALBUM)
        images = section.select("ul.gallery img")
        assert len(images) == 3 and all(i["loading"] == "lazy" for i in images)
    assert sample_site.html("desa/bengkel/").select_one("section.place-albums") is None


def test_album_page_names_its_village(sample_site):
    places = sample_site.html(ALBUM).select(".places a.place-name")
    assert [a["href"] for a in places] == ["../../desa/binangun/"]


def test_index_and_sitemap(sample_site):
    index = sample_site.html("galeri/")
    assert [a["href"] for a in index.select(".albums__title a")] == [f"../{ALBUM}"]
    sitemap = sample_site.text("sitemap.xml")
    assert "/galeri/</loc>" in sitemap and f"/{ALBUM}</loc>" in sitemap


# --- more albums ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def albums_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("albums")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    galeri = content / "galeri"
    write_album(
        galeri / "posyandu",
        album_text(
            "Posyandu Balita",
            "2024-09-02",
            [("timbang.jpg", "Penimbangan")],
            front="wilayah: Kec. Singgahan\n",
        ),
        {"timbang.jpg": jpeg(640, 480, seed=7)},
    )
    write_album(
        galeri / "lama",
        album_text("Album Lama", "2023-01-05", [("a.jpg", "Dulu")]),
        {"a.jpg": jpeg(640, 480, seed=8)},
    )
    write_album(
        galeri / "tersembunyi",
        album_text("Album Tersembunyi", "2024-10-01", [("b.jpg", "B")], front="status: hidden\n"),
        {"b.jpg": jpeg(640, 480, seed=9)},
    )
    write_album(
        galeri / "draf",
        album_text("Album Draf", "2024-10-02", [("c.jpg", "C")], front="status: draft\n"),
        {"c.jpg": jpeg(640, 480, seed=10)},
    )
    write_album(
        galeri / "jahat",
        "---\njudul: Album <script>alert(1)</script> Jahat\n"
        "tanggal: 2022-01-01\nslug: album-jahat\nfoto:\n  - berkas: d.jpg\n"
        "    keterangan: '\"><img src=x onerror=alert(2)>'\n"
        "    alt: '\" onload=\"alert(3)'\n---\n\n<script>alert(4)</script>\n\n"
        '<a href="javascript:alert(5)">tautan</a>\n',
        {"d.jpg": jpeg(640, 480, seed=12)},
    )
    return build_site(root / "output", content=content)


def test_hostile_text_is_escaped_or_cleaned(albums_site):
    pages = [
        albums_site.text(u) for u in ("galeri/album-jahat/", "galeri/album-jahat/1/", "galeri/")
    ]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html
        assert 'onload="alert' not in html and "javascript:" not in html
    photo = albums_site.html("galeri/album-jahat/1/")
    assert photo.select_one("figure.cover img")["alt"] == '" onload="alert(3)'
    assert text_of(photo.figcaption) == '"><img src=x onerror=alert(2)>'
    assert any("HTML tidak aman" in w for w in albums_site.warnings)


def test_index_lists_published_albums_newest_first(albums_site):
    titles = [text_of(a) for a in albums_site.html("galeri/").select(".albums__title a")]
    assert titles == [
        "Posyandu Balita",
        "Contoh Album Kerja Bakti Dusun Krajan",
        "Album Lama",
        "Album Jahat",
    ]
    assert albums_site.exists("galeri/album-tersembunyi/")  # hidden: online, not listed
    assert not albums_site.exists("galeri/album-draf/")
    assert "album-tersembunyi" not in albums_site.text("sitemap.xml")


def test_region_tag_reaches_the_region_and_above(albums_site):
    for url in ("wilayah/jawa-timur/tuban/singgahan/", "wilayah/jawa-timur/"):
        titles = [text_of(a) for a in albums_site.html(url).select(".place-albums h3 a")]
        assert titles == ["Posyandu Balita", "Contoh Album Kerja Bakti Dusun Krajan"], url
    binangun = albums_site.html("desa/binangun/").select(".place-albums h3 a")
    assert [text_of(a) for a in binangun] == ["Contoh Album Kerja Bakti Dusun Krajan"]


# --- operator mistakes -----------------------------------------------------------------


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """One build of many broken albums: (problems, warnings) of its BuildFailed."""
    root = tmp_path_factory.mktemp("broken-albums")
    content = root / "content"
    shutil.copytree(SAMPLE / "content", content)
    galeri = content / "galeri"
    good = jpeg(320, 240, seed=11)
    (galeri / "tanpa-index").mkdir()
    (galeri / "tanpa-index" / "foto.jpg").write_bytes(good)
    write_album(
        galeri / "foto-hilang",
        album_text("Foto Hilang", "2024-08-01", [("ada.jpg", "Ada"), ("hilang.jpg", "Hilang")]),
        {"ada.jpg": good, "Hilang.JPG": good, "lebih.jpg": good},
    )
    write_album(
        galeri / "tanpa-alt",
        "---\njudul: Tanpa Alt\ntanggal: 2024-08-02\nfoto:\n  - berkas: a.jpg\n---\n",
        {"a.jpg": good},
    )
    write_album(
        galeri / "desa-salah",
        album_text("Desa Salah", "2024-08-03", [("a.jpg", "A")], front="desa: Binangunn\n"),
        {"a.jpg": good},
    )
    write_album(
        galeri / "desa-lain",
        album_text("Desa Lain", "2024-08-09", [("a.jpg", "A")], front="desa: 35.05.16.2004\n"),
        {"a.jpg": good},
    )
    write_album(
        galeri / "tanpa-slug", album_text("«…»", "2024-08-10", [("a.jpg", "A")]), {"a.jpg": good}
    )
    write_album(
        galeri / "rusak",
        album_text("Foto Rusak", "2024-08-04", [("rusak.jpg", "Rusak")]),
        {"rusak.jpg": good[: len(good) // 2]},
    )
    write_album(
        galeri / "kembar-1",
        album_text("Album Kembar", "2024-08-05", [("a.jpg", "A")]),
        {"a.jpg": good},
    )
    write_album(
        galeri / "kembar-2",
        album_text("Album Kembar", "2024-08-06", [("a.jpg", "A")]),
        {"a.jpg": good},
    )
    write_album(
        galeri / "bukan-daftar",
        "---\njudul: Bukan Daftar\ntanggal: 2024-08-07\nfoto:\n  - a.jpg\n---\n",
        {"a.jpg": good},
    )
    write_album(galeri / "tanpa-foto", "---\njudul: Tanpa Foto\ntanggal: 2024-08-08\n---\n", {})
    # index.md saved under another name: in capitals, or with Notepad's .txt
    for folder, name in (("index-besar", "index.MD"), ("index-notepad", "index.md.txt")):
        (galeri / folder).mkdir()
        (galeri / folder / name).write_text(
            album_text("Salah Nama", "2024-08-11", [("a.jpg", "A")]), encoding="utf-8"
        )
        (galeri / folder / "a.jpg").write_bytes(good)
    (galeri / "lepas.md").write_text("---\njudul: Lepas\n---\n\nIsi.\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(root / "output", content=content)
    assert not (root / "output").exists()
    return "\n".join(failed.value.problems), "\n".join(failed.value.warnings)


def test_album_folder_without_index(broken):
    problems, _ = broken
    assert (
        "galeri/tanpa-index/index.md:1: folder album galeri/tanpa-index/ tidak punya "
        "index.md (album folder without index.md) — buat galeri/tanpa-index/index.md" in problems
    )


def test_album_index_under_another_name_is_named_to_rename(broken):
    """`index.MD` or `index.md.txt` (Notepad): the file that is there is named, with the fix
    (rename it; on Windows an index.md made beside index.MD clashes with it)."""
    problems, _ = broken
    assert (
        "galeri/index-besar/index.MD:1: berkas album harus bernama index.md, bukan index.MD: "
        "albumnya tidak terbit (album file misnamed) — ganti namanya menjadi index.md (huruf "
        "kecil semua)" in problems
    ), problems
    assert (
        "galeri/index-notepad/index.md.txt:1: berkas album harus bernama index.md, bukan "
        "index.md.txt: albumnya tidak terbit (album file misnamed) — ganti namanya menjadi "
        "index.md (tanpa .txt di belakangnya)" in problems
    ), problems
    assert "galeri/index-besar/index.md:" not in problems  # not a file that does not exist
    assert "galeri/index-notepad/index.md:" not in problems
    assert "buat galeri/index-besar/index.md" not in problems


@pytest.mark.parametrize(
    "names, misnamed",
    [
        (["a.jpg", "index.MD"], "index.MD"),
        (["Index.md"], "Index.md"),
        (["index.md.txt", "a.jpg"], "index.md.txt"),
        (["index.txt"], "index.txt"),
        (["index.md "], "index.md "),
        (["index"], "index"),
        (["index.markdown"], "index.markdown"),
        (["a.jpg", "catatan.md"], None),
        (["index.html", "indeks.md"], None),
    ],
)
def test_which_file_is_the_misnamed_album_index(names, misnamed):
    from gallery.generator import misnamed_index

    assert misnamed_index(names) == misnamed


def test_listed_photo_missing_from_the_folder(broken):
    problems, _ = broken
    assert (
        "galeri/foto-hilang/index.md:7: foto 'hilang.jpg' tidak ada di folder "
        "galeri/foto-hilang/ (missing photo) — maksud Anda 'Hilang.JPG'? (huruf besar/kecil "
        "harus sama) salin fotonya" in problems
    )


def test_photo_in_the_folder_but_not_listed_is_a_warning(broken):
    problems, warnings = broken
    assert (
        "galeri/foto-hilang/index.md:4: foto 'lebih.jpg' ada di folder album tetapi tidak "
        "tercantum di foto: sehingga tidak diterbitkan (photo not listed)" in warnings
    )
    assert "lebih.jpg" not in problems


def test_photo_without_caption_or_alt(broken):
    problems, _ = broken
    assert (
        "galeri/tanpa-alt/index.md:5: foto 'a.jpg' belum punya keterangan maupun alt "
        "(missing caption and alt text)" in problems
    )


def test_unknown_village(broken):
    problems, _ = broken
    assert re.search(
        r"galeri/desa-salah/index\.md:4: desa 'Binangunn' tidak ditemukan", problems
    ), problems


def test_village_without_a_page(broken):
    problems, _ = broken
    assert (
        "galeri/desa-lain/index.md:4: '35.05.16.2004' (Binangun) belum punya halaman di "
        "situs ini, jadi album tidak bisa tampil di sana (place without a page) — "
        "daftarkan desa itu di content/desa.yml" in problems
    ), problems


def test_title_without_an_address(broken):
    problems, _ = broken
    assert (
        "galeri/tanpa-slug/index.md:2: judul ini tidak menghasilkan alamat: tidak ada "
        "huruf atau angka latin (empty slug) — tulis  slug: nama-album" in problems
    )


def test_bad_image_file(broken):
    problems, _ = broken
    assert (
        "galeri/rusak/index.md:5: foto 'rusak.jpg' terpotong, berkasnya tidak lengkap "
        "(truncated image file)" in problems
    )


def test_two_albums_with_one_address(broken):
    problems, _ = broken
    for one, other in ((1, 2), (2, 1)):
        assert re.search(
            rf"galeri/kembar-{one}/index\.md:2: alamat galeri/album-kembar/"
            rf"index\.html juga dipakai oleh .*galeri/kembar-{other}/index\.md "
            r"\(duplicate URL\) — dua album dengan judul yang sama",
            problems,
        )
    assert "album-kembar/1/" not in problems  # not once more for each photo


def test_foto_must_be_a_list_of_mappings_and_is_required(broken):
    problems, _ = broken
    assert (
        "galeri/bukan-daftar/index.md:5: isi 'foto' harus berupa 'berkas: ...' dan "
        "'keterangan: ...' (expected a mapping)" in problems
    )
    assert "galeri/tanpa-foto/index.md:1: foto belum diisi (missing photos)" in problems


def test_markdown_file_outside_an_album_folder(broken):
    problems, _ = broken
    assert (
        "galeri/lepas.md:1: berkas 'lepas.md' di luar folder album tidak dipakai "
        "(file outside an album folder)" in problems
    )


def test_village_and_region_feeds_carry_the_albums(albums_site):
    import feedparser

    village = feedparser.parse(albums_site.text("feeds/desa/binangun.atom.xml"))
    assert not village.bozo
    links = [entry.link for entry in village.entries]
    assert any(link.endswith(ALBUM) for link in links)
    dates = [entry.published_parsed for entry in village.entries]
    assert dates == sorted(dates, reverse=True)  # mixed with the articles, newest first
    region = feedparser.parse(albums_site.text("feeds/wilayah/35.23.07.rss.xml"))
    assert not region.bozo
    titles = [entry.title for entry in region.entries]
    assert titles[0] == "Posyandu Balita"  # an album without text is an entry too
    assert "Album Tersembunyi" not in titles
