"""Benchmark compliance evaluation over synthetic portfolios of 1,000 and 10,000 enterprises.

Run:  python benchmarks/bench_compliance.py  [--quick]

Each enterprise gets a year of records in the pattern of the sample
portfolio (daily team checks, weekly and monthly checks, the 八个一次 duties,
drills, quarterly reports, standing evidence; about 400 records) and the
sample's people (two to four), and is evaluated against the full catalog
(the catalog's duties, the standing requirements, the personnel checks) as
of 2026-11-23 from 2026-01-01. Records are built
per enterprise outside the timed part, so memory stays flat. Prints
enterprises per second, rows per second, and the 10k/1k time ratio (about
10 means linear).
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from safetyduty.rules.standing import STANDING_REQUIREMENTS

from safetyduty.catalog import enterprise_obligations
from safetyduty.catalog._sample import _enterprises, _people_of, _records
from safetyduty.models import Enterprise
from safetyduty.models._enterprise import uscc_check_char
from safetyduty.rules.compliance import evaluate

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
    duties = enterprise_obligations()
    spent, rows = 0.0, 0
    for index, firm in enumerate(synthetic(n)):
        records = _records(index % 20, firm.uscc)
        people = _people_of(index % 20, firm)
        started = time.perf_counter()
        report = evaluate(
            firm,
            records,
            as_of=AS_OF,
            since=SINCE,
            obligations=duties,
            people=people,
            requirements=STANDING_REQUIREMENTS,
        )
        spent += time.perf_counter() - started
        rows += len(report.rows)
    return spent, rows


def main() -> None:
    """Run both sizes and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 enterprises")
    sizes = (100, 1_000) if parser.parse_args().quick else (1_000, 10_000)
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
