"""The report's JSON for an API: summary, each citation and source once, due/due_at; round trips."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from safetyduty import serde
from safetyduty._report_json import DUTY_FIELDS, ROW_DEFAULTS, ROW_REQUIRED
from safetyduty.errors import ValidationError
from safetyduty.models import Basis, Portfolio
from safetyduty.rules.compliance import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    PortfolioReport,
)
from safetyduty.rules.compliance._report import _example_report
from safetyduty.rules.deadlines import CHINA_TIME as CHINA
from safetyduty.testing import strategies

from .reports_sample import GENERATED_AS_OF, any_reports, judged, sample_result

CHINA_DAY_OF = {"+08:00"}

DEFAULTS: dict[str, Any] = {
    "start": None,
    "end": None,
    "due": None,
    "due_at": None,
    "evidence": [],
    "late": 0,
    "daily": False,
    "days_done": 0,
    "missed": [],
    "person": None,
    "hours_required": None,
    "hours_done": None,
    "reason": "",
    "reason_zh": "",
}
"""The defaults of a row's fields as the docs list them, typed here, not imported."""
SHARED = ("title", "title_en", "subject", "plan", "basis", "verified")


def document(obj: object) -> Any:
    """The document as a JSON parser reads it."""
    return json.loads(serde.dumps(obj))


def expand(row: dict[str, Any], data: dict[str, Any], tables: dict[str, Any]) -> dict[str, Any]:
    """A row with every field, by the docs' rules alone: defaults, the report's enterprise, the entry."""
    entry = tables["obligations"][row["obligation"]]
    full = {"enterprise": data["enterprise"], **DEFAULTS, **entry, **row}
    full["basis"] = tables["bases"][full["basis"]]
    return full


def converter_row(model: ComplianceRow) -> dict[str, Any]:
    """The converter's shape of a row, with ``due`` a day and ``due_at`` the moment."""
    plain: dict[str, Any] = serde.converter.unstructure(model)
    plain["due_at"] = None
    if isinstance(model.due, datetime):
        plain["due_at"] = plain["due"]
        plain["due"] = model.due.astimezone(CHINA).date().isoformat()
    return plain


def check_report_shape(
    data: dict[str, Any], report: ComplianceReport, tables: dict[str, Any] | None = None
) -> None:
    """The shape, read with json alone: summary from the rows, rows short and complete once expanded."""
    counted = {s.value: 0 for s in ComplianceStatus}
    for row in data["rows"]:
        counted[row["status"]] += 1
    assert {
        **counted,
        "total": len(data["rows"]),
        "rate": None if report.rate is None else str(report.rate),
    } == data["summary"]
    nested = tables is not None
    tables = data if tables is None else tables
    for row, model in zip(data["rows"], report.rows, strict=True):
        assert {"obligation", "status", "required"} <= set(row)
        assert not [key for key, value in DEFAULTS.items() if key in row and row[key] == value]
        entry = tables["obligations"][row["obligation"]]
        assert not [key for key in SHARED if key in row and row[key] == entry[key]]
        assert row.get("enterprise", None) != data["enterprise"]
        assert converter_row(model) == expand(row, data, tables)
        assert "due" not in row or date.fromisoformat(row["due"]).isoformat() == row["due"]
        if isinstance(model.due, datetime):
            moment = datetime.fromisoformat(row["due_at"])
            assert moment == model.due
            assert moment.utcoffset() is not None
        else:
            assert "due_at" not in row
    if nested:
        assert all(isinstance(ident, str) for ident in data["sources"])
    else:
        ids = [source["id"] for source in data["sources"]]
        assert len(ids) == len(set(ids))
        bases = data["bases"]
        assert len(bases) == len({json.dumps(b, sort_keys=True) for b in bases})
        used = {entry["basis"] for entry in data["obligations"].values()}
        used |= {row["basis"] for row in data["rows"] if "basis" in row}
        assert used == set(range(len(bases)))
        assert {b["source"] for b in bases} - {None} <= set(ids)
        assert set(data["obligations"]) == {row["obligation"] for row in data["rows"]}


class TestSample:
    """The sample's reports and portfolio."""

    def test_each_report_round_trips(self) -> None:
        """Every sample report loads back equal, and its shape holds."""
        for report in sample_result().reports:
            text = serde.dumps(report)
            assert report == serde.loads(text, ComplianceReport)
            check_report_shape(json.loads(text)["data"], report)

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
            check_report_shape(shaped, report, data)
        assert result == serde.loads(serde.dumps(result), PortfolioReport)

    def test_an_hour_limit_has_due_and_due_at(self) -> None:
        """The 1-hour accident report: due is its China day, due_at the aware moment."""
        timed = [
            row
            for report in document(sample_result())["data"]["reports"]
            for row in report["rows"]
            if "due_at" in row
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
        assert shaped < 0.35 * plain  # 0.29 when written; 0.61 before rows left out their defaults

    def test_a_portfolio_s_reports_share_the_tables(self) -> None:
        """obligations, bases and sources once at the top; a report has none but its source ids."""
        data = document(sample_result())["data"]
        assert ["obligations", "bases", "sources"] == list(data)[-3:]
        for report in data["reports"] + data["authorities"]:
            assert not {"obligations", "bases"} & set(report)
        rows = [row for report in data["reports"] for row in report["rows"]]
        assert set(data["obligations"]) == {row["obligation"] for row in rows} | {
            row["obligation"] for report in data["authorities"] for row in report["rows"]
        }

    def test_a_row_of_defaults_is_three_keys(self) -> None:
        """A row whose fields are all defaults or its duty's writes obligation, status and required."""
        report = _example_report()
        row = attrs.evolve(report.rows[0], start=None, end=None, due=None)
        data = serde.to_dict(attrs.evolve(report, rows=(row,)))
        assert [{"obligation": "o", "status": "met", "required": 1}] == data["rows"]
        assert {
            "o": {
                "title": "每月至少一次",
                "title_en": "",
                "subject": "principal",
                "plan": None,
                "basis": 0,
                "verified": True,
            }
        } == data["obligations"]


class TestRowFields:
    """The defaults cover every field of a row, as the docs list them."""

    def test_every_field_has_a_rule(self) -> None:
        """Each ComplianceRow field is always written, the duty's, defaulted, or the enterprise."""
        fields = {field.name for field in attrs.fields(ComplianceRow)}
        ruled = {"enterprise", *ROW_REQUIRED, *DUTY_FIELDS, *ROW_DEFAULTS} - {"due_at"}
        assert fields == ruled
        assert len(fields) + 1 == len(ROW_REQUIRED) + len(DUTY_FIELDS) + len(ROW_DEFAULTS) + 1

    def test_the_defaults_are_the_documented_ones(self) -> None:
        """The module's defaults are the ones typed in this file (and in the docs)."""
        assert DEFAULTS == dict(ROW_DEFAULTS)
        assert SHARED == DUTY_FIELDS


@settings(max_examples=50, deadline=None)
@given(any_reports(), any_reports())
def test_any_rows_round_trip(first: ComplianceReport, second: ComplianceReport) -> None:
    """Rows unlike their duty's entry, other enterprises, any field set: each document loads back equal."""
    for report in (first, second):
        data = document(report)["data"]
        assert report == serde.loads(serde.dumps(report), ComplianceReport)
        check_report_shape(data, report)
    pair = [first, second]
    assert pair == serde.loads(serde.dumps(pair), list[ComplianceReport])
    result = PortfolioReport(
        as_of=first.as_of, since=first.since, reports=(first,), authorities=(second,)
    )
    data = document(result)["data"]
    assert result == serde.loads(serde.dumps(result), PortfolioReport)
    for shaped, report in zip(data["reports"] + data["authorities"], pair, strict=True):
        check_report_shape(shaped, report, data)


@settings(max_examples=25, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
def test_generated_round_trips(portfolio: Portfolio) -> None:
    """Round trip as a property: the portfolio's, each report's, and a list's documents load back equal."""
    result = judged(portfolio)
    assert result == serde.loads(serde.dumps(result), PortfolioReport)
    for report in result.all_reports:
        assert report == serde.loads(serde.dumps(report), ComplianceReport)
        check_report_shape(document(report)["data"], report)
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


def test_a_row_built_with_a_list_loads_back() -> None:
    """A row made by hand with a list where a tuple is annotated is written as the converter
    writes it (a JSON list of days), not as Python text, and loads back."""
    report = _example_report()
    row = attrs.evolve(report.rows[0], missed=[date(2026, 1, 5)], evidence=["r1"])  # type: ignore[arg-type]
    text = serde.dumps(attrs.evolve(report, rows=(row, *report.rows[1:])))
    back = serde.loads(text, ComplianceReport)
    assert back.rows[0].missed == (date(2026, 1, 5),)
    assert back.rows[0].evidence == ("r1",)


class TestStrict:
    """Reading is strict: each flaw is named by its path."""

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            (lambda d: d["rows"][0].update(basis=5), r"\$\.rows\[0\]\.basis"),
            (lambda d: d["rows"][0].update(basis=True), r"\$\.rows\[0\]\.basis"),
            (lambda d: d["rows"][1].pop("obligation"), r"\$\.rows\[1\]\.obligation"),
            (lambda d: d["rows"][1].pop("status"), r"\$\.rows\[1\]\.status"),
            (lambda d: d["rows"][1].pop("required"), r"\$\.rows\[1\]\.required"),
            (lambda d: d["rows"][0].update(obligation="p"), r"\$\.rows\[0\]\.obligation"),
            (lambda d: d["rows"][0].update(obligation=["o"]), r"\$\.rows\[0\]\.obligation"),
            (lambda d: d["rows"][0].update(title=None), r"\$\.rows\[0\]\.title"),
            (lambda d: d["rows"][0].update(late="0"), r"\$\.rows\[0\]\.late"),
            (
                lambda d: d["rows"][0].update(extra=1),
                r"\$\.rows\[0\]: extra fields found \(extra\)",
            ),
            (lambda d: d["rows"][0].update(due_at="2026-01-31"), r"\$\.rows\[0\]\.due_at"),
            (
                lambda d: d["rows"][0].update(due_at="2026-02-01T10:00:00+08:00"),
                r"\$\.rows\[0\]\.due",
            ),
            (lambda d: d.pop("obligations"), r"\$\.obligations"),
            (lambda d: d.update(obligations=[]), r"\$\.obligations"),
            (lambda d: d["obligations"]["o"].update(subject="boss"), r"\$\.obligations\['o'\]"),
            (lambda d: d["obligations"]["o"].pop("title_en"), r"\$\.obligations\['o'\]"),
            (lambda d: d["obligations"]["o"].update(extra=1), r"\$\.obligations\['o'\]"),
            (lambda d: d["obligations"]["o"].update(basis=1), r"\$\.obligations\['o'\]\.basis"),
            (lambda d: d["obligations"].update(o=[]), r"\$\.obligations\['o'\]"),
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
