"""Hypothesis properties of the working-day arithmetic."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty.calendars import default_calendar

CAL = default_calendar()
# Leave room at the ends so that results stay inside the coverage.
DAYS = st.dates(min_value=date(2005, 3, 1), max_value=date(2025, 9, 30))
STEPS = st.integers(min_value=1, max_value=250)


@given(day=DAYS, n=STEPS)
def test_count_inverts_add(day: date, n: int) -> None:
    """workdays_between(d, add_workdays(d, n)) == n for every d and n >= 1."""
    assert n == CAL.workdays_between(day, CAL.add_workdays(day, n))


@given(day=DAYS, n=STEPS)
def test_add_lands_on_a_workday_after_start(day: date, n: int) -> None:
    """Results are workdays, strictly after the start (before it for n < 0)."""
    later, earlier = CAL.add_workdays(day, n), CAL.add_workdays(day, -n)
    assert CAL.is_workday(later)
    assert CAL.is_workday(earlier)
    assert earlier < day < later


@given(day=DAYS, n=STEPS)
def test_add_is_strictly_monotonic_in_n(day: date, n: int) -> None:
    """One more workday is a strictly later date."""
    assert CAL.add_workdays(day, n) < CAL.add_workdays(day, n + 1)


@given(a=DAYS, b=DAYS, n=STEPS)
def test_add_is_monotonic_in_start(a: date, b: date, n: int) -> None:
    """A later start never gives an earlier result."""
    first, second = sorted((a, b))
    assert CAL.add_workdays(first, n) <= CAL.add_workdays(second, n)


@given(day=DAYS)
def test_next_workday_is_idempotent(day: date) -> None:
    """next_workday(next_workday(d)) == next_workday(d), and it is a workday."""
    once = CAL.next_workday(day)
    assert once == CAL.next_workday(once)
    assert CAL.is_workday(once)
    assert once >= day
    assert CAL.add_workdays(day, 0) == once


@given(day=DAYS)
def test_previous_workday_is_idempotent(day: date) -> None:
    """previous_workday is a workday on or before d, and stable."""
    once = CAL.previous_workday(day)
    assert once == CAL.previous_workday(once)
    assert CAL.is_workday(once)
    assert once <= day


@given(a=DAYS, b=DAYS)
def test_count_matches_iteration_and_a_plain_loop(a: date, b: date) -> None:
    """workdays_between equals the iterator's length and a day-by-day count."""
    start, end = sorted((a, b))
    loop = sum(
        1
        for o in range(start.toordinal() + 1, end.toordinal() + 1)
        if CAL.is_workday(date.fromordinal(o))
    )
    assert loop == CAL.workdays_between(start, end) == len(list(CAL.workdays(start, end)))
    assert -loop == CAL.workdays_between(end, start)


@pytest.mark.parametrize(
    ("day", "rest"),
    [
        # 国办发明电〔2025〕7号 (2026): 元旦 01-01..03 off, Sunday 01-04 worked.
        (date(2026, 1, 1), True),
        (date(2026, 1, 3), True),
        (date(2026, 1, 4), False),
        # 国办发明电〔2024〕12号 (2025): 10-01..08 off, 09-28 (Sun) and 10-11 (Sat) worked.
        (date(2025, 9, 28), False),
        (date(2025, 10, 8), True),
        (date(2025, 10, 11), False),
        (date(2025, 10, 12), True),  # an ordinary Sunday
        # 国发明电〔2015〕1号: 09-03 and 09-04 off, Sunday 09-06 worked.
        (date(2015, 9, 4), True),
        (date(2015, 9, 6), False),
        (date(2015, 9, 7), False),  # an ordinary Monday
    ],
)
def test_rest_days_from_the_notices(day: date, rest: bool) -> None:
    """is_rest_day on days the notices name, typed from their text."""
    assert rest == CAL.is_rest_day(day)
