"""The installed distribution."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from importlib.metadata import version
from pathlib import Path

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


def test_strategies_work_from_an_installed_wheel(tmp_path: Path) -> None:
    """Build the wheel, install it alone, and run an integrator's property test from it."""
    root = Path(__file__).resolve().parents[1]
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [
            *pip,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(root),
        ],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("safetyduty-*.whl")
    target = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    script = f"""
import sys
sys.path.insert(0, {str(target)!r})
import safetyduty, safetyduty.calendars, safetyduty.testing
assert safetyduty.__file__.startswith({str(target)!r}), safetyduty.__file__
from hypothesis import HealthCheck, given, settings, strategies as st
from safetyduty import serde
from safetyduty.models import Hazard, Plan

# This process does not load tests/conftest.py's profile: under load (two cores
# shared with other jobs) generation is slow, so no health check and no deadline.
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_type(Hazard), st.from_type(Plan))
def test_round_trip(hazard, plan):
    assert serde.loads(serde.dumps(hazard), Hazard) == hazard
    assert serde.loads(serde.dumps(plan), Plan) == plan

test_round_trip()
print("ok", len(safetyduty.calendars.bundled_years()))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert (0, "ok 23") == (done.returncode, done.stdout.strip()), done.stderr
