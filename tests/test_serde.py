"""Serialisation round trips and strict, path-naming errors."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty import _convert, serde
from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.models import Accident, Basis, Enterprise, Person
from safetyduty.testing import STRATEGIES

MODELS: list[tuple[type[Any], st.SearchStrategy[Any]]] = sorted(
    STRATEGIES.items(), key=lambda item: item[0].__name__
)

ENTERPRISE = {
    "uscc": "914403001922038216",
    "name": "x",
    "industry": "machinery",
    "region": "440300",
    "employees": 3,
}

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
    ),
    max_leaves=20,
)


@pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
class TestRoundTrip:
    """Nothing is lost through dicts or JSON."""

    def test_dict_round_trip(self, cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
        """from_dict(to_dict(x)) == x, and to_dict is JSON-ready."""

        @given(strategy)
        def check(obj: Any) -> None:
            data = serde.to_dict(obj)
            assert data == json.loads(json.dumps(data))
            assert obj == serde.from_dict(data, cls)

        check()

    def test_json_round_trip(self, cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
        """loads(dumps(x)) == x."""

        @given(strategy)
        def check(obj: Any) -> None:
            assert obj == serde.loads(serde.dumps(obj), cls)

        check()

    def test_fuzz_only_safetyduty_errors(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        """Arbitrary JSON-like input yields a model or a SafetyDutyError, nothing else."""

        @given(JSONISH)
        def check(data: Any) -> None:
            with contextlib.suppress(SafetyDutyError):
                serde.from_dict(data, cls)

        check()

    def test_fuzz_mutated_documents(self, cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
        """Valid documents with one field replaced by junk fail cleanly."""

        @given(strategy, st.data())
        def check(obj: Any, data: st.DataObject) -> None:
            doc = serde.to_dict(obj)
            key = data.draw(st.sampled_from(sorted(doc)))
            doc[key] = data.draw(JSONISH)
            try:
                serde.from_dict(doc, cls)
            except SafetyDutyError as exc:
                message = str(exc)
            else:
                message = key  # the junk happened to be valid
            assert key in message

        check()

    def test_fast_path_accepts_exactly_what_the_detailed_path_accepts(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        """The generated fast reader is never more lenient (nor stricter) than the hooks."""

        def outcome(converter: Any, doc: Any) -> Any:
            try:
                return converter.structure(doc, cls)
            except Exception:  # noqa: BLE001 - any failure is one outcome here
                return "rejected"

        @given(strategy, st.data())
        def check(obj: Any, data: st.DataObject) -> None:
            doc = serde.to_dict(obj)
            key = data.draw(st.sampled_from(sorted(doc)))
            doc[key] = data.draw(JSONISH | st.just(doc[key]))
            assert outcome(serde.converter, doc) == outcome(_convert._detailed, doc)

        check()


ACCIDENT = {
    "id": "a",
    "enterprise": "914403001922038216",
    "occurred_at": "2026-01-01T08:00:00+08:00",
    "deaths": 0,
    "serious_injuries": 0,
}


class TestErrors:
    """Error messages list every bad field by path and value."""

    def test_every_bad_field_is_listed(self) -> None:
        """Two bad fields, two entries, each with its path."""
        doc = {
            "uscc": "914403001922038216",
            "name": "x",
            "industry": "steel",
            "region": "440300",
            "employees": "12",
            "production_started_on": "2024-13-01",
        }
        with pytest.raises(ValidationError) as info:
            serde.from_dict(doc, Enterprise)
        message = str(info.value)
        assert "$.industry: 'steel' is not a Industry" in message
        assert "$.employees: '12' is not of type int" in message
        assert "$.production_started_on: '2024-13-01' is not a date" in message

    @pytest.mark.parametrize("text", [" 8 ", "1_000", "８", "８.５", "0x10", "8,5", "Infinity", ""])
    def test_decimals_are_ascii_decimal_text(self, text: str) -> None:
        """Only the syntax dumps writes: no spaces, underscores, full-width digits or hex."""
        with pytest.raises(ValidationError, match=r"\$\.direct_loss"):
            serde.from_dict({**ACCIDENT, "direct_loss": text}, Accident)

    @pytest.mark.parametrize(("text", "value"), [("8", "8"), ("1e3", "1000"), (".5", "0.5")])
    def test_decimal_text_read(self, text: str, value: str) -> None:
        assert (
            Decimal(value)
            == serde.from_dict({**ACCIDENT, "direct_loss": text}, Accident).direct_loss
        )

    def test_json_nested_too_deeply(self) -> None:
        """100,000 brackets: a ValidationError on the document, not a RecursionError."""
        with pytest.raises(ValidationError, match="nested"):
            serde.loads("[" * 100_000 + "]" * 100_000, Enterprise)

    def test_no_coercion(self) -> None:
        """'yes' is not True and 1.5 is not a Decimal."""
        doc = dict(ENTERPRISE, above_designated_size="yes")
        with pytest.raises(ValidationError, match="above_designated_size"):
            serde.from_dict(doc, Enterprise)

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("hazard_flags", "dust_explosion", "$.hazard_flags: 'dust_explosion' is not a list"),
            (
                "standardization",
                "level_1",
                "$.standardization: 'level_1' is not an object with the fields of Standardization",
            ),
        ],
    )
    def test_no_string_for_a_list_or_an_object(self, field: str, value: str, message: str) -> None:
        """A string is not split into characters, and is not read as an object."""
        doc = dict(ENTERPRISE, **{field: value})
        with pytest.raises(ValidationError) as info:
            serde.from_dict(doc, Enterprise)
        assert message in str(info.value)

    def test_no_string_for_a_tuple(self) -> None:
        """A person's certificates must be a list of objects."""
        doc = {"id": "p", "name": "张三", "role": "worker", "certificates": "T1"}
        with pytest.raises(ValidationError, match=r"\$\.certificates: 'T1' is not a list"):
            serde.from_dict(doc, Person)
        doc["certificates"] = ["T1"]
        with pytest.raises(ValidationError, match=r"\$\.certificates\[0\]: 'T1' is not an object"):
            serde.from_dict(doc, Person)

    def test_unknown_key(self) -> None:
        """Extra keys are rejected (no silent loss)."""
        doc = serde.to_dict(Basis(document="x"))
        doc["artcile"] = "typo"
        with pytest.raises(ValidationError, match="artcile"):
            serde.from_dict(doc, Basis)

    @pytest.mark.parametrize(
        "text",
        [
            "{",
            "[]",
            '{"schema_version": 2, "type": "Basis", "data": {}}',
            '{"schema_version": 1, "type": "Enterprise", "data": {}}',
        ],
    )
    def test_bad_documents(self, text: str) -> None:
        """Bad JSON, versions and types are ValidationErrors."""
        with pytest.raises(ValidationError):
            serde.loads(text, Basis)

    def test_unknown_class(self) -> None:
        """Asking for a class the converter cannot build is a ValidationError."""

        class NotAModel:
            pass

        with pytest.raises(ValidationError, match="model class"):
            serde.from_dict({}, NotAModel)

    def test_model_validators_run_on_load(self) -> None:
        """A wrong check character in JSON is caught by the model's validator."""
        doc = dict(ENTERPRISE, uscc="914403001922038210")
        with pytest.raises(ValidationError, match="check character"):
            serde.from_dict(doc, Enterprise)
