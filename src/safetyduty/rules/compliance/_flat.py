"""Flat rows: a report as dicts of JSON-safe scalars, with one published schema.

The row is the shape a DataFrame, a CSV writer, Arrow, Spark or a database
insert takes as it is. ``ROW_FIELDS`` names each column with its type, so
that writers for other formats (Arrow, Spark, JSON Schema) are built from it
and never drift from :func:`flat_row`.

Types: ``string``, ``int``, ``bool``, ``date`` (ISO text, ``2026-03-31``),
``timestamp`` (ISO text with its offset) and ``decimal`` (exact text,
``"12.5"``). Lists (evidence ids, missed days) are joined with ``;``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Final, Literal

import attrs

from safetyduty._methods import by_fields
from safetyduty.rules.deadlines import CHINA_TIME

if TYPE_CHECKING:
    from safetyduty.rules.compliance._report import ComplianceRow

__all__ = ["ROW_FIELDS", "FlatRow", "RowField", "flatten"]

FlatRow = dict[str, str | int | bool | None]
"""A flat row: column name to a JSON-safe scalar."""
FieldType = Literal["string", "int", "bool", "date", "timestamp", "decimal"]
SEPARATOR: Final = ";"


@by_fields
@attrs.frozen(eq=False, repr=False)
class RowField:
    """One column of a flat row.

    Attributes:
        name: the key in the row dict.
        type: ``string``, ``int``, ``bool``, ``date``, ``timestamp`` or ``decimal``.
        doc: what the column holds.
        nullable: whether the value may be ``None``.
    """

    name: str
    type: FieldType
    doc: str
    nullable: bool = attrs.field(default=False, kw_only=True)


ROW_FIELDS: Final = (
    RowField("enterprise", "string", "统一社会信用代码 of the enterprise (or authority)"),
    RowField("obligation", "string", "the duty's id"),
    RowField("plan", "string", "the local plan the duty comes from; null: national", nullable=True),
    RowField("title", "string", "the duty in its source's words (Chinese)"),
    RowField("title_en", "string", "the duty in English, empty when the data has none"),
    RowField("subject", "string", "who must act (a Subject value)"),
    RowField("status", "string", "met, late, missed, due, upcoming or not_applicable"),
    RowField("start", "date", "first day of the window", nullable=True),
    RowField("end", "date", "last day of the window", nullable=True),
    RowField(
        "due", "date", "the due day (for an hour limit, its day in China time)", nullable=True
    ),
    RowField("due_at", "timestamp", "the due moment of an hour limit, else null", nullable=True),
    RowField("required", "int", "records (or days, for a daily summary) required"),
    RowField("done", "int", "records used (or days covered, for a daily summary)"),
    RowField("late", "int", "records that came after the due day"),
    RowField("evidence", "string", "ids of the records used, joined with ';'"),
    RowField("daily", "bool", "true for a daily duty summarised over a month"),
    RowField("missed_days", "string", "days of a daily summary with no record, ';'"),
    RowField(
        "person", "string", "the person a training or certificate row is about", nullable=True
    ),
    RowField("hours_required", "decimal", "学时 required, for training rows", nullable=True),
    RowField("hours_done", "decimal", "学时 counted, for training rows", nullable=True),
    RowField("basis_source", "string", "the id of the cited source in the registry", nullable=True),
    RowField("basis", "string", "the citation as text (document and article)"),
    RowField("verified", "bool", "false when the cited source is marked unverified"),
    RowField("reason", "string", "why the row has its status, in English"),
    RowField("reason_zh", "string", "the same in Chinese"),
)
"""The columns of a flat row (``ComplianceRow.to_row()``), in order."""


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def flatten(row: ComplianceRow) -> FlatRow:
    """*row* as a dict of JSON-safe scalars, keyed and ordered as :data:`ROW_FIELDS` (unchecked)."""
    due_at = row.due if isinstance(row.due, datetime) else None
    due = due_at.astimezone(CHINA_TIME).date() if due_at is not None else row.due
    basis = row.basis
    return {
        "enterprise": row.enterprise,
        "obligation": row.obligation,
        "plan": row.plan,
        "title": row.title,
        "title_en": row.title_en,
        "subject": row.subject.value,
        "status": row.status.value,
        "start": _day(row.start),
        "end": _day(row.end),
        "due": _day(due),
        "due_at": None if due_at is None else due_at.isoformat(),
        "required": row.required,
        "done": row.done,
        "late": row.late,
        "evidence": SEPARATOR.join(row.evidence),
        "daily": row.daily,
        "missed_days": SEPARATOR.join(day.isoformat() for day in row.missed),
        "person": row.person,
        "hours_required": None if row.hours_required is None else str(row.hours_required),
        "hours_done": None if row.hours_done is None else str(row.hours_done),
        "basis_source": basis.source,
        "basis": str(basis),
        "verified": row.verified,
        "reason": row.reason,
        "reason_zh": row.reason_zh,
    }
