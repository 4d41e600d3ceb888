"""Loading the catalog's plans (once, strictly) and judging against them."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from safetyduty import law
from safetyduty._compat import tomllib
from safetyduty._convert import from_dict
from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import (
    Accident,
    Authority,
    Enterprise,
    Hazard,
    Obligation,
    Person,
    Plan,
    Portfolio,
    Record,
    Source,
)
from safetyduty.rules import compliance
from safetyduty.typing import HolidayCalendar

__all__ = [
    "enterprise_obligations",
    "evaluate",
    "evaluate_authority",
    "evaluate_many",
    "evaluate_portfolio",
    "load_plan",
    "obligation",
    "plan",
    "plans",
    "sample_portfolio",
]


def load_plan(source: str | Path) -> Plan:
    """A plan from a TOML file (a path) or TOML text, validated, with its citations resolved.

    A basis may name a document of the library's registry by ``source``
    (:func:`safetyduty.law.sources`) or one of the plan's own ``[[sources]]``;
    its duties bind inside the plan's jurisdiction and period (see
    :class:`~safetyduty.models.Plan`). The docs page "Adding a local plan"
    walks through a file.

    Raises:
        ValidationError: for bad TOML or a bad field, named by its path.
        UnknownCodeError: for a basis naming a source that is in neither registry.

    Examples:
        >>> from safetyduty import catalog
        >>> plan = catalog.load_plan('''
        ... id = "demo-2026"
        ... title = "示范园区2026年安全生产工作要点"
        ... issuer = "示范园区管委会"
        ... level = "park"
        ... region = "440300"
        ... jurisdiction = { parks = ["440300-demo"], name = "示范园区" }
        ... start = "2026-01-01"
        ... end = "2026-12-31"
        ... basis = { source = "demo-2026" }
        ... [[sources]]
        ... id = "demo-2026"
        ... title = "示范园区2026年安全生产工作要点"
        ... issuer = "示范园区管委会"
        ... status = "unverified"
        ... note = "An example, not a real document."
        ... [[obligations]]
        ... id = "demo.monthly_check"
        ... title = "企业每月开展一次隐患自查"
        ... subject = "enterprise"
        ... evidence = "hazard_check_plant"
        ... schedule = { type = "recurring", frequency = "monthly" }
        ... basis = { source = "demo-2026", article = "二" }
        ... ''')
        >>> plan.duties[0].jurisdiction.describe(), plan.duties[0].basis.document
        ('示范园区', '示范园区2026年安全生产工作要点')
    """
    if isinstance(source, Path):
        try:
            text = source.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ValidationError(
                "plan file", str(source), f"must be readable ({exc.strerror})"
            ) from None
        where = source.name
    elif isinstance(source, str):
        text, where = source, "plan"
    else:
        raise ValidationError("source", source, "must be a path or TOML text")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(where, str(exc), "must be valid TOML") from None
    return _plan_from(raw, where)


def _plan_from(raw: dict[str, Any], where: str) -> Plan:
    own = [from_dict(entry, Source) for entry in raw.get("sources", [])]
    known: Mapping[str, Source] = {**law.registry(), **{s.id: s for s in own}}
    return from_dict(law.resolve_citations(raw, sources=known, where=where), Plan)


@functools.cache
def plans() -> tuple[Plan, ...]:
    """The seed plans shipped as data, by id.

    Examples:
        >>> from safetyduty import catalog
        >>> [p.id for p in catalog.plans()]
        ['huining-2021', 'shanwei-2020', 'xicha-2020', 'xinjiang-2020', 'xinzhou-2020']
    """
    folder = files("safetyduty.catalog").joinpath("data/plans")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    loaded = []
    for name in names:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        each = _plan_from(tomllib.loads(text), f"plans/{name}")
        if name != f"{each.id}.toml":
            raise ValidationError(f"plans/{name}", each.id, "must match the file name")
        loaded.append(each)
    return tuple(loaded)


def plan(plan_id: str) -> Plan:
    """A seed plan by id.

    Raises:
        UnknownCodeError: for an unknown id.

    Examples:
        >>> from safetyduty import catalog
        >>> [p.name for p in catalog.plan("shanwei-2020").phases]
        ['动员部署阶段', '集中整治阶段', '总结提升阶段']
    """
    for each in plans():
        if each.id == plan_id:
            return each
    raise UnknownCodeError("plan", plan_id, len(plans()))


@functools.cache
def enterprise_obligations() -> tuple[Obligation, ...]:
    """Every enterprise duty of the catalog: the national ones and the plans', with their scope.

    Which of them bind a given enterprise follows from each one's
    jurisdiction and effective span (:func:`evaluate` decides).

    Examples:
        >>> from safetyduty import catalog
        >>> duties = catalog.enterprise_obligations()
        >>> {d.plan for d in duties} >= {None, "shanwei-2020", "xinzhou-2020"}
        True
    """
    subjects = compliance.ENTERPRISE_SUBJECTS
    local = tuple(d for each in plans() for d in each.duties if d.subject in subjects)
    return law.enterprise_duties() + local


@functools.cache
def _all_obligations() -> dict[str, Obligation]:
    found = {o.id: o for o in law.national_duties()}
    for each in plans():
        for duty in each.duties:
            if duty.id in found:
                raise ValidationError(
                    f"plans/{each.id}", duty.id, "must not reuse an obligation id"
                )
            found[duty.id] = duty
    return found


def obligation(key: str) -> Obligation:
    """A duty of the catalog by id: a national duty (its newest version) or a plan's (with its scope).

    Raises:
        UnknownCodeError: for an unknown id.

    Examples:
        >>> from safetyduty import catalog
        >>> duty = catalog.obligation("xinjiang.report.monthly_statistics")
        >>> duty.schedule.due.day, str(duty.basis), duty.jurisdiction.describe()
        (25, '新疆维吾尔自治区安全生产专项整治三年行动实施方案 工作要求（信息报送）', '新疆维吾尔自治区')
    """
    try:
        return _all_obligations()[key]
    except (KeyError, TypeError):
        raise UnknownCodeError("obligation", key, len(_all_obligations())) from None


def evaluate(
    enterprise: Enterprise,
    records: Iterable[Record],
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] | None = None,
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    people: Iterable[Person] = (),
    calendar: HolidayCalendar | None = None,
    daily: compliance.Daily = "month",
) -> compliance.ComplianceReport:
    """:func:`safetyduty.rules.compliance.evaluate` with the catalog's plans by default.

    The national duties bind everywhere from the day their text took effect;
    each seed plan binds where its jurisdiction covers the enterprise and
    while its period meets the days judged. The report lists every plan,
    applied or not, with the reason.

    Examples:
        >>> from safetyduty import catalog
        >>> from safetyduty.models import Enterprise, Industry
        >>> works = Enterprise(uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY,
        ...                    region="440300", employees=150)
        >>> report = catalog.evaluate(works, [], as_of=date(2026, 6, 30))
        >>> {r.plan for r in report.rows}, [u.reason for u in report.plans][1]
        ({None}, '440300 is outside 汕尾市')
    """
    return compliance.evaluate(
        enterprise,
        records,
        as_of=as_of,
        since=since,
        plans=_plans() if plans is None else plans,
        obligations=obligations,
        hazards=hazards,
        accidents=accidents,
        people=people,
        calendar=calendar,
        daily=daily,
    )


def evaluate_many(
    enterprises: Iterable[Enterprise],
    records: Iterable[Record],
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] | None = None,
    obligations: Iterable[Obligation] | None = None,
    hazards: Iterable[Hazard] = (),
    accidents: Iterable[Accident] = (),
    people: Iterable[Person] = (),
    calendar: HolidayCalendar | None = None,
    daily: compliance.Daily = "month",
    progress: Callable[[int], None] | None = None,
) -> Iterator[compliance.ComplianceReport]:
    """:func:`safetyduty.rules.compliance.evaluate_many` with the catalog's plans by default.

    Examples:
        >>> from safetyduty import catalog
        >>> from safetyduty.models import Enterprise, Industry
        >>> firms = [Enterprise(uscc="914403001922038216", name="x", industry=Industry.OTHER,
        ...                     region="441500", employees=5)]
        >>> [len(r.plans) for r in catalog.evaluate_many(firms, [], as_of=date(2020, 12, 31))]
        [5]
    """
    return compliance.evaluate_many(
        enterprises,
        records,
        as_of=as_of,
        since=since,
        plans=_plans() if plans is None else plans,
        obligations=obligations,
        hazards=hazards,
        accidents=accidents,
        people=people,
        calendar=calendar,
        daily=daily,
        progress=progress,
    )


def evaluate_portfolio(
    portfolio: Portfolio,
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] | None = None,
    obligations: Iterable[Obligation] | None = None,
    calendar: HolidayCalendar | None = None,
    daily: compliance.Daily = "month",
    progress: Callable[[int], None] | None = None,
) -> compliance.PortfolioReport:
    """:func:`safetyduty.rules.compliance.evaluate_portfolio` with the catalog's plans by default.

    Every enterprise and authority of *portfolio*, judged on *as_of*: a
    :class:`~safetyduty.rules.compliance.PortfolioReport` with the summaries
    by enterprise, by obligation and by status, the overdue and upcoming
    items, and the rows as dicts, a DataFrame, CSV, iCalendar or HTML (see
    the docs page "Reports out").

    Examples:
        >>> from safetyduty import catalog
        >>> result = catalog.evaluate_portfolio(catalog.sample_portfolio(), as_of=date(2026, 11, 23),
        ...                                     since=date(2026, 1, 1))
        >>> len(result.reports), len(result.overdue()), result.rate
        (20, 13, Decimal('0.9356'))
    """
    return compliance.evaluate_portfolio(
        portfolio,
        as_of=as_of,
        since=since,
        plans=_plans() if plans is None else plans,
        obligations=obligations,
        calendar=calendar,
        daily=daily,
        progress=progress,
    )


def evaluate_authority(
    authority: Authority,
    records: Iterable[Record],
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] | None = None,
    obligations: Iterable[Obligation] = (),
    calendar: HolidayCalendar | None = None,
) -> compliance.ComplianceReport:
    """:func:`safetyduty.rules.compliance.evaluate_authority` with the catalog's plans by default.

    Examples:
        >>> from safetyduty import catalog
        >>> from safetyduty.models import Authority, Subject
        >>> county = Authority(uscc="114415000070431508", name="海丰县应急管理局",
        ...                    subject=Subject.REGULATOR_COUNTY, region="441521")
        >>> report = catalog.evaluate_authority(county, [], as_of=date(2020, 12, 31), since=date(2020, 7, 1))
        >>> sorted({r.obligation for r in report.rows})[:2]
        ['shanwei.regulator.county.principal_inspection', 'shanwei.report.county.plan']
    """
    return compliance.evaluate_authority(
        authority,
        records,
        as_of=as_of,
        since=since,
        plans=_plans() if plans is None else plans,
        obligations=obligations,
        calendar=calendar,
    )


def _plans() -> tuple[Plan, ...]:
    return plans()


@functools.cache
def sample_portfolio() -> Portfolio:
    """The demo's sample: twenty enterprises with 2026's records, hazards and accidents (built once)."""
    from safetyduty.catalog._sample import build_sample  # noqa: PLC0415 - only when asked

    return build_sample()
