"""A province on a local Spark: JSON Lines partitions in, Parquet rows and a summary out.

Generates a province (50,000 enterprises by default, about 400 facts each,
from the sample) as JSON Lines partitions, one enterprise a line; evaluates
it on Spark ``local[*]`` with one call, ``rdd.mapPartitions(evaluate_cases)``;
writes the flat rows as Parquet; and prints the overdue duties per region
and duty. Every worker judges with the same calendar, pinned with
``as_known_at``, and reads the catalog from the installed package: only the
lines and the function's arguments travel.

Usage::

    python examples/spark_province.py --size 2000 --workdir /tmp/province

Needs ``pyspark`` and ``pyarrow`` (the ``tests`` extra) and Java 17 or newer.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    """Run the example; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="enterprises (default 50000)")
    parser.add_argument("--partitions", type=int, default=8, help="JSON Lines files (default 8)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where files go (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="province-"))
    started = time.perf_counter()
    folder = workdir / f"cases-{args.size}"
    write_province(folder, args.size, args.partitions)
    generated = time.perf_counter()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession  # noqa: PLC0415 - only once the files are written

    spark = (
        SparkSession.builder.master("local[*]")
        .appName("safetyduty-province")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    ready = time.perf_counter()
    judge = functools.partial(
        cases.evaluate_cases,
        as_of=AS_OF,
        since=SINCE,
        calendar=default_calendar(as_known_at=AS_OF),  # every worker judges with this data
        values="python",
    )
    # The one call: lines in, typed flat rows out, a partition at a time.
    rows = spark.sparkContext.textFile(str(folder)).mapPartitions(judge)
    frame = spark.createDataFrame(rows, cases.spark_schema())
    out = workdir / f"spark-rows-{args.size}"
    frame.write.mode("overwrite").parquet(str(out))
    evaluated = time.perf_counter()

    firms = spark.read.json(str(folder)).selectExpr(
        "enterprise.uscc AS enterprise", "enterprise.region AS region"
    )
    overdue = (
        spark.read.parquet(str(out))
        .filter("status = 'missed'")
        .join(firms, "enterprise")
        .groupBy("region", "obligation")
        .count()
        .orderBy("count", "region", "obligation", ascending=[False, True, True])
    )
    top = overdue.limit(10).collect()
    spark.stop()

    print(f"{args.size} enterprises in {args.partitions} partitions: {folder}")
    print(f"rows as Parquet: {out}")
    print(f"overdue (missed) per region and duty, top {len(top)}:")
    for row in top:
        print(f"  {row['region']}  {row['obligation']:<50} {row['count']:>7}")
    per_firm = (evaluated - ready) / max(args.size, 1) * 1000
    print(
        f"seconds: generate {generated - started:.1f}, start Spark {ready - generated:.1f}, "
        f"evaluate and write {evaluated - ready:.1f} ({per_firm:.2f} ms per enterprise)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
