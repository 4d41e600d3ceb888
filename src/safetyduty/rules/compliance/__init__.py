"""Compliance evaluation: which duties bind, and for each, period by period, was it met?

The engine judges what it is given: :func:`evaluate` takes an enterprise, the
evidence of what it did (:class:`~safetyduty.models.Record`), its people,
hazards and accidents, the national duties (by default the law's,
:func:`safetyduty.law.enterprise_duties`) and the local plans to apply, and
returns a :class:`ComplianceReport`: one row per duty × period with its
status, window, due date, the records used, the plan, the basis and the
reason; the plans applied and not applied, with the reason; and the
registry entry of every source cited. :func:`safetyduty.catalog.evaluate`
is the same call with the catalog's plans.

Where and when a duty binds: inside its jurisdiction (national, regions, or
a park) and inside its effective span, by the version in force; a plan's
duties inside the plan's jurisdiction and period unless a duty narrows them
or is lasting. Which periods are judged within the span is decided in
:mod:`safetyduty.rules.compliance._rows`: a period is judged by the version
in force on its last day.

Which records count for which period:

- a duty due at the end of its period counts the records inside the period;
- a duty due on day N of its period ("每月25日前") counts the records inside
  the period, those after day N as late;
- a duty due on day N of the next period ("下一季度15日前报送") counts the
  records filed in the next period, those after day N as late;
- a daily duty ("班组日查") is judged on each working day (every day for an
  enterprise in continuous operation), a row a month;
- a one-off duty ("2021年底前") counts records up to its due date, later ones
  as late; a triggered duty counts records from its event to its due date,
  and later ones as late only when none came in time (records are not linked
  to their event, so a later one may belong to a later event);
- a standing duty counts the evidence in place on the day judged.

A period's status: **met** with enough records on time; **late** with enough
only counting late ones; **missed** when the due date has passed without
enough; **due** when the due date is within 30 days (or today); **upcoming**
when it is further away. A duty that does not bind is one row, **not
applicable**, with the reason.

Due dates of recurring duties are not rolled off rest days (the plans' own
reading, decision 3 of ``domain.md``); triggered duties count by 民法典
第201-203条 with the calendar.

Examples:
    >>> from datetime import date
    >>> from safetyduty import catalog
    >>> from safetyduty.models import Enterprise, Industry, Record, RecordKind
    >>> e = Enterprise(uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY,
    ...                region="441500", employees=150)
    >>> led = [Record(id=f"r{m}", kind=RecordKind.LED_INSPECTION, on=date(2020, m, 10), enterprise=e.uscc)
    ...        for m in (7, 8, 10)]
    >>> report = evaluate(e, led, as_of=date(2020, 11, 5), since=date(2020, 7, 1),
    ...                   plans=[catalog.plan("shanwei-2020")])
    >>> [(r.start.month, r.status.value) for r in report.rows if r.obligation == "shanwei.principal.monthly_inspection"]
    [(7, 'met'), (8, 'met'), (9, 'missed'), (10, 'met'), (11, 'due')]
    >>> [(u.plan, u.applied) for u in report.plans]
    [('shanwei-2020', True)]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from safetyduty import law
from safetyduty._lazy import lazy_names
from safetyduty.models import Check, Enterprise, Person, Record, Standing
from safetyduty.rules.compliance._evaluate import Daily, applicable_plans, evaluate, evaluate_many
from safetyduty.rules.compliance._facts import ENTERPRISE_SUBJECTS
from safetyduty.rules.compliance._flat import ROW_FIELDS, FlatRow, RowField
from safetyduty.rules.compliance._report import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    HazardFinding,
    ItemKind,
    PlanUse,
    rows_of,
)
from safetyduty.typing import HolidayCalendar

if TYPE_CHECKING:
    from safetyduty.rules.compliance._authorities import evaluate_authority
    from safetyduty.rules.compliance._portfolio import (
        PortfolioReport,
        Tally,
        evaluate_portfolio,
    )

__all__ = [
    "ENTERPRISE_SUBJECTS",
    "ROW_FIELDS",
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "Daily",
    "FlatRow",
    "HazardFinding",
    "ItemKind",
    "PlanUse",
    "PortfolioReport",
    "RowField",
    "Tally",
    "applicable_plans",
    "evaluate",
    "evaluate_authority",
    "evaluate_many",
    "evaluate_portfolio",
    "personnel_requirements",
    "rows_of",
    "standing_requirements",
]

# Authorities and portfolios are judged on first use: importing the engine
# for one enterprise need not define their models and reports.
__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "PortfolioReport": "_portfolio",
        "Tally": "_portfolio",
        "evaluate_authority": "_authorities",
        "evaluate_portfolio": "_portfolio",
    },
)

_PERSONNEL = frozenset(
    {
        Check.TRAINING_YEARLY,
        Check.TRAINING_PRE_JOB,
        Check.ASSESSMENT,
        Check.OPERATOR_CERTIFICATE,
        Check.OPERATOR_REVIEW,
        Check.OPERATOR_VALIDITY,
    }
)


def standing_requirements(
    enterprise: Enterprise,
    *,
    as_of: date,
    records: Iterable[Record] = (),
    people: Iterable[Person] = (),
) -> tuple[ComplianceRow, ...]:
    """The national standing requirements on *as_of*, one row each (a shortcut of :func:`evaluate`).

    Examples:
        >>> from safetyduty.models import Enterprise, Industry, Record, RecordKind
        >>> shop = Enterprise(uscc="914403001922038216", name="示例商贸", industry=Industry.COMMERCE,
        ...                   region="440300", employees=40)
        >>> rows = standing_requirements(shop, as_of=date(2026, 6, 30), records=[
        ...     Record(id="r1", kind=RecordKind.RESPONSIBILITY_SYSTEM, on=date(2026, 1, 5), enterprise=shop.uscc)])
        >>> [(r.obligation, r.status.value) for r in rows][:3]
        [('standing.responsibility_system', 'met'), ('standing.safety_staffing', 'missed'), ('standing.registered_engineer', 'not_applicable')]
    """
    duties = [
        d
        for d in law.enterprise_duties()
        if isinstance(d.schedule, Standing) and d.check not in _PERSONNEL
    ]
    return evaluate(enterprise, records, as_of=as_of, obligations=duties, people=people).rows


def personnel_requirements(
    enterprise: Enterprise,
    people: Iterable[Person],
    *,
    records: Iterable[Record] = (),
    as_of: date,
    since: date | None = None,
    calendar: HolidayCalendar | None = None,
) -> tuple[ComplianceRow, ...]:
    """Training, assessments and certificates of *people* on *as_of*, person by person (a shortcut of :func:`evaluate`).

    Examples:
        >>> from safetyduty.models import Certificate, CertificateKind, Enterprise, Industry, Person, Role
        >>> plant = Enterprise(uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY,
        ...                    region="441500", employees=150)
        >>> welder = Person(id="w1", name="李四", role=Role.SPECIAL_OPERATOR, certificates=[
        ...     Certificate(kind=CertificateKind.SPECIAL_OPERATION, number="T1", issued_on=date(2023, 5, 10))])
        >>> [(r.obligation, r.status.value) for r in personnel_requirements(plant, [welder], as_of=date(2026, 4, 1))]
        [('special_operation.certificate.review', 'due'), ('special_operation.certificate.validity', 'met')]
    """
    duties = [d for d in law.enterprise_duties() if d.check in _PERSONNEL]
    report = evaluate(
        enterprise,
        records,
        as_of=as_of,
        since=since,
        obligations=duties,
        people=people,
        calendar=calendar,
    )
    return tuple(r for r in report.rows if r.person is not None)
