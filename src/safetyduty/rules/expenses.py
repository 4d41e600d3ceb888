"""安全生产费用: the safety-cost levy of 财资〔2022〕136号.

Three methods, as the 办法 sets them per industry:

- per tonne of output (coal by mine type, non-coal mines), accrued monthly;
- a percentage of the construction and installation cost (建设工程施工, 第十七条);
- 超额累退: rates that fall as last year's revenue rises, each applying only
  to the slice of revenue inside its band, like a progressive tax with
  falling rates; the annual amount is accrued in equal monthly parts.

The categories (:class:`~safetyduty.law.CostCategory`) and rate tables
(:class:`~safetyduty.law.RateTable`) are the law's data
(``law/data/safety_cost.toml``, :func:`safetyduty.law.rate_tables`). Only
the rates ``shared/domain.md`` marks verified are built in. The 办法 covers
other industries (交通运输, 冶金, 民用爆炸物品, 石油天然气开采, 尾矿库, 武器装备)
whose 2022 rates we could not verify: for them pass a
:class:`~safetyduty.law.RateTable` of your own, and the error says so. The
2022 办法 applies from 2022-11-21; the 2012 rates before it are not built in.

Amounts are exact Decimals, rounded to the fen (0.01 yuan, half up) only at
the end.

Examples:
    >>> from decimal import Decimal
    >>> from datetime import date
    >>> cost = safety_cost("hazardous_goods", base=Decimal(120_000_000), as_of=date(2026, 1, 1))
    >>> cost.amount, cost.monthly
    (Decimal('2585000.00'), Decimal('215416.67'))
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, cast

import attrs

from safetyduty import law
from safetyduty._methods import by_fields
from safetyduty.errors import ValidationError
from safetyduty.law import CostCategory, CostMethod, RateTable
from safetyduty.models import Basis
from safetyduty.rules._args import plain_day

__all__ = ["SafetyCost", "TierAmount", "safety_cost"]

_FEN: Final = Decimal("0.01")
_LARGEST_BASE: Final = Decimal("1E+18")
"""More tonnes or yuan than any enterprise has; a bound keeps the arithmetic exact and finite."""


def _built_in(category: CostCategory, as_of: date) -> RateTable | None:
    versions = law.rate_tables().get(category)
    return None if versions is None else versions.at(as_of).value


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class TierAmount:
    """The part of the levy from one band: the base inside it, times its rate (exact)."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal
    base_in_band: Decimal
    amount: Decimal


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
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
    category: CostCategory | str,
    *,
    base: Decimal,
    as_of: date,
    rate_table: RateTable | None = None,
) -> SafetyCost:
    """The safety-cost levy of *category* on *base*.

    Args:
        category: a :class:`CostCategory` or its value.
        base: tonnes of output (per-tonne categories), the construction and
            installation cost (construction), or last year's revenue in yuan
            (tiered categories).
        as_of: the day whose rules apply (the built-in rates are the 2022 办法's,
            from 2022-11-21).
        rate_table: rates to use instead of the built-in ones; required for
            categories without verified built-in rates, and before 2022-11-21.

    Raises:
        ValidationError: for an unknown category, a bad base, or a category
            without built-in rates and no ``rate_table``.
        NoRuleInForceError: for a day before the built-in rates apply, with no ``rate_table``.

    Examples:
        >>> day = date(2026, 1, 1)
        >>> safety_cost("coal_high_gas_or_complex", base=Decimal(10_000), as_of=day).amount     # 10,000 t
        Decimal('300000.00')
        >>> safety_cost("construction_railway_building_metro", base=Decimal(80_000_000), as_of=day).amount
        Decimal('2400000.00')
        >>> [str(t.amount) for t in safety_cost("fireworks", base=Decimal(25_000_000), as_of=day).breakdown]
        ['400000.00', '300000.00', '125000.000']
        >>> safety_cost("transport", base=Decimal(1), as_of=day)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: category: has no verified built-in 2022 rates; pass rate_table=RateTable(...) (got 'transport')
    """
    try:
        key = CostCategory(category)
    except ValueError:
        raise ValidationError("category", category, "must be a CostCategory") from None
    if not isinstance(base, Decimal) or not base.is_finite() or not 0 <= base <= _LARGEST_BASE:
        raise ValidationError("base", base, f"must be a Decimal from 0 to {_LARGEST_BASE:E}")
    plain_day("as_of", as_of)
    table = rate_table if rate_table is not None else _built_in(key, as_of)
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
