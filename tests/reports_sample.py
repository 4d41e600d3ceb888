"""The sample portfolio evaluated once, and generated portfolios evaluated, for the report tests."""

from __future__ import annotations

from datetime import date
from functools import cache

from safetyduty import catalog
from safetyduty.models import Portfolio
from safetyduty.rules.compliance import PortfolioReport, evaluate_portfolio

AS_OF = date(2026, 11, 23)
SINCE = date(2026, 1, 1)
GENERATED_AS_OF = date(2026, 9, 30)


@cache
def sample_result() -> PortfolioReport:
    """The bundled sample portfolio against the catalog, as the demo judges it."""
    return catalog.evaluate_portfolio(catalog.sample_portfolio(), as_of=AS_OF, since=SINCE)


@cache
def sample_day_rows() -> PortfolioReport:
    """The sample with a row a day for daily duties (the largest report shape)."""
    return catalog.evaluate_portfolio(
        catalog.sample_portfolio(), as_of=AS_OF, since=SINCE, daily="day"
    )


def judged(portfolio: Portfolio) -> PortfolioReport:
    """A generated portfolio judged on the national duties and the catalog's plans."""
    return evaluate_portfolio(portfolio, as_of=GENERATED_AS_OF, plans=catalog.plans())
