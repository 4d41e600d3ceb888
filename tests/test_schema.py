"""JSON Schema generated from the models, checked with jsonschema against real and generated documents."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safetyduty import cases, catalog, models, schema, serde
from safetyduty._report_json import DUTY_FIELDS, ROW_DEFAULTS, ROW_REQUIRED
from safetyduty.errors import SafetyDutyError, UnknownCodeError, ValidationError
from safetyduty.models import Case, Portfolio
from safetyduty.rules.compliance import ComplianceReport, ComplianceRow, PortfolioReport
from safetyduty.testing import STRATEGIES, strategies

from .reports_sample import GENERATED_AS_OF, any_reports, judged, sample_result

Validator = jsonschema.Draft202012Validator


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    document = schema.schema(name)
    Validator.check_schema(document)
    return Validator(document)


def errors(name: str, document: object) -> list[str]:
    return [e.message for e in validator(name).iter_errors(document)]


@cache
def sample_document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(serde.dumps(catalog.sample_portfolio()))
    return loaded


class TestEveryModel:
    """A schema per model, valid, and accepting what serde writes."""

    @pytest.mark.parametrize("name", schema.schema_names())
    def test_each_schema_is_valid_json_schema(self, name: str) -> None:
        document = schema.schema(name)
        assert schema.DIALECT == document["$schema"]
        Validator.check_schema(document)

    def test_every_model_class_has_a_schema(self) -> None:
        classes = {
            n
            for n in models.__all__
            if isinstance(getattr(models, n), type) and attrs.has(getattr(models, n))
        }
        reports = {"ComplianceReport", "PortfolioReport"}
        assert classes == set(schema.schema_names()) - {"portfolio", "case", *reports}

    @pytest.mark.parametrize(
        "cls", sorted(STRATEGIES, key=lambda c: c.__name__), ids=lambda c: c.__name__
    )
    @settings(
        max_examples=10,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(data=st.data())
    def test_what_serde_writes_validates(self, cls: type, data: st.DataObject) -> None:
        value = data.draw(STRATEGIES[cls])
        assert [] == errors(cls.__name__, serde.to_dict(value))

    @pytest.mark.parametrize("bad", ["enterprise", "ComplianceRow", None, 3])
    def test_an_unknown_name_is_named(self, bad: object) -> None:
        with pytest.raises(UnknownCodeError):
            schema.schema(bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [dict, Portfolio.__init__, attrs.make_class("Odd", ["x"])])
    def test_json_schema_takes_model_classes_only(self, bad: object) -> None:
        with pytest.raises(ValidationError, match="cls"):
            schema.json_schema(bad)  # type: ignore[arg-type]

    def test_descriptions_come_from_the_docstrings(self) -> None:
        record = schema.json_schema(models.Record)["$defs"]["Record"]
        assert record["description"].startswith("Evidence that a duty was carried out")
        assert "the day it was done." == record["properties"]["on"]["description"]

    def test_tagged_unions_name_their_members(self) -> None:
        defs = schema.json_schema(models.Obligation)["$defs"]
        assert {"const": "recurring"} == defs["Recurring"]["properties"]["type"]
        assert "type" in defs["Recurring"]["required"]


class TestPortfolio:
    """The evaluate input: a serde document or its bare data."""

    def test_the_sample_validates_as_a_document_and_as_bare_data(self) -> None:
        assert [] == errors("portfolio", sample_document())
        assert [] == errors("portfolio", sample_document()["data"])

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.portfolios(max_enterprises=3))
    def test_generated_portfolios_validate(self, portfolio: Portfolio) -> None:
        assert [] == errors("portfolio", json.loads(serde.dumps(portfolio)))

    @pytest.mark.parametrize(
        "mutate",
        [
            lambda d: d["data"].pop("enterprises"),
            lambda d: d["data"]["enterprises"][0].pop("uscc"),
            lambda d: d["data"]["enterprises"][0].update(industry="mining"),
            lambda d: d["data"]["enterprises"][0].update(employees="12"),
            lambda d: d["data"]["enterprises"][0].update(color="red"),
            lambda d: d["data"]["records"][0].update(on="2026/01/05"),
            lambda d: d["data"]["records"][0].update(hours=16.5),
            lambda d: d["data"]["accidents"][0].update(occurred_at="2026-06-03T14:20:00"),
            lambda d: d["data"]["hazards"][0].update(level="huge"),
            lambda d: d.update(schema_version=2),
            lambda d: d.update(type="Enterprise"),
        ],
    )
    def test_what_the_schema_refuses_the_library_refuses(self, mutate: Any) -> None:
        """Each broken document fails the schema and fails to load: they agree."""
        document = copy.deepcopy(sample_document())
        mutate(document)
        assert errors("portfolio", document)
        with pytest.raises(SafetyDutyError):
            serde.loads(json.dumps(document), Portfolio)


class TestCaseLine:
    """A line of the case layout."""

    def test_the_generated_province_validates(self) -> None:
        for line in cases.sample_lines(25):
            assert [] == errors("case", json.loads(line))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.cases())
    def test_generated_cases_validate(self, case: Case) -> None:
        assert [] == errors("case", json.loads(cases.dump_case(case)))

    def test_a_portfolio_is_not_a_case(self) -> None:
        assert errors("case", sample_document()["data"])
        line = json.loads(next(cases.sample_lines(1)))
        line["records"][0]["kind"] = "nap"
        assert errors("case", line)


@cache
def sample_report_document() -> dict[str, Any]:
    """A sample report with an hour limit, as serde writes it."""
    report = next(r for r in sample_result().reports if any(x["due_at"] for x in r.to_rows()))
    loaded: dict[str, Any] = json.loads(serde.dumps(report))
    return loaded


class TestReports:
    """A compliance report's and a portfolio's documents: serde's API shape, not the converter's."""

    def test_the_sample_validates(self) -> None:
        """Each sample report, their list and the portfolio's document, as documents and bare data."""
        result = sample_result()
        for report in result.all_reports:
            document = json.loads(serde.dumps(report))
            assert [] == errors("ComplianceReport", document)
            assert [] == errors("ComplianceReport", document["data"])
        assert [] == errors("ComplianceReport", json.loads(serde.dumps(list(result.reports))))
        document = json.loads(serde.dumps(result))
        assert [] == errors("PortfolioReport", document)
        assert [] == errors("PortfolioReport", document["data"])

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
    def test_generated_results_validate(self, portfolio: Portfolio) -> None:
        """What the engine makes of a generated portfolio validates, whole and report by report."""
        result = judged(portfolio)
        assert [] == errors("PortfolioReport", json.loads(serde.dumps(result)))
        for report in result.all_reports:
            assert [] == errors("ComplianceReport", json.loads(serde.dumps(report)))

    @settings(max_examples=25, deadline=None)
    @given(any_reports(), any_reports())
    def test_any_rows_validate(self, first: ComplianceReport, second: ComplianceReport) -> None:
        """Rows unlike their duty's entry or their report's enterprise, any field set, validate."""
        assert [] == errors("ComplianceReport", json.loads(serde.dumps(first)))
        both = PortfolioReport(as_of=first.as_of, since=first.since, reports=(first, second))
        assert [] == errors("PortfolioReport", json.loads(serde.dumps(both)))

    def test_the_row_definition_follows_the_model(self) -> None:
        """Every row field (and due_at) described; required and defaults as serde writes them."""
        defs = schema.schema("ComplianceReport")["$defs"]
        row = defs["ComplianceRow"]
        names = [field.name for field in attrs.fields(ComplianceRow)]
        assert {*names, "due_at"} == set(row["properties"])
        assert list(ROW_REQUIRED) == row["required"]
        assert dict(ROW_DEFAULTS) == {
            k: p["default"] for k, p in row["properties"].items() if "default" in p
        }
        assert list(DUTY_FIELDS) == defs["ObligationEntry"]["required"]
        assert {"type": "integer", "minimum": 0} == {
            k: v for k, v in row["properties"]["basis"].items() if k != "description"
        }

    @pytest.mark.parametrize(
        "mutate",
        [
            lambda d: d["rows"][0].pop("status"),
            lambda d: d["rows"][0].update(extra=1),
            lambda d: d["rows"][0].update(basis="0"),
            lambda d: d["rows"][0].update(due="2026-01-31T10:00:00+08:00"),
            lambda d: d["rows"][0].update(late=None),
            lambda d: d.pop("obligations"),
            lambda d: d["obligations"][next(iter(d["obligations"]))].update(subject="boss"),
            lambda d: d["obligations"][next(iter(d["obligations"]))].pop("title"),
            lambda d: d["summary"].pop("rate"),
            lambda d: d.update(sources=["x"]),
        ],
    )
    def test_what_the_schema_refuses_the_library_refuses(self, mutate: Any) -> None:
        """Each broken report fails the schema and fails to load: they agree."""
        document = copy.deepcopy(sample_report_document())
        mutate(document["data"])
        assert errors("ComplianceReport", document)
        with pytest.raises(SafetyDutyError):
            serde.loads(json.dumps(document), ComplianceReport)

    def test_a_nested_report_lists_source_ids(self) -> None:
        """In a portfolio's document a report's sources are ids; a full entry there is refused."""
        document = json.loads(serde.dumps(sample_result()))
        assert [] == errors("PortfolioReport", document)
        document["data"]["reports"][0]["sources"] = document["data"]["sources"][:1]
        assert errors("PortfolioReport", document)

    @pytest.mark.parametrize("bad", [ComplianceRow, dict, "ComplianceReport"])
    def test_report_schema_takes_the_two_report_classes(self, bad: object) -> None:
        """report_schema takes ComplianceReport or PortfolioReport, nothing else."""
        with pytest.raises(ValidationError, match="cls"):
            schema.report_schema(bad)  # type: ignore[arg-type]
