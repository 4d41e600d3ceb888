"""What the law asks of an enterprise: staffing, engineers, insurance, training, drills, fines.

Each function returns a :class:`Ruling`: the answer, the text it rests on,
and the reason in words. Sector lists are read onto :class:`Industry`; where
that reading is ours rather than the text's, the function says so.

Examples:
    >>> from safetyduty.models import Enterprise, Industry
    >>> site = Enterprise(uscc="914403001922038216", name="示例建设公司", industry=Industry.CONSTRUCTION,
    ...                   region="650100", employees=80)
    >>> staffing_requirement(site).value
    <Staffing.BODY_OR_FULL_TIME: 'body_or_full_time'>
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Final, Literal

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty.errors import ValidationError
from safetyduty.models import (
    AccidentGrade,
    Basis,
    Duration,
    DurationUnit,
    Enterprise,
    Frequency,
    Industry,
    Role,
)
from safetyduty.rules._dated import Dated, Ruling, Version, dated
from safetyduty.rules.statutory import EMERGENCY_REGULATION_ARTICLE_8, HIGH_RISK_TRAINING

__all__ = [
    "HIGH_RISK_INDUSTRIES",
    "LIABILITY_INSURANCE",
    "SAFETY_DIRECTOR_DEADLINE",
    "Staffing",
    "drill_frequency",
    "is_high_risk",
    "plan_evaluation_period",
    "principal_fine_rate",
    "requires_liability_insurance",
    "requires_registered_safety_engineer",
    "requires_safety_director",
    "staffing_requirement",
    "training_hours",
    "unit_fine_range",
]

_LAW = "《中华人民共和国安全生产法》(2021)"
_I = Industry

HIGH_RISK_INDUSTRIES: Final = frozenset(
    {
        _I.COAL_MINE, _I.METAL_NONMETAL_MINE, _I.TAILINGS_POND, _I.OIL_GAS_EXTRACTION,
        _I.METAL_SMELTING, _I.CONSTRUCTION,
        _I.ROAD_PASSENGER, _I.ROAD_FREIGHT, _I.ROAD_HAZMAT, _I.WATERWAY, _I.URBAN_RAIL,
        _I.HAZCHEM_PRODUCTION, _I.HAZCHEM_TRADING, _I.HAZCHEM_STORAGE,
        _I.FIREWORKS_PRODUCTION, _I.FIREWORKS_TRADING, _I.CIVIL_EXPLOSIVES,
    }
)  # fmt: skip
"""矿山、金属冶炼、建筑施工、运输单位和危险物品的生产、经营、储存、装卸单位 (第二十四条、
第二十七条). Our reading: 尾矿库 and 石油天然气开采 as 矿山; 城市轨道交通 and 水上运输 as
运输; 烟花爆竹 and 民用爆炸物品 as 危险物品. 危险化学品使用 is not listed by the law."""


def _enterprise(value: object) -> Enterprise:
    if not isinstance(value, Enterprise):
        raise ValidationError("enterprise", value, "must be an Enterprise")
    return value


def is_high_risk(enterprise: Enterprise) -> Ruling[bool]:
    """Whether the law treats the enterprise's sector as high-risk (第二十四条、第二十七条).

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> shop = Enterprise(uscc="914403001922038216", name="x", industry=Industry.COMMERCE,
        ...                   region="440300", employees=12)
        >>> is_high_risk(shop).value
        False
    """
    e = _enterprise(enterprise)
    high = e.industry in HIGH_RISK_INDUSTRIES
    return Ruling(
        value=high,
        basis=Basis(document=_LAW, article="第二十四条第一款"),
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


def staffing_requirement(enterprise: Enterprise) -> Ruling[Staffing]:
    """第二十四条: high-risk units, and others with more than 100 employees, need a body or full-time staff.

    "超过一百人" excludes 100 and "一百人以下" includes it (民法典 第一千二百五十九条),
    so exactly 100 employees may have part-time staff.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> def firm(n): return Enterprise(uscc="914403001922038216", name="x", industry=Industry.MACHINERY,
        ...                                region="440300", employees=n)
        >>> staffing_requirement(firm(100)).value, staffing_requirement(firm(101)).value
        (<Staffing.FULL_OR_PART_TIME: 'full_or_part_time'>, <Staffing.BODY_OR_FULL_TIME: 'body_or_full_time'>)
    """
    e = _enterprise(enterprise)
    if e.industry in HIGH_RISK_INDUSTRIES:
        return Ruling(
            value=Staffing.BODY_OR_FULL_TIME,
            basis=Basis(document=_LAW, article="第二十四条第一款"),
            reason=f"{e.industry.value} is a high-risk sector",
        )
    big = e.employees > 100  # noqa: PLR2004 - "超过一百人"
    return Ruling(
        value=Staffing.BODY_OR_FULL_TIME if big else Staffing.FULL_OR_PART_TIME,
        basis=Basis(document=_LAW, article="第二十四条第二款"),
        reason=f"{e.employees} employees {'>' if big else '<='} 100",
    )


_ENGINEER_INDUSTRIES: Final = frozenset(
    {
        _I.HAZCHEM_PRODUCTION, _I.HAZCHEM_STORAGE, _I.FIREWORKS_PRODUCTION, _I.CIVIL_EXPLOSIVES,
        _I.COAL_MINE, _I.METAL_NONMETAL_MINE, _I.TAILINGS_POND, _I.OIL_GAS_EXTRACTION, _I.METAL_SMELTING,
    }
)  # fmt: skip


def requires_registered_safety_engineer(enterprise: Enterprise) -> Ruling[bool]:
    """第二十七条第三款: 危险物品的生产、储存、装卸单位以及矿山、金属冶炼单位 need 注册安全工程师.

    Trading (经营) units are not listed; loading (装卸) units are not
    modelled as an industry.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> trader = Enterprise(uscc="914403001922038216", name="x", industry=Industry.HAZCHEM_TRADING,
        ...                     region="440300", employees=30)
        >>> requires_registered_safety_engineer(trader).value
        False
    """
    e = _enterprise(enterprise)
    needed = e.industry in _ENGINEER_INDUSTRIES
    return Ruling(
        value=needed,
        basis=Basis(document=_LAW, article="第二十七条第三款"),
        reason=f"{e.industry.value} {'is' if needed else 'is not'} in the listed sectors",
    )


_INSURED: Final = frozenset(
    {
        _I.COAL_MINE, _I.METAL_NONMETAL_MINE, _I.TAILINGS_POND, _I.OIL_GAS_EXTRACTION,
        _I.HAZCHEM_PRODUCTION, _I.HAZCHEM_TRADING, _I.HAZCHEM_STORAGE, _I.HAZCHEM_USE,
        _I.FIREWORKS_PRODUCTION, _I.FIREWORKS_TRADING,
        _I.ROAD_PASSENGER, _I.ROAD_FREIGHT, _I.ROAD_HAZMAT, _I.WATERWAY, _I.URBAN_RAIL,
        _I.CONSTRUCTION, _I.CIVIL_EXPLOSIVES, _I.METAL_SMELTING, _I.FISHERY,
    }
)  # fmt: skip

LIABILITY_INSURANCE: Final[Dated[frozenset[Industry]]] = dated(
    "liability insurance sectors",
    [
        Version(
            effective_from=date(2017, 12, 12),
            value=_INSURED,
            basis=Basis(
                document="《安全生产责任保险实施办法》(安监总办〔2017〕140号)",
                article="第六条 (煤矿、非煤矿山、危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产; 2017-12-12印发, 自印发之日施行为本库的理解)",
            ),
        ),
        Version(
            effective_from=date(2025, 3, 29),
            value=_INSURED,
            basis=Basis(
                document="《安全生产责任保险实施办法》(应急〔2025〕27号)",
                article="第二条 (矿山、危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产)",
                effective_from=date(2025, 3, 29),
            ),
        ),
    ],
)
"""The sectors that must buy 安全生产责任保险 (安全生产法 第五十一条), by the rule in force.
Both texts list the same sectors; the 2025 rule raised the minimum cover to 40万 per person."""


def requires_liability_insurance(enterprise: Enterprise, *, as_of: date) -> Ruling[bool]:
    """Whether the enterprise must insure, under the sector list in force on *as_of*.

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
    version = LIABILITY_INSURANCE.at(as_of)
    needed = e.industry in version.value
    return Ruling(
        value=needed,
        basis=version.basis,
        reason=f"{e.industry.value} {'is' if needed else 'is not'} in the list in force on {as_of}",
    )


_HOURS: Final = {
    # (high-risk?, role group, kind) -> hours
    (False, "manager", "initial"): 32,
    (False, "manager", "annual"): 12,
    (True, "manager", "initial"): 48,
    (True, "manager", "annual"): 16,
    (False, "worker", "initial"): 24,
    (True, "worker", "initial"): 72,
    (True, "worker", "annual"): 20,
}
_ORDER_3 = "《生产经营单位安全培训规定》(原国家安监总局令第3号)"
_COUNCIL = "《国务院安委会关于进一步加强安全培训工作的决定》(安委〔2012〕10号, 文号未核实)"


def training_hours(
    role: Role, enterprise: Enterprise, *, kind: Literal["initial", "annual"] = "initial"
) -> Ruling[int]:
    """The minimum 学时 of safety training for *role* in *enterprise* (initial or yearly).

    Principal persons and safety managers: 32 / 12 (48 / 16 in 煤矿、非煤矿山、
    危化、烟花爆竹、金属冶炼 units), Order 3 第九条. New workers: 24 before
    starting (72 in those units, 20 a year), 第十三条; the yearly 8 for other
    units and the 32 / 20 for construction come from the 安委 2012 decision.

    Raises:
        ValidationError: for special operators (their training follows Order
            30 per trade, not a fixed number of hours here).

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> mine = Enterprise(uscc="914403001922038216", name="x", industry=Industry.COAL_MINE,
        ...                   region="140000", employees=800)
        >>> training_hours(Role.PRINCIPAL, mine).value, training_hours(Role.WORKER, mine, kind="annual").value
        (48, 20)
    """
    e = _enterprise(enterprise)
    if kind not in ("initial", "annual"):
        raise ValidationError("kind", kind, "must be 'initial' or 'annual'")
    if not isinstance(role, Role) or role is Role.SPECIAL_OPERATOR:
        raise ValidationError("role", role, "must be principal, safety_manager or worker")
    high = e.industry in HIGH_RISK_TRAINING.industries
    group = "worker" if role is Role.WORKER else "manager"
    if group == "worker" and not high and e.industry is Industry.CONSTRUCTION:
        hours = 32 if kind == "initial" else 20
        return Ruling(value=hours, basis=Basis(document=_COUNCIL), reason="construction workers")
    if (high, group, kind) == (False, "worker", "annual"):
        return Ruling(
            value=8, basis=Basis(document=_COUNCIL), reason="workers of other units, yearly"
        )
    article = "第九条" if group == "manager" else "第十三条"
    sector = "煤矿、非煤矿山、危化、烟花爆竹、金属冶炼" if high else "general"
    return Ruling(
        value=_HOURS[high, group, kind],
        basis=Basis(document=_ORDER_3, article=article),
        reason=f"{group}, {sector}, {kind}",
    )


_DIRECTOR_INDUSTRIES: Final = frozenset(Industry) - {
    Industry.COMMERCE, Industry.CROWDED_PLACES, Industry.FISHERY, Industry.OTHER, Industry.HAZCHEM_TRADING, Industry.FIREWORKS_TRADING,
}  # fmt: skip
SAFETY_DIRECTOR_DEADLINE: Final = date(2022, 12, 31)
"""新疆: "2022年底前……全部设立安全总监"."""


def requires_safety_director(enterprise: Enterprise, *, as_of: date) -> Ruling[bool]:
    """安全总监: "2022年底前，国有企业和规模以上工业、交通、建设企业全部设立安全总监".

    The rule is the 新疆 three-year plan's (seed ``002``): it binds enterprises
    in 新疆 (region 65xxxx) from 2022-12-31. Reading 工业、交通、建设 onto the
    industries (all but 商贸, 人员密集场所, 渔业, 经营-only and 其他) is ours.

    Raises:
        NoRuleInForceError: for a date before 2022-12-31.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> plant = Enterprise(uscc="914403001922038216", name="x", industry=Industry.MACHINERY,
        ...                    region="650100", employees=500, above_designated_size=True)
        >>> requires_safety_director(plant, as_of=date(2023, 1, 1)).value
        True
    """
    e = _enterprise(enterprise)
    rule: Dated[bool] = dated(
        "safety director",
        [
            Version(
                effective_from=SAFETY_DIRECTOR_DEADLINE,
                value=True,
                basis=Basis(
                    document="新疆维吾尔自治区安全生产专项整治三年行动实施方案",
                    article="落实企业安全生产主体责任专题",
                ),
            )
        ],
    )
    version = rule.at(as_of)
    if e.province != "650000":
        return Ruling(value=False, basis=version.basis, reason=f"region {e.region} is outside 新疆")
    if e.state_owned:
        return Ruling(value=True, basis=version.basis, reason="国有企业")
    needed = e.above_designated_size and e.industry in _DIRECTOR_INDUSTRIES
    reason = (
        "规模以上工业、交通、建设企业"
        if needed
        else "neither state-owned nor an industrial, transport or construction enterprise above designated size"
    )
    return Ruling(value=needed, basis=version.basis, reason=reason)


def drill_frequency(enterprise: Enterprise) -> Ruling[Frequency]:
    """How often the enterprise must drill its comprehensive or specialised plan.

    At least yearly (应急预案管理办法 第三十三条); at least every half year for
    the units of 生产安全事故应急条例 第八条. On-site schemes (现场处置方案) are
    drilled every half year by every unit.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> mall = Enterprise(uscc="914403001922038216", name="x", industry=Industry.CROWDED_PLACES,
        ...                   region="440300", employees=300)
        >>> drill_frequency(mall).value
        <Frequency.HALF_YEARLY: 'half_yearly'>
    """
    e = _enterprise(enterprise)
    if EMERGENCY_REGULATION_ARTICLE_8.applies_to(e):
        return Ruling(
            value=Frequency.HALF_YEARLY,
            basis=Basis(
                document="《生产安全事故应急条例》(国务院令第708号)", article="第八条第二款"
            ),
            reason=f"{e.industry.value} is a unit of 第八条",
        )
    return Ruling(
        value=Frequency.YEARLY,
        basis=Basis(
            document="《生产安全事故应急预案管理办法》(应急管理部令第2号修正)", article="第三十三条"
        ),
        reason="comprehensive or specialised plan: at least once a year",
    )


def plan_evaluation_period(
    enterprise: Enterprise, *, medium_or_larger: bool = False
) -> Ruling[Duration | None]:
    """Every 3 years for the units of 应急预案管理办法 第三十五条; else no fixed period.

    The listed sectors, plus "中型规模以上的其他生产经营单位": the size class
    is not on :class:`Enterprise`, so pass ``medium_or_larger=True`` for it.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> shop = Enterprise(uscc="914403001922038216", name="x", industry=Industry.COMMERCE,
        ...                   region="440300", employees=40)
        >>> plan_evaluation_period(shop).value is None, plan_evaluation_period(shop, medium_or_larger=True).value
        (True, Duration(amount=3, unit=<DurationUnit.YEARS: 'years'>))
    """
    e = _enterprise(enterprise)
    if not isinstance(medium_or_larger, bool):
        raise ValidationError("medium_or_larger", medium_or_larger, "must be True or False")
    listed = EMERGENCY_REGULATION_ARTICLE_8.industries | {
        Industry.HAZCHEM_USE,
        Industry.CHEMICAL_PHARMA,
    }
    basis = Basis(
        document="《生产安全事故应急预案管理办法》(应急管理部令第2号修正)", article="第三十五条"
    )
    if e.industry in listed or medium_or_larger:
        reason = (
            f"{e.industry.value} is listed" if e.industry in listed else "medium size or larger"
        )
        return Ruling(value=Duration(amount=3, unit=DurationUnit.YEARS), basis=basis, reason=reason)
    return Ruling(value=None, basis=basis, reason="not a listed unit: no fixed period")


_PRINCIPAL_RATES: Final = {
    AccidentGrade.GENERAL: Decimal("0.4"),
    AccidentGrade.LARGER: Decimal("0.6"),
    AccidentGrade.MAJOR: Decimal("0.8"),
    AccidentGrade.ESPECIALLY_MAJOR: Decimal("1.0"),
}
_UNIT_RANGES: Final = {
    AccidentGrade.GENERAL: (Decimal(300_000), Decimal(1_000_000)),
    AccidentGrade.LARGER: (Decimal(1_000_000), Decimal(2_000_000)),
    AccidentGrade.MAJOR: (Decimal(2_000_000), Decimal(10_000_000)),
    AccidentGrade.ESPECIALLY_MAJOR: (Decimal(10_000_000), Decimal(20_000_000)),
}


def _grade(value: object) -> AccidentGrade:
    if not isinstance(value, AccidentGrade):
        raise ValidationError("grade", value, "must be an AccidentGrade")
    return value


def principal_fine_rate(grade: AccidentGrade) -> Ruling[Decimal]:
    """第九十五条: the principal person's fine as a share of last year's income, by grade.

    Examples:
        >>> principal_fine_rate(AccidentGrade.LARGER).value
        Decimal('0.6')
    """
    g = _grade(grade)
    return Ruling(
        value=_PRINCIPAL_RATES[g], basis=Basis(document=_LAW, article="第九十五条"), reason=g.value
    )


def unit_fine_range(
    grade: AccidentGrade, *, egregious: bool = False
) -> Ruling[tuple[Decimal, Decimal]]:
    """第一百一十四条: the unit's fine range in yuan, by grade; 2-5 times for 情节特别严重、影响特别恶劣.

    Examples:
        >>> unit_fine_range(AccidentGrade.GENERAL).value
        (Decimal('300000'), Decimal('1000000'))
        >>> unit_fine_range(AccidentGrade.GENERAL, egregious=True).value
        (Decimal('600000'), Decimal('5000000'))
    """
    g = _grade(grade)
    if not isinstance(egregious, bool):
        raise ValidationError("egregious", egregious, "must be True or False")
    low, high = _UNIT_RANGES[g]
    if egregious:
        low, high = low * 2, high * 5
    article = "第一百一十四条第二款" if egregious else "第一百一十四条第一款"
    return Ruling(value=(low, high), basis=Basis(document=_LAW, article=article), reason=g.value)
