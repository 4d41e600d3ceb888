"""JSON Schema of the library's documents, generated from the models' fields and types.

:func:`json_schema` describes any model of :mod:`safetyduty.models` in the
JSON shape :mod:`safetyduty.serde` writes and reads; :func:`portfolio_schema`
the input of ``safetyduty evaluate`` (a ``serde`` document of a
:class:`~safetyduty.models.Portfolio`, or its bare data); :func:`case_schema`
one line of the case layout (:mod:`safetyduty.cases`); :func:`report_schema`
the document of a compliance report or a portfolio's (the shape serde
writes for an API, not the converter's). The schemas follow
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
from safetyduty._report_json import DUTY_FIELDS, ROW_DEFAULTS, ROW_REQUIRED
from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import Basis, Case, Portfolio, Source, Unmatched
from safetyduty.rules.compliance import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    PortfolioReport,
)

__all__ = [
    "DIALECT",
    "case_schema",
    "json_schema",
    "portfolio_schema",
    "report_schema",
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
    """The names :func:`schema` takes: ``portfolio``, ``case``, the models' and the reports' class names.

    Examples:
        >>> {"portfolio", "case", "Enterprise", "Record"} <= set(schema_names())
        True
    """
    return ("portfolio", "case", *sorted([*_models(), *_REPORTS]))


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


def _document(name: str, data: dict[str, Any], *, title: str = "serde document") -> dict[str, Any]:
    """The :func:`safetyduty.serde.dumps` document of type *name* around *data*."""
    from safetyduty.serde import SCHEMA_VERSION  # noqa: PLC0415 - a sibling edge, only its constant

    return {
        "title": title,
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "type": {"const": name},
            "data": data,
        },
        "required": ["schema_version", "type", "data"],
        "additionalProperties": False,
    }


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
    builder = _Builder()
    bare = builder.ref(Portfolio)
    return {
        "$schema": DIALECT,
        "title": "safetyduty evaluate input",
        "description": _summary(Portfolio),
        "oneOf": [_document(Portfolio.__name__, bare), bare],
        "$defs": builder.defs,
    }


_REPORTS: Final[dict[str, type]] = {
    ComplianceReport.__name__: ComplianceReport,
    PortfolioReport.__name__: PortfolioReport,
}
_INDEX: Final = {"type": "integer", "minimum": 0}


def _described(prop: dict[str, Any], description: str) -> dict[str, Any]:
    return {**prop, "description": description} if description else prop


def _row_definitions(builder: _Builder) -> None:
    """``ComplianceRow`` (a row, its defaults left out) and ``ObligationEntry``, in ``builder.defs``."""
    hints = typing.get_type_hints(ComplianceRow)
    notes = {
        name: note.replace("``None``", "null")
        for name, note in _attribute_notes(ComplianceRow).items()
    }
    notes["due"] = "the due date: a day (an hour limit's day in China time)."
    notes["basis"] = "the duty's source: an index into bases."
    plain: dict[str, Any] = {}
    for field in attrs.fields(ComplianceRow):
        if field.name == "basis":
            prop = dict(_INDEX)
        elif field.name == "due":
            prop = {"anyOf": [dict(_SCALARS[date]), {"type": "null"}]}
        else:
            prop = builder.type(hints[field.name])
        plain[field.name] = _described(prop, notes.get(field.name, ""))
        if field.name == "due":
            moment = {"anyOf": [dict(_SCALARS[datetime]), {"type": "null"}]}
            plain["due_at"] = _described(
                moment, "the moment of an hour limit (ISO 8601 with its offset)."
            )
    row: dict[str, Any] = {}
    for name, prop in plain.items():
        if name == "enterprise":
            row[name] = _described(prop, f"{prop['description']} Left out when it is the report's.")
        elif name in DUTY_FIELDS:
            note = f"{prop['description']} Left out when it is its entry's in obligations."
            row[name] = _described(prop, note)
        elif name in ROW_DEFAULTS:
            default = ROW_DEFAULTS[name]
            row[name] = {**prop, "default": list(default) if isinstance(default, list) else default}
        else:
            row[name] = prop
    builder.defs["ComplianceRow"] = {
        "type": "object",
        "title": "ComplianceRow",
        "description": f"{_summary(ComplianceRow)} Fields equal to their default are left out.",
        "properties": row,
        "required": list(ROW_REQUIRED),
        "additionalProperties": False,
    }
    builder.defs["ObligationEntry"] = {
        "type": "object",
        "title": "ObligationEntry",
        "description": "The fields an obligation's rows share (taken from its first row).",
        "properties": {name: plain[name] for name in DUTY_FIELDS},
        "required": list(DUTY_FIELDS),
        "additionalProperties": False,
    }
    counts = {status.value: {**_INDEX} for status in ComplianceStatus}
    builder.defs["Summary"] = {
        "type": "object",
        "title": "Summary",
        "description": "The rows per status, their total, and the on-time rate: met / (met + late"
        " + missed) to four places, null when nothing was due yet.",
        "properties": {
            **counts,
            "total": dict(_INDEX),
            "rate": {"anyOf": [{"type": "string", "pattern": DECIMAL_PATTERN}, {"type": "null"}]},
        },
        "required": [*counts, "total", "rate"],
        "additionalProperties": False,
    }


def _tables(builder: _Builder) -> dict[str, Any]:
    """``obligations``, ``bases`` and ``sources``: the tables a report (or a portfolio's) carries."""
    return {
        "obligations": {
            "type": "object",
            "additionalProperties": {"$ref": "#/$defs/ObligationEntry"},
            "description": "each obligation's shared fields, by obligation id.",
        },
        "bases": {
            "type": "array",
            "items": builder.ref(Basis),
            "description": "each citation once; a basis is an index into this list.",
        },
        "sources": {
            "type": "array",
            "items": builder.ref(Source),
            "description": "the registry entry of every source cited, once.",
        },
    }


def _report_definition(builder: _Builder, *, nested: bool) -> dict[str, Any]:
    hints = typing.get_type_hints(ComplianceReport)
    notes = _attribute_notes(ComplianceReport)
    properties = {
        name: _described(builder.type(hints[name]), notes[name])
        for name in ("enterprise", "name", "as_of", "since")
    }
    properties["summary"] = {"$ref": "#/$defs/Summary"}
    properties["rows"] = {"type": "array", "items": {"$ref": "#/$defs/ComplianceRow"}}
    for name in ("hazards", "plans"):
        properties[name] = _described(builder.type(hints[name]), notes[name])
    if nested:
        properties["sources"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "the ids of the entries of the portfolio's sources this report cites.",
        }
    else:
        properties.update(_tables(builder))
    title = "ComplianceReport in a portfolio" if nested else "ComplianceReport"
    return {
        "type": "object",
        "title": title,
        "description": _summary(ComplianceReport),
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def report_schema(cls: type = ComplianceReport) -> dict[str, Any]:
    """The JSON Schema of a compliance report's document, or a portfolio's (serde's API shape).

    The shape is described on the docs page "Reports out": rows with their
    defaults left out, each obligation's shared fields, each citation and
    each source once. The schema takes the document :func:`safetyduty.serde.dumps`
    writes (``{"schema_version": 1, "type": "ComplianceReport", "data": {…}}``;
    for a :class:`~safetyduty.rules.compliance.ComplianceReport` also a
    ``list[ComplianceReport]`` document) or the bare ``data``.

    Args:
        cls: :class:`~safetyduty.rules.compliance.ComplianceReport` or
            :class:`~safetyduty.rules.compliance.PortfolioReport`.

    Raises:
        ValidationError: for another class.

    Examples:
        >>> from safetyduty.rules.compliance import PortfolioReport
        >>> document = report_schema()
        >>> document["$defs"]["ComplianceRow"]["required"]
        ['obligation', 'status', 'required']
        >>> [choice.get("title") for choice in document["oneOf"]]
        ['serde document', 'serde document of a list', None]
        >>> report_schema(PortfolioReport)["$defs"]["PortfolioReport"]["required"][:3]
        ['as_of', 'since', 'summary']
    """
    if cls not in _REPORTS.values():
        raise ValidationError("cls", cls, "must be ComplianceReport or PortfolioReport")
    builder = _Builder()
    _row_definitions(builder)
    builder.defs["ComplianceReport"] = _report_definition(builder, nested=False)
    report = {"$ref": "#/$defs/ComplianceReport"}
    if cls is ComplianceReport:
        many = {"type": "array", "items": report}
        choices = [
            _document(cls.__name__, report),
            _document(f"list[{cls.__name__}]", many, title="serde document of a list"),
            report,
        ]
    else:
        builder.defs["ReportInPortfolio"] = _report_definition(builder, nested=True)
        hints = typing.get_type_hints(PortfolioReport)
        notes = _attribute_notes(PortfolioReport)
        nested = {"type": "array", "items": {"$ref": "#/$defs/ReportInPortfolio"}}
        properties: dict[str, Any] = {
            "as_of": _described(builder.type(hints["as_of"]), notes["as_of"]),
            "since": _described(builder.type(hints["since"]), notes["since"]),
            "summary": {"$ref": "#/$defs/Summary"},
            "reports": _described(nested, notes["reports"]),
            "authorities": _described(nested, notes["authorities"]),
            "unmatched": _described(builder.ref(Unmatched), notes["unmatched"]),
            **_tables(builder),
        }
        builder.defs["PortfolioReport"] = {
            "type": "object",
            "title": "PortfolioReport",
            "description": _summary(PortfolioReport),
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }
        bare = {"$ref": "#/$defs/PortfolioReport"}
        choices = [_document(cls.__name__, bare), bare]
    return {
        "$schema": DIALECT,
        "title": cls.__name__,
        "description": _summary(cls),
        "oneOf": choices,
        "$defs": builder.defs,
    }


def schema(name: str) -> dict[str, Any]:
    """The schema named *name*: ``portfolio``, ``case``, a model's class name (``Enterprise``) or a report's.

    Raises:
        UnknownCodeError: for another name.

    Examples:
        >>> from safetyduty.models import Basis
        >>> schema("Basis") == json_schema(Basis)
        True
        >>> schema("enterprise")
        Traceback (most recent call last):
        ...
        safetyduty.errors.UnknownCodeError: schema: unknown code 'enterprise' (44 are known)
    """
    if name == "portfolio":
        return portfolio_schema()
    if name == "case":
        return case_schema()
    if isinstance(name, str) and name in _REPORTS:
        return report_schema(_REPORTS[name])
    found = _models().get(name) if isinstance(name, str) else None
    if found is None:
        raise UnknownCodeError("schema", name, len(schema_names()))
    return json_schema(found)
