"""Reports out: a compliance report, a portfolio's or many reports as CSV, iCalendar, a DataFrame or HTML.

The formats of one report are methods of the report
(:meth:`~safetyduty.rules.compliance.ComplianceReport.to_rows`, ``to_pandas``,
``to_ics``, ``to_html``) and of a portfolio's
(:class:`~safetyduty.rules.compliance.PortfolioReport`); JSON is
:func:`safetyduty.serde.dumps`. This package adds what is not a method:

- :func:`write_csv` / :func:`to_csv`: flat rows as CSV (stdlib :mod:`csv`),
  with a header row and, for Excel, a byte order mark; rows are written as
  they come, so a generator streams;
- :func:`to_ics`, :func:`to_pandas`: the same as the methods, for a report,
  a portfolio's, or any iterable of reports (what
  :func:`safetyduty.catalog.evaluate_many` yields).

``to_pandas`` needs the ``pandas`` extra, ``to_ics`` the ``ics`` extra; CSV
and HTML need nothing beyond the core.

Examples:
    >>> from safetyduty import export
    >>> from safetyduty.rules.compliance._report import _example_report
    >>> print(export.to_csv(_example_report().to_rows()).splitlines()[0][:62])
    enterprise,obligation,plan,title,title_en,subject,status,start
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from safetyduty.errors import ValidationError
from safetyduty.export._csv import to_csv, write_csv
from safetyduty.rules.compliance import ComplianceReport, ItemKind, PortfolioReport

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_csv", "to_ics", "to_pandas", "write_csv"]

Reports = ComplianceReport | PortfolioReport | Iterable[ComplianceReport]
"""What the functions take: a report, a portfolio's, or an iterable of reports."""


def _portfolio(reports: object) -> ComplianceReport | PortfolioReport:
    """*reports* as one report or one portfolio's (an iterable becomes a portfolio's)."""
    if isinstance(reports, (ComplianceReport, PortfolioReport)):
        return reports
    if isinstance(reports, (str, bytes)) or not isinstance(reports, Iterable):
        raise ValidationError(
            "reports", reports, "must be a ComplianceReport, a PortfolioReport or a list of reports"
        )
    items = tuple(reports)
    for index, item in enumerate(items):
        if not isinstance(item, ComplianceReport):
            raise ValidationError(f"reports[{index}]", item, "must be a ComplianceReport")
    if not items:
        raise ValidationError("reports", items, "must hold at least one report")
    return PortfolioReport(
        as_of=max(item.as_of for item in items),
        since=min(item.since for item in items),
        reports=items,
    )


def to_ics(
    reports: Reports,
    *,
    locale: str = "zh_CN",
    kind: ItemKind = "event",
    include_done: bool = False,
) -> str:
    """The due dates of *reports* as one iCalendar document (see ``ComplianceReport.to_ics``).

    Raises:
        ValidationError: for bad *reports*, *locale* or *kind*.
        MissingDependencyError: when icalendar is not installed.

    Examples:
        >>> from safetyduty.export import to_ics
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> to_ics([_example_report(), _example_report()]).count("BEGIN:VEVENT")
        4
    """
    return _portfolio(reports).to_ics(locale=locale, kind=kind, include_done=include_done)


def to_pandas(reports: Reports) -> pd.DataFrame:
    """The rows of *reports* as one DataFrame (see ``ComplianceReport.to_pandas``).

    Raises:
        ValidationError: for bad *reports*.
        MissingDependencyError: when pandas is not installed.

    Examples:
        >>> from safetyduty.export import to_pandas
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> to_pandas([_example_report(), _example_report()]).shape
        (6, 25)
    """
    return _portfolio(reports).to_pandas()
