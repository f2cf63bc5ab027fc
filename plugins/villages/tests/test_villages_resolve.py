"""Resolving what operators write (slug, name, code) to official villages and regions."""

import textwrap

import pytest

from villages.registry import load_registry
from villages.resolve import Resolver, Unresolved, resolve_region


def registry_file(tmp_path, text):
    path = tmp_path / "desa.yml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_registry(path)


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    """The sample registry plus Binangun of Blitar (two Binangun villages)."""
    registry = registry_file(
        tmp_path_factory.mktemp("registry"),
        """
        - kode: 35.23.07.2005
          situs: https://binangun-singgahan.desa.id
        - nama: Saringembat
          kecamatan: Singgahan
        - nama: Bengkel
          kabupaten: Tabanan
        - kode: 35.05.16.2004
        - nama: Tingkis
          kecamatan: Singgahan
          slug: tingkis-tuban
        """,
    )
    assert registry.errors == []
    return Resolver(registry.entries, registry.broken_keys)


def problem(function, value):
    with pytest.raises(Unresolved) as caught:
        function(value)
    return f"{caught.value.message} — {caught.value.hint}"


@pytest.mark.parametrize(
    "value, code",
    [
        ("binangun-singgahan", "35.23.07.2005"),  # automatic slug (two Binangun)
        ("binangun-binangun", "35.05.16.2004"),
        ("tingkis-tuban", "35.23.07.2009"),  # slug written in the registry
        ("saringembat", "35.23.07.2011"),
        ("Saringembat", "35.23.07.2011"),  # name
        ("SARINGEMBAT", "35.23.07.2011"),
        ("Désa Sáringembat", "35.23.07.2011"),  # accents and the "Desa" prefix
        ("Bengkel", "51.02.06.2001"),  # 4 in the country, 1 in the registry
        ("35.23.07.2011", "35.23.07.2011"),  # code
        ("3523072011", "35.23.07.2011"),  # code without dots
        ("Lajo Kidul", "35.23.07.2001"),  # not in the registry, unique in the country
        ("Sidomulyo, Kec. Binjai", "12.05.05.2005"),  # a shared name with its kecamatan
        ("Binangun, Singgahan", "35.23.07.2005"),
    ],
)
def test_village_values(resolver, value, code):
    assert resolver.village(value).code == code


def test_name_shared_by_two_registry_villages_asks_for_the_slug(resolver):
    text = problem(resolver.village, "Binangun")
    assert "'Binangun' tidak unik di content/desa.yml" in text
    assert (
        "binangun-singgahan = 35.23.07.2005 (Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur)"
    ) in text
    assert (
        "binangun-binangun = 35.05.16.2004 (Desa Binangun, Kec. Binangun, Kab. Blitar, Jawa Timur)"
    ) in text
    # The village already published at desa/binangun/ can keep its address and feeds.
    assert text.endswith(
        "Dengan dua desa bernama sama, tidak ada yang beralamat desa/binangun/: bila salah "
        "satunya sudah terbit di alamat itu (feed-nya diikuti warga), tulis  slug: binangun  di "
        "entrinya di desa.yml agar alamatnya tetap"
    )


def test_name_shared_in_the_country(resolver):
    text = problem(resolver.village, "Sidomulyo")
    assert "'Sidomulyo' tidak unik: ada 98 desa/kelurahan bernama Sidomulyo" in text
    # three candidates with code and full path, the ones nearest the registry (Jawa Timur)
    # first: short, as it may be repeated for every article naming the village
    assert text.count("(Desa Sidomulyo, Kec.") + text.count("(Kelurahan Sidomulyo, Kec.") == 3
    assert "dan 95 lainnya" in text
    assert ", Jawa Timur)" in text.split("yang paling dekat:")[1].split(";")[0]


@pytest.mark.parametrize(
    "value, region, elsewhere",
    [
        # Kecamatan of Kab. Tuban, whose only villages of that name are in other provinces.
        ("Kerek", "Kec. Kerek, Kab. Tuban, Jawa Timur (35.23.08)", "35.21.09.2012 (Desa Kerek,"),
        ("Jatirogo", "Kec. Jatirogo, Kab. Tuban, Jawa Timur (35.23.02)", "(Desa Jatirogo,"),
        # ... and one whose name four villages elsewhere share: not "ambiguous" either.
        ("Singgahan", "Kec. Singgahan, Kab. Tuban, Jawa Timur (35.23.07)", "(Desa Singgahan,"),
        ("Tuban", "Kab. Tuban, Jawa Timur (35.23)", "(Desa Tuban,"),
    ],
)
def test_a_region_of_the_site_written_as_a_village_is_told_to_be_a_region(
    resolver, value, region, elsewhere
):
    """`desa: Kerek` on a site of Kab. Tuban meant Kec. Kerek: it tagged Desa Kerek of Kab.
    Ngawi without a word (a village page in another province, on the portal's list)."""
    text = problem(resolver.village, value)
    assert text.startswith(f"'{value}' adalah {region} di wilayah situs ini, bukan desa di")
    short = region.split(",")[0]
    assert f"ditulis di wilayah:, misalnya  wilayah: {short}  ;" in text
    assert f"bila yang dimaksud memang desa bernama {value} di tempat lain, tulis kodenya: " in text
    assert elsewhere in text
    # Written with its kecamatan, or as a code, the village elsewhere is still taken;
    # without desa.yml nothing is the site's area.
    assert resolver.village("Kerek, Kec. Ngawi").code == "35.21.09.2012"
    assert resolver.village("35.21.09.2012").name == "Kerek"
    assert Resolver().village("Kerek").code == "35.21.09.2012"


def test_misspelt_village_suggests_the_closest_with_codes(resolver):
    text = problem(resolver.village, "Saringembt")
    assert "desa 'Saringembt' tidak ditemukan" in text
    assert "35.23.07.2011 (Desa Saringembat, Kec. Singgahan, Kab. Tuban, Jawa Timur)" in text


def test_misspelt_slug_suggests_the_registry_slug(resolver):
    text = problem(resolver.village, "binangun-singahan")
    assert "binangun-singgahan = 35.23.07.2005" in text


@pytest.mark.parametrize(
    "value, words",
    [
        (
            "Kec. Singgahan",
            [
                "desa 'Kec. Singgahan' tidak ditemukan",
                "Kec. Singgahan, Kab. Tuban, Jawa Timur (35.23.07)",
                "region:",
            ],
        ),
        ("35.23.07", ["kode '35.23.07' adalah Kec. Singgahan, Kab. Tuban, Jawa Timur", "region:"]),
        (
            "35.23.07.2099",
            ["'35.23.07.2099' tidak ada dalam data resmi", "35.23.07.2012 (Desa Kedungjambe"],
        ),
        ("35.23.7", ["kode desa '35.23.7' tidak valid", "PP.KK.CC.DDDD"]),
    ],
)
def test_bad_village_codes(resolver, value, words):
    text = problem(resolver.village, value)
    for word in words:
        assert word in text


@pytest.mark.parametrize(
    "value, code",
    [
        ("Kabupaten Gunung Mas", "62.10"),
        ("Gunung Mas", "62.10"),
        ("Kab. Gunung Mas", "62.10"),
        ("kab gunung mas", "62.10"),
        ("62.10", "62.10"),
        ("6210", "62.10"),
        ("Kalimantan Selatan", "63"),
        ("Provinsi Kalimantan Selatan", "63"),
        ("63", "63"),
        ("Kec. Singgahan", "35.23.07"),
        ("Kecamatan Singgahan", "35.23.07"),
        ("Singgahan", "35.23.07"),
        ("Tuban", "35.23"),  # the kabupaten: the largest region of that name
        ("Kec. Tuban", "35.23.16"),
        ("Kota Bogor", "32.71"),
        ("Kabupaten Bogor", "32.01"),
        ("Kota Bangun", "64.02.08"),  # a kecamatan whose name begins with "Kota"
        ("DKI Jakarta", "31"),
        ("Kec. Kediri, Tabanan", "51.02.06"),
        ("Jatim", "35"),  # everyday abbreviations of provinces
        ("jateng", "33"),
        ("NTT", "53"),
        ("Kaltim", "64"),
        ("Kec. Singgahan, Jatim", "35.23.07"),
    ],
)
def test_region_values(resolver, value, code):
    assert resolver.region(value).code == code


def test_ambiguous_region_lists_both():
    text = problem(resolve_region, "Bogor")
    assert "'Bogor' tidak unik: ada 2 kabupaten/kota bernama Bogor" in text
    assert "32.01 (Kab. Bogor, Jawa Barat)" in text
    assert "32.71 (Kota Bogor, Jawa Barat)" in text


def test_misspelt_region_suggests_the_closest():
    text = problem(resolve_region, "Kalimantan Selatn")
    assert "wilayah 'Kalimantan Selatn' tidak ditemukan" in text
    assert text.split("mungkin maksud Anda: ")[1].startswith("63 (Kalimantan Selatan)")


def test_village_code_in_region_is_explained():
    text = problem(resolve_region, "35.23.07.2005")
    assert "Desa Binangun" in text and "village:" in text


def test_village_name_in_region_is_explained():
    text = problem(resolve_region, "Saringembat")
    assert "'Saringembat' adalah nama desa/kelurahan: tulis di village:" in text


def test_without_registry_unique_names_and_codes_work():
    resolver = Resolver()
    assert resolver.village("Saringembat").code == "35.23.07.2011"
    assert resolver.village("51.02.06.2001").name == "Bengkel"
    assert "ada 4 desa/kelurahan bernama Bengkel" in problem(resolver.village, "Bengkel")


@pytest.mark.parametrize("name", ["Sidomulyo", "Mulyoagung"])
def test_ambiguous_name_suggestions_work_when_pasted_into_a_list(resolver, name):
    """Both forms the message suggests resolve, also when typed inside `desa: [...]`."""
    import re

    import yaml

    text = problem(resolver.village, name)
    quoted = re.search(r'desa: ("[^"]+")', text).group(1)
    code = re.search(r"desa: (\d{2}\.\d{2}\.\d{2}\.\d{4})", text).group(1)
    for suggestion in (quoted, code):
        values = yaml.load(f"desa: [binangun-singgahan, {suggestion}]", Loader=yaml.BaseLoader)[
            "desa"
        ]
        assert len(values) == 2
        assert resolver.village(values[1]).code == code


def test_two_villages_after_one_comma_are_told_to_be_a_list(resolver):
    """`desa: Binangun, Saringembat` reads Saringembat as Binangun's region: the message
    says how several villages are written, not what Binangun the kecamatan is."""
    text = problem(resolver.village, "Binangun, Saringembat")
    assert text == (
        "desa 'Binangun, Saringembat' tidak ditemukan (unknown village) — ada koma: nama "
        "sesudah koma dibaca sebagai kecamatan/kabupaten; beberapa desa ditulis sebagai "
        "daftar, misalnya  desa: [Binangun, Saringembat]  atau satu desa per baris diawali "
        "tanda `- `"
    )


def test_a_code_with_one_digit_mistyped_is_offered_its_likely_meaning():
    """`35.23.07.2095` for Binangun's 2005: the codes one digit away come before the
    numerically closest (2008-2012 in Kec. Singgahan, which hid 2005)."""
    from villages.resolve import village_by_code

    text = problem(village_by_code, "35.23.07.2095")
    assert "kode yang ada di Kec. Singgahan: " in text
    assert "35.23.07.2005 (Desa Binangun" in text


def test_the_address_a_village_had_beside_its_namesake_is_explained(tmp_path):
    """Once the other Binangun left desa.yml, Binangun of Tuban is `binangun` again: an
    article still naming `binangun-singgahan` is told why and how to keep that address."""
    registry = registry_file(
        tmp_path, "- nama: Saringembat\n  kecamatan: Singgahan\n- kode: 35.23.07.2005\n"
    )
    resolver = Resolver(registry.entries, registry.broken_keys)
    assert resolver.village("binangun").code == "35.23.07.2005"
    assert problem(resolver.village, "binangun-singgahan") == (
        "desa 'binangun-singgahan' tidak ditemukan (unknown village) — desa Binangun di baris 3 "
        "desa.yml kini beralamat desa/binangun/ (tidak ada lagi desa lain bernama Binangun di "
        "desa.yml): tulis  slug: binangun-singgahan  di entrinya agar alamat halaman dan "
        "feed-nya tetap, atau tulis  desa: binangun"
    )


def test_a_village_of_desa_yml_written_as_a_region_elsewhere_is_an_error(tmp_path):
    """`wilayah: Ngampel` on a portal of Kab. Gresik with Desa Ngampel in desa.yml: Kec.
    Ngampel of Kab. Kendal lies outside the site, so it is not taken silently (the mirror
    of `desa: Kerek`). Written as a kecamatan, or by its code, it is."""
    registry = registry_file(
        tmp_path, "- kode: 35.25.02.2003\n- nama: Leran\n  kecamatan: Manyar\n"
    )
    resolver = Resolver(registry.entries, registry.broken_keys)
    text = problem(resolver.region, "Ngampel")
    assert text.startswith(
        "'Ngampel' adalah desa di content/desa.yml; wilayah bernama itu ada di luar wilayah "
        "situs ini: Kec. Ngampel"
    )
    assert "desa ditulis di desa:, misalnya  desa: ngampel  ; bila yang dimaksud memang" in text
    kendal = resolver.region("Kec. Ngampel")
    assert kendal.code.startswith("33.24.")  # Kab. Kendal
    assert resolver.region(kendal.code) == kendal
    assert f"wilayah: {kendal.code}" in text
    assert resolver.region("Manyar").code == "35.25.10"  # a kecamatan of the site: as before


def test_the_longer_address_of_a_village_whose_slug_is_written_names_that_slug(tmp_path):
    """Both Binangun listed, their slugs written (binangun, binangun-blitar): an article
    naming the automatic `binangun-singgahan` is told the slug, not to write another one
    (which would move the address just written down)."""
    registry = registry_file(
        tmp_path,
        "- kode: 35.23.07.2005\n  slug: binangun\n- kode: 35.05.16.2004\n  slug: binangun-blitar\n",
    )
    resolver = Resolver(registry.entries, registry.broken_keys)
    assert problem(resolver.village, "binangun-singgahan") == (
        "desa 'binangun-singgahan' tidak ditemukan (unknown village) — desa Binangun di baris 1 "
        "desa.yml beralamat desa/binangun/ (slug-nya di desa.yml): tulis  desa: binangun"
    )
