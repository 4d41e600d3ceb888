"""Type-checked by mypy, never run: the public API as a caller types it."""

from __future__ import annotations

from datetime import date

from safetyduty.calendars import DayType, WorkCalendar, default_calendar
from safetyduty.errors import SafetyDutyError
from safetyduty.i18n import label
from safetyduty.typing import HolidayCalendar

cal: WorkCalendar = default_calendar()
protocol: HolidayCalendar = cal
due: date = cal.add_workdays(date(2025, 9, 26), 20)
count: int = cal.workdays_between(date(2026, 1, 1), due)
kind: DayType = cal.day_type(due)
name: str | None = cal.holiday_name(due, locale="en")
text: str = label(kind, "zh_CN")
try:
    cal.is_workday(date(2030, 1, 1))
except SafetyDutyError as exc:
    message: str = str(exc)
