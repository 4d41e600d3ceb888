"""The row engine: one obligation's rows from an evidence index (shared by the evaluators)."""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Final

from safetyduty.errors import CalendarCoverageError
from safetyduty.models import (
    Accident,
    AccidentKind,
    DueKind,
    Duration,
    EventKind,
    Hazard,
    Obligation,
    OneOff,
    Record,
    RecordKind,
    Recurring,
    Triggered,
)
from safetyduty.rules._report import ComplianceRow, status_of
from safetyduty.rules.deadlines import Occurrence, Roll, due_after, occurrences, period_of
from safetyduty.rules.statutory import SUPPLEMENTARY_REPORT_KINDS
from safetyduty.typing import HolidayCalendar

__all__ = [
    "PAST_CALENDAR",
    "Evidence",
    "lenient_due",
    "one_off_row",
    "recurring_rows",
    "triggered_rows",
]


class Evidence:
    """One enterprise's (or authority's) records, by kind, sorted by date, for bisecting."""

    def __init__(self, records: Iterable[Record], uscc: str) -> None:
        self.uscc = uscc
        by_kind: dict[RecordKind, list[tuple[date, str]]] = defaultdict(list)
        for record in records:
            if record.enterprise == uscc:
                by_kind[record.kind].append((record.on, record.id))
        self.dates: dict[RecordKind, list[date]] = {}
        self.ids: dict[RecordKind, list[str]] = {}
        for kind, items in by_kind.items():
            items.sort()
            self.dates[kind] = [d for d, _ in items]
            self.ids[kind] = [i for _, i in items]

    def of_kind(self, kind: RecordKind) -> list[tuple[date, str]]:
        """(date, id) of every record of *kind*, oldest first."""
        return list(zip(self.dates.get(kind, ()), self.ids.get(kind, ()), strict=True))

    def between(self, kind: RecordKind, first: date, last: date) -> list[str]:
        days = self.dates.get(kind)
        if not days:
            return []
        lo = bisect.bisect_left(days, first)
        hi = bisect.bisect_right(days, last)
        return self.ids[kind][lo:hi]


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
) -> ComplianceRow:
    """The row of *duty* with its evidence counted: status, window, due date and basis."""
    due_day = due.date() if isinstance(due, datetime) else due
    return ComplianceRow(
        enterprise=evidence.uscc,
        obligation=duty.id,
        title=duty.title,
        subject=duty.subject,
        status=status_of(len(on_time), len(late), required, due_day, as_of),
        start=start,
        end=end,
        due=due,
        required=required,
        evidence=tuple(on_time + late),
        late=len(late),
        basis=duty.basis,
        reason=reason,
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


@functools.lru_cache(maxsize=512)
def _periods(schedule: Recurring, since: date, until: date) -> tuple[Occurrence, ...]:
    """The periods of *schedule* (due dates not rolled), the same for every enterprise: cached."""
    return occurrences(schedule, since, until, roll=Roll.NONE)


def recurring_rows(
    duty: Obligation,
    schedule: Recurring,
    evidence: Evidence,
    *,
    since: date,
    as_of: date,
    until: date | None = None,
    partial: bool = False,
) -> Iterator[ComplianceRow]:
    """A row per period from *since* to *until* (default *as_of*), judged on *as_of*.

    A period begun before *since* is left out (it would be judged on part of
    its evidence) unless *partial*: a plan's duty binds every period that
    overlaps the plan.
    """
    for period in _periods(schedule, since, min(as_of, until or as_of)):
        if period.start < since and not partial:
            continue
        due = period.due
        if schedule.due.kind is DueKind.DAY_OF_NEXT_PERIOD:
            first = period.end + timedelta(days=1)
            last = period_of(first, schedule.frequency)[1]
        else:
            first, last = period.start, period.end
        on_time = evidence.between(
            duty.evidence, first, min(due, last) if due >= first else first - timedelta(days=1)
        )
        late = evidence.between(
            duty.evidence, max(due + timedelta(days=1), first), min(last, as_of)
        )
        yield _judged(
            duty,
            evidence,
            on_time,
            late,
            required=schedule.times,
            start=first,
            end=last,
            due=due,
            as_of=as_of,
        )


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


PAST_CALENDAR: Final = "; not moved off rest days: past the calendar's last year"

_RECORDED_EVENTS: Final = {
    EventKind.PLAN_PUBLISHED: (RecordKind.PLAN_PUBLISHED,),
    EventKind.PLAN_EVALUATED: (RecordKind.PLAN_PUBLISHED, RecordKind.PLAN_EVALUATED),
}
"""Events read from records: an emergency plan's publication starts its 备案 limit and
its 3-year evaluation clock; each evaluation starts the next clock."""


def lenient_due(
    schedule: Triggered | Duration, event: date | datetime, calendar: HolidayCalendar | None
) -> tuple[date | datetime, str]:
    """The due date by 民法典 第201-203条; past the calendar's coverage, not rolled (and a note saying so)."""
    try:
        return due_after(schedule, event, calendar=calendar).due, ""
    except CalendarCoverageError:
        return due_after(schedule, event, roll=Roll.NONE).due, PAST_CALENDAR


def _events(
    schedule: Triggered,
    evidence: Evidence,
    accidents: Sequence[Accident],
    hazards: Sequence[Hazard],
) -> Iterator[tuple[date | datetime, str, RecordKind | None]]:
    if schedule.event in (EventKind.ACCIDENT, EventKind.FATAL_ACCIDENT):
        for accident in accidents:
            if schedule.event is EventKind.ACCIDENT or accident.fatal:
                yield accident.occurred_at, f"accident {accident.id}", None
    elif schedule.event is EventKind.HAZARD_FOUND:
        for hazard in hazards:
            yield hazard.found_on, f"hazard {hazard.id}", None
    for kind in _RECORDED_EVENTS.get(schedule.event, ()):
        for on, ident in evidence.of_kind(kind):
            yield on, f"{kind.value} {ident}", kind


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
    """A row per event of the duty's kind (an accident, a hazard, a recorded event) up to *as_of*.

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
        if start > as_of:
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
            reason=label + note,
        )


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
    kinds = SUPPLEMENTARY_REPORT_KINDS.get(duty.id, frozenset(AccidentKind))
    changes = evidence.of_kind(RecordKind.CASUALTY_CHANGE)
    for accident in accidents:
        start = accident.occurred_at.date()
        if accident.kind not in kinds or start > as_of:
            continue
        due, note = lenient_due(schedule, start, calendar)
        end = due.date() if isinstance(due, datetime) else due
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
        )
