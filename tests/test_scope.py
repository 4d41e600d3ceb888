"""Where and when a duty binds: jurisdictions, effective spans, plans, versions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

from safetyduty import catalog
from safetyduty.errors import ValidationError
from safetyduty.models import (
    ALWAYS,
    Basis,
    Enterprise,
    Frequency,
    Industry,
    Jurisdiction,
    Obligation,
    Plan,
    PlanLevel,
    Record,
    RecordKind,
    Recurring,
    Span,
    Subject,
)
from safetyduty.rules.compliance import ComplianceStatus, evaluate

D = date
S = ComplianceStatus
EXAMPLE_PLAN = Path(__file__).parents[1] / "examples" / "plans" / "demo-park-2026.toml"


def works(region: str, **changes: object) -> Enterprise:
    base = Enterprise(
        uscc="914403001922038216",
        name="示例机械",
        industry=Industry.MACHINERY,
        region=region,
        employees=150,
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


def plans_of(report_rows: tuple[object, ...]) -> set[str | None]:
    return {getattr(r, "plan", None) for r in report_rows}


class TestDoneWhen:
    """The cases the issue names."""

    def test_a_shenzhen_firm_in_2026_gets_no_local_duty(self) -> None:
        report = catalog.evaluate(works("440307"), [], as_of=D(2026, 11, 30))
        assert {None} == plans_of(report.rows)
        assert not any(u.applied for u in report.plans)
        local = {"shanwei", "xinzhou", "xicha", "xinjiang"}
        assert not any(r.obligation.split(".")[0] in local for r in report.rows)

    def test_a_shanwei_firm_in_late_2020_gets_the_shanwei_duties_with_the_plan_named(self) -> None:
        report = catalog.evaluate(works("441502"), [], as_of=D(2020, 12, 31), since=D(2020, 7, 1))
        shanwei = [r for r in report.rows if r.obligation.startswith("shanwei.")]
        assert {"shanwei-2020"} == {r.plan for r in shanwei}
        monthly = [r for r in shanwei if r.obligation == "shanwei.principal.monthly_inspection"]
        assert [D(2020, m, 1) for m in range(7, 13)] == [r.start for r in monthly]
        assert "shanwei.principal.yearly_training" in {r.obligation for r in shanwei}
        [use] = [u for u in report.plans if u.plan == "shanwei-2020"]
        assert use.applied

    def test_the_same_firm_before_the_plan_began(self) -> None:
        report = catalog.evaluate(works("441502"), [], as_of=D(2020, 6, 30))
        assert not any(r.obligation.startswith("shanwei.") for r in report.rows)

    def test_a_xinjiang_state_firm_gets_the_xinjiang_duties_from_the_plan_data(self) -> None:
        firm = works("650102", state_owned=True)
        report = catalog.evaluate(firm, [], as_of=D(2023, 1, 5), since=D(2022, 1, 6))
        xinjiang = {r.obligation: r for r in report.rows if r.plan == "xinjiang-2020"}
        assert S.MISSED == xinjiang["xinjiang.safety_director.state_owned"].status
        assert D(2022, 12, 20) == xinjiang["xinjiang.report.final.state_enterprises"].due
        assert S.NOT_APPLICABLE == xinjiang["xinjiang.safety_director.above_size"].status

    def test_before_a_duty_took_effect_it_is_not_judged(self) -> None:
        """应急条例 第八条 (2019-04-01): a construction firm's half-yearly drills from 2019 H1."""
        site = works("440307", industry=Industry.CONSTRUCTION)
        early = catalog.evaluate(site, [], as_of=D(2019, 3, 31), since=D(2018, 4, 1))
        [row] = [r for r in early.rows if r.obligation == "emergency_plan.drill.high_risk"]
        assert S.NOT_APPLICABLE == row.status
        assert "2019-04-01" in row.reason
        later = catalog.evaluate(site, [], as_of=D(2019, 12, 31), since=D(2019, 1, 1))
        dues = [r.due for r in later.rows if r.obligation == "emergency_plan.drill.high_risk"]
        assert [D(2019, 6, 30), D(2019, 12, 31)] == dues


class TestJurisdictions:
    @pytest.mark.parametrize(
        ("regions", "region", "covered"),
        [
            (["650000"], "654300", True),  # 新疆 covers 阿勒泰地区
            (["650000"], "640100", False),  # not 宁夏
            (["441500"], "441581", True),  # 汕尾 covers 陆丰市
            (["441500"], "441600", False),  # not 河源
            (["441521"], "441500", False),  # a county does not cover its city
        ],
    )
    def test_regions(self, regions: list[str], region: str, covered: bool) -> None:
        assert covered == Jurisdiction(regions=regions).covers(region)

    def test_a_park_binds_only_those_who_declare_it(self) -> None:
        park = Jurisdiction(parks=["140900-xinzhou-edz"])
        assert not park.covers("140902")
        assert park.covers("140902", park="140900-xinzhou-edz")
        assert not park.covers("140902", park="140900-other")

    def test_a_park_lies_in_its_region(self) -> None:
        with pytest.raises(ValidationError, match="park"):
            works("441500", park="140900-xinzhou-edz")
        with pytest.raises(ValidationError, match="park"):
            works("140902", park="忻州经济开发区")

    def test_xinzhou_binds_the_park_from_its_issue_day(self) -> None:
        """忻开管发〔2020〕1号, 2020-02-24: 班组日查 from that day, in the park only."""
        member = works("140902", park="140900-xinzhou-edz")
        report = catalog.evaluate(member, [], as_of=D(2020, 3, 31), since=D(2020, 1, 1))
        [feb, mar] = [r for r in report.rows if r.obligation == "xinzhou.hazard_check.team_daily"]
        # 2020-02-24..28 are working days (no 调休 that week); March has 22
        assert (D(2020, 2, 1), 5, 22) == (feb.start, feb.required, mar.required)
        outsider = catalog.evaluate(works("140902"), [], as_of=D(2020, 3, 31), since=D(2020, 1, 1))
        assert not any(r.obligation.startswith("xinzhou.") for r in outsider.rows)


def one_duty_plan(start: date, *, lasting: str = "", effective: Span = ALWAYS) -> Plan:
    duty = Obligation(
        id="demo.monthly",
        title="每月至少检查一次",
        subject=Subject.ENTERPRISE,
        schedule=Recurring(frequency=Frequency.MONTHLY),
        evidence=RecordKind.HAZARD_CHECK_PLANT,
        basis=Basis(document="示例方案"),
        effective=effective,
        lasting=lasting,
    )
    return Plan(
        id="demo",
        title="示例方案",
        issuer="示例市",
        level=PlanLevel.CITY,
        region="440300",
        start=start,
        end=D(2020, 12, 31),
        basis=Basis(document="示例方案"),
        obligations=[duty],
    )


class TestSpans:
    def test_a_monthly_duty_from_the_15th_starts_with_that_month(self) -> None:
        """The period is judged when its due day lies in the span: July (due 07-31), on July's records."""
        plan = one_duty_plan(D(2020, 7, 15))
        check = Record(
            id="c",
            kind=RecordKind.HAZARD_CHECK_PLANT,
            on=D(2020, 7, 3),
            enterprise=works("440305").uscc,
        )
        report = evaluate(
            works("440305"), [check], as_of=D(2020, 9, 1), since=D(2020, 1, 1), plans=[plan]
        )
        rows = [(r.start, r.status) for r in report.rows if r.obligation == "demo.monthly"]
        assert [(D(2020, 7, 1), S.MET), (D(2020, 8, 1), S.MISSED), (D(2020, 9, 1), S.DUE)] == rows

    def test_a_duty_ends_with_its_plan(self) -> None:
        plan = one_duty_plan(D(2020, 7, 1))
        report = evaluate(
            works("440305"), [], as_of=D(2021, 3, 31), since=D(2020, 11, 1), plans=[plan]
        )
        assert [D(2020, 11, 30), D(2020, 12, 31)] == [
            r.due for r in report.rows if r.obligation == "demo.monthly"
        ]

    def test_a_lasting_duty_outlives_its_plan(self) -> None:
        plan = one_duty_plan(
            D(2020, 7, 1), lasting="建立长效机制", effective=Span(start=D(2020, 7, 1))
        )
        report = evaluate(
            works("440305"), [], as_of=D(2021, 3, 31), since=D(2021, 1, 1), plans=[plan]
        )
        assert 3 == sum(1 for r in report.rows if r.obligation == "demo.monthly")

    def test_a_duty_cannot_reach_outside_its_plan(self) -> None:
        with pytest.raises(ValidationError, match="effective"):
            one_duty_plan(D(2020, 7, 1), effective=Span(start=D(2020, 1, 1), end=D(2020, 12, 31)))
        wide = attrs.evolve(
            one_duty_plan(D(2020, 7, 1)).obligations[0],
            jurisdiction=Jurisdiction(regions=["440000"]),
        )
        with pytest.raises(ValidationError, match="jurisdiction"):
            attrs.evolve(one_duty_plan(D(2020, 7, 1)), obligations=[wide])


class TestALocalPlanIsOneDataFile:
    """Adding a province's or a park's plan is a data file, and no Python."""

    PLAN = catalog.load_plan(EXAMPLE_PLAN)

    def member(self, **changes: object) -> Enterprise:
        return works("440307", park="440307-demo", **changes)

    def test_it_binds_in_its_park(self) -> None:
        report = evaluate(
            self.member(), [], as_of=D(2026, 6, 30), since=D(2026, 1, 1), plans=[self.PLAN]
        )
        monthly = [r for r in report.rows if r.obligation == "demo.principal.monthly_check"]
        assert [D(2026, m, 1) for m in (3, 4, 5, 6)] == [r.start for r in monthly]
        quarterly = [r.due for r in report.rows if r.obligation == "demo.quarterly_report"]
        assert [D(2026, 4, 10), D(2026, 7, 10)] == quarterly

    def test_and_nowhere_else(self) -> None:
        for firm in (works("440307"), works("441502"), works("440305", park="440305-demo")):
            report = evaluate(firm, [], as_of=D(2026, 6, 30), plans=[self.PLAN])
            assert not any(r.obligation.startswith("demo.") for r in report.rows)
            assert [False] == [u.applied for u in report.plans]

    def test_its_lasting_duty_binds_after_the_plan(self) -> None:
        report = evaluate(
            self.member(), [], as_of=D(2027, 3, 31), since=D(2027, 1, 1), plans=[self.PLAN]
        )
        judged = [r for r in report.rows if r.status is not S.NOT_APPLICABLE]
        assert ["demo.dual_prevention"] == [r.obligation for r in judged if r.plan]

    def test_the_last_quarters_report_is_due_after_the_plan(self) -> None:
        """ "每季度结束后10日内": the fourth quarter of 2026 is reported by 2027-01-10."""
        report = evaluate(
            self.member(), [], as_of=D(2027, 1, 31), since=D(2026, 10, 1), plans=[self.PLAN]
        )
        dues = [r.due for r in report.rows if r.obligation == "demo.quarterly_report"]
        assert [D(2027, 1, 10)] == dues

    def test_its_own_source_is_cited_and_unverified(self) -> None:
        report = evaluate(self.member(), [], as_of=D(2026, 6, 30), plans=[self.PLAN])
        row = next(r for r in report.rows if r.obligation == "demo.principal.monthly_check")
        assert "示例工业园区2026年安全生产工作要点" == row.basis.document
        assert "示例工业园区2026年安全生产工作要点 二（一）" in row.explain()

    def test_a_bad_file_names_the_field(self, tmp_path: Path) -> None:
        bad = EXAMPLE_PLAN.read_text(encoding="utf-8").replace(
            'frequency = "monthly"', 'frequency = "fortnightly"'
        )
        path = tmp_path / "bad.toml"
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ValidationError, match=r"frequency"):
            catalog.load_plan(path)


class TestOneLanguage:
    """A reason comes in the reader's language."""

    def test_not_applicable_reasons_in_chinese_and_english(self) -> None:
        duty = catalog.obligation("shanwei.principal.monthly_inspection")
        report = evaluate(works("440305"), [], as_of=D(2020, 9, 30), obligations=[duty])
        [row] = report.rows
        assert "440305 is outside 汕尾市" == row.reason
        assert "440305不在汕尾市范围内" == row.reason_zh
        assert "不适用（440305不在汕尾市范围内）" in row.explain()
        assert "not applicable (440305 is outside 汕尾市)" in row.explain("en")

    def test_a_duty_not_yet_in_force(self) -> None:
        report = catalog.evaluate(works("440305"), [], as_of=D(2021, 8, 31))
        [row] = [r for r in report.rows if r.obligation == "standing.responsibility_system"]
        assert "2020-09-01至2021-08-31期间未施行（施行期间：2021-09-01起）" == row.reason_zh
