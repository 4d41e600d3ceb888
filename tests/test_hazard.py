"""The hazard remediation state machine: worked cases and a stateful test."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from safetyduty import serde
from safetyduty.errors import TransitionError, ValidationError
from safetyduty.models import (
    Hazard,
    HazardLevel,
    HazardStatus,
    RectificationPlan,
    StatusChange,
)

USCC = "914403001922038216"
COMPLETE = RectificationPlan(
    responsible="李四",
    measures="更换泄压装置",
    funds=Decimal(50000),
    deadline=date(2026, 12, 31),
    contingency="现场处置方案",
)


def hazard(level: HazardLevel = HazardLevel.GENERAL) -> Hazard:
    """A hazard found on 2026-03-01."""
    return Hazard(
        id="h", enterprise=USCC, found_on=date(2026, 3, 1), level=level, description="泄压装置失效"
    )


class TestWorkedCases:
    """The transitions the rules allow and forbid."""

    def test_full_cycle_with_a_rejection(self) -> None:
        """reported → rectifying → pending → rejected → pending → closed."""
        h = hazard().start_rectification(on=date(2026, 3, 2))
        h = h.submit_for_acceptance(on=date(2026, 3, 9)).reject(
            on=date(2026, 3, 10), note="未整改到位"
        )
        h = h.submit_for_acceptance(on=date(2026, 3, 15)).accept(on=date(2026, 3, 16))
        assert [
            HazardStatus.REPORTED,
            HazardStatus.RECTIFYING,
            HazardStatus.PENDING_ACCEPTANCE,
            HazardStatus.RECTIFYING,
            HazardStatus.PENDING_ACCEPTANCE,
            HazardStatus.CLOSED,
        ] == [c.status for c in h.history]
        assert date(2026, 3, 16) == h.closed_on

    @pytest.mark.parametrize("move", ["submit_for_acceptance", "accept", "reject"])
    def test_illegal_from_reported(self, move: str) -> None:
        """A just-reported hazard can only start rectifying."""
        with pytest.raises(TransitionError) as info:
            getattr(hazard(), move)(on=date(2026, 3, 2))
        assert "reported" == info.value.value

    def test_each_move_has_one_starting_point(self) -> None:
        """Starting twice, or restarting from acceptance, is not a rejection in disguise."""
        pending = (
            hazard()
            .start_rectification(on=date(2026, 3, 2))
            .submit_for_acceptance(on=date(2026, 3, 3))
        )
        with pytest.raises(TransitionError):
            pending.start_rectification(on=date(2026, 3, 4))
        with pytest.raises(TransitionError):
            pending.reject(on=date(2026, 3, 4)).start_rectification(on=date(2026, 3, 5))

    def test_major_hazard_needs_the_five_part_plan(self) -> None:
        """五到位: a major hazard cannot start without all five parts."""
        partial = RectificationPlan(
            responsible="李四", measures="更换", deadline=date(2026, 12, 31)
        )
        with pytest.raises(TransitionError, match="funds, contingency"):
            hazard(HazardLevel.MAJOR).start_rectification(on=date(2026, 3, 2), plan=partial)
        with pytest.raises(TransitionError, match="plan"):
            hazard(HazardLevel.MAJOR).start_rectification(on=date(2026, 3, 2))
        started = hazard(HazardLevel.MAJOR).start_rectification(on=date(2026, 3, 2), plan=COMPLETE)
        assert date(2026, 12, 31) == started.deadline

    def test_dates_may_not_run_backwards(self) -> None:
        """A step dated before the previous one is rejected."""
        h = hazard().start_rectification(on=date(2026, 3, 5))
        with pytest.raises(ValidationError, match="on"):
            h.submit_for_acceptance(on=date(2026, 3, 4))

    def test_loaded_histories_are_checked_too(self) -> None:
        """A document with an illegal history does not load."""
        doc = serde.to_dict(hazard())
        doc["history"].append({"status": "closed", "on": "2026-03-02", "note": ""})
        with pytest.raises(ValidationError, match="cannot follow reported"):
            serde.from_dict(doc, Hazard)
        skipped = [StatusChange(status=HazardStatus.REPORTED, on=date(2026, 2, 28))]
        with pytest.raises(ValidationError, match="found_on"):
            Hazard(
                id="h",
                enterprise=USCC,
                found_on=date(2026, 3, 1),
                level=HazardLevel.GENERAL,
                description="x",
                history=skipped,
            )


LEGAL_FROM = {
    "start_rectification": HazardStatus.REPORTED,
    "submit_for_acceptance": HazardStatus.RECTIFYING,
    "accept": HazardStatus.PENDING_ACCEPTANCE,
    "reject": HazardStatus.PENDING_ACCEPTANCE,
}


class HazardMachine(RuleBasedStateMachine):
    """Random walks over the status methods keep every invariant."""

    def __init__(self) -> None:
        super().__init__()
        self.hazard = hazard(HazardLevel.MAJOR)
        self.day = date(2026, 3, 1)
        self.expected = [HazardStatus.REPORTED]

    def step(self, days: int) -> date:
        """Advance the clock."""
        self.day += timedelta(days=days)
        return self.day

    @precondition(lambda self: self.hazard.status is HazardStatus.REPORTED)
    @rule(days=st.integers(0, 10))
    def start(self, days: int) -> None:
        """Start rectifying with the full plan."""
        self.hazard = self.hazard.start_rectification(on=self.step(days), plan=COMPLETE)
        self.expected.append(HazardStatus.RECTIFYING)

    @precondition(lambda self: self.hazard.status is HazardStatus.RECTIFYING)
    @rule(days=st.integers(0, 10))
    def submit(self, days: int) -> None:
        """Report done."""
        self.hazard = self.hazard.submit_for_acceptance(on=self.step(days))
        self.expected.append(HazardStatus.PENDING_ACCEPTANCE)

    @precondition(lambda self: self.hazard.status is HazardStatus.PENDING_ACCEPTANCE)
    @rule(days=st.integers(0, 10), accepted=st.booleans())
    def decide(self, days: int, accepted: bool) -> None:
        """Accept or reject."""
        if accepted:
            self.hazard = self.hazard.accept(on=self.step(days))
            self.expected.append(HazardStatus.CLOSED)
        else:
            self.hazard = self.hazard.reject(on=self.step(days))
            self.expected.append(HazardStatus.RECTIFYING)

    @rule(move=st.sampled_from(sorted(LEGAL_FROM)))
    def anything(self, move: str) -> None:
        """Any move succeeds exactly from its one legal status, else raises and changes nothing."""
        before = self.hazard
        kwargs = {"plan": COMPLETE} if move == "start_rectification" else {}
        if before.status is LEGAL_FROM[move]:
            self.hazard = getattr(before, move)(on=self.day, **kwargs)
            self.expected.append(self.hazard.status)
        else:
            with pytest.raises(TransitionError):
                getattr(before, move)(on=self.day, **kwargs)
            assert before == self.hazard

    @invariant()
    def history_matches(self) -> None:
        """The history is exactly the moves made, dated in order, and survives JSON."""
        assert self.expected == [c.status for c in self.hazard.history]
        days = [c.on for c in self.hazard.history]
        assert days == sorted(days)
        assert self.hazard == serde.loads(serde.dumps(self.hazard), Hazard)


TestHazardMachine = HazardMachine.TestCase
