"""The photos of one build: every original an article or page uses, inspected once,
kept in Pelican's shared context (one build = one context)."""

import os

from .source import inspect
from .variants import plan

KEY = "PHOTOS_REGISTRY"


class Registry:
    def __init__(self, settings):
        self.settings = settings
        self.root = os.path.abspath(settings["PATH"])
        self.photos = {}  # relative source path -> Photo (or PhotoProblem)
        self.published = {}  # relative source path -> Photo used by a published page

    def photo(self, relative):
        """The Photo of `relative`, or raise its PhotoProblem (inspected once)."""
        if relative not in self.photos:
            try:
                self.photos[relative] = plan(
                    inspect(self.root, relative, self.settings), self.settings
                )
            except Exception as problem:  # PhotoProblem, kept to raise again
                self.photos[relative] = problem
        found = self.photos[relative]
        if isinstance(found, Exception):
            raise found
        return found

    def use(self, photo, content):
        if getattr(content, "save_as", ""):  # a draft in production publishes nothing
            self.published[photo.source.relative] = photo


def registry_of(context, settings):
    registry = context.get(KEY)
    if registry is None or registry.settings is not settings:
        registry = context[KEY] = Registry(settings)
    return registry
