"""Shared fixtures: each fixture site is built once per test session."""

import pytest

from tests.sitetools import build_site

PRODUCTION_URL = "https://binangun-singgahan.desa.id"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The real sample site with the local preview settings."""
    return build_site(tmp_path_factory.mktemp("preview") / "output")


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The real sample site with the production settings and a custom domain."""
    return build_site(
        tmp_path_factory.mktemp("publish") / "output",
        settings="publishconf.py",
        siteurl=PRODUCTION_URL,
        CUSTOM_DOMAIN="binangun-singgahan.desa.id",
    )
