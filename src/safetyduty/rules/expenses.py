"""安全生产费用: the safety-cost levy of 财资〔2022〕136号.

Three methods, as the 办法 sets them per industry:

- per tonne of output (coal by mine type, non-coal mines), accrued monthly;
- a percentage of the construction and installation cost (建设工程施工, 第十七条);
- 超额累退: rates that fall as last year's revenue rises, each applying only
  to the slice of revenue inside its band, like a progressive tax with
  falling rates; the annual amount is accrued in equal monthly parts.

Only the rates ``shared/domain.md`` marks verified are built in. The 办法
covers other industries (交通运输, 冶金, 民用爆炸物品, 石油天然气开采, 尾矿库,
武器装备) whose 2022 rates we could not verify: for them pass a
:class:`RateTable` of your own, and the error says so.

Amounts are exact Decimals, rounded to the fen (0.01 yuan, half up) only at
the end.

Examples:
    >>> from decimal import Decimal
    >>> cost = safety_cost("hazardous_goods", base=Decimal(120_000_000))
    >>> cost.amount, cost.monthly
    (Decimal('2585000.00'), Decimal('215416.67'))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final, cast

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._validate import as_tuple, instance_of, member_of, non_empty_str, optional, tuple_of
from safetyduty.errors import ValidationError
from safetyduty.models import Basis

__all__ = [
    "RATE_TABLES",
    "CostCategory",
    "CostMethod",
    "RateTable",
    "SafetyCost",
    "Tier",
    "TierAmount",
    "safety_cost",
]

_FEN: Final = Decimal("0.01")
_WAN: Final = Decimal(10_000)
_DOC: Final = "《企业安全生产费用提取和使用管理办法》(财资〔2022〕136号)"


class CostMethod(StrEnum):
    """How the levy is computed."""

    PER_TONNE = "per_tonne"
    PERCENT_OF_COST = "percent_of_cost"
    TIERED_REVENUE = "tiered_revenue"


class CostCategory(StrEnum):
    """The levy categories of the 办法; not all have verified built-in rates."""

    COAL_OUTBURST_OR_ROCKBURST = "coal_outburst_or_rockburst"
    COAL_HIGH_GAS_OR_COMPLEX = "coal_high_gas_or_complex"
    COAL_OTHER_UNDERGROUND = "coal_other_underground"
    COAL_OPEN_PIT = "coal_open_pit"
    METAL_MINE_OPEN_PIT = "metal_mine_open_pit"
    METAL_MINE_UNDERGROUND = "metal_mine_underground"
    NUCLEAR_MINE = "nuclear_mine"
    NONMETAL_MINE_OPEN_PIT = "nonmetal_mine_open_pit"
    NONMETAL_MINE_UNDERGROUND = "nonmetal_mine_underground"
    SMALL_OPEN_PIT_QUARRY = "small_open_pit_quarry"
    CONSTRUCTION_MINING = "construction_mining"
    CONSTRUCTION_RAILWAY_BUILDING_METRO = "construction_railway_building_metro"
    CONSTRUCTION_WATER_POWER = "construction_water_power"
    CONSTRUCTION_SMELTING_MECHANICAL_CHEMICAL_TELECOM = (
        "construction_smelting_mechanical_chemical_telecom"
    )
    CONSTRUCTION_MUNICIPAL_PORT_HIGHWAY = "construction_municipal_port_highway"
    HAZARDOUS_GOODS = "hazardous_goods"
    FIREWORKS = "fireworks"
    MACHINERY = "machinery"
    POWER_GENERATION = "power_generation"
    POWER_SUPPLY = "power_supply"
    # In the 办法, but the 2022 rates are not verified: a RateTable is required.
    TRANSPORT = "transport"
    METALLURGY = "metallurgy"
    CIVIL_EXPLOSIVES = "civil_explosives"
    OIL_GAS = "oil_gas"
    TAILINGS_POND = "tailings_pond"
    WEAPONS = "weapons"


register(
    [
        (CostMethod.PER_TONNE, ("按产量（元/吨）", "per tonne of output")),
        (CostMethod.PERCENT_OF_COST, ("按工程造价比例", "percentage of construction cost")),
        (CostMethod.TIERED_REVENUE, ("按营业收入超额累退", "tiered on last year's revenue")),
        (
            CostCategory.COAL_OUTBURST_OR_ROCKBURST,
            ("煤与瓦斯突出矿井、冲击地压矿井", "coal: outburst or rock-burst mine"),
        ),
        (
            CostCategory.COAL_HIGH_GAS_OR_COMPLEX,
            (
                "高瓦斯矿井、水文地质复杂矿井、容易自燃煤层矿井",
                "coal: high-gas, complex or self-igniting",
            ),
        ),
        (CostCategory.COAL_OTHER_UNDERGROUND, ("其他井工煤矿", "coal: other underground")),
        (CostCategory.COAL_OPEN_PIT, ("露天煤矿", "coal: open pit")),
        (CostCategory.METAL_MINE_OPEN_PIT, ("金属露天矿山", "metal mine: open pit")),
        (CostCategory.METAL_MINE_UNDERGROUND, ("金属地下矿山", "metal mine: underground")),
        (CostCategory.NUCLEAR_MINE, ("核工业矿山", "nuclear industry mine")),
        (CostCategory.NONMETAL_MINE_OPEN_PIT, ("非金属露天矿山", "non-metal mine: open pit")),
        (CostCategory.NONMETAL_MINE_UNDERGROUND, ("非金属地下矿山", "non-metal mine: underground")),
        (CostCategory.SMALL_OPEN_PIT_QUARRY, ("小型露天采石场", "small hillside quarry")),
        (CostCategory.CONSTRUCTION_MINING, ("矿山工程", "construction: mining works")),
        (
            CostCategory.CONSTRUCTION_RAILWAY_BUILDING_METRO,
            ("铁路、房屋建筑、城市轨道交通工程", "construction: railway, building, metro"),
        ),
        (
            CostCategory.CONSTRUCTION_WATER_POWER,
            ("水利水电、电力工程", "construction: water and power"),
        ),
        (
            CostCategory.CONSTRUCTION_SMELTING_MECHANICAL_CHEMICAL_TELECOM,
            (
                "冶炼、机电安装、化工石油、通信工程",
                "construction: smelting, mechanical, chemical, telecom",
            ),
        ),
        (
            CostCategory.CONSTRUCTION_MUNICIPAL_PORT_HIGHWAY,
            ("市政公用、港口与航道、公路工程", "construction: municipal, port, highway"),
        ),
        (
            CostCategory.HAZARDOUS_GOODS,
            ("危险品生产与储存", "hazardous goods production and storage"),
        ),
        (CostCategory.FIREWORKS, ("烟花爆竹生产", "fireworks production")),
        (CostCategory.MACHINERY, ("机械制造", "machinery manufacturing")),
        (CostCategory.POWER_GENERATION, ("电力生产", "power generation")),
        (CostCategory.POWER_SUPPLY, ("电力供应", "power supply")),
        (CostCategory.TRANSPORT, ("交通运输", "transport")),
        (CostCategory.METALLURGY, ("冶金", "metallurgy")),
        (CostCategory.CIVIL_EXPLOSIVES, ("民用爆炸物品", "civil explosives")),
        (CostCategory.OIL_GAS, ("石油天然气开采", "oil and gas extraction")),
        (CostCategory.TAILINGS_POND, ("尾矿库", "tailings pond")),
        (CostCategory.WEAPONS, ("武器装备研制生产与试验", "weapons equipment")),
    ]
)


def _decimal(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal >= 0")


@attrs.frozen(kw_only=True)
class Tier:
    """A revenue band of a tiered table: revenue up to ``up_to`` (``None``: no limit) at ``rate``.

    ``rate`` is a fraction (0.045 = 4.5%).
    """

    up_to: Decimal | None = attrs.field(validator=optional(_decimal))
    rate: Decimal = attrs.field(validator=_decimal)


def _tiers(value: Iterable[Tier]) -> tuple[Tier, ...]:
    return cast("tuple[Tier, ...]", as_tuple(value))


@attrs.frozen(kw_only=True)
class RateTable:
    """The rates of one levy category.

    For :attr:`CostMethod.TIERED_REVENUE`, ``tiers`` in ascending order, the
    last open-ended; otherwise one ``rate`` (yuan per tonne, or a fraction of
    the construction cost).

    Examples:
        >>> metallurgy_2012 = RateTable(name="冶金 (caller's table)", method=CostMethod.TIERED_REVENUE,
        ...     tiers=[Tier(up_to=Decimal(10_000_000), rate=Decimal("0.03")), Tier(up_to=None, rate=Decimal("0.015"))],
        ...     basis=Basis(document="caller-supplied rates"))
        >>> safety_cost("metallurgy", base=Decimal(20_000_000), rate_table=metallurgy_2012).amount
        Decimal('450000.00')
    """

    name: str = attrs.field(validator=non_empty_str)
    method: CostMethod = attrs.field(validator=member_of(CostMethod))
    basis: Basis = attrs.field(validator=instance_of(Basis))
    rate: Decimal | None = attrs.field(default=None, validator=optional(_decimal))
    tiers: tuple[Tier, ...] = attrs.field(default=(), converter=_tiers, validator=tuple_of(Tier))

    @tiers.validator
    def _shape(self, attribute: attrs.Attribute[Any], value: tuple[Tier, ...]) -> None:
        if self.method is CostMethod.TIERED_REVENUE:
            bounds = [t.up_to for t in value]
            if not value or bounds[-1] is not None or None in bounds[:-1]:
                raise ValidationError(
                    "tiers", value, "must end with one open-ended tier (up_to=None)"
                )
            closed = cast("list[Decimal]", bounds[:-1])
            if closed != sorted(set(closed)):
                raise ValidationError("tiers", closed, "must rise strictly")
        elif self.rate is None or value:
            raise ValidationError(
                "rate", self.rate, f"must be given (and no tiers) for {self.method.value}"
            )


def _per_tonne(category: CostCategory, yuan: str, article: str) -> RateTable:
    return RateTable(
        name=category.value,
        method=CostMethod.PER_TONNE,
        rate=Decimal(yuan),
        basis=Basis(document=_DOC, article=article),
    )


def _percent(category: CostCategory, rate: str) -> RateTable:
    return RateTable(
        name=category.value,
        method=CostMethod.PERCENT_OF_COST,
        rate=Decimal(rate),
        basis=Basis(document=_DOC, article="第十七条"),
    )


def _tiered(category: CostCategory, article: str, bands: list[tuple[int | None, str]]) -> RateTable:
    return RateTable(
        name=category.value,
        method=CostMethod.TIERED_REVENUE,
        tiers=[
            Tier(up_to=None if wan is None else Decimal(wan) * _WAN, rate=Decimal(rate))
            for wan, rate in bands
        ],
        basis=Basis(document=_DOC, article=article),
    )


_C = CostCategory
_MINES = "煤炭/非煤矿山条款 (条号未核实)"
RATE_TABLES: Final[dict[CostCategory, RateTable]] = {
    _C.COAL_OUTBURST_OR_ROCKBURST: _per_tonne(_C.COAL_OUTBURST_OR_ROCKBURST, "50", _MINES),
    _C.COAL_HIGH_GAS_OR_COMPLEX: _per_tonne(_C.COAL_HIGH_GAS_OR_COMPLEX, "30", _MINES),
    _C.COAL_OTHER_UNDERGROUND: _per_tonne(_C.COAL_OTHER_UNDERGROUND, "15", _MINES),
    _C.COAL_OPEN_PIT: _per_tonne(_C.COAL_OPEN_PIT, "5", _MINES),
    _C.METAL_MINE_OPEN_PIT: _per_tonne(_C.METAL_MINE_OPEN_PIT, "5", _MINES),
    _C.METAL_MINE_UNDERGROUND: _per_tonne(_C.METAL_MINE_UNDERGROUND, "15", _MINES),
    _C.NUCLEAR_MINE: _per_tonne(_C.NUCLEAR_MINE, "25", _MINES),
    _C.NONMETAL_MINE_OPEN_PIT: _per_tonne(_C.NONMETAL_MINE_OPEN_PIT, "3", _MINES),
    _C.NONMETAL_MINE_UNDERGROUND: _per_tonne(_C.NONMETAL_MINE_UNDERGROUND, "8", _MINES),
    _C.SMALL_OPEN_PIT_QUARRY: _per_tonne(_C.SMALL_OPEN_PIT_QUARRY, "2", _MINES),
    _C.CONSTRUCTION_MINING: _percent(_C.CONSTRUCTION_MINING, "0.035"),
    _C.CONSTRUCTION_RAILWAY_BUILDING_METRO: _percent(
        _C.CONSTRUCTION_RAILWAY_BUILDING_METRO, "0.03"
    ),
    _C.CONSTRUCTION_WATER_POWER: _percent(_C.CONSTRUCTION_WATER_POWER, "0.025"),
    _C.CONSTRUCTION_SMELTING_MECHANICAL_CHEMICAL_TELECOM: _percent(
        _C.CONSTRUCTION_SMELTING_MECHANICAL_CHEMICAL_TELECOM, "0.02"
    ),
    _C.CONSTRUCTION_MUNICIPAL_PORT_HIGHWAY: _percent(
        _C.CONSTRUCTION_MUNICIPAL_PORT_HIGHWAY, "0.015"
    ),
    _C.HAZARDOUS_GOODS: _tiered(
        _C.HAZARDOUS_GOODS,
        "第二十一条",
        [(1_000, "0.045"), (10_000, "0.0225"), (100_000, "0.0055"), (None, "0.002")],
    ),
    _C.FIREWORKS: _tiered(
        _C.FIREWORKS, "第三十三条", [(1_000, "0.04"), (2_000, "0.03"), (None, "0.025")]
    ),
    _C.MACHINERY: _tiered(
        _C.MACHINERY,
        "机械制造条款 (条号未核实; 据会计问答)",
        [
            (1_000, "0.0235"),
            (10_000, "0.0125"),
            (100_000, "0.0025"),
            (500_000, "0.001"),
            (None, "0.0005"),
        ],
    ),
    _C.POWER_GENERATION: _tiered(
        _C.POWER_GENERATION,
        "第四十三条第（一）项",
        [
            (1_000, "0.03"),
            (10_000, "0.015"),
            (100_000, "0.01"),
            (500_000, "0.008"),
            (1_000_000, "0.006"),
            (None, "0.002"),
        ],
    ),
    _C.POWER_SUPPLY: _tiered(
        _C.POWER_SUPPLY,
        "第四十三条第（二）项",
        [(5_000_000, "0.005"), (10_000_000, "0.004"), (20_000_000, "0.003"), (None, "0.002")],
    ),
}
"""The built-in, verified rates (domain.md §5.2)."""


@attrs.frozen(kw_only=True)
class TierAmount:
    """The part of the levy from one band: the base inside it, times its rate (exact)."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal
    base_in_band: Decimal
    amount: Decimal


@attrs.frozen(kw_only=True)
class SafetyCost:
    """A computed levy.

    Attributes:
        category: the levy category.
        method: how it was computed.
        base: tonnes of output, construction cost, or last year's revenue (yuan).
        amount: the levy, rounded to the fen: the annual amount for tiered
            revenue, the month's amount for output per tonne, the amount for
            the construction cost given.
        monthly: for tiered revenue, the equal monthly accrual (annual / 12,
            rounded to the fen); otherwise ``None``.
        breakdown: the exact amount of each band (one entry for flat rates).
        basis: the article applied.
    """

    category: str
    method: CostMethod
    base: Decimal
    amount: Decimal
    monthly: Decimal | None
    breakdown: tuple[TierAmount, ...]
    basis: Basis


def _fen(value: Decimal) -> Decimal:
    return value.quantize(_FEN, rounding=ROUND_HALF_UP)


def safety_cost(
    category: CostCategory | str, *, base: Decimal, rate_table: RateTable | None = None
) -> SafetyCost:
    """The safety-cost levy of *category* on *base*.

    Args:
        category: a :class:`CostCategory` or its value.
        base: tonnes of output (per-tonne categories), the construction and
            installation cost (construction), or last year's revenue in yuan
            (tiered categories).
        rate_table: rates to use instead of the built-in ones; required for
            categories without verified built-in rates.

    Raises:
        ValidationError: for an unknown category, a bad base, or a category
            without built-in rates and no ``rate_table``.

    Examples:
        >>> safety_cost("coal_high_gas_or_complex", base=Decimal(10_000)).amount     # 10,000 t
        Decimal('300000.00')
        >>> safety_cost("construction_railway_building_metro", base=Decimal(80_000_000)).amount
        Decimal('2400000.00')
        >>> [str(t.amount) for t in safety_cost("fireworks", base=Decimal(25_000_000)).breakdown]
        ['400000.00', '300000.00', '125000.000']
        >>> safety_cost("transport", base=Decimal(1))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: category: has no verified built-in 2022 rates; pass rate_table=RateTable(...) (got 'transport')
    """
    try:
        key = CostCategory(category)
    except ValueError:
        raise ValidationError("category", category, "must be a CostCategory") from None
    if not isinstance(base, Decimal) or not base.is_finite() or base < 0:
        raise ValidationError("base", base, "must be a finite Decimal >= 0")
    table = rate_table if rate_table is not None else RATE_TABLES.get(key)
    if table is None:
        raise ValidationError(
            "category",
            key.value,
            "has no verified built-in 2022 rates; pass rate_table=RateTable(...)",
        )
    if not isinstance(table, RateTable):
        raise ValidationError("rate_table", table, "must be a RateTable")
    if table.method is not CostMethod.TIERED_REVENUE:
        rate = cast("Decimal", table.rate)
        exact = base * rate
        part = TierAmount(lower=Decimal(0), upper=None, rate=rate, base_in_band=base, amount=exact)
        return SafetyCost(
            category=key.value,
            method=table.method,
            base=base,
            amount=_fen(exact),
            monthly=None,
            breakdown=(part,),
            basis=table.basis,
        )
    parts: list[TierAmount] = []
    lower = Decimal(0)
    for tier in table.tiers:
        upper = tier.up_to
        inside = max(Decimal(0), (base if upper is None else min(base, upper)) - lower)
        parts.append(
            TierAmount(
                lower=lower,
                upper=upper,
                rate=tier.rate,
                base_in_band=inside,
                amount=inside * tier.rate,
            )
        )
        if upper is None or base <= upper:
            break
        lower = upper
    annual = sum((p.amount for p in parts), Decimal(0))
    return SafetyCost(
        category=key.value,
        method=table.method,
        base=base,
        amount=_fen(annual),
        monthly=_fen(annual / 12),
        breakdown=tuple(parts),
        basis=table.basis,
    )
