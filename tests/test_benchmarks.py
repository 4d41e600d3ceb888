"""A smoke run of every benchmark: each runs once at a tiny size and prints its table.

No timing is asserted (a shared machine makes times meaningless in a test);
the point is that the scripts keep working as the library changes. The
benchmarks' peers (pydantic, holidays, chinesecalendar …) come with the
``bench`` extra; without it a benchmark that needs one is skipped.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SCRIPTS = sorted(p.stem for p in BENCHMARKS.glob("bench_*.py"))
GOALS = (
    "evaluate, enterprise-year",
    "report rows",
    "report JSON",
    "dumps of a report",
    "from_dict",
    "loads",
    "credit_status",
    "occurrences",
    "start-up",
    "import safetyduty.rules.compliance",
    "peak memory streaming",
)
"""A phrase of each row of issue 16's goals table, as bench_goals prints it."""
PEERS = {"bench_serde": "pydantic", "bench_goals": "pydantic", "bench_calendar": "holidays"}


def _load(name: str) -> ModuleType:
    """Import a benchmark script as a module, with its folder on the path for its helpers."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestBenchmarks:
    """Every bench_*.py runs with --smoke."""

    def test_every_benchmark_is_listed(self) -> None:
        """The goals table and the four topic benchmarks are found."""
        assert {"bench_goals", "bench_compliance", "bench_serde", "bench_calendar"} <= set(SCRIPTS)

    @pytest.mark.parametrize("name", SCRIPTS)
    def test_smoke(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        """The script runs at its tiny size and prints a table (the goals table: every goal)."""
        if name in PEERS:
            pytest.importorskip(PEERS[name])
        if name == "bench_goals":
            pytest.importorskip("holidays")
        _load(name).main(["--smoke"])
        out = capsys.readouterr().out
        assert out.strip()
        if name == "bench_goals":
            for goal in GOALS:
                assert goal in out
