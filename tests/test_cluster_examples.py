"""The Spark and Dask examples run on a small province and give the plain result, row for row."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from safetyduty import cases, catalog
from safetyduty.rules.compliance import rows_of
from tests.test_cases import canonical

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SIZE, PARTS = 60, 3


@pytest.mark.parametrize("engine", ["spark", "dask"])
def test_the_example_matches_the_plain_run(engine: str, tmp_path: Path) -> None:
    """Every row of the engine's Parquet equals a row of evaluate_many over the joined cases."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / f"{engine}_province.py"), "--size", str(SIZE),
         "--partitions", str(PARTS), "--workdir", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert 0 == done.returncode, done.stderr[-3000:]
    assert "overdue (missed) per region and duty" in done.stdout
    files = sorted((tmp_path / f"cases-{SIZE}").glob("*.jsonl"))
    assert PARTS == len(files)
    portfolio = cases.join(
        cases.read_cases(
            line for path in files for line in path.read_text(encoding="utf-8").splitlines()
        )
    )
    assert SIZE == len(portfolio.enterprises)
    plain = rows_of(
        catalog.evaluate_many(
            portfolio.enterprises, portfolio.records, as_of=date(2026, 11, 23), since=date(2026, 1, 1),
            hazards=portfolio.hazards, accidents=portfolio.accidents, people=portfolio.people,
        )
    )  # fmt: skip
    table = pq.read_table(tmp_path / f"{engine}-rows-{SIZE}")
    assert set(cases.arrow_schema().names) == set(table.schema.names)
    got = sorted((canonical(row) for row in table.to_pylist()), key=repr)
    assert sorted((canonical(row) for row in plain), key=repr) == got
    assert any(row["due_at"] is not None for row in table.to_pylist())  # hour limits travel too
