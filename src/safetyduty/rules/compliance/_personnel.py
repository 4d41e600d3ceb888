"""Personnel checks: training hours, pre-job education, assessments and special operators' certificates.

Each check gives rows like every other compliance row, one per person and
duty, with ``person`` set:

- ``training_yearly``: each calendar year from ``since`` on whose last day is
  in the duty's span, the 主要负责人, 安全生产管理人员 and 从业人员 need their
  yearly 再培训 学时 (:func:`~safetyduty.rules.requirements.training_hours`,
  in the version in force at the year's end); the year a person took office
  is covered by the initial training and is not judged;
- ``training_pre_job``: a 从业人员 who started between ``since`` and ``as_of``
  needs the 岗前 学时 (24, or 72 in high-risk units; 32 for construction
  workers) by the first day of work; the 三级安全教育 of Order 3 第十二条,
  counted as its total;
- ``assessment``: a principal or safety manager who took office between
  ``since`` and ``as_of`` passes the assessment within the duty's limit (a
  certificate of kind ``principal_assessment`` or ``safety_manager_assessment``);
- ``operator_certificate``, ``operator_review`` (the 复审 due every 3 years,
  "due" in the 60 days before it; the 6-year interval after 10 years' work
  is not modelled) and ``operator_validity`` (6 years; lapsed when the 复审
  was missed, Order 30 第二十六条).

Training evidence is ``training`` records with ``person`` and ``hours``; a
record without hours counts no 学时. Deadlines counted in months or years
follow 民法典 第201-203条 on the calendar; past the calendar's last year
they are not moved off rest days, and the row says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from safetyduty import law
from safetyduty.errors import NoRuleInForceError
from safetyduty.models import (
    Basis,
    Certificate,
    CertificateKind,
    Obligation,
    Person,
    Record,
    Role,
    Subject,
    Triggered,
)
from safetyduty.rules.compliance._facts import Facts
from safetyduty.rules.compliance._report import ComplianceRow, ComplianceStatus, status_of
from safetyduty.rules.compliance._rows import PAST_CALENDAR_ZH, judged_day, lenient_due, row
from safetyduty.rules.requirements import training_hours

__all__ = [
    "assessment",
    "operator_certificate",
    "operator_review",
    "operator_validity",
    "training_pre_job",
    "training_yearly",
]

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


def _courses(facts: Facts, person: Person, first: date, last: date) -> list[Record]:
    return facts.courses(person.id, first, last)


def _hours(records: Iterable[Record]) -> Decimal:
    return sum((r.hours for r in records if r.hours is not None), Decimal(0))


def _person_row(
    duty: Obligation,
    facts: Facts,
    person: Person,
    status: ComplianceStatus,
    *,
    due: date | None,
    start: date | None = None,
    evidence: Iterable[str] = (),
    late: int = 0,
    reason: str = "",
    reason_zh: str = "",
    hours: tuple[Decimal, Decimal] | None = None,
    basis: Basis | None = None,
) -> ComplianceRow:
    return row(
        duty,
        facts.enterprise.uscc,
        status,
        start=start,
        end=due,
        due=due,
        required=1,
        evidence=tuple(evidence),
        late=late,
        reason=reason,
        reason_zh=reason_zh,
        person=person.id,
        hours_required=hours[0] if hours else None,
        hours_done=hours[1] if hours else None,
        basis=basis,
    )


def _staff(facts: Facts) -> list[Person]:
    return sorted(facts.people, key=lambda p: p.id)


def training_yearly(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """Each person's yearly 学时, year by year."""
    first_year = facts.since.year + (0 if (facts.since.month, facts.since.day) == (1, 1) else 1)
    for person in _staff(facts):
        if person.role not in _TRAINED:
            continue
        for year in range(first_year, facts.as_of.year + 1):
            start, end = date(year, 1, 1), date(year, 12, 31)
            if not duty.effective.contains(end):
                continue
            if person.took_office_on is not None and person.took_office_on.year >= year:
                continue  # the year of taking office is covered by the initial training
            try:
                ruling = training_hours(person.role, facts.enterprise, kind="annual", as_of=end)
            except NoRuleInForceError:
                continue  # no yearly hours set for this role in that year
            needed = Decimal(ruling.value)
            courses = _courses(facts, person, start, end)
            done = _hours(courses)
            yield _person_row(
                duty,
                facts,
                person,
                status_of(done, Decimal(0), needed, end, facts.as_of),
                start=start,
                due=end,
                evidence=[r.id for r in courses],
                reason=ruling.reason,
                reason_zh=_hours_zh(person.role, facts, "annual", end),
                hours=(needed, done),
                basis=ruling.basis,
            )


def training_pre_job(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """A new worker's 岗前 学时 by the first day of work."""
    for person in _staff(facts):
        began = person.took_office_on
        if person.role is not Role.WORKER or began is None:
            continue
        if not facts.since <= began <= facts.as_of or not duty.effective.contains(began):
            continue
        ruling = training_hours(Role.WORKER, facts.enterprise, kind="initial", as_of=began)
        needed = Decimal(ruling.value)
        before = _courses(facts, person, date.min, began)
        after = _courses(facts, person, began + timedelta(days=1), facts.as_of)
        late = 0 if _hours(before) >= needed else len(after)
        yield _person_row(
            duty,
            facts,
            person,
            status_of(_hours(before), _hours(after), needed, began, facts.as_of),
            due=began,
            evidence=[r.id for r in before] + ([r.id for r in after] if late else []),
            late=late,
            reason=f"started on {began}; {ruling.reason}",
            reason_zh=f"{began}上岗；{_hours_zh(Role.WORKER, facts, 'initial', began)}",
            hours=(needed, _hours(before) + (_hours(after) if late else Decimal(0))),
            basis=ruling.basis,
        )


_ROLE_ZH: Final = {
    Role.PRINCIPAL: "主要负责人",
    Role.SAFETY_MANAGER: "安全生产管理人员",
    Role.WORKER: "从业人员",
    Role.SPECIAL_OPERATOR: "特种作业人员",
}


def _hours_zh(role: Role, facts: Facts, kind: str, day: date) -> str:
    """Whose hours, in Chinese: the role, the sector group and initial or yearly."""
    high = bool(facts.enterprise.sectors & law.sector_list("training.high-risk", on=day).value)
    group = "煤矿、非煤矿山、危化、烟花爆竹、金属冶炼单位" if high else "一般单位"
    if role is Role.WORKER and not high and facts.enterprise.industry.value == "construction":
        group = "建筑施工单位"
    return f"{_ROLE_ZH[role]}，{group}，{'初次培训' if kind == 'initial' else '每年再培训'}"


def _limit(duty: Obligation, event: date, facts: Facts) -> tuple[date, str]:
    schedule = duty.schedule
    if not isinstance(schedule, Triggered):
        return event, ""
    due, note = lenient_due(schedule, event, facts.calendar)
    return (due.date() if isinstance(due, datetime) else due), note


def assessment(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """A principal's or safety manager's 考核 within the limit after taking office."""
    for person in _staff(facts):
        began = person.took_office_on
        kind = _ASSESSMENT.get(person.role)
        if kind is None or began is None:
            continue
        if not facts.since <= began <= facts.as_of or not duty.effective.contains(began):
            continue
        due, note = _limit(duty, began, facts)
        passed = sorted(
            (c for c in person.certificates if c.kind is kind and c.issued_on <= facts.as_of),
            key=lambda c: c.issued_on,
        )
        on_time = [c.number for c in passed if c.issued_on <= due]
        late = [c.number for c in passed if c.issued_on > due]
        yield row(
            duty,
            facts.enterprise.uscc,
            status_of(len(on_time), len(late), 1, due, facts.as_of),
            start=began,
            end=due,
            due=due,
            required=1,
            evidence=on_time + late,
            late=len(late),
            reason=f"took office on {began}{note}",
            reason_zh=f"{began}任职{PAST_CALENDAR_ZH if note else ''}",
            person=person.id,
        )


def _current(person: Person, as_of: date) -> Certificate | None:
    held = [
        c
        for c in person.certificates
        if c.kind is CertificateKind.SPECIAL_OPERATION and c.issued_on <= as_of
    ]
    return max(held, key=lambda c: c.issued_on, default=None)


def _operators(facts: Facts) -> Iterator[Person]:
    return (p for p in _staff(facts) if p.role is Role.SPECIAL_OPERATOR)


def operator_certificate(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """A special operator without a 特种作业操作证 on the day judged."""
    day = judged_day(duty, facts.as_of)
    for person in _operators(facts):
        if _current(person, day) is None:
            yield _person_row(
                duty,
                facts,
                person,
                ComplianceStatus.MISSED,
                due=None,
                reason="holds no special operation certificate",
                reason_zh="未持特种作业操作证",
            )


def _review(
    duty: Obligation, facts: Facts, certificate: Certificate
) -> tuple[ComplianceStatus, date, str, int]:
    due, note = _limit(duty, certificate.issued_on, facts)
    reviewed = certificate.last_reviewed_on
    if reviewed is not None and reviewed > facts.as_of:
        reviewed = None
    on_time = 1 if reviewed is not None and reviewed <= due else 0
    late = 1 if reviewed is not None and not on_time else 0
    status = status_of(on_time, late, 1, due, facts.as_of)
    window = int(law.parameter("operators.review", on=due).value["window.days"])
    if status is ComplianceStatus.UPCOMING and facts.as_of >= due - timedelta(days=window):
        status = ComplianceStatus.DUE  # inside the application window
    return status, due, note, late


def operator_review(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """The 复审 of each special operator's current certificate."""
    for person in _operators(facts):
        certificate = _current(person, facts.as_of)
        if certificate is None or not duty.effective.contains(certificate.issued_on):
            continue
        status, due, note, late = _review(duty, facts, certificate)
        window = int(law.parameter("operators.review", on=due).value["window.days"])
        yield row(
            duty,
            facts.enterprise.uscc,
            status,
            start=due - timedelta(days=window),
            end=due,
            due=due,
            required=1,
            evidence=[certificate.number]
            if certificate.last_reviewed_on is not None
            and certificate.last_reviewed_on <= facts.as_of
            else [],
            late=late,
            reason=f"certificate {certificate.number} issued on {certificate.issued_on}{note}",
            reason_zh=f"证书{certificate.number}于{certificate.issued_on}发证{PAST_CALENDAR_ZH if note else ''}",
            person=person.id,
        )


def operator_validity(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """Each current certificate's validity: 6 years, lapsed when its 复审 was missed."""
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - dateutil on first use, not at import

    review = law.duty("special_operation.certificate.review", on=facts.as_of)
    for person in _operators(facts):
        certificate = _current(person, facts.as_of)
        if certificate is None or not duty.effective.contains(certificate.issued_on):
            continue
        review_status, review_due, _, _ = _review(review, facts, certificate)
        expiry = certificate.expires_on or certificate.issued_on + relativedelta(years=6)
        if review_status is ComplianceStatus.MISSED:
            expiry = min(expiry, review_due)  # valid to the day its review was due, no longer
            status = ComplianceStatus.MISSED
            reason = f"lapsed: the review due {review_due} was missed (第二十六条)"
            reason_zh = f"未在{review_due}前复审，证书失效（第二十六条）"
        elif facts.as_of > expiry:
            status, reason, reason_zh = (
                ComplianceStatus.MISSED,
                f"expired on {expiry}",
                f"已于{expiry}过期",
            )
        elif facts.as_of >= expiry - timedelta(days=60):
            status = ComplianceStatus.DUE
            reason = f"expires on {expiry}: apply for the extended review"
            reason_zh = f"{expiry}到期，应申请延期复审"
        else:
            status, reason, reason_zh = (
                ComplianceStatus.MET,
                f"valid until {expiry}",
                f"有效期至{expiry}",
            )
        yield row(
            duty,
            facts.enterprise.uscc,
            status,
            start=certificate.issued_on,
            end=expiry,
            due=expiry,
            required=1,
            evidence=[certificate.number],
            reason=reason,
            reason_zh=reason_zh,
            person=person.id,
        )
