"""The site's identity from `content/situs.yml`, read when Pelican starts.

Name, tagline, the village the site belongs to, office address, contacts, social
links, logo and menu are written by the operator in Indonesian YAML and become the
settings the theme uses (SITENAME, SITESUBTITLE, OFFICE_ADDRESS, CONTACT_*,
SOCIAL_LINKS, SITELOGO, MENU_LINKS, ...). Also: the site-owned `overrides/` folder
beside `content/` (templates and static files on top of the theme's), and the files GitHub
Pages needs for the site's domain (`hosting.py`: `.nojekyll`, `CNAME`), and the site's own
share picture while DEFAULT_OG_IMAGE is the kit's (`share_picture.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pelican import signals

from .hosting import get_generators
from .overrides import apply_overrides
from .share_picture import get_generators as share_picture_generator
from .share_picture import use_site_picture
from .situs import apply_identity

if TYPE_CHECKING:
    from pelican import Pelican


def initialized(pelican: Pelican) -> None:
    apply_identity(pelican.settings)
    apply_overrides(pelican.settings)
    use_site_picture(pelican.settings)


def register() -> None:
    signals.initialized.connect(initialized)
    signals.get_generators.connect(get_generators)
    signals.get_generators.connect(share_picture_generator)
