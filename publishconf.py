"""Pengaturan produksi: `invoke publish` dan GitHub Actions memakainya.

Alamat situs diambil dari variabel lingkungan SITEURL bila ada, jika tidak dari
CUSTOM_DOMAIN di pelicanconf.py (https://CUSTOM_DOMAIN).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.modules.pop("pelicanconf", None)  # this folder's pelicanconf.py, not one loaded earlier

from pelicanconf import *  # noqa: E402,F401,F403
from wartadesa.defaults import production_settings  # noqa: E402

globals().update(production_settings(globals()))
