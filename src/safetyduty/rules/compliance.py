"""Compliance evaluation: for each duty that applies, period by period, was it met?

:func:`evaluate` takes an enterprise and the evidence of what it did
(:class:`~safetyduty.models.Record`), its hazards and accidents, and returns
a :class:`ComplianceReport`: one row per obligation × period with its
status, window, due date, the records used, the basis and the reason.

Which records count for which period:

- a duty due at the end of its period counts the records inside the period;
- a duty due on day N of its period ("每月25日前") counts the records inside
  the period, those after day N as late;
- a duty due on day N of the next period ("下一季度15日前报送") counts the
  records filed in the next period, those after day N as late;
- a one-off duty ("2021年底前") counts records up to its due date, later ones
  as late; a triggered duty (an accident's report, the retraining after a
  fatal accident) counts records from its event to its due date, later ones
  as late.

Periods are those that start between ``since`` and ``as_of`` (a period begun
before ``since`` is left out rather than judged on part of its evidence).
A period's status: **met** with enough records on time; **late** with
enough only counting late ones; **missed** when the due date has passed
without enough; **due** when the due date is within 30 days (or today);
**upcoming** when it is further away. An obligation that does not apply is
one row, **not applicable**, with the reason.

Example due dates of recurring duties are not rolled off rest days (the
plans' own reading, decision 3 of ``domain.md``); triggered duties count by
民法典 第201-203条 with the calendar.

Examples:
    >>> from datetime import date
    >>> from safetyduty.models import Enterprise, Industry, Record, RecordKind
    >>> e = Enterprise(uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY,
    ...                region="441500", employees=150)
    >>> led = [Record(id=f"r{m}", kind=RecordKind.LED_INSPECTION, on=date(2026, m, 10), enterprise=e.uscc)
    ...        for m in (1, 2, 4)]
    >>> report = evaluate(e, led, as_of=date(2026, 5, 5), since=date(2026, 1, 1),
    ...                   obligations=[catalog_entry("principal.monthly_inspection")])
    >>> [(r.start.month, r.status.value) for r in report.rows]
    [(1, 'met'), (2, 'met'), (3, 'missed'), (4, 'met'), (5, 'due')]
"""

from __future__ import annotations

import bisect
import html
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from safetyduty._compat import StrEnum
from safetyduty._labels import label_of, register
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Accident,
    Basis,
    DueKind,
    Enterprise,
    EventKind,
    Hazard,
    HazardLevel,
    HazardStatus,
    Obligation,
    OneOff,
    Record,
    RecordKind,
    Recurring,
    Subject,
    Triggered,
)
from safetyduty.rules.deadlines import Roll, due_after, occurrences, period_of
from safetyduty.typing import HolidayCalendar

__all__ = [
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "HazardFinding",
    "catalog_entry",
    "evaluate",
    "evaluate_many",
]

SOON: Final = timedelta(days=30)
T = TypeVar("T")


class ComplianceStatus(StrEnum):
    """The status of one obligation in one period."""

    MET = "met"
    LATE = "late"
    MISSED = "missed"
    DUE = "due"
    UPCOMING = "upcoming"
    NOT_APPLICABLE = "not_applicable"


register(
    [
        (ComplianceStatus.MET, ("已完成", "met")),
        (ComplianceStatus.LATE, ("逾期完成", "done late")),
        (ComplianceStatus.MISSED, ("未完成（已逾期）", "missed")),
        (ComplianceStatus.DUE, ("即将到期", "due soon")),
        (ComplianceStatus.UPCOMING, ("未到期", "upcoming")),
        (ComplianceStatus.NOT_APPLICABLE, ("不适用", "not applicable")),
    ]
)


@attrs.frozen(kw_only=True)
class ComplianceRow:
    """One obligation in one period (or for one event) for one enterprise.

    Attributes:
        enterprise: the 统一社会信用代码.
        obligation: the obligation's id.
        title: the obligation in its source's words.
        subject: who must act.
        status: met, late, missed, due, upcoming or not applicable.
        start: the first day of the window (``None`` when not applicable).
        end: the last day of the window.
        due: the due date (a datetime for hour limits).
        required: how many records the period needs.
        evidence: the ids of the records used (on time first, then late).
        late: how many of them came after the due date.
        basis: the obligation's source.
        reason: why the row has its status (not-applicable reason, or the event).
    """

    enterprise: str
    obligation: str
    title: str
    subject: Subject
    status: ComplianceStatus
    start: date | None
    end: date | None
    due: date | datetime | None
    required: int
    evidence: tuple[str, ...]
    late: int
    basis: Basis
    reason: str = ""

    def explain(self, locale: str = "zh_CN") -> str:
        """One sentence on the row, in ``zh_CN`` or ``en``.

        Examples:
            >>> row = ComplianceRow(enterprise="x", obligation="o", title="每月至少带队检查一次",
            ...     subject=Subject.PRINCIPAL, status=ComplianceStatus.MISSED, start=date(2026, 3, 1),
            ...     end=date(2026, 3, 31), due=date(2026, 3, 31), required=1, evidence=(), late=0,
            ...     basis=Basis(document="汕尾方案"))
            >>> row.explain()
            '每月至少带队检查一次：2026-03-01至2026-03-31，应于2026-03-31前完成1次，实际0次，未完成（已逾期）。依据：汕尾方案'
            >>> row.explain("en")
            '每月至少带队检查一次: 2026-03-01 to 2026-03-31, 1 required by 2026-03-31, 0 done: missed. Basis: 汕尾方案'
        """
        done = len(self.evidence)
        due = self.due.isoformat() if self.due is not None else ""
        if locale == "en":
            if self.status is ComplianceStatus.NOT_APPLICABLE:
                return f"{self.title}: not applicable ({self.reason}). Basis: {self.basis}"
            late = f", {self.late} late" if self.late else ""
            return (
                f"{self.title}: {self.start} to {self.end}, {self.required} required by {due}, "
                f"{done} done{late}: {label_of(self.status, 'en')}. Basis: {self.basis}"
            )
        if self.status is ComplianceStatus.NOT_APPLICABLE:
            return f"{self.title}：不适用（{self.reason}）。依据：{self.basis}"
        late = f"（其中逾期{self.late}次）" if self.late else ""
        return (
            f"{self.title}：{self.start}至{self.end}，应于{due}前完成{self.required}次，"
            f"实际{done}次{late}，{label_of(self.status, 'zh_CN')}。依据：{self.basis}"
        )


@attrs.frozen(kw_only=True)
class HazardFinding:
    """An open hazard that needs attention: past its deadline, or a major hazard without its 五到位 plan."""

    hazard: str
    enterprise: str
    level: HazardLevel
    status: HazardStatus
    found_on: date
    deadline: date | None
    problem: str
    basis: Basis


@attrs.frozen(kw_only=True)
class ComplianceReport:
    """The evaluation of one enterprise on one date.

    Attributes:
        enterprise: the 统一社会信用代码.
        name: the enterprise's name.
        as_of: the date judged.
        since: the first day of the periods judged.
        rows: one per obligation × period, in obligation order.
        hazards: open hazards past their deadline or missing their 五到位 plan.
    """

    enterprise: str
    name: str
    as_of: date
    since: date
    rows: tuple[ComplianceRow, ...]
    hazards: tuple[HazardFinding, ...] = ()

    @property
    def summary(self) -> dict[ComplianceStatus, int]:
        """Rows per status (every status present, zero included)."""
        counts = Counter(row.status for row in self.rows)
        return {status: counts.get(status, 0) for status in ComplianceStatus}

    @property
    def rate(self) -> Decimal | None:
        """Met on time / (met + late + missed), or ``None`` when nothing was due yet."""
        counts = self.summary
        judged = (
            counts[ComplianceStatus.MET]
            + counts[ComplianceStatus.LATE]
            + counts[ComplianceStatus.MISSED]
        )
        if not judged:
            return None
        return (Decimal(counts[ComplianceStatus.MET]) / judged).quantize(Decimal("0.0001"))

    def overdue(self) -> tuple[ComplianceRow, ...]:
        """The missed rows, oldest due date first."""
        return tuple(
            sorted((r for r in self.rows if r.status is ComplianceStatus.MISSED), key=_due_key)
        )

    def upcoming(self, days: int = 30) -> tuple[ComplianceRow, ...]:
        """Rows not yet met and due within *days* (from ``as_of``), soonest first."""
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            raise ValidationError("days", days, "must be an int >= 0")
        limit = self.as_of + timedelta(days=days)
        open_rows = (
            r for r in self.rows if r.status in (ComplianceStatus.DUE, ComplianceStatus.UPCOMING)
        )
        return tuple(sorted((r for r in open_rows if _due_key(r) <= limit), key=_due_key))

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th>{h}</th>" for h in ("obligation", "window", "due", "status", "evidence", "basis")
        )
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(cell))}</td>"
                for cell in (
                    row.title,
                    f"{row.start or ''} – {row.end or ''}",
                    row.due or "",
                    row.status.value,
                    ", ".join(row.evidence),
                    row.basis,
                )
            )
            + "</tr>"
            for row in self.rows
        )
        caption = html.escape(
            f"{self.name} ({self.enterprise}), as of {self.as_of}; rate {self.rate}"
        )
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _due_key(row: ComplianceRow) -> date:
    due = row.due
    if isinstance(due, datetime):
        return due.date()
    return due or date.max


def catalog_entry(key: str) -> Obligation:
    """An obligation of the built-in catalog (see :mod:`safetyduty.catalog`)."""
    from safetyduty.catalog import obligation  # noqa: PLC0415 - rules reach the catalog only here

    return obligation(key)


class _Evidence:
    """One enterprise's records, by kind, sorted by date, for bisecting."""

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

    def between(self, kind: RecordKind, first: date, last: date) -> list[str]:
        days = self.dates.get(kind)
        if not days:
            return []
        lo = bisect.bisect_left(days, first)
        hi = bisect.bisect_right(days, last)
        return self.ids[kind][lo:hi]


def _status(on_time: int, late: int, required: int, due: date, as_of: date) -> ComplianceStatus:
    if on_time >= required:
        return ComplianceStatus.MET
    if on_time + late >= required:
        return ComplianceStatus.LATE
    if as_of > due:
        return ComplianceStatus.MISSED
    return ComplianceStatus.DUE if due - as_of <= SOON else ComplianceStatus.UPCOMING


def _recurring_rows(
    duty: Obligation, schedule: Recurring, evidence: _Evidence, *, since: date, as_of: date
) -> Iterator[ComplianceRow]:
    uscc = evidence.uscc
    for period in occurrences(schedule, since, as_of, roll=Roll.NONE):
        if period.start < since:
            continue  # a period begun before `since` would be judged on part of its evidence
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
        yield ComplianceRow(
            enterprise=uscc,
            obligation=duty.id,
            title=duty.title,
            subject=duty.subject,
            status=_status(len(on_time), len(late), schedule.times, due, as_of),
            start=first,
            end=last,
            due=due,
            required=schedule.times,
            evidence=tuple(on_time + late),
            late=len(late),
            basis=duty.basis,
        )


def _one_off_row(
    duty: Obligation, schedule: OneOff, evidence: _Evidence, *, as_of: date
) -> ComplianceRow:
    uscc = evidence.uscc
    on_time = evidence.between(duty.evidence, date.min, schedule.due)
    late = (
        evidence.between(duty.evidence, schedule.due + timedelta(days=1), as_of)
        if as_of > schedule.due
        else []
    )
    return ComplianceRow(
        enterprise=uscc,
        obligation=duty.id,
        title=duty.title,
        subject=duty.subject,
        status=_status(len(on_time), len(late), 1, schedule.due, as_of),
        start=None,
        end=schedule.due,
        due=schedule.due,
        required=1,
        evidence=tuple(on_time + late),
        late=len(late),
        basis=duty.basis,
    )


def _events(
    schedule: Triggered, accidents: Sequence[Accident], hazards: Sequence[Hazard]
) -> Iterator[tuple[date | datetime, str]]:
    if schedule.event in (EventKind.ACCIDENT, EventKind.FATAL_ACCIDENT):
        for accident in accidents:
            if schedule.event is EventKind.ACCIDENT or accident.fatal:
                yield accident.occurred_at, f"accident {accident.id}"
    elif schedule.event is EventKind.HAZARD_FOUND:
        for hazard in hazards:
            yield hazard.found_on, f"hazard {hazard.id}"


def _triggered_rows(
    duty: Obligation,
    schedule: Triggered,
    evidence: _Evidence,
    *,
    as_of: date,
    accidents: Sequence[Accident],
    hazards: Sequence[Hazard],
    calendar: HolidayCalendar | None,
) -> Iterator[ComplianceRow]:
    uscc = evidence.uscc
    for moment, label in _events(schedule, accidents, hazards):
        deadline = due_after(schedule, moment, calendar=calendar)
        start = moment.date() if isinstance(moment, datetime) else moment
        if start > as_of:
            continue
        due_day = deadline.due.date() if isinstance(deadline.due, datetime) else deadline.due
        on_time = evidence.between(duty.evidence, start, due_day)
        late = evidence.between(duty.evidence, due_day + timedelta(days=1), as_of)
        yield ComplianceRow(
            enterprise=uscc,
            obligation=duty.id,
            title=duty.title,
            subject=duty.subject,
            status=_status(len(on_time), len(late), 1, due_day, as_of),
            start=start,
            end=due_day,
            due=deadline.due,
            required=1,
            evidence=tuple(on_time + late),
            late=len(late),
            basis=duty.basis,
            reason=label,
        )


_HAZARD_BASIS: Final = Basis(
    document="《安全生产事故隐患排查治理暂行规定》(原国家安监总局令第16号); 五到位: 西岔、新疆三年行动实施方案",
)


def _hazard_findings(hazards: Sequence[Hazard], as_of: date) -> Iterator[HazardFinding]:
    for hazard in hazards:
        if hazard.status is HazardStatus.CLOSED or hazard.found_on > as_of:
            continue
        problems = []
        if hazard.level is HazardLevel.MAJOR and (
            hazard.rectification is None or not hazard.rectification.is_complete
        ):
            missing = hazard.rectification.missing if hazard.rectification else ("plan",)
            problems.append(f"五到位 plan lacks {', '.join(missing)}")
        if hazard.deadline is not None and hazard.deadline < as_of:
            problems.append(f"past its rectification deadline {hazard.deadline}")
        if problems:
            yield HazardFinding(
                hazard=hazard.id,
                enterprise=hazard.enterprise,
                level=hazard.level,
                status=hazard.status,
                found_on=hazard.found_on,
                deadline=hazard.deadline,
                problem="; ".join(problems),
                basis=_HAZARD_BASIS,
            )


def _day(name: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(name, value, "must be a datetime.date")
    return value


def _tuple_of(name: str, values: object, cls: type[T]) -> tuple[T, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError(name, values, f"must be a list of {cls.__name__}")
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise ValidationError(f"{name}[{index}]", item, f"must be a {cls.__name__}")
    return items


def evaluate(
    enterprise: Enterprise,
    records: Iterable[Record],
    *,
    as_of: date,
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    calendar: HolidayCalendar | None = None,
    since: date | None = None,
) -> ComplianceReport:
    """Evaluate *enterprise* on *as_of* against *obligations* (the catalog's by default).

    Args:
        enterprise: the enterprise.
        records: evidence; records of other enterprises are ignored.
        as_of: the date judged; nothing after it is counted.
        obligations: the duties (default: every enterprise duty of the catalog).
        hazards: its hazards (open ones past their deadline or missing their plan are reported).
        accidents: its accidents (they trigger reporting and retraining duties).
        calendar: the working-day calendar for triggered duties (default: the bundled one).
        since: the first day of the periods judged (default: a year before ``as_of``).

    Raises:
        ValidationError: for bad input.
    """
    if not isinstance(enterprise, Enterprise):
        raise ValidationError("enterprise", enterprise, "must be an Enterprise")
    checked = _day("as_of", as_of)
    start = (
        _day("since", since)
        if since is not None
        else checked - relativedelta(years=1) + timedelta(days=1)
    )
    if start > checked:
        raise ValidationError("since", since, f"must not be after as_of ({checked})")
    duties = (
        _tuple_of("obligations", obligations, Obligation)
        if obligations is not None
        else _catalog_duties()
    )
    facts = [
        r
        for r in _tuple_of("records", records, Record)
        if isinstance(r, Record) and r.on <= checked
    ]
    own_hazards = [
        h
        for h in _tuple_of("hazards", hazards, Hazard)
        if isinstance(h, Hazard) and h.enterprise == enterprise.uscc
    ]
    own_accidents = [
        a
        for a in _tuple_of("accidents", accidents, Accident)
        if isinstance(a, Accident) and a.enterprise == enterprise.uscc
    ]
    evidence = _Evidence(facts, enterprise.uscc)
    rows: list[ComplianceRow] = []
    for duty in duties:
        why_not = duty.applicability.why_not(enterprise)
        if why_not is not None:
            rows.append(
                ComplianceRow(
                    enterprise=enterprise.uscc,
                    obligation=duty.id,
                    title=duty.title,
                    subject=duty.subject,
                    status=ComplianceStatus.NOT_APPLICABLE,
                    start=None,
                    end=None,
                    due=None,
                    required=0,
                    evidence=(),
                    late=0,
                    basis=duty.basis,
                    reason=why_not,
                )
            )
            continue
        schedule = duty.schedule
        if isinstance(schedule, Recurring):
            rows.extend(_recurring_rows(duty, schedule, evidence, since=start, as_of=checked))
        elif isinstance(schedule, OneOff):
            rows.append(_one_off_row(duty, schedule, evidence, as_of=checked))
        else:
            rows.extend(
                _triggered_rows(
                    duty,
                    schedule,
                    evidence,
                    as_of=checked,
                    accidents=own_accidents,
                    hazards=own_hazards,
                    calendar=calendar,
                )
            )
    return ComplianceReport(
        enterprise=enterprise.uscc,
        name=enterprise.name,
        as_of=checked,
        since=start,
        rows=tuple(rows),
        hazards=tuple(_hazard_findings(own_hazards, checked)),
    )


def _catalog_duties() -> tuple[Obligation, ...]:
    from safetyduty.catalog import enterprise_obligations  # noqa: PLC0415 - rules reach the catalog only here

    return enterprise_obligations()


def evaluate_many(
    enterprises: Iterable[Enterprise],
    records: Iterable[Record],
    *,
    as_of: date,
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    calendar: HolidayCalendar | None = None,
    since: date | None = None,
) -> Iterator[ComplianceReport]:
    """Evaluate many enterprises, yielding one report at a time (cost linear in the input).

    Records, hazards and accidents are grouped by enterprise once. Inputs and
    reports are plain frozen objects, picklable, so the same call can run per
    partition on a distributed engine.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> firms = [Enterprise(uscc="914403001922038216", name="x", industry=Industry.OTHER,
        ...                     region="440300", employees=5)]
        >>> [r.enterprise for r in evaluate_many(firms, [], as_of=date(2026, 6, 30))]
        ['914403001922038216']
    """
    duties = tuple(obligations) if obligations is not None else _catalog_duties()
    by_records: dict[str, list[Record]] = defaultdict(list)
    by_hazards: dict[str, list[Hazard]] = defaultdict(list)
    by_accidents: dict[str, list[Accident]] = defaultdict(list)
    for record in _tuple_of("records", records, Record):
        by_records[record.enterprise].append(record)
    for hazard in _tuple_of("hazards", hazards, Hazard):
        by_hazards[hazard.enterprise].append(hazard)
    for accident in _tuple_of("accidents", accidents, Accident):
        by_accidents[accident.enterprise].append(accident)
    for enterprise in enterprises:
        if not isinstance(enterprise, Enterprise):
            raise ValidationError("enterprises", enterprise, "must hold Enterprise objects")
        yield evaluate(
            enterprise,
            by_records.get(enterprise.uscc, ()),
            as_of=as_of,
            obligations=duties,
            hazards=by_hazards.get(enterprise.uscc, ()),
            accidents=by_accidents.get(enterprise.uscc, ()),
            calendar=calendar,
            since=since,
        )
