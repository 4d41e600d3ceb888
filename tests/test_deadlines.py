"""Deadlines: worked edges typed by hand, properties, occurrences and the statutory catalog."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty import law
from safetyduty.calendars import default_calendar
from safetyduty.errors import NoRuleInForceError, SafetyDutyError, UnknownCodeError, ValidationError
from safetyduty.models import (
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    OneOff,
    Recurring,
    Triggered,
)
from safetyduty.rules import deadlines, statutory
from safetyduty.rules.deadlines import (
    Roll,
    due_after,
    occurrences,
    period_of,
    within_days,
    within_hours,
    within_months,
    within_workdays,
    within_years,
)
from safetyduty.rules.phrases import parse_schedule

D = date
CST = timezone(timedelta(hours=8))
CAL = default_calendar()


class TestCivilCodeCounting:
    """民法典 第201-203条, worked at the edges."""

    def test_event_day_not_counted(self) -> None:
        """An accident on 3-01 with 30 days: the window ends 3-31 (domain.md §12.1)."""
        assert D(2026, 3, 31) == within_days(D(2026, 3, 1), 30)

    def test_month_end_clamp(self) -> None:
        """1-31 + 1 month is the last day of February; 11-30 + 3 months in a leap year is 2-29."""
        assert D(2025, 2, 28) == within_months(D(2025, 1, 31), 1, roll="none")
        assert D(2024, 2, 29) == within_months(D(2024, 1, 31), 1, roll="none")
        assert D(2024, 2, 29) == within_months(D(2023, 11, 30), 3, roll="none")

    def test_year_end_and_leap_day(self) -> None:
        """3 years from 2023-10-01 ends 2026-10-01 (§12.1); 2024-02-29 + 1 year is 2025-02-28."""
        assert D(2026, 10, 1) == within_years(D(2023, 10, 1), 3, roll="none")
        assert D(2025, 2, 28) == within_years(D(2024, 2, 29), 1, roll="none")
        assert D(2027, 1, 1) == within_days(D(2026, 12, 25), 7, roll="none")

    def test_roll_out_of_the_2025_national_day_break(self) -> None:
        """A last day of 2025-10-05 (in the 国庆 break) moves to 2025-10-09."""
        assert D(2025, 10, 9) == within_days(D(2025, 9, 5), 30)
        assert D(2025, 10, 5) == within_days(D(2025, 9, 5), 30, roll="none")
        assert D(2025, 9, 30) == within_days(D(2025, 9, 5), 30, roll="preceding")
        assert D(2025, 10, 9) == within_days(D(2025, 9, 5), 30, roll="following")

    def test_makeup_saturday_is_a_valid_last_day(self) -> None:
        """2025-10-11 (Saturday, worked) does not roll."""
        assert D(2025, 10, 11) == within_days(D(2025, 10, 1), 10)

    def test_workdays_count_makeup_weekends(self) -> None:
        """From 2025-09-26: 9-28 (Sunday worked) is the 1st workday; the break is skipped."""
        assert D(2025, 9, 28) == within_workdays(D(2025, 9, 26), 1)
        assert D(2025, 10, 9) == within_workdays(D(2025, 9, 26), 4)
        assert D(2025, 10, 11) == within_workdays(D(2025, 9, 26), 6)

    def test_hours_across_midnight(self) -> None:
        """23:30 + 1 hour is 00:30 the next day, in the same zone."""
        due = within_hours(datetime(2026, 5, 1, 23, 30, tzinfo=CST), 1)
        assert datetime(2026, 5, 2, 0, 30, tzinfo=CST) == due
        assert due.utcoffset() == timedelta(hours=8)

    @pytest.mark.parametrize(
        "call",
        [
            lambda: within_days("2026-01-01", 3),  # type: ignore[arg-type]
            lambda: within_days(D(2026, 1, 1), 0),
            lambda: within_days(D(2026, 1, 1), True),  # type: ignore[arg-type]
            lambda: within_days(D(2026, 1, 1), 3, roll="nearest"),
            lambda: within_hours(datetime(2026, 1, 1), 1),
            lambda: within_workdays(D(2026, 1, 1), 3, calendar="cn"),  # type: ignore[arg-type]
            lambda: due_after(Duration(amount=1, unit=DurationUnit.HOURS), D(2026, 1, 1)),
            lambda: due_after("30日内", D(2026, 1, 1)),  # type: ignore[arg-type]
        ],
    )
    def test_bad_input(self, call: object) -> None:
        """Bad arguments raise ValidationError."""
        with pytest.raises(ValidationError):
            call()  # type: ignore[operator]

    def test_a_parsed_phrase_goes_straight_in(self) -> None:
        """What parse_schedule returns is accepted; a schedule that is no time limit is refused."""
        assert (
            D(2026, 3, 31) == due_after(parse_schedule("自事故发生之日起30日内"), D(2026, 3, 1)).due
        )
        with pytest.raises(ValidationError, match="limit"):
            due_after(parse_schedule("每月25日前"), D(2026, 3, 1))

    def test_beyond_the_calendar(self) -> None:
        """A civil-code roll needs the calendar: 2027 is not covered, so it says so."""
        with pytest.raises(SafetyDutyError, match="2027"):
            within_days(D(2026, 12, 20), 30)


DAYS = st.dates(min_value=D(2005, 1, 1), max_value=D(2025, 6, 30))  # room for 300 workdays


class TestProperties:
    """Invariants of the arithmetic."""

    @given(DAYS, st.integers(1, 365))
    def test_never_before_start_and_lands_on_a_workday(self, start: date, n: int) -> None:
        """With the civil-code roll the due date is after the start and a working day."""
        due = within_days(start, n)
        assert due > start
        assert CAL.is_workday(due)

    @given(DAYS, DAYS, st.integers(1, 365))
    def test_monotonic_in_start(self, a: date, b: date, n: int) -> None:
        """A later event never gives an earlier deadline."""
        first, second = sorted((a, b))
        assert within_days(first, n) <= within_days(second, n)
        assert within_months(first, min(n, 12)) <= within_months(second, min(n, 12))

    @given(DAYS, st.integers(1, 300))
    def test_monotonic_in_n(self, start: date, n: int) -> None:
        """More time never gives an earlier deadline."""
        assert within_days(start, n) <= within_days(start, n + 1)
        assert within_workdays(start, n) < within_workdays(start, n + 1)

    @pytest.mark.parametrize(
        ("start", "n", "due"),
        [
            # 国办发明电〔2025〕7号: 2026-02-15..23 off, 02-14 (Sat) and 02-28 (Sat) worked.
            (D(2026, 2, 13), 1, D(2026, 2, 14)),
            (D(2026, 2, 14), 1, D(2026, 2, 24)),
            (D(2026, 2, 13), 20, D(2026, 3, 19)),  # 02-14 (1), 02-24..28 (5), 03-02..19 (14)
            # 国办发明电〔2024〕12号: 2025-10-01..08 off, 09-28 (Sun) and 10-11 (Sat) worked.
            (D(2025, 9, 26), 1, D(2025, 9, 28)),
            (D(2025, 9, 30), 2, D(2025, 10, 10)),
            (D(2025, 9, 26), 20, D(2025, 10, 30)),
            # 国办发明电〔2019〕16号 and 〔2020〕1号: 春节 2020-01-24..02-02, 01-19 (Sun) worked.
            (D(2020, 1, 23), 1, D(2020, 2, 3)),
        ],
    )
    def test_workdays_from_the_notices(self, start: date, n: int, due: date) -> None:
        """ "N个工作日内" over 调休 weekends and breaks, dates counted by hand from the notices."""
        assert due == within_workdays(start, n)

    @given(DAYS, st.integers(1, 365), st.sampled_from(list(Roll)))
    def test_rolls_move_only_off_rest_days(self, start: date, n: int, roll: Roll) -> None:
        """A roll never moves a workday, and lands within a fortnight."""
        plain = within_days(start, n, roll="none")
        rolled = within_days(start, n, roll=roll)
        if CAL.is_workday(plain) or roll is Roll.NONE:
            assert plain == rolled
        else:
            assert abs((rolled - plain).days) <= 14
            assert CAL.is_workday(rolled)


class TestMomentsAndZones:
    """Moments: elapsed hours, and the day of a moment in China."""

    def test_day_limit_from_a_utc_moment_uses_the_china_date(self) -> None:
        """2025-09-30 20:00 UTC is 10-01 04:00 in China: "1日内" starts from 10-01."""
        moment = datetime(2025, 9, 30, 20, 0, tzinfo=timezone.utc)
        deadline = due_after(Duration(amount=1, unit=DurationUnit.DAYS), moment)
        assert (D(2025, 10, 1), D(2025, 10, 9)) == (deadline.start, deadline.due)
        # 15:59 UTC is 23:59 in Beijing, still 09-30; 16:00 UTC is already 10-01.
        before = datetime(2025, 9, 30, 15, 59, tzinfo=timezone.utc)
        after = datetime(2025, 9, 30, 16, 0, tzinfo=timezone.utc)
        limit = Duration(amount=1, unit=DurationUnit.DAYS)
        assert D(2025, 9, 30) == due_after(limit, before).start
        assert D(2025, 10, 1) == due_after(limit, after).start

    def test_hours_are_elapsed_hours_across_dst(self) -> None:
        """Berlin, 2026-03-29 01:30 CET + 1 h is 03:30 CEST; 10-25 02:30 CEST + 1 h is 02:30 CET."""
        berlin = ZoneInfo("Europe/Berlin")
        spring = within_hours(datetime(2026, 3, 29, 1, 30, tzinfo=berlin), 1)
        assert "2026-03-29T03:30:00+02:00" == spring.isoformat()
        autumn = within_hours(datetime(2026, 10, 25, 2, 30, tzinfo=berlin), 1)
        assert "2026-10-25T02:30:00+01:00" == autumn.isoformat()
        china = within_hours(datetime(2026, 3, 29, 1, 30, tzinfo=CST), 24)
        assert datetime(2026, 3, 30, 1, 30, tzinfo=CST) == china

    def test_near_the_end_of_time(self) -> None:
        """Periods and occurrences near 9999-12-31 end there or raise ValidationError."""
        assert (D(9999, 10, 1), D(9999, 12, 31)) == period_of(D(9999, 12, 31), "quarterly")
        assert (D(9999, 7, 1), D(9999, 12, 31)) == period_of(D(9999, 12, 31), "half_yearly")
        assert (D(9999, 12, 20), D(9999, 12, 26)) == period_of(D(9999, 12, 26), "weekly")
        with pytest.raises(ValidationError, match="9999"):
            period_of(D(9999, 12, 31), "weekly")
        monthly = Recurring(
            frequency=Frequency.MONTHLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=25)
        )
        assert [D(9999, 12, 25)] == [
            o.due for o in occurrences(monthly, D(9999, 12, 1), D(9999, 12, 31))
        ]
        next_q = Recurring(
            frequency=Frequency.QUARTERLY, due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=15)
        )
        with pytest.raises(ValidationError, match="end"):
            occurrences(next_q, D(9999, 1, 1), D(9999, 12, 31))
        weekly = Recurring(frequency=Frequency.WEEKLY)
        with pytest.raises(ValidationError, match="end"):
            occurrences(weekly, D(9999, 12, 1), D(9999, 12, 31))
        with pytest.raises(ValidationError, match="9999"):
            within_hours(datetime(9999, 12, 31, 23, tzinfo=CST), 10)


class TestDueRules:
    """Due dates typed from the plans' wording."""

    def test_weekly_due_day(self) -> None:
        """ "每周五前": Friday of each week (2026-01-05 is a Monday, so Friday is 01-09)."""
        friday = Recurring(
            frequency=Frequency.WEEKLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=5)
        )
        assert [D(2026, 1, 9), D(2026, 1, 16)] == [
            o.due for o in occurrences(friday, D(2026, 1, 5), D(2026, 1, 16))
        ]
        monday = Recurring(
            frequency=Frequency.WEEKLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=1)
        )
        assert [D(2026, 1, 5)] == [
            o.due for o in occurrences(monday, D(2026, 1, 5), D(2026, 1, 11))
        ]

    def test_yearly_due_in_a_named_month(self) -> None:
        """ "每年1月31日前" is January 31; "每年3月1日前" is March 1 (not January, not the 31st)."""
        jan31 = Recurring(
            frequency=Frequency.YEARLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=31, month=1)
        )
        assert [D(2026, 1, 31)] == [
            o.due for o in occurrences(jan31, D(2026, 1, 1), D(2026, 12, 31))
        ]
        mar1 = Recurring(
            frequency=Frequency.YEARLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=1, month=3)
        )
        assert [D(2026, 3, 1)] == [o.due for o in occurrences(mar1, D(2026, 1, 1), D(2026, 12, 31))]
        next_jan = Recurring(
            frequency=Frequency.YEARLY,
            due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=31, month=1),
        )
        assert [D(2027, 1, 31)] == [
            o.due for o in occurrences(next_jan, D(2026, 1, 1), D(2026, 12, 31))
        ]

    def test_one_offs_on_january_and_day_1(self) -> None:
        """A one-off due on 1 January is inside a range that starts or ends that day."""
        for due in (D(2022, 1, 1), D(2021, 1, 1)):
            got = occurrences(OneOff(due=due), due, due)
            assert [(due, due, 1)] == [(o.end, o.due, o.times) for o in got]
        rolled = occurrences(
            OneOff(due=D(2022, 1, 1)), D(2021, 1, 1), D(2022, 12, 31), roll="following"
        )
        assert [(D(2022, 1, 4), D(2022, 1, 1))] == [(o.due, o.rolled_from) for o in rolled]

    def test_a_custom_calendar_object(self) -> None:
        """Any object with the HolidayCalendar methods is used instead of the bundled one."""

        class EveryDayWorks:
            def is_workday(self, day: date, /) -> bool:
                return True

            def next_workday(self, day: date, /) -> date:
                return day

            def previous_workday(self, day: date, /) -> date:
                return day

            def add_workdays(self, day: date, n: int, /) -> date:
                return day + timedelta(days=n)

            def workdays_between(self, start: date, end: date, /) -> int:
                return (end - start).days

        own = EveryDayWorks()
        assert D(2025, 10, 3) == within_days(D(2025, 9, 26), 7, calendar=own)
        assert D(2025, 10, 16) == within_workdays(D(2025, 9, 26), 20, calendar=own)
        with pytest.raises(ValidationError, match="calendar"):
            within_days(D(2025, 9, 26), 7, calendar=object())  # type: ignore[arg-type]


class TestOccurrences:
    """Periods of recurring duties and their due dates."""

    def test_monthly_25th_including_the_day(self) -> None:
        """每月25日前: due on the 25th itself, not rolled by default (2026-01-25 is a Sunday)."""
        schedule = Recurring(
            frequency=Frequency.MONTHLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=25)
        )
        (jan,) = occurrences(schedule, D(2026, 1, 1), D(2026, 1, 31))
        assert (D(2026, 1, 1), D(2026, 1, 31), D(2026, 1, 25), None) == (
            jan.start,
            jan.end,
            jan.due,
            jan.rolled_from,
        )
        (rolled,) = occurrences(schedule, D(2026, 1, 1), D(2026, 1, 31), roll="following")
        assert (D(2026, 1, 26), D(2026, 1, 25)) == (rolled.due, rolled.rolled_from)

    def test_quarter_ends_and_next_quarter(self) -> None:
        """每季度底前 → quarter ends; 下一季度15日前 → 4-15, 7-15, 10-15, 1-15."""
        ends = occurrences(
            Recurring(frequency=Frequency.QUARTERLY), D(2026, 2, 10), D(2026, 12, 31)
        )
        assert [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)] == [
            o.due for o in ends
        ]
        assert [D(2026, 1, 1), D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1)] == [
            o.start for o in ends
        ]
        stats = statutory.statutory("hazard.statistics.quarterly").schedule
        assert [D(2026, 4, 15), D(2026, 7, 15), D(2026, 10, 15), D(2027, 1, 15)] == [
            o.due for o in occurrences(stats, D(2026, 1, 1), D(2026, 12, 31))
        ]

    def test_yearly_and_half_yearly(self) -> None:
        """每年12月20日前 and 每半年; annual statistics by 1-31 of the next year."""
        yearly = Recurring(
            frequency=Frequency.YEARLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, month=12, day=20)
        )
        assert [D(2020, 12, 20), D(2021, 12, 20), D(2022, 12, 20)] == [
            o.due for o in occurrences(yearly, D(2020, 4, 1), D(2022, 12, 31))
        ]
        halves = occurrences(
            Recurring(frequency=Frequency.HALF_YEARLY, times=2), D(2026, 1, 1), D(2026, 12, 31)
        )
        assert [(D(2026, 6, 30), 2), (D(2026, 12, 31), 2)] == [(o.due, o.times) for o in halves]
        annual = statutory.statutory("hazard.statistics.yearly").schedule
        assert [D(2026, 1, 31)] == [
            o.due for o in occurrences(annual, D(2025, 3, 1), D(2025, 3, 1))
        ]

    def test_day_31_is_clamped(self) -> None:
        """A due day 31 in February is the month's last day."""
        schedule = Recurring(
            frequency=Frequency.MONTHLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=31)
        )
        assert [D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)] == [
            o.due for o in occurrences(schedule, D(2024, 2, 1), D(2024, 4, 30))
        ]

    def test_weeks_and_days(self) -> None:
        """Weeks start on Monday; a daily duty is due each day."""
        assert (D(2025, 12, 29), D(2026, 1, 4)) == period_of(D(2026, 1, 1), "weekly")
        weekly = occurrences(Recurring(frequency=Frequency.WEEKLY), D(2026, 1, 1), D(2026, 1, 14))
        assert [D(2026, 1, 4), D(2026, 1, 11), D(2026, 1, 18)] == [o.due for o in weekly]
        assert 31 == len(
            occurrences(Recurring(frequency=Frequency.DAILY), D(2026, 1, 1), D(2026, 1, 31))
        )

    def test_one_off_and_triggered(self) -> None:
        """A one-off yields its date inside the range; a triggered one needs its event."""
        assert [D(2021, 12, 31)] == [
            o.due for o in occurrences(OneOff(due=D(2021, 12, 31)), D(2021, 1, 1), D(2021, 12, 31))
        ]
        assert () == occurrences(OneOff(due=D(2021, 12, 31)), D(2022, 1, 1), D(2022, 12, 31))
        with pytest.raises(ValidationError, match="due_after"):
            occurrences(
                Triggered(
                    event=EventKind.ACCIDENT, within=Duration(amount=1, unit=DurationUnit.DAYS)
                ),
                D(2026, 1, 1),
                D(2026, 2, 1),
            )
        with pytest.raises(ValidationError, match="end"):
            occurrences(OneOff(due=D(2021, 12, 31)), D(2022, 1, 1), D(2021, 1, 1))

    @given(
        st.sampled_from(list(Frequency)),
        st.dates(min_value=D(2010, 1, 1), max_value=D(2030, 12, 31)),
        st.integers(0, 800),
    )
    def test_periods_tile_the_range(self, frequency: Frequency, start: date, span: int) -> None:
        """Periods are contiguous, ordered, cover the range, and each due date fits its rule."""
        end = start + timedelta(days=span)
        found = occurrences(Recurring(frequency=frequency), start, end)
        assert found[0].start <= start
        assert found[-1].end >= end
        for before, after in itertools.pairwise(found):
            assert after.start == before.end + timedelta(days=1)
        assert all(o.due == o.end for o in found)


class TestStatutory:
    """The catalog of fixed deadlines, each with its source."""

    def test_every_entry_has_a_basis_and_a_first_day(self) -> None:
        """Each national duty names a registry source, an article and the day its text took effect."""
        duties = law.national_duties()
        assert all(e.basis.source and e.basis.article for e in duties)
        assert all(e.effective.start is not None for e in duties)

    def test_an_event_before_the_text_has_no_deadline(self) -> None:
        """应急条例 took effect 2019-04-01; Order 16 on 2008-02-01: earlier events have no such limit."""
        with pytest.raises(NoRuleInForceError, match="2021-09-01"):
            statutory.statutory_deadline("accident.rectification_assessment", D(2021, 8, 31))
        assert (
            D(2022, 9, 1)
            == statutory.statutory_deadline("accident.rectification_assessment", D(2021, 9, 1)).due
        )

    def test_the_version_in_force_on_the_events_day_is_cited(self) -> None:
        """备案 within 20 working days: 令88 for a plan published in 2018, 令2 for one in 2020."""
        assert (
            "emergency-plans-2016"
            == statutory.statutory_deadline("emergency_plan.filing", D(2018, 3, 1)).basis.source
        )  # type: ignore[union-attr]
        assert (
            "emergency-plans-2019"
            == statutory.statutory_deadline("emergency_plan.filing", D(2020, 3, 2)).basis.source
        )  # type: ignore[union-attr]

    def test_supplementary_report_runs_from_the_accident(self) -> None:
        """条例 第十三条: the 30 days are counted from the accident, not from the change."""
        d = statutory.statutory_deadline(
            "accident.supplementary_report", D(2026, 3, 1), changed_on=D(2026, 3, 31)
        )
        assert D(2026, 3, 31) == d.due
        with pytest.raises(ValidationError, match="changed_on"):
            statutory.statutory_deadline(
                "accident.supplementary_report", D(2026, 3, 1), changed_on=D(2026, 4, 1)
            )

    @pytest.mark.parametrize(
        ("key", "event", "due"),
        [
            (
                "accident.report.unit_head",
                datetime(2026, 5, 1, 23, 30, tzinfo=CST),
                datetime(2026, 5, 2, 0, 30, tzinfo=CST),
            ),
            (
                "accident.report.each_level",
                datetime(2026, 5, 1, 23, 30, tzinfo=CST),
                datetime(2026, 5, 2, 1, 30, tzinfo=CST),
            ),
            ("accident.supplementary_report", D(2026, 3, 1), D(2026, 3, 31)),
            ("accident.supplementary_report.road_fire", D(2026, 9, 24), D(2026, 10, 8)),
            ("accident.investigation_report", D(2026, 3, 1), D(2026, 4, 30)),
            ("accident.approval.general", D(2026, 9, 20), D(2026, 10, 8)),
            ("accident.rectification_assessment", D(2024, 2, 29), D(2025, 2, 28)),
            ("emergency_plan.filing", D(2025, 9, 26), D(2025, 10, 30)),
            ("special_operation.certificate.review", D(2023, 5, 10), D(2026, 5, 11)),
            ("special_operation.certificate.review.extended", D(2020, 10, 1), D(2026, 10, 8)),
            ("assessment.took_office", D(2025, 8, 31), D(2026, 2, 28)),
            ("penalty.publication", D(2026, 9, 28), D(2026, 10, 13)),
            ("penalty.fine_payment", D(2026, 2, 1), D(2026, 2, 24)),
        ],
    )
    def test_worked_deadlines(self, key: str, event: date, due: date) -> None:
        """Each limit from its event, typed by hand on the 2024-2026 calendars."""
        deadline = statutory.statutory_deadline(key, event)
        assert due == deadline.due
        assert (
            statutory.statutory(
                key,
                on=event
                if isinstance(event, date) and not isinstance(event, datetime)
                else event.date(),
            ).basis
            == deadline.basis
        )

    def test_unknown_and_recurring_keys(self) -> None:
        """Unknown keys and recurring entries are clear errors."""
        with pytest.raises(UnknownCodeError):
            statutory.statutory("no.such.rule")
        with pytest.raises(ValidationError, match="occurrences"):
            statutory.statutory_deadline("hazard.statistics.quarterly", D(2026, 1, 1))

    def test_review_window(self) -> None:
        """ "期满前60日内": from due − 60 days to the due date."""
        assert (D(2026, 3, 12), D(2026, 5, 11)) == statutory.review_application_window(
            D(2026, 5, 11)
        )


def test_deadline_explains_itself() -> None:
    """The explanation names the rule, the roll and the basis."""
    d = statutory.statutory_deadline("emergency_plan.filing", D(2025, 9, 26))
    assert "20个工作日内" in d.explain()
    assert "第二十六条" in d.explain()
    rolled = due_after(Duration(amount=7, unit=DurationUnit.DAYS), D(2025, 9, 26))
    assert "moved from 2025-10-03" in rolled.explain("en")
    assert deadlines.CIVIL_CODE_BASIS == rolled.counting


def _plain_occurrences(
    schedule: Recurring, first: date, last: date, roll: str
) -> list[tuple[date, date, int, date, date | None]]:
    """The periods as the first version of the library found them: period_of and relativedelta.

    The reference for the stepped loop of :func:`occurrences` (kept here, not in the library).
    """
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    def nominal_due(start: date, end: date) -> date:
        rule = schedule.due
        if rule.kind is DueKind.END_OF_PERIOD:
            return end
        anchor = end + timedelta(days=1) if rule.kind is DueKind.DAY_OF_NEXT_PERIOD else start
        if schedule.frequency is Frequency.WEEKLY:
            return anchor + timedelta(days=(rule.day or 1) - 1)
        month_start = anchor + relativedelta(months=(rule.month or 1) - 1)
        return month_start + relativedelta(day=rule.day or 1)

    found = []
    start, end = period_of(first, schedule.frequency)
    while start <= last:
        nominal = nominal_due(start, end)
        due = deadlines.roll_date(nominal, roll)
        found.append((start, end, schedule.times, due, nominal if due != nominal else None))
        if end == date.max:
            break
        start, end = period_of(end + timedelta(days=1), schedule.frequency)
    return found


def _outcome(call: Callable[[], object]) -> object:
    """What *call* returns, or the type and message of the library error it raises."""
    try:
        return call()
    except SafetyDutyError as exc:
        return type(exc), str(exc)


_RULES = st.one_of(
    st.just(DueRule()),
    st.builds(
        DueRule,
        kind=st.sampled_from([DueKind.DAY_OF_PERIOD, DueKind.DAY_OF_NEXT_PERIOD]),
        month=st.none() | st.integers(1, 12),
        day=st.integers(1, 31),
    ),
)


class TestOccurrencesStepped:
    """occurrences steps by month number, not by date arithmetic: the same periods as the plain way."""

    @given(
        st.tuples(st.sampled_from(list(Frequency)), st.integers(1, 4), _RULES),
        st.tuples(
            st.dates(D(2004, 1, 1), D(2026, 11, 30)),
            st.integers(0, 1200),
            st.sampled_from(["none", "following", "preceding"]),
        ),
    )
    def test_equals_the_plain_loop(
        self, duty: tuple[Frequency, int, DueRule], span: tuple[date, int, str]
    ) -> None:
        """Every period, due date and rolled-from date, for every frequency, rule and roll."""
        (frequency, times, rule), (first, days, roll) = duty, span
        if frequency is Frequency.WEEKLY and rule.day is not None:
            rule = DueRule(kind=rule.kind, day=min(rule.day, 7))
        try:
            schedule = Recurring(frequency=frequency, times=times, due=rule)
        except ValidationError:
            return  # a rule the schedule refuses (a month beyond a quarter, …)
        last = min(first + timedelta(days=days), D(2026, 11, 30))
        expected = _outcome(lambda: _plain_occurrences(schedule, first, last, roll))
        got = _outcome(
            lambda: [
                (o.start, o.end, o.times, o.due, o.rolled_from)
                for o in occurrences(schedule, first, last, roll=roll)
            ]
        )
        assert expected == got  # the same periods, or the same error (a due day past the calendar)

    @given(
        st.sampled_from([Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY]),
        _RULES,
        st.dates(D(9990, 1, 1), D(9999, 12, 31)),
    )
    def test_the_last_years(self, frequency: Frequency, rule: DueRule, first: date) -> None:
        """Up to 9999-12-31: the same periods, or the same error naming the period due after it."""
        try:
            schedule = Recurring(frequency=frequency, due=rule)
        except ValidationError:
            return
        try:
            expected: object = _plain_occurrences(schedule, first, D(9999, 12, 31), "none")
        except (OverflowError, ValueError):
            expected = ValidationError
        if expected is ValidationError:
            with pytest.raises(ValidationError, match="due after 9999-12-31"):
                occurrences(schedule, first, D(9999, 12, 31))
        else:
            got = occurrences(schedule, first, D(9999, 12, 31))
            assert expected == [(o.start, o.end, o.times, o.due, o.rolled_from) for o in got]
