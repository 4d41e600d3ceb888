"""Shared fixtures and hypothesis settings for the test suite."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from safetyduty.calendars import WorkCalendar, default_calendar

settings.register_profile("ci", max_examples=300, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    """The bundled calendar in strict mode."""
    return default_calendar()
