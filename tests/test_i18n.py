"""Labels for every vocabulary, and babel formatting."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal

import pytest

import safetyduty.calendars
import safetyduty.models
from safetyduty._labels import enum_types
from safetyduty.errors import ValidationError
from safetyduty.i18n import format_date, format_datetime, format_money, label


def test_every_enum_member_has_both_labels() -> None:
    """No member is missing a zh_CN or an en label, and none are blank."""
    members = [m for cls in enum_types() for m in cls]
    assert len(members) > 150
    missing = [m for m in members for loc in ("zh_CN", "en") if not label(m, loc).strip()]
    assert [] == missing
    unregistered = [m for cls in enum_types() for m in cls if m not in set(members)]
    assert [] == unregistered


def test_every_enum_of_the_library_is_registered() -> None:
    """Every StrEnum defined in safetyduty has labels."""
    from enum import Enum  # noqa: PLC0415

    defined = {
        obj
        for module in (safetyduty.calendars, safetyduty.models)
        for obj in (getattr(module, name) for name in dir(module))  # the lazily loaded ones too
        if isinstance(obj, type) and issubclass(obj, Enum)
    }
    assert defined <= set(enum_types())


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_date("2026-01-01"),  # type: ignore[arg-type]
        lambda: format_date(datetime(2026, 1, 1)),
        lambda: format_datetime(datetime(2026, 1, 1)),
        lambda: format_money(1.5),  # type: ignore[arg-type]
        lambda: format_money(Decimal("NaN")),
        lambda: format_date(date(2026, 1, 1), "ja"),
        lambda: label("new_year"),  # type: ignore[arg-type]
    ],
)
def test_bad_input(call: object) -> None:
    """Wrong types and locales are ValidationErrors."""
    with pytest.raises(ValidationError):
        call()  # type: ignore[operator]


def test_babel_is_imported_lazily() -> None:
    """import safetyduty (and its calendar) does not import babel."""
    code = "import sys, safetyduty.calendars, safetyduty.models, safetyduty.serde; print('babel' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "False" == done.stdout.strip()


def test_equal_values_of_different_enums_keep_their_own_labels() -> None:
    """ "major" is a hazard level and an accident grade; each has its own label."""
    from safetyduty.models import AccidentGrade, HazardLevel  # noqa: PLC0415

    assert ("重大事故隐患", "重大事故") == (label(HazardLevel.MAJOR), label(AccidentGrade.MAJOR))


def test_formatting() -> None:
    """Dates, times and money through babel."""
    from datetime import timedelta, timezone  # noqa: PLC0415

    moment = datetime(2026, 5, 1, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    assert "2024年2月29日" == format_date(date(2024, 2, 29))
    assert "May 1, 2026, 11:30:00\u202fPM" == format_datetime(moment, "en")
    assert "¥0.05" == format_money(Decimal("0.05"))
