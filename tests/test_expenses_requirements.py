"""Safety-cost levies and the enterprise requirements, typed by hand from the texts."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty import law
from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.law import CostCategory, CostMethod
from safetyduty.models import AccidentGrade, Enterprise, Frequency, Industry, Role
from safetyduty.rules import requirements as req
from safetyduty.rules.expenses import safety_cost

TODAY = date(2026, 1, 1)
RATE_TABLES = {c: d.at(TODAY).value for c, d in law.rate_tables().items()}

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
        assert amount == safety_cost(category, base=base, as_of=TODAY).amount

    def test_the_2022_rates_from_their_first_day(self) -> None:
        """财资〔2022〕136号 applies from 2022-11-21; the 2012 rates before it are not built in."""
        with pytest.raises(NoRuleInForceError, match="2022-11-21"):
            safety_cost("fireworks", base=Decimal(1_000_000), as_of=date(2022, 11, 20))
        assert (
            Decimal("40000.00")
            == safety_cost("fireworks", base=Decimal(1_000_000), as_of=date(2022, 11, 21)).amount
        )

    def test_monthly_accrual_rounds_only_at_the_end(self) -> None:
        """Tiered levies are accrued in twelve equal parts, rounded to the fen."""
        cost = safety_cost("fireworks", base=Decimal(1_000_000), as_of=TODAY)  # 4万 a year
        assert (Decimal("40000.00"), Decimal("3333.33")) == (cost.amount, cost.monthly)

    @pytest.mark.parametrize(
        "category",
        ["transport", "metallurgy", "civil_explosives", "oil_gas", "tailings_pond", "weapons"],
    )
    def test_unverified_categories_need_a_rate_table(self, category: str) -> None:
        """No guessing: the error says to pass a RateTable."""
        with pytest.raises(ValidationError, match="rate_table"):
            safety_cost(category, base=Decimal(1), as_of=TODAY)

    def test_bad_input(self) -> None:
        """Unknown categories and negative or float bases."""
        for bad in ("steel", 5):
            with pytest.raises(ValidationError):
                safety_cost(bad, base=Decimal(1), as_of=TODAY)  # type: ignore[arg-type]
        for base in (Decimal(-1), 1.5, Decimal("Infinity")):
            with pytest.raises(ValidationError):
                safety_cost("fireworks", base=base, as_of=TODAY)  # type: ignore[arg-type]

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
        low = safety_cost(category, base=Decimal(revenue), as_of=TODAY)
        high = safety_cost(category, base=Decimal(revenue + step), as_of=TODAY)
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
            expected
            == req.staffing_requirement(
                firm(industry=industry, employees=employees), as_of=date(2026, 1, 1)
            ).value
        )

    @pytest.mark.parametrize(
        ("industry", "as_of", "high"),
        [
            (Industry.METAL_SMELTING, date(2014, 11, 30), False),  # 2002 第十九条: no 金属冶炼
            (Industry.METAL_SMELTING, date(2014, 12, 1), True),  # 2014 第二十一条
            (Industry.WATERWAY, date(2021, 8, 31), False),  # 2014: only 道路运输
            (Industry.WATERWAY, date(2021, 9, 1), True),  # 2021 第二十四条: 运输单位
        ],
    )
    def test_the_high_risk_list_by_version(
        self, industry: Industry, as_of: date, high: bool
    ) -> None:
        """The 第二十四条 list grew: 金属冶炼 and 道路运输 in 2014, all 运输 in 2021."""
        assert high == req.is_high_risk(firm(industry=industry), as_of=as_of).value

    def test_a_smelting_metallurgy_works_is_a_metal_smelter(self) -> None:
        """A 冶金 or 有色 enterprise that smelts gets the law's 金属冶炼 duties."""
        steel = firm(industry=Industry.METALLURGY, smelting=True)
        rolling = firm(industry=Industry.METALLURGY)
        assert req.is_high_risk(steel, as_of=date(2026, 1, 1)).value
        assert not req.is_high_risk(rolling, as_of=date(2026, 1, 1)).value
        assert req.requires_registered_safety_engineer(steel, as_of=date(2026, 1, 1)).value
        assert 48 == req.training_hours(Role.PRINCIPAL, steel, as_of=date(2026, 1, 1)).value
        with pytest.raises(ValidationError, match="smelting"):
            firm(industry=Industry.MACHINERY, smelting=True)

    def test_registered_safety_engineer(self) -> None:
        """Producers and storers of dangerous goods, mines, smelters; not traders."""
        assert req.requires_registered_safety_engineer(
            firm(industry=Industry.HAZCHEM_STORAGE), as_of=date(2026, 1, 1)
        ).value
        assert not req.requires_registered_safety_engineer(
            firm(industry=Industry.HAZCHEM_TRADING), as_of=date(2026, 1, 1)
        ).value
        with pytest.raises(NoRuleInForceError, match="2014-12-01"):
            req.requires_registered_safety_engineer(firm(), as_of=date(2014, 11, 30))

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
        assert (
            hours
            == req.training_hours(
                role, firm(industry=industry), kind=kind, as_of=date(2026, 1, 1)
            ).value
        )  # type: ignore[arg-type]

    def test_yearly_hours_of_other_workers_before_the_2012_decision(self) -> None:
        """Order 3 sets no yearly hours for workers of other units; the 安委 decision does, from 2013."""
        with pytest.raises(NoRuleInForceError):
            req.training_hours(Role.WORKER, firm(), kind="annual", as_of=date(2012, 12, 31))
        assert (
            8
            == req.training_hours(Role.WORKER, firm(), kind="annual", as_of=date(2013, 1, 1)).value
        )

    def test_training_hours_bad_input(self) -> None:
        """Special operators and unknown kinds are errors."""
        with pytest.raises(ValidationError):
            req.training_hours(Role.SPECIAL_OPERATOR, firm(), as_of=date(2026, 1, 1))
        with pytest.raises(ValidationError):
            req.training_hours(Role.WORKER, firm(), kind="monthly", as_of=date(2026, 1, 1))  # type: ignore[arg-type]

    def test_drills_and_evaluation(self) -> None:
        """应急条例 第八条 units drill half-yearly; others yearly; evaluation every 3 years for listed units."""
        assert (
            Frequency.HALF_YEARLY
            == req.drill_frequency(firm(industry=Industry.URBAN_RAIL), as_of=date(2026, 1, 1)).value
        )
        assert Frequency.YEARLY == req.drill_frequency(firm(), as_of=date(2026, 1, 1)).value
        assert (
            req.plan_evaluation_period(
                firm(industry=Industry.CONSTRUCTION), as_of=date(2026, 1, 1)
            ).value
            is not None
        )
        assert req.plan_evaluation_period(firm(employees=150), as_of=date(2026, 1, 1)).value is None

    @pytest.mark.parametrize(
        ("industry", "employees", "revenue", "evaluated"),
        [
            (Industry.MACHINERY, 2000, 500_000_000, True),  # 大型 工业
            (Industry.MACHINERY, 300, 20_000_000, True),  # 中型: both lower bounds met
            (Industry.MACHINERY, 300, 19_999_999, False),  # revenue short: 小型
            (Industry.MACHINERY, 299, 20_000_000, False),  # head count short: 小型
            (Industry.HAZCHEM_STORAGE, 100, 10_000_000, True),  # 仓储业 中型 from 100 people
        ],
    )
    def test_medium_size_or_larger_evaluates_every_three_years(
        self, industry: Industry, employees: int, revenue: int, evaluated: bool
    ) -> None:
        """第三十五条 "中型规模以上的其他生产经营单位", read by 国统字〔2017〕213号 (both bounds)."""
        unit = firm(industry=industry, employees=employees, annual_revenue=Decimal(revenue))
        listed = industry is Industry.HAZCHEM_STORAGE
        assert (evaluated or listed) == (
            req.plan_evaluation_period(unit, as_of=date(2026, 1, 1)).value is not None
        )

    def test_removed_sectors_of_article_35(self) -> None:
        """城市轨道交通, 人员密集场所 and 道路危险货物运输 are not named by 第三十五条."""
        for industry in (Industry.URBAN_RAIL, Industry.CROWDED_PLACES, Industry.ROAD_HAZMAT):
            small = firm(industry=industry, employees=10, annual_revenue=Decimal(1_000_000))
            assert req.plan_evaluation_period(small, as_of=date(2026, 1, 1)).value is None

    def test_fines(self) -> None:
        """第九十五条 rates and 第一百一十四条 ranges, ×2-×5 when egregious."""
        assert [Decimal("0.4"), Decimal("0.6"), Decimal("0.8"), Decimal("1.0")] == [
            req.principal_fine_rate(g, as_of=date(2026, 1, 1)).value
            for g in (
                AccidentGrade.GENERAL,
                AccidentGrade.LARGER,
                AccidentGrade.MAJOR,
                AccidentGrade.ESPECIALLY_MAJOR,
            )
        ]
        assert (Decimal(20_000_000), Decimal(100_000_000)) == req.unit_fine_range(
            AccidentGrade.ESPECIALLY_MAJOR, egregious=True, as_of=date(2026, 1, 1)
        ).value
        with pytest.raises(ValidationError):
            req.principal_fine_rate("major", as_of=date(2026, 1, 1))  # type: ignore[arg-type]

    def test_fines_follow_the_law_in_force(self) -> None:
        """2014 第九十二条 30/40/60/80% until 2021-08-31; 2021 第九十五条 40/60/80/100% from 2021-09-01."""
        assert (
            Decimal("0.3")
            == req.principal_fine_rate(AccidentGrade.GENERAL, as_of=date(2021, 8, 31)).value
        )
        assert (
            Decimal("0.4")
            == req.principal_fine_rate(AccidentGrade.GENERAL, as_of=date(2021, 9, 1)).value
        )
        with pytest.raises(NoRuleInForceError, match="2021-09-01"):
            req.unit_fine_range(AccidentGrade.GENERAL, as_of=date(2021, 8, 31))
