"""privacy_guard: stop the build when residents' identity numbers (NIK, KK) or photos with
a GPS position would be published; warn about phone numbers, birth dates and home
addresses next to names."""

from pelican import signals

from . import guard


def register():
    signals.all_generators_finalized.connect(guard.check)
