"""A content file far bigger than any news item: usually pasted junk (a base64 image,
a whole document pasted from a word processor). Readers on slow 3G pay for it."""

import os

from front_matter.errors import ContentError, report

from .content import contents, read_lines
from .settings import setting


def human(size):
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{size / 1024:.0f} KB"


def problem(path, limit_kb):
    """A ContentError if the file at `path` is bigger than `limit_kb`, else None."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return None
    if not limit_kb or size <= limit_kb * 1024:
        return None
    lines = read_lines(path)
    number, longest = max(enumerate(lines, start=1), key=lambda p: len(p[1]), default=(1, ""))
    where = ""
    if len(longest.encode("utf-8")) > 10 * 1024:
        where = f"; baris {number} saja {human(len(longest.encode('utf-8')))}"
    return ContentError(
        path, number if where else 1,
        f"berkas terlalu besar: {human(size)} (batas {human(limit_kb * 1024)}){where} "
        "(file too large)",
        "berita sebesar ini biasanya berisi tempelan yang tidak sengaja (gambar base64, isi "
        "dokumen Word). Hapus tempelan itu; lampiran simpan di content/files/ lalu tautkan. "
        "Jika memang perlu, naikkan MAX_CONTENT_SIZE_KB di pelicanconf.py",
    )


def check(generators):
    """all_generators_finalized: report every article or page over the size limit."""
    for item in contents(generators):
        error = problem(item.source_path, setting(item.settings, "MAX_CONTENT_SIZE_KB"))
        if error:
            report(error)
