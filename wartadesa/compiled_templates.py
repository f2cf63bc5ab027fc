"""The theme's templates, compiled once a build.

Every Pelican generator makes its own Jinja environment, and each would compile the
templates it renders again: at 1,000 articles, 81 compilations of 48 templates in the
main process (`base.html` and its partials up to six times), about 0.2 s, and as much in
each writing process. Their compiled code is shared through Jinja's bytecode cache, which
checks each template's source itself:

- with BUILD_CACHE, it is kept under `jinja/<key>` of the cache folder (Jinja's
  FileSystemBytecodeCache), for the next builds too. The key covers Jinja's version and the
  environment's options (JINJA_ENVIRONMENT), which change the compiled code; other keys'
  folders go;
- without, it is kept in memory for this build only (CompiledOnce). The writing processes
  (wartadesa.parallel) are forked when writing starts, and would each compile what they
  render; so, as soon as the articles generator is made (`article_generator_init`: its
  Jinja environment has every filter then), a forked process compiles every template of
  the theme while the build reads, and its code joins this build's before the writers are
  forked (`get_writer`), or before, when the checks ready work for the writing
  (`split_checks.shared_before_writing`: the articles' cards are made then, with this code,
  in the build's process and the checks' forked one). A template it could not compile is
  left to the page that renders it, which reports the mistake as before. (It used to start
  with the checks, at `all_generators_finalized`: both cores are busy there, and on a small
  site the build waited for it before writing: 0.3 s of a 1.3 s build of 20 articles.)

A site whose JINJA_ENVIRONMENT names its own bytecode cache keeps it.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Iterator
from typing import Any

import jinja2
from pelican.plugins import signals

from wartadesa.parallel import Aside, worker_count
from wartadesa.read_cache import folder
from wartadesa.split_checks import shared_before_writing


class CompiledOnce(jinja2.BytecodeCache):
    """One build's compiled templates, in memory, for every Jinja environment of the build."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        kept = self.compiled.get(bucket.key)
        if kept is not None:
            bucket.bytecode_from_string(kept)  # reset by Jinja when the source differs

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def share_compiled_templates(settings: dict[str, Any]) -> None:
    """Give every Jinja environment of this build one bytecode cache (module docstring)."""
    options = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if "bytecode_cache" in options:
        return
    base = folder(settings)
    if base is None:
        options["bytecode_cache"] = CompiledOnce()
        settings["JINJA_ENVIRONMENT"] = options
        return
    key = hashlib.sha256(
        f"{jinja2.__version__}\0{sorted(options.items(), key=repr)!r}".encode()
    ).hexdigest()[:16]
    compiled = base / "jinja" / key
    with contextlib.suppress(OSError):
        compiled.mkdir(parents=True, exist_ok=True)
        for other in compiled.parent.iterdir():
            if other != compiled:
                shutil.rmtree(other, ignore_errors=True)
        options["bytecode_cache"] = jinja2.FileSystemBytecodeCache(str(compiled))
        settings["JINJA_ENVIRONMENT"] = options


def _theme_templates(environment: jinja2.Environment) -> list[str]:
    """The templates found by name (not Pelican's `!simple/`, `!theme/` copies)."""
    try:
        names = environment.list_templates()
    except (TypeError, OSError):  # a loader that cannot list its templates
        return []
    return [name for name in names if not name.startswith("!")]


def _compile(environment: jinja2.Environment, names: list[str]) -> dict[str, bytes]:
    """In the forked process: each template compiled into the environment's CompiledOnce."""
    for name in names:
        with contextlib.suppress(Exception):  # reported when a page renders it
            environment.get_template(name)
    return dict(environment.bytecode_cache.compiled)


class _CompilingAside:
    """The theme compiled in a forked process (parallel.Aside) while the build reads."""

    def __init__(self) -> None:
        self.aside: Aside | None = None
        self.cache: CompiledOnce | None = None

    def start(self, generator) -> None:
        """article_generator_init: compile the templates while the build reads."""
        environment = getattr(generator, "env", None)
        if self.aside is not None or not isinstance(environment, jinja2.Environment):
            return
        if not isinstance(environment.bytecode_cache, CompiledOnce):
            return
        if worker_count(generator.settings) <= 1:
            return  # no writer is forked: each template is compiled once as it is
        names = _theme_templates(environment)
        if names:
            self.cache = environment.bytecode_cache
            self.aside = Aside(lambda: _compile(environment, names))

    def take(self, *_args, **_kwargs) -> None:
        """get_writer, before the writers are forked, or shared_before_writing, before any
        work readies the writing (every share is done once all receivers have answered; this
        one answers None, no work of its own): the compiled code joins this build's."""
        aside, self.aside = self.aside, None
        if aside is None:
            return
        try:
            compiled = aside.result()
        except Exception:  # noqa: BLE001 - nothing lost: compiled where rendered
            return
        for key, code in (compiled or {}).items():
            self.cache.compiled.setdefault(key, code)

    def stop(self) -> None:
        aside, self.aside = self.aside, None
        if aside is not None:
            aside.stop()


@contextlib.contextmanager
def compiled_once(settings: dict[str, Any], aside: bool = True) -> Iterator[None]:
    """Around one Pelican run (wartadesa.build): the templates compiled once; none compiled
    aside when `aside` is false (a build that only checks renders no page)."""
    share_compiled_templates(settings)
    if not aside:
        yield
        return
    compiling = _CompilingAside()
    signals.article_generator_init.connect(compiling.start)
    signals.get_writer.connect(compiling.take)
    shared_before_writing.connect(compiling.take)
    try:
        yield
    finally:
        signals.article_generator_init.disconnect(compiling.start)
        signals.get_writer.disconnect(compiling.take)
        shared_before_writing.disconnect(compiling.take)
        compiling.stop()
