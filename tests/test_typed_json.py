"""The one-pass reader (msgspec, the ``fast`` extra) reads every document as the usual reading does.

``serde.loads`` and the case reader first try the readers of :mod:`safetyduty._typed_json`; what
it refuses, the usual reading (a JSON parser, then the model's generated
structure function) decides. These tests hold the reader to that: it never
accepts a document the usual reading refuses, it makes the same model, and
it does read every valid document of every model (or the speed is lost).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from types import UnionType
from typing import TYPE_CHECKING, Any, ClassVar, Union, get_args, get_origin

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty import _convert, _typed_json, cases, serde
from safetyduty.errors import ValidationError
from safetyduty.models import Case, Enterprise, Standardization, StandardizationLevel
from safetyduty.testing import STRATEGIES

pytest.importorskip("msgspec", reason="the one-pass reader needs the fast extra")
import msgspec.inspect

MODELS: list[tuple[type[Any], st.SearchStrategy[Any]]] = sorted(
    STRATEGIES.items(), key=lambda item: item[0].__name__
)

JUNK = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**63, max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2024-02-29", "1899-12-31", "2024-W01-1", "1e3", "NaN", "-0", ""]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)

REFUSED = "refused"


def document(cls: type, data_text: str) -> str:
    """A serde document holding the object *data_text* writes."""
    return f'{{"schema_version":1,"type":"{cls.__name__}","data":{data_text}}}'


def one_pass(text: str, cls: type) -> Any:
    """What the one-pass reader makes of *text*: the model, or REFUSED."""
    read = _convert.document_reader(cls, version=1)
    assert read is not None
    try:
        return read(text)
    except Exception:  # noqa: BLE001 - any refusal is one outcome here
        return REFUSED


def usual(text: str, cls: type, monkeypatch: pytest.MonkeyPatch) -> Any:
    """What ``serde.loads`` makes of *text* without the one-pass reader: the model, or the error."""
    with monkeypatch.context() as patched:
        patched.setattr(_convert, "document_reader", lambda *_, **__: None)
        try:
            return serde.loads(text, cls)
        except ValidationError as exc:
            return str(exc)


@pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
class TestTheSameReading:
    """For every model: the same model, or the usual error, whichever reader reads."""

    def test_every_valid_document_is_read_in_one_pass(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        @given(strategy)
        def check(obj: Any) -> None:
            assert one_pass(serde.dumps(obj), cls) == obj

        check()

    def test_never_more_lenient_and_the_same_model(
        self, cls: type[Any], strategy: st.SearchStrategy[Any], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A field replaced, dropped, repeated or added: the reader accepts only what the usual
        reading accepts, and makes the same model; ``loads`` says what the usual reading says."""

        @given(strategy, st.data())
        def check(obj: Any, data: st.DataObject) -> None:
            fields = serde.to_dict(obj)
            key = data.draw(st.sampled_from(sorted(fields)))
            junk = json.dumps(data.draw(JUNK), ensure_ascii=False)
            how = data.draw(st.sampled_from(["replace", "drop", "repeat", "add"]))
            text = json.dumps(fields, ensure_ascii=False)
            if how == "replace":
                text = json.dumps(fields | {key: json.loads(junk)}, ensure_ascii=False)
            elif how == "drop":
                text = json.dumps({k: v for k, v in fields.items() if k != key}, ensure_ascii=False)
            elif how == "repeat":  # a key twice: the last one counts, in every reader
                text = text[:-1] + f", {json.dumps(key)}: {junk}}}"
            else:
                text = text[:-1] + f", {json.dumps(key + '_')}: {junk}}}"
            text = document(cls, text)
            fast = one_pass(text, cls)
            slow = usual(text, cls, monkeypatch)
            if fast != REFUSED:
                assert fast == slow
            assert serde.loads(text, cls) == slow if not isinstance(slow, str) else True
            if isinstance(slow, str):
                with pytest.raises(ValidationError) as raised:
                    serde.loads(text, cls)
                assert str(raised.value) == slow

        check()


class TestAtTheEdges:
    """Documents where the two readers' parsers differ: the usual reading decides."""

    @pytest.mark.parametrize(
        "day",
        [
            "1899-12-31",
            "1900-01-01",
            "9899-12-31",
            "9900-01-01",
            "2024-02-29",
            "2023-02-29",
            "2024-W01-1",
        ],
    )
    def test_days_at_and_beyond_the_judged_range(
        self, day: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = document(Standardization, json.dumps({"level": "level_1", "granted_on": day}))
        fast = one_pass(text, Standardization)
        slow = usual(text, Standardization, monkeypatch)
        assert fast in (REFUSED, slow)
        if day in {"1900-01-01", "9899-12-31", "2024-02-29"}:
            assert fast.granted_on.isoformat() == day  # read in one pass
        if day in {"1899-12-31", "9900-01-01", "2023-02-29"}:
            assert fast == REFUSED
            assert isinstance(slow, str)
            assert "granted_on" in slow

    @pytest.mark.parametrize(
        ("amount", "read"),
        [
            ('"185000000.00"', True),
            ("12", True),
            ('"1e3"', True),
            ("1.5", False),
            ('"NaN"', False),
            ('" 1"', False),
        ],
    )
    def test_amounts_are_decimal_text_or_integers(
        self, amount: str, read: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        fields = json.dumps({"uscc": "914403001922038216", "name": "x", "industry": "machinery"})
        text = document(
            Enterprise,
            fields[:-1] + f', "region": "440300", "employees": 3, "annual_revenue": {amount}}}',
        )
        fast = one_pass(text, Enterprise)
        slow = usual(text, Enterprise, monkeypatch)
        assert (fast != REFUSED) is read
        assert fast in (REFUSED, slow)
        assert isinstance(slow, str) is not read

    def test_an_integer_beyond_64_bits_is_read_exactly(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = document(Enterprise, json.dumps({**_ENTERPRISE, "employees": 2**70}))
        assert usual(text, Enterprise, monkeypatch) == one_pass(text, Enterprise)
        assert serde.loads(text, Enterprise).employees == 2**70

    @pytest.mark.parametrize(
        "text",
        [
            '{"schema_version":2,"type":"Enterprise","data":%s}',
            '{"schema_version":true,"type":"Enterprise","data":%s}',
            '{"schema_version":1,"type":"Person","data":%s}',
            '{"schema_version":1,"type":"Enterprise","data":%s,"extra":1}',
            '\ufeff{"schema_version":1,"type":"Enterprise","data":%s}',
            '{"schema_version":1,"type":"Enterprise","data":%s} x',
        ],
    )
    def test_a_bad_envelope_is_reported_as_before(
        self, text: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = text % json.dumps(_ENTERPRISE)
        slow = usual(text, Enterprise, monkeypatch)
        assert isinstance(slow, str)
        with pytest.raises(ValidationError) as raised:
            serde.loads(text, Enterprise)
        assert str(raised.value) == slow

    def test_bytes_that_are_not_utf_8(self, monkeypatch: pytest.MonkeyPatch) -> None:
        text = document(Enterprise, json.dumps(_ENTERPRISE)).encode().replace(b'"x"', b'"\xff"')
        slow = usual(text, Enterprise, monkeypatch)  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as raised:
            serde.loads(text, Enterprise)
        assert str(raised.value) == slow


_ENTERPRISE = {
    "uscc": "914403001922038216",
    "name": "x",
    "industry": "machinery",
    "region": "440300",
    "employees": 3,
}


class TestWhenTheReaderStandsAside:
    """A user's hook, or no msgspec: the document is read the usual way."""

    def test_a_hook_registered_for_the_model_is_used(self, fresh: Any) -> None:
        text = document(Standardization, '{"level": "level_1", "granted_on": "2024-02-01"}')
        assert _convert.document_reader(Standardization, version=1) is not None
        fresh.register_structure_hook(Standardization, lambda value, _: ("mine", value["level"]))
        assert _convert.document_reader(Standardization, version=1) is None
        loaded: object = serde.loads(text, Standardization)
        assert loaded == ("mine", "level_1")

    def test_a_hook_registered_for_dates_is_used(self, fresh: Any) -> None:
        from datetime import date  # noqa: PLC0415

        def day_month_year(value: object, _: object) -> date:
            day, month, year = str(value).split("/")
            return date(int(year), int(month), int(day))

        text = document(Standardization, '{"level": "level_1", "granted_on": "01/02/2024"}')
        with pytest.raises(ValidationError):
            serde.loads(text, Standardization)
        fresh.register_structure_hook(date, day_month_year)
        assert serde.loads(text, Standardization).granted_on == date(2024, 2, 1)
        assert (
            _convert.document_reader(Standardization, version=1) is not None
        )  # made anew, the hook inside

    def test_without_msgspec(self, fresh: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        import sys  # noqa: PLC0415

        monkeypatch.setitem(sys.modules, "msgspec", None)  # import msgspec fails
        assert _convert.document_reader(Enterprise, version=1) is None
        text = document(Enterprise, json.dumps(_ENTERPRISE))
        assert serde.loads(text, Enterprise).employees == 3

    def test_a_class_that_is_not_a_model(self) -> None:
        assert _convert.document_reader(int, version=1) is None


class Shade(Enum):
    """An enum that reads any case (its own lookup: the mirror leaves it to the usual reading)."""

    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def _missing_(cls, value: object) -> Shade | None:
        return cls.__members__.get(str(value).upper())


@attrs.frozen
class Swatch:
    """A user's class: a private field, a custom enum, a dict, a nested model, a frozenset."""

    _code: int = attrs.field(validator=attrs.validators.ge(0))
    shade: Shade
    counts: dict[str, int]
    standardization: Standardization | None = None
    tags: frozenset[str] = frozenset()


class TestUsersClasses:
    """A user's attrs class is read in one pass too, as the usual reading reads it."""

    SWATCH = Swatch(
        code=3,
        shade=Shade.DARK,
        counts={"a": 1},
        standardization=Standardization(
            level=StandardizationLevel.LEVEL_2, granted_on=date(2024, 2, 29)
        ),
        tags=frozenset({"x", "y"}),
    )

    def test_round_trip_in_one_pass(self) -> None:
        text = serde.dumps(self.SWATCH)
        assert one_pass(text, Swatch) == self.SWATCH
        assert serde.loads(text, Swatch) == self.SWATCH

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("_code", -1),
            ("_code", "3"),
            ("shade", "DARK"),
            ("shade", "grey"),
            ("counts", {"a": "1"}),
            ("counts", [1]),
            ("standardization", {"level": "level_9", "granted_on": "2024-02-29"}),
            ("tags", ["x", 1]),
            ("tags", "xy"),
        ],
    )
    def test_a_bad_field_as_the_usual_reading_says(
        self, field: str, value: object, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        data = serde.to_dict(self.SWATCH) | {field: value}
        text = document(Swatch, json.dumps(data))
        fast = one_pass(text, Swatch)
        slow = usual(text, Swatch, monkeypatch)
        assert fast in (REFUSED, slow)
        loaded: object
        try:
            loaded = serde.loads(text, Swatch)
        except ValidationError as exc:
            loaded = str(exc)
        assert loaded == slow


class TestCaseLines:
    """A case file's lines are read in one pass too, with the same cases or the same errors."""

    LINES: ClassVar[list[str]] = list(cases.sample_lines(3))

    def usual_cases(self, lines: list[Any], monkeypatch: pytest.MonkeyPatch) -> Any:
        with monkeypatch.context() as patched:
            patched.setattr(cases, "object_reader", lambda _: None)
            try:
                return list(cases.read_cases(lines))
            except ValidationError as exc:
                return str(exc)

    def test_every_sample_line_is_read_in_one_pass(self, monkeypatch: pytest.MonkeyPatch) -> None:
        read = _convert.object_reader(Case)
        assert read is not None
        made = [read(line) for line in self.LINES]
        assert made == self.usual_cases(self.LINES, monkeypatch)
        assert made == list(cases.read_cases(self.LINES))

    @given(st.data())
    def test_a_fact_changed_reads_as_the_usual_reading_reads_it(self, data: st.DataObject) -> None:
        line = json.loads(data.draw(st.sampled_from(self.LINES)))
        facts = data.draw(st.sampled_from(["records", "hazards", "accidents", "people"]))
        if not line.get(facts):
            return
        index = data.draw(st.integers(0, len(line[facts]) - 1))
        key = data.draw(st.sampled_from(sorted(line[facts][index])))
        line[facts][index][key] = data.draw(JUNK)
        text = json.dumps(line, ensure_ascii=False)
        with pytest.MonkeyPatch.context() as monkeypatch:
            slow = self.usual_cases([text], monkeypatch)
        read = _convert.object_reader(Case)
        assert read is not None
        try:
            fast: Any = [read(text)]
        except Exception:  # noqa: BLE001 - any refusal is one outcome here
            fast = REFUSED
        assert fast in (REFUSED, slow)
        try:
            got: Any = list(cases.read_cases([text]))
        except ValidationError as exc:
            got = str(exc)
        assert got == slow


if TYPE_CHECKING:
    from decimal import Decimal as Money  # a name that does not resolve at run time


@attrs.frozen
class Fee:
    """A user's class whose annotation does not resolve at run time."""

    amount: Money


@attrs.frozen
class Order:
    """A user's class holding one, never read in the documents below."""

    id: str
    fee: Fee | None = None


@attrs.frozen
class Meta:
    """A user's class whose field takes any JSON value."""

    extra: dict[str, Any]


class TestWhatTheUsualReadingAlwaysDid:
    """Where making the one-pass reader fails, or msgspec and orjson read a value apart, the
    result is the usual reading's (found in review)."""

    def test_a_class_whose_reader_cannot_be_made(self, monkeypatch: pytest.MonkeyPatch) -> None:
        text = document(Order, '{"id": "a"}')
        assert _convert.document_reader(Order, version=1) is None
        assert serde.loads(text, Order) == Order(id="a")
        fee = document(Fee, '{"amount": "1"}')
        slow = usual(fee, Fee, monkeypatch)
        assert isinstance(slow, str)
        with pytest.raises(ValidationError) as raised:
            serde.loads(fee, Fee)
        assert str(raised.value) == slow

    @pytest.mark.parametrize("number", [2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 2**70 + 1])
    def test_an_integer_in_any_json_value(
        self, number: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = document(Meta, json.dumps({"extra": {"n": [number]}}))
        loaded = serde.loads(text, Meta)
        assert loaded == usual(text, Meta, monkeypatch)
        assert type(loaded.extra["n"][0]) is type(usual(text, Meta, monkeypatch).extra["n"][0])


def _left_to_a_hook(t: Any, seen: frozenset[type] = frozenset()) -> bool:
    """Whether a field of type *t* holds a part msgspec cannot type as the reader reads it: a
    moment, a union of several types, a mapping, or a model inside itself."""
    origin, args = get_origin(t), get_args(t)
    if origin in (Union, UnionType):
        others = [a for a in args if a is not type(None)]
        return len(others) != 1 or _left_to_a_hook(others[0], seen)
    if origin in (tuple, frozenset):
        return _left_to_a_hook(args[0], seen)
    if origin is not None or t in (datetime, Any):
        return True
    if attrs.has(t):
        return t in seen or any(
            _left_to_a_hook(f.type, seen | {t}) for f in attrs.fields(attrs.resolve_types(t))
        )
    return False


def _typed_as_any(info: Any, seen: frozenset[type] = frozenset()) -> bool:
    """Whether msgspec's type *info* has ``Any`` in it, at any depth."""
    if isinstance(info, msgspec.inspect.AnyType):
        return True
    if isinstance(info, msgspec.inspect.StructType):
        return info.cls not in seen and any(
            _typed_as_any(f.type, seen | {info.cls}) for f in info.fields
        )
    inner = [getattr(info, "item_type", None), *getattr(info, "types", ())]
    return any(_typed_as_any(i, seen) for i in inner if i is not None)


@pytest.mark.parametrize(("cls", "strategy"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_msgspec_types_every_field_it_can(cls: type[Any], strategy: st.SearchStrategy[Any]) -> None:
    """Strings, numbers, flags, enums, days, decimals, optionals, lists of them and models of
    them are typed in the mirror (msgspec checks them in C); only the rest is left ``Any``."""
    made = _typed_json._mirror(cls, _convert.converter, _convert._TRUSTED)
    assert made is not None
    info = msgspec.inspect.type_info(made[1])
    for field, mirrored in zip(attrs.fields(attrs.resolve_types(cls)), info.fields, strict=True):
        assert field.name == mirrored.name
        assert _typed_as_any(mirrored.type) == _left_to_a_hook(field.type, frozenset({cls})), (
            field.name
        )
