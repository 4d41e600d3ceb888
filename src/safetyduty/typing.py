"""Types for annotating code that works with safetyduty.

Examples:
    >>> from datetime import date
    >>> from safetyduty.calendars import default_calendar
    >>> def first_workday_of(cal: HolidayCalendar, year: int) -> date:
    ...     return cal.next_workday(date(year, 1, 1))
    >>> first_workday_of(default_calendar(), 2026)
    datetime.date(2026, 1, 4)
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

__all__ = ["HolidayCalendar"]


@runtime_checkable
class HolidayCalendar(Protocol):
    """What the rules need of a working-day calendar.

    :class:`safetyduty.calendars.WorkCalendar` is one; a caller can supply
    another (a provincial or company calendar) that offers these methods.
    """

    def is_workday(self, day: date, /) -> bool:
        """Whether *day* is a working day."""
        ...

    def next_workday(self, day: date, /) -> date:
        """*day* if it is a workday, else the first workday after it."""
        ...

    def previous_workday(self, day: date, /) -> date:
        """*day* if it is a workday, else the last workday before it."""
        ...

    def add_workdays(self, day: date, n: int, /) -> date:
        """The *n*-th workday after (n >= 1) or before (n <= -1) *day*."""
        ...

    def workdays_between(self, start: date, end: date, /) -> int:
        """The workdays after *start* up to and including *end*."""
        ...
