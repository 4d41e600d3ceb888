"""Compliance evaluation: worked scenarios typed by hand, properties, the catalog, targets, the commands."""

from __future__ import annotations

import io
import json
import pickle
import weakref
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty import catalog, serde
from safetyduty.cli import main
from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import (
    ALWAYS,
    NATIONAL,
    Accident,
    AccidentKind,
    Authority,
    Basis,
    Enterprise,
    Frequency,
    Industry,
    Milestone,
    Obligation,
    OneOff,
    Person,
    Portfolio,
    Record,
    RecordKind,
    Recurring,
    Role,
    Subject,
    Target,
    TargetKind,
)
from safetyduty.rules.compliance import ComplianceStatus, evaluate, evaluate_many
from safetyduty.rules.phrases import parse_schedule
from safetyduty.rules.targets import Observation, TargetState, evaluate_target
from safetyduty.testing import strategies

D = date
S = ComplianceStatus
CST = timezone(timedelta(hours=8))
JAN_1 = D(2026, 1, 1)
FIRM = Enterprise(
    uscc="914403001922038216",
    name="示例机械",
    industry=Industry.MACHINERY,
    region="441500",
    employees=150,
)


def rec(kind: RecordKind, on: date, ident: str = "") -> Record:
    """A record of FIRM."""
    return Record(id=ident or f"{kind.value}-{on}", kind=kind, on=on, enterprise=FIRM.uscc)


def unscoped(duty: Obligation) -> Obligation:
    """*duty* binding everywhere and always: to test how rows count, apart from where and when."""
    return attrs.evolve(duty, jurisdiction=NATIONAL, effective=ALWAYS, plan=None)


def rows(
    obligation: str, records: list[Record], as_of: date, since: date = JAN_1, **extra: Any
) -> list[tuple[date | None, Any, S]]:
    """(window start, due, status) of one obligation's rows."""
    report = evaluate(
        FIRM,
        records,
        as_of=as_of,
        since=since,
        obligations=[unscoped(catalog.obligation(obligation))],
        **extra,
    )
    return [(r.start, r.due, r.status) for r in report.rows]


class TestWorkedScenarios:
    """The scenarios the issue names."""

    def test_a_month_without_a_led_inspection_is_missed(self) -> None:
        """January and March inspected, February not: February missed; April (open) due."""
        records = [
            rec(RecordKind.LED_INSPECTION, D(2026, 1, 9)),
            rec(RecordKind.LED_INSPECTION, D(2026, 3, 2)),
        ]
        assert [
            (D(2026, 1, 1), D(2026, 1, 31), S.MET),
            (D(2026, 2, 1), D(2026, 2, 28), S.MISSED),
            (D(2026, 3, 1), D(2026, 3, 31), S.MET),
            (D(2026, 4, 1), D(2026, 4, 30), S.DUE),
        ] == rows("shanwei.principal.monthly_inspection", records, as_of=D(2026, 4, 10))

    def test_monthly_25th_is_due_on_the_25th(self) -> None:
        """每月25日前: filed on the 25th is met; on the 27th is late; nothing by the 26th is missed."""
        duty = Obligation(
            id="report.monthly", title="每月25日前报送统计表", subject=Subject.ENTERPRISE, evidence=RecordKind.REPORT_FILED,
            schedule=parse_schedule("每月25日前"), basis=Basis(document="新疆维吾尔自治区安全生产专项整治三年行动实施方案"),
        )  # fmt: skip
        records = [
            rec(RecordKind.REPORT_FILED, D(2026, 1, 25)),
            rec(RecordKind.REPORT_FILED, D(2026, 2, 27)),
        ]
        report = evaluate(
            FIRM, records, as_of=D(2026, 3, 26), since=D(2026, 1, 1), obligations=[duty]
        )
        assert [(D(2026, 1, 25), S.MET), (D(2026, 2, 25), S.LATE), (D(2026, 3, 25), S.MISSED)] == [
            (r.due, r.status) for r in report.rows
        ]

    def test_a_drill_after_its_window_is_late(self) -> None:
        """A one-off drill due 2026-06-30, held 2026-07-08: late (and missed before it was held)."""
        duty = Obligation(
            id="drill.once", title="2026年6月底前组织一次应急演练", subject=Subject.ENTERPRISE,
            evidence=RecordKind.DRILL_PLAN, schedule=OneOff(due=D(2026, 6, 30)), basis=Basis(document="示例方案"),
        )  # fmt: skip
        drill = rec(RecordKind.DRILL_PLAN, D(2026, 7, 8))
        assert [S.MISSED] == [
            r.status for r in evaluate(FIRM, [drill], as_of=D(2026, 7, 7), obligations=[duty]).rows
        ]
        (row,) = evaluate(FIRM, [drill], as_of=D(2026, 7, 9), obligations=[duty]).rows
        assert (S.LATE, 1, (drill.id,)) == (row.status, row.late, row.evidence)

    def test_a_fatal_accident_creates_the_retraining_duty(self) -> None:
        """An accident on 2026-05-01 23:30: retraining due 2026-08-03 (8-01 is a Saturday)."""
        accident = Accident(
            id="a1", enterprise=FIRM.uscc, occurred_at=datetime(2026, 5, 1, 23, 30, tzinfo=CST),
            deaths=1, serious_injuries=0, direct_loss=Decimal(300000),
        )  # fmt: skip
        before = rows(
            "shanwei.principal.retraining_after_fatal_accident",
            [],
            as_of=D(2026, 7, 1),
            accidents=[accident],
        )
        assert [(D(2026, 5, 1), D(2026, 8, 3), S.UPCOMING)] == before
        missed = rows(
            "shanwei.principal.retraining_after_fatal_accident",
            [],
            as_of=D(2026, 8, 4),
            accidents=[accident],
        )
        assert [(D(2026, 5, 1), D(2026, 8, 3), S.MISSED)] == missed
        met = rows(
            "shanwei.principal.retraining_after_fatal_accident",
            [rec(RecordKind.RETRAINING, D(2026, 8, 3))],
            as_of=D(2026, 9, 1),
            accidents=[accident],
        )
        assert [S.MET] == [status for _, _, status in met]
        non_fatal = attrs.evolve(accident, deaths=0)
        assert [] == rows(
            "shanwei.principal.retraining_after_fatal_accident",
            [],
            as_of=D(2026, 9, 1),
            accidents=[non_fatal],
        )

    def test_a_deadline_past_the_calendar_is_not_rolled_and_says_so(self) -> None:
        """A fatal accident on 2026-11-01: retraining due 2027-02-01, beyond the bundled years."""
        accident = Accident(
            id="a2", enterprise=FIRM.uscc, occurred_at=datetime(2026, 11, 1, 10, 0, tzinfo=CST),
            deaths=1, serious_injuries=0, direct_loss=Decimal(1000),
        )  # fmt: skip
        report = evaluate(
            FIRM,
            [],
            as_of=D(2026, 11, 23),
            obligations=[
                unscoped(catalog.obligation("shanwei.principal.retraining_after_fatal_accident"))
            ],
            accidents=[accident],
        )
        (row,) = report.rows
        assert (D(2027, 2, 1), S.UPCOMING) == (row.due, row.status)
        assert row.reason.endswith(
            "past the calendar's last year: not moved off rest days (working days: estimated)"
        )

    @pytest.mark.parametrize(
        ("kind", "changed", "reported", "status", "due"),
        [
            # 2026-05-10 + 30 days = 06-09 (a Tuesday); the change on 06-09 is inside
            (AccidentKind.OTHER, D(2026, 6, 9), D(2026, 6, 9), S.MET, D(2026, 6, 9)),
            (AccidentKind.OTHER, D(2026, 6, 9), D(2026, 6, 10), S.LATE, D(2026, 6, 9)),
            (AccidentKind.OTHER, D(2026, 6, 10), None, None, None),  # outside: no duty
            # road traffic: 7 days, 05-17 is a Sunday, so the window ends Monday 05-18
            (AccidentKind.ROAD_TRAFFIC, D(2026, 5, 18), None, S.MISSED, D(2026, 5, 18)),
            (AccidentKind.FIRE, D(2026, 5, 19), None, None, None),
        ],
    )
    def test_supplementary_report_when_casualties_change(
        self,
        kind: AccidentKind,
        changed: date,
        reported: date | None,
        status: S | None,
        due: date | None,
    ) -> None:
        """条例 第十三条: a change inside the window calls for a 补报 by its last day."""
        accident = Accident(
            id="a3", enterprise=FIRM.uscc, occurred_at=datetime(2026, 5, 10, 9, 0, tzinfo=CST),
            deaths=0, serious_injuries=3, direct_loss=Decimal(1000), kind=kind,
        )  # fmt: skip
        records = [rec(RecordKind.CASUALTY_CHANGE, changed)]
        if reported is not None:
            records.append(rec(RecordKind.SUPPLEMENTARY_REPORT, reported))
        report = evaluate(FIRM, records, as_of=D(2026, 7, 1), since=JAN_1, accidents=[accident])
        got = [
            (r.status, r.due)
            for r in report.rows
            if r.obligation.startswith("accident.supplementary_report")
        ]
        assert ([(status, due)] if status else []) == got

    @pytest.mark.parametrize(
        ("filed", "status"), [(D(2023, 10, 30), S.MET), (D(2023, 10, 31), S.LATE)]
    )
    def test_an_emergency_plan_is_filed_within_20_workdays(self, filed: date, status: S) -> None:
        """Published 2023-09-26: the 国庆 break and its two 调休 Saturdays put the 20th workday on 10-30."""
        records = [
            rec(RecordKind.PLAN_PUBLISHED, D(2023, 9, 26)),
            rec(RecordKind.PLAN_FILED, filed),
        ]
        got = rows("emergency_plan.filing", records, as_of=D(2024, 1, 1), since=D(2023, 1, 1))
        assert [(D(2023, 9, 26), D(2023, 10, 30), status)] == got

    def test_a_later_filing_is_not_late_evidence_for_a_met_one(self) -> None:
        """Two publications, each filed in time: each row shows its own filing only."""
        records = [
            rec(RecordKind.PLAN_PUBLISHED, D(2024, 3, 1), "p1"),
            rec(RecordKind.PLAN_FILED, D(2024, 3, 15), "f1"),
            rec(RecordKind.PLAN_PUBLISHED, D(2025, 3, 3), "p2"),
            rec(RecordKind.PLAN_FILED, D(2025, 3, 20), "f2"),
        ]
        got = rows("emergency_plan.filing", records, as_of=D(2025, 6, 1), since=D(2024, 1, 1))
        assert [S.MET, S.MET] == [status for _, _, status in got]
        report = evaluate(
            FIRM,
            records,
            as_of=D(2025, 6, 1),
            since=D(2024, 1, 1),
            obligations=[catalog.obligation("emergency_plan.filing")],
        )
        assert [(("f1",), 0), (("f2",), 0)] == [(r.evidence, r.late) for r in report.rows]

    def test_each_evaluation_starts_the_next_three_years(self) -> None:
        """Published 2023-09-26 (due 2026-09-28, 9-26 a Saturday); evaluated 2026-09-01: next by 2029-09-01."""
        depot = attrs.evolve(FIRM, industry=Industry.HAZCHEM_STORAGE)
        records = [
            rec(RecordKind.PLAN_PUBLISHED, D(2023, 9, 26)),
            rec(RecordKind.PLAN_EVALUATED, D(2026, 9, 1)),
        ]
        report = evaluate(
            depot,
            records,
            as_of=D(2026, 11, 23),
            obligations=[catalog.obligation("emergency_plan.evaluation")],
        )
        got = [(r.start, r.due, r.status, r.evidence) for r in report.rows]
        assert [
            (D(2023, 9, 26), D(2026, 9, 28), S.MET, ("plan_evaluated-2026-09-01",)),
            (D(2026, 9, 1), D(2029, 9, 1), S.UPCOMING, ()),
        ] == got

    def test_an_overdue_major_hazard_is_reported(self) -> None:
        """A major hazard rectifying past its deadline, and one without its 五到位 plan."""
        sample = catalog.sample_portfolio()
        storage = sample.enterprises[1]
        report = evaluate(
            storage,
            sample.records,
            as_of=D(2026, 11, 23),
            since=D(2026, 1, 1),
            hazards=sample.hazards,
        )
        assert [("H-2026-001", D(2026, 10, 31))] == [(h.hazard, h.deadline) for h in report.hazards]
        assert "past its rectification deadline" in report.hazards[0].problem
        before = evaluate(
            storage,
            sample.records,
            as_of=D(2026, 10, 31),
            since=D(2026, 1, 1),
            hazards=sample.hazards,
        )
        assert () == before.hazards

    def test_hazard_statistics_are_filed_in_the_next_quarter(self) -> None:
        """下一季度15日前: the Q1 report filed 4-10 is met; filed 4-20 is late; a March filing does not count."""
        on_time = rows(
            "hazard.statistics.quarterly",
            [rec(RecordKind.HAZARD_STATISTICS_QUARTERLY, D(2026, 4, 10))],
            as_of=D(2026, 5, 1),
        )
        assert (D(2026, 4, 1), D(2026, 4, 15), S.MET) == on_time[0]
        late = rows(
            "hazard.statistics.quarterly",
            [rec(RecordKind.HAZARD_STATISTICS_QUARTERLY, D(2026, 4, 20))],
            as_of=D(2026, 5, 1),
        )
        assert S.LATE == late[0][2]
        early = rows(
            "hazard.statistics.quarterly",
            [rec(RecordKind.HAZARD_STATISTICS_QUARTERLY, D(2026, 3, 20))],
            as_of=D(2026, 5, 1),
        )
        assert S.MISSED == early[0][2]

    def test_the_quarterly_filing_is_not_the_yearly_one(self) -> None:
        """Order 16 第十四条 asks for two reports: a quarterly form does not meet the yearly one."""
        quarterly = [rec(RecordKind.HAZARD_STATISTICS_QUARTERLY, D(2027, 1, 10))]
        yearly = rows("hazard.statistics.yearly", quarterly, as_of=D(2027, 2, 1))
        assert [(D(2027, 1, 1), D(2027, 1, 31), S.MISSED)] == yearly[:1]
        filed = [rec(RecordKind.HAZARD_STATISTICS_YEARLY, D(2027, 1, 31))]
        assert S.MET == rows("hazard.statistics.yearly", filed, as_of=D(2027, 2, 1))[0][2]

    def test_a_plan_drill_is_not_an_on_site_drill(self) -> None:
        """应急预案管理办法 第三十三条: yearly comprehensive/special drills and half-yearly on-site drills."""
        plan_drill = [rec(RecordKind.DRILL_PLAN, D(2026, 5, 10))]
        on_site = rows("emergency_plan.drill.on_site", plan_drill, as_of=D(2026, 7, 1))
        assert [(D(2026, 1, 1), D(2026, 6, 30), S.MISSED)] == on_site[:1]
        yearly = rows("emergency_plan.drill.yearly", plan_drill, as_of=D(2026, 7, 1))
        assert [(D(2026, 1, 1), D(2026, 12, 31), S.MET)] == yearly

    def test_the_principal_takes_part_in_a_drill_that_names_him(self) -> None:
        """汕尾 八个一次 "参加一次演练": a drill record that names no one does not show the principal took part."""
        boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, enterprise=FIRM.uscc)
        anonymous = rec(RecordKind.DRILL_PLAN, D(2026, 6, 10))
        named = attrs.evolve(anonymous, id="d2", person="p1")
        duty = "shanwei.principal.yearly_drill"
        assert S.UPCOMING == rows(duty, [anonymous], as_of=D(2026, 7, 1), people=[boss])[0][2]
        assert S.MET == rows(duty, [anonymous, named], as_of=D(2026, 7, 1), people=[boss])[0][2]
        # with no people given, no record can show that the principal took part
        assert S.UPCOMING == rows(duty, [anonymous], as_of=D(2026, 7, 1))[0][2]

    def test_a_workers_training_is_not_the_principals(self) -> None:
        """A record naming a worker does not meet a 主要负责人 duty; one naming no one does."""
        worker = Person(id="w1", name="新员工", role=Role.WORKER, enterprise=FIRM.uscc)
        course = Record(
            id="t1", kind=RecordKind.TRAINING, on=D(2026, 3, 1), enterprise=FIRM.uscc, person="w1"
        )

        def status(records: list[Record], people: list[Person]) -> S:
            report = evaluate(
                FIRM,
                records,
                as_of=D(2026, 12, 31),
                since=JAN_1,
                obligations=[unscoped(catalog.obligation("shanwei.principal.yearly_training"))],
                people=people,
            )
            (row,) = [r for r in report.rows if r.obligation == "shanwei.principal.yearly_training"]
            return row.status

        assert S.DUE == status([course], [worker])
        assert S.MET == status([course], [])
        assert S.MET == status([attrs.evolve(course, person=None)], [worker])

    def test_group_companies_check_quarterly(self) -> None:
        """集团公司季查 binds a group company only; a skipped quarter is missed."""
        duty = [unscoped(catalog.obligation("xinzhou.hazard_check.group_quarterly"))]
        group = attrs.evolve(FIRM, group_company=True)
        done = [
            rec(RecordKind.HAZARD_CHECK_GROUP, D(2026, 3, 31)),
            rec(RecordKind.HAZARD_CHECK_GROUP, D(2026, 7, 1)),
        ]
        report = evaluate(group, done, as_of=D(2026, 9, 30), since=JAN_1, obligations=duty)
        assert [(D(2026, 3, 31), S.MET), (D(2026, 6, 30), S.MISSED), (D(2026, 9, 30), S.MET)] == [
            (r.due, r.status) for r in report.rows
        ]
        (plain,) = evaluate(FIRM, done, as_of=D(2026, 9, 30), obligations=duty).rows
        assert (S.NOT_APPLICABLE, "group_company is False") == (plain.status, plain.reason)

    def test_not_applicable_rows_name_the_reason(self) -> None:
        """The 应急条例 第八条 half-yearly drill does not bind a machinery works."""
        report = evaluate(
            FIRM,
            [],
            as_of=D(2026, 6, 1),
            obligations=[catalog.obligation("emergency_plan.drill.high_risk")],
        )
        (row,) = report.rows
        assert S.NOT_APPLICABLE == row.status
        assert "machinery" in row.reason
        assert "不适用" in row.explain()

    def test_report_helpers(self) -> None:
        """summary, rate, overdue, upcoming, html."""
        records = [rec(RecordKind.LED_INSPECTION, D(2026, 1, 9))]
        report = evaluate(
            FIRM,
            records,
            as_of=D(2026, 3, 20),
            since=D(2026, 1, 1),
            obligations=[unscoped(catalog.obligation("shanwei.principal.monthly_inspection"))],
        )
        assert (1, 1, 1) == (report.summary[S.MET], report.summary[S.MISSED], report.summary[S.DUE])
        assert Decimal("0.5") == report.rate
        assert [D(2026, 2, 28)] == [r.due for r in report.overdue()]
        assert [D(2026, 3, 31)] == [r.due for r in report.upcoming(days=30)]
        assert report.upcoming(days=10**12) == report.upcoming(days=3650)  # past date.max: all
        assert "<table>" in report._repr_html_()  # the full table, collapsed
        with pytest.raises(ValidationError):
            report.upcoming(days=-1)

    def test_bad_input(self) -> None:
        """Wrong types are ValidationErrors naming the argument."""
        for call in (
            lambda: evaluate("x", [], as_of=D(2026, 1, 1)),  # type: ignore[arg-type]
            lambda: evaluate(FIRM, ["x"], as_of=D(2026, 1, 1)),  # type: ignore[list-item]
            lambda: evaluate(FIRM, [], as_of="2026-01-01"),  # type: ignore[arg-type]
            lambda: evaluate(FIRM, [], as_of=D(2026, 1, 1), since=D(2026, 2, 1)),
            lambda: evaluate(FIRM, [], as_of=D(2026, 1, 1), obligations="all"),  # type: ignore[arg-type]
        ):
            with pytest.raises(ValidationError):
                call()


RECORDS = st.lists(
    st.builds(
        rec,
        st.sampled_from(
            [
                RecordKind.LED_INSPECTION,
                RecordKind.SAFETY_STUDY,
                RecordKind.DRILL_PLAN,
                RecordKind.HAZARD_STATISTICS_QUARTERLY,
            ]
        ),
        st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 11, 30)),
        st.uuids().map(str),
    ),
    max_size=30,
)
DUTIES = [
    unscoped(catalog.obligation(k))
    for k in (
        "shanwei.principal.monthly_inspection",
        "shanwei.principal.quarterly_study",
        "shanwei.principal.yearly_drill",
        "hazard.statistics.quarterly",
    )
]


class TestProperties:
    """Invariants of evaluation."""

    @settings(max_examples=60)
    @given(
        RECORDS,
        st.sampled_from(
            [
                RecordKind.LED_INSPECTION,
                RecordKind.SAFETY_STUDY,
                RecordKind.HAZARD_STATISTICS_QUARTERLY,
            ]
        ),
        st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 11, 30)),
    )
    def test_adding_a_record_never_turns_met_into_missed(
        self, records: list[Record], kind: RecordKind, on: date
    ) -> None:
        """A met row stays met (or better) with one more record."""
        as_of = D(2026, 12, 1)
        before = evaluate(FIRM, records, as_of=as_of, since=D(2026, 1, 1), obligations=DUTIES).rows
        after = evaluate(
            FIRM,
            [*records, rec(kind, on, "extra")],
            as_of=as_of,
            since=D(2026, 1, 1),
            obligations=DUTIES,
        ).rows
        assert len(before) == len(after)
        for old, new in zip(before, after, strict=True):
            if old.status is S.MET:
                assert S.MET == new.status

    @settings(max_examples=40)
    @given(RECORDS)
    def test_deterministic_and_complete(self, records: list[Record]) -> None:
        """Same input, same rows; every period of every duty has exactly one row."""
        first = evaluate(
            FIRM, records, as_of=D(2026, 11, 30), since=D(2026, 1, 1), obligations=DUTIES
        )
        again = evaluate(
            FIRM,
            list(reversed(records)),
            as_of=D(2026, 11, 30),
            since=D(2026, 1, 1),
            obligations=DUTIES,
        )
        assert first == again
        counts = {d.id: sum(1 for r in first.rows if r.obligation == d.id) for d in DUTIES}
        assert {
            "shanwei.principal.monthly_inspection": 11,
            "shanwei.principal.quarterly_study": 4,
            "shanwei.principal.yearly_drill": 1,
            "hazard.statistics.quarterly": 4,
        } == counts

    def test_evaluate_many_streams_picklable_reports(self) -> None:
        """One report per enterprise, in order, and reports pickle."""
        sample = catalog.sample_portfolio()
        reports = list(
            evaluate_many(
                sample.enterprises[:3], sample.records, as_of=D(2026, 11, 23), since=D(2026, 1, 1)
            )
        )
        assert [e.uscc for e in sample.enterprises[:3]] == [r.enterprise for r in reports]
        assert reports[0] == pickle.loads(pickle.dumps(reports[0]))  # noqa: S301 - our own data
        assert reports[0] == serde.loads(serde.dumps(reports[0]), type(reports[0]))


class TestTargets:
    """evaluate_target: the rule for on track, typed by hand."""

    STAGED = catalog.plan("xicha-2020").targets[0]  # 40% by 2020, 60% by 2021, 80% by 2022

    @pytest.mark.parametrize(
        ("value", "as_of", "state"),
        [
            ("0.58", D(2021, 12, 31), TargetState.MISSED),  # the 2021 milestone not reached
            (
                "0.62",
                D(2021, 12, 31),
                TargetState.ON_TRACK,
            ),  # reached; expected 0.6 today on the way to 0.8
            ("0.81", D(2022, 6, 30), TargetState.MET),  # already beyond the last milestone
        ],
    )
    def test_xicha_staged_target(self, value: str, as_of: date, state: TargetState) -> None:
        """西岔's staged target judged at end-2021 and mid-2022."""
        status = evaluate_target(
            self.STAGED, [Observation(on=D(2021, 12, 31), value=Decimal(value))], as_of=as_of
        )
        assert state == status.state

    def test_behind_on_the_straight_line(self) -> None:
        """Half way through 2022 the line expects 0.7; 0.65 is behind."""
        observations = [
            Observation(on=D(2021, 12, 31), value=Decimal("0.6")),
            Observation(on=D(2022, 7, 2), value=Decimal("0.65")),
        ]
        status = evaluate_target(self.STAGED, observations, as_of=D(2022, 7, 2))
        assert TargetState.BEHIND == status.state
        assert Decimal("0.69") < (status.expected or 0) < Decimal("0.71")

    def test_reduction_and_at_most(self) -> None:
        """A 10% reduction against 40 accidents: 35 is met; a ≤ 0.01% rate: 0.02% misses."""
        from safetyduty.models import Baseline  # noqa: PLC0415

        fewer = Target(
            id="accidents", title="事故起数下降10%", kind=TargetKind.REDUCTION,
            baseline=Baseline(value=Decimal(40), start=D(2016, 1, 1), end=D(2020, 12, 31)),
            milestones=[Milestone(due=D(2025, 12, 31), value=Decimal("0.1"))],
        )  # fmt: skip
        assert (
            TargetState.MET
            == evaluate_target(
                fewer, [Observation(on=D(2025, 12, 31), value=Decimal(35))], as_of=D(2026, 1, 1)
            ).state
        )
        capped = Target(
            id="fire",
            title="火灾死亡率",
            kind=TargetKind.AT_MOST_RATE,
            milestones=[Milestone(due=D(2025, 12, 31), value=Decimal("0.0001"))],
        )
        assert (
            TargetState.MISSED
            == evaluate_target(
                capped,
                [Observation(on=D(2025, 6, 1), value=Decimal("0.0002"))],
                as_of=D(2026, 1, 1),
            ).state
        )

    def test_no_data(self) -> None:
        """No observation, or none by the last milestone: no data, not a guess."""
        assert TargetState.NO_DATA == evaluate_target(self.STAGED, [], as_of=D(2021, 1, 1)).state
        late = [Observation(on=D(2026, 1, 1), value=Decimal(1))]
        assert TargetState.NO_DATA == evaluate_target(self.STAGED, late, as_of=D(2026, 1, 2)).state


class TestCatalog:
    """The built-in data."""

    def test_every_entry_has_a_basis(self) -> None:
        """Each catalog duty and plan names its source."""
        assert all(o.basis.document for o in catalog.enterprise_obligations())
        assert all(
            p.basis.document and all(o.basis.document for o in p.obligations)
            for p in catalog.plans()
        )

    def test_eight_once_are_all_there(self) -> None:
        """汕尾's 八个一次: monthly, quarterly and six yearly duties."""
        freqs = [catalog.obligation(k).schedule.frequency.value for k in (  # type: ignore[union-attr]
            "shanwei.principal.monthly_inspection", "shanwei.principal.quarterly_study", "shanwei.principal.yearly_summary_meeting",
            "shanwei.principal.yearly_analysis_meeting", "shanwei.principal.yearly_responsibility_letters", "shanwei.principal.yearly_lecture",
            "shanwei.principal.yearly_drill", "shanwei.principal.yearly_training")]  # fmt: skip
        assert ["monthly", "quarterly", *["yearly"] * 6] == freqs

    def test_unknown_ids(self) -> None:
        """Unknown obligations and plans are UnknownCodeErrors."""
        with pytest.raises(UnknownCodeError):
            catalog.obligation("nope")
        with pytest.raises(UnknownCodeError):
            catalog.plan("nope")

    def test_sample_portfolio_round_trips(self) -> None:
        """The sample is valid data in the evaluate file format."""
        sample = catalog.sample_portfolio()
        assert 20 == len(sample.enterprises)
        assert sample == serde.loads(serde.dumps(sample), Portfolio)


class TestCommands:
    """demo, evaluate and sample."""

    def run(self, *argv: str) -> tuple[int, str]:
        """main() with captured output."""
        out = io.StringIO()
        return main(list(argv), out=out), out.getvalue()

    def test_demo_prints_the_sections(self) -> None:
        """The README's main job: overdue items, what is due, hazards, the plans and why they apply or not."""
        code, text = self.run("demo", "--locale", "en")
        assert 0 == code
        for part in (
            "Overdue (",
            "Due within 30 days",
            "Hazards needing attention (3)",
            "H-2026-001",
            "Local plans (5)",
            "not applied (in force 2020-07-01 to 2020-12-31, outside the days judged)",
            "2025-10-30",
        ):
            assert part in text

    def test_evaluate_a_file(self, tmp_path: Path) -> None:
        """sample → file → evaluate gives the demo's figures."""
        code, text = self.run("sample")
        path = tmp_path / "portfolio.json"
        path.write_text(text, encoding="utf-8")
        code, report = self.run(
            "evaluate", str(path), "--as-of", "2026-11-23", "--since", "2026-01-01"
        )
        _, demo = self.run("demo")
        assert 0 == code
        assert report.splitlines()[:6] == demo.splitlines()[:6]

    def test_evaluate_a_file_with_authorities(self, tmp_path: Path) -> None:
        """Authorities in the file are judged on the plans of their region."""
        urumqi = Authority(
            uscc="114415000070431508", name="乌鲁木齐市安委办",
            subject=Subject.REGULATOR_CITY, region="650100",
        )  # fmt: skip
        filed = [
            Record(id="p", kind=RecordKind.WORK_PLAN_FILED, on=D(2020, 5, 15), enterprise=urumqi.uscc),
            Record(id="s5", kind=RecordKind.PROGRESS_REPORT, on=D(2020, 5, 25), enterprise=urumqi.uscc),
        ]  # fmt: skip
        portfolio = Portfolio(enterprises=[FIRM], records=filed, authorities=[urumqi])
        path = tmp_path / "portfolio.json"
        path.write_text(serde.dumps(portfolio), encoding="utf-8")
        code, report = self.run("evaluate", str(path), "--as-of", "2020-06-30", "--locale", "en")
        assert 0 == code
        assert "乌鲁木齐市安委办: 1 overdue, 0 due within 30 days" in report
        assert "2020-06-25  File the three-year action statistics by the 25th" in report
        assert "填报" not in report  # one language: English titles in an English report

    def test_evaluate_bad_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file or a bad field: one line naming it, exit code 2."""
        assert 2 == main(["evaluate", str(tmp_path / "none.json")], out=io.StringIO())
        doc = json.loads(serde.dumps(Portfolio(enterprises=[FIRM])))
        doc["data"]["enterprises"][0]["employees"] = "many"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(doc), encoding="utf-8")
        assert 2 == main(["evaluate", str(bad)], out=io.StringIO())
        err = capsys.readouterr().err.strip().splitlines()
        assert "employees" in err[-1]


class TestManyEnterprises:
    """evaluate_many: progress, and facts of enterprises not in the input are not lost silently."""

    def test_progress_is_called_after_each_report(self) -> None:
        done: list[int] = []
        firms = [FIRM, attrs.evolve(FIRM, uscc="91350100M000100Y43")]
        reports = list(evaluate_many(firms, [], as_of=D(2026, 6, 30), progress=done.append))
        assert [1, 2] == done
        assert 2 == len(reports)

    def test_facts_of_other_enterprises_are_logged(self, caplog: pytest.LogCaptureFixture) -> None:
        stray = Record(
            id="s1",
            kind=RecordKind.LED_INSPECTION,
            on=D(2026, 3, 1),
            enterprise="91350100M000100Y43",
        )
        with caplog.at_level("WARNING", logger="safetyduty"):
            list(evaluate_many([FIRM], [stray], as_of=D(2026, 6, 30)))
        assert (
            "1 records of 1 enterprises not in the input were not judged: 91350100M000100Y43"
            in caplog.text
        )


class TestIdentity:
    """A record passed twice counts once (issue #18, item 2)."""

    def test_the_same_record_twice_does_not_meet_a_twice_a_quarter_duty(self) -> None:
        duty = Obligation(
            id="twice", title="每季度不少于两次检查", subject=Subject.ENTERPRISE,
            evidence=RecordKind.HAZARD_CHECK_PLANT,
            schedule=Recurring(frequency=Frequency.QUARTERLY, times=2), basis=Basis(document="示例"),
        )  # fmt: skip
        check = rec(RecordKind.HAZARD_CHECK_PLANT, D(2026, 2, 10), "c1")
        report = evaluate(
            FIRM, [check, check], as_of=D(2026, 4, 1), obligations=[duty], since=JAN_1
        )
        assert S.MISSED == report.rows[0].status

    def test_two_records_with_one_id_are_an_error(self) -> None:
        first = rec(RecordKind.HAZARD_CHECK_PLANT, D(2026, 2, 10), "c1")
        second = rec(RecordKind.HAZARD_CHECK_PLANT, D(2026, 3, 10), "c1")
        with pytest.raises(ValidationError, match=r"records\[1\]\.id"):
            evaluate(FIRM, [first, second], as_of=D(2026, 4, 1))


_PLAN_REGIONS = ["441521", "441500", "140902", "140900", "650102", "620100", "440300"]
_XINZHOU_PARK = "140900-xinzhou-edz"
_PLAN_KINDS = [
    RecordKind.HAZARD_CHECK_TEAM,
    RecordKind.HAZARD_CHECK_WORKSHOP,
    RecordKind.HAZARD_CHECK_PLANT,
    RecordKind.LED_INSPECTION,
    RecordKind.SAFETY_STUDY,
    RecordKind.TRAINING,
    RecordKind.DRILL_PLAN,
    RecordKind.DRILL_ON_SITE,
    RecordKind.HAZARD_STATISTICS_QUARTERLY,
    RecordKind.RESPONSIBILITY_SYSTEM,
]


@st.composite
def plan_years(draw: st.DrawFn) -> tuple[Portfolio, date]:
    """Portfolios in the seed plans' places in 2020 (some in 忻州经济开发区), with the records they ask for."""
    as_of = draw(st.sampled_from([D(2020, 12, 31), D(2020, 9, 15), D(2021, 3, 31)]))
    portfolio = draw(strategies.portfolios(as_of=as_of, regions=_PLAN_REGIONS, max_facts=4))
    firms = [
        attrs.evolve(e, park=_XINZHOU_PARK)
        if e.region.startswith("1409") and draw(st.booleans())
        else e
        for e in portfolio.enterprises
    ]
    first = as_of - timedelta(days=364)
    extra = []
    for firm in firms:
        people = [p.id for p in portfolio.people if p.enterprise == firm.uscc]
        extra += draw(
            st.lists(
                strategies.records(
                    enterprises=[firm.uscc], people=people, kinds=_PLAN_KINDS,
                    min_date=first, max_date=as_of,
                ),
                max_size=40,
            )
        )  # fmt: skip
    taken = {r.id for r in portfolio.records}
    records = [*portfolio.records, *(r for r in extra if r.id not in taken)]
    records = list({r.id: r for r in records}.values())
    return attrs.evolve(portfolio, enterprises=firms, records=records), as_of


class TestFastPaths:
    """The engine's shortcuts (validated once, scopes and periods worked out once, lazy indexes)
    give what the plain calls give."""

    @settings(max_examples=60, deadline=None)
    @given(plan_years(), st.sampled_from(["month", "day"]))
    def test_evaluate_many_equals_evaluate_per_enterprise(
        self, case: tuple[Portfolio, date], daily: Any
    ) -> None:
        """evaluate_many (facts grouped and checked once) gives each enterprise's evaluate."""
        portfolio, as_of = case
        kw: dict[str, Any] = {
            "as_of": as_of, "hazards": portfolio.hazards, "accidents": portfolio.accidents,
            "people": portfolio.people, "daily": daily,
        }  # fmt: skip
        many = list(catalog.evaluate_many(portfolio.enterprises, portfolio.records, **kw))
        one = [catalog.evaluate(e, portfolio.records, **kw) for e in portfolio.enterprises]
        assert one == many

    @settings(max_examples=40, deadline=None)
    @given(plan_years(), st.randoms(use_true_random=False))
    def test_the_order_of_the_records_does_not_matter(
        self, case: tuple[Portfolio, date], rng: Any
    ) -> None:
        """Shuffled records give the same reports (the index sorts each kind it uses)."""
        portfolio, as_of = case
        records = list(portfolio.records)
        rng.shuffle(records)
        for firm in portfolio.enterprises:
            kw: dict[str, Any] = {"as_of": as_of, "people": portfolio.people}
            expected = catalog.evaluate(firm, portfolio.records, **kw)
            assert expected == catalog.evaluate(firm, records, **kw)

    @settings(max_examples=30, deadline=None)
    @given(plan_years())
    def test_the_bundled_calendar_given_or_not(self, case: tuple[Portfolio, date]) -> None:
        """calendar=None (days worked out once for all) equals the bundled calendar passed in."""
        from safetyduty.calendars import default_calendar  # noqa: PLC0415

        portfolio, as_of = case
        for firm in portfolio.enterprises:
            kw: dict[str, Any] = {"as_of": as_of, "people": portfolio.people, "daily": "day"}
            assert catalog.evaluate(firm, portfolio.records, **kw) == catalog.evaluate(
                firm, portfolio.records, calendar=default_calendar(), **kw
            )

    def test_duties_passed_anew_equal_the_law_s(self) -> None:
        """The national duties passed as a new list (a new scope) equal the default."""
        from safetyduty import law  # noqa: PLC0415

        sample = catalog.sample_portfolio()
        firm = sample.enterprises[3]
        kw: dict[str, Any] = {"as_of": D(2026, 11, 23), "people": sample.people}
        assert catalog.evaluate(firm, sample.records, **kw) == catalog.evaluate(
            firm, sample.records, obligations=list(law.enterprise_duties()), **kw
        )

    def test_one_place_does_not_leak_into_another(self) -> None:
        """The same duties judged in two places, one after the other, each by its own plan."""
        shanwei = attrs.evolve(FIRM, region="441521")
        shenzhen = attrs.evolve(FIRM, region="440300")
        led = [rec(RecordKind.LED_INSPECTION, D(2020, m, 10)) for m in (7, 8)]
        for _ in range(2):
            first = catalog.evaluate(shanwei, led, as_of=D(2020, 12, 31))
            second = catalog.evaluate(shenzhen, led, as_of=D(2020, 12, 31))
            assert any(r.plan == "shanwei-2020" for r in first.rows)
            assert all(r.plan is None for r in second.rows)

    def test_the_row_maker_fills_a_filler(self) -> None:
        """The row class has a filler, so the maker takes its fast path; its rows are frozen."""
        from safetyduty.rules.compliance._report import make_row  # noqa: PLC0415

        assert "_blank" in make_row.__globals__
        from safetyduty.rules.compliance._report import _example_report  # noqa: PLC0415

        row = make_row(*attrs.astuple(_example_report().rows[0], recurse=False))
        assert weakref.ref(row)() is row
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            row.status = ComplianceStatus.MET  # type: ignore[misc]

    @settings(max_examples=50, deadline=None)
    @given(st.data())
    def test_the_row_maker_builds_what_the_class_builds(self, data: st.DataObject) -> None:
        """make_row (every field by position) equals ComplianceRow(...) with the same fields."""
        from safetyduty.rules.compliance import ComplianceRow  # noqa: PLC0415
        from safetyduty.rules.compliance._report import make_row  # noqa: PLC0415

        report = catalog.evaluate(
            data.draw(st.sampled_from(catalog.sample_portfolio().enterprises)),
            catalog.sample_portfolio().records,
            as_of=D(2026, 11, 23),
            people=catalog.sample_portfolio().people,
        )
        row = data.draw(st.sampled_from(report.rows))
        values = attrs.astuple(row, recurse=False)
        fields = {f.name: getattr(row, f.name) for f in attrs.fields(ComplianceRow)}
        made = make_row(*values)
        assert ComplianceRow(**fields) == made
        assert type(made) is ComplianceRow
        assert pickle.loads(pickle.dumps(made)) == made  # noqa: S301 - our own object
        assert hash(made) == hash(row)


class TestEdgesOfTheCount:
    """A record, a day or a month exactly on a boundary of the count (the cases mutation
    testing of ``rules/compliance/_rows.py`` found untested)."""

    @staticmethod
    def _duty(schedule: Any, evidence: RecordKind = RecordKind.DRILL_PLAN) -> Obligation:
        return Obligation(
            id="edge", title="示例义务", subject=Subject.ENTERPRISE, evidence=evidence,
            schedule=schedule, basis=Basis(document="示例方案"),
        )  # fmt: skip

    def test_a_record_on_the_due_day_is_on_time_and_counted_once(self) -> None:
        """A one-off due 2026-06-30 done on 06-30, judged in July: met, nothing late."""
        done = rec(RecordKind.DRILL_PLAN, D(2026, 6, 30))
        duty = self._duty(OneOff(due=D(2026, 6, 30)))
        (row,) = evaluate(FIRM, [done], as_of=D(2026, 7, 9), obligations=[duty]).rows
        assert (S.MET, 0, (done.id,), 1, 1) == (
            row.status, row.late, row.evidence, row.required, row.done
        )  # fmt: skip

    def test_a_standing_duty_done_on_its_day(self) -> None:
        """ "2022年底前设立安全总监", appointed 2022-12-31, judged in 2023: met, nothing late."""
        from safetyduty.models import Standing  # noqa: PLC0415

        done = rec(RecordKind.SAFETY_DIRECTOR_APPOINTED, D(2022, 12, 31))
        duty = self._duty(Standing(by=D(2022, 12, 31)), RecordKind.SAFETY_DIRECTOR_APPOINTED)
        report = evaluate(FIRM, [done], as_of=D(2023, 6, 30), obligations=[duty])
        (row,) = report.rows
        assert (S.MET, 0, (done.id,), 1) == (row.status, row.late, row.evidence, row.required)
        next_day = rec(RecordKind.SAFETY_DIRECTOR_APPOINTED, D(2023, 1, 1))
        (row,) = evaluate(FIRM, [next_day], as_of=D(2023, 6, 30), obligations=[duty]).rows
        assert (S.LATE, 1, (next_day.id,)) == (row.status, row.late, row.evidence)

    def test_an_accident_before_the_regulation_has_no_supplementary_report(self) -> None:
        """条例 (from 2007-06-01): casualties changed after an accident of 2007-05-20 call for no
        补报 under it; after one of 2007-06-01, they do."""
        duty = catalog.obligation("accident.supplementary_report")
        changed = rec(RecordKind.CASUALTY_CHANGE, D(2007, 6, 10))

        def judged(occurred: date) -> list[S]:
            accident = Accident(
                id=f"a-{occurred}", enterprise=FIRM.uscc,
                occurred_at=datetime(occurred.year, occurred.month, occurred.day, 9, 0, tzinfo=CST),
                deaths=0, serious_injuries=3, direct_loss=Decimal(1000),
            )  # fmt: skip
            report = evaluate(
                FIRM, [changed], as_of=D(2007, 12, 31), since=D(2007, 1, 1),
                obligations=[duty], accidents=[accident],
            )  # fmt: skip
            return [r.status for r in report.rows if r.status is not S.NOT_APPLICABLE]

        assert [] == judged(D(2007, 5, 20))
        assert [] == judged(D(2007, 5, 31))
        assert [S.MISSED] == judged(D(2007, 6, 1))

    def test_a_report_before_the_accident_is_not_a_late_report(self) -> None:
        """A report dated the day before the accident neither meets nor lateness-counts its
        1-hour limit: the row is missed with no evidence."""
        from safetyduty.models import Duration, DurationUnit, EventKind, Triggered  # noqa: PLC0415

        accident = Accident(
            id="a9", enterprise=FIRM.uscc, occurred_at=datetime(2026, 3, 10, 10, 0, tzinfo=CST),
            deaths=0, serious_injuries=1, direct_loss=Decimal(1000),
        )  # fmt: skip
        within = Duration(amount=1, unit=DurationUnit.HOURS)
        duty = self._duty(
            Triggered(event=EventKind.ACCIDENT, within=within), RecordKind.ACCIDENT_REPORTED
        )
        early = rec(RecordKind.ACCIDENT_REPORTED, D(2026, 3, 9))
        report = evaluate(
            FIRM, [early], as_of=D(2026, 3, 20), obligations=[duty], accidents=[accident]
        )
        (row,) = report.rows
        assert (S.MISSED, 0, ()) == (row.status, row.late, row.evidence)

    def test_a_daily_month_done_every_working_day_is_met(self) -> None:
        """March 2026 done on each of its 22 working days: met; April done so far: not yet met."""
        from safetyduty.calendars import default_calendar  # noqa: PLC0415

        duty = self._duty(parse_schedule("每日"), RecordKind.HAZARD_CHECK_TEAM)
        cal = default_calendar()
        days = [D(2026, 3, 1) + timedelta(days=n) for n in range(46)]  # 03-01 .. 04-15
        worked = [day for day in days if cal.is_workday(day)]
        records = [rec(RecordKind.HAZARD_CHECK_TEAM, day) for day in worked]
        report = evaluate(
            FIRM, records, as_of=D(2026, 4, 15), since=D(2026, 3, 1), obligations=[duty]
        )
        march, april = report.rows
        march_days = sum(1 for day in worked if day.month == 3)
        assert (S.MET, march_days, march_days, ()) == (
            march.status, march.required, march.done, march.missed
        )  # fmt: skip
        april_so_far = sum(1 for day in worked if day.month == 4)
        assert april.status is not S.MET
        assert (april_so_far, ()) == (april.done, april.missed)
        assert april.required > april_so_far  # the rest of April is still to come

    def test_only_a_daily_duty_s_months_are_daily_rows(self) -> None:
        """On the sample: a row is a daily summary only for a daily duty; any other row's
        done is its evidence; a not-applicable row requires and counts nothing."""
        daily_ids = {
            d.id
            for d in catalog.enterprise_obligations()
            if isinstance(d.schedule, Recurring) and d.schedule.frequency is Frequency.DAILY
        }
        sample = catalog.sample_portfolio()
        checked = 0
        for report in evaluate_many(
            sample.enterprises, sample.records, as_of=D(2026, 9, 30), people=sample.people,
            accidents=sample.accidents, hazards=sample.hazards,
            plans=catalog.plans(), obligations=catalog.enterprise_obligations(),
        ):  # fmt: skip
            for row in report.rows:
                if row.status is S.NOT_APPLICABLE:
                    assert (False, 0, 0) == (row.daily, row.required, row.done)
                    continue
                assert row.daily == (row.obligation in daily_ids)
                if not row.daily:
                    assert len(row.evidence) == row.done
                checked += 1
        assert checked > 100

    def test_a_workday_limit_past_the_calendar_is_estimated(self) -> None:
        """Published Sunday 2026-12-20: the 20-working-day filing limit runs into 2027, past
        the bundled years: counted on the estimated calendar, and the row says so."""
        records = [rec(RecordKind.PLAN_PUBLISHED, D(2026, 12, 20))]
        report = evaluate(
            FIRM,
            records,
            as_of=D(2026, 12, 31),
            since=D(2026, 1, 1),
            obligations=[unscoped(catalog.obligation("emergency_plan.filing"))],
        )
        (row,) = report.rows
        # 12-21..25 and 12-28..31 are 9 working days; 2027-01-01 (元旦) is a holiday on the
        # estimated calendar; 01-04..08 and 01-11..15 make 19, so the 20th is Monday 01-18
        assert (D(2027, 1, 18), S.DUE) == (row.due, row.status)
        assert "estimated" in row.reason


class TestWhatTheReportSays:
    """The report's hazards, reasons and sources at their edges (the cases mutation testing of
    ``rules/compliance/_evaluate.py`` found untested)."""

    @staticmethod
    def _hazard(level: str, found_on: date) -> Any:
        from safetyduty.models import Hazard, HazardLevel  # noqa: PLC0415

        return Hazard(
            id=f"h-{level}-{found_on}", enterprise=FIRM.uscc, found_on=found_on,
            level=HazardLevel(level), description="示例隐患",
        )  # fmt: skip

    def test_which_hazards_are_findings(self) -> None:
        """A major hazard with no 五到位 plan is a finding; not once closed (though past its
        deadline), nor before it is found; a general hazard without a plan is not."""
        from safetyduty.models import RectificationPlan  # noqa: PLC0415

        major = self._hazard("major", D(2026, 3, 1))
        plan = RectificationPlan(
            responsible="张三", measures="清理", funds=Decimal(1000), deadline=D(2026, 4, 1),
            contingency="临时封闭",
        )  # fmt: skip
        closed = attrs.evolve(major, rectification=plan).start_rectification(on=D(2026, 3, 2))
        closed = closed.submit_for_acceptance(on=D(2026, 3, 5)).accept(on=D(2026, 3, 6))
        later = self._hazard("major", D(2026, 7, 1))
        general = self._hazard("general", D(2026, 3, 1))
        report = evaluate(
            FIRM, [], as_of=D(2026, 6, 30), obligations=[], hazards=[major, later, general]
        )
        assert [major.id] == [h.hazard for h in report.hazards]
        assert "五到位" in report.hazards[0].problem_zh
        closed_report = evaluate(FIRM, [], as_of=D(2026, 6, 30), obligations=[], hazards=[closed])
        assert () == closed_report.hazards

    def test_a_one_off_due_before_the_days_judged_gives_no_row(self) -> None:
        """Due 2025-06-30, judged from 2026-01-01: not a row of this span."""
        duty = Obligation(
            id="once", title="2025年6月底前完成", subject=Subject.ENTERPRISE,
            evidence=RecordKind.DRILL_PLAN, schedule=OneOff(due=D(2025, 6, 30)),
            basis=Basis(document="示例方案"),
        )  # fmt: skip
        assert () == evaluate(FIRM, [], as_of=D(2026, 6, 30), since=JAN_1, obligations=[duty]).rows

    def test_a_size_told_from_the_figures_makes_a_size_rule_apply(self) -> None:
        """第三十五条 binds 中型 and larger: a works of 2,000 people and 5亿 revenue is large."""
        works = attrs.evolve(FIRM, employees=2000, annual_revenue=Decimal(500_000_000))
        duty = catalog.obligation("emergency_plan.evaluation")
        published = [rec(RecordKind.PLAN_PUBLISHED, D(2024, 3, 1))]
        (row,) = evaluate(works, published, as_of=D(2026, 6, 30), obligations=[duty]).rows
        assert (S.UPCOMING, D(2027, 3, 1)) == (row.status, row.due)
        (small,) = evaluate(FIRM, published, as_of=D(2026, 6, 30), obligations=[duty]).rows
        assert small.status is S.NOT_APPLICABLE

    def test_reasons_come_in_both_languages(self) -> None:
        """A duty not in force says so with its span in Chinese too (起 for an open end)."""
        early = evaluate(FIRM, [], as_of=D(2008, 6, 30))
        (row,) = [r for r in early.rows if r.obligation == "standing.liability_insurance"]
        assert "2007-07-01至2008-06-30期间未施行（施行期间：2021-09-01起）" == row.reason_zh
        from safetyduty.models import Span  # noqa: PLC0415

        ended = Obligation(
            id="ended", title="2020年底前每月检查", subject=Subject.ENTERPRISE,
            evidence=RecordKind.LED_INSPECTION, schedule=parse_schedule("每月"),
            basis=Basis(document="示例方案"), effective=Span(end=D(2020, 12, 31)),
        )  # fmt: skip
        (gone,) = evaluate(FIRM, [], as_of=D(2026, 6, 30), obligations=[ended]).rows
        assert gone.reason_zh.endswith("（施行期间：至2020-12-31）")
        for each in early.rows:
            if each.status is S.NOT_APPLICABLE:
                assert each.reason_zh
                assert each.reason_zh != each.reason

    def test_the_sources_cited_are_listed_once(self) -> None:
        """Every registered source a row cites is in ``report.sources``, once."""
        sample = catalog.sample_portfolio()
        report = catalog.evaluate(sample.enterprises[0], sample.records, as_of=D(2026, 9, 30))
        cited = {r.basis.source for r in report.rows if r.basis.source is not None}
        listed = [s.id for s in report.sources]
        assert len(listed) == len(set(listed))
        assert cited == set(listed)

    def test_a_text_is_not_a_list_of_enterprises(self) -> None:
        """evaluate_many refuses a string (an iterable of characters) by name."""
        with pytest.raises(ValidationError) as info:
            list(evaluate_many("914403001922038216", [], as_of=D(2026, 6, 30)))  # type: ignore[arg-type]
        assert ("enterprises", "914403001922038216") == (info.value.field, info.value.value)

    def test_a_standing_duty_ended_before_the_day_judged_is_judged_once_by_its_last_version(
        self,
    ) -> None:
        """Two versions of a standing duty, both over by the day judged: one row, the later's."""
        from safetyduty.models import Span, Standing  # noqa: PLC0415

        def version(start: date, end: date, title: str) -> Obligation:
            return Obligation(
                id="kept", title=title, subject=Subject.ENTERPRISE,
                evidence=RecordKind.SAFETY_DIRECTOR_APPOINTED, schedule=Standing(),
                basis=Basis(document="示例方案"), effective=Span(start=start, end=end),
            )  # fmt: skip

        first = version(D(2020, 1, 1), D(2020, 6, 30), "上半年")
        second = version(D(2020, 7, 1), D(2020, 12, 31), "下半年")
        report = evaluate(
            FIRM, [], as_of=D(2021, 3, 31), since=D(2020, 6, 1), obligations=[first, second]
        )
        assert ["下半年"] == [r.title for r in report.rows]


class MondaysOnly:
    """A company calendar on which only Mondays are working days (a HolidayCalendar)."""

    def is_workday(self, day: date, /) -> bool:
        return day.weekday() == 0

    def next_workday(self, day: date, /) -> date:
        return day + timedelta(days=(7 - day.weekday()) % 7)

    def previous_workday(self, day: date, /) -> date:
        return day - timedelta(days=day.weekday())

    def add_workdays(self, day: date, n: int, /) -> date:
        return self.previous_workday(day) + timedelta(weeks=n)

    def workdays_between(self, start: date, end: date, /) -> int:
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(n))
        )


class TestWhoseDaysAndRecords:
    """Which days a daily duty counts and whose records a duty may use (the cases mutation
    testing of ``rules/compliance/_facts.py`` found untested)."""

    DAILY = Obligation(
        id="daily", title="班组每日检查", subject=Subject.ENTERPRISE,
        evidence=RecordKind.HAZARD_CHECK_TEAM, schedule=parse_schedule("每日"),
        basis=Basis(document="示例方案"),
    )  # fmt: skip

    def _march(self, firm: Enterprise, **extra: Any) -> Any:
        report = evaluate(
            firm, [], as_of=D(2026, 3, 31), since=D(2026, 3, 1), obligations=[self.DAILY], **extra
        )
        (row,) = report.rows
        return row

    def test_the_days_of_a_daily_duty(self) -> None:
        """March 2026: 22 working days on the bundled calendar, 31 in continuous operation,
        5 Mondays on a Mondays-only company calendar (continuous operation still every day)."""
        shifts = attrs.evolve(FIRM, continuous_operation=True)
        assert 22 == self._march(FIRM).required
        assert 31 == self._march(shifts).required
        assert 5 == self._march(FIRM, calendar=MondaysOnly()).required
        assert 31 == self._march(shifts, calendar=MondaysOnly()).required
        by_day = evaluate(
            shifts, [], as_of=D(2026, 3, 31), since=D(2026, 3, 1), obligations=[self.DAILY],
            calendar=MondaysOnly(), daily="day",
        )  # fmt: skip
        assert 31 == len(by_day.rows)

    def test_past_the_calendar_a_daily_duty_counts_monday_to_friday(self) -> None:
        """January 2027 on the strict bundled calendar given as the caller's: 21 weekdays."""
        from safetyduty.calendars import default_calendar  # noqa: PLC0415

        report = evaluate(
            FIRM, [], as_of=D(2027, 1, 31), since=D(2027, 1, 1), obligations=[self.DAILY],
            calendar=default_calendar(),
        )  # fmt: skip
        (row,) = report.rows
        assert 21 == row.required

    def test_a_record_naming_a_worker_is_the_worker_s(self) -> None:
        """A led inspection naming a worker does not meet the principal's monthly duty; a drill
        naming the worker still counts for the enterprise's; a record naming someone who is
        not among the people counts for everyone."""
        people = [
            Person(id="p", name="张总", role=Role.PRINCIPAL, enterprise=FIRM.uscc),
            Person(id="w", name="李工", role=Role.WORKER, enterprise=FIRM.uscc),
        ]

        def named(kind: RecordKind, person: str) -> Record:
            return Record(
                id=f"{kind.value}-{person}", kind=kind, on=D(2026, 3, 10), enterprise=FIRM.uscc,
                person=person,
            )  # fmt: skip

        led = unscoped(catalog.obligation("shanwei.principal.monthly_inspection"))
        drill = self._drill()
        for person, principal_met in (("w", False), ("stranger", True)):
            report = evaluate(
                FIRM, [named(RecordKind.LED_INSPECTION, person), named(drill.evidence, person)],
                as_of=D(2026, 3, 31), since=D(2026, 3, 1), obligations=[led, drill],
                people=people,
            )  # fmt: skip
            by_duty = {r.obligation: r.status for r in report.rows}
            assert (by_duty[led.id] is S.MET) == principal_met, person
            assert by_duty[drill.id] is S.MET, person

    @staticmethod
    def _drill() -> Obligation:
        return Obligation(
            id="drill", title="2026年3月底前组织一次演练", subject=Subject.ENTERPRISE,
            evidence=RecordKind.DRILL_PLAN, schedule=OneOff(due=D(2026, 3, 31)),
            basis=Basis(document="示例方案"),
        )  # fmt: skip
