"""content/desa.yml: what an entry may say, and the message for each mistake."""

import textwrap

import pytest

from villages.registry import load_registry


def load(tmp_path, text):
    path = tmp_path / "desa.yml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_registry(path)


def messages(registry):
    return [str(error) for error in registry.errors]


def only_error(registry):
    assert len(registry.errors) == 1, messages(registry)
    return str(registry.errors[0])


def test_sample_registry_fills_everything_from_official_data(tmp_path):
    registry = load(
        tmp_path,
        """
        - kode: 35.23.07.2005          # Binangun
          situs: https://binangun-singgahan.desa.id
        - nama: Saringembat
          kecamatan: Singgahan
        - nama: Bengkel
          kabupaten: Tabanan
        """,
    )
    assert registry.errors == []
    by_code = {entry.official.code: entry for entry in registry.entries}
    assert sorted(by_code) == ["35.23.07.2005", "35.23.07.2011", "51.02.06.2001"]
    binangun = by_code["35.23.07.2005"]
    assert (binangun.official.name, binangun.official.type, binangun.official.postal_code) == (
        "Binangun",
        "desa",
        "62361",
    )
    assert binangun.situs == "https://binangun-singgahan.desa.id"
    assert [e.slug for e in registry.entries] == ["binangun", "saringembat", "bengkel"]
    assert [e.line for e in registry.entries] == [1, 3, 5]


def test_optional_fields(tmp_path):
    registry = load(
        tmp_path,
        """
        - kode: "35.23.07.2005"
          nama: Desa Binangun
          tipe: desa
          kecamatan: Kec. Singgahan
          kabupaten: Kabupaten Tuban
          provinsi: Jawa Timur
          kode_pos: "62361"
          slug: binangun-tuban
          alamat: Jl. Raya Binangun No. 1
          lat: -7.0312
          lon: 111.7941
          deskripsi: Desa di lereng Pegunungan Kapur Utara.
        """,
    )
    assert registry.errors == []
    entry = registry.entries[0]
    assert (entry.slug, entry.alamat, entry.lat, entry.lon) == (
        "binangun-tuban",
        "Jl. Raya Binangun No. 1",
        -7.0312,
        111.7941,
    )
    assert entry.deskripsi.startswith("Desa di lereng")


def test_unquoted_region_code_stays_text(tmp_path):
    # YAML would read 62.10 as the number 62.1 (Kabupaten Barito Selatan is 62.01 ...).
    registry = load(
        tmp_path,
        """
        - nama: Sepang Kota
          kabupaten: 62.10
        """,
    )
    assert registry.errors == []
    assert registry.entries[0].official.code == "62.10.01.2002"


def test_unquoted_region_code_where_a_village_code_belongs(tmp_path):
    message = only_error(
        load(
            tmp_path,
            """
        - kode: 62.10
        """,
        )
    )
    assert "desa.yml:1:" in message
    assert "kode '62.10' adalah Kab. Gunung Mas, Kalimantan Tengah, bukan desa/kelurahan" in message


def test_entry_without_kode_or_nama(tmp_path):
    message = only_error(
        load(
            tmp_path,
            """
        - kode: 35.23.07.2005
        - kecamatan: Singgahan
          situs: https://contoh.desa.id
        """,
        )
    )
    assert "desa.yml:2: entri desa tanpa kode dan tanpa nama" in message
    assert "kode: 35.23.07.2005" in message


def test_contradicting_kecamatan(tmp_path):
    message = only_error(
        load(
            tmp_path,
            """
        - kode: 35.23.07.2005
          kecamatan: Montong
        """,
        )
    )
    assert "desa.yml:2: kecamatan 'Montong' tidak sesuai" in message
    assert "Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur ada di Kec. Singgahan" in message


def test_contradicting_name_type_and_postal_code(tmp_path):
    registry = load(
        tmp_path,
        """
        - kode: 35.23.07.2005
          nama: Saringembat
          tipe: kelurahan
          kode_pos: "62300"
        """,
    )
    text = "\n".join(messages(registry))
    assert "desa.yml:2: nama 'Saringembat' tidak sesuai kode 35.23.07.2005" in text
    assert "desa.yml:3: tipe 'kelurahan' tidak sesuai" in text
    assert "desa.yml:4: kode pos '62300' tidak sesuai" in text and "62361" in text
    assert registry.entries == []


def test_duplicate_entries_and_slugs(tmp_path):
    registry = load(
        tmp_path,
        """
        - kode: 35.23.07.2005
          slug: desa-kami
        - nama: Binangun
          kecamatan: Singgahan
        - nama: Saringembat
          kecamatan: Singgahan
          slug: desa-kami
        """,
    )
    text = "\n".join(messages(registry))
    assert (
        "desa.yml:3: Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur (35.23.07.2005) "
        "sudah terdaftar di baris 1 (duplicate entry)" in text
    )
    assert "desa.yml:5: slug 'desa-kami' sudah dipakai entri di baris 1" in text
    assert len(registry.errors) == 2


def test_ambiguous_name_lists_candidates(tmp_path):
    message = only_error(
        load(
            tmp_path,
            """
        - nama: Binangun
          provinsi: Jawa Timur
        """,
        )
    )
    assert "desa.yml:1: nama desa 'Binangun' tidak unik di Jawa Timur: ada 2" in message
    assert "35.05.16.2004 (Desa Binangun, Kec. Binangun, Kab. Blitar, Jawa Timur)" in message
    assert "35.23.07.2005 (Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur)" in message


def test_misspelt_name_and_kecamatan(tmp_path):
    registry = load(
        tmp_path,
        """
        - nama: Saringembt
          kecamatan: Singgahan
        - nama: Bengkel
          kecamatan: Kedirri
          kabupaten: Tabanan
        """,
    )
    text = "\n".join(messages(registry))
    assert "desa.yml:1: desa 'Saringembt' tidak ditemukan di Singgahan" in text
    assert "35.23.07.2011 (Desa Saringembat, Kec. Singgahan, Kab. Tuban, Jawa Timur)" in text
    assert "desa.yml:4: kecamatan 'Kedirri' tidak ditemukan" in text
    assert "51.02.06 (Kec. Kediri, Kab. Tabanan, Bali)" in text


def test_unknown_key_and_bad_values(tmp_path):
    registry = load(
        tmp_path,
        """
        - kode: 35.23.07.2005
          kecamatn: Singgahan
        - kode: 35.23.07.2011
          situs: binangun.desa.id
          slug: Desa Kami
          lat: 111.8
          lon: -7.03
        - kode: 51.02.06.2001
          lat: -8.6
        """,
    )
    text = "\n".join(messages(registry))
    assert (
        "desa.yml:2: kunci 'kecamatn' tidak dikenal (unknown key) — maksud Anda 'kecamatan'?"
    ) in text
    assert "desa.yml:4: situs 'binangun.desa.id' bukan alamat web" in text
    assert "desa.yml:5: slug 'Desa Kami' tidak valid" in text
    assert "desa.yml:6: lat '111.8' tidak valid untuk wilayah Indonesia" in text
    assert "desa.yml:7: lon '-7.03' tidak valid" in text
    assert "desa.yml:9: 'lat' ditulis tanpa 'lon'" in text
    assert len(registry.errors) == 6


def test_bad_yaml_names_the_line(tmp_path):
    registry = load(
        tmp_path,
        """
        - kode: 35.23.07.2005
        - nama: Saringembat
           kecamatan: Singgahan
        """,
    )
    message = only_error(registry)
    assert "desa.yml:3: YAML tidak valid" in message
    assert not registry.readable


def test_not_a_list(tmp_path):
    message = only_error(
        load(
            tmp_path,
            """
        kode: 35.23.07.2005
        """,
        )
    )
    assert "desa.yml:1: desa.yml harus berupa daftar desa" in message


def test_entry_must_be_a_mapping(tmp_path):
    message = only_error(
        load(
            tmp_path,
            """
        - kode: 35.23.07.2005
        - Saringembat
        """,
        )
    )
    assert "desa.yml:2: entri desa harus berisi baris 'kunci: nilai'" in message


def test_missing_and_empty_files(tmp_path):
    assert load_registry(tmp_path / "desa.yml").entries == []
    empty = load(tmp_path, "# belum ada desa\n")
    assert (empty.entries, empty.errors, empty.exists) == ([], [], True)
    # Not an error (the site works as without desa.yml), but the operator hears of it.
    assert empty.complete
    assert [str(w).split("desa.yml", 1)[1] for w in empty.warnings] == [
        ":1: desa.yml kosong: tidak ada desa yang terdaftar (empty village list) — tulis "
        "desa yang diliput situs, satu entri per desa, misalnya  - kode: 35.23.07.2005  "
        "(lihat README, bagian Desa yang diliput), atau hapus berkasnya"
    ]
    assert load(tmp_path, "- kode: 35.23.07.2005\n").warnings == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("- kode: 35.23.07.2099\n", ["desa.yml:1:", "'35.23.07.2099' tidak ada dalam data resmi"]),
        ("- kode: 35.23.07.20\n", ["desa.yml:1:", "kode desa '35.23.07.20' tidak valid"]),
        ("- kode: 35.23.07.2005\n  situs:\n", ["desa.yml:2:", "'situs' tidak berisi nilai"]),
        (
            "- kode: 35.23.07.2005\n  kode: 35.23.07.2011\n",
            ["desa.yml:2:", "ditulis dua kali dalam satu desa", "setiap desa diawali tanda `- `"],
        ),
        ("- nama: 35.23.07.2005\n", ["desa.yml:1:", "'nama' berisi kode"]),
    ],
)
def test_other_mistakes(tmp_path, text, words):
    path = tmp_path / "desa.yml"
    path.write_text(text, encoding="utf-8")
    message = only_error(load_registry(path))
    for word in words:
        assert word in message


def test_a_name_spelt_right_in_the_wrong_kecamatan_names_where_it_is(tmp_path):
    """ "periksa ejaannya" sent the operator to a spelling that was right: the village is in
    another kecamatan, and the message says which."""
    message = only_error(load(tmp_path, "- nama: Guwoterus\n  kecamatan: Singgahan\n"))
    assert "desa.yml:1: desa 'Guwoterus' tidak ada di Singgahan, tetapi ada di tempat lain" in (
        message
    )
    assert message.endswith(
        "periksa kecamatan/kabupatennya, atau tulis kodenya: 35.23.10.2001 (Desa Guwoterus, "
        "Kec. Montong, Kab. Tuban, Jawa Timur)"
    )
    assert "periksa ejaannya" not in message
    # A misspelling in the right kecamatan still gets "maksud Anda".
    typo = only_error(load(tmp_path, "- nama: Guwoteruss\n  kecamatan: Montong\n"))
    assert "tidak ditemukan di Montong" in typo and "mungkin maksud Anda: 35.23.10.2001" in typo


@pytest.mark.parametrize(
    "slug, known, hint",
    [
        ("Binangun", {"binangun"}, "nama folder harus huruf kecil: ganti namanya menjadi binangun"),
        (
            "binangn",
            {"binangun"},
            "maksud Anda 'binangun'? nama folder harus slug desa dari desa.yml",
        ),
        (
            "lajo-kidul",
            {"binangun"},
            "nama folder harus slug desa dari desa.yml: binangun; bila ini Desa Lajo Kidul, "
            "Kec. Singgahan, Kab. Tuban, Jawa Timur, tambahkan dulu desanya ke "
            "content/desa.yml:  - kode: 35.23.07.2001",
        ),
        (
            "zzz",
            {f"desa-{n:02d}" for n in range(300)},  # a kabupaten's portal: not 300 names
            "nama folder harus slug desa dari desa.yml: desa-00, desa-01, desa-02, desa-03, "
            "desa-04, desa-05, desa-06, desa-07 (dan 292 lainnya)",
        ),
    ],
)
def test_an_unknown_village_folder_gets_the_likeliest_fix(slug, known, hint):
    from villages.folders import unknown_folder

    error = unknown_folder(f"content/data/desa/{slug}", slug, known)
    assert error.message == f"folder desa '{slug}' tidak ada di desa.yml (unknown village folder)"
    assert error.hint == hint


def twin_villages(tmp_path, text):
    """desa.yml's villages by slug, as the village_data and apbdes plugins pass them."""
    from villages.model import Village
    from villages.registry import load_registry

    path = tmp_path / "desa.yml"
    path.write_text(text, encoding="utf-8")
    registry = load_registry(path)
    assert registry.errors == []
    return registry, {
        entry.slug: Village(entry.official, [None, None, None], {}, entry)
        for entry in registry.entries
    }


@pytest.mark.parametrize(
    "folder, hint",
    [
        (
            "35.23.07.2005",
            "nama folder adalah slug desa, bukan kodenya: ganti namanya menjadi binangun-singgahan",
        ),
        (
            "3505162004",
            "nama folder adalah slug desa, bukan kodenya: ganti namanya menjadi binangun-binangun",
        ),
        (
            "binangun",
            "maksud Anda binangun-binangun atau binangun-singgahan? nama folder harus slug desa "
            "dari desa.yml",
        ),
    ],
)
def test_a_data_folder_named_by_a_code_or_a_shared_name_is_told_its_slug(tmp_path, folder, hint):
    from villages.folders import unknown_folder

    _registry, villages = twin_villages(tmp_path, "- kode: 35.23.07.2005\n- kode: 35.05.16.2004\n")
    assert unknown_folder(f"content/data/desa/{folder}", folder, villages).hint == hint


def test_a_data_folder_of_the_address_before_the_namesake_left_is_explained(tmp_path):
    from villages.folders import unknown_folder

    _registry, villages = twin_villages(tmp_path, "- kode: 35.23.07.2005\n")
    assert unknown_folder(
        "content/data/desa/binangun-singgahan", "binangun-singgahan", villages
    ).hint == (
        "desa itu kini beralamat desa/binangun/ (tidak ada lagi desa lain bernama Binangun di "
        "desa.yml): ganti nama folder menjadi binangun, atau tulis  slug: binangun-singgahan  "
        "di entrinya di desa.yml agar alamat halaman dan feed-nya tetap"
    )


def test_two_villages_of_one_name_are_told_to_write_their_addresses_down(tmp_path):
    """An automatic address that another entry's name made longer moves when that entry
    leaves: a warning at each such entry until its `slug:` is written; none once it is."""
    registry, _ = twin_villages(
        tmp_path,
        "- kode: 35.23.07.2005\n- nama: Saringembat\n  kecamatan: Singgahan\n- kode: 35.05.16.2004\n",
    )
    assert [(w.line, w.severity) for w in registry.warnings] == [(1, "warning"), (4, "warning")]
    assert registry.warnings[0].message == (
        "ada desa lain bernama Binangun di desa.yml (baris 4), jadi alamat desa ini "
        "desa/binangun-singgahan/, bukan desa/binangun/; alamat itu pindah bila daftar desa "
        "berubah (automatic address)"
    )
    assert registry.warnings[0].hint.startswith("tulis  slug: binangun-singgahan  di entri ini")
    pinned, _ = twin_villages(
        tmp_path,
        "- kode: 35.23.07.2005\n  slug: binangun\n- kode: 35.05.16.2004\n  slug: binangun-blitar\n",
    )
    assert pinned.warnings == []
    assert [entry.slug for entry in pinned.entries] == ["binangun", "binangun-blitar"]


def test_a_data_folder_of_the_longer_address_of_a_written_slug_is_told_that_slug(tmp_path):
    from villages.folders import unknown_folder

    _registry, villages = twin_villages(
        tmp_path,
        "- kode: 35.23.07.2005\n  slug: binangun\n- kode: 35.05.16.2004\n  slug: binangun-blitar\n",
    )
    assert unknown_folder("x", "binangun-singgahan", villages).hint == (
        "slug desa Binangun itu di desa.yml: binangun; ganti nama folder menjadi binangun"
    )
