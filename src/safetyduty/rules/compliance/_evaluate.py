"""Compliance evaluation: which duties bind an enterprise, and period by period, were they met?"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, Final, Literal

from safetyduty import law
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Accident,
    Basis,
    Check,
    Enterprise,
    Frequency,
    Hazard,
    HazardLevel,
    HazardStatus,
    Obligation,
    OneOff,
    Person,
    Plan,
    Record,
    Recurring,
    Source,
    Standing,
    Triggered,
)
from safetyduty.rules._args import items_of, judged_span, unique_by_id
from safetyduty.rules.compliance import _personnel, _standing
from safetyduty.rules.compliance._facts import ENTERPRISE_SUBJECTS, Facts
from safetyduty.rules.compliance._report import (
    ComplianceReport,
    ComplianceRow,
    HazardFinding,
    PlanUse,
)
from safetyduty.rules.compliance._rows import (
    daily_rows,
    judged_day,
    not_applicable,
    one_off_row,
    recurring_rows,
    standing_row,
    triggered_rows,
)
from safetyduty.typing import HolidayCalendar

__all__ = ["applicable_plans", "evaluate", "evaluate_many"]

LOGGER: Final = logging.getLogger("safetyduty.rules")

Daily = Literal["month", "day"]

_CHECKS: Final[dict[Check, Callable[[Obligation, Facts], Iterable[ComplianceRow]]]] = {
    Check.SAFETY_STAFFING: _standing.safety_staffing,
    Check.REGISTERED_ENGINEER: _standing.registered_engineer,
    Check.STANDARDIZATION: _standing.standardization,
    Check.TRAINING_YEARLY: _personnel.training_yearly,
    Check.TRAINING_PRE_JOB: _personnel.training_pre_job,
    Check.ASSESSMENT: _personnel.assessment,
    Check.OPERATOR_CERTIFICATE: _personnel.operator_certificate,
    Check.OPERATOR_REVIEW: _personnel.operator_review,
    Check.OPERATOR_VALIDITY: _personnel.operator_validity,
}

_HAZARD_BASIS: Final = Basis(
    document="《安全生产事故隐患排查治理暂行规定》(原国家安监总局令第16号)",
    article="第十五条; 五到位: 西岔、新疆三年行动实施方案",
    source="hazard-order-16",
)


_FIVE_ZH: Final = {
    "plan": "整改方案",
    "responsible": "责任",
    "measures": "措施",
    "funds": "资金",
    "deadline": "时限",
    "contingency": "预案",
}
"""The 五到位 (责任、措施、资金、时限、预案) in Chinese, by the field names of RectificationPlan."""


def _hazard_findings(hazards: Sequence[Hazard], as_of: date) -> Iterator[HazardFinding]:
    for hazard in hazards:
        if hazard.status is HazardStatus.CLOSED or hazard.found_on > as_of:
            continue
        problems: list[str] = []
        problems_zh: list[str] = []
        if hazard.level is HazardLevel.MAJOR and (
            hazard.rectification is None or not hazard.rectification.is_complete
        ):
            missing = hazard.rectification.missing if hazard.rectification else ("plan",)
            problems.append(f"the five-part rectification plan lacks {', '.join(missing)}")
            problems_zh.append(f"“五到位”缺{'、'.join(_FIVE_ZH.get(m, m) for m in missing)}")
        if hazard.deadline is not None and hazard.deadline < as_of:
            problems.append(f"past its rectification deadline {hazard.deadline}")
            problems_zh.append(f"已过整改期限{hazard.deadline}")
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
                problem_zh="；".join(problems_zh),
            )


def applicable_plans(
    plans: Iterable[Plan], *, region: str, park: str | None, since: date, as_of: date
) -> tuple[list[Plan], tuple[PlanUse, ...]]:
    """The plans whose jurisdiction covers *region* (and *park*) and whose duties bind on a day judged.

    A plan binds inside its jurisdiction — a park's plan only for bodies that
    declare the park — and during its period; a lasting duty keeps it
    applying after its end.

    Examples:
        >>> from safetyduty import catalog
        >>> chosen, uses = applicable_plans(catalog.plans(), region="440300", park=None,
        ...                                 since=date(2026, 1, 1), as_of=date(2026, 6, 30))
        >>> chosen, [u.applied for u in uses]
        ([], [False, False, False, False, False])
        >>> chosen, uses = applicable_plans(catalog.plans(), region="441521", park=None,
        ...                                 since=date(2020, 7, 1), as_of=date(2020, 12, 31))
        >>> [p.id for p in chosen]
        ['shanwei-2020']
    """
    chosen: list[Plan] = []
    uses: list[PlanUse] = []
    for plan in items_of("plans", plans, Plan):
        place = f"{region}{f' ({park})' if park else ''}"
        where = plan.jurisdiction.describe()
        if not plan.jurisdiction.covers(region, park=park):
            reason, reason_zh = f"{place} is outside {where}", f"{place}不在{where}范围内"
        elif not any(duty.effective.meets(since, as_of) for duty in plan.duties) and not (
            plan.period.meets(since, as_of)
        ):
            reason = f"its period {plan.period.describe()} does not meet {since}..{as_of}"
            reason_zh = f"实施期{plan.start}至{plan.end}不在评估期{since}至{as_of}内"
        else:
            chosen.append(plan)
            reason, reason_zh = f"covers {place}", f"适用于{place}"
        uses.append(
            PlanUse(
                plan=plan.id,
                title=plan.title,
                applied=plan in chosen,
                reason=reason,
                reason_zh=reason_zh,
            )
        )
    return chosen, tuple(uses)


def _grouped(duties: Iterable[Obligation]) -> list[list[Obligation]]:
    """Duties grouped by id (versions of one duty), in first-seen order."""
    groups: dict[tuple[str | None, str], list[Obligation]] = {}
    for duty in duties:
        groups.setdefault((duty.plan, duty.id), []).append(duty)
    return list(groups.values())


def _judge(duty: Obligation, facts: Facts, daily: Daily) -> Iterator[ComplianceRow]:
    """The rows of one version of a duty that binds the enterprise."""
    if duty.check is not Check.RECORDS:
        yield from _CHECKS[duty.check](duty, facts)
        return
    schedule = duty.schedule
    evidence = facts.evidence(duty.subject, personal=duty.personal)
    if isinstance(schedule, Recurring):
        if schedule.frequency is Frequency.DAILY and schedule.times == 1:
            yield from daily_rows(
                duty,
                evidence,
                since=facts.since,
                as_of=facts.as_of,
                is_day=facts.is_workday,
                by_day=daily == "day",
            )
        else:
            yield from recurring_rows(
                duty, schedule, evidence, since=facts.since, as_of=facts.as_of
            )
    elif isinstance(schedule, OneOff):
        if duty.effective.contains(schedule.due) and schedule.due >= facts.since:
            yield one_off_row(duty, schedule, evidence, as_of=facts.as_of)
    elif isinstance(schedule, Standing):
        yield standing_row(duty, schedule, evidence, as_of=facts.as_of)
    elif isinstance(schedule, Triggered):
        yield from triggered_rows(
            duty,
            schedule,
            evidence,
            as_of=facts.as_of,
            accidents=facts.accidents,
            hazards=facts.hazards,
            calendar=facts.calendar,
        )


def _standing_version(versions: list[Obligation], facts: Facts) -> list[Obligation]:
    """A standing duty is judged once, by the version in force on the day judged.

    That is the version in force on ``as_of``, or, when none is, the last one
    whose span meets the days judged (a plan's requirement judged on its last day).
    """
    if not all(isinstance(d.schedule, Standing) for d in versions):
        return versions
    for duty in versions:
        if duty.effective.contains(facts.as_of):
            return [duty]
    meeting = [d for d in versions if d.effective.meets(facts.since, facts.as_of)]
    return meeting[-1:] or versions


def _versions_rows(versions: list[Obligation], facts: Facts, daily: Daily) -> list[ComplianceRow]:
    """The rows of a duty's versions; one not-applicable row when none binds, with the reason."""
    e = facts.enterprise
    reason: tuple[str, str] | None = None
    rows: list[ComplianceRow] = []
    for duty in _standing_version(versions, facts):
        where = duty.jurisdiction.describe()
        if not duty.jurisdiction.covers(e.region, park=e.park):
            reason = (f"{e.region} is outside {where}", f"{e.region}不在{where}范围内")
            continue
        if not duty.effective.meets(facts.since, facts.as_of):
            span = duty.effective
            reason = reason or (
                f"not in force from {facts.since} to {facts.as_of} (in force {span.describe()})",
                f"{facts.since}至{facts.as_of}期间未施行（施行期间：{_span_zh(span.start, span.end)}）",
            )
            continue
        day = judged_day(duty, facts.as_of)
        lists, size = facts.sector_lists(day), facts.size(day)
        why_not = duty.applicability.why_not(e, sector_lists=lists, size=size)
        if why_not is not None:
            zh = duty.applicability.why_not(e, sector_lists=lists, size=size, locale="zh_CN")
            reason = (why_not, zh or why_not)
            continue
        rows.extend(_judge(duty, facts, daily))
        reason = None
    if not rows and reason is not None:
        return [not_applicable(versions[-1], e.uscc, *reason)]
    return rows


def _span_zh(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "不限"
    if end is None:
        return f"{start}起"
    if start is None:
        return f"至{end}"
    return f"{start}至{end}"


def _sources(rows: Iterable[ComplianceRow]) -> tuple[Source, ...]:
    found: dict[str, Source] = {}
    for each in rows:
        ident = each.basis.source
        if ident is not None and ident not in found:
            try:
                found[ident] = law.source(ident)
            except LookupError:
                continue
    return tuple(found.values())


def evaluate(
    enterprise: Enterprise,
    records: Iterable[Record],
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] = (),
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    people: Iterable[Person] = (),
    calendar: HolidayCalendar | None = None,
    daily: Daily = "month",
) -> ComplianceReport:
    """Evaluate *enterprise* on *as_of*: the national duties and the duties of the *plans* that bind it.

    Which duties: *obligations* (default: the national duties an enterprise
    is judged on, :func:`safetyduty.law.enterprise_duties`), plus the
    enterprise duties of every plan in *plans* whose jurisdiction covers the
    enterprise's region (and park) and whose period meets the days judged.
    :func:`safetyduty.catalog.evaluate` passes the catalog's plans. Each duty
    binds only inside its own jurisdiction and effective span, by the
    version in force; a duty that binds nowhere in the days judged gives one
    **not applicable** row with the reason.

    Args:
        enterprise: the enterprise.
        records: evidence; records of other enterprises and after *as_of* are ignored.
            A record's id is its identity: the same record given twice counts once,
            and two different records with one id are an error (so are hazards,
            accidents and people).
        as_of: the date judged; nothing after it is counted.
        since: the first day of the periods judged (default: a year before ``as_of``).
        plans: local plans to apply where they bind.
        obligations: the national (or your own) duties, instead of the law's.
        hazards: its hazards (open ones past their deadline or missing their plan are reported).
        accidents: its accidents (they trigger reporting duties).
        people: its people: their training, assessments and certificates are
            checked, and they count as staff for the standing requirements.
        calendar: the working-day calendar (default: the bundled one).
        daily: ``"month"`` (default) summarises a daily duty in a row a month;
            ``"day"`` gives a row a day.

    Raises:
        ValidationError: for bad input.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> shop = Enterprise(uscc="914403001922038216", name="示例商贸", industry=Industry.COMMERCE,
        ...                   region="440300", employees=30)
        >>> report = evaluate(shop, [], as_of=date(2026, 6, 30))
        >>> report.since, [(r.obligation, r.status.value) for r in report.rows][:3]
        (datetime.date(2025, 7, 1), [('emergency_plan.evaluation', 'not_applicable'), ('emergency_plan.drill.yearly', 'upcoming'), ('emergency_plan.drill.on_site', 'missed')])
        >>> report.rows[0].reason
        'industry commerce not in the list emergency-plans.article-35; size unknown (medium or larger needed)'

        >>> early = evaluate(shop, [], as_of=date(2008, 6, 30))     # before most of today's texts
        >>> [r.reason for r in early.rows if r.obligation == "standing.liability_insurance"]
        ['not in force from 2007-07-01 to 2008-06-30 (in force 2021-09-01..)']
    """
    if not isinstance(enterprise, Enterprise):
        raise ValidationError("enterprise", enterprise, "must be an Enterprise")
    if daily not in ("month", "day"):
        raise ValidationError("daily", daily, "must be 'month' or 'day'")
    start, checked = judged_span(as_of, since)
    national = (
        items_of("obligations", obligations, Obligation)
        if obligations is not None
        else law.enterprise_duties()
    )
    chosen, uses = applicable_plans(
        plans, region=enterprise.region, park=enterprise.park, since=start, as_of=checked
    )
    local = [d for plan in chosen for d in plan.duties if d.subject in ENTERPRISE_SUBJECTS]
    facts = Facts(
        enterprise,
        records=unique_by_id("records", items_of("records", records, Record)),
        people=unique_by_id("people", items_of("people", people, Person)),
        accidents=unique_by_id("accidents", items_of("accidents", accidents, Accident)),
        hazards=unique_by_id("hazards", items_of("hazards", hazards, Hazard)),
        since=start,
        as_of=checked,
        calendar=calendar,
    )
    rows: list[ComplianceRow] = []
    for versions in _grouped([*national, *local]):
        rows.extend(_versions_rows(versions, facts, daily))
    return ComplianceReport(
        enterprise=enterprise.uscc,
        name=enterprise.name,
        as_of=checked,
        since=start,
        rows=tuple(rows),
        hazards=tuple(_hazard_findings(facts.hazards, checked)),
        plans=uses,
        sources=_sources(rows),
    )


def evaluate_many(
    enterprises: Iterable[Enterprise],
    records: Iterable[Record],
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] = (),
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    people: Iterable[Person] = (),
    calendar: HolidayCalendar | None = None,
    daily: Daily = "month",
    progress: Callable[[int], None] | None = None,
) -> Iterator[ComplianceReport]:
    """Evaluate many enterprises, yielding one report at a time (cost linear in the input).

    Records, hazards, accidents and people are grouped by enterprise once.
    Inputs and reports are plain frozen objects, picklable, so the same call
    can run per partition on a distributed engine. *progress*, if given, is
    called with the number of reports made so far after each one. Facts of
    enterprises that are not among *enterprises* are not judged: once every
    enterprise has been evaluated, the ``safetyduty`` logger warns how many
    there were and of which codes.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> firms = [Enterprise(uscc="914403001922038216", name="x", industry=Industry.OTHER,
        ...                     region="440300", employees=5)]
        >>> [r.enterprise for r in evaluate_many(firms, [], as_of=date(2026, 6, 30))]
        ['914403001922038216']
    """
    if isinstance(enterprises, (str, bytes)) or not isinstance(enterprises, Iterable):
        raise ValidationError("enterprises", enterprises, "must be an iterable of Enterprise")
    duties = items_of("obligations", obligations, Obligation) if obligations is not None else None
    chosen_plans = items_of("plans", plans, Plan)
    by_records: dict[str, list[Record]] = defaultdict(list)
    by_hazards: dict[str, list[Hazard]] = defaultdict(list)
    by_accidents: dict[str, list[Accident]] = defaultdict(list)
    by_people: dict[str, list[Person]] = defaultdict(list)
    for record in unique_by_id("records", items_of("records", records, Record)):
        by_records[record.enterprise].append(record)
    for hazard in unique_by_id("hazards", items_of("hazards", hazards, Hazard)):
        by_hazards[hazard.enterprise].append(hazard)
    for accident in unique_by_id("accidents", items_of("accidents", accidents, Accident)):
        by_accidents[accident.enterprise].append(accident)
    for index, person in enumerate(unique_by_id("people", items_of("people", people, Person))):
        if person.enterprise is None:
            raise ValidationError(
                f"people[{index}].enterprise", None, "must name the employer to group by enterprise"
            )
        by_people[person.enterprise].append(person)
    seen: set[str] = set()
    for enterprise in enterprises:
        if not isinstance(enterprise, Enterprise):
            raise ValidationError("enterprises", enterprise, "must hold Enterprise objects")
        seen.add(enterprise.uscc)
        yield evaluate(
            enterprise,
            by_records.get(enterprise.uscc, ()),
            as_of=as_of,
            since=since,
            plans=chosen_plans,
            obligations=duties,
            hazards=by_hazards.get(enterprise.uscc, ()),
            accidents=by_accidents.get(enterprise.uscc, ()),
            people=by_people.get(enterprise.uscc, ()),
            calendar=calendar,
            daily=daily,
        )
        if progress is not None:
            progress(len(seen))
    _log_unmatched(
        seen,
        by_records=by_records,
        by_hazards=by_hazards,
        by_accidents=by_accidents,
        by_people=by_people,
    )


def _log_unmatched(seen: set[str], **groups: dict[str, list[Any]]) -> None:
    """Warn of the facts whose enterprise was not evaluated (never dropped silently)."""
    for name, group in groups.items():
        stray = sorted(code for code in group if code not in seen)
        if stray:
            count = sum(len(group[code]) for code in stray)
            LOGGER.warning(
                "%d %s of %d enterprises not in the input were not judged: %s",
                count, name.removeprefix("by_"), len(stray), ", ".join(stray[:10]),
            )  # fmt: skip
