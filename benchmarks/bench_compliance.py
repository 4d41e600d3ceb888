"""Benchmark compliance evaluation over synthetic portfolios of 1,000 and 10,000 enterprises.

Run:  python benchmarks/bench_compliance.py  [--quick | --smoke]

Each enterprise gets a year of records in the pattern of the sample
portfolio (daily team checks, weekly and monthly checks, the 八个一次 duties,
drills, quarterly reports, standing evidence; about 400 records) and the
sample's people (two to four), and is evaluated against the full catalog
(the national duties, standing requirements and personnel checks, and the
seed plans where they bind) as of 2026-11-23 from 2026-01-01. Records are built
per enterprise outside the timed part, so memory stays flat. Prints
enterprises per second, rows per second, and the 10k/1k time ratio (about
10 means linear).
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from safetyduty.catalog import evaluate
from safetyduty.catalog._sample import _enterprises, _people_of, _records
from safetyduty.models import Enterprise, uscc_check_char

AS_OF, SINCE = date(2026, 11, 23), date(2026, 1, 1)
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def synthetic(n: int) -> list[Enterprise]:
    """n enterprises cycling through the sample's twenty profiles, each with its own code."""
    profiles = _enterprises()
    firms = []
    for i in range(n):
        digits = "".join(CHARS[(i // 31**k) % 31] for k in range(5))
        head = f"914415{digits}00000A"[:17]
        firms.append(
            Enterprise(
                uscc=head + uscc_check_char(head),
                name=f"企业{i}",
                industry=profiles[i % 20].industry,
                region=profiles[i % 20].region,
                employees=profiles[i % 20].employees,
                hazard_flags=profiles[i % 20].hazard_flags,
            )
        )
    return firms


def run(n: int) -> tuple[float, int]:
    """Seconds spent evaluating n enterprises, and the rows produced."""
    spent, rows = 0.0, 0
    for index, firm in enumerate(synthetic(n)):
        records = _records(index % 20, firm.uscc)
        people = _people_of(index % 20, firm)
        started = time.perf_counter()
        report = evaluate(firm, records, as_of=AS_OF, since=SINCE, people=people)
        spent += time.perf_counter() - started
        rows += len(report.rows)
    return spent, rows


def main(argv: list[str] | None = None) -> None:
    """Run both sizes and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="100 and 1,000 enterprises")
    size.add_argument(
        "--smoke", action="store_true", help="2 and 4 enterprises: checks that it runs"
    )
    args = parser.parse_args(argv)
    sizes = (2, 4) if args.smoke else (100, 1_000) if args.quick else (1_000, 10_000)
    results = {n: run(n) for n in sizes}
    print(f"{'enterprises':>12}{'seconds':>10}{'enterprises/s':>15}{'rows':>12}{'rows/s':>12}")
    for n, (seconds, rows) in results.items():
        print(f"{n:>12,}{seconds:>10.2f}{n / seconds:>15,.0f}{rows:>12,}{rows / seconds:>12,.0f}")
    small, large = sizes
    print(
        f"time ratio {large:,}/{small:,}: {results[large][0] / results[small][0]:.2f} (linear: {large / small:.0f})"
    )


if __name__ == "__main__":
    main()
