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
  fatal accident) counts records from its event to its due date, and later
  ones as late only when none came in time (records are not linked to their
  event, so a later one may belong to a later event).

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

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Final

from safetyduty.errors import ValidationError
from safetyduty.models import (
    Accident,
    Basis,
    Enterprise,
    Hazard,
    HazardLevel,
    HazardStatus,
    Obligation,
    OneOff,
    Person,
    Record,
    Recurring,
    Role,
    Subject,
)
from safetyduty.rules._args import items_of, judged_span, own_people
from safetyduty.rules._report import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    HazardFinding,
)
from safetyduty.rules._rows import Evidence, one_off_row, recurring_rows, triggered_rows
from safetyduty.rules.personnel import personnel_requirements
from safetyduty.rules.standing import STANDING_REQUIREMENTS, standing_requirements
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


def catalog_entry(key: str) -> Obligation:
    """An obligation of the built-in catalog (see :mod:`safetyduty.catalog`).

    Examples:
        >>> catalog_entry("hazard_check.plant_monthly").title
        '厂矿月查（隐患排查）'
    """
    from safetyduty.catalog import obligation  # noqa: PLC0415 - rules reach the catalog only here

    return obligation(key)


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


def evaluate(
    enterprise: Enterprise,
    records: Iterable[Record],
    *,
    as_of: date,
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    people: Iterable[Person] = (),
    requirements: Iterable[str] | None = None,
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
        people: its people: their training, assessments and certificates are checked
            (:func:`~safetyduty.rules.personnel.personnel_requirements`), and they count
            as staff for the standing requirements.
        requirements: the ids of the standing requirements to check
            (:data:`~safetyduty.rules.standing.STANDING_REQUIREMENTS`); by default all of
            them with the catalog's obligations, none when you pass your own ``obligations``.
        calendar: the working-day calendar for triggered duties (default: the bundled one).
        since: the first day of the periods judged (default: a year before ``as_of``).

    Raises:
        ValidationError: for bad input.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> shop = Enterprise(uscc="914403001922038216", name="示例商贸", industry=Industry.COMMERCE,
        ...                   region="440300", employees=30)
        >>> report = evaluate(shop, [], as_of=date(2026, 6, 30))
        >>> report.since, report.summary[ComplianceStatus.NOT_APPLICABLE] > 0
        (datetime.date(2025, 7, 1), True)
    """
    if not isinstance(enterprise, Enterprise):
        raise ValidationError("enterprise", enterprise, "must be an Enterprise")
    start, checked = judged_span(as_of, since)
    duties = (
        items_of("obligations", obligations, Obligation)
        if obligations is not None
        else _catalog_duties()
    )
    facts = [
        r for r in items_of("records", records, Record) if isinstance(r, Record) and r.on <= checked
    ]
    own_hazards = [
        h
        for h in items_of("hazards", hazards, Hazard)
        if isinstance(h, Hazard) and h.enterprise == enterprise.uscc
    ]
    own_accidents = [
        a
        for a in items_of("accidents", accidents, Accident)
        if isinstance(a, Accident) and a.enterprise == enterprise.uscc
    ]
    staff = items_of("people", people, Person)
    evidence_of = _EvidenceBySubject(facts, enterprise.uscc, staff)
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
        evidence = evidence_of(duty.subject)
        if isinstance(schedule, Recurring):
            rows.extend(recurring_rows(duty, schedule, evidence, since=start, as_of=checked))
        elif isinstance(schedule, OneOff):
            rows.append(one_off_row(duty, schedule, evidence, as_of=checked))
        else:
            rows.extend(
                triggered_rows(
                    duty,
                    schedule,
                    evidence,
                    as_of=checked,
                    accidents=own_accidents,
                    hazards=own_hazards,
                    calendar=calendar,
                )
            )
    if requirements is None:
        requirements = STANDING_REQUIREMENTS if obligations is None else ()
    chosen = tuple(items_of("requirements", requirements, str))
    if chosen:
        rows.extend(
            standing_requirements(
                enterprise, as_of=checked, records=facts, people=staff, only=chosen
            )
        )
    rows.extend(
        personnel_requirements(
            enterprise, staff, records=facts, as_of=checked, since=start, calendar=calendar
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


_ROLE_OF: Final = {
    Subject.PRINCIPAL: Role.PRINCIPAL,
    Subject.SAFETY_MANAGER: Role.SAFETY_MANAGER,
    Subject.SPECIAL_OPERATOR: Role.SPECIAL_OPERATOR,
    Subject.WORKER: Role.WORKER,
}


class _EvidenceBySubject:
    """The evidence a duty may use: a record naming one of the enterprise's people
    counts only for duties of that person's role (a worker's training is not the
    主要负责人's); records naming no one, or someone not among the people, count
    for every duty of their kind."""

    def __init__(self, facts: list[Record], uscc: str, staff: Sequence[Person]) -> None:
        self.facts = facts
        self.uscc = uscc
        self.roles = {p.id: p.role for p in own_people(staff, uscc)}
        self.everyone = Evidence(facts, uscc)
        self.by_role: dict[Role, Evidence] = {}

    def __call__(self, subject: Subject) -> Evidence:
        role = _ROLE_OF.get(subject)
        if role is None or not self.roles:
            return self.everyone
        if role not in self.by_role:
            self.by_role[role] = Evidence(
                (r for r in self.facts if self.roles.get(r.person or "", role) is role), self.uscc
            )
        return self.by_role[role]


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
    people: Iterable[Person] = (),
    requirements: Iterable[str] | None = None,
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
    if isinstance(enterprises, (str, bytes)) or not isinstance(enterprises, Iterable):
        raise ValidationError("enterprises", enterprises, "must be an iterable of Enterprise")
    duties = (
        items_of("obligations", obligations, Obligation)
        if obligations is not None
        else _catalog_duties()
    )
    by_records: dict[str, list[Record]] = defaultdict(list)
    by_hazards: dict[str, list[Hazard]] = defaultdict(list)
    by_accidents: dict[str, list[Accident]] = defaultdict(list)
    by_people: dict[str, list[Person]] = defaultdict(list)
    for record in items_of("records", records, Record):
        by_records[record.enterprise].append(record)
    for hazard in items_of("hazards", hazards, Hazard):
        by_hazards[hazard.enterprise].append(hazard)
    for accident in items_of("accidents", accidents, Accident):
        by_accidents[accident.enterprise].append(accident)
    for index, person in enumerate(items_of("people", people, Person)):
        if person.enterprise is None:
            raise ValidationError(
                f"people[{index}].enterprise", None, "must name the employer to group by enterprise"
            )
        by_people[person.enterprise].append(person)
    if requirements is None:
        requirements = STANDING_REQUIREMENTS if obligations is None else ()
    chosen = items_of("requirements", requirements, str)
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
            people=by_people.get(enterprise.uscc, ()),
            requirements=chosen,
            calendar=calendar,
            since=since,
        )
