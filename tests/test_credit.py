"""Credit lists: regimes by date, worked edges typed by hand, and properties."""

from __future__ import annotations

import random
from datetime import date, timedelta

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
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

    def test_three_fatal_means_three_with_deaths(self) -> None:
        """ "造成人员死亡的一般…事故": a 一般 accident without deaths does not count, nor do two."""
        fatal = [event(D(2019, m, 1), grade=AccidentGrade.GENERAL, deaths=1) for m in (1, 5)]
        no_death = event(D(2019, 9, 1), grade=AccidentGrade.GENERAL, deaths=0)
        assert () == listing_triggers([*fatal, no_death], as_of=D(2020, 1, 1))
        assert () == listing_triggers(fatal, as_of=D(2020, 1, 1))

    def test_three_fatal_general_accidents_name_the_three(self) -> None:
        """The trigger holds the three accidents within the year, not an earlier one outside it."""
        days = (D(2018, 1, 10), D(2019, 2, 1), D(2019, 6, 1), D(2020, 1, 31))
        accidents = [event(day, grade=AccidentGrade.GENERAL, deaths=1) for day in days]
        (trigger,) = listing_triggers(accidents, as_of=D(2020, 3, 1))
        assert (D(2020, 1, 31), days[1:]) == (trigger.on, tuple(e.on for e in trigger.events))

    def test_ten_deaths_in_a_year_2015(self) -> None:
        """2015 regime (一): "一个年度内累计…死亡10人及以上" — exactly 10 in 2016 counts, on the day
        the total reaches 10, with the accidents that make it; 9 in a year and 1 the next does not."""
        ten = [
            event(D(2016, 2, 1), grade=AccidentGrade.GENERAL, deaths=2),
            event(D(2016, 5, 1), grade=AccidentGrade.GENERAL, deaths=2),
            event(D(2016, 8, 1), grade=AccidentGrade.LARGER, deaths=6),
            event(D(2016, 11, 1), grade=AccidentGrade.GENERAL, deaths=2),
        ]
        found = [
            t
            for t in listing_triggers(ten, as_of=D(2017, 1, 1))
            if t.criterion == "ten_deaths_in_a_year"
        ]
        assert [(D(2016, 8, 1), 3)] == [(t.on, len(t.events)) for t in found]
        nine_and_one = [
            event(D(2016, 3, 1), grade=AccidentGrade.GENERAL, deaths=2),
            event(D(2016, 9, 1), grade=AccidentGrade.LARGER, deaths=7),
            event(D(2017, 1, 5), grade=AccidentGrade.GENERAL, deaths=1),
        ]
        assert "ten_deaths_in_a_year" not in {
            t.criterion for t in listing_triggers(nine_and_one, as_of=D(2017, 2, 1))
        }

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
        """Black before an extra act means black after it, on every day.

        A rectification is the one fact that shortens a listing: it ends the
        extension of a 2015 listing kept while a major hazard stays open.
        """
        assume(extra.kind is not K.MAJOR_HAZARD_RECTIFIED)
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


class TestBoundaries:
    """The edges of each rule, typed from the texts (the survivors of mutation testing)."""

    def test_an_act_on_the_day_judged_counts(self) -> None:
        """A major accident on as_of lists the subject that very day."""
        day = D(2024, 6, 3)
        accident = event(day, grade=AccidentGrade.MAJOR, deaths=10)
        assert [day] == [t.on for t in listing_triggers([accident], as_of=day)]
        assert CreditStanding.BLACK == credit_status(S, [accident], as_of=day).standing
        assert (
            CreditStanding.NONE == credit_status(S, [accident], as_of=day - timedelta(1)).standing
        )

    @pytest.mark.parametrize(
        ("day", "regimes"),
        [
            (D(2015, 7, 28), []),
            (D(2015, 7, 29), [CreditRegime.BLACKLIST_2015]),
            (D(2017, 5, 8), [CreditRegime.BLACKLIST_2015]),
            (D(2017, 5, 9), [CreditRegime.JOINT_PUNISHMENT_2017]),
            (D(2023, 9, 30), [CreditRegime.JOINT_PUNISHMENT_2017]),
        ],
    )
    def test_a_major_accident_under_the_regime_of_its_day(
        self, day: date, regimes: list[CreditRegime]
    ) -> None:
        """Each regime from its first day; the earlier one up to the day before."""
        accident = event(day, grade=AccidentGrade.MAJOR, deaths=10)
        found = listing_triggers([accident], as_of=D(2024, 1, 1))
        assert regimes == sorted({t.regime for t in found}, key=lambda r: r.value)

    def test_a_decided_expiry_is_kept(self) -> None:
        """A decision that states its own end keeps it (the regime's period is a default)."""
        decided = entry(D(2024, 1, 10), expires_on=D(2024, 12, 31))
        assert D(2024, 12, 31) == listing_terms(decided).expires_on

    def test_only_a_2015_listing_waits_for_the_hazard(self) -> None:
        """The extension until rectification is the 2015 regime's; a 2018 listing ends after 1 year."""
        hazard = event(D(2018, 1, 10), kind=K.MAJOR_HAZARD_NOT_RECTIFIED)
        listed = entry(D(2018, 1, 10), regime=CreditRegime.JOINT_PUNISHMENT_2017)
        assert D(2019, 1, 10) == listing_terms(listed, events=[hazard]).expires_on

    def test_a_hazard_fixed_on_the_expiry_day_does_not_extend(self) -> None:
        """A hazard rectified on the day the year ends leaves nothing open: the listing ends then."""
        hazard = event(D(2016, 1, 10), kind=K.MAJOR_HAZARD_NOT_RECTIFIED)
        fixed = event(D(2017, 1, 10), kind=K.MAJOR_HAZARD_RECTIFIED)
        listed = entry(D(2016, 1, 10), regime=CreditRegime.BLACKLIST_2015)
        assert D(2017, 1, 10) == listing_terms(listed, events=[hazard, fixed]).expires_on
        later = event(D(2017, 1, 11), kind=K.MAJOR_HAZARD_RECTIFIED, ident="later")
        assert D(2017, 1, 11) == listing_terms(listed, events=[hazard, later]).expires_on

    @pytest.mark.parametrize(
        ("second", "months"), [(D(2017, 4, 2), 36), (D(2017, 4, 3), 12), (D(2016, 4, 1), 12)]
    )
    def test_consecutive_means_by_the_day_after_the_first_ended(
        self, second: date, months: int
    ) -> None:
        """2015: a second listing up to the day after the first's end (2017-04-01) runs 3 years;
        a day later, or on the first's own day, it is not consecutive."""
        first = entry(D(2016, 4, 1), regime=CreditRegime.BLACKLIST_2015)
        again = entry(second, regime=CreditRegime.BLACKLIST_2015)
        expected = second + relativedelta(months=months)
        assert expected == listing_terms(again, previous=[first]).expires_on

    def test_another_subjects_listing_is_not_a_previous_one(self) -> None:
        first = attrs.evolve(entry(D(2016, 4, 1), regime=CreditRegime.BLACKLIST_2015), subject="x")
        again = entry(D(2016, 10, 1), regime=CreditRegime.BLACKLIST_2015)
        assert D(2017, 10, 1) == listing_terms(again, previous=[first]).expires_on

    def test_a_listing_ends_after_its_last_day(self) -> None:
        """In force on its expiry day, not the day after; a decision counts from its own day."""
        decided = [entry(D(2024, 1, 10))]  # 2023 regime: 36 months, to 2027-01-10
        on = [credit_status(S, [], as_of=d, decisions=decided).standing for d in
              (D(2024, 1, 9), D(2024, 1, 10), D(2027, 1, 10), D(2027, 1, 11))]  # fmt: skip
        black, none = CreditStanding.BLACK, CreditStanding.NONE
        assert [none, black, black, none] == on

    def test_acts_after_the_latest_decision_are_pending(self) -> None:
        """An act on the decision's own day is the decided one; a later act is pending."""
        decided = [entry(D(2024, 3, 1))]
        same_day = event(D(2024, 3, 1), grade=AccidentGrade.MAJOR, deaths=10)
        later = event(D(2024, 6, 1), grade=AccidentGrade.MAJOR, deaths=10)
        status = credit_status(S, [same_day, later], as_of=D(2024, 7, 1), decisions=decided)
        assert [later] == list(status.pending)

    def test_a_recorded_expiry_shows_in_the_entries(self) -> None:
        """The entry carries its end (computed when the decision gave none)."""
        status = credit_status(S, [], as_of=D(2024, 2, 1), decisions=[entry(D(2024, 1, 10))])
        assert [D(2027, 1, 10)] == [e.expires_on for e in status.entries]
        stated = entry(D(2024, 1, 10), expires_on=D(2026, 1, 10))
        status = credit_status(S, [], as_of=D(2024, 2, 1), decisions=[stated])
        assert [D(2026, 1, 10)] == [e.expires_on for e in status.entries]

    def test_the_explanation_names_the_removal_window(self) -> None:
        """2017 regime: "apply for removal" from 30 days before the end to the end."""
        status = credit_status(
            S, [event(D(2018, 6, 15), grade=AccidentGrade.LARGER, deaths=3)], as_of=D(2018, 7, 1)
        )
        assert any(
            "apply for removal 2019-05-16 .. 2019-06-15" in line for line in status.explanation
        )

    def test_restrictions_only_when_black(self) -> None:
        status = credit_status(S, [], as_of=D(2024, 2, 1))
        assert (CreditStanding.NONE, ()) == (status.standing, tuple(status.restrictions))
        assert not any(line.startswith("restrictions") for line in status.explanation)


class TestRedListBoundaries:
    """红名单 (安监总办〔2017〕49号 of the red list): its conditions at their edges."""

    FIRM = Enterprise(
        uscc=S, name="x", industry=Industry.MACHINERY, region="440300", employees=300,
        standardization=Standardization(level=StandardizationLevel.LEVEL_1, granted_on=D(2020, 1, 1)),
    )  # fmt: skip
    PROMISE = CreditEvent(id="c", subject=S, kind=K.PUBLIC_COMMITMENT, on=D(2019, 1, 1))

    def test_before_the_red_list_existed(self) -> None:
        with pytest.raises(NoRuleInForceError):
            red_list_eligibility(self.FIRM, [self.PROMISE], as_of=D(2017, 12, 6))
        assert red_list_eligibility(self.FIRM, [self.PROMISE], as_of=D(2017, 12, 7)) is not None

    def test_a_penalty_on_the_day_judged_counts(self) -> None:
        penalty = CreditEvent(id="p", subject=S, kind=K.ADMINISTRATIVE_PENALTY, on=D(2024, 5, 10))
        result = red_list_eligibility(self.FIRM, [self.PROMISE, penalty], as_of=D(2024, 5, 10))
        assert [3] == [u.condition for u in result.unmet]

    def test_only_fatal_accidents_bar_condition_4(self) -> None:
        """ "3年内发生造成人员死亡的生产安全责任事故": an accident without deaths does not bar."""
        harmless = CreditEvent(id="a", subject=S, kind=K.ACCIDENT, on=D(2024, 5, 10), deaths=0)
        assert red_list_eligibility(
            self.FIRM, [self.PROMISE, harmless], as_of=D(2025, 1, 1)
        ).eligible
        fatal = attrs.evolve(harmless, deaths=1)
        result = red_list_eligibility(self.FIRM, [self.PROMISE, fatal], as_of=D(2025, 1, 1))
        assert [4] == [u.condition for u in result.unmet]

    def test_a_grade_granted_after_the_day_judged_does_not_count(self) -> None:
        late = attrs.evolve(
            self.FIRM,
            standardization=Standardization(
                level=StandardizationLevel.LEVEL_1, granted_on=D(2025, 1, 2)
            ),
        )
        assert [5] == [
            u.condition
            for u in red_list_eligibility(late, [self.PROMISE], as_of=D(2025, 1, 1)).unmet
        ]
        assert red_list_eligibility(late, [self.PROMISE], as_of=D(2025, 1, 2)).eligible


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
