"""The report's JSON for an API: summary, each citation and source once, due/due_at; round trips."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings

from safetyduty import serde
from safetyduty.errors import ValidationError
from safetyduty.models import Basis, Portfolio
from safetyduty.rules.compliance import ComplianceReport, ComplianceStatus, PortfolioReport
from safetyduty.rules.compliance._report import _example_report
from safetyduty.testing import strategies

from .reports_sample import GENERATED_AS_OF, judged, sample_result

CHINA_DAY_OF = {"+08:00"}


def document(obj: object) -> Any:
    """The document as a JSON parser reads it."""
    return json.loads(serde.dumps(obj))


def check_report_shape(data: dict[str, Any], report: ComplianceReport, *, nested: bool) -> None:
    """The shape, read with json alone: summary from the rows, rows pointing at bases, due a day."""
    counted = {s.value: 0 for s in ComplianceStatus}
    for row in data["rows"]:
        counted[row["status"]] += 1
    assert {
        **counted,
        "total": len(data["rows"]),
        "rate": None if report.rate is None else str(report.rate),
    } == data["summary"]
    for row, model in zip(data["rows"], report.rows, strict=True):
        assert isinstance(row["basis"], int)
        assert row["due"] is None or date.fromisoformat(row["due"]).isoformat() == row["due"]
        if isinstance(model.due, datetime):
            moment = datetime.fromisoformat(row["due_at"])
            assert moment == model.due
            assert moment.utcoffset() is not None
        else:
            assert row["due_at"] is None
    if nested:
        assert all(isinstance(ident, str) for ident in data["sources"])
    else:
        ids = [source["id"] for source in data["sources"]]
        assert len(ids) == len(set(ids))
        bases = data["bases"]
        assert len(bases) == len({json.dumps(b, sort_keys=True) for b in bases})
        assert {row["basis"] for row in data["rows"]} == set(range(len(bases)))
        assert {b["source"] for b in bases} - {None} <= set(ids)


class TestSample:
    """The sample's reports and portfolio."""

    def test_each_report_round_trips(self) -> None:
        """Every sample report loads back equal, and its shape holds."""
        for report in sample_result().reports:
            text = serde.dumps(report)
            assert report == serde.loads(text, ComplianceReport)
            check_report_shape(json.loads(text)["data"], report, nested=False)

    def test_the_portfolio_round_trips(self) -> None:
        """The portfolio's document: each source and citation once for all reports; loads back equal."""
        result = sample_result()
        data = document(result)["data"]
        assert "PortfolioReport" == document(result)["type"]
        ids = [source["id"] for source in data["sources"]]
        assert len(ids) == len(set(ids))
        cited = {ident for report in data["reports"] for ident in report["sources"]}
        assert cited == set(ids)
        for shaped, report in zip(data["reports"], result.reports, strict=True):
            check_report_shape(shaped, report, nested=True)
        assert result == serde.loads(serde.dumps(result), PortfolioReport)

    def test_an_hour_limit_has_due_and_due_at(self) -> None:
        """The 1-hour accident report: due is its China day, due_at the aware moment."""
        timed = [
            row
            for report in document(sample_result())["data"]["reports"]
            for row in report["rows"]
            if row["due_at"] is not None
        ]
        assert timed
        for row in timed:
            moment = datetime.fromisoformat(row["due_at"])
            assert row["due_at"][-6:] in CHINA_DAY_OF
            assert moment.date().isoformat() == row["due"]

    def test_a_list_of_reports_loads_back(self) -> None:
        """serde.loads(text, list[ComplianceReport]) — the case of the issue ('must be list')."""
        reports = list(sample_result().reports[:3])
        text = serde.dumps(reports)
        assert "list[ComplianceReport]" == json.loads(text)["type"]
        assert reports == serde.loads(text, list[ComplianceReport])
        assert tuple(reports) == serde.loads(text, tuple[ComplianceReport, ...])

    def test_the_document_is_smaller(self) -> None:
        """Each citation once: the document is smaller than the plain converter's (measured, not timed)."""
        result = sample_result()
        plain = sum(
            len(json.dumps(serde.converter.unstructure(r), ensure_ascii=False))
            for r in result.reports
        )
        shaped = len(json.dumps(serde.to_dict(result), ensure_ascii=False))
        assert shaped < 0.7 * plain


@settings(max_examples=25, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
def test_generated_round_trips(portfolio: Portfolio) -> None:
    """Round trip as a property: the portfolio's, each report's, and a list's documents load back equal."""
    result = judged(portfolio)
    assert result == serde.loads(serde.dumps(result), PortfolioReport)
    for report in result.all_reports:
        assert report == serde.loads(serde.dumps(report), ComplianceReport)
        check_report_shape(document(report)["data"], report, nested=False)
    reports = list(result.all_reports)
    assert reports == serde.loads(serde.dumps(reports), list[ComplianceReport])


@settings(max_examples=25, deadline=None)
@given(strategies.portfolios(max_enterprises=1, as_of=GENERATED_AS_OF))
def test_lists_of_any_model_round_trip(portfolio: Portfolio) -> None:
    """A list of any model loads back: the portfolio's enterprises, records and people."""
    for items, cls in (
        (
            list(portfolio.enterprises),
            type(portfolio.enterprises[0]) if portfolio.enterprises else None,
        ),
        (list(portfolio.records), type(portfolio.records[0]) if portfolio.records else None),
        (list(portfolio.people), type(portfolio.people[0]) if portfolio.people else None),
    ):
        if cls is None:
            assert [] == serde.loads(serde.dumps(items), list[Basis])
            continue
        assert items == serde.loads(serde.dumps(items), list[cls])  # type: ignore[valid-type]


def example() -> dict[str, Any]:
    """The example report's document, as json reads it."""
    return document(_example_report())  # type: ignore[no-any-return]


def spoil(change: Any) -> str:
    """The example document with *change* applied, as text."""
    data = copy.deepcopy(example())
    change(data["data"])
    return json.dumps(data, ensure_ascii=False)


class TestStrict:
    """Reading is strict: each flaw is named by its path."""

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            (lambda d: d["rows"][0].update(basis=5), r"\$\.rows\[0\]\.basis"),
            (lambda d: d["rows"][0].update(basis=True), r"\$\.rows\[0\]\.basis"),
            (lambda d: d["rows"][1].pop("due_at"), r"\$\.rows\[1\]\.due_at"),
            (lambda d: d["rows"][0].update(due="2026-01-31T10:00:00+08:00"), r"\$\.rows\[0\]\.due"),
            (lambda d: d["summary"].update(met=2), r"\$\.summary"),
            (lambda d: d["summary"].update(rate="0.5"), r"\$\.summary"),
            (lambda d: d.update(extra=1), r"\$\.extra"),
            (lambda d: d.pop("bases"), r"\$\.bases"),
            (lambda d: d.update(bases={}), r"\$\.bases"),
            (lambda d: d["bases"][0].update(document=""), r"\$\.bases\[0\]"),
            (lambda d: d["rows"][0].update(status="done"), "status"),
            (lambda d: d.update(rows="x"), r"\$\.rows"),
        ],
    )
    def test_a_bad_document_names_the_path(self, change: Any, path: str) -> None:
        """Each flaw is a ValidationError naming where it is."""
        with pytest.raises(ValidationError, match=path):
            serde.loads(spoil(change), ComplianceReport)

    def test_due_must_be_due_at_s_day(self) -> None:
        """An hour limit's due that is not due_at's day in China time is refused."""
        result = sample_result()
        report = next(r for r in result.reports if any(isinstance(x.due, datetime) for x in r.rows))
        data = document(report)
        row = next(x for x in data["data"]["rows"] if x["due_at"])
        row["due"] = "2000-01-01"
        with pytest.raises(ValidationError, match=r"due_at's day"):
            serde.loads(json.dumps(data), ComplianceReport)

    def test_a_nested_report_names_its_place(self) -> None:
        """In a portfolio's document a bad source id names the report."""
        data = document(sample_result())
        data["data"]["reports"][2]["sources"].append("no-such-source")
        with pytest.raises(ValidationError, match=r"\$\.reports\[2\]\.sources"):
            serde.loads(json.dumps(data), PortfolioReport)

    def test_list_type_must_match(self) -> None:
        """A list of reports is not a list of portfolios, nor a single report."""
        text = serde.dumps([_example_report()])
        with pytest.raises(ValidationError, match="type"):
            serde.loads(text, list[PortfolioReport])
        with pytest.raises(ValidationError, match="type"):
            serde.loads(text, ComplianceReport)
        with pytest.raises(ValidationError, match=r"\[0\]"):
            serde.from_dict([{"x": 1}], list[ComplianceReport])

    def test_mixed_lists_are_refused(self) -> None:
        """dumps names no type for a list of two classes: an error, not a wrong type."""
        with pytest.raises(ValidationError, match="one class"):
            serde.dumps([_example_report(), Basis(document="x")])

    def test_an_empty_list(self) -> None:
        """An empty list is written as type 'list' and reads as any list type."""
        assert [] == serde.loads(serde.dumps([]), list[ComplianceReport])
