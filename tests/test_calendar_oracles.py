"""The bundled calendar against two independent implementations, day by day."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import holidays
import pytest

from safetyduty.calendars import WorkCalendar

FIRST, LAST = date(2004, 1, 1), date(2026, 12, 31)

# Days where an oracle disagrees with the notices, and the notice that settles it.
CHINESECALENDAR_ERRATA = {
    # 国办发明电〔2005〕35号 (2006 arrangement): "12月31日(星期六)上班".
    date(2005, 12, 31): True,
}


def every_day() -> list[date]:
    """Every covered day, first to last."""
    return [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


class TestAgainstOracles:
    """Each covered day answers like chinesecalendar and holidays (CN)."""

    def test_every_day_agrees_with_chinesecalendar(self, cal: WorkCalendar) -> None:
        """2004-01-01 .. 2026-12-31 match chinesecalendar except listed errata."""
        disagreements = {
            day: cal.is_workday(day)
            for day in every_day()
            if cal.is_workday(day) != chinese_calendar.is_workday(day)
        }
        assert CHINESECALENDAR_ERRATA == disagreements

    def test_every_day_agrees_with_holidays(self, cal: WorkCalendar) -> None:
        """2004-01-01 .. 2026-12-31 match the holidays package's CN working days."""
        cn = holidays.China(years=range(FIRST.year, LAST.year + 1))
        disagreements = [d for d in every_day() if cal.is_workday(d) != cn.is_working_day(d)]
        assert [] == disagreements

    @pytest.mark.parametrize("day", sorted(CHINESECALENDAR_ERRATA))
    def test_errata_follow_the_notice(self, cal: WorkCalendar, day: date) -> None:
        """Where chinesecalendar disagrees, the second oracle sides with the notice."""
        cn = holidays.China(years=day.year)
        assert CHINESECALENDAR_ERRATA[day] == cal.is_workday(day) == cn.is_working_day(day)
