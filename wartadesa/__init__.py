"""Warta Desa kit: build, check, new article, defaults, upgrade."""

# The kit's version (CHANGELOG.md); `invoke upgrade` shows it.
__version__ = "0.2.0"
