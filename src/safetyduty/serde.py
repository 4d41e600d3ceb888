"""Serialisation: models to JSON documents and back, losslessly.

:func:`to_dict` and :func:`from_dict` turn any model of the library (and any
result, such as a compliance report) into JSON-ready dicts and back;
:func:`dumps` and :func:`loads` write and read whole JSON documents that
carry the schema version and the type (``list[ComplianceReport]`` for a
list). A compliance report and a portfolio's have a shape of their own for
an API (summary, each duty's texts, each citation and source once, rows
without their default fields, ``due`` a day and ``due_at`` a moment). Reading is strict — no coercion of
``"1"`` to ``1`` or ``"yes"`` to ``True`` — and every problem is reported in
one :class:`~safetyduty.errors.ValidationError` that lists each bad field by
path and value.

Examples:
    >>> from safetyduty.models import Basis
    >>> basis = Basis(document="《安全生产法》(2021)", article="第二十一条")
    >>> to_dict(basis)
    {'document': '《安全生产法》(2021)', 'article': '第二十一条', 'effective_from': None, 'url': None, 'source': None, 'note': ''}
    >>> loads(dumps(basis), Basis) == basis
    True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar, get_args, get_origin

from safetyduty import _convert, _json
from safetyduty._convert import converter
from safetyduty._report_json import READERS, WRITERS
from safetyduty.errors import ValidationError

__all__ = ["SCHEMA_VERSION", "converter", "dumps", "from_dict", "loads", "to_dict"]

SCHEMA_VERSION: Final = 1
"""The version written into every document by :func:`dumps`."""

T = TypeVar("T")

_HEADER: Final = frozenset({"schema_version", "type", "data"})


def to_dict(obj: Any) -> Any:
    """A JSON-ready structure of plain dicts, lists, strings, numbers and bools.

    A compliance report, or a portfolio's, takes the shape of an API (see
    the docs page "Reports out"): its summary, rows that write only what
    differs from their defaults and their duty's entry in ``obligations``,
    each citation and source once, ``due`` always a day and ``due_at`` the
    moment of an hour limit. A list (or tuple) of models gives a list.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import Standardization, StandardizationLevel
        >>> to_dict(Standardization(level=StandardizationLevel.LEVEL_2, granted_on=date(2024, 2, 29)))
        {'level': 'level_2', 'granted_on': '2024-02-29'}
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> to_dict(_example_report())["summary"]
        {'met': 1, 'late': 0, 'missed': 1, 'due': 1, 'upcoming': 0, 'not_applicable': 0, 'total': 3, 'rate': '0.5000'}
    """
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    writer = WRITERS.get(type(obj))
    if writer is not None:
        return writer(obj)
    return converter.unstructure(obj)  # what _convert.to_dict does, a call sooner


def _items_of(cls: object) -> type | None:
    """``X`` for ``list[X]`` or ``tuple[X, ...]``; ``None`` for anything else."""
    args = get_args(cls)
    if get_origin(cls) is list and len(args) == 1:
        item: type = args[0]
        return item
    if get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004
        return args[0]  # type: ignore[no-any-return]
    return None


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a *cls* from :func:`to_dict` output, validating everything.

    *cls* is a model class, a compliance report's or portfolio's, or
    ``list[X]`` / ``tuple[X, ...]`` of one of them.

    Raises:
        ValidationError: listing every bad field as ``path: problem``.

    Examples:
        >>> from safetyduty.models import Standardization
        >>> from_dict({"level": "level_4", "granted_on": "2024-02-30"}, Standardization)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: Standardization: must be valid (got "$.level: 'level_4' is not a StandardizationLevel (one of level_1, level_2, level_3); $.granted_on: '2024-02-30' is not a date (YYYY-MM-DD)")
        >>> from_dict([{"level": "level_2", "granted_on": "2024-02-29"}], list[Standardization])
        [Standardization(level=<StandardizationLevel.LEVEL_2: 'level_2'>, granted_on=datetime.date(2024, 2, 29))]
    """
    if type(cls) is type and cls not in READERS:  # a model class: the common case, first
        return _convert.from_dict(data, cls)
    item = _items_of(cls)
    if item is not None:
        if not isinstance(data, list):
            raise ValidationError("$", data, f"must be a list of {getattr(item, '__name__', item)}")
        built: list[Any] = []
        try:
            for element in data:
                built.append(from_dict(element, item))  # noqa: PERF401 - the index names the bad one
        except ValidationError as exc:
            field = f"[{len(built)}] {exc.field}"
            raise ValidationError(field, exc.value, exc.expected) from None
        result: Any = built if get_origin(cls) is list else tuple(built)
        return result  # type: ignore[no-any-return]
    reader = READERS.get(cls) if isinstance(cls, type) else None
    if reader is not None:
        read: T = reader(data)
        return read
    return _convert.from_dict(data, cls)


def _type_name(obj: Any) -> str:
    """The document's ``type``: the class name, or ``list[X]`` for a list of X."""
    if not isinstance(obj, (list, tuple)):
        return type(obj).__name__
    kinds = {type(item) for item in obj}
    if not kinds:
        return "list"
    if len(kinds) > 1:
        names = ", ".join(sorted(kind.__name__ for kind in kinds))
        raise ValidationError("obj", f"a list of {names}", "must hold items of one class")
    return f"list[{kinds.pop().__name__}]"


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """A JSON document with the schema version and the type name (``list[X]`` for a list of X).

    Compact, or indented by *indent*; written by orjson when it is installed
    (``pip install safetyduty[fast]``), by the standard ``json`` module
    otherwise: the same text either way.

    .. versionchanged:: 0.2.0 compact: no space after ``,`` and ``:``.

    Examples:
        >>> from safetyduty.models import Basis
        >>> dumps(Basis(document="《安全生产法》(2021)"))
        '{"schema_version":1,"type":"Basis","data":{"document":"《安全生产法》(2021)","article":"","effective_from":null,"url":null,"source":null,"note":""}}'
        >>> dumps([Basis(document="a")])[:40]
        '{"schema_version":1,"type":"list[Basis]"'
    """
    cls = type(obj)
    if cls in WRITERS or isinstance(obj, (list, tuple)):
        name, data = _type_name(obj), to_dict(obj)
    else:  # a model: the common case, a call or two sooner
        name = cls.__name__
        if indent is None and _json.FAST:  # days left to orjson, which writes them alike
            data = _convert.text_writer(cls)(obj)
            text = _json.native_dumps(
                {"schema_version": SCHEMA_VERSION, "type": name, "data": data}
            )
            if text is not None:
                return text
        data = converter.get_unstructure_hook(cls)(obj)
    document = {"schema_version": SCHEMA_VERSION, "type": name, "data": data}
    return _json.dumps(document) if indent is None else _json.dumps(document, indent=indent)


def loads(text: str | bytes, cls: type[T]) -> T:
    """Read a document written by :func:`dumps` back into a *cls* (or ``list[X]``, ``tuple[X, ...]``).

    Raises:
        ValidationError: for bad JSON, another schema version or type, or bad fields.

    Examples:
        >>> from safetyduty.models import Basis
        >>> loads('{"schema_version": 1, "type": "Basis", "data": {"document": "《安全生产法》(2021)"}}', Basis)
        Basis(document='《安全生产法》(2021)', article='', effective_from=None, url=None, source=None, note='')
        >>> loads(dumps([Basis(document="a"), Basis(document="b")]), list[Basis])[1].document
        'b'
    """
    if type(text) in (str, bytes) and type(cls) is type and cls not in READERS:
        read = _convert.document_reader(cls, version=SCHEMA_VERSION)  # one pass, with msgspec
        if read is not None:
            try:
                return read(text)  # type: ignore[return-value]
            except Exception:  # noqa: BLE001, S110 - the usual reading below decides, and says why
                pass
    try:
        return _document(_parsed(_json.loads, text), cls)
    except ValidationError:
        if not _json.FAST:
            raise
    # orjson read an integer beyond 64 bits as a float: read as the standard module reads it
    return _document(_parsed(_json.exact_loads, text), cls)


def _parsed(read: Callable[[str | bytes], Any], text: str | bytes) -> Any:
    """*text* read by *read*; a ValidationError for what is not JSON or nested too deeply."""
    try:
        return read(text)
    except (ValueError, TypeError) as exc:
        raise ValidationError("document", str(exc), "must be JSON") from None
    except RecursionError:
        raise ValidationError("document", "…", "must not be nested this deeply") from None


def _document(document: Any, cls: type[T]) -> T:
    """The *cls* in a document read by :func:`loads`."""
    if not isinstance(document, Mapping) or document.keys() != _HEADER:
        raise ValidationError("document", document, "must have schema_version, type and data")
    version = document["schema_version"]
    if type(version) is not int or version != SCHEMA_VERSION:
        raise ValidationError("schema_version", version, f"must be {SCHEMA_VERSION}")
    if type(cls) is type and cls.__name__ == document["type"]:  # a model class: the common case
        return from_dict(document["data"], cls)
    item = _items_of(cls)
    if item is not None:
        name = getattr(item, "__name__", None)
        if not isinstance(item, type) or name is None:
            raise ValidationError("cls", cls, "must be a model class, or list[X] of one")
        wanted = f"list[{name}]"
        empty = document["type"] == "list" and document["data"] == []
        if document["type"] != wanted and not empty:
            raise ValidationError("type", document["type"], f"must be {wanted}")
    elif not isinstance(cls, type):
        raise ValidationError("cls", cls, "must be a model class")
    elif document["type"] != cls.__name__:
        raise ValidationError("type", document["type"], f"must be {cls.__name__}")
    return from_dict(document["data"], cls)
