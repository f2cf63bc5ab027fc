"""The editor's configuration is made from the schema, the registry and the settings."""

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from editor import generator
from editor.config import content_types, editor_config
from editor.fields import FORM_HINTS, YOUTUBE_PATTERN, in_form
from front_matter import reader, schema
from front_matter.errors import ContentError
from front_matter.keys import MAX_SLUG, check_value
from tests.sitetools import SAMPLE, settings_path
from villages.registry import load_registry
from wartadesa.build import load_settings, problem_lines
from wartadesa.check import check
from youtube.urls import InvalidVideo, parse


@pytest.fixture(scope="module")
def settings():
    return load_settings(settings_path())


@pytest.fixture(scope="module")
def config(sample_site):
    """The configuration the sample build published."""
    return yaml.safe_load(sample_site.text("admin/config.yml"))


SCHEMA = Path(__file__).with_name("sveltia-cms.schema.json")


def test_config_is_valid_for_the_vendored_editor(config, settings):
    """Sveltia CMS's own JSON schema (npm package, schema/sveltia-cms.json) accepts it,
    with and without an OAuth helper and a production address."""
    import jsonschema

    schema_json = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(config, schema_json)
    production = editor_config(
        {
            **settings,
            "SITEURL": "https://binangun.desa.id",
            "EDITOR_AUTH_URL": "https://auth.example.org",
            "EDITOR_REPO": "desa-binangun/situs",
        }
    )
    jsonschema.validate(production, schema_json)
    assert production["backend"]["auth_methods"] == ["oauth", "token"]
    assert config["backend"]["auth_methods"] == ["token"]
    assert production["logo"]["src"] == "https://binangun.desa.id/theme/img/logo.svg"


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def test_published_config_is_the_generated_one(config, settings):
    categories = [
        "Pembangunan",
        "Pemberdayaan Masyarakat",
        "Pemerintahan",
        "Pendidikan dan Pelatihan",
        "Umum",
    ]
    assert config == editor_config(settings, categories)


@pytest.mark.parametrize("kind, folder", [("article", "content/berita"), ("page", "content/pages")])
def test_every_schema_field_of_each_type_is_in_its_form(config, kind, folder):
    form = collection(config, kind)
    assert form["folder"] == folder
    expected = [f for f in schema.FIELDS if kind in f.used_by and in_form(f, kind)]
    fields = form["fields"]
    assert [f["name"] for f in fields] == [f.written for f in expected] + ["body"]
    for field, widget in zip(expected, fields, strict=False):
        assert widget["label"] == field.label_text
        assert widget["hint"].startswith(FORM_HINTS.get(field.key, field.help_for(kind)))
        if field.key != "slug":
            assert widget["required"] is (kind in field.required), field.key
    assert fields[-1]["widget"] == "markdown"


def test_form_hints_name_schema_fields():
    assert set(FORM_HINTS) <= schema.KEYS
    assert all(hint.endswith(".") for hint in FORM_HINTS.values())


def test_every_schema_field_is_in_some_form(config):
    names = {f["name"] for c in config["collections"] for f in c.get("fields", [])}
    # `template`: one template fits each type, so no form has it (test below);
    # `translation`: the editor refuses a second file of one slug (test below)
    left_out = {f.written for f in schema.FIELDS if f.type == "template"} | {"translation"}
    assert {f.written for f in schema.FIELDS} - left_out <= names
    unknown = [
        f"{f.key} ({f.type})" for f in schema.FIELDS if not in_form(f) and f.key != "translation"
    ]
    assert unknown == [], (
        "schema field types the editor has no widget for: add one in "
        "plugins/editor/fields.py (_widget, KNOWN_TYPES)"
    )


def test_the_page_form_offers_no_key_the_reader_takes_for_news(config):
    """A page saved with tanggal, desa or kategori from the Halaman form drew the reader's
    warning "ini tampaknya berita, bukan halaman", an error for `invoke publish`: the
    schema's page fields are what the reader accepts in a page without a word."""
    page = [f["name"] for f in collection(config, "page")["fields"]]
    news = {schema.BY_KEY[key].written for key in reader.NEWS_KEYS}
    assert news == {"tanggal", "kategori", "desa", "kode_desa"}
    assert not news & set(page), news & set(page)
    assert {"judul", "slug", "ringkasan", "status"} <= set(page)
    article = [f["name"] for f in collection(config, "article")["fields"]]
    assert news <= set(article)


def test_a_form_offers_only_the_templates_of_its_type(config, settings, monkeypatch):
    """`template: page` in a news article passed the form and stopped the build in the
    theme ("'page' is undefined"; the reader now refuses it): each form offers the
    templates that fit its type (schema.TEMPLATES), and none when only one fits."""
    for kind in schema.CONTENT_TYPES:
        if any(c["name"] == kind for c in config["collections"]):
            names = [f["name"] for f in collection(config, kind)["fields"]]
            assert "template" not in names, kind
    monkeypatch.setitem(schema.TEMPLATES, schema.PAGE, ("page", "page-lebar"))
    made = editor_config(settings)
    template = next(f for f in collection(made, "page")["fields"] if f["name"] == "template")
    assert template["widget"] == "select"
    assert [o["value"] for o in template["options"]] == ["page", "page-lebar"]
    assert template["options"][0]["label"] == "Halaman (page)"
    assert "template" not in [f["name"] for f in collection(made, "article")["fields"]]


def test_file_names_are_date_and_a_slug_fixed_at_creation(config):
    article = collection(config, "article")
    assert article["slug"]["template"] == "{{year}}-{{month}}-{{day}}-{{fields.slug}}"
    assert collection(config, "page")["slug"]["template"] == "{{fields.slug}}"
    slug = next(f for f in article["fields"] if f["name"] == "slug")
    assert slug["required"] is True
    assert re.fullmatch(slug["pattern"][0], "musyawarah-desa-2025")
    assert not re.fullmatch(slug["pattern"][0], "Musyawarah Desa")


SLUGS = [
    "musyawarah-desa-2025",
    "a" * MAX_SLUG,
    "a" * (MAX_SLUG + 1),
    "-".join(["musyawarah"] * 11),  # 120 characters, as a long title makes it
    "Musyawarah Desa",
    "rapat--desa",
    "-rapat",
    "rapat/desa",
    "",
]


def test_the_slug_field_refuses_what_the_reader_refuses(config):
    """The build refuses a slug longer than keys.MAX_SLUG ("paling panjang 100"), the form
    took it: every form's slug field has the reader's limit (the same constant) and its
    pattern accepts exactly the slugs the reader accepts."""
    forms = [c for c in config["collections"] if "fields" in c and c["name"] in schema.TYPE_LABELS]
    assert len(forms) == 5
    for form in forms:
        slug = next(f for f in form["fields"] if f["name"] == "slug")
        assert slug["maxlength"] == MAX_SLUG, form["name"]
        assert f"paling panjang {MAX_SLUG}" in slug["pattern"][1]
        for value in SLUGS:
            try:
                check_value("berita/a.md", 1, "slug", value)
                accepted = True
            except ContentError:
                accepted = False
            assert bool(re.fullmatch(slug["pattern"][0], value)) is accepted, value


def test_village_select_lists_every_village_of_desa_yml(config):
    registry = load_registry(SAMPLE / "content" / "desa.yml")
    assert len(registry.entries) == 3 and not registry.errors
    for kind in ("article", "notice", "event", "album"):
        village = next(f for f in collection(config, kind)["fields"] if f["name"] == "desa")
        assert village["widget"] == "select" and village["multiple"] is True
        assert [o["value"] for o in village["options"]] == [e.slug for e in registry.entries]
        for option, entry in zip(village["options"], registry.entries, strict=True):
            assert entry.official.code in option["label"]
            assert entry.official.name in option["label"]


def test_category_field_and_date_format(config, settings):
    fields = {f["name"]: f for f in collection(config, "article")["fields"]}
    assert settings["CATEGORIES"] == []  # the sample: free categories, the used ones named
    assert fields["kategori"]["widget"] == "string" and "Umum" in fields["kategori"]["hint"]
    assert fields["tanggal"]["format"] == "YYYY-MM-DD HH:mm"
    assert fields["tanggal"]["input_timezone"] == settings["TIMEZONE"] == "Asia/Jakarta"
    assert fields["gambar"]["widget"] == "image"
    assert config["media_folder"] == "content/images"


def test_fixed_categories_come_from_the_setting(settings):
    fixed = editor_config({**settings, "CATEGORIES": ["Pemerintahan", "Bencana"]}, ["Umum"])
    kategori = next(f for f in fixed["collections"][0]["fields"] if f["name"] == "kategori")
    assert kategori["options"] == ["Bencana", "Pemerintahan"]


def test_free_categories_can_be_typed_with_the_used_ones_named(settings):
    """CATEGORIES = [] (kategori bebas): a select of the categories in use allowed no new
    one; the form takes any text and names those in use."""
    free = editor_config({**settings, "CATEGORIES": []}, ["Umum", "Pembangunan"])
    kategori = next(f for f in free["collections"][0]["fields"] if f["name"] == "kategori")
    assert kategori["widget"] == "string" and "options" not in kategori
    assert kategori["hint"] == (
        "Satu kategori. Sudah dipakai: Pembangunan, Umum (tulis persis sama agar masuk "
        "kategori itu; kategori baru boleh)."
    )


def test_identity_and_registry_files_are_editable(config):
    situs = collection(config, "situs")["files"][0]
    assert situs["file"] == "content/situs.yml"
    village = next(f for f in situs["fields"] if f["name"] == "desa")
    assert [o["value"] for o in village["options"]] == [
        "35.23.07.2005",
        "35.23.07.2011",
        "51.02.06.2001",
    ]
    assert {"nama", "slogan", "desa", "alamat", "logo"} <= {f["name"] for f in situs["fields"]}
    desa = collection(config, "desa")["files"][0]
    assert desa["file"] == "content/desa.yml"
    entry_fields = [f["name"] for f in desa["fields"][0]["fields"]]
    assert desa["fields"][0]["root"] is True and entry_fields[:2] == ["kode", "nama"]


def test_a_new_content_type_gets_its_collection(settings, monkeypatch):
    """A type whose fields name it in `used_by` and that has folders in CONTENT_TYPE_PATHS
    gets a form of its own fields, without any change to the editor plugin."""
    fields = tuple(
        schema.Field(**{**f.__dict__, "used_by": (*f.used_by, "meeting")})
        if f.key in ("title", "slug")
        else f
        for f in schema.FIELDS
    ) + (
        schema.Field("place", "tempat_rapat", used_by=("meeting",), help="Tempat.", reference="x"),
    )
    monkeypatch.setattr(schema, "FIELDS", fields)
    paths = {**settings["CONTENT_TYPE_PATHS"], "meeting": ["rapat"]}
    made = editor_config({**settings, "CONTENT_TYPE_PATHS": paths})
    # a type no label names: its own name, files named slug.md
    meeting = next(c for c in made["collections"] if c["name"] == "meeting")
    assert meeting["folder"] == "content/rapat" and meeting["label"] == "Meeting"
    assert meeting["slug"]["template"] == "{{fields.slug}}"
    assert [f["name"] for f in meeting["fields"]] == ["judul", "slug", "tempat_rapat", "body"]
    # no folder: no form
    assert "meeting" not in [name for name, *_ in content_types(settings)]


def test_the_notice_board_and_albums_have_their_forms(config):
    notice = collection(config, schema.NOTICE)
    assert notice["folder"] == "content/pengumuman" and notice["label"] == "Pengumuman"
    assert notice["slug"]["template"] == "{{year}}-{{month}}-{{day}}-{{fields.slug}}"
    names = [f["name"] for f in notice["fields"]]
    assert {"judul", "tanggal", "berlaku_sampai", "penting", "lampiran"} <= set(names)
    attachment = next(f for f in notice["fields"] if f["name"] == "lampiran")
    assert attachment["widget"] == "file" and attachment["public_folder"] == "files"
    event = collection(config, schema.EVENT)
    peta = next(f for f in event["fields"] if f["name"] == "peta")
    assert re.fullmatch(peta["pattern"][0], "-6.9912, 111.8307")
    assert not re.fullmatch(peta["pattern"][0], "di balai desa")
    album = collection(config, schema.ALBUM)
    assert album["path"] == "{{slug}}/index" and album["media_folder"] == ""
    photos = next(f for f in album["fields"] if f["name"] == "foto")
    assert photos["widget"] == "list" and [f["name"] for f in photos["fields"]] == [
        "berkas",
        "keterangan",
        "alt",
    ]
    assert album["create"] is True


def test_a_field_of_an_unknown_type_is_left_out(settings, monkeypatch):
    """A new field type the form has no widget for is not in the form, so the editor keeps
    its value as written; a type that requires it cannot be created in the editor (the
    file would fail the check)."""
    odd = schema.Field(
        "odd",
        "aneh",
        "no-such-type",
        required=(schema.ALBUM,),
        used_by=(schema.ALBUM,),
        help="Aneh.",
        reference="x",
    )
    monkeypatch.setattr(schema, "FIELDS", schema.FIELDS + (odd,))
    made = editor_config(settings)
    album = next(c for c in made["collections"] if c["name"] == schema.ALBUM)
    assert "aneh" not in [f["name"] for f in album["fields"]]
    assert album["create"] is False and album["label"] == "Galeri"
    assert collection(made, "article")["create"] is True


def test_types_without_fields_have_no_form(config):
    """Types the schema lists but no field uses yet (e.g. event before its fields exist)."""
    names = [c["name"] for c in config["collections"]]
    for name in schema.CONTENT_TYPES:
        assert (name in names) is any(name in f.used_by for f in schema.FIELDS), name


YOUTUBE_VALUES = [
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ?t=42",
    "youtube.com/shorts/dQw4w9WgXcQ",
    "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
    "https://www.youtube.com/embed/dQw4w9WgXcQ",
    "https://www.youtube.com/live/dQw4w9WgXcQ",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "dQw4w9WgXcQ",
    "https://www.youtube.com/channel/UCabc",
    "https://www.youtube.com/playlist?list=PL1",
    "https://youtu.be/short",
    "https://vimeo.com/123",
    "bukan video",
    "",
    "https://www.youtube.com/watch?v=dQw4w9WgXc",
    "https://www.youtube.com/@desa",
]


@pytest.mark.parametrize("value", YOUTUBE_VALUES)
def test_youtube_field_accepts_what_the_plugin_accepts(value):
    try:
        accepted = parse(value, allow_bare_id=True) is not None
    except InvalidVideo:
        accepted = False
    assert bool(re.match(YOUTUBE_PATTERN, value)) is accepted


def test_vendored_files_match_their_checksums(sample_site):
    sums = generator.expected_checksums()
    assert {"sveltia-cms.js", "LICENSE.txt"} <= set(sums)
    assert len([name for name in sums if name.endswith(".woff2")]) == 3
    for name, digest in sums.items():
        data = (Path(generator.VENDOR) / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name
        assert sample_site.path(f"admin/{name}").read_bytes() == data
    assert (Path(generator.VENDOR) / "VERSION").read_text().startswith("@sveltia/cms ")


def test_the_script_loads_nothing_from_a_cdn():
    script = (Path(generator.VENDOR) / generator.SCRIPT).read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in script
    for name in re.findall(r"fonts/[a-z0-9-]+\.woff2", script):
        assert (Path(generator.VENDOR) / name).is_file()


def test_a_changed_file_is_refused(monkeypatch, tmp_path, caplog):
    (tmp_path / generator.SCRIPT).write_text("alert(1)")
    (tmp_path / "SHA256SUMS").write_text("0" * 64 + "  sveltia-cms.js\n")
    monkeypatch.setattr(generator, "VENDOR", str(tmp_path))
    assert generator.verified_files() is None
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "checksum" in errors[0].getMessage()
    assert "invoke editor-update" in errors[0].getMessage()


def test_no_editor_when_its_folder_is_empty(tmp_path):
    from tests.sitetools import build_site

    site = build_site(tmp_path / "output", EDITOR_PATH="")
    assert not (site.output / "admin").exists()
    assert site.exists("")


def test_the_config_text_is_made_again_only_for_another_config(monkeypatch):
    """The live preview's rebuilds render the same config: its text is kept in the process."""
    from editor import generator

    dumps = []
    dump = generator.yaml.dump
    monkeypatch.setattr(generator.yaml, "dump", lambda *a, **k: dumps.append(1) or dump(*a, **k))
    monkeypatch.setattr(generator, "_rendered", ("", ""))
    first = generator.render_config({"collections": [{"name": "berita", "label": "Berita"}]})
    again = generator.render_config({"collections": [{"name": "berita", "label": "Berita"}]})
    assert again == first and len(dumps) == 1
    other = generator.render_config({"collections": [{"name": "berita", "label": "Kabar"}]})
    assert len(dumps) == 2 and "Kabar" in other and "Kabar" not in first


@pytest.mark.parametrize(
    "extra",
    [
        {},
        # Text that makes an emitter choose: quotes, a colon, a leading dash or star, a
        # number-like text, a long line, non-ASCII letters, a line break, an empty text.
        {
            "label": "Kabar: 'Desa' \"Maju\" #1",
            "hint": "- * 0012 " + "panjang " * 20,
            "nama": "Desa Tégal Ñusa — ꦗꦮ",
            "lines": "satu\ndua\n",
            "empty": "",
            "yes": "yes",
            "nested": [{"a": None, "b": True, "c": 1.5, "d": []}, {}],
        },
    ],
)
def test_the_config_text_is_the_one_pyyaml_itself_writes(config, extra):
    """config.yml is written with libyaml's emitter when PyYAML has it (6 times faster):
    for the sample's config, and values that make an emitter choose, the text is the one
    PyYAML's own emitter writes."""
    from editor import generator

    class Own(yaml.SafeDumper):  # PyYAML's own emitter: what the text must equal
        ignore_aliases = generator._Dumper.ignore_aliases

    shown = {**config, "extra": extra}
    fast = yaml.dump(
        shown, Dumper=generator._Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    own = yaml.dump(shown, Dumper=Own, allow_unicode=True, sort_keys=False, width=100)
    assert fast == own
    assert yaml.safe_load(fast) == shown


def test_the_config_is_written_with_libyaml_where_pyyaml_has_it():
    from editor import generator

    if yaml.__with_libyaml__:  # PyYAML's wheels carry it: the fast path is the one tested
        assert issubclass(generator._Dumper, yaml.CSafeDumper)
    else:  # a PyYAML built without it: its own emitter, as before
        assert generator._Dumper.__mro__[1] is yaml.SafeDumper


def test_each_form_speaks_of_its_own_type(config):
    """The title's hint said "Judul berita." on every form (a notice, an album)."""
    hints = {
        kind: next(f["hint"] for f in collection(config, kind)["fields"] if f["name"] == "judul")
        for kind in ("article", "page", "notice", "event", "album")
    }
    assert hints == {
        "article": "Judul berita.",
        "page": "Judul halaman.",
        "notice": "Judul pengumuman.",
        "event": "Judul agenda.",
        "album": "Judul album.",
    }


@pytest.mark.parametrize(
    "value",
    [
        "-6.9912, 111.8307",
        "0, 0",
        "90, 180",
        "-90.0, -180.00",
        " 1.5 ,  -2 ",
        "90.1, 0",
        "0, 180.5",
        "999, 999",
        "-6.9912 111.8307",
        "6,9912, 111,8307",
        "91, 10",
        "10, 181",
        "utara, timur",
    ],
)
def test_the_map_field_takes_what_the_reader_takes(value):
    """The form's pattern accepts exactly the coordinates the build reads (999, 999 passed
    the form and stopped the build)."""
    from editor.fields import COORDINATES_PATTERN
    from front_matter.values import BadValue, coordinates

    try:
        coordinates(value)
        read = True
    except BadValue:
        read = False
    assert bool(re.match(COORDINATES_PATTERN, value)) is read, value


# --- What the form saves, the build takes (an audit of the editor against the build) ---


def test_a_pages_slug_cannot_be_an_address_the_site_writes_itself(config, tmp_path):
    """`slug: profil` on a page (an obvious "Profil Desa") was saved and the build stopped
    (`sudah dipakai halaman profil situs`): the page form refuses the first segments of
    the site's own addresses and numbers alone (the home page's 2/), and still takes the
    reader's other slugs; an article's slug (under berita/yyyy/mm/) may be any of them."""
    page = next(f for f in collection(config, "page")["fields"] if f["name"] == "slug")
    article = next(f for f in collection(config, "article")["fields"] if f["name"] == "slug")
    refused = ["profil", "aparatur", "dokumen", "apbdes", "arsip", "agenda", "pengumuman"]
    refused += ["galeri", "desa", "kategori", "tag", "cari", "ikuti", "admin", "foto", "2"]
    for value in refused:
        assert not re.fullmatch(page["pattern"][0], value), value
        assert re.fullmatch(article["pattern"][0], value), value
    for value in ("profil-singkat", "sejarah", "tentang", "profilku", "2-tahun-bumdes"):
        assert re.fullmatch(page["pattern"][0], value), value
    assert "sudah dipakai halaman situs" in page["pattern"][1]
    # Each refused one is indeed taken: the build stops on it.
    for value in ("profil", "arsip"):
        content = tmp_path / value / "content"
        shutil.copytree(SAMPLE / "content", content)
        (content / "pages" / "baru.md").write_text(
            f"---\njudul: Halaman Baru\nslug: {value}\n---\nIsi.\n", encoding="utf-8"
        )
        errors, warnings = check(settings_path(), content)
        assert any("pages/baru.md" in line for line in problem_lines(errors, warnings)), value


def test_a_photo_of_an_album_needs_its_caption(config):
    """The build refuses an album photo with neither caption nor alt text; the form made
    both optional. The caption is required."""
    photos = next(f for f in collection(config, "album")["fields"] if f["name"] == "foto")
    fields = {f["name"]: f for f in photos["fields"]}
    assert fields["keterangan"]["required"] is True
    assert fields["alt"]["required"] is False


def test_the_category_is_required_where_the_build_requires_it(settings):
    """CATEGORIES fixed and DEFAULT_CATEGORY not among them: an article saved without a
    category stopped the build (`kategori belum diisi`)."""

    def kategori(**changes):
        made = editor_config({**settings, **changes}, ["Umum"])
        return next(f for f in made["collections"][0]["fields"] if f["name"] == "kategori")

    assert kategori(CATEGORIES=["Pemerintahan", "Pembangunan"])["required"] is True
    assert kategori(CATEGORIES=["Umum", "Pembangunan"])["required"] is False
    assert kategori(CATEGORIES=[])["required"] is False


@pytest.mark.parametrize(
    "key, value, accepted",
    [
        ("whatsapp", "0812-3456-7890", True),
        ("whatsapp", "0812-3456-7890 (Pak Sekdes)", False),
        ("telepon", "0356 123456", True),
        ("telepon", "Telp. 0356 123456", False),
        ("telepon", "+62 356 123456", True),
        ("email", "pemdes@binangun.desa.id", True),
        ("email", "pemdes.binangun@gmail", False),
    ],
)
def test_identity_contacts_take_what_the_build_takes(config, tmp_path, key, value, accepted):
    situs = next(c for c in config["collections"] if c["name"] == "situs")
    field = next(f for f in situs["files"][0]["fields"] if f["name"] == key)
    assert bool(re.fullmatch(field["pattern"][0], value)) is accepted
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "situs.yml").write_text(f"{key}: {value}\n", encoding="utf-8")
    errors, warnings = check(settings_path(), content)
    told = [line for line in problem_lines(errors, warnings) if "situs.yml" in line]
    assert (not told) is accepted, told


def test_the_body_hint_speaks_of_its_type_and_of_the_photos_alt_text(config):
    """ "Isi berita." was the hint of every form; a photo in the body without its alt text
    stops the build, which the form cannot enforce: the hint says so."""
    for kind, word in (("article", "berita"), ("page", "halaman"), ("album", "album")):
        body = next(f for f in collection(config, kind)["fields"] if f["name"] == "body")
        assert body["hint"].startswith(f"Isi {word}.")
        assert "teks pengganti" in body["hint"] and "build berhenti" in body["hint"]


def test_no_form_offers_the_translation_switch(config):
    """A translation has its original's slug; the editor refused to save a second file of
    that slug, and with another slug the build warned `translation without an original`:
    the switch could only lead to that warning."""
    names = {f["name"] for c in config["collections"] for f in c.get("fields", [])}
    assert "translation" not in names


def test_the_village_list_and_the_logo_take_what_the_build_takes(config):
    """desa.yml's slug, web address and postal code, and situs.yml's logo: free text or any
    picture was saved and the build refused it (`slug … tidak valid`, `situs … bukan alamat
    web`, `logo '…bmp' bukan berkas gambar`)."""
    registry = next(c for c in config["collections"] if c["name"] == "desa")
    fields = {f["name"]: f for f in registry["files"][0]["fields"][0]["fields"]}
    assert not re.fullmatch(fields["slug"]["pattern"][0], "Binangun Lama")
    assert re.fullmatch(fields["slug"]["pattern"][0], "binangun-lama")
    assert not re.fullmatch(fields["situs"]["pattern"][0], "binangun.desa.id")
    assert re.fullmatch(fields["situs"]["pattern"][0], "https://binangun.desa.id")
    assert re.fullmatch(fields["kode_pos"]["pattern"][0], "62361")
    assert not re.fullmatch(fields["kode_pos"]["pattern"][0], "6236")
    assert "harus sama" in fields["kode_pos"]["hint"]
    situs = next(c for c in config["collections"] if c["name"] == "situs")
    logo = next(f for f in situs["files"][0]["fields"] if f["name"] == "logo")
    assert "image/bmp" not in logo["accept"] and "image/png" in logo["accept"]


def test_switches_and_the_status_speak_of_the_form_not_of_yaml(config):
    """The hints said "true: …" and "Ganti menjadi published" while the form shows a
    switch and "Terbit (published)"."""
    for kind in ("article", "notice", "page"):
        for field in collection(config, kind)["fields"]:
            hint = field.get("hint", "")
            assert not hint.startswith("true:"), (kind, field["name"], hint)
            assert "menjadi published" not in hint, (kind, field["name"], hint)
    lampiran = next(f for f in collection(config, "notice")["fields"] if f["name"] == "lampiran")
    assert "tulis namanya" not in lampiran["hint"] and "Pilih berkas" in lampiran["hint"]
