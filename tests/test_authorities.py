"""Authorities judged on the duties the seed plans set for them."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty import catalog
from safetyduty.catalog import evaluate_authority
from safetyduty.errors import ValidationError
from safetyduty.models import (
    ALWAYS,
    NATIONAL,
    Authority,
    Record,
    RecordKind,
    Subject,
    region_covers,
)
from safetyduty.rules.compliance import ComplianceStatus

D = date
S = ComplianceStatus
CODE = "114415000070431508"


def body(subject: Subject, region: str, park: str | None = None) -> Authority:
    return Authority(uscc=CODE, name="某机关", subject=subject, region=region, park=park)


def rec(kind: RecordKind, on: date, ident: str = "") -> Record:
    return Record(id=ident or f"{kind.value}-{on}", kind=kind, on=on, enterprise=CODE)


PLANS_BEGIN = D(2020, 1, 1)


def judged(
    authority: Authority, records: list[Record], as_of: date, key: str, since: date = PLANS_BEGIN
) -> list[tuple[date | None, object, S]]:
    report = evaluate_authority(authority, records, as_of=as_of, since=since)
    return [(r.start, r.due, r.status) for r in report.rows if r.obligation == key]


COUNTY = body(Subject.REGULATOR_COUNTY, "441521")  # 海丰县, under the 汕尾 plan
XJ_CITY = body(Subject.REGULATOR_CITY, "650100")  # 乌鲁木齐市, under the 新疆 plan
PARK = "140900-xinzhou-edz"  # 忻州经济开发区


class TestShanwei:
    def test_quarterly_inspections_within_the_plan(self) -> None:
        done = [rec(RecordKind.INSPECTION_OF_DUTIES, D(2020, 8, 20))]
        got = judged(COUNTY, done, D(2026, 1, 1), "shanwei.regulator.county.principal_inspection")
        assert [
            (D(2020, 7, 1), D(2020, 9, 30), S.MET),
            (D(2020, 10, 1), D(2020, 12, 31), S.MISSED),
        ] == got

    @pytest.mark.parametrize(
        ("filed", "status"), [(D(2020, 7, 30), S.MET), (D(2020, 7, 31), S.LATE)]
    )
    def test_the_plan_by_july_30(self, filed: date, status: S) -> None:
        got = judged(
            COUNTY,
            [rec(RecordKind.WORK_PLAN_FILED, filed)],
            D(2020, 8, 31),
            "shanwei.report.county.plan",
        )
        assert [(None, D(2020, 7, 30), status)] == got

    def test_township_monthly_and_city_half_yearly(self) -> None:
        town = body(Subject.REGULATOR_TOWNSHIP, "441521")
        assert 6 == len(
            judged(town, [], D(2021, 1, 1), "shanwei.regulator.township.principal_inspection")
        )
        city = body(Subject.REGULATOR_CITY, "441500")
        assert [(D(2020, 7, 1), D(2020, 12, 31), S.DUE)] == judged(
            city, [], D(2020, 12, 1), "shanwei.regulator.city.principal_inspection"
        )


class TestXinjiang:
    @pytest.mark.parametrize(
        ("filed", "status"), [(D(2020, 5, 25), S.MET), (D(2020, 5, 26), S.LATE)]
    )
    def test_monthly_statistics_by_the_25th(self, filed: date, status: S) -> None:
        got = judged(
            XJ_CITY,
            [rec(RecordKind.PROGRESS_REPORT, filed)],
            D(2020, 6, 30),
            "xinjiang.report.monthly_statistics",
        )
        assert (D(2020, 5, 1), D(2020, 5, 25), status) == got[0]
        assert 2 == len(got)  # May and June: the statistics follow the plans due 2020-05-18

    def test_one_record_one_deliverable(self) -> None:
        """A progress report filed 2022-12-15 meets December's statistics, not the year's
        report or the final report due 2022-12-20 (工作要求（信息报送）: three deliverables)."""
        filed = [rec(RecordKind.PROGRESS_REPORT, D(2022, 12, 15))]
        for duty, status in (
            ("xinjiang.report.monthly_statistics", S.MET),
            ("xinjiang.report.yearly", S.MISSED),
            ("xinjiang.report.final", S.MISSED),
        ):
            assert status == judged(XJ_CITY, filed, D(2022, 12, 31), duty)[-1][2], duty
        summary = [rec(RecordKind.YEAR_SUMMARY, D(2022, 12, 15))]
        assert S.MISSED == judged(XJ_CITY, summary, D(2022, 12, 31), "xinjiang.report.final")[-1][2]

    def test_the_plans_first_partial_year_has_its_yearly_report(self) -> None:
        got = judged(XJ_CITY, [], D(2023, 6, 1), "xinjiang.report.yearly")
        assert [D(2020, 12, 20), D(2021, 12, 20), D(2022, 12, 20)] == [due for _, due, _ in got]

    def test_nothing_after_the_plans_end(self) -> None:
        got = judged(XJ_CITY, [], D(2026, 6, 1), "xinjiang.report.monthly_statistics")
        assert 32 == len(got)  # 2020-05 to 2022-12
        assert () == evaluate_authority(XJ_CITY, [], as_of=D(2026, 6, 1)).rows  # a year back: none

    def test_departments_file_the_plan_the_yearly_and_the_final_report(self) -> None:
        """工作要求: the 2020-05-18 plan, the 12-20 reports and the final report bind the departments too."""
        department = body(Subject.DEPARTMENT, "650000")
        report = evaluate_authority(department, [], as_of=D(2023, 1, 31), since=D(2020, 1, 1))
        due = {(r.obligation, r.due) for r in report.rows if r.due is not None}
        assert ("xinjiang.report.local_plans.departments", D(2020, 5, 18)) in due
        assert ("xinjiang.report.final.departments", D(2022, 12, 20)) in due
        assert ("xinjiang.report.monthly_statistics.departments", D(2020, 5, 25)) in due


class TestXinzhou:
    def test_park_committee_quarterly_and_departments_monthly(self) -> None:
        park = body(Subject.REGULATOR_PARK, "140902", PARK)
        meetings = [rec(RecordKind.SAFETY_MEETING, D(2020, m, 10)) for m in (2, 5, 8)]
        got = judged(park, meetings, D(2021, 1, 10), "xinzhou.committee.quarterly_meeting")
        assert [S.MET, S.MET, S.MET, S.MISSED] == [status for _, _, status in got]
        department = body(Subject.DEPARTMENT, "140902", PARK)
        # from the notice's issue day, 2020-02-24: February (due 02-29) to December
        months = judged(department, [], D(2021, 1, 10), "xinzhou.departments.monthly_meeting")
        assert 11 == len(months)
        assert D(2020, 2, 29) == months[0][1]

    def test_only_the_park_not_every_xinzhou_body(self) -> None:
        """The notice binds the 开发区: a 忻州 body that is not of the park has none of its duties."""
        outside = body(Subject.REGULATOR_PARK, "140902")
        report = evaluate_authority(outside, [], as_of=D(2020, 12, 31), since=D(2020, 1, 1))
        assert () == report.rows
        assert [False] == [u.applied for u in report.plans if u.plan == "xinzhou-2020"]


class TestSelection:
    @pytest.mark.parametrize(
        ("plan_region", "region", "covered"),
        [
            ("650000", "650102", True),
            ("650000", "640102", False),
            ("441500", "441521", True),
            ("441500", "441600", False),
            ("441521", "441521", True),
            ("441521", "441500", False),
        ],
    )
    def test_covers(self, plan_region: str, region: str, covered: bool) -> None:
        assert covered == region_covers(plan_region, region)

    def test_other_regions_subjects_and_plans_not_begun(self) -> None:
        assert (
            ()
            == evaluate_authority(
                body(Subject.REGULATOR_COUNTY, "440305"), [], as_of=D(2021, 1, 1)
            ).rows
        )
        assert (
            ()
            == evaluate_authority(
                body(Subject.REGULATOR_PROVINCE, "441500"), [], as_of=D(2021, 1, 1)
            ).rows
        )
        assert () == evaluate_authority(COUNTY, [], as_of=D(2020, 6, 30)).rows

    def test_since_narrows_the_span(self) -> None:
        got = evaluate_authority(COUNTY, [], as_of=D(2021, 1, 1), since=D(2020, 10, 1))
        assert {
            "shanwei.report.county.year_summary",
            "shanwei.regulator.county.principal_inspection",
            "shanwei.report.county.quarterly_progress",
        } == {r.obligation for r in got.rows}
        assert D(2020, 10, 1) == got.since

    def test_own_obligations(self) -> None:
        duty = attrs.evolve(
            catalog.obligation("xinzhou.committee.quarterly_meeting"),
            subject=Subject.REGULATOR_COUNTY,
            jurisdiction=NATIONAL,
            effective=ALWAYS,
        )
        report = evaluate_authority(
            COUNTY,
            [rec(RecordKind.SAFETY_MEETING, D(2026, 2, 1))],
            as_of=D(2026, 6, 30),
            obligations=[duty],
        )
        assert [S.MISSED, S.MISSED, S.MET, S.DUE] == [r.status for r in report.rows]
        assert D(2025, 7, 1) == report.since

    def test_own_obligations_keep_their_scope(self) -> None:
        """A park's duty given to a county outside the park is not applicable, with the reason."""
        duty = attrs.evolve(
            catalog.obligation("xinzhou.committee.quarterly_meeting"),
            subject=Subject.REGULATOR_COUNTY,
        )
        report = evaluate_authority(COUNTY, [], as_of=D(2020, 6, 30), obligations=[duty], plans=())
        [row] = report.rows
        assert S.NOT_APPLICABLE == row.status
        assert "忻州经济开发区" in row.reason

    def test_other_bodies_records_are_ignored(self) -> None:
        stranger = Record(
            id="x",
            kind=RecordKind.INSPECTION_OF_DUTIES,
            on=D(2020, 8, 1),
            enterprise="914403001922038216",
        )
        got = judged(
            COUNTY, [stranger], D(2021, 1, 1), "shanwei.regulator.county.principal_inspection"
        )
        assert [S.MISSED, S.MISSED] == [status for _, _, status in got]


class TestBadInput:
    def test_errors_name_the_field(self) -> None:
        with pytest.raises(ValidationError, match="authority"):
            evaluate_authority("某局", [], as_of=D(2021, 1, 1))  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match=r"records\[0\]"):
            evaluate_authority(COUNTY, [None], as_of=D(2021, 1, 1))  # type: ignore[list-item]
        with pytest.raises(ValidationError, match="since"):
            evaluate_authority(COUNTY, [], as_of=D(2021, 1, 1), since=D(2021, 1, 2))
        with pytest.raises(ValidationError, match="plans"):
            evaluate_authority(COUNTY, [], as_of=D(2021, 1, 1), plans="shanwei-2020")
        with pytest.raises(ValidationError, match="subject"):
            Authority(uscc=CODE, name="x", subject=Subject.PRINCIPAL, region="441500")


RECORDS = st.lists(
    st.builds(
        rec,
        st.sampled_from([RecordKind.INSPECTION_OF_DUTIES, RecordKind.REPORT_FILED]),
        st.dates(min_value=D(2020, 6, 1), max_value=D(2021, 1, 31)),
    ),
    max_size=10,
    unique_by=lambda r: r.id,
)


class TestProperties:
    @settings(max_examples=60)
    @given(RECORDS, st.dates(min_value=D(2020, 6, 1), max_value=D(2021, 1, 31)))
    def test_a_record_more_never_turns_met_into_anything_else(
        self, records: list[Record], on: date
    ) -> None:
        before = evaluate_authority(COUNTY, records, as_of=D(2021, 1, 31), since=D(2020, 1, 1)).rows
        extra = [
            rec(RecordKind.INSPECTION_OF_DUTIES, on, "extra-1"),
            rec(RecordKind.REPORT_FILED, on, "extra-2"),
        ]
        after = evaluate_authority(
            COUNTY, records + extra, as_of=D(2021, 1, 31), since=D(2020, 1, 1)
        ).rows
        assert [r.due for r in before] == [r.due for r in after]
        for old, new in zip(before, after, strict=True):
            if old.status is S.MET:
                assert S.MET == new.status

    @settings(max_examples=30)
    @given(RECORDS)
    def test_deterministic(self, records: list[Record]) -> None:
        assert evaluate_authority(COUNTY, records, as_of=D(2021, 1, 31)) == evaluate_authority(
            COUNTY, list(reversed(records)), as_of=D(2021, 1, 31)
        )
