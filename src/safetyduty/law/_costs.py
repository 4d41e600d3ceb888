"""The safety-cost levy's categories and rate tables, as data (财资〔2022〕136号)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, cast

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_tuple,
    instance_of,
    keeps,
    member_of,
    non_empty_str,
    optional,
    plain_date,
    tuple_of,
)
from safetyduty.errors import ValidationError
from safetyduty.law._dated import Dated, Version, dated
from safetyduty.law._load import read_toml, resolve_citations, structure
from safetyduty.models import Basis

__all__ = ["CostCategory", "CostMethod", "RateTable", "Tier", "rate_tables"]


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


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Tier:
    """A revenue band of a tiered table: revenue up to ``up_to`` (``None``: no limit) at ``rate``.

    ``rate`` is a fraction (0.045 = 4.5%).
    """

    up_to: Decimal | None = attrs.field(default=None, validator=optional(_decimal))
    rate: Decimal = attrs.field(validator=_decimal)


def _tiers(value: Iterable[Tier]) -> tuple[Tier, ...]:
    return cast("tuple[Tier, ...]", as_tuple(value))


keeps(tuple, _tiers)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RateTable:
    """The rates of one levy category.

    For :attr:`CostMethod.TIERED_REVENUE`, ``tiers`` in ascending order, the
    last open-ended; otherwise one ``rate`` (yuan per tonne, or a fraction of
    the construction cost).

    Examples:
        >>> from decimal import Decimal
        >>> from safetyduty.law import CostMethod, RateTable, Tier
        >>> from safetyduty.models import Basis
        >>> metallurgy_2012 = RateTable(name="冶金 (caller's table)", method=CostMethod.TIERED_REVENUE,
        ...     tiers=[Tier(up_to=Decimal(10_000_000), rate=Decimal("0.03")), Tier(up_to=None, rate=Decimal("0.015"))],
        ...     basis=Basis(document="caller-supplied rates"))
        >>> from datetime import date
        >>> from safetyduty.rules.expenses import safety_cost
        >>> safety_cost("metallurgy", base=Decimal(20_000_000), as_of=date(2026, 1, 1),
        ...             rate_table=metallurgy_2012).amount
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


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Rate:
    category: CostCategory = attrs.field(validator=member_of(CostCategory))
    effective_from: date = attrs.field(validator=plain_date)
    table: RateTable = attrs.field(validator=instance_of(RateTable))


@functools.cache
def rate_tables() -> Mapping[CostCategory, Dated[RateTable]]:
    """The built-in rate tables by category, each by version (``law/data/safety_cost.toml``).

    Only the rates marked verified in the sources are built in; the other
    categories of the 办法 have none, and a computation needs the caller's table.

    Examples:
        >>> from safetyduty import law
        >>> from datetime import date
        >>> table = law.rate_tables()[law.CostCategory.FIREWORKS].at(date(2026, 1, 1)).value
        >>> [str(t.rate) for t in table.tiers]
        ['0.04', '0.03', '0.025']
    """
    raw = resolve_citations(read_toml("safety_cost.toml").get("rate", []), where="safety_cost")
    rates = [structure(entry, _Rate) for entry in raw]
    found: dict[CostCategory, list[Version[RateTable]]] = {}
    for rate in rates:
        found.setdefault(rate.category, []).append(
            Version(effective_from=rate.effective_from, value=rate.table, basis=rate.table.basis)
        )
    return {
        category: dated(f"safety cost {category.value}", versions)
        for category, versions in found.items()
    }
