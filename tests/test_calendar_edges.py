"""Worked edges, typed by hand from the notices (never from the loader)."""

from __future__ import annotations

from datetime import date

import pytest

from safetyduty.calendars import DayType, WorkCalendar, default_calendar
from safetyduty.errors import CalendarCoverageError, SafetyDutyError

D = date


class TestWorkedEdges:
    """Days the 2025 and 2026 notices single out."""

    def test_2026_01_04_is_a_sunday_worked(self, cal: WorkCalendar) -> None:
        """国办发明电〔2025〕7号: "1月4日（周日）上班"."""
        assert D(2026, 1, 4).weekday() == 6
        assert cal.is_workday(D(2026, 1, 4))
        assert DayType.MAKEUP_WORKDAY == cal.day_type(D(2026, 1, 4))
        assert "元旦（调休上班）" == cal.holiday_name(D(2026, 1, 4))

    @pytest.mark.parametrize("day", [D(2025, 10, d) for d in range(1, 9)])
    def test_2025_national_day_break_is_off(self, cal: WorkCalendar, day: date) -> None:
        """国办发明电〔2024〕12号: 国庆节、中秋节 10月1日至8日放假."""
        assert cal.is_rest_day(day)

    @pytest.mark.parametrize("day", [D(2025, 9, 28), D(2025, 10, 11)])
    def test_2025_national_day_makeup_workdays(self, cal: WorkCalendar, day: date) -> None:
        """9月28日（周日）、10月11日（周六）上班."""
        assert day.weekday() >= 5
        assert cal.is_workday(day)

    def test_2025_10_types(self, cal: WorkCalendar) -> None:
        """1-3 Oct are statutory (as is 中秋 on 6 Oct); the other weekdays are 调休."""
        types = {d: cal.day_type(D(2025, 10, d)) for d in range(1, 9)}
        assert {
            1: DayType.STATUTORY_HOLIDAY,
            2: DayType.STATUTORY_HOLIDAY,
            3: DayType.STATUTORY_HOLIDAY,
            4: DayType.WEEKEND,
            5: DayType.WEEKEND,
            6: DayType.STATUTORY_HOLIDAY,
            7: DayType.ADJUSTED_REST,
            8: DayType.ADJUSTED_REST,
        } == types

    def test_first_and_last_covered_day(self, cal: WorkCalendar) -> None:
        """2004-01-01 (元旦, Thursday) and 2026-12-31 (Thursday, a workday)."""
        assert (D(2004, 1, 1), D(2026, 12, 31)) == (cal.coverage.first, cal.coverage.last)
        assert DayType.STATUTORY_HOLIDAY == cal.day_type(D(2004, 1, 1))
        assert cal.is_workday(D(2026, 12, 31))

    @pytest.mark.parametrize("day", [D(2003, 12, 31), D(2027, 1, 1)])
    def test_outside_coverage_raises_in_strict_mode(self, cal: WorkCalendar, day: date) -> None:
        """Strict by default: the error names the date and the coverage."""
        with pytest.raises(CalendarCoverageError) as info:
            cal.is_workday(day)
        assert day == info.value.value
        assert (D(2004, 1, 1), D(2026, 12, 31)) == (info.value.first, info.value.last)
        assert day.isoformat() in str(info.value)
        assert "2026-12-31" in str(info.value)

    def test_arithmetic_off_the_end_raises(self, cal: WorkCalendar) -> None:
        """The 2nd workday after 2026-12-30 would be in 2027: not known."""
        assert D(2026, 12, 31) == cal.add_workdays(D(2026, 12, 30), 1)
        with pytest.raises(CalendarCoverageError):
            cal.add_workdays(D(2026, 12, 30), 2)
        with pytest.raises(CalendarCoverageError):
            cal.add_workdays(D(2004, 1, 2), -1)

    def test_cross_year_break_of_2008(self, cal: WorkCalendar) -> None:
        """国办发明电〔2007〕52号: 2007-12-29 (Sat) worked, 12-31 off for 元旦 2008."""
        assert cal.is_workday(D(2007, 12, 29))
        assert cal.is_rest_day(D(2007, 12, 31))
        assert "元旦" == cal.holiday_name(D(2007, 12, 31))

    def test_2005_12_31_is_worked(self, cal: WorkCalendar) -> None:
        """国办发明电〔2005〕35号: "12月31日(星期六)上班" (chinesecalendar has it off)."""
        assert cal.is_workday(D(2005, 12, 31))

    def test_2015_victory_day(self, cal: WorkCalendar) -> None:
        """国发明电〔2015〕1号: 9月3日放假, 9月4日调休, 9月6日（星期日）上班."""
        assert DayType.STATUTORY_HOLIDAY == cal.day_type(D(2015, 9, 3))
        assert DayType.ADJUSTED_REST == cal.day_type(D(2015, 9, 4))
        assert cal.is_workday(D(2015, 9, 6))

    def test_leap_day_2024_is_an_ordinary_thursday(self, cal: WorkCalendar) -> None:
        """2024-02-29 is a plain workday; counting across it is by days, not months."""
        assert DayType.WORKDAY == cal.day_type(D(2024, 2, 29))
        assert 1 == cal.workdays_between(D(2024, 2, 28), D(2024, 2, 29))
        assert D(2024, 3, 1) == cal.add_workdays(D(2024, 2, 29), 1)


class TestRevisions:
    """Changes published during the year, asked "as known at" a date."""

    def test_2019_labour_day_before_the_change(self) -> None:
        """Before 国办发明电〔2019〕3号 (2019-03-22), 5月2日 was a workday, 4月28日 a rest day."""
        early = default_calendar(as_known_at=D(2019, 3, 1))
        assert early.is_workday(D(2019, 5, 2))
        assert early.is_rest_day(D(2019, 4, 28))
        assert ("国办发明电〔2018〕15号",) == tuple(n.number for n in early.sources(2019))

    def test_2019_labour_day_after_the_change(self, cal: WorkCalendar) -> None:
        """After it: 5月1日至4日放假, 4月28日、5月5日（星期日）上班."""
        assert all(cal.is_rest_day(D(2019, 5, d)) for d in range(1, 5))
        assert cal.is_workday(D(2019, 4, 28))
        assert cal.is_workday(D(2019, 5, 5))
        assert default_calendar(as_known_at=D(2019, 3, 22)).is_rest_day(D(2019, 5, 2))

    def test_2020_spring_festival_extension(self, cal: WorkCalendar) -> None:
        """国办发明电〔2020〕1号 (2020-01-26): the break runs to 2月2日; 2月1日 is no longer worked."""
        before = default_calendar(as_known_at=D(2020, 1, 25))
        assert before.is_workday(D(2020, 1, 31))
        assert before.is_workday(D(2020, 2, 1))
        assert cal.is_rest_day(D(2020, 1, 31))
        assert cal.is_rest_day(D(2020, 2, 1))
        assert cal.is_workday(D(2020, 2, 3))

    def test_the_extension_counts_from_its_release_not_its_signing(self) -> None:
        """Signed 2020-01-26, made public 2020-01-27: as known at the 26th, 01-31 is still a workday."""
        assert default_calendar(as_known_at=D(2020, 1, 26)).is_workday(D(2020, 1, 31))
        assert default_calendar(as_known_at=D(2020, 1, 27)).is_rest_day(D(2020, 1, 31))

    def test_as_known_at_cuts_coverage(self) -> None:
        """As known at 2025-11-03 the 2026 notice (2025-11-04) is not yet out."""
        assert D(2025, 12, 31) == default_calendar(as_known_at=D(2025, 11, 3)).coverage.last
        assert D(2026, 12, 31) == default_calendar(as_known_at=D(2025, 11, 4)).coverage.last

    def test_as_known_at_before_any_notice(self) -> None:
        """Nothing was published by 2003: a clear error, not an empty calendar."""
        with pytest.raises(SafetyDutyError, match="at least one year"):
            default_calendar(as_known_at=D(2003, 6, 1))
