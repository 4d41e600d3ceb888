"""CSV: flat rows with a header row, for spreadsheets and bulk loads (stdlib :mod:`csv`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import IO, Any, Final

from safetyduty.errors import ValidationError
from safetyduty.rules.compliance import ROW_FIELDS, FlatRow

__all__ = ["to_csv", "write_csv"]

NAMES: Final = tuple(field.name for field in ROW_FIELDS)
_NAMESET: Final = frozenset(NAMES)
_KINDS: Final = {
    "string": str,
    "date": str,
    "timestamp": str,
    "decimal": str,
    "int": int,
    "bool": bool,
}
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection)."""


def _check(index: int, row: object) -> Mapping[str, Any]:
    if not isinstance(row, Mapping) or row.keys() != _NAMESET:
        raise ValidationError(
            f"rows[{index}]", row, "must be a flat row with the columns of ROW_FIELDS (to_rows())"
        )
    for field in ROW_FIELDS:
        value = row[field.name]
        if value is None:
            if field.nullable:
                continue
        elif type(value) is _KINDS[field.type]:
            continue
        raise ValidationError(
            f"rows[{index}].{field.name}", value, f"must be a {field.type} value as to_rows() gives"
        )
    return row


def _cell(value: object, *, quote_formulas: bool) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    text = str(value)
    if quote_formulas and isinstance(value, str) and text.startswith(_FORMULA):
        return "'" + text
    return text


def write_csv(
    rows: Iterable[FlatRow], stream: IO[str], *, bom: bool = False, quote_formulas: bool = False
) -> int:
    """Write *rows* to the text *stream* as CSV: a header row, then a line per row; return the count.

    The columns are :data:`~safetyduty.rules.compliance.ROW_FIELDS`, in
    order. Cells: ``null`` is empty, booleans ``true``/``false``, numbers
    and text as they are (dates ISO, ``;`` inside lists); lines end with
    CRLF, as RFC 4180 says. Open a file with ``newline=""`` and
    ``encoding="utf-8"``. The rows are written as they come, so a generator
    of rows streams.

    Args:
        rows: flat rows (``report.to_rows()``, ``rows_of(reports)``).
        stream: a text stream.
        bom: begin with a UTF-8 byte order mark, so that Excel reads the
            file as UTF-8 (Chinese text otherwise shows garbled).
        quote_formulas: put ``'`` before a text cell that begins with ``=``,
            ``+``, ``-``, ``@``, a tab or a carriage return, so that a
            spreadsheet shows it instead of running it as a formula (CSV
            injection through a record id or a name); off by default, as it
            changes the data.

    Raises:
        ValidationError: for a row that is not a flat row (naming its index
            and column), or a stream that does not take text.

    Examples:
        >>> import io
        >>> from safetyduty.export import write_csv
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> out = io.StringIO()
        >>> write_csv(_example_report().to_rows(), out)
        3
        >>> out.getvalue().splitlines()[1].split(",")[:7]
        ['914403001922038216', 'o', '', '每月至少一次', '', 'principal', 'met']
    """
    if not isinstance(bom, bool):
        raise ValidationError("bom", bom, "must be a bool")
    if not isinstance(quote_formulas, bool):
        raise ValidationError("quote_formulas", quote_formulas, "must be a bool")
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise ValidationError("rows", rows, "must be an iterable of flat rows")
    if not callable(getattr(stream, "write", None)):
        raise ValidationError(
            "stream", stream, "must be a text stream (open(..., 'w', newline=''))"
        )
    try:
        if bom:
            stream.write("\ufeff")
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(NAMES)
    except TypeError:
        raise ValidationError("stream", stream, "must take text, not bytes") from None
    count = 0
    for index, row in enumerate(rows):
        checked = _check(index, row)
        writer.writerow([_cell(checked[name], quote_formulas=quote_formulas) for name in NAMES])
        count += 1
    return count


def to_csv(rows: Iterable[FlatRow], *, bom: bool = False, quote_formulas: bool = False) -> str:
    """*rows* as CSV text (:func:`write_csv` to a string).

    Raises:
        ValidationError: as :func:`write_csv`.

    Examples:
        >>> from safetyduty.export import to_csv
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> text = to_csv(_example_report().to_rows(), bom=True)
        >>> text[:20]
        '\\ufeffenterprise,obligati'
        >>> len(text.splitlines())
        4
    """
    buffer = io.StringIO()
    write_csv(rows, buffer, bom=bom, quote_formulas=quote_formulas)
    return buffer.getvalue()
