"""Old import path of the Indonesian date functions: they are in wartadesa/dates.py."""

from wartadesa.dates import *  # noqa: F401,F403
from wartadesa.dates import FILTERS, iso, zone_name  # noqa: F401
