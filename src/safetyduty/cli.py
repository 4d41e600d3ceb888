"""The ``safetyduty`` command.

``safetyduty demo`` evaluates the bundled sample portfolio against the
catalog; ``safetyduty evaluate FILE.json`` does the same for a portfolio of
your own (the JSON that ``safetyduty sample`` prints shows the format).

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
from pathlib import Path
from typing import NoReturn, TextIO

from safetyduty import _cli_phrases, serde
from safetyduty._dates import parse_iso_date
from safetyduty.calendars import DayType, WorkCalendar, default_calendar
from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.i18n import label
from safetyduty.models import Portfolio

__all__ = ["main"]

_DEMO_AS_OF = date(2026, 11, 23)
_DEMO_SINCE = date(2026, 1, 1)


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

    for name, text in (
        ("demo", "evaluate the bundled sample portfolio (the main job)"),
        ("evaluate", "evaluate a portfolio JSON file against the catalog"),
    ):
        sub = commands.add_parser(name, help=text)
        if name == "evaluate":
            sub.add_argument("file", type=Path)
        sub.add_argument("--as-of", type=_iso_date, default=_DEMO_AS_OF if name == "demo" else None)
        sub.add_argument("--since", type=_iso_date, default=None)
        sub.add_argument("--locale", choices=("zh_CN", "en"), default="zh_CN")
    commands.add_parser(
        "sample", help="print the sample portfolio as JSON (the file format of evaluate)"
    )
    _cli_phrases.add_parser(commands)
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


def _calendar_example(cal: WorkCalendar, locale: str, out: TextIO) -> None:
    published = date(2025, 9, 26)
    due = cal.add_workdays(published, 20)
    if locale == "en":
        print(
            f"\nWorking days: an emergency plan published {published} is filed within 20 working days: {due}",
            file=out,
        )
    else:
        print(f"\n工作日：应急预案{published}公布，20个工作日内备案，截止{due}", file=out)
    makeup = ", ".join(d.isoformat() for d in cal.workdays(published, due) if d.weekday() >= 5)  # noqa: PLR2004
    print(
        f"  {'计入的调休上班日' if locale != 'en' else 'make-up workdays counted'}: {makeup}",
        file=out,
    )


def _run(args: argparse.Namespace, out: TextIO) -> None:
    from safetyduty._printing import print_portfolio  # noqa: PLC0415 - loads the catalog only when needed

    cal = default_calendar(estimate=args.estimate)
    if args.command == "calendar":
        _print_calendar(cal, args.year, args.locale, out)
    elif args.command == "demo":
        from safetyduty.catalog import sample_portfolio  # noqa: PLC0415

        since = args.since or _DEMO_SINCE
        print_portfolio(
            sample_portfolio(), as_of=args.as_of, since=since, locale=args.locale, out=out
        )
        _calendar_example(cal, args.locale, out)
    elif args.command == "evaluate":
        portfolio = _load(args.file)
        as_of = args.as_of or date.today()  # noqa: DTZ011 - the caller asked for "today" by omitting --as-of
        since = args.since or date(as_of.year, 1, 1)
        print_portfolio(portfolio, as_of=as_of, since=since, locale=args.locale, out=out)
    elif args.command == "sample":
        from safetyduty.catalog import sample_portfolio  # noqa: PLC0415

        print(serde.dumps(sample_portfolio(), indent=1), file=out)
    elif args.command == "phrases":
        _cli_phrases.run(args, out)
    elif args.op == "add":
        print(cal.add_workdays(args.date, args.n).isoformat(), file=out)
    else:
        print(cal.workdays_between(args.start, args.end), file=out)


def _load(path: Path) -> Portfolio:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _UsageError(f"cannot read {path}: {exc}") from None
    return serde.loads(text, Portfolio)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 2 bad arguments or input).

    Raises:
        ValidationError: when *argv* is not a list of strings (a programming error,
            not a user's).

    Examples:
        >>> main(["workdays", "add", "2025-09-26", "20"])
        2025-10-30
        0
    """
    if argv is not None and (
        isinstance(argv, (str, bytes))
        or not isinstance(argv, Sequence)
        or not all(isinstance(a, str) for a in argv)
    ):
        raise ValidationError("argv", argv, "must be a list of str")
    stdout = out or sys.stdout
    try:
        _run(_parser().parse_args(argv), stdout)
    except (_UsageError, SafetyDutyError) as exc:
        print(f"safetyduty: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (e.g. ``head``) went away: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: PTH123, SIM115 - swallow the final flush
        return 0
    return 0
