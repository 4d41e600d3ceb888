"""Serialisation round trips and strict, path-naming errors."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty import _convert, serde
from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.models import Accident, Basis, Enterprise, Person, Record
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

    @pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31"])
    def test_a_day_outside_the_judged_range_is_refused(self, day: str) -> None:
        """Read through the fast reader too: a model's date lies in 1900..9899, whatever reads it."""
        record = {"id": "r", "kind": "training", "on": day, "enterprise": "914403001922038216"}
        with pytest.raises(ValidationError, match="on: must lie from 1900-01-01 to 9899-12-31"):
            serde.from_dict(record, Record)
        with pytest.raises(ValidationError, match="occurred_at"):
            serde.from_dict(
                {**ACCIDENT, "direct_loss": "0", "occurred_at": f"{day}T20:00:00+00:00"}, Accident
            )

    @pytest.mark.parametrize("depth", [995, 1000, 1020, 1100, 100_000])
    def test_json_nested_too_deeply(self, depth: int) -> None:
        """Brackets deeper than either JSON reader goes (orjson: 1024, json: about 995): a
        ValidationError on the document, not a RecursionError, whichever reader refuses."""
        for text in (
            "[" * depth + "]" * depth,
            '{"schema_version":1,"type":"Enterprise","data":' + "[" * depth + "]" * depth + "}",
        ):
            with pytest.raises(ValidationError, match=r"nested|must be"):
                serde.loads(text, Enterprise)

    def test_a_memoryview_is_not_a_document(self) -> None:
        """Text or bytes only, with orjson installed or not (orjson alone would read a memoryview)."""
        with pytest.raises(ValidationError, match="must be JSON"):
            serde.loads(
                memoryview(b'{"schema_version":1,"type":"Basis","data":{"document":"x"}}'), Basis
            )  # type: ignore[arg-type]

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


def _json_values(*more: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """JSON values: integers beyond 64 bits, escapes, surrogates, non-ASCII text (and *more* leaves)."""
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**62, max_value=2**70),
        st.text(max_size=20),
        *more,
    )
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6)
        ),
        max_leaves=20,
    )


class TestFastJson:
    """orjson (the ``fast`` extra), when installed, writes what the json module writes."""

    @pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
    def test_the_same_text_for_every_model(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        """serde.dumps gives the json module's compact text."""

        @given(strategy)
        def check(obj: Any) -> None:
            document = {"schema_version": 1, "type": cls.__name__, "data": serde.to_dict(obj)}
            assert json.dumps(document, ensure_ascii=False, separators=(",", ":")) == serde.dumps(
                obj
            )

        check()

    @given(_json_values())
    def test_the_same_text_for_any_document(self, value: Any) -> None:
        """Large integers, escapes, surrogates and non-ASCII text: the same text, compact or indented."""
        from safetyduty import _json  # noqa: PLC0415

        assert json.dumps(value, ensure_ascii=False, separators=(",", ":")) == _json.dumps(value)
        assert json.dumps(value, ensure_ascii=False, indent=2) == _json.dumps(value, indent=2)

    @given(_json_values(st.floats(allow_nan=False)))
    def test_the_same_value_read_back(self, value: Any) -> None:
        """Read back, any document is the json module's value, but for integers beyond 64 bits
        (orjson's float: the reason loads re-reads the text exactly when a model refuses it)."""
        from safetyduty import _json  # noqa: PLC0415

        text = json.dumps(value, ensure_ascii=False)
        assert _json.exact_loads(text) == json.loads(text)
        if not any(len(run) > 19 for run in re.findall(r"\d+", text)):
            assert _json.loads(text) == json.loads(text)

    @pytest.mark.parametrize(
        ("field", "value"),
        [("employees", 10**25), ("annual_revenue", 10**20), ("employees", 2**64)],
    )
    def test_integers_beyond_64_bits_load_exactly(self, field: str, value: int) -> None:
        """An Enterprise with a 26-digit head count loads with that count, not a float's rounding."""
        from safetyduty.catalog import sample_portfolio  # noqa: PLC0415

        firm = sample_portfolio().enterprises[0]
        document = json.loads(serde.dumps(firm))
        document["data"][field] = value
        loaded = serde.loads(json.dumps(document), type(firm))
        assert getattr(loaded, field) == value

    def test_a_refused_big_integer_is_shown_exactly(self) -> None:
        """The error names the integer as written, not orjson's float."""
        from safetyduty.models import Standardization  # noqa: PLC0415

        text = '{"schema_version":1,"type":"Standardization","data":{"level":12345678901234567890123,"granted_on":"2024-02-29"}}'
        with pytest.raises(ValidationError, match="12345678901234567890123"):
            serde.loads(text, Standardization)

    def test_without_orjson(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With the standard module alone, the same text."""
        from safetyduty import _json  # noqa: PLC0415
        from safetyduty.catalog import sample_portfolio  # noqa: PLC0415

        sample = sample_portfolio()
        text = serde.dumps(sample)
        monkeypatch.setattr(_json, "_orjson", None)
        assert text == serde.dumps(sample)
        assert sample == serde.loads(text, type(sample))


class TestGeneratedWriters:
    """The generated to_dict of each model writes what cattrs' own generated function writes."""

    @pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
    def test_the_same_dict_as_cattrs(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        """Field by field, the same JSON-ready dict (cattrs' make_dict_unstructure_fn is the reference)."""
        import attrs  # noqa: PLC0415
        from cattrs.gen import make_dict_unstructure_fn  # noqa: PLC0415

        reference = _convert._make_converter(detailed=False)
        reference.register_unstructure_hook_factory(
            attrs.has, lambda model: make_dict_unstructure_fn(model, reference)
        )

        @given(strategy)
        def check(obj: Any) -> None:
            assert reference.unstructure(obj) == serde.to_dict(obj)

        check()


def _as_function(condition: str, names: dict[str, object]) -> Any:
    """A registered inline condition (``_validate.PASSES``) as a function of ``v``."""
    source = "lambda v: " + condition.format(v="v", **{name: f"_{name}" for name in names})
    return eval(source, {f"_{name}": obj for name, obj in names.items()})  # noqa: S307 - our own text


class TestGeneratedReaders:
    """The generated reader skips only the type checks it has made itself."""

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("uscc", "914403001922038217"),  # a wrong check character
            ("region", "991500"),  # no such province
            ("employees", -1),  # a count below zero
            ("name", "  "),  # blank
            ("annual_revenue", "-1"),  # money below zero
            ("park", "440300-x"),  # a park outside the region
        ],
    )
    def test_the_model_s_own_checks_run(self, field: str, value: object) -> None:
        """A value of the right type that the model refuses is refused, naming the field."""
        with pytest.raises(ValidationError, match=field):
            serde.from_dict({**ENTERPRISE, "region": "620100", field: value}, Enterprise)

    def test_smelting_is_checked_against_the_industry(self) -> None:
        """A validator attrs combines with another (and_) still runs, after the type check."""
        with pytest.raises(ValidationError, match="smelting"):
            serde.from_dict({**ENTERPRISE, "smelting": True}, Enterprise)

    def test_disabled_validators_are_disabled_alike(self) -> None:
        """With attrs' validators switched off, the reader builds what __init__ builds."""
        import attrs  # noqa: PLC0415

        bad = {**ENTERPRISE, "employees": -1}
        with attrs.validators.disabled():
            fast = serde.converter.structure(bad, Enterprise)
            plain = Enterprise(**{**ENTERPRISE, "employees": -1})  # type: ignore[arg-type]
        assert plain == fast

    def test_type_only_validators_are_registered(self) -> None:
        """The validators the reader may skip are the type checks, and only those."""
        from safetyduty import _validate  # noqa: PLC0415

        kinds = {what[0] for what in _validate.TYPE_ONLY.values()}
        assert kinds <= {"is", "optional", "tuple", "set"}
        for check in (_validate.non_empty_str, _validate.count, _validate.money, _validate.rate):
            assert check not in _validate.TYPE_ONLY
        assert _validate.text in _validate.TYPE_ONLY
        assert _validate.tuple_of(str, non_empty=True) not in _validate.TYPE_ONLY

    def test_a_passing_condition_is_never_wrong(self) -> None:
        """Where a validator's inline condition holds, the validator passes (the reader
        skips the call then): checked for every registered condition on odd values."""
        from datetime import date, datetime  # noqa: PLC0415

        import attrs  # noqa: PLC0415

        import safetyduty.catalog  # noqa: F401, PLC0415 - every model and its validators registered
        from safetyduty import _validate  # noqa: PLC0415
        from safetyduty.models import Industry, Standardization, StandardizationLevel  # noqa: PLC0415

        assert len(_validate.PASSES) > 20
        edges = [
            *(-2, -1, 0, 1, 10**30, True, False, None, 1.5, [], (), frozenset()),
            *(
                "",
                " ",
                "\u3000",
                "x",
                "440300",
                "４40300",
                "44０３００",
                "990000",
                "44030",
                "4403001",
            ),
            *(Decimal(text) for text in ("-1", "-0", "0", "0.5", "1", "NaN", "sNaN", "Infinity")),
            *(date(1899, 12, 31), date(1900, 1, 1), date(9899, 12, 31), date(9900, 1, 1)),
            *(datetime(2020, 1, 1), *Industry, *StandardizationLevel),
            Standardization(level=StandardizationLevel.LEVEL_1, granted_on=date(2020, 1, 1)),
        ]
        values = st.one_of(
            st.sampled_from(edges), JSONISH, st.decimals(), st.dates(), st.datetimes()
        )
        field = attrs.fields(Enterprise).name
        checks = sorted(_validate.PASSES.items(), key=lambda item: item[1][0])
        conditions = [(check, _as_function(*registered)) for check, registered in checks]
        owner = serde.from_dict(ENTERPRISE, Enterprise)  # an instance: the park check reads one

        def passes_where_it_holds(value: object) -> None:
            for validator, holds in conditions:
                if holds(value):
                    validator(owner, field, value)  # must not raise

        for value in edges:
            passes_where_it_holds(value)
        given(values)(passes_where_it_holds)()

    def test_objects_are_filled_then_given_their_class(self) -> None:
        """The reader fills a plain subclass and then assigns the model's class: the
        object is the model's own, frozen, weak-referable, and equal to __init__'s."""
        import pickle  # noqa: PLC0415
        import weakref  # noqa: PLC0415

        import attrs  # noqa: PLC0415

        from safetyduty._methods import filler  # noqa: PLC0415

        read = serde.from_dict(ENTERPRISE, Enterprise)
        assert type(read) is Enterprise
        assert read == _convert._detailed.structure(
            ENTERPRISE, Enterprise
        )  # cattrs' own, by __init__
        assert weakref.ref(read)() is read
        assert pickle.loads(pickle.dumps(read)) == read  # noqa: S301
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            read.employees = 4  # type: ignore[misc]
        assert filler(Enterprise) is not None
        assert filler(bool) is None  # a class that cannot be subclassed: the slots' setters

    def test_a_user_class_with_unhashable_validators_reads(self) -> None:
        """A validator or converter that cannot be hashed is simply not in the registries:
        the reader still builds the class and runs it."""
        import attrs  # noqa: PLC0415

        class Positive:
            """A validator object with equality and so no hash."""

            def __eq__(self, other: object) -> bool:
                return isinstance(other, Positive)

            __hash__ = None  # type: ignore[assignment]

            def __call__(self, instance: object, attribute: object, value: int) -> None:
                if value <= 0:
                    raise ValidationError("n", value, "must be positive")

        class Doubled:
            """A converter object with no hash."""

            __hash__ = None  # type: ignore[assignment]

            def __call__(self, value: int) -> int:
                return value * 2

        @attrs.frozen
        class Count:
            n: int = attrs.field(validator=Positive(), converter=Doubled())

        assert Count(n=1) == serde.converter.structure({"n": 1}, Count)  # n doubled, once
        with pytest.raises(ValidationError):
            serde.converter.structure({"n": 0}, Count)


class TestReadersOfUserClasses:
    """The generated reader and writer serve any attrs class through the converter, not only
    the library's: what a class declares is honoured where the library's models never need it."""

    @staticmethod
    def _fresh() -> Any:
        return _convert._make_converter(detailed=False)

    def test_a_converter_s_result_is_what_the_validators_see(self) -> None:
        """A value is validated as converted (the validator wants an even number)."""
        import attrs  # noqa: PLC0415

        def even(instance: object, attribute: Any, value: int) -> None:
            if value % 2:
                raise ValidationError("n", value, "must be even")

        @attrs.frozen
        class Doubled:
            n: int = attrs.field(converter=lambda n: n * 2, validator=even)

        assert Doubled(n=1) == self._fresh().structure({"n": 1}, Doubled)

    @pytest.mark.parametrize(
        ("declared", "check", "value"),
        [
            (int, "instance_of_str", 1),  # a type-only check of another type than declared
            (int | None, "optional_instance_of_str", 1),
            (tuple[str, ...], "set_of_str", ["a"]),  # a set check on a field read as a tuple
        ],
    )
    def test_a_type_check_of_another_type_still_runs(
        self, declared: Any, check: str, value: object
    ) -> None:
        """The reader skips a type-only validator only when it has read that very type."""
        import attrs  # noqa: PLC0415

        from safetyduty import _validate  # noqa: PLC0415

        validator = {
            "instance_of_str": _validate.instance_of(str),
            "optional_instance_of_str": _validate.optional(_validate.instance_of(str)),
            "set_of_str": _validate.set_of(str),
        }[check]
        odd = attrs.make_class(
            "Odd", {"x": attrs.field(type=declared, validator=validator)}, slots=True, frozen=True
        )
        with pytest.raises(ValidationError):
            self._fresh().structure({"x": value}, odd)

    def test_a_hook_registered_for_dates_is_used(self) -> None:
        """Dates are read inline only while the converter's date hook is the library's."""
        from datetime import date  # noqa: PLC0415

        from safetyduty.models import Standardization  # noqa: PLC0415

        conv = self._fresh()

        def day_month_year(value: object, _: object) -> date:
            day, month, year = str(value).split("/")
            return date(int(year), int(month), int(day))

        conv.register_structure_hook(date, day_month_year)
        read = conv.structure({"level": "level_1", "granted_on": "01/02/2024"}, Standardization)
        assert date(2024, 2, 1) == read.granted_on

    def test_a_class_built_by_init_takes_its_fields_by_alias(self) -> None:
        """A class the reader cannot fill field by field (it has a pre-init hook) is built by
        ``__init__``, a private field passed by its alias."""
        import attrs  # noqa: PLC0415

        @attrs.frozen
        class Hidden:
            _secret: int

            def __attrs_pre_init__(self) -> None:
                pass

        assert Hidden(secret=3) == self._fresh().structure({"_secret": 3}, Hidden)

    def test_a_converted_value_is_checked_again(self) -> None:
        """A field read as an int and then converted is validated as converted."""
        import attrs  # noqa: PLC0415

        from safetyduty import _validate  # noqa: PLC0415

        odd = attrs.make_class(
            "Odd",
            {"x": attrs.field(type=int, converter=str, validator=_validate.instance_of(int))},
            slots=True,
            frozen=True,
        )
        with pytest.raises(ValidationError):
            self._fresh().structure({"x": 1}, odd)

    def test_a_missing_field_takes_its_factory_before_the_validators(self) -> None:
        """A field left out is made by its factory, and the validator sees what was made."""
        import attrs  # noqa: PLC0415

        def a_tuple(instance: object, attribute: Any, value: object) -> None:
            if type(value) is not tuple:
                raise ValidationError("tags", value, "must be a tuple")

        @attrs.frozen
        class Tagged:
            tags: tuple[str, ...] = attrs.field(factory=tuple, validator=a_tuple)

        assert Tagged() == self._fresh().structure({}, Tagged)

    def test_an_optional_union_of_other_types_is_written_by_its_hook(self) -> None:
        """Only ``date | datetime | None`` is written by ``isoformat`` inline."""
        import attrs  # noqa: PLC0415

        @attrs.frozen
        class Either:
            value: Decimal | date | None = None

        conv = self._fresh()
        assert {"value": "1.5"} == conv.unstructure(Either(value=Decimal("1.5")))
        assert {"value": "2026-01-01"} == conv.unstructure(Either(value=date(2026, 1, 1)))
        assert {"value": None} == conv.unstructure(Either())


class TestTextWriter:
    """serde.dumps leaves days to orjson: the same text, and users' hooks still win."""

    def test_a_hook_registered_for_a_nested_model_is_used(self, fresh: Any) -> None:
        from safetyduty.models import Standardization  # noqa: PLC0415

        enterprise = serde.from_dict(
            {**ENTERPRISE, "standardization": {"level": "level_1", "granted_on": "2024-02-01"}},
            Enterprise,
        )
        assert '"granted_on":"2024-02-01"' in serde.dumps(enterprise)
        fresh.register_unstructure_hook(Standardization, lambda s: s.level.value)
        assert '"standardization":"level_1"' in serde.dumps(enterprise)

    def test_a_hook_registered_for_dates_is_used(self, fresh: Any) -> None:
        from datetime import date  # noqa: PLC0415

        from safetyduty.models import Standardization, StandardizationLevel  # noqa: PLC0415

        fresh.register_unstructure_hook(date, lambda d: d.strftime("%d/%m/%Y"))
        text = serde.dumps(
            Standardization(level=StandardizationLevel.LEVEL_1, granted_on=date(2024, 2, 1))
        )
        assert '"granted_on":"01/02/2024"' in text

    def test_a_day_orjson_does_not_write_is_written_as_before(self) -> None:
        """orjson refuses a subclass of date: the json module writes the document, alike."""
        from datetime import date  # noqa: PLC0415

        from safetyduty.models import Standardization, StandardizationLevel  # noqa: PLC0415

        class Day(date):
            pass

        standardization = Standardization(
            level=StandardizationLevel.LEVEL_1, granted_on=Day(2024, 2, 1)
        )
        assert serde.dumps(standardization).endswith('"granted_on":"2024-02-01"}}')


@attrs.frozen
class Visit:
    """A user's class with days and no validator: anything may stand in its fields."""

    day: date
    days: frozenset[date] = frozenset()
    route: tuple[date, ...] = ()


class TestTextWriterOnUsersDays:
    """dumps leaves to orjson only what is exactly a date; anything else is written as to_dict
    writes it, or fails as it fails (found in review)."""

    @staticmethod
    def reference(obj: object) -> str:
        document = {"schema_version": 1, "type": type(obj).__name__, "data": serde.to_dict(obj)}
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))

    @pytest.mark.parametrize(
        "visit",
        [
            Visit(day=date(2024, 2, 29)),
            Visit(
                day=datetime(1900, 1, 1, tzinfo=timezone(timedelta(hours=8, minutes=5, seconds=43)))
            ),  # type: ignore[arg-type]
            Visit(
                day=date(2024, 1, 1), days=frozenset({date(2024, 1, 2), datetime(2024, 1, 1, 12)})
            ),
            Visit(
                day=date(2024, 1, 1), route=(date(2024, 1, 2), datetime(2024, 1, 1, 12, 0, 0, 5))
            ),  # type: ignore[arg-type]
        ],
    )
    def test_the_json_module_s_text(self, visit: Visit) -> None:
        assert serde.dumps(visit) == self.reference(visit)

    def test_a_value_that_is_no_day_fails_as_before(self) -> None:
        visit = Visit(day="2024-01-01")  # type: ignore[arg-type]
        with pytest.raises(AttributeError):
            serde.to_dict(visit)
        with pytest.raises(AttributeError):
            serde.dumps(visit)
