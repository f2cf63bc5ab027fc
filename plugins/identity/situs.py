"""Read and check `content/situs.yml`; fill the theme's settings from it.

    nama: Desa Binangun               # left out: from the official data of `desa`
    slogan: Kabar dari Binangun
    desa: 35.23.07.2005               # a code, or a name listed in desa.yml
    alamat: Jl. Raya Binangun No. 1
    telepon: 0356-123456
    whatsapp: 0812-3456-7890
    email: pemdes@binangun.desa.id
    media_sosial:
      Facebook: https://facebook.com/desabinangun
    logo: images/logo.png
    menu:
      - Beranda: /
      - Berita: /arsip/

Values are untrusted text: no markup, links only http(s). Every problem is a
ContentError naming the file and the line; all are reported together.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from front_matter.errors import ContentError, ContentErrors, report
from front_matter.paths import from_content
from front_matter.source import decode

FILE_SETTING = "SITE_IDENTITY"
DEFAULT_FILE = "situs.yml"
# Set (True) when situs.yml had a problem, already reported (an error, or the warning
# that it is empty): whether it names the site's own village is then not known, and
# checks that depend on `desa:` (villages.folders.portal_without_owner) say nothing.
PROBLEM_SETTING = "SITE_IDENTITY_PROBLEM"
TEXT_KEYS = {
    "nama": "SITENAME",
    "slogan": "SITESUBTITLE",
    "penulis": "AUTHOR",
    "alamat": "OFFICE_ADDRESS",
    "telepon": "CONTACT_PHONE",
    "whatsapp": "CONTACT_WHATSAPP",
    "email": "CONTACT_EMAIL",
    "logo": "SITELOGO",
}
REGION_KEYS = ("kecamatan", "kabupaten", "provinsi", "kode_pos")
KEYS = (*TEXT_KEYS, "desa", *REGION_KEYS, "media_sosial", "menu")
ALIASES = {
    "nama_situs": "nama",
    "surel": "email",
    "e-mail": "email",
    "wa": "whatsapp",
    "telp": "telepon",
    "sosial": "media_sosial",
    "medsos": "media_sosial",
    "kota": "kabupaten",
    "kodepos": "kode_pos",
    "tagline": "slogan",
}
MARKUP = re.compile(r"[<>]|&#?\w+;")
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-.]{5,}[0-9]$")
EMAIL = re.compile(r"^[^@\s<>\"']+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9\-]+)+$")
WEB = re.compile(
    r"^https?://[A-Za-z0-9](?:[A-Za-z0-9\-.]*[A-Za-z0-9])?(?::\d+)?(?:[/?#][^\s<>\"']*)?$"
)
SITE_PATH = re.compile(r"^/?(?:[A-Za-z0-9_\-.]+/)*(?:[A-Za-z0-9_\-.]+)?$")
IMAGE = re.compile(r"\.(?:png|jpe?g|svg|webp|gif)$", re.I)


def identity_path(settings: Mapping[str, Any]) -> Path:
    return Path(settings["PATH"]) / settings.get(FILE_SETTING, DEFAULT_FILE)


def apply_identity(settings: dict[str, Any]) -> dict[str, Any]:
    """Update `settings` from the identity file (when there is one)."""
    path = identity_path(settings)
    settings[PROBLEM_SETTING] = False
    if not path.is_file():
        return settings
    values, errors = read_identity(path, settings)
    settings[PROBLEM_SETTING] = bool(errors)
    # Reported (not raised): the build goes on reading the articles so that every
    # problem is shown at once, and stops before writing anything.
    for error in errors:
        report(error)
    if not any(error.severity == "error" for error in errors):
        settings.update(values)
    return settings


def read_identity(
    path: str | Path, settings: Mapping[str, Any]
) -> tuple[dict[str, Any], list[ContentError]]:
    """(settings to set, ContentErrors) for the identity file at `path`."""
    from front_matter.yaml_errors import compose_yaml

    errors = []
    try:
        text = decode(str(path), Path(path).read_bytes())
        root = compose_yaml(str(path), text)
    except ContentError as error:
        return {}, [error]
    if root is None:  # nothing but blank lines and comments: the defaults are kept
        return {}, [
            ContentError(
                path,
                1,
                "situs.yml kosong: nama, desa, alamat dan menu situs memakai bawaan kit "
                "(empty identity file)",
                "isi identitas desa Anda (lihat contoh di README, bagian Isi identitas "
                "situs) atau hapus berkasnya",
                severity="warning",
            )
        ]
    if not _is_mapping(root):
        return {}, [
            ContentError(
                path,
                _line(root),
                "situs.yml harus berisi pasangan `kunci: nilai` (a mapping of keys)",
                "lihat contoh di README, bagian Identitas situs",
            )
        ]
    found = {}
    for key_node, value_node in root.value:
        key = key_node.value.strip().lower()
        key = ALIASES.get(key, key)
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"maksudnya `{close[0]}`?" if close else "kunci yang dikenal: " + ", ".join(KEYS)
            errors.append(
                ContentError(
                    path,
                    _line(key_node),
                    f"kunci '{key_node.value}' tidak dikenal (unknown key)",
                    hint,
                )
            )
            continue
        if key in found:
            errors.append(
                ContentError(
                    path,
                    _line(key_node),
                    f"kunci '{key}' ditulis dua kali (duplicate key)",
                    f"hapus salah satu (baris {_line(found[key][0])})",
                )
            )
            continue
        found[key] = (key_node, value_node)

    values = {}
    for key, (_key_node, node) in found.items():
        try:
            if key in TEXT_KEYS or key in REGION_KEYS or key == "desa":
                value = _text(path, key, node)
                if value == "":
                    continue
                _check_text(path, key, node, value, settings)
                if key in TEXT_KEYS:
                    values[TEXT_KEYS[key]] = _normalise(key, value)
                    if key == "whatsapp":
                        values["CONTACT_WHATSAPP_NUMBER"] = whatsapp_number(value)
                else:
                    values["_" + key] = value
            elif key == "media_sosial":
                values["SOCIAL_LINKS"] = _links(path, key, node, web_only=True)
            elif key == "menu":
                values["MENU_LINKS"] = _links(path, key, node, web_only=False)
        except ContentError as error:
            errors.append(error)
        except ContentErrors as many:
            errors.extend(many.errors)

    place = {}
    if "_desa" in values:
        try:
            place = _village(path, _line(found["desa"][1]), values.pop("_desa"), settings)
        except ContentError as error:
            errors.append(error)
    for key in REGION_KEYS:
        if "_" + key in values:
            place[key] = values.pop("_" + key)
    if place:
        place["alamat"] = values.get("OFFICE_ADDRESS", "")
        values["SITE_PLACE"] = place
        if "SITENAME" not in values and place.get("nama"):
            values["SITENAME"] = place["nama"]
        values["OFFICE_ADDRESS"] = _address(values.get("OFFICE_ADDRESS", ""), place)
    return values, errors


def _is_mapping(node):
    return node.__class__.__name__ == "MappingNode"


def _is_sequence(node):
    return node.__class__.__name__ == "SequenceNode"


def _line(node):
    return node.start_mark.line + 1


def _text(path, key, node):
    if _is_mapping(node) or _is_sequence(node):
        raise ContentError(
            path,
            _line(node),
            f"'{key}' harus berupa satu teks (one text value)",
            f"tulis  {key}: nilai  pada satu baris",
        )
    return node.value.strip()


def _check_text(path, key, node, value, settings):
    line = _line(node)
    if MARKUP.search(value):
        raise ContentError(
            path,
            line,
            f"'{key}' tidak boleh berisi tag HTML atau kode (no markup)",
            "tulis teks biasa tanpa < > atau &...;",
        )
    if key in ("telepon", "whatsapp") and not PHONE.match(value):
        raise ContentError(
            path,
            line,
            f"nomor {key} '{value}' tidak valid (invalid phone number)",
            "tulis angka saja, misalnya 0812-3456-7890 atau +62 812 3456 7890",
        )
    if key == "email" and not EMAIL.match(value):
        raise ContentError(
            path,
            line,
            f"alamat email '{value}' tidak valid (invalid e-mail)",
            "misalnya pemdes@binangun.desa.id",
        )
    if key == "logo":
        value = from_content(value)  # `/images/logo.png` as the web editor writes it
        if not IMAGE.search(value) or value.startswith(("/", "http:", "https:")) or ".." in value:
            raise ContentError(
                path,
                line,
                f"logo '{value}' bukan berkas gambar di folder content "
                "(logo must be an image file inside content/)",
                "simpan logo di content/images/ lalu tulis  logo: images/logo.png",
            )
        if not value.startswith("theme/") and not (Path(settings["PATH"]) / value).is_file():
            raise ContentError(
                path,
                line,
                f"logo '{value}' tidak ditemukan di folder content (logo file not found)",
                "simpan logo di content/images/ (huruf besar/kecil berpengaruh)",
            )
    if key == "kode_pos" and not re.fullmatch(r"\d{5}", value):
        raise ContentError(path, line, f"kode pos '{value}' harus 5 angka (postal code: 5 digits)")


def _normalise(key, value):
    if key == "logo":
        return from_content(value)
    if key == "alamat":
        return "\n".join(line.strip() for line in value.splitlines() if line.strip())
    return value


def whatsapp_number(phone: str) -> str:
    """wa.me wants the international number in digits: 0812-3456-7890 -> 6281234567890."""
    digits = re.sub(r"\D", "", phone)
    return "62" + digits[1:] if digits.startswith("0") else digits


def _links(path, key, node, web_only):
    """[(label, url)] from a mapping `Label: url` or a list of one-key mappings."""
    if _is_mapping(node):
        pairs = node.value
    elif _is_sequence(node):
        pairs = []
        for item in node.value:
            if not _is_mapping(item) or len(item.value) != 1:
                raise ContentError(
                    path,
                    _line(item),
                    f"setiap isi '{key}' ditulis  - Label: alamat",
                    "misalnya  - Berita: /arsip/",
                )
            pairs.append(item.value[0])
    else:
        raise ContentError(
            path,
            _line(node),
            f"'{key}' harus berupa daftar  Label: alamat",
            "lihat contoh di README, bagian Identitas situs",
        )
    links, errors = [], []
    for label_node, url_node in pairs:
        label, line = label_node.value.strip(), _line(label_node)
        url = (
            url_node.value.strip()
            if not (_is_mapping(url_node) or _is_sequence(url_node))
            else None
        )
        if not label or MARKUP.search(label):
            errors.append(
                ContentError(
                    path,
                    line,
                    f"label '{label}' di '{key}' tidak valid (empty or markup)",
                    "tulis teks biasa",
                )
            )
            continue
        if url is None:
            errors.append(ContentError(path, line, f"alamat untuk '{label}' harus satu teks"))
        elif WEB.match(url):
            links.append((label, url))
        elif not web_only and SITE_PATH.match(url) and ".." not in url:
            links.append((label, url.lstrip("/")))
        else:
            wanted = (
                "alamat web lengkap, misalnya https://facebook.com/desaku"
                if web_only
                else "alamat halaman situs seperti /arsip/ atau alamat web https://..."
            )
            errors.append(
                ContentError(
                    path,
                    _line(url_node),
                    f"alamat '{url}' untuk '{label}' tidak valid (only http(s) links)",
                    f"tulis {wanted}",
                )
            )
    if errors:
        raise ContentErrors(errors)
    return links


def _village(path, line, written, settings):
    """Official names of the village `written` (a code, or a name from desa.yml)."""
    from villages import data
    from villages.names import looks_like_code, village_key
    from villages.registry import load_registry

    official = None
    if looks_like_code(written):
        from villages.resolve import Unresolved, village_by_code

        try:
            official = village_by_code(
                written,
                "desa: di situs.yml adalah desa pemilik situs: tulis kode desanya "
                "(PP.KK.CC.DDDD); situs portal sebuah kecamatan atau kabupaten tidak menulis desa:",
            )
        except Unresolved as problem:
            raise ContentError(path, line, problem.message, problem.hint) from None
    else:
        registry_path = Path(settings["PATH"]) / settings["VILLAGES_REGISTRY"]
        registry = load_registry(str(registry_path))
        key = village_key(written)
        names = []
        for entry in registry.entries:
            names.append(entry.official.name)
            if (
                key
                in {
                    village_key(entry.official.name),
                    village_key(entry.written_name or ""),
                    entry.slug,
                }
                or written == entry.official.code
            ):
                official = entry.official
                break
        if official is None and not registry.complete:
            return {}  # desa.yml has an error (the villages plugin reports it): not sure
        if official is None:
            listed = ", ".join(names) if names else "belum ada desa di desa.yml"
            raise ContentError(
                path,
                line,
                f"desa '{written}' tidak ada di {registry_path.name} (unknown village)",
                f"tulis kode resminya atau salah satu: {listed}",
            )
    ancestors = [data.lookup(code) for code in official.ancestor_codes()]
    province, regency, district = ancestors
    label = data.VILLAGE_LABELS.get(official.type, "Desa")
    return {
        "kode": official.code,
        "nama": f"{label} {official.name}",
        "desa": official.name,
        "kecamatan": district.name,
        "kabupaten": regency.name,
        "provinsi": province.name,
        "kode_pos": official.postal_code,
    }


def _address(street, place):
    """The office address lines: the street, the kecamatan and kabupaten, the province
    and postal code (filled from the official data unless written)."""
    lines = [street] if street else []
    district = place.get("kecamatan")
    regency = place.get("kabupaten")
    middle = ", ".join(filter(None, [f"Kecamatan {district}" if district else "", regency]))
    if middle:
        lines.append(middle)
    last = " ".join(filter(None, [place.get("provinsi"), place.get("kode_pos")]))
    if last:
        lines.append(last)
    return "\n".join(lines)
