"""Personnel duties: training hours, pre-job education, assessments and special operators' certificates.

:func:`personnel_requirements` gives rows like every other compliance row,
one per person and duty, with ``person`` set:

- ``training.yearly``: each calendar year from ``since`` on, the 主要负责人,
  安全生产管理人员 and 从业人员 need their yearly 再培训 学时
  (:func:`~safetyduty.rules.requirements.training_hours`); the year a
  person took office is covered by the initial training and is not judged;
- ``training.pre_job``: a 从业人员 who started between ``since`` and
  ``as_of`` needs the 岗前 学时 (24, or 72 in high-risk units; 32 for
  construction workers) by the first day of work; this is the 三级安全教育
  of Order 3 第十二条, counted as its total;
- ``assessment.took_office``: in 煤矿、非煤矿山、危化、烟花爆竹、金属冶炼 units, a
  principal or safety manager who took office between ``since`` and
  ``as_of`` passes the assessment within 6 months (a certificate of kind
  ``principal_assessment`` or ``safety_manager_assessment``);
- ``special_operation.certificate`` (a 特种作业人员 without a certificate),
  ``special_operation.certificate.review`` (the 3-year 复审, due in the
  60 days before it; the 6-year interval after 10 years' work is not
  modelled) and ``special_operation.certificate.validity`` (6 years; lapsed
  when the 复审 was missed, Order 30 第二十六条).

Training evidence is ``training`` records with ``person`` and ``hours``; a
record without hours counts no 学时. Deadlines counted in months or years
follow 民法典 第201-203条 on the calendar; past the calendar's last year
they are not moved off rest days, and the row says so.

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from safetyduty.models import Enterprise, Industry, Person, Record, RecordKind, Role
    >>> plant = Enterprise(uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY,
    ...                    region="441500", employees=150)
    >>> boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=date(2020, 3, 1))
    >>> course = Record(id="t1", kind=RecordKind.TRAINING, on=date(2026, 4, 9), enterprise=plant.uscc,
    ...                 person="p1", hours=Decimal(8))
    >>> rows = personnel_requirements(plant, [boss], records=[course], as_of=date(2027, 1, 10),
    ...                               since=date(2026, 1, 1))
    >>> [(r.obligation, r.due.year, r.hours_required, r.hours_done, r.status.value) for r in rows]
    [('training.yearly', 2026, Decimal('12'), Decimal('8'), 'missed'), ('training.yearly', 2027, Decimal('12'), Decimal('0'), 'upcoming')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final, cast

from dateutil.relativedelta import relativedelta

from safetyduty.errors import ValidationError
from safetyduty.models import (
    Basis,
    Certificate,
    CertificateKind,
    Enterprise,
    Person,
    Record,
    RecordKind,
    Role,
    Subject,
    Triggered,
)
from safetyduty.rules._args import items_of, judged_span, own_people
from safetyduty.rules._report import ComplianceRow, ComplianceStatus, status_of
from safetyduty.rules._rows import lenient_due
from safetyduty.rules.requirements import training_hours
from safetyduty.rules.statutory import HIGH_RISK_TRAINING, statutory
from safetyduty.typing import HolidayCalendar

__all__ = ["personnel_requirements"]

_LAW = "《中华人民共和国安全生产法》(2021)"
_TRAINED: Final = (Role.PRINCIPAL, Role.SAFETY_MANAGER, Role.WORKER)
_ASSESSMENT: Final = {
    Role.PRINCIPAL: CertificateKind.PRINCIPAL_ASSESSMENT,
    Role.SAFETY_MANAGER: CertificateKind.SAFETY_MANAGER_ASSESSMENT,
}
_SUBJECT: Final = {
    Role.PRINCIPAL: Subject.PRINCIPAL,
    Role.SAFETY_MANAGER: Subject.SAFETY_MANAGER,
    Role.SPECIAL_OPERATOR: Subject.SPECIAL_OPERATOR,
    Role.WORKER: Subject.WORKER,
}


class _Context:
    def __init__(
        self,
        enterprise: Enterprise,
        records: Iterable[Record],
        *,
        as_of: date,
        since: date,
        calendar: HolidayCalendar | None,
    ) -> None:
        self.enterprise = enterprise
        self.as_of = as_of
        self.since = since
        self.calendar = calendar
        courses = (
            r
            for r in records
            if r.kind is RecordKind.TRAINING
            and r.enterprise == enterprise.uscc
            and r.person is not None
            and r.on <= as_of
        )
        self.training: dict[str, list[Record]] = {}
        for record in sorted(courses, key=lambda r: (r.on, r.id)):
            if record.person is not None:
                self.training.setdefault(record.person, []).append(record)

    def courses(self, person: Person, first: date, last: date) -> list[Record]:
        return [r for r in self.training.get(person.id, ()) if first <= r.on <= last]

    def deadline(self, key: str, event: date) -> tuple[date, str]:
        """The statutory deadline, rolled by the calendar where it reaches."""
        # The personnel entries are all limits after an event.
        schedule = cast("Triggered", statutory(key).schedule)
        due, note = lenient_due(schedule, event, self.calendar)
        return (due.date() if isinstance(due, datetime) else due), note

    def row(
        self,
        person: Person,
        key: str,
        title: str,
        basis: Basis,
        status: ComplianceStatus,
        *,
        due: date | None,
        start: date | None = None,
        evidence: Iterable[str] = (),
        late: int = 0,
        reason: str = "",
        hours: tuple[Decimal, Decimal] | None = None,
        subject: Subject = Subject.ENTERPRISE,
    ) -> ComplianceRow:
        return ComplianceRow(
            enterprise=self.enterprise.uscc,
            obligation=key,
            title=title,
            subject=subject,
            status=status,
            start=start,
            end=due,
            due=due,
            required=1,
            evidence=tuple(evidence),
            late=late,
            basis=basis,
            reason=reason,
            person=person.id,
            hours_required=hours[0] if hours else None,
            hours_done=hours[1] if hours else None,
        )


def _hours(records: Iterable[Record]) -> Decimal:
    return sum((r.hours for r in records if r.hours is not None), Decimal(0))


def _yearly_training(ctx: _Context, person: Person) -> Iterator[ComplianceRow]:
    ruling = training_hours(person.role, ctx.enterprise, kind="annual")
    needed = Decimal(ruling.value)
    first_year = (
        ctx.since.year if ctx.since.month == 1 and ctx.since.day == 1 else ctx.since.year + 1
    )
    for year in range(first_year, ctx.as_of.year + 1):
        if person.took_office_on is not None and person.took_office_on.year >= year:
            continue  # the year of taking office is covered by the initial training
        start, end = date(year, 1, 1), date(year, 12, 31)
        courses = ctx.courses(person, start, end)
        done = _hours(courses)
        yield ctx.row(
            person,
            "training.yearly",
            "主要负责人、安全生产管理人员和从业人员每年再培训学时",
            ruling.basis,
            status_of(done, Decimal(0), needed, end, ctx.as_of),
            start=start,
            due=end,
            evidence=[r.id for r in courses],
            reason=ruling.reason,
            hours=(needed, done),
        )


def _pre_job_training(ctx: _Context, person: Person) -> Iterator[ComplianceRow]:
    began = person.took_office_on
    if person.role is not Role.WORKER or began is None or not ctx.since <= began <= ctx.as_of:
        return
    ruling = training_hours(Role.WORKER, ctx.enterprise, kind="initial")
    needed = Decimal(ruling.value)
    before = ctx.courses(person, date.min, began)
    after = ctx.courses(person, began + timedelta(days=1), ctx.as_of)
    late = 0 if _hours(before) >= needed else len(after)
    yield ctx.row(
        person,
        "training.pre_job",
        "新上岗从业人员岗前安全培训（三级安全教育）",
        ruling.basis,
        status_of(_hours(before), _hours(after), needed, began, ctx.as_of),
        due=began,
        evidence=[r.id for r in before] + ([r.id for r in after] if late else []),
        late=late,
        reason=f"started on {began}; {ruling.reason}",
        hours=(needed, _hours(before) + (_hours(after) if late else Decimal(0))),
    )


def _assessment(ctx: _Context, person: Person) -> Iterator[ComplianceRow]:
    began = person.took_office_on
    kind = _ASSESSMENT.get(person.role)
    if kind is None or began is None or not ctx.since <= began <= ctx.as_of:
        return
    if not HIGH_RISK_TRAINING.applies_to(ctx.enterprise):
        return
    entry = statutory("assessment.high_risk.took_office")
    due, note = ctx.deadline(entry.id, began)
    passed = sorted(
        (c for c in person.certificates if c.kind is kind and c.issued_on <= ctx.as_of),
        key=lambda c: c.issued_on,
    )
    on_time = [c.number for c in passed if c.issued_on <= due]
    late = [c.number for c in passed if c.issued_on > due]
    yield ctx.row(
        person,
        "assessment.took_office",
        entry.title,
        entry.basis,
        status_of(len(on_time), len(late), 1, due, ctx.as_of),
        start=began,
        due=due,
        evidence=on_time + late,
        late=len(late),
        reason=f"took office on {began}{note}",
        subject=_SUBJECT[person.role],
    )


def _current(person: Person, as_of: date) -> Certificate | None:
    held = [
        c
        for c in person.certificates
        if c.kind is CertificateKind.SPECIAL_OPERATION and c.issued_on <= as_of
    ]
    return max(held, key=lambda c: c.issued_on, default=None)


def _special_operator(ctx: _Context, person: Person) -> Iterator[ComplianceRow]:
    if person.role is not Role.SPECIAL_OPERATOR:
        return
    certificate = _current(person, ctx.as_of)
    if certificate is None:
        yield ctx.row(
            person,
            "special_operation.certificate",
            "特种作业人员必须按照国家有关规定经专门的安全作业培训，取得相应资格，方可上岗作业",
            Basis(document=_LAW, article="第三十条"),
            ComplianceStatus.MISSED,
            due=None,
            reason="holds no 特种作业操作证",
            subject=Subject.SPECIAL_OPERATOR,
        )
        return
    review = statutory("special_operation.certificate.review")
    review_due, note = ctx.deadline(review.id, certificate.issued_on)
    reviewed = certificate.last_reviewed_on
    if reviewed is not None and reviewed > ctx.as_of:
        reviewed = None
    on_time = 1 if reviewed is not None and reviewed <= review_due else 0
    late = 1 if reviewed is not None and not on_time else 0
    status = status_of(on_time, late, 1, review_due, ctx.as_of)
    window = review_due - timedelta(days=60)
    if status is ComplianceStatus.UPCOMING and ctx.as_of >= window:
        status = ComplianceStatus.DUE  # inside the 60-day application window
    yield ctx.row(
        person,
        "special_operation.certificate.review",
        review.title,
        review.basis,
        status,
        start=window,
        due=review_due,
        evidence=[certificate.number] if reviewed is not None else [],
        late=late,
        reason=f"certificate {certificate.number} issued on {certificate.issued_on}{note}",
        subject=Subject.SPECIAL_OPERATOR,
    )
    yield _validity(ctx, person, certificate, lapsed=status is ComplianceStatus.MISSED)


def _validity(
    ctx: _Context, person: Person, certificate: Certificate, *, lapsed: bool
) -> ComplianceRow:
    entry = statutory("special_operation.certificate.validity")
    expiry = certificate.expires_on or certificate.issued_on + relativedelta(years=6)
    if lapsed:
        status, reason = ComplianceStatus.MISSED, "lapsed: the 复审 was missed (第二十六条)"
    elif ctx.as_of > expiry:
        status, reason = ComplianceStatus.MISSED, f"expired on {expiry}"
    elif ctx.as_of >= expiry - timedelta(days=60):
        status, reason = ComplianceStatus.DUE, f"expires on {expiry}: apply for 延期复审"
    else:
        status, reason = ComplianceStatus.MET, f"valid until {expiry}"
    return ctx.row(
        person,
        entry.id,
        entry.title,
        entry.basis,
        status,
        start=certificate.issued_on,
        due=expiry,
        evidence=[certificate.number],
        reason=reason,
        subject=Subject.SPECIAL_OPERATOR,
    )


def personnel_requirements(
    enterprise: Enterprise,
    people: Iterable[Person],
    *,
    records: Iterable[Record] = (),
    as_of: date,
    since: date | None = None,
    calendar: HolidayCalendar | None = None,
) -> tuple[ComplianceRow, ...]:
    """Check training, assessments and certificates of *people* on *as_of*, person by person.

    Args:
        enterprise: the employer; its industry sets the hours.
        people: its people (others' are ignored; people without an enterprise count as its own).
        records: ``training`` records with ``person`` and ``hours``.
        as_of: the date judged.
        since: the first day judged (default: a year before ``as_of``).
        calendar: the working-day calendar for month and year limits.

    Raises:
        ValidationError: for bad input.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import Certificate, Enterprise, Industry, Person, Role
        >>> plant = Enterprise(uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY,
        ...                    region="441500", employees=150)
        >>> welder = Person(id="w1", name="李四", role=Role.SPECIAL_OPERATOR, certificates=[
        ...     Certificate(kind=CertificateKind.SPECIAL_OPERATION, number="T1", issued_on=date(2023, 5, 10))])
        >>> [(r.obligation, r.status.value) for r in personnel_requirements(plant, [welder], as_of=date(2026, 4, 1))]
        [('special_operation.certificate.review', 'due'), ('special_operation.certificate.validity', 'met')]
    """
    if not isinstance(enterprise, Enterprise):
        raise ValidationError("enterprise", enterprise, "must be an Enterprise")
    first, day = judged_span(as_of, since)
    staff = own_people(items_of("people", people, Person), enterprise.uscc)
    ctx = _Context(
        enterprise, items_of("records", records, Record), as_of=day, since=first, calendar=calendar
    )
    rows: list[ComplianceRow] = []
    for person in sorted(staff, key=lambda p: p.id):
        if person.role in _TRAINED:
            rows.extend(_yearly_training(ctx, person))
        rows.extend(_pre_job_training(ctx, person))
        rows.extend(_assessment(ctx, person))
        rows.extend(_special_operator(ctx, person))
    return tuple(rows)
