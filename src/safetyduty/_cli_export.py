"""``safetyduty evaluate FILE --format json|csv|ics``: a portfolio's evaluation as one document.

Kept apart from :mod:`safetyduty.cli` (which adds the options and calls
:func:`document`): ``text`` stays the command line's own report; the other
formats are the library's (:func:`safetyduty.serde.dumps`,
:func:`safetyduty.export.to_csv`, ``PortfolioReport.to_ics``), so the
command writes exactly what the Python API gives.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections.abc import Callable
from datetime import date
from typing import Final

from safetyduty._labels import Locale
from safetyduty.errors import MissingDependencyError
from safetyduty.models import Portfolio
from safetyduty.typing import HolidayCalendar

__all__ = ["FORMATS", "add_options", "document", "missing"]

FORMATS: Final = ("text", "json", "csv", "ics", "jsonl")

_MISSING: Final = {
    "zh_CN": "{format}格式需要{package}：请安装 pip install 'safetyduty[{extra}]'",
    "en": "the {format} format needs {package}: pip install 'safetyduty[{extra}]'",
}


def add_options(sub: argparse.ArgumentParser) -> None:
    """Add ``--format``, ``--bom``, ``--labels`` and ``--todo`` to the ``evaluate`` and ``demo`` commands."""
    sub.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default): the report for people; json: the PortfolioReport document "
        "(serde); csv: one line per row with a header (columns: ROW_FIELDS); "
        "ics: an iCalendar file of the due, upcoming and overdue items; jsonl: one flat "
        "row a line (csv and jsonl stream from a case file, in flat memory)",
    )
    sub.add_argument(
        "--bom",
        action="store_true",
        help="csv: begin with a UTF-8 byte order mark, so that Excel reads Chinese text",
    )
    sub.add_argument(
        "--labels",
        action="store_true",
        help="csv: for people, in the --locale language: headers in words, labels for codes, "
        "one title and one reason column (without it: the data columns of ROW_FIELDS)",
    )
    sub.add_argument(
        "--todo",
        action="store_true",
        help="ics: write to-dos (VTODO) instead of all-day events (VEVENT)",
    )


def document(
    portfolio: Portfolio,
    *,
    fmt: str,
    as_of: date,
    since: date | None,
    locale: Locale,
    calendar: HolidayCalendar,
    bom: bool = False,
    labels: bool = False,
    todo: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Evaluate *portfolio* against the catalog and write it in *fmt* (``json``, ``csv``, ``ics`` or ``jsonl``).

    Raises:
        MissingDependencyError: when *fmt* needs an extra that is not installed.
    """
    from safetyduty import catalog, export, serde  # noqa: PLC0415 - loaded only for these formats

    if fmt == "ics" and importlib.util.find_spec("icalendar") is None:
        raise MissingDependencyError("ics", "icalendar")  # before the work, not after it
    total = len(portfolio.enterprises)
    result = catalog.evaluate_portfolio(
        portfolio,
        as_of=as_of,
        since=since,
        calendar=calendar,
        progress=None if progress is None else (lambda done: progress(done, total)),
    )
    if fmt == "json":
        return serde.dumps(result, indent=1)
    if fmt == "csv":
        return export.to_csv(result.to_rows(), bom=bom, locale=locale if labels else None)
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in result.to_rows())
    return result.to_ics(locale=locale, kind="todo" if todo else "event")


def missing(exc: MissingDependencyError, fmt: str, locale: Locale) -> str:
    """The one-line message for a format whose extra is not installed, in *locale*."""
    return _MISSING[locale].format(format=fmt, package=exc.package, extra=exc.value)
