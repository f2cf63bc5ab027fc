"""The live preview (`invoke livereload`): its rebuilds (`LivePreview`), and our
Content-Security-Policy allowing exactly the one inline script the livereload server
injects, only in that preview build.

python-livereload (pinned in requirements.txt) adds this script before </head>; it loads
/livereload.js from the same server, which our `script-src 'self'` already allows. A
test in a real browser fails if a new livereload version changes the script."""

import base64
import contextlib
import gc
import hashlib
import os
import re
import sys
import threading
import time
from pathlib import Path

# livereload.server.Server.application(), without a separate liveport.
LIVERELOAD_SCRIPT = (
    "(function(){"
    'var s=document.createElement("script");'
    "var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
    's.src="//"+window.location.hostname+":"+port'
    '+ "/livereload.js?port=" + port;'
    "document.head.appendChild(s);"
    "})();"
)


def script_hash(script=LIVERELOAD_SCRIPT):
    """The CSP source that allows exactly `script` inline: 'sha256-…'."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_with_live_reload(policy):
    """`policy` with the livereload script allowed in script-src (added when missing)."""
    source = script_hash()
    parts = [part.strip() for part in (policy or "").split(";") if part.strip()]
    for index, part in enumerate(parts):
        if part.split()[0] == "script-src":
            parts[index] = f"{part} {source}"
            break
    else:
        parts.append(f"script-src 'self' {source}")
    return "; ".join(parts)


PREVIEW_CACHE = "cache/build"  # the build cache of the live preview (see read_cache.py)

# The preview's own address, as the kit's FEED_DOMAIN names it (wartadesa/defaults.py).
_LOCAL_ADDRESS = re.compile(r"http://(?:127\.0\.0\.1|localhost)(?::\d+)?/?\Z")


def served_at(settings, port) -> dict:
    """The settings override that makes a preview's absolute addresses (FEED_DOMAIN: the
    feed links, a feed's entries, the addresses shared to WhatsApp) name the port the
    preview is served on: `invoke serve --port 8080` showed links to port 8000. Nothing
    for a production build (absolute links) or a FEED_DOMAIN the site set to an address
    of its own."""
    if port is None or not settings.get("RELATIVE_URLS"):
        return {}
    if not _LOCAL_ADDRESS.match(str(settings.get("FEED_DOMAIN") or "")):
        return {}
    return {"FEED_DOMAIN": _address(port)}


def _address(port) -> str:
    return f"http://127.0.0.1:{int(port)}"


def built_for_another_port(folder, port) -> bool:
    """Whether the preview in `folder` must be built again to be served on `port`: it
    names another local port, or no address (built by an older kit)."""
    from wartadesa.output_folder import built_address

    address = built_address(folder)
    if address is None:
        return True
    return bool(_LOCAL_ADDRESS.match(address)) and address != _address(port)


def preview_overrides(settings):
    """Settings of a live-preview build: livereload's script allowed, and the build cache
    on (a save of one article re-reads only that file) unless the site sets its own."""
    return {
        "CONTENT_SECURITY_POLICY": policy_with_live_reload(settings.get("CONTENT_SECURITY_POLICY")),
        "BUILD_CACHE": settings.get("BUILD_CACHE") or PREVIEW_CACHE,
    }


COLLECT_AFTER = 2.0  # seconds after a preview rebuild: its page is reloaded and served by then


class IdleCollection:
    """The garbage of a finished preview build, collected while the operator reads the page.

    A build leaves its articles, lists and context behind as reference cycles, which only a
    full collection frees. Left alone, that collection came during the next build (while it
    read the page record and its content): 0.7-1.0 s of a one-article rebuild at 5,000
    articles. `collect(since)`, called by the preview's thread once its work is done, makes
    it `delay` seconds after `since` (the rebuild's return), or at once after `hurry()`
    (the next save came sooner; `calm()` when the next rebuild starts)."""

    def __init__(self, delay: float = COLLECT_AFTER) -> None:
        self.delay = delay
        self.collections = 0  # made so far (tests)
        self._hurry = threading.Event()

    def collect(self, since: float) -> None:
        self._hurry.wait(max(0.0, since + self.delay - time.monotonic()))
        gc.collect()
        self.collections += 1

    def hurry(self) -> None:
        self._hurry.set()

    def calm(self) -> None:
        self._hurry.clear()


class LivePreview:
    """The rebuilds of `invoke livereload` (tasks.py), and of the benchmark's preview.

    `rebuild()` builds the preview (BuildFailed as wartadesa.build.build) and returns once
    the new output is in place, so the page is reloaded then. What is left is done in a
    thread while the operator reads: the build cache's files (`save_later`), then the search
    index of the new pages (`index_later`: until it is made, the new output has the
    previous index), then the collection of the build's garbage (IdleCollection). The next
    `rebuild()` waits for that thread first (`wait()`): one Pagefind at a time, never on a
    folder being swapped, the cache complete before it is read, and no garbage of the last
    build left for the collector to walk during the next."""

    def __init__(
        self, settings_file, output, overrides=None, report=None, on_built=None, port=None
    ) -> None:
        self.settings_file = Path(settings_file)
        self.output = Path(output)
        self.overrides = dict(overrides or {})
        self.port = port  # where the preview is served (served_at)
        self.report = report or print_report  # report(text, error=False): the index's outcome
        # Called (in the thread) when a build that showed pages early has ended: the whole
        # new output in place, or the pages shown put back. `invoke livereload` reloads the
        # browser again then.
        self.on_built = on_built
        self.garbage = IdleCollection()
        self._thread: threading.Thread | None = None
        self.shown: list[str] = []  # the pages the last rebuild showed early
        self.built: float | None = None  # when its build ended (time.monotonic)
        from wartadesa.read_cache import hold_files

        hold_files()  # the next rebuild takes the cache's files as this process left them

    def build_overrides(self) -> dict:
        """The settings overrides of the next rebuild: the preview's (preview_overrides),
        its port's (served_at), then this preview's own."""
        from wartadesa.build import load_settings

        settings = load_settings(self.settings_file)
        return {**preview_overrides(settings), **served_at(settings, self.port), **self.overrides}

    def rebuild(self, early: bool = False) -> list[str]:
        """Build the preview; return its warnings (BuildFailed as wartadesa.build.build).

        With `early` (`invoke livereload`), the build runs in this preview's thread and
        this returns as soon as the page of the saved article is in place
        (wartadesa/early_pages.py), with no warnings: the rest of the build goes on in the
        thread, which then reports its warnings, or its failure (the pages shown early are
        put back), and calls `on_built`. Without a page to show early, it returns when the
        build is done, as without `early`."""
        from wartadesa.build import build

        self.wait()
        self.garbage.calm()
        self.shown, self.built = [], None
        index_later, save_later = [], []
        if not early:
            try:
                return build(
                    self.settings_file,
                    output=self.output,
                    overrides=self.build_overrides(),
                    index_later=index_later,
                    save_later=save_later,
                )
            finally:
                self.built = time.monotonic()
                self._start(self._finish, save_later, index_later, self.built)
        from wartadesa.early_pages import EarlyPages

        ready = threading.Event()
        outcome: dict = {}

        def show(names):
            self.shown = names
            ready.set()

        pages = EarlyPages(self.output, show)

        def run():
            try:
                with _forking_from_this_thread():
                    outcome["warnings"] = build(
                        self.settings_file,
                        output=self.output,
                        overrides=self.build_overrides(),
                        index_later=index_later,
                        save_later=save_later,
                        early=pages,
                    )
            except BaseException as error:  # noqa: BLE001 - raised by rebuild() or reported
                # Its frames hold the whole build: not kept past the collection below.
                outcome["error"] = error.with_traceback(None)
            finally:
                self.built = time.monotonic()
                late = ready.is_set()
                ready.set()
            try:
                if late:
                    self._after_early(outcome, pages)
            finally:
                self._finish(save_later, index_later, self.built)

        self._start(run)
        ready.wait()
        if self.shown:
            return []
        error = outcome.pop("error", None)
        if error is not None:  # the build ended before any page was shown
            try:
                raise error
            finally:
                error = None  # this frame does not hold it (nor the build) once raised
        return outcome.pop("warnings")

    def _start(self, target, *args) -> None:
        self._thread = threading.Thread(target=target, args=args, daemon=True)
        self._thread.start()

    def _after_early(self, outcome: dict, pages) -> None:
        """In the thread, the build done after its pages were shown early: its warnings, or
        its failure (the pages shown were put back), reported; pages shown that differ
        from the build's reported as errors; then `on_built`, in any case. `outcome` is
        emptied (an exception's frames: the build's objects, collected next)."""
        try:
            error = outcome.get("error")
            if error is not None:
                problems = getattr(error, "problems", None) or [f"{type(error).__name__}: {error}"]
                self.report(
                    "\n".join(
                        [
                            *problems,
                            "Halaman pratinjau dikembalikan ke build terakhir yang berhasil "
                            "(preview put back to the last good build).",
                        ]
                    ),
                    error=True,
                )
                return
            if outcome.get("warnings"):
                self.report("\n".join(outcome["warnings"]))
            self.report("Seluruh situs dibangun ulang (whole site rebuilt).")
            for name in pages.differing():
                self.report(
                    f"{name}: halaman pratinjau awal berbeda dari hasil build (early preview "
                    "page differs from the build's)",
                    error=True,
                )
        finally:
            outcome.clear()
            if self.on_built is not None:
                try:
                    self.on_built()
                except Exception as failed:  # noqa: BLE001 - the preview goes on
                    self.report(f"{type(failed).__name__}: {failed}", error=True)

    def wait(self) -> None:
        """Until what the last rebuild left is done (its garbage collected at once)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self.garbage.hurry()
            thread.join()

    def _finish(self, save_later: list, index_later: list, since: float) -> None:
        try:
            while save_later:  # popped: nothing of the build stays referred to from here
                try:
                    save_later.pop(0)()
                except Exception as error:  # noqa: BLE001 - the next build only reads more
                    self.report(
                        f"cache build tidak tersimpan ({type(error).__name__}: {error}); "
                        "build berikutnya membaca ulang berkas yang perlu (build cache not "
                        "saved)",
                        error=True,
                    )
            while index_later:
                settings = index_later.pop(0)
                try:
                    from search.indexer import index_in_place  # plugins/: wartadesa.build

                    index_in_place(self.output, settings)
                    self.report("Indeks pencarian diperbarui (search index updated).")
                except Exception as failed:  # noqa: BLE001 - IndexFailed's own line, else its name
                    known = type(failed).__name__ == "IndexFailed" or isinstance(failed, OSError)
                    self.report(
                        str(failed)
                        if known
                        else f"indeks pencarian tidak diperbarui ({type(failed).__name__}: "
                        f"{failed}) (search index not updated)",
                        error=True,
                    )
        finally:
            self.garbage.collect(since)


# A build in the preview's thread forks its reading, writing and checking processes while
# the process's main thread serves pages (`invoke livereload`). A lock that thread held at
# that moment stays held in the forked process: the lock of sys.stdout's or sys.stderr's
# buffer, should it be writing a line then. A process forked from that thread gets its own
# sys.stdout and sys.stderr (the same files), so that what it prints cannot wait forever.
_building_thread: list[int] = []  # the ident of the thread building now, if any


@contextlib.contextmanager
def _forking_from_this_thread():
    _building_thread[:] = [threading.get_ident()]
    try:
        yield
    finally:
        _building_thread.clear()


def _fresh_output_streams() -> None:
    """In a forked process: new text streams on the standard files, when forked by the
    preview's building thread (the same thread, alone, in the forked process)."""
    if _building_thread != [threading.get_ident()]:
        return
    for name, number in (("stdout", 1), ("stderr", 2)):
        old = getattr(sys, name)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            setattr(
                sys,
                name,
                open(  # noqa: SIM115 - the process's stream until it ends
                    number,
                    "w",
                    encoding=old.encoding,
                    errors=old.errors,
                    closefd=False,
                    buffering=1,
                ),
            )


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_output_streams)


def print_report(text: str, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout)
