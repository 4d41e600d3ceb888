"""What the law asks of an enterprise on a date: staffing, engineers, insurance, training, drills, fines, size.

Each function reads the version of the law in force on ``as_of`` from the
law's data (:mod:`safetyduty.law`) and returns a :class:`Ruling`: the
answer, the text it rests on, and the reason in words. Sector lists are
read onto :class:`~safetyduty.models.Industry`; where that reading is ours
rather than the text's, the list's data says so. A date before the rule
existed raises :class:`~safetyduty.errors.NoRuleInForceError` naming the rule
and its first day.

Examples:
    >>> from datetime import date
    >>> from safetyduty.models import Enterprise, Industry
    >>> site = Enterprise(uscc="914403001922038216", name="示例建设公司", industry=Industry.CONSTRUCTION,
    ...                   region="650100", employees=80)
    >>> staffing_requirement(site, as_of=date(2026, 1, 1)).value
    <Staffing.BODY_OR_FULL_TIME: 'body_or_full_time'>
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final, Literal

import attrs

from safetyduty import law
from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.models import (
    AccidentGrade,
    Basis,
    Duration,
    DurationUnit,
    Enterprise,
    EnterpriseSize,
    Frequency,
    Role,
)
from safetyduty.rules._args import plain_day
from safetyduty.rules._ruling import Ruling

__all__ = [
    "Ruling",
    "Staffing",
    "drill_frequency",
    "is_high_risk",
    "plan_evaluation_period",
    "principal_fine_rate",
    "requires_liability_insurance",
    "requires_registered_safety_engineer",
    "size_class",
    "staffing_requirement",
    "training_hours",
    "unit_fine_range",
]


def _enterprise(value: object) -> Enterprise:
    if not isinstance(value, Enterprise):
        raise ValidationError("enterprise", value, "must be an Enterprise")
    return value


def _day(value: object) -> date:
    return plain_day("as_of", value)


def _listed(list_id: str, enterprise: Enterprise, as_of: date) -> tuple[bool, Basis]:
    version = law.sector_list(list_id, on=as_of)
    return bool(enterprise.sectors & version.value), version.basis


def is_high_risk(enterprise: Enterprise, *, as_of: date) -> Ruling[bool]:
    """Whether the law lists the enterprise's sector among those that need a safety body or full-time staff.

    安全生产法 第二十四条第一款 (2021; 第二十一条 in 2014, 第十九条 in 2002):
    the list grew over time (金属冶炼 and 道路运输 from 2014-12-01, all 运输
    from 2021-09-01).

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> metro = Enterprise(uscc="914403001922038216", name="x", industry=Industry.URBAN_RAIL,
        ...                    region="440300", employees=900)
        >>> is_high_risk(metro, as_of=date(2021, 8, 31)).value, is_high_risk(metro, as_of=date(2021, 9, 1)).value
        (False, True)
    """
    e = _enterprise(enterprise)
    high, basis = _listed("work-safety-law.staffing-high-risk", e, _day(as_of))
    return Ruling(
        value=high,
        basis=basis,
        reason=f"{e.industry.value} {'is' if high else 'is not'} a listed high-risk sector",
    )


class Staffing(StrEnum):
    """What safety staffing the law requires (第二十四条)."""

    BODY_OR_FULL_TIME = "body_or_full_time"
    """设置安全生产管理机构或者配备专职安全生产管理人员."""
    FULL_OR_PART_TIME = "full_or_part_time"
    """配备专职或者兼职的安全生产管理人员."""


register(
    [
        (
            Staffing.BODY_OR_FULL_TIME,
            (
                "设置安全生产管理机构或配备专职安全生产管理人员",
                "a safety body or full-time safety managers",
            ),
        ),
        (
            Staffing.FULL_OR_PART_TIME,
            ("配备专职或兼职安全生产管理人员", "full-time or part-time safety managers"),
        ),
    ]
)


def staffing_requirement(enterprise: Enterprise, *, as_of: date) -> Ruling[Staffing]:
    """Listed high-risk units, and others above the head-count threshold, need a body or full-time staff.

    The threshold is 100 employees from 2014-12-01 (300 before): "超过一百人"
    excludes 100 and "一百人以下" includes it (民法典 第一千二百五十九条), so
    exactly 100 employees may have part-time staff.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> def firm(n): return Enterprise(uscc="914403001922038216", name="x", industry=Industry.MACHINERY,
        ...                                region="440300", employees=n)
        >>> staffing_requirement(firm(100), as_of=date(2026, 1, 1)).value
        <Staffing.FULL_OR_PART_TIME: 'full_or_part_time'>
        >>> staffing_requirement(firm(101), as_of=date(2026, 1, 1)).value
        <Staffing.BODY_OR_FULL_TIME: 'body_or_full_time'>
        >>> staffing_requirement(firm(200), as_of=date(2014, 11, 30)).value      # 300 before 2014-12-01
        <Staffing.FULL_OR_PART_TIME: 'full_or_part_time'>
    """
    e = _enterprise(enterprise)
    day = _day(as_of)
    high = is_high_risk(e, as_of=day)
    if high.value:
        return Ruling(value=Staffing.BODY_OR_FULL_TIME, basis=high.basis, reason=high.reason)
    threshold = law.parameter("work-safety-law.staffing-threshold", on=day)
    limit = threshold.value["employees"]
    big = e.employees > limit
    return Ruling(
        value=Staffing.BODY_OR_FULL_TIME if big else Staffing.FULL_OR_PART_TIME,
        basis=threshold.basis,
        reason=f"{e.employees} employees {'>' if big else '<='} {limit}",
    )


def requires_registered_safety_engineer(enterprise: Enterprise, *, as_of: date) -> Ruling[bool]:
    """危险物品的生产、储存(、装卸)单位以及矿山、金属冶炼单位 need 注册安全工程师 (from 2014-12-01).

    Trading (经营) units are not listed; loading (装卸) units are not
    modelled as an industry.

    Raises:
        NoRuleInForceError: before 2014-12-01.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> trader = Enterprise(uscc="914403001922038216", name="x", industry=Industry.HAZCHEM_TRADING,
        ...                     region="440300", employees=30)
        >>> requires_registered_safety_engineer(trader, as_of=date(2026, 1, 1)).value
        False
    """
    e = _enterprise(enterprise)
    needed, basis = _listed("work-safety-law.registered-engineer", e, _day(as_of))
    return Ruling(
        value=needed,
        basis=basis,
        reason=f"{e.industry.value} {'is' if needed else 'is not'} in the listed sectors",
    )


def requires_liability_insurance(enterprise: Enterprise, *, as_of: date) -> Ruling[bool]:
    """Whether the enterprise's sector is on the 安责险 list in force on *as_of*.

    The law makes the insurance mandatory from 2021-09-01 (第五十一条第二款);
    the list itself dates from 2017-12-12.

    Raises:
        NoRuleInForceError: for a date before the 2017 list.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> boat = Enterprise(uscc="914403001922038216", name="x", industry=Industry.FISHERY,
        ...                   region="440300", employees=9)
        >>> r = requires_liability_insurance(boat, as_of=date(2026, 1, 1))
        >>> r.value, r.basis.document
        (True, '《安全生产责任保险实施办法》(应急〔2025〕27号)')
    """
    e = _enterprise(enterprise)
    day = _day(as_of)
    needed, basis = _listed("liability-insurance", e, day)
    return Ruling(
        value=needed,
        basis=basis,
        reason=f"{e.industry.value} {'is' if needed else 'is not'} in the list in force on {day}",
    )


def training_hours(
    role: Role,
    enterprise: Enterprise,
    *,
    kind: Literal["initial", "annual"] = "initial",
    as_of: date,
) -> Ruling[int]:
    """The minimum 学时 of safety training for *role* in *enterprise* (initial or yearly) on *as_of*.

    Principal persons and safety managers: 32 / 12 (48 / 16 in 煤矿、非煤矿山、
    危化、烟花爆竹、金属冶炼 units), Order 3 第九条. New workers: 24 before
    starting (72 in those units, 20 a year), 第十三条; the yearly 8 for other
    units and the 32 / 20 for construction come from the 安委 2012 decision,
    judged from 2013-01-01.

    Raises:
        ValidationError: for special operators (their training follows Order
            30 per trade, not a fixed number of hours here).
        NoRuleInForceError: for a date before the rule that sets the hours.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> mine = Enterprise(uscc="914403001922038216", name="x", industry=Industry.COAL_MINE,
        ...                   region="140000", employees=800)
        >>> training_hours(Role.PRINCIPAL, mine, as_of=date(2026, 1, 1)).value
        48
        >>> training_hours(Role.WORKER, mine, kind="annual", as_of=date(2026, 1, 1)).value
        20
    """
    e = _enterprise(enterprise)
    day = _day(as_of)
    if kind not in ("initial", "annual"):
        raise ValidationError("kind", kind, "must be 'initial' or 'annual'")
    if not isinstance(role, Role) or role is Role.SPECIAL_OPERATOR:
        raise ValidationError("role", role, "must be principal, safety_manager or worker")
    high, _ = _listed("training.high-risk", e, day)
    group = "worker" if role is Role.WORKER else "manager"
    if group == "worker" and not high:
        construction = e.industry.value == "construction"
        key = f"worker.{kind}.{'construction' if construction else 'general'}"
        if construction or kind == "annual":
            table = law.parameter("training.hours.decision-2012", on=day)
            reason = "construction workers" if construction else "workers of other units, yearly"
            return Ruling(value=int(table.value[key]), basis=table.basis, reason=reason)
    sector = "high_risk" if high else "general"
    table = law.parameter("training.hours.order-3", on=day)
    return Ruling(
        value=int(table.value[f"{group}.{kind}.{sector}"]),
        basis=table.basis,
        reason=f"{group}, {'煤矿、非煤矿山、危化、烟花爆竹、金属冶炼' if high else 'general'}, {kind}",
    )


def drill_frequency(enterprise: Enterprise, *, as_of: date) -> Ruling[Frequency]:
    """How often the enterprise must drill its comprehensive or a special plan.

    At least yearly (应急预案管理办法 第三十三条, from 2009-05-01 in its
    earlier text); at least every half year for the units of 生产安全事故应急条例
    第八条 from 2019-04-01. On-site schemes (现场处置方案) are drilled every half
    year by every unit.

    Raises:
        NoRuleInForceError: before 2009-05-01.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> mall = Enterprise(uscc="914403001922038216", name="x", industry=Industry.CROWDED_PLACES,
        ...                   region="440300", employees=300)
        >>> drill_frequency(mall, as_of=date(2026, 1, 1)).value
        <Frequency.HALF_YEARLY: 'half_yearly'>
        >>> drill_frequency(mall, as_of=date(2019, 3, 31)).value
        <Frequency.YEARLY: 'yearly'>
    """
    e = _enterprise(enterprise)
    day = _day(as_of)
    yearly = law.duty("emergency_plan.drill.yearly", on=day)
    try:
        half, basis = _listed("emergency-regulation.article-8", e, day)
    except NoRuleInForceError:
        half = False
    if half:
        return Ruling(
            value=Frequency.HALF_YEARLY,
            basis=basis,
            reason=f"{e.industry.value} is a unit of 第八条",
        )
    return Ruling(
        value=Frequency.YEARLY,
        basis=yearly.basis,
        reason="comprehensive or special plan: at least once a year",
    )


_SIZE_SECTORS: Final = ("industry", "construction", "transport", "warehousing", "wholesale")
_TIERS: Final = (
    ("large", EnterpriseSize.LARGE),
    ("medium", EnterpriseSize.MEDIUM),
    ("small", EnterpriseSize.SMALL),
)


def size_class(enterprise: Enterprise, *, as_of: date) -> Ruling[EnterpriseSize | None]:
    """大/中/小/微型 by 《统计上大中小微型企业划分办法（2017）》, or ``None`` when it cannot be told.

    The enterprise's own :attr:`~safetyduty.models.Enterprise.size` wins
    when given. Otherwise the sector's bounds apply to ``employees``,
    ``annual_revenue`` and (建筑业) ``total_assets``: 大、中、小型 must meet
    every bound of the tier, or drop a tier; 微型 misses one bound of 小型.
    An industry the rule does not map (商贸, 渔业, 人员密集场所, 其他), or a
    figure missing where it decides, gives ``None``.

    Examples:
        >>> from decimal import Decimal
        >>> from safetyduty.models import Enterprise, Industry
        >>> def works(n, revenue): return Enterprise(uscc="914403001922038216", name="x",
        ...     industry=Industry.MACHINERY, region="440300", employees=n, annual_revenue=revenue)
        >>> size_class(works(2000, Decimal(500_000_000)), as_of=date(2026, 1, 1)).value
        <EnterpriseSize.LARGE: 'large'>
        >>> size_class(works(2000, Decimal(10_000_000)), as_of=date(2026, 1, 1)).value     # revenue below 中型
        <EnterpriseSize.SMALL: 'small'>
        >>> size_class(works(15, None), as_of=date(2026, 1, 1)).value                        # < 20 people: 微型
        <EnterpriseSize.MICRO: 'micro'>
        >>> size_class(works(500, None), as_of=date(2026, 1, 1)).value is None
        True
    """
    e = _enterprise(enterprise)
    day = _day(as_of)
    if e.size is not None:
        return Ruling(
            value=e.size,
            basis=Basis(document="caller"),
            reason=f"given: {e.size.value}",
        )
    for sector in _SIZE_SECTORS:
        listed, _ = _listed(f"size.{sector}", e, day)
        if listed:
            bounds = law.parameter(f"size.{sector}", on=day)
            return Ruling(
                value=_tier(e, bounds.value),
                basis=bounds.basis,
                reason=f"{e.industry.value} read as size.{sector}",
            )
    return Ruling(
        value=None,
        basis=law.parameter("size.industry", on=day).basis,
        reason=f"{e.industry.value} has no sector in the statistical rule: give Enterprise.size",
    )


def _tier(e: Enterprise, bounds: dict[str, Decimal]) -> EnterpriseSize | None:
    figures: dict[str, Decimal | None] = {
        "employees": Decimal(e.employees),
        "revenue": e.annual_revenue,
        "assets": e.total_assets,
    }
    for name, size in _TIERS:
        needed = {
            key.split(".")[1]: low for key, low in bounds.items() if key.startswith(f"{name}.")
        }
        known = {measure: figures[measure] for measure in needed}
        meets = [value is not None and value >= needed[m] for m, value in known.items()]
        misses = [value is not None and value < needed[m] for m, value in known.items()]
        if all(meets):
            return size
        if name == "small" and any(misses):
            return EnterpriseSize.MICRO
        if not any(misses):
            return None  # a figure the tier needs is missing
    return None


def plan_evaluation_period(enterprise: Enterprise, *, as_of: date) -> Ruling[Duration | None]:
    """Every 3 years for the units of 应急预案管理办法 第三十五条 (from 2016-07-01); else no fixed period.

    The listed sectors, and "中型规模以上的其他生产经营单位", read through
    :func:`size_class` (give :attr:`Enterprise.size` when the figures are not
    known).

    Raises:
        NoRuleInForceError: before 2016-07-01.

    Examples:
        >>> from safetyduty.models import Enterprise, EnterpriseSize, Industry
        >>> shop = Enterprise(uscc="914403001922038216", name="x", industry=Industry.COMMERCE,
        ...                   region="440300", employees=40)
        >>> plan_evaluation_period(shop, as_of=date(2026, 1, 1)).value is None
        True
        >>> import attrs
        >>> plan_evaluation_period(attrs.evolve(shop, size=EnterpriseSize.MEDIUM), as_of=date(2026, 1, 1)).value
        Duration(amount=3, unit=<DurationUnit.YEARS: 'years'>)
    """
    e = _enterprise(enterprise)
    day = _day(as_of)
    entry = law.duty("emergency_plan.evaluation", on=day)
    listed, _ = _listed("emergency-plans.article-35", e, day)
    three_years = Duration(amount=3, unit=DurationUnit.YEARS)
    if listed:
        return Ruling(value=three_years, basis=entry.basis, reason=f"{e.industry.value} is listed")
    size = size_class(e, as_of=day).value
    if size in (EnterpriseSize.MEDIUM, EnterpriseSize.LARGE):
        return Ruling(
            value=three_years, basis=entry.basis, reason=f"{size.value} size: 中型规模以上"
        )
    return Ruling(
        value=None, basis=entry.basis, reason="not a listed unit nor of medium size or larger"
    )


def _grade(value: object) -> AccidentGrade:
    if not isinstance(value, AccidentGrade):
        raise ValidationError("grade", value, "must be an AccidentGrade")
    return value


def principal_fine_rate(grade: AccidentGrade, *, as_of: date) -> Ruling[Decimal]:
    """The principal person's fine as a share of last year's income, by grade, under the law in force.

    2021 第九十五条: 40/60/80/100%; 2014 第九十二条: 30/40/60/80%.

    Raises:
        NoRuleInForceError: before 2014-12-01 (the earlier text is not built in).

    Examples:
        >>> principal_fine_rate(AccidentGrade.LARGER, as_of=date(2026, 1, 1)).value
        Decimal('0.6')
        >>> principal_fine_rate(AccidentGrade.LARGER, as_of=date(2020, 1, 1)).value
        Decimal('0.4')
    """
    g = _grade(grade)
    table = law.parameter("work-safety-law.principal-fine-share", on=_day(as_of))
    return Ruling(value=table.value[g.value], basis=table.basis, reason=g.value)


def unit_fine_range(
    grade: AccidentGrade, *, as_of: date, egregious: bool = False
) -> Ruling[tuple[Decimal, Decimal]]:
    """第一百一十四条: the unit's fine range in yuan, by grade; 2-5 times for 情节特别严重、影响特别恶劣.

    Raises:
        NoRuleInForceError: before 2021-09-01 (the 2014 bands are not verified).

    Examples:
        >>> unit_fine_range(AccidentGrade.GENERAL, as_of=date(2026, 1, 1)).value
        (Decimal('300000'), Decimal('1000000'))
        >>> unit_fine_range(AccidentGrade.GENERAL, as_of=date(2026, 1, 1), egregious=True).value
        (Decimal('600000'), Decimal('5000000'))
    """
    g = _grade(grade)
    if not isinstance(egregious, bool):
        raise ValidationError("egregious", egregious, "must be True or False")
    table = law.parameter("work-safety-law.unit-fine", on=_day(as_of))
    low, high = table.value[f"{g.value}.min"], table.value[f"{g.value}.max"]
    if egregious:
        low, high = (
            low * table.value["egregious.min_factor"],
            high * table.value["egregious.max_factor"],
        )
    article = "第一百一十四条第二款" if egregious else "第一百一十四条第一款"
    return Ruling(
        value=(low, high), basis=attrs.evolve(table.basis, article=article), reason=g.value
    )
