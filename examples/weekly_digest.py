"""A weekly reminder digest: what each enterprise must do in the next seven days.

A platform that already holds enterprises and their records calls the
library once a week and sends each safety officer a short list: what is
overdue, what falls due this week, and the rule behind each line. This
example runs on the bundled sample portfolio, or on a portfolio file in the
format of ``safetyduty sample``.

Run:  python examples/weekly_digest.py 2026-11-23 [portfolio.json] [--locale en]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from safetyduty import catalog, serde
from safetyduty.errors import SafetyDutyError
from safetyduty.models import Portfolio
from safetyduty.rules.compliance import ComplianceReport, evaluate_many


def digest(report: ComplianceReport, *, days: int = 7, locale: str = "zh_CN") -> Iterator[str]:
    """The lines of one enterprise's digest: overdue first, then this week's."""
    overdue = report.overdue()
    coming = report.upcoming(days=days)
    if not overdue and not coming:
        return
    yield f"{report.name} ({report.enterprise}): {len(overdue)} overdue, {len(coming)} due in {days} days"
    for row in overdue[:3]:
        yield f"  ! {row.explain(locale)}"
    for row in coming[:3]:
        yield f"  - {row.explain(locale)}"


def main(as_of: date, portfolio: Portfolio, locale: str = "zh_CN") -> list[str]:
    """Evaluate *portfolio* on *as_of* and return the digest lines of every enterprise."""
    reports = evaluate_many(
        portfolio.enterprises,
        portfolio.records,
        as_of=as_of,
        hazards=portfolio.hazards,
        accidents=portfolio.accidents,
        people=portfolio.people,
        since=date(as_of.year, 1, 1),
    )
    return [line for report in reports for line in digest(report, locale=locale)]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("as_of", nargs="?", default="2026-11-23", help="the date judged")
    parser.add_argument("portfolio", nargs="?", help="a portfolio file (default: the sample)")
    parser.add_argument("--locale", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args()
    try:
        data = (
            serde.loads(Path(args.portfolio).read_text(encoding="utf-8"), Portfolio)
            if args.portfolio
            else catalog.sample_portfolio()
        )
        print("\n".join(main(date.fromisoformat(args.as_of), data, args.locale)))
    except (SafetyDutyError, ValueError, OSError) as exc:
        print(f"weekly_digest: {exc}", file=sys.stderr)
        sys.exit(2)
