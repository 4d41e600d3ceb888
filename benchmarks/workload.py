"""Workloads and floors shared by the benchmarks (imported by the bench_*.py scripts beside it).

An *enterprise-year* is one enterprise judged on the year 2020 (since
2020-01-01, as of 2020-12-31) against the full catalog: the national duties
and every seed plan that binds it. 2020 is the year the most duties bind:
the enterprises in the 汕尾 plan's region get its monthly, quarterly and
yearly duties of the principal (from July), those in 忻州经济开发区 its daily
team checks, weekly workshop checks and monthly plant checks. The profiles,
records (about 410 a year: a record every day of the daily check, every week
of the weekly one, the 八个一次 …) and people are the sample portfolio's
(``safetyduty.catalog._sample``), moved from 2026 to 2020; odd profiles move
to 忻州经济开发区.

The *floor* of an evaluation is what plain Python needs to give the same
rows when nothing is checked and every window is known: it groups the
enterprise's records by kind into sorted tuples, then counts each period
(each working day of a daily duty) with two bisects and makes a plain
tuple. The windows are taken from the engine's own report, outside the
timing: the floor does the counting the engine does, and nothing else.
"""

from __future__ import annotations

import bisect
import calendar as gregorian
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

import attrs

from safetyduty import catalog
from safetyduty.calendars import default_calendar
from safetyduty.catalog._sample import _enterprises, _people_of, _records
from safetyduty.models import (
    AccidentGrade,
    CreditEvent,
    CreditEventKind,
    Enterprise,
    Person,
    Record,
    RecordKind,
)
from safetyduty.rules.compliance import ComplianceReport, ComplianceStatus

AS_OF, SINCE = date(2020, 12, 31), date(2020, 1, 1)
XINZHOU_REGION, XINZHOU_PARK = "140900", "140900-xinzhou-edz"

EnterpriseYear = tuple[Enterprise, list[Record], list[Person]]
Window = tuple[RecordKind, date, date, date, int]


def enterprise_years(count: int = 20) -> list[EnterpriseYear]:
    """*count* enterprise-years (at most 20: one per profile of the sample)."""
    found: list[EnterpriseYear] = []
    for index, profile in enumerate(_enterprises()[:count]):
        firm = profile
        if index % 2:
            firm = attrs.evolve(profile, region=XINZHOU_REGION, park=XINZHOU_PARK)
        records = [attrs.evolve(r, on=r.on.replace(year=2020)) for r in _records(index, firm.uscc)]
        found.append((firm, records, _people_of(index, firm)))
    return found


def evaluate(case: EnterpriseYear) -> ComplianceReport:
    """The engine on one enterprise-year: the full catalog, its people."""
    firm, records, people = case
    return catalog.evaluate(firm, records, as_of=AS_OF, since=SINCE, people=people)


def _evidence_kinds() -> dict[str, RecordKind]:
    return {duty.id: duty.evidence for duty in catalog.enterprise_obligations()}


def floor_windows(report: ComplianceReport) -> list[Window]:
    """The windows the engine counted for *report*, one per period (per working day of a daily duty)."""
    kinds = _evidence_kinds()
    cal = default_calendar()
    windows: list[Window] = []
    for row in report.rows:
        if row.status is ComplianceStatus.NOT_APPLICABLE:
            continue
        kind = kinds[row.obligation]
        if row.daily and row.start is not None and row.end is not None:
            day = row.start
            while day <= min(row.end, report.as_of):
                if cal.is_workday(day):
                    windows.append((kind, day, day, day, 1))
                day += timedelta(days=1)
            continue
        due = row.due.date() if isinstance(row.due, datetime) else row.due or report.as_of
        first = row.start or date.min
        windows.append((kind, first, max(row.end or report.as_of, due), due, row.required))
    return windows


def floor(
    records: Iterable[Record], windows: Sequence[Window], as_of: date
) -> list[tuple[object, ...]]:
    """Group *records* by kind, then count each window with bisect: the bare work of an evaluation."""
    grouped: dict[RecordKind, list[tuple[date, str]]] = {}
    for record in records:
        grouped.setdefault(record.kind, []).append((record.on, record.id))
    dates: dict[RecordKind, list[date]] = {}
    ids: dict[RecordKind, list[str]] = {}
    for kind, items in grouped.items():
        items.sort()
        dates[kind] = [d for d, _ in items]
        ids[kind] = [i for _, i in items]
    rows: list[tuple[object, ...]] = []
    for kind, first, last, due, required in windows:
        days = dates.get(kind, [])
        lo, mid = bisect.bisect_left(days, first), bisect.bisect_right(days, due)
        late = bisect.bisect_right(days, last) - mid
        on_time = ids[kind][lo:mid] if days else []
        if len(on_time) >= required:
            status = "met"
        elif len(on_time) + late >= required:
            status = "late"
        else:
            status = "missed" if as_of > due else "due"
        rows.append((kind, first, last, due, status, tuple(on_time), late))
    return rows


def credit_events(subjects: int, per_subject: int = 20) -> list[CreditEvent]:
    """*per_subject* events for each of *subjects* subjects, 2016-2025: accidents, penalties, hazards."""
    events: list[CreditEvent] = []
    grades = (AccidentGrade.GENERAL, AccidentGrade.GENERAL, AccidentGrade.LARGER)
    kinds = (
        CreditEventKind.ADMINISTRATIVE_PENALTY,
        CreditEventKind.MAJOR_HAZARD_NOT_RECTIFIED,
        CreditEventKind.MAJOR_HAZARD_RECTIFIED,
        CreditEventKind.PUBLIC_COMMITMENT,
        CreditEventKind.LATE_REPORT,
    )
    for s in range(subjects):
        subject = f"S{s:06d}"
        for n in range(per_subject):
            on = date(2016 + (s + n) % 10, 1 + (n * 5 + s) % 12, 1 + (n * 7 + s) % 28)
            ident = f"{subject}-{n}"
            if n % 4 == 0:
                grade = grades[(s + n) % 3]
                events.append(
                    CreditEvent(id=ident, subject=subject, kind=CreditEventKind.ACCIDENT, on=on,
                                accident_grade=grade, deaths=3 if grade is AccidentGrade.LARGER else 0)
                )  # fmt: skip
            else:
                events.append(
                    CreditEvent(id=ident, subject=subject, kind=kinds[(s + n) % 5], on=on)
                )
    return events


def plain_months(first_year: int, years: int, due_day: int) -> list[tuple[date, date, date]]:
    """The floor of ``occurrences`` for a monthly schedule: a bare loop over the months."""
    found = []
    for year in range(first_year, first_year + years):
        for month in range(1, 13):
            last = gregorian.monthrange(year, month)[1]
            found.append(
                (
                    date(year, month, 1),
                    date(year, month, last),
                    date(year, month, min(due_day, last)),
                )
            )
    return found
