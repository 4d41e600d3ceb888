"""Benchmark the working-day calendar against its peers and a pure-Python floor.

Run:  python benchmarks/bench_calendar.py  [--quick | --smoke]

Needs the ``bench`` extra (chinesecalendar, holidays, workalendar); a peer
that is not installed is skipped. Every contender answers the same calls on
the same random dates in 2019-2021 (workalendar's China table covers only
2018-2023). Prints µs per call and ratios: against safetyduty (peer / ours)
and against the floor (ours / floor).

The floor is what plain Python can do with precomputed data and nothing
else: one index into a bytearray for ``is_workday``, and ``bisect`` over the
sorted workday ordinals for ``add_workdays`` and ``workdays_between``.
"""

from __future__ import annotations

import argparse
import bisect
import random
import timeit
import warnings
from collections.abc import Callable
from datetime import date, timedelta

from safetyduty.calendars import default_calendar

FIRST, LAST = date(2019, 1, 1), date(2021, 12, 31)


def floor_functions() -> dict[str, Callable[..., object]]:
    """The floor: a bare table lookup and a bare bisect, built from our data."""
    cal = default_calendar()
    start, end = date(2004, 1, 1), date(2026, 12, 31)
    base = start.toordinal()
    table = bytearray(
        cal.is_workday(start + timedelta(days=i)) for i in range((end - start).days + 1)
    )
    ordinals = [base + i for i, w in enumerate(table) if w]

    def is_workday(day: date) -> bool:
        return table[day.toordinal() - base] == 1

    def add_workdays(day: date, n: int) -> date:
        return date.fromordinal(ordinals[bisect.bisect_right(ordinals, day.toordinal()) + n - 1])

    def workdays_between(a: date, b: date) -> int:
        return bisect.bisect_right(ordinals, b.toordinal()) - bisect.bisect_right(
            ordinals, a.toordinal()
        )

    return {"is_workday": is_workday, "add": add_workdays, "between": workdays_between}


def contenders() -> dict[str, dict[str, Callable[..., object]]]:
    """Each contender's three operations, on the same conventions where possible."""
    cal = default_calendar()
    found: dict[str, dict[str, Callable[..., object]]] = {
        "safetyduty": {
            "is_workday": cal.is_workday,
            "add": cal.add_workdays,
            "between": cal.workdays_between,
        },
        "floor": floor_functions(),
    }
    try:
        import chinese_calendar

        found["chinesecalendar"] = {
            "is_workday": chinese_calendar.is_workday,
            # find_workday(n, d) first moves a rest day d to the next workday and
            # counts n from there: on a rest day our n-th is its (n-1)-th.
            "add": lambda d, n: chinese_calendar.find_workday(
                n if chinese_calendar.is_workday(d) else n - 1, d
            ),
            "between": lambda a, b: len(chinese_calendar.get_workdays(a + timedelta(days=1), b)),
        }
    except ImportError:
        print("chinesecalendar not installed: skipped")
    try:
        import holidays

        cn = holidays.China(years=range(2018, 2024))
        found["holidays"] = {
            "is_workday": cn.is_working_day,
            "add": cn.get_nth_working_day,
            "between": lambda a, b: cn.get_working_days_count(a + timedelta(days=1), b),
        }
    except ImportError:
        print("holidays not installed: skipped")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from workalendar.asia import China

            wc = China()
            wc.is_working_day(FIRST)

        def quiet(fn: Callable[..., object]) -> Callable[..., object]:
            def call(*args: object) -> object:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return fn(*args)

            return call

        found["workalendar"] = {
            "is_workday": quiet(wc.is_working_day),
            "add": quiet(wc.add_working_days),
            "between": quiet(wc.get_working_days_delta),
        }
    except ImportError:
        print("workalendar not installed: skipped")
    return found


def per_call_us(fn: Callable[[], object], calls: int, budget: float) -> float:
    """Best-of-5 µs per call of *fn*, which itself makes *calls* calls."""
    number = 1
    while True:
        took = timeit.timeit(fn, number=number)
        if took >= budget / 5 or number >= 1_000:
            break
        number *= 2
    best = min(timeit.repeat(fn, number=number, repeat=5))
    return best / number / calls * 1e6


def main(argv: list[str] | None = None) -> None:
    """Run the cases and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="fewer dates, shorter timing")
    size.add_argument("--smoke", action="store_true", help="10 dates, once: checks that it runs")
    args = parser.parse_args(argv)
    rng = random.Random(20261123)
    span = (LAST - FIRST).days
    count = 10 if args.smoke else 200 if args.quick else 1_000
    budget = 0.001 if args.smoke else 0.2 if args.quick else 1.0
    days = [FIRST + timedelta(days=rng.randrange(span)) for _ in range(count)]
    pairs = [(d, d + timedelta(days=rng.randrange(1, 401))) for d in days]
    found = contenders()

    # Compare answers before timing: a benchmark of different answers is no race.
    ours = found["safetyduty"]
    for name, ops in found.items():
        differ = [
            d
            for d in days
            if ops["is_workday"](d) != ours["is_workday"](d)
            or ops["add"](d, 20) != ours["add"](d, 20)
        ]
        if differ:
            print(
                f"note: {name} answers differently on {len(differ)} of {len(days)} dates, e.g. {differ[0]}"
            )

    cases: list[
        tuple[str, str, Callable[[dict[str, Callable[..., object]]], Callable[[], object]]]
    ] = [
        ("is_workday", "is_workday", lambda ops: lambda: [ops["is_workday"](d) for d in days]),
    ]
    for n in (1, 5, 20, 250):
        cases.append(  # noqa: PERF401 - one case per n reads best as a loop
            (
                f"add_workdays n={n}",
                "add",
                lambda ops, n=n: lambda: [ops["add"](d, n) for d in days],
            )
        )
    cases.append(
        (
            "workdays_between ≤400d",
            "between",
            lambda ops: lambda: [ops["between"](a, b) for a, b in pairs],
        )
    )

    names = list(found)
    header = f"{'operation':<24}" + "".join(f"{n:>17}" for n in names)
    print(
        f"µs per call ({count} dates in {FIRST.year}-{LAST.year}); in brackets: time / safetyduty's"
    )
    print(header)
    print("-" * len(header))
    for title, _op, make in cases:
        timings = {name: per_call_us(make(ops), count, budget) for name, ops in found.items()}
        base = timings["safetyduty"]
        cells = "".join(f"{timings[n]:>9.3f} ({timings[n] / base:>5.1f}x)" for n in names)
        print(f"{title:<24}{cells}")
    print("\nsafetyduty / floor > 1 means slower than the bare floor; goal: within 2x.")


if __name__ == "__main__":
    main()
