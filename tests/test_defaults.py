"""The kit's defaults (wartadesa/defaults.py) and the production address rules."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.sitetools import SAMPLE, environ
from wartadesa.build import load_settings
from wartadesa.defaults import production_settings


@pytest.mark.parametrize(
    "env, site, expected",
    [
        ({"SITEURL": "https://a.desa.id/"}, {"CUSTOM_DOMAIN": "b.desa.id"}, "https://a.desa.id"),
        (
            {},
            {"PUBLISH_SITEURL": "https://c.desa.id", "CUSTOM_DOMAIN": "b.desa.id"},
            "https://c.desa.id",
        ),
        (
            {"PAGES_URL": "https://akun.github.io/situs"},
            {"CUSTOM_DOMAIN": "b.desa.id"},
            "https://b.desa.id",
        ),
        ({"PAGES_URL": "https://akun.github.io/situs"}, {}, "https://akun.github.io/situs"),
    ],
)
def test_production_address(env, site, expected):
    with environ(SITEURL=env.get("SITEURL"), PAGES_URL=env.get("PAGES_URL")):
        values = production_settings(site)
    assert values["SITEURL"] == expected == values["FEED_DOMAIN"]
    assert values["RELATIVE_URLS"] is False and values["GITHUB_PAGES"] is True


def test_without_an_address_production_says_how_to_set_one():
    with pytest.raises(SystemExit) as stop:
        production_settings({})
    assert "CUSTOM_DOMAIN" in str(stop.value) and "SITEURL" in str(stop.value)


def test_site_settings_take_the_kit_defaults():
    """A site's pelicanconf.py sets only its own values; theme and plugins are the kit's,
    wherever the site's folder is."""
    settings = load_settings(SAMPLE / "pelicanconf.py")
    assert settings["THEME"].endswith("/theme") and settings["PLUGINS"][0] == "identity"
    assert settings["PATH"] == str(SAMPLE / "content")
    assert settings["SITE_IDENTITY"] == "situs.yml"


def test_date_filters_come_through_pelicans_jinja_filters_setting():
    """No plugin registers the theme's date (and Rupiah) filters: Pelican's JINJA_FILTERS
    does."""
    from wartadesa import dates, defaults, rupiah

    assert defaults.JINJA_FILTERS == {**dates.FILTERS, **rupiah.FILTERS}
    assert "indonesian" not in defaults.PLUGINS
    assert dates.tanggal_jam(dt.datetime(2024, 6, 5, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))) == (
        "Rabu, 5 Juni 2024 pukul 09.00 WIB"
    )
