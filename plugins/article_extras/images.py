"""Cover images (`image` front matter) and images in the body: found in the
content folder, measured (width/height, so nothing shifts while loading) and,
in the body, lazy-loaded. Problems become ContentErrors naming file and line."""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from PIL import UnidentifiedImageError

from content_guard import browser_url
from content_guard.links import plugin_active
from front_matter.contents import strip_tags
from front_matter.errors import ContentError
from front_matter.paths import OUTSIDE_HINT, closest_file, inside_content, unclear_characters
from front_matter.pictures import TooManyPixels, note_refused, open_picture
from front_matter.source import body_line, line_containing, meta_line
from front_matter.values import COMPUTER_PATH, computer_file_name
from wartadesa.paths import relative_path

if TYPE_CHECKING:
    from pelican.contents import Content

EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
PREFIXES = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
HEIC_HINT = (
    "ubah dulu ke JPG: di iPhone buka Pengaturan > Kamera > Format > 'Paling Kompatibel' lalu "
    "ambil ulang fotonya, atau buka foto di aplikasi Foto (Windows) lalu 'Simpan sebagai' JPG, "
    "atau kirim lewat WhatsApp lalu simpan hasilnya (HEIC photos need converting to JPEG)"
)
# An HEIF file says what it is at byte 4: `ftyp` then its brand (heic, mif1, ...).
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
HINT = "simpan berkasnya di content/images/ lalu tulis  gambar: images/nama-berkas.jpg"
ALT_HINT = (
    "tulis keterangan foto di antara kurung siku: ![Warga membersihkan saluran air]"
    "(images/nama-foto.jpg)"
)


class ImageProblem(Exception):
    """`outside`: the path leads out of the content folder (never to be linked);
    `picture`: the path of a picture refused for its own sake (too many pixels)."""

    def __init__(
        self, message: str, hint: str = HINT, outside: bool = False, picture: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.outside = outside
        self.picture = picture


@dataclass
class Cover:
    url: str  # relative to SITEURL ("images/musdes.jpg") or absolute (another site)
    width: int | None
    height: int | None
    alt: str
    caption: str


def allowed_by_csp(url: str, settings: Mapping[str, Any]) -> bool:
    """True when the page's Content-Security-Policy (img-src, else default-src) lets
    the browser load this image; True when no policy is set."""
    policy = settings.get("CONTENT_SECURITY_POLICY") or ""
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    sources = directives.get("img-src", directives.get("default-src"))
    if not policy or sources is None:
        return True
    parts = browser_url.parse(url)
    scheme, host = parts.scheme, parts.host
    for source in sources:
        source = source.lower().rstrip("/")
        if source in ("*", f"{scheme}:") or source in (f"{scheme}://{host}", host):
            return True
        if source.startswith(("*.", f"{scheme}://*.")) and host.endswith(source.split("*", 1)[1]):
            return True
    return False


def computer_path_problem(value: str) -> ImageProblem | None:
    """The problem of an image written as a path on the operator's computer, else None:
    the site cannot reach that file, and it is not on another site either."""
    if not COMPUTER_PATH.match(value):
        return None
    name = computer_file_name(value) or "nama-berkas.jpg"
    return ImageProblem(
        f"gambar '{value}' adalah alamat berkas di komputer Anda (a path on your computer), "
        "bukan berkas situs",
        f"salin fotonya ke folder content/images/ lalu tulis  gambar: images/{name}",
    )


def external_url(value: str, settings: Mapping[str, Any]) -> str:
    """An image address on another site that the page may load, else ImageProblem.

    The host is the one a browser reads (content_guard.browser_url); an address that
    Python's urlsplit reads differently (`https://evil.example\\@i.ytimg.com/x.jpg`: a
    browser loads it from evil.example) or that holds a backslash or a control character
    is refused: the page would load the picture from another site than the
    one checked."""
    problem = computer_path_problem(value)
    if problem is not None:
        raise problem
    if value.startswith("//"):
        value = "https:" + value
    browser = browser_url.parse(value)
    if unclear_characters(value) or browser.host != ((urlsplit(value).hostname or "").lower()):
        raise ImageProblem(
            f"gambar '{value}' bukan alamat web yang jelas: peramban bisa memuatnya dari "
            "situs lain daripada yang tertulis (ambiguous image address)",
            "salin ulang alamat gambarnya dari bilah alamat peramban; alamat tidak boleh "
            "berisi tanda \\ atau karakter kendali",
        )
    if browser.scheme in ("http", "https") and browser.host and allowed_by_csp(value, settings):
        return value
    raise ImageProblem(
        f"gambar '{value}' berada di situs lain (external image) yang tidak diizinkan "
        "CONTENT_SECURITY_POLICY: peramban tidak akan menampilkannya"
    )


def local_path(value: str, settings: Mapping[str, Any], source: str | None = None) -> str:
    """'images/x.jpg', '/images/x.jpg' or '{static}/images/x.jpg' -> 'images/x.jpg'.

    Also as GitHub shows a picture in its preview of the file: relative to the file's own
    folder (`../images/x.jpg` in content/berita/, given `source`, the file's path) or from
    the repository (`content/images/x.jpg`), when that is a file inside content/.

    Raise ImageProblem for files outside the content folder (after resolving `..` and
    symbolic links: front_matter.paths), missing files and files outside STATIC_PATHS
    (those are never copied to the site)."""
    value = value.strip()
    problem = computer_path_problem(value)
    if problem is not None:
        raise problem
    for prefix in PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
    written = value.split("?", 1)[0].split("#", 1)[0]
    if "\\" in written:  # `images\\foto.jpg`, copied from Windows
        raise ImageProblem(
            f"gambar '{value}' ditulis dengan garis miring terbalik (backslash in an image path)",
            f"pakai garis miring biasa:  {written.replace(chr(92), '/')}",
        )
    relative = inside_content(written, settings["PATH"]) if written.strip("/") else None
    if not _is_file(relative, settings):
        relative = _as_github_shows(written, settings, source) or relative
    if written.strip("/") and relative is None:
        raise ImageProblem(
            f"gambar '{value}' harus berada di dalam folder content/ (image outside the "
            "content folder: it is never read or published)",
            OUTSIDE_HINT,
            outside=True,
        )
    if relative and not _is_file(relative, settings):
        relative = _named_otherwise(value, written, settings["PATH"]) or relative
    if not _is_file(relative, settings):
        close = relative and closest_file(relative, settings["PATH"])
        if relative and not close and "/" not in relative:  # `gambar: foto.jpg`
            folders = [f.strip("/") for f in settings.get("STATIC_PATHS", [])]
            close = next(
                (c for f in folders if (c := closest_file(f"{f}/{relative}", settings["PATH"]))),
                None,
            )
        raise ImageProblem(
            f"gambar '{value}' tidak ditemukan di folder content (image file not found)",
            f"maksud Anda '{close}'? "
            + ("(huruf besar/kecil harus sama) " if close.lower() == relative.lower() else "")
            + "tulis nama berkas persis seperti di folder"
            if close
            else "periksa nama berkas (huruf besar/kecil berpengaruh); " + HINT,
        )
    if any(c in relative for c in "#?") and not _renamed(relative, settings):
        # Published under its own name, `#` or `?` would end the address in a browser
        raise ImageProblem(
            f"nama berkas gambar '{relative}' memuat # atau ?: alamatnya terputus di peramban "
            "(file name with # or ?)",
            "ganti nama berkasnya tanpa # dan ?, lalu tulis nama barunya di sini",
        )
    static = [p.strip("/") for p in settings.get("STATIC_PATHS", [])]
    if not any(relative == p or relative.startswith(p + "/") for p in static):
        raise ImageProblem(
            f"gambar '{value}' ada di luar folder gambar {', '.join(static)} "
            "(not in STATIC_PATHS, it would not be published)"
        )
    return relative


def _is_file(relative: str | None, settings: Mapping[str, Any]) -> bool:
    return bool(relative) and os.path.isfile(os.path.join(settings["PATH"], relative))


def _as_github_shows(written: str, settings: Mapping[str, Any], source: str | None) -> str | None:
    """The file inside content/ that `written` names as GitHub's preview reads it: from the
    source file's folder (`../images/x.jpg`) or from the repository (`content/images/x.jpg`);
    None when that is no file inside content/ (`../../pelicanconf.py` stays outside)."""
    root = settings["PATH"]
    candidates = []
    if source and not written.startswith("/"):
        folder = relative_path(os.path.dirname(os.path.abspath(source)), os.path.abspath(root))
        if not folder.startswith(".."):
            candidates.append(posixpath.join(folder.replace(os.sep, "/"), written))
    content = os.path.basename(os.path.normpath(root))
    if written.lstrip("/").startswith(content + "/"):
        candidates.append(written.lstrip("/")[len(content) + 1 :])
    for candidate in candidates:
        relative = inside_content(candidate, root)
        if _is_file(relative, settings):
            return relative
    return None


def _renamed(relative: str, settings: Mapping[str, Any]) -> bool:
    """Whether the photos plugin publishes the picture under a name of its own (a photo:
    JPEG, PNG, WebP, HEIC), so the source file's name never reaches an address."""
    if not plugin_active(settings, "photos"):
        return False
    from photos.source import handled  # photos imports this module: not at the top

    return handled(relative)


def _named_otherwise(value: str, written: str, root: str) -> str | None:
    """The file an address that names no file as written still means, or None: the whole
    value when the file's own name holds `#` or `?` (`Sampul Desa #2.jpeg`, as the web
    editor writes it), then the address percent-decoded (`WhatsApp%20Image%20….jpeg`,
    how the editor and Markdown write a name with spaces in a body; a browser decodes it
    the same way, and so does Pelican's `{static}`). Each is held to the content folder
    as written paths are (front_matter.paths.inside_content)."""
    for candidate in (value, unquote(written)):
        if candidate == written or not candidate.strip("/"):
            continue
        relative = inside_content(candidate, root)
        if relative and os.path.isfile(os.path.join(root, relative)):
            return relative
    return None


def dimensions(path: str | Path) -> tuple[int, int] | tuple[None, None]:
    """(width, height) in pixels; (None, None) for SVG. ImageProblem if unreadable.
    A file's dimensions are read once while its size and modification time stay the same
    (many articles may share one cover photo)."""
    if os.path.splitext(path)[1].lower() == ".svg":
        return None, None
    try:
        stat = os.stat(path)
    except OSError:
        return _read_dimensions(path)
    return _known_dimensions(os.path.abspath(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _known_dimensions(path: str, _size: int, _mtime_ns: int) -> tuple[int, int]:
    return _read_dimensions(path)


def _read_dimensions(path: str | Path) -> tuple[int, int]:
    if Path(path).suffix.lower() in (".heic", ".heif"):
        try:
            import pillow_heif
        except ImportError:
            raise ImageProblem(
                f"foto '{Path(path).name}' berformat HEIC (foto iPhone) yang "
                "belum bisa diolah (HEIC photo, no decoder installed)",
                HEIC_HINT,
            ) from None
        pillow_heif.register_heif_opener()
    try:
        with open_picture(path) as image:
            return image.size
    except TooManyPixels as why:
        raise ImageProblem(why.message, why.hint, picture=why.path) from None
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        heic = heic_renamed(path)
        if heic:
            raise ImageProblem(heic, HEIC_HINT) from None
        raise ImageProblem(
            f"berkas '{Path(path).name}' bukan gambar yang bisa dibaca (cannot read image)",
            "simpan ulang sebagai JPG, PNG atau WebP",
        ) from None


def heic_renamed(path: str | os.PathLike, data: bytes | None = None) -> str | None:
    """The message for an iPhone HEIC photo given another name (`foto.jpg`) that Pillow
    could not read, or None. `data`: the file's first bytes when already read."""
    if data is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read(12)
        except OSError:
            return None
    if data[4:8] != b"ftyp" or data[8:12] not in HEIC_BRANDS:
        return None
    return (
        f"foto '{Path(path).name}' sebenarnya berformat HEIC (foto iPhone), walau namanya "
        f"berakhiran {Path(path).suffix} (HEIC photo under another extension)"
    )


def _plain(text):
    return strip_tags(text).strip()


def cover_of(content: Content) -> Cover | None:
    """The Cover of an article or page, or None. Raises ContentError."""
    value = getattr(content, "image", None)
    if not value:
        return None
    settings = content.settings
    line = meta_line(content, "image")
    value = str(value).strip()
    try:
        if EXTERNAL.match(value):
            relative, width, height = external_url(value, settings), None, None
        else:
            relative = local_path(value, settings, content.source_path)
            width, height = dimensions(os.path.join(settings["PATH"], relative))
    except ImageProblem as problem:
        note_refused(getattr(content, "_context", None), problem.picture)
        raise ContentError(content.source_path, line, problem.message, problem.hint) from None
    caption = _plain(getattr(content, "image_caption", ""))
    alt = _plain(getattr(content, "image_alt", "")) or caption or _plain(content.title)
    return Cover(relative, width, height, alt, caption)


def _alt_warning(content: Content, src: str, relative: str | None) -> ContentError | None:
    """A body image with an empty alt text (alt=""), which Pelican notes in English with
    no line (content_guard drops that note). A photo the photos plugin makes into a
    <picture> is left to it: it refuses a photo without alt text."""
    if relative is not None and plugin_active(content.settings, "photos"):
        from photos.source import handled  # photos imports this module: not at the top

        if handled(relative):
            return None
    name = posixpath.basename(src.split("?", 1)[0].split("#", 1)[0]) or src
    return ContentError(
        content.source_path,
        _image_line(content, src),
        f"gambar '{name}' tanpa teks alt: pembaca tunanetra dan mesin pencari tidak tahu "
        "isinya (image without alt text)",
        ALT_HINT,
        severity="warning",
    )


def _image_line(content: Content, src: str) -> int:
    """The body line of the picture `src`: where it is written as a picture (`](src`,
    `src="src"`) before any line merely holding the name (`images/wa.jpeg` on an earlier
    line holds `wa.jpeg` too)."""
    first = body_line(content)
    for needle in (f"]({src}", f"](<{src}>", f'src="{src}"', f"src='{src}'", src):
        line = line_containing(content, needle, 0, first=first)
        if line:
            return line
    return first


def prepare_body_images(content: Content) -> list[ContentError]:
    """Lazy-load every body image, add width/height of local images and make a
    plain 'images/x.jpg' work on every page ({static} link). Returns ContentErrors
    (an empty alt text: a warning)."""
    errors = []
    settings = content.settings

    def fix(match):
        tag = match.group(0)
        attributes = dict(ATTRIBUTE.findall(tag))
        src = html.unescape(attributes.get("src", ""))
        additions = {}
        relative = None
        if src and not src.startswith("data:") and not EXTERNAL.match(src):
            try:
                relative = local_path(src, settings, content.source_path)
                width, height = dimensions(os.path.join(settings["PATH"], relative))
            except ImageProblem as problem:
                line = _image_line(content, src)
                # In the body a picture is written as Markdown, not as front matter's `gambar:`
                hint = problem.hint.replace(
                    "gambar: images/nama-berkas.jpg", "![keterangan foto](images/nama-berkas.jpg)"
                )
                errors.append(ContentError(content.source_path, line, problem.message, hint))
                note_refused(getattr(content, "_context", None), problem.picture)
                if problem.outside:  # Pelican would copy a {static} file it links
                    return tag.replace(f'src="{attributes["src"]}"', 'src=""', 1)
                return tag
            if not src.startswith(PREFIXES):
                tag = tag.replace(f'src="{attributes["src"]}"', f'src="{{static}}/{relative}"', 1)
            if width and "width" not in attributes and "height" not in attributes:
                additions.update(width=width, height=height)
        elif src and not src.startswith("data:"):
            try:
                external_url(src, settings)
            except ImageProblem as problem:
                line = _image_line(content, src)
                errors.append(
                    ContentError(content.source_path, line, problem.message, problem.hint)
                )
                return tag
        if "alt" in attributes and not html.unescape(attributes["alt"]).strip() and src:
            warning = _alt_warning(content, src, relative)
            if warning is not None:
                errors.append(warning)
        if "loading" not in attributes:
            additions["loading"] = "lazy"
        if "decoding" not in attributes:
            additions["decoding"] = "async"
        extra = "".join(f' {name}="{value}"' for name, value in additions.items())
        end = -2 if tag.endswith("/>") else -1
        return tag[:end].rstrip() + extra + tag[end:]

    content._content = IMG_TAG.sub(fix, content._content or "")
    return errors
