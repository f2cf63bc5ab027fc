"""Plain pictures made with Pillow for the sample album and the tests: a sky, a field,
a house and trees, with "CONTOH" written on them (clearly not news photos, no people).
A portrait picture is stored lying on its side with the EXIF orientation 6 (as a phone
held upright writes it) and GPS data, which the site must never publish."""

import io
import random

from PIL import Image, ImageDraw

GPS = {1: "S", 2: (6.0, 54.0, 12.5), 3: "E", 4: (112.0, 3.0, 7.25)}


def scene(width, height, seed=1, label="CONTOH"):
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = height * 3 // 5
    for y in range(height):
        if y < horizon:
            shade = (120 + 80 * y // horizon, 170 + 60 * y // horizon, 235)
        else:
            shade = (70 + 40 * (y - horizon) // height, 140 - 30 * (y - horizon) // height, 60)
        draw.line((0, y, width, y), fill=shade)
    unit = min(width, height) // 10
    x = rng.randrange(unit, max(unit + 1, width - 4 * unit))
    draw.rectangle((x, horizon - 2 * unit, x + 3 * unit, horizon + unit), fill=(220, 200, 160))
    draw.polygon(
        [
            (x - unit // 2, horizon - 2 * unit),
            (x + 3 * unit + unit // 2, horizon - 2 * unit),
            (x + 3 * unit // 2, horizon - 4 * unit),
        ],
        fill=(170, 60, 40),
    )
    for _ in range(6):
        tx = rng.randrange(width)
        draw.rectangle((tx, horizon - unit, tx + unit // 4, horizon + unit // 2), fill=(90, 60, 30))
        draw.ellipse(
            (tx - unit, horizon - 3 * unit, tx + unit + unit // 4, horizon - unit // 2),
            fill=(40, 110 + rng.randrange(60), 50),
        )
    draw.rectangle(
        (unit // 2, unit // 2, unit // 2 + 7 * len(label) * 2 + 16, unit // 2 + 34),
        fill=(255, 255, 255),
    )
    draw.text((unit // 2 + 8, unit // 2 + 8), label, fill=(180, 0, 0), font_size=20)
    return image


def jpeg(width, height, orientation=None, gps=False, seed=1, quality=80, label="CONTOH"):
    """A JPEG showing a `width` x `height` picture; with `orientation` 6 its pixels are
    stored turned (height x width) and the EXIF tag turns them back."""
    image = scene(width, height, seed, label)
    exif = Image.Exif()
    exif[0x010F] = "Kamera Contoh"
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    if gps:
        exif.get_ifd(0x8825).update(GPS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def write_album(folder, index_text, photos):
    """content/galeri/<folder>/: index.md and the photos {name: bytes}."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(index_text, encoding="utf-8")
    for name, data in photos.items():
        (folder / name).write_bytes(data)
    return folder
