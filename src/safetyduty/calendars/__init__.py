"""The Chinese working-day calendar.

Statutory holidays (法定节假日) come from 《全国年节及纪念日放假办法》; how they
are arranged each year, with 调休 make-up workdays, comes from the yearly
notices of the General Office of the State Council, bundled as data from 2004.

Examples:
    >>> from datetime import date
    >>> from safetyduty.calendars import default_calendar
    >>> cal = default_calendar()
    >>> cal.is_workday(date(2026, 1, 4))
    True
    >>> cal.add_workdays(date(2025, 9, 26), 20)
    datetime.date(2025, 10, 30)
"""

from safetyduty.calendars._calendar import (
    CalendarMetadata,
    Coverage,
    WorkCalendar,
    default_calendar,
)
from safetyduty.calendars._data import (
    HolidaySpan,
    Notice,
    YearArrangement,
    bundled_years,
    from_holiday_cn,
    load_year_file,
    parse_year,
)
from safetyduty.calendars._festival import (
    HOLIDAY_LAWS,
    DayType,
    Festival,
    HolidayLaw,
    holiday_law_for,
    statutory_holidays,
)

__all__ = [
    "HOLIDAY_LAWS",
    "CalendarMetadata",
    "Coverage",
    "DayType",
    "Festival",
    "HolidayLaw",
    "HolidaySpan",
    "Notice",
    "WorkCalendar",
    "YearArrangement",
    "bundled_years",
    "default_calendar",
    "from_holiday_cn",
    "holiday_law_for",
    "load_year_file",
    "parse_year",
    "statutory_holidays",
]
