"""Type-checked by mypy, never run: the public API as a caller types it."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from safetyduty import catalog, export, serde
from safetyduty.calendars import DayType, WorkCalendar, default_calendar
from safetyduty.errors import SafetyDutyError
from safetyduty.i18n import label
from safetyduty.rules.compliance import (
    ComplianceReport,
    ComplianceRow,
    FlatRow,
    PortfolioReport,
    Tally,
)
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

# Reports out: a portfolio's result and its formats.
result: PortfolioReport = catalog.evaluate_portfolio(catalog.sample_portfolio(), as_of=due)
first: ComplianceReport = result.reports[0]
tallies: tuple[Tally, ...] = result.by_enterprise()
late: tuple[ComplianceRow, ...] = result.overdue()
rows: list[FlatRow] = result.to_rows()
frame: pd.DataFrame = first.to_pandas()
calendar_text: str = result.to_ics(locale="en", kind="todo")
page: str = first.to_html("en")
written: int = export.write_csv(rows, io.StringIO(), bom=True)
reports: list[ComplianceReport] = serde.loads(serde.dumps([first]), list[ComplianceReport])
