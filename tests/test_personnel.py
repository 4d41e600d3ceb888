"""Training hours, pre-job education, assessments and special operators' certificates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty import law
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
)
from safetyduty.rules.compliance import (
    ComplianceStatus,
    evaluate,
    evaluate_many,
    personnel_requirements,
)

D = date
S = ComplianceStatus
PLANT = Enterprise(
    uscc="914403001922038216",
    name="示例机械",
    industry=Industry.MACHINERY,
    region="441500",
    employees=150,
)
MINE = attrs.evolve(PLANT, industry=Industry.COAL_MINE)
SITE = attrs.evolve(PLANT, industry=Industry.CONSTRUCTION)
JAN_1 = D(2026, 1, 1)


def course(person: str, on: date, hours: str | None, ident: str = "") -> Record:
    return Record(
        id=ident or f"t-{person}-{on}-{hours}",
        kind=RecordKind.TRAINING,
        on=on,
        enterprise=PLANT.uscc,
        person=person,
        hours=Decimal(hours) if hours is not None else None,
    )


def judged(
    key: str,
    enterprise: Enterprise,
    people: list[Person],
    records: list[Record],
    as_of: date,
    *,
    since: date = JAN_1,
) -> list[tuple[object, S]]:
    rows = personnel_requirements(enterprise, people, records=records, as_of=as_of, since=since)
    return [(r.due, r.status) for r in rows if r.obligation == key]


class TestYearlyTraining:
    BOSS = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=D(2020, 3, 1))

    @pytest.mark.parametrize(
        ("enterprise", "hours", "status"),
        [
            (PLANT, "12", S.MET),
            (PLANT, "11.5", S.MISSED),
            (MINE, "12", S.MISSED),
            (MINE, "16", S.MET),
        ],
    )
    def test_hours_by_sector(self, enterprise: Enterprise, hours: str, status: S) -> None:
        records = [course("p1", D(2026, 3, 1), hours)]
        assert [(D(2026, 12, 31), status)] == judged(
            "training.yearly", enterprise, [self.BOSS], records, D(2027, 1, 1)
        )[:1]

    def test_hours_add_up_within_the_year_only(self) -> None:
        records = [
            course("p1", D(2025, 12, 31), "8"),
            course("p1", D(2026, 1, 1), "6"),
            course("p1", D(2026, 12, 31), "6"),
        ]
        [row] = [
            r
            for r in personnel_requirements(
                PLANT, [self.BOSS], records=records, as_of=D(2027, 1, 1), since=D(2026, 1, 1)
            )
            if r.due == D(2026, 12, 31)
        ]
        assert (Decimal(12), Decimal(12), S.MET) == (row.hours_required, row.hours_done, row.status)

    def test_a_record_without_hours_counts_none(self) -> None:
        records = [course("p1", D(2026, 3, 1), None)]
        assert [(D(2026, 12, 31), S.MISSED)] == judged(
            "training.yearly", PLANT, [self.BOSS], records, D(2027, 1, 1)
        )[:1]

    def test_the_year_of_taking_office_is_not_judged(self) -> None:
        newcomer = attrs.evolve(self.BOSS, took_office_on=D(2026, 1, 1))
        assert [] == judged("training.yearly", PLANT, [newcomer], [], D(2026, 12, 31))

    def test_open_year_is_due_or_upcoming(self) -> None:
        assert [(D(2026, 12, 31), S.DUE)] == judged(
            "training.yearly", PLANT, [self.BOSS], [], D(2026, 12, 1)
        )
        assert [(D(2026, 12, 31), S.UPCOMING)] == judged(
            "training.yearly", PLANT, [self.BOSS], [], D(2026, 11, 30)
        )

    def test_a_year_begun_before_since_is_left_out(self) -> None:
        rows = judged(
            "training.yearly", PLANT, [self.BOSS], [], D(2026, 6, 30), since=D(2025, 7, 1)
        )
        assert [(D(2026, 12, 31), S.UPCOMING)] == rows


class TestPreJobTraining:
    WORKER = Person(id="w1", name="新员工", role=Role.WORKER, took_office_on=D(2026, 3, 2))

    @pytest.mark.parametrize(
        ("enterprise", "before", "after", "status"),
        [
            (PLANT, "24", None, S.MET),
            (PLANT, "23", None, S.MISSED),
            (MINE, "24", None, S.MISSED),
            (MINE, "72", None, S.MET),
            (MINE, "40", "32", S.LATE),
            (SITE, "32", None, S.MET),
            (SITE, "24", None, S.MISSED),
        ],
    )
    def test_hours_before_the_first_day(
        self, enterprise: Enterprise, before: str, after: str | None, status: S
    ) -> None:
        records = [course("w1", D(2026, 3, 2), before)]
        if after is not None:
            records.append(course("w1", D(2026, 3, 3), after))
        assert [(D(2026, 3, 2), status)] == judged(
            "training.pre_job", enterprise, [self.WORKER], records, D(2026, 6, 30)
        )

    def test_only_people_who_started_in_the_range(self) -> None:
        old_hand = attrs.evolve(self.WORKER, took_office_on=D(2025, 12, 31))
        assert [] == judged("training.pre_job", PLANT, [old_hand], [], D(2026, 6, 30))
        assert [] == judged("training.pre_job", PLANT, [self.WORKER], [], D(2026, 3, 1))


class TestAssessment:
    def test_six_months_in_high_risk_units(self) -> None:
        boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=D(2026, 1, 15))
        on_time = attrs.evolve(
            boss,
            certificates=[
                Certificate(
                    kind=CertificateKind.PRINCIPAL_ASSESSMENT, number="A1", issued_on=D(2026, 7, 15)
                )
            ],
        )
        late = attrs.evolve(
            boss,
            certificates=[
                Certificate(
                    kind=CertificateKind.PRINCIPAL_ASSESSMENT, number="A1", issued_on=D(2026, 7, 16)
                )
            ],
        )
        as_of = D(2026, 8, 1)
        assert [(D(2026, 7, 15), S.MET)] == judged(
            "assessment.took_office", MINE, [on_time], [], as_of
        )
        assert [(D(2026, 7, 15), S.LATE)] == judged(
            "assessment.took_office", MINE, [late], [], as_of
        )
        assert [(D(2026, 7, 15), S.MISSED)] == judged(
            "assessment.took_office", MINE, [boss], [], as_of
        )
        assert [] == judged("assessment.took_office", PLANT, [boss], [], as_of)

    def test_the_managers_own_certificate_kind(self) -> None:
        manager = Person(id="m1", name="王五", role=Role.SAFETY_MANAGER, took_office_on=D(2026, 1, 15),
                         certificates=[Certificate(kind=CertificateKind.PRINCIPAL_ASSESSMENT, number="A1", issued_on=D(2026, 3, 1))])  # fmt: skip
        assert [(D(2026, 7, 15), S.MISSED)] == judged(
            "assessment.took_office", MINE, [manager], [], D(2026, 8, 1)
        )

    def test_past_the_calendar_the_date_is_not_rolled(self) -> None:
        boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=D(2026, 8, 31))
        [row] = [
            r
            for r in personnel_requirements(MINE, [boss], as_of=D(2026, 11, 1))
            if r.obligation == "assessment.took_office"
        ]
        assert (D(2027, 2, 28), S.UPCOMING) == (row.due, row.status)  # 2-28 is a Sunday in 2027
        assert "past the calendar's last year" in row.reason


def operator(issued: date, reviewed: date | None = None, expires: date | None = None) -> Person:
    licence = Certificate(
        kind=CertificateKind.SPECIAL_OPERATION,
        number="T1",
        issued_on=issued,
        last_reviewed_on=reviewed,
        expires_on=expires,
    )
    return Person(id="o1", name="李四", role=Role.SPECIAL_OPERATOR, certificates=[licence])


def certificate_rows(person: Person, as_of: date) -> dict[str, tuple[object, S]]:
    return {
        r.obligation: (r.due, r.status)
        for r in personnel_requirements(PLANT, [person], as_of=as_of)
    }


class TestSpecialOperators:
    REVIEW = "special_operation.certificate.review"
    VALIDITY = "special_operation.certificate.validity"

    def test_no_certificate(self) -> None:
        bare = Person(id="o1", name="李四", role=Role.SPECIAL_OPERATOR)
        assert {"special_operation.certificate": (None, S.MISSED)} == certificate_rows(
            bare, D(2026, 1, 1)
        )

    @pytest.mark.parametrize(
        ("reviewed", "as_of", "status"),
        [
            # 2023-05-10 + 3 years is Sunday 2026-05-10: due Monday 2026-05-11
            (None, D(2026, 3, 11), S.UPCOMING),
            (None, D(2026, 3, 12), S.DUE),  # the 60-day application window opens
            (D(2026, 5, 11), D(2026, 6, 1), S.MET),
            (D(2026, 5, 12), D(2026, 6, 1), S.LATE),
            (None, D(2026, 5, 12), S.MISSED),
        ],
    )
    def test_review_after_three_years(self, reviewed: date | None, as_of: date, status: S) -> None:
        rows = certificate_rows(operator(D(2023, 5, 10), reviewed), as_of)
        assert (D(2026, 5, 11), status) == rows[self.REVIEW]

    def test_a_missed_review_voids_the_certificate(self) -> None:
        """第二十六条: unreviewed, the certificate is valid only to its review's due day (not 2029)."""
        rows = certificate_rows(operator(D(2023, 5, 10)), D(2026, 5, 12))
        assert (D(2026, 5, 11), S.MISSED) == rows[self.VALIDITY]

    @pytest.mark.parametrize(
        ("as_of", "status"),
        [
            (D(2026, 3, 1), S.MET),
            (D(2026, 3, 2), S.DUE),
            (D(2026, 5, 1), S.DUE),
            (D(2026, 5, 2), S.MISSED),
        ],
    )
    def test_validity_runs_to_the_printed_expiry(self, as_of: date, status: S) -> None:
        person = operator(D(2020, 5, 1), reviewed=D(2023, 4, 20), expires=D(2026, 5, 1))
        assert (D(2026, 5, 1), status) == certificate_rows(person, as_of)[self.VALIDITY]

    def test_the_newest_certificate_counts(self) -> None:
        old = Certificate(
            kind=CertificateKind.SPECIAL_OPERATION, number="T0", issued_on=D(2014, 1, 6)
        )
        new = Certificate(
            kind=CertificateKind.SPECIAL_OPERATION,
            number="T1",
            issued_on=D(2020, 1, 6),
            last_reviewed_on=D(2022, 12, 20),
        )
        person = Person(id="o1", name="李四", role=Role.SPECIAL_OPERATOR, certificates=[old, new])
        rows = certificate_rows(person, D(2024, 1, 1))
        assert S.MET == rows[self.REVIEW][1]
        assert (D(2026, 1, 6), S.MET) == rows[self.VALIDITY]


class TestInEvaluate:
    def test_people_flow_through_evaluate_and_evaluate_many(self) -> None:
        boss = Person(
            id="p1",
            name="张三",
            role=Role.PRINCIPAL,
            enterprise=PLANT.uscc,
            took_office_on=D(2020, 3, 1),
        )
        yearly = [law.duty("training.yearly")]
        report = evaluate(
            PLANT, [], as_of=D(2027, 1, 1), obligations=yearly, people=[boss], since=D(2026, 1, 1)
        )
        assert [("training.yearly", "p1", S.MISSED)] == [
            (r.obligation, r.person, r.status) for r in report.rows
        ][:1]
        [many] = evaluate_many(
            [PLANT], [], as_of=D(2027, 1, 1), obligations=yearly, people=[boss], since=D(2026, 1, 1)
        )
        assert report == many
        assert "每年再培训学时（p1）" in report._repr_html_()

    def test_evaluate_many_needs_the_employer(self) -> None:
        drifter = Person(id="x", name="无名", role=Role.WORKER)
        with pytest.raises(ValidationError, match=r"people\[0\]\.enterprise"):
            list(evaluate_many([PLANT], [], as_of=D(2026, 1, 1), people=[drifter]))

    def test_other_employers_people_are_ignored(self) -> None:
        elsewhere = Person(
            id="p9",
            name="外人",
            role=Role.PRINCIPAL,
            enterprise="91350100M000100Y43",
            took_office_on=D(2020, 1, 1),
        )
        assert () == personnel_requirements(PLANT, [elsewhere], as_of=D(2026, 6, 1))

    def test_explanations_give_hours(self) -> None:
        boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=D(2020, 3, 1))
        [row] = personnel_requirements(
            PLANT,
            [boss],
            records=[course("p1", D(2026, 3, 1), "8")],
            as_of=D(2026, 12, 31),
            since=D(2026, 1, 1),
        )
        assert "应于2026-12-31前完成12学时，实际8学时" in row.explain()
        assert "12 hours required by 2026-12-31, 8 done: due soon" in row.explain("en")


class TestBadInput:
    def test_errors_name_the_field(self) -> None:
        with pytest.raises(ValidationError, match="since"):
            personnel_requirements(PLANT, [], as_of=D(2026, 1, 1), since=D(2026, 1, 2))
        with pytest.raises(ValidationError, match=r"records\[0\]"):
            personnel_requirements(PLANT, [], records=[1], as_of=D(2026, 1, 1))  # type: ignore[list-item]
        with pytest.raises(ValidationError, match="people"):
            personnel_requirements(PLANT, "张三", as_of=D(2026, 1, 1))


class TestProperties:
    @settings(max_examples=60)
    @given(
        st.lists(
            st.tuples(
                st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31)), st.integers(1, 40)
            ),
            max_size=6,
        ),
        st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31)),
        st.integers(1, 40),
    )
    def test_more_training_never_turns_met_into_anything_else(
        self, courses: list[tuple[date, int]], on: date, hours: int
    ) -> None:
        people = [
            Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=D(2019, 1, 1)),
            Person(id="w1", name="新员工", role=Role.WORKER, took_office_on=D(2025, 6, 1)),
        ]
        records = [
            course(who, day, str(h), f"c{i}-{who}")
            for i, (day, h) in enumerate(courses)
            for who in ("p1", "w1")
        ]
        extra = [course(who, on, str(hours), f"extra-{who}") for who in ("p1", "w1")]
        as_of, since = D(2026, 12, 31), D(2025, 1, 1)
        before = personnel_requirements(MINE, people, records=records, as_of=as_of, since=since)
        after = personnel_requirements(
            MINE, people, records=records + extra, as_of=as_of, since=since
        )
        assert [(r.obligation, r.person, r.due) for r in before] == [
            (r.obligation, r.person, r.due) for r in after
        ]
        for old, new in zip(before, after, strict=True):
            if old.status is S.MET:
                assert S.MET == new.status


class TestAtTheEdges:
    """People who start on the first or last day judged, hours and reasons in Chinese (the
    cases sampled mutation of ``rules/compliance/_personnel.py`` found untested)."""

    @staticmethod
    def _rows(key: str, enterprise: Enterprise, people: list[Person], records: list[Record],
              as_of: date) -> list[object]:  # fmt: skip
        rows = personnel_requirements(enterprise, people, records=records, as_of=as_of, since=JAN_1)
        return [r for r in rows if r.obligation == key]

    def test_a_worker_starting_on_the_first_or_last_day_judged(self) -> None:
        """Pre-job training of a worker who starts on ``since`` or on ``as_of`` is judged; the
        hours done are those before the first day, as they are."""
        for began in (JAN_1, D(2026, 6, 30)):
            worker = Person(id="w1", name="新员工", role=Role.WORKER, took_office_on=began)
            records = [course("w1", began, "24")]
            rows: Any = self._rows("training.pre_job", PLANT, [worker], records, D(2026, 6, 30))
            assert [(began, S.MET, Decimal(24), 1)] == [
                (r.due, r.status, r.hours_done, r.required) for r in rows
            ]

    def test_an_officer_starting_on_the_first_or_last_day_judged(self) -> None:
        """The assessment of a principal who takes office on ``since`` or ``as_of`` is judged;
        one who took office the day before ``since`` is not."""
        for began, count in ((JAN_1, 1), (D(2026, 6, 30), 1), (D(2025, 12, 31), 0)):
            boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=began)
            rows = self._rows("assessment.took_office", MINE, [boss], [], D(2026, 6, 30))
            assert count == len(rows), began

    def test_whose_hours_in_chinese(self) -> None:
        """The reason names the role, the sector group and initial or yearly training."""
        worker = Person(id="w1", name="新员工", role=Role.WORKER, took_office_on=D(2026, 3, 2))
        boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, took_office_on=D(2020, 1, 1))
        site: Any = self._rows("training.pre_job", SITE, [worker], [], D(2026, 6, 30))
        plant: Any = self._rows("training.pre_job", PLANT, [worker], [], D(2026, 6, 30))
        assert "从业人员，建筑施工单位，初次培训" in site[0].reason_zh
        assert "从业人员，一般单位，初次培训" in plant[0].reason_zh
        yearly = personnel_requirements(SITE, [boss], as_of=D(2026, 12, 31), since=JAN_1)
        [row] = [r for r in yearly if r.obligation == "training.yearly"]
        assert "主要负责人，一般单位，每年再培训" in row.reason_zh
