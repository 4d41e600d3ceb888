"""JSON Schema of the library's documents, generated from the models' fields and types.

:func:`json_schema` describes any model of :mod:`safetyduty.models` in the
JSON shape :mod:`safetyduty.serde` writes and reads; :func:`portfolio_schema`
the input of ``safetyduty evaluate`` (a ``serde`` document of a
:class:`~safetyduty.models.Portfolio`, or its bare data); :func:`case_schema`
one line of the case layout (:mod:`safetyduty.cases`). The schemas follow
JSON Schema 2020-12 and are built from the attrs fields each time, so they
cannot drift from the models: a field is required when it has no default,
no other key is allowed, vocabularies list their values, tagged unions
(schedules by ``type``, risk assessments by ``method``) list their members.

A schema checks a document's shape: keys, types, vocabularies, the form of
dates, moments and decimals. The models check the rest when the document is
read (a 统一社会信用代码's check character, a date order, the bounds of a
portfolio): a document the schema accepts can still be refused, with an
error naming the field.

Examples:
    >>> from safetyduty.models import Basis
    >>> document = json_schema(Basis)
    >>> document["$defs"]["Basis"]["required"], document["$defs"]["Basis"]["additionalProperties"]
    (['document'], False)
    >>> sorted(schema_names())[:3]
    ['Accident', 'Applicability', 'Authority']
"""

from __future__ import annotations

import re
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Any, Final, Union, get_args, get_origin

import attrs

from safetyduty import models
from safetyduty._convert import TAGGED_UNIONS
from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import Case, Portfolio

__all__ = [
    "DIALECT",
    "case_schema",
    "json_schema",
    "portfolio_schema",
    "schema",
    "schema_names",
]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema version of every schema made here."""

DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MOMENT_PATTERN: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?)$"
)
DECIMAL_PATTERN: Final = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"

_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    date: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
    datetime: {
        "type": "string",
        "format": "date-time",
        "pattern": MOMENT_PATTERN,
        "description": "ISO 8601 with a UTC offset",
    },
    Decimal: {
        "anyOf": [{"type": "string", "pattern": DECIMAL_PATTERN}, {"type": "integer"}],
        "description": "a decimal number, written as a string",
    },
}
_ATTRIBUTE: Final = re.compile(r"^(\s+)(\w+): (.*)$")


def _models() -> dict[str, type]:
    found = {}
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and attrs.has(value):
            found[name] = value
    return found


def schema_names() -> tuple[str, ...]:
    """The model names :func:`schema` takes, and the documents ``portfolio`` and ``case``.

    Examples:
        >>> {"portfolio", "case", "Enterprise", "Record"} <= set(schema_names())
        True
    """
    return ("portfolio", "case", *sorted(_models()))


class _Builder:
    """Walks the models' fields, collecting a definition per class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.tags: dict[type, tuple[str, str]] = {}

    def ref(self, cls: type, tag: tuple[str, str] | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder: a class may refer to itself
            self.defs[name] = self.model(cls, tag)
        elif tag is not None and self.defs[name].get("properties", {}).get(tag[0]) is None:
            msg = f"{name} appears both tagged and untagged"
            raise ValidationError("cls", cls, msg)
        return {"$ref": f"#/$defs/{name}"}

    def model(self, cls: type, tag: tuple[str, str] | None) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        notes = _attribute_notes(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            key, value = tag
            properties[key] = {"const": value}
            required.append(key)
        for field in attrs.fields(cls):
            if not field.init:
                continue
            prop = self.type(hints[field.name])
            if field.name in notes:
                prop = {**prop, "description": notes[field.name]}
            properties[field.name] = prop
            if field.default is attrs.NOTHING:
                required.append(field.name)
        definition: dict[str, Any] = {"type": "object", "title": cls.__name__}
        summary = _summary(cls)
        if summary:
            definition["description"] = summary
        definition.update(properties=properties, required=required, additionalProperties=False)
        return definition

    def type(self, t: Any) -> dict[str, Any]:
        if t in _SCALARS:
            return dict(_SCALARS[t])
        if isinstance(t, type) and issubclass(t, Enum):
            return {"type": "string", "enum": [member.value for member in t]}
        if isinstance(t, type) and attrs.has(t):
            return self.ref(t)
        origin, args = get_origin(t), get_args(t)
        if origin in (tuple, frozenset):
            return {"type": "array", "items": self.type(args[0])}
        if origin in (Union, UnionType):
            return self.union(t, args)
        msg = "must be a type the converter writes"
        raise ValidationError("type", t, msg)

    def union(self, t: Any, args: tuple[Any, ...]) -> dict[str, Any]:
        members = [arg for arg in args if arg is not type(None)]
        for union, tags, key in TAGGED_UNIONS:
            if set(get_args(union)) == set(members):
                choices = [self.ref(cls, (key, tags[cls])) for cls in members]
                tagged: dict[str, Any] = {"oneOf": choices}
                if len(members) < len(args):
                    return {"anyOf": [tagged, {"type": "null"}]}
                return tagged
        if len(members) == 1 and len(args) == 2:  # noqa: PLR2004 - X | None
            return {"anyOf": [self.type(members[0]), {"type": "null"}]}
        return {
            "anyOf": [self.type(arg) if arg is not type(None) else {"type": "null"} for arg in args]
        }


def _summary(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip()


def _attribute_notes(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a class's docstring, by field name."""
    notes: dict[str, str] = {}
    lines = (cls.__doc__ or "").splitlines()
    inside, indent, current = False, None, None
    for line in lines:
        if line.strip() == "Attributes:":
            inside = True
            continue
        if not inside:
            continue
        if not line.strip() or (line.strip().endswith(":") and " " not in line.strip()):
            if current is not None and not line.strip():
                break
            continue
        found = _ATTRIBUTE.match(line)
        if found and (indent is None or len(found.group(1)) == indent):
            indent = len(found.group(1))
            current = found.group(2)
            notes[current] = found.group(3).strip()
        elif current is not None:
            notes[current] += " " + line.strip()
    return notes


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a model's :func:`~safetyduty.serde.to_dict` shape (what ``from_dict`` reads).

    Raises:
        ValidationError: when *cls* is not a model class of :mod:`safetyduty.models`.

    Examples:
        >>> from safetyduty.models import Record
        >>> document = json_schema(Record)
        >>> document["$ref"], document["$defs"]["Record"]["properties"]["on"]["format"]
        ('#/$defs/Record', 'date')
        >>> document["$defs"]["Record"]["properties"]["kind"]["enum"][:2]
        ['led_inspection', 'safety_study']
    """
    if not isinstance(cls, type) or _models().get(cls.__name__) is not cls:
        raise ValidationError("cls", cls, "must be a model class of safetyduty.models")
    builder = _Builder()
    root = builder.ref(cls)
    return {"$schema": DIALECT, "title": cls.__name__, **root, "$defs": builder.defs}


def case_schema() -> dict[str, Any]:
    """The JSON Schema of one line of the case layout (a :class:`~safetyduty.models.Case`).

    Examples:
        >>> case_schema()["$defs"]["Case"]["required"]
        ['enterprise']
    """
    return json_schema(Case)


def portfolio_schema() -> dict[str, Any]:
    """The JSON Schema of the ``safetyduty evaluate`` input: a portfolio document or its bare data.

    The document is what :func:`safetyduty.serde.dumps` writes (and
    ``safetyduty sample`` prints): ``{"schema_version": 1, "type":
    "Portfolio", "data": {…}}``; the bare data is the ``data`` object alone.

    Examples:
        >>> document = portfolio_schema()
        >>> [choice.get("title") for choice in document["oneOf"]]
        ['serde document', None]
        >>> document["$defs"]["Portfolio"]["required"]
        ['enterprises']
    """
    from safetyduty.serde import SCHEMA_VERSION  # noqa: PLC0415 - a sibling edge, only its constant

    builder = _Builder()
    bare = builder.ref(Portfolio)
    document = {
        "title": "serde document",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "type": {"const": Portfolio.__name__},
            "data": bare,
        },
        "required": ["schema_version", "type", "data"],
        "additionalProperties": False,
    }
    return {
        "$schema": DIALECT,
        "title": "safetyduty evaluate input",
        "description": _summary(Portfolio),
        "oneOf": [document, bare],
        "$defs": builder.defs,
    }


def schema(name: str) -> dict[str, Any]:
    """The schema named *name*: ``portfolio``, ``case`` or a model's class name (``Enterprise``).

    Raises:
        UnknownCodeError: for another name.

    Examples:
        >>> from safetyduty.models import Basis
        >>> schema("Basis") == json_schema(Basis)
        True
        >>> schema("enterprise")
        Traceback (most recent call last):
        ...
        safetyduty.errors.UnknownCodeError: schema: unknown code 'enterprise' (42 are known)
    """
    if name == "portfolio":
        return portfolio_schema()
    if name == "case":
        return case_schema()
    found = _models().get(name) if isinstance(name, str) else None
    if found is None:
        raise UnknownCodeError("schema", name, len(schema_names()))
    return json_schema(found)
