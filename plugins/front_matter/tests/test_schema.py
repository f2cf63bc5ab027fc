"""One front matter schema drives the reader, `invoke new` and the README table."""

import datetime as dt
import re
from pathlib import Path

from front_matter import reader, schema, source
from front_matter.keys import REFUSED_KEYS
from tests.sitetools import settings_path
from wartadesa.build import load_settings
from wartadesa.new import NEW_ARTICLE_KEYS, OPTIONAL_KEYS, render

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_table():
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Front matter reference") :]
    start = section.index("| key | alias | value |")
    return section[start : section.index("\n\n", start) + 1]


def test_readme_table_is_the_schema():
    """When this fails, replace the README table with schema.render_reference()."""
    assert readme_table() == schema.render_reference()


def test_readme_rows_name_every_key_and_alias():
    rows = re.findall(r"^\| `(\w+)` \| (?:`(\w+)`)? ?\|", readme_table(), re.M)
    assert [key for key, _ in rows] == [field.key for field in schema.FIELDS]
    assert {alias: key for key, alias in rows if alias} == schema.ALIASES


def test_reader_key_lists_come_from_the_schema():
    assert source.ALIASES == schema.ALIASES
    assert {field.key for field in schema.FIELDS} == source.KNOWN_KEYS
    assert {"village", "village_code", "region", "tags", "old_addresses"} == source.LIST_KEYS
    assert source.SCALAR_KEYS == source.KNOWN_KEYS - source.LIST_KEYS
    assert {"date", "modified", "valid_until", "start", "end"} == reader.DATE_KEYS
    assert REFUSED_KEYS is schema.REFUSED


def test_schema_is_consistent():
    keys = [field.key for field in schema.FIELDS]
    aliases = [field.alias for field in schema.FIELDS if field.alias]
    assert len(set(keys)) == len(keys) and len(set(aliases)) == len(aliases)
    assert not set(aliases) & set(keys) and not set(keys) & set(schema.REFUSED)
    for field in schema.FIELDS:
        assert field.help.endswith(".") and field.reference, field.key
        assert set(field.required) <= set(field.used_by), field.key
        if field.required:
            assert field.reference.startswith("required"), field.key
            assert field.example, field.key
    assert [f.key for f in schema.required_for("article")] == ["title", "date"]
    assert [f.key for f in schema.required_for("page")] == ["title"]
    # What the reader takes for a news article in the pages folder is not a page's key
    # (else the web editor's page form offers it and `invoke publish` refuses the page).
    for key in reader.NEWS_KEYS:
        assert "page" not in schema.BY_KEY[key].used_by, key
    for kind, templates in schema.TEMPLATES.items():
        assert kind in schema.BY_KEY["template"].used_by and templates, kind


def test_new_article_comments_are_the_schema_help():
    settings = load_settings(settings_path())
    text = render("Rapat BPD", ["binangun"], "Umum", settings, dt.datetime(2025, 1, 15, 9, 30))
    for key in NEW_ARTICLE_KEYS + OPTIONAL_KEYS + ("status",):
        field = schema.BY_KEY[key]
        assert f"# {field.help}\n" in text, key
        assert f"\n{field.written}: " in text or f"\n# {field.written}: " in text, key
    for key in OPTIONAL_KEYS:
        assert f"# {schema.BY_KEY[key].written}: {schema.BY_KEY[key].example}\n" in text


def test_content_type_comes_from_the_first_folder(tmp_path):
    from front_matter.reader import content_type_of

    settings = {
        "PATH": str(tmp_path),
        "PAGE_PATHS": ["pages"],
        "CONTENT_TYPE_PATHS": {"notice": ["pengumuman"], "event": ["agenda"]},
    }
    assert content_type_of(tmp_path / "pages" / "a.md", settings) == "page"
    assert content_type_of(tmp_path / "pengumuman" / "a.md", settings) == "notice"
    assert content_type_of(tmp_path / "agenda" / "x" / "a.md", settings) == "event"
    assert content_type_of(tmp_path / "berita" / "a.md", settings) == "article"
    assert content_type_of(tmp_path / "pengumuman-lama" / "a.md", settings) == "article"
