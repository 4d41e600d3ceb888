"""The command line of the case layout and the schemas: ``cases split|join``, ``schema``, streaming ``evaluate``.

``safetyduty cases split PORTFOLIO`` writes a portfolio document as JSON
Lines, one enterprise a line; ``safetyduty cases join CASES.jsonl`` writes
the lines back as one portfolio document. ``safetyduty schema NAME`` prints
the JSON Schema of ``portfolio`` (the input of ``evaluate``), ``case`` (a
line), a model or a report (``ComplianceReport``, ``PortfolioReport``: what
``evaluate --format json`` writes). ``safetyduty evaluate FILE --format jsonl|csv`` writes the
flat rows (:data:`~safetyduty.rules.compliance.ROW_FIELDS`) as they are
made; with a case file (``.jsonl``/``.ndjson``, or standard input whose
first line is a case) it reads one line at a time, so memory stays flat
however many enterprises the file holds. With ``--format text`` a case file
is joined and reported as a portfolio is.

Examples:
    >>> import io, json
    >>> from safetyduty.cli import main
    >>> out = io.StringIO()
    >>> main(["schema", "case"], out=out)
    0
    >>> json.loads(out.getvalue())["$defs"]["Case"]["required"]
    ['enterprise']
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Final, TextIO

from safetyduty.errors import ValidationError

__all__ = ["add_commands", "is_rows", "open_cases", "run", "run_evaluate"]
_CASE_SUFFIXES: Final = (".jsonl", ".ndjson")

_NOTES: Final = {
    "zh_CN": {
        "left_out": "safetyduty：提示：组合中{authorities}个监管主体及其{records}条记录、{facts}条不属于任何企业的事实未写入案例文件",
    },
    "en": {
        "left_out": "safetyduty: note: {authorities} authorities with {records} records, and {facts} facts of no enterprise in the portfolio, are in no case",
    },
}


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add ``cases`` and ``schema`` to the parser through cli's *command* factory."""
    cases = command(
        "cases", "the case layout: a portfolio as JSON Lines, one enterprise a line", calendar=False
    )
    cases.add_argument(
        "op", choices=("split", "join"), help="split a portfolio into cases, or join cases into one"
    )
    cases.add_argument(
        "file",
        help="split: a portfolio JSON file; join: a JSON Lines file of cases ('-' reads standard input)",
    )
    schema = command(
        "schema",
        "the JSON Schema of the evaluate input, a case line, a model or a report",
        calendar=False,
    )
    schema.add_argument(
        "name",
        metavar="NAME",
        help="portfolio, case, a model (e.g. Enterprise) or a report (ComplianceReport, "
        "PortfolioReport); an unknown name is an error",
    )


def is_rows(args: argparse.Namespace) -> bool:
    """Whether ``evaluate`` writes flat rows (``csv``, ``jsonl``), which a case file streams."""
    return getattr(args, "format", "text") in ("csv", "jsonl")


def is_cases(name: str) -> bool:
    """Whether a file name says it holds cases (JSON Lines)."""
    return name.lower().endswith(_CASE_SUFFIXES)


# ------------------------------------------------------------------- output


class _Sink:
    """UTF-8 text to standard output, or to a file replaced whole once all is written."""

    def __init__(self, path: Path | None, out: TextIO) -> None:
        self.path = path
        self.handle: IO[str]
        if path is None:
            binary: Any = getattr(out, "buffer", None)
            use_binary = out is sys.stdout and binary is not None and not _isatty(out)
            self.handle = out
            if use_binary:  # UTF-8 to a file or a pipe, whatever the locale says
                self.handle = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
            self.wrapped = use_binary
            self.temp: Path | None = None
        else:
            folder = path.resolve().parent
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - open while the rows come
                "w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp", newline="\n"
            )
            self.handle, self.temp, self.wrapped = handle, Path(handle.name), False

    def close(self, *, ok: bool) -> None:
        if self.wrapped:
            self.handle.flush()
            self.handle.detach()  # type: ignore[attr-defined]
            return
        if self.temp is None:
            return
        self.handle.close()
        if ok and self.path is not None:
            self.temp.replace(self.path)
        else:
            self.temp.unlink(missing_ok=True)


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _writing(path: Path | None, out: TextIO, write: Callable[[IO[str]], None]) -> None:
    sink = _Sink(path, out)
    ok = False
    try:
        write(sink.handle)
        ok = True
    finally:
        sink.close(ok=ok)


# -------------------------------------------------------------------- input


def _binary_lines(name: str, stdin: IO[Any] | None) -> Iterator[bytes]:
    """The lines of a file (``-``: standard input) as bytes, one at a time.

    The file is opened at once, so that a missing one is an error here.
    """
    if name == "-":
        source = stdin if stdin is not None else sys.stdin
        return _encoded(getattr(source, "buffer", source))
    return _closing(Path(name).open("rb"))


def _encoded(stream: Iterable[bytes | str]) -> Iterator[bytes]:
    for line in stream:
        yield line if isinstance(line, bytes) else line.encode("utf-8")


def _closing(handle: IO[bytes]) -> Iterator[bytes]:
    with handle:
        yield from handle


def _looks_like_case(line: bytes) -> bool:
    try:
        data = json.loads(line.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "enterprise" in data


def open_cases(name: str, stdin: IO[Any] | None) -> tuple[Iterator[bytes] | None, IO[Any] | None]:
    """The lines of *name* if it holds cases, and what standard input is now.

    A file holds cases when its name ends in ``.jsonl`` or ``.ndjson``;
    standard input (``-``) when its first line that is not blank is a JSON
    object with an ``enterprise``. When standard input is not cases, what
    was read of it is given back as a stream for the portfolio reader.
    """
    if name != "-":
        return (_binary_lines(name, stdin) if is_cases(name) else None), stdin
    lines = _binary_lines(name, stdin)
    head: list[bytes] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if head and _looks_like_case(head[-1]):
        return itertools.chain(head, lines), stdin
    return None, io.BytesIO(b"".join(itertools.chain(head, lines)))


# ----------------------------------------------------------------- commands


def joined(lines: Iterable[bytes]) -> Any:
    """The portfolio of a case file, for the text report."""
    from safetyduty import cases  # noqa: PLC0415

    return cases.join(cases.read_cases(lines))


def run(
    args: argparse.Namespace,
    *,
    path: Path | None,
    load_portfolio: Callable[[str], Any],
    read_error: Callable[[str, BaseException], Exception],
    note: Callable[[str], None],
    locale: str,
    out: TextIO,
    stdin: IO[Any] | None,
) -> None:
    """``cases`` and ``schema``."""
    from safetyduty import cases, schema, serde  # noqa: PLC0415 - the catalog only when asked

    if args.command == "schema":
        names = schema.schema_names()
        if args.name not in names:
            raise ValidationError("NAME", args.name, f"must be one of {', '.join(names)}")
        text = json.dumps(schema.schema(args.name), ensure_ascii=False, indent=2)
        _writing(path, out, lambda handle: _write_text(handle, text))
        return
    if args.op == "split":
        portfolio = load_portfolio(args.file)
        left = portfolio.unmatched().total
        authorities = portfolio.authorities
        if left or authorities:
            codes = {a.uscc for a in authorities}
            records = sum(1 for r in portfolio.records if r.enterprise in codes)
            message = _NOTES["en" if locale == "en" else "zh_CN"]["left_out"]
            note(message.format(authorities=len(authorities), records=records, facts=left))

        def write_split(handle: IO[str]) -> None:
            for case in cases.split(portfolio):
                handle.write(cases.dump_case(case) + "\n")

        _writing(path, out, write_split)
        return
    try:
        lines = _binary_lines(args.file, stdin)
    except OSError as exc:
        raise read_error(args.file, exc) from None
    portfolio = cases.join(cases.read_cases(lines))
    document = serde.dumps(portfolio, indent=1)
    _writing(path, out, lambda handle: _write_text(handle, document))


def run_evaluate(
    args: argparse.Namespace,
    lines: Iterable[bytes],
    *,
    as_of: date,
    since: date | None,
    calendar: Any,
    locale: str,
    path: Path | None,
    out: TextIO,
) -> None:
    """``evaluate --format jsonl|csv``: the flat rows of a case file, streamed case by case
    (``--labels``: the CSV for people, in *locale*)."""
    from safetyduty import cases, export  # noqa: PLC0415 - the catalog only when asked

    rows = cases.evaluate_cases(lines, as_of=as_of, since=since, calendar=calendar)

    def write(handle: IO[str]) -> None:
        if args.format == "csv":
            export.write_csv(rows, handle, bom=args.bom, locale=locale if args.labels else None)
        else:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    _writing(path, out, write)


def _write_text(handle: IO[str], text: str) -> None:
    handle.write(text + "\n")
