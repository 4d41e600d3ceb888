"""CSV: flat rows with a header row, for spreadsheets and bulk loads (stdlib :mod:`csv`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import IO, Any, Final

from safetyduty._labels import Locale, check_locale, label_of
from safetyduty.errors import ValidationError
from safetyduty.models import Subject
from safetyduty.rules.compliance import ROW_FIELDS, ComplianceStatus, FlatRow

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
_WORDS: Final[dict[str, tuple[str, str]]] = {
    "enterprise": ("统一社会信用代码", "Unified social credit code"),
    "obligation": ("义务编号", "Duty id"),
    "plan": ("所属方案", "Plan"),
    "title": ("义务", "Duty"),
    "subject": ("责任主体", "Who acts"),
    "status": ("状态", "Status"),
    "start": ("起始日", "From"),
    "end": ("截止日", "To"),
    "due": ("到期日", "Due"),
    "due_at": ("到期时刻", "Due at"),
    "required": ("应完成", "Required"),
    "done": ("已完成", "Done"),
    "late": ("其中逾期", "Of which late"),
    "evidence": ("凭证编号", "Evidence ids"),
    "daily": ("按月汇总的每日义务", "Daily duty by month"),
    "missed_days": ("缺记录日期", "Days with no record"),
    "person": ("人员", "Person"),
    "hours_required": ("应完成学时", "Hours required"),
    "hours_done": ("已完成学时", "Hours done"),
    "basis_source": ("依据编号", "Source id"),
    "basis": ("依据", "Basis"),
    "verified": ("依据已核实", "Source verified"),
    "reason": ("说明", "Reason"),
}
"""The column headers of a CSV for people, in Chinese and English (``title`` and
``reason`` hold the locale's own title and reason)."""
_PEOPLE: Final[dict[Locale, tuple[str, ...]]] = {
    "zh_CN": tuple(name for name in NAMES if name not in ("title_en", "reason")),
    "en": tuple(name for name in NAMES if name not in ("title_en", "reason_zh")),
}
"""The columns of a CSV for people, by locale: one title and one reason, the locale's."""
_YES_NO: Final[dict[Locale, tuple[str, str]]] = {"zh_CN": ("是", "否"), "en": ("yes", "no")}
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


def _in_words(index: int, row: Mapping[str, Any], name: str, locale: Locale) -> object:
    """The cell of column *name* for people: labels for codes, words for flags."""
    value = row[name]
    if name == "title" and locale == "en":
        return row["title_en"] or value  # the source's own words where the data has no English
    if name in ("status", "subject"):
        kind = ComplianceStatus if name == "status" else Subject
        try:
            return label_of(kind(value), locale)
        except ValueError:
            raise ValidationError(
                f"rows[{index}].{name}", value, f"must be a {kind.__name__} value"
            ) from None
    if isinstance(value, bool):
        yes, no = _YES_NO[locale]
        return yes if value else no
    return value


def _headers(locale: Locale) -> list[str]:
    words = {**_WORDS, "reason_zh": _WORDS["reason"]}
    return [words[name][0 if locale == "zh_CN" else 1] for name in _PEOPLE[locale]]


def write_csv(
    rows: Iterable[FlatRow],
    stream: IO[str],
    *,
    bom: bool = False,
    quote_formulas: bool = False,
    locale: str | None = None,
) -> int:
    """Write *rows* to the text *stream* as CSV: a header row, then a line per row; return the count.

    The columns are :data:`~safetyduty.rules.compliance.ROW_FIELDS`, in
    order. Cells: ``null`` is empty, booleans ``true``/``false``, numbers
    and text as they are (dates ISO, ``;`` inside lists); lines end with
    CRLF, as RFC 4180 says. Open a file with ``newline=""`` and
    ``encoding="utf-8"``. The rows are written as they come, so a generator
    of rows streams.

    With a *locale*, the file is for people to read in that language alone
    (a safety manager opening it in a spreadsheet): the headers in words,
    the status and who acts by their labels, flags as 是/否 (yes/no), and one
    title and one reason column, the locale's (in English, a duty's title is
    its Chinese title where the data has no English one). Dates, numbers and
    ids stay as they are. Without one, the file is data: the column names and
    values of ``to_rows()``, for loading elsewhere.

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
        locale: ``None`` (data, the default), ``"zh_CN"`` or ``"en"`` (for people).

    Raises:
        ValidationError: for a row that is not a flat row (naming its index
            and column), a stream that does not take text, or another locale.

    Examples:
        >>> import io
        >>> from safetyduty.export import write_csv
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> out = io.StringIO()
        >>> write_csv(_example_report().to_rows(), out)
        3
        >>> out.getvalue().splitlines()[1].split(",")[:7]
        ['914403001922038216', 'o', '', '每月至少一次', '', 'principal', 'met']
        >>> out = io.StringIO()
        >>> write_csv(_example_report().to_rows(), out, locale="zh_CN")
        3
        >>> [line.split(",")[:6] for line in out.getvalue().splitlines()[:2]]
        [['统一社会信用代码', '义务编号', '所属方案', '义务', '责任主体', '状态'], ['914403001922038216', 'o', '', '每月至少一次', '主要负责人', '已完成']]
    """
    if not isinstance(bom, bool):
        raise ValidationError("bom", bom, "must be a bool")
    if not isinstance(quote_formulas, bool):
        raise ValidationError("quote_formulas", quote_formulas, "must be a bool")
    words = None if locale is None else check_locale(locale)
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
        writer.writerow(NAMES if words is None else _headers(words))
    except TypeError:
        raise ValidationError("stream", stream, "must take text, not bytes") from None
    count = 0
    for index, row in enumerate(rows):
        checked = _check(index, row)
        if words is None:
            cells = [checked[name] for name in NAMES]
        else:
            cells = [_in_words(index, checked, name, words) for name in _PEOPLE[words]]
        writer.writerow([_cell(value, quote_formulas=quote_formulas) for value in cells])
        count += 1
    return count


def to_csv(
    rows: Iterable[FlatRow],
    *,
    bom: bool = False,
    quote_formulas: bool = False,
    locale: str | None = None,
) -> str:
    """*rows* as CSV text (:func:`write_csv` to a string; *locale* for people).

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
        >>> header, first = to_csv(_example_report().to_rows(), locale="en").splitlines()[:2]
        >>> header.split(",")[4:7], first.split(",")[4:7]
        (['Who acts', 'Status', 'From'], ['principal person', 'met', '2026-01-01'])
    """
    buffer = io.StringIO()
    write_csv(rows, buffer, bom=bom, quote_formulas=quote_formulas, locale=locale)
    return buffer.getvalue()
