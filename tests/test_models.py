"""Validation of every model: a bad value gives a ValidationError naming field and value."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest

from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.models import (
    Accident,
    AccidentGrade,
    Applicability,
    Baseline,
    Basis,
    Certificate,
    CertificateKind,
    CreditEvent,
    CreditEventKind,
    CreditListKind,
    CreditRegime,
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    Enterprise,
    EventKind,
    Frequency,
    HazardFlag,
    Industry,
    LecInputs,
    ListEntry,
    MatrixInputs,
    Milestone,
    Obligation,
    OneOff,
    Person,
    Phase,
    Plan,
    PlanLevel,
    Record,
    RecordKind,
    Recurring,
    Risk,
    Role,
    Subject,
    Target,
    TargetKind,
    TargetMeasure,
    Triggered,
)

USCC = "914403001922038216"
CST = timezone(timedelta(hours=8))
BASIS = Basis(document="《安全生产法》(2021)", article="第二十一条")


def rejects(cls: type[Any], field: str, **kwargs: Any) -> ValidationError:
    """Build *cls* and return the ValidationError, checking it names *field*."""
    with pytest.raises(ValidationError) as info:
        cls(**kwargs)
    assert info.value.field.startswith(field), info.value
    return info.value


class TestSchedules:
    """Durations, due rules and the three schedule kinds."""

    def test_duration_text(self) -> None:
        """Durations print in the regulations' own words."""
        assert ["1小时", "30日", "20个工作日", "3个月", "3年"] == [
            str(Duration(amount=n, unit=u))
            for n, u in [
                (1, DurationUnit.HOURS),
                (30, DurationUnit.DAYS),
                (20, DurationUnit.WORKDAYS),
                (3, DurationUnit.MONTHS),
                (3, DurationUnit.YEARS),
            ]
        ]

    @pytest.mark.parametrize("amount", [0, -1, 1.5, "3", True])
    def test_duration_amount(self, amount: object) -> None:
        """Amounts are whole, positive numbers."""
        error = rejects(Duration, "amount", amount=amount, unit=DurationUnit.DAYS)
        assert amount == error.value

    def test_the_seed_phrases_as_schedules(self) -> None:
        """每月25日前, 每年12月20日前, 下一季度15日前, 每半年至少一次 all fit."""
        monthly_25 = Recurring(
            frequency=Frequency.MONTHLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=25)
        )
        yearly_1220 = Recurring(
            frequency=Frequency.YEARLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, month=12, day=20)
        )
        next_quarter_15 = Recurring(
            frequency=Frequency.QUARTERLY,
            due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, month=1, day=15),
        )
        half_yearly = Recurring(frequency=Frequency.HALF_YEARLY)
        assert (25, 20, 15, DueKind.END_OF_PERIOD) == (
            monthly_25.due.day,
            yearly_1220.due.day,
            next_quarter_15.due.day,
            half_yearly.due.kind,
        )

    @pytest.mark.parametrize(
        ("frequency", "due", "field"),
        [
            (Frequency.DAILY, DueRule(kind=DueKind.DAY_OF_PERIOD, day=1), "due.kind"),
            (Frequency.WEEKLY, DueRule(kind=DueKind.DAY_OF_PERIOD, day=8), "due.day"),
            (Frequency.MONTHLY, DueRule(kind=DueKind.DAY_OF_PERIOD, month=2, day=1), "due.month"),
            (
                Frequency.HALF_YEARLY,
                DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, month=7, day=1),
                "due.month",
            ),
        ],
    )
    def test_due_rule_must_fit_the_period(
        self, frequency: Frequency, due: DueRule, field: str
    ) -> None:
        """A due day outside the period is rejected."""
        rejects(Recurring, field, frequency=frequency, due=due)

    def test_due_rule_needs_a_day(self) -> None:
        """Day N rules need N; end-of-period rules take none."""
        rejects(DueRule, "day", kind=DueKind.DAY_OF_PERIOD)
        rejects(DueRule, "day", kind=DueKind.DAY_OF_PERIOD, day=32)
        rejects(DueRule, "month", kind=DueKind.END_OF_PERIOD, month=1)

    def test_times_and_one_off(self) -> None:
        """At least once; a one-off needs a plain date."""
        rejects(Recurring, "times", frequency=Frequency.MONTHLY, times=0)
        rejects(OneOff, "due", due="2021-12-31")
        rejects(Triggered, "within", event=EventKind.ACCIDENT, within=3)


class TestObligations:
    """Duties and their applicability."""

    def enterprise(self, **changes: Any) -> Enterprise:
        """A 120-person machinery enterprise."""
        base: dict[str, Any] = {
            "uscc": USCC,
            "name": "x",
            "industry": Industry.MACHINERY,
            "region": "440300",
            "employees": 120,
        }
        return Enterprise(**{**base, **changes})

    @pytest.mark.parametrize(
        ("condition", "holds"),
        [
            (Applicability(), True),
            (Applicability(industries=[Industry.MACHINERY, Industry.TEXTILE]), True),
            (Applicability(industries=[Industry.CONSTRUCTION]), False),
            (Applicability(hazard_flags=[HazardFlag.DUST_EXPLOSION]), False),
            (Applicability(min_employees=101), True),  # "超过一百人"
            (Applicability(max_employees=100), False),  # "一百人以下"
            (Applicability(state_owned=True), False),
            (Applicability(above_designated_size=False), True),
        ],
    )
    def test_applies_to(self, condition: Applicability, holds: bool) -> None:
        """Each condition is checked; why_not names the failed one."""
        e = self.enterprise()
        assert holds == condition.applies_to(e)
        assert (condition.why_not(e) is None) == holds

    def test_exactly_100_employees(self) -> None:
        """100 is 一百人以下 (includes 100), not 超过一百人 (民法典 第1259条)."""
        e = self.enterprise(employees=100)
        assert Applicability(max_employees=100).applies_to(e)
        assert not Applicability(min_employees=101).applies_to(e)

    def test_bad_applicability(self) -> None:
        """Ranges must be ordered; why_not wants an Enterprise."""
        rejects(Applicability, "max_employees", min_employees=10, max_employees=5)
        with pytest.raises(ValidationError):
            Applicability().why_not("x")  # type: ignore[arg-type]

    def test_obligation_needs_a_schedule_and_basis(self) -> None:
        """A free-text schedule or a missing basis is rejected."""
        fields = {
            "id": "o",
            "title": "t",
            "subject": Subject.PRINCIPAL,
            "evidence": RecordKind.DRILL_PLAN,
        }
        rejects(Obligation, "schedule", **fields, schedule="每月", basis=BASIS)
        rejects(
            Obligation,
            "basis",
            **fields,
            schedule=OneOff(due=date(2021, 12, 31)),
            basis="安全生产法",
        )


class TestPlans:
    """Plans, phases and targets."""

    def plan(self, **changes: Any) -> Plan:
        """A 2020-04-01..2022-12-31 plan."""
        base: dict[str, Any] = {
            "id": "p",
            "title": "三年行动",
            "issuer": "安委会",
            "level": PlanLevel.PROVINCE,
            "region": "650000",
            "start": date(2020, 4, 1),
            "end": date(2022, 12, 31),
            "basis": BASIS,
        }
        return Plan(**{**base, **changes})

    def test_phases_ordered_inside_the_period(self) -> None:
        """Overlapping or outside phases are rejected, naming the phase."""
        first = Phase(name="动员部署", start=date(2020, 4, 1), end=date(2020, 4, 30))
        assert (first,) == self.plan(phases=[first]).phases
        with pytest.raises(ValidationError, match="phases\\[1\\]"):
            self.plan(
                phases=[
                    first,
                    Phase(name="排查整治", start=date(2020, 4, 30), end=date(2020, 12, 31)),
                ]
            )
        with pytest.raises(ValidationError, match="phases\\[0\\]"):
            self.plan(phases=[Phase(name="早", start=date(2020, 3, 1), end=date(2020, 4, 30))])

    def test_unique_ids(self) -> None:
        """Two targets with one id are rejected."""
        target = Target(
            id="t",
            title="x",
            kind=TargetKind.AT_LEAST_COUNT,
            milestones=[Milestone(due=date(2021, 1, 1), value=Decimal(1))],
        )
        with pytest.raises(ValidationError, match="targets"):
            self.plan(targets=[target, target])

    def test_targets(self) -> None:
        """Milestones ascend; rates are fractions; a period total needs its start."""
        stage = Milestone(due=date(2021, 12, 31), value=Decimal("0.6"))
        earlier = Milestone(due=date(2020, 12, 31), value=Decimal("0.4"))
        rejects(
            Target,
            "milestones",
            id="t",
            title="x",
            kind=TargetKind.AT_LEAST_RATE,
            milestones=[stage, earlier],
        )
        rejects(
            Target, "milestones", id="t", title="x", kind=TargetKind.AT_LEAST_RATE, milestones=[]
        )
        rejects(
            Target,
            "milestones",
            id="t",
            title="x",
            kind=TargetKind.AT_MOST_RATE,
            milestones=[Milestone(due=date(2021, 1, 1), value=Decimal(75))],
        )
        rejects(
            Target,
            "start",
            id="t",
            title="x",
            kind=TargetKind.REDUCTION,
            measure=TargetMeasure.PERIOD_TOTAL,
            milestones=[stage],
        )
        rejects(Baseline, "end", value=Decimal(1), start=date(2020, 1, 1), end=date(2019, 1, 1))


class TestPeopleRisksAccidentsRecords:
    """The remaining entities."""

    def test_certificate_dates(self) -> None:
        """Expiry after issue; review not before issue."""
        rejects(
            Certificate,
            "expires_on",
            kind=CertificateKind.SPECIAL_OPERATION,
            number="1",
            issued_on=date(2020, 1, 1),
            expires_on=date(2020, 1, 1),
        )
        rejects(
            Certificate,
            "last_reviewed_on",
            kind=CertificateKind.SPECIAL_OPERATION,
            number="1",
            issued_on=date(2020, 1, 1),
            last_reviewed_on=date(2019, 12, 31),
        )

    def test_person(self) -> None:
        """A bad employer code or certificate is rejected."""
        rejects(Person, "enterprise", id="p", name="张三", role=Role.PRINCIPAL, enterprise="123")
        rejects(
            Person, "certificates", id="p", name="张三", role=Role.PRINCIPAL, certificates=["T1"]
        )

    def test_risk_inputs(self) -> None:
        """Matrix scores are 1-5; LEC factors positive."""
        rejects(MatrixInputs, "severity", likelihood=1, severity=6)
        rejects(LecInputs, "l", l=Decimal(0), e=Decimal(1), c=Decimal(1))
        rejects(
            Risk,
            "assessment",
            id="r",
            enterprise=USCC,
            location="x",
            assessment=(3, 5),
            assessed_on=date(2026, 1, 1),
        )

    def test_accident_times(self) -> None:
        """Naive datetimes and reports before the event are rejected."""
        at = datetime(2026, 5, 1, 23, 30, tzinfo=CST)
        fields: dict[str, Any] = {
            "id": "a",
            "enterprise": USCC,
            "deaths": 0,
            "serious_injuries": 0,
            "direct_loss": Decimal(0),
        }
        rejects(Accident, "occurred_at", **fields, occurred_at=at.replace(tzinfo=None))
        rejects(
            Accident, "reported_at", **fields, occurred_at=at, reported_at=at - timedelta(minutes=1)
        )
        rejects(Accident, "direct_loss", **{**fields, "direct_loss": 5}, occurred_at=at)
        # The same instant in another zone is the same accident time.
        utc = Accident(**fields, occurred_at=at.astimezone(timezone.utc))
        assert utc == Accident(**fields, occurred_at=at)

    def test_record(self) -> None:
        """Training hours are positive decimals."""
        rejects(
            Record,
            "hours",
            id="r",
            kind=RecordKind.TRAINING,
            on=date(2026, 1, 1),
            enterprise=USCC,
            hours=Decimal(0),
        )
        rejects(
            Record,
            "on",
            id="r",
            kind=RecordKind.TRAINING,
            on=datetime(2026, 1, 1, tzinfo=CST),
            enterprise=USCC,
        )


class TestCredit:
    """Credit events and list entries."""

    def entry(self, **changes: Any) -> ListEntry:
        """A 2023-regime black-list entry listed on 2024-02-29."""
        base: dict[str, Any] = {
            "kind": CreditListKind.BLACK,
            "regime": CreditRegime.SERIOUS_DISHONESTY_2023,
            "subject": USCC,
            "listed_on": date(2024, 2, 29),
            "basis": BASIS,
        }
        return ListEntry(**{**base, **changes})

    def test_in_force_window(self) -> None:
        """Listed from listed_on, until expiry (inclusive) or removal (exclusive)."""
        entry = self.entry(expires_on=date(2027, 2, 28), removed_on=date(2025, 3, 1))
        assert [False, True, True, False] == [
            entry.in_force(d)
            for d in (date(2024, 2, 28), date(2024, 2, 29), date(2025, 2, 28), date(2025, 3, 1))
        ]
        assert self.entry(expires_on=date(2027, 2, 28)).in_force(date(2027, 2, 28))
        assert not self.entry(expires_on=date(2027, 2, 28)).in_force(date(2027, 3, 1))

    def test_regime_fixes_the_list(self) -> None:
        """The red-list regime cannot make a black-list entry."""
        with pytest.raises(ValidationError, match="must be red"):
            self.entry(regime=CreditRegime.RED_LIST_2017)

    def test_dates_ordered(self) -> None:
        """Expiry after listing; removal not before listing."""
        with pytest.raises(ValidationError, match="expires_on"):
            self.entry(expires_on=date(2024, 2, 29))
        with pytest.raises(ValidationError, match="removed_on"):
            self.entry(removed_on=date(2024, 2, 28))

    def test_grade_only_on_accidents(self) -> None:
        """A penalty has no accident grade."""
        rejects(
            CreditEvent,
            "accident_grade",
            id="e",
            subject=USCC,
            kind=CreditEventKind.ADMINISTRATIVE_PENALTY,
            on=date(2024, 1, 1),
            accident_grade=AccidentGrade.LARGER,
        )


def test_every_model_is_frozen_and_evolve_revalidates() -> None:
    """attrs.evolve goes through the validators again."""
    duration = Duration(amount=3, unit=DurationUnit.MONTHS)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        duration.amount = 4  # type: ignore[misc]
    with pytest.raises(SafetyDutyError):
        attrs.evolve(duration, amount=0)
