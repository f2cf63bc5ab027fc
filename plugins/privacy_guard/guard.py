"""all_generators_finalized: check everything the build publishes for personal data.

- articles and pages: their source files, front matter and body, line by line;
- data files: every `.yml`/`.yaml` under the content folder (desa.yml, situs.yml, ...);
- attachments: every PDF, spreadsheet, document and text file under the content folder;
- photos: every JPEG/PNG/WebP/TIFF under the content folder published as it is (a GPS
  position in its EXIF); a photo that only reaches the site through the photos plugin's
  derivatives (metadata stripped, original not published: cover and body photos, the
  site logo) is not refused; the message of one the theme shows by a setting's name
  (favicon, default share picture, a logo published as it is) says so;
- file names: a name holding an identity number publishes it in the address.

Identity numbers and GPS positions are errors (the build writes nothing); a phone number,
birth date or RT/RW address next to a name is a warning.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from content_guard.content import contents, static_generator
from front_matter import memo
from front_matter.errors import ContentError, relative_path, report, reports_only
from front_matter.pictures import TooManyPixels, refused_before
from front_matter.source import source_lines

from . import attachments, identity, personal, photos
from .records import markdown_records
from .scan import LAW, identity_errors, personal_warnings
from .settings import setting

if TYPE_CHECKING:
    from pelican.contents import Content
    from pelican.generators import Generator

    from .records import Record

DATA = {".yml", ".yaml"}
MARKDOWN = {".md", ".markdown", ".mdown", ".mkd"}
GPS_HINT = (
    "foto menyimpan lokasi tempat foto diambil, bisa menunjukkan rumah warga ({law}). Hapus "
    "data lokasinya lalu simpan ulang: di Windows klik kanan berkas > Properties > Details > "
    "Remove Properties and Personal Information; atau `exiftool -gps:all= {name}`; atau kirim "
    "foto lewat WhatsApp lalu simpan hasilnya. Matikan juga 'Simpan lokasi' (tag lokasi) di "
    "aplikasi kamera ponsel (remove the GPS position from the photo)"
)
UNUSED_HINT = (
    "foto ini tidak dipakai berita atau halaman mana pun, jadi terbit apa adanya (foto yang "
    "dipakai dibersihkan otomatis). Bila seharusnya dipakai, periksa nama berkasnya di "
    "berita, juga huruf besar/kecilnya; bila tidak dipakai, hapus berkasnya. Bila memang "
    "ingin diterbitkan apa adanya: "
)
# Pictures the theme shows by their name, published as they are (the photos plugin makes
# a metadata-free picture of a raster logo under content/; not of these, nor of a logo
# while that plugin is off): setting -> what the operator knows it as, and where it is set.
SITE_PICTURES = {
    "SITELOGO": "logo situs (`logo:` di content/situs.yml, atau SITELOGO)",
    "FAVICON": "ikon situs di tab peramban (FAVICON di pelicanconf.py)",
    "DEFAULT_OG_IMAGE": (
        "gambar pratinjau bawaan saat tautan dibagikan (DEFAULT_OG_IMAGE di pelicanconf.py)"
    ),
}
SITE_PICTURE_HINT = (
    "foto ini dipakai sebagai {role}, jadi terbit apa adanya (bukan salinan yang "
    "dibersihkan seperti foto berita); "
)
TOO_LARGE_HINT = (
    "berkasnya tampak rusak atau dibuat terlalu besar: buka di Word, Excel atau LibreOffice "
    "lalu simpan ulang (Simpan Sebagai), atau simpan sebagai PDF; bila tetap gagal, hapus "
    "berkas ini dari content/"
)
UNREADABLE_HINT = (
    "pastikan berkas ini tidak berisi NIK, KK atau data pribadi lain. Bila sudah diperiksa, "
    "tulis namanya di PRIVACY_ALLOWED_FILES di pelicanconf.py agar peringatan ini hilang"
)


def allowed_phones(settings: Mapping[str, Any]) -> frozenset[str]:
    """National forms of the site's published contact numbers and PRIVACY_ALLOWED_PHONES."""
    values = [value for key, value in settings.items() if key.startswith("CONTACT_")]
    values += list(setting(settings, "PRIVACY_ALLOWED_PHONES"))
    phones = set()
    for value in values:
        for text in value if isinstance(value, (list, tuple, set)) else [value]:
            if isinstance(text, (list, tuple)):
                text = " ".join(str(part) for part in text)
            if isinstance(text, str):
                phones |= personal.phones_in(text)
                digits = personal.digits_of(text)
                if 9 <= len(digits) <= 14:
                    phones.add(digits)
    return frozenset(phones)


class Guard:
    """The checks for one build (settings read once)."""

    def __init__(
        self,
        settings: Mapping[str, Any],
        published: Collection[str] | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> None:
        self.settings = settings
        # Absolute paths of the files Pelican copies as they are (None: assume all).
        self.published = published
        self.context = context  # the build's: pictures already refused at a content line
        self.root = os.path.abspath(settings["PATH"])
        self.allowed = list(setting(settings, "PRIVACY_ALLOWED_FILES"))
        self.phones = allowed_phones(settings)
        self.warn = bool(setting(settings, "PRIVACY_WARNINGS"))
        self.limit = int(setting(settings, "PRIVACY_MAX_ERRORS_PER_FILE"))
        self.problems = []

    def relative(self, path: str) -> str:
        return relative_path(path, self.root).replace(os.sep, "/")

    def is_allowed(self, path: str) -> bool:
        if not self.allowed:
            return False
        name = self.relative(path)
        return any(fnmatch.fnmatch(name, pattern) for pattern in self.allowed)

    def records(self, path: str, records: Sequence[Record]) -> None:
        self.problems += identity_errors(path, records, self.limit)
        if self.warn:
            self.problems += personal_warnings(path, records, self.phones)

    def content_file(self, path: str, item: Content | None = None) -> None:
        """A Markdown or YAML file: `item`, its content object, keeps the text read."""
        self.problems += self.text_problems([(path, item)])[0]

    def text_problems(self, files: Sequence[tuple[str, Content | None]]) -> list[list]:
        """The problems in the text of each (path, content object or None), in order; the
        files not found clean before are split over processes (a first build)."""
        jobs = []
        for path, item in files:
            source = item or path
            clean_key = memo.text_key("privacy", path, lambda source=source: source_lines(source))
            jobs.append((clean_key, (path, source)))
        return memo.checked_unless_clean(jobs, self._text_errors, self.settings)

    def _text_errors(self, path_and_source) -> list[ContentError]:
        """The problems in one file's lines (in a forked process too)."""
        path, source = path_and_source
        lines = source_lines(source)
        records = markdown_records(lines)
        errors = identity_errors(path, records, self.limit)
        if self.warn:
            errors += personal_warnings(path, records, self.phones)
        return errors

    def attachment(self, path: str, extension: str) -> None:
        try:
            records = attachments.records_of(path, extension)
        except attachments.Unreadable as why:
            self.problems.append(
                ContentError(
                    identity.mask_text(path),
                    1,
                    f"isi lampiran tidak bisa diperiksa: {why} (attachment could not be checked "
                    "for personal data)",
                    UNREADABLE_HINT,
                    severity="warning",
                )
            )
            return
        except attachments.TooLarge as why:
            self.problems.append(
                ContentError(
                    identity.mask_text(path),
                    1,
                    f"lampiran '{os.path.basename(identity.mask_text(path))}' terlalu besar "
                    f"bila dibuka ({why}): tidak bisa diperiksa dan tidak diterbitkan (office "
                    "file too large when unpacked, a possible zip bomb)",
                    TOO_LARGE_HINT,
                )
            )
            return
        except OSError:
            return
        self.records(path, records)

    def photo(self, path: str) -> None:
        if self.published is not None and os.path.abspath(path) not in self.published:
            return  # not published as it is: only metadata-free derivatives reach the site
        try:
            found = photos.has_gps(path)
        except TooManyPixels as why:
            if not refused_before(self.context, path):  # else reported at its content's line
                self.problems.append(
                    ContentError(identity.mask_text(path), 1, why.message, why.hint)
                )
            return
        if found:
            hint = GPS_HINT.format(law=LAW, name=os.path.basename(identity.mask_text(path)))
            role = self._site_picture(path)
            if role:
                hint = SITE_PICTURE_HINT.format(role=role) + hint
            elif self._unused_photo(path):
                hint = UNUSED_HINT + hint
            self.problems.append(
                ContentError(
                    identity.mask_text(path),
                    1,
                    "foto berisi posisi GPS (photo carries a GPS position in its EXIF or XMP data)",
                    hint,
                )
            )

    def _site_picture(self, path: str) -> str | None:
        """What the theme shows `path` as (the site's logo, favicon, default share picture),
        or None: such a picture is published as it is because a setting names it."""
        from front_matter.paths import from_content

        relative = self.relative(path)
        for key, role in SITE_PICTURES.items():
            value = str(self.settings.get(key) or "")
            if value and from_content(value) == relative:
                return role
        return None

    def _unused_photo(self, path: str) -> bool:
        """Whether `path` is a photo the photos plugin would have cleaned had an article or
        page shown it: published as it is only because nothing uses it (or names it with
        another case, `IMG_1234.jpg` for `IMG_1234.JPG`)."""
        from content_guard.links import plugin_active

        if not plugin_active(self.settings, "photos") or self.published is None:
            return False
        from photos.source import handled

        return handled(path)

    def file_name(self, path: str) -> None:
        name = self.relative(path)
        found = identity.find(name.replace("_", " "))
        if found:
            self.problems.append(
                ContentError(
                    identity.mask_text(path),
                    1,
                    f"nama berkas berisi {found[0].kind} {found[0].masked}: nomor itu ikut terbit di "
                    "alamat halaman (file name holds an identity number)",
                    "ganti nama berkasnya tanpa nomor itu",
                )
            )

    def run(self, items: Iterable[Content]) -> list[ContentError]:
        """Check the content objects `items`, then every other file under the content folder."""
        done = set()
        files = []
        for item in items:
            path = os.path.abspath(item.source_path)
            if path in done:
                continue
            done.add(path)
            if not self.is_allowed(path):
                files.append((path, item))
        for (path, _), problems in zip(files, self.text_problems(files), strict=True):
            self.file_name(path)
            self.problems += problems
        for folder, folders, files in os.walk(self.root):
            folders[:] = sorted(f for f in folders if f != ".git")
            for name in sorted(files):
                path = os.path.join(folder, name)
                hidden = name.startswith(".") or f"{os.sep}." in os.path.relpath(path, self.root)
                if hidden and not self.is_published(path):
                    continue  # a hidden file Pelican does not publish (.DS_Store, ...)
                if path in done or self.is_allowed(path):
                    continue
                extension = os.path.splitext(name)[1].lower()
                self.file_name(path)
                if extension in MARKDOWN:
                    # Not read as an article or page (e.g. a reader error stopped it): its
                    # text is still checked, unless Pelican ignores it (README.md).
                    if not self.is_ignored(name):
                        self.content_file(path)
                elif extension in DATA:
                    self.content_file(path)
                elif extension in photos.EXTENSIONS:
                    self.photo(path)
                elif extension in attachments.EXTENSIONS | attachments.UNOPENED:
                    self.attachment(path, extension)
        return self.problems

    def is_published(self, path: str) -> bool:
        """Whether the static generator publishes the file at `path` as it is."""
        return self.published is not None and os.path.abspath(path) in self.published

    def is_ignored(self, name: str) -> bool:
        """Pelican's IGNORE_FILES (e.g. README.md): never read, never published."""
        return any(
            fnmatch.fnmatch(name, pattern) for pattern in self.settings.get("IGNORE_FILES", [])
        )


@reports_only(cost=222)  # measured: 1.11 s at 5,000 articles (py-spy)
def check(generators: Sequence[Generator]) -> None:
    """all_generators_finalized: report personal data in everything published."""
    if not generators:
        return
    static = static_generator(generators)
    published = None
    if static is not None:
        published = {os.path.abspath(item.source_path) for item in static.staticfiles}
    guard = Guard(generators[0].settings, published, generators[0].context)
    for problem in guard.run(contents(generators)):
        report(problem)
