"""Serialisation: models to JSON documents and back, losslessly.

:func:`to_dict` and :func:`from_dict` turn any model of the library (and any
result, such as a compliance report) into JSON-ready dicts and back;
:func:`dumps` and :func:`loads` write and read whole JSON documents that
carry the schema version and the type. Reading is strict — no coercion of
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

import json
from collections.abc import Mapping
from typing import Any, Final, TypeVar

from safetyduty import _json
from safetyduty._convert import converter, from_dict, to_dict
from safetyduty.errors import ValidationError

__all__ = ["SCHEMA_VERSION", "converter", "dumps", "from_dict", "loads", "to_dict"]

SCHEMA_VERSION: Final = 1
"""The version written into every document by :func:`dumps`."""

T = TypeVar("T")


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """A JSON document with the schema version and the type name (compact, or indented by *indent*).

    Written by orjson when it is installed (``pip install safetyduty[fast]``),
    by the standard ``json`` module otherwise: the same text either way.

    .. versionchanged:: 0.2.0 compact: no space after ``,`` and ``:``.

    Examples:
        >>> from safetyduty.models import Basis
        >>> dumps(Basis(document="《安全生产法》(2021)"))
        '{"schema_version":1,"type":"Basis","data":{"document":"《安全生产法》(2021)","article":"","effective_from":null,"url":null,"source":null,"note":""}}'
    """
    document = {"schema_version": SCHEMA_VERSION, "type": type(obj).__name__, "data": to_dict(obj)}
    return _json.dumps(document, indent=indent)


def loads(text: str | bytes, cls: type[T]) -> T:
    """Read a document written by :func:`dumps` back into a *cls*.

    Raises:
        ValidationError: for bad JSON, another schema version or type, or bad fields.

    Examples:
        >>> from safetyduty.models import Basis
        >>> loads('{"schema_version": 1, "type": "Basis", "data": {"document": "《安全生产法》(2021)"}}', Basis)
        Basis(document='《安全生产法》(2021)', article='', effective_from=None, url=None, source=None, note='')
    """
    try:
        document = json.loads(text)
    except (ValueError, TypeError) as exc:
        raise ValidationError("document", str(exc), "must be JSON") from None
    if not isinstance(document, Mapping) or set(document) != {"schema_version", "type", "data"}:
        raise ValidationError("document", document, "must have schema_version, type and data")
    if document["schema_version"] != SCHEMA_VERSION:
        raise ValidationError(
            "schema_version", document["schema_version"], f"must be {SCHEMA_VERSION}"
        )
    if not isinstance(cls, type):
        raise ValidationError("cls", cls, "must be a model class")
    if document["type"] != cls.__name__:
        raise ValidationError("type", document["type"], f"must be {cls.__name__}")
    return from_dict(document["data"], cls)
