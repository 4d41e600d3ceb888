"""The safetyduty command line: commands, options, files, encodings and errors."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from safetyduty import _printing, catalog, cli, serde
from safetyduty.calendars import Festival, statutory_holidays
from safetyduty.catalog import sample_portfolio
from safetyduty.cli import main
from safetyduty.models import Enterprise, Industry, Person, Portfolio, Record, RecordKind, Role
from safetyduty.rules.compliance import evaluate

ROOT = Path(__file__).resolve().parents[1]
FIRM = Enterprise(
    uscc="914403001922038216", name="示例机械", industry=Industry.MACHINERY, region="441500",
    employees=150,
)  # fmt: skip
STRANGER = "91440300708461136T"
ZH_NAMES = {
    Festival.NEW_YEAR: "元旦",
    Festival.SPRING_FESTIVAL: "春节",
    Festival.TOMB_SWEEPING: "清明节",
    Festival.LABOUR_DAY: "劳动节",
    Festival.DRAGON_BOAT: "端午节",
    Festival.MID_AUTUMN: "中秋节",
    Festival.NATIONAL_DAY: "国庆节",
}


def holiday_cn_year(year: int) -> dict[str, object]:
    """A complete holiday-cn file: each statutory day off, no make-up workdays (a made-up notice)."""
    days = [
        {"name": ZH_NAMES[festivals[-1]], "date": day.isoformat(), "isOffDay": True}
        for day, festivals in statutory_holidays(year).items()
    ]
    return {"year": year, "papers": ["https://example.org/notice"], "days": days}


def toml_year(year: int) -> str:
    """A complete overlay file: a one-day break for each statutory day (a made-up notice)."""
    lines = [f"year = {year}", "[[notices]]", f'title = "示例：{year}年节假日安排"']
    for day, festivals in statutory_holidays(year).items():
        names = ", ".join(f'"{f.value}"' for f in festivals)
        lines += ["[[holidays]]", f"festivals = [{names}]", f"first = {day}", f"last = {day}"]
    return "\n".join(lines) + "\n"


HOLIDAY_CN_2027 = holiday_cn_year(2027)
TOML_2028 = toml_year(2028)


def run(*argv: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """main() with captured output and errors."""
    out, err = io.StringIO(), io.StringIO()
    source = io.TextIOWrapper(io.BytesIO(stdin)) if stdin is not None else None
    code = main(list(argv), out=out, err=err, stdin=source)
    return code, out.getvalue(), err.getvalue()


def one_error(err: str, prefix: str = "safetyduty：错误：") -> str:
    """The single error line in *err*."""
    lines = err.strip().splitlines()
    assert 1 == len(lines), err
    assert lines[0].startswith(prefix), err
    assert "Traceback" not in err
    return lines[0]


def subprocess_run(
    *argv: str,
    encoding: str = "utf-8",
    stdout: int | None = subprocess.PIPE,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m safetyduty`` with the console in *encoding*."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "safetyduty", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        check=False,
    )


def write_portfolio(path: Path, portfolio: Portfolio) -> Path:
    """*portfolio* as a JSON file."""
    path.write_text(serde.dumps(portfolio), encoding="utf-8")
    return path


class TestCommands:
    """Each sub-command's output."""

    def test_workdays_add(self) -> None:
        """20 workdays after 2025-09-26 skip the 国庆 break: 2025-10-30."""
        assert (0, "2025-10-30\n", "") == run("workdays", "add", "2025-09-26", "20")

    def test_workdays_add_backwards(self) -> None:
        """Negative counts go back."""
        assert (0, "2025-09-30\n", "") == run("workdays", "add", "2025-10-09", "-1")

    def test_workdays_count(self) -> None:
        """January 2026 has 21 workdays after 1 January (the 4th worked)."""
        assert (0, "21\n", "") == run("workdays", "count", "2026-01-01", "2026-01-31")

    def test_calendar_lists_breaks_and_makeup_days(self) -> None:
        """The year's listing names the notice and the 调休 days, weekdays in Chinese."""
        code, text, _ = run("calendar", "2026")
        assert 0 == code
        assert "国办发明电〔2025〕7号" in text
        assert "2026-01-04  周日  调休上班日  元旦（调休上班）" in text
        assert "2026-10-10" in text

    def test_calendar_in_english(self) -> None:
        """--locale en switches labels and weekday names."""
        _, text, _ = run("calendar", "2025", "--locale", "en")
        assert "National Day and Mid-Autumn Festival" in text
        assert "2025-10-01  Wed  statutory holiday" in text

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_calendar_columns_line_up(self, locale: str) -> None:
        """The third and fourth columns start at the same display column on every line."""
        _, text, _ = run("calendar", "2026", "--locale", locale)
        rows = [line for line in text.splitlines() if not line.startswith("#")]
        starts = set()
        for line in rows:
            cells = line.split("  ")
            cells = [c for c in cells if c]
            starts.add(_printing.display_width(line[: line.index(cells[3].lstrip())]))
        assert 1 == len(starts), starts

    def test_demo_runs(self) -> None:
        """The README's main job prints the worked example."""
        code, text, _ = run("demo")
        assert 0 == code
        assert "2025-10-30" in text
        assert "2025-09-28, 2025-10-11" in text

    def test_version(self) -> None:
        """--version prints the installed version."""
        import safetyduty  # noqa: PLC0415

        assert (0, f"safetyduty {safetyduty.__version__}\n", "") == run("--version")

    def test_help_goes_to_out(self) -> None:
        """--help is printed to the output given, with exit code 0."""
        code, text, err = run("evaluate", "--help")
        assert (0, "") == (code, err)
        assert "--holiday-file FILE" in text

    def test_every_argument_has_help(self) -> None:
        """No option or argument is left without a help text."""
        missing = []
        stack = [("safetyduty", cli._parser("en"))]
        while stack:
            name, parser = stack.pop()
            for action in parser._actions:
                if action.help is None:
                    missing.append(f"{name} {action.dest}")
                if isinstance(action, argparse._SubParsersAction):
                    stack.extend((f"{name} {sub}", child) for sub, child in action.choices.items())
        assert [] == missing


class TestIssue15Crashes:
    """Each crash of issue 15, now one line or a result."""

    def test_empty_portfolio(self, tmp_path: Path) -> None:
        """{"enterprises": []}: a report of nothing, no decimal.InvalidOperation."""
        path = write_portfolio(tmp_path / "p.json", Portfolio(enterprises=[]))
        code, text, err = run("evaluate", str(path), "--as-of", "2026-11-23")
        assert (0, "") == (code, err)
        assert "0家企业" in text
        assert "按期完成率：—" in text

    def test_bare_portfolio_object(self, tmp_path: Path) -> None:
        """The bare data object (without schema_version) is read too."""
        path = tmp_path / "p.json"
        path.write_text('{"enterprises": []}', encoding="utf-8")
        assert 0 == run("evaluate", str(path), "--as-of", "2026-11-23")[0]

    @pytest.mark.parametrize("year", ["99999", "0", "-5", "10000", "2026.5", "二〇二六"])
    def test_calendar_bad_years(self, year: str) -> None:
        """calendar 99999 / 0 / -5 / 10000: exit 2, one line naming the year."""
        code, _, err = run("calendar", year)
        assert 2 == code
        assert "年份" in one_error(err)

    @pytest.mark.parametrize(
        "argv",
        [
            ["calendar", "2027", "--estimate"],
            ["--estimate", "calendar", "2027"],
            ["workdays", "add", "2027-03-01", "1", "--estimate"],
            ["workdays", "--estimate", "count", "2027-01-01", "2027-02-01"],
        ],
    )
    def test_estimate_wherever_it_stands(self, argv: list[str]) -> None:
        """--estimate works before or after the command's name."""
        code, text, err = run(*argv)
        assert (0, "") == (code, err)
        assert text

    def test_coverage_error_names_the_command_line_way_out(self) -> None:
        """No with_year() for a command-line user: --holiday-file or --estimate."""
        for locale, prefix in (("zh_CN", "safetyduty：错误："), ("en", "safetyduty: error: ")):
            code, _, err = run("calendar", "2027", "--locale", locale)
            line = one_error(err, prefix)
            assert 2 == code
            assert "--holiday-file" in line
            assert "--estimate" in line
            assert "with_year" not in line

    def test_holiday_files_toml_and_json_repeatable(self, tmp_path: Path) -> None:
        """2027 from holiday-cn JSON and 2028 from TOML, given before and after the command."""
        json_file = tmp_path / "2027.json"
        json_file.write_text(json.dumps(HOLIDAY_CN_2027, ensure_ascii=False), encoding="utf-8")
        toml_file = tmp_path / "2028.toml"
        toml_file.write_bytes(b"\xef\xbb\xbf" + TOML_2028.encode("utf-8"))  # with a BOM
        code, text, err = run(
            "--holiday-file", str(json_file), "calendar", "2028", "--holiday-file", str(toml_file)
        )
        assert (0, "") == (code, err)
        assert "2028-01-01" in text
        code, text, _ = run("workdays", "add", "2026-12-31", "1", "--holiday-file", str(json_file))
        assert (0, "2027-01-04\n") == (code, text)

    def test_bad_holiday_file(self, tmp_path: Path) -> None:
        """A holiday file that is not one: one line naming it."""
        path = tmp_path / "x.toml"
        path.write_text("year = 'soon'", encoding="utf-8")
        code, _, err = run("calendar", "2027", "--holiday-file", str(path))
        assert 2 == code
        assert "x.toml" in one_error(err)

    def test_gbk_console_sample_then_evaluate(self, tmp_path: Path) -> None:
        """Under a GBK console, sample > p.json then evaluate p.json works (the JSON is UTF-8)."""
        path = tmp_path / "p.json"
        with path.open("wb") as handle:
            done = subprocess_run("sample", encoding="gbk", stdout=handle.fileno())
        assert 0 == done.returncode, done.stderr
        assert json.loads(path.read_text(encoding="utf-8"))["type"] == "Portfolio"
        done = subprocess_run("evaluate", str(path), "--as-of", "2026-11-23", encoding="gbk")
        assert 0 == done.returncode, done.stderr
        assert "合规评估".encode("gbk") in done.stdout

    @pytest.mark.parametrize(
        "argv",
        [
            ["calendar", "2026"],
            ["demo"],
            ["sample"],
            ["workdays", "add", "2025-09-26", "20"],
            ["calendar", "2027"],
            ["evaluate", "missing-文件.json"],
        ],
    )
    def test_cp1252_console_never_crashes(self, argv: list[str]) -> None:
        """Under cp1252 every command runs or fails with one line; the output degrades."""
        done = subprocess_run(*argv, encoding="cp1252")
        err = done.stderr.decode("cp1252")
        assert done.returncode in (0, 2), err
        assert "Traceback" not in err
        if done.returncode == 2:
            one_error(err, "safetyduty: error: ")  # a console without Chinese: English
        else:
            assert done.stdout

    def test_demo_far_future_as_of(self) -> None:
        """demo --as-of 9999-12-31: one line, not a ValueError traceback."""
        code, _, err = run("demo", "--as-of", "9999-12-31")
        assert 2 == code
        assert "--as-of" in one_error(err)

    def test_json_nested_1000_deep(self, tmp_path: Path) -> None:
        """evaluate on JSON nested 1,000 deep: one line, not a RecursionError."""
        path = tmp_path / "deep.json"
        path.write_text(
            '{"schema_version": 1, "type": "Portfolio", "data": ' + "[" * 1000 + "]" * 1000 + "}",
            encoding="utf-8",
        )
        code, _, err = run("evaluate", str(path))
        assert 2 == code
        assert "deep.json" in one_error(err)

    def test_duplicate_codes_name_both_paths(self, tmp_path: Path) -> None:
        """The issue's "21家企业" with a code twice: exit 2 naming both enterprises."""
        document = json.loads(serde.dumps(Portfolio(enterprises=[FIRM])))
        document["data"]["enterprises"].append(document["data"]["enterprises"][0])
        path = tmp_path / "p.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        code, _, err = run("evaluate", str(path))
        line = one_error(err)
        assert 2 == code
        assert "enterprises[1].uscc" in line
        assert "enterprises[0].uscc" in line

    def test_unmatched_records_are_printed(self, tmp_path: Path) -> None:
        """Records of a code not in the portfolio are counted on screen, not dropped silently."""
        stray = [
            Record(id=f"s{i}", kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 1), enterprise=STRANGER)
            for i in range(3)
        ]
        path = write_portfolio(tmp_path / "p.json", Portfolio(enterprises=[FIRM], records=stray))
        code, text, _ = run("evaluate", str(path), "--as-of", "2026-11-23")
        assert 0 == code
        assert "3条记录" in text
        assert STRANGER in text
        assert "s0, s1, s2" in text
        _, text, _ = run("evaluate", str(path), "--as-of", "2026-11-23", "--locale", "en")
        assert "Not counted: 3 records" in text


class TestFiles:
    """Files are UTF-8 (a BOM accepted); stdin is -; -o writes a file."""

    def test_bom_accepted(self, tmp_path: Path) -> None:
        """A file saved with a byte order mark reads as without."""
        path = tmp_path / "p.json"
        path.write_bytes(b"\xef\xbb\xbf" + serde.dumps(Portfolio(enterprises=[FIRM])).encode())
        assert 0 == run("evaluate", str(path), "--as-of", "2026-11-23")[0]

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A GBK file: one line saying it is not UTF-8."""
        path = tmp_path / "p.json"
        path.write_bytes(serde.dumps(Portfolio(enterprises=[FIRM])).encode("gbk"))
        code, _, err = run("evaluate", str(path))
        assert 2 == code
        assert "UTF-8" in one_error(err)

    def test_stdin(self) -> None:
        """evaluate - reads the portfolio from standard input."""
        data = serde.dumps(Portfolio(enterprises=[FIRM])).encode("utf-8")
        code, text, err = run("evaluate", "-", "--as-of", "2026-11-23", stdin=data)
        assert (0, "") == (code, err)
        assert "示例机械" in text or "1家企业" in text

    def test_output_file(self, tmp_path: Path) -> None:
        """-o FILE writes UTF-8 there and nothing to the console."""
        target = tmp_path / "out.json"
        assert (0, "", "") == run("sample", "-o", str(target))
        assert sample_portfolio() == serde.loads(target.read_text(encoding="utf-8"), Portfolio)
        report = tmp_path / "report.txt"
        assert (0, "", "") == run("demo", "--locale", "en", "-o", str(report))
        assert report.read_text(encoding="utf-8").startswith("Compliance of 20 enterprises")

    def test_output_file_not_written_on_error(self, tmp_path: Path) -> None:
        """A failed command leaves no half-written file."""
        target = tmp_path / "out.txt"
        assert 2 == run("calendar", "2027", "-o", str(target))[0]
        assert not target.exists()

    def test_unwritable_output(self, tmp_path: Path) -> None:
        """-o into a missing folder: one line."""
        code, _, err = run("sample", "-o", str(tmp_path / "no" / "such" / "out.json"))
        assert 2 == code
        one_error(err)


class TestReport:
    """What the portfolio report shows."""

    def test_all_lists_every_overdue_item(self) -> None:
        """--all: no "……另有" line; the 13 overdue items are all there."""
        _, text, _ = run("demo", "--all")
        assert "另有" not in text
        section = text.split("逾期未完成（13项）")[1].split("\n\n")[0]
        counts = [int(n) for n in re.findall(r"（共(\d+)期）", section)]
        lines = section.strip().splitlines()
        assert 13 == len(lines) - len(counts) + sum(counts)

    def test_truncation_counts_items(self) -> None:
        """When truncated, the rest is counted in items, not lines."""
        _, text, _ = run("demo")
        section = text.split("逾期未完成（13项）")[1].split("\n\n")[0]
        lines = section.strip().splitlines()
        shown = lines[:-1]
        counts = [int(n) for n in re.findall(r"（共(\d+)期）", "\n".join(shown))]
        in_view = len(shown) - len(counts) + sum(counts)
        hidden = int(re.findall(r"另有(\d+)项", lines[-1])[0])
        assert 13 == in_view + hidden

    def test_people_shown_by_name(self) -> None:
        """A person's row shows the name, not the id."""
        _, text, _ = run("demo", "--all")
        assert "海丰新员工" in text
        assert "-worker]" not in text
        assert "-worker）" not in text

    def test_since_defaults_like_the_api(self, tmp_path: Path) -> None:
        """Without --since, the periods start a year before --as-of, as evaluate() does."""
        path = write_portfolio(tmp_path / "p.json", Portfolio(enterprises=[FIRM]))
        as_of = date(2026, 6, 30)
        api = evaluate(FIRM, [], as_of=as_of).since
        _, text, _ = run("evaluate", str(path), "--as-of", str(as_of))
        assert f"（自{api}起）" in text.splitlines()[0]
        assert api == _printing.default_since(as_of)

    def test_as_of_defaults_to_today_in_china(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without --as-of, the date judged is China's today."""
        path = write_portfolio(tmp_path / "p.json", Portfolio(enterprises=[FIRM]))
        monkeypatch.setattr(cli, "_china_today", lambda: date(2026, 3, 4))
        _, text, _ = run("evaluate", str(path))
        assert "截至2026-03-04" in text

    def test_china_today_ignores_the_process_time_zone(self) -> None:
        """TZ=Etc/GMT+12 (20 hours behind China) does not change the date judged."""
        code = "from safetyduty import cli; print(cli._china_today())"
        env = {**os.environ, "TZ": "Etc/GMT+12"}
        from datetime import datetime, timedelta, timezone  # noqa: PLC0415

        china = timezone(timedelta(hours=8))
        before = datetime.now(china).date()
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        after = datetime.now(china).date()
        assert done.stdout.strip() in (str(before), str(after))

    def test_progress_bar_on_a_terminal(self) -> None:
        """A terminal on stderr gets a progress bar (cleared at the end); a file does not."""

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        console = cli._Console(Terminal())
        progress = cli._Progress(console, "评估中", after=0.0)
        for done in range(1, 6):
            progress(done, 5)
        progress.finish()
        shown = console.stream.getvalue()
        assert "评估中 [" in shown
        assert "5/5" in shown
        assert shown.endswith("\r")
        code, _, err = run("demo")
        assert (0, "") == (code, err)

    def test_progress_counts_every_enterprise(self) -> None:
        """portfolio_lines calls the progress callback once per report."""
        calls: list[tuple[int, int]] = []
        list(
            _printing.portfolio_lines(
                sample_portfolio(),
                as_of=date(2026, 11, 23),
                since=None,
                locale="en",
                progress=lambda done, total: calls.append((done, total)),
            )
        )
        assert [(n, 20) for n in range(1, 21)] == calls


class TestBadArguments:
    """Bad arguments: one line on stderr and exit code 2."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["workdays", "add", "2025-13-01", "3"],
            ["workdays", "add", "2025-01-01", "x"],
            ["workdays", "count", "2025-01-01"],
            ["workdays"],
            ["calendar", "2027"],
            ["calendar", "2026", "--locale", "fr"],
            ["frobnicate"],
            [],
            ["evaluate"],
            ["evaluate", "/no/such/file.json"],
            ["demo", "--since", "2026-12-01"],
            ["demo", "--since", "2001-01-01"],
            ["demo", "--as-of", "0001-01-01"],
            ["demo", "--unknown"],
            ["workdays", "add", "2025-01-01", "9" * 31],
        ],
    )
    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_exit_code_two_and_one_line(self, argv: list[str], locale: str) -> None:
        """No traceback, no usage dump: one line naming the problem, in the locale asked for."""
        words = [*argv, "--locale", locale] if argv and locale == "en" else argv
        code, _, err = run(*words)
        assert 2 == code
        prefix = "safetyduty: error: " if words != argv else "safetyduty：错误："
        one_error(err, prefix)

    def test_python_dash_m(self) -> None:
        """python -m safetyduty works like the console script."""
        done = subprocess.run(
            [sys.executable, "-m", "safetyduty", "workdays", "add", "2026-01-03", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "2026-01-04") == (done.returncode, done.stdout.strip())

    def test_broken_pipe_leaves_sys_stdout_alone(self) -> None:
        """A reader that goes away ends quietly; the caller's sys.stdout is not replaced."""

        class Closed(io.StringIO):
            def write(self, text: str) -> int:
                raise BrokenPipeError

        before = sys.stdout
        assert 0 == main(["calendar", "2026"], out=Closed(), err=io.StringIO())
        assert sys.stdout is before

    def test_broken_pipe_from_the_shell(self) -> None:
        """safetyduty demo | head -1: no "Exception ignored" noise."""
        writer = subprocess.Popen(
            [sys.executable, "-m", "safetyduty", "demo", "--all"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert writer.stdout is not None
        assert writer.stderr is not None
        head = subprocess.run(
            ["head", "-1"],  # noqa: S607 - the pipe of the issue, as a shell would run it
            stdin=writer.stdout,
            capture_output=True,
            check=False,
        )
        writer.stdout.close()
        stderr = writer.stderr.read()
        writer.stderr.close()
        assert 0 == writer.wait()
        done = subprocess.CompletedProcess(head.args, head.returncode, head.stdout, stderr)
        assert b"" == done.stderr
        assert done.stdout.decode("utf-8").startswith("合规评估")

    def test_internal_errors_are_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An unexpected exception (a bug) is one line and exit code 1, never a traceback."""

        def broken(*args: object, **kwargs: object) -> None:
            raise ZeroDivisionError("boom")

        monkeypatch.setattr(cli, "_run", broken)
        code, _, err = run("demo")
        assert 1 == code
        assert "ZeroDivisionError" in err
        assert 1 == len(err.strip().splitlines())


class TestOneLanguage:
    """zh_CN output is Chinese, en output English, in what the command line itself writes."""

    LATIN = re.compile(r"[A-Za-z]{2,}")
    CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

    def zh_leftovers(self, text: str, allowed: list[str]) -> list[str]:
        """Latin words that are not codes, ids, dates or option names."""
        for word in sorted(allowed, key=len, reverse=True):
            text = text.replace(word, " ")
        codes = r"--[a-z-]+|-o|YYYY-MM-DD|TOML|JSON|UTF-8|holiday-cn|safetyduty"
        commands = (
            r"calendar|workdays|demo|evaluate|sample|phrases|cases|schema|split|join|add|count"
        )
        text = re.sub(rf"{codes}|(?<![A-Za-z])(?:{commands})(?![A-Za-z])", " ", text)
        return self.LATIN.findall(text)

    def en_leftovers(self, text: str, allowed: list[str]) -> list[str]:
        """CJK characters outside proper names and citations."""
        for word in sorted(allowed, key=len, reverse=True):
            text = text.replace(word, " ")
        return self.CJK.findall(text)

    def names(self, portfolio: Portfolio) -> list[str]:
        """Proper names and ids of a portfolio."""
        found = [e.name for e in portfolio.enterprises] + [p.name for p in portfolio.people]
        found += [e.uscc for e in portfolio.enterprises] + [a.name for a in portfolio.authorities]
        found += [h.id for h in portfolio.hazards] + [r.id for r in portfolio.records]
        return found

    def test_calendar_zh(self) -> None:
        """The Chinese calendar: no English weekday or label."""
        _, text, _ = run("calendar", "2026")
        assert [] == self.zh_leftovers(text, [])

    def test_calendar_en(self) -> None:
        """The English calendar: Chinese only in the notices' citations."""
        _, text, _ = run("calendar", "2026", "--locale", "en")
        body = [line for line in text.splitlines() if not line.startswith("# ")]
        assert [] == self.en_leftovers("\n".join(body), [])

    def test_empty_report_zh_and_en(self, tmp_path: Path) -> None:
        """The report's own frame is in one language."""
        path = write_portfolio(tmp_path / "p.json", Portfolio(enterprises=[]))
        _, text, _ = run("evaluate", str(path), "--as-of", "2026-11-23")
        assert [] == self.zh_leftovers(text, [])
        _, text, _ = run("evaluate", str(path), "--as-of", "2026-11-23", "--locale", "en")
        plans = [p.title for p in catalog.plans()] + [p.jurisdiction.name for p in catalog.plans()]
        assert [] == self.en_leftovers(text, plans)  # plan titles and places are proper names

    @pytest.mark.parametrize(
        "argv",
        [
            ["calendar", "99999"],
            ["calendar", "2027"],
            ["workdays", "add", "2025-13-01", "3"],
            ["workdays"],
            ["frobnicate"],
            [],
            ["demo", "--since", "2001-01-01"],
            ["evaluate", "/no/such/file.json"],
        ],
    )
    def test_command_line_errors(self, argv: list[str]) -> None:
        """The command line's own errors are Chinese with zh_CN and English with en."""
        _, _, err = run(*argv)
        assert [] == self.zh_leftovers(err, ["/no/such/file.json", "frobnicate"])
        _, _, err = run(*argv, "--locale", "en")
        assert [] == self.en_leftovers(err, [])

    def test_demo_zh(self) -> None:
        """Every word of the Chinese demo is Chinese."""
        _, text, _ = run("demo", "--all")
        assert [] == self.zh_leftovers(text, self.names(sample_portfolio()))

    def test_demo_en(self) -> None:
        """Every word of the English demo is English, but names and citations."""
        _, text, _ = run("demo", "--all", "--locale", "en")
        plans = [p.title for p in catalog.plans()] + [p.jurisdiction.name for p in catalog.plans()]
        assert [] == self.en_leftovers(text, self.names(sample_portfolio()) + plans)

    def test_person_names_are_allowed_in_english(self) -> None:
        """Names are proper names: kept as written in an English report."""
        boss = Person(id="p1", name="张三", role=Role.PRINCIPAL, enterprise=FIRM.uscc)
        assert [] == self.en_leftovers("Training [张三]", [boss.name])
