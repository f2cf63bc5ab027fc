"""The gallery generator: reads every album folder under the album paths
(CONTENT_TYPE_PATHS["album"], default galeri/), checks its photos, hands them to the
photos plugin's pipeline (resized, rotated, without metadata; the originals are never
published), tags the albums with their villages and regions, declares every page for
content_guard's output plan and writes them through Pelican's Writer: the album pages,
one page per photo (the large view) and the album index."""

from __future__ import annotations

import fnmatch
import os
from collections import Counter
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from pelican.generators import Generator

from front_matter.errors import ContentError, display_path, report
from photos.registry import registry_of
from photos.source import PhotoProblem

from . import entries, places
from .model import Album, AlbumPhoto

if TYPE_CHECKING:
    from pelican.writers import Writer

INDEX = "index.md"
# What an index.md saved under another name ends in: `index.MD`, `index.md.txt` (Notepad),
# `index.txt`, `index` (GitHub's "Create new file" with the name typed without .md).
INDEX_ENDINGS = ("", ".md", ".markdown", ".mkd", ".mdown")
DUPLICATE_HINT = (
    "dua album dengan judul yang sama: ubah judul salah satunya atau tulis  "
    "slug: nama-lain  di index.md-nya"
)


def misnamed_index(names: list[str]) -> str | None:
    """The album's index.md saved under another name (`index.MD`, `Index.md`, `index.md.txt`,
    `index.txt`, `index.md ` with a space, `index`), or None."""
    for name in sorted(names):
        lower = name.lower().strip()
        stem, ext = os.path.splitext(lower)
        if ext in (".txt", ".text"):  # Notepad's own ending
            stem, ext = os.path.splitext(stem)
        if name != INDEX and stem == "index" and ext in INDEX_ENDINGS:
            return name
    return None


class GalleryGenerator(Generator):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.albums = []  # every album written (published and hidden), newest first
        self.listed = []  # published albums: the index, villages, regions, sitemap
        self.folders = []  # every album folder (relative to PATH), read or reported
        self.strays = []  # files beside the album folders, reported by album_folders

    # --- reading -------------------------------------------------------------------
    def _ignored(self, name):
        return name.startswith(".") or any(
            fnmatch.fnmatch(name, pattern) for pattern in self.settings.get("IGNORE_FILES", [])
        )

    def album_folders(self) -> list[tuple[str, bool]]:
        """[(folder relative to PATH, has index.md)]; stray files reported. index.md is
        looked for by its exact name: on Windows or a Mac `index.MD` would be found as
        index.md, and the album would be lost on GitHub's Linux."""
        found = []
        self.strays = []
        for base in (self.settings.get("CONTENT_TYPE_PATHS") or {}).get("album", []):
            root = os.path.join(self.path, base)
            if not os.path.isdir(root):
                continue
            for name in sorted(os.listdir(root)):
                if self._ignored(name):
                    continue
                path = os.path.join(root, name)
                relative = os.path.join(base, name)
                if os.path.isdir(path):
                    index = os.path.join(path, INDEX)
                    found.append((relative, INDEX in os.listdir(path) and os.path.isfile(index)))
                else:
                    self.strays.append(path)
                    report(
                        ContentError(
                            path,
                            1,
                            f"berkas '{name}' di luar folder album tidak dipakai "
                            "(file outside an album folder)",
                            f"tiap album punya foldernya sendiri: {base}/nama-album/{INDEX} dan "
                            "foto-fotonya di folder yang sama",
                            severity="error" if name.endswith(".md") else "warning",
                        )
                    )
        return found

    def source_files(self) -> list[str]:
        """The album folders (ending in /): every file in them is the gallery's (its
        index.md, the photos it lists), and the stray files it reported itself:
        content_guard.unread reports none of them again."""
        return [os.path.join(self.path, folder, "") for folder in self.folders] + self.strays

    def _without_index(self, folder: str) -> ContentError:
        """The problem of an album folder without index.md: the file saved under another
        name (`index.MD`, `index.md.txt`) to rename, or index.md to write."""
        misnamed = misnamed_index(os.listdir(os.path.join(self.path, folder)))
        if misnamed:
            if misnamed.lower() == INDEX:
                how = " (huruf kecil semua)"
            elif misnamed.lower().endswith((".txt", ".text")):
                how = " (tanpa .txt di belakangnya)"
            elif misnamed != misnamed.strip():
                how = " (tanpa spasi)"
            else:
                how = ""
            return ContentError(
                os.path.join(self.path, folder, misnamed),
                1,
                f"berkas album harus bernama {INDEX}, bukan {misnamed}: albumnya tidak terbit "
                "(album file misnamed)",
                f"ganti namanya menjadi {INDEX}{how}",
            )
        return ContentError(
            os.path.join(self.path, folder, INDEX),
            1,
            f"folder album {folder}/ tidak punya {INDEX} (album folder without {INDEX})",
            f"buat {folder}/{INDEX} berisi judul, tanggal dan daftar foto: (lihat "
            'README, "Galeri foto"), atau hapus foldernya',
        )

    def _read(self, folder):
        try:
            return self.readers.read_file(
                base_path=self.path,
                path=os.path.join(folder, INDEX),
                content_class=Album,
                context=self.context,
            )
        except ContentError:
            return None  # the reader has reported it with its file and line

    def _photos(self, album, registry):
        index_path = album.source_path
        key_line = album.meta_lines.get("photos", 1)
        found, problems = entries.check(index_path, album.photos, key_line)
        folder = os.path.relpath(os.path.dirname(index_path), self.path)
        for entry in found:
            relative = os.path.join(folder, entry.file).replace(os.sep, "/")
            try:
                photo = registry.photo(relative)
            except PhotoProblem as problem:
                problems.append(ContentError(index_path, entry.line, problem.message, problem.hint))
                continue
            problems += [
                ContentError(index_path, entry.line, message, hint, severity="warning")
                for message, hint in photo.source.warnings
            ]
            registry.use(photo, album)
            album.pictures.append(
                AlbumPhoto(
                    album, len(album.pictures) + 1, photo, entry.caption, entry.alt, entry.line
                )
            )
        for problem in problems:
            report(problem)

    def generate_context(self) -> None:
        registry = registry_of(self.context, self.settings)
        albums = []
        found = self.album_folders()
        self.folders = [folder for folder, _ in found]
        for folder, has_index in found:
            if not has_index:
                report(self._without_index(folder))
                continue
            album = self._read(folder)
            if album is None or album.status == "draft":
                continue  # a draft album is not published at all
            if not album.slug:
                report(
                    ContentError(
                        album.source_path,
                        album.meta_lines.get("title", 1),
                        "judul ini tidak menghasilkan alamat: tidak ada huruf atau angka latin "
                        "(empty slug)",
                        "tulis  slug: nama-album  di index.md",
                    )
                )
                continue
            self._photos(album, registry)
            albums.append(album)
        albums.sort(key=lambda a: (a.date, a.slug), reverse=True)
        self.albums = albums
        self.listed = [a for a in albums if a.status == "published"]
        for problem in places.attach(self.listed, self.context, self.settings):
            report(problem)
        self.context["albums"] = self.listed

    # --- the output plan -------------------------------------------------------------
    def planned_outputs(self) -> Iterator[tuple[Any, ...]]:
        """(save_as, description, source, line, hint[, (url, items, template)]) of every
        page generate_output writes (content_guard's output plan and clash check)."""
        addresses = Counter(album.save_as for album in self.albums)
        for album in self.albums:
            lines = getattr(album, "meta_lines", {})
            line = lines.get("slug") or lines.get("title") or 1
            name = display_path(album.source_path)
            yield album.save_as, f"album {name}", album.source_path, line, DUPLICATE_HINT
            if addresses[album.save_as] > 1:
                continue  # one message per album at its title, not one per photo too
            for picture in album.pictures:
                yield (
                    picture.save_as,
                    f"foto {picture.number} album {name}",
                    album.source_path,
                    picture.line,
                    DUPLICATE_HINT,
                )
        save_as = self.settings.get("ALBUMS_SAVE_AS")
        if save_as and self.listed:
            yield (
                save_as,
                "daftar album (galeri)",
                "",
                1,
                "",
                (self.settings.get("ALBUMS_URL", ""), self.listed, "albums"),
            )

    # --- writing ---------------------------------------------------------------------
    def generate_output(self, writer: Writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        album_page = self.get_template("album")
        photo_page = self.get_template("album_photo")
        for album in self.albums:
            write(
                album.save_as,
                album_page,
                self.context,
                album=album,
                url=album.url,
                template_name="album",
            )
            for picture in album.pictures:
                write(
                    picture.save_as,
                    photo_page,
                    self.context,
                    album=album,
                    picture=picture,
                    url=picture.url,
                    template_name="album_photo",
                    in_sitemap=False,  # plugin sitemap: the album page stands for its photos
                )
        save_as = self.settings.get("ALBUMS_SAVE_AS")
        if save_as and self.listed:
            write(
                save_as,
                self.get_template("albums"),
                self.context,
                albums=self.listed,
                paginated={"albums": self.listed},
                template_name="albums",
                url=self.settings.get("ALBUMS_URL", ""),
                page_name=os.path.splitext(save_as)[0],
            )
