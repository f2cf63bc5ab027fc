"""Build speed: work Pelican would otherwise repeat, done once (same output).

`Content.url` and `Content.save_as` are properties that format the URL setting again on
every access (about 37,000 times in a 1,000-article build, ~10 % of the build time):
the checks over all content, templates, feeds, related articles and the sitemap all ask.
Once every generator has finished (`all_generators_finalized`: every plugin has set slugs,
dates and categories; the receivers of that signal only read addresses), an article's or
page's addresses no longer change, so from then on each Article/Page keeps its expanded URL
settings: the checks that run on that signal (links, output plan) already use them. Static
files are not cached: a `{attach}` link changes a static file's address while pages are
written.

`frozen_urls()` is a context manager around one build (wartadesa.build uses it); outside
it nothing is cached, so tests or tools that run Pelican directly behave as before.
"""

import gc
from contextlib import contextmanager

from pelican.contents import Article, Content, Page

_original_get_url_setting = Content.get_url_setting
_state = {"frozen": False}


def _get_url_setting(self, key):
    if not _state["frozen"] or not isinstance(self, (Article, Page)):
        return _original_get_url_setting(self, key)
    cache = self.__dict__.get("_wartadesa_urls")
    if cache is None:
        cache = self.__dict__["_wartadesa_urls"] = {}
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = _original_get_url_setting(self, key)
        return value


def _freeze(_sender, **_kwargs):
    _state["frozen"] = True


@contextmanager
def frozen_urls():
    """Within the block, URLs of articles and pages are cached once every generator has
    finished (`all_generators_finalized`; connected before the plugins' receivers, so their
    checks use the cache; `get_writer` too, in case another receiver came first)."""
    from pelican.plugins import signals

    Content.get_url_setting = _get_url_setting
    signals.all_generators_finalized.connect(_freeze)
    signals.get_writer.connect(_freeze)
    try:
        yield
    finally:
        signals.all_generators_finalized.disconnect(_freeze)
        signals.get_writer.disconnect(_freeze)
        _state["frozen"] = False
        Content.get_url_setting = _original_get_url_setting


def _freeze_heap(_sender, **_kwargs):
    gc.freeze()


@contextmanager
def settled_heap():
    """Within the block, once writing starts (`get_writer`), every object made so far (the
    articles, the context: they live until the end of the build) is moved out of the
    garbage collector's reach (`gc.freeze`): the collections while pages are written no
    longer walk them, and forked writers (wartadesa/parallel.py) do not touch their memory
    pages. Everything is handed back to the collector at the end."""
    from pelican.plugins import signals

    signals.get_writer.connect(_freeze_heap)
    try:
        yield
    finally:
        signals.get_writer.disconnect(_freeze_heap)
        gc.unfreeze()
