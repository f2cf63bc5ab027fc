"""Real builds with phone photos made by Pillow: what reaches the site is rotated, small,
metadata-free, sized in the HTML, content-addressed, declared to the output plan and
cached (a rebuild encodes nothing)."""

import json
import re
import shutil
from pathlib import Path

import pytest
from photo_files import cmyk_jpeg, phone_jpeg, tiny_jpeg, transparent_png, truncated_jpeg
from PIL import Image

from photos import encode
from tests.sitetools import SAMPLE, build_site
from wartadesa.build import BuildFailed

ARTICLE = "berita/2024/08/kerja-bakti-warga/"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".jfif", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff"}


def write(root, relative, data):
    path = Path(root) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return path


def article(slug, title, front="", body="Isi berita."):
    return f"---\njudul: {title}\ntanggal: 2024-08-0{slug}\n{front}---\n\n{body}\n"


def photo_content(root):
    content = Path(root) / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content, "images/ponsel.jpg", phone_jpeg())
    write(content, "images/peta.png", transparent_png())
    write(content, "images/kecil.jpg", tiny_jpeg())
    write(content, "images/cetak.jpg", cmyk_jpeg())
    write(
        content,
        "berita/2024-08-01-kerja-bakti.md",
        article(
            1,
            "Kerja Bakti Warga",
            "gambar: images/ponsel.jpg\nketerangan_gambar: Warga di saluran\n",
            "Warga bekerja bakti.\n\n![Peta dusun yang dibersihkan](images/peta.png)\n\n"
            "![Brosur cetak](images/cetak.jpg)\n\n[Unduh foto]({static}/images/ponsel.jpg)\n",
        ),
    )
    write(
        content,
        "berita/2024-08-02-kecil.md",
        # Windows saves WhatsApp Web's photos as .jfif: a JPEG like any other.
        article(2, "Foto Kecil", "gambar: images/kecil.jpg\n", "![Dari WhatsApp](images/wa.jfif)"),
    )
    write(content, "images/wa.jfif", phone_jpeg())
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The photo site built twice with the same cache: (first, second, encodes of each)."""
    root = tmp_path_factory.mktemp("photos")
    content = photo_content(root)
    before = len(encode.ENCODED)
    first = build_site(root / "first", content=content)
    middle = len(encode.ENCODED)
    second = build_site(root / "second", content=content)
    return first, second, middle - before, len(encode.ENCODED) - middle, root


def published_images(site):
    return sorted(
        p
        for p in site.output.rglob("*")
        if p.suffix.lower() in IMAGE_SUFFIXES
        and not p.relative_to(site.output).as_posix().startswith("theme/")
    )


def photo_files(site):
    return sorted(p.relative_to(site.output).as_posix() for p in (site.output / "foto").iterdir())


def test_originals_are_not_published(built):
    first, *_ = built
    assert not first.exists("images/ponsel.jpg") and not first.exists("images/peta.png")
    assert not first.exists("images/wa.jfif")
    sources = {
        (first.output.parent / "content" / "images" / n).read_bytes()
        for n in ("ponsel.jpg", "peta.png", "kecil.jpg", "cetak.jpg", "wa.jfif")
    }
    assert not [p for p in published_images(first) if p.read_bytes() in sources]


def test_no_metadata_in_any_published_image(built):
    first, *_ = built
    images = published_images(first)
    assert len(images) > 20
    for path in images:
        data = path.read_bytes()
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(
                image.info
            ), path
        # (byte markers long enough never to occur by chance in compressed pixels)
        for marker in (b"Exif\x00\x00", b"xmpmeta", b"Kamera Ponsel", b"ICC_PROFILE"):
            assert marker not in data, (path, marker)


def test_orientation_is_applied_and_sizes_are_the_displayed_ones(built):
    first, *_ = built
    page = first.html(ARTICLE)
    cover = page.select_one("figure.cover picture img")
    assert (cover["width"], cover["height"]) == ("800", "1067")  # portrait: 3000x4000 rotated
    assert "loading" not in cover.attrs and cover["fetchpriority"] == "high"
    with Image.open(first.path(ARTICLE).parent / cover["src"]) as image:
        assert image.size == (800, 1067)
    for img in page.select(".prose img"):
        assert img["loading"] == "lazy" and img["decoding"] == "async"
        with Image.open(first.path(ARTICLE).parent / img["src"]) as image:
            assert image.size == (int(img["width"]), int(img["height"]))


def candidates(element):
    for part in element["srcset"].split(","):
        url, width = part.split()
        yield url, int(width[:-1])


def test_every_srcset_candidate_exists_with_the_width_it_claims(built):
    first, *_ = built
    for url in (ARTICLE, ""):
        page = first.html(url)
        base = first.path(url).parent
        elements = page.select("picture source, picture img")
        assert elements
        for element in elements:
            assert element["sizes"]
            for src, width in candidates(element):
                with Image.open(base / src) as image:
                    assert image.width == width, src
                    if element.name == "source":
                        assert image.format == element["type"].split("/")[1].upper()
    widths = [w for _src, w in candidates(first.html(ARTICLE).select_one("figure.cover source"))]
    assert widths == [480, 800, 1200, 1600]  # never upscaled: the photo is 3000 wide


def test_a_jfif_photo_is_made_small_and_upright_like_a_jpg(built):
    first, *_ = built
    img = first.html("berita/2024/08/foto-kecil/").select_one(".prose picture img")
    assert img is not None and img["src"].startswith("../../../../foto/")
    assert (img["width"], img["height"]) == ("800", "1067")  # rotated by its EXIF


def test_card_thumbnails_are_square_crops(built):
    first, *_ = built
    thumbs = first.html("").select("picture img.card__img")
    assert len(thumbs) == 2
    for img in thumbs:
        assert img["width"] == img["height"] and img["loading"] == "lazy"
        for src, width in candidates(img):
            with Image.open(first.output / src) as image:
                assert image.size == (width, width)


def test_share_picture_is_a_small_1200x630_jpeg(built):
    first, *_ = built
    page = first.html(ARTICLE)
    og = page.select_one('meta[property="og:image"]')["content"]
    name = og.split("/foto/", 1)[1]
    path = first.output / "foto" / name
    with Image.open(path) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 630))
    assert path.stat().st_size <= 300_000
    assert (
        page.select_one('meta[property="og:image:width"]')["content"],
        page.select_one('meta[property="og:image:height"]')["content"],
    ) == ("1200", "630")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["image"] == [og]


def test_transparency_keeps_a_png_fallback_and_cmyk_becomes_rgb(built):
    first, *_ = built
    names = photo_files(first)
    png = [n for n in names if n.startswith("foto/peta-") and n.endswith(".png")]
    assert png
    with Image.open(first.output / png[0]) as image:
        assert image.mode == "RGBA"
    for name in (n for n in names if n.startswith("foto/cetak-")):
        with Image.open(first.output / name) as image:
            assert image.mode == "RGB"


def test_names_are_stable_and_builds_byte_identical(built):
    first, second, *_ = built
    assert photo_files(first) == photo_files(second)
    for name in photo_files(first):
        assert (first.output / name).read_bytes() == (second.output / name).read_bytes()
    assert first.text(ARTICLE) == second.text(ARTICLE)
    assert all(
        re.fullmatch(r"foto/[a-z0-9-]+-[0-9a-f]{12}-(k?\d+|og)\.(jpg|png|webp)", n)
        for n in photo_files(first)
    )


def test_a_rebuild_encodes_nothing(built):
    first, _second, first_encodes, second_encodes, _root = built
    assert first_encodes == len(photo_files(first))
    assert second_encodes == 0


def test_a_changed_photo_gets_new_names(built, tmp_path):
    first, *_ = built
    content = first.output.parent / "content"
    copy = shutil.copytree(content, tmp_path / "content")
    write(copy, "images/kecil.jpg", tiny_jpeg(330, 240))
    before = len(encode.ENCODED)
    site = build_site(
        tmp_path / "output",
        content=copy,
        PHOTOS_CACHE=str(first.output.parent / "cache" / "photos"),
    )
    changed = {n for n in photo_files(site) if n.startswith("foto/kecil-")}
    assert changed and not changed & set(photo_files(first))
    assert len(encode.ENCODED) - before == len(changed)  # only the changed photo


def test_warnings_name_file_and_line(built):
    first, *_ = built
    small = [w for w in first.warnings if "kecil.jpg" in w]
    assert small and "berita/2024-08-02-kecil.md:4: foto sampul 'kecil.jpg' kecil" in small[0]


def test_derivatives_are_declared_to_the_output_plan(built, tmp_path):
    first, *_ = built
    name = next(
        n for n in photo_files(first) if n.startswith("foto/ponsel-") and n.endswith("-800.jpg")
    )
    content = shutil.copytree(first.output.parent / "content", tmp_path / "content")
    write(content, "extra/foto.jpg", tiny_jpeg())
    with pytest.raises(BuildFailed) as failed:
        build_site(
            tmp_path / "output",
            content=content,
            EXTRA_PATH_METADATA={"extra/foto.jpg": {"path": name}},
        )
    text = "\n".join(failed.value.problems)
    assert name in text and "ponsel.jpg" in text


def test_problems_stop_the_build_with_file_line_and_fix(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    write(content, "images/rusak.jpg", truncated_jpeg())
    write(content, "images/iphone.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    write(content, "images/tanpa-alt.jpg", tiny_jpeg())
    write(
        content,
        "berita/2024-08-03-rusak.md",
        article(3, "Rusak", body="Isi.\n\n![Foto](images/rusak.jpg)"),
    )
    write(content, "berita/2024-08-04-heic.md", article(4, "Heic", "gambar: images/iphone.heic\n"))
    write(
        content,
        "berita/2024-08-05-alt.md",
        article(
            5,
            "Alt",
            # the same photo as the cover: the message is at the body's line, not at gambar:
            "gambar: images/tanpa-alt.jpg\nketerangan_gambar: Sampul\n",
            body="Isi.\n\n![](images/tanpa-alt.jpg)",
        ),
    )
    with pytest.raises(BuildFailed) as failed:
        build_site(tmp_path / "output", content=content)
    problems = "\n".join(failed.value.problems)
    assert "berita/2024-08-03-rusak.md:8: foto 'rusak.jpg' terpotong" in problems
    assert re.search(r"berita/2024-08-04-heic\.md:4: .*HEIC.*JPG", problems)
    assert "berita/2024-08-05-alt.md:10: foto 'tanpa-alt.jpg' tanpa teks alt" in problems
    # One message for that mistake: not Pelican's English note as well.
    assert len([p for p in failed.value.problems if "tanpa-alt.jpg" in p]) == 1
    assert "Empty alt" not in problems
    assert "![Warga membersihkan saluran air](images/nama-foto.jpg)" in problems
    assert not (tmp_path / "output").exists()


def test_a_link_to_the_original_leads_to_its_largest_picture(built):
    first, *_ = built
    page = first.html(ARTICLE)
    link = next(
        a for a in page.select(".prose a") if a.get_text().replace("\xa0", " ") == "Unduh foto"
    )
    with Image.open(first.path(ARTICLE).parent / link["href"]) as image:
        assert image.size == (1600, 2133) and not image.getexif()


def test_the_site_logo_used_as_a_cover_too_gets_both_pictures(tmp_path):
    """The header shows the logo's own small picture, the article its cover pictures; the
    original is published by neither (plugins/photos/tests/test_photos_logo.py)."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    identity = content / "situs.yml"
    identity.write_text(
        identity.read_text(encoding="utf-8") + "logo: images/logo.png\n", encoding="utf-8"
    )
    write(content, "images/logo.png", transparent_png(256, 256))
    write(
        content, "berita/2024-08-06-logo.md", article(6, "Logo Baru", "gambar: images/logo.png\n")
    )
    site = build_site(tmp_path / "output", content=content)
    assert not site.exists("images/logo.png")
    page = site.html("berita/2024/08/logo-baru/")
    assert page.select_one("figure.cover picture")
    logo = page.find("img", class_="brand__logo")["src"]
    assert logo.startswith("../../../../foto/logo-") and logo.endswith("-logo176x176.png")
    with Image.open(site.path("berita/2024/08/logo-baru/").parent / logo) as image:
        assert image.size == (176, 176) and image.mode == "RGBA"
