"""Calendars, models and reports pickle, copy and deep-copy to equal objects (errors: test_errors.py)."""

from __future__ import annotations

import copy
import pickle
import typing
from datetime import date, timedelta
from enum import Enum

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safetyduty import catalog, models
from safetyduty.calendars import WorkCalendar, bundled_years, default_calendar, parse_year
from safetyduty.calendars import statutory_holidays as law_days
from safetyduty.models import (
    AssessmentMethod,
    Before,
    Continuous,
    CreditEventKind,
    CreditRegime,
    Portfolio,
    Window,
)
from safetyduty.rules.compliance import ComplianceReport, ComplianceRow, HazardFinding, PlanUse
from safetyduty.testing import STRATEGIES, strategies

FIRST_NOTICE = date(2003, 12, 1)


def _minimal_2027() -> object:
    return parse_year(
        {
            "year": 2027,
            "notices": [{"title": "示例：2027年部分节假日安排"}],
            "holidays": [
                {"festivals": list(f), "first": d, "last": d} for d, f in law_days(2027).items()
            ],
        }
    )


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    """A calendar built one of the public ways, with random options."""
    estimate = draw(st.booleans())
    makeup = draw(st.booleans())
    how = draw(st.sampled_from(["default", "as_known_at", "from_arrangements", "overlay"]))
    if how == "default":
        return default_calendar(estimate=estimate, makeup_workdays=makeup)
    if how == "as_known_at":
        cut = draw(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 12, 31)))
        return default_calendar(as_known_at=cut, estimate=estimate, makeup_workdays=makeup)
    if how == "from_arrangements":
        years = bundled_years()
        start = draw(st.integers(0, len(years) - 1))
        stop = draw(st.integers(start + 1, len(years)))
        return WorkCalendar.from_arrangements(
            years[start:stop], estimate=estimate, makeup_workdays=makeup
        )
    base = default_calendar(estimate=estimate, makeup_workdays=makeup)
    return base.with_year(_minimal_2027())  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(calendars(), st.integers(0, 365 * 40))
def test_pickle_copy_deepcopy_round_trip(cal: WorkCalendar, offset: int) -> None:
    """Equal after the round trip, with the same answers and provenance."""
    for clone in (
        pickle.loads(pickle.dumps(cal)),  # noqa: S301 - our own bytes
        pickle.loads(pickle.dumps(cal, protocol=2)),  # noqa: S301 - our own bytes
        copy.copy(cal),
        copy.deepcopy(cal),
    ):
        assert cal == clone
        assert hash(cal) == hash(clone)
        assert cal.metadata == clone.metadata
        assert cal.estimated_coverage == clone.estimated_coverage
        day = cal.coverage.first + timedelta(days=offset)
        last = (cal.estimated_coverage or cal.coverage).last
        if day <= last:
            assert cal.day_type(day) == clone.day_type(day)
            assert cal.holiday_name(day) == clone.holiday_name(day)


def test_calendars_built_differently_are_not_equal() -> None:
    """Equality follows the data and the options, not identity."""
    assert default_calendar() != default_calendar(estimate=True)
    assert default_calendar() != default_calendar(makeup_workdays=False)
    assert default_calendar() != default_calendar(as_known_at=date(2025, 1, 1))
    assert default_calendar() == WorkCalendar.from_arrangements(bundled_years())
    assert default_calendar() != "a calendar"


def test_a_pickled_as_known_at_calendar_still_cuts() -> None:
    """A calendar as known at 2019-03-01 keeps 2019-05-02 a workday after the trip."""
    cal = pickle.loads(pickle.dumps(default_calendar(as_known_at=date(2019, 3, 1))))  # noqa: S301 - our own bytes
    assert cal.is_workday(date(2019, 5, 2))
    assert date(2019, 3, 1) == cal.metadata.as_known_at


# ------------------------------------------------ models, reports, results

MODEL_CLASSES = sorted(
    (
        c
        for c in (getattr(models, n) for n in models.__all__)
        if isinstance(c, type) and attrs.has(c)
    ),
    key=lambda c: c.__name__,
)
REPORT_CLASSES = (ComplianceReport, ComplianceRow, PlanUse, HazardFinding)


def _round_trips(value: object) -> None:
    for clone in (
        pickle.loads(pickle.dumps(value)),  # noqa: S301 - our own bytes
        pickle.loads(pickle.dumps(value, protocol=2)),  # noqa: S301 - our own bytes
        copy.copy(value),
        copy.deepcopy(value),
    ):
        assert type(value) is type(clone)
        assert value == clone
        assert hash(value) == hash(clone)


def _reachable(t: object, seen: set[type]) -> None:
    if isinstance(t, type) and attrs.has(t):
        if t not in seen:
            seen.add(t)
            for hint in typing.get_type_hints(t).values():
                _reachable(hint, seen)
        return
    for arg in typing.get_args(t):
        _reachable(arg, seen)


def test_every_model_class_has_a_strategy_that_reaches_it() -> None:
    """A new model must get a strategy (directly, or as a field of one), so the property covers it."""
    reached: set[type] = set()
    for cls in (*STRATEGIES, Window, Before, Continuous):  # the timings: their own property below
        _reachable(cls, reached)
    assert set(MODEL_CLASSES) <= reached
    assert {c for c in STRATEGIES if c in MODEL_CLASSES}  # the mapping is of model classes


@pytest.mark.parametrize(
    "cls", sorted(STRATEGIES, key=lambda c: c.__name__), ids=lambda c: c.__name__
)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_models_pickle_copy_and_deepcopy_to_equal_objects(cls: type, data: st.DataObject) -> None:
    """Every model (and every model inside it) survives pickle, copy and deepcopy equal."""
    _round_trips(data.draw(STRATEGIES[cls]))


@settings(max_examples=30, deadline=None)
@given(strategies.timings())
def test_timings_pickle_copy_and_deepcopy_to_equal_objects(timing: object) -> None:
    """The readings of time phrases (schedules, windows, before-event, continuous) survive too."""
    _round_trips(timing)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.portfolios(min_enterprises=1, max_enterprises=2, as_of=date(2026, 6, 30)))
def test_reports_pickle_copy_and_deepcopy_to_equal_objects(portfolio: Portfolio) -> None:
    """Compliance reports of generated portfolios (rows, hazard findings, plan uses) survive too."""
    reports = list(
        catalog.evaluate_many(
            portfolio.enterprises, portfolio.records, as_of=date(2026, 6, 30),
            hazards=portfolio.hazards, accidents=portfolio.accidents, people=portfolio.people,
        )
    )  # fmt: skip
    seen: set[type] = set()
    for report in reports:
        _round_trips(report)
        for part in (*report.rows, *report.hazards, *report.plans):
            seen.add(type(part))
            _round_trips(part)
    assert ComplianceRow in seen


def test_the_sample_reports_cover_every_report_class() -> None:
    """The sample's reports hold every report class, each of which round-trips."""
    sample = catalog.sample_portfolio()
    reports = list(
        catalog.evaluate_many(
            sample.enterprises, sample.records, as_of=date(2026, 11, 23),
            hazards=sample.hazards, accidents=sample.accidents, people=sample.people,
        )
    )  # fmt: skip
    parts = [p for r in reports for p in (r, *r.rows, *r.hazards, *r.plans)]
    assert set(REPORT_CLASSES) == {type(p) for p in parts}
    for part in parts[:: max(1, len(parts) // 200)]:
        _round_trips(part)
    _round_trips(tuple(reports))


@pytest.mark.parametrize(
    "member",
    [CreditRegime.RED_LIST_2017, CreditEventKind.LATE_REPORT, AssessmentMethod.LEC],
    ids=lambda m: type(m).__name__,
)
def test_a_pickle_from_before_the_vocabularies_moved(
    member: Enum, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An enum pickled when it lived in models._vocab loads as the same member."""
    monkeypatch.setattr(type(member), "__module__", "safetyduty.models._vocab")
    old = pickle.dumps(member)
    monkeypatch.undo()
    assert b"safetyduty.models._vocab" in old
    assert pickle.loads(old) is member  # noqa: S301 - our own bytes
