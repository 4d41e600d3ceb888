"""The safetyduty command line."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from safetyduty.cli import main


def run(*argv: str) -> tuple[int, str]:
    """Run main() and capture stdout."""
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


class TestCommands:
    """Each sub-command's output."""

    def test_workdays_add(self) -> None:
        """20 workdays after 2025-09-26 skip the 国庆 break: 2025-10-30."""
        assert (0, "2025-10-30\n") == run("workdays", "add", "2025-09-26", "20")

    def test_workdays_add_backwards(self) -> None:
        """Negative counts go back."""
        assert (0, "2025-09-30\n") == run("workdays", "add", "2025-10-09", "-1")

    def test_workdays_count(self) -> None:
        """January 2026 has 21 workdays after 1 January (the 4th worked)."""
        assert (0, "21\n") == run("workdays", "count", "2026-01-01", "2026-01-31")

    def test_calendar_lists_breaks_and_makeup_days(self) -> None:
        """The year's listing names the notice and the 调休 days."""
        code, text = run("calendar", "2026")
        assert 0 == code
        assert "国办发明电〔2025〕7号" in text
        assert "2026-01-04  Sun  调休上班日" in text
        assert "2026-10-10" in text

    def test_calendar_in_english(self) -> None:
        """--locale en switches labels."""
        _, text = run("calendar", "2025", "--locale", "en")
        assert "National Day and Mid-Autumn Festival" in text

    def test_demo_runs(self) -> None:
        """The README's main job prints the worked example."""
        code, text = run("demo")
        assert 0 == code
        assert "2025-10-30" in text
        assert "2025-09-28, 2025-10-11" in text


class TestBadArguments:
    """Bad arguments: one line on stderr and exit code 2."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["workdays", "add", "2025-13-01", "3"],
            ["workdays", "add", "2025-01-01", "x"],
            ["workdays", "count", "2025-01-01"],
            ["calendar", "2027"],
            ["calendar", "2026", "--locale", "fr"],
            ["frobnicate"],
            [],
        ],
    )
    def test_exit_code_two_and_one_line(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """No traceback, no usage dump: one line naming the problem."""
        assert 2 == main(argv, out=io.StringIO())
        err = capsys.readouterr().err
        assert 1 == len(err.strip().splitlines())
        assert err.startswith("safetyduty: error: ")

    def test_python_dash_m(self) -> None:
        """python -m safetyduty works like the console script."""
        done = subprocess.run(
            [sys.executable, "-m", "safetyduty", "workdays", "add", "2026-01-03", "1"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "2026-01-04") == (done.returncode, done.stdout.strip())
