"""Evaluating authorities: the duties plans set for regulators, committees and departments.

The seed plans bind government bodies as well as enterprises: 汕尾's 市/县/
乡镇 inspections of principals' duties every half year / quarter / month and
its reports, 新疆's "每月25日前" statistics, 忻州's quarterly 管委会 meetings.
:func:`evaluate_authority` judges an :class:`~safetyduty.models.Authority`
on them with the same rows and the same rule of where and when a duty binds
as an enterprise's evaluation: the duties of every plan whose jurisdiction
covers the body's region (and park) and whose subject is the body's, within
each duty's effective span (the plan's period unless the duty says
otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from safetyduty.errors import ValidationError
from safetyduty.models import (
    Authority,
    Check,
    Obligation,
    OneOff,
    Plan,
    Record,
    Recurring,
    Standing,
)
from safetyduty.rules._args import items_of, judged_span
from safetyduty.rules.compliance._evaluate import _grouped, _sources, applicable_plans
from safetyduty.rules.compliance._report import ComplianceReport, ComplianceRow
from safetyduty.rules.compliance._rows import (
    Evidence,
    not_applicable,
    one_off_row,
    recurring_rows,
    standing_row,
    triggered_rows,
)
from safetyduty.typing import HolidayCalendar

__all__ = ["evaluate_authority"]


def _rows(
    duty: Obligation,
    evidence: Evidence,
    *,
    since: date,
    as_of: date,
    calendar: HolidayCalendar | None,
) -> Iterator[ComplianceRow]:
    schedule = duty.schedule
    if isinstance(schedule, Recurring):
        yield from recurring_rows(duty, schedule, evidence, since=since, as_of=as_of)
    elif isinstance(schedule, OneOff):
        if duty.effective.contains(schedule.due) and schedule.due >= since:
            yield one_off_row(duty, schedule, evidence, as_of=as_of)
    elif isinstance(schedule, Standing):
        yield standing_row(duty, schedule, evidence, as_of=as_of)
    else:
        yield from triggered_rows(
            duty, schedule, evidence, as_of=as_of, accidents=(), hazards=(), calendar=calendar
        )


def evaluate_authority(
    authority: Authority,
    records: Iterable[Record],
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] = (),
    obligations: Iterable[Obligation] = (),
    calendar: HolidayCalendar | None = None,
) -> ComplianceReport:
    """Evaluate *authority* on *as_of* against the duties *plans* (and *obligations*) set for it.

    :func:`safetyduty.catalog.evaluate_authority` passes the catalog's plans.

    Args:
        authority: the body judged.
        records: its evidence (records whose ``enterprise`` is the body's code; others are ignored).
        as_of: the date judged.
        since: the first day judged (default: a year before ``as_of``).
        plans: the plans to take duties from, where they bind the body.
        obligations: more duties of the body's subject, judged within their own scope.
        calendar: the working-day calendar for triggered duties.

    Raises:
        ValidationError: for bad input.

    Examples:
        >>> from safetyduty import catalog
        >>> from safetyduty.models import Authority, Subject
        >>> park = Authority(uscc="114415000070431508", name="忻州经济开发区管委会",
        ...                  subject=Subject.REGULATOR_PARK, region="140902", park="140900-xinzhou-edz")
        >>> report = evaluate_authority(park, [], as_of=date(2020, 7, 15), plans=catalog.plans())
        >>> [(r.obligation, str(r.due), r.status.value) for r in report.rows]  # doctest: +NORMALIZE_WHITESPACE
        [('xinzhou.committee.quarterly_meeting', '2020-03-31', 'missed'),
         ('xinzhou.committee.quarterly_meeting', '2020-06-30', 'missed'),
         ('xinzhou.committee.quarterly_meeting', '2020-09-30', 'upcoming'),
         ('xinzhou.committee.duty_roster', 'None', 'missed')]
    """
    if not isinstance(authority, Authority):
        raise ValidationError("authority", authority, "must be an Authority")
    start, day = judged_span(as_of, since)
    evidence = Evidence.of_records(
        (r for r in items_of("records", records, Record) if r.on <= day), authority.uscc
    )
    chosen, uses = applicable_plans(
        plans, region=authority.region, park=authority.park, since=start, as_of=day
    )
    duties = [
        *items_of("obligations", obligations, Obligation),
        *(d for plan in chosen for d in plan.duties),
    ]
    rows: list[ComplianceRow] = []
    for versions in _grouped(d for d in duties if d.subject is authority.subject):
        found: list[ComplianceRow] = []
        reason: tuple[str, str] | None = None
        for duty in versions:
            where = duty.jurisdiction.describe()
            if not duty.jurisdiction.covers(authority.region, park=authority.park):
                reason = (
                    f"{authority.region} is outside {where}",
                    f"{authority.region}不在{where}范围内",
                )
            elif duty.check is not Check.RECORDS:
                reason = (
                    f"the check {duty.check.value} judges enterprises, not authorities",
                    "此项检查针对企业，不针对监管部门",
                )
            elif not duty.effective.meets(start, day):
                reason = (f"not in force from {start} to {day}", f"{start}至{day}期间未施行")
            else:
                found.extend(_rows(duty, evidence, since=start, as_of=day, calendar=calendar))
        if not found and reason is not None:
            found.append(not_applicable(versions[-1], authority.uscc, *reason))
        rows.extend(found)
    return ComplianceReport(
        enterprise=authority.uscc,
        name=authority.name,
        as_of=day,
        since=start,
        rows=tuple(rows),
        plans=uses,
        sources=_sources(rows),
    )
