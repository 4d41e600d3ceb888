"""Cost per enterprise: plain single process, local Spark and local Dask, on one generated province.

The plain run reads the same JSON Lines partitions in this process, judges
them with ``evaluate_cases`` and writes Parquet with ``to_arrow``; the
engines run ``examples/spark_province.py`` and ``examples/dask_province.py``,
whose "evaluate and write" time (after the engine has started) is quoted.
Engine start-up is reported apart.

Usage:  python benchmarks/bench_cluster.py [--size 4000] [--partitions 8] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq

from safetyduty import cases
from safetyduty.calendars import default_calendar

ROOT = Path(__file__).resolve().parents[1]
AS_OF, SINCE = date(2026, 11, 23), date(2026, 1, 1)


def plain(folder: Path, out: Path) -> float:
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    calendar = default_calendar(as_known_at=AS_OF)
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows = cases.evaluate_cases(handle, as_of=AS_OF, since=SINCE, calendar=calendar)
            pq.write_table(cases.to_arrow(rows), out / f"{path.stem}.parquet")
    return time.perf_counter() - started


def engine(name: str, size: int, partitions: int, workdir: Path) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / f"{name}_province.py"), "--size", str(size),
         "--partitions", str(partitions), "--workdir", str(workdir)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = re.search(r"start \w+ ([0-9.]+), evaluate and write ([0-9.]+)", done.stdout)
    assert found is not None, done.stdout
    return float(found.group(1)), float(found.group(2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="tiny, the plain run only (tests/test_cluster_examples.py runs the engines)",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.size, args.partitions = 20, 2
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    sys.path.insert(0, str(ROOT / "examples"))
    from spark_province import write_province

    folder = workdir / f"cases-{args.size}"
    write_province(folder, args.size, args.partitions)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"{args.size} enterprises in {args.partitions} partitions")  # fmt: skip
    print(f"{'run':<28} {'start s':>8} {'judge+write s':>14} {'ms/enterprise':>14}")
    took = plain(folder, workdir / "plain-rows")
    print(f"{'plain (1 process)':<28} {0:>8.1f} {took:>14.1f} {took / args.size * 1000:>14.2f}")
    engines = (
        ()
        if args.smoke
        else (("spark", "Spark local[*]"), ("dask", "Dask LocalCluster, 2 workers"))
    )
    for name, label in engines:
        start, work = engine(name, args.size, args.partitions, workdir)
        print(f"{label:<28} {start:>8.1f} {work:>14.1f} {work / args.size * 1000:>14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
