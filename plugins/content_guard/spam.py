"""Online-gambling spam, the way compromised desa.id sites are defaced: links to gambling
sites, promotional gambling text and text hidden from readers (but not from search
engines) in raw HTML. Each one is an error naming the file and the line.
"""

import fnmatch
import re
from urllib.parse import unquote, urlsplit

from front_matter.errors import ContentError, report

from .content import body_line, contents, read_lines, relative_path, static_generator
from .settings import setting

# Promotional gambling vocabulary (Indonesian spam), matched case-insensitively.
PHRASES = [
    r"judi\s*(?:online|daring|bola|slot|togel|kartu|casino|kasino)",
    r"judol",
    r"slot\s*(?:gacor|online|88|777|deposit|pulsa|dana|maxwin|resmi|terpercaya|thailand"
    r"|kamboja|demo|terbaru|hari\s+ini)",
    r"(?:situs|link|agen|bandar|daftar|akun|bocoran|bo|main)\s+"
    r"(?:slot|togel|judi|toto|casino|kasino|poker|sbobet)",
    r"(?:pola|link|situs|rtp|akun)\s+gacor",
    r"gacor\s+(?:hari\s+ini|malam\s+ini|maxwin|x\d+)",
    r"max\s*win",
    r"scatter(?:\s*(?:hitam|merah|emas))?",
    r"rtp\s*(?:live|slot|tertinggi|hari\s+ini|gacor)",
    r"togel",
    r"toto\s*(?:macau|gelap|4d|togel|slot|online)",
    r"sbobet",
    r"pragmatic\s*play",
    r"mahjong\s*ways?",
    r"gates\s*of\s*olympus",
    r"sweet\s*bonanza",
    r"starlight\s*princess",
    r"(?:casino|kasino)\s*online",
    r"anti\s*rungkad",
    r"(?:deposit|depo)\s*(?:pulsa|dana|via|\d+\s*(?:rb|ribu|k)\b)",
    r"link\s+alternatif",
]
PHRASE = re.compile(r"(?<![\w])(?:" + "|".join(PHRASES) + r")(?![\w])", re.IGNORECASE)

# Words that make a host name a gambling site: inside the name, or as a whole part of it.
HOST_INSIDE = ("gacor", "togel", "judol", "sbobet", "maxwin", "casino", "kasino", "slot",
               "poker", "jackpot")
HOST_PARTS = {"judi", "toto", "bet"}

URL = re.compile(r"""(?:https?:)?//[^\s<>"'()\[\]]+|\bwww\.[^\s<>"'()\[\]]+""", re.IGNORECASE)

HIDDEN_CSS = [
    (re.compile(r"display\s*:\s*none", re.I), "display:none"),
    (re.compile(r"visibility\s*:\s*hidden", re.I), "visibility:hidden"),
    (re.compile(r"""font-size\s*:\s*(?:0+(?:\.0+)?|\.0+)(?:px|pt|em|rem|%)?\s*(?:[;!"'}]|$)""",
                re.I), "font-size:0"),
    (re.compile(r"""opacity\s*:\s*(?:0+(?:\.0+)?|\.0+)\s*(?:[;!"'}]|$)""", re.I), "opacity:0"),
    (re.compile(r"(?:left|top|right|bottom|text-indent|margin-left|margin-top)\s*:\s*-\d{3,}",
                re.I), "posisi di luar layar (off-screen)"),
    (re.compile(r"(?:height|width|max-height)\s*:\s*0+(?:px)?\s*;.*overflow\s*:\s*hidden", re.I),
     "ukuran 0 (zero size)"),
    (re.compile(r"clip\s*:\s*rect\(\s*0", re.I), "clip:rect(0…)"),
]
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)(?:</style>|\Z)", re.I | re.S)
HIDDEN_ATTRIBUTE = re.compile(r"<[a-z][a-z0-9]*\b[^>]*\shidden(?=[\s=/>])", re.I)

STATIC_TEXT = (".html", ".htm", ".svg", ".xml", ".txt")

HACKED_HINT = (
    "hapus bagian ini. Jika Anda tidak menulisnya, situs atau akun Anda mungkin dibobol: "
    "ganti kata sandi dan periksa riwayat perubahan (git log)"
)


def gambling_host(url):
    """The host name if `url` points at a gambling site, else None."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    if any(word in host for word in HOST_INSIDE):
        return host
    parts = set(re.split(r"[^a-z]+", host))
    return host if parts & HOST_PARTS else None


def gambling_phrase(text):
    match = PHRASE.search(text)
    return " ".join(match.group(0).split()) if match else None


def spam_links(lines, with_pages=True):
    """(line, url, why) for links to gambling sites (and, with_pages, to pages whose
    address is gambling promotion, e.g. a compromised site's /slot-gacor/)."""
    found = []
    for number, text in lines:
        for match in URL.finditer(text):
            url = match.group(0).rstrip(".,;:!?")
            full = "//" + url if url.lower().startswith("www.") else url
            host = gambling_host(full)
            if host:
                found.append((number, url, f"situs judi {host}"))
                continue
            phrase = with_pages and gambling_phrase(
                re.sub(r"[-_/+.=?&%]+", " ", unquote(urlsplit(full).path)))
            if phrase:
                found.append((number, url, f"halaman judi '{phrase}'"))
    return found


def spam_text(lines):
    """(line, phrase) for promotional gambling text (links excluded)."""
    found = []
    for number, text in lines:
        phrase = gambling_phrase(URL.sub(" ", text))
        if phrase:
            found.append((number, phrase))
    return found


def hidden_text(lines):
    """(line, how) for raw HTML that hides text from readers; `lines` are consecutive."""
    if not lines:
        return []
    first = lines[0][0]
    text = "\n".join(line for _, line in lines)

    def line_at(offset):
        return first + text.count("\n", 0, offset)

    found = []
    blocks = [(m.start(1), m.group(1)) for m in STYLE_ATTRIBUTE.finditer(text)]
    blocks += [(m.start(1), m.group(1)) for m in STYLE_BLOCK.finditer(text)]
    for start, css in blocks:
        for pattern, how in HIDDEN_CSS:
            match = pattern.search(css)
            if match:
                found.append((line_at(start + match.start()), how))
    for match in HIDDEN_ATTRIBUTE.finditer(text):
        found.append((line_at(match.end()), "atribut hidden"))
    return sorted(set(found))


def _allowed(item, patterns):
    name = relative_path(item)
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def problems_in(path, lines, body, allow_text=False):
    """Every spam ContentError in one file: `lines` all lines, `body` the body lines."""
    errors = []
    for number, url, why in spam_links(lines, with_pages=not allow_text):
        errors.append(ContentError(
            path, number,
            f"tautan ke {why}: {url} (gambling spam link)", HACKED_HINT,
        ))
    if not allow_text:
        for number, phrase in spam_text(lines):
            errors.append(ContentError(
                path, number,
                f"teks promosi judi online: '{phrase}' (gambling spam text)",
                HACKED_HINT + ". Jika berita ini memang membahas judi (misalnya sosialisasi "
                "bahayanya), tambahkan nama berkasnya ke SPAM_ALLOWED_FILES di pelicanconf.py",
            ))
    for number, how in hidden_text(body):
        errors.append(ContentError(
            path, number,
            f"teks tersembunyi di HTML ({how}): pembaca tidak melihatnya tetapi mesin pencari "
            "membacanya (hidden text)",
            HACKED_HINT,
        ))
    return errors


def check(generators):
    """all_generators_finalized: report spam in every article, page and static text file."""
    for item in contents(generators):
        lines = list(enumerate(read_lines(item.source_path), start=1))
        body = lines[body_line(item) - 1 :]
        allowed = _allowed(item, setting(item.settings, "SPAM_ALLOWED_FILES"))
        for error in problems_in(item.source_path, lines, body, allow_text=allowed):
            report(error)
    static = static_generator(generators)
    for item in getattr(static, "staticfiles", None) or []:
        path = getattr(item, "source_path", "")
        if not str(path).lower().endswith(STATIC_TEXT):
            continue
        lines = list(enumerate(read_lines(path), start=1))
        for error in problems_in(path, lines, [], allow_text=_allowed(
                item, setting(item.settings, "SPAM_ALLOWED_FILES"))):
            report(error)
