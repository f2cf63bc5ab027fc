"""The photos of one build: every original an article or page uses, inspected once,
kept in Pelican's shared context (one build = one context)."""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from front_matter.pictures import note_refused

from .source import inspect
from .variants import plan

if TYPE_CHECKING:
    from .variants import Photo

KEY = "PHOTOS_REGISTRY"


class Registry:
    def __init__(
        self, settings: Mapping[str, Any], context: MutableMapping[str, Any] | None = None
    ) -> None:
        self.settings = settings
        self.context = context
        self.root = os.path.abspath(settings["PATH"])
        self.photos = {}  # relative source path -> Photo (or PhotoProblem)
        self.published = {}  # relative source path -> Photo used by a published page
        self.logo = None  # the site logo's Photo (logo.py), published by every page
        # Its original (relative path), also when refused: never published as it is.
        self.logo_source = None

    def photo(self, relative: str) -> Photo:
        """The Photo of `relative`, or raise its PhotoProblem (inspected once)."""
        if relative not in self.photos:
            try:
                self.photos[relative] = plan(
                    inspect(self.root, relative, self.settings), self.settings
                )
            except Exception as problem:  # PhotoProblem, kept to raise again
                self.photos[relative] = problem
                # Every caller reports it at the line of the content naming the photo.
                note_refused(self.context, getattr(problem, "picture", None))
        found = self.photos[relative]
        if isinstance(found, Exception):
            raise found
        return found

    def use(self, photo: Photo, content: object) -> None:
        if getattr(content, "save_as", ""):  # a draft in production publishes nothing
            self.published[photo.source.relative] = photo


def registry_of(context: MutableMapping[str, Any], settings: Mapping[str, Any]) -> Registry:
    registry = context.get(KEY)
    if registry is None or registry.settings is not settings:
        registry = context[KEY] = Registry(settings, context)
    return registry
