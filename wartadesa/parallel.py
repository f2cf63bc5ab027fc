"""Writing the site on every core: page renders split over forked processes.

Once every generator has built its context (`all_generators_finalized`) pages are
independent renders. When writing starts (`get_writer`), the build forks one worker per
extra core. Every process then runs the same page-writing generators (Pelican's articles
and pages, and those in PARALLEL_GENERATORS) through the same sequence of
`write_file`/`write_feed` calls, so their state (`localsiteurl`, which files were written,
override checks) stays the same as in a serial build; but each process renders and writes
only the output files it owns (a stable hash of the file name), and hands the rest to
/dev/null without rendering them. Every other generator (static files, photos, sitemap,
redirects, plugin generators not listed) runs in the main process only, with every file
its own, exactly as before. The main process waits for the workers before Pelican's
`finalized` signal, so the site is complete before it is checked and swapped in.

Workers send back what they logged (warnings and errors, re-logged in the main process:
the build's collector and the privacy filter see them as if logged there) and the
exception that stopped them, if any (raised in the main process: the operator sees the
same one-line message as in a serial build, never a traceback).

Serial writing is kept when there is one core, when BUILD_WORKERS is 1, when the
platform cannot fork, or when a page uses `{attach}` (it moves a static file while pages
are rendered, so the order of renders matters).

The output is byte for byte the same as a serial build's (tests/test_parallel_build.py).
"""

import logging
import os
import pickle
import struct
import zlib
from contextlib import contextmanager

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)

# Generators whose generate_output only writes through the writer (no files of their
# own, no other side effects): their pages are split between the processes.
PARALLEL_GENERATORS = {"ArticlesGenerator", "PagesGenerator", "VillagesGenerator"}


def worker_count(settings):
    """BUILD_WORKERS: 0 (default) = one process per available core; 1 = serial."""
    wanted = int(settings.get("BUILD_WORKERS") or 0)
    if not hasattr(os, "fork"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, wanted if wanted > 0 else cores)


def _owner(name, count):
    return zlib.crc32(os.path.normpath(str(name)).encode("utf-8", "surrogateescape")) % count


class _Gate:
    """A template that renders only when the current output file is ours."""

    def __init__(self, template, writer):
        self._template = template
        self._writer = writer

    def render(self, context):
        writer = self._writer
        writer._mine = _owner(context["output_file"], writer._count) == writer._index
        return self._template.render(context) if writer._mine else ""

    def __getattr__(self, name):
        return getattr(self._template, name)


class SharedWriter(Writer):
    """Pelican's Writer that writes only its share of the files while `splitting`."""

    _count = 1
    _index = 0

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.splitting = False
        self._mine = True

    def write_file(self, name, template, context, *args, **kwargs):
        if self.splitting:
            template = _Gate(template, self)
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        finally:
            self._mine = True

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        if self.splitting and path:
            self._mine = _owner(path, self._count) == self._index
            if not self._mine:
                elements = []  # not ours: no need to build its items
        try:
            return super().write_feed(elements, context, path, url, *args, **kwargs)
        finally:
            self._mine = True

    def _open_w(self, filename, encoding, override=False):
        """Pelican's bookkeeping of written files (same checks, same errors), but a file
        another process owns is not opened."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)"
                )
            logger.info('Skipping "%s", not overwriting', filename)
            filename = os.devnull
        elif filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(filename if self._mine else os.devnull, "w", encoding=encoding)


class _Capture(logging.Handler):
    """In a worker: every warning and error, to send to the main process."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(_portable_record(record))


def _portable_record(record):
    """The record with its message formatted and nothing that cannot be pickled."""
    values = dict(record.__dict__)
    try:
        values["msg"] = record.getMessage()
    except (TypeError, ValueError):
        values["msg"] = str(record.msg)
    values["args"] = None
    values["exc_info"] = None
    if record.exc_info and record.exc_info[1] is not None and not values.get("exc_text"):
        exception = record.exc_info[1]
        values["msg"] = f"{values['msg']} ({type(exception).__name__}: {exception})"
    error = values.pop("content_error", None)
    if error is not None:
        values["content_error"] = ("content_error", _error_fields(error))
    for key, value in list(values.items()):
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001 - anything a plugin put in `extra`
            values[key] = str(value)
    return values


def _error_fields(error):
    return (error.path, error.line, error.message, error.hint, error.severity)


def _restore_record(values):
    from front_matter.errors import ContentError

    values = dict(values)
    error = values.pop("content_error", None)
    record = logging.makeLogRecord(values)
    if error is not None:
        record.content_error = ContentError(*error[1])
    return record


def _portable_exception(error):
    from front_matter.errors import ContentError, ContentErrors

    if isinstance(error, ContentErrors):
        return ("content_errors", [_error_fields(e) for e in error.errors])
    if isinstance(error, ContentError):
        return ("content_error", _error_fields(error))
    try:
        data = pickle.dumps(error)
        pickle.loads(data)
        return ("pickled", data)
    except Exception:  # noqa: BLE001 - rebuilt below with its name and message
        return ("other", (type(error).__name__, str(error), isinstance(error, OSError)))


def _restore_exception(kind, data):
    from front_matter.errors import ContentError, ContentErrors

    if kind == "content_errors":
        return ContentErrors([ContentError(*fields) for fields in data])
    if kind == "content_error":
        return ContentError(*data)
    if kind == "pickled":
        return pickle.loads(data)
    name, message, is_os_error = data
    return type(name, (OSError if is_os_error else RuntimeError,), {})(message)


def _send(fd, payload):
    data = pickle.dumps(payload)
    view = memoryview(struct.pack("!Q", len(data)) + data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _receive(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    data = b"".join(chunks)
    if len(data) < 8:
        return None
    (size,) = struct.unpack("!Q", data[:8])
    return pickle.loads(data[8 : 8 + size]) if len(data) >= 8 + size else None


class _Run:
    """The parallel writing of one build (see module docstring)."""

    def __init__(self):
        self.generators = []
        self.workers = []  # (pid, read end of its pipe)
        self.active = False

    # --- signals -------------------------------------------------------------
    def remember(self, generators):
        self.generators = list(generators)

    def writer_class(self, pelican):
        count = worker_count(pelican.settings)
        if count <= 1 or self._uses_attach():
            return None
        run = self

        class Writer(SharedWriter):
            def __init__(self, output_path, settings=None):
                super().__init__(output_path, settings=settings)
                run.start(self, count)

        return Writer

    def finish(self, _pelican):
        """finalized: wait for the workers; their problems become ours."""
        self.join()

    # --- work ----------------------------------------------------------------
    def _uses_attach(self):
        for generator in self.generators:
            for name in ("articles", "translations", "hidden_articles", "hidden_translations",
                         "drafts", "drafts_translations", "pages", "hidden_pages",
                         "draft_pages"):
                for item in getattr(generator, name, None) or []:
                    text = getattr(item, "_content", "") or ""
                    if "{attach}" in text or "|attach|" in text:
                        return True
        return False

    def _split(self):
        return [g for g in self.generators if type(g).__name__ in PARALLEL_GENERATORS
                or isinstance(g, (ArticlesGenerator, PagesGenerator))]

    def start(self, writer, count):
        split = self._split()
        if not split:
            return
        writer._count = count
        for index in range(1, count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: its share of the split generators, then exit
                os.close(read_end)
                self._work(writer, index, split, write_end)
            os.close(write_end)
            self.workers.append((pid, read_end))
        self.active = True
        writer._index = 0
        for generator in split:
            generator.generate_output = _splitting(generator.generate_output, writer)

    def _work(self, writer, index, split, fd):
        status = 0
        try:
            root = logging.getLogger()
            for handler in list(root.handlers):
                root.removeHandler(handler)
            capture = _Capture()
            root.addHandler(capture)
            error = None
            try:
                writer._index = index
                writer.splitting = True
                for generator in split:
                    generator.generate_output(writer)
            except BaseException as caught:  # noqa: BLE001 - sent to the main process
                error = _portable_exception(caught)
            _send(fd, {"records": capture.records, "error": error})
        except BaseException:  # noqa: BLE001 - nothing may escape a forked worker
            status = 1
        finally:
            os._exit(status)

    def join(self):
        """Wait for every worker; re-log their records; raise the first error."""
        workers, self.workers = self.workers, []
        self.active = False
        first_error = None
        for pid, fd in workers:
            try:
                result = _receive(fd)
            finally:
                os.close(fd)
                _, status = os.waitpid(pid, 0)
            if result is None:
                first_error = first_error or RuntimeError(
                    f"proses build paralel berhenti tanpa hasil (a build worker died, "
                    f"status {status}); coba lagi dengan BUILD_WORKERS = 1")
                continue
            for values in result["records"]:
                record = _restore_record(values)
                logging.getLogger(record.name).handle(record)
            if result["error"] is not None and first_error is None:
                first_error = _restore_exception(*result["error"])
        if first_error is not None:
            raise first_error

    def stop(self):
        """After a failed build: end the workers still running."""
        workers, self.workers = self.workers, []
        for pid, fd in workers:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
            os.close(fd)
            os.waitpid(pid, 0)


def _splitting(generate_output, writer):
    def generate(*args, **kwargs):
        writer.splitting = True
        try:
            return generate_output(*args, **kwargs)
        finally:
            writer.splitting = False

    return generate


@contextmanager
def parallel_writing():
    """Around one Pelican run (wartadesa.build): split page writing over the cores."""
    from pelican.plugins import signals

    run = _Run()
    signals.all_generators_finalized.connect(run.remember)
    signals.get_writer.connect(run.writer_class)
    signals.finalized.connect(run.finish)
    try:
        yield run
    finally:
        signals.all_generators_finalized.disconnect(run.remember)
        signals.get_writer.disconnect(run.writer_class)
        signals.finalized.disconnect(run.finish)
        run.stop()
