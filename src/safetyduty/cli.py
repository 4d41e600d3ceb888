"""The ``safetyduty`` command.

``safetyduty demo`` evaluates the bundled sample portfolio against the
catalog; ``safetyduty evaluate FILE.json`` does the same for a portfolio of
your own (the JSON that ``safetyduty sample`` prints shows the format; ``-``
reads it from standard input); with ``--format json|csv|ics`` either writes
the evaluation as a document (``--bom`` for Excel, ``--todo`` for to-dos).

Every command takes ``--locale zh_CN|en`` (one language at a time, errors
included), ``-o FILE`` (write the output to FILE as UTF-8) and, where the
calendar counts, ``--estimate`` and ``--holiday-file FILE``, before or after
the command's name. Bad input gives one line on standard error and exit
code 2, never a traceback; files are read and written as UTF-8 (a byte order
mark is accepted); what the console cannot show is replaced, not fatal.

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
import errno
import io
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, Final, NoReturn, TextIO

from safetyduty._compat import tomllib
from safetyduty._dates import parse_iso_date
from safetyduty._labels import Locale
from safetyduty.calendars import WorkCalendar, default_calendar, from_holiday_cn, parse_year
from safetyduty.errors import CalendarCoverageError, SafetyDutyError, ValidationError

__all__ = ["main", "run"]

_DEMO_AS_OF: Final = date(2026, 11, 23)
_DEMO_FIRST: Final = date(2026, 1, 1)
"""The sample's records begin here: the demo judges no earlier period."""
_CHINA: Final = timezone(timedelta(hours=8))
"""China Standard Time: UTC+8 all year (no daylight saving since 1991)."""
_FIRST_DAY: Final = date(1900, 1, 1)
_LAST_DAY: Final = date(2099, 12, 31)
_LONGEST_SPAN: Final = 10  # years from --since to --as-of
_MAX_BYTES: Final = 512 * 1024 * 1024
_PROGRESS_AFTER: Final = 0.5  # seconds before a progress bar appears

_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "zh_CN": {
        "prefix": "safetyduty：错误：",
        "internal": "safetyduty：内部错误（{kind}：{error}），请报告此问题",
        "note": "safetyduty：提示：控制台编码（{encoding}）无法显示部分字符，已替换；可加 --locale en，或用 -o 文件 写出完整的UTF-8文件",
        "bad_date": "{value!r}不是日期（应为YYYY-MM-DD，例如2026-11-23）",
        "date_range": "{value}超出可用范围（{first}至{last}）",
        "bad_year": "{value!r}不是年份（应为1至9999的整数，例如2026）",
        "bad_int": "{value!r}不是整数",
        "span": "--since（{since}）不得晚于 --as-of（{as_of}）",
        "span_long": "--since（{since}）距 --as-of（{as_of}）不得超过{years}年",
        "read": "无法读取{path}：{error}",
        "too_big": "{path}过大（超过{limit}字节）",
        "not_utf8": "{path}不是UTF-8文本（第{position}字节0x{byte:02x}）；请以UTF-8保存",
        "not_json": "{path}不是有效的JSON：{error}",
        "too_deep": "{path}嵌套过深",
        "bad_input": "{path}：{error}",
        "holiday_file": "{path}不是TOML或holiday-cn JSON格式的放假安排：{error}",
        "write": "无法写入{path}：{error}",
        "coverage": "{value}不在日历覆盖范围（{first}至{last}）内",
        "coverage_hint": "；{year}年尚无内置放假通知：可用 --holiday-file 文件（TOML或holiday-cn JSON）载入，或加 --estimate 按推定计算",
        "no_command": "缺少命令（calendar、workdays、demo、evaluate、sample、phrases、cases、schema之一）；用 --help 查看用法",
        "progress": "评估中",
    },
    "en": {
        "prefix": "safetyduty: error: ",
        "internal": "safetyduty: internal error ({kind}: {error}); please report it",
        "note": "safetyduty: note: the console's encoding ({encoding}) cannot show some characters; they were replaced (-o FILE writes a complete UTF-8 file)",
        "bad_date": "{value!r} is not a date (YYYY-MM-DD, e.g. 2026-11-23)",
        "date_range": "{value} is outside the dates accepted ({first} to {last})",
        "bad_year": "{value!r} is not a year (a whole number from 1 to 9999, e.g. 2026)",
        "bad_int": "{value!r} is not a whole number",
        "span": "--since ({since}) must not be after --as-of ({as_of})",
        "span_long": "--since ({since}) must be at most {years} years before --as-of ({as_of})",
        "read": "cannot read {path}: {error}",
        "too_big": "{path} is too large (over {limit} bytes)",
        "not_utf8": "{path} is not UTF-8 text (byte 0x{byte:02x} at position {position}); save it as UTF-8",
        "not_json": "{path} is not valid JSON: {error}",
        "too_deep": "{path} is nested too deeply",
        "bad_input": "{path}: {error}",
        "holiday_file": "{path} is not a holiday arrangement in TOML or holiday-cn JSON: {error}",
        "write": "cannot write {path}: {error}",
        "coverage": "{value} is outside the calendar's coverage {first} .. {last}",
        "coverage_hint": "; no holiday notice for {year} is bundled: load one with --holiday-file FILE (TOML or holiday-cn JSON), or pass --estimate",
        "no_command": "a command is required (calendar, workdays, demo, evaluate, sample, phrases, cases or schema); see --help",
        "progress": "evaluating",
    },
}

# argparse's own messages, and the names of positional arguments, in Chinese.
_ZH_ARGPARSE: Final = (
    (r"^the following arguments are required: (.*)$", "缺少参数：{0}"),
    (r"^unrecognized arguments: (.*)$", "无法识别的参数：{0}"),
    (
        r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$",
        "参数{0}：无效的选择{1}（可选：{2}）",
    ),
    (r"^argument (\S+): expected one argument$", "参数{0}：需要一个值"),
    (r"^argument (\S+): expected (.*) arguments?$", "参数{0}：参数个数不对"),
    (r"^argument (\S+): ignored explicit argument (.*)$", "参数{0}：不接受值{1}"),
    (r"^ambiguous option: (\S+) could match (.*)$", "选项{0}有歧义，可能是：{1}"),
    (r"^argument (\S+): (.*)$", "参数{0}：{1}"),
)
_ZH_NAMES: Final = {
    "command": "命令",
    "op": "运算",
    "year": "年份",
    "date": "日期",
    "n": "天数",
    "start": "起始日期",
    "end": "截止日期",
    "file": "文件",
    "COMMAND": "命令",
    "OP": "运算",
}


class _UsageError(Exception):
    """Bad command-line arguments or input (exit code 2); the message is final."""


class _Done(Exception):  # noqa: N818 - not an error: help or version was asked for
    """Help or the version was printed instead of running a command."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def print_help(self, file: Any = None) -> None:
        raise _Done(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _Done(message or "")


class _Version(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, *args: object, **kwargs: object) -> NoReturn:
        import safetyduty  # noqa: PLC0415 - the version is read from metadata on demand

        raise _Done(f"safetyduty {safetyduty.__version__}\n")


def _messages(locale: Locale) -> dict[str, str]:
    return _MESSAGES[locale]


def _locale_of(argv: Sequence[str], *consoles: _Console) -> Locale:
    """The locale the arguments ask for (looked up before parsing, so errors use it too).

    Without ``--locale``: ``zh_CN``, or ``en`` when a console cannot show Chinese.
    """
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[index + 1] if arg == "--locale" and index + 1 < len(argv) else None
        if arg.startswith("--locale="):
            value = arg.partition("=")[2]
        if value in ("zh_CN", "en"):
            return "en" if value == "en" else "zh_CN"
    return "zh_CN" if all(console.shows("安全生产：错误") for console in consoles) else "en"


def _parser(locale: Locale) -> _Parser:
    text = _messages(locale)

    def day(value: str) -> date:
        try:
            parsed = parse_iso_date(value)
        except ValueError:
            raise argparse.ArgumentTypeError(text["bad_date"].format(value=value)) from None
        if not _FIRST_DAY <= parsed <= _LAST_DAY:
            msg = text["date_range"].format(value=parsed, first=_FIRST_DAY, last=_LAST_DAY)
            raise argparse.ArgumentTypeError(msg)
        return parsed

    def year(value: str) -> int:
        number = _whole(value)
        if number is None or not 1 <= number <= 9999:  # noqa: PLR2004 - the years a date has
            raise argparse.ArgumentTypeError(text["bad_year"].format(value=value))
        return number

    def count(value: str) -> int:
        number = _whole(value)
        if number is None:
            raise argparse.ArgumentTypeError(text["bad_int"].format(value=value))
        return number

    common = _Parser(add_help=False, allow_abbrev=False)
    common.add_argument(
        "--locale",
        choices=("zh_CN", "en"),
        default=argparse.SUPPRESS,
        help="the language of the output and of errors (default: zh_CN, "
        "or en when the console cannot show Chinese)",
    )
    common.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        default=argparse.SUPPRESS,
        help="write the output to FILE (UTF-8) instead of standard output",
    )
    calendar_options = _calendar_options(suppress=True)

    parser = _Parser(
        prog="safetyduty",
        description="Chinese work-safety duties: calendar, deadlines, compliance.",
        epilog="Bad input: one line on standard error and exit code 2.",
        allow_abbrev=False,
        parents=[_calendar_options(suppress=False, dest_suffix="_top")],
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        parser_class=_Parser,
        title="commands",
        help="what to do (COMMAND --help tells more)",
    )

    def command(name: str, text: str, *, calendar: bool = True) -> _Parser:
        parents = [common, calendar_options] if calendar else [common]
        sub: _Parser = commands.add_parser(
            name, help=text, description=text, parents=parents, allow_abbrev=False
        )
        return sub

    cal = command("calendar", "a year's holidays and make-up workdays")
    cal.add_argument("year", type=year, help="the year, e.g. 2026")

    workdays = command("workdays", "working-day arithmetic")
    ops = workdays.add_subparsers(
        dest="op",
        metavar="OP",
        parser_class=_Parser,
        required=True,
        help="add or count (OP --help tells more)",
    )
    add = ops.add_parser(
        "add",
        help="the N-th workday after (or, N<0, before) a date",
        parents=[common, calendar_options],
        allow_abbrev=False,
    )
    add.add_argument("date", type=day, help="the start date, YYYY-MM-DD")
    add.add_argument("n", type=count, help="how many workdays (negative: count back)")
    span = ops.add_parser(
        "count",
        help="workdays after START up to and including END",
        parents=[common, calendar_options],
        allow_abbrev=False,
    )
    span.add_argument("start", type=day, help="the first date (not counted), YYYY-MM-DD")
    span.add_argument("end", type=day, help="the last date (counted), YYYY-MM-DD")

    for name, help_text in (
        ("demo", "evaluate the bundled sample portfolio (the main job)"),
        ("evaluate", "evaluate a portfolio JSON file against the catalog"),
    ):
        _judging_options(command(name, help_text), day, demo=name == "demo")
    command(
        "sample",
        "print the sample portfolio as JSON (the file format of evaluate)",
        calendar=False,
    )
    phrases = command("phrases", "every time phrase of a policy text, read", calendar=False)
    phrases.add_argument("file", help="a policy text, UTF-8 ('-' reads standard input)")
    phrases.add_argument(
        "--year", type=year, default=None, help="the year of phrases that name none (e.g. 2020)"
    )
    phrases.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a table (default) or JSON, one object a phrase",
    )
    from safetyduty import _cli_cases  # noqa: PLC0415 - cases and schema (issue 17)

    _cli_cases.add_commands(command)
    return parser


def _judging_options(sub: _Parser, day: Callable[[str], date], *, demo: bool) -> None:
    if demo:
        as_of_help = f"the date judged, YYYY-MM-DD (default: {_DEMO_AS_OF})"
        since_help = (
            "the first day of the periods judged (default: a year before --as-of, "
            f"but not before {_DEMO_FIRST}, when the sample's records begin)"
        )
    else:
        sub.add_argument(
            "file",
            help="the portfolio: a JSON file in the format `safetyduty sample` prints, "
            "a case file (.jsonl, one enterprise a line), or - for standard input",
        )
        as_of_help = "the date judged, YYYY-MM-DD (default: today in China)"
        since_help = "the first day of the periods judged (default: a year before --as-of)"
    sub.add_argument("--as-of", type=day, default=None, metavar="DATE", help=as_of_help)
    sub.add_argument(
        "--since",
        type=day,
        default=None,
        metavar="DATE",
        help=f"{since_help}; at most {_LONGEST_SPAN} years before --as-of",
    )
    sub.add_argument(
        "--all",
        action="store_true",
        help="list every item (by default each section shows 12 groups and counts the rest)",
    )
    from safetyduty import _cli_export  # noqa: PLC0415 - the output formats live there

    _cli_export.add_options(sub)


def _calendar_options(*, suppress: bool, dest_suffix: str = "") -> _Parser:
    options = _Parser(add_help=False, allow_abbrev=False)
    options.add_argument(
        "--estimate",
        dest=f"estimate{dest_suffix}",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="answer years after the newest holiday notice by estimate (labelled 推定)",
    )
    options.add_argument(
        "--holiday-file",
        dest=f"holiday_files{dest_suffix}",
        metavar="FILE",
        action="append",
        default=argparse.SUPPRESS if suppress else [],
        help="add a year's holiday notice from FILE (TOML as bundled, or holiday-cn JSON); "
        "repeat for several years",
    )
    return options


def _whole(value: str) -> int | None:
    """*value* as an int if it is written as one (ASCII digits, an optional sign)."""
    if re.fullmatch(r"[+-]?[0-9]{1,30}", value) is None:
        return None
    return int(value)


# ------------------------------------------------------------------ output


class _Console:
    """Writes text to a stream; characters its encoding lacks are replaced, not fatal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.replaced = False

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
        except UnicodeEncodeError:
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(text.encode(encoding, "replace").decode(encoding))
            self.replaced = True

    def line(self, text: str = "") -> None:
        self.write(text + "\n")

    def shows(self, text: str) -> bool:
        """Whether the stream's encoding can write *text* (a stream with none takes any)."""
        encoding = getattr(self.stream, "encoding", None)
        if not isinstance(encoding, str):
            return True
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", None) or "utf-8")

    def isatty(self) -> bool:
        try:
            return bool(self.stream.isatty())
        except (AttributeError, ValueError):
            return False


class _Output:
    """Where a command's output goes: the console, or a UTF-8 file written whole at the end."""

    def __init__(self, console: _Console, path: Path | None, locale: Locale) -> None:
        self.console = console
        self.path = path
        self.locale = locale
        self.buffer = io.StringIO() if path is not None else None

    def line(self, text: str = "") -> None:
        if self.buffer is not None:
            self.buffer.write(text + "\n")
        else:
            self.console.line(text)

    def lines(self, lines: Iterable[str]) -> None:
        for text in lines:
            self.line(text)

    def data(self, text: str, *, is_stdout: bool, as_json: bool = True) -> None:
        """A document (JSON, or CSV and iCalendar with ``as_json=False``): UTF-8 to a file or a pipe,
        the console's encoding to a terminal; a newline is added unless the text ends with one."""
        if not text.endswith("\n"):
            text += "\n"
        if self.buffer is not None:
            self.buffer.write(text)
            return
        stream = self.console.stream
        binary = getattr(stream, "buffer", None)
        if is_stdout and binary is not None and not self.console.isatty():
            stream.flush()
            binary.write(text.encode("utf-8"))
            binary.flush()
            return
        try:
            text.encode(self.console.encoding())
        except (UnicodeEncodeError, LookupError):
            if as_json:
                text = json.dumps(json.loads(text), ensure_ascii=True, indent=1) + "\n"
        self.console.write(text)

    def take_path(self) -> Path | None:
        """The output file, for a command that writes it itself (this object then writes none)."""
        path, self.path, self.buffer = self.path, None, None
        return path

    def close(self) -> None:
        if self.buffer is None or self.path is None:
            return
        target = self.path
        try:
            folder = target.resolve().parent
            import tempfile  # noqa: PLC0415 - only when writing a file

            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp", newline="\n"
            ) as handle:
                handle.write(self.buffer.getvalue())
            Path(handle.name).replace(target)
        except (OSError, ValueError) as exc:
            text = _messages(self.locale)["write"]
            raise _UsageError(text.format(path=target, error=_os_error(exc, self.locale))) from None


_ZH_OS_ERRORS: Final = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "只读文件系统",
}


def _os_error(exc: BaseException, locale: Locale) -> str:
    """The reason of an OS error in *locale* (Chinese for the common ones)."""
    if isinstance(exc, OSError):
        if locale == "zh_CN":
            return _ZH_OS_ERRORS.get(exc.errno or 0, f"系统错误{exc.errno}")
        if exc.strerror:
            return exc.strerror
    return str(exc)


class _Progress:
    """A one-line progress bar on a terminal, shown only when the work takes a while."""

    def __init__(
        self,
        console: _Console,
        label: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        after: float = _PROGRESS_AFTER,
    ) -> None:
        self.console = console
        self.label = label
        self.clock = clock
        self.started = clock()
        self.after = after
        self.last = -1.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.started < self.after or (now - self.last < 0.1 and done < total):  # noqa: PLR2004
            return
        self.last = now
        width = 30
        filled = width * done // total if total else width
        bar = "#" * filled + "-" * (width - filled)
        self.console.write(f"\r{self.label} [{bar}] {done}/{total}")
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.console.write("\r" + " " * 79 + "\r")
            self.shown = False


# ------------------------------------------------------------------- input


def _read_text(name: str, locale: Locale, stdin: IO[Any] | None) -> str:
    """The text of a file (``-``: standard input) as UTF-8, with or without a BOM."""
    text = _messages(locale)
    shown = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            source = stdin if stdin is not None else sys.stdin
            raw = getattr(source, "buffer", source).read(_MAX_BYTES + 1)
        else:
            with Path(name).open("rb") as handle:
                raw = handle.read(_MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise _UsageError(text["read"].format(path=shown, error=_os_error(exc, locale))) from None
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    if len(raw) > _MAX_BYTES:
        raise _UsageError(text["too_big"].format(path=shown, limit=_MAX_BYTES))
    try:
        return bytes(raw).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start]
        raise _UsageError(
            text["not_utf8"].format(path=shown, position=exc.start, byte=byte)
        ) from None


def _json(text: str, shown: str, locale: Locale) -> Any:
    messages = _messages(locale)
    try:
        return json.loads(text)
    except RecursionError:
        raise _UsageError(messages["too_deep"].format(path=shown)) from None
    except ValueError as exc:
        raise _UsageError(messages["not_json"].format(path=shown, error=exc)) from None


def _load_portfolio(name: str, locale: Locale, stdin: IO[Any] | None) -> Any:
    """The portfolio in a file: the document ``sample`` writes, or its bare ``data`` object."""
    from safetyduty import serde  # noqa: PLC0415 - loads the models' converters only when needed
    from safetyduty.models import Portfolio  # noqa: PLC0415

    shown = "<stdin>" if name == "-" else name
    text = _read_text(name, locale, stdin)
    document = _json(text, shown, locale)
    try:
        if isinstance(document, dict) and "schema_version" in document:
            return serde.loads(text, Portfolio)
        return serde.from_dict(document, Portfolio)
    except SafetyDutyError as exc:
        raise _UsageError(_messages(locale)["bad_input"].format(path=shown, error=exc)) from None
    except RecursionError:
        raise _UsageError(_messages(locale)["too_deep"].format(path=shown)) from None


def _calendar(args: argparse.Namespace, locale: Locale, stdin: IO[Any] | None) -> WorkCalendar:
    estimate = bool(getattr(args, "estimate_top", False) or getattr(args, "estimate", False))
    cal = default_calendar(estimate=estimate)
    files = [*getattr(args, "holiday_files_top", []), *getattr(args, "holiday_files", [])]
    for name in files:
        cal = cal.with_year(_holiday_file(name, locale, stdin))
    return cal


def _holiday_file(name: str, locale: Locale, stdin: IO[Any] | None) -> Any:
    text = _read_text(name, locale, stdin)
    shown = "<stdin>" if name == "-" else name
    try:
        if name.lower().endswith(".json") or text.lstrip().startswith("{"):
            return from_holiday_cn(_json(text, shown, locale))
        return parse_year(tomllib.loads(text), source=shown)
    except (SafetyDutyError, tomllib.TOMLDecodeError, RecursionError) as exc:
        message = _messages(locale)["holiday_file"]
        detail = "nested too deeply" if isinstance(exc, RecursionError) else exc
        raise _UsageError(message.format(path=shown, error=detail)) from None


# ---------------------------------------------------------------- commands


def _china_today() -> date:
    """Today's date in China, whatever the machine's time zone."""
    return datetime.now(_CHINA).date()


def _span(args: argparse.Namespace, locale: Locale, *, demo: bool) -> tuple[date, date | None]:
    as_of: date = args.as_of or (_DEMO_AS_OF if demo else _china_today())
    since: date | None = args.since
    text = _messages(locale)
    if since is not None:
        if since > as_of:
            raise _UsageError(text["span"].format(since=since, as_of=as_of))
        from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - only to judge a span

        if since < as_of - relativedelta(years=_LONGEST_SPAN):
            raise _UsageError(
                text["span_long"].format(since=since, as_of=as_of, years=_LONGEST_SPAN)
            )
    elif demo:
        from safetyduty._printing import default_since  # noqa: PLC0415

        since = max(default_since(as_of), _DEMO_FIRST) if as_of >= _DEMO_FIRST else None
    return as_of, since


def _run(
    args: argparse.Namespace,
    locale: Locale,
    output: _Output,
    err: _Console,
    stdin: IO[Any] | None,
    *,
    is_stdout: bool,
) -> None:
    if args.command == "sample":
        from safetyduty import serde  # noqa: PLC0415
        from safetyduty.catalog import sample_portfolio  # noqa: PLC0415

        output.data(serde.dumps(sample_portfolio(), indent=1), is_stdout=is_stdout)
        return
    if args.command == "phrases":
        from safetyduty import _cli_phrases  # noqa: PLC0415 - the phrase reader only when asked

        document = _read_text(args.file, locale, stdin)
        output.lines(_cli_phrases.lines(document, year=args.year, fmt=args.format, locale=locale))
        return
    if args.command in ("cases", "schema"):
        from safetyduty import _cli_cases  # noqa: PLC0415 - cases and schema (issue 17)

        _cli_cases.run(
            args,
            path=output.take_path(),
            load_portfolio=lambda name: _load_portfolio(name, locale, stdin),
            read_error=lambda name, exc: _UsageError(
                _messages(locale)["read"].format(path=name, error=_os_error(exc, locale))
            ),
            note=err.line,
            locale=locale,
            out=output.console.stream,
            stdin=stdin,
        )
        return
    cal = _calendar(args, locale, stdin)
    if args.command == "calendar":
        from safetyduty._calendar_lines import calendar_lines  # noqa: PLC0415 - the calendar only

        output.lines(calendar_lines(cal, args.year, locale))
    elif args.command in ("demo", "evaluate"):
        _judge(args, locale, output=output, err=err, stdin=stdin, cal=cal, is_stdout=is_stdout)
    elif args.op == "add":
        output.line(cal.add_workdays(args.date, args.n).isoformat())
    else:
        output.line(str(cal.workdays_between(args.start, args.end)))


def _judge(
    args: argparse.Namespace,
    locale: Locale,
    *,
    output: _Output,
    err: _Console,
    stdin: IO[Any] | None,
    cal: WorkCalendar,
    is_stdout: bool,
) -> None:
    """``demo`` and ``evaluate``: the text report, a document (``--format json|csv|ics|jsonl``),
    or the flat rows of a case file, streamed."""
    from safetyduty import _printing  # noqa: PLC0415 - loads the catalog only when needed

    as_of, since = _span(args, locale, demo=args.command == "demo")
    if args.command == "demo":
        from safetyduty.catalog import sample_portfolio  # noqa: PLC0415

        portfolio = sample_portfolio()
    else:
        portfolio = _evaluate_input(args, locale, output, stdin, cal, as_of=as_of, since=since)
        if portfolio is None:
            return
    progress = _Progress(err, _messages(locale)["progress"]) if err.isatty() else None
    if args.format != "text":
        _export(args, portfolio, output, (as_of, since, locale, cal, progress), is_stdout)
        return
    try:
        output.lines(
            _printing.portfolio_lines(
                portfolio,
                as_of=as_of,
                since=since,
                locale=locale,
                limit=None if args.all else 12,
                progress=progress,
            )
        )
    finally:
        if progress is not None:
            progress.finish()
    if args.command == "demo":
        output.lines(_calendar_example(cal, locale))


def _evaluate_input(
    args: argparse.Namespace,
    locale: Locale,
    output: _Output,
    stdin: IO[Any] | None,
    cal: WorkCalendar,
    *,
    as_of: date,
    since: date | None,
) -> Any:
    """The portfolio to report on; ``None`` once flat rows are written instead (issue 17)."""
    from safetyduty import _cli_cases  # noqa: PLC0415 - case files and flat rows

    try:
        lines, stdin = _cli_cases.open_cases(args.file, stdin)
    except OSError as exc:
        text = _messages(locale)["read"]
        raise _UsageError(text.format(path=args.file, error=_os_error(exc, locale))) from None
    if lines is not None and _cli_cases.is_rows(args):
        _cli_cases.run_evaluate(
            args,
            lines,
            as_of=as_of,
            since=since,
            calendar=cal,
            locale=locale,
            path=output.take_path(),
            out=output.console.stream,
        )
        return None
    if lines is not None:
        return _cli_cases.joined(lines)
    return _load_portfolio(args.file, locale, stdin)


def _export(
    args: argparse.Namespace,
    portfolio: Any,
    output: _Output,
    context: tuple[date, date | None, Locale, WorkCalendar, _Progress | None],
    is_stdout: bool,  # noqa: FBT001
) -> None:
    """``--format json|csv|ics``: the evaluation as one document (see :mod:`safetyduty._cli_export`)."""
    from safetyduty import _cli_export  # noqa: PLC0415
    from safetyduty.errors import MissingDependencyError  # noqa: PLC0415

    as_of, since, locale, cal, progress = context
    try:
        text = _cli_export.document(
            portfolio, fmt=args.format, as_of=as_of, since=since, locale=locale, calendar=cal,
            bom=args.bom, labels=args.labels, todo=args.todo, progress=progress,
        )  # fmt: skip
    except MissingDependencyError as exc:
        raise _UsageError(_cli_export.missing(exc, args.format, locale)) from None
    finally:
        if progress is not None:
            progress.finish()
    output.data(text, is_stdout=is_stdout, as_json=args.format == "json")


def _calendar_example(cal: WorkCalendar, locale: Locale) -> list[str]:
    published = date(2025, 9, 26)
    due = cal.add_workdays(published, 20)
    makeup = ", ".join(d.isoformat() for d in cal.workdays(published, due) if d.weekday() >= 5)  # noqa: PLR2004
    if locale == "en":
        return [
            "",
            f"Working days: an emergency plan published {published} is filed within 20 working days: {due}",
            f"  make-up workdays counted: {makeup}",
        ]
    return [
        "",
        f"工作日：应急预案{published}公布，20个工作日内备案，截止{due}",
        f"  计入的调休上班日：{makeup}",
    ]


def _usage_message(message: str, locale: Locale) -> str:
    """argparse's English message, in Chinese for zh_CN."""
    if locale == "en":
        return message
    for pattern, template in _ZH_ARGPARSE:
        found = re.match(pattern, message)
        if found:
            parts = [
                "、".join(_ZH_NAMES.get(name, name) for name in part.split(", "))
                for part in found.groups()
            ]
            return template.format(*parts)
    return message


def _coverage_message(exc: CalendarCoverageError, locale: Locale, *, estimate: bool) -> str:
    text = _messages(locale)
    message = text["coverage"].format(value=exc.value, first=exc.first, last=exc.last)
    if exc.value > exc.last and not estimate:
        message += text["coverage_hint"].format(year=exc.last.year + 1)
    return message


def _check_argv(argv: object) -> list[str] | None:
    if argv is None:
        return None
    if (
        isinstance(argv, (str, bytes))
        or not isinstance(argv, Sequence)
        or not all(isinstance(a, str) for a in argv)
    ):
        raise ValidationError("argv", argv, "must be a list of str")
    return list(argv)


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: IO[Any] | None = None,
) -> int:
    """Run the command line; return the exit code.

    Exit codes: 0 done; 2 bad arguments or input (one line on *err*); 1 an
    internal error (one line on *err*; please report it); 130 interrupted.
    A reader that goes away (``safetyduty demo | head``) ends the output
    quietly with code 0; *out* and :data:`sys.stdout` are left as they are.

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).
        out: where the output goes (default: :data:`sys.stdout`).
        err: where errors, notes and the progress bar go (default: :data:`sys.stderr`).
        stdin: what ``-`` reads (default: :data:`sys.stdin`).

    Raises:
        ValidationError: when *argv* is not a list of strings (a programming error,
            not a user's).

    Examples:
        >>> main(["workdays", "add", "2025-09-26", "20"])
        2025-10-30
        0
        >>> import io
        >>> main(["calendar", "99999"], err=io.StringIO())
        2
    """
    args_list = _check_argv(argv)
    words = sys.argv[1:] if args_list is None else args_list
    console = _Console(out if out is not None else sys.stdout)
    errors = _Console(err if err is not None else sys.stderr)
    locale = _locale_of(words, console, errors)
    try:
        _execute(words, locale, console, errors, stdin, is_stdout=out is None)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - each failure becomes one line and an exit code
        return _failure(exc, errors, locale, estimate="--estimate" in words)
    if console.replaced:
        errors.line(_messages(locale)["note"].format(encoding=console.encoding()))
    return 0


def _execute(
    words: list[str],
    locale: Locale,
    console: _Console,
    errors: _Console,
    stdin: IO[Any] | None,
    *,
    is_stdout: bool,
) -> None:
    try:
        args = _parser(locale).parse_args(words)
    except _Done as done:
        console.write(done.text)
        return
    if args.command is None:
        raise _UsageError(_messages(locale)["no_command"])
    output = _Output(console, getattr(args, "output", None), locale)
    _run(args, locale, output, errors, stdin, is_stdout=is_stdout)
    output.close()


def _failure(exc: Exception, errors: _Console, locale: Locale, *, estimate: bool) -> int:
    """Report *exc* in one line on *errors*; return the exit code."""
    text = _messages(locale)
    if isinstance(exc, BrokenPipeError):  # the reader (e.g. ``head``) went away: stop quietly
        return 0
    if isinstance(exc, _UsageError):
        message = _usage_message(str(exc), locale)
    elif isinstance(exc, CalendarCoverageError):
        message = _coverage_message(exc, locale, estimate=estimate)
    elif isinstance(exc, SafetyDutyError):
        message = str(exc)
    else:
        errors.line(text["internal"].format(kind=type(exc).__name__, error=_one_line(str(exc))))
        return 1
    errors.line(text["prefix"] + _one_line(message))
    return 2


def _one_line(text: str, limit: int = 2000) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def run() -> NoReturn:
    """The ``safetyduty`` console script and ``python -m safetyduty``: :func:`main`, then exit.

    When the reader of standard output has gone away, the process's standard
    output is pointed at the null device so that the interpreter's final
    flush stays quiet; :func:`main` itself never does that.

    Examples:
        >>> import sys
        >>> from safetyduty.cli import run
        >>> saved, sys.argv = sys.argv, ["safetyduty", "workdays", "add", "2025-09-26", "20"]
        >>> try:
        ...     run()
        ... except SystemExit as done:
        ...     print("exit code", done.code)
        ... finally:
        ...     sys.argv = saved
        2025-10-30
        exit code 0
    """
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(code)
