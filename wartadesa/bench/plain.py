"""The plain Pelican configuration the benchmark compares with: a generated settings file
with Pelican's default theme, no plugins, and only our URL, pagination and feed settings."""

import pprint
from pathlib import Path

PLAIN_THEME = "notmyidea"

# Settings copied from pelicanconf.py into the plain configuration: where things are
# and what they are called (URLs, pagination, feeds), never how they look or are processed.
COPIED_SETTINGS = (
    "SITENAME",
    "SITEURL",
    "RELATIVE_URLS",
    "TIMEZONE",
    "DEFAULT_LANG",
    "ARTICLE_PATHS",
    "PAGE_PATHS",
    "STATIC_PATHS",
    "DEFAULT_PAGINATION",
    "PAGINATION_PATTERNS",
    "PAGINATED_TEMPLATES",
    "SLUGIFY_SOURCE",
    "SLUG_REGEX_SUBSTITUTIONS",
    "FEED_DOMAIN",
    "FEED_MAX_ITEMS",
)
COPIED_SUFFIXES = ("_URL", "_SAVE_AS")
PELICAN_FEEDS = tuple(
    f"{kind}_{fmt}"
    for kind in ("FEED", "FEED_ALL", "CATEGORY_FEED", "AUTHOR_FEED", "TAG_FEED", "TRANSLATION_FEED")
    for fmt in ("ATOM", "RSS")
)


def plain_settings_text(ours, content):
    """A settings file for plain Pelican: default theme, no plugins, our URL settings."""
    from pelican.settings import DEFAULT_CONFIG

    theme_templates = Path(DEFAULT_CONFIG["THEME"]).parent / PLAIN_THEME / "templates"
    direct = {t.upper() for t in ours.get("DIRECT_TEMPLATES", DEFAULT_CONFIG["DIRECT_TEMPLATES"])}
    names = []
    for key in sorted(ours):
        # Pelican's own settings only (plus {TEMPLATE}_URL/_SAVE_AS of direct templates,
        # which Pelican looks up by name); plugin settings stay out.
        template = key.removesuffix("_SAVE_AS").removesuffix("_URL")
        if (
            key in COPIED_SETTINGS
            or key in PELICAN_FEEDS
            or key.endswith(COPIED_SUFFIXES)
            and (key in DEFAULT_CONFIG or template in direct)
        ):
            names.append(key)
    lines = [
        '"""Plain Pelican for the benchmark (generated): default theme, no plugins.',
        "",
        "Only URL, pagination and feed settings are copied from pelicanconf.py.",
        '"""',
        "",
        f"PATH = {str(content)!r}",
        f"THEME = {PLAIN_THEME!r}",
        "PLUGINS = []",
    ]
    for key in names:
        value = ours[key]
        if key == "PAGINATED_TEMPLATES":
            # Only the lists Pelican paginates by default: the default theme's other
            # templates (e.g. archives) ignore the page and would repeat the whole list
            # on every page.
            value = {k: v for k, v in value.items() if k in DEFAULT_CONFIG["PAGINATED_TEMPLATES"]}
        lines.append(f"{key} = {pprint.pformat(value, width=88, compact=True)}")
    templates = [
        t
        for t in ours.get("DIRECT_TEMPLATES", DEFAULT_CONFIG["DIRECT_TEMPLATES"])
        if (theme_templates / f"{t}.html").is_file()
    ]
    lines.append(f"DIRECT_TEMPLATES = {templates!r}  # those the default theme has")
    return "\n".join(lines) + "\n"
