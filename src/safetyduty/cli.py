"""The ``safetyduty`` command.

Examples:
    >>> main(["workdays", "add", "2025-09-26", "20"])
    2025-10-30
    0
    >>> main(["workdays", "count", "2025-09-30", "2025-10-09"])
    1
    0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import NoReturn, TextIO

from safetyduty._dates import parse_iso_date
from safetyduty.calendars import DayType, WorkCalendar, default_calendar
from safetyduty.errors import SafetyDutyError
from safetyduty.i18n import label

__all__ = ["main"]

_DEMO_AS_OF = date(2026, 11, 23)


class _UsageError(Exception):
    """Bad command-line arguments (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _iso_date(text: str) -> date:
    try:
        return parse_iso_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> _Parser:
    parser = _Parser(
        prog="safetyduty",
        description="Chinese work-safety duties: calendar, deadlines, compliance.",
    )
    parser.add_argument(
        "--estimate", action="store_true", help="answer years after the newest notice by estimate"
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    cal = commands.add_parser("calendar", help="a year's holidays and make-up workdays")
    cal.add_argument("year", type=int)
    cal.add_argument("--locale", choices=("zh_CN", "en"), default="zh_CN")

    workdays = commands.add_parser("workdays", help="working-day arithmetic")
    ops = workdays.add_subparsers(dest="op", required=True, parser_class=_Parser)
    add = ops.add_parser("add", help="the N-th workday after (or, N<0, before) a date")
    add.add_argument("date", type=_iso_date)
    add.add_argument("n", type=int)
    count = ops.add_parser("count", help="workdays after START up to and including END")
    count.add_argument("start", type=_iso_date)
    count.add_argument("end", type=_iso_date)

    demo = commands.add_parser("demo", help="the worked example on the bundled data")
    demo.add_argument("--as-of", type=_iso_date, default=_DEMO_AS_OF)
    demo.add_argument("--locale", choices=("zh_CN", "en"), default="zh_CN")
    return parser


def _print_calendar(cal: WorkCalendar, year: int, locale: str, out: TextIO) -> None:
    first, last = date(year, 1, 1), date(year, 12, 31)
    if first not in cal.coverage and not (
        cal.estimated_coverage and first in cal.estimated_coverage
    ):
        cal.is_workday(first)  # raises the coverage error with its hint
    for notice in cal.sources(year) if year in cal.years else ():
        print(f"# {notice.number or '文号不详'} {notice.title}", file=out)
    day = first
    while day <= last:
        kind = cal.day_type(day)
        if kind not in (DayType.WORKDAY, DayType.WEEKEND) or cal.festivals(day):
            name = cal.holiday_name(day, locale) or ""
            print(f"{day.isoformat()}  {day:%a}  {label(kind, locale):<18} {name}", file=out)
        day = date.fromordinal(day.toordinal() + 1)


def _demo(cal: WorkCalendar, as_of: date, locale: str, out: TextIO) -> None:
    zh = locale == "zh_CN"
    published = date(2025, 9, 26)
    due = cal.add_workdays(published, 20)
    print(
        "safetyduty demo — 中国工作日历"
        if zh
        else "safetyduty demo — the Chinese working-day calendar",
        file=out,
    )
    print(f"  as of {as_of.isoformat()}; data {cal.coverage.first}..{cal.coverage.last}", file=out)
    print(file=out)
    print(
        "应急预案 2025-09-26 公布，20个工作日内备案："
        if zh
        else "Emergency plan published 2025-09-26, to be filed within 20 working days:",
        file=out,
    )
    print(f"  → {due.isoformat()} ({cal.workdays_between(published, due)} workdays)", file=out)
    skipped = [
        d
        for d in (
            date.fromordinal(published.toordinal() + k)
            for k in range(1, (due - published).days + 1)
        )
        if cal.is_rest_day(d) and d.weekday() < 5  # noqa: PLR2004 - weekdays off only
    ]
    if skipped:
        print(
            f"  {'跳过的法定节假日/调休' if zh else 'weekdays off skipped'}: "
            f"{skipped[0].isoformat()} .. {skipped[-1].isoformat()} ({len(skipped)})",
            file=out,
        )
    makeup = [d for d in cal.workdays(published, due) if d.weekday() >= 5]  # noqa: PLR2004
    if makeup:
        days = ", ".join(d.isoformat() for d in makeup)
        print(f"  {'计入的调休上班日' if zh else 'make-up workdays counted'}: {days}", file=out)
    print(file=out)
    for day in (date(2026, 1, 4), date(2026, 2, 17), date(2026, 2, 20), as_of):
        if day in cal.coverage:
            name = cal.holiday_name(day, locale) or "—"
            print(
                f"  {day.isoformat()} {day:%a}: {label(cal.day_type(day), locale)}  {name}",
                file=out,
            )
    print(file=out)
    nxt = cal.add_workdays(as_of, 1) if as_of in cal.coverage else None
    if nxt is not None:
        print(f"  {'下一个工作日' if zh else 'next workday'}: {nxt.isoformat()}", file=out)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 2 bad arguments or input)."""
    stdout = out or sys.stdout
    try:
        args = _parser().parse_args(argv)
        cal = default_calendar(estimate=args.estimate)
        if args.command == "calendar":
            _print_calendar(cal, args.year, args.locale, stdout)
        elif args.command == "demo":
            _demo(cal, args.as_of, args.locale, stdout)
        elif args.op == "add":
            print(cal.add_workdays(args.date, args.n).isoformat(), file=stdout)
        else:
            print(cal.workdays_between(args.start, args.end), file=stdout)
    except (_UsageError, SafetyDutyError) as exc:
        print(f"safetyduty: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (e.g. ``head``) went away: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: PTH123, SIM115 - swallow the final flush
        return 0
    return 0
