"""photos: phone photos made small, rotated, private and responsive (see README.md)."""

from __future__ import annotations

from pelican import signals

from wartadesa.read_objects import content_restored

from .generator import PhotosGenerator, keep_originals_private
from .markup import prepare_photos, restore_photos


def add_generator(pelican: object) -> type[PhotosGenerator]:
    return PhotosGenerator


def register() -> None:
    signals.content_object_init.connect(prepare_photos)
    content_restored.connect(restore_photos)
    signals.get_generators.connect(add_generator)
    signals.static_generator_finalized.connect(keep_originals_private)
