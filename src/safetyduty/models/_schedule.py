"""Duration and Schedule: how often, or by when, a duty falls due.

A :data:`Schedule` is one of four kinds: :class:`Recurring` ("每月至少一次",
"每月25日前"), :class:`OneOff` ("2021年底前"), :class:`Triggered` ("事故发生后
1小时内") or :class:`Standing` (something to have in place: "建立健全…责任制",
"2022年底前设立安全总监"). Computing due dates from them is the job of
``safetyduty.rules.deadlines``; here they are data, validated.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final, TypeAlias, cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_frozenset,
    int_between,
    keeps,
    member_of,
    optional,
    plain_date,
    set_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._vocab import AccidentKind, DueKind, DurationUnit, EventKind, Frequency

__all__ = [
    "Before",
    "Continuous",
    "DueRule",
    "Duration",
    "OneOff",
    "Recurring",
    "Schedule",
    "Standing",
    "Timing",
    "Triggered",
    "Window",
]

MONTHS_IN_PERIOD: Final = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
_ZH_UNITS: Final = {
    DurationUnit.HOURS: "小时",
    DurationUnit.DAYS: "日",
    DurationUnit.WORKDAYS: "个工作日",
    DurationUnit.MONTHS: "个月",
    DurationUnit.YEARS: "年",
}


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Duration:
    """A time limit: an amount of hours, days, working days, months or years.

    Examples:
        >>> str(Duration(amount=20, unit=DurationUnit.WORKDAYS))
        '20个工作日'
        >>> Duration(amount=0, unit=DurationUnit.DAYS)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: amount: must be an int in 1..100000 (got 0)
    """

    amount: int = attrs.field(validator=int_between(1, 100_000))
    unit: DurationUnit = attrs.field(validator=member_of(DurationUnit))

    def __str__(self) -> str:
        return f"{self.amount}{_ZH_UNITS[self.unit]}"


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class DueRule:
    """When a recurring duty is due within, or after, its period.

    Attributes:
        kind: end of the period, day N of the period, or day N of the next period.
        month: for periods of several months, the month of the period the day
            is in (1 = its first month; "每年12月20日前" is month 12 of the year).
        day: the day of that month (1-31; clamped to the month's end when the
            month is shorter), or of the week for weekly duties (1 = Monday).

    Examples:
        >>> DueRule(kind=DueKind.DAY_OF_PERIOD, day=25)          # 每月25日前
        DueRule(kind=<DueKind.DAY_OF_PERIOD: 'day_of_period'>, month=None, day=25)
        >>> DueRule(kind=DueKind.END_OF_PERIOD, day=3)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: day: must be None for end_of_period (got 3)
    """

    kind: DueKind = attrs.field(default=DueKind.END_OF_PERIOD, validator=member_of(DueKind))
    month: int | None = attrs.field(default=None, validator=optional(int_between(1, 12)))
    day: int | None = attrs.field(default=None, validator=optional(int_between(1, 31)))

    @day.validator
    def _check_day(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if self.kind is DueKind.END_OF_PERIOD:
            for name, given in (("month", self.month), ("day", value)):
                if given is not None:
                    raise ValidationError(name, given, "must be None for end_of_period")
        elif value is None:
            raise ValidationError("day", value, f"must be given for {self.kind.value}")


END_OF_PERIOD: Final = DueRule()


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Recurring:
    """A duty that comes round every period: at least ``times`` times, due by ``due``.

    Periods are calendar-aligned (weeks start on Monday; quarters in January,
    April, July and October; half-years in January and July).

    Examples:
        >>> Recurring(frequency=Frequency.MONTHLY)                  # 每月至少一次
        Recurring(frequency=<Frequency.MONTHLY: 'monthly'>, times=1, due=DueRule(kind=<DueKind.END_OF_PERIOD: 'end_of_period'>, month=None, day=None))
        >>> Recurring(frequency=Frequency.QUARTERLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, month=4, day=1))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: due.month: must be within the 3 months of a quarterly period (got 4)
    """

    frequency: Frequency = attrs.field(validator=member_of(Frequency))
    times: int = attrs.field(default=1, validator=int_between(1, 366))
    due: DueRule = attrs.field(default=END_OF_PERIOD, validator=member_of(DueRule))

    @due.validator
    def _fits_period(self, attribute: attrs.Attribute[Any], value: DueRule) -> None:
        if value.kind is DueKind.END_OF_PERIOD:
            return
        if self.frequency is Frequency.DAILY:
            raise ValidationError(
                "due.kind", value.kind.value, "must be end_of_period for daily duties"
            )
        if self.frequency is Frequency.WEEKLY:
            if value.month is not None or (value.day or 0) > 7:  # noqa: PLR2004
                raise ValidationError("due.day", value.day, "must be a weekday 1..7 with no month")
            return
        months = MONTHS_IN_PERIOD[self.frequency]
        if (value.month or 1) > months:
            raise ValidationError(
                "due.month",
                value.month,
                f"must be within the {months} months of a {self.frequency.value} period",
            )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class OneOff:
    """A duty to be done once, by a date ("2021年底前" → 2021-12-31).

    Examples:
        >>> OneOff(due=date(2021, 12, 31)).due
        datetime.date(2021, 12, 31)
    """

    due: date = attrs.field(validator=plain_date)


def _accident_kinds(value: Iterable[AccidentKind]) -> frozenset[AccidentKind]:
    return cast("frozenset[AccidentKind]", as_frozenset(value))


keeps(frozenset, _accident_kinds)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Triggered:
    """A duty started by an event, to be done within a time limit.

    Attributes:
        event: what starts it.
        within: the time limit.
        accident_kinds: for duties started by an accident, the kinds of
            accident it is for (empty: every kind); "道路交通事故、火灾事故自
            发生之日起7日内" names two.

    Examples:
        >>> str(Triggered(event=EventKind.FATAL_ACCIDENT, within=Duration(amount=3, unit=DurationUnit.MONTHS)).within)
        '3个月'
    """

    event: EventKind = attrs.field(validator=member_of(EventKind))
    within: Duration = attrs.field(validator=member_of(Duration))
    accident_kinds: frozenset[AccidentKind] = attrs.field(
        default=frozenset(), converter=_accident_kinds, validator=set_of(AccidentKind)
    )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Standing:
    """Something to have in place on every day judged, perhaps from a date on.

    Attributes:
        by: the day it must be in place by ("2022年底前设立安全总监"); ``None``
            when it must be in place whenever the duty binds.
        valid_for: how long one piece of evidence counts (a yearly insurance
            policy); ``None`` when it counts until the day judged.

    Examples:
        >>> Standing(by=date(2022, 12, 31)).by
        datetime.date(2022, 12, 31)
        >>> Standing(valid_for=Duration(amount=1, unit=DurationUnit.YEARS)).valid_for.amount
        1
    """

    by: date | None = attrs.field(default=None, validator=optional(plain_date))
    valid_for: Duration | None = attrs.field(default=None, validator=optional(member_of(Duration)))


Schedule: TypeAlias = Recurring | OneOff | Triggered | Standing
"""One of the four kinds of schedule (tagged by ``type`` in JSON)."""
SCHEDULE_TYPES: Final = (Recurring, OneOff, Triggered, Standing)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Window:
    """A span of days a text names ("2020年8月至11月", "2021-2022年", "8月中旬").

    Where a due date is asked for (a plan's duty), it is the window's ``end``.

    Attributes:
        start: the first day, or ``None`` when the text starts "from today" (即日起).
        end: the last day, or ``None`` when it names no end ("自2002年11月1日起施行").

    Examples:
        >>> Window(start=date(2020, 8, 1), end=date(2020, 11, 30)).end
        datetime.date(2020, 11, 30)
        >>> Window(start=date(2020, 8, 1), end=date(2020, 7, 31))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: end: must not be before start (2020-08-01) (got datetime.date(2020, 7, 31))
    """

    start: date | None = attrs.field(default=None, validator=optional(plain_date))
    end: date | None = attrs.field(default=None, validator=optional(plain_date))

    @end.validator
    def _ordered(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is None and self.start is None:
            raise ValidationError("end", value, "must be given when start is not")
        if value is not None and self.start is not None and value < self.start:
            raise ValidationError("end", value, f"must not be before start ({self.start})")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Before:
    """A window that ends at an event: "期满前60日内" is the 60 days before expiry.

    Examples:
        >>> str(Before(event=EventKind.OTHER, within=Duration(amount=60, unit=DurationUnit.DAYS)).within)
        '60日'
    """

    event: EventKind = attrs.field(validator=member_of(EventKind))
    within: Duration = attrs.field(validator=member_of(Duration))


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Continuous:
    """A duty kept at every hour of every day ("每天24小时值班", "实行24小时应急值班").

    Examples:
        >>> Continuous() == Continuous()
        True
    """


Timing: TypeAlias = Recurring | OneOff | Triggered | Window | Before | Continuous
"""Every reading a time phrase can have: a :data:`Schedule`, or a window, a
window before an event, or a continuous duty (tagged by ``type`` in JSON)."""
TIMING_TYPES: Final = (Recurring, OneOff, Triggered, Window, Before, Continuous)
