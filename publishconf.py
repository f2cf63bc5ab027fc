"""Production settings: `invoke publish` and the GitHub Actions build use these.

The site address comes from the SITEURL environment variable when it is set,
otherwise from PUBLISH_SITEURL below (or https://CUSTOM_DOMAIN).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403
from pelicanconf import CUSTOM_DOMAIN  # noqa: E402

# The address the site is published at, without a trailing slash.
PUBLISH_SITEURL = ""

SITEURL = (
    os.environ.get("SITEURL")
    or PUBLISH_SITEURL
    or (f"https://{CUSTOM_DOMAIN}" if CUSTOM_DOMAIN else "")
).rstrip("/")
if not SITEURL:
    raise SystemExit(
        "publishconf.py: alamat situs belum diisi. Isi PUBLISH_SITEURL atau "
        "CUSTOM_DOMAIN di pelicanconf.py, atau jalankan dengan "
        "SITEURL=https://nama-desa.desa.id (the production site address is not set)."
    )
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
# GitHub Pages: wartadesa.build writes .nojekyll (no Jekyll processing) and,
# when CUSTOM_DOMAIN is set, a CNAME file with that domain.
GITHUB_PAGES = True
