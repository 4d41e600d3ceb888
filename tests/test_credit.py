"""Credit lists: regimes by date, worked edges typed by hand, and properties."""

from __future__ import annotations

import random
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.models import (
    AccidentGrade,
    Basis,
    CreditEvent,
    CreditEventKind,
    CreditListKind,
    CreditRegime,
    CreditStanding,
    Enterprise,
    Industry,
    ListEntry,
    Standardization,
    StandardizationLevel,
)
from safetyduty.rules.credit import (
    RESTRICTIONS,
    black_regime_at,
    credit_status,
    credit_statuses,
    listing_terms,
    listing_triggers,
    red_list_eligibility,
)
from safetyduty.testing import strategies

S = "914403001922038216"
D = date
K = CreditEventKind
DECISION = Basis(document="列入决定书")


def event(
    on: date,
    kind: CreditEventKind = K.ACCIDENT,
    grade: AccidentGrade | None = None,
    deaths: int = 0,
    ident: str = "",
) -> CreditEvent:
    """A credit event of subject S."""
    return CreditEvent(
        id=ident or f"{kind.value}-{on}",
        subject=S,
        kind=kind,
        on=on,
        accident_grade=grade,
        deaths=deaths,
    )


def entry(
    on: date, regime: CreditRegime = CreditRegime.SERIOUS_DISHONESTY_2023, **extra: object
) -> ListEntry:
    """A recorded black-list decision for S."""
    return ListEntry(
        kind=CreditListKind.BLACK, regime=regime, subject=S, listed_on=on, basis=DECISION, **extra
    )  # type: ignore[arg-type]


class TestRegimes:
    """Each listing follows the regime in force on its date."""

    @pytest.mark.parametrize(
        ("day", "regime"),
        [
            (D(2015, 7, 29), CreditRegime.BLACKLIST_2015),
            (D(2017, 5, 8), CreditRegime.BLACKLIST_2015),
            (D(2017, 5, 9), CreditRegime.JOINT_PUNISHMENT_2017),
            (D(2023, 9, 30), CreditRegime.JOINT_PUNISHMENT_2017),
            (D(2023, 10, 1), CreditRegime.SERIOUS_DISHONESTY_2023),
        ],
    )
    def test_regime_by_date(self, day: date, regime: CreditRegime) -> None:
        """2015-07-29, 2017-05-09, 2023-10-01."""
        assert regime == black_regime_at(day).key

    def test_before_the_first_regime(self) -> None:
        """No rule before 2015-07-29: an error, not None."""
        with pytest.raises(NoRuleInForceError):
            black_regime_at(D(2015, 7, 28))


class TestWorkedCases:
    """The edges the issue names."""

    def test_two_larger_accidents_exactly_12_months_apart(self) -> None:
        """2024-03-01 and 2025-03-01 qualify (12个月内, the first day not counted); 2025-03-02 does not."""
        first = event(D(2024, 3, 1), grade=AccidentGrade.LARGER, deaths=3)
        within = listing_triggers(
            [first, event(D(2025, 3, 1), grade=AccidentGrade.LARGER, deaths=4)], as_of=D(2026, 1, 1)
        )
        assert [("two_larger_accidents", D(2025, 3, 1))] == [(t.criterion, t.on) for t in within]
        outside = listing_triggers(
            [first, event(D(2025, 3, 2), grade=AccidentGrade.LARGER, deaths=4)], as_of=D(2026, 1, 1)
        )
        assert () == outside

    def test_listing_on_a_leap_day_runs_three_years(self) -> None:
        """2024-02-29 + 3 years is in force through 2027-02-28."""
        decision = entry(D(2024, 2, 29))
        assert D(2027, 2, 28) == listing_terms(decision).expires_on
        assert (
            CreditStanding.BLACK
            == credit_status(S, [], as_of=D(2027, 2, 28), decisions=[decision]).standing
        )
        assert (
            CreditStanding.NONE
            == credit_status(S, [], as_of=D(2027, 3, 1), decisions=[decision]).standing
        )

    def test_early_removal_at_12_months(self) -> None:
        """满12个月: from 2025-03-11 for a listing of 2024-03-10; a removal ends the listing that day."""
        decision = entry(D(2024, 3, 10))
        assert D(2025, 3, 11) == listing_terms(decision).early_removal_from
        removed = attrs.evolve(decision, removed_on=D(2025, 3, 11))
        assert (
            CreditStanding.BLACK
            == credit_status(S, [], as_of=D(2025, 3, 10), decisions=[removed]).standing
        )
        assert (
            CreditStanding.NONE
            == credit_status(S, [], as_of=D(2025, 3, 11), decisions=[removed]).standing
        )
        # Revoking the early removal restores the listing (the entry without removed_on).
        assert (
            CreditStanding.BLACK
            == credit_status(S, [], as_of=D(2025, 6, 1), decisions=[decision]).standing
        )

    def test_2016_listing_and_a_consecutive_second(self) -> None:
        """Under the 2015 regime: 1 year, and 3 years for a second listing while the first runs."""
        first = event(D(2016, 4, 1), grade=AccidentGrade.MAJOR, deaths=11)
        second = event(D(2017, 3, 1), grade=AccidentGrade.MAJOR, deaths=12)
        alone = credit_status(S, [first], as_of=D(2016, 5, 1))
        assert [(CreditRegime.BLACKLIST_2015, D(2017, 4, 1))] == [
            (e.regime, e.expires_on) for e in alone.entries
        ]
        both = credit_status(S, [first, second], as_of=D(2019, 1, 1))
        assert [(D(2017, 3, 1), D(2020, 3, 1))] == [
            (e.listed_on, e.expires_on) for e in both.entries
        ]

    def test_2015_listing_extended_until_the_hazard_is_fixed(self) -> None:
        """An overdue major hazard keeps a 2015 listing open until rectified."""
        hazard = event(D(2016, 1, 10), kind=K.MAJOR_HAZARD_NOT_RECTIFIED)
        open_ended = credit_status(S, [hazard], as_of=D(2018, 1, 1))
        assert [None] == [e.expires_on for e in open_ended.entries]
        fixed = event(D(2017, 6, 1), kind=K.MAJOR_HAZARD_RECTIFIED)
        assert (
            CreditStanding.NONE == credit_status(S, [hazard, fixed], as_of=D(2017, 6, 2)).standing
        )
        assert (
            CreditStanding.BLACK == credit_status(S, [hazard, fixed], as_of=D(2017, 6, 1)).standing
        )

    def test_2018_listing_under_the_2017_regime(self) -> None:
        """1 year; removal applied for within 30 days before expiry."""
        status = credit_status(
            S, [event(D(2018, 6, 15), grade=AccidentGrade.LARGER, deaths=3)], as_of=D(2018, 7, 1)
        )
        (listed,) = status.entries
        assert (CreditRegime.JOINT_PUNISHMENT_2017, D(2019, 6, 15)) == (
            listed.regime,
            listed.expires_on,
        )
        assert (D(2019, 5, 16), D(2019, 6, 15)) == listing_terms(listed).removal_window
        assert RESTRICTIONS == status.restrictions

    def test_three_fatal_general_accidents_in_a_year(self) -> None:
        """2017 regime: the third fatal 一般 accident within 1 year qualifies."""
        accidents = [
            event(D(2019, m, 1), grade=AccidentGrade.GENERAL, deaths=1) for m in (1, 5, 12)
        ]
        assert [D(2019, 12, 1)] == [t.on for t in listing_triggers(accidents, as_of=D(2020, 1, 1))]

    def test_red_list_lost_by_a_penalty_and_regained(self) -> None:
        """A penalty on 2024-05-10 bars the red list through 2027-05-10; eligible again 2027-05-11."""
        firm = Enterprise(
            uscc=S, name="x", industry=Industry.MACHINERY, region="440300", employees=300,
            standardization=Standardization(level=StandardizationLevel.LEVEL_1, granted_on=D(2021, 1, 1)),
        )  # fmt: skip
        events = [
            event(D(2021, 3, 1), kind=K.PUBLIC_COMMITMENT),
            event(D(2024, 5, 10), kind=K.ADMINISTRATIVE_PENALTY),
        ]
        before = red_list_eligibility(firm, events, as_of=D(2024, 5, 9))
        lost = red_list_eligibility(firm, events, as_of=D(2027, 5, 10))
        back = red_list_eligibility(firm, events, as_of=D(2027, 5, 11))
        assert (True, False, True) == (before.eligible, lost.eligible, back.eligible)
        assert [(3, D(2027, 5, 11))] == [(u.condition, u.eligible_again_from) for u in lost.unmet]

    def test_red_list_needs_all_six(self) -> None:
        """No commitment, no 一级, a fatal accident, another field's record: each is named."""
        firm = Enterprise(
            uscc=S, name="x", industry=Industry.MACHINERY, region="440300", employees=30
        )
        events = [
            event(D(2025, 1, 1), grade=AccidentGrade.GENERAL, deaths=1),
            event(D(2020, 1, 1), kind=K.PENALTY_IN_OTHER_FIELD),
        ]
        result = red_list_eligibility(firm, events, as_of=D(2026, 1, 1))
        assert [1, 4, 5, 6] == [u.condition for u in result.unmet]
        with pytest.raises(NoRuleInForceError):
            red_list_eligibility(firm, [], as_of=D(2017, 12, 6))

    def test_decisions_take_precedence(self) -> None:
        """With a decision recorded, acts before it are covered, later ones are pending."""
        acts = [
            event(D(2024, 3, 1), grade=AccidentGrade.MAJOR, deaths=10),
            event(D(2025, 1, 1), kind=K.FALSE_REPORT),
        ]
        status = credit_status(S, acts, as_of=D(2025, 2, 1), decisions=[entry(D(2024, 6, 1))])
        assert [D(2024, 6, 1)] == [e.listed_on for e in status.entries]
        assert [D(2025, 1, 1)] == [e.on for e in status.pending]
        assert any("decided" in line for line in status.explanation)

    def test_bad_input(self) -> None:
        """Wrong types are ValidationErrors."""
        with pytest.raises(ValidationError):
            credit_status("", [], as_of=D(2025, 1, 1))
        with pytest.raises(ValidationError):
            credit_status(S, ["x"], as_of=D(2025, 1, 1))  # type: ignore[list-item]
        with pytest.raises(ValidationError):
            credit_status(S, [], as_of=D(2025, 1, 1), decisions=["x"])  # type: ignore[list-item]


EVENTS = st.lists(
    strategies.credit_events().map(
        lambda e: attrs.evolve(
            e, subject=S, on=D(2015, 8, 1) + timedelta(days=(e.on - D(2004, 1, 1)).days % 4000)
        )
    ),
    max_size=8,
    unique_by=lambda e: e.id,
)
DAYS = st.dates(min_value=D(2015, 8, 1), max_value=D(2030, 12, 31))


class TestProperties:
    """Invariants of the computed status."""

    @settings(max_examples=60)
    @given(EVENTS, DAYS, st.randoms())
    def test_deterministic_and_order_free(
        self, events: list[CreditEvent], as_of: date, rnd: random.Random
    ) -> None:
        """The same facts in any order give the same status."""
        shuffled = list(events)
        rnd.shuffle(shuffled)
        assert credit_status(S, events, as_of=as_of) == credit_status(S, shuffled, as_of=as_of)

    @settings(max_examples=60)
    @given(EVENTS, strategies.credit_events(), st.lists(DAYS, min_size=1, max_size=5))
    def test_adding_an_event_never_shortens_a_listing(
        self, events: list[CreditEvent], extra: CreditEvent, days: list[date]
    ) -> None:
        """Black before the extra fact means black after it, on every day."""
        more = [*events, attrs.evolve(extra, subject=S, id="extra")]
        for day in days:
            if credit_status(S, events, as_of=day).standing is CreditStanding.BLACK:
                assert CreditStanding.BLACK == credit_status(S, more, as_of=day).standing

    @settings(max_examples=60)
    @given(EVENTS)
    def test_after_every_expiry_nothing_is_left(self, events: list[CreditEvent]) -> None:
        """Past the last expiry (no open-ended hazard listings) the standing is none."""
        closed = [e for e in events if e.kind is not K.MAJOR_HAZARD_NOT_RECTIFIED]
        late = D(2035, 1, 1)
        status = credit_status(S, closed, as_of=late)
        assert CreditStanding.NONE == status.standing
        assert () == status.entries


class TestJointPunishment2017AllTenActs:
    """安监总办〔2017〕49号 第二条: each of the ten acts lists the unit."""

    @pytest.mark.parametrize(
        ("kind", "criterion"),
        [
            (CreditEventKind.UNLICENSED_OPERATION, "unlicensed_operation"),  # (二)
            (CreditEventKind.OCCUPATIONAL_HAZARD_EXCEEDED, "hazard_not_rectified"),  # (三)
            (CreditEventKind.MAJOR_HAZARD_NOT_RECTIFIED, "hazard_not_rectified"),  # (三)
            (CreditEventKind.REFUSED_ENFORCEMENT, "evaded_supervision"),  # (四)
            (CreditEventKind.PRODUCING_WHILE_SUSPENDED, "producing_while_suspended"),  # (五)
            (CreditEventKind.LATE_REPORT, "concealed_false_or_late_report"),  # (六) 迟报
            (CreditEventKind.FACILITIES_NOT_ACCEPTED, "facilities_not_accepted"),  # (七)
            (CreditEventKind.ILLEGAL_MINING, "illegal_mining"),  # (八)
            (CreditEventKind.ABSCONDED, "obstructed_investigation"),  # (九)
            (CreditEventKind.FALSE_DOCUMENTS, "false_documents"),  # (十)
        ],
    )
    def test_each_act(self, kind: CreditEventKind, criterion: str) -> None:
        event = CreditEvent(id="e", subject="s", kind=kind, on=date(2019, 6, 1))
        [trigger] = listing_triggers([event], as_of=date(2019, 6, 2))
        assert (CreditRegime.JOINT_PUNISHMENT_2017, criterion) == (
            trigger.regime,
            trigger.criterion,
        )

    def test_late_reporting_is_not_a_2023_criterion(self) -> None:
        """Order 11 names 瞒报、谎报 only."""
        event = CreditEvent(
            id="e", subject="s", kind=CreditEventKind.LATE_REPORT, on=date(2024, 6, 1)
        )
        assert () == listing_triggers([event], as_of=date(2024, 6, 2))


class TestIdentity:
    """Ids are the identity of events: the same one twice counts once; two with one id are an error."""

    LARGER = CreditEvent(
        id="a1", subject="s", kind=CreditEventKind.ACCIDENT, on=date(2024, 3, 1),
        accident_grade=AccidentGrade.LARGER, deaths=3,
    )  # fmt: skip

    def test_the_same_event_twice_counts_once(self) -> None:
        """One 较大 accident passed twice is not "12个月内2起以上较大事故"."""
        assert (
            CreditStanding.NONE
            == credit_status("s", [self.LARGER, self.LARGER], as_of=date(2024, 6, 1)).standing
        )

    def test_two_events_with_one_id_are_an_error(self) -> None:
        other = attrs.evolve(self.LARGER, on=date(2024, 5, 1))
        with pytest.raises(ValidationError, match=r"events\[1\]\.id"):
            credit_status("s", [self.LARGER, other], as_of=date(2024, 6, 1))


SUBJECTS = ("914403001922038216", "91440300MA5F8XYZ1Q", "91350100M000100Y43")


@st.composite
def many_subjects(draw: st.DrawFn) -> tuple[list[CreditEvent], list[ListEntry]]:
    """Events and decisions of a few subjects (ids unique)."""
    events = draw(st.lists(strategies.credit_events(), max_size=12, unique_by=lambda e: e.id))
    events = [attrs.evolve(e, subject=draw(st.sampled_from(SUBJECTS))) for e in events]
    decisions = draw(st.lists(strategies.list_entries(), max_size=3))
    decisions = [attrs.evolve(d, subject=draw(st.sampled_from(SUBJECTS))) for d in decisions]
    return events, decisions


class TestCreditStatuses:
    """credit_statuses: every subject at once, grouped in one pass."""

    @settings(max_examples=80, deadline=None)
    @given(many_subjects(), strategies.dates(D(2015, 1, 1), D(2026, 12, 31)))
    def test_equals_credit_status_of_each_subject(
        self, facts: tuple[list[CreditEvent], list[ListEntry]], as_of: date
    ) -> None:
        """The grouped answer is credit_status of each subject over all the facts."""
        events, decisions = facts
        found = credit_statuses(events, as_of=as_of, decisions=decisions)
        named = {e.subject for e in events} | {d.subject for d in decisions}
        assert sorted(named) == list(found)
        for subject in named:
            assert (
                credit_status(subject, events, as_of=as_of, decisions=decisions) == found[subject]
            )

    def test_subjects_without_facts_stand_on_no_list(self) -> None:
        """A subject asked for with no events is reported, on no list; others are left out."""
        acts = [event(D(2024, 3, 1), grade=AccidentGrade.MAJOR, deaths=12)]
        found = credit_statuses(acts, as_of=D(2026, 1, 1), subjects=["s2"])
        assert ["s2"] == list(found)
        assert CreditStanding.NONE == found["s2"].standing
        assert CreditStanding.BLACK == credit_statuses(acts, as_of=D(2026, 1, 1))[S].standing

    def test_a_subject_named_only_by_later_events_is_reported(self) -> None:
        """Events after as_of do not count, but their subject is listed (on no list)."""
        later = event(D(2027, 3, 1), grade=AccidentGrade.MAJOR, deaths=12)
        found = credit_statuses([later], as_of=D(2026, 1, 1))
        assert CreditStanding.NONE == found[S].standing

    @pytest.mark.parametrize(
        ("kw", "field"),
        [
            ({"events": "x"}, "events"),
            ({"events": [1]}, "events"),
            ({"as_of": "2026-01-01"}, "as_of"),
            ({"decisions": [1]}, "decisions"),
            ({"subjects": "s1"}, "subjects"),
            ({"subjects": [""]}, "subjects"),
            ({"subjects": [1]}, "subjects"),
            ({"subjects": ["s1", None]}, "subjects"),
            ({"subjects": [[1]]}, "subjects"),
        ],
    )
    def test_bad_input_names_the_field(self, kw: dict[str, object], field: str) -> None:
        """Bad events, days, decisions or subjects: a ValidationError naming the field."""
        args: dict[str, object] = {"events": [], "as_of": D(2026, 1, 1), **kw}
        with pytest.raises(ValidationError) as caught:
            credit_statuses(**args)  # type: ignore[arg-type]
        assert field == caught.value.field

    def test_two_events_with_one_id_are_an_error(self) -> None:
        """Ids are the identity of events, across subjects too."""
        first = event(D(2024, 3, 1), ident="e1")
        other = attrs.evolve(event(D(2024, 4, 1), ident="e1"), subject="s2")
        with pytest.raises(ValidationError, match=r"events\[1\]\.id"):
            credit_statuses([first, other], as_of=D(2026, 1, 1))
