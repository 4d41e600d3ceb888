"""``safetyduty evaluate FILE --format text|json|csv|ics``: each format parsed back; errors are one line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import icalendar
import pytest

from safetyduty import catalog, export, serde
from safetyduty.cli import main
from safetyduty.rules.compliance import ROW_FIELDS, PortfolioReport

from .reports_sample import AS_OF, SINCE, sample_result

SPAN = ["--as-of", str(AS_OF), "--since", str(SINCE)]


@pytest.fixture(scope="module")
def portfolio_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample portfolio as `safetyduty sample` writes it."""
    path = tmp_path_factory.mktemp("cli") / "portfolio.json"
    path.write_text(serde.dumps(catalog.sample_portfolio()), encoding="utf-8")
    return path


def run(*argv: str) -> tuple[int, str, str]:
    """main() with captured output and errors."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> str:
    """The single error line of *err*, with no traceback."""
    lines = err.strip().splitlines()
    assert 1 == len(lines), err
    assert "Traceback" not in err
    return lines[0]


class TestFormats:
    """Each format, parsed back with its own parser."""

    def test_json_is_the_portfolio_report(self, portfolio_file: Path) -> None:
        """--format json: the PortfolioReport document, equal to the Python API's result."""
        code, out, err = run("evaluate", str(portfolio_file), *SPAN, "--format", "json")
        assert (0, "") == (code, err)
        assert "PortfolioReport" == json.loads(out)["type"]
        assert sample_result() == serde.loads(out, PortfolioReport)

    def test_csv(self, portfolio_file: Path) -> None:
        """--format csv: a header of ROW_FIELDS and a line per row, read by the csv module."""
        code, out, _ = run("evaluate", str(portfolio_file), *SPAN, "--format", "csv")
        assert 0 == code
        read = list(csv.DictReader(io.StringIO(out, newline="")))
        assert [f.name for f in ROW_FIELDS] == list(read[0])
        assert [r["obligation"] for r in sample_result().to_rows()] == [
            r["obligation"] for r in read
        ]
        assert not out.startswith("\ufeff")

    @pytest.mark.parametrize(
        ("locale", "header"), [("zh_CN", "统一社会信用代码"), ("en", "Unified social credit code")]
    )
    def test_csv_for_people(self, portfolio_file: Path, locale: str, header: str) -> None:
        """--labels: the CSV for people in the --locale language (export.to_csv(locale=...))."""
        code, out, _ = run(
            "evaluate",
            str(portfolio_file),
            *SPAN,
            "--format",
            "csv",
            "--labels",
            "--locale",
            locale,
        )
        assert 0 == code
        assert export.to_csv(sample_result().to_rows(), locale=locale) == out
        assert out.startswith(header + ",")

    def test_csv_with_bom_to_a_file(self, portfolio_file: Path, tmp_path: Path) -> None:
        """--bom -o FILE: the file starts with the UTF-8 BOM; utf-8-sig reads it."""
        target = tmp_path / "rows.csv"
        code, out, _ = run(
            "evaluate", str(portfolio_file), *SPAN, "--format", "csv", "--bom", "-o", str(target)
        )
        assert (0, "") == (code, out)
        data = target.read_bytes()
        assert data.startswith(b"\xef\xbb\xbfenterprise,")
        assert b"\r\n" in data
        assert not data.endswith(b"\r\n\n")
        with target.open(encoding="utf-8-sig", newline="") as handle:
            assert len(sample_result().to_rows()) == len(list(csv.DictReader(handle)))

    def test_ics(self, portfolio_file: Path, tmp_path: Path) -> None:
        """--format ics -o FILE: icalendar reads the events back, the same as to_ics()."""
        target = tmp_path / "due.ics"
        code, _, _ = run(
            "evaluate",
            str(portfolio_file),
            *SPAN,
            "--format",
            "ics",
            "--locale",
            "en",
            "-o",
            str(target),
        )
        assert 0 == code
        text = target.read_bytes().decode("utf-8")
        assert sample_result().to_ics(locale="en") == text  # CRLF line ends kept
        events = [c for c in icalendar.Calendar.from_ical(text).walk() if c.name == "VEVENT"]
        assert events
        assert all(str(e["SUMMARY"]).startswith("[") for e in events)

    def test_ics_to_dos(self, portfolio_file: Path) -> None:
        """--todo writes VTODO items."""
        code, out, _ = run("evaluate", str(portfolio_file), *SPAN, "--format", "ics", "--todo")
        assert 0 == code
        assert "BEGIN:VTODO" in out
        assert "BEGIN:VEVENT" not in out

    def test_text_stays_the_default(self, portfolio_file: Path) -> None:
        """Without --format: the text report, as before."""
        code, out, _ = run("evaluate", str(portfolio_file), *SPAN)
        assert 0 == code
        assert out.startswith("合规评估：20家企业")

    def test_demo_takes_the_formats(self) -> None:
        """demo --format json: the sample's evaluation, without the calendar example."""
        code, out, _ = run("demo", "--format", "json")
        assert 0 == code
        assert "PortfolioReport" == json.loads(out)["type"]


class TestErrors:
    """Bad formats and missing extras: one line, exit code 2."""

    def test_an_unknown_format(self, portfolio_file: Path) -> None:
        """One line, exit code 2, the choices named (in Chinese by default)."""
        code, out, err = run("evaluate", str(portfolio_file), "--format", "xml")
        assert (2, "") == (code, out)
        line = one_line(err)
        assert "'xml'" in line
        assert "csv" in line

    def test_without_icalendar(self, portfolio_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """The ics format without the extra: one line saying what to install, before any work."""
        import importlib.util  # noqa: PLC0415

        real = importlib.util.find_spec
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "icalendar" else real(name, *a),
        )
        for locale, words in (("zh_CN", "需要icalendar"), ("en", "needs icalendar")):
            code, out, err = run(
                "evaluate", str(portfolio_file), "--format", "ics", "--locale", locale
            )
            assert (2, "") == (code, out)
            line = one_line(err)
            assert words in line
            assert "safetyduty[ics]" in line

    def test_a_bad_file_is_still_one_line(self, tmp_path: Path) -> None:
        """A bad portfolio with --format csv: the usual one-line error."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"enterprises": [{"uscc": 1}]}', encoding="utf-8")
        code, out, err = run("evaluate", str(bad), "--format", "csv")
        assert (2, "") == (code, out)
        assert "uscc" in one_line(err)
