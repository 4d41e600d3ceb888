"""Compliance evaluation: which duties bind an enterprise, and period by period, were they met?"""

from __future__ import annotations

import contextlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any, Final, Literal

from safetyduty import law
from safetyduty._log import logger
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Accident,
    Applicability,
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
    Window,
    daily_rows,
    judged_day,
    not_applicable,
    one_off_row,
    periods_judged,
    recurring_rows,
    standing_row,
    triggered_rows,
)
from safetyduty.typing import HolidayCalendar

__all__ = ["applicable_plans", "evaluate", "evaluate_many"]

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


def _judge(
    duty: Obligation, facts: Facts, daily: Daily, windows: Sequence[Window] | None = None
) -> Iterator[ComplianceRow]:
    """The rows of one version of a duty that binds the enterprise (*windows*: its periods)."""
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
                every_day=facts.every_day,
            )
        else:
            yield from recurring_rows(
                duty, schedule, evidence, since=facts.since, as_of=facts.as_of, windows=windows
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


def _standing_version(versions: list[Obligation], since: date, as_of: date) -> list[Obligation]:
    """A standing duty is judged once, by the version in force on the day judged.

    That is the version in force on ``as_of``, or, when none is, the last one
    whose span meets the days judged (a plan's requirement judged on its last day).
    """
    if not all(isinstance(d.schedule, Standing) for d in versions):
        return versions
    for duty in versions:
        if duty.effective.contains(as_of):
            return [duty]
    meeting = [d for d in versions if d.effective.meets(since, as_of)]
    return meeting[-1:] or versions


_NO_CONDITIONS: Final = Applicability()
_OUTSIDE: Final = 0
_NOT_IN_FORCE: Final = 1
_JUDGED: Final = 2

_Step = tuple[int, Obligation, tuple[str, str], date, bool, bool, "tuple[Window, ...] | None"]
"""A version of a duty in one place and span: outside its jurisdiction, not in force
(with the reason), or judged: on its day; whether its conditions ask the size; whether
it has no conditions; its periods (a recurring duty's, worked out once for all)."""


def _needs_size(applicability: Applicability) -> bool:
    return applicability.min_size is not None or any(_needs_size(a) for a in applicability.any_of)


class _Scope:
    """What binds in one place over the days judged: the same for every enterprise there.

    The plans applied (and not, with the reason) and, for each duty, its
    versions in order with where and when each binds. What is left for an
    enterprise is its own conditions (industry, size, flags …) and evidence.
    """

    __slots__ = ("groups", "held", "uses")

    def __init__(
        self,
        national: tuple[Obligation, ...],
        plans: tuple[Plan, ...],
        *,
        region: str,
        park: str | None,
        since: date,
        as_of: date,
    ) -> None:
        chosen, self.uses = applicable_plans(
            plans, region=region, park=park, since=since, as_of=as_of
        )
        local = [d for plan in chosen for d in plan.duties if d.subject in ENTERPRISE_SUBJECTS]
        self.held = (national, plans)  # the objects the cache key names by identity
        self.groups: list[tuple[list[Obligation], list[_Step]]] = []
        for versions in _grouped([*national, *local]):
            steps: list[_Step] = []
            for duty in _standing_version(versions, since, as_of):
                where = duty.jurisdiction.describe()
                if not duty.jurisdiction.covers(region, park=park):
                    why = (f"{region} is outside {where}", f"{region}不在{where}范围内")
                    steps.append((_OUTSIDE, duty, why, as_of, False, True, None))
                elif not duty.effective.meets(since, as_of):
                    span = duty.effective
                    why = (
                        f"not in force from {since} to {as_of} (in force {span.describe()})",
                        f"{since}至{as_of}期间未施行（施行期间：{_span_zh(span.start, span.end)}）",
                    )
                    steps.append((_NOT_IN_FORCE, duty, why, as_of, False, True, None))
                else:
                    day = judged_day(duty, as_of)
                    schedule = duty.schedule
                    windows = (
                        periods_judged(schedule, duty.effective, since, as_of)
                        if isinstance(schedule, Recurring)
                        else None
                    )
                    conditions = duty.applicability
                    steps.append(
                        (
                            _JUDGED,
                            duty,
                            ("", ""),
                            day,
                            _needs_size(conditions),
                            conditions == _NO_CONDITIONS,
                            windows,
                        )
                    )
            self.groups.append((versions, steps))


_SCOPES: Final[OrderedDict[tuple[object, ...], _Scope]] = OrderedDict()
_SCOPES_KEPT: Final = 256


def _scope(
    national: tuple[Obligation, ...],
    plans: tuple[Plan, ...],
    *,
    region: str,
    park: str | None,
    since: date,
    as_of: date,
) -> _Scope:
    """The scope of a place and span, computed once and kept (the least recently used go first).

    Duties and plans are frozen, so they are named by identity; the scope
    holds them, so that no other object can take their identity while it is kept.
    """
    key = (region, park, since, as_of, *map(id, national), None, *map(id, plans))
    found = _SCOPES.get(key)
    if found is None:
        found = _Scope(national, plans, region=region, park=park, since=since, as_of=as_of)
        _SCOPES[key] = found
        while len(_SCOPES) > _SCOPES_KEPT:
            with contextlib.suppress(KeyError):  # another thread took it first
                _SCOPES.popitem(last=False)
    else:
        with contextlib.suppress(KeyError):  # another thread let it go meanwhile
            _SCOPES.move_to_end(key)
    return found


def _enterprise_rows(scope: _Scope, facts: Facts, daily: Daily) -> list[ComplianceRow]:
    """The rows of every duty of *scope* for the enterprise of *facts*; a not-applicable row
    for a duty none of whose versions binds it, with the reason."""
    e = facts.enterprise
    rows: list[ComplianceRow] = []
    for versions, steps in scope.groups:
        reason: tuple[str, str] | None = None
        before = len(rows)
        for kind, duty, why, day, needs_size, anyone, windows in steps:
            if kind == _OUTSIDE:
                reason = why
                continue
            if kind == _NOT_IN_FORCE:
                reason = reason or why
                continue
            if anyone:  # no conditions: it binds every enterprise
                rows.extend(_judge(duty, facts, daily, windows))
                reason = None
                continue
            lists = facts.sector_lists(day)
            size = facts.size(day) if needs_size else None
            why_not = duty.applicability.why_not(e, sector_lists=lists, size=size)
            if why_not is not None:
                zh = duty.applicability.why_not(e, sector_lists=lists, size=size, locale="zh_CN")
                reason = (why_not, zh or why_not)
                continue
            rows.extend(_judge(duty, facts, daily, windows))
            reason = None
        if len(rows) == before and reason is not None:
            rows.append(not_applicable(versions[-1], e.uscc, *reason))
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
    _check_daily(daily)
    start, checked = judged_span(as_of, since)
    national = (
        items_of("obligations", obligations, Obligation)
        if obligations is not None
        else law.enterprise_duties()
    )
    return _evaluate(
        enterprise,
        unique_by_id("records", items_of("records", records, Record)),
        since=start,
        as_of=checked,
        national=national,
        plans=items_of("plans", plans, Plan),
        people=unique_by_id("people", items_of("people", people, Person)),
        accidents=unique_by_id("accidents", items_of("accidents", accidents, Accident)),
        hazards=unique_by_id("hazards", items_of("hazards", hazards, Hazard)),
        calendar=calendar,
        daily=daily,
    )


def _check_daily(daily: object) -> None:
    if daily not in ("month", "day"):
        raise ValidationError("daily", daily, "must be 'month' or 'day'")


def _evaluate(
    enterprise: Enterprise,
    records: Sequence[Record],
    *,
    since: date,
    as_of: date,
    national: tuple[Obligation, ...],
    plans: tuple[Plan, ...],
    people: Sequence[Person],
    accidents: Sequence[Accident],
    hazards: Sequence[Hazard],
    calendar: HolidayCalendar | None,
    daily: Daily,
) -> ComplianceReport:
    """:func:`evaluate` on inputs already checked (ids unique, types right, the span in order)."""
    scope = _scope(
        national, plans, region=enterprise.region, park=enterprise.park, since=since, as_of=as_of
    )
    facts = Facts(
        enterprise,
        records=records,
        people=people,
        accidents=accidents,
        hazards=hazards,
        since=since,
        as_of=as_of,
        calendar=calendar,
    )
    rows = _enterprise_rows(scope, facts, daily)
    return ComplianceReport(
        enterprise=enterprise.uscc,
        name=enterprise.name,
        as_of=as_of,
        since=since,
        rows=tuple(rows),
        hazards=tuple(_hazard_findings(facts.hazards, as_of)),
        plans=scope.uses,
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
    by_records, by_hazards, by_accidents, by_people = _by_enterprise(
        records, hazards, accidents, people
    )
    seen: set[str] = set()
    span: tuple[date, date] | None = None
    national = duties if duties is not None else law.enterprise_duties()
    for enterprise in enterprises:
        if not isinstance(enterprise, Enterprise):
            raise ValidationError("enterprises", enterprise, "must hold Enterprise objects")
        if span is None:  # checked with the first enterprise, as evaluate checks them
            _check_daily(daily)
            span = judged_span(as_of, since)
        seen.add(enterprise.uscc)
        code = enterprise.uscc
        yield _evaluate(
            enterprise,
            by_records.get(code, ()),
            since=span[0],
            as_of=span[1],
            national=national,
            plans=chosen_plans,
            people=by_people.get(code, ()),
            accidents=by_accidents.get(code, ()),
            hazards=by_hazards.get(code, ()),
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


def _by_enterprise(
    records: Iterable[Record],
    hazards: Iterable[Hazard],
    accidents: Iterable[Accident],
    people: Iterable[Person],
) -> tuple[
    dict[str, list[Record]],
    dict[str, list[Hazard]],
    dict[str, list[Accident]],
    dict[str, list[Person]],
]:
    """The facts checked (once, for every enterprise) and grouped by enterprise."""
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
    return by_records, by_hazards, by_accidents, by_people


def _log_unmatched(seen: set[str], **groups: dict[str, list[Any]]) -> None:
    """Warn of the facts whose enterprise was not evaluated (never dropped silently)."""
    for name, group in groups.items():
        stray = sorted(code for code in group if code not in seen)
        if stray:
            count = sum(len(group[code]) for code in stray)
            logger("safetyduty.rules").warning(
                "%d %s of %d enterprises not in the input were not judged: %s",
                count, name.removeprefix("by_"), len(stray), ", ".join(stray[:10]),
            )  # fmt: skip
