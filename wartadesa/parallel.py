"""Writing the site on every core: page renders split over forked processes.

Once every generator has built its context (`all_generators_finalized`) pages are
independent renders. When writing starts (`get_writer`), the build forks one worker per
extra core. Every process then runs the same page-writing generators (Pelican's articles
and pages, and those in PARALLEL_GENERATORS) through the same sequence of
`write_file`/`write_feed` calls, so their state (`localsiteurl`, which files were written,
override checks) stays the same as in a serial build; but each process renders and writes
only the output files it owns (a stable hash of the file name), and writes the rest into
a discarded in-memory text, without rendering them. Every other generator (static files, photos, sitemap,
redirects, plugin generators not listed) runs in the main process only, with every file
its own, exactly as before. The main process waits for the workers before Pelican's
`finalized` signal, so the site is complete before it is checked and swapped in.

Pelican's Writer makes the folder of every page it goes through; while pages are split, a
process makes only the folders of its own pages, and finds one made aside with one look
(`_WritersOs`, the `os` of `pelican.writers` during a build): at 5,000 articles
`os.makedirs` was about 0.2 s of each writing process.

A `content_written` receiver that keeps something about each page (plugin sitemap) keeps
it in the process that wrote the page (`page_is_ours()`), and registers with
`share_while_writing` how a worker's part is sent back and merged.

Workers send back what they logged (warnings and errors, re-logged in the main process:
the build's collector and the privacy filter see them as if logged there) and the
exception that stopped them, if any (raised in the main process: the operator sees the
same one-line message as in a serial build, never a traceback).

Serial writing is kept when there is one core, when BUILD_WORKERS is 1, when the
platform cannot fork, or when a page uses `{attach}` (it moves a static file while pages
are rendered, so the order of renders matters).

The output is byte for byte the same as a serial build's (tests/test_parallel_build.py).
"""

import io
import logging
import os
import pickle
import struct
import sys
import zlib
from contextlib import contextmanager, suppress

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.writers import FileOverwriteFailedError, Writer

from wartadesa import incremental
from wartadesa.content_folders import CONTENT_LISTS
from wartadesa.output_folder import link_or_copy
from wartadesa.read_cache import Silence

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


# name -> (share, merge): what a plugin kept in a worker about the pages it wrote
# (`share()`, picklable, called there) and how the main process takes it (`merge(value)`).
_SHARES = {}


def share_while_writing(name, share, merge):
    """Register (again) how a plugin's per-page state travels from the writing workers to
    the main process (see module docstring)."""
    _SHARES[name] = (share, merge)


def page_is_ours():
    """In a `content_written` receiver: True unless the page just announced belongs to
    another writing process (which announces it there, and wrote it)."""
    run = _current
    writer = run.writer if run is not None else None
    return writer is None or not writer.splitting or writer._mine


class _WritersOs:
    """The `os` Pelican's Writer sees during a build: the folder of a page is not made by a
    process that does not write that page (every process goes through every page), and a
    folder that is there already (made aside: output_folder.FoldersMadeAside) is found with
    one look instead of `os.makedirs`'s three. Everything else is `os` itself."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def makedirs(name, mode=0o777, exist_ok=False):
        if exist_ok and (not page_is_ours() or os.path.isdir(name)):
            return
        os.makedirs(name, mode, exist_ok)


def _owner(name, count):
    return zlib.crc32(os.path.normpath(str(name)).encode("utf-8", "surrogateescape")) % count


class Text:
    """A finished text for Writer.write_file (which only calls `render`): how plugins write
    files that need no template (robots.txt, sitemap.xml, CNAME) through Pelican's Writer."""

    def __init__(self, text: str) -> None:
        self.text = text

    def render(self, _context: object) -> str:
        return self.text


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
        store = incremental.current()
        if store is not None:
            template = store.wrap(template, context)
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
        store = incremental.current() if path and self._mine else None
        try:
            if store is not None:
                return store.write_feed(
                    self, super().write_feed, elements, context, path, url, args, kwargs
                )
            return super().write_feed(elements, context, path, url, *args, **kwargs)
        finally:
            self._mine = True

    def _open_w(self, filename, encoding, override=False):
        """Pelican's bookkeeping of written files (same checks, same errors), but a file
        another process owns is not opened, and a reused page (wartadesa.incremental) is a
        hard link to the previous output's file."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
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
        again = filename in self._written_files
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        if not self._mine:
            return io.StringIO()
        store = incremental.current()
        previous = store.take_link(filename, self.output_path) if store is not None else None
        if again and filename != os.devnull:
            # Written before in this build, maybe as a link (by any process): never write
            # through it into the previous output.
            with suppress(FileNotFoundError):
                os.unlink(filename)
        if previous is not None:  # a reused page: the previous output's file itself
            link_or_copy(previous, filename)
            return io.StringIO()
        return open(filename, "w", encoding=encoding)


class _Capture(logging.Handler):
    """In a worker: every warning and error, to send to the main process."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(_portable_record(record))

    @classmethod
    def instead_of_handlers(cls):
        """In a forked worker: the root logger's only handler (the main process's handlers
        would write the worker's messages a second time); returns it."""
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        capture = cls()
        root.addHandler(capture)
        return capture


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


def _log_again(records):
    """What a forked process logged (_portable_record), logged in this one."""
    for values in records:
        record = _restore_record(values)
        logging.getLogger(record.name).handle(record)


def _portable_exception(error):
    from front_matter.errors import ContentError, ContentErrors
    from wartadesa.template_errors import template_problem

    if isinstance(error, ContentErrors):
        return ("content_errors", [_error_fields(e) for e in error.errors])
    error = template_problem(error) or error
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


def _memo():
    """front_matter.memo, the results kept between builds (it is imported when a build
    installs it; else None)."""
    return sys.modules.get("front_matter.memo")


def _share_pages():
    store = incremental.current()
    return store.share() if store is not None else None


def _merge_pages(pages):
    store = incremental.current()
    if store is not None and pages:
        store.merge(pages)


def _share_memo():
    memo = _memo()
    return memo.share() if memo is not None else None  # what its steps kept


def _merge_memo(kept):
    memo = _memo()
    if memo is not None and kept:
        memo.merge(kept)


# The kit's own state about the pages a worker wrote travels like a plugin's, first: the
# page record (wartadesa.incremental) and the memo's tables (front_matter.memo).
share_while_writing("pages", _share_pages, _merge_pages)
share_while_writing("memo", _share_memo, _merge_memo)


class _Run:
    """The parallel writing of one build (see module docstring)."""

    def __init__(self):
        self.generators = []
        self.workers = []  # (pid, read end of its pipe)
        self.active = False
        self.writer = None  # this process's SharedWriter once the pages are split

    # --- signals -------------------------------------------------------------
    def remember(self, generators):
        self.generators = list(generators)

    def writer_class(self, pelican):
        count = worker_count(pelican.settings)
        attach = uses_attach(self.generators)
        store = incremental.current()
        if store is not None and attach:
            store.enabled = False  # rendering moves files: every page must be rendered
        if count <= 1 or attach:
            # Serial writing; Pelican's Writer unless pages may be reused.
            return SharedWriter if store is not None and store.enabled else None
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
    def _split(self):
        return [
            g
            for g in self.generators
            if type(g).__name__ in PARALLEL_GENERATORS
            or isinstance(g, (ArticlesGenerator, PagesGenerator))
        ]

    def start(self, writer, count):
        split = self._split()
        if not split:
            return
        writer._count = count
        self.writer = writer
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
            capture = _Capture.instead_of_handlers()
            error = None
            memo = _memo()
            try:
                if memo is not None:
                    memo.forked()
                store = incremental.current()
                if store is not None:
                    store.forked()
                writer._index = index
                writer.splitting = True
                for generator in split:
                    generator.generate_output(writer)
            except BaseException as caught:  # noqa: BLE001 - sent to the main process
                error = _portable_exception(caught)
            parts = {name: share() for name, (share, _merge) in _SHARES.items()}
            _send(fd, {"records": capture.records, "error": error, "parts": parts})
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
                    f"status {status}); coba lagi dengan BUILD_WORKERS = 1"
                )
                continue
            for name, value in result.get("parts", {}).items():  # share_while_writing
                if name in _SHARES:
                    _SHARES[name][1](value)
            _log_again(result["records"])
            if result["error"] is not None and first_error is None:
                first_error = _restore_exception(*result["error"])
        if first_error is not None:
            raise first_error

    def stop(self):
        """After a failed build: end the workers still running."""
        workers, self.workers = self.workers, []
        for pid, fd in workers:
            with suppress(ProcessLookupError):
                os.kill(pid, 9)
            os.close(fd)
            os.waitpid(pid, 0)


def uses_attach(generators) -> bool:
    """Whether any content links a file with `{attach}`: Pelican moves that file beside the
    first page rendered that links it, so the order pages are rendered in matters."""
    for generator in generators:
        for name in CONTENT_LISTS:
            for item in getattr(generator, name, None) or []:
                text = getattr(item, "_content", "") or ""
                if "{attach}" in text or "|attach|" in text:
                    return True
    return False


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
    import pelican.writers
    from pelican.plugins import signals

    global _current
    run = _current = _Run()
    writers_os, pelican.writers.os = pelican.writers.os, _WritersOs()
    signals.all_generators_finalized.connect(run.remember)
    signals.get_writer.connect(run.writer_class)
    signals.finalized.connect(run.finish)
    try:
        yield run
    finally:
        signals.all_generators_finalized.disconnect(run.remember)
        signals.get_writer.disconnect(run.writer_class)
        signals.finalized.disconnect(run.finish)
        pelican.writers.os = writers_os
        _current = None
        run.stop()


_current = None  # the _Run of the build in progress


def wait_for_writers():
    """Every page file is on disk when this returns: for a `finalized` receiver that reads
    the written pages (plugin sitemap), whatever the order receivers run in. Idempotent;
    nothing to wait for in a serial build."""
    if _current is not None:
        _current.join()


# --- Work aside ---------------------------------------------------------------------
# One piece of work that needs nothing more from this process (the search index of the
# written pages) done by a forked process while this one goes on: the same work in a
# thread would wait for the interpreter's lock whenever this process runs Python.


class Aside:
    """`function()` in a forked process from now on (fork it from a process without other
    threads). `result()` waits for it: what it logged is logged here, its exception raised
    here, its value (which must pickle) returned."""

    def __init__(self, function):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                os.close(read_end)
                capture = _Capture.instead_of_handlers()
                try:
                    value, error = function(), None
                except BaseException as caught:  # noqa: BLE001 - raised in the parent
                    value, error = None, _portable_exception(caught)
                _send(write_end, {"value": value, "error": error, "records": capture.records})
            except BaseException:  # noqa: BLE001 - nothing may escape a forked process
                status = 1
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._fd = pid, read_end
        self._outcome = None

    def _wait(self):
        if self._fd is None:
            return
        try:
            self._outcome = _receive(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None
            os.waitpid(self._pid, 0)

    def result(self):
        self._wait()
        outcome, self._outcome = self._outcome, None
        if outcome is None:
            raise RuntimeError(
                "proses build paralel berhenti tanpa hasil (a build process died); coba lagi "
                "dengan BUILD_WORKERS = 1"
            )
        _log_again(outcome["records"])
        if outcome["error"] is not None:
            raise _restore_exception(*outcome["error"])
        return outcome["value"]

    def stop(self):
        """Wait for it to end (a build that failed meanwhile), whatever it did."""
        self._wait()
        self._outcome = None


# --- Reading ------------------------------------------------------------------------
# When the articles generator is made (`article_generator_init`, before any file is
# read), the build forks one reader per extra core. Each reads its share of the article
# and page files exactly as Pelican's Readers.read_file would (our reader, Markdown,
# typogrify), and sends back the content and metadata of every file it read without a
# single warning or error. The main process reads its own share, and for the others takes
# the worker's result instead of reading the file (it still sends Pelican's preread and
# context signals and makes the Article/Page, so every content_object_init handler runs
# there as before). A file a worker could not read silently (an operator mistake, a
# warning) is read again by the main process: its messages come out exactly as in a
# serial build. Workers read with the readers as they are when the articles generator is
# made: a plugin that changes how files are read must do it in `readers_init` (as
# front_matter does), not in a `*_generator_preread` receiver (those run in the main
# process only, before the file is taken from the worker).


class _SharedObjects(pickle.Pickler):
    """Objects both processes hold since the fork (the settings) travel as a reference."""

    def __init__(self, file, shared):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared = shared

    def persistent_id(self, obj):
        key = id(obj)
        return key if key in self._shared else None


class _SharedUnpickler(pickle.Unpickler):
    def __init__(self, file, shared):
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, key):
        return self._shared[key]


class _Claims:
    """Which process reads each file of a list, decided while they read: every process
    takes the next file no process has taken, one at a time, the readers whenever they
    are free, the main process whenever the file Pelican asks for next is not read yet (it
    would wait otherwise; a file it takes is near in the order, its content object is made
    soon after). So no process waits while a file is left, whatever each file costs and
    whatever else the main process does for each file (the content object and its
    receivers): with a fixed share the reader ended 0.07-0.41 s before the main process at
    1,000 articles, and taking the main process's files from the end of the list left it
    about 1 s of content objects to make alone at 5,000. Shared by the forked processes: a
    page of memory (the next file, and each file's reader) and a pipe holding one byte, the
    lock."""

    MAIN = 255  # the main process, as a file's reader (the readers are 1, 2, ...)
    _ENDS = struct.Struct("=qq")  # the next file to take, the number of files

    def __init__(self, files: int) -> None:
        import mmap

        self._memory = mmap.mmap(-1, self._ENDS.size + max(files, 1))  # shared over a fork
        self._ENDS.pack_into(self._memory, 0, 0, files)
        self._lock = os.pipe()
        os.write(self._lock[1], b"x")

    @contextmanager
    def _locked(self):
        os.read(self._lock[0], 1)
        try:
            yield
        finally:
            os.write(self._lock[1], b"x")

    def take(self, reader: int) -> int | None:
        """The next file no process has taken, now `reader`'s (a reader's number or MAIN);
        None when none is left."""
        with self._locked():
            taken, files = self._ENDS.unpack_from(self._memory, 0)
            if taken >= files:
                return None
            self._memory[self._ENDS.size + taken] = reader
            self._ENDS.pack_into(self._memory, 0, taken + 1, files)
        return taken

    def reader(self, position: int) -> int:
        """Who took the file at `position`: 0 nobody yet, MAIN, or a reader's number."""
        return self._memory[self._ENDS.size + position]

    def close(self) -> None:
        for fd in self._lock:
            with suppress(OSError):
                os.close(fd)
        self._memory.close()


class _Silenced(Silence):
    """While the main process reads a file ahead of its turn: the root logger's only
    handler, counting warnings and errors (a file that logs anything is read again in its
    turn, so its messages come in the serial build's order), with Pelican's duplicate
    filter (LimitFilter, which would hide the message the second time) as it was before."""

    def __enter__(self):
        from pelican.log import LimitFilter

        root = logging.getLogger()
        self._handlers = list(root.handlers)
        for handler in self._handlers:
            root.removeHandler(handler)
        super().__enter__()
        self._limits = [
            (container, container.copy())
            for container in (
                LimitFilter._raised_messages,
                LimitFilter._group_count,
                LimitFilter._ignore,
            )
        ]
        return self

    def __exit__(self, *_exc):
        super().__exit__(*_exc)
        root = logging.getLogger()
        for handler in self._handlers:
            root.addHandler(handler)
        for container, before in self._limits:
            container.clear()
            container.update(before)


# A reader sends every file's content and metadata through its pipe as soon as it is read;
# the main process takes them in the files' order, between the files it reads itself and
# its work on each file. With the pipe's 64 KB (six to ten articles) the reader waited for
# the main process about 15 % of its time at 1,000 articles (0.23 s of 1.5 s); the pipe is
# made as large as the system allows, up to this (Linux's default limit for any user).
READER_PIPE_BYTES = 1 << 20


def _widen(fd: int) -> None:
    """The pipe of `fd` holds READER_PIPE_BYTES (where the system allows it)."""
    import fcntl

    with suppress(AttributeError, OSError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, READER_PIPE_BYTES)


class _Reading:
    def __init__(self):
        self.workers = []  # [read fd, pid, {path: result or None}, done]
        self.files = []  # (file, content class) of the list the readers share
        self.positions = {}  # (abs path, class name) -> its position in `files`
        self.claims = None  # _Claims of `files`
        self.ahead = {}  # position -> (content, metadata) the main process read ahead, or None
        self.generator = None
        self.shared = {}
        self.original = None
        self.cache = None  # wartadesa.read_cache.ReadCache when BUILD_CACHE is set
        self.memo = None  # front_matter.memo.Memo when BUILD_CACHE is set
        self.objects = None  # wartadesa.read_objects.Objects when BUILD_CACHE is set
        self.keys = {}

    def save(self):
        """After a run that succeeded: the read cache's entries this build used (the others
        removed), the memo and the objects, for the next build."""
        if self.cache is not None:
            self.cache.prune()
        if self.memo is not None:
            self.memo.save()
        if self.objects is not None:
            self.objects.save()

    def cache_key(self, full, class_name):
        known = self.keys.pop((full, class_name), None)
        return known if known is not None else self.cache.key(full, class_name)

    def start(self, generator):
        from wartadesa.read_cache import ReadCache, folder

        settings = generator.settings
        if folder(settings) is not None:
            self.cache = ReadCache(settings)
            # Checks passed before (front_matter.memo), under the same key as the reads.
            from front_matter import memo

            self.memo = memo.install(self.cache.here)
            # Articles and pages as the last build made them (wartadesa/read_objects.py).
            from wartadesa.read_objects import Objects

            self.objects = Objects(self.cache.here, settings)
        count = worker_count(settings)
        if count <= 1 or settings.get("CACHE_CONTENT"):
            return
        from pelican.contents import Article, Page

        files = [
            (f, Article)
            for f in generator.get_files(
                settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
            )
        ]
        files += [
            (f, Page)
            for f in generator.get_files(settings["PAGE_PATHS"], exclude=settings["PAGE_EXCLUDES"])
        ]
        if self.cache is not None:  # files the cache holds need no reader
            missing = []
            for f, cls in files:
                full = os.path.abspath(os.path.join(generator.path, f))
                key = self.keys[(full, cls.__name__)] = self.cache.key(full, cls.__name__)
                if key is None or not self.cache.has(key):
                    missing.append((f, cls))
            files = missing
        if not files:
            return
        self.files, self.generator = files, generator
        for position, (f, cls) in enumerate(files):
            self.positions[(os.path.abspath(os.path.join(generator.path, f)), cls.__name__)] = (
                position
            )
        self.claims = _Claims(len(files))
        self.shared = {id(settings): settings, id(generator.context): generator.context}
        for index in range(1, count):
            read_end, write_end = os.pipe()
            _widen(write_end)
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                self._work(generator, index, write_end)
            os.close(write_end)
            self.workers.append([read_end, pid, {}, False])

    def _work(self, generator, index, fd):
        """In reader `index`: the files it takes (`_Claims`), each sent as soon as it is
        read."""
        status = 0
        try:
            capture = _Capture.instead_of_handlers()

            def keep(**values):
                return values["content"], values["metadata"]

            import io

            while (position := self.claims.take(index)) is not None:
                f, cls = self.files[position]
                path = os.path.abspath(os.path.join(generator.path, f))
                capture.records.clear()
                try:
                    keep.__name__ = cls.__name__
                    content, metadata = self.original(
                        generator.readers, base_path=generator.path, path=f, content_class=keep
                    )
                    result = None if capture.records else (content, metadata)
                except Exception:  # noqa: BLE001 - the main process reads it again
                    result = None
                buffer = io.BytesIO()
                try:
                    _SharedObjects(buffer, self.shared).dump((path, cls.__name__, result))
                except Exception:  # noqa: BLE001 - something that does not travel
                    buffer = io.BytesIO()
                    _SharedObjects(buffer, self.shared).dump((path, cls.__name__, None))
                data = buffer.getvalue()
                view = memoryview(struct.pack("!Q", len(data)) + data)
                while view:
                    view = view[os.write(fd, view) :]
        except BaseException:  # noqa: BLE001 - nothing may escape a forked worker
            status = 1
        finally:
            os._exit(status)

    def _next_message(self, worker):
        """One (path, class name, result) from the worker, or None at its end."""
        fd = worker[0]
        header = self._read_exactly(fd, 8)
        if header is None:
            return None
        (size,) = struct.unpack("!Q", header)
        data = self._read_exactly(fd, size)
        if data is None:
            return None
        import io

        return _SharedUnpickler(io.BytesIO(data), self.shared).load()

    @staticmethod
    def _read_exactly(fd, size):
        chunks, missing = [], size
        while missing:
            chunk = os.read(fd, min(missing, 1 << 20))
            if not chunk:
                return None
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def result(self, key):
        """The (content, metadata) of this file read by a reader or ahead by this process,
        or None: read it here. While the file's reader has not sent it, this process reads
        the next file no process has taken instead of waiting (`_Claims`)."""
        position = self.positions.pop(key, None)
        if position is None:
            return None
        while True:
            reader = self.claims.reader(position)
            if reader == _Claims.MAIN:
                return self.ahead.pop(position, None)
            if reader:
                worker = self.workers[reader - 1]
                if key in worker[2] or worker[3] or self._ready(worker):
                    return self._take(worker, key)
            taken = self.claims.take(_Claims.MAIN)
            if taken is None:
                if reader:
                    return self._take(worker, key)  # nothing else to read: wait for it
                continue  # a reader has just taken it
            if taken == position:
                return None  # its turn: read here, as a serial build reads it
            self._read_ahead(taken)

    @staticmethod
    def _ready(worker):
        import select

        return bool(select.select([worker[0]], [], [], 0)[0])

    def _take(self, worker, key):
        results = worker[2]
        while key not in results and not worker[3]:
            message = self._next_message(worker)
            if message is None:
                worker[3] = True
                break
            path, name, result = message
            results[(path, name)] = result
        return results.pop(key, None)

    def _read_ahead(self, position):
        """Read the file at `position`, taken by this process, ahead of its turn. Its
        result waits for its turn (None: read again then, it logged something or failed)."""
        f, cls = self.files[position]
        generator = self.generator

        def keep(**values):
            return values["content"], values["metadata"]

        keep.__name__ = cls.__name__
        result = None
        with _Silenced() as silenced:
            try:
                result = self.original(
                    generator.readers, base_path=generator.path, path=f, content_class=keep
                )
            except Exception:  # noqa: BLE001 - read again in its turn, which reports it
                result = None
        self.ahead[position] = result if silenced.count == 0 else None

    def stop(self):
        for fd, pid, _results, _done in self.workers:
            with suppress(ProcessLookupError):
                os.kill(pid, 9)
            os.close(fd)
            os.waitpid(pid, 0)
        self.workers = []
        self.positions, self.ahead = {}, {}
        if self.claims is not None:
            self.claims.close()
            self.claims = None


@contextmanager
def parallel_reading(save_later=None):
    """Around one Pelican run (wartadesa.build): read the content files on every core.
    After a run that succeeded, the build cache's files are written, or, given a list
    `save_later` (the live preview), a callable that writes them is appended to it."""
    from pelican.plugins import signals
    from pelican.readers import Readers, SkipStub

    from wartadesa.read_cache import set_typography

    reading = _Reading()
    original = reading.original = Readers.read_file

    def read_file(
        self,
        base_path,
        path,
        content_class=None,
        fmt=None,
        context=None,
        preread_signal=None,
        preread_sender=None,
        context_signal=None,
        context_sender=None,
    ):
        from pelican.contents import Article, Page

        content_class = content_class or Page
        name = content_class.__name__
        full = os.path.abspath(os.path.join(base_path, path))
        cache = reading.cache if name in ("Article", "Page") else None  # not static files
        key = reading.cache_key(full, name) if cache is not None else None
        if key is not None and reading.memo is not None:
            from front_matter import memo

            # Per-file results kept by the steps (memo.recall); the front matter as read.
            memo.note_source(full, key, cache.fronts.get(full))
        objects = reading.objects if key is not None and reading.objects is not None else None
        if objects is not None and objects.enabled:
            restored = objects.restore(key, content_class, self.settings, context)
            if restored is not None:
                cache.used.add(key)  # its read entry stays for a build that makes it again
                set_typography(self.settings)
                if preread_signal:
                    preread_signal.send(preread_sender)
                if context_signal:
                    context_signal.send(context_sender, metadata=restored.metadata)
                return restored
        else:
            objects = None

        def made(content, metadata, content_class=content_class):
            """The content object, kept for the next build when making it logged nothing."""
            if objects is None or content_class not in (Article, Page):
                return content_class(
                    content=content,
                    metadata=metadata,
                    settings=self.settings,
                    source_path=full,
                    context=context,
                )
            from front_matter import memo

            with Silence() as silence, memo.watched() as asked:
                item = content_class(
                    content=content,
                    metadata=metadata,
                    settings=self.settings,
                    source_path=full,
                    context=context,
                )
            objects.made += 1
            if silence.count == 0:
                objects.keep(key, item, asked, context)
            return item

        found = cache.load(key) if cache is not None else None
        if found is not None:
            set_typography(self.settings)
        elif reading.workers:
            found = reading.result((full, name))
            if found is not None and cache is not None:
                cache.store(key, found)
        if found is None:
            if cache is None:
                return original(
                    self,
                    base_path,
                    path,
                    content_class,
                    fmt,
                    context,
                    preread_signal,
                    preread_sender,
                    context_signal,
                    context_sender,
                )

            def keep(**values):
                return values["content"], values["metadata"]

            keep.__name__ = name
            with Silence() as silence:
                result = original(
                    self,
                    base_path,
                    path,
                    keep,
                    fmt,
                    context,
                    preread_signal,
                    preread_sender,
                    context_signal,
                    context_sender,
                )
            if not isinstance(result, tuple):  # Pelican's SkipStub
                return result
            if silence.count == 0:
                cache.store(key, result)
            content, metadata = result
            return made(content, metadata)
        content, metadata = found
        if preread_signal:
            preread_signal.send(preread_sender)
        if context_signal:
            context_signal.send(context_sender, metadata=metadata)
        if metadata.get("status") == "skip":
            return made(content, metadata, SkipStub)
        return made(content, metadata)

    Readers.read_file = read_file
    signals.article_generator_init.connect(reading.start)
    try:
        yield reading
    except BaseException:
        raise
    else:
        if save_later is None:
            reading.save()
        else:
            save_later.append(reading.save)
    finally:
        if reading.cache is not None:
            reading.cache.finish_writing()
        if reading.memo is not None:
            from front_matter import memo

            memo.install(None)
        signals.article_generator_init.disconnect(reading.start)
        Readers.read_file = original
        reading.stop()


# --- Per-file checks --------------------------------------------------------------------
# The checks over all content (spam, links) look at each file on its own: when many files
# need looking at (a first build, or a change to what every check depends on), the files
# are split over forked processes like the writing; each sends back only the results
# (and what it added to the memo tables, such as the links found in each text).


MAP_MINIMUM = 64  # fewer items than this: no process is forked for them

# How many processes already share the cores while map_forked is called (sharing_cores):
# the checks split between two processes (wartadesa.split_checks). Each then forks only its
# part of the workers: on two cores none. Forked again inside each, the checks took 3.33 s
# against 3.15 s at 5,000 articles (three alternating full builds of each), and the whole
# build 23.04 s against 21.57 s and 43.7 against 40.8 s of CPU: every fork write-protects
# all of a process's memory, and each page written afterwards is a page fault (a copy
# while the forked process lives). At 1,000 articles 5.47 s against 5.24 s (eight each).
_sharing = [1]


@contextmanager
def sharing_cores(processes):
    """Within: `processes` processes (this one and those forked meanwhile) share the cores,
    and map_forked in each uses its part of them (BUILD_WORKERS // processes)."""
    before = _sharing[0]
    _sharing[0] = max(1, before * processes)
    try:
        yield
    finally:
        _sharing[0] = before


def map_forked(function, items, settings, minimum=None):
    """[function(item) for item in items], the items split over one forked process per
    extra core (BUILD_WORKERS; within sharing_cores, this process's part of them) when
    there are at least `minimum` (MAP_MINIMUM) of them; the results must
    pickle. A worker's share that logged a warning or an error, or failed for any reason, is
    done again here: its messages and exceptions come out exactly as in a serial run. What a
    worker's calls add to the memo's tables (front_matter.memo.table) joins this process's."""
    items = list(items)
    minimum = MAP_MINIMUM if minimum is None else minimum
    count = worker_count(settings) // _sharing[0] if len(items) >= minimum else 1
    if count <= 1:
        return [function(item) for item in items]
    workers = []
    try:
        for index in range(1, count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: its share, then exit
                status = 0
                try:
                    os.close(read_end)
                    capture = _Capture.instead_of_handlers()
                    memo = _memo()
                    if memo is not None:
                        memo.forked()
                    share = [function(item) for item in items[index::count]]
                    kept = memo.share() if memo is not None else None  # memo tables' entries
                    # Anything logged: the share is done again here, its messages with it.
                    _send(write_end, None if capture.records else (share, kept))
                except BaseException:  # noqa: BLE001 - done again by the main process
                    status = 1
                finally:
                    os._exit(status)
            os.close(write_end)
            workers.append((index, pid, read_end))
        results = [None] * len(items)
        results[0::count] = [function(item) for item in items[0::count]]
    finally:
        shares = {}
        for index, pid, fd in workers:
            try:
                shares[index] = _receive(fd)
            finally:
                os.close(fd)
                os.waitpid(pid, 0)
    for index in range(1, count):
        share, kept = shares.get(index) or (None, None)
        if share is None or len(share) != len(items[index::count]):
            share = [function(item) for item in items[index::count]]
        elif kept and _memo() is not None:
            _memo().merge(kept)
        results[index::count] = share
    return results
