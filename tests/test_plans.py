"""The seed plans as data, checked against the seed texts (shared/seeds/000-004).

Every date, count and boundary here is typed from the text, not read from
the data: "2021年底前" is 2021-12-31, "8月中旬" 2020-08-20, "不低于75%" is met
at 75%. Clauses are named as on the plan pages (docs/plans).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from safetyduty import catalog
from safetyduty.models import (
    Authority,
    Enterprise,
    EventKind,
    HazardFlag,
    Industry,
    OneOff,
    Record,
    RecordKind,
    Recurring,
    Standardization,
    StandardizationLevel,
    Standing,
    Subject,
    Target,
    TargetKind,
    TargetMeasure,
    Triggered,
)
from safetyduty.rules.compliance import ComplianceReport, ComplianceStatus
from safetyduty.rules.targets import Observation, TargetState, evaluate_target

D = date
S = ComplianceStatus
FIRM = "914403001922038216"
BODY = "114415000070431508"
XICHA = "620100-xicha"
XINZHOU = "140900-xinzhou-edz"
PREFIX = {
    "xicha-2020": "xicha.",
    "shanwei-2020": "shanwei.",
    "xinjiang-2020": "xinjiang.",
    "huining-2021": "huining.",
    "xinzhou-2020": "xinzhou.",
}


def firm(region: str, industry: Industry = Industry.MACHINERY, **changes: object) -> Enterprise:
    return Enterprise(
        uscc=FIRM,
        name="某企业",
        industry=industry,
        region=region,
        employees=120,
        **changes,  # type: ignore[arg-type]
    )


def body(subject: Subject, region: str, park: str | None = None) -> Authority:
    return Authority(uscc=BODY, name="某机关", subject=subject, region=region, park=park)


def rec(kind: RecordKind, on: date, owner: str = FIRM, ident: str = "") -> Record:
    return Record(id=ident or f"{kind.value}-{on}", kind=kind, on=on, enterprise=owner)


def target(plan: str, ident: str) -> Target:
    return next(t for t in catalog.plan(plan).targets if t.id == ident)


def milestones(plan: str, ident: str) -> list[tuple[date, Decimal]]:
    return [(m.due, m.value) for m in target(plan, ident).milestones]


def dues(report: ComplianceReport, prefix: str) -> dict[str, date | None]:
    """The due day of each one-off or standing row whose duty id starts with *prefix*."""
    found: dict[str, date | None] = {}
    for row in report.rows:
        if not row.obligation.startswith(prefix) or row.status is S.NOT_APPLICABLE:
            continue
        if not isinstance(catalog.obligation(row.obligation).schedule, Recurring):
            assert row.obligation not in found, row.obligation
            found[row.obligation] = row.due if isinstance(row.due, date) else None
    return found


def statuses(report: ComplianceReport, key: str) -> list[S]:
    return [r.status for r in report.rows if r.obligation == key]


def judged(t: Target, value: str, on: date) -> TargetState:
    return evaluate_target(t, [Observation(on=on, value=Decimal(value))], as_of=on).state


class TestEveryPlan:
    """What holds for every duty and target of the five seeds."""

    @pytest.mark.parametrize("plan", sorted(PREFIX))
    def test_each_duty_names_its_plan_its_clause_and_english(self, plan: str) -> None:
        for duty in catalog.plan(plan).obligations:
            assert duty.id.startswith(PREFIX[plan]), duty.id
            assert duty.basis.source == plan, duty.id
            assert duty.basis.article, duty.id
            assert duty.title_en, duty.id

    @pytest.mark.parametrize("plan", sorted(PREFIX))
    def test_each_target_has_english_and_a_note(self, plan: str) -> None:
        for each in catalog.plan(plan).targets:
            assert each.title_en, each.id
            assert each.note, each.id

    @pytest.mark.parametrize("plan", sorted(PREFIX))
    def test_every_due_day_lies_in_the_plan(self, plan: str) -> None:
        """A one-off's due day, a standing duty's day and a narrowed span stay in the plan's period."""
        p = catalog.plan(plan)
        for duty in p.duties:
            assert duty.effective.start is not None, duty.id
            assert p.start <= duty.effective.start, duty.id
            assert duty.effective.end is not None, duty.id
            assert duty.effective.end <= p.end, duty.id
            when = getattr(duty.schedule, "due", None) or getattr(duty.schedule, "by", None)
            if isinstance(when, date):
                assert duty.effective.contains(when), duty.id

    def test_ids_are_unique_across_the_catalog(self) -> None:
        ids = [d.id for p in catalog.plans() for d in p.obligations]
        assert len(ids) == len(set(ids))
        assert all(catalog.obligation(i).id == i for i in ids)


class TestXicha:
    """兰州新区西岔园区 三年行动专题 (seed 000): to the end of 2022, in the park only."""

    def test_the_enterprise_deadlines(self) -> None:
        """二（二）2-4: 2020年底前 制度; 2021年底前 团队, 管控体系, 系统; 2022年底前 制度化规范化, 自评."""
        site = firm("620122", Industry.CONSTRUCTION, park=XICHA)
        report = catalog.evaluate(site, [], as_of=D(2023, 1, 31), since=D(2020, 1, 1))
        assert {
            "xicha.enterprise.hazard_system": D(2020, 12, 31),
            "xicha.enterprise.tech_management_team": D(2021, 12, 31),
            "xicha.enterprise.risk_control_system": D(2021, 12, 31),
            "xicha.enterprise.hazard_system_online": D(2021, 12, 31),
            "xicha.enterprise.hazard_management_regularised": D(2022, 12, 31),
            "xicha.standardization.self_assessment": D(2022, 12, 31),
        } == dues(report, "xicha.")

    def test_outside_the_park_nothing(self) -> None:
        site = firm("620122", Industry.CONSTRUCTION)
        report = catalog.evaluate(site, [], as_of=D(2023, 1, 31), since=D(2020, 1, 1))
        assert {} == dues(report, "xicha.")

    def test_which_enterprises(self) -> None:
        """团队 and 系统: 重点行业领域 only; 管控体系: 各类企业; 自评: 轻工 only 规模以上."""
        shop = firm("620122", Industry.LIGHT_INDUSTRY, park=XICHA)
        report = catalog.evaluate(shop, [], as_of=D(2023, 1, 31), since=D(2020, 1, 1))
        assert {
            "xicha.enterprise.hazard_system",
            "xicha.enterprise.risk_control_system",
            "xicha.enterprise.hazard_management_regularised",
        } == set(dues(report, "xicha."))
        bigger = firm("620122", Industry.LIGHT_INDUSTRY, park=XICHA, above_designated_size=True)
        report = catalog.evaluate(bigger, [], as_of=D(2023, 1, 31), since=D(2020, 1, 1))
        assert D(2022, 12, 31) == dues(report, "xicha.")["xicha.standardization.self_assessment"]

    def test_the_2022_self_assessment_on_its_last_day_and_after(self) -> None:
        """“2022年前” read as by 2022-12-31: done that day is met, a day later late."""
        site = firm("620122", Industry.ROAD_FREIGHT, park=XICHA)
        key = "xicha.standardization.self_assessment"
        for on, status in ((D(2022, 12, 31), S.MET), (D(2023, 1, 1), S.LATE)):
            done = [rec(RecordKind.STANDARDIZATION_SELF_ASSESSMENT, on)]
            report = catalog.evaluate(site, done, as_of=D(2023, 1, 31), since=D(2022, 1, 1))
            assert [status] == statuses(report, key)

    def test_one_record_does_not_meet_two_deadlines(self) -> None:
        """The 2020 system and the 2022 regularisation are separate records."""
        site = firm("620122", Industry.CONSTRUCTION, park=XICHA)
        done = [rec(RecordKind.HAZARD_MANAGEMENT_SYSTEM, D(2020, 11, 1))]
        report = catalog.evaluate(site, done, as_of=D(2023, 1, 31), since=D(2020, 1, 1))
        assert [S.MET] == statuses(report, "xicha.enterprise.hazard_system")
        assert [S.MISSED] == statuses(report, "xicha.enterprise.hazard_management_regularised")

    def test_the_departments_deadlines(self) -> None:
        """二（二）5: 承诺制度, 信用审核机制, 第三方评估制度 by 2020; 安责险 平台 2021, 在线监测 2022."""
        department = body(Subject.DEPARTMENT, "620122", XICHA)
        done = [rec(RecordKind.INSURANCE_PLATFORM, D(2022, 1, 1), BODY)]
        report = catalog.evaluate_authority(
            department, done, as_of=D(2023, 1, 31), since=D(2020, 1, 1)
        )
        assert {
            "xicha.departments.commitment_system": D(2020, 12, 31),
            "xicha.departments.credit_review": D(2020, 12, 31),
            "xicha.departments.agency_evaluation": D(2020, 12, 31),
            "xicha.departments.insurance_platform": D(2021, 12, 31),
            "xicha.departments.insurer_monitoring": D(2022, 12, 31),
        } == dues(report, "xicha.")
        assert [S.LATE] == statuses(report, "xicha.departments.insurance_platform")

    def test_the_targets(self) -> None:
        """40/60/80% by 2020/2021/2022; 危险物品 100% by 2021; 三项岗位 100%; 安责险 全覆盖 2022."""
        plan = "xicha-2020"
        assert [
            (D(2020, 12, 31), Decimal("0.4")),
            (D(2021, 12, 31), Decimal("0.6")),
            (D(2022, 12, 31), Decimal("0.8")),
        ] == milestones(plan, "standardization_grade3_rate")
        assert [(D(2021, 12, 31), Decimal(1))] == milestones(plan, "hazardous_goods_grade3_rate")
        assert Decimal(1) == milestones(plan, "certified_staff_rate")[-1][1]
        assert [(D(2022, 12, 31), Decimal(1))] == milestones(plan, "liability_insurance_coverage")
        staged = target(plan, "standardization_grade3_rate")
        assert TargetState.MISSED == judged(staged, "0.39", D(2020, 12, 31))
        assert TargetState.ON_TRACK == judged(staged, "0.40", D(2020, 12, 31))


class TestShanwei:
    """汕尾市 整治工作实施方案 (seed 001): July to December 2020."""

    def test_the_eleven_targets_of_section_two(self) -> None:
        """二（二）: 一是 five rates, 二是 three, 三是 three (its item 1 is a duty)."""
        ids = [t.id for t in catalog.plan("shanwei-2020").targets]
        eleven = [
            "principal_training_rate", "accident_principal_interview_rate",
            "accident_principal_retraining_rate", "eight_once_rate", "principal_inspection_rate",
            "certified_staff_rate", "outreach_rate", "warning_education_rate",
            "assessment_weight", "report_reward_rate", "blacklist_rate",
        ]  # fmt: skip
        assert eleven == ids[:11]

    def test_the_eleventh_the_poster_the_handbook_the_tip_and_the_talk(self) -> None:
        """二（二）二是2: 力争年内企业100%收到…接受一次安全知识宣讲."""
        outreach = target("shanwei-2020", "outreach_rate")
        assert TargetKind.AT_LEAST_RATE == outreach.kind
        assert [(D(2020, 12, 31), Decimal(1))] == milestones("shanwei-2020", "outreach_rate")
        assert TargetState.MISSED == judged(outreach, "0.99", D(2020, 12, 31))

    def test_thirty_percent_or_more(self) -> None:
        """二（二）三是2: 分值占比均达到30%以上 — 30% itself meets it."""
        weight = target("shanwei-2020", "assessment_weight")
        assert TargetState.MET == judged(weight, "0.30", D(2020, 12, 31))
        assert TargetState.MISSED == judged(weight, "0.29", D(2020, 12, 31))

    def test_the_certificates_of_section_four(self) -> None:
        """四（二）1: 主要负责人、安全管理人员100%…取得证书, 特种作业人员100%…持证上岗; 四（二）2 补贴100%."""
        for ident in (
            "principal_manager_certificate_rate",
            "special_operator_certificate_rate",
            "training_subsidy_rate",
        ):
            assert [(D(2020, 12, 31), Decimal(1))] == milestones("shanwei-2020", ident)
            assert Industry.CONSTRUCTION in target("shanwei-2020", ident).scope

    def test_no_major_accident_in_2020(self) -> None:
        """二（一）: 2020年…坚决守住不发生重特大事故的底线 — the whole year's total, at most 0."""
        major = target("shanwei-2020", "major_accidents")
        assert (TargetKind.AT_MOST_COUNT, TargetMeasure.PERIOD_TOTAL) == (major.kind, major.measure)
        assert (D(2020, 1, 1), [(D(2020, 12, 31), Decimal(0))]) == (
            major.start,
            milestones("shanwei-2020", "major_accidents"),
        )

    def test_the_counties_timeline(self) -> None:
        """三（一）7月 动员部署; 五（三）7月30日前 方案; 三（二）8月中旬 底数; 12月28日前 总结."""
        county = body(Subject.REGULATOR_COUNTY, "441521")
        report = catalog.evaluate_authority(county, [], as_of=D(2021, 1, 31), since=D(2020, 7, 1))
        got = dues(report, "shanwei.")
        assert D(2020, 7, 31) == got["shanwei.timeline.county.mobilisation"]
        assert D(2020, 7, 30) == got["shanwei.report.county.plan"]
        assert D(2020, 8, 20) == got["shanwei.timeline.county.enterprise_census"]
        assert D(2020, 12, 28) == got["shanwei.report.county.year_summary"]

    @pytest.mark.parametrize(("on", "status"), [(D(2020, 8, 20), S.MET), (D(2020, 8, 21), S.LATE)])
    def test_mid_august_is_the_20th(self, on: date, status: S) -> None:
        county = body(Subject.REGULATOR_COUNTY, "441581")
        report = catalog.evaluate_authority(
            county, [rec(RecordKind.OTHER, on, BODY)], as_of=D(2020, 9, 30), since=D(2020, 7, 1)
        )
        assert [status] == statuses(report, "shanwei.timeline.county.enterprise_census")

    def test_the_copy_to_the_city_binds_county_departments_only(self) -> None:
        """三（一）: 由各县（市、区）负有安全监管职责的部门负责抄报市级相关主管部门."""
        key = "shanwei.timeline.county_departments.plan_copy"
        county = body(Subject.DEPARTMENT, "441523")
        report = catalog.evaluate_authority(county, [], as_of=D(2020, 8, 31), since=D(2020, 7, 1))
        assert D(2020, 7, 31) == dues(report, "shanwei.")[key]
        city = body(Subject.DEPARTMENT, "441500")
        report = catalog.evaluate_authority(city, [], as_of=D(2020, 8, 31), since=D(2020, 7, 1))
        assert [S.NOT_APPLICABLE] == statuses(report, key)


STATE_CHEMICALS: dict[str, object] = {
    "industry": Industry.HAZCHEM_PRODUCTION,
    "state_owned": True,
    "hazard_flags": {HazardFlag.MAJOR_HAZARD_SOURCE, HazardFlag.HAZARDOUS_PROCESS},
}


class TestXinjiang:
    """新疆 三年行动实施方案 and its two 专题 (seed 002): April 2020 to December 2022."""

    def test_the_enterprise_deadlines(self) -> None:
        """企业主体责任专题 and 总体方案 一（三）1: 2020, 2021 and 2022年底前."""
        plant = firm("650102", **STATE_CHEMICALS)  # type: ignore[arg-type]
        report = catalog.evaluate(plant, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1))
        got = dues(report, "xinjiang.")
        assert D(2020, 12, 31) == got["xinjiang.enterprise.hazard_system"]
        for key in (
            "xinjiang.enterprise.tech_management_team",
            "xinjiang.enterprise.risk_control_system",
            "xinjiang.enterprise.hazard_system_online",
        ):
            assert D(2021, 12, 31) == got[key], key
        for key in (
            "xinjiang.enterprise.hazard_management_regularised",
            "xinjiang.enterprise.vocational_school",
            "xinjiang.standardization.self_assessment",
            "xinjiang.hazchem.dual_prevention",
            "xinjiang.hazchem.process_automation",
            "xinjiang.safety_director.state_owned",
        ):
            assert D(2022, 12, 31) == got[key], key
        assert D(2020, 5, 18) == got["xinjiang.report.local_plans.state_enterprises"]

    def test_which_enterprises(self) -> None:
        """A small machinery works: 各类企业's duties only; 规模以上: the self-assessment too."""
        works = firm("650102")
        report = catalog.evaluate(works, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1))
        got = set(dues(report, "xinjiang."))
        assert {
            "xinjiang.enterprise.hazard_system",
            "xinjiang.enterprise.risk_control_system",
            "xinjiang.enterprise.hazard_system_online",
            "xinjiang.enterprise.hazard_management_regularised",
            "xinjiang.double_report",
        } == got
        bigger = firm("650102", above_designated_size=True)
        report = catalog.evaluate(bigger, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1))
        assert "xinjiang.standardization.self_assessment" in dues(report, "xinjiang.")

    def test_dual_prevention_needs_a_major_hazard_source(self) -> None:
        """总体方案 一（三）1 二是: 涉及重大危险源的危险化学品企业."""
        plant = firm("650102", Industry.HAZCHEM_STORAGE)
        report = catalog.evaluate(plant, [], as_of=D(2023, 1, 31), since=D(2022, 1, 1))
        assert [S.NOT_APPLICABLE] == statuses(report, "xinjiang.hazchem.dual_prevention")
        assert [S.NOT_APPLICABLE] == statuses(report, "xinjiang.hazchem.process_automation")

    def test_two_topic_reports_a_year(self) -> None:
        """Each 专题: 年度工作报告 每年12月20日前, 总结报告 2022年12月20日前 — two of each."""
        city = body(Subject.REGULATOR_CITY, "650100")
        one = [rec(RecordKind.TOPIC_REPORT, D(2021, 12, 1), BODY)]
        two = [*one, rec(RecordKind.TOPIC_REPORT, D(2021, 12, 20), BODY, "second")]
        for records, status in ((one, S.MISSED), (two, S.MET)):
            report = catalog.evaluate_authority(
                city, records, as_of=D(2022, 1, 31), since=D(2021, 1, 1)
            )
            rows = [r for r in report.rows if r.obligation == "xinjiang.topic_reports.yearly"]
            assert [D(2021, 12, 20), D(2022, 12, 20)] == [r.due for r in rows]
            assert (2, status) == (rows[0].required, rows[0].status)

    def test_the_final_topic_reports_in_2022_only(self) -> None:
        city = body(Subject.REGULATOR_CITY, "650100")
        report = catalog.evaluate_authority(city, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1))
        finals = [r for r in report.rows if r.obligation == "xinjiang.topic_reports.final"]
        assert [(D(2022, 12, 20), 2)] == [(r.due, r.required) for r in finals]

    def test_the_prefectures_and_counties_systems(self) -> None:
        """一张网 and 安责险平台 by 2021, insurers monitored online by 2022."""
        city = body(Subject.REGULATOR_CITY, "650100")
        report = catalog.evaluate_authority(city, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1))
        got = dues(report, "xinjiang.city.")
        assert {
            "xinjiang.city.hazard_system_online": D(2021, 12, 31),
            "xinjiang.city.insurance_platform": D(2021, 12, 31),
            "xinjiang.city.assessment_rules": D(2021, 12, 31),
            "xinjiang.city.insurer_monitoring": D(2022, 12, 31),
        } == got
        county = body(Subject.REGULATOR_COUNTY, "650102")
        report = catalog.evaluate_authority(county, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1))
        assert {
            "xinjiang.county.insurance_platform": D(2021, 12, 31),
            "xinjiang.county.insurer_monitoring": D(2022, 12, 31),
        } == dues(report, "xinjiang.county.")

    def test_yearly_inspection_plans(self) -> None:
        """企业主体责任专题 三（三）: 纳入年度监督检查计划 — 2020, 2021, 2022."""
        department = body(Subject.DEPARTMENT, "650000")
        report = catalog.evaluate_authority(
            department, [], as_of=D(2023, 1, 31), since=D(2020, 4, 1)
        )
        got = [r.due for r in report.rows if r.obligation == "xinjiang.departments.inspection_plan"]
        assert [D(2020, 12, 31), D(2021, 12, 31), D(2022, 12, 31)] == got

    def test_rectification_assessed_within_a_year_of_closing(self) -> None:
        """总体方案 四（三）: 事故结案一年内整改评估 — by the body that closed the case."""
        for key, subject in (
            ("xinjiang.accident.rectification_assessment.county", Subject.REGULATOR_COUNTY),
            ("xinjiang.accident.rectification_assessment.city", Subject.REGULATOR_CITY),
            ("xinjiang.accident.rectification_assessment.region", Subject.REGULATOR_PROVINCE),
        ):
            duty = catalog.obligation(key)
            assert isinstance(duty.schedule, Triggered)
            assert EventKind.INVESTIGATION_APPROVED == duty.schedule.event
            assert (1, "years") == (duty.schedule.within.amount, duty.schedule.within.unit.value)
            assert subject == duty.subject

    def test_the_targets(self) -> None:
        """75% by 2022; 尾矿库 100% by 2022-06-30; 消防物联网 2021; the other fire goals 2022."""
        plan = "xinjiang-2020"
        staff = target(plan, "qualified_enforcement_staff")
        assert TargetState.MET == judged(staff, "0.75", D(2022, 12, 31))
        assert TargetState.MISSED == judged(staff, "0.7499", D(2022, 12, 31))
        assert [(D(2022, 6, 30), Decimal(1))] == milestones(plan, "tailings_online_monitoring")
        assert [(D(2021, 12, 31), Decimal(1))] == milestones(plan, "fire_iot_cities")
        for ident in (
            "park_supervision_platform",
            "fire_lifeline_rectification",
            "fire_high_risk_places",
            "fire_differentiated_controls",
            "fire_big_data",
        ):
            assert [(D(2022, 12, 31), Decimal(1))] == milestones(plan, ident), ident


class TestHuining:
    """会宁县 十四五 安全生产规划 (seed 003): 2021-2025."""

    def test_the_indicator_table(self) -> None:
        """Rows 1-12 of 第三章 三（二）: the value of each, as a fraction."""
        plan = "huining-2021"
        table = {
            "accidents": ("reduction", "0.1"),
            "deaths": ("reduction", "0.1"),
            "gdp_death_rate": ("reduction", "0.3"),
            "road_death_rate": ("reduction", "0.2"),
            "industrial_death_rate": ("reduction", "0.1"),
            "fire_death_rate": ("at_most_rate", "0.0001"),
            "construction_death_rate": ("reduction", "0.1"),
            "government_plan_revision": ("at_least_rate", "1"),
            "high_risk_plan_filing": ("at_least_rate", "1"),
            "township_supervision": ("at_least_rate", "1"),
            "school_safety_education": ("at_least_rate", "1"),
            "high_risk_worker_training": ("at_least_rate", "1"),
        }
        got = {
            i: (target(plan, i).kind.value, str(target(plan, i).milestones[-1].value))
            for i in table
        }
        assert table == got
        assert all(target(plan, i).milestones[-1].due == D(2025, 12, 31) for i in table)

    def test_totals_against_the_thirteenth_plan(self) -> None:
        """2016-2020: 43 accidents, 38 deaths (第二章 一); the 2021-2025 totals fall 10%."""
        for ident, value in (("accidents", 43), ("deaths", 38)):
            t = target("huining-2021", ident)
            assert t.baseline is not None
            assert (Decimal(value), D(2016, 1, 1), D(2020, 12, 31)) == (
                t.baseline.value,
                t.baseline.start,
                t.baseline.end,
            )
            assert (TargetMeasure.PERIOD_TOTAL, D(2021, 1, 1)) == (t.measure, t.start)

    def test_rate_reductions_leave_the_baseline_to_the_caller(self) -> None:
        for ident in (
            "gdp_death_rate",
            "road_death_rate",
            "industrial_death_rate",
            "construction_death_rate",
        ):
            t = target("huining-2021", ident)
            assert (None, TargetMeasure.YEARLY) == (t.baseline, t.measure), ident

    def test_the_yearly_fire_death_rate(self) -> None:
        fire = target("huining-2021", "fire_death_rate")
        assert TargetMeasure.YEARLY == fire.measure
        assert [D(y, 12, 31) for y in range(2021, 2026)] == [m.due for m in fire.milestones]

    def test_seventy_five_percent_by_the_end_of_2022(self) -> None:
        """第四章 三（三）1: 到2022年底…不低于在职人员的75%."""
        staff = target("huining-2021", "qualified_enforcement_staff")
        assert [(D(2022, 12, 31), Decimal("0.75"))] == milestones(
            "huining-2021", "qualified_enforcement_staff"
        )
        assert TargetState.MET == judged(staff, "0.75", D(2022, 12, 31))

    def test_every_department_plans_its_inspections_every_year(self) -> None:
        """第四章 四（三）2: 负有安全生产监督管理职责的部门每年制定执法检查工作计划."""
        department = body(Subject.DEPARTMENT, "620422")
        report = catalog.evaluate_authority(
            department, [], as_of=D(2026, 1, 31), since=D(2021, 1, 1)
        )
        got = [r.due for r in report.rows if r.obligation == "huining.departments.inspection_plan"]
        assert [D(y, 12, 31) for y in range(2021, 2026)] == got
        elsewhere = body(Subject.DEPARTMENT, "620421")
        report = catalog.evaluate_authority(elsewhere, [], as_of=D(2022, 1, 31))
        assert not [r for r in report.rows if r.obligation.startswith("huining.")]

    def test_the_countys_deadlines_and_reviews(self) -> None:
        """消防规定 2021-2022; 安责险 2022年底前; 中期 (2023) and 终期 (2025) reviews."""
        county = body(Subject.REGULATOR_COUNTY, "620422")
        review = [rec(RecordKind.PLAN_REVIEW, D(2023, 11, 1), BODY)]
        report = catalog.evaluate_authority(
            county, review, as_of=D(2026, 1, 31), since=D(2021, 1, 1)
        )
        assert {
            "huining.county.fire_rules": D(2022, 12, 31),
            "huining.county.insurance_platform": D(2022, 12, 31),
            "huining.county.insurer_monitoring": D(2022, 12, 31),
        } == dues(report, "huining.")
        reviews = [
            (r.obligation.rsplit(".", 1)[1], r.due, r.status)
            for r in report.rows
            if r.obligation.startswith("huining.county.plan_review.")
        ]
        assert [
            ("midterm", D(2023, 12, 31), S.MET),
            ("final", D(2025, 12, 31), S.MISSED),
        ] == reviews

    def test_enterprises_regularise_hazard_work_by_2022(self) -> None:
        report = catalog.evaluate(firm("620422"), [], as_of=D(2023, 1, 31), since=D(2021, 1, 1))
        assert {"huining.enterprise.hazard_management_regularised": D(2022, 12, 31)} == dues(
            report, "huining."
        )


class TestXinzhou:
    """忻州经济开发区 2020 notice (seed 004): from 2020-02-24, in the park only."""

    def test_no_major_accident_in_the_year(self) -> None:
        major = target("xinzhou-2020", "major_accidents")
        assert (TargetKind.AT_MOST_COUNT, TargetMeasure.PERIOD_TOTAL) == (major.kind, major.measure)
        assert D(2020, 1, 1) == major.start
        assert [(D(2020, 12, 31), Decimal(0))] == milestones("xinzhou-2020", "major_accidents")

    def test_the_departments_plan_and_duty_roster(self) -> None:
        """二（七）年度监督检查计划 报安委办备案; 七（十九）每天24小时领导在岗带班值班."""
        department = body(Subject.DEPARTMENT, "140902", XINZHOU)
        roster = [rec(RecordKind.DUTY_ROSTER, D(2020, 3, 1), BODY)]
        report = catalog.evaluate_authority(
            department, roster, as_of=D(2021, 1, 31), since=D(2020, 1, 1)
        )
        assert [D(2020, 12, 31)] == [
            r.due for r in report.rows if r.obligation == "xinzhou.departments.inspection_plan"
        ]
        assert [S.MET] == statuses(report, "xinzhou.departments.duty_roster")
        duty = catalog.obligation("xinzhou.departments.duty_roster")
        assert isinstance(duty.schedule, Standing)

    def test_the_committees_own_duties(self) -> None:
        """The quarterly meetings (一（一）) and its 24-hour duty system (七（十九）)."""
        committee = body(Subject.REGULATOR_PARK, "140902", XINZHOU)
        report = catalog.evaluate_authority(
            committee, [], as_of=D(2021, 1, 31), since=D(2020, 1, 1)
        )
        assert {"xinzhou.committee.quarterly_meeting", "xinzhou.committee.duty_roster"} == {
            r.obligation for r in report.rows
        }
        roster = [rec(RecordKind.DUTY_ROSTER, D(2020, 3, 1), BODY)]
        kept = catalog.evaluate_authority(committee, roster, as_of=D(2020, 6, 30))
        assert [S.MET] == [
            r.status for r in kept.rows if r.obligation == "xinzhou.committee.duty_roster"
        ]

    KEY = "xinzhou.standardization.grade3"

    def test_level_three_for_chemicals_smelting_and_construction(self) -> None:
        """五（十五）: 危险化学品、金属冶炼、建筑施工等行业企业要达到三级及以上标准 (by the end of 2020)."""
        graded = Standardization(level=StandardizationLevel.LEVEL_3, granted_on=D(2020, 12, 31))
        site = firm("140902", Industry.CONSTRUCTION, park=XINZHOU, standardization=graded)
        report = catalog.evaluate(site, [], as_of=D(2021, 1, 31), since=D(2020, 1, 1))
        [row] = [r for r in report.rows if r.obligation == self.KEY]
        assert (D(2020, 12, 31), S.MET) == (row.due, row.status)
        smelter = firm("140902", Industry.METALLURGY, park=XINZHOU, smelting=True)
        report = catalog.evaluate(smelter, [], as_of=D(2020, 6, 30), since=D(2020, 1, 1))
        assert [S.UPCOMING] == statuses(report, self.KEY)
        works = firm("140902", park=XINZHOU)
        report = catalog.evaluate(works, [], as_of=D(2021, 1, 31), since=D(2020, 1, 1))
        assert [S.NOT_APPLICABLE] == statuses(report, self.KEY)

    def test_no_grade_by_the_end_of_2020_is_missed(self) -> None:
        smelter = firm("140902", Industry.METALLURGY, park=XINZHOU, smelting=True)
        report = catalog.evaluate(smelter, [], as_of=D(2021, 1, 31), since=D(2020, 1, 1))
        assert [S.MISSED] == statuses(report, self.KEY)


class TestSchedulesAsTyped:
    """A few schedules read straight off the data, against the words of the text."""

    @pytest.mark.parametrize(
        ("key", "due"),
        [
            ("xicha.enterprise.hazard_system", D(2020, 12, 31)),  # 2020年底前
            ("xicha.departments.insurance_platform", D(2021, 12, 31)),  # 2021年底前
            ("shanwei.timeline.county.enterprise_census", D(2020, 8, 20)),  # 8月中旬
            ("shanwei.report.county.plan", D(2020, 7, 30)),  # 7月30日前
            ("xinjiang.report.final", D(2022, 12, 20)),  # 2022年12月20日前
            ("huining.county.fire_rules", D(2022, 12, 31)),  # 2021-2022年
        ],
    )
    def test_one_off_due_days(self, key: str, due: date) -> None:
        schedule = catalog.obligation(key).schedule
        assert isinstance(schedule, OneOff)
        assert due == schedule.due

    def test_recurring_topic_reports_ask_for_two(self) -> None:
        schedule = catalog.obligation("xinjiang.topic_reports.yearly.state_enterprises").schedule
        assert isinstance(schedule, Recurring)
        assert (2, 12, 20) == (schedule.times, schedule.due.month, schedule.due.day)
