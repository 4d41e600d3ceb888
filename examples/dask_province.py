"""A province on a local Dask cluster: JSON Lines partitions in, Parquet rows and a summary out.

Generates a province (50,000 enterprises by default, about 400 facts each,
from the sample) as JSON Lines partitions, one enterprise a line; evaluates
it on a local Dask cluster (two worker processes) with one call,
``bag.map_partitions(evaluate_cases)``; writes the flat rows as Parquet;
and prints the overdue duties per region and duty. Every worker judges
with the same calendar, pinned with ``as_known_at``, and reads the catalog
from the installed package: only the lines and the function's arguments
travel.

Usage::

    python examples/dask_province.py --size 2000 --workdir /tmp/province

Needs ``dask[distributed,dataframe]`` and ``pyarrow`` (the ``tests`` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from safetyduty import cases
from safetyduty.calendars import default_calendar

AS_OF = date(2026, 11, 23)
SINCE = date(2026, 1, 1)  # the sample's records begin here


def write_province(folder: Path, size: int, partitions: int) -> list[Path]:
    """*size* generated cases in *partitions* JSON Lines files (kept if already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for part in range(partitions):
        first, last = size * part // partitions, size * (part + 1) // partitions
        path = folder / f"part-{part:05d}.jsonl"
        if not path.exists():
            with path.open("w", encoding="utf-8") as handle:
                for line in cases.sample_lines(last - first, first=first):
                    handle.write(line + "\n")
        paths.append(path)
    return paths


def _firm(line: str) -> dict[str, Any]:
    enterprise = json.loads(line)["enterprise"]
    return {"enterprise": enterprise["uscc"], "region": enterprise["region"]}


def main(argv: list[str] | None = None) -> int:
    """Run the example; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="enterprises (default 50000)")
    parser.add_argument("--partitions", type=int, default=8, help="JSON Lines files (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where files go (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="province-"))
    started = time.perf_counter()
    folder = workdir / f"cases-{args.size}"
    write_province(folder, args.size, args.partitions)
    generated = time.perf_counter()

    import dask.bag as db  # noqa: PLC0415 - only once the files are written
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415

    out = workdir / f"dask-rows-{args.size}"
    with (
        LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        ready = time.perf_counter()
        lines = db.read_text(str(folder / "*.jsonl"))
        # The one call: lines in, typed flat rows out, a partition at a time.
        rows = lines.map_partitions(
            cases.evaluate_cases,
            as_of=AS_OF,
            since=SINCE,
            calendar=default_calendar(as_known_at=AS_OF),  # every worker judges with this data
            values="python",
        )
        frame = rows.to_dataframe(meta=cases.to_arrow([]).to_pandas())
        frame.to_parquet(str(out), schema=cases.arrow_schema(), write_index=False, overwrite=True)
        evaluated = time.perf_counter()

        import dask.dataframe as dd  # noqa: PLC0415

        firms = lines.map(_firm).to_dataframe(meta={"enterprise": str, "region": str})
        missed = dd.read_parquet(str(out), columns=["enterprise", "obligation", "status"])
        missed = missed[missed.status == "missed"].merge(firms.compute(), on="enterprise")
        counts = missed.groupby(["region", "obligation"]).size().compute()
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:10]

    print(f"{args.size} enterprises in {args.partitions} partitions: {folder}")
    print(f"rows as Parquet: {out}")
    print(f"overdue (missed) per region and duty, top {len(top)}:")
    for (region, obligation), count in top:
        print(f"  {region}  {obligation:<50} {count:>7}")
    per_firm = (evaluated - ready) / max(args.size, 1) * 1000
    print(
        f"seconds: generate {generated - started:.1f}, start Dask {ready - generated:.1f}, "
        f"evaluate and write {evaluated - ready:.1f} ({per_firm:.2f} ms per enterprise)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
