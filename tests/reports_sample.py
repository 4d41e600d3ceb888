"""The sample portfolio evaluated once, generated portfolios evaluated, and reports of any rows, for the report tests."""

from __future__ import annotations

from datetime import date
from functools import cache

import attrs
from hypothesis import strategies as st

from safetyduty import catalog
from safetyduty.models import Basis, Portfolio, Subject
from safetyduty.rules.compliance import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    PortfolioReport,
    evaluate_portfolio,
)
from safetyduty.testing import strategies

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


_TEXTS = st.sampled_from(["", "每月至少一次", "monthly"])
_BASES = st.sampled_from(
    [Basis(document="示例"), Basis(document="示例", article="第三条"), Basis(document="other")]
)


@st.composite
def any_rows(draw: st.DrawFn, enterprise: str) -> ComplianceRow:
    """A row with any value in each field, ids and texts drawn from a few so that they repeat."""
    due = draw(st.none() | strategies.dates() | strategies.aware_datetimes())
    hours = st.none() | strategies.money()
    return ComplianceRow(
        enterprise=draw(st.sampled_from([enterprise, "91440300MA5FXXXX1X"])),
        obligation=draw(st.sampled_from(["o", "p", "a.b"])),
        title=draw(_TEXTS),
        subject=draw(st.sampled_from(Subject)),
        status=draw(st.sampled_from(ComplianceStatus)),
        start=draw(st.none() | strategies.dates()),
        end=draw(st.none() | strategies.dates()),
        due=due,
        required=draw(st.integers(0, 3)),
        evidence=tuple(draw(st.lists(st.sampled_from(["r1", "r2", "r3"]), max_size=3))),
        late=draw(st.integers(0, 2)),
        basis=draw(_BASES | strategies.bases().map(lambda b: attrs.evolve(b, source=None))),
        reason=draw(_TEXTS),
        person=draw(st.none() | st.sampled_from(["p1", ""])),
        hours_required=draw(hours),
        hours_done=draw(hours),
        plan=draw(st.none() | st.sampled_from(["plan", ""])),
        verified=draw(st.booleans()),
        missed=tuple(draw(st.lists(strategies.dates(), max_size=2))),
        title_en=draw(_TEXTS),
        daily=draw(st.booleans()),
        days_done=draw(st.integers(0, 2)),
        reason_zh=draw(_TEXTS),
    )


@st.composite
def any_reports(draw: st.DrawFn) -> ComplianceReport:
    """A report of rows that differ from their duty's entry and their report's enterprise."""
    enterprise = draw(st.sampled_from(["914403001922038216", "x"]))
    return ComplianceReport(
        enterprise=enterprise,
        name="示例",
        as_of=date(2026, 3, 10),
        since=date(2026, 1, 1),
        rows=tuple(draw(st.lists(any_rows(enterprise), max_size=6))),
    )
