"""Safety-cost levies and the enterprise requirements, typed by hand from the texts."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.models import AccidentGrade, Enterprise, Frequency, Industry, Role
from safetyduty.rules import requirements as req
from safetyduty.rules.expenses import RATE_TABLES, CostCategory, CostMethod, safety_cost

WAN = Decimal(10_000)


def firm(**changes: Any) -> Enterprise:
    """A 120-person machinery works in Shenzhen."""
    base: dict[str, Any] = {
        "uscc": "914403001922038216",
        "name": "x",
        "industry": Industry.MACHINERY,
        "region": "440300",
        "employees": 120,
    }
    return Enterprise(**{**base, **changes})


class TestSafetyCost:
    """财资〔2022〕136号."""

    @pytest.mark.parametrize(
        ("category", "base", "amount"),
        [
            ("coal_outburst_or_rockburst", Decimal(1000), Decimal("50000.00")),
            ("coal_open_pit", Decimal(1000), Decimal("5000.00")),
            ("small_open_pit_quarry", Decimal(1000), Decimal("2000.00")),
            ("construction_mining", Decimal(10_000_000), Decimal("350000.00")),
            ("construction_municipal_port_highway", Decimal(10_000_000), Decimal("150000.00")),
            # 危险品 1000万 exactly: 4.5% of all of it.
            ("hazardous_goods", 1_000 * WAN, Decimal("450000.00")),
            # 1200万: 1000万 × 4.5% + 200万 × 2.25% = 45万 + 4.5万.
            ("hazardous_goods", 1_200 * WAN, Decimal("495000.00")),
            # 烟花爆竹 3000万: 40万 + 30万 + 25万.
            ("fireworks", 3_000 * WAN, Decimal("950000.00")),
            # 机械制造 2亿: 23.5万 + 112.5万 + 25万.
            ("machinery", 20_000 * WAN, Decimal("1610000.00")),
            # 电力供应 600亿: 500亿 × 0.5% + 100亿 × 0.4% = 2.5亿 + 0.4亿.
            ("power_supply", 6_000_000 * WAN, Decimal("290000000.00")),
        ],
    )
    def test_worked_amounts(self, category: str, base: Decimal, amount: Decimal) -> None:
        """Each computed by hand from the rate tables in domain.md §5.2."""
        assert amount == safety_cost(category, base=base).amount

    def test_monthly_accrual_rounds_only_at_the_end(self) -> None:
        """Tiered levies are accrued in twelve equal parts, rounded to the fen."""
        cost = safety_cost("fireworks", base=Decimal(1_000_000))  # 4万 a year
        assert (Decimal("40000.00"), Decimal("3333.33")) == (cost.amount, cost.monthly)

    @pytest.mark.parametrize(
        "category",
        ["transport", "metallurgy", "civil_explosives", "oil_gas", "tailings_pond", "weapons"],
    )
    def test_unverified_categories_need_a_rate_table(self, category: str) -> None:
        """No guessing: the error says to pass a RateTable."""
        with pytest.raises(ValidationError, match="rate_table"):
            safety_cost(category, base=Decimal(1))

    def test_bad_input(self) -> None:
        """Unknown categories and negative or float bases."""
        for bad in ("steel", 5):
            with pytest.raises(ValidationError):
                safety_cost(bad, base=Decimal(1))  # type: ignore[arg-type]
        for base in (Decimal(-1), 1.5, Decimal("Infinity")):
            with pytest.raises(ValidationError):
                safety_cost("fireworks", base=base)  # type: ignore[arg-type]

    @given(
        st.sampled_from(
            [c for c, t in RATE_TABLES.items() if t.method is CostMethod.TIERED_REVENUE]
        ),
        st.integers(0, 10**12),
        st.integers(1, 10**9),
    )
    def test_tiered_is_continuous_non_decreasing_and_adds_up(
        self, category: CostCategory, revenue: int, step: int
    ) -> None:
        """More revenue never lowers the levy, a yuan more costs at most the top rate, and the tiers add up."""
        low = safety_cost(category, base=Decimal(revenue))
        high = safety_cost(category, base=Decimal(revenue + step))
        exact = sum(t.amount for t in low.breakdown)
        assert low.amount == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert sum(t.base_in_band for t in low.breakdown) == Decimal(revenue)
        assert low.amount <= high.amount
        top = max(t.rate for t in RATE_TABLES[category].tiers)
        assert high.amount - low.amount <= Decimal(step) * top + Decimal("0.01")


class TestRequirements:
    """安全生产法 and the rules under it."""

    @pytest.mark.parametrize(
        ("industry", "employees", "expected"),
        [
            (Industry.MACHINERY, 100, req.Staffing.FULL_OR_PART_TIME),  # 一百人以下 includes 100
            (Industry.MACHINERY, 101, req.Staffing.BODY_OR_FULL_TIME),  # 超过一百人
            (
                Industry.CONSTRUCTION,
                5,
                req.Staffing.BODY_OR_FULL_TIME,
            ),  # high-risk: whatever the size
            (Industry.HAZCHEM_TRADING, 3, req.Staffing.BODY_OR_FULL_TIME),
        ],
    )
    def test_staffing(self, industry: Industry, employees: int, expected: req.Staffing) -> None:
        """第二十四条 at the 100-employee boundary."""
        assert (
            expected == req.staffing_requirement(firm(industry=industry, employees=employees)).value
        )

    def test_registered_safety_engineer(self) -> None:
        """Producers and storers of dangerous goods, mines, smelters; not traders."""
        assert req.requires_registered_safety_engineer(
            firm(industry=Industry.HAZCHEM_STORAGE)
        ).value
        assert not req.requires_registered_safety_engineer(
            firm(industry=Industry.HAZCHEM_TRADING)
        ).value

    def test_liability_insurance_by_date(self) -> None:
        """The 2017 list, then the 2025 one; before 2017-12-12 there is no rule to apply."""
        boat = firm(industry=Industry.FISHERY)
        assert (
            "2017" in req.requires_liability_insurance(boat, as_of=date(2025, 3, 28)).basis.document
        )
        assert (
            "2025" in req.requires_liability_insurance(boat, as_of=date(2025, 3, 29)).basis.document
        )
        assert not req.requires_liability_insurance(firm(), as_of=date(2026, 1, 1)).value
        with pytest.raises(NoRuleInForceError):
            req.requires_liability_insurance(boat, as_of=date(2017, 1, 1))

    def test_safety_director(self) -> None:
        """新疆: 国有企业 and 规模以上 industry from 2022-12-31; not elsewhere; not before."""
        xinjiang = firm(region="650100", above_designated_size=True)
        assert req.requires_safety_director(xinjiang, as_of=date(2022, 12, 31)).value
        assert req.requires_safety_director(
            firm(region="650100", industry=Industry.COMMERCE, state_owned=True),
            as_of=date(2023, 1, 1),
        ).value
        assert not req.requires_safety_director(
            firm(region="650100", industry=Industry.COMMERCE, above_designated_size=True),
            as_of=date(2023, 1, 1),
        ).value
        assert not req.requires_safety_director(
            firm(above_designated_size=True), as_of=date(2023, 1, 1)
        ).value
        with pytest.raises(NoRuleInForceError):
            req.requires_safety_director(xinjiang, as_of=date(2022, 12, 30))

    @pytest.mark.parametrize(
        ("role", "industry", "kind", "hours"),
        [
            (Role.PRINCIPAL, Industry.MACHINERY, "initial", 32),
            (Role.SAFETY_MANAGER, Industry.MACHINERY, "annual", 12),
            (Role.PRINCIPAL, Industry.HAZCHEM_PRODUCTION, "initial", 48),
            (Role.SAFETY_MANAGER, Industry.METAL_SMELTING, "annual", 16),
            (Role.WORKER, Industry.MACHINERY, "initial", 24),
            (Role.WORKER, Industry.MACHINERY, "annual", 8),
            (Role.WORKER, Industry.COAL_MINE, "initial", 72),
            (Role.WORKER, Industry.FIREWORKS_PRODUCTION, "annual", 20),
            (Role.WORKER, Industry.CONSTRUCTION, "initial", 32),
            (Role.WORKER, Industry.CONSTRUCTION, "annual", 20),
        ],
    )
    def test_training_hours(self, role: Role, industry: Industry, kind: str, hours: int) -> None:
        """Order 3 第九条, 第十三条 and the 安委 2012 decision."""
        assert hours == req.training_hours(role, firm(industry=industry), kind=kind).value  # type: ignore[arg-type]

    def test_training_hours_bad_input(self) -> None:
        """Special operators and unknown kinds are errors."""
        with pytest.raises(ValidationError):
            req.training_hours(Role.SPECIAL_OPERATOR, firm())
        with pytest.raises(ValidationError):
            req.training_hours(Role.WORKER, firm(), kind="monthly")  # type: ignore[arg-type]

    def test_drills_and_evaluation(self) -> None:
        """应急条例 第八条 units drill half-yearly; others yearly; evaluation every 3 years for listed units."""
        assert (
            Frequency.HALF_YEARLY == req.drill_frequency(firm(industry=Industry.URBAN_RAIL)).value
        )
        assert Frequency.YEARLY == req.drill_frequency(firm()).value
        assert req.plan_evaluation_period(firm(industry=Industry.CONSTRUCTION)).value is not None
        assert req.plan_evaluation_period(firm()).value is None

    def test_fines(self) -> None:
        """第九十五条 rates and 第一百一十四条 ranges, ×2-×5 when egregious."""
        assert [Decimal("0.4"), Decimal("0.6"), Decimal("0.8"), Decimal("1.0")] == [
            req.principal_fine_rate(g).value
            for g in (
                AccidentGrade.GENERAL,
                AccidentGrade.LARGER,
                AccidentGrade.MAJOR,
                AccidentGrade.ESPECIALLY_MAJOR,
            )
        ]
        assert (Decimal(20_000_000), Decimal(100_000_000)) == req.unit_fine_range(
            AccidentGrade.ESPECIALLY_MAJOR, egregious=True
        ).value
        with pytest.raises(ValidationError):
            req.principal_fine_rate("major")  # type: ignore[arg-type]
