"""The examples run and say what their docstrings promise."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from safetyduty import catalog

EXAMPLES = Path(__file__).parent.parent / "examples"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_filing_deadline_skips_the_national_day_break(capsys: pytest.CaptureFixture[str]) -> None:
    load("filing_deadline").main(date(2025, 9, 26))
    out = capsys.readouterr().out
    assert out.startswith("published 2025-09-26, due 2025-10-30 (20 workdays)")
    assert "2025-10-11 调休上班日" in out


def test_weekly_digest_lists_each_enterprise_with_something_to_do() -> None:
    sample = catalog.sample_portfolio()
    lines = load("weekly_digest").main(date(2026, 11, 23), sample, "en")
    heads = [line for line in lines if not line.startswith("  ")]
    assert 11 == len(heads)  # the firms with something overdue or due this week
    assert heads[0].startswith("陆丰港口危化仓储有限公司 (91441500MA017BD00A): 1 overdue")
    assert lines[1].startswith(
        "  ! Drill the on-site response schemes at least once every half year: 2026-01-01 to 2026-06-30"
    )
    # the 2012 decision's hours rest on an unverified source: the line says so
    assert any(line.endswith("(source not verified)") for line in lines)
