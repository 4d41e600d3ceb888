"""PortfolioReport: one evaluation of a whole portfolio, with its summaries, on the sample and generated ones."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings

from safetyduty import catalog
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Authority,
    Enterprise,
    Industry,
    Portfolio,
    Record,
    RecordKind,
    Subject,
)
from safetyduty.rules.compliance import (
    ComplianceStatus,
    PortfolioReport,
    Tally,
    evaluate_authority,
    evaluate_portfolio,
    rows_of,
)
from safetyduty.testing import strategies

from .reports_sample import AS_OF, GENERATED_AS_OF, SINCE, judged, sample_result

S = ComplianceStatus


def check_summaries(result: PortfolioReport) -> None:
    """The tallies agree with each other and with the rows, counted here independently."""
    rows = [row for report in result.all_reports for row in report.rows]
    counted = Counter(row.status for row in rows)
    assert {s: counted.get(s, 0) for s in S} == result.summary == result.by_status()
    by_firm = result.by_enterprise()
    assert [r.enterprise for r in result.all_reports] == [t.key for t in by_firm]
    for tally, report in zip(by_firm, result.all_reports, strict=True):
        assert report.summary == {s: tally.count(s) for s in S}
        assert report.rate == tally.rate
    by_duty = result.by_obligation()
    assert len({row.obligation for row in rows}) == len(by_duty)
    for status in S:
        assert counted.get(status, 0) == sum(t.count(status) for t in by_duty)
    assert sum(t.total for t in by_duty) == len(rows)
    overdue = result.overdue()
    assert sorted(overdue, key=id) == sorted((r for r in rows if r.status is S.MISSED), key=id)
    soon = result.upcoming(days=30)
    limit = result.as_of + timedelta(days=30)
    assert all(r.status in (S.DUE, S.UPCOMING) for r in soon)
    assert len(soon) == sum(len(report.upcoming(days=30)) for report in result.all_reports)
    assert all(r.due is not None for r in soon)
    days = [r.due.date() if hasattr(r.due, "date") else r.due for r in soon]
    assert days == sorted(days)  # type: ignore[type-var]
    assert all(day <= limit for day in days)  # type: ignore[operator]
    assert rows_of(list(result.all_reports)) == result.to_rows()


class TestSample:
    """The bundled sample portfolio."""

    def test_every_enterprise_has_its_report(self) -> None:
        """One report per enterprise, in the portfolio's order, each equal to evaluating it alone."""
        sample = catalog.sample_portfolio()
        result = sample_result()
        assert [e.uscc for e in sample.enterprises] == [r.enterprise for r in result.reports]
        alone = catalog.evaluate(
            sample.enterprises[3],
            [r for r in sample.records if r.enterprise == sample.enterprises[3].uscc],
            as_of=AS_OF,
            since=SINCE,
            hazards=[h for h in sample.hazards if h.enterprise == sample.enterprises[3].uscc],
            accidents=[a for a in sample.accidents if a.enterprise == sample.enterprises[3].uscc],
            people=[p for p in sample.people if p.enterprise == sample.enterprises[3].uscc],
        )
        assert alone == result.reports[3]
        assert (AS_OF, SINCE) == (result.as_of, result.since)
        assert not result.unmatched

    def test_summaries_agree(self) -> None:
        """By status, by enterprise and by obligation count the same rows."""
        check_summaries(sample_result())

    def test_the_numbers_of_the_sample(self) -> None:
        """Pinned: a change in the rules or the sample shows here first."""
        result = sample_result()
        assert 13 == len(result.overdue())
        assert Decimal("0.9356") == result.rate
        worst = max(result.by_enterprise(), key=lambda t: t.missed)
        assert 2 == worst.missed

    def test_overdue_is_oldest_first(self) -> None:
        """The overdue items across enterprises are ordered by due date (undated standing ones last)."""
        keys = [r.due or date.max for r in sample_result().overdue()]
        assert keys == sorted(keys)  # type: ignore[type-var]


class TestAuthorities:
    """Authorities in a portfolio."""

    def test_an_authority_is_judged_on_its_own_records(self) -> None:
        """A body's report equals evaluate_authority on its records; they do not reach the enterprises."""
        firm = Enterprise(uscc="914403001922038216", name="示例", industry=Industry.MACHINERY,
                          region="650100", employees=50)  # fmt: skip
        body = Authority(uscc="114415000070431508", name="乌鲁木齐市安委办",
                         subject=Subject.REGULATOR_CITY, region="650100")  # fmt: skip
        filed = Record(id="s5", kind=RecordKind.REPORT_FILED, on=date(2020, 5, 26),
                       enterprise=body.uscc)  # fmt: skip
        portfolio = Portfolio(enterprises=[firm], authorities=[body], records=[filed])
        result = catalog.evaluate_portfolio(
            portfolio, as_of=date(2020, 6, 30), since=date(2020, 4, 1)
        )
        alone = evaluate_authority(body, [filed], as_of=date(2020, 6, 30), since=date(2020, 4, 1),
                                   plans=catalog.plans())  # fmt: skip
        assert (alone,) == result.authorities
        assert [firm.uscc, body.uscc] == [t.key for t in result.by_enterprise()]
        assert all(not row.evidence for row in result.reports[0].rows)
        check_summaries(result)


@settings(max_examples=20, deadline=None)
@given(strategies.portfolios(max_enterprises=3, as_of=GENERATED_AS_OF))
def test_generated_portfolios(portfolio: Portfolio) -> None:
    """Every generated portfolio: a report per body, and summaries that agree."""
    result = judged(portfolio)
    assert len(portfolio.enterprises) == len(result.reports)
    assert len(portfolio.authorities) == len(result.authorities)
    check_summaries(result)


class TestTally:
    """Tally: counts per status."""

    def test_fields_are_the_statuses(self) -> None:
        """A Tally has a field per status, named by its value, so count() reads each."""
        tally = Tally(
            key="k", name="n", met=1, late=2, missed=3, due=4, upcoming=5, not_applicable=6
        )
        assert [1, 2, 3, 4, 5, 6] == [tally.count(s) for s in S]
        assert 21 == tally.total
        assert Decimal("0.1667") == tally.rate

    def test_rate_is_none_when_nothing_was_due(self) -> None:
        """Nothing judged yet: no rate rather than 0 or 100%."""
        assert Tally(key="k", name="n", upcoming=2).rate is None

    def test_count_takes_a_status(self) -> None:
        """A string is not a status: the error names the argument."""
        with pytest.raises(ValidationError, match="status"):
            Tally(key="k", name="n").count("met")  # type: ignore[arg-type]


class TestBadInput:
    """Bad arguments are named."""

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ({"portfolio": None}, "portfolio"),
            ({"portfolio": [1]}, "portfolio"),
            ({"as_of": "2026-01-01"}, "as_of"),
            ({"since": date(2027, 1, 1)}, "since"),
            ({"plans": "shanwei"}, "plans"),
            ({"plans": [1]}, r"plans\[0\]"),
            ({"progress": 3}, "progress"),
            ({"daily": "week"}, "daily"),
        ],
    )
    def test_errors_name_the_argument(self, arguments: dict[str, object], field: str) -> None:
        """Each bad argument gives a ValidationError naming it."""
        call: dict[str, object] = {
            "portfolio": Portfolio(enterprises=[]),
            "as_of": date(2026, 6, 30),
        }
        call.update(arguments)
        with pytest.raises(ValidationError, match=field):
            evaluate_portfolio(**call)  # type: ignore[arg-type]

    def test_upcoming_days(self) -> None:
        """upcoming() takes a whole number of days, 0 or more."""
        with pytest.raises(ValidationError, match="days"):
            sample_result().upcoming(days=-1)
