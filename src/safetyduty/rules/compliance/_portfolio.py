"""A portfolio's evaluation: every enterprise's and authority's report, with summaries."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from safetyduty._methods import by_fields
from safetyduty.errors import ValidationError
from safetyduty.models import Obligation, Plan, Portfolio, Record, Unmatched
from safetyduty.rules._args import items_of, judged_span
from safetyduty.rules.compliance._authorities import evaluate_authority
from safetyduty.rules.compliance._evaluate import Daily, evaluate_many
from safetyduty.rules.compliance._flat import FlatRow, flatten
from safetyduty.rules.compliance._report import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    ItemKind,
    _due_key,
)
from safetyduty.typing import HolidayCalendar

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PortfolioReport", "Tally", "evaluate_portfolio"]

S = ComplianceStatus
_ICS_TITLE: Final = {
    "zh_CN": "{n}家单位：安全生产责任到期事项",
    "en": "{n} bodies: work-safety duties due",
}


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Tally:
    """Rows per status of one enterprise (or authority), or of one duty across a portfolio.

    Attributes:
        key: the 统一社会信用代码, or the duty's id.
        name: the body's name, or the duty's title.
        name_en: the duty's English title (empty for a body, or when the data has none).
        met: rows met on time.
        late: rows done late.
        missed: rows overdue.
        due: rows due within 30 days.
        upcoming: rows due later.
        not_applicable: rows of duties that do not bind.

    Examples:
        >>> tally = Tally(key="o", name="每月至少一次", met=3, missed=1, due=1)
        >>> tally.total, tally.rate, tally.count(ComplianceStatus.MISSED)
        (5, Decimal('0.7500'), 1)
    """

    key: str
    name: str
    name_en: str = ""
    met: int = 0
    late: int = 0
    missed: int = 0
    due: int = 0
    upcoming: int = 0
    not_applicable: int = 0

    def count(self, status: ComplianceStatus) -> int:
        """The rows with *status*.

        Examples:
            >>> Tally(key="o", name="x", due=2).count(ComplianceStatus.DUE)
            2

        Raises:
            ValidationError: when *status* is not a ComplianceStatus.
        """
        if not isinstance(status, ComplianceStatus):
            raise ValidationError("status", status, "must be a ComplianceStatus")
        value: int = getattr(self, status.value)
        return value

    @property
    def total(self) -> int:
        """Every row, not applicable included."""
        return sum(self.count(status) for status in ComplianceStatus)

    @property
    def rate(self) -> Decimal | None:
        """Met on time / (met + late + missed), or ``None`` when nothing was due yet."""
        return _rate(self.met, self.met + self.late + self.missed)


def _rate(met: int, judged: int) -> Decimal | None:
    if not judged:
        return None
    return (Decimal(met) / judged).quantize(Decimal("0.0001"))


def _tally(key: str, name: str, rows: Iterable[ComplianceRow], name_en: str = "") -> Tally:
    counts = Counter(row.status for row in rows)
    return Tally(
        key=key,
        name=name,
        name_en=name_en,
        met=counts[S.MET],
        late=counts[S.LATE],
        missed=counts[S.MISSED],
        due=counts[S.DUE],
        upcoming=counts[S.UPCOMING],
        not_applicable=counts[S.NOT_APPLICABLE],
    )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PortfolioReport:
    """The evaluation of a portfolio on one date: a report per enterprise and per authority.

    Attributes:
        as_of: the date judged.
        since: the first day of the periods judged.
        reports: one per enterprise, in the portfolio's order.
        authorities: one per authority of the portfolio, in its order.
        unmatched: the facts whose enterprise is not in the portfolio (not judged).

    Examples:
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> portfolio = PortfolioReport(as_of=date(2026, 3, 10), since=date(2026, 1, 1),
        ...                             reports=(_example_report(), _example_report()))
        >>> portfolio.summary[ComplianceStatus.MISSED], portfolio.rate
        (2, Decimal('0.5000'))
        >>> [t.missed for t in portfolio.by_enterprise()]
        [1, 1]
    """

    as_of: date
    since: date
    reports: tuple[ComplianceReport, ...] = ()
    authorities: tuple[ComplianceReport, ...] = ()
    unmatched: Unmatched = attrs.field(factory=Unmatched)

    @property
    def all_reports(self) -> tuple[ComplianceReport, ...]:
        """The enterprises' reports, then the authorities'.

        Examples:
            >>> len(_example_portfolio().all_reports)
            2
        """
        return self.reports + self.authorities

    def _rows(self) -> Iterable[ComplianceRow]:
        return (row for report in self.all_reports for row in report.rows)

    @property
    def summary(self) -> dict[ComplianceStatus, int]:
        """Rows per status over every report (every status present, zero included).

        Examples:
            >>> _example_portfolio().summary[ComplianceStatus.MET]
            2
        """
        counts = Counter(row.status for row in self._rows())
        return {status: counts.get(status, 0) for status in ComplianceStatus}

    def by_status(self) -> dict[ComplianceStatus, int]:
        """The same as :attr:`summary`: rows per status.

        Examples:
            >>> _example_portfolio().by_status()[ComplianceStatus.DUE]
            2
        """
        return self.summary

    @property
    def rate(self) -> Decimal | None:
        """Met on time / (met + late + missed) over every report, or ``None`` when nothing was due yet.

        Examples:
            >>> _example_portfolio().rate
            Decimal('0.5000')
        """
        counts = self.summary
        return _rate(counts[S.MET], counts[S.MET] + counts[S.LATE] + counts[S.MISSED])

    def by_enterprise(self) -> tuple[Tally, ...]:
        """A tally per enterprise (then per authority), in the portfolio's order.

        Examples:
            >>> [(t.name, t.missed, t.rate) for t in _example_portfolio().by_enterprise()]
            [('示例', 1, Decimal('0.5000')), ('示例', 1, Decimal('0.5000'))]
        """
        return tuple(
            _tally(report.enterprise, report.name, report.rows) for report in self.all_reports
        )

    def by_obligation(self) -> tuple[Tally, ...]:
        """A tally per duty across every report, in the order duties first appear.

        Examples:
            >>> [(t.key, t.met, t.missed, t.due) for t in _example_portfolio().by_obligation()]
            [('o', 2, 2, 2)]
        """
        groups: dict[str, list[ComplianceRow]] = defaultdict(list)
        for row in self._rows():
            groups[row.obligation].append(row)
        return tuple(
            _tally(key, rows[0].title, rows, rows[0].title_en) for key, rows in groups.items()
        )

    def overdue(self) -> tuple[ComplianceRow, ...]:
        """The missed rows of every report, oldest due date first.

        Examples:
            >>> [(r.enterprise, str(r.due)) for r in _example_portfolio().overdue()]
            [('914403001922038216', '2026-02-28'), ('914403001922038216', '2026-02-28')]
        """
        return tuple(sorted((r for r in self._rows() if r.status is S.MISSED), key=_due_key))

    def upcoming(self, days: int = 30) -> tuple[ComplianceRow, ...]:
        """Rows of every report not yet met and due within *days* of ``as_of``, soonest first.

        Raises:
            ValidationError: when *days* is not an int >= 0.

        Examples:
            >>> len(_example_portfolio().upcoming(days=30)), _example_portfolio().upcoming(days=7)
            (2, ())
        """
        return tuple(
            sorted(
                (row for report in self.all_reports for row in report.upcoming(days)),
                key=_due_key,
            )
        )

    def to_rows(self) -> list[FlatRow]:
        """Every report's rows, flat (:meth:`ComplianceRow.to_row`): enterprises, then authorities.

        Examples:
            >>> [r["status"] for r in _example_portfolio().to_rows()][:4]
            ['met', 'missed', 'due', 'met']
        """
        return [flatten(row) for row in self._rows()]

    def to_pandas(self) -> pd.DataFrame:
        """Every report's rows as one pandas DataFrame (see :meth:`ComplianceReport.to_pandas`).

        Raises:
            MissingDependencyError: when pandas is not installed.

        Examples:
            >>> df = _example_portfolio().to_pandas()
            >>> df.groupby("status").size().to_dict()
            {'due': 2, 'met': 2, 'missed': 2}
        """
        from safetyduty.rules.compliance._frame import frame  # noqa: PLC0415 - optional extra

        return frame(self.to_rows())

    def to_ics(
        self, *, locale: str = "zh_CN", kind: ItemKind = "event", include_done: bool = False
    ) -> str:
        """Every report's due dates as one iCalendar document (see :meth:`ComplianceReport.to_ics`).

        Raises:
            ValidationError: for a bad *locale* or *kind*.
            MissingDependencyError: when icalendar is not installed.

        Examples:
            >>> _example_portfolio().to_ics().count("BEGIN:VEVENT")
            4
        """
        from safetyduty.rules.compliance._ics import calendar_text  # noqa: PLC0415 - optional extra

        reports = self.all_reports
        title = _ICS_TITLE["en" if locale == "en" else "zh_CN"].format(n=len(reports))
        return calendar_text(
            self._rows(),
            names={report.enterprise: report.name for report in reports},
            title=title,
            as_of=self.as_of,
            locale=locale,
            kind=kind,
            include_done=include_done,
        )

    def to_html(self, locale: str = "zh_CN") -> str:
        """The portfolio as HTML: badges, what needs doing, each body's summary, the month grid, the table.

        Every section is capped (the rest is counted), so the display stays
        small however large the portfolio; it never lists the portfolio's
        inputs.

        Raises:
            ValidationError: for a locale other than ``zh_CN`` or ``en``.

        Examples:
            >>> "各单位情况" in _example_portfolio().to_html()
            True
        """
        from safetyduty.rules.compliance._html import portfolio_html  # noqa: PLC0415 - imports this module

        return portfolio_html(self, locale)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's signature
        """IPython's plain display: one line of counts, never a dump of the reports."""
        from safetyduty.rules.compliance._html import portfolio_line  # noqa: PLC0415

        printer.text(portfolio_line(self))


def evaluate_portfolio(
    portfolio: Portfolio,
    *,
    as_of: date,
    since: date | None = None,
    plans: Iterable[Plan] = (),
    obligations: Iterable[Obligation] | None = None,
    calendar: HolidayCalendar | None = None,
    daily: Daily = "month",
    progress: Callable[[int], None] | None = None,
) -> PortfolioReport:
    """Evaluate every enterprise and every authority of *portfolio* on *as_of*.

    The enterprises as :func:`evaluate_many` does (each on its own facts), the
    authorities as :func:`evaluate_authority` does, on the same *plans*.
    :func:`safetyduty.catalog.evaluate_portfolio` passes the catalog's plans.

    Args:
        portfolio: the enterprises, authorities and their facts.
        as_of: the date judged.
        since: the first day of the periods judged (default: a year before *as_of*).
        plans: the local plans to apply where they bind.
        obligations: the national duties (default: the law's).
        calendar: the working-day calendar.
        daily: ``month`` (a daily duty summarised per month) or ``day``.
        progress: called with the number of enterprises evaluated so far.

    Raises:
        ValidationError: for bad input.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> firm = Enterprise(uscc="914403001922038216", name="示例", industry=Industry.OTHER,
        ...                   region="440300", employees=5)
        >>> result = evaluate_portfolio(Portfolio(enterprises=[firm]), as_of=date(2026, 6, 30))
        >>> [t.name for t in result.by_enterprise()], result.since
        (['示例'], datetime.date(2025, 7, 1))
    """
    if not isinstance(portfolio, Portfolio):
        raise ValidationError("portfolio", portfolio, "must be a Portfolio")
    first, day = judged_span(as_of, since)
    bodies = {authority.uscc for authority in portfolio.authorities}
    own: dict[str, list[Record]] = defaultdict(list)
    for record in portfolio.records:
        if record.enterprise in bodies:
            own[record.enterprise].append(record)
    chosen = items_of("plans", plans, Plan)
    if daily not in ("month", "day"):
        raise ValidationError("daily", daily, "must be 'month' or 'day'")
    if progress is not None and not callable(progress):
        raise ValidationError("progress", progress, "must be a callable taking a count, or None")
    reports = evaluate_many(
        portfolio.enterprises,
        (r for r in portfolio.records if r.enterprise not in bodies),
        as_of=day,
        since=first,
        plans=chosen,
        obligations=obligations,
        hazards=portfolio.hazards,
        accidents=portfolio.accidents,
        people=portfolio.people,
        calendar=calendar,
        daily=daily,
        progress=progress,
    )
    return PortfolioReport(
        as_of=day,
        since=first,
        reports=tuple(reports),
        authorities=tuple(
            evaluate_authority(
                authority,
                own.get(authority.uscc, ()),
                as_of=day,
                since=first,
                plans=chosen,
                calendar=calendar,
            )
            for authority in portfolio.authorities
        ),
        unmatched=portfolio.unmatched(),
    )


def _example_portfolio() -> PortfolioReport:
    """Two copies of the three-row example report, for the examples."""
    from safetyduty.rules.compliance._report import _example_report  # noqa: PLC0415

    report = _example_report()
    return PortfolioReport(as_of=report.as_of, since=report.since, reports=(report, report))
