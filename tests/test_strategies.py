"""The public hypothesis strategies build valid worlds, and take the parameters users need."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty import serde
from safetyduty.errors import ValidationError
from safetyduty.models import Industry, Portfolio, Role
from safetyduty.rules.compliance import evaluate_many
from safetyduty.testing import strategies

CHINA = timezone(timedelta(hours=8))


class TestPortfolios:
    """portfolios(): every fact linked to a generated enterprise."""

    @settings(max_examples=60, deadline=None)
    @given(strategies.portfolios())
    def test_everything_is_matched(self, portfolio: Portfolio) -> None:
        """People, records, hazards and accidents belong to the portfolio's enterprises."""
        assert not portfolio.unmatched()
        assert all(p.enterprise is not None for p in portfolio.people)

    @settings(max_examples=60, deadline=None)
    @given(strategies.portfolios(max_facts=6))
    def test_records_name_people_of_their_own_enterprise(self, portfolio: Portfolio) -> None:
        """A record's person is one of its enterprise's people, or no one."""
        employer = {p.id: p.enterprise for p in portfolio.people}
        for record in portfolio.records:
            assert record.person is None or employer[record.person] == record.enterprise

    @settings(max_examples=30, deadline=None)
    @given(
        st.integers(0, 3).flatmap(
            lambda low: st.tuples(
                st.just(low), strategies.portfolios(min_enterprises=low, max_enterprises=low + 1)
            )
        )
    )
    def test_enterprise_counts(self, pair: tuple[int, Portfolio]) -> None:
        """min_enterprises and max_enterprises bound the number of enterprises."""
        low, portfolio = pair
        assert low <= len(portfolio.enterprises) <= low + 1

    @settings(max_examples=40, deadline=None)
    @given(strategies.portfolios(as_of=date(2026, 6, 30)))
    def test_as_of_dates_every_fact_in_the_year_judged(self, portfolio: Portfolio) -> None:
        """With as_of, facts fall in the year that ends on it (evaluate's default span)."""
        first, last = date(2025, 7, 1), date(2026, 6, 30)
        days = [r.on for r in portfolio.records] + [h.found_on for h in portfolio.hazards]
        days += [a.occurred_at.astimezone(CHINA).date() for a in portfolio.accidents]
        days += [h.history[-1].on for h in portfolio.hazards]
        assert all(first <= day <= last for day in days)

    @settings(max_examples=30, deadline=None)
    @given(
        strategies.portfolios(
            min_enterprises=1, industries=[Industry.CONSTRUCTION], regions=["441500"]
        )
    )
    def test_industries_and_regions_pass_through(self, portfolio: Portfolio) -> None:
        """portfolios(industries=…, regions=…) reaches enterprises()."""
        assert {Industry.CONSTRUCTION} == {e.industry for e in portfolio.enterprises}
        assert {"441500"} == {e.region for e in portfolio.enterprises}

    @settings(max_examples=30, deadline=None)
    @given(strategies.portfolios())
    def test_round_trip(self, portfolio: Portfolio) -> None:
        """What the strategy builds survives JSON."""
        assert portfolio == serde.loads(serde.dumps(portfolio), Portfolio)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_evaluate_many_never_raises(data: st.DataObject) -> None:
    """evaluate_many judges every generated portfolio, on any day inside the calendar."""
    as_of = data.draw(st.dates(date(2005, 1, 1), date(2026, 6, 30)), label="as_of")
    portfolio = data.draw(strategies.portfolios(as_of=as_of), label="portfolio")
    reports = list(
        evaluate_many(
            portfolio.enterprises,
            portfolio.records,
            hazards=portfolio.hazards,
            accidents=portfolio.accidents,
            people=portfolio.people,
            as_of=as_of,
        )
    )
    assert [e.uscc for e in portfolio.enterprises] == [r.enterprise for r in reports]


def test_evaluate_at_the_end_of_the_calendar() -> None:
    """A valid portfolio judged near the last covered day does not raise."""
    from safetyduty.models import Enterprise, Record, RecordKind  # noqa: PLC0415

    firm = Enterprise(
        uscc="914403001922038216", name="甲", industry=Industry.OTHER, region="441500", employees=5
    )
    plan = Record(
        id="r", kind=RecordKind.PLAN_PUBLISHED, on=date(2026, 12, 4), enterprise=firm.uscc
    )
    [report] = evaluate_many([firm], [plan], as_of=date(2026, 12, 20))
    [filing] = [r for r in report.rows if r.obligation == "emergency_plan.filing"]
    # 20 working days after 2026-12-04: 19 in December, then 2027-01-04 (元旦 on Friday 01-01),
    # counted on the estimated calendar and said so
    assert date(2027, 1, 4) == filing.due
    assert "estimated" in filing.reason


class TestParameters:
    """The other strategies' parameters."""

    @settings(max_examples=30, deadline=None)
    @given(strategies.enterprises(industries=[Industry.COAL_MINE], regions=["620100"]))
    def test_enterprises(self, enterprise: object) -> None:
        """industries and regions choose what is drawn."""
        assert getattr(enterprise, "industry", None) is Industry.COAL_MINE
        assert "620100" == getattr(enterprise, "region", None)

    @settings(max_examples=30, deadline=None)
    @given(strategies.persons())
    def test_people_always_have_an_employer(self, person: object) -> None:
        """evaluate_many needs the employer of every person."""
        assert getattr(person, "enterprise", None) is not None

    @settings(max_examples=30, deadline=None)
    @given(strategies.persons(enterprises=["914403001922038216"], roles=[Role.PRINCIPAL]))
    def test_persons(self, person: object) -> None:
        """enterprises and roles choose what is drawn."""
        assert "914403001922038216" == getattr(person, "enterprise", None)
        assert getattr(person, "role", None) is Role.PRINCIPAL

    @settings(max_examples=30, deadline=None)
    @given(strategies.records(enterprises=["914403001922038216"], people=[]))
    def test_records_without_people(self, record: object) -> None:
        """people=[] means records name no one."""
        assert getattr(record, "person", "x") is None

    @settings(max_examples=30, deadline=None)
    @given(
        strategies.accidents(
            enterprises=["914403001922038216"], min_date=date(2026, 1, 1), max_date=date(2026, 1, 1)
        )
    )
    def test_accidents_on_a_day_in_china(self, accident: object) -> None:
        """min_date and max_date are days in China, whatever zone the time is written in."""
        moment = getattr(accident, "occurred_at", None)
        assert moment is not None
        assert date(2026, 1, 1) == moment.astimezone(CHINA).date()

    @pytest.mark.parametrize(
        "build",
        [
            lambda: strategies.enterprises(industries=["coal"]),  # type: ignore[list-item]
            lambda: strategies.enterprises(regions=["991500"]),
            lambda: strategies.enterprises(industries=[]),
            lambda: strategies.enterprises(max_employees=-1),
            lambda: strategies.persons(enterprises="914403001922038216"),
            lambda: strategies.portfolios(max_enterprises=-1).example(),
            lambda: strategies.portfolios(min_enterprises=3, max_enterprises=2).example(),
            lambda: strategies.portfolios(as_of=date(9999, 1, 1)).example(),
        ],
    )
    def test_bad_parameters(self, build: object) -> None:
        """A bad parameter is a ValidationError naming it, not a hypothesis failure later."""
        with pytest.raises(ValidationError):
            build()  # type: ignore[operator]
