"""privacy_guard: stop the build when residents' identity numbers (NIK, KK) or photos with
a GPS position would be published; warn about phone numbers, birth dates and home
addresses next to names; mask identity numbers in every log line."""

from __future__ import annotations

from pelican import signals

from . import guard, logmask


def register() -> None:
    signals.initialized.connect(logmask.install)
    signals.all_generators_finalized.connect(guard.check)
