"""Every error class: its message names the field and the value, and it travels intact."""

from __future__ import annotations

import copy
import pickle
from datetime import date
from typing import Any

import pytest

from safetyduty import errors
from safetyduty.errors import (
    CalendarCoverageError,
    MissingDependencyError,
    NoRuleInForceError,
    PhraseError,
    SafetyDutyError,
    TransitionError,
    UnknownCodeError,
    ValidationError,
)

EXAMPLES: list[SafetyDutyError] = [
    SafetyDutyError("something went wrong"),
    ValidationError("year", 2027.9, "must be an int"),
    CalendarCoverageError(date(2051, 1, 1), date(2004, 1, 1), date(2050, 12, 31), "a hint"),
    CalendarCoverageError(
        date(2026, 12, 31), date(2004, 1, 1), date(2026, 12, 31), reason="the workday lies after"
    ),
    TransitionError("reported", "closed", "not rectified"),
    UnknownCodeError("obligation", "no.such.duty", 12),
    PhraseError("每月三十二日前", 2, "a day of the month (1-31)"),
    NoRuleInForceError("credit.black_regime", date(2010, 1, 1), date(2015, 1, 1)),
    MissingDependencyError("ics", "icalendar"),
]


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert a.args == b.args
    assert vars(a) == vars(b)


def test_every_public_error_class_has_an_example() -> None:
    """A new error class in errors.py must be added above (and so is pickled below)."""
    public = {getattr(errors, n) for n in errors.__all__}
    assert public == {type(e) for e in EXAMPLES}


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
def test_pickles_to_an_equal_error(error: SafetyDutyError) -> None:
    """Same class, message and attributes after a pickle round trip (any protocol)."""
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _same(error, pickle.loads(pickle.dumps(error, protocol)))  # noqa: S301 - our own bytes


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: type(e).__name__)
def test_copy_and_deepcopy(error: SafetyDutyError) -> None:
    """copy.copy and copy.deepcopy give an equal error."""
    _same(error, copy.copy(error))
    _same(error, copy.deepcopy(error))


def test_a_subclass_defined_elsewhere_pickles_too() -> None:
    """The mechanism is on the root: a caller's own subclass with its own __init__ works."""
    restored = pickle.loads(pickle.dumps(_CustomError("a", 1)))  # noqa: S301 - our own bytes
    assert ("a", 1, "a: 1") == (restored.name, restored.number, str(restored))


class _CustomError(ValidationError):
    def __init__(self, name: str, number: int) -> None:
        super().__init__(name, number, "is custom")
        self.name = name
        self.number = number

    def __str__(self) -> str:
        return f"{self.name}: {self.number}"


class TestMessages:
    """Messages name the field and the value, whatever the value."""

    def test_validation_error(self) -> None:
        """field: expectation (got value)."""
        error = ValidationError("holidays[2].first", "2027-1-1", "must be YYYY-MM-DD")
        assert "holidays[2].first: must be YYYY-MM-DD (got '2027-1-1')" == str(error)
        assert ("holidays[2].first", "2027-1-1") == (error.field, error.value)

    def test_coverage_error(self) -> None:
        """The date, the coverage and the hint."""
        error = CalendarCoverageError(date(2027, 1, 4), date(2004, 1, 1), date(2026, 12, 31), "h")
        assert "2027-01-04 is outside the calendar's coverage 2004-01-01 .. 2026-12-31; h" == str(
            error
        )
        assert ("date", date(2027, 1, 4)) == (error.field, error.value)

    def test_values_too_deep_or_too_long_still_make_a_message(self) -> None:
        """A value repr cannot print (nested 100,000 deep, 5,000-digit int) is summarised."""
        nested: list[Any] = []
        for _ in range(100_000):
            nested = [nested]
        assert "too deep to show" in str(ValidationError("data", nested, "must be flat"))
        assert "<int of 16610 bits>" in str(ValidationError("n", 10**5000, "must be small"))
        assert "characters)" in str(UnknownCodeError("key", "x" * 5000))
        assert "characters)" in str(PhraseError("一" * 5000, 0, "a number"))

    def test_builtin_kinds(self) -> None:
        """Leaves are also ValueError or LookupError."""
        assert isinstance(ValidationError("f", 1, "e"), ValueError)
        assert isinstance(PhraseError("x", 0, "e"), ValueError)
        assert isinstance(TransitionError("a", "b"), ValueError)
        assert isinstance(UnknownCodeError("f", "x"), LookupError)
        assert isinstance(NoRuleInForceError("r", 1, 2), LookupError)
        assert isinstance(
            CalendarCoverageError(date(1, 1, 1), date(1, 1, 1), date(1, 1, 1)), LookupError
        )
