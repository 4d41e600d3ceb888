"""Deadlines: how the time limits of laws and plans turn into dates.

Counting follows 《民法典》 第二百零一条 to 第二百零三条 by default:

- "X日内", "X个月内", "X年内" after an event: the event day is not counted;
  the last day is the event day plus X days, or the corresponding day X
  months or years later (the month's last day when there is none);
- a last day that is a rest day (a statutory holiday, or a weekend that is
  not a 调休 workday) moves to the next working day (``roll="civil_code"``);
- "X小时内" runs from the event time itself, with no rolling;
- "X个工作日内" counts the working days after the event day (调休 weekend
  workdays count, holidays do not).

Deadlines stated by plans and notices ("每月25日前", "年底前") include the
named day and are not rolled by default (``roll="none"``; decision 3 of
``domain.md``); ``roll="following"`` moves them to the next working day.

Examples:
    >>> from datetime import date
    >>> within_days(date(2025, 9, 26), 7)           # 10-03 is in the 国庆 break
    datetime.date(2025, 10, 9)
    >>> within_workdays(date(2025, 9, 26), 20)
    datetime.date(2025, 10, 30)
    >>> within_months(date(2024, 11, 30), 3)        # 2025-02-30 does not exist
    datetime.date(2025, 2, 28)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Final

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty._validate import member_of, optional, plain_date, text
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Basis,
    DueKind,
    Duration,
    DurationUnit,
    Frequency,
    OneOff,
    Recurring,
    Schedule,
    Timing,
    Triggered,
)
from safetyduty.rules._args import bundled_calendar
from safetyduty.typing import HolidayCalendar

__all__ = [
    "CHINA_TIME",
    "CIVIL_CODE_BASIS",
    "Deadline",
    "Occurrence",
    "Roll",
    "due_after",
    "occurrences",
    "period_of",
    "roll_date",
    "within_days",
    "within_hours",
    "within_months",
    "within_workdays",
    "within_years",
]

CIVIL_CODE_BASIS: Final = Basis(
    document="《中华人民共和国民法典》", article="第二百零一条至第二百零三条"
)
"""The counting rules applied by default."""


class Roll(StrEnum):
    """What to do when a deadline falls on a rest day."""

    CIVIL_CODE = "civil_code"
    """民法典 第203条: the day after the 法定休假日 ends, i.e. the next workday."""
    NONE = "none"
    """Keep the date."""
    FOLLOWING = "following"
    """Move to the next workday."""
    PRECEDING = "preceding"
    """Move back to the previous workday."""


register(
    [
        (Roll.CIVIL_CODE, ("按民法典顺延至节假日后第一日", "civil code: next working day")),
        (Roll.NONE, ("不顺延", "no roll")),
        (Roll.FOLLOWING, ("顺延至下一工作日", "following working day")),
        (Roll.PRECEDING, ("提前至上一工作日", "preceding working day")),
    ]
)


def _roll(value: object) -> Roll:
    try:
        return Roll(value)
    except ValueError:
        allowed = ", ".join(r.value for r in Roll)
        raise ValidationError("roll", value, f"must be one of {allowed}") from None


def _day(name: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(name, value, "must be a datetime.date")
    return value


def _count(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(name, value, "must be an int >= 1")
    return value


def _shifted(start: date, n: object, *, days: int = 0, months: int = 0, years: int = 0) -> date:
    """*start* moved on; a result past the year 9999 is *n*'s fault."""
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - dateutil on first use, not at import

    try:
        return start + relativedelta(days=days, months=months, years=years)
    except (OverflowError, ValueError):
        raise ValidationError("n", n, "takes the date past 9999-12-31") from None


def _calendar(calendar: HolidayCalendar | None) -> HolidayCalendar:
    if calendar is None:
        return bundled_calendar()
    if not isinstance(calendar, HolidayCalendar):
        raise ValidationError(
            "calendar", calendar, "must offer is_workday, next_workday, previous_workday, …"
        )
    return calendar


def roll_date(day: date, roll: Roll | str, *, calendar: HolidayCalendar | None = None) -> date:
    """*day* moved off a rest day as *roll* says.

    Examples:
        >>> roll_date(date(2025, 10, 1), "civil_code")
        datetime.date(2025, 10, 9)
        >>> roll_date(date(2025, 10, 1), "preceding")
        datetime.date(2025, 9, 30)
        >>> roll_date(date(2025, 10, 1), "none")
        datetime.date(2025, 10, 1)
    """
    checked = _roll(roll)
    _day("day", day)
    if checked is Roll.NONE:
        return day
    cal = _calendar(calendar)
    if checked is Roll.PRECEDING:
        return cal.previous_workday(day)
    return cal.next_workday(day)


def within_days(
    start: date,
    n: int,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.CIVIL_CODE,
) -> date:
    """The last day of "自 *start* 起 *n* 日内": *start* + *n* days, rolled.

    Examples:
        >>> within_days(date(2026, 3, 1), 30)     # Tuesday 2026-03-31
        datetime.date(2026, 3, 31)
        >>> within_days(date(2026, 2, 6), 15)     # 2026-02-21 is in the 春节 break
        datetime.date(2026, 2, 24)
        >>> within_days(date(2026, 2, 6), 15, roll="none")
        datetime.date(2026, 2, 21)
    """
    last = _shifted(_day("start", start), n, days=_count("n", n))
    return roll_date(last, roll, calendar=calendar)


def within_workdays(start: date, n: int, *, calendar: HolidayCalendar | None = None) -> date:
    """The last day of "*n* 个工作日内" from *start*: the *n*-th workday after it.

    Examples:
        >>> within_workdays(date(2026, 1, 1), 1)   # the Sunday worked for 元旦
        datetime.date(2026, 1, 4)
    """
    return _calendar(calendar).add_workdays(_day("start", start), _count("n", n))


def within_months(
    start: date,
    n: int,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.CIVIL_CODE,
) -> date:
    """The last day of "*n* 个月内": the corresponding day, clamped to the month's end, rolled.

    Examples:
        >>> within_months(date(2025, 1, 31), 1, roll="none")
        datetime.date(2025, 2, 28)
        >>> within_months(date(2023, 11, 30), 3, roll="none")   # 2024 is a leap year
        datetime.date(2024, 2, 29)
    """
    last = _shifted(_day("start", start), n, months=_count("n", n))
    return roll_date(last, roll, calendar=calendar)


def within_years(
    start: date,
    n: int,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.CIVIL_CODE,
) -> date:
    """The last day of "*n* 年内": the corresponding day *n* years later (2-29 → 2-28), rolled.

    Examples:
        >>> within_years(date(2024, 2, 29), 3, roll="none")
        datetime.date(2027, 2, 28)
    """
    last = _shifted(_day("start", start), n, years=_count("n", n))
    return roll_date(last, roll, calendar=calendar)


def within_hours(start: datetime, n: int) -> datetime:
    """The end of "*n* 小时内" from the event time: *n* elapsed hours later, in *start*'s zone.

    Hours are elapsed (physical) hours, counted in UTC and shown in the time
    zone of *start*: across a daylight-saving change in a zone that has one,
    the wall clock moves by *n* ± 1 hours. (China Standard Time has no DST.)

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> within_hours(datetime(2026, 5, 1, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai")), 1)
        datetime.datetime(2026, 5, 2, 0, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Shanghai'))
        >>> within_hours(datetime(2026, 3, 29, 1, 30, tzinfo=ZoneInfo("Europe/Berlin")), 1).isoformat()
        '2026-03-29T03:30:00+02:00'
    """
    if not isinstance(start, datetime) or start.utcoffset() is None:
        raise ValidationError("start", start, "must be a timezone-aware datetime")
    count = _count("n", n)
    try:
        return (start.astimezone(timezone.utc) + timedelta(hours=count)).astimezone(start.tzinfo)
    except (OverflowError, ValueError):
        raise ValidationError("n", n, "takes the moment outside the years 1..9999") from None


CHINA_TIME: Final = timezone(timedelta(hours=8), "CST")
"""China Standard Time (UTC+8, no daylight saving since 1991)."""


def _china_date(name: str, moment: datetime) -> date:
    """The day of an aware *moment* in China: the one rule for turning a moment into a day."""
    try:
        return moment.astimezone(CHINA_TIME).date()
    except (OverflowError, ValueError):
        raise ValidationError(name, moment, "must lie within the years 1..9999") from None


def _moment(value: object) -> date | datetime:
    if isinstance(value, (date, datetime)):
        return value
    raise ValidationError("due", value, "must be a date or datetime")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Deadline:
    """A computed deadline and why it is what it is.

    Attributes:
        start: the event the limit runs from.
        due: the last allowed day (or moment, for hour limits).
        rule: the limit in words, e.g. ``30日内``.
        roll: what was done about a rest day.
        rolled_from: the date before rolling, if rolling moved it.
        basis: the text the limit comes from.
        counting: the counting rules applied.

    Examples:
        >>> d = due_after(Duration(amount=7, unit=DurationUnit.DAYS), date(2025, 9, 26))
        >>> d.due, d.rolled_from
        (datetime.date(2025, 10, 9), datetime.date(2025, 10, 3))
        >>> d.explain()
        '2025-09-26起7日内，截止2025-10-09（原为2025-10-03，遇休息日顺延）'
    """

    start: date | datetime = attrs.field(converter=_moment)
    due: date | datetime = attrs.field(converter=_moment)
    rule: str = attrs.field(validator=text)
    roll: Roll = attrs.field(default=Roll.NONE, validator=member_of(Roll))
    rolled_from: date | None = attrs.field(default=None, validator=optional(plain_date))
    basis: Basis | None = attrs.field(default=None)
    counting: Basis = attrs.field(default=CIVIL_CODE_BASIS)

    def explain(self, locale: str = "zh_CN") -> str:
        """One sentence saying how the deadline was reached."""
        start, due = _iso(self.start), _iso(self.due)
        if locale == "en":
            text_ = f"{self.rule} from {start}: due {due}"
            if self.rolled_from:
                text_ += f" (moved from {self.rolled_from.isoformat()}, a rest day)"
            return text_ + (f"; {self.basis}" if self.basis else "")
        text_ = f"{start}起{self.rule}，截止{due}"
        if self.rolled_from:
            text_ += f"（原为{self.rolled_from.isoformat()}，遇休息日顺延）"
        return text_ + (f"；依据{self.basis}" if self.basis else "")


def _iso(value: date | datetime) -> str:
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def due_after(
    limit: Duration | Schedule | Timing,
    event: date | datetime,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.CIVIL_CODE,
    basis: Basis | None = None,
) -> Deadline:
    """The deadline of a time limit that starts with an event.

    *limit* is a ``Duration`` or a ``Triggered`` schedule. It is typed to take
    any schedule, so that what :func:`~safetyduty.rules.phrases.parse_schedule`
    returns can be passed straight in; a schedule that is not a time limit
    after an event (每月25日前) is refused.

    *event* is a date, or an aware datetime (required for hour limits). For a
    day-based limit the day of an aware datetime is its date in China time
    (UTC+8), whatever zone it is written in: 2025-09-30 20:00 UTC is
    2025-10-01 in China. A naive datetime is rejected.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> from safetyduty.models import EventKind
        >>> at = datetime(2026, 5, 1, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
        >>> due_after(Duration(amount=1, unit=DurationUnit.HOURS), at).due.isoformat()
        '2026-05-02T00:30:00+08:00'
        >>> retrain = Triggered(event=EventKind.FATAL_ACCIDENT, within=Duration(amount=3, unit=DurationUnit.MONTHS))
        >>> due_after(retrain, at).due                  # 2026-08-01 is a Saturday
        datetime.date(2026, 8, 3)
    """
    duration = limit.within if isinstance(limit, Triggered) else limit
    if not isinstance(duration, Duration):
        raise ValidationError("limit", limit, "must be a Duration or a Triggered schedule")
    checked = _roll(roll)
    if duration.unit is DurationUnit.HOURS:
        if not isinstance(event, datetime):
            raise ValidationError(
                "event", event, "must be a timezone-aware datetime for an hour limit"
            )
        return Deadline(
            start=event, due=within_hours(event, duration.amount), rule=f"{duration}内", basis=basis
        )
    day = (
        _china_date("event", event)
        if isinstance(event, datetime) and event.utcoffset() is not None
        else event
    )
    start = _day("event", day)
    if duration.unit is DurationUnit.WORKDAYS:
        due = within_workdays(start, duration.amount, calendar=calendar)
        return Deadline(start=start, due=due, rule=f"{duration}内", basis=basis)
    amount = duration.amount
    last = _shifted(
        start,
        amount,
        days=amount if duration.unit is DurationUnit.DAYS else 0,
        months=amount if duration.unit is DurationUnit.MONTHS else 0,
        years=amount if duration.unit is DurationUnit.YEARS else 0,
    )
    due = roll_date(last, checked, calendar=calendar)
    return Deadline(
        start=start,
        due=due,
        rule=f"{duration}内",
        roll=checked,
        rolled_from=last if due != last else None,
        basis=basis,
    )


# ------------------------------------------------------------------ periods

_MONTHS: Final = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}


def period_of(day: date, frequency: Frequency | str) -> tuple[date, date]:
    """The calendar-aligned period of *frequency* that contains *day* (first and last day).

    Weeks start on Monday; quarters in January, April, July, October;
    half-years in January and July.

    Examples:
        >>> period_of(date(2026, 5, 20), "quarterly")
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
        >>> period_of(date(2026, 1, 4), "weekly")
        (datetime.date(2025, 12, 29), datetime.date(2026, 1, 4))
    """
    try:
        freq = Frequency(frequency)
    except ValueError:
        raise ValidationError("frequency", frequency, "must be a Frequency") from None
    _day("day", day)
    if freq is Frequency.DAILY:
        return day, day
    if freq is Frequency.WEEKLY:
        monday = day - timedelta(days=day.weekday())
        if monday > date.max - timedelta(days=6):
            raise ValidationError("day", day, "has a week that runs past 9999-12-31")
        return monday, monday + timedelta(days=6)
    months = _MONTHS[freq]
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    last_day = _month_days(day.year, last_month)
    return date(day.year, first_month, 1), date(day.year, last_month, last_day)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Occurrence:
    """One period of a recurring duty, or the single due date of a one-off duty.

    Attributes:
        start: the first day of the period (for a one-off: the query's start).
        end: the last day of the period (for a one-off: its due date).
        times: how many times the duty must be done in the period.
        due: the due date (after rolling, if asked).
        rolled_from: the date before rolling, if rolling moved it.
    """

    start: date
    end: date
    times: int
    due: date
    rolled_from: date | None = None


def _due_in(schedule: Recurring, first: date, last: date) -> date:
    """The nominal due date of the period *first*..*last* (day *N* clamped to its month's end).

    Plain integer month arithmetic: the corresponding month, then its day
    *N* or its last day when it is shorter (the clamping
    ``relativedelta(day=N)`` does, 民法典 第202条 in spirit).
    """
    rule = schedule.due
    if rule.kind is DueKind.END_OF_PERIOD:
        return last
    anchor = first
    if rule.kind is DueKind.DAY_OF_NEXT_PERIOD:
        anchor = last + timedelta(days=1)
    day = rule.day or 1
    if schedule.frequency is Frequency.WEEKLY:
        return anchor + timedelta(days=day - 1)
    months = anchor.year * 12 + anchor.month - 1 + (rule.month or 1) - 1
    year, month = divmod(months, 12)
    month += 1
    return date(year, month, min(day, _month_days(year, month)))


def occurrences(
    schedule: Schedule,
    start: date,
    end: date,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.NONE,
) -> tuple[Occurrence, ...]:
    """Every period of *schedule* that overlaps [*start*, *end*], with its due date.

    The default is the plans' reading of "X日前": the named day included and
    not rolled (``roll="none"``).

    Raises:
        ValidationError: for a :class:`Triggered` schedule (it needs its event:
            use :func:`due_after`) or an empty range.

    Examples:
        >>> from safetyduty.models import DueRule
        >>> monthly_25 = Recurring(frequency=Frequency.MONTHLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=25))
        >>> [o.due.isoformat() for o in occurrences(monthly_25, date(2026, 1, 1), date(2026, 3, 31))]
        ['2026-01-25', '2026-02-25', '2026-03-25']
        >>> q15 = Recurring(frequency=Frequency.QUARTERLY, due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=15))
        >>> [o.due.isoformat() for o in occurrences(q15, date(2026, 1, 1), date(2026, 12, 31))]
        ['2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15']
    """
    first, last = _day("start", start), _day("end", end)
    if last < first:
        raise ValidationError("end", end, f"must not be before start ({start})")
    checked = _roll(roll)
    if isinstance(schedule, OneOff):
        if not first <= schedule.due <= last:
            return ()
        due = roll_date(schedule.due, checked, calendar=calendar)
        moved = schedule.due if due != schedule.due else None
        return (Occurrence(start=first, end=schedule.due, times=1, due=due, rolled_from=moved),)
    if isinstance(schedule, Triggered):
        raise ValidationError(
            "schedule", schedule, "is triggered by an event: use due_after(schedule, event)"
        )
    if not isinstance(schedule, Recurring):
        raise ValidationError(
            "schedule", schedule, "must be a Recurring, OneOff or Triggered schedule"
        )
    return tuple(_periods(schedule, first, last, checked, calendar))


def _period_or_error(day: date, frequency: Frequency, name: str, value: date) -> tuple[date, date]:
    """:func:`period_of`, blaming the caller's argument *name* when the period runs past 9999."""
    try:
        return period_of(day, frequency)
    except ValidationError:
        raise ValidationError(name, value, "has a period that runs past 9999-12-31") from None


def _periods(
    schedule: Recurring, first: date, last: date, roll: Roll, calendar: HolidayCalendar | None
) -> Iterator[Occurrence]:
    """The periods from the one holding *first* to the one holding *last*."""
    if schedule.frequency in _MONTHS:
        return _month_periods(schedule, first, last, roll, calendar)
    return _day_periods(schedule, first, last, roll, calendar)


def _month_days(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):  # noqa: PLR2004
        return 29
    return _DAYS_IN_MONTH[month]


_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_periods(
    schedule: Recurring, first: date, last: date, roll: Roll, calendar: HolidayCalendar | None
) -> Iterator[Occurrence]:
    """Periods of whole months, stepped by month number (year × 12 + month): no date arithmetic.

    A due day *N* is clamped to its month's end (the clamping
    ``relativedelta(day=N)`` does, 民法典 第202条 in spirit).
    """
    step = _MONTHS[schedule.frequency]
    rule, times = schedule.due, schedule.times
    at_end = rule.kind is DueKind.END_OF_PERIOD
    offset = (rule.month or 1) - 1 + (step if rule.kind is DueKind.DAY_OF_NEXT_PERIOD else 0)
    day = rule.day or 1
    roller = _lazy_roller(roll, calendar)
    index = first.year * 12 + first.month - 1
    index -= index % step  # periods are aligned on the year: 12 is a multiple of every step
    final = last.year * 12 + last.month - 1
    while index <= final:
        year, month = divmod(index, 12)
        end_year, end_month = divmod(index + step - 1, 12)
        start = date(year, month + 1, 1)
        end = date(end_year, end_month + 1, _month_days(end_year, end_month + 1))
        if at_end:
            nominal = end
        else:
            due_year, due_month = divmod(index + offset, 12)
            try:
                nominal = date(
                    due_year, due_month + 1, min(day, _month_days(due_year, due_month + 1))
                )
            except ValueError:
                raise ValidationError(
                    "end", last, f"has a period ({start}..{end}) due after 9999-12-31"
                ) from None
        yield _occurrence(start, end, times, nominal, roller)
        index += step


def _day_periods(
    schedule: Recurring, first: date, last: date, roll: Roll, calendar: HolidayCalendar | None
) -> Iterator[Occurrence]:
    """Daily and weekly periods."""
    frequency, times = schedule.frequency, schedule.times
    period_start, period_end = _period_or_error(first, frequency, "start", first)
    roller = _lazy_roller(roll, calendar)
    one_day = timedelta(days=1)
    while period_start <= last:
        try:
            nominal = _due_in(schedule, period_start, period_end)
        except (OverflowError, ValueError):
            raise ValidationError(
                "end", last, f"has a period ({period_start}..{period_end}) due after 9999-12-31"
            ) from None
        yield _occurrence(period_start, period_end, times, nominal, roller)
        if period_end == date.max:
            return
        period_start = period_end + one_day
        if frequency is Frequency.DAILY:
            period_end = period_start
        elif period_start > _LAST_MONDAY:  # weekly: Monday to Sunday
            raise ValidationError("end", last, "has a period that runs past 9999-12-31")
        else:
            period_end = period_start + timedelta(days=6)


_LAST_MONDAY: Final = date.max - timedelta(days=6)


def _lazy_roller(
    roll: Roll, calendar: HolidayCalendar | None
) -> Callable[[], Callable[[date], date]] | None:
    """``None`` for :attr:`Roll.NONE`; else :func:`_roller`, made on the first period that needs it."""
    return None if roll is Roll.NONE else functools.cache(lambda: _roller(roll, calendar))


def _occurrence(
    start: date,
    end: date,
    times: int,
    nominal: date,
    roller: Callable[[], Callable[[date], date]] | None,
) -> Occurrence:
    """A period due on *nominal*, rolled off rest days by *roller* when there is one."""
    due = nominal if roller is None else roller()(nominal)
    return Occurrence(
        start=start, end=end, times=times, due=due, rolled_from=nominal if due != nominal else None
    )


def _roller(roll: Roll, calendar: HolidayCalendar | None) -> Callable[[date], date]:
    """:func:`roll_date` with *roll* and *calendar* checked once."""
    if roll is Roll.NONE:
        return lambda day: day
    cal = _calendar(calendar)
    return cal.previous_workday if roll is Roll.PRECEDING else cal.next_workday
