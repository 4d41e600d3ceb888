"""Evaluating authorities: the duties plans set for regulators, committees and departments.

The seed plans bind government bodies as well as enterprises: 汕尾's 市/县/
乡镇 inspections of principals' duties every half year / quarter / month and
its reports, 新疆's "每月25日前" statistics, 忻州's quarterly 管委会 meetings.
:func:`evaluate_authority` judges an :class:`~safetyduty.models.Authority`
on them with the same rows and rules as an enterprise's evaluation.

Which duties: by default, those of every catalog plan (or of the ``plans``
given) whose region covers the authority's (a province plan covers its
cities and counties; a city plan its counties) and whose subject is the
authority's. A plan's duties run only within its period: every recurring
period that overlaps the span from the later of ``since`` and the plan's
start to the plan's end (a yearly report is due for the plan's first,
partial year too), and the one-off duties due in that span.

Examples:
    >>> from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
    >>> from safetyduty.models import Authority, Record, RecordKind, Subject
    >>> county = Authority(uscc="114415000070431508", name="海丰县应急管理局",
    ...                    subject=Subject.REGULATOR_COUNTY, region="441521")
    >>> done = [Record(id=f"i{m}", kind=RecordKind.INSPECTION_OF_DUTIES, on=date(2020, m, 20),
    ...                enterprise=county.uscc) for m in (8, 11)]
    >>> report = evaluate_authority(county, done, as_of=date(2021, 1, 31))
    >>> [(r.obligation, r.due.isoformat(), r.status.value) for r in report.rows][:2]
    [('regulator.county.principal_inspection', '2020-09-30', 'met'), ('regulator.county.principal_inspection', '2020-12-31', 'met')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from safetyduty.errors import ValidationError
from safetyduty.models import Authority, Obligation, OneOff, Plan, Record, Recurring, check_region
from safetyduty.rules._args import items_of, plain_day, year_before
from safetyduty.rules._report import ComplianceReport, ComplianceRow
from safetyduty.rules._rows import Evidence, one_off_row, recurring_rows, triggered_rows
from safetyduty.typing import HolidayCalendar

__all__ = ["covers", "evaluate_authority"]


def covers(plan_region: str, region: str) -> bool:
    """Whether a plan for *plan_region* covers *region* (``xx0000`` a province, ``xxxx00`` a city).

    Examples:
        >>> covers("650000", "650102"), covers("441500", "441521"), covers("441521", "441500")
        (True, True, False)

    Raises:
        ValidationError: for a code that is not a 6-digit 行政区划代码.
    """
    check_region(plan_region)
    check_region(region)
    if plan_region.endswith("0000"):
        return region[:2] == plan_region[:2]
    if plan_region.endswith("00"):
        return region[:4] == plan_region[:4]
    return region == plan_region


def _catalog_plans() -> tuple[Plan, ...]:
    from safetyduty.catalog import plans  # noqa: PLC0415 - rules reach the catalog only here

    return plans()


def _rows(
    duty: Obligation,
    evidence: Evidence,
    *,
    since: date,
    until: date | None,
    as_of: date,
    calendar: HolidayCalendar | None,
) -> Iterator[ComplianceRow]:
    schedule = duty.schedule
    if isinstance(schedule, Recurring):
        yield from recurring_rows(
            duty,
            schedule,
            evidence,
            since=since,
            as_of=as_of,
            until=until,
            partial=until is not None,
        )
    elif isinstance(schedule, OneOff):
        if since <= schedule.due <= (until or date.max):
            yield one_off_row(duty, schedule, evidence, as_of=as_of)
    else:
        yield from triggered_rows(
            duty, schedule, evidence, as_of=as_of, accidents=(), hazards=(), calendar=calendar
        )


def evaluate_authority(
    authority: Authority,
    records: Iterable[Record],
    *,
    as_of: date,
    plans: Iterable[Plan] | None = None,
    obligations: Iterable[Obligation] | None = None,
    since: date | None = None,
    calendar: HolidayCalendar | None = None,
) -> ComplianceReport:
    """Evaluate *authority* on *as_of* against the duties plans set for it.

    Args:
        authority: the body judged.
        records: its evidence (records whose ``enterprise`` is the body's code; others are ignored).
        as_of: the date judged.
        plans: the plans to take duties from (default: the catalog's seed plans).
        obligations: judge these duties instead, over ``since`` to ``as_of``, with no plan period.
        since: the first day judged (default: each plan's start; with ``obligations``, a
            year before ``as_of``).
        calendar: the working-day calendar for triggered duties.

    Raises:
        ValidationError: for bad input.

    Examples:
        >>> from safetyduty.models import Authority, Subject
        >>> park = Authority(uscc="114415000070431508", name="忻州经济开发区管委会",
        ...                  subject=Subject.REGULATOR_PARK, region="140902")
        >>> [r.status.value for r in evaluate_authority(park, [], as_of=date(2020, 7, 15)).rows]
        ['missed', 'missed', 'upcoming']
    """
    if not isinstance(authority, Authority):
        raise ValidationError("authority", authority, "must be an Authority")
    day = plain_day("as_of", as_of)
    first = plain_day("since", since) if since is not None else None
    if first is not None and first > day:
        raise ValidationError("since", since, f"must not be after as_of ({day})")
    evidence = Evidence(
        (r for r in items_of("records", records, Record) if r.on <= day), authority.uscc
    )
    rows: list[ComplianceRow] = []
    starts: list[date] = []
    if obligations is not None:
        starts.append(first or year_before(day))
        for duty in items_of("obligations", obligations, Obligation):
            rows.extend(
                _rows(duty, evidence, since=starts[0], until=None, as_of=day, calendar=calendar)
            )
    else:
        chosen = items_of("plans", plans, Plan) if plans is not None else _catalog_plans()
        for plan in chosen:
            if not covers(plan.region, authority.region) or plan.start > day:
                continue
            start = max(first or plan.start, plan.start)
            starts.append(start)
            for duty in plan.obligations:
                if duty.subject is authority.subject:
                    rows.extend(
                        _rows(
                            duty,
                            evidence,
                            since=start,
                            until=plan.end,
                            as_of=day,
                            calendar=calendar,
                        )
                    )
    return ComplianceReport(
        enterprise=authority.uscc,
        name=authority.name,
        as_of=day,
        since=first or min(starts, default=day),
        rows=tuple(rows),
    )
