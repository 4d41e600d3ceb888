"""The installed distribution."""

from __future__ import annotations

from importlib import resources
from importlib.metadata import version

import safetyduty
from safetyduty import calendars, i18n


def test_version_comes_from_metadata() -> None:
    """__version__ is read from the installed metadata, not hard-coded."""
    assert version("safetyduty") == safetyduty.__version__


def test_data_and_marker_ship_with_the_package() -> None:
    """py.typed and the 23 year files are package data."""
    root = resources.files("safetyduty")
    assert root.joinpath("py.typed").is_file()
    years = [
        p.name for p in root.joinpath("calendars/data/cn").iterdir() if p.name.endswith(".toml")
    ]
    assert 23 == len(years)


def test_public_names_are_listed() -> None:
    """Every name in __all__ exists."""
    for module in (safetyduty, calendars, i18n):
        missing = [n for n in module.__all__ if not hasattr(module, n)]
        assert [] == missing
