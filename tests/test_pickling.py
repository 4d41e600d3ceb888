"""Calendars built every way pickle, copy and deep-copy to equal calendars."""

from __future__ import annotations

import copy
import pickle
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty.calendars import WorkCalendar, bundled_years, default_calendar, parse_year
from safetyduty.calendars import statutory_holidays as law_days

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
