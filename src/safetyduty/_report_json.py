"""The JSON shape of a compliance report and of a portfolio's, for an API (used by :mod:`safetyduty.serde`).

The plain converter would write every field of every row: the enterprise
(always the report's), the duty's titles, subject, plan and citation (the
same for each period of a recurring duty) and every empty field. The shape
here writes each thing once:

- ``summary``: the rows per status, ``total`` and the on-time ``rate``
  (exact decimal text, or null); checked against the rows when read;
- ``rows``: ``obligation``, ``status`` and ``required``, then only the
  fields that differ from their default (:data:`ROW_DEFAULTS`); a row's
  ``enterprise`` defaults to the report's, and the fields of
  :data:`DUTY_FIELDS` to its obligation's entry;
- ``obligations``: an object from obligation id to the fields its rows share
  (:data:`DUTY_FIELDS`, every key present), taken from the first row of
  the id; a row that differs (another version's title) writes its own;
- ``bases``: each citation once; ``basis`` (in an entry, or a row) is its
  index in this list;
- ``sources``: each registry entry once; a citation names its entry by
  ``source`` (its id);
- a row's ``due`` is always a day (for an hour limit, its day in China
  time) and ``due_at`` the moment of an hour limit (ISO 8601 with its
  offset);
- a portfolio's reports share one ``obligations``, one ``bases`` and one
  ``sources`` table at the top; each report lists the ids of the sources
  it cites.

Everything else is the converter's shape (:mod:`safetyduty._convert`), so the
report reads back to an equal one, strictly: an unknown key, a missing
``obligation``, ``status`` or ``required``, an obligation id or a basis index
not in its table, a ``due`` that is not ``due_at``'s day or a summary that
does not match the rows is a :class:`~safetyduty.errors.ValidationError`
naming its path. A field written with its default value reads as if omitted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any, Final

import attrs

from safetyduty._convert import from_dict, to_dict
from safetyduty._methods import by_fields
from safetyduty.errors import ValidationError
from safetyduty.models import Basis, Source, Subject, Unmatched
from safetyduty.rules.compliance import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    PortfolioReport,
)
from safetyduty.rules.deadlines import CHINA_TIME

__all__ = ["DUTY_FIELDS", "READERS", "ROW_DEFAULTS", "ROW_REQUIRED", "WRITERS"]

ROW_REQUIRED: Final = ("obligation", "status", "required")
"""The fields every row writes."""
DUTY_FIELDS: Final = ("title", "title_en", "subject", "plan", "basis", "verified")
"""A row's fields that belong to its duty, written once per obligation id in ``obligations``."""
ROW_DEFAULTS: Final[Mapping[str, Any]] = {
    "start": None,
    "end": None,
    "due": None,
    "due_at": None,
    "evidence": [],
    "late": 0,
    "daily": False,
    "days_done": 0,
    "missed": [],
    "person": None,
    "hours_required": None,
    "hours_done": None,
    "reason": "",
    "reason_zh": "",
}
"""The other fields of a row (and ``due_at``), each left out when it has this value (in JSON)."""

_PLAIN_DEFAULTS: Final = {key: value for key, value in ROW_DEFAULTS.items() if key != "due_at"}
_RARE: Final = tuple(
    key for key in _PLAIN_DEFAULTS if key not in ("start", "end", "due", "evidence")
)
"""The defaulted fields most rows leave out, compared in one go (the writer's bulk)."""
_RARE_DEFAULTS: Final = tuple(() if ROW_DEFAULTS[key] == [] else ROW_DEFAULTS[key] for key in _RARE)
_rare_of: Final = attrgetter(*_RARE)
_duty_of: Final = attrgetter(*DUTY_FIELDS)

_REPORT_HEAD: Final = ("enterprise", "name", "as_of", "since")
_REPORT_KEYS: Final = frozenset(
    {*_REPORT_HEAD, "summary", "rows", "hazards", "plans", "obligations", "bases", "sources"}
)
_NESTED_KEYS: Final = _REPORT_KEYS - {"obligations", "bases"}
_PORTFOLIO_KEYS: Final = frozenset(
    {
        "as_of",
        "since",
        "summary",
        "reports",
        "authorities",
        "unmatched",
        "obligations",
        "bases",
        "sources",
    }
)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class _PortfolioHead:
    """The scalar fields of a portfolio's report, read by the converter."""

    as_of: date
    since: date
    unmatched: Unmatched


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Duty:
    """An entry of ``obligations``, read by the converter (``basis`` is an index, checked apart)."""

    title: str
    title_en: str
    subject: Subject
    plan: str | None
    basis: int
    verified: bool


class _Tables:
    """The duties, citations and sources of a document, each once, in the order first met."""

    def __init__(self) -> None:
        self.duties: dict[str, tuple[Any, ...]] = {}
        self.obligations: dict[str, dict[str, Any]] = {}
        self.bases: list[Any] = []
        self.index: dict[Basis, int] = {}
        self.sources: dict[str, Source] = {}

    def basis(self, basis: Basis) -> int:
        found = self.index.get(basis)
        if found is None:
            found = self.index[basis] = len(self.bases)
            self.bases.append(to_dict(basis))
        return found

    def add_duty(self, ident: str, duty: tuple[Any, ...]) -> None:
        """Enter *ident* in ``obligations`` with the fields of *duty* (a row's :data:`DUTY_FIELDS`)."""
        self.duties[ident] = duty
        title, title_en, subject, plan, basis, verified = duty
        self.obligations[ident] = {
            "title": title,
            "title_en": title_en,
            "subject": subject.value,
            "plan": plan,
            "basis": self.basis(basis),
            "verified": verified,
        }

    def source(self, source: Source) -> str:
        known = self.sources.setdefault(source.id, source)
        if known != source:
            raise ValidationError(
                "sources", source.id, "must be one registry entry in every report (two differ)"
            )
        return source.id


_STATUS: Final = {status: status.value for status in ComplianceStatus}


def _summary(counts: Mapping[ComplianceStatus, int], rate: object) -> dict[str, Any]:
    summary: dict[str, Any] = {value: counts[status] for status, value in _STATUS.items()}
    summary["total"] = sum(counts.values())
    summary["rate"] = None if rate is None else str(rate)
    return summary


def _json_value(value: Any) -> Any:
    """A field's value as the converter writes it (enums, days, decimals, tuples of them)."""
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, Subject):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    # outside the annotated types (a list for a tuple): as the converter writes it
    return to_dict(value)


def _write_row(row: ComplianceRow, enterprise: str, tables: _Tables) -> dict[str, Any]:
    """A row with only what differs from its defaults (the module's docstring)."""
    shaped: dict[str, Any] = {}
    if row.enterprise != enterprise:
        shaped["enterprise"] = row.enterprise
    shaped["obligation"] = row.obligation
    shaped["status"] = _STATUS[row.status]
    start, end, due = row.start, row.end, row.due
    if start is not None:
        shaped["start"] = start.isoformat()
    if end is not None:
        shaped["end"] = end.isoformat()
    if isinstance(due, datetime):
        shaped["due"] = due.astimezone(CHINA_TIME).date().isoformat()
        shaped["due_at"] = due.isoformat()
    elif due is not None:  # mostly the window's last day, written once already
        shaped["due"] = shaped["end"] if due == end else due.isoformat()
    shaped["required"] = row.required
    if row.evidence:
        shaped["evidence"] = list(row.evidence)
    rare = _rare_of(row)
    if rare != _RARE_DEFAULTS:
        _differences(shaped, _RARE, rare, _RARE_DEFAULTS, tables)
    duty = _duty_of(row)
    known = tables.duties.get(row.obligation)
    if known is None:
        tables.add_duty(row.obligation, duty)
    elif duty != known:
        _differences(shaped, DUTY_FIELDS, duty, known, tables)
    return shaped


def _differences(
    shaped: dict[str, Any],
    keys: tuple[str, ...],
    values: tuple[Any, ...],
    defaults: tuple[Any, ...],
    tables: _Tables,
) -> None:
    """Write into *shaped* each of *values* that is not its default (a basis as its index)."""
    for key, value, default in zip(keys, values, defaults, strict=True):
        if value != default:
            shaped[key] = tables.basis(value) if key == "basis" else _json_value(value)


def _write_report(report: ComplianceReport, tables: _Tables, *, nested: bool) -> dict[str, Any]:
    enterprise = report.enterprise
    document: dict[str, Any] = {
        "enterprise": enterprise,
        "name": report.name,
        "as_of": report.as_of.isoformat(),
        "since": report.since.isoformat(),
        "summary": _summary(report.summary, report.rate),
        "rows": [_write_row(row, enterprise, tables) for row in report.rows],
        "hazards": [to_dict(hazard) for hazard in report.hazards],
        "plans": [to_dict(plan) for plan in report.plans],
    }
    if nested:
        document["sources"] = [tables.source(source) for source in report.sources]
    else:
        document["obligations"] = tables.obligations
        document["bases"] = tables.bases
        document["sources"] = [to_dict(source) for source in report.sources]
    return document


def write_report(report: ComplianceReport) -> dict[str, Any]:
    """A report as the JSON-ready shape of an API (see the module's docstring)."""
    return _write_report(report, _Tables(), nested=False)


def write_portfolio(portfolio: PortfolioReport) -> dict[str, Any]:
    """A portfolio's report, its reports sharing one table of duties, one of citations, one of sources."""
    tables = _Tables()
    reports = [_write_report(r, tables, nested=True) for r in portfolio.reports]
    authorities = [_write_report(r, tables, nested=True) for r in portfolio.authorities]
    return {
        "as_of": portfolio.as_of.isoformat(),
        "since": portfolio.since.isoformat(),
        "summary": _summary(portfolio.summary, portfolio.rate),
        "reports": reports,
        "authorities": authorities,
        "unmatched": to_dict(portfolio.unmatched),
        "obligations": tables.obligations,
        "bases": tables.bases,
        "sources": [to_dict(source) for source in tables.sources.values()],
    }


def _mapping(data: object, path: str, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValidationError(path, data, f"must be an object with the fields of a {what}")
    return data


def _list(data: object, path: str) -> Sequence[Any]:
    if not isinstance(data, list):
        raise ValidationError(path, data, "must be a list")
    return data


def _keys(data: Mapping[Any, Any], allowed: frozenset[str], path: str) -> None:
    extra = [key for key in data if key not in allowed]
    if extra:
        raise ValidationError(f"{path}.{extra[0]}", data[extra[0]], "is not a field here")
    missing = sorted(allowed - set(data))
    if missing:
        raise ValidationError(f"{path}.{missing[0]}", None, "is required")


def _read_bases(data: object, path: str) -> list[Basis]:
    bases: list[Basis] = []
    try:
        for item in _list(data, path):
            bases.append(from_dict(item, Basis))  # noqa: PERF401 - the index names the bad one
    except ValidationError as exc:
        raise ValidationError(f"{path}[{len(bases)}]", exc.value, exc.expected) from None
    return bases


def _basis_of(value: object, bases: list[Basis], path: str) -> Basis:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(bases):
        raise ValidationError(path, value, f"must be an index into bases (0 to {len(bases) - 1})")
    return bases[value]


def _read_obligations(data: object, bases: list[Basis], path: str) -> dict[str, dict[str, Any]]:
    """Each entry of ``obligations`` checked, as the fields of a row (``basis`` in full)."""
    if not isinstance(data, Mapping):
        raise ValidationError(path, data, "must be an object from obligation id to its entry")
    duties: dict[str, dict[str, Any]] = {}
    for ident, entry in data.items():
        where = f"{path}[{ident!r}]"
        try:
            from_dict(entry, _Duty)
        except ValidationError as exc:
            raise ValidationError(where, exc.value, exc.expected) from None
        duty = dict(entry)
        duty["basis"] = to_dict(_basis_of(entry["basis"], bases, f"{where}.basis"))
        duties[ident] = duty
    return duties


def _plain_rows(
    rows: object,
    enterprise: object,
    duties: Mapping[str, Mapping[str, Any]],
    bases: list[Basis],
    path: str,
) -> tuple[list[Any], list[Any]]:
    """The rows in the converter's shape, and each row's written ``due`` and ``due_at`` (checked later)."""
    plain: list[Any] = []
    written: list[Any] = []
    for index, item in enumerate(_list(rows, f"{path}.rows")):
        where = f"{path}.rows[{index}]"
        shaped = _mapping(item, where, "ComplianceRow")
        for key in ROW_REQUIRED:
            if key not in shaped:
                raise ValidationError(f"{where}.{key}", None, "is required")
        ident = shaped["obligation"]
        duty = duties.get(ident) if isinstance(ident, str) else None
        if duty is None:
            raise ValidationError(
                f"{where}.obligation", ident, "must be the id of an entry of obligations"
            )
        row = {"enterprise": enterprise, **_PLAIN_DEFAULTS, **duty, **shaped}
        if "basis" in shaped:
            row["basis"] = to_dict(_basis_of(shaped["basis"], bases, f"{where}.basis"))
        due_at = row.pop("due_at", None)
        written.append((row["due"], due_at))
        if due_at is not None:
            row["due"] = due_at
        plain.append(row)
    return plain, written


def _check_report(
    report: ComplianceReport, summary: object, written: list[Any], path: str
) -> ComplianceReport:
    for index, (row, (due, due_at)) in enumerate(zip(report.rows, written, strict=True)):
        if isinstance(row.due, datetime):
            day = row.due.astimezone(CHINA_TIME).date().isoformat()
            if due != day:
                raise ValidationError(
                    f"{path}.rows[{index}].due", due, f"must be {day}, due_at's day in China time"
                )
        elif due_at is not None:
            raise ValidationError(
                f"{path}.rows[{index}].due_at",
                due_at,
                "must be a moment (ISO 8601 with its offset)",
            )
        elif isinstance(due, str) and "T" in due:
            raise ValidationError(
                f"{path}.rows[{index}].due", due, "must be a day (a moment goes in due_at)"
            )
    expected = _summary(report.summary, report.rate)
    if summary != expected:
        raise ValidationError(f"{path}.summary", summary, f"must match the rows: {expected}")
    return report


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Shared:
    """A portfolio's tables, which its reports refer to."""

    duties: Mapping[str, Mapping[str, Any]]
    bases: list[Basis]
    sources: Mapping[str, Source]


def _read_report(data: object, path: str, shared: _Shared | None = None) -> ComplianceReport:
    document = _mapping(data, path, "ComplianceReport")
    _keys(document, _REPORT_KEYS if shared is None else _NESTED_KEYS, path)
    plain = {key: document[key] for key in (*_REPORT_HEAD, "hazards", "plans")}
    duties: Mapping[str, Mapping[str, Any]]
    if shared is None:
        bases = _read_bases(document["bases"], f"{path}.bases")
        duties = _read_obligations(document["obligations"], bases, f"{path}.obligations")
        plain["sources"] = document["sources"]
    else:
        bases, duties = shared.bases, shared.duties
        ids = _list(document["sources"], f"{path}.sources")
        for index, ident in enumerate(ids):
            if not isinstance(ident, str) or ident not in shared.sources:
                raise ValidationError(
                    f"{path}.sources[{index}]", ident, "must be the id of an entry of sources"
                )
        plain["sources"] = [to_dict(shared.sources[ident]) for ident in ids]
    plain["rows"], written = _plain_rows(
        document["rows"], document["enterprise"], duties, bases, path
    )
    try:
        report = from_dict(plain, ComplianceReport)
    except ValidationError as exc:
        if shared is not None:
            raise ValidationError(path, exc.value, exc.expected) from None
        raise
    return _check_report(report, document["summary"], written, path)


def read_report(data: object) -> ComplianceReport:
    """A report from :func:`write_report`'s shape, checked.

    Raises:
        ValidationError: naming the first bad field by its path.
    """
    return _read_report(data, "$")


def _read_sources(data: object, path: str) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    entries = _list(data, path)
    try:
        for item in entries:
            source = from_dict(item, Source)
            sources[source.id] = source
    except ValidationError as exc:
        raise ValidationError(f"{path}[{len(sources)}]", exc.value, exc.expected) from None
    if len(sources) != len(entries):
        raise ValidationError(path, entries, "must list each source once")
    return sources


def read_portfolio(data: object) -> PortfolioReport:
    """A portfolio's report from :func:`write_portfolio`'s shape, checked.

    Raises:
        ValidationError: naming the first bad field by its path.
    """
    document = _mapping(data, "$", "PortfolioReport")
    _keys(document, _PORTFOLIO_KEYS, "$")
    bases = _read_bases(document["bases"], "$.bases")
    shared = _Shared(
        duties=_read_obligations(document["obligations"], bases, "$.obligations"),
        bases=bases,
        sources=_read_sources(document["sources"], "$.sources"),
    )
    reports = tuple(
        _read_report(item, f"$.reports[{index}]", shared)
        for index, item in enumerate(_list(document["reports"], "$.reports"))
    )
    authorities = tuple(
        _read_report(item, f"$.authorities[{index}]", shared)
        for index, item in enumerate(_list(document["authorities"], "$.authorities"))
    )
    head = from_dict(
        {
            "as_of": document["as_of"],
            "since": document["since"],
            "unmatched": document["unmatched"],
        },
        _PortfolioHead,
    )
    portfolio = PortfolioReport(
        as_of=head.as_of,
        since=head.since,
        reports=reports,
        authorities=authorities,
        unmatched=head.unmatched,
    )
    expected = _summary(portfolio.summary, portfolio.rate)
    if document["summary"] != expected:
        raise ValidationError("$.summary", document["summary"], f"must match the rows: {expected}")
    return portfolio


WRITERS: Final[dict[type, Callable[[Any], Any]]] = {
    ComplianceReport: write_report,
    PortfolioReport: write_portfolio,
}
"""The JSON shape of the result types that have one of their own, by type."""
READERS: Final[dict[type, Callable[[Any], Any]]] = {
    ComplianceReport: read_report,
    PortfolioReport: read_portfolio,
}
"""Their readers, by type."""
