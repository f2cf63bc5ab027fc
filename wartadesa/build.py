"""Safe site build: Pelican into a temporary folder, swapped in only on success.

    python -m wartadesa.build [--settings publishconf.py] [--output output] [--strict] [--github]

Every content problem is printed as one `file:line: message` line (no traceback)
and the build exits 1 leaving the previous `output/` exactly as it was.
"""

import argparse
import contextlib
import copy
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from front_matter.errors import ContentError, ContentErrors, display_path  # noqa: E402
from front_matter.paths import forget_real_folders  # noqa: E402
from search.indexer import INDEX_FOLDER, IndexFailed, index_site, keep_index  # noqa: E402
from search.indexer import enabled as search_enabled  # noqa: E402
from wartadesa import output_folder, read_cache  # noqa: E402
from wartadesa.compiled_templates import compiled_once  # noqa: E402
from wartadesa.content_files import check_content_files  # noqa: E402
from wartadesa.content_folders import content_folders_aside  # noqa: E402
from wartadesa.defaults import LEFTOVER_FILES  # noqa: E402
from wartadesa.incremental import reusing_pages  # noqa: E402
from wartadesa.index_ahead import IndexAhead  # noqa: E402
from wartadesa.parallel import parallel_reading, parallel_writing  # noqa: E402
from wartadesa.settings_check import settings_problems  # noqa: E402
from wartadesa.speedups import (  # noqa: E402
    computed_once,
    exit_code,
    frozen_urls,
    settled_heap,
    templates_read_once,
)
from wartadesa.split_checks import checks_on_two_cores  # noqa: E402
from wartadesa.template_errors import template_problem  # noqa: E402


class BuildFailed(Exception):
    """The build stopped; `problems` are the lines to show the operator (sorted by file
    and line, without repeats); `warnings` the warnings logged before it stopped."""

    def __init__(self, problems, warnings=(), heading=""):
        self.problems = sort_problems(problems)
        self.warnings = sort_problems(warnings)
        self.heading = heading  # a line shown above the problems, not one of them
        super().__init__("\n".join(([heading] if heading else []) + self.problems))


STRICT_HEADING = "peringatan dianggap galat (--strict):"
_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$", re.S)


def sort_problems(lines: list[str]) -> list[str]:
    """Without repeats; lines naming no file:line first (as they came), then by file, line."""

    def key(item):
        index, line = item
        match = _LOCATION.match(line)
        return (1, match["file"], int(match["line"]), index) if match else (0, "", 0, index)

    return [line for _, line in sorted(enumerate(dict.fromkeys(lines)), key=key)]


def problem_lines(errors: list[str], warnings: list[str] | tuple = ()) -> list[str]:
    """What the operator sees: errors and warnings together by file and line, warnings
    marked `file:line: peringatan: message`."""
    marked = []
    for line in warnings:
        match = _LOCATION.match(line)
        marked.append(
            f"{match['file']}:{match['line']}: peringatan: {match['message']}"
            if match
            else f"peringatan: {line}"
        )
    return sort_problems(list(errors) + marked)


class _ReadingDone(Exception):
    """Raised just before writing when only checking (write=False)."""


class Collector(logging.Handler):
    """Keeps every warning and error logged during a build, as operator lines: those of
    the thread that builds and of the processes it forked, not those of the process's
    other threads (the live preview's web server serves pages while a build goes on)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors = []
        self.warnings = []
        self._error_files = set()
        self._process = os.getpid()
        self._thread = threading.get_ident()

    def emit(self, record):
        if record.process == self._process and record.thread != self._thread:
            return
        error = getattr(record, "content_error", None)
        if error is not None:
            target = self.warnings if error.severity == "warning" else self.errors
            target.append(str(error))
            if error.severity != "warning":
                self._error_files.add(os.path.realpath(error.path))
            return
        message = record.getMessage()
        if failed_read(record):
            # Pelican's note after a reader raised: already reported precisely.
            source = os.sep + os.path.normpath(str(record.args[0]))
            if any(path.endswith(source) for path in self._error_files):
                return
            detail = f" ({record.exc_info[1]})" if record.exc_info else ""
            message = f"{_relative(record.args[0])}:1: berkas tidak bisa dibaca{detail}"
        line = f"{message}"
        if record.levelno >= logging.ERROR:
            self.errors.append(line)
        else:
            self.warnings.append(line)


def failed_read(record: logging.LogRecord) -> bool:
    """Pelican's note that a reader raised: the one ERROR its generators log in
    `generate_context` (logger.exception with the file as the only argument). Recognised
    by logger, level, function and arguments, not by the message text."""
    args = record.args if isinstance(record.args, tuple) else ()
    return (
        record.name == "pelican.generators"
        and record.levelno >= logging.ERROR
        and record.funcName == "generate_context"
        and len(args) == 1
    )


def _relative(path):
    try:
        return os.path.relpath(str(path))
    except ValueError:
        return str(path)


UNSAFE_OUTPUTS_MESSAGE = output_folder.UNSAFE_OUTPUTS_MESSAGE


def check_output_path(output, settings):
    """Refuse output folders whose replacement would destroy something precious
    (see wartadesa/output_folder.py); return the resolved folder."""
    try:
        return output_folder.check_output_path(
            output, settings["PATH"], ROOT, settings.get("INDEX_SAVE_AS") or "index.html"
        )
    except output_folder.OutputRefused as refused:
        raise BuildFailed([str(refused)]) from None


def folder_problem(error, folder, staging=None, output=None):
    """One operator line for a file or folder that cannot be read, written or renamed
    (the temporary folder is named as the output folder it stands for)."""
    where = str(getattr(error, "filename", None) or folder)
    if staging is not None and output is not None:
        where = where.replace(str(staging), str(output))
    reason = error.strerror or type(error).__name__
    return (
        f"'{where}' tidak bisa dibaca, ditulis atau diganti: {reason} (cannot read or "
        "write this path) — periksa izin berkas/folder itu dan folder di atasnya "
        "(chmod/chown), atau pilih folder keluaran lain dengan --output"
    )


def with_leftovers_ignored(settings: dict) -> dict:
    """`settings` whose IGNORE_FILES holds the kit's LEFTOVER_FILES (Thumbs.db, ~$x.docx...)
    after the site's own patterns: a site that sets its own IGNORE_FILES keeps them and
    still publishes no leftover."""
    ignored = list(settings.get("IGNORE_FILES") or [])
    settings["IGNORE_FILES"] = ignored + [p for p in LEFTOVER_FILES if p not in ignored]
    return settings


def load_settings(settings_file: str | Path, overrides: dict | None = None) -> dict:
    from pelican.settings import read_settings

    try:
        settings = read_settings(str(settings_file), override=overrides or {})
        # Settings files share the kit's default dicts and lists (`from wartadesa.defaults
        # import *`), and plugins complete some of them in place (MARKDOWN): a copy each, so
        # a second build in the same process starts from the same settings as the first.
        settings = {
            key: copy.deepcopy(value) if isinstance(value, (dict, list, set)) else value
            for key, value in settings.items()
        }
    except SystemExit as stop:
        raise BuildFailed([str(stop)]) from None
    except SyntaxError as error:
        raise BuildFailed(
            [
                f"{display_path(error.filename or settings_file)}:{error.lineno or 1}: pengaturan "
                f"tidak bisa dibaca: {error.msg} (syntax error in the settings) — periksa tanda "
                "kurung, tanda kutip dan indentasi pada baris ini"
            ]
        ) from None
    except OSError as error:
        raise BuildFailed(
            [
                f"{display_path(error.filename or settings_file)}:1: berkas pengaturan tidak bisa "
                f"dibaca: {error.strerror} (cannot read the settings) — periksa nama berkas "
                "--settings (pelicanconf.py atau publishconf.py)"
            ]
        ) from None
    except Exception as error:  # noqa: BLE001 - a mistake in the settings file itself
        line = next(
            (
                frame.lineno
                for frame in reversed(traceback.extract_tb(error.__traceback__))
                if Path(frame.filename).resolve() == Path(settings_file).resolve()
            ),
            1,
        )
        raise BuildFailed(
            [
                f"{display_path(settings_file)}:{line}: pengaturan salah: {type(error).__name__}: "
                f"{error} (error in the settings) — periksa baris ini"
            ]
        ) from None
    problems = settings_problems(settings, settings_file)
    if problems:
        raise BuildFailed(problems)
    return with_leftovers_ignored(settings)


def build(
    settings_file: str | Path = "pelicanconf.py",
    output: str | Path | None = None,
    strict: bool = False,
    overrides: dict | None = None,
    write: bool = True,
    stats: dict | None = None,
    index_later: list | None = None,
    save_later: list | None = None,
    early=None,
    port: int | None = None,
) -> list[str]:
    """Build the site; return the warnings. Raise BuildFailed on any error.
    `port`: where a preview is served (`invoke serve --port`): its feed links and shared
    addresses name that port (wartadesa.preview.served_at).
    `stats`, a dict, receives the numbers of articles and pages and the SITEURL.
    `index_later`, a list (the live preview): the new folder keeps the previous search
    index, and the settings are appended for `search.indexer.index_in_place` afterwards.
    `save_later`, a list (the live preview): the build cache's files (BUILD_CACHE) are not
    written before the build returns; a callable for each is appended instead, to be
    called, in order, before the next build (wartadesa.preview.LivePreview).
    `early`, a wartadesa.early_pages.EarlyPages (the live preview): the pages of the
    articles and pages this build made again are put in the output before the writing
    starts, and put back as they were should the build fail.

    Content is read and every plugin's checks run (up to `all_generators_finalized`);
    if anything was reported as an error, nothing is written. With write=False the
    build stops there in any case (used by `invoke check`)."""
    forget_real_folders()  # what an earlier build (the live preview) saw of the folders
    settings_file = Path(settings_file).resolve()
    settings = load_settings(settings_file, overrides)
    if port is not None:
        from wartadesa.preview import served_at

        overrides = {**served_at(settings, port), **(overrides or {})}
        settings = {**settings, **overrides}
    if write:
        output = check_output_path(output or settings["OUTPUT_PATH"], settings)
    problems = check_content_files(settings)
    if problems:
        raise BuildFailed(problems)
    if not write:  # only checking: nothing is written, the output folder does not matter
        output = Path(tempfile.mkdtemp(prefix="wartadesa-check-")) / "output"
    staging = None
    try:  # from here on, the temporary folder goes whatever happens (Ctrl+C, SIGTERM too)
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output_folder.clean_stale(output.parent, settings.get("INDEX_SAVE_AS") or "index.html")
            # A rebuild (build cache) builds into the folders of an earlier output.
            spare = read_cache.folder(settings) is not None and write
            with _signals_held():  # a folder made is a folder `staging` names (removed below)
                staging = output_folder.new_staging(output, spare=spare)
        except OSError as error:
            raise BuildFailed([folder_problem(error, output.parent)]) from None
        return _build_into(
            staging,
            output,
            settings_file,
            strict,
            overrides,
            write,
            stats,
            index_later,
            save_later,
            early if write else None,
        )
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        if not write:
            shutil.rmtree(output.parent, ignore_errors=True)


def give_back_memory() -> None:
    """Return the memory of the finished Pelican run to the system while Pagefind indexes
    many pages after the run (a build on one core: the two would otherwise add up;
    search.indexer.index_site calls it once Pagefind has started on more than
    LARGE_INDEX_PAGES pages; an index made aside shares this memory): hand the settled objects
    back to the collector (settled_heap), collect the freed ones, then ask glibc to release
    its free heap pages (malloc_trim; nothing elsewhere)."""
    import ctypes
    import gc

    gc.unfreeze()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def forget_logged_warnings() -> None:
    """Pelican's loggers drop a warning already logged once in this process (LimitFilter):
    a build in the same process as an earlier one (`invoke livereload`) would not show the
    warnings of a file that still has them. Each build starts without that memory."""
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def forget_memoized_texts() -> None:
    """Pelican keeps every article's and page's HTML and summary in a cache on the Content
    class (`pelican.utils.memoized`, keyed by the object): in one process that caches
    forever, with each object the whole build it refers to (the context, every other
    article). Emptied after each Pelican run, so a build's objects are freed when it ends:
    while Pagefind runs (give_back_memory), and before the next build of a live preview,
    which otherwise kept every earlier build alive (more memory and slower collections
    with every save)."""
    from pelican.contents import Content
    from pelican.utils import memoized

    for value in vars(Content).values():
        if isinstance(value, memoized):
            value.cache.clear()


def _build_into(
    staging,
    output,
    settings_file,
    strict,
    overrides,
    write,
    stats,
    index_later=None,
    save_later=None,
    early=None,
):
    """Run Pelican into `staging`; swap it in as `output` when everything succeeded."""
    from pelican import Pelican
    from pelican.plugins import signals

    collector = Collector()
    forget_logged_warnings()
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    previous_level = root_logger.level
    root_logger.setLevel(logging.WARNING)

    def stop_before_writing(_pelican):
        # get_writer is sent after all_generators_finalized: every check has run.
        if collector.errors:
            raise BuildFailed(list(collector.errors), collector.warnings)
        if not write:
            raise _ReadingDone

    def count(generators):
        if stats is None:
            return
        for generator in generators:
            name = type(generator).__name__
            if name == "ArticlesGenerator":
                stats["articles"] = len(generator.articles)
            elif name == "PagesGenerator":
                stats["pages"] = len(generator.pages)

    signals.get_writer.connect(stop_before_writing)
    signals.all_generators_finalized.connect(count)
    if early is not None:  # after the check above, before the writing processes start
        early.output = Path(output)  # as checked (resolved): the pages go beside it
        early.connect()
        signals.get_writer.connect(early.show)
    swapped = False
    ahead = None
    # Until the build ends (the index and the swap too), the objects of the Pelican run stay
    # out of the collector's walks: see settled_heap and give_back_memory.
    heap = contextlib.ExitStack()
    heap.enter_context(settled_heap())
    try:
        settings = load_settings(settings_file, {**(overrides or {}), "OUTPUT_PATH": str(staging)})
        if index_later is None and write:
            # On more than one core the index starts once every page is written, in a
            # forked process, while the build finishes (wartadesa/index_ahead.py). On one
            # core it is made after the run, and the build's memory is given back as soon
            # as Pagefind has started on many pages (Pagefind takes the most memory).
            ahead = IndexAhead(
                index_site,
                staging,
                settings,
                output / INDEX_FOLDER,
                give_back_memory if search_enabled(settings) else None,
                lambda: bool(collector.errors),
            )
            signals.finalized.connect(ahead.start)
        templates_read_once(settings)
        try:
            # speed (issue 15): see wartadesa/speedups.py, parallel.py, compiled_templates.py,
            # content_folders.py and split_checks.py
            with (
                compiled_once(settings, aside=write),  # before anything digests the settings
                frozen_urls(),
                computed_once(),
                reusing_pages(settings, output) as pages,
                parallel_reading(save_later),
                parallel_writing(),
                content_folders_aside(settings, enabled=write),
                checks_on_two_cores(writing=write),
            ):
                try:
                    Pelican(settings).run()
                finally:
                    forget_memoized_texts()
        except _ReadingDone:
            return sort_problems(collector.warnings)
        except BuildFailed:
            raise
        except ContentErrors as errors:
            raise BuildFailed(
                collector.errors + [str(e) for e in errors.errors], collector.warnings
            ) from None
        except ContentError as error:
            raise BuildFailed(collector.errors + [str(error)], collector.warnings) from None
        except Exception as error:  # noqa: BLE001 - shown to the operator, not a traceback
            if os.environ.get("WARTADESA_DEBUG"):
                raise
            problem = template_problem(error)
            if problem is not None:
                raise BuildFailed(collector.errors + [str(problem)], collector.warnings) from None
            if isinstance(error, OSError) and not isinstance(error, FileNotFoundError):
                raise BuildFailed(
                    collector.errors + [folder_problem(error, staging, staging, output)]
                ) from None
            detail = str(error).replace(str(staging), str(output))
            # Through logging, so the collector's filters apply (privacy_guard masks
            # identity numbers a plugin's exception may quote).
            logging.getLogger("wartadesa.build").error(
                "build gagal: %s: %s (set WARTADESA_DEBUG=1 to see the traceback)",
                type(error).__name__,
                detail,
            )
            raise BuildFailed(list(collector.errors), collector.warnings) from None
        if collector.errors:
            raise BuildFailed(list(collector.errors), collector.warnings)
        if strict and collector.warnings:
            raise BuildFailed(collector.warnings, heading=STRICT_HEADING)
        if stats is not None:
            stats["siteurl"] = settings.get("SITEURL", "")
        if pages is not None:
            pages.release()  # what the fingerprints kept alive: no longer needed
            if save_later is None:
                pages.prepare(staging)  # while Pagefind runs (written after the swap)
        try:  # the search index of the finished pages, before anything is published
            if index_later is not None:  # the live preview: search.indexer.index_in_place
                keep_index(output, staging, settings)
            else:
                ahead.finish()
        except IndexFailed as failed:
            raise BuildFailed([str(failed)], collector.warnings) from None
        try:
            output_folder.finish(
                staging, settings.get("RELATIVE_URLS", False), settings.get("FEED_DOMAIN")
            )
            output_folder.swap(staging, output, keep_folders=pages is not None)
            swapped = True
        except OSError as error:
            raise BuildFailed([folder_problem(error, output, staging, output)]) from None
        if pages is not None:  # the record describes the output now in place
            if save_later is None:
                pages.save()
            else:
                save_later.append(pages.save)
        if index_later is not None:
            index_later.append(settings)
    finally:
        if early is not None:
            signals.get_writer.disconnect(early.show)
            early.disconnect()
            if swapped:
                early.finish()
            else:
                early.undo()
        if ahead is not None:
            ahead.stop()
            signals.finalized.disconnect(ahead.start)
        heap.close()
        signals.get_writer.disconnect(stop_before_writing)
        signals.all_generators_finalized.disconnect(count)
        root_logger.removeHandler(collector)
        root_logger.setLevel(previous_level)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return sort_problems(collector.warnings)


def _cancel(signum, _frame):
    raise KeyboardInterrupt(signum)


@contextlib.contextmanager
def _signals_held():
    """Ctrl+C, SIGTERM and SIGHUP held back for the block (delivered after it), where the
    system can hold them: a signal between making the temporary folder and knowing its
    name left the folder behind."""
    held = {getattr(signal, name, None) for name in ("SIGINT", "SIGTERM", "SIGHUP")} - {None}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def stop_on_signals():
    """A terminated build (SIGTERM, SIGHUP: a closed terminal, a CI time-out) unwinds like
    Ctrl+C, so its temporary folder is removed; SIGKILL leaves it to the next build."""
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, _cancel)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site safely.")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default=None)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--port", type=int, default=None, help="the port the preview is served on (feed links)"
    )
    parser.add_argument(
        "--github",
        action="store_true",
        help="GitHub annotations and job summary (default in GitHub Actions)",
    )
    args = parser.parse_args(argv)
    from wartadesa import github

    stop_on_signals()
    stats = {}
    try:
        warnings = build(args.settings, args.output, args.strict, stats=stats, port=args.port)
    except KeyboardInterrupt:
        print(
            "\nBuild dibatalkan: situs yang sudah ada tidak diubah. "
            "(Build cancelled; the existing output was left untouched.)",
            file=sys.stderr,
        )
        return 130
    except BuildFailed as failed:
        if failed.heading:
            print(failed.heading, file=sys.stderr)
        for line in problem_lines(failed.problems, failed.warnings):
            print(line, file=sys.stderr)
        if github.enabled(args.github):
            github.report(failed.problems, failed.warnings)
            github.write_summary(github.problems_summary(failed.problems, failed.warnings))
        count = len(failed.problems)
        print(
            f"\nBuild gagal: {count} masalah. Situs yang sudah ada tidak diubah. "
            f"(Build failed: {count} problem(s); the existing output was left untouched.)",
            file=sys.stderr,
        )
        return 1
    for line in problem_lines([], warnings):
        print(line, file=sys.stderr)
    if github.enabled(args.github):
        github.report([], warnings)
        github.write_summary(
            github.published_summary(
                stats.get("siteurl"), stats.get("articles"), stats.get("pages"), warnings
            )
        )
    print("Build selesai (build finished).")
    return 0


if __name__ == "__main__":
    sys.exit(exit_code(main()))
