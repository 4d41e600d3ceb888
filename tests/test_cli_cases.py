"""The command line of the case layout: cases split|join, schema, evaluate --format jsonl|csv."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from safetyduty import cases, catalog, export, serde
from safetyduty.cli import main
from safetyduty.models import Authority, Portfolio, Subject
from safetyduty.rules.compliance import ROW_FIELDS, rows_of

ROOT = Path(__file__).resolve().parents[1]
AS_OF = ["--as-of", "2026-11-23", "--since", "2026-01-01"]


def run(*argv: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err, stdin=None if stdin is None else io.BytesIO(stdin))
    return code, out.getvalue(), err.getvalue()


@cache
def plain_rows() -> list[dict[str, Any]]:
    sample = catalog.sample_portfolio()
    return rows_of(
        catalog.evaluate_many(
            sample.enterprises, sample.records, as_of=date(2026, 11, 23), since=date(2026, 1, 1),
            hazards=sample.hazards, accidents=sample.accidents, people=sample.people,
        )
    )  # fmt: skip


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    portfolio = tmp_path / "portfolio.json"
    portfolio.write_text(serde.dumps(catalog.sample_portfolio()), encoding="utf-8")
    lines = tmp_path / "cases.jsonl"
    assert (0, "", "") == run("cases", "split", str(portfolio), "-o", str(lines))
    return portfolio, lines


class TestSplitJoin:
    """cases split and cases join."""

    def test_split_writes_a_line_per_enterprise(self, files: tuple[Path, Path]) -> None:
        _, lines = files
        text = lines.read_text(encoding="utf-8").splitlines()
        assert [cases.dump_case(c) for c in cases.split(catalog.sample_portfolio())] == text

    def test_join_gives_the_portfolio_back(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        _, lines = files
        code, out, _ = run("cases", "join", str(lines))
        assert 0 == code
        again = serde.loads(out, Portfolio)
        assert again == cases.join(cases.split(catalog.sample_portfolio()))
        code, out, _ = run("cases", "join", "-", stdin=lines.read_bytes())
        assert (0, again) == (code, serde.loads(out, Portfolio))

    @pytest.mark.parametrize(
        ("locale", "words"), [("zh_CN", "个监管主体"), ("en", "1 authorities")]
    )
    def test_split_says_what_it_leaves_out(self, tmp_path: Path, locale: str, words: str) -> None:
        body = Authority(
            uscc="114415000070431508", name="海丰县应急管理局",
            subject=Subject.REGULATOR_COUNTY, region="441521",
        )  # fmt: skip
        sample = catalog.sample_portfolio()
        path = tmp_path / "p.json"
        path.write_text(
            serde.dumps(Portfolio(enterprises=sample.enterprises[:2], authorities=[body]))
        )
        code, out, err = run("cases", "split", str(path), "--locale", locale)
        assert (0, 2) == (code, len(out.splitlines()))
        assert words in err

    def test_a_bad_line_is_named_and_no_file_is_left(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        _, lines = files
        broken = tmp_path / "broken.jsonl"
        good = lines.read_text(encoding="utf-8").splitlines()
        broken.write_text(
            "\n".join([good[0], "", good[1].replace('"employees":', '"staff":')]) + "\n"
        )
        target = tmp_path / "out.json"
        code, _, err = run("cases", "join", str(broken), "-o", str(target), "--locale", "en")
        assert 2 == code
        assert err.startswith("safetyduty: error: line 3: must be a valid case")
        assert not target.exists()
        assert [] == list(tmp_path.glob("*.tmp"))

    def test_a_missing_file(self, tmp_path: Path) -> None:
        code, _, err = run("cases", "join", str(tmp_path / "none.jsonl"), "--locale", "en")
        assert 2 == code
        assert "cannot read" in err


class TestEvaluateRows:
    """evaluate --format jsonl|csv: the plain rows, from a case file or a portfolio."""

    def test_jsonl_from_cases_and_from_the_portfolio(self, files: tuple[Path, Path]) -> None:
        portfolio, lines = files
        for source in (lines, portfolio):
            code, out, _ = run("evaluate", str(source), *AS_OF, "--format", "jsonl")
            assert 0 == code
            assert plain_rows() == [json.loads(line) for line in out.splitlines()]

    def test_csv_for_people_streams_too(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        """--labels with a case file: the same CSV for people as from the rows at once."""
        _, lines = files
        target = tmp_path / "rows.csv"
        command = ("evaluate", str(lines), *AS_OF, "--format", "csv", "--labels", "--locale", "en")
        assert 0 == run(*command, "-o", str(target))[0]
        with target.open(encoding="utf-8", newline="") as handle:
            assert export.to_csv(plain_rows(), locale="en") == handle.read()

    def test_csv_reads_back_with_the_csv_module(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        _, lines = files
        target = tmp_path / "rows.csv"
        assert 0 == run("evaluate", str(lines), *AS_OF, "--format", "csv", "-o", str(target))[0]
        with target.open(encoding="utf-8", newline="") as handle:
            read = list(csv.DictReader(handle))
        assert [f.name for f in ROW_FIELDS] == list(read[0])
        expected = [
            {
                k: "" if v is None else ("true" if v is True else "false" if v is False else str(v))
                for k, v in row.items()
            }
            for row in plain_rows()
        ]
        assert expected == read

    def test_standard_input_holding_cases_or_a_portfolio(self, files: tuple[Path, Path]) -> None:
        portfolio, lines = files
        for source in (lines, portfolio):
            code, out, _ = run(
                "evaluate", "-", *AS_OF, "--format", "jsonl", stdin=b"\n" + source.read_bytes()
            )
            assert 0 == code
            assert len(plain_rows()) == len(out.splitlines())

    def test_text_report_of_a_case_file_is_the_portfolio_s(self, files: tuple[Path, Path]) -> None:
        portfolio, lines = files
        by_cases = run("evaluate", str(lines), *AS_OF, "--locale", "en")
        by_portfolio = run("evaluate", str(portfolio), *AS_OF, "--locale", "en")
        assert 0 == by_cases[0]
        assert by_portfolio == by_cases

    def test_a_bad_line_midway_stops_with_its_number(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        _, lines = files
        broken = tmp_path / "broken.jsonl"
        good = lines.read_text(encoding="utf-8").splitlines()
        broken.write_text("\n".join([*good[:3], "{oops", *good[3:]]) + "\n")
        code, _, err = run("evaluate", str(broken), *AS_OF, "--format", "jsonl")
        assert 2 == code
        assert err.startswith("safetyduty：错误：line 4: must be JSON")


class TestSchemaCommand:
    """safetyduty schema NAME."""

    def test_the_portfolio_schema_validates_the_sample(self) -> None:
        code, out, _ = run("schema", "portfolio")
        assert 0 == code
        jsonschema.validate(json.loads(serde.dumps(catalog.sample_portfolio())), json.loads(out))

    def test_a_model_schema(self) -> None:
        code, out, _ = run("schema", "Enterprise")
        assert (0, "#/$defs/Enterprise") == (code, json.loads(out)["$ref"])

    def test_the_report_schema_validates_what_evaluate_writes(self) -> None:
        code, out, _ = run("schema", "PortfolioReport")
        assert 0 == code
        code, written, _ = run("demo", "--format", "json", *AS_OF)
        assert 0 == code
        jsonschema.validate(json.loads(written), json.loads(out))

    def test_an_unknown_name(self) -> None:
        code, _, err = run("schema", "enterprise", "--locale", "en")
        assert 2 == code
        assert "NAME: must be one of portfolio, case" in err
        assert "Enterprise" in err


def test_the_streaming_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    """A smoke test: the benchmark's command line works; no timing or memory is asserted."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_stream.py"), "--size", "30", "--steps", "2",
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert 0 == done.returncode, done.stderr
    table = done.stdout.splitlines()[2:]
    assert ["3", "30"] == [line.split()[0] for line in table]
