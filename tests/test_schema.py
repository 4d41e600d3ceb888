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
from safetyduty.errors import SafetyDutyError, UnknownCodeError, ValidationError
from safetyduty.models import Case, Portfolio
from safetyduty.testing import STRATEGIES, strategies

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
        assert classes == set(schema.schema_names()) - {"portfolio", "case"}

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
