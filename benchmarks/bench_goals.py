"""Issue 16's goals, each measured against its floor or peer in one run.

Run:  python benchmarks/bench_goals.py  [--quick | --smoke]

Needs the ``bench`` extra (pydantic and holidays are the peers). Each row
prints our figure, the floor's or the peer's, their ratio and the goal. The
two sides of a ratio are timed in turns, best of several runs, so that a
busy machine slows both alike: read the ratios, not the absolute times.

- ``evaluate``: one enterprise-year against the full catalog
  (:mod:`workload`: 20 of them, half in 汕尾 and half in 忻州经济开发区, 2020),
  against the floor that groups the records and counts each period with
  plain tuples;
- report size: rows and ``serde.dumps`` bytes per enterprise-year (the
  largest of the 20);
- ``from_dict``/``loads`` and ``to_dict``/``dumps`` of an ``Enterprise``
  against pydantic v2 on a twin model with the same fields and checks;
- ``dumps`` of a report against the standard ``json`` module writing the same
  document (today's ``dumps``);
- ``credit_statuses`` of 1,000 subjects with 20,000 events against each
  subject alone with its own events (linear: 1.0), and the old way
  (``credit_status`` per subject over all events);
- ``occurrences``, 10 years monthly, against a plain month loop;
- start-up, in fresh processes with bytecode cached: ``safetyduty workdays
  add`` against the ``holidays`` one-liner, and ``import
  safetyduty.rules.compliance`` less ``python -c pass``;
- peak memory of ``safetyduty evaluate FILE.jsonl`` on 10,000 enterprises
  (2,000 with ``--quick``) against a tenth of them (flat: 1.0;
  ``bench_stream.py`` measures 100,000).

``--smoke`` runs everything once at a tiny size (a test does that; its
figures mean nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_stream
import workload
from bench_serde import PEnterprise, samples

from safetyduty import serde
from safetyduty.models import DueKind, DueRule, Frequency, Recurring
from safetyduty.rules import credit
from safetyduty.rules.deadlines import occurrences

HOLIDAYS_ONE_LINER = (
    "import holidays; from datetime import date; "
    "print(holidays.China(years=2025).get_nth_working_day(date(2025, 9, 26), 20))"
)


class Table:
    """The goals table, printed as it fills."""

    def __init__(self) -> None:
        print(f"{'goal':<46}{'ours':>12}{'floor/peer':>12}{'ratio':>8}  target")

    def row(self, name: str, ours: str, theirs: str, ratio: float | None, target: str) -> None:
        """One line of the table."""
        shown = f"{ratio:>8.2f}" if ratio is not None else f"{'':>8}"
        print(f"{name:<46}{ours:>12}{theirs:>12}{shown}  {target}", flush=True)


def paired(
    ours: Callable[[], object], theirs: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Best seconds of *ours* and of *theirs*, timed in turns over *rounds* rounds."""
    best_ours = best_theirs = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        ours()
        best_ours = min(best_ours, time.perf_counter() - started)
        started = time.perf_counter()
        theirs()
        best_theirs = min(best_theirs, time.perf_counter() - started)
    return best_ours, best_theirs


def repeated(call: Callable[[], object], number: int) -> Callable[[], None]:
    """*call* made *number* times."""

    def run() -> None:
        for _ in range(number):
            call()

    return run


def ms(seconds: float) -> str:
    """Seconds as milliseconds."""
    return f"{seconds * 1e3:.3f} ms"


def us(seconds: float) -> str:
    """Seconds as microseconds."""
    return f"{seconds * 1e6:.2f} µs"


def evaluation(table: Table, *, cases: int, rounds: int) -> None:
    """evaluate against the floor, and the report's size."""
    years = workload.enterprise_years(cases)
    reports = [workload.evaluate(case) for case in years]
    windows = [workload.floor_windows(report) for report in reports]

    best_ours = [float("inf")] * len(years)
    best_floor = [float("inf")] * len(years)
    clock = time.perf_counter
    for _ in range(rounds):  # each enterprise-year timed on both sides in turn: load hits both
        for index, (case, each) in enumerate(zip(years, windows, strict=True)):
            started = clock()
            workload.evaluate(case)
            best_ours[index] = min(best_ours[index], clock() - started)
            started = clock()
            workload.floor(case[1], each, workload.AS_OF)
            best_floor[index] = min(best_floor[index], clock() - started)
    mine, bare = sum(best_ours), sum(best_floor)
    table.row(
        "evaluate, enterprise-year, full catalog",
        ms(mine / len(years)),
        ms(bare / len(years)),
        mine / bare,
        "≤ 2",
    )
    rows = max(len(r.rows) for r in reports)
    size = max(len(serde.dumps(r).encode()) for r in reports)
    table.row("report rows per enterprise-year (largest)", f"{rows}", "120", rows / 120, "≤ 1")
    table.row(
        "report JSON per enterprise-year (largest)",
        f"{size / 1024:.1f} KB",
        "40 KB",
        size / 1024 / 40,
        "≤ 1",
    )
    document = {
        "schema_version": serde.SCHEMA_VERSION,
        "type": "ComplianceReport",
        "data": serde.to_dict(reports[-1]),
    }
    assert json.loads(serde.dumps(reports[-1])) == document

    def today() -> str:
        return json.dumps(
            {
                "schema_version": serde.SCHEMA_VERSION,
                "type": "ComplianceReport",
                "data": serde.to_dict(reports[-1]),
            },
            ensure_ascii=False,
        )

    mine, old = paired(
        repeated(lambda: serde.dumps(reports[-1]), 10), repeated(today, 10), rounds * 2
    )
    table.row("dumps of a report vs json module", ms(mine / 10), ms(old / 10), mine / old, "≤ 0.6")


def serialisation(table: Table, *, number: int, rounds: int) -> None:
    """Enterprise in and out, against pydantic."""
    enterprise, _ = samples()
    data = serde.to_dict(enterprise)
    text = serde.dumps(enterprise)
    twin = PEnterprise.model_validate(data)
    twin_json = twin.model_dump_json()
    assert serde.from_dict(data, type(enterprise)) == enterprise
    assert PEnterprise.model_validate_json(twin_json) == twin
    for name, ours, theirs in (
        ("Enterprise from_dict vs model_validate", lambda: serde.from_dict(data, type(enterprise)),
         lambda: PEnterprise.model_validate(data)),
        ("Enterprise to_dict vs model_dump", lambda: serde.to_dict(enterprise),
         lambda: twin.model_dump(mode="json")),
        ("Enterprise loads vs model_validate_json", lambda: serde.loads(text, type(enterprise)),
         lambda: PEnterprise.model_validate_json(twin_json)),
        ("Enterprise dumps vs model_dump_json", lambda: serde.dumps(enterprise),
         twin.model_dump_json),
    ):  # fmt: skip
        mine, peer = paired(repeated(ours, number), repeated(theirs, number), rounds)
        table.row(name, us(mine / number), us(peer / number), mine / peer, "≤ 1")


def credit_lists(table: Table, *, subjects: int, rounds: int) -> None:
    """credit_statuses over many subjects against each subject alone; the old way."""
    events = workload.credit_events(subjects)
    as_of = date(2026, 1, 1)
    own: dict[str, list[Any]] = {}
    for event in events:
        own.setdefault(event.subject, []).append(event)
    statuses = getattr(credit, "credit_statuses", None)
    if statuses is None:
        table.row("credit_statuses (not yet written)", "-", "-", None, "linear")
    else:
        assert statuses(events, as_of=as_of) == {
            s: credit.credit_status(s, e, as_of=as_of) for s, e in own.items()
        }

        def alone() -> None:
            for subject, mine in own.items():
                credit.credit_status(subject, mine, as_of=as_of)

        grouped, floor = paired(lambda: statuses(events, as_of=as_of), alone, rounds)
        table.row(
            f"credit_statuses, {len(own):,} subjects, {len(events):,} events",
            ms(grouped),
            ms(floor),
            grouped / floor,
            "≈ 1 (linear)",
        )
    some = list(own)[:20]
    started = time.perf_counter()
    for subject in some:
        credit.credit_status(subject, events, as_of=as_of)
    old = (time.perf_counter() - started) / len(some) * len(own)
    started = time.perf_counter()
    for subject in some:
        credit.credit_status(subject, own[subject], as_of=as_of)
    floor = (time.perf_counter() - started) / len(some) * len(own)
    table.row(
        "credit_status per subject over all events", ms(old), ms(floor), old / floor, "(old way)"
    )


def periods(table: Table, *, number: int, rounds: int) -> None:
    """occurrences, 10 years monthly, against a plain month loop."""
    schedule = Recurring(
        frequency=Frequency.MONTHLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=25)
    )
    first, last = date(2016, 1, 1), date(2025, 12, 31)
    found = occurrences(schedule, first, last)
    assert [(o.start, o.end, o.due) for o in found] == workload.plain_months(2016, 10, 25)
    mine, plain = paired(
        repeated(lambda: occurrences(schedule, first, last), number),
        repeated(lambda: workload.plain_months(2016, 10, 25), number),
        rounds,
    )
    table.row(
        "occurrences, 10 years monthly", us(mine / number), us(plain / number), mine / plain, "≤ 3"
    )


def _environment(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def start_up(table: Table, *, runs: int) -> None:
    """Fresh processes: the calendar command against holidays; the compliance import."""
    python = sys.executable
    commands = {
        "pass": [python, "-c", "pass"],
        "cli": [python, "-m", "safetyduty", "workdays", "add", "2025-09-26", "20"],
        "holidays": [
            python,
            "-c",
            HOLIDAYS_ONE_LINER,
        ],
        "compliance": [python, "-c", "import safetyduty.rules.compliance"],
    }
    with tempfile.TemporaryDirectory() as cache:
        env = _environment(cache)
        for command in commands.values():
            _timed(command, env)  # writes the bytecode cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(_timed(command, env))
    best = {name: min(found) for name, found in times.items()}
    table.row(
        "start-up: safetyduty workdays add",
        ms(best["cli"]),
        ms(best["holidays"]),
        best["cli"] / best["holidays"],
        "≤ 1.2 (holidays one-liner)",
    )
    imported = best["compliance"] - best["pass"]
    table.row(
        "import safetyduty.rules.compliance",
        ms(imported),
        "60 ms",
        imported / 0.060,
        f"≤ 1 (python -c pass: {ms(best['pass'])}, median {ms(statistics.median(times['compliance']))})",
    )


def streaming(table: Table, *, size: int) -> None:
    """Peak memory of the command line streaming *size* enterprises, against a tenth of them."""
    with tempfile.TemporaryDirectory() as folder:
        peaks = []
        for count in (max(1, size // 10), size):
            _, peak, code = bench_stream.measure(
                bench_stream.province(Path(folder), count), "jsonl"
            )
            if code != 0:
                msg = f"safetyduty evaluate failed on {count} enterprises (exit code {code})"
                raise RuntimeError(msg)
            peaks.append(peak)
    table.row(
        f"peak memory streaming {size:,} enterprises",
        f"{peaks[1] / 1024:.0f} MB",
        f"{peaks[0] / 1024:.0f} MB",
        peaks[1] / peaks[0],
        f"≈ 1 (flat: vs {max(1, size // 10):,}; 100k: bench_stream.py)",
    )


def main(argv: list[str] | None = None) -> None:
    """Run every goal and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="fewer rounds")
    size.add_argument("--smoke", action="store_true", help="once, tiny: checks that it runs")
    args = parser.parse_args(argv)
    rounds = 1 if args.smoke else 5 if args.quick else 20
    print(
        f"python {sys.version.split()[0]} on {os.cpu_count()} cores; "
        f"ratio = ours / floor or peer, sides timed in turns, best of {rounds}"
    )
    table = Table()
    evaluation(table, cases=2 if args.smoke else 20, rounds=rounds)
    serialisation(table, number=10 if args.smoke else 2_000, rounds=rounds)
    credit_lists(table, subjects=10 if args.smoke else 1_000, rounds=max(1, rounds // 3))
    periods(table, number=2 if args.smoke else 200, rounds=rounds)
    start_up(table, runs=1 if args.smoke else 10)
    streaming(table, size=20 if args.smoke else 2_000 if args.quick else 10_000)


if __name__ == "__main__":
    main()
