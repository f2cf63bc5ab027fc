"""Two articles or pages that would be written to the same address, or a page that would
overwrite one of the site's own pages (archives, category lists, ...).

Pelican on its own treats two articles with the same slug as translations of each
other and only warns. With `ARTICLE_TRANSLATION_ID = ("slug", "date.year", "date.month")`
(our URL scheme berita/{yyyy}/{mm}/{slug}/) two "Rapat Koordinasi Desa" in different
months are simply two articles; in the same month they are this error.
"""

import logging
import posixpath
from collections import defaultdict

from front_matter.errors import ContentError, display_path, report

from .content import articles_generator, contents, is_article, meta_line

SITE_PAGES = {
    "index": "beranda",
    "archives": "daftar arsip",
    "categories": "daftar kategori",
    "tags": "daftar label",
    "authors": "daftar penulis",
    "404": "halaman 404",
}
# Pelican's own notes about such groups; our error says it with files and lines.
PELICAN_TRANSLATION_WARNINGS = (
    'There are %s items "%s" with lang %s',
    "There are %s original (not translated) items %s",
)


class TranslationNoteFilter(logging.Filter):
    """Drops Pelican's translation warnings: duplicates are reported by `check`."""

    def filter(self, record):
        return not (isinstance(record.msg, str)
                    and record.msg.startswith(PELICAN_TRANSLATION_WARNINGS))


def _target(path):
    path = posixpath.normpath(str(path).replace("\\", "/")).lstrip("/")
    return "" if path == "." else path


def site_pages(generators):
    """{save_as: description} of the pages the site writes itself."""
    settings = generators[0].settings if generators else {}
    taken = {}
    for template in settings.get("DIRECT_TEMPLATES", []):
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if save_as:
            taken[_target(save_as)] = SITE_PAGES.get(template, f"halaman {template}")
    articles = articles_generator(generators)
    if articles is not None:
        for label, pairs in (
            ("kategori", articles.categories), ("label", articles.tags),
            ("penulis", articles.authors),
        ):
            items = pairs.items() if isinstance(pairs, dict) else pairs
            for taxonomy, _ in items:
                if taxonomy.save_as:
                    taken[_target(taxonomy.save_as)] = f"halaman {label} '{taxonomy.name}'"
    return taken


def address_line(item):
    """The line that decides the address: save_as/url, slug, else the title."""
    for key in ("save_as", "url", "slug", "title"):
        if key in item.metadata and key in (getattr(item, "meta_lines", None) or {}):
            return meta_line(item, key)
    return 1


def hint_for(item):
    if is_article(item):
        return ("dua berita dengan judul sama di bulan yang sama: ubah judul salah satunya "
                "atau tulis  slug: judul-lain  di front matter")
    return "ubah judul salah satunya atau tulis  slug: nama-lain  di front matter"


def check(generators):
    """all_generators_finalized: report every address written twice."""
    by_target = defaultdict(list)
    for item in contents(generators):
        save_as = item.save_as
        if save_as:
            by_target[_target(save_as)].append(item)
    taken = site_pages(generators)
    for target, group in sorted(by_target.items()):
        url = group[0].url or "/"
        if len(group) > 1:
            for item in group:
                others = ", ".join(display_path(o.source_path) for o in group if o is not item)
                report(ContentError(
                    item.source_path, address_line(item),
                    f"alamat {url} juga dipakai oleh {others} (duplicate URL)",
                    hint_for(item),
                ))
        if target in taken:
            for item in group:
                report(ContentError(
                    item.source_path, address_line(item),
                    f"alamat {url} sudah dipakai {taken[target]} situs (URL taken by the site)",
                    "pilih nama lain:  slug: nama-lain  di front matter",
                ))
