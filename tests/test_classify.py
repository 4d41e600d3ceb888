"""Classification at every boundary of the tables, typed by hand from the texts."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal, Inexact, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.models import Accident, AccidentGrade, Subject
from safetyduty.rules.classify import (
    BetaCategory,
    LecBands,
    MajorHazardGrade,
    MatrixBands,
    RiskLevel,
    Substance,
    accident_grade,
    classify_accident,
    is_major_hazard_source,
    major_hazard_alpha,
    major_hazard_grade,
    major_hazard_r,
    risk_level_lec,
    risk_level_matrix,
)

G = AccidentGrade
WAN = Decimal(10_000)


def grade(deaths: int = 0, injuries: int = 0, loss: Decimal = Decimal(0)) -> AccidentGrade:
    """Shorthand."""
    return accident_grade(deaths=deaths, serious_injuries=injuries, direct_loss=loss)


class TestAccidentGrade:
    """条例 第三条: 以上 includes the number, 以下 excludes it; any criterion suffices."""

    @pytest.mark.parametrize(
        ("deaths", "expected"),
        [
            (0, G.GENERAL),
            (2, G.GENERAL),
            (3, G.LARGER),
            (9, G.LARGER),
            (10, G.MAJOR),
            (29, G.MAJOR),
            (30, G.ESPECIALLY_MAJOR),
        ],
    )
    def test_deaths(self, deaths: int, expected: AccidentGrade) -> None:
        """3 deaths is 较大, 10 重大, 30 特别重大."""
        assert expected == grade(deaths=deaths)

    @pytest.mark.parametrize(
        ("injuries", "expected"),
        [
            (9, G.GENERAL),
            (10, G.LARGER),
            (49, G.LARGER),
            (50, G.MAJOR),
            (99, G.MAJOR),
            (100, G.ESPECIALLY_MAJOR),
        ],
    )
    def test_serious_injuries(self, injuries: int, expected: AccidentGrade) -> None:
        """10 serious injuries is 较大, 50 重大, 100 特别重大."""
        assert expected == grade(injuries=injuries)

    @pytest.mark.parametrize(
        ("loss", "expected"),
        [
            (Decimal("9999999.99"), G.GENERAL),
            (1_000 * WAN, G.LARGER),
            (Decimal("49999999.99"), G.LARGER),
            (5_000 * WAN, G.MAJOR),
            (Decimal("99999999.99"), G.MAJOR),
            (10_000 * WAN, G.ESPECIALLY_MAJOR),
        ],
    )
    def test_direct_loss(self, loss: Decimal, expected: AccidentGrade) -> None:
        """Exactly 1000万 is 较大, 5000万 重大, 1亿 特别重大."""
        assert expected == grade(loss=loss)

    def test_highest_criterion_wins(self) -> None:
        """2 deaths but 60 serious injuries: 重大."""
        assert G.MAJOR == grade(deaths=2, injuries=60)

    @given(st.integers(0, 40), st.integers(0, 120), st.integers(0, 120), st.integers(0, 11_000))
    def test_monotonic(self, deaths: int, injuries: int, extra: int, loss_wan: int) -> None:
        """More casualties or loss never lowers the grade."""
        order = [G.GENERAL, G.LARGER, G.MAJOR, G.ESPECIALLY_MAJOR]
        base = order.index(grade(deaths, injuries, loss_wan * WAN))
        assert order.index(grade(deaths + 1, injuries, loss_wan * WAN)) >= base
        assert order.index(grade(deaths, injuries + extra, loss_wan * WAN)) >= base
        assert order.index(grade(deaths, injuries, (loss_wan + extra) * WAN)) >= base

    @pytest.mark.parametrize(
        "bad", [{"deaths": -1}, {"deaths": 1.0}, {"serious_injuries": True}, {"direct_loss": 1000}]
    )
    def test_bad_input(self, bad: dict[str, object]) -> None:
        """Negative, float or bool counts and non-Decimal money are rejected."""
        fields: dict[str, object] = {
            "deaths": 0,
            "serious_injuries": 0,
            "direct_loss": Decimal(0),
            **bad,
        }
        with pytest.raises(ValidationError):
            accident_grade(**fields)  # type: ignore[arg-type]


def test_reporting_and_investigation_levels() -> None:
    """第十条 and 第十九条, by grade."""
    from datetime import datetime, timezone  # noqa: PLC0415

    from safetyduty.models import Accident  # noqa: PLC0415
    from safetyduty.rules.classify import classify_accident  # noqa: PLC0415

    def accident(deaths: int) -> Accident:
        return Accident(
            id="a", enterprise="914403001922038216", occurred_at=datetime(2026, 1, 5, 8, tzinfo=timezone.utc),
            deaths=deaths, serious_injuries=0, direct_loss=Decimal(0),
        )  # fmt: skip

    seen = [
        (c.grade, c.report_to, c.investigated_by)
        for c in (classify_accident(accident(n)) for n in (0, 3, 10, 30))
    ]
    assert [
        (G.GENERAL, Subject.REGULATOR_CITY, Subject.REGULATOR_COUNTY),
        (G.LARGER, Subject.REGULATOR_PROVINCE, Subject.REGULATOR_CITY),
        (G.MAJOR, Subject.REGULATOR_NATIONAL, Subject.REGULATOR_PROVINCE),
        (G.ESPECIALLY_MAJOR, Subject.REGULATOR_NATIONAL, Subject.REGULATOR_NATIONAL),
    ] == seen


class TestAccidentGradeInTime:
    """The 条例 grades accidents from 2007-06-01 (its effective day), read from the law's data."""

    @staticmethod
    def accident(at: datetime) -> Accident:
        return Accident(
            id="a", enterprise="914403001922038216", occurred_at=at, deaths=3,
            serious_injuries=0, direct_loss=Decimal(0),
        )  # fmt: skip

    def test_the_first_day_is_judged_in_china_time(self) -> None:
        """2007-05-31 17:00 UTC is 2007-06-01 01:00 in China: graded, and citing the 条例."""
        c = classify_accident(self.accident(datetime(2007, 5, 31, 17, tzinfo=timezone.utc)))
        assert (G.LARGER, "accident-regulation-2007", "第三条") == (
            c.grade,
            c.basis[0].source,
            c.basis[0].article,
        )
        assert {"accident-regulation-2007"} == {b.source for b in c.basis}

    def test_before_the_regulation_no_grade(self) -> None:
        """2007-05-31 15:00 UTC is 23:00 in China, the day before: no rule in force."""
        with pytest.raises(NoRuleInForceError, match="2007-06-01"):
            classify_accident(self.accident(datetime(2007, 5, 31, 15, tzinfo=timezone.utc)))
        with pytest.raises(NoRuleInForceError, match=r"accident\.grades"):
            accident_grade(
                deaths=3, serious_injuries=0, direct_loss=Decimal(0), as_of=date(2007, 5, 31)
            )

    def test_bad_day(self) -> None:
        with pytest.raises(ValidationError, match="as_of"):
            accident_grade(deaths=3, serious_injuries=0, direct_loss=Decimal(0), as_of="2026-01-01")  # type: ignore[arg-type]


class TestRiskLevels:
    """LEC and matrix bands; defaults from decision 5, replaceable."""

    @pytest.mark.parametrize(
        ("l", "e", "c", "expected"),
        [
            ("1", "10", "7", RiskLevel.LOW),  # D = 70: the bound belongs to the lower level
            ("3", "2", "15", RiskLevel.GENERAL),  # D = 90
            ("3", "6", "7", RiskLevel.GENERAL),  # D = 126
            ("3", "6", "15", RiskLevel.LARGER),  # D = 270
            ("6", "6", "15", RiskLevel.MAJOR),  # D = 540
            ("0.1", "0.5", "1", RiskLevel.LOW),  # D = 0.05
        ],
    )
    def test_lec_defaults(self, l: str, e: str, c: str, expected: RiskLevel) -> None:
        """D > 320 重大, 160 < D ≤ 320 较大, 70 < D ≤ 160 一般, D ≤ 70 低."""
        assert expected == risk_level_lec(Decimal(l), Decimal(e), Decimal(c))

    def test_lec_bound_exactly(self) -> None:
        """With a bound at 270, D = 270 is still 较大 (a bound belongs to the lower level)."""
        bands = LecBands(major_above=Decimal(270))
        assert RiskLevel.LARGER == risk_level_lec(Decimal(3), Decimal(6), Decimal(15), bands=bands)

    @pytest.mark.parametrize(
        ("factor", "value"), [("l", "4"), ("e", "7"), ("c", "50"), ("l", "-1")]
    )
    def test_lec_scales(self, factor: str, value: str) -> None:
        """A factor off its scale is rejected, naming the factor."""
        args = {"l": Decimal(3), "e": Decimal(6), "c": Decimal(15), factor: Decimal(value)}
        with pytest.raises(ValidationError) as info:
            risk_level_lec(**args)
        assert factor == info.value.field

    @pytest.mark.parametrize(
        ("r", "expected"),
        [(1, RiskLevel.LOW), (3, RiskLevel.LOW), (4, RiskLevel.GENERAL), (9, RiskLevel.GENERAL),
         (10, RiskLevel.LARGER), (16, RiskLevel.LARGER), (20, RiskLevel.MAJOR), (25, RiskLevel.MAJOR)],
    )  # fmt: skip
    def test_matrix_defaults(self, r: int, expected: RiskLevel) -> None:
        """1-3 低, 4-9 一般, 10-16 较大, 20-25 重大."""
        pairs = [(a, b) for a in range(1, 6) for b in range(1, 6) if a * b == r]
        assert all(expected == risk_level_matrix(a, b) for a, b in pairs)

    def test_matrix_provincial_variant(self) -> None:
        """The Shandong-style bands: 1-8 blue, 9-12 yellow, 15-16 orange, 20-25 red."""
        bands = MatrixBands(major_from=20, larger_from=15, general_from=9)
        assert [RiskLevel.LOW, RiskLevel.GENERAL, RiskLevel.GENERAL, RiskLevel.LARGER] == [
            risk_level_matrix(2, 4, bands=bands),
            risk_level_matrix(3, 3, bands=bands),
            risk_level_matrix(3, 4, bands=bands),
            risk_level_matrix(3, 5, bands=bands),
        ]

    def test_bands_must_descend(self) -> None:
        """Crossed bands are rejected."""
        with pytest.raises(ValidationError):
            LecBands(major_above=Decimal(100), larger_above=Decimal(160))
        with pytest.raises(ValidationError):
            MatrixBands(major_from=10, larger_from=12)

    @given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
    def test_matrix_monotonic(self, a: int, b: int, c: int) -> None:
        """A higher likelihood never lowers the level."""
        order = [RiskLevel.LOW, RiskLevel.GENERAL, RiskLevel.LARGER, RiskLevel.MAJOR]
        low, high = sorted((a, c))
        assert order.index(risk_level_matrix(low, b)) <= order.index(risk_level_matrix(high, b))

    def test_colours(self) -> None:
        """红、橙、黄、蓝."""
        assert ["red", "orange", "yellow", "blue"] == [level.colour for level in RiskLevel]


class TestMajorHazards:
    """Order 40 附件1: α, β, R and the grade."""

    @pytest.mark.parametrize(
        ("people", "alpha"),
        [
            (0, "0.5"),
            (1, "1.0"),
            (29, "1.0"),
            (30, "1.2"),
            (49, "1.2"),
            (50, "1.5"),
            (99, "1.5"),
            (100, "2.0"),
        ],
    )
    def test_alpha(self, people: int, alpha: str) -> None:
        """The α table at each edge."""
        assert Decimal(alpha) == major_hazard_alpha(people)

    @pytest.mark.parametrize(
        ("r", "expected"),
        [("100", MajorHazardGrade.LEVEL_1), ("99.99", MajorHazardGrade.LEVEL_2), ("50", MajorHazardGrade.LEVEL_2),
         ("49.99", MajorHazardGrade.LEVEL_3), ("10", MajorHazardGrade.LEVEL_3), ("9.99", MajorHazardGrade.LEVEL_4)],
    )  # fmt: skip
    def test_grade(self, r: str, expected: MajorHazardGrade) -> None:
        """一级 R ≥ 100, 二级 50 ≤ R < 100 (R exactly 50 is 二级), 三级 10 ≤ R < 50, 四级 R < 10."""
        assert expected == major_hazard_grade(Decimal(r))

    def test_r_with_named_gases_and_categories(self) -> None:
        """α(120 people) = 2; 硫化氢 β 5, 10 t of Q 5 t; a flammable gas β 1.5, 30 t of Q 10 t."""
        substances = [
            Substance(name="硫化氢", quantity=Decimal(10), critical_quantity=Decimal(5)),
            Substance(
                name="液化石油气",
                quantity=Decimal(30),
                critical_quantity=Decimal(10),
                category=BetaCategory.FLAMMABLE_GAS,
            ),
        ]
        # 2 × (5 × 2 + 1.5 × 3) = 2 × 14.5 = 29
        assert Decimal(29) == major_hazard_r(substances, offsite_population=120)

    def test_identification_threshold(self) -> None:
        """Σ q/Q exactly 1 is a 重大危险源 (等于或者超过临界量); just under is not."""
        at = [Substance(name="甲醇", quantity=Decimal(500), critical_quantity=Decimal(500))]
        under = [Substance(name="甲醇", quantity=Decimal("499.9"), critical_quantity=Decimal(500))]
        assert is_major_hazard_source(at)
        assert not is_major_hazard_source(under)

    def test_bad_substances(self) -> None:
        """Empty lists and zero critical quantities are rejected."""
        with pytest.raises(ValidationError):
            is_major_hazard_source([])
        with pytest.raises(ValidationError):
            Substance(name="x", quantity=Decimal(1), critical_quantity=Decimal(0))


class TestExactMajorHazards:
    """Σ q/Q and R are exact, whatever the caller's decimal context."""

    THIRD = Substance(name="甲醇", quantity=Decimal(1), critical_quantity=Decimal(3))
    TEN_THIRDS = Substance(name="甲醇", quantity=Decimal(10), critical_quantity=Decimal(3))

    def test_three_thirds_are_exactly_the_threshold(self) -> None:
        """1/3 + 1/3 + 1/3 = 1: "等于或者超过临界量" counts."""
        assert is_major_hazard_source([self.THIRD] * 3)
        assert not is_major_hazard_source([self.THIRD] * 2)

    def test_r_exactly_ten_is_level_3(self) -> None:
        """α 1.0 × 3 × 10/3 = 10 exactly: 三级, not 四级."""
        r = major_hazard_r([self.TEN_THIRDS] * 3, offsite_population=1)
        assert Decimal(10) == r
        assert MajorHazardGrade.LEVEL_3 == major_hazard_grade(r)

    def test_a_value_just_under_a_bound_never_reaches_it(self) -> None:
        """10/3 (α 1.0) is cut, not rounded up: graded 四级."""
        r = major_hazard_r([self.TEN_THIRDS], offsite_population=1)
        assert r < Decimal(10 / 3 + 1e-9)
        assert Decimal("3.333333333333333333333333333") == r

    @pytest.mark.parametrize("prec", [1, 3, 5, 28, 100])
    def test_independent_of_the_callers_context(self, prec: int) -> None:
        """A caller's precision or exponent limits change nothing."""
        with localcontext() as ctx:
            ctx.prec = prec
            ctx.Emax = 3
            ctx.traps[Inexact] = True
            assert is_major_hazard_source([self.THIRD] * 3)
            assert Decimal(10) == major_hazard_r([self.TEN_THIRDS] * 3, offsite_population=1)
            assert RiskLevel.MAJOR == risk_level_lec(Decimal(10), Decimal(10), Decimal(100))

    def test_beta_of_ordinary_chemicals_and_carbon_monoxide(self) -> None:
        """Other hazardous chemicals β = 1; 一氧化碳 β = 2; explosives 2; unlisted highly toxic 4."""

        def r(name: str, category: BetaCategory = BetaCategory.OTHER) -> Decimal:
            one = Substance(
                name=name, quantity=Decimal(1), critical_quantity=Decimal(1), category=category
            )
            return major_hazard_r([one], offsite_population=1)

        assert Decimal(1) == r("甲醇")
        assert Decimal(2) == r("一氧化碳")
        assert Decimal(2) == r("某炸药", BetaCategory.EXPLOSIVE)
        assert Decimal(2) == r("某有毒气体", BetaCategory.TOXIC_GAS_UNLISTED)
        assert Decimal(4) == r("某剧毒气体", BetaCategory.HIGHLY_TOXIC_GAS_UNLISTED)
        assert Decimal(20) == r("碳酰氯")

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("quantity", Decimal("1e13")),
            ("quantity", Decimal(-1)),
            ("critical_quantity", Decimal("1e-7")),
            ("critical_quantity", Decimal("1e999999")),
            ("quantity", Decimal("1." + "1" * 60)),
        ],
    )
    def test_out_of_range_quantities_are_rejected(self, field: str, value: Decimal) -> None:
        """Tonnages beyond 10¹², critical quantities under 10⁻⁶ or over 50 digits: ValidationError."""
        kwargs = {
            "name": "x",
            "quantity": Decimal(1),
            "critical_quantity": Decimal(1),
            field: value,
        }
        with pytest.raises(ValidationError, match=field):
            Substance(**kwargs)  # type: ignore[arg-type]

    def test_largest_inputs_compute(self) -> None:
        """10¹² t of Q 10⁻⁶ t, β 20, α 2: R = 4 × 10¹⁹, exactly (no decimal.Overflow)."""
        big = Substance(name="碳酰氯", quantity=Decimal("1e12"), critical_quantity=Decimal("1e-6"))
        assert Decimal("4E+19") == major_hazard_r([big], offsite_population=100)


class TestTablesAsTyped:
    """Every entry of the tables, typed from domain.md §9 (Order 40 附件1; decision 5)."""

    @pytest.mark.parametrize(
        ("gas", "beta"),
        [("一氧化碳", 2), ("二氧化硫", 2), ("氨", 2), ("环氧乙烷", 2), ("氯化氢", 3), ("溴甲烷", 3),
         ("氯", 4), ("硫化氢", 5), ("氟化氢", 5), ("二氧化氮", 10), ("氰化氢", 10), ("碳酰氯", 20),
         ("磷化氢", 20), ("异氰酸甲酯", 20)],
    )  # fmt: skip
    def test_beta_of_each_named_toxic_gas(self, gas: str, beta: int) -> None:
        """β of the 附件1 table: R of q = Q at α 1.0 is β itself."""
        one = Substance(name=gas, quantity=Decimal(7), critical_quantity=Decimal(7))
        assert Decimal(beta) == one.beta
        assert Decimal(beta) == major_hazard_r([one], offsite_population=1)

    @pytest.mark.parametrize(
        ("category", "beta"),
        [(BetaCategory.EXPLOSIVE, "2"), (BetaCategory.FLAMMABLE_GAS, "1.5"),
         (BetaCategory.TOXIC_GAS_UNLISTED, "2"), (BetaCategory.HIGHLY_TOXIC_GAS_UNLISTED, "4"),
         (BetaCategory.OTHER, "1")],
    )  # fmt: skip
    def test_beta_of_each_category(self, category: BetaCategory, beta: str) -> None:
        """β by category for names the table does not list."""
        one = Substance(
            name="未列名物质", quantity=Decimal(1), critical_quantity=Decimal(1), category=category
        )
        assert Decimal(beta) == one.beta

    def test_default_lec_bands(self) -> None:
        """Decision 5: D > 320 重大, 160 < D ≤ 320 较大, 70 < D ≤ 160 一般, D ≤ 70 低."""
        bands = LecBands()
        assert (Decimal(320), Decimal(160), Decimal(70)) == (
            bands.major_above,
            bands.larger_above,
            bands.general_above,
        )

    @pytest.mark.parametrize(
        ("l", "e", "c", "expected"),
        [("1", "10", "7", RiskLevel.LOW), ("3", "3", "7", RiskLevel.LOW),  # 70, 63
         ("6", "6", "3", RiskLevel.GENERAL), ("1", "10", "15", RiskLevel.GENERAL),  # 108, 150
         ("10", "6", "3", RiskLevel.LARGER), ("10", "2", "15", RiskLevel.LARGER),  # 180, 300
         ("10", "10", "7", RiskLevel.MAJOR), ("3", "6", "40", RiskLevel.MAJOR)],  # 700, 720
    )  # fmt: skip
    def test_lec_levels_between_bounds(self, l: str, e: str, c: str, expected: RiskLevel) -> None:
        """Scores inside each band."""
        assert expected == risk_level_lec(Decimal(l), Decimal(e), Decimal(c))

    def test_lec_bands_must_descend_strictly(self) -> None:
        """Equal bounds are rejected, as are non-finite ones."""
        with pytest.raises(ValidationError):
            LecBands(major_above=Decimal(160), larger_above=Decimal(160))
        with pytest.raises(ValidationError):
            LecBands(larger_above=Decimal(70), general_above=Decimal(70))
        with pytest.raises(ValidationError):
            LecBands(major_above=Decimal("Infinity"))
        assert (
            Decimal(71)
            == LecBands(larger_above=Decimal(72), general_above=Decimal(71)).general_above
        )

    @pytest.mark.parametrize(
        "values",
        [(25, 24, 2), (20, 10, 4)],
    )
    def test_matrix_bands_extremes_accepted(self, values: tuple[int, int, int]) -> None:
        """Bounds may run from 25 down to 2."""
        MatrixBands(major_from=values[0], larger_from=values[1], general_from=values[2])

    @pytest.mark.parametrize(
        "values",
        [(26, 10, 4), (20, 10, 1), (20, 20, 4), (20, 10, 10), (20, True, 4), (20, 10, 4.0)],
    )
    def test_matrix_bands_rejected(self, values: tuple[object, object, object]) -> None:
        """Above 25, below 2, not strictly descending, or not ints: rejected."""
        with pytest.raises(ValidationError):
            MatrixBands(major_from=values[0], larger_from=values[1], general_from=values[2])  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [0, 6, True, 2.0])
    def test_matrix_inputs_in_1_to_5(self, bad: object) -> None:
        """Likelihood and severity are ints 1..5."""
        with pytest.raises(ValidationError):
            risk_level_matrix(bad, 1)  # type: ignore[arg-type]
        with pytest.raises(ValidationError):
            risk_level_matrix(1, bad)  # type: ignore[arg-type]
        assert RiskLevel.MAJOR == risk_level_matrix(5, 5)
        assert RiskLevel.LOW == risk_level_matrix(1, 1)


class TestExactEdges:
    """Where exactness, bounds and reasons meet the texts."""

    @pytest.mark.parametrize(
        ("q", "big_q", "r"),
        [("1", "8", "0.125"), ("1", "5", "0.2"), ("3", "40", "0.075"), ("7", "2", "3.5"),
         ("1", "6", "0.1666666666666666666666666666"), ("2", "3", "0.6666666666666666666666666666")],
    )  # fmt: skip
    def test_r_is_exact_or_cut(self, q: str, big_q: str, r: str) -> None:
        """R of one ordinary chemical (β 1) at α 1.0 is q/Q: exact when it ends, else cut at 28 digits."""
        one = Substance(name="甲醇", quantity=Decimal(q), critical_quantity=Decimal(big_q))
        assert Decimal(r) == major_hazard_r([one], offsite_population=5)
        assert r == str(major_hazard_r([one], offsite_population=5))

    def test_identification_ignores_beta(self) -> None:
        """Σ q/Q (安全生产法 第一百一十七条) has no β: chlorine at half its Q is not a 重大危险源."""
        chlorine = Substance(name="氯", quantity=Decimal(5), critical_quantity=Decimal(10))
        assert not is_major_hazard_source([chlorine])
        assert Decimal(2) == major_hazard_r([chlorine], offsite_population=1)  # β 4 × 0.5

    def test_a_custom_band_bound_belongs_to_the_lower_level(self) -> None:
        """With 较大 above 180, D = 10 × 6 × 3 = 180 is 一般."""
        bands = LecBands(
            major_above=Decimal(320), larger_above=Decimal(180), general_above=Decimal(70)
        )
        assert RiskLevel.GENERAL == risk_level_lec(Decimal(10), Decimal(6), Decimal(3), bands=bands)
        assert RiskLevel.LARGER == risk_level_lec(Decimal(10), Decimal(10), Decimal(3), bands=bands)

    def test_quantity_bounds(self) -> None:
        """q may be 0 or 0.5 t; 50 significant digits are accepted, 51 are not."""
        for q in ("0", "0.5", "1." + "0" * 49):
            Substance(name="x", quantity=Decimal(q), critical_quantity=Decimal(1))
        with pytest.raises(ValidationError, match="quantity"):
            Substance(name="x", quantity=Decimal("1." + "0" * 50), critical_quantity=Decimal(1))
        with pytest.raises(ValidationError, match="quantity"):
            Substance(name="x", quantity=Decimal("-0.000001"), critical_quantity=Decimal(1))

    def test_reasons_at_each_threshold(self) -> None:
        """第三条 "以上" includes the number: exactly 10 serious injuries or 1000万 of loss are 较大, and say so."""

        def reasons(injuries: int, loss: int) -> tuple[str, ...]:
            accident = Accident(
                id="a", enterprise="914403001922038216",
                occurred_at=datetime(2026, 3, 1, 9, tzinfo=timezone.utc),
                deaths=0, serious_injuries=injuries, direct_loss=Decimal(loss),
            )  # fmt: skip
            return classify_accident(accident).reasons

        assert ("serious injuries 10 >= 10",) == reasons(10, 0)
        assert ("direct loss 10000000 >= 10000000",) == reasons(0, 10_000_000)
        below = "deaths < 3, serious injuries < 10, loss < 10000000"  # 第三条's 较大 lower bounds
        assert (f"below every 较大 threshold ({below})",) == reasons(9, 9_999_999)

    @pytest.mark.parametrize("big_q", ["1", "2", "5", "0.4", "12.5"])
    def test_long_terminating_values_are_not_cut(self, big_q: str) -> None:
        """A q of 31 digits over a Q of only 2s and 5s ends: R keeps every digit, beyond 28."""
        q = Decimal("0.1234567890123456789012345678901")
        one = Substance(name="甲醇", quantity=q, critical_quantity=Decimal(big_q))
        with localcontext() as wide:
            wide.prec = 100
            exact = q / Decimal(big_q)
        assert exact == major_hazard_r([one], offsite_population=5)
        assert len(major_hazard_r([one], offsite_population=5).as_tuple().digits) > 28
