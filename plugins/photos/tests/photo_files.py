"""Phone-like photos made with Pillow for the tests (no binary fixtures)."""

import functools
import io
import random

from PIL import Image, ImageDraw, ImageFilter

GPS = {1: "S", 2: (6.0, 54.0, 12.5), 3: "E", 4: (112.0, 3.0, 7.25)}


def scene(width, height, seed=1):
    """Something like a photo: sky and ground gradients, thousands of small shapes (leaves,
    people, roofs), soft detail and sensor grain. Its 800 px WebP weighs what a real phone
    photo's does (about 60 KB), unlike flat colour (too small) or pure noise (too big)."""
    rng = random.Random(seed)
    small = Image.new("RGB", (64, 48))
    pixels = small.load()
    for y in range(48):
        for x in range(64):
            pixels[x, y] = (
                (110 + x, 160 + y, 230)
                if y < 20
                else (70 + (x * 3 + y * 5) % 60, 110 + (x * y) % 50, 50 + y)
            )
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    shapes = max(50, 4000 * width * height // 12_000_000)
    for number in range(shapes):
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        size = rng.randrange(max(2, width // 200), max(3, width // 20))
        colour = tuple(rng.randrange(30, 230) for _ in range(3))
        if number % 2:
            draw.ellipse((x, y, x + size, y + size * 2 // 3), fill=colour)
        else:
            draw.line((x, y, x + size, y - size), fill=colour, width=max(1, size // 10))
    image = image.filter(ImageFilter.GaussianBlur(1.5))
    half = (max(1, width // 2), max(1, height // 2))  # seeded, unlike Image.effect_noise
    grain = (
        Image.frombytes("L", half, rng.randbytes(half[0] * half[1]))
        .resize((width, height), Image.Resampling.BILINEAR)
        .convert("RGB")
    )
    return Image.blend(image, grain, 0.08)


@functools.lru_cache(maxsize=4)
def _scene(width, height):
    return scene(width, height)


def phone_jpeg(width=4000, height=3000, orientation=6, gps=True, seed=1, quality=92):
    """A phone photo: EXIF orientation, camera make, GPS position and XMP, as a phone
    writes them. Each `seed` is another photo (the same scene, other people in it)."""
    image = _scene(width, height).copy()
    if seed != 1:
        rng = random.Random(seed)
        draw = ImageDraw.Draw(image)
        for _ in range(60):
            x, y = rng.randrange(width), rng.randrange(height)
            size = rng.randrange(width // 60, width // 12)
            draw.ellipse((x, y, x + size, y + size), fill=tuple(rng.randrange(256) for _ in "rgb"))
    exif = Image.Exif()
    exif[0x010F] = "Kamera Ponsel"
    exif[0x0110] = "Model X"
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif.get_ifd(0x8825).update(GPS)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        b'02/22-rdf-syntax-ns#"><rdf:Description exif:GPSLatitude="6,54.2S" xmlns:exif='
        b'"http://ns.adobe.com/exif/1.0/"/></rdf:RDF></x:xmpmeta>'
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif, xmp=xmp)
    return out.getvalue()


def transparent_png(width=900, height=600):
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((50, 50, width - 50, height - 50), fill=(200, 40, 40, 255))
    exif = Image.Exif()
    exif.get_ifd(0x8825).update(GPS)
    out = io.BytesIO()
    image.save(out, "PNG", exif=exif)
    return out.getvalue()


def tiny_jpeg(width=320, height=240):
    out = io.BytesIO()
    scene(width, height, 3).save(out, "JPEG", quality=85)
    return out.getvalue()


def cmyk_jpeg(width=1000, height=700):
    out = io.BytesIO()
    scene(width, height, 4).convert("CMYK").save(out, "JPEG", quality=85)
    return out.getvalue()


def truncated_jpeg():
    data = phone_jpeg(800, 600, orientation=None, gps=False)
    return data[: len(data) * 2 // 3]


@functools.cache
def pixel_bomb(width, height):
    """A PNG of a few kilobytes that claims width x height pixels (a decompression bomb):
    one bit per pixel, all black, written without decoding anything big."""
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG", optimize=True)
    return out.getvalue()
