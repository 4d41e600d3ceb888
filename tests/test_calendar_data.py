"""Invariants of the bundled notice data, year by year."""

from __future__ import annotations

from datetime import date

import pytest

from safetyduty.calendars import (
    DayType,
    WorkCalendar,
    YearArrangement,
    bundled_years,
    holiday_law_for,
    statutory_holidays,
)

D = date
YEARS = bundled_years()

# Weekday days off minus weekend days worked differs from the law's count only
# where a notice added days: 国发明电〔2015〕1号 (9月3日 plus 9月4日 swapped for
# 9月6日) and 国办发明电〔2020〕1号 (春节 extended to 2月2日, Saturday 2月1日 no
# longer worked).
EXTRA_DAYS = {2015: 1, 2020: 2}


def ids(arrangement: YearArrangement) -> str:
    """Test id: the year."""
    return str(arrangement.year)


class TestBundledYears:
    """The data set as a whole."""

    def test_years_run_from_2004_to_2026_without_gaps(self) -> None:
        """One file per year, consecutive."""
        assert list(range(2004, 2027)) == [a.year for a in YEARS]

    def test_notices_from_2006_carry_number_date_and_url(self) -> None:
        """Every notice from 2006 on has its 文号, date and a URL of its text."""
        main = [a.main_notice() for a in YEARS if a.year >= 2006]
        assert all(n.number and n.published and n.url for n in main)

    def test_signed_and_released_where_the_sources_give_them(self) -> None:
        """成文日期 and 发布日期 as the notices and their gov.cn records give them."""
        notices = {n.number: n for a in YEARS for n in a.notices}
        assert (D(2020, 1, 26), D(2020, 1, 27)) == (
            notices["国办发明电〔2020〕1号"].signed,
            notices["国办发明电〔2020〕1号"].released,
        )
        assert (D(2018, 12, 4), D(2018, 12, 6)) == (
            notices["国办发明电〔2018〕15号"].signed,
            notices["国办发明电〔2018〕15号"].released,
        )
        assert (D(2006, 12, 14), None) == (
            notices["国办发明电〔2006〕49号"].signed,
            notices["国办发明电〔2006〕49号"].released,
        )
        assert all(
            n.released is None or n.signed is None or n.signed <= n.released
            for n in notices.values()
        )

    def test_the_2008_number_is_marked_unverified(self) -> None:
        """No official text confirming 〔2007〕52号 was found: the record says so."""
        notice = next(a for a in YEARS if a.year == 2008).main_notice()
        assert notice.note.startswith("UNVERIFIED")

    def test_main_notices_precede_their_year(self) -> None:
        """A main notice is issued before the year it arranges."""
        late = [a.year for a in YEARS if (p := a.main_notice().published) and p.year >= a.year]
        assert [] == late


@pytest.mark.parametrize("arrangement", YEARS, ids=ids)
class TestEachYear:
    """Per-year invariants (the changes of 2015, 2019, 2020 applied)."""

    def test_days_off_balance_the_law(self, arrangement: YearArrangement) -> None:
        """Weekday days off − weekend workdays = the law's statutory days (10/11/13)."""
        spans = arrangement.spans_known_at(None)
        weekdays_off = sum(1 for s in spans for d in s.rest_days() if d.weekday() < 5)
        worked = sum(len(s.makeup_workdays) for s in spans)
        expected = holiday_law_for(arrangement.year).days_per_year
        assert expected + EXTRA_DAYS.get(arrangement.year, 0) == weekdays_off - worked

    def test_every_makeup_workday_is_a_weekend_day(self, arrangement: YearArrangement) -> None:
        """调休上班 only ever falls on a Saturday or Sunday."""
        days = [d for s in arrangement.holidays for d in s.makeup_workdays]
        assert all(d.weekday() >= 5 for d in days)

    def test_every_statutory_day_lies_in_a_break(self, arrangement: YearArrangement) -> None:
        """The notices give off every day the law names."""
        off = {d for s in arrangement.spans_known_at(None) for d in s.rest_days()}
        missing = [d for d in statutory_holidays(arrangement.year) if d not in off]
        assert [] == missing

    def test_every_rest_day_that_is_not_a_weekend_has_a_name(
        self, cal: WorkCalendar, arrangement: YearArrangement
    ) -> None:
        """Holiday names exist for every rest day other than a plain weekend."""
        first, last = date(arrangement.year, 1, 1), date(arrangement.year, 12, 31)
        days = [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]
        not_plain = (DayType.STATUTORY_HOLIDAY, DayType.ADJUSTED_REST, DayType.MAKEUP_WORKDAY)
        unnamed = [d for d in days if cal.day_type(d) in not_plain and cal.holiday_name(d) is None]
        assert [] == unnamed

    def test_every_break_contains_its_festival(self, arrangement: YearArrangement) -> None:
        """Each break holds at least one statutory day of a festival it names."""
        law_days = statutory_holidays(arrangement.year)
        lonely = [
            s.festivals
            for s in arrangement.spans_known_at(None)
            if not s.declared
            and not any(set(law_days.get(d, ())) & set(s.festivals) for d in s.rest_days())
        ]
        assert [] == lonely
