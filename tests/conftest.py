"""Shared fixtures and hypothesis settings for the test suite."""

from __future__ import annotations

import os
from typing import Any

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


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Any:
    """serde's converter replaced by a fresh one for the test, with no reader or writer kept
    from before (hooks a test registers stay in the fresh converter)."""
    from safetyduty import _convert, serde  # noqa: PLC0415 - only for the tests that ask

    conv = _convert._make_converter(detailed=False)
    monkeypatch.setattr(_convert, "converter", conv)
    monkeypatch.setattr(serde, "converter", conv)
    monkeypatch.setattr(_convert, "_ONE_PASS_READERS", {})
    monkeypatch.setattr(_convert, "_TEXT_WRITERS", {})
    return conv
