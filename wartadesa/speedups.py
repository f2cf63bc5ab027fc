"""Build speed: work Pelican would otherwise repeat, done once (same output).

`Content.url` and `Content.save_as` are properties that format the URL setting again on
every access (about 37,000 times in a 1,000-article build, ~10 % of the build time):
the checks over all content, templates, feeds, related articles and the sitemap all ask.
Once every generator has finished (`all_generators_finalized`: every plugin has set slugs,
dates and categories; the receivers of that signal only read addresses), an article's or
page's addresses no longer change, so from then on each Article/Page keeps its expanded URL
settings: the checks that run on that signal (links, output plan) already use them. Static
files are not cached: a `{attach}` link changes a static file's address while pages are
written.

Before that, while content is read and the plugins set slugs and dates, Pelican formats
the same URL settings about eleven times per article (its own checks, the plugins' related
lists, the link and output checks), each time copying the metadata and formatting the date
with its own `strftime`. A URL setting's text is a function of the values it names
(`berita/{date:%Y}/{date:%m}/{slug}/`: the date and the slug), so each content object also
remembers its last expansion of each setting with the values it was made from, and gives it
again while the setting's text is equal and those values are the same objects or equal texts
and numbers; an object an earlier build kept (wartadesa/read_objects.py) brings its
expansions with it (`lasting_expansions`). The expansion itself formats only the values the setting names (Pelican first
copies every metadata value into the mapping it formats with). A setting that names a value
that can change in place (a list) is formatted every time; one that names a missing value,
a nested field (`{date:{format}}`) or the current time (`{date}` without a date) is
formatted by Pelican, every time.

`frozen_urls()` is a context manager around one build (wartadesa.build uses it); outside
it nothing is cached, so tests or tools that run Pelican directly behave as before.

`computed_once()` removes eight more repeats of Pelican's own, two of typogrify's and two
of Markdown's:

- the articles generator lists the content folder's files three times (the disabled
  readers' check, the reading, the readers forked ahead), each a walk of the folders and
  a match of every file's name against IGNORE_FILES (at 5,000 articles about 0.1 s each):
  each folder list is walked once per build, each call keeping the extensions it asks;

- a tag's, category's or author's page finds its articles in date order with
  `[a for a in dates if a in articles]`, a list search per article (at 5,000 articles,
  about 1.5 s of every build in each writing process): once the articles generator has
  finished, those lists answer `in` from a set of their members;
- every article has its own Category and Author objects, and each works out its slug
  (`slugify`) again: a slug is a pure function of the name and the slug settings, so the
  same name is slugified once per build;
- every URL expansion works out the article's source path relative to the content folder
  again (two `abspath`s and a `relpath`): it is a function of that path and the content
  folder, worked out once per pair;
- every article's date is written out with the date format (`locale_date`) by Pelican's
  `strftime`, which formats each directive apart: a plain pattern is formatted by Python's
  own `strftime`, with the same text;
- every article's HTML is searched for links to static files (`{static}`, `{attach}`)
  with a regular expression made again for each (at 5,000 articles about 0.1 s of
  reading): a text without the word `static` or `attach` cannot hold one, and gets
  Pelican's answer, no link, without the search;
- Pelican's content cacher asks every file's modification time twice, to compare it with
  a cached entry and to keep a new one, also when it neither loads nor keeps entries
  (LOAD_CONTENT_CACHE and CACHE_CONTENT off, as here): then it is not asked;
- Pelican splits the articles into originals and translations with a list search per
  article (`x not in index`, at 5,000 articles about 0.12 s of every build's reading):
  when no two articles share a translation id and none has `translation` metadata, every
  article is its own original and none is a translation, which is Pelican's answer, found
  without the search; any other list is Pelican's to split;
- typogrify's `smartypants` filter (most of typogrify's time, itself a large part of
  reading an article) runs up to 25 regular expressions over every piece of text between
  two tags; each of its conversions only changes text that holds its own characters
  (quotes, `--`, `...`, a backslash, a backtick), so a piece without them is passed over,
  with the same result;
- typogrify's `widont` (the space before the last word of each paragraph, heading or list
  item made `&nbsp;`) tries its regular expression at every character of the text; a
  match can only end at a closing `</p>`, `</h1>`...`</h6>`, `</li>`, `</dt>`, `</dd>` or
  the end of the text, so only the text before each of those is looked at, backwards, for
  the same last word (the bench corpus's 5,000 articles: 1.6–2.0 s of reading before,
  0.14 s now; a test compares both on random texts);
- Markdown's inline processor tries each of its patterns on every piece of text; a piece
  without the characters every match of a pattern holds (a backtick, `[`, `<`, `&`, `*`
  or `_`...) is passed over with the same result (wartadesa/markdown_inline.py), and so is
  a block processor on a block without the characters every block it takes holds (a
  heading `#`, a table `|`, a quote `>`...: wartadesa/markdown_blocks.py); at 5,000
  articles, converting them took 7.2-8.2 s of one core before, 3.7-3.9 s now.
"""

import _string
import datetime as dt
import functools
import gc
import operator
import os
import re
import string
import sys
from contextlib import contextmanager, suppress

from pelican import contents, generators, urlwrappers
from pelican.cache import FileStampDataCacher
from pelican.contents import Article, Content, Page
from pelican.utils import SafeDatetime, path_to_url, posixize_path

from wartadesa import markdown_blocks, markdown_inline
from wartadesa.paths import relative_path

_original_get_url_setting = Content.get_url_setting
_original_expand_settings = Content._expand_settings
_state = {"frozen": False}
_UNKNOWN = object()  # a value an expansion is not remembered by
# The key of an expansion in a content object's `_wartadesa_urls`: (_EXPANDED, setting's
# name); `_get_url_setting` keeps its frozen addresses there by their plain name ("url").
_EXPANDED = "expanded"
# Values compared by equality (immutable, and formatted alike when equal and of one type);
# any other value (a date) is compared by identity.
_EQUAL_TYPES = (str, int, bool, type(None))


def _get_url_setting(self, key):
    if not _state["frozen"] or not isinstance(self, (Article, Page)):
        return _original_get_url_setting(self, key)
    cache = self.__dict__.get("_wartadesa_urls")
    if cache is None:
        cache = self.__dict__["_wartadesa_urls"] = {}
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = _original_get_url_setting(self, key)
        return value


@functools.lru_cache(maxsize=256)
def _named_fields(template):
    """The names a URL setting's text formats (`{date:%Y}` and `{date.year}`: "date"), in
    order, or None when they cannot all be told (a nested or positional field)."""
    names = []
    try:
        for _text, field, spec, _conversion in string.Formatter().parse(template):
            if field is None:
                continue
            first, _rest = _string.formatter_field_name_split(field)
            if not isinstance(first, str) or not first or (spec and "{" in spec):
                return None
            names.append(first)
    except ValueError:  # not a valid format: formatted (and refused) as Pelican would
        return None
    return tuple(dict.fromkeys(names))


def _field(content, name):
    """The value `Content.url_format` gives `name`, or _UNKNOWN when it is not kept."""
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "date":
        return getattr(content, "date", _UNKNOWN)  # without a date: the current time
    if name == "lang":
        return getattr(content, "lang", "en")
    if name == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    if name in ("author", "category"):
        return getattr(content, name).slug if hasattr(content, name) else ""
    return content.metadata.get(name, _UNKNOWN)


def _same(kept, values):
    for old, new in zip(kept, values, strict=True):
        if old is new:
            continue
        if type(old) is not type(new) or not isinstance(new, _EQUAL_TYPES) or old != new:
            return False
    return True


def _expand_settings(self, key, klass=None):
    """Pelican's Content._expand_settings, remembered with the values it was made from."""
    if not klass:
        klass = self.__class__.__name__
    fq_key = f"{klass}_{key}".upper()
    template = self.settings[fq_key]
    names = _named_fields(template) if isinstance(template, str) else None
    if names is None:
        return _original_expand_settings(self, key, klass)
    values = tuple(_field(self, name) for name in names)
    cache = self.__dict__.get("_wartadesa_urls")
    if cache is None:
        cache = self.__dict__["_wartadesa_urls"] = {}
    kept = cache.get((_EXPANDED, fq_key))
    # (equal, not the same: an object an earlier build made has its own copy, read_objects)
    if kept is not None and kept[0] == template and _same(kept[1], values):
        return kept[2]
    if any(value is _UNKNOWN for value in values):  # missing, or the current time
        return _original_expand_settings(self, key, klass)
    expanded = _format(template, names, values)
    if all(isinstance(value, (*_EQUAL_TYPES, dt.date)) for value in values):
        cache[(_EXPANDED, fq_key)] = (template, values, expanded)
    return expanded


def lasting_expansions(item):
    """The URL settings of `item` (a content object just made) expanded, with the values
    they were made from (`_expand_settings`), for read_objects to keep with it: checked
    again by the build that takes the object back, as every expansion is (its address and
    file name are asked for by every build: 0.1-0.2 s of a rebuild at 5,000 articles).
    What `_get_url_setting` remembers once the addresses are frozen is not kept."""
    for key in ("url", "save_as"):
        with suppress(Exception):  # asked for again later, and refused there as always
            item.get_url_setting(key)
    cache = item.__dict__.get("_wartadesa_urls") or {}
    return {key: value for key, value in cache.items() if key[0] == _EXPANDED}


def _format(template, names, values):
    """Pelican formats with every metadata value and its own; only the named ones count.
    A date with a plain `strftime` pattern (`{date:%Y}`) is formatted by Python's own
    `strftime`, which gives what Pelican's does (it formats each directive apart, to
    strip zeros after `%-`) in a third of the time."""
    pieces = _pieces(template)
    if pieces is None:
        return template.format(**dict(zip(names, values, strict=True)))
    mapping = dict(zip(names, values, strict=True))
    out = []
    for text, name, spec in pieces:
        out.append(text)
        if name is not None:
            value = mapping[name]
            if type(value) is SafeDatetime and _plain_date_pattern(spec):
                out.append(dt.datetime.strftime(value, spec))
            else:
                out.append(format(value, spec))
    return "".join(out)


@functools.lru_cache(maxsize=256)
def _pieces(template):
    """[(text, name, spec)] of a URL setting (name None after the last field), or None when
    a field is more than a name and a pattern (`{date.day}`, `{slug!r}`)."""
    pieces = []
    for text, field, spec, conversion in string.Formatter().parse(template):
        if field is not None and (conversion is not None or not field.isidentifier()):
            return None
        pieces.append((text, field, spec))
    return tuple(pieces)


_DIRECTIVE = re.compile("%[-]?.")
_C89_DIRECTIVES = frozenset("aAbBcdfGHIjmMpSUuVwWxXyYzZ%")  # those Pelican's strftime formats


@functools.lru_cache(maxsize=256)
def _plain_date_pattern(spec):
    """Whether Python's strftime gives what Pelican's does for `spec`: every directive one
    Pelican formats, none with `-`, no stray `%`."""
    directives = _DIRECTIVE.findall(spec)
    return (
        bool(spec)
        and all(len(d) == 2 and d[1] in _C89_DIRECTIVES for d in directives)
        and "%" not in _DIRECTIVE.sub("", spec)
    )


_original_strftime = SafeDatetime.strftime


def _strftime(self, fmt, safe=True):
    """Pelican's `SafeDatetime.strftime`, a plain pattern (`%a %d %B %Y`: the date Pelican
    gives every article, `locale_date`) formatted by Python's own `strftime`, which gives
    what Pelican's gives (it formats each directive apart, to strip zeros after `%-`)."""
    if safe and type(fmt) is str and _plain_date_pattern(fmt):
        return dt.datetime.strftime(self, fmt)
    return _original_strftime(self, fmt, safe)


def _freeze(_sender, **_kwargs):
    _state["frozen"] = True


@contextmanager
def frozen_urls():
    """Within the block, URLs of articles and pages are cached once every generator has
    finished (`all_generators_finalized`; connected before the plugins' receivers, so their
    checks use the cache; `get_writer` too, in case another receiver came first); before
    that, each content object remembers its expansions of the URL settings with the values
    they were made from."""
    from pelican.plugins import signals

    Content.get_url_setting = _get_url_setting
    Content._expand_settings = _expand_settings
    signals.all_generators_finalized.connect(_freeze)
    signals.get_writer.connect(_freeze)
    try:
        yield
    finally:
        signals.all_generators_finalized.disconnect(_freeze)
        signals.get_writer.disconnect(_freeze)
        _state["frozen"] = False
        Content._expand_settings = _original_expand_settings
        Content.get_url_setting = _original_get_url_setting


def templates_read_once(settings):
    """Jinja asks a template file's modification time again each time a page includes,
    imports or extends it (`auto_reload`): in a 5,000-article build, about 1.2 s of
    `stat` calls over both processes. A build's templates do not change while it runs,
    and every build makes new Jinja environments (the live preview's next build reads a
    changed template), so the build turns it off unless the site's JINJA_ENVIRONMENT sets it."""
    options = dict(settings.get("JINJA_ENVIRONMENT") or {})
    options.setdefault("auto_reload", False)
    settings["JINJA_ENVIRONMENT"] = options


def _freeze_heap(_sender, **_kwargs):
    gc.freeze()


# Content objects read between two settlings of the heap while the site is read.
SETTLE_EVERY = 500


class _Settling:
    """While the content is read, the heap grows by objects that live until the end of the
    build (the articles). The collector walks its oldest generation again each time it has
    grown by a quarter: at 5,000 articles about 0.35 s of a one-article rebuild, in the main
    process, finding nearly nothing. Here, when reading starts and every SETTLE_EVERY
    content objects read, the objects made since the last settling are collected (only
    those: the frozen ones are not walked) and the survivors frozen. The cycles they leave
    behind later are collected as before."""

    def __init__(self):
        self.read = 0

    def settle(self, *_args, **_kwargs):
        gc.collect()
        gc.freeze()

    def one_read(self, *_args, **_kwargs):
        self.read += 1
        if self.read % SETTLE_EVERY == 0:
            self.settle()


@contextmanager
def settled_heap():
    """Within the block, every object made so far is moved out of the garbage collector's
    reach (`gc.freeze`) when writing starts (`get_writer`): the articles and the context
    live until the end of the build, so the collections while pages are written no longer
    walk them, and forked writers (wartadesa/parallel.py) do not touch their memory pages.
    Before that, while the content is read, the heap is settled as it grows (_Settling).
    Everything is handed back to the collector at the end (wartadesa.build: of the whole
    build, the index and the swap included, unless give_back_memory did it before)."""
    from pelican.plugins import signals

    settling = _Settling()
    points = [
        (signals.article_generator_init, settling.settle),
        (signals.article_generator_context, settling.one_read),
        (signals.page_generator_context, settling.one_read),
        (signals.get_writer, _freeze_heap),
    ]
    for signal, receiver in points:
        signal.connect(receiver)
    try:
        yield
    finally:
        for signal, receiver in points:
            signal.disconnect(receiver)
        gc.unfreeze()


def exit_code(code: int) -> int:
    """`code`, for a process about to end: every object left is put out of the collector's
    reach (`gc.freeze`), so that the interpreter does not walk them all once more on its way
    out (about 0.3 s after a rebuild of 5,000 articles whose memory was not given back)."""
    gc.freeze()
    return code


class Members(list):
    """A list that answers `in` from a set of its members' identities (Pelican's content
    objects compare by identity): `item in members` without searching the list. The set
    is made again after any change to the list."""

    def __contains__(self, item):
        ids = getattr(self, "_ids", None)
        if ids is None or self._size != len(self):
            ids = self._ids = {id(member) for member in self}
            self._size = len(self)
        if id(item) in ids:
            return True
        # Not the same object: compared as a list would (an object with its own __eq__).
        return type(item).__eq__ is not object.__eq__ and list.__contains__(self, item)

    def __setitem__(self, index, value):
        self._ids = None
        super().__setitem__(index, value)


def _index_lists(generator):
    """article_generator_finalized: the articles of each tag, category and author become
    Members (the same lists, in place: the context holds the same dict and lists)."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in list(tags.items()):
            if type(articles) is list:
                tags[tag] = Members(articles)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if not isinstance(pairs, list):
            continue
        for index, pair in enumerate(pairs):
            if isinstance(pair, tuple) and len(pair) == 2 and type(pair[1]) is list:
                pairs[index] = (pair[0], Members(pair[1]))


@functools.lru_cache(maxsize=1)
def _slug_table_name():
    """The memo table of slugs, named by what slugify's answer depends on besides its
    arguments: Python's Unicode data, unidecode and markupsafe."""
    import platform
    from importlib import metadata

    found = [f"python={platform.python_version()}"]
    for name in ("unidecode", "markupsafe"):
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return "slugs " + " ".join(found)


def _slug_tables():
    """(the slugs the last build kept, this build's) in the build's memo (front_matter.memo,
    with BUILD_CACHE), or None."""
    memo = sys.modules.get("front_matter.memo")
    return memo.table(_slug_table_name()) if memo is not None else None


def _memoized_slugify(slugify):
    """slugify, once per (text, substitutions, case, unicode) in a build; with the build
    cache, once per text over builds (an article's title: 5,000 articles, about 0.07 s of
    every rebuild's reading)."""

    @functools.lru_cache(maxsize=65536)
    def known(value, regex_subs, preserve_case, use_unicode):
        tables = _slug_tables()
        key = (value, regex_subs, preserve_case, use_unicode)
        found = tables[0].get(key) if tables is not None else None
        if not isinstance(found, str):
            found = slugify(
                value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode
            )
        if tables is not None and type(value) is str:
            tables[1][key] = found
        return found

    # id(regex_subs) -> (regex_subs, as a key): the settings' lists (which do not change
    # while a build runs) are turned into a key once, not on every call.
    subs_known = {}

    @functools.wraps(slugify)
    def memoized(value, regex_subs=(), preserve_case=False, use_unicode=False):
        try:
            kept = subs_known.get(id(regex_subs))
            if kept is None or kept[0] is not regex_subs or len(kept[1]) != len(regex_subs):
                subs = tuple((str(source), str(target)) for source, target in regex_subs)
                if len(subs_known) < 64:
                    subs_known[id(regex_subs)] = (regex_subs, subs)
            else:
                subs = kept[1]
            return known(value, subs, bool(preserve_case), bool(use_unicode))
        except TypeError:  # a value that cannot be a key: as Pelican would
            return slugify(
                value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode
            )

    return memoized


_original_relative_source_path = Content.get_relative_source_path


@functools.lru_cache(maxsize=65536)
def _relative(content_folder, source_path, _cwd):
    return relative_path(
        os.path.abspath(os.path.join(content_folder, source_path)), os.path.abspath(content_folder)
    )


def _relative_source_path(self, source_path=None):
    """Pelican's Content.get_relative_source_path, once per (content folder, path)."""
    if not source_path:
        source_path = self.source_path
    if source_path is None:
        return None
    folder = self.settings.get("PATH")
    if not isinstance(folder, str) or not isinstance(source_path, str):
        return _original_relative_source_path(self, source_path)
    # A relative content folder is relative to the current folder: part of the key.
    cwd = "" if os.path.isabs(folder) else os.getcwd()
    return posixize_path(_relative(folder, source_path, cwd))


_original_static_links = Content.get_static_links


def _static_links(self):
    """Pelican's Content.get_static_links, without its look through a text that holds no
    link to a static file: such a link names its kind (`static`, `attach`) in the text,
    whatever INTRASITE_LINK_REGEX is."""
    text = getattr(self, "_content", None)
    if isinstance(text, str) and "static" not in text and "attach" not in text:
        return set()
    return _original_static_links(self)


# smartypants' conversions and the characters without which each leaves a text as it is.
_SMARTYPANTS_NEEDS = {
    "process_escapes": ("\\",),
    "convert_dashes": ("--",),
    "convert_dashes_oldschool": ("--",),
    "convert_dashes_oldschool_inverted": ("--",),
    "convert_ellipses": ("...", ". . ."),
    "convert_backticks": ("``", "''"),
    "convert_single_backticks": ("`", "'"),
    "convert_quotes": ("'", '"'),
}


def _passing_over(function, needs):
    @functools.wraps(function)
    def conversion(text, *args, **kwargs):
        if not any(needle in text for needle in needs):
            return text
        return function(text, *args, **kwargs)

    return conversion


_original_cached_data = FileStampDataCacher.get_cached_data
_original_cache_data = FileStampDataCacher.cache_data


def _cached_data(self, filename, default=None):
    """Pelican's, but without the file's stamp when nothing is cached (LOAD_CONTENT_CACHE
    off: the stamp could only differ from the missing entry's)."""
    if not self._cache:
        return default
    return _original_cached_data(self, filename, default)


def _cache_data(self, filename, data):
    """Pelican's, but without the file's stamp when nothing is kept (CACHE_CONTENT off)."""
    if self._cache_data_policy:
        _original_cache_data(self, filename, data)


def _translations_found_once(process_translations):
    @functools.wraps(process_translations)
    def split(content_list, translation_id=None):
        names = {translation_id} if isinstance(translation_id, str) else translation_id
        if translation_id and isinstance(names, (set, frozenset, tuple, list)):
            try:
                getter = operator.attrgetter(*names)  # as Pelican's: a tuple for several
                ordered = sorted(content_list, key=getter)
                ids = [getter(item) for item in ordered]
                alone = len(set(ids)) == len(ids) and not any(
                    "translation" in item.metadata for item in ordered
                )
            except Exception:  # noqa: BLE001 - Pelican says what is wrong with the list
                alone = False
            if alone:  # Pelican's answer without its search: each one its own original
                content_list[:] = ordered  # Pelican sorts the list it is given
                for item in ordered:
                    item.translations = []
                return list(ordered), []
        return process_translations(content_list, translation_id=translation_id)

    return split


_original_get_files = generators.Generator.get_files
_original_include_path = generators.Generator._include_path


def _files_listed_once(listed: dict):
    """Generator.get_files, walking each content folder once per build: the articles
    generator lists its files three times (disabled readers, reading, the readers forked
    ahead; at 5,000 articles 0.1 s each), and each listing matches every file's name
    against IGNORE_FILES again. The walk and that match (Pelican's own, under the same
    folders, exclusions and IGNORE_FILES) are kept in `listed`; each call then keeps the
    names with its extensions, as `_include_path` does (a set, as Pelican's). A generator
    with its own `_include_path` lists as Pelican does. `listed` lives for one build: the
    next one (the live preview) walks again."""

    def get_files(self, paths, exclude=None, extensions=None):
        if type(self)._include_path is not _original_include_path:
            return _original_get_files(self, paths, exclude=exclude, extensions=extensions)
        folders = (paths,) if isinstance(paths, str) else tuple(paths)
        key = (self.path, folders, tuple(exclude or ()), tuple(self.settings["IGNORE_FILES"]))
        names = listed.get(key)
        if names is None:
            # Every name that passes IGNORE_FILES: Pelican's walk with all extensions.
            names = listed[key] = [
                (name, os.path.splitext(os.path.basename(name))[1][1:])
                for name in _original_get_files(self, list(folders), list(exclude or ()), False)
            ]
        if extensions is None:
            extensions = tuple(self.readers.extensions)
        if extensions is False:
            return {name for name, _ in names}
        return {name for name, ext in names if ext in extensions}

    return get_files


_BLOCK_CLOSE = re.compile(r"</(?:p|h[1-6]|li|dt|dd)>")
_INLINE_CLOSERS = ("</a>", "</em>", "</span>", "</strong>", "</i>", "</b>")
_INLINE_TAG = re.compile(r"</?(?:a|em|span|strong|i|b)[^>]*>")


def _last_space(text: str, end: int) -> tuple[int, int] | None:
    """typogrify's widont match ending at `end` (a block's closing tag or the end of the
    text), looked for backwards: (start of the space before the last word, the word's
    start), or None. Before `end` only white space and closing inline tags; the word (no
    `<`, `>` or white space); white space; and before it a character that is no `<`, `>`
    or white space, or a whole inline tag (`<a ...>`, `</em>`...)."""
    position = end
    while position:
        char = text[position - 1]
        if char.isspace():  # what \s matches in a str pattern
            position -= 1
        elif char == ">" and (
            closer := next(
                (c for c in _INLINE_CLOSERS if text.startswith(c, position - len(c), position)),
                None,
            )
        ):
            position -= len(closer)
        else:
            break
    word_end = position
    while position and not (text[position - 1] in "<>" or text[position - 1].isspace()):
        position -= 1
    word_start = position
    while position and text[position - 1].isspace():
        position -= 1
    if word_start == word_end or position in (0, word_start):
        return None
    before = text[position - 1]
    if before == "<":
        return None
    if before == ">":  # an inline tag: it starts at a `<` after the `>` before it
        opening = text.rfind(">", 0, position - 1) + 1
        if not any(
            text[at] == "<" and _INLINE_TAG.fullmatch(text, at, position)
            for at in range(opening, position - 1)
        ):
            return None
    return position, word_start


def widont_at_block_ends(text: str) -> str:
    """typogrify.filters.widont's text, found by looking only before each place its
    match can end."""
    ends = [match.start() for match in _BLOCK_CLOSE.finditer(text)]
    ends.append(len(text))
    pieces, done = [], 0
    for end in ends:
        found = _last_space(text, end)
        if found is None or found[0] < done:
            continue
        pieces += [text[done : found[0]], "&nbsp;"]
        done = found[1]
    pieces.append(text[done:])
    return "".join(pieces)


@contextmanager
def typogrify_widont_at_block_ends():
    """Within the block, typogrify's filters use widont_at_block_ends."""
    try:
        from typogrify import filters
    except ImportError:
        yield
        return
    original = filters.widont
    filters.widont = widont_at_block_ends
    try:
        yield
    finally:
        filters.widont = original


@contextmanager
def smartypants_passing_over():
    """Within the block, smartypants' conversions pass over text without their characters."""
    try:
        import smartypants
    except ImportError:
        yield
        return
    originals = {name: getattr(smartypants, name, None) for name in _SMARTYPANTS_NEEDS}
    for name, needs in _SMARTYPANTS_NEEDS.items():
        if originals[name] is not None:
            setattr(smartypants, name, _passing_over(originals[name], needs))
    try:
        yield
    finally:
        for name, function in originals.items():
            if function is not None:
                setattr(smartypants, name, function)


@contextmanager
def computed_once():
    """Within the block: the lists of a tag's, category's and author's articles answer `in`
    without searching; URL wrappers' slugs and content's relative source paths are worked
    out once; a text without a link to a static file is not searched for one (see module
    docstring)."""
    from pelican.plugins import signals

    original = urlwrappers.slugify
    urlwrappers.slugify = _memoized_slugify(original)
    original_contents_slugify = contents.slugify
    contents.slugify = _memoized_slugify(original_contents_slugify)
    original_translations = generators.process_translations
    generators.process_translations = _translations_found_once(original_translations)
    Content.get_relative_source_path = _relative_source_path
    Content.get_static_links = _static_links
    FileStampDataCacher.get_cached_data = _cached_data
    FileStampDataCacher.cache_data = _cache_data
    SafeDatetime.strftime = _strftime
    generators.Generator.get_files = _files_listed_once({})
    signals.article_generator_finalized.connect(_index_lists)
    try:
        with (
            smartypants_passing_over(),
            typogrify_widont_at_block_ends(),
            markdown_inline.passing_over(),
            markdown_blocks.passing_over(),
        ):
            yield
    finally:
        signals.article_generator_finalized.disconnect(_index_lists)
        generators.Generator.get_files = _original_get_files
        SafeDatetime.strftime = _original_strftime
        FileStampDataCacher.get_cached_data = _original_cached_data
        FileStampDataCacher.cache_data = _original_cache_data
        Content.get_relative_source_path = _original_relative_source_path
        Content.get_static_links = _original_static_links
        generators.process_translations = original_translations
        urlwrappers.slugify = original
        contents.slugify = original_contents_slugify
