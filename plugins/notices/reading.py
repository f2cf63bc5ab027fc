"""Read one content type's Markdown files through Pelican's readers (our front matter
reader), like the articles and pages generators do."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from pelican.contents import SkipStub

from front_matter.errors import ContentError

if TYPE_CHECKING:
    from pelican.generators import Generator

    from .contents import BoardItem

logger = logging.getLogger(__name__)


def read_all(generator: Generator, content_class: type[BoardItem]) -> list[BoardItem]:
    """Published and hidden items of `content_class` from its CONTENT_TYPE_PATHS folders,
    sorted by source path; drafts are left out (never written). A file that cannot be read
    has already been reported (`file:line` message) and is skipped."""
    folders = (generator.settings.get("CONTENT_TYPE_PATHS") or {}).get(content_class.kind, [])
    items = []
    paths = sorted(generator.get_files(folders))
    # Every file of the type's folders, drafts too: the generator's source_files()
    # (content_guard.unread does not report a draft as a file nobody reads).
    generator.read_sources = [os.path.join(generator.path, path) for path in paths]
    for path in paths:
        try:
            item = generator.readers.read_file(
                base_path=generator.path,
                path=path,
                content_class=content_class,
                context=generator.context,
            )
        except ContentError:
            generator._add_failed_source_path(path)
            continue
        except Exception:  # Pelican's own note, as for articles
            logger.exception("Could not process %s", path)
            generator._add_failed_source_path(path)
            continue
        if isinstance(item, SkipStub) or not item.is_valid():
            continue
        if item.status in ("published", "hidden"):
            generator.add_source_path(item)
            items.append(item)
    return items


def source_files(generator: Generator) -> list[str]:
    """Every file `read_all` found in the type's folders, drafts included (a generator's
    source_files(), for content_guard.unread)."""
    return list(getattr(generator, "read_sources", ()))
