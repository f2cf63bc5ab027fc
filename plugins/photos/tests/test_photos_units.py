"""The photos plugin's parts on their own: widths never upscale, names and digests, the
encoder (AVIF too) never writes metadata, the operator's warnings."""

import pytest
from photo_files import phone_jpeg, transparent_png
from PIL import Image

from photos.encode import encode_source
from photos.settings import DEFAULTS, digest
from photos.source import inspect
from photos.variants import plan, stem, widths

WANTED = [480, 800, 1200, 1600]


def test_widths_are_never_upscaled():
    assert widths(3000, WANTED) == [480, 800, 1200, 1600]
    assert widths(1600, WANTED) == [480, 800, 1200, 1600]
    assert widths(1000, WANTED) == [480, 800, 1000]
    assert widths(300, WANTED) == [300]


def test_names_are_ascii_and_digests_follow_bytes_and_settings():
    assert stem("images/Foto Musdés (1).JPG") == "foto-musdes-1"
    settings = dict(DEFAULTS)
    assert digest(b"abc", settings) == digest(b"abc", dict(DEFAULTS))
    assert digest(b"abc", settings) != digest(b"abd", settings)
    assert digest(b"abc", settings) != digest(b"abc", {**settings, "PHOTOS_QUALITY": {"webp": 50}})


def test_a_rotated_photo_is_planned_at_its_displayed_size(tmp_path):
    (tmp_path / "p.jpg").write_bytes(phone_jpeg(1200, 900, orientation=6))
    settings = {**DEFAULTS, "PATH": str(tmp_path)}
    photo = plan(inspect(str(tmp_path), "p.jpg", settings), settings)
    assert (photo.width, photo.height) == (900, 1200)
    assert [(d.width, d.height) for d in photo.of("full", "webp")] == [
        (480, 640),
        (800, 1067),
        (900, 1200),
    ]
    # The JPEG fallback only up to PHOTOS_FALLBACK_MAX_WIDTH.
    assert [d.width for d in photo.of("full", "jpeg")] == [480, 800]
    assert [d.width for d in photo.of("thumb", "jpeg")] == [208, 288]
    assert (photo.share.width, photo.share.height) == (900, 472)  # 1200x630 never upscaled


def test_the_encoder_writes_no_metadata_in_any_format(tmp_path):
    source = tmp_path / "p.jpg"
    source.write_bytes(phone_jpeg(1200, 900, orientation=6))
    jobs = [
        ("a.avif", "full", 480, 640, "avif"),
        ("a.webp", "full", 480, 640, "webp"),
        ("a.jpg", "full", 480, 640, "jpeg"),
        ("a-og.jpg", "share", 600, 315, "jpeg"),
        ("a-k.webp", "thumb", 208, 208, "webp"),
        ("a-asli.jpg", "original", 900, 1200, "original"),
    ]
    written = encode_source(
        str(source),
        jobs,
        str(tmp_path / "cache"),
        {"quality": DEFAULTS["PHOTOS_QUALITY"], "share_max": 300_000},
    )
    assert written == [job[0] for job in jobs]
    for name, _kind, width, height, _format in jobs:
        data = (tmp_path / "cache" / name).read_bytes()
        with Image.open(tmp_path / "cache" / name) as image:
            assert image.size == (width, height), name
            assert not image.getexif() and "icc_profile" not in image.info, name
        # Byte markers long enough never to occur by chance in compressed pixels.
        for marker in (b"Exif\x00\x00", b"Kamera Ponsel", b"xmpmeta", b"Model X"):
            assert marker not in data, (name, marker)


def test_transparency_survives_in_png_and_webp(tmp_path):
    (tmp_path / "t.png").write_bytes(transparent_png())
    jobs = [("t.png", "full", 480, 320, "png"), ("t.webp", "full", 480, 320, "webp")]
    encode_source(
        str(tmp_path / "t.png"),
        jobs,
        str(tmp_path / "c"),
        {"quality": DEFAULTS["PHOTOS_QUALITY"], "share_max": 300_000},
    )
    for name in ("t.png", "t.webp"):
        with Image.open(tmp_path / "c" / name) as image:
            assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0


def test_very_large_originals_are_warned_about(tmp_path):
    (tmp_path / "p.jpg").write_bytes(phone_jpeg(1200, 900, orientation=None))
    settings = {**DEFAULTS, "PATH": str(tmp_path), "PHOTOS_LARGE_PX": 1000}
    warnings = inspect(str(tmp_path), "p.jpg", settings).warnings
    assert warnings and "sangat besar" in warnings[0][0] and "1200x900" in warnings[0][0]
    assert not inspect(str(tmp_path), "p.jpg", {**settings, "PHOTOS_LARGE_PX": 6000}).warnings


def test_an_iphone_photo_renamed_jpg_gets_the_heic_advice(tmp_path):
    """The bytes say HEIC (`ftypheic` at offset 4) though the name says .jpg."""
    from photos.source import PhotoProblem

    (tmp_path / "p.jpg").write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64)
    with pytest.raises(PhotoProblem) as problem:
        inspect(str(tmp_path), "p.jpg", dict(DEFAULTS))
    assert str(problem.value) == (
        "foto 'p.jpg' sebenarnya berformat HEIC (foto iPhone), walau namanya berakhiran .jpg "
        "(HEIC photo under another extension)"
    )
    assert "Paling Kompatibel" in problem.value.hint
