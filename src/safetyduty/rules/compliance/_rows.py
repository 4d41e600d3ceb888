"""The row engine: one duty's rows from an evidence index (shared by the evaluators).

Which periods a duty judges, given its effective span (the days its text is
law) and the days judged (``since`` to ``as_of``):

- a recurring period is judged when it has begun by ``as_of`` and its
  **last day lies in the span**: a monthly duty in force from 2020-07-15 is
  judged from July (due 07-31), on July's records; a yearly one from
  2021-09-01 is judged for 2021; a plan's "季度结束后10日内" report of its
  last quarter is judged though it is due after the plan ends; a period
  begun before ``since`` is left out
  unless the span itself begins on or after ``since`` (a period cut by the
  span is the text's own, a period cut by ``since`` would be judged on part
  of its evidence);
- a daily duty is judged day by day on the days of the span (working days,
  or every day for an enterprise in continuous operation), one row a month;
- a one-off duty is judged when its due day lies in the span and on or after
  ``since``;
- a triggered duty is judged for each event on a day in the span, up to
  ``as_of``;
- a standing duty is judged on ``as_of``, or on the span's last day when it
  ended before.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from safetyduty import law
from safetyduty._labels import label_of
from safetyduty.errors import CalendarCoverageError
from safetyduty.models import (
    Accident,
    Basis,
    DueKind,
    Duration,
    DurationUnit,
    EventKind,
    Hazard,
    Obligation,
    OneOff,
    Record,
    RecordKind,
    Recurring,
    Span,
    Standing,
    Triggered,
)
from safetyduty.rules._args import bundled_calendar
from safetyduty.rules.compliance._report import (
    SOON,
    ComplianceRow,
    ComplianceStatus,
    make_row,
    status_of,
)
from safetyduty.rules.deadlines import Roll, due_after, occurrences, period_of
from safetyduty.typing import HolidayCalendar

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = [
    "PAST_CALENDAR",
    "PAST_CALENDAR_ZH",
    "Evidence",
    "Window",
    "daily_rows",
    "judged_day",
    "lenient_due",
    "not_applicable",
    "one_off_row",
    "periods_judged",
    "recurring_rows",
    "row",
    "standing_row",
    "triggered_rows",
]


class Evidence:
    """One enterprise's (or authority's) records by kind; a kind is sorted by date and id when first used.

    Kinds no duty asks for are never sorted: an enterprise's daily check
    records cost a list append when no daily duty binds it.
    """

    __slots__ = ("_by_kind", "_columns", "uscc")

    def __init__(self, by_kind: dict[RecordKind, list[Record]], uscc: str) -> None:
        """The index of records of *uscc* grouped by kind (each list is sorted in place when used)."""
        self.uscc = uscc
        self._by_kind = by_kind
        self._columns: dict[RecordKind, tuple[list[date], list[str]]] = {}

    @classmethod
    def of_records(cls, records: Iterable[Record], uscc: str) -> Evidence:
        """The index of the records of *uscc* among *records*."""
        by_kind: dict[RecordKind, list[Record]] = {}
        for record in records:
            if record.enterprise == uscc:
                by_kind.setdefault(record.kind, []).append(record)
        return cls(by_kind, uscc)

    @property
    def records(self) -> dict[RecordKind, list[Record]]:
        """The records by kind (not copied: do not change them)."""
        return self._by_kind

    def columns(self, kind: RecordKind) -> tuple[list[date], list[str]]:
        """The dates and ids of the records of *kind*, oldest first (by id on one day)."""
        found = self._columns.get(kind)
        if found is None:
            records = self._by_kind.get(kind, [])
            records.sort(key=_ON_AND_ID)
            found = self._columns[kind] = ([r.on for r in records], [r.id for r in records])
        return found

    def of_kind(self, kind: RecordKind) -> list[tuple[date, str]]:
        """(date, id) of every record of *kind*, oldest first."""
        dates, ids = self.columns(kind)
        return list(zip(dates, ids, strict=True))

    def between(self, kind: RecordKind, first: date, last: date) -> list[str]:
        """The ids of the records of *kind* from *first* to *last*, both included."""
        days, ids = self.columns(kind)
        if not days:
            return []
        lo = bisect.bisect_left(days, first)
        hi = bisect.bisect_right(days, last)
        return ids[lo:hi]


_ON_AND_ID: Final = operator.attrgetter("on", "id")
_STATUSES: Final = (
    ComplianceStatus.MET,
    ComplianceStatus.LATE,
    ComplianceStatus.MISSED,
    ComplianceStatus.DUE,
    ComplianceStatus.UPCOMING,
)


@functools.cache
def _verified(source: str | None) -> bool:
    if source is None:
        return True
    try:
        entry = law.source(source)
    except LookupError:
        return False
    return entry.status.value == "verified"


def row(
    duty: Obligation,
    enterprise: str,
    status: ComplianceStatus,
    *,
    start: date | None,
    end: date | None,
    due: date | datetime | None,
    required: int,
    evidence: Sequence[str] = (),
    late: int = 0,
    reason: str = "",
    reason_zh: str = "",
    basis: Basis | None = None,
    person: str | None = None,
    hours_required: Decimal | None = None,
    hours_done: Decimal | None = None,
    missed: tuple[date, ...] = (),
    daily: bool = False,
    days_done: int = 0,
) -> ComplianceRow:
    """The one builder of a row of *duty*: its title, subject, plan, basis and verification.

    *basis* replaces the duty's when the answer rests on another text (the
    hours of a training rule the duty refers to).
    """
    cited = duty.basis if basis is None else basis
    return make_row(
        enterprise,
        duty.id,
        duty.title,
        duty.subject,
        status,
        start,
        end,
        due,
        required,
        tuple(evidence),
        late,
        cited,
        reason,
        person,
        hours_required,
        hours_done,
        duty.plan,
        _verified(cited.source),
        missed,
        duty.title_en,
        daily,
        days_done,
        reason_zh,
    )


def not_applicable(
    duty: Obligation, enterprise: str, reason: str, reason_zh: str = ""
) -> ComplianceRow:
    """The one row of a duty that does not bind: why not (in English and Chinese)."""
    return row(
        duty,
        enterprise,
        ComplianceStatus.NOT_APPLICABLE,
        start=None,
        end=None,
        due=None,
        required=0,
        reason=reason,
        reason_zh=reason_zh,
    )


def _judged(
    duty: Obligation,
    evidence: Evidence,
    on_time: list[str],
    late: list[str],
    *,
    required: int,
    start: date | None,
    end: date,
    due: date | datetime,
    as_of: date,
    reason: str = "",
    reason_zh: str = "",
) -> ComplianceRow:
    """The row of *duty* with its evidence counted."""
    due_day = due.date() if isinstance(due, datetime) else due
    return row(
        duty,
        evidence.uscc,
        status_of(len(on_time), len(late), required, due_day, as_of),
        start=start,
        end=end,
        due=due,
        required=required,
        evidence=on_time + late,
        late=len(late),
        reason=reason,
        reason_zh=reason_zh,
    )


def _after_event(
    evidence: Evidence, kind: RecordKind, first: date, due: date, as_of: date
) -> tuple[list[str], list[str]]:
    """Records of *kind* from *first* to *due*; later ones as late only when none came in time.

    Records are not linked to their event, so a later one may belong to a later event.
    """
    on_time = evidence.between(kind, first, due)
    late = [] if on_time else evidence.between(kind, due + timedelta(days=1), as_of)
    return on_time, late


Window = tuple[date, date, date, date, date, date, date]
"""A period judged: first and last day counted, due, on-time first..last, late first..last."""


@functools.lru_cache(maxsize=1024)
def periods_judged(schedule: Recurring, span: Span, since: date, as_of: date) -> tuple[Window, ...]:
    """The periods of *schedule* judged within *span* from *since* to *as_of*, with the days each counts.

    The same for every enterprise: computed once per schedule, span and days judged.
    """
    cut_by_span = span.start is not None and span.start >= since
    windows: list[Window] = []
    for period in occurrences(schedule, since, as_of, roll=Roll.NONE):
        if not span.contains(period.end) or (period.start < since and not cut_by_span):
            continue
        due = period.due
        if schedule.due.kind is DueKind.DAY_OF_NEXT_PERIOD:
            first = period.end + timedelta(days=1)
            last = period_of(first, schedule.frequency)[1]
        else:
            first, last = period.start, period.end
        on_time_last = min(due, last) if due >= first else first - timedelta(days=1)
        late_first, late_last = max(due + timedelta(days=1), first), min(last, as_of)
        windows.append((first, last, due, first, on_time_last, late_first, late_last))
    return tuple(windows)


def judged_day(duty: Obligation, as_of: date) -> date:
    """The day a duty's state is judged: *as_of*, or the last day of its span if that came first."""
    end = duty.effective.end
    return as_of if end is None or end >= as_of else end


def recurring_rows(
    duty: Obligation,
    schedule: Recurring,
    evidence: Evidence,
    *,
    since: date,
    as_of: date,
    windows: Sequence[Window] | None = None,
) -> Iterator[ComplianceRow]:
    """A row per period whose last day is in the duty's span, begun on or after *since*.

    A period begun before *since* is left out (it would be judged on part of
    its evidence) unless the span itself begins on or after *since*: a plan
    from 2020-07-01 still asks for its "每年一次" of 2020, judged on 2020's records.
    *windows*, when given, are :func:`windows` of the duty (worked out once
    for every enterprise).
    """
    days, ids = evidence.columns(duty.evidence)
    left, right = bisect.bisect_left, bisect.bisect_right
    if windows is None:
        windows = periods_judged(schedule, duty.effective, since, as_of)
    uscc, times = evidence.uscc, schedule.times
    # The bulk of a report: each row made by position, the duty's own fields read once
    # (what row() does, without its keyword handling).
    ident, title, subject, basis, plan = duty.id, duty.title, duty.subject, duty.basis, duty.plan
    verified, title_en = _verified(basis.source), duty.title_en
    MET, LATE, MISSED, DUE, UPCOMING = _STATUSES  # noqa: N806 - the statuses, as locals
    for first, last, due, on_first, on_last, late_first, late_last in windows:
        if days:
            on_time = ids[left(days, on_first) : right(days, on_last)]
            late = ids[left(days, late_first) : right(days, late_last)]
        else:
            on_time = late = []
        done, after = len(on_time), len(late)
        if done >= times:  # status_of, inline: this loop makes most of a report's rows
            status = MET
        elif done + after >= times:
            status = LATE
        elif as_of > due:
            status = MISSED
        else:
            status = DUE if due - as_of <= SOON else UPCOMING
        yield make_row(
            uscc, ident, title, subject, status,
            first, last, due, times, tuple(on_time + late) if after else tuple(on_time), after,
            basis, "", None, None, None, plan, verified, (), title_en, False, 0, "",  # noqa: FBT003 - by position
        )  # fmt: skip


_Month = tuple[date, date, tuple[date, ...], frozenset[date]]
"""A month of a daily duty: its first and last day and the days judged in it (in order, and as a set)."""


def _months(
    first: date, last: date, end: date | None, is_day: Callable[[date], bool]
) -> tuple[_Month, ...]:
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - dateutil on first use, not at import

    months: list[_Month] = []
    month = first.replace(day=1)
    while month <= last:
        month_end = month + relativedelta(months=1) - timedelta(days=1)
        stop = min(month_end, end or month_end)
        days = tuple(d for d in _days(max(month, first), stop) if is_day(d))
        months.append((month, month_end, days, frozenset(days)))
        month = month_end + timedelta(days=1)
    return tuple(months)


@functools.lru_cache(maxsize=256)
def _default_months(
    first: date, last: date, end: date | None, *, every_day: bool
) -> tuple[_Month, ...]:
    """:func:`_months` on the bundled calendar (or every day), the same for every enterprise: cached."""
    return _months(first, last, end, _every_day if every_day else _bundled_workday)


def _every_day(day: date) -> bool:
    return True


def _bundled_workday(day: date) -> bool:
    try:
        return bundled_calendar().is_workday(day)
    except CalendarCoverageError:
        return day.weekday() < 5  # noqa: PLR2004 - Monday..Friday


def daily_rows(
    duty: Obligation,
    evidence: Evidence,
    *,
    since: date,
    as_of: date,
    is_day: Callable[[date], bool],
    by_day: bool = False,
    every_day: bool | None = None,
) -> Iterator[ComplianceRow]:
    """A daily duty, judged day by day on the days *is_day* accepts; one row a month (or a day).

    A day with no record is missed once it has passed (the day judged itself
    is still open). A month's row is **missed** as soon as one of its days
    is, **met** when the month is over with every day done, and **due**
    while it runs with every day so far done.

    *every_day* says what *is_day* is when it is the bundled calendar's
    working days (``False``) or every day (``True``), so that the months are
    worked out once for all enterprises; ``None`` (another calendar) asks
    *is_day* each time.
    """
    span = duty.effective
    first = max(since, span.start) if span.start is not None else since
    last = min(as_of, span.end) if span.end is not None else as_of
    if last < first:
        return
    months = (
        _months(first, last, span.end, is_day)
        if every_day is None
        else _default_months(first, last, span.end, every_day=every_day)
    )
    dates, ids = evidence.columns(duty.evidence)
    for month, month_end, days, day_set in months:
        if by_day:
            for day in days:
                if day <= as_of:
                    yield _judged(
                        duty,
                        evidence,
                        ids[bisect.bisect_left(dates, day) : bisect.bisect_right(dates, day)],
                        [],
                        required=1,
                        start=day,
                        end=day,
                        due=day,
                        as_of=as_of,
                    )
        elif days:
            yield _month_row(
                duty, evidence, (days, day_set), (dates, ids),
                month=month, month_end=month_end, as_of=as_of,
            )  # fmt: skip


def _month_row(
    duty: Obligation,
    evidence: Evidence,
    judged: tuple[tuple[date, ...], frozenset[date]],
    columns: tuple[list[date], list[str]],
    *,
    month: date,
    month_end: date,
    as_of: date,
) -> ComplianceRow:
    """A month of a daily duty: its days done up to *as_of*, and those missed before it.

    The records of the month are one slice of the sorted *columns*; the days
    done, missed and the records used come from set operations on the days
    judged (a record on a day not judged, a Sunday, does not count).
    """
    days, day_set = judged
    dates, ids = columns
    counted = days if days[-1] <= as_of else days[: bisect.bisect_right(days, as_of)]
    lo = bisect.bisect_left(dates, days[0])
    hi = bisect.bisect_right(dates, counted[-1]) if counted else lo
    seen = dates[lo:hi]
    done_days: AbstractSet[date]
    if day_set.issuperset(seen):
        used, done_days = ids[lo:hi], set(seen)
    else:
        used = list(itertools.compress(ids[lo:hi], map(day_set.__contains__, seen)))
        done_days = day_set.intersection(seen)
    done = len(done_days)
    not_done = day_set.difference(done_days)
    missed = sorted(not_done if days[-1] < as_of else [d for d in not_done if d < as_of])
    due = days[-1]
    if missed:
        status = ComplianceStatus.MISSED
    elif done == len(days):
        status = ComplianceStatus.MET
    else:
        status = status_of(0, 0, 1, due, as_of)
    return row(
        duty,
        evidence.uscc,
        status,
        start=month,
        end=month_end,
        due=due,
        required=len(days),
        evidence=used,
        missed=tuple(missed),
        daily=True,
        days_done=done,
    )


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def one_off_row(
    duty: Obligation, schedule: OneOff, evidence: Evidence, *, as_of: date
) -> ComplianceRow:
    """The row of a one-off duty: records up to its due date on time, later ones late."""
    on_time = evidence.between(duty.evidence, date.min, schedule.due)
    late = (
        evidence.between(duty.evidence, schedule.due + timedelta(days=1), as_of)
        if as_of > schedule.due
        else []
    )
    return _judged(
        duty,
        evidence,
        on_time,
        late,
        required=1,
        start=None,
        end=schedule.due,
        due=schedule.due,
        as_of=as_of,
    )


def standing_row(
    duty: Obligation, schedule: Standing, evidence: Evidence, *, as_of: date
) -> ComplianceRow:
    """A standing duty on its judged day: evidence in place (by its date, within its validity)."""
    day = judged_day(duty, as_of)
    kind = duty.evidence
    if schedule.valid_for is not None:
        first = day - _length(schedule.valid_for) + timedelta(days=1)
        found = evidence.between(kind, first, day)
        if found:
            dates = evidence.columns(kind)[0]
            last = dates[bisect.bisect_right(dates, day) - 1]
            reason = f"{label_of(kind, 'en')} recorded on {last}"
            reason_zh = f"{last}有{_label(kind)}记录"
        else:
            reason = f"no {label_of(kind, 'en')} record from {first} to {day}"
            reason_zh = f"{first}至{day}无{_label(kind)}记录"
        status = ComplianceStatus.MET if found else ComplianceStatus.MISSED
        return row(
            duty, evidence.uscc, status, start=first, end=day, due=None, required=1,
            evidence=found, reason=reason, reason_zh=reason_zh,
        )  # fmt: skip
    if schedule.by is not None:
        on_time = evidence.between(kind, date.min, schedule.by)
        late = evidence.between(kind, schedule.by + timedelta(days=1), day)
        return _judged(
            duty, evidence, on_time, late, required=1, start=None, end=schedule.by,
            due=schedule.by, as_of=day,
        )  # fmt: skip
    found = evidence.between(kind, date.min, day)
    status = ComplianceStatus.MET if found else ComplianceStatus.MISSED
    if found:
        first_day = evidence.columns(kind)[0][0]
        reason, reason_zh = (f"recorded on {first_day}", f"{first_day}已记录")
    else:
        reason, reason_zh = f"no {label_of(kind, 'en')} record", f"无{_label(kind)}记录"
    return row(
        duty, evidence.uscc, status, start=None, end=None, due=None, required=1,
        evidence=found, reason=reason, reason_zh=reason_zh,
    )  # fmt: skip


def _label(member: RecordKind) -> str:
    return label_of(member, "zh_CN")


def _length(duration: Duration) -> relativedelta:
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - dateutil on first use, not at import

    amount = duration.amount
    lengths = {
        DurationUnit.YEARS: relativedelta(years=amount),
        DurationUnit.MONTHS: relativedelta(months=amount),
    }
    return lengths.get(duration.unit, relativedelta(days=amount))


PAST_CALENDAR: Final = (
    "; past the calendar's last year: not moved off rest days (working days: estimated)"
)
PAST_CALENDAR_ZH: Final = "；超出日历的最后一年：未因休息日顺延（工作日按推定日历计算）"

_RECORDED_EVENTS: Final = {
    EventKind.PLAN_PUBLISHED: (RecordKind.PLAN_PUBLISHED,),
    EventKind.PLAN_EVALUATED: (RecordKind.PLAN_PUBLISHED, RecordKind.PLAN_EVALUATED),
}
"""Events read from records: an emergency plan's publication starts its 备案 limit and
its 3-year evaluation clock; each evaluation starts the next clock."""


def lenient_due(
    schedule: Triggered | Duration, event: date | datetime, calendar: HolidayCalendar | None
) -> tuple[date | datetime, str]:
    """The due date by 民法典 第201-203条; past the calendar's coverage, not rolled (and a note saying so).

    A limit in working days that runs past the calendar's last year is
    counted on the estimated calendar (weekends and the statutory holidays,
    labelled 推定), since it cannot be counted otherwise; the note says so too.
    """
    try:
        return due_after(schedule, event, calendar=calendar).due, ""
    except CalendarCoverageError:
        within = schedule.within if isinstance(schedule, Triggered) else schedule
        if within.unit is DurationUnit.WORKDAYS:
            estimated = bundled_calendar(estimate=True)
            return due_after(schedule, event, calendar=estimated, roll=Roll.NONE).due, PAST_CALENDAR
        return due_after(schedule, event, roll=Roll.NONE).due, PAST_CALENDAR


def _events(
    schedule: Triggered,
    evidence: Evidence,
    accidents: Sequence[Accident],
    hazards: Sequence[Hazard],
) -> Iterator[tuple[date | datetime, tuple[str, str], RecordKind | None]]:
    if schedule.event in (EventKind.ACCIDENT, EventKind.FATAL_ACCIDENT):
        for accident in accidents:
            if schedule.accident_kinds and accident.kind not in schedule.accident_kinds:
                continue
            if schedule.event is EventKind.ACCIDENT or accident.fatal:
                yield accident.occurred_at, (f"accident {accident.id}", f"事故{accident.id}"), None
    elif schedule.event is EventKind.HAZARD_FOUND:
        for hazard in hazards:
            yield hazard.found_on, (f"hazard {hazard.id}", f"隐患{hazard.id}"), None
    for kind in _RECORDED_EVENTS.get(schedule.event, ()):
        for on, ident in evidence.of_kind(kind):
            yield on, (f"{kind.value} {ident}", f"{_label(kind)}{ident}"), kind


def triggered_rows(
    duty: Obligation,
    schedule: Triggered,
    evidence: Evidence,
    *,
    as_of: date,
    accidents: Sequence[Accident],
    hazards: Sequence[Hazard],
    calendar: HolidayCalendar | None,
) -> Iterator[ComplianceRow]:
    """A row per event of the duty's kind (an accident, a hazard, a recorded event) on a day of its span.

    A 补报 duty (event ``casualty_change``) is judged by :func:`supplementary_rows`.

    Evidence counts from the event's day; when the event is itself a record of
    the evidence's kind (an evaluation starting the next evaluation's clock),
    from the day after.
    """
    if schedule.event is EventKind.CASUALTY_CHANGE:
        yield from supplementary_rows(
            duty, schedule, evidence, as_of=as_of, accidents=accidents, calendar=calendar
        )
        return
    for moment, label, recorded in _events(schedule, evidence, accidents, hazards):
        start = moment.date() if isinstance(moment, datetime) else moment
        if start > as_of or not duty.effective.contains(start):
            continue
        due, note = lenient_due(schedule, moment, calendar)
        due_day = due.date() if isinstance(due, datetime) else due
        first = start + timedelta(days=1) if recorded is duty.evidence else start
        on_time, late = _after_event(evidence, duty.evidence, first, due_day, as_of)
        yield _judged(
            duty,
            evidence,
            on_time,
            late,
            required=1,
            start=start,
            end=due_day,
            due=due,
            as_of=as_of,
            reason=label[0] + note,
            reason_zh=label[1] + (PAST_CALENDAR_ZH if note else ""),
        )


def supplementary_window(
    schedule: Triggered, occurred: date | datetime, calendar: HolidayCalendar | None
) -> tuple[date, str]:
    """The last day of a 补报 window: the accident's day plus the limit, by 民法典 第201-203条."""
    start = occurred.date() if isinstance(occurred, datetime) else occurred
    due, note = lenient_due(schedule, start, calendar)
    return (due.date() if isinstance(due, datetime) else due), note


def supplementary_rows(
    duty: Obligation,
    schedule: Triggered,
    evidence: Evidence,
    *,
    as_of: date,
    accidents: Sequence[Accident],
    calendar: HolidayCalendar | None,
) -> Iterator[ComplianceRow]:
    """The 补报 duty of each accident whose casualties changed inside its window (条例 第十三条).

    The window runs from the accident (30 days; 7 for road traffic and fire);
    a ``casualty_change`` record inside it starts the duty. The text says
    "及时补报" without a number: a ``supplementary_report`` record from the
    change to the window's end counts as on time, a later one as late.
    """
    changes = evidence.of_kind(RecordKind.CASUALTY_CHANGE)
    for accident in accidents:
        start = accident.occurred_at.date()
        if schedule.accident_kinds and accident.kind not in schedule.accident_kinds:
            continue
        if start > as_of or not duty.effective.contains(start):
            continue
        end, note = supplementary_window(schedule, start, calendar)
        inside = [(on, ident) for on, ident in changes if start <= on <= end]
        if not inside:
            continue
        first = inside[0][0]
        on_time, late = _after_event(evidence, duty.evidence, first, end, as_of)
        yield _judged(
            duty,
            evidence,
            on_time,
            late,
            required=1,
            start=first,
            end=end,
            due=end,
            as_of=as_of,
            reason=f"accident {accident.id}; casualties changed on {first}{note}",
            reason_zh=f"事故{accident.id}；{first}伤亡人数发生变化{PAST_CALENDAR_ZH if note else ''}",
        )
