"""Flat rows: every column is in ROW_FIELDS, with its type, for every report."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache

import pytest
from hypothesis import given, settings

from safetyduty import catalog
from safetyduty.errors import ValidationError
from safetyduty.models import Portfolio
from safetyduty.rules.compliance import (
    ROW_FIELDS,
    ComplianceReport,
    FlatRow,
    RowField,
    evaluate_many,
    rows_of,
)
from safetyduty.testing import strategies

AS_OF = date(2026, 9, 30)
UTC_PLUS_8 = timezone(timedelta(hours=8))


@cache
def sample_reports() -> tuple[ComplianceReport, ...]:
    p = catalog.sample_portfolio()
    return tuple(
        catalog.evaluate_many(
            p.enterprises, p.records, as_of=AS_OF, since=date(2026, 1, 1), people=p.people,
            hazards=p.hazards, accidents=p.accidents,
        )
    )  # fmt: skip


PARSERS = {
    "string": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "date": lambda v: isinstance(v, str) and date.fromisoformat(v).isoformat() == v,
    "timestamp": lambda v: isinstance(v, str) and datetime.fromisoformat(v).utcoffset() is not None,
    "decimal": lambda v: isinstance(v, str) and Decimal(v).is_finite(),
}
"""Whether a value has a column's declared type, read back by an independent parser."""


def _typed(column: RowField, value: object) -> bool:
    return column.nullable if value is None else bool(PARSERS[column.type](value))


def check(rows: list[FlatRow]) -> None:
    names = [f.name for f in ROW_FIELDS]
    for row in rows:
        assert names == list(row)
        bad = {f.name: row[f.name] for f in ROW_FIELDS if not _typed(f, row[f.name])}
        assert {} == bad, row["obligation"]
    assert rows == json.loads(json.dumps(rows, ensure_ascii=False))


class TestSample:
    def test_every_row_has_the_published_columns_and_types(self) -> None:
        rows = rows_of(sample_reports())
        assert len(rows) == sum(len(r.rows) for r in sample_reports())
        check(rows)

    def test_a_row_keeps_what_the_report_says(self) -> None:
        """Status, window, evidence and the plan of each row, unchanged."""
        for report in sample_reports():
            for row, flat in zip(report.rows, report.to_rows(), strict=True):
                assert (row.obligation, row.status.value, row.plan) == (
                    flat["obligation"],
                    flat["status"],
                    flat["plan"],
                )
                assert list(row.evidence) == [e for e in str(flat["evidence"]).split(";") if e]
                assert (row.done, row.late, row.required) == (
                    flat["done"],
                    flat["late"],
                    flat["required"],
                )

    def test_an_hour_limit_has_its_day_in_china_and_its_moment(self) -> None:
        """The 1-hour accident report: ``due`` a date (China time), ``due_at`` the moment."""
        timed = [
            (row, flat)
            for report in sample_reports()
            for row, flat in zip(report.rows, report.to_rows(), strict=True)
            if isinstance(row.due, datetime)
        ]
        assert timed, "the sample's accidents give hour limits"
        for row, flat in timed:
            moment = datetime.fromisoformat(str(flat["due_at"]))
            assert moment == row.due
            assert moment.astimezone(UTC_PLUS_8).date().isoformat() == flat["due"]

    def test_unverified_sources_are_flagged(self) -> None:
        """A row citing an unverified source says so in its ``verified`` column."""
        for report in sample_reports():
            for row, flat in zip(report.rows, report.to_rows(), strict=True):
                assert row.verified is flat["verified"]


@settings(max_examples=25, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=AS_OF))
def test_generated_portfolios(portfolio: Portfolio) -> None:
    reports = list(
        evaluate_many(
            portfolio.enterprises,
            portfolio.records,
            as_of=AS_OF,
            people=portfolio.people,
            hazards=portfolio.hazards,
            accidents=portfolio.accidents,
        )
    )
    check(rows_of(reports))


@pytest.mark.parametrize("given_", [None, "report", [object()], 3])
def test_bad_input(given_: object) -> None:
    with pytest.raises(ValidationError, match="reports"):
        rows_of(given_)  # type: ignore[arg-type]
