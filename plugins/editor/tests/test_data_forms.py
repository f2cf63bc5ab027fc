"""The forms of the village data files (editor/data_files.py): their keys are the readers',
and what they save is what the build takes."""

import re
import shutil

import pytest
import yaml

from editor.config import editor_config
from editor.data_files import DATE_PATTERN, TERM_PATTERN, YEAR_PATTERN
from tests.sitetools import SAMPLE, build_site, settings_path, text_of
from village_data import aparatur, dokumen
from village_data.common import HEADER_KEYS, YES
from village_data.yamldata import DataReader
from wartadesa.build import load_settings, problem_lines
from wartadesa.check import check


@pytest.fixture(scope="module")
def forms(sample_site):
    """{file name: form} of the data collection the sample build published."""
    config = yaml.safe_load(sample_site.text("admin/config.yml"))
    data = next(c for c in config["collections"] if c["name"] == "data_desa")
    return {form["name"]: form for form in data["files"]}


def fields_of(form):
    return {field["name"]: field for field in form["fields"]}


def test_the_own_files_and_each_village_folders_files_have_forms(forms):
    # The sample is a portal naming no village of its own: officials in content/data/ would
    # be no village's (the build warns), so only its documents have a form there.
    assert "aparatur" not in forms
    assert forms["dokumen"]["file"] == "content/data/dokumen.yml"
    # The sample portal keeps Binangun's officials in data/desa/binangun/: its forms are
    # named by the village, its dokumen.yml (not there yet) made on the first save.
    assert forms["aparatur-binangun"]["file"] == "content/data/desa/binangun/aparatur.yml"
    assert forms["aparatur-binangun"]["label"] == "Aparatur desa dan BPD: Desa Binangun"
    assert forms["dokumen-binangun"]["file"] == "content/data/desa/binangun/dokumen.yml"
    assert not any(name.startswith(("profil", "idm")) for name in forms)


def test_every_village_folder_of_a_portal_gets_its_forms(tmp_path):
    """The folder of a village of desa.yml has the two forms whatever it holds (APBDes
    only, IDM only); a file beside the folders has none."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    villages = content / "data" / "desa"
    (villages / "saringembat" / "apbdes").mkdir(parents=True)
    shutil.move(villages / "binangun" / "aparatur.yml", tmp_path / "aparatur.yml")  # idm.yml left
    (villages / "catatan.txt").write_text("bukan folder desa\n", encoding="utf-8")
    settings = {**load_settings(settings_path()), "PATH": str(content)}
    data = next(c for c in editor_config(settings)["collections"] if c["name"] == "data_desa")
    files = {form["name"]: form for form in data["files"]}
    assert sorted(files) == [
        "aparatur-binangun",
        "aparatur-saringembat",
        "dokumen",
        "dokumen-binangun",
        "dokumen-saringembat",
    ]
    assert files["aparatur-saringembat"]["label"] == "Aparatur desa dan BPD: Desa Saringembat"
    assert files["aparatur-saringembat"]["file"] == ("content/data/desa/saringembat/aparatur.yml")


def test_a_yaml_file_keeps_its_name(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "data" / "dokumen.yml").rename(content / "data" / "dokumen.yaml")
    settings = {**load_settings(settings_path()), "PATH": str(content)}
    config = editor_config(settings)
    data = next(c for c in config["collections"] if c["name"] == "data_desa")
    files = {form["name"]: form["file"] for form in data["files"]}
    assert files["dokumen"] == "content/data/dokumen.yaml"


def data_forms(settings):
    data = [c for c in editor_config(settings)["collections"] if c["name"] == "data_desa"]
    return [form["name"] for form in data[0]["files"]] if data else []


def test_a_site_naming_its_village_has_its_own_officials_form():
    settings = load_settings(settings_path())
    own = {**settings, "SITE_PLACE": {"kode": "35.23.07.2005"}}
    assert data_forms(own)[:2] == ["aparatur", "dokumen"]
    assert "aparatur" not in data_forms(settings)


def test_no_form_for_data_no_page_shows():
    settings = load_settings(settings_path())
    without_plugin = [p for p in settings["PLUGINS"] if "village_data" not in str(p)]
    assert data_forms({**settings, "PLUGINS": without_plugin}) == []
    pages = {**settings["VILLAGE_DATA_PAGES"], "aparatur": ""}
    assert not any(
        name.startswith("aparatur")
        for name in data_forms({**settings, "VILLAGE_DATA_PAGES": pages})
    )


def test_the_officials_form_has_the_readers_keys(forms):
    fields = fields_of(forms["aparatur-binangun"])
    assert list(fields) == [*HEADER_KEYS, *(key for key, _heading in aparatur.GROUPS)]
    for key, heading in aparatur.GROUPS:
        group = fields[key]
        assert group["widget"] == "list" and group["label"] == heading
        entry = fields_of(group)
        assert list(entry) == list(aparatur.KEYS)
        assert {k for k, f in entry.items() if f["required"]} == {"nama", "jabatan"}
        assert entry["foto"]["widget"] == "image"
        assert set(entry["foto"]["accept"].split(",")) == {"image/jpeg", "image/png", "image/webp"}
    # `contoh`: the words the reader takes, for either answer (the kit's files write `ya`)
    contoh = fields["contoh"]
    assert contoh["widget"] == "select"
    assert contoh["required"]  # an unlisted value (`contoh: Ya`) is chosen again, not dropped
    assert {o["value"] for o in contoh["options"]} <= set(YES)
    assert {YES[o["value"]] for o in contoh["options"]} == {True, False}


def test_the_documents_form_has_the_readers_keys_and_choices(forms):
    fields = fields_of(forms["dokumen"])
    assert list(fields) == [*HEADER_KEYS, "dokumen"]
    entry = fields_of(fields["dokumen"])
    assert list(entry) == list(dokumen.KEYS)
    assert {k for k, f in entry.items() if f["required"]} == set(dokumen.REQUIRED)
    assert [o["value"] for o in entry["jenis"]["options"]] == [n for n, _h in dokumen.TYPES]
    assert {o["value"] for o in entry["klasifikasi"]["options"]} == set(dokumen.CLASSES.values())
    assert set(entry["berkas"]["accept"].split(",")) == set(dokumen.FILE_TYPES)
    assert entry["berkas"]["media_folder"] == "/content/files"


@pytest.mark.parametrize(
    "value",
    [
        "2019-2025",
        "2019 - 2025",
        "2019–2025",
        "sejak 2021",
        "Sejak 2021",
        "2021",
        "2021 s.d. 2027",
        "2021 sd sekarang",
        "2021 sampai Sekarang",
        "2019 sampai dengan 2025",
        "periode 2019-2025",
        "2019/2025",
        "19-25",
        "sejak",
        "2021-kini",
    ],
)
def test_the_term_field_takes_what_the_reader_takes(value):
    assert bool(re.fullmatch(TERM_PATTERN, value)) is bool(aparatur.TERM.match(value.strip()))


def written(values):
    """A data file as the editor writes it: YAML of the form's values, no comments."""
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False)


def test_what_the_forms_save_builds(tmp_path_factory):
    content = tmp_path_factory.mktemp("data-forms") / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "files" / "perdes-3-2025.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    # The sample is a portal: its officials are a village's (the site's own data folder would
    # be told to say whose they are).
    (content / "data" / "desa" / "binangun" / "aparatur.yml").write_text(
        written(
            {
                "contoh": "tidak",
                "sumber": "SK Kepala Desa Nomor 7 Tahun 2025",
                "pemerintah_desa": [
                    {"nama": "Siti Aminah", "jabatan": "Kepala Desa", "masa_jabatan": "2021-2027"},
                    {"nama": "Joko Purnomo", "jabatan": "Sekretaris Desa"},
                ],
                "bpd": [{"nama": "Sri Lestari", "jabatan": "Ketua BPD"}],
            }
        ),
        encoding="utf-8",
    )
    (content / "data" / "dokumen.yml").write_text(
        written(
            {
                "contoh": "tidak",
                "dokumen": [
                    {
                        "judul": "Peraturan Desa tentang RPJMDes",
                        "jenis": "Perdes",
                        "nomor": "3",
                        "tahun": 2025,
                        "tanggal": "2025-03-14",
                        "berkas": "files/perdes-3-2025.pdf",
                        "klasifikasi": "setiap saat",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    errors, warnings = check(settings_path(), content)
    assert problem_lines(errors, warnings) == []
    built = build_site(tmp_path_factory.mktemp("data-forms-built") / "output", content=content)
    officials = text_of(built.html("desa/binangun/aparatur/").find("main"))
    assert "Siti Aminah" in officials and "2021–2027" in officials and "Sri Lestari" in officials
    assert "contoh" not in officials.lower()
    documents = built.html("dokumen/")
    link = documents.find("a", href=re.compile(r"perdes-3-2025\.pdf$"))
    assert link is not None and "RPJMDes" in text_of(documents.find("main"))


def test_a_term_the_form_refuses_is_one_the_build_refuses(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    term = "2019 sampai dengan 2025"
    assert not re.fullmatch(TERM_PATTERN, term)
    (content / "data" / "aparatur.yml").write_text(
        written({"pemerintah_desa": [{"nama": "A", "jabatan": "B", "masa_jabatan": term}]}),
        encoding="utf-8",
    )
    errors, _warnings = check(settings_path(), content)
    assert any("aparatur.yml:4" in line and "masa_jabatan" in line for line in errors), errors


def read_by_the_reader(folder, key, value, read):
    """Whether village_data's reader takes `value` of `key` (`read`: a DataReader method)."""
    path = folder / "dokumen.yml"
    path.write_text(f"{key}: '{value}'\n", encoding="utf-8")
    reader = DataReader(path)
    (_key, node), *_ = reader.load().value
    return read(reader, node, key) is not None and not reader.errors


@pytest.mark.parametrize("value", ["1944", "1945", "2025", "2100", "2101", "25", "2.025", "20255"])
def test_the_year_field_takes_the_years_the_reader_takes(value, tmp_path):
    taken = read_by_the_reader(tmp_path, "tahun", value, DataReader.year)
    form = bool(re.fullmatch(YEAR_PATTERN, value))
    # The form asks for four digits; the reader also reads "2.025" (Indonesian thousands).
    assert form is taken if value.isdigit() else not form


@pytest.mark.parametrize(
    "value, common",
    [
        ("2024-12-20", True),
        ("20-12-2024", True),
        ("20/12/2024", True),
        ("20.12.2024", True),
        ("20 Desember 2024", True),
        ("Jumat, 20 Desember 2024", True),
        ("jumat 20 desember 2024", True),
        ("20 Des 2024", True),
        ("20 Nopember 2024", True),
        ("Desember 2024", False),
        ("20-12-24", False),
        ("20 Desembr 2024", False),
        ("2024-12-20 09:00", False),  # the reader takes a time too; the form asks for a day
        ("20-12/2024", False),
    ],
)
def test_the_date_field_takes_what_the_reader_takes(value, common, tmp_path):
    """Whatever the form takes, the reader reads as a date; the usual ways are taken."""
    taken = read_by_the_reader(tmp_path, "tanggal", value, DataReader.date)
    form = bool(re.fullmatch(DATE_PATTERN, value))
    assert form is common
    assert taken or not form


def test_two_villages_of_one_name_are_told_apart_and_a_folder_outside_desa_yml_has_no_form(
    tmp_path,
):
    """Two Binangun in desa.yml: their forms name their kecamatan (Singgahan, Binangun in
    the official register), as the site does. A folder of a village not in desa.yml, which
    the build refuses, gets no form (it used to, when it held a data file)."""
    content = tmp_path / "content"
    shutil.copytree(SAMPLE / "content", content)
    (content / "desa.yml").write_text(
        "- kode: 35.23.07.2005\n  slug: binangun\n- kode: 35.05.16.2004\n  slug: binangun-blitar\n",
        encoding="utf-8",
    )
    villages = content / "data" / "desa"
    (villages / "binangun-blitar").mkdir(parents=True)
    (villages / "saringembat").mkdir(exist_ok=True)
    (villages / "saringembat" / "idm.yml").write_text("data: []\n", encoding="utf-8")
    settings = {**load_settings(settings_path()), "PATH": str(content)}
    data = next(c for c in editor_config(settings)["collections"] if c["name"] == "data_desa")
    labels = {form["name"]: form["label"] for form in data["files"]}
    assert labels["aparatur-binangun"] == "Aparatur desa dan BPD: Desa Binangun, Kec. Singgahan"
    assert labels["aparatur-binangun-blitar"] == (
        "Aparatur desa dan BPD: Desa Binangun, Kec. Binangun"
    )
    assert not any("saringembat" in name for name in labels)
