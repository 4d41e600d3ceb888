"""The converter: models to JSON-ready dicts and back, losslessly (the engine of :mod:`safetyduty.serde`).

One preconfigured cattrs converter: dates as ``YYYY-MM-DD``, aware datetimes
as ISO 8601 with offset, ``Decimal`` as a string, enums by value, tuples as
lists, frozensets as sorted lists. Structuring is strict — no coercion of
``"1"`` to ``1`` or ``"yes"`` to ``True`` — and every problem is reported in
one :class:`~safetyduty.errors.ValidationError` that lists each bad field by
path and value.

It sits in the models layer, just above the models it reads, so that every
layer above them (the law's data, the catalog, the edges) can read its data
files without importing an edge module; it handles any enum of the library
by its base class, so it needs no registry of the modules that define them.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from types import UnionType
from typing import Any, Final, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn
from cattrs.strategies import configure_tagged_union
from cattrs.v import format_exception

from safetyduty import _typed_json
from safetyduty._compat import StrEnum
from safetyduty._dates import parse_iso_date
from safetyduty._fastload import generated, structure_function, unstructure_function
from safetyduty._validate import DECIMAL_TEXT
from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.models._risk import LecInputs, MatrixInputs
from safetyduty.models._schedule import (
    Before,
    Continuous,
    OneOff,
    Recurring,
    Standing,
    Triggered,
    Window,
)

__all__ = [
    "TAGGED_UNIONS",
    "converter",
    "document_reader",
    "from_dict",
    "object_reader",
    "text_writer",
    "to_dict",
]

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
_PAIR: Final = 2


def _structure_date(value: object, _: type) -> date:
    return parse_iso_date(value)


def _structure_datetime(value: object, _: type) -> datetime:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if parsed.tzinfo is not None:
                return parsed
    msg = f"{value!r} is not an ISO 8601 date-time with a UTC offset"
    raise ValueError(msg)


def _structure_moment(value: object, _: type) -> date:
    """A date, or an aware datetime when the text has a time part."""
    if isinstance(value, str) and "T" in value:
        return _structure_datetime(value, datetime)
    return _structure_date(value, date)


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str) and DECIMAL_TEXT.fullmatch(value):
        try:
            return Decimal(value)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
            pass
    msg = f"{value!r} is not a decimal number written as a string (ASCII digits, e.g. '12.5')"
    raise ValueError(msg)


def _strict(kind: type) -> Any:
    def structure(value: object, target: type) -> object:
        if type(value) is kind and target is kind:
            return value  # the common case
        if isinstance(target, type) and issubclass(target, Enum) and target is not kind:
            return _enum_hook(target)(value, target)  # an enum that is not a StrEnum
        if type(value) is not kind:
            msg = f"{value!r} is not of type {kind.__name__}"
            raise ValueError(msg)
        return value

    return structure


@functools.cache
def _enum_hook(cls: type[Enum]) -> Any:
    members = {member.value: member for member in cls}

    def structure(value: object, _: object) -> Enum:
        member = members.get(value) if isinstance(value, str) else None
        if member is None:
            msg = f"{value!r} is not a {cls.__name__} (one of {', '.join(members)})"
            raise ValueError(msg)
        return member

    return structure


def _structure_enum(value: object, target: type[Enum]) -> Enum:
    result: Enum = _enum_hook(target)(value, target)
    return result


def _optional(hook: Any) -> Any:
    """The hook for ``X | None`` in one call instead of two."""

    def structure(value: object, cls: object) -> object:
        return None if value is None else hook(value, cls)

    return structure


_enum_value: Final = operator.attrgetter("_value_")
"""An enum member's value, without the ``value`` property's descriptor call."""


def _unstructure_optional(conv: cattrs.Converter) -> Any:
    """``X | None`` with X's hook looked up once; ``str | None`` and the like pass as they are.

    A ``date | datetime | None`` (a due date or moment) is written by its own
    class's ``isoformat`` when those are the hooks, without cattrs' union dispatch.
    """

    def factory(t: Any) -> Any:
        inner = [arg for arg in get_args(t) if arg is not type(None)]
        if len(inner) > 1:  # date | datetime | None
            hooks = {kind: conv.get_unstructure_hook(kind) for kind in inner}
            if hooks == {date: date.isoformat, datetime: datetime.isoformat}:
                return _iso_or_none
            return conv.get_unstructure_hook(t)
        hook = conv.get_unstructure_hook(inner[0])
        if hook is identity:
            return identity  # None and the value alike: cattrs then reads the attribute inline
        if hook is date.isoformat:
            return _iso_or_none

        def unstructure(value: object) -> object:
            return None if value is None else hook(value)

        return unstructure

    return factory


def _iso_or_none(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _is_plain_optional(t: Any) -> bool:
    args = get_args(t)
    if get_origin(t) not in (Union, UnionType) or type(None) not in args:
        return False
    return len(args) == _PAIR or set(args) == {date, datetime, type(None)}


def _unstructure_items(conv: cattrs.Converter, *, ordered: bool) -> Any:
    """Tuples as lists, frozensets as sorted lists, with the item hook looked up once."""

    def factory(t: Any) -> Any:
        hook = conv.get_unstructure_hook(get_args(t)[0])
        if hook is identity:
            return list if ordered else sorted  # strings and numbers as they are, at C speed
        if ordered:
            return lambda value: [hook(item) for item in value]
        return lambda value: sorted(hook(item) for item in value)

    return factory


def _homogeneous(origin: type) -> Any:
    """Whether a type is ``origin[X, ...]`` (tuple) or ``origin[X]`` (frozenset)."""

    def predicate(t: Any) -> bool:
        if getattr(t, "__origin__", None) is not origin:
            return False
        args: tuple[Any, ...] = getattr(t, "__args__", ())
        if origin is tuple:
            return len(args) == _PAIR and args[-1] is Ellipsis
        return len(args) == 1

    return predicate


def _list_of(conv: cattrs.Converter, origin: type, *, detailed: bool) -> Any:
    """Tuples and frozensets from JSON lists only: a string is not split into characters.

    The item hook is looked up once; the detailed converter notes the index of
    every bad item, as cattrs' own loop does.
    """

    def factory(t: Any) -> Any:
        item = t.__args__[0]
        handler = conv.get_structure_hook(item)

        def structure(value: object, _: object) -> object:
            if not isinstance(value, (list, tuple)):
                msg = f"{value!r} is not a list"
                raise ValueError(msg)  # noqa: TRY004 - cattrs reports ValueErrors by path
            if not detailed:
                return origin(handler(element, item) for element in value)
            built, errors = [], []
            for index, element in enumerate(value):
                try:
                    built.append(handler(element, item))
                except Exception as exc:  # noqa: BLE001, PERF203 - the error path of the detailed pass
                    note = IterableValidationNote(f"Structuring {t} @ index {index}", index, item)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(exc)
            if errors:
                msg = f"While structuring {t!r}"
                raise IterableValidationError(msg, errors, t)
            return origin(built)

        return structure

    return factory


def _is_optional_model(t: Any) -> bool:
    args: tuple[Any, ...] = getattr(t, "__args__", ())
    return (
        len(args) == _PAIR
        and args[1] is type(None)
        and attrs.has(args[0])
        and get_origin(t) in (Union, UnionType)
    )


def _optional_model(conv: cattrs.Converter) -> Any:
    """``Model | None`` with the model's hook looked up once."""

    def factory(t: Any) -> Any:
        model = t.__args__[0]
        handler = conv.get_structure_hook(model)

        def structure(value: object, _: object) -> object:
            return None if value is None else handler(value, model)

        return structure

    return factory


def _model(conv: cattrs.Converter, *, detailed: bool) -> Any:
    """An attrs model from a JSON object only: anything else is named, not 'unknown error'.

    The fast converter uses a generated function (:mod:`safetyduty._fastload`);
    the detailed one cattrs' own, which notes the path of every bad field.
    """

    def factory(cls: Any) -> Any:
        if not detailed:
            return structure_function(cls, conv, trusted=_TRUSTED)
        generated = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def structure(value: object, _: object) -> object:
            if type(value) is not dict and not isinstance(value, Mapping):
                msg = f"{value!r} is not an object with the fields of {cls.__name__}"
                raise ValueError(msg)
            return generated(value, cls)

        return structure

    return factory


def _tagged_structure(conv: cattrs.Converter, tags: dict[type, str], tag_name: str) -> Any:
    by_tag = {tag: cls for cls, tag in tags.items()}

    def structure(value: object, _: object) -> object:
        if not isinstance(value, Mapping):
            msg = f"{value!r} is not an object with a {tag_name!r} field"
            raise ValueError(msg)  # noqa: TRY004 - cattrs reports ValueErrors by path
        tag = value.get(tag_name)
        if tag not in by_tag:
            msg = f"{tag_name} must be one of {', '.join(by_tag)} (got {tag!r})"
            raise ValueError(msg)
        rest = {key: item for key, item in value.items() if key != tag_name}
        return conv.structure(rest, by_tag[tag])

    return structure


_SCHEDULE_TAGS: Final[dict[type, str]] = {
    Recurring: "recurring",
    OneOff: "one_off",
    Triggered: "triggered",
    Standing: "standing",
}
_TIMING_TAGS: Final[dict[type, str]] = {
    Recurring: "recurring",
    OneOff: "one_off",
    Triggered: "triggered",
    Window: "window",
    Before: "before",
    Continuous: "continuous",
}
_ASSESSMENT_TAGS: Final[dict[type, str]] = {LecInputs: "lec", MatrixInputs: "matrix"}
TAGGED_UNIONS: Final[tuple[tuple[Any, dict[type, str], str], ...]] = (
    (Recurring | OneOff | Triggered | Standing, _SCHEDULE_TAGS, "type"),
    (Recurring | OneOff | Triggered | Window | Before | Continuous, _TIMING_TAGS, "type"),
    (LecInputs | MatrixInputs, _ASSESSMENT_TAGS, "method"),
)
"""Each tagged union: its type, the tag of each member, and the tag's key (the JSON Schema reads them)."""


_TRUSTED: Final[Mapping[type, object]] = {date: _structure_date, Decimal: _structure_decimal}
"""The hooks a generated reader may write inline while they are the converter's (see _fastload)."""


_TRUSTED_WRITERS: Final[Mapping[Any, object]] = {
    date: date.isoformat,
    datetime: datetime.isoformat,
    Decimal: str,
    Enum: _enum_value,
}
"""The hooks a generated writer may write inline while they are the converter's (see _fastload)."""


def _make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    # Later registrations win: the specific hooks below come after these general ones.
    conv.register_structure_hook_factory(attrs.has, _model(conv, detailed=detailed))
    conv.register_structure_hook_factory(_is_optional_model, _optional_model(conv))
    for origin in (tuple, frozenset):
        conv.register_structure_hook_factory(
            _homogeneous(origin), _list_of(conv, origin, detailed=detailed)
        )
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    optional_hooks: tuple[tuple[Any, Any], ...] = (
        (date | datetime | None, _structure_moment),
        (date | None, _structure_date),
        (Decimal | None, _structure_decimal),
        (str | None, _strict(str)),
    )
    for optional_type, hook in optional_hooks:
        conv.register_structure_hook(optional_type, _optional(hook))
    # Our enums are str subclasses: their base class gets its own hook, or the str hook wins
    # (cattrs dispatches on the most specific registered class first).
    conv.register_structure_hook(StrEnum, _structure_enum)
    conv.register_unstructure_hook(StrEnum, _enum_value)
    conv.register_unstructure_hook_factory(_is_plain_optional, _unstructure_optional(conv))
    # Models: one generated function each, writing the fields above inline (_fastload).
    conv.register_unstructure_hook_factory(
        attrs.has, lambda cls: unstructure_function(cls, conv, trusted=_TRUSTED_WRITERS)
    )
    conv.register_unstructure_hook_factory(
        _homogeneous(tuple), _unstructure_items(conv, ordered=True)
    )
    conv.register_unstructure_hook_factory(
        _homogeneous(frozenset), _unstructure_items(conv, ordered=False)
    )
    # Unions are tagged: schedules by "type", risk assessments by "method".
    for union, tags, tag_name in TAGGED_UNIONS:
        configure_tagged_union(union, conv, tag_generator=tags.__getitem__, tag_name=tag_name)
        # Our own structure hook, for messages that name the tag and its values.
        conv.register_structure_hook(union, _tagged_structure(conv, tags, tag_name))
    return conv


converter: Final = _make_converter(detailed=False)
"""The preconfigured converter (fast path); use it to register hooks for your own types.

:func:`from_dict` structures with it first; only when that fails does it run
a second converter with cattrs' detailed validation, to report every bad
field by path. Valid documents pay nothing for the error report.
"""
_detailed: Final = _make_converter(detailed=True)


_ONE_PASS_READERS: dict[tuple[type, int | None], tuple[object, _typed_json.Reader | None]] = {}


def document_reader(cls: type, *, version: int) -> _typed_json.Reader | None:
    """The one-pass reader of a JSON document of schema *version* holding a *cls*
    (:mod:`safetyduty._typed_json`), or None.

    Made on a class's first document and kept while the converter's hook for
    the class stays the one it was made with: registering any hook makes the
    converter make every model's hook anew, and so the reader too.

    Examples:
        >>> from safetyduty.models import Basis
        >>> read = document_reader(Basis, version=1)
        >>> read is None or read('{"schema_version":1,"type":"Basis","data":{"document":"a"}}').document == "a"
        True
        >>> document_reader(int, version=1) is None
        True
    """
    return _one_pass(cls, version)


def object_reader(cls: type) -> _typed_json.Reader | None:
    """The one-pass reader of a bare JSON object of a *cls* (a case file's line), or None;
    kept as :func:`document_reader` keeps its readers.

    Examples:
        >>> from safetyduty.models import Basis
        >>> read = object_reader(Basis)
        >>> read is None or read('{"document":"a"}').document == "a"
        True
    """
    return _one_pass(cls, None)


def _one_pass(cls: type, version: int | None) -> _typed_json.Reader | None:
    """The reader of :func:`document_reader` (a *version*) or :func:`object_reader` (None); None
    where making it fails in any way (an annotation that does not resolve, a type no hook
    reads, …): the usual reading then reads the text, and fails, or not, as it always did."""
    if getattr(cls, "__attrs_attrs__", None) is None:
        return None
    try:
        hook = converter.get_structure_hook(cls)
    except Exception:  # noqa: BLE001 - the usual reading says what is wrong
        return None

    def make() -> _typed_json.Reader | None:
        try:
            if version is None:
                return _typed_json.object_reader(cls, converter, trusted=_TRUSTED)
            return _typed_json.document_reader(cls, converter, trusted=_TRUSTED, version=version)
        except Exception:  # noqa: BLE001 - no reader: the usual reading reads (and reports)
            return None

    return _kept(_ONE_PASS_READERS, (cls, version), hook, make)


def _kept(cache: dict[K, tuple[object, V]], key: K, hook: object, make: Callable[[], V]) -> V:
    """*cache*'s value for *key* while it was made for the converter's *hook*; else made anew.

    Registering any hook makes the converter make every model's hook anew,
    so what was made from the old hook is made again on its next use.
    """
    kept = cache.get(key)
    if kept is not None and kept[0] is hook:
        return kept[1]
    made = make()
    cache[key] = (hook, made)
    return made


_TEXT_WRITERS: dict[type, tuple[object, Callable[[Any], Any]]] = {}


def text_writer(cls: type) -> Callable[[Any], Any]:
    """The function that writes a model *cls* for an encoder that writes days itself (orjson).

    :func:`to_dict`'s dict, but with every ``date`` left a ``date``: orjson
    writes it as its ``isoformat`` in C, the same text. A class whose hook is
    a user's is written by that hook. Kept as :func:`document_reader` keeps its readers.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import Standardization, StandardizationLevel
        >>> text_writer(Standardization)(Standardization(level=StandardizationLevel.LEVEL_2, granted_on=date(2024, 2, 29)))
        {'level': 'level_2', 'granted_on': datetime.date(2024, 2, 29)}
    """
    hook = converter.get_unstructure_hook(cls)

    def make() -> Callable[[Any], Any]:
        if not generated(hook):
            return hook
        return unstructure_function(
            cls, converter, trusted=_TRUSTED_WRITERS, native=frozenset({date}), nested=text_writer
        )

    return _kept(_TEXT_WRITERS, cls, hook, make)


def _describe(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, SafetyDutyError):
        return str(exc)
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)
    return format_exception(exc, type_)


def to_dict(obj: Any) -> Any:
    """A JSON-ready structure of plain dicts, lists, strings, numbers and bools.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import Standardization, StandardizationLevel
        >>> to_dict(Standardization(level=StandardizationLevel.LEVEL_2, granted_on=date(2024, 2, 29)))
        {'level': 'level_2', 'granted_on': '2024-02-29'}
    """
    return converter.unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a *cls* from :func:`to_dict` output, validating everything.

    Raises:
        ValidationError: listing every bad field as ``path: problem``.

    Examples:
        >>> from safetyduty.models import Standardization
        >>> from_dict({"level": "level_4", "granted_on": "2024-02-30"}, Standardization)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: Standardization: must be valid (got "$.level: 'level_4' is not a StandardizationLevel (one of level_1, level_2, level_3); $.granted_on: '2024-02-30' is not a date (YYYY-MM-DD)")
    """
    plain_model = type(cls) is type and getattr(cls, "__attrs_attrs__", None) is not None
    if not plain_model and not _is_model(cls):
        raise ValidationError("cls", cls, "must be a safetyduty model class")
    try:
        return converter.get_structure_hook(cls)(data, cls)  # type: ignore[no-any-return]
    except SafetyDutyError:
        pass  # a model validator: the detailed pass below says where
    except cattrs.errors.StructureHandlerNotFoundError:
        raise ValidationError("cls", cls, "must be a safetyduty model class") from None
    except Exception:  # noqa: BLE001, S110 - any failure is re-run in detail below
        pass
    return _structure_in_detail(data, cls)


def _is_model(cls: object) -> bool:
    """A model class, or a union of them (``Schedule``)."""
    if isinstance(cls, type):
        return attrs.has(cls)
    members = get_args(cls) if get_origin(cls) in (Union, UnionType) else ()
    return bool(members) and all(isinstance(m, type) and attrs.has(m) for m in members)


def _structure_in_detail(data: Any, cls: type[T]) -> T:
    """Structure again with detailed validation and turn the failure into one ValidationError."""
    name = getattr(cls, "__name__", str(cls))
    try:
        return _detailed.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        messages = cattrs.transform_error(exc, path="$", format_exception=_describe)
        problems = "; ".join(_path_first(m) for m in messages)
        raise ValidationError(name, problems, "must be valid") from None
    except SafetyDutyError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever cattrs raised, the caller gets one error
        raise ValidationError(name, data, f"must be a mapping of {name} fields ({exc})") from None


def _path_first(message: str) -> str:
    text, _, path = message.rpartition(" @ ")
    return f"{path}: {text}" if text else message
