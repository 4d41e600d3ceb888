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
    assert len(heads) == len(sample.enterprises)  # every sample firm has daily checks due
    assert heads[0].startswith("汕尾市海丰化工有限公司 (91441500MA00000008): 1 overdue")
    assert lines[1].startswith(
        "  ! 主要负责人每月至少带队检查一次安全生产工作: 2026-03-01 to 2026-03-31"
    )
