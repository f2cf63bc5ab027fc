"""The photos' generator: declares every derivative to the output plan, fills the cache
with what is missing (both cores) and copies the derivatives into the output folder.
Originals used by the pipeline are taken out of Pelican's static files: they are not
published (PHOTOS_PUBLISH_ORIGINALS publishes a copy without metadata instead). The site
logo's picture is planned when the generator is made, before any page is rendered
(logo.py)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from front_matter.errors import ContentError, report

from . import encode
from .logo import prepare_logo
from .registry import registry_of
from .settings import cache_folder, setting, workers
from .source import BROKEN_HINT

if TYPE_CHECKING:
    from pelican.generators import StaticGenerator
    from pelican.writers import Writer

    from .registry import Registry
    from .variants import Derivative, Photo


class PhotosGenerator:
    def __init__(
        self,
        context: dict[str, Any],
        settings: Mapping[str, Any],
        path: str,
        theme: str,
        output_path: str,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        self.context = context
        self.settings = settings
        self.output_path = output_path
        # Every generator is made before any reads or renders: SITELOGO names the logo's
        # picture from the start (context: the templates; settings: JSON-LD, web editor).
        prepare_logo(context, settings)

    @property
    def registry(self) -> Registry:
        return registry_of(self.context, self.settings)

    def derivatives(self) -> list[tuple[Derivative, Photo]]:
        """[(Derivative, Photo)] of every published photo, sorted by output name."""
        found = {}
        photos = list(self.registry.published.values())
        if self.registry.logo is not None:
            photos.append(self.registry.logo)
        for photo in photos:
            for derivative in photo.derivatives:
                found[derivative.name] = (derivative, photo)
        return [found[name] for name in sorted(found)]

    def planned_outputs(self) -> Iterator[tuple[str, str, str, int, str]]:
        for derivative, photo in self.derivatives():
            yield (
                derivative.name,
                f"foto {derivative.kind} dari {photo.source.relative}",
                photo.source.path,
                1,
                "",
            )

    def source_files(self) -> list[str]:
        """The files this generator reads itself (content_guard's unread check)."""
        logo = self.registry.logo
        return [logo.source.path] if logo is not None else []

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Writer | None = None) -> None:
        folder = cache_folder(self.settings)
        missing = {}
        for derivative, photo in self.derivatives():
            if not os.path.isfile(os.path.join(folder, derivative.file)):
                missing.setdefault(photo.source.path, []).append(
                    (
                        derivative.file,
                        derivative.kind,
                        derivative.width,
                        derivative.height,
                        derivative.format,
                    )
                )
        options = {
            "quality": dict(setting(self.settings, "PHOTOS_QUALITY")),
            "share_max": int(setting(self.settings, "PHOTOS_SHARE_MAX_KB")) * 1000,
        }
        failed = set()
        for path, error in encode.run(
            sorted(missing.items()), folder, options, workers(self.settings)
        ):
            if error is not None:
                failed.add(path)
                report(
                    ContentError(
                        path,
                        1,
                        f"foto '{os.path.basename(path)}' tidak bisa "
                        f"diolah: {error} (cannot encode image)",
                        BROKEN_HINT,
                    )
                )
        for derivative, photo in self.derivatives():
            if photo.source.path in failed:
                continue
            target = os.path.join(self.output_path, *derivative.name.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(folder, derivative.file), target)


def keep_originals_private(generator: StaticGenerator) -> None:
    """static_generator_finalized: the pipeline's originals are not copied as they are;
    a link to one ({static}/images/x.jpg) leads to its largest published picture."""
    context = generator.context
    registry = context.get("PHOTOS_REGISTRY")
    if registry is None or registry.settings is not generator.settings:
        return
    used = dict(registry.published)
    # Every original the pipeline read stays private, also one used only by a draft.
    # Files the theme links by name stay published: the favicon, the default share
    # picture, and a logo the pipeline does not make (an SVG); a logo it makes names its
    # picture by now (logo.py), and its original is private like any other.
    named = {
        str(generator.settings.get(key) or "").lstrip("/")
        for key in ("SITELOGO", "FAVICON", "DEFAULT_OG_IMAGE")
    }
    private = {
        relative
        for relative, photo in registry.photos.items()
        if not isinstance(photo, Exception) and relative not in named
    }
    if registry.logo_source is not None:
        private.add(registry.logo_source)
    if registry.logo is not None:
        used.setdefault(registry.logo_source, registry.logo)
    # In place: Pelican's context["staticfiles"] is the same list.
    generator.staticfiles[:] = [
        item
        for item in generator.staticfiles
        if item.relative_source_path.replace(os.sep, "/") not in private
    ]
    static = context.get("static_content", {})
    for relative, photo in used.items():
        if relative not in private:
            continue
        # The original if published, else the largest picture (the fallback if as large);
        # the logo's own picture for a logo no page shows.
        target = photo.original or max(
            photo.of("full") or photo.of("logo"),
            key=lambda d: (d.width, d.format == photo.fallback_format),
        )
        item = static.get(relative)
        if item is not None:  # Pelican's {static} links now resolve to the derivative
            item.override_url = item.override_save_as = target.name
