"""The calendar as aligned text lines (``safetyduty calendar``): it needs the calendar and nothing else.

:mod:`safetyduty._printing` prints evaluations with the same :func:`table`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Final

from safetyduty.calendars import DayType, WorkCalendar
from safetyduty.i18n import Locale, label

__all__ = ["calendar_lines", "display_width", "table"]

_TEXT: Final = {
    "zh_CN": {
        "no_number": "文号不详",
        "estimated": "# {year}年尚无放假通知：以下按法定节假日和周末推定",
        "weekdays": "周一 周二 周三 周四 周五 周六 周日",
    },
    "en": {
        "no_number": "number unknown",
        "estimated": "# {year}: no holiday notice yet; estimated from the statutory holidays and weekends",
        "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
    },
}


def display_width(text: str) -> int:
    """The columns *text* takes on a terminal: two for wide (CJK) characters, none for combining ones.

    Examples:
        >>> display_width("2026-01-04"), display_width("调休上班日"), display_width("é")
        (10, 10, 1)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def table(rows: Iterable[Sequence[str]], indent: str = "  ", gap: str = "  ") -> list[str]:
    """Rows of cells as lines, every column but the last padded to its widest cell.

    Examples:
        >>> for line in table([["2026-01-04", "周日", "调休上班日", "元旦"], ["2026-01-05", "周一", "工作日", "—"]]):
        ...     print(line)
          2026-01-04  周日  调休上班日  元旦
          2026-01-05  周一  工作日      —
    """
    grid = [list(row) for row in rows]
    if not grid:
        return []
    columns = max(len(row) for row in grid)
    widths = [
        max((display_width(row[i]) for row in grid if i < len(row) - 1), default=0)
        for i in range(columns)
    ]
    lines = []
    for row in grid:
        cells = [
            cell + " " * (widths[i] - display_width(cell)) if i < len(row) - 1 else cell
            for i, cell in enumerate(row)
        ]
        lines.append(indent + gap.join(cells).rstrip())
    return lines


def calendar_lines(cal: WorkCalendar, year: int, locale: Locale) -> Iterator[str]:
    """A year's holidays, make-up workdays and festivals, one aligned line a day.

    Raises:
        CalendarCoverageError: when the calendar answers no day of *year*.

    Examples:
        >>> from safetyduty.calendars import default_calendar
        >>> lines = list(calendar_lines(default_calendar(), 2026, "zh_CN"))
        >>> lines[4]
        '2026-01-04  周日  调休上班日  元旦（调休上班）'
    """
    text = _TEXT[locale]
    first, last = date(year, 1, 1), date(year, 12, 31)
    cal.is_workday(first)  # raises the coverage error when the year is not answered
    if year in cal.years:
        for notice in cal.sources(year):
            yield f"# {notice.number or text['no_number']} {notice.title}"
    else:
        yield text["estimated"].format(year=year)
    weekdays = text["weekdays"].split()
    rows = []
    day = first
    while day <= last:
        kind = cal.day_type(day)
        if kind not in (DayType.WORKDAY, DayType.WEEKEND) or cal.festivals(day):
            rows.append(
                [
                    day.isoformat(),
                    weekdays[day.weekday()],
                    label(kind, locale),
                    cal.holiday_name(day, locale) or "",
                ]
            )
        day += timedelta(days=1)
    yield from table(rows, indent="")
