"""Standing requirements checked as of a date, at their edges."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty import catalog, law
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Certificate,
    CertificateKind,
    Enterprise,
    Industry,
    Person,
    Record,
    RecordKind,
    Role,
    Standardization,
    StandardizationLevel,
)
from safetyduty.rules.compliance import ComplianceStatus, evaluate, standing_requirements

STANDING_REQUIREMENTS = (
    "standing.responsibility_system",
    "standing.safety_staffing",
    "standing.registered_engineer",
    "standing.liability_insurance",
)

D = date
S = ComplianceStatus
UNIT = Enterprise(
    uscc="914403001922038216",
    name="示例单位",
    industry=Industry.MACHINERY,
    region="441500",
    employees=150,
)
OTHER = "91350100M000100Y43"


def firm(**changes: object) -> Enterprise:
    return attrs.evolve(UNIT, **changes)  # type: ignore[arg-type]


def rec(kind: RecordKind, on: date, enterprise: str = UNIT.uscc) -> Record:
    return Record(id=f"{kind.value}-{on}", kind=kind, on=on, enterprise=enterprise)


def check(
    key: str,
    enterprise: Enterprise = UNIT,
    *,
    as_of: date,
    records: tuple[Record, ...] = (),
    people: tuple[Person, ...] = (),
) -> tuple[S, object, tuple[str, ...]]:
    """(status, due, evidence) of one standing requirement (a national one, or a plan's)."""
    duties = [d for d in law.national_duties() if d.id == key] or [catalog.obligation(key)]
    report = evaluate(
        enterprise, records, as_of=as_of, since=D(2020, 1, 1), obligations=duties, people=people
    )
    [row] = report.rows
    assert key == row.obligation
    return row.status, row.due, row.evidence


class TestResponsibilitySystem:
    def test_a_record_by_the_date_meets_it(self) -> None:
        records = (rec(RecordKind.RESPONSIBILITY_SYSTEM, D(2026, 1, 6)),)
        key = "standing.responsibility_system"
        assert S.MET == check(key, as_of=D(2026, 1, 6), records=records)[0]
        assert S.MISSED == check(key, as_of=D(2026, 1, 5), records=records)[0]

    def test_another_enterprises_record_does_not_count(self) -> None:
        records = (rec(RecordKind.RESPONSIBILITY_SYSTEM, D(2026, 1, 6), OTHER),)
        assert (
            S.MISSED
            == check("standing.responsibility_system", as_of=D(2026, 6, 1), records=records)[0]
        )


class TestStaffing:
    def test_a_safety_manager_in_office_counts(self) -> None:
        manager = Person(
            id="m1", name="王五", role=Role.SAFETY_MANAGER, took_office_on=D(2026, 3, 1)
        )
        key = "standing.safety_staffing"
        assert (S.MET, None, ("m1",)) == check(key, as_of=D(2026, 3, 1), people=(manager,))
        assert S.MISSED == check(key, as_of=D(2026, 2, 28), people=(manager,))[0]

    def test_a_body_record_counts(self) -> None:
        records = (rec(RecordKind.SAFETY_BODY_ESTABLISHED, D(2025, 12, 1)),)
        assert S.MET == check("standing.safety_staffing", as_of=D(2026, 1, 1), records=records)[0]

    def test_the_reason_follows_the_100_employee_tier(self) -> None:
        """安全生产法 第二十四条: "超过一百人" a body or full-time staff; "一百人以下" part-time allowed."""
        hundred = standing_requirements(firm(employees=100), as_of=D(2026, 1, 1))[1]
        more = standing_requirements(firm(employees=101), as_of=D(2026, 1, 1))[1]
        assert (
            "full-time or part-time safety managers required (100 employees <= 100)"
            in hundred.reason
        )
        assert (
            "a safety body or full-time safety managers required (101 employees > 100)"
            in more.reason
        )

    def test_the_threshold_was_300_before_the_2014_revision(self) -> None:
        """2002 第十九条 (300) until 2014-11-30; 2014 第二十一条 (100) from 2014-12-01."""
        before = standing_requirements(firm(employees=200), as_of=D(2014, 11, 30))[1]
        after = standing_requirements(firm(employees=200), as_of=D(2014, 12, 1))[1]
        assert "(200 employees <= 300)" in before.reason
        assert "work-safety-law-2002" == before.basis.source
        assert "(200 employees > 100)" in after.reason
        assert "work-safety-law-2014" == after.basis.source


class TestRegisteredEngineer:
    def engineer(self, expires: date | None) -> Person:
        licence = Certificate(
            kind=CertificateKind.REGISTERED_SAFETY_ENGINEER,
            number="RSE1",
            issued_on=D(2020, 9, 1),
            expires_on=expires,
        )
        return Person(id="e1", name="赵六", role=Role.SAFETY_MANAGER, certificates=(licence,))

    def test_only_listed_sectors(self) -> None:
        trader = firm(industry=Industry.HAZCHEM_TRADING)
        assert (
            S.NOT_APPLICABLE
            == check("standing.registered_engineer", trader, as_of=D(2026, 1, 1))[0]
        )

    def test_valid_through_its_expiry_day(self) -> None:
        smelter = firm(industry=Industry.METAL_SMELTING)
        people = (self.engineer(D(2026, 8, 31)),)
        key = "standing.registered_engineer"
        assert S.MET == check(key, smelter, as_of=D(2026, 8, 31), people=people)[0]
        assert S.MISSED == check(key, smelter, as_of=D(2026, 9, 1), people=people)[0]


class TestSafetyDirector:
    """新疆 三年行动: "2022年底前，国有企业和规模以上工业、交通、建设企业全部设立安全总监"."""

    STATE_FIRM = firm(region="650100", state_owned=True)

    @pytest.mark.parametrize(
        ("appointed", "as_of", "status"),
        [
            (D(2022, 12, 31), D(2023, 3, 1), S.MET),
            (D(2023, 1, 1), D(2023, 3, 1), S.LATE),
            (None, D(2022, 12, 1), S.DUE),
            (None, D(2022, 11, 30), S.UPCOMING),
            (None, D(2023, 1, 1), S.MISSED),
        ],
    )
    def test_by_the_end_of_2022(self, appointed: date | None, as_of: date, status: S) -> None:
        records = (rec(RecordKind.SAFETY_DIRECTOR_APPOINTED, appointed),) if appointed else ()
        key = "xinjiang.safety_director.state_owned"
        got = check(key, self.STATE_FIRM, as_of=as_of, records=records)
        assert (status, D(2022, 12, 31)) == got[:2]

    def test_outside_xinjiang(self) -> None:
        """A state-owned firm in 汕尾 is outside the plan's jurisdiction."""
        got = check(
            "xinjiang.safety_director.state_owned", firm(state_owned=True), as_of=D(2022, 6, 1)
        )
        assert S.NOT_APPLICABLE == got[0]

    def test_a_private_firm_above_size_in_industry(self) -> None:
        big = firm(region="650100", above_designated_size=True)
        key = "xinjiang.safety_director.above_size"
        assert S.DUE == check(key, big, as_of=D(2022, 12, 1))[0]
        shop = firm(region="650100", above_designated_size=True, industry=Industry.COMMERCE)
        assert S.NOT_APPLICABLE == check(key, shop, as_of=D(2022, 12, 1))[0]

    def test_the_duty_exists_once(self) -> None:
        """In the 新疆 plan's data, and nowhere else."""
        national = {d.id for d in law.national_duties()}
        assert not any("safety_director" in ident for ident in national)


class TestLiabilityInsurance:
    FISHERY = firm(industry=Industry.FISHERY, employees=9)

    def test_a_policy_counts_for_one_year(self) -> None:
        records = (rec(RecordKind.LIABILITY_INSURANCE, D(2025, 7, 1)),)
        key = "standing.liability_insurance"
        assert S.MET == check(key, self.FISHERY, as_of=D(2026, 6, 30), records=records)[0]
        assert S.MISSED == check(key, self.FISHERY, as_of=D(2026, 7, 1), records=records)[0]

    def test_mandatory_from_2021_09_01_and_not_for_other_sectors(self) -> None:
        """第五十一条第二款 (2021): "应当投保"; the 2014 text only encouraged it."""
        key = "standing.liability_insurance"
        assert S.NOT_APPLICABLE == check(key, self.FISHERY, as_of=D(2021, 8, 31))[0]
        assert S.MISSED == check(key, self.FISHERY, as_of=D(2021, 9, 1))[0]
        assert (
            S.NOT_APPLICABLE == check(key, firm(industry=Industry.COMMERCE), as_of=D(2026, 1, 1))[0]
        )

    def test_the_list_in_force_is_cited(self) -> None:
        """The 2017 list until 2025-03-28, the 2025 list from 2025-03-29."""
        records = (rec(RecordKind.LIABILITY_INSURANCE, D(2025, 1, 10)),)
        before = standing_requirements(self.FISHERY, as_of=D(2025, 3, 28), records=records)[3]
        after = standing_requirements(self.FISHERY, as_of=D(2025, 3, 29), records=records)[3]
        assert S.MET == before.status == after.status
        assert "work-safety-law-2021" == before.basis.source


XICHA = "620100-xicha"


class TestStandardization:
    """西岔: "危险物品的生产、经营、储存单位于2021年底前全部达到安全生产标准化三级以上标准（危险化学品企业自建成投产之日起一年内达标）"."""

    KEY = "xicha.standardization.dangerous_goods"

    @pytest.mark.parametrize(
        ("industry", "started", "granted", "status", "due"),
        [
            (Industry.FIREWORKS_TRADING, D(2010, 1, 1), D(2021, 12, 31), S.MET, D(2021, 12, 31)),
            (Industry.FIREWORKS_TRADING, D(2010, 1, 1), D(2022, 1, 1), S.LATE, D(2021, 12, 31)),
            # 危化 within one year of 投产, when that is later than the end of 2021
            (Industry.HAZCHEM_PRODUCTION, D(2021, 6, 15), D(2022, 6, 15), S.MET, D(2022, 6, 15)),
            (Industry.HAZCHEM_PRODUCTION, D(2021, 6, 15), D(2022, 6, 16), S.LATE, D(2022, 6, 15)),
            (Industry.HAZCHEM_STORAGE, D(2020, 2, 29), D(2021, 12, 31), S.MET, D(2021, 12, 31)),
            (Industry.HAZCHEM_STORAGE, D(2021, 3, 1), D(2022, 3, 1), S.MET, D(2022, 3, 1)),
        ],
    )
    def test_deadlines(
        self, industry: Industry, started: date, granted: date, status: S, due: date
    ) -> None:
        unit = firm(
            industry=industry,
            region="620122",
            park=XICHA,
            production_started_on=started,
            standardization=Standardization(level=StandardizationLevel.LEVEL_3, granted_on=granted),
        )
        assert (status, due) == check(self.KEY, unit, as_of=D(2022, 12, 31))[:2]

    def test_a_grade_after_as_of_does_not_count(self) -> None:
        unit = firm(
            industry=Industry.CIVIL_EXPLOSIVES,
            region="620122",
            park=XICHA,
            standardization=Standardization(
                level=StandardizationLevel.LEVEL_1, granted_on=D(2022, 3, 1)
            ),
        )
        assert S.MISSED == check(self.KEY, unit, as_of=D(2022, 2, 28))[0]

    def test_other_industries_and_other_places(self) -> None:
        machinery = firm(region="620122", park=XICHA)
        assert S.NOT_APPLICABLE == check(self.KEY, machinery, as_of=D(2022, 6, 1))[0]
        outside = firm(industry=Industry.CIVIL_EXPLOSIVES, region="620122")
        got = check(self.KEY, outside, as_of=D(2022, 6, 1))
        assert S.NOT_APPLICABLE == got[0]

    def test_not_after_the_plan(self) -> None:
        """The plan ends with 2022: in 2026 its deadline binds no one."""
        unit = firm(industry=Industry.CIVIL_EXPLOSIVES, region="620122", park=XICHA)
        report = catalog.evaluate(unit, [], as_of=D(2026, 1, 1))
        assert self.KEY not in {r.obligation for r in report.rows}
        [use] = [u for u in report.plans if u.plan == "xicha-2020"]
        assert (
            False,
            "its period 2020-01-01..2022-12-31 does not meet 2025-01-02..2026-01-01",
        ) == (
            use.applied,
            use.reason,
        )


class TestDoubleReport:
    def test_xinjiang_only_due_end_2020(self) -> None:
        unit = firm(region="650100")
        records = (rec(RecordKind.DOUBLE_REPORT_SYSTEM, D(2021, 1, 1)),)
        assert (S.LATE, D(2020, 12, 31)) == check(
            "xinjiang.double_report", unit, as_of=D(2021, 6, 1), records=records
        )[:2]
        assert S.NOT_APPLICABLE == check("xinjiang.double_report", as_of=D(2021, 6, 1))[0]


class TestInEvaluate:
    def test_default_evaluation_checks_every_standing_requirement(self) -> None:
        report = evaluate(UNIT, [], as_of=D(2026, 6, 30))
        found = [r.obligation for r in report.rows if r.obligation.startswith("standing.")]
        assert list(STANDING_REQUIREMENTS) == found

    def test_own_obligations_judge_only_what_is_asked_for(self) -> None:
        none = evaluate(UNIT, [], as_of=D(2026, 6, 30), obligations=[])
        assert () == none.rows
        one = evaluate(
            UNIT,
            [],
            as_of=D(2026, 6, 30),
            obligations=[law.duty("standing.responsibility_system")],
        )
        assert ["standing.responsibility_system"] == [r.obligation for r in one.rows]

    def test_missed_requirements_are_not_overdue_rows(self) -> None:
        """A standing requirement has no due date: missed, but not in the dated overdue list."""
        rows = standing_requirements(UNIT, as_of=D(2026, 6, 30))
        missed = {r.obligation for r in rows if r.status is S.MISSED}
        assert {"standing.responsibility_system", "standing.safety_staffing"} == missed

    def test_explanations_without_a_due_date(self) -> None:
        row = standing_requirements(UNIT, as_of=D(2026, 1, 1))[0]
        assert row.explain().startswith(
            "建立健全并落实本单位全员安全生产责任制：无建立全员安全生产责任制记录，未完成"
        )
        assert row.explain("en").startswith(
            "Establish and carry out a work-safety responsibility system covering every employee:"
        )
        assert "missed. Basis: 《中华人民共和国安全生产法》(2021)" in row.explain("en")


class TestBadInput:
    def test_errors_name_the_field(self) -> None:
        with pytest.raises(ValidationError, match=r"people\[0\]"):
            standing_requirements(UNIT, as_of=D(2026, 1, 1), people=["张三"])  # type: ignore[list-item]
        with pytest.raises(ValidationError, match="as_of"):
            standing_requirements(UNIT, as_of="2026-01-01")  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="enterprise"):
            standing_requirements("x", as_of=D(2026, 1, 1))  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="records"):
            standing_requirements(UNIT, as_of=D(2026, 1, 1), records="r1")  # type: ignore[arg-type]


KINDS = st.sampled_from(
    [
        RecordKind.RESPONSIBILITY_SYSTEM,
        RecordKind.SAFETY_BODY_ESTABLISHED,
        RecordKind.LIABILITY_INSURANCE,
        RecordKind.SAFETY_DIRECTOR_APPOINTED,
        RecordKind.DOUBLE_REPORT_SYSTEM,
    ]
)
RECORDS = st.lists(
    st.builds(rec, KINDS, st.dates(min_value=D(2019, 1, 1), max_value=D(2026, 12, 31))),
    max_size=8,
    unique_by=lambda r: r.id,
)
UNITS = st.builds(
    firm,
    industry=st.sampled_from(list(Industry)),
    region=st.sampled_from(["650100", "441500", "620100"]),
    state_owned=st.booleans(),
)


class TestProperties:
    @settings(max_examples=80)
    @given(UNITS, RECORDS, KINDS, st.dates(min_value=D(2019, 1, 1), max_value=D(2026, 12, 31)))
    def test_a_record_more_never_turns_met_into_anything_else(
        self, unit: Enterprise, records: list[Record], kind: RecordKind, on: date
    ) -> None:
        as_of = D(2026, 12, 31)
        before = standing_requirements(unit, as_of=as_of, records=records)
        extra = Record(id="extra", kind=kind, on=on, enterprise=unit.uscc)
        after = standing_requirements(unit, as_of=as_of, records=[*records, extra])
        for old, new in zip(before, after, strict=True):
            if old.status is S.MET:
                assert S.MET == new.status

    @settings(max_examples=40)
    @given(UNITS, RECORDS)
    def test_one_row_per_requirement_whatever_the_order(
        self, unit: Enterprise, records: list[Record]
    ) -> None:
        rows = standing_requirements(unit, as_of=D(2026, 6, 30), records=records)
        again = standing_requirements(unit, as_of=D(2026, 6, 30), records=list(reversed(records)))
        assert rows == again
        assert STANDING_REQUIREMENTS == tuple(r.obligation for r in rows)


class TestOnTheDayJudged:
    """Evidence dated the day judged, exactly 100 employees, a grade with no deadline (the
    cases sampled mutation of ``rules/compliance/_standing.py`` found untested)."""

    @staticmethod
    def _row(key: str, enterprise: Enterprise = UNIT, **extra: object) -> object:
        duties = [d for d in law.national_duties() if d.id == key]
        [row] = evaluate(enterprise, since=D(2020, 1, 1), obligations=duties, **extra).rows  # type: ignore[arg-type]
        return row

    def test_a_body_set_up_on_the_day_judged_counts(self) -> None:
        body = rec(RecordKind.SAFETY_BODY_ESTABLISHED, D(2026, 1, 1))
        row: Any = self._row("standing.safety_staffing", records=[body], as_of=D(2026, 1, 1))
        assert (S.MET, (body.id,), 1) == (row.status, row.evidence, row.required)

    def test_exactly_100_employees_is_not_over_100(self) -> None:
        """ "超过一百人" excludes 100, in Chinese as in English."""
        row: Any = self._row(
            "standing.safety_staffing", firm(employees=100), records=[], as_of=D(2026, 1, 1)
        )
        assert "从业人员100人，未超过100人" in row.reason_zh
        over: Any = self._row(
            "standing.safety_staffing", firm(employees=101), records=[], as_of=D(2026, 1, 1)
        )
        assert "从业人员101人，超过100人" in over.reason_zh

    def test_a_certificate_issued_on_the_day_judged_counts(self) -> None:
        licence = Certificate(
            kind=CertificateKind.REGISTERED_SAFETY_ENGINEER, number="RSE2", issued_on=D(2026, 1, 1)
        )
        engineer = Person(id="e2", name="钱七", role=Role.SAFETY_MANAGER, certificates=(licence,))
        smelter = firm(industry=Industry.METAL_SMELTING)
        row: Any = self._row(
            "standing.registered_engineer",
            smelter,
            records=[],
            people=[engineer],
            as_of=D(2026, 1, 1),
        )
        assert (S.MET, 1) == (row.status, row.required)

    def test_a_grade_with_no_deadline(self) -> None:
        """A standardisation requirement with no date: met with a grade, missed without one;
        one required either way."""
        from safetyduty.models import Basis, Check, Obligation, Standing, Subject  # noqa: PLC0415

        duty = Obligation(
            id="graded", title="达到安全生产标准化等级", subject=Subject.ENTERPRISE,
            evidence=RecordKind.RESPONSIBILITY_SYSTEM, schedule=Standing(),
            basis=Basis(document="示例方案"), check=Check.STANDARDIZATION,
        )  # fmt: skip
        grade = Standardization(level=StandardizationLevel.LEVEL_3, granted_on=D(2024, 1, 1))
        graded = firm(standardization=grade)
        for unit, status, evidence in ((graded, S.MET, 1), (UNIT, S.MISSED, 0)):
            [row] = evaluate(unit, [], as_of=D(2026, 1, 1), obligations=[duty]).rows
            assert (status, evidence, 1) == (row.status, len(row.evidence), row.required)
        dated = attrs.evolve(duty, schedule=Standing(by=D(2025, 1, 1)))
        [row] = evaluate(graded, [], as_of=D(2026, 1, 1), obligations=[dated]).rows
        assert (S.MET, 1) == (row.status, row.required)
