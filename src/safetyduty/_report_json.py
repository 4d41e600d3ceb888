"""The JSON shape of a compliance report and of a portfolio's, for an API (used by :mod:`safetyduty.serde`).

The plain converter would write every row's citation in full (the
document, article, URL and note, 300 bytes a row) and an hour limit's
``due`` as a datetime where every other row has a date. The shape here:

- ``summary``: the rows per status, ``total`` and the on-time ``rate``
  (exact decimal text, or null); checked against the rows when read;
- ``bases``: each citation once; a row's ``basis`` is its index in this list;
- ``sources``: each registry entry once; a citation names its entry by
  ``source`` (its id);
- a row's ``due`` is always a day (for an hour limit, its day in China
  time) and ``due_at`` the moment of an hour limit (ISO 8601 with its
  offset), else null;
- a portfolio's reports share one ``bases`` and one ``sources`` list at the
  top; each report lists the ids of the sources it cites.

Everything else is the converter's shape (:mod:`safetyduty._convert`), so the
report reads back to an equal one, strictly: an unknown key, a basis index
out of range, a ``due`` that is not ``due_at``'s day or a summary that does
not match the rows is a :class:`~safetyduty.errors.ValidationError` naming
its path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final

import attrs

from safetyduty._convert import from_dict, to_dict
from safetyduty.errors import ValidationError
from safetyduty.models import Basis, Source, Unmatched
from safetyduty.rules.compliance import ComplianceReport, ComplianceStatus, PortfolioReport
from safetyduty.rules.deadlines import CHINA_TIME

__all__ = ["READERS", "WRITERS"]

_REPORT_KEYS: Final = ("enterprise", "name", "as_of", "since", "summary", "rows")
_REPORT_TAIL: Final = ("hazards", "plans")
_PORTFOLIO_KEYS: Final = frozenset(
    {"as_of", "since", "summary", "reports", "authorities", "unmatched", "bases", "sources"}
)


@attrs.frozen(kw_only=True)
class _PortfolioHead:
    """The scalar fields of a portfolio's report, read by the converter."""

    as_of: date
    since: date
    unmatched: Unmatched


class _Tables:
    """The citations and sources of a document, each once, in the order first met."""

    def __init__(self) -> None:
        self.bases: list[Any] = []
        self.index: dict[Basis, int] = {}
        self.sources: dict[str, Source] = {}

    def basis(self, basis: Basis) -> int:
        found = self.index.get(basis)
        if found is None:
            found = self.index[basis] = len(self.bases)
            self.bases.append(to_dict(basis))
        return found

    def source(self, source: Source) -> str:
        known = self.sources.setdefault(source.id, source)
        if known != source:
            raise ValidationError(
                "sources", source.id, "must be one registry entry in every report (two differ)"
            )
        return source.id


def _summary(counts: Mapping[ComplianceStatus, int], rate: object) -> dict[str, Any]:
    summary: dict[str, Any] = {status.value: counts[status] for status in ComplianceStatus}
    summary["total"] = sum(counts.values())
    summary["rate"] = None if rate is None else str(rate)
    return summary


def _write_report(report: ComplianceReport, tables: _Tables, *, nested: bool) -> dict[str, Any]:
    plain = to_dict(report)
    rows = []
    for row, data in zip(report.rows, plain["rows"], strict=True):
        shaped: dict[str, Any] = {}
        for key, value in data.items():
            if key == "basis":
                shaped[key] = tables.basis(row.basis)
            elif key == "due":
                due = row.due
                if isinstance(due, datetime):
                    shaped["due"] = due.astimezone(CHINA_TIME).date().isoformat()
                    shaped["due_at"] = value
                else:
                    shaped["due"] = value
                    shaped["due_at"] = None
            else:
                shaped[key] = value
        rows.append(shaped)
    document = {key: plain[key] for key in ("enterprise", "name", "as_of", "since")}
    document["summary"] = _summary(report.summary, report.rate)
    document["rows"] = rows
    document.update({key: plain[key] for key in _REPORT_TAIL})
    if nested:
        document["sources"] = [tables.source(source) for source in report.sources]
    else:
        document["bases"] = tables.bases
        document["sources"] = plain["sources"]
    return document


def write_report(report: ComplianceReport) -> dict[str, Any]:
    """A report as the JSON-ready shape of an API (see the module's docstring)."""
    return _write_report(report, _Tables(), nested=False)


def write_portfolio(portfolio: PortfolioReport) -> dict[str, Any]:
    """A portfolio's report, its reports sharing one list of citations and one of sources."""
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


def _plain_rows(rows: object, bases: list[Basis], path: str) -> tuple[list[Any], list[Any]]:
    """The rows in the converter's shape, and each row's written ``due`` (checked later)."""
    plain: list[Any] = []
    written: list[Any] = []
    for index, item in enumerate(_list(rows, f"{path}.rows")):
        where = f"{path}.rows[{index}]"
        row = dict(_mapping(item, where, "ComplianceRow"))
        if "basis" not in row or "due" not in row or "due_at" not in row:
            missing = next(key for key in ("basis", "due", "due_at") if key not in row)
            raise ValidationError(f"{where}.{missing}", None, "is required")
        row["basis"] = to_dict(_basis_of(row["basis"], bases, f"{where}.basis"))
        due, due_at = row["due"], row.pop("due_at")
        written.append(due)
        if due_at is not None:
            row["due"] = due_at
        plain.append(row)
    return plain, written


def _check_report(
    report: ComplianceReport, summary: object, written: list[Any], path: str
) -> ComplianceReport:
    for index, (row, due) in enumerate(zip(report.rows, written, strict=True)):
        if isinstance(row.due, datetime):
            day = row.due.astimezone(CHINA_TIME).date().isoformat()
            if due != day:
                raise ValidationError(
                    f"{path}.rows[{index}].due", due, f"must be {day}, due_at's day in China time"
                )
        elif isinstance(due, str) and "T" in due:
            raise ValidationError(
                f"{path}.rows[{index}].due", due, "must be a day (a moment goes in due_at)"
            )
    expected = _summary(report.summary, report.rate)
    if summary != expected:
        raise ValidationError(f"{path}.summary", summary, f"must match the rows: {expected}")
    return report


def _read_report(
    data: object,
    path: str,
    *,
    bases: list[Basis] | None = None,
    sources: Mapping[str, Source] | None = None,
) -> ComplianceReport:
    document = _mapping(data, path, "ComplianceReport")
    nested = bases is not None
    allowed = frozenset({*_REPORT_KEYS, *_REPORT_TAIL, "sources", *(() if nested else ("bases",))})
    _keys(document, allowed, path)
    if bases is None:
        bases = _read_bases(document["bases"], f"{path}.bases")
    plain = {key: document[key] for key in (*_REPORT_KEYS, *_REPORT_TAIL) if key != "summary"}
    plain["rows"], written = _plain_rows(document["rows"], bases, path)
    if sources is not None:
        ids = _list(document["sources"], f"{path}.sources")
        for index, ident in enumerate(ids):
            if not isinstance(ident, str) or ident not in sources:
                raise ValidationError(
                    f"{path}.sources[{index}]", ident, "must be the id of an entry of sources"
                )
        plain["sources"] = [to_dict(sources[ident]) for ident in ids]
    else:
        plain["sources"] = document["sources"]
    try:
        report = from_dict(plain, ComplianceReport)
    except ValidationError as exc:
        if nested:
            raise ValidationError(path, exc.value, exc.expected) from None
        raise
    return _check_report(report, document["summary"], written, path)


def read_report(data: object) -> ComplianceReport:
    """A report from :func:`write_report`'s shape, checked.

    Raises:
        ValidationError: naming the first bad field by its path.
    """
    return _read_report(data, "$")


def read_portfolio(data: object) -> PortfolioReport:
    """A portfolio's report from :func:`write_portfolio`'s shape, checked.

    Raises:
        ValidationError: naming the first bad field by its path.
    """
    document = _mapping(data, "$", "PortfolioReport")
    _keys(document, _PORTFOLIO_KEYS, "$")
    bases = _read_bases(document["bases"], "$.bases")
    sources: dict[str, Source] = {}
    entries = _list(document["sources"], "$.sources")
    try:
        for item in entries:
            source = from_dict(item, Source)
            sources[source.id] = source
    except ValidationError as exc:
        raise ValidationError(f"$.sources[{len(sources)}]", exc.value, exc.expected) from None
    if len(sources) != len(entries):
        raise ValidationError("$.sources", entries, "must list each source once")
    reports = tuple(
        _read_report(item, f"$.reports[{index}]", bases=bases, sources=sources)
        for index, item in enumerate(_list(document["reports"], "$.reports"))
    )
    authorities = tuple(
        _read_report(item, f"$.authorities[{index}]", bases=bases, sources=sources)
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
