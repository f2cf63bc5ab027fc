"""Village and region slugs go through Pelican's slugify (with the plugin's
SLUG_REGEX_SUBSTITUTIONS) and every official name keeps the slug it had before.

The earlier slug rule, kept here as the reference: fold the name (NFKD, drop accents and
apostrophes, lower case), then every run of other characters becomes one hyphen."""

import re
import unicodedata

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

from villages import data
from villages.names import slugify


def old_slugify(text):
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’`ʼ‘]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip().replace(" ", "-")


def official_names():
    """Every village name, and every region name in the forms the slugs are made from."""
    names = set()
    for table in ("desa", "wilayah"):
        for code, name in data._table(table).items():
            names.add(name)
            if table == "wilayah":
                bare = data.bare_name(data.lookup(code))
                names.update((bare, "Kota " + bare))
    return sorted(names)


def test_every_official_name_keeps_its_slug():
    names = official_names()
    assert len(names) > 75000
    changed = [
        (name, old_slugify(name), slugify(name))
        for name in names
        if old_slugify(name) != slugify(name)
    ]
    assert changed == []


def test_pelican_default_substitutions_would_change_63_names():
    """Why the plugin has its own substitutions: Pelican's default drops '/' and '.'."""
    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    changed = {
        name: pelican_slugify(name, regex_subs=subs)
        for name in official_names()
        if pelican_slugify(name, regex_subs=subs) != old_slugify(name)
    }
    assert len(changed) == 63
    assert changed["Lalai I/II"] == "lalai-iii"
    assert slugify("Lalai I/II") == "lalai-i-ii"


def test_examples():
    assert slugify("Bu Nuapu’u") == "bu-nuapuu"
    assert slugify("Désa  Sáringembat") == "desa-saringembat"
    assert slugify("P.O. Hurlang") == "p-o-hurlang"
    assert slugify("Kaba-kaba") == "kaba-kaba"
