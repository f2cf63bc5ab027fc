"""wartadesa.preview.served_at / built_for_another_port: a preview served on another port
than 8000 names that port in its absolute addresses (FEED_DOMAIN), and only a preview
whose address is the kit's local one is built again for it."""

from wartadesa import output_folder
from wartadesa.preview import built_for_another_port, served_at

PREVIEW = {"RELATIVE_URLS": True, "FEED_DOMAIN": "http://127.0.0.1:8000"}


def test_a_preview_names_the_port_it_is_served_on():
    assert served_at(PREVIEW, 8080) == {"FEED_DOMAIN": "http://127.0.0.1:8080"}
    localhost = {**PREVIEW, "FEED_DOMAIN": "http://localhost:8000/"}
    assert served_at(localhost, "8081") == {"FEED_DOMAIN": "http://127.0.0.1:8081"}
    assert served_at(PREVIEW, None) == {}


def test_production_and_a_site_s_own_address_are_left_alone():
    production = {"RELATIVE_URLS": False, "FEED_DOMAIN": "https://sukamaju.desa.id"}
    assert served_at(production, 8080) == {}
    own = {"RELATIVE_URLS": True, "FEED_DOMAIN": "https://pratinjau.sukamaju.desa.id"}
    assert served_at(own, 8080) == {}
    # An address that only starts like the local one is not it.
    tricky = {"RELATIVE_URLS": True, "FEED_DOMAIN": "http://127.0.0.1:8000.evil.example"}
    assert served_at(tricky, 8080) == {}


def _marked(folder, relative, address):
    folder.mkdir()
    (folder / output_folder.STAGING_MARKER).write_text("1\n", encoding="ascii")
    output_folder.finish(folder, relative, address)
    return folder


def test_which_preview_is_built_again_for_a_port(tmp_path):
    at_8000 = _marked(tmp_path / "a", True, "http://127.0.0.1:8000")
    assert not built_for_another_port(at_8000, 8000)
    assert built_for_another_port(at_8000, 8080)
    own = _marked(tmp_path / "b", True, "https://pratinjau.sukamaju.desa.id")
    assert not built_for_another_port(own, 8080)
    older = tmp_path / "c"  # built by a kit that did not note the address
    older.mkdir()
    (older / output_folder.MARKER).write_text(
        output_folder.MARKER_TEXT + "links: relative\n", encoding="utf-8"
    )
    assert output_folder.built_address(older) is None
    assert built_for_another_port(older, 8000)
    production = _marked(tmp_path / "d", False, "https://sukamaju.desa.id")
    assert output_folder.built_address(production) is None
