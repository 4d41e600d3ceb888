"""The command line driven by hypothesis: generated arguments and files, never a traceback.

Whatever the arguments and the files, ``main()`` returns 0 with some output,
or 2 with exactly one line on standard error (in the locale asked for);
where it answers, the answer is checked against the calendar.
"""

from __future__ import annotations

import io
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from safetyduty import cli, serde
from safetyduty.calendars import default_calendar
from safetyduty.cli import main
from safetyduty.testing import strategies

PREFIXES = ("safetyduty：错误：", "safetyduty: error: ")

DATES = st.one_of(
    st.dates(date(2003, 6, 1), date(2027, 6, 30)).map(str),
    st.dates().map(str),
    st.sampled_from(["2025-13-01", "2025-2-30", "20250101", "", "today", "２０２６-01-01"]),
)
NUMBERS = st.one_of(
    st.integers(-400, 400).map(str),
    st.integers(-(10**40), 10**40).map(str),
    st.sampled_from(["x", "1.5", "", "--", "1e3", "٣"]),
)
YEARS = st.one_of(
    st.integers(1990, 2060).map(str),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["二〇二六", "2026.0", "", "0x7e9"]),
)
JUNK = st.text(max_size=12)


@st.composite
def portfolio_files(draw: st.DrawFn) -> bytes:
    """A portfolio file as bytes: valid, mutated, re-encoded, or junk."""
    as_of = draw(st.dates(date(2005, 1, 1), date(2026, 6, 30)))
    portfolio = draw(strategies.portfolios(max_enterprises=2, max_facts=2, as_of=as_of))
    text = serde.dumps(portfolio)
    kind = draw(
        st.sampled_from(["valid", "bare", "bom", "gbk", "mutated", "deep", "junk", "empty"])
    )
    if kind == "bare":
        text = json.dumps(json.loads(text)["data"], ensure_ascii=False)
    elif kind == "mutated":
        document = json.loads(text)
        data = document["data"]
        key = draw(st.sampled_from(sorted(data)))
        data[key] = draw(
            st.one_of(
                st.none(),
                st.integers(),
                st.text(max_size=5),
                st.just(data[key] * 2 if isinstance(data[key], list) else data[key]),
                st.just([{"uscc": "914403001922038216"}]),
            )
        )
        text = json.dumps(document, ensure_ascii=False)
    elif kind == "deep":
        depth = draw(st.integers(100, 3000))
        text = (
            '{"schema_version": 1, "type": "Portfolio", "data": ' + "[" * depth + "]" * depth + "}"
        )
    elif kind == "junk":
        return draw(st.binary(max_size=64))
    elif kind == "empty":
        return b""
    if kind == "gbk":
        return text.encode("gbk", "replace")
    return (b"\xef\xbb\xbf" if kind == "bom" else b"") + text.encode("utf-8")


HOLIDAY_FILES = st.one_of(
    st.just(
        (
            "2027.json",
            b'{"year": 2027, "days": [{"name": "\\u5143\\u65e6", "date": "2027-01-01", "isOffDay": true}]}',
        )
    ),
    st.just(
        (
            "2027.toml",
            "year = 2027\n[[notices]]\ntitle = \"示例\"\n[[holidays]]\nfestivals = ['new_year']\n"
            "first = 2027-01-01\nlast = 2027-01-02\n".encode(),
        )
    ),
    st.tuples(st.sampled_from(["h.json", "h.toml", "h"]), st.binary(max_size=40)),
)


@st.composite
def commands(draw: st.DrawFn, folder: Path) -> list[str]:
    """A command and its arguments (a portfolio file written to *folder* for evaluate)."""
    command = draw(
        st.sampled_from(["calendar", "add", "count", "demo", "evaluate", "sample", "junk"])
    )
    if command == "calendar":
        return ["calendar", draw(YEARS)]
    if command == "add":
        return ["workdays", "add", draw(DATES), draw(NUMBERS)]
    if command == "count":
        return ["workdays", "count", draw(DATES), draw(DATES)]
    if command == "evaluate":
        path = folder / "portfolio.json"
        path.write_bytes(draw(portfolio_files()))
        return ["evaluate", draw(st.sampled_from([str(path), str(folder / "missing.json")]))]
    if command in ("demo", "sample"):
        return [command]
    return draw(st.lists(JUNK, max_size=3))


@st.composite
def option(draw: st.DrawFn, folder: Path, flag: str) -> list[str]:
    """One option with its value (a holiday file written to *folder*)."""
    if flag == "--locale":
        return [flag, draw(st.sampled_from(["zh_CN", "en", "fr"]))]
    if flag in ("--as-of", "--since"):
        return [flag, draw(DATES)]
    if flag == "--holiday-file":
        name, content = draw(HOLIDAY_FILES)
        (folder / name).write_bytes(content)
        return [flag, str(folder / name)]
    if flag == "-o":
        return [flag, str(folder / "out.txt")]
    if flag == "junk":
        return [draw(JUNK)]
    return [flag]


FLAGS = ["--estimate", "--locale", "--all", "--as-of", "--since", "--holiday-file", "-o", "junk"]


@st.composite
def command_lines(draw: st.DrawFn, folder: Path) -> list[str]:
    """A command line with options in random places and files written to *folder*."""
    words = draw(commands(folder))
    for flag in draw(st.lists(st.sampled_from(FLAGS), max_size=3, unique=True)):
        where = draw(st.integers(0, len(words)))
        words[where:where] = draw(option(folder, flag))
    return words


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_the_command_line_never_crashes(data: st.DataObject) -> None:
    """Exit 0 with output, or exit 2 with one line on stderr; answers agree with the calendar."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        argv = data.draw(command_lines(folder), label="argv")
        out, err = io.StringIO(), io.StringIO()
        code = main(argv, out=out, err=err, stdin=io.StringIO(""))
        event(f"exit {code}: {argv[0] if argv else ''}")
        errors = err.getvalue()
        assert "Traceback" not in errors
        if code == 2:
            lines = errors.splitlines()
            assert 1 == len(lines), errors
            assert lines[0].startswith(PREFIXES), errors
            return
        assert 0 == code, errors
        assert "" == errors
        written = folder / "out.txt"
        assert out.getvalue() or written.exists() or "--help" in argv
        _check_answer(argv, out.getvalue())


def _check_answer(argv: list[str], output: str) -> None:
    """A workdays answer agrees with the calendar's own arithmetic."""
    if "-o" in argv or "workdays" not in argv or "--holiday-file" in argv:
        return
    args = cli._parser("en").parse_args(argv)
    calendar = default_calendar(
        estimate=bool(getattr(args, "estimate", False)) or args.estimate_top
    )
    if args.op == "add":
        answer = date.fromisoformat(output.strip())
        assert calendar.is_workday(answer) or args.n == 0
        if args.n > 0:
            assert args.n == calendar.workdays_between(args.date, answer)
    else:
        assert calendar.workdays_between(args.start, args.end) == int(output.strip())
